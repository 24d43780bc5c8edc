// The alerts inbox (SPEC RP-5): each user reads and clears its own alerts only.
#include "credo/app/alerts.hpp"

#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::object AlertJson(const app::Alert& a) {
    boost::system::error_code ec;
    json::value params = json::parse(a.params, ec);
    if (ec || !params.is_object()) params = json::object{};
    json::value customer = nullptr;
    if (a.customer)
        customer = json::object{{"id", a.customer->value()}, {"code", a.customer_code}, {"name", a.customer_name}};
    json::value subject = nullptr;
    if (a.subject) subject = json::object{{"id", a.subject->value()}, {"username", a.subject_username}};
    return json::object{{"id", a.id},
                        {"kind", a.kind},
                        {"day", FormatDate(a.day)},
                        {"customer", std::move(customer)},
                        {"subject", std::move(subject)},
                        {"params", std::move(params)},
                        {"created_at", FormatTimestamp(a.created_at)},
                        {"read_at", a.read_at ? json::value(FormatTimestamp(*a.read_at)) : json::value(nullptr)}};
}

}  // namespace

void RegisterAlerts(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    auto& ctx = deps.ctx;

    router.Add(Method::kGet, "/api/v1/alerts", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"unread", "page", "page_size"}); !s) return ToResponse(s.error());
                   auto unread = QueryBool(req, "unread");
                   if (!unread) return ToResponse(unread.error());
                   auto page = QueryPage(req);
                   if (!page) return ToResponse(page.error());
                   auto alerts = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::ListAlerts(tx, actor, *unread, page->limit, page->offset); });
                   if (!alerts) return ToResponse(alerts.error());
                   json::array items;
                   for (const auto& a : alerts->items) items.push_back(AlertJson(a));
                   return JsonResponse(
                       200,
                       json::object{{"items", std::move(items)}, {"total", alerts->total}, {"unread", alerts->unread}});
               }));

    router.Add(Method::kPost, "/api/v1/alerts/{id}/read", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto s = db.Write([&](app::Tx& tx) { return app::MarkAlertRead(tx, ctx, actor, *id); });
                   if (!s) return ToResponse(s.error());
                   return NoContent();
               }));

    router.Add(Method::kPost, "/api/v1/alerts/read-all", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request&, const Actor& actor) {
                   auto s = db.Write([&](app::Tx& tx) { return app::MarkAllAlertsRead(tx, ctx, actor); });
                   if (!s) return ToResponse(s.error());
                   return NoContent();
               }));
}

}  // namespace credo::http
