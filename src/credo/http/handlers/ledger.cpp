// Credit accounts, orders and the receivables ledger (SPEC LC, AR-1): parse, call one use case, render.
#include "credo/app/codec/json_codec.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/orders.hpp"
#include "credo/app/receivables.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/credit/order_line.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::value OptDate(const std::optional<Date>& d) { return d ? json::value(FormatDate(*d)) : json::value(nullptr); }
json::value OptUser(const std::optional<UserId>& u) { return u ? json::value(u->value()) : json::value(nullptr); }

json::array Strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

Result<std::optional<std::int64_t>> IdMember(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::int64_t>();
    if (!v->is_int64() || v->get_int64() <= 0) return FieldError(std::string(key), "must be an id");
    return std::optional<std::int64_t>(v->get_int64());
}

// {"amount": "12.50", "currency": "CNY"} or a plain decimal string in `currency`.
Result<std::pair<std::string, std::string>> MoneyMember(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v) return FieldError(std::string(key), "is required");
    if (v->is_object()) {
        const auto& m = v->get_object();
        const json::value* a = m.if_contains("amount");
        const json::value* c = m.if_contains("currency");
        if (!a || !a->is_string()) return FieldError(std::string(key) + ".amount", "must be a decimal string");
        if (!c || !c->is_string()) return FieldError(std::string(key) + ".currency", "must be a currency code");
        return std::pair{std::string(a->get_string()), std::string(c->get_string())};
    }
    return FieldError(std::string(key), "must be {\"amount\": \"…\", \"currency\": \"…\"}");
}

Result<app::OrderInput> OrderInputFromJson(const json::object& o, bool amend) {
    if (amend)
        CREDO_CHECK(OnlyMembers(o, {"order_date", "currency", "prepayment", "lines"}));
    else
        CREDO_CHECK(OnlyMembers(o, {"customer_id", "order_date", "currency", "prepayment", "lines"}));
    app::OrderInput in;
    if (!amend) {
        CREDO_TRY(auto customer, IdMember(o, "customer_id"));
        if (!customer) return FieldError("customer_id", "is required");
        in.customer = CustomerId(*customer);
    }
    CREDO_TRY(in.order_date, DateMember(o, "order_date"));
    CREDO_TRY(auto currency, TextMember(o, "currency"));
    in.currency = currency.value_or("");
    CREDO_TRY(auto prepayment, TextMember(o, "prepayment"));
    in.prepayment = prepayment.value_or("");
    const json::value* lines = o.if_contains("lines");
    if (!lines || !lines->is_array()) return FieldError("lines", "must be a list of lines");
    std::size_t i = 0;
    for (const auto& l : lines->get_array()) {
        const std::string at = "lines[" + std::to_string(i++) + "]";
        if (!l.is_object()) return FieldError(at, "must be an object");
        const auto& line = l.get_object();
        for (const auto& [k, _] : line)
            if (k != "product" && k != "model" && k != "quantity" && k != "unit_price")
                return FieldError(at + "." + std::string(k), "is not a field of an order line");
        app::OrderLineInput out;
        CREDO_TRY(auto product, TextMember(line, "product"));
        CREDO_TRY(auto model, TextMember(line, "model"));
        out.product = product.value_or("");
        out.model = model.value_or("");
        // Quantities and prices as decimal strings (exact), or whole numbers.
        for (auto [key, target] : {std::pair{"quantity", &out.quantity}, std::pair{"unit_price", &out.unit_price}}) {
            const json::value* v = line.if_contains(key);
            if (v && v->is_string())
                *target = std::string(v->get_string());
            else if (v && v->is_int64())
                *target = std::to_string(v->get_int64());
            else
                return FieldError(at + "." + key, "must be a decimal string such as \"12.5\"");
        }
        in.lines.push_back(std::move(out));
    }
    return in;
}

json::object CheckJson(const app::CreditCheckView& c) {
    return json::object{{"outcome", c.outcome},
                        {"reasons", Strings(c.reasons)},
                        {"credit_part", MoneyJson(c.credit_part_minor, c.currency)},
                        {"exposure_before", MoneyJson(c.exposure_before_minor, c.currency)},
                        {"effective_limit", MoneyJson(c.effective_limit_minor, c.currency)},
                        {"available", MoneyJson(c.available_minor, c.currency)}};
}

json::object OrderJson(const app::OrderRecord& o, const std::optional<app::CreditCheckView>& check = std::nullopt) {
    json::array lines;
    for (const auto& l : o.lines)
        lines.push_back(json::object{{"product", l.product},
                                     {"model", l.model},
                                     {"quantity", domain::FormatQuantity(l.quantity_milli)},
                                     {"unit_price", MoneyJson(l.unit_price_minor, o.currency)},
                                     {"amount", MoneyJson(l.amount_minor, o.currency)}});
    json::object out{{"id", o.id},
                     {"number", o.number},
                     {"customer_id", o.customer.value()},
                     {"order_date", FormatDate(o.order_date)},
                     {"amount", MoneyJson(o.amount_minor, o.currency)},
                     {"prepayment", MoneyJson(o.prepayment_minor, o.currency)},
                     {"rate", FormatRate(o.rate_e8)},
                     {"status", o.status},
                     {"reasons", Strings(o.reasons)},
                     {"copied_from", o.copied_from ? json::value(*o.copied_from) : json::value(nullptr)},
                     {"created_by", OptUser(o.created_by)},
                     {"created_at", FormatTimestamp(o.created_at)},
                     {"released_by", OptUser(o.released_by)},
                     {"released_at", o.released_at ? json::value(FormatTimestamp(*o.released_at)) : nullptr},
                     {"release_reason", o.release_reason ? json::value(*o.release_reason) : nullptr},
                     {"version", o.version},
                     {"lines", std::move(lines)}};
    out["credit_check"] = check ? json::value(CheckJson(*check)) : json::value(nullptr);
    return out;
}

Response OrderResponse(int status, const app::OrderRecord& o, const std::optional<app::CreditCheckView>& check) {
    Response r = JsonResponse(status, OrderJson(o, check));
    r.headers.emplace_back("ETag", "\"" + std::to_string(o.version) + "\"");
    if (status == 201) r.headers.emplace_back("Location", "/api/v1/orders/" + std::to_string(o.id));
    return r;
}

json::object CreditJson(const app::CreditView& v) {
    const auto& a = v.account;
    json::array exceptions;
    for (const auto& e : v.exceptions)
        exceptions.push_back(json::object{{"id", e.id},
                                          {"amount", MoneyJson(e.amount_minor, a.currency)},
                                          {"start", FormatDate(e.start)},
                                          {"end", FormatDate(e.end)},
                                          {"reason", e.reason}});
    json::array ratings;
    for (const auto& r : v.ratings)
        ratings.push_back(json::object{{"id", r.id},
                                       {"agency", r.agency},
                                       {"rating", r.rating},
                                       {"day", FormatDate(r.day)},
                                       {"valid_until", OptDate(r.valid_until)}});
    json::array insurance;
    for (const auto& i : v.insurance)
        insurance.push_back(json::object{{"id", i.id},
                                         {"insurer", i.insurer},
                                         {"policy_number", i.policy_number},
                                         {"covered", MoneyJson(i.covered_minor, i.currency)},
                                         {"start", FormatDate(i.start)},
                                         {"end", FormatDate(i.end)}});
    return json::object{{"customer_id", a.customer.value()},
                        {"currency", a.currency},
                        {"limit", a.limit_minor ? MoneyJson(*a.limit_minor, a.currency) : json::value(nullptr)},
                        {"term_days", a.term_days},
                        {"valid_from", OptDate(a.valid_from)},
                        {"valid_until", OptDate(a.valid_until)},
                        {"grade", a.grade ? json::value(*a.grade) : nullptr},
                        {"score", a.score ? json::value(*a.score) : nullptr},
                        {"on_hold", a.on_hold},
                        {"hold_reason", a.hold_reason ? json::value(*a.hold_reason) : nullptr},
                        {"report_date", OptDate(a.report_date)},
                        {"receivables", MoneyJson(a.receivables_minor, a.currency)},
                        {"reserved_orders", MoneyJson(a.orders_minor, a.currency)},
                        {"exposure", MoneyJson(a.exposure_minor(), a.currency)},
                        {"effective_limit", MoneyJson(v.effective_limit_minor, a.currency)},
                        {"available", MoneyJson(v.available_minor, a.currency)},
                        {"utilization_bp", v.utilization_bp ? json::value(*v.utilization_bp) : nullptr},
                        {"oldest_overdue", OptDate(v.oldest_overdue)},
                        {"exceptions", std::move(exceptions)},
                        {"insured", MoneyJson(v.insured_minor, a.currency)},
                        {"uninsured", MoneyJson(v.uninsured_minor, a.currency)},
                        {"ratings", std::move(ratings)},
                        {"insurance", std::move(insurance)}};
}

json::object InvoiceJson(const app::InvoiceRecord& i) {
    return json::object{{"id", i.id},
                        {"number", i.number},
                        {"customer_id", i.customer.value()},
                        {"order_id", i.order_id ? json::value(*i.order_id) : nullptr},
                        {"issue_date", FormatDate(i.issue_date)},
                        {"due_date", FormatDate(i.due_date)},
                        {"amount", MoneyJson(i.amount_minor, i.currency)},
                        {"open", MoneyJson(i.open_minor, i.currency)},
                        {"rate", FormatRate(i.rate_e8)},
                        {"created_at", FormatTimestamp(i.created_at)}};
}

Result<std::string> ReasonOf(const Request& req) {
    CREDO_TRY(auto body, app::ParseJsonObject(req.body));
    CREDO_CHECK(OnlyMembers(body, {"reason"}));
    CREDO_TRY(auto reason, TextMember(body, "reason"));
    return reason.value_or("");
}

}  // namespace

void RegisterLedger(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(
        Method::kGet, "/api/v1/fx-rates", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor&) {
            if (auto s = OnlyQuery(req, {"currency"}); !s) return ToResponse(s.error());
            std::optional<std::string> currency;
            if (auto c = req.Query("currency"); c && !c->empty()) currency = std::string(*c);
            auto rates = app::ReadTx(db, [&](app::Tx& tx) { return tx.Ledger().FxRates(currency); });
            if (!rates) return ToResponse(rates.error());
            json::array items;
            for (const auto& r : *rates)
                items.push_back(json::object{{"currency", r.currency},
                                             {"day", FormatDate(r.day)},
                                             {"rate", FormatRate(r.rate_e8)},
                                             {"updated_at", FormatTimestamp(r.updated_at)},
                                             {"updated_by", OptUser(r.updated_by)}});
            return JsonResponse(200, json::object{{"base", ctx.settings.base_currency}, {"items", std::move(items)}});
        }));

    router.Add(Method::kPost, "/api/v1/fx-rates", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"currency", "day", "rate"}); !s) return ToResponse(s.error());
                   auto currency = TextMember(*body, "currency");
                   if (!currency) return ToResponse(currency.error());
                   if (!*currency) return ToResponse(FieldError("currency", "is required"));
                   auto day = DateMember(*body, "day");
                   if (!day) return ToResponse(day.error());
                   auto rate = TextMember(*body, "rate");
                   if (!rate) return ToResponse(rate.error());
                   if (!*rate) return ToResponse(FieldError("rate", "is required, a decimal such as \"7.1234\""));
                   const Date from = day->value_or(DateOf(ctx.clock.Now()));
                   auto s =
                       db.Write([&](app::Tx& tx) { return app::SetFxRate(tx, ctx, actor, **currency, from, **rate); });
                   if (!s) return ToResponse(s.error());
                   return JsonResponse(201, json::object{{"currency", **currency},
                                                         {"day", FormatDate(from)},
                                                         {"rate", FormatRate(ParseRate(**rate, "rate").value())}});
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/credit", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto view = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::GetCredit(tx, ctx, actor, CustomerId(*id), date); });
                   if (!view) return ToResponse(view.error());
                   return JsonResponse(200, CreditJson(*view));
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/credit/hold", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"on_hold", "reason"}); !s) return ToResponse(s.error());
                   const json::value* hold = body->if_contains("on_hold");
                   if (!hold || !hold->is_bool()) return ToResponse(FieldError("on_hold", "must be true or false"));
                   auto reason = TextMember(*body, "reason");
                   if (!reason) return ToResponse(reason.error());
                   auto s = db.Write([&](app::Tx& tx) {
                       return app::SetCreditHold(tx, ctx, actor, CustomerId(*id), hold->get_bool(),
                                                 reason->value_or(""));
                   });
                   if (!s) return ToResponse(s.error());
                   auto view = app::ReadTx(db, [&](app::Tx& tx) {
                       return app::GetCredit(tx, ctx, actor, CustomerId(*id), DateOf(ctx.clock.Now()));
                   });
                   if (!view) return ToResponse(view.error());
                   return JsonResponse(200, CreditJson(*view));
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/credit/exceptions", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"amount", "start", "end", "reason"}); !s)
                       return ToResponse(s.error());
                   auto amount = TextMember(*body, "amount");
                   auto start = DateMember(*body, "start");
                   auto end = DateMember(*body, "end");
                   auto reason = TextMember(*body, "reason");
                   if (!amount) return ToResponse(amount.error());
                   if (!start) return ToResponse(start.error());
                   if (!end) return ToResponse(end.error());
                   if (!reason) return ToResponse(reason.error());
                   if (!*amount) return ToResponse(FieldError("amount", "is required"));
                   if (!*start) return ToResponse(FieldError("start", "is required"));
                   if (!*end) return ToResponse(FieldError("end", "is required"));
                   auto e = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::AddCreditException(tx, ctx, actor, CustomerId(*id), **amount, **start, **end,
                                                      reason->value_or(""));
                   });
                   if (!e) return ToResponse(e.error());
                   return JsonResponse(201, json::object{{"id", e->id},
                                                         {"start", FormatDate(e->start)},
                                                         {"end", FormatDate(e->end)},
                                                         {"reason", e->reason}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/ratings", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"agency", "rating", "day", "valid_until"}); !s)
                       return ToResponse(s.error());
                   auto agency = TextMember(*body, "agency");
                   if (!agency) return ToResponse(agency.error());
                   auto rating = TextMember(*body, "rating");
                   if (!rating) return ToResponse(rating.error());
                   auto day = DateMember(*body, "day");
                   if (!day) return ToResponse(day.error());
                   auto until = DateMember(*body, "valid_until");
                   if (!until) return ToResponse(until.error());
                   auto r = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::AddRating(tx, ctx, actor, CustomerId(*id), agency->value_or(""),
                                             rating->value_or(""), day->value_or(DateOf(ctx.clock.Now())), *until);
                   });
                   if (!r) return ToResponse(r.error());
                   return JsonResponse(201, json::object{{"id", r->id},
                                                         {"agency", r->agency},
                                                         {"rating", r->rating},
                                                         {"day", FormatDate(r->day)},
                                                         {"valid_until", OptDate(r->valid_until)}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/insurance", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"insurer", "policy_number", "covered", "start", "end"}); !s)
                       return ToResponse(s.error());
                   auto insurer = TextMember(*body, "insurer");
                   if (!insurer) return ToResponse(insurer.error());
                   auto policy = TextMember(*body, "policy_number");
                   if (!policy) return ToResponse(policy.error());
                   auto covered = MoneyMember(*body, "covered");
                   if (!covered) return ToResponse(covered.error());
                   auto start = DateMember(*body, "start");
                   if (!start) return ToResponse(start.error());
                   if (!*start) return ToResponse(FieldError("start", "is required"));
                   auto end = DateMember(*body, "end");
                   if (!end) return ToResponse(end.error());
                   if (!*end) return ToResponse(FieldError("end", "is required"));
                   auto i = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::AddInsurance(tx, ctx, actor, CustomerId(*id), insurer->value_or(""),
                                                policy->value_or(""), covered->second, covered->first, **start, **end);
                   });
                   if (!i) return ToResponse(i.error());
                   return JsonResponse(201, json::object{{"id", i->id},
                                                         {"insurer", i->insurer},
                                                         {"policy_number", i->policy_number},
                                                         {"covered", MoneyJson(i->covered_minor, i->currency)},
                                                         {"start", FormatDate(i->start)},
                                                         {"end", FormatDate(i->end)}});
               }));

    router.Add(Method::kGet, "/api/v1/orders", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"customer_id", "status", "page", "page_size"}); !s)
                       return ToResponse(s.error());
                   app::OrderQuery query;
                   auto customer = QueryInt(req, "customer_id", 1, INT64_MAX);
                   if (!customer) return ToResponse(customer.error());
                   if (*customer) query.customer = CustomerId(**customer);
                   if (auto status = req.Query("status"); status && !status->empty()) {
                       static constexpr std::string_view kStatuses[] = {"approved", "credit_hold", "released",
                                                                        "invoiced", "cancelled"};
                       if (std::find(std::begin(kStatuses), std::end(kStatuses), *status) == std::end(kStatuses))
                           return ToResponse(
                               FieldError("status", "must be approved, credit_hold, released, invoiced or cancelled"));
                       query.status = std::string(*status);
                   }
                   auto page = QueryPage(req);
                   if (!page) return ToResponse(page.error());
                   query.limit = page->limit;
                   query.offset = page->offset;
                   auto orders = app::ReadTx(db, [&](app::Tx& tx) { return app::ListOrders(tx, actor, query); });
                   if (!orders) return ToResponse(orders.error());
                   json::array items;
                   for (const auto& o : orders->items) {
                       auto j = OrderJson(o);
                       j.erase("lines");
                       j.erase("credit_check");
                       items.push_back(std::move(j));
                   }
                   return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", orders->total}});
               }));

    router.Add(Method::kPost, "/api/v1/orders", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto input = OrderInputFromJson(*body, false);
                   if (!input) return ToResponse(input.error());
                   auto placed = app::WriteTx(db, [&](app::Tx& tx) { return app::PlaceOrder(tx, ctx, actor, *input); });
                   if (!placed) return ToResponse(placed.error());
                   return OrderResponse(201, placed->order, placed->check);
               }));

    router.Add(Method::kGet, "/api/v1/orders/{id}", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto order = app::ReadTx(db, [&](app::Tx& tx) { return app::GetOrder(tx, actor, *id); });
                   if (!order) return ToResponse(order.error());
                   return OrderResponse(200, *order, std::nullopt);
               }));

    router.Add(Method::kPatch, "/api/v1/orders/{id}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto version = IfMatchVersion(req);
                   if (!version) return ToResponse(version.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto input = OrderInputFromJson(*body, true);
                   if (!input) return ToResponse(input.error());
                   auto amended = app::WriteTx(
                       db, [&](app::Tx& tx) { return app::AmendOrder(tx, ctx, actor, *id, *version, *input); });
                   if (!amended) return ToResponse(amended.error());
                   return OrderResponse(200, amended->order, amended->check);
               }));

    router.Add(Method::kPost, "/api/v1/orders/{id}/copy", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto placed = app::WriteTx(db, [&](app::Tx& tx) { return app::CopyOrder(tx, ctx, actor, *id); });
                   if (!placed) return ToResponse(placed.error());
                   return OrderResponse(201, placed->order, placed->check);
               }));

    for (auto [path, release] :
         {std::pair{"/api/v1/orders/{id}/release", true}, std::pair{"/api/v1/orders/{id}/cancel", false}}) {
        router.Add(Method::kPost, path, Dispatch::kBlocking,
                   Authed(deps, [&db, &ctx, release](const Request& req, const Actor& actor) {
                       auto id = PathId(req, "id");
                       if (!id) return ToResponse(id.error());
                       auto reason = ReasonOf(req);
                       if (!reason) return ToResponse(reason.error());
                       auto order = app::WriteTx(db, [&](app::Tx& tx) {
                           return release ? app::ReleaseOrder(tx, ctx, actor, *id, *reason)
                                          : app::CancelOrder(tx, ctx, actor, *id, *reason);
                       });
                       if (!order) return ToResponse(order.error());
                       return OrderResponse(200, *order, std::nullopt);
                   }));
    }

    router.Add(Method::kPost, "/api/v1/invoices", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"order_id", "customer_id", "amount", "issue_date", "due_date"}); !s)
                       return ToResponse(s.error());
                   app::InvoiceInput in;
                   auto order = IdMember(*body, "order_id");
                   if (!order) return ToResponse(order.error());
                   in.order_id = *order;
                   auto customer = IdMember(*body, "customer_id");
                   if (!customer) return ToResponse(customer.error());
                   if (*customer) in.customer = CustomerId(**customer);
                   if (body->contains("amount")) {
                       auto money = MoneyMember(*body, "amount");
                       if (!money) return ToResponse(money.error());
                       in.amount = money->first;
                       in.currency = money->second;
                   }
                   auto issue = DateMember(*body, "issue_date");
                   if (!issue) return ToResponse(issue.error());
                   in.issue_date = *issue;
                   auto due = DateMember(*body, "due_date");
                   if (!due) return ToResponse(due.error());
                   in.due_date = *due;
                   if (!in.order_id && in.customer && in.amount.empty())
                       return ToResponse(FieldError("amount", "is required"));
                   auto invoice = app::WriteTx(db, [&](app::Tx& tx) { return app::IssueInvoice(tx, ctx, actor, in); });
                   if (!invoice) return ToResponse(invoice.error());
                   return JsonResponse(201, InvoiceJson(*invoice));
               }));

    router.Add(
        Method::kPost, "/api/v1/payments", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            auto body = app::ParseJsonObject(req.body);
            if (!body) return ToResponse(body.error());
            if (auto s = OnlyMembers(*body, {"customer_id", "kind", "amount", "day", "reference", "allocations"}); !s)
                return ToResponse(s.error());
            app::PaymentInput in;
            auto customer = IdMember(*body, "customer_id");
            if (!customer) return ToResponse(customer.error());
            if (!*customer) return ToResponse(FieldError("customer_id", "is required"));
            in.customer = CustomerId(**customer);
            auto kind = TextMember(*body, "kind");
            if (!kind) return ToResponse(kind.error());
            in.kind = kind->value_or("payment");
            auto money = MoneyMember(*body, "amount");
            if (!money) return ToResponse(money.error());
            in.amount = money->first;
            in.currency = money->second;
            auto day = DateMember(*body, "day");
            if (!day) return ToResponse(day.error());
            in.day = *day;
            auto reference = TextMember(*body, "reference");
            if (!reference) return ToResponse(reference.error());
            in.reference = reference->value_or("");
            if (const json::value* a = body->if_contains("allocations"); a && !a->is_null()) {
                if (!a->is_array()) return ToResponse(FieldError("allocations", "must be a list"));
                std::vector<app::AllocationInput> list;
                std::size_t i = 0;
                for (const auto& item : a->get_array()) {
                    const std::string at = "allocations[" + std::to_string(i++) + "]";
                    if (!item.is_object()) return ToResponse(FieldError(at, "must be an object"));
                    auto invoice = IdMember(item.get_object(), "invoice_id");
                    if (!invoice || !*invoice) return ToResponse(FieldError(at + ".invoice_id", "must be an id"));
                    auto amount = TextMember(item.get_object(), "amount");
                    if (!amount || !*amount) return ToResponse(FieldError(at + ".amount", "must be a decimal string"));
                    list.push_back({**invoice, **amount});
                }
                in.allocations = std::move(list);
            }
            auto paid = app::WriteTx(db, [&](app::Tx& tx) { return app::RecordPayment(tx, ctx, actor, in); });
            if (!paid) return ToResponse(paid.error());
            const auto& p = paid->payment;
            json::array allocations;
            for (const auto& a : paid->allocations)
                allocations.push_back(
                    json::object{{"invoice_id", a.invoice_id}, {"amount", MoneyJson(a.amount_minor, p.currency)}});
            return JsonResponse(201, json::object{{"id", p.id},
                                                  {"number", p.number},
                                                  {"kind", p.kind},
                                                  {"customer_id", p.customer.value()},
                                                  {"day", FormatDate(p.day)},
                                                  {"amount", MoneyJson(p.amount_minor, p.currency)},
                                                  {"unallocated", MoneyJson(p.unallocated_minor, p.currency)},
                                                  {"reference", p.reference},
                                                  {"allocations", std::move(allocations)}});
        }));
}

}  // namespace credo::http
