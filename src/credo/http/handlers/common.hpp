// Helpers shared by the handlers: JSON responses, authentication, path and query parsing.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>

#include "credo/http/api.hpp"
#include "credo/http/error_mapping.hpp"

namespace credo::http {

Response JsonResponse(int status, const boost::json::value& body);
// {"amount": "1234.50", "currency": "CNY"}; null for an unknown currency.
boost::json::value MoneyJson(std::int64_t minor, const std::string& currency);
Response NoContent();  // 204
// A file to download under `filename`, never cached.
Response Attachment(std::string content_type, std::string bytes, const std::string& filename);
inline Response ToResponse(const Error& e) { return ErrorResponse(e); }

using AuthedHandler = std::function<Response(const Request&, const domain::Actor&)>;
// Wraps a handler so that it runs only with a valid bearer session.
Handler Authed(ApiDeps& deps, AuthedHandler handler);

Result<std::int64_t> PathId(const Request& req, std::string_view name);
Result<std::optional<std::int64_t>> QueryInt(const Request& req, std::string_view name, std::int64_t min,
                                             std::int64_t max);
Result<std::optional<Date>> QueryDate(const Request& req, std::string_view name);
// A true/false query parameter; absent or empty: `otherwise`.
Result<bool> QueryBool(const Request& req, std::string_view name, bool otherwise = false);
// The page of a list: `page` from 1 and `page_size` from 1 to 200 (default 50), as a limit and an offset.
struct PageQuery {
    int page = 1;
    int limit = 50;
    int offset = 0;
};
Result<PageQuery> QueryPage(const Request& req);
// The version an update is based on, from If-Match ("3", "\"3\"" or W/"3"); kPreconditionRequired when
// absent.
Result<std::int64_t> IfMatchVersion(const Request& req);
std::optional<std::int64_t> OptionalIfMatch(const Request& req);
// Rejects query parameters the endpoint does not know, naming the first.
Status OnlyQuery(const Request& req, std::initializer_list<std::string_view> allowed);

// Members of a JSON request body: an optional text (kInvalidArgument naming it when it is not text), an
// optional date, and the check that the body holds nothing but `allowed`, naming the first other member.
Result<std::optional<std::string>> TextMember(const boost::json::object& o, std::string_view key);
Result<std::optional<Date>> DateMember(const boost::json::object& o, std::string_view key);
Status OnlyMembers(const boost::json::object& o, std::initializer_list<std::string_view> allowed);

// The filter and sort query parameters of customer lists and exports.
Result<std::pair<app::CustomerFilter, app::CustomerSort>> ParseCustomerFilter(const Request& req);

void RegisterSystem(Router& router, ApiDeps& deps);
void RegisterAuth(Router& router, ApiDeps& deps);
void RegisterCustomers(Router& router, ApiDeps& deps);
void RegisterTransfer(Router& router, ApiDeps& deps);
void RegisterAudit(Router& router, ApiDeps& deps);
void RegisterOwnership(Router& router, ApiDeps& deps);
void RegisterAlerts(Router& router, ApiDeps& deps);
void RegisterLedger(Router& router, ApiDeps& deps);
void RegisterCreditApplications(Router& router, ApiDeps& deps);
void RegisterManagementReports(Router& router, ApiDeps& deps);
void RegisterClassification(Router& router, ApiDeps& deps);
void RegisterCollections(Router& router, ApiDeps& deps);
void RegisterReceivablesReports(Router& router, ApiDeps& deps);
void RegisterAnalytics(Router& router, ApiDeps& deps);
void RegisterDashboard(Router& router, ApiDeps& deps);

}  // namespace credo::http
