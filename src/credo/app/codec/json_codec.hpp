// JSON forms of the domain's values: the API's request and response bodies and the snapshots that
// store/ keeps for each version (one form for both, so the history shows exactly what the API showed).
//
// Parsing is strict: unknown keys, wrong types, unknown enum names, malformed dates and money are all
// kInvalidArgument with every bad field named in Error::fields, and nothing is applied.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>

#include "credo/app/ports/repositories.hpp"
#include "credo/domain/customer/activity.hpp"
#include "credo/domain/customer/customer.hpp"

namespace credo::app {

// Parses a request body; a body that is not a JSON object is kInvalidArgument naming "body".
Result<boost::json::object> ParseJsonObject(std::string_view body);

boost::json::value MoneyToJson(const Money& money, boost::json::storage_ptr storage = {});
Result<Money> MoneyFromJson(const boost::json::value& value, std::string_view path);

// The whole file: identity, classification, every present attribute as a top-level key, contacts, and
// the system keys (id, code, version, created_at, updated_at).
// `storage` lets a caller build the document in an arena (boost::json::monotonic_resource).
boost::json::object CustomerToJson(const domain::Customer& customer, boost::json::storage_ptr storage = {});
// Inverse of CustomerToJson, for stored snapshots (system keys accepted).
Result<domain::Customer> CustomerFromSnapshot(std::string_view json);
std::string CustomerSnapshot(const domain::Customer& customer);

// A new file from a POST body: identity, classification, attributes and contacts. System keys are
// refused ("is set by the system"); `reason` is returned separately.
struct CustomerDraft {
    domain::Customer customer;
    std::optional<std::string> reason;
};
Result<CustomerDraft> CustomerDraftFromJson(const boost::json::object& body);

// A PATCH body, checked for types up front and applied later to the current file inside the write
// transaction. `null` removes an attribute; `contacts` is refused (contacts have endpoints of their own).
struct CustomerEdit {
    std::function<void(domain::Customer&)> apply;
    std::optional<std::string> reason;
};
Result<CustomerEdit> CustomerEditFromJson(const boost::json::object& body);

boost::json::object ContactToJson(const domain::Contact& contact, boost::json::storage_ptr storage = {});
// A new contact (POST) or a partial one applied to an existing contact (PATCH).
struct ContactEdit {
    std::function<void(domain::Contact&)> apply;
    std::optional<std::string> reason;
};
Result<ContactEdit> ContactEditFromJson(const boost::json::object& body, bool creating);

boost::json::object ActivityToJson(const domain::Activity& activity);
Result<domain::Activity> ActivityFromJson(const boost::json::object& body);

boost::json::array ChangesToJson(const std::vector<domain::FieldChange>& changes);
Result<std::vector<domain::FieldChange>> ChangesFromJson(std::string_view json);

// Reads one catalog attribute from JSON (typed per its FieldType) or from a CSV cell (text form:
// money as "1234.50 CNY" or "1234.50" in CNY, lists separated by ';').
Result<domain::FieldValue> AttributeFromJson(const domain::FieldSpec& spec, const boost::json::value& value,
                                             std::string_view path);
Result<domain::FieldValue> AttributeFromText(const domain::FieldSpec& spec, std::string_view text,
                                             std::string_view path);
boost::json::value AttributeToJson(const domain::FieldValue& value, boost::json::storage_ptr storage = {});

}  // namespace credo::app
