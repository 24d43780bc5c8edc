// The audit log: its entries, and rechecking its hash chain (admins and auditors; app/audit decides).
#include "credo/app/audit.hpp"

#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::value OptionalText(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::object EntryJson(const app::AuditRecord& r) {
    // Details were written as a JSON object; text that no longer parses (a tampered row) is shown as it is.
    json::value details;
    boost::system::error_code ec;
    details = json::parse(r.entry.details, ec);
    if (ec) details = json::value(r.entry.details);
    return json::object{{"id", r.id},
                        {"at", FormatTimestamp(r.entry.at)},
                        {"actor_id", r.entry.actor ? json::value(r.entry.actor->value()) : json::value(nullptr)},
                        {"actor_name", r.entry.actor_name},
                        {"action", r.entry.action},
                        {"entity", r.entry.entity},
                        {"entity_id", OptionalText(r.entry.entity_id)},
                        {"details", std::move(details)},
                        {"prev_hash", r.prev_hash},
                        {"hash", r.hash}};
}

std::optional<std::string> NonEmptyQuery(const Request& req, std::string_view name) {
    auto v = req.Query(name);
    if (!v || v->empty()) return std::nullopt;
    return std::string(*v);
}

Result<app::AuditQuery> ParseAuditQuery(const Request& req) {
    CREDO_CHECK(OnlyQuery(req, {"actor_id", "action", "entity", "entity_id", "from", "to", "page", "page_size"}));
    app::AuditQuery query;
    auto& f = query.filter;
    CREDO_TRY(auto actor, QueryInt(req, "actor_id", 1, INT64_MAX));
    if (actor) f.actor = UserId(*actor);
    f.action = NonEmptyQuery(req, "action");
    f.entity = NonEmptyQuery(req, "entity");
    f.entity_id = NonEmptyQuery(req, "entity_id");
    CREDO_TRY(auto from, QueryDate(req, "from"));
    CREDO_TRY(auto to, QueryDate(req, "to"));
    if (from) f.from = StartOfDay(*from);
    if (to) f.to = EndOfDay(*to);
    CREDO_TRY(auto page, QueryPage(req));
    query.limit = page.limit;
    query.offset = page.offset;
    return query;
}

}  // namespace

void RegisterAudit(Router& router, ApiDeps& deps) {
    router.Add(Method::kGet, "/api/v1/audit", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   auto query = ParseAuditQuery(req);
                   if (!query) return ToResponse(query.error());
                   auto page = app::ReadTx(deps.db, [&](app::Tx& tx) { return app::ListAudit(tx, actor, *query); });
                   if (!page) return ToResponse(page.error());
                   json::array items;
                   for (const auto& r : page->items) items.push_back(EntryJson(r));
                   return JsonResponse(200, json::object{{"items", std::move(items)},
                                                         {"total", page->total},
                                                         {"page", query->offset / query->limit + 1},
                                                         {"page_size", query->limit}});
               }));
    router.Add(Method::kGet, "/api/v1/audit/verify", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {}); !s) return ToResponse(s.error());
                   auto v = app::ReadTx(deps.db, [&](app::Tx& tx) { return app::VerifyAudit(tx, actor); });
                   if (!v) return ToResponse(v.error());
                   return JsonResponse(200, json::object{{"intact", v->intact},
                                                         {"entries", v->entries},
                                                         {"broken_at", v->broken_at ? json::value(*v->broken_at)
                                                                                    : json::value(nullptr)},
                                                         {"reason", OptionalText(v->reason)}});
               }));
}

}  // namespace credo::http
