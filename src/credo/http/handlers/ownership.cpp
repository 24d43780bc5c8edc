// Central ownership (SPEC OW-1…OW-5): handovers, balanced assignment proposals and policies.
// Assigning one file (POST /customers/{id}/assign) lives with the customer files (customers.cpp).
#include "credo/app/ownership.hpp"

#include <charconv>

#include "credo/app/codec/json_codec.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::value UserValue(const std::optional<UserId>& id) { return id ? json::value(id->value()) : json::value(nullptr); }

Status OnlyFields(const json::object& o, std::initializer_list<std::string_view> keys) {
    for (const auto& [k, _] : o)
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            return FieldError(std::string(k), "is not a field of this request");
    return Ok();
}

// A user id or null (the pool); `required`: the key must be present.
Result<std::optional<UserId>> UserField(const json::value* v, const std::string& field) {
    if (!v || v->is_null()) return std::optional<UserId>();
    if (v->is_int64() && v->get_int64() > 0) return std::optional<UserId>(UserId(v->get_int64()));
    return FieldError(field, "must be a user id, or null for the pool");
}

json::object HandoverJson(const app::HandoverRecord& r) {
    json::array items;
    for (const auto& i : r.items) {
        json::object item{{"customer_id", i.customer.value()},
                          {"code", i.code},
                          {"to", UserValue(i.to)},
                          {"open_orders", i.open_orders},
                          {"reserved_orders", nullptr},
                          {"receivables", nullptr}};
        if (i.currency) {
            if (auto c = Currency::FromCode(*i.currency)) {
                item["reserved_orders"] =
                    json::object{{"amount", Money(i.reserved_minor, *c).ToString()}, {"currency", *i.currency}};
                item["receivables"] =
                    json::object{{"amount", Money(i.receivables_minor, *c).ToString()}, {"currency", *i.currency}};
            }
        }
        items.push_back(std::move(item));
    }
    return json::object{{"id", r.id},
                        {"from_user_id", r.from.value()},
                        {"to", UserValue(r.to)},
                        {"actor_id", UserValue(r.actor)},
                        {"actor_name", r.actor_name},
                        {"at", FormatTimestamp(r.at)},
                        {"reason", r.reason},
                        {"customers", static_cast<std::int64_t>(r.items.size())},
                        {"items", std::move(items)}};
}

// Annual sales in the base currency, as Money.
json::value SalesJson(const app::Context& ctx, std::int64_t minor) {
    auto base = Currency::FromCode(ctx.settings.base_currency);
    if (!base) return nullptr;
    return json::object{{"amount", Money(minor, *base).ToString()}, {"currency", ctx.settings.base_currency}};
}

json::object MoveJson(const app::ProposedMove& m) {
    return json::object{{"customer_id", m.customer.value()},
                        {"code", m.code},
                        {"name", m.name},
                        {"from_owner_id", UserValue(m.from)},
                        {"to_owner_id", UserValue(m.to)}};
}

json::object PolicyJson(const app::PolicyView& p) {
    return json::object{{"key", p.record.key},
                        {"value", std::stoll(p.record.value)},
                        {"default", p.definition.default_value},
                        {"min", p.definition.min},
                        {"max", p.definition.max},
                        {"meaning", p.definition.meaning},
                        {"updated_at", p.record.updated_at.time_since_epoch().count() == 0
                                           ? json::value(nullptr)
                                           : json::value(FormatTimestamp(p.record.updated_at))},
                        {"updated_by", UserValue(p.record.updated_by)}};
}

Result<app::HandoverRequest> ParseHandover(const Request& req) {
    app::HandoverRequest out;
    CREDO_TRY(auto id, PathId(req, "id"));
    out.user = UserId(id);
    CREDO_TRY(auto body, app::ParseJsonObject(req.body));
    CREDO_CHECK(OnlyFields(body, {"to", "per_customer", "reason"}));
    if (!body.contains("to")) return FieldError("to", "is required: the successor's user id, or null for the pool");
    CREDO_TRY(out.to, UserField(body.if_contains("to"), "to"));
    if (const json::value* per = body.if_contains("per_customer"); per && !per->is_null()) {
        if (!per->is_object()) return FieldError("per_customer", "must map customer ids to user ids (or null)");
        for (const auto& [k, v] : per->get_object()) {
            std::int64_t customer = 0;
            auto [p, ec] = std::from_chars(k.data(), k.data() + k.size(), customer);
            if (ec != std::errc() || p != k.data() + k.size() || customer < 1)
                return FieldError("per_customer", Quoted(k) + " is not a customer id");
            CREDO_TRY(auto to, UserField(&v, "per_customer"));
            out.per_customer[CustomerId(customer)] = to;
        }
    }
    const json::value* reason = body.if_contains("reason");
    if (reason && !reason->is_null() && !reason->is_string()) return FieldError("reason", "must be text");
    if (reason && reason->is_string()) out.reason = std::string(reason->get_string());
    return out;
}

Result<std::vector<app::ProposedMove>> ParseMoves(const std::string& text) {
    CREDO_TRY(auto body, app::ParseJsonObject(text));
    CREDO_CHECK(OnlyFields(body, {"moves"}));
    const json::value* moves = body.if_contains("moves");
    if (!moves || !moves->is_array()) return FieldError("moves", "must be a list of moves");
    std::vector<app::ProposedMove> out;
    for (const auto& m : moves->get_array()) {
        if (!m.is_object()) return FieldError("moves", "each move must be an object");
        const auto& o = m.get_object();
        const json::value* customer = o.if_contains("customer_id");
        if (!customer || !customer->is_int64() || customer->get_int64() < 1)
            return FieldError("moves", "each move needs a customer_id");
        if (!o.contains("from_owner_id") || !o.contains("to_owner_id"))
            return FieldError("moves", "each move needs from_owner_id and to_owner_id (null: the pool)");
        app::ProposedMove move;
        move.customer = CustomerId(customer->get_int64());
        CREDO_TRY(move.from, UserField(o.if_contains("from_owner_id"), "moves"));
        CREDO_TRY(move.to, UserField(o.if_contains("to_owner_id"), "moves"));
        out.push_back(std::move(move));
    }
    return out;
}

}  // namespace

void RegisterOwnership(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kPost, "/api/v1/users/{id}/handover", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto handover = ParseHandover(req);
                   if (!handover) return ToResponse(handover.error());
                   auto record =
                       app::WriteTx(db, [&](app::Tx& tx) { return app::HandOver(tx, ctx, actor, *handover); });
                   if (!record) return ToResponse(record.error());
                   Response r = JsonResponse(201, HandoverJson(*record));
                   r.headers.emplace_back("Location", "/api/v1/handovers/" + std::to_string(record->id));
                   return r;
               }));

    router.Add(Method::kGet, "/api/v1/handovers/{id}", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto record = app::ReadTx(db, [&](app::Tx& tx) { return app::GetHandover(tx, actor, *id); });
                   if (!record) return ToResponse(record.error());
                   return JsonResponse(200, HandoverJson(*record));
               }));

    router.Add(
        Method::kGet, "/api/v1/assignments/proposal", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            if (auto s = OnlyQuery(req, {"region", "by"}); !s) return ToResponse(s.error());
            auto region = req.Query("region");
            if (!region || region->empty()) return ToResponse(FieldError("region", "is required"));
            auto by = app::BalanceMeasure::kCount;
            if (auto b = req.Query("by"); b && !b->empty()) {
                if (*b == "sales")
                    by = app::BalanceMeasure::kSales;
                else if (*b != "count")
                    return ToResponse(FieldError("by", "must be count or sales"));
            }
            auto proposal = app::ReadTx(
                db, [&](app::Tx& tx) { return app::ProposeAssignments(tx, ctx, actor, std::string(*region), by); });
            if (!proposal) return ToResponse(proposal.error());
            json::array moves, sellers;
            for (const auto& m : proposal->moves) moves.push_back(MoveJson(m));
            for (const auto& s : proposal->sellers)
                sellers.push_back(json::object{{"user_id", s.id.value()},
                                               {"username", s.username},
                                               {"display_name", s.display_name},
                                               {"before", s.before},
                                               {"after", s.after},
                                               {"sales_before", SalesJson(ctx, s.sales_before)},
                                               {"sales_after", SalesJson(ctx, s.sales_after)}});
            return JsonResponse(200, json::object{{"region", proposal->region},
                                                  {"measure", by == app::BalanceMeasure::kSales ? "sales" : "count"},
                                                  {"moves", std::move(moves)},
                                                  {"sellers", std::move(sellers)},
                                                  {"pool_before", proposal->pool_before},
                                                  {"pool_after", proposal->pool_after}});
        }));

    router.Add(Method::kPost, "/api/v1/assignments/proposal/accept", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto moves = ParseMoves(req.body);
                   if (!moves) return ToResponse(moves.error());
                   auto saved =
                       app::WriteTx(db, [&](app::Tx& tx) { return app::AcceptAssignments(tx, ctx, actor, *moves); });
                   if (!saved) return ToResponse(saved.error());
                   json::array items;
                   for (const auto& c : *saved)
                       items.push_back(json::object{{"customer_id", c.id.value()},
                                                    {"code", c.code},
                                                    {"owner_id", UserValue(c.owner)},
                                                    {"version", c.version}});
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(Method::kGet, "/api/v1/policies", Dispatch::kBlocking,
               Authed(deps, [&db](const Request&, const Actor& actor) {
                   auto policies = app::ReadTx(db, [&](app::Tx& tx) { return app::ListPolicies(tx, actor); });
                   if (!policies) return ToResponse(policies.error());
                   json::array items;
                   for (const auto& p : *policies) items.push_back(PolicyJson(p));
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(Method::kPut, "/api/v1/policies/{key}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto key = req.path_params.find("key");
                   if (key == req.path_params.end()) return ToResponse(NotFound("policy", ""));
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyFields(*body, {"value"}); !s) return ToResponse(s.error());
                   const json::value* value = body->if_contains("value");
                   if (!value || !value->is_int64()) return ToResponse(FieldError("value", "must be a whole number"));
                   auto policy = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::UpdatePolicy(tx, ctx, actor, key->second, value->get_int64());
                   });
                   if (!policy) return ToResponse(policy.error());
                   return JsonResponse(200, PolicyJson(*policy));
               }));
}

}  // namespace credo::http
