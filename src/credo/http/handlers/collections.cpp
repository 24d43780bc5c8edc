// Reminders, collection cases and write-offs (SPEC AR-4, AR-1): parse, call one use case, render.
#include "credo/app/collections.hpp"

#include "credo/app/codec/json_codec.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::value MoneyJson(std::int64_t minor, const std::string& currency) {
    auto c = Currency::FromCode(currency);
    if (!c) return nullptr;
    return json::object{{"amount", Money(minor, *c).ToString()}, {"currency", currency}};
}

json::value OptDate(const std::optional<Date>& d) { return d ? json::value(FormatDate(*d)) : json::value(nullptr); }
json::value OptUser(const std::optional<UserId>& u) { return u ? json::value(u->value()) : json::value(nullptr); }
json::value OptText(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

// An amount: {"amount": "12.50", "currency": "CNY"}, or a decimal string (the currency then being the
// document's).
Result<std::pair<std::string, std::string>> AmountMember(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v) return FieldError(std::string(key), "is required");
    if (v->is_string()) return std::pair{std::string(v->get_string()), std::string()};
    if (v->is_object()) {
        const auto& m = v->get_object();
        const json::value* a = m.if_contains("amount");
        const json::value* c = m.if_contains("currency");
        if (!a || !a->is_string()) return FieldError(std::string(key), "must be a decimal string");
        if (c && !c->is_string()) return FieldError("currency", "must be a currency code");
        return std::pair{std::string(a->get_string()), c ? std::string(c->get_string()) : std::string()};
    }
    return FieldError(std::string(key), "must be a decimal string or {\"amount\": \"…\", \"currency\": \"…\"}");
}

Result<std::optional<std::int64_t>> IdMember(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::int64_t>();
    if (!v->is_int64() || v->get_int64() <= 0) return FieldError(std::string(key), "must be an id");
    return std::optional<std::int64_t>(v->get_int64());
}

json::object ReminderJson(const app::ReminderRecord& r) {
    json::array items;
    for (const auto& i : r.items)
        items.push_back(json::object{{"invoice_id", i.invoice_id},
                                     {"number", i.number},
                                     {"due_date", FormatDate(i.due_date)},
                                     {"offset", i.offset},
                                     {"open", MoneyJson(i.open_minor, i.currency)}});
    return json::object{{"id", r.id},
                        {"customer_id", r.customer.value()},
                        {"day", FormatDate(r.day)},
                        {"items", std::move(items)},
                        {"created_at", FormatTimestamp(r.created_at)}};
}

json::object ReportJson(const app::ReminderReport& r) {
    return json::object{{"customers", r.customers},
                        {"items", r.items},
                        {"already_sent", r.already_sent},
                        {"broken_promises", r.broken_promises}};
}

json::object CaseSummaryJson(const app::CollectionCaseRecord& k) {
    return json::object{{"id", k.id},
                        {"customer_id", k.customer.value()},
                        {"customer_code", k.customer_code},
                        {"customer_name", k.customer_name},
                        {"owner_id", OptUser(k.owner)},
                        {"stage", k.stage},
                        {"status", k.status},
                        {"outcome", OptText(k.outcome)},
                        {"outcome_note", k.outcome_note},
                        {"opened_on", FormatDate(k.opened_on)},
                        {"closed_on", OptDate(k.closed_on)},
                        {"opened_by", OptUser(k.opened_by)},
                        {"opened_by_name", k.opened_by_name},
                        {"note", k.note},
                        {"updated_at", FormatTimestamp(k.updated_at)},
                        {"version", k.version}};
}

json::object ActionJson(const app::CaseActionRecord& a) {
    return json::object{{"id", a.id},
                        {"kind", a.kind},
                        {"day", FormatDate(a.day)},
                        {"note", a.note},
                        {"from_stage", OptText(a.from_stage)},
                        {"to_stage", OptText(a.to_stage)},
                        {"actor_id", OptUser(a.actor)},
                        {"actor_name", a.actor_name}};
}

json::object PromiseJson(const app::PromiseRecord& p, std::optional<std::int64_t> collected,
                         std::optional<domain::PromiseState> state) {
    json::object out{{"id", p.id},
                     {"case_id", p.case_id},
                     {"amount", MoneyJson(p.amount_minor, p.currency)},
                     {"made_on", FormatDate(p.made_on)},
                     {"promised_date", FormatDate(p.promised_date)},
                     {"note", p.note}};
    if (collected) out["collected"] = MoneyJson(*collected, p.currency);
    if (state) out["state"] = domain::kPromiseStateNames.Name(*state);
    return out;
}

json::object WriteOffJson(const app::WriteOffRecord& w) {
    json::array decisions;
    for (const auto& d : w.decisions)
        decisions.push_back(json::object{{"step", d.step},
                                         {"decision", d.decision},
                                         {"actor_id", OptUser(d.actor)},
                                         {"actor_name", d.actor_name},
                                         {"comment", d.comment},
                                         {"at", FormatTimestamp(d.at)}});
    const std::string next = app::NextWriteOffStepOf(w);
    return json::object{{"id", w.id},
                        {"invoice_id", w.invoice_id},
                        {"invoice_number", w.invoice_number},
                        {"customer_id", w.customer.value()},
                        {"customer_code", w.customer_code},
                        {"customer_name", w.customer_name},
                        {"case_id", w.case_id ? json::value(*w.case_id) : json::value(nullptr)},
                        {"amount", MoneyJson(w.amount_minor, w.currency)},
                        {"reason", w.reason},
                        {"status", w.status},
                        {"next_step", next.empty() ? json::value(nullptr) : json::value(next)},
                        {"requested_by", OptUser(w.requested_by)},
                        {"requester_name", w.requester_name},
                        {"entry_id", w.entry_id ? json::value(*w.entry_id) : json::value(nullptr)},
                        {"created_at", FormatTimestamp(w.created_at)},
                        {"decisions", std::move(decisions)}};
}

json::object CaseViewJson(const app::CaseView& v) {
    auto out = CaseSummaryJson(v.record);
    json::array actions, promises, invoices, write_offs;
    for (const auto& a : v.record.actions) actions.push_back(ActionJson(a));
    for (const auto& p : v.promises) promises.push_back(PromiseJson(p.promise, p.collected_minor, p.state));
    for (const auto& i : v.invoices)
        invoices.push_back(json::object{{"id", i.id},
                                        {"number", i.number},
                                        {"issue_date", FormatDate(i.issue_date)},
                                        {"due_date", FormatDate(i.due_date)},
                                        {"amount", MoneyJson(i.amount_minor, i.currency)},
                                        {"open", MoneyJson(i.open_minor, i.currency)}});
    for (const auto& w : v.write_offs) write_offs.push_back(WriteOffJson(w));
    out["actions"] = std::move(actions);
    out["promises"] = std::move(promises);
    out["invoices"] = std::move(invoices);
    out["write_offs"] = std::move(write_offs);
    return out;
}

// The case as read after a change, as of today.
Response RenderCase(app::Database& db, const app::Context& ctx, const Actor& actor, int status, std::int64_t id) {
    auto v = app::ReadTx(db, [&](app::Tx& tx) { return app::GetCase(tx, ctx, actor, id, DateOf(ctx.clock.Now())); });
    if (!v) return ToResponse(v.error());
    return JsonResponse(status, CaseViewJson(*v));
}

Result<std::pair<std::int64_t, json::object>> IdAndBody(const Request& req) {
    CREDO_TRY(auto id, PathId(req, "id"));
    CREDO_TRY(auto body, app::ParseJsonObject(req.body));
    return std::pair{id, std::move(body)};
}

Result<std::string> RequiredText(const json::object& o, std::string_view key) {
    CREDO_TRY(auto text, TextMember(o, key));
    if (!text) return FieldError(std::string(key), "is required");
    return std::move(*text);
}

// POST /collection-cases/{id}/…: the path's id and the body, read by `parse` into the use case's input
// (bad input answered before anything is opened), `run` calling the use case in a write transaction, then
// the case as it now stands, answered with `status`.
template <class Parse, class Run>
Handler CaseCommand(ApiDeps& deps, int status, Parse parse, Run run) {
    return Authed(deps, [&db = deps.db, &ctx = deps.ctx, status, parse, run](const Request& req, const Actor& actor) {
        auto in = IdAndBody(req);
        if (!in) return ToResponse(in.error());
        auto input = parse(in->second);
        if (!input) return ToResponse(input.error());
        auto done = app::WriteTx(db, [&](app::Tx& tx) -> Status {
            CREDO_CHECK(run(tx, actor, in->first, *input));
            return Ok();
        });
        if (!done) return ToResponse(done.error());
        return RenderCase(db, ctx, actor, status, in->first);
    });
}

struct StageInput {
    std::string stage;
    std::string reason;
    std::optional<Date> day;
};

struct CloseInput {
    std::string outcome;
    std::string note;
    std::optional<Date> day;
};

}  // namespace

void RegisterCollections(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kPost, "/api/v1/jobs/reminders", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto ran = app::RunRemindersOnce(db, ctx, actor, date, "api");
                   if (!ran) return ToResponse(ran.error());
                   return JsonResponse(
                       200, json::object{{"as_of", FormatDate(date)},
                                         {"ran", ran->has_value()},
                                         {"report", *ran ? json::value(ReportJson(**ran)) : json::value(nullptr)}});
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/reminders", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto list =
                       app::ReadTx(db, [&](app::Tx& tx) { return app::ListReminders(tx, actor, CustomerId(*id)); });
                   if (!list) return ToResponse(list.error());
                   json::array items;
                   for (const auto& r : *list) items.push_back(ReminderJson(r));
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(
        Method::kGet, "/api/v1/collection-cases", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            if (auto s = OnlyQuery(req, {"customer_id", "status", "stage", "mine", "as_of", "page", "page_size"}); !s)
                return ToResponse(s.error());
            app::CollectionCaseQuery query;
            auto customer = QueryInt(req, "customer_id", 1, INT64_MAX);
            if (!customer) return ToResponse(customer.error());
            if (*customer) query.customer = CustomerId(**customer);
            if (auto status = req.Query("status"); status && !status->empty()) {
                if (*status != "open" && *status != "closed")
                    return ToResponse(FieldError("status", "must be open or closed"));
                query.status = std::string(*status);
            }
            if (auto stage = req.Query("stage"); stage && !stage->empty()) {
                auto parsed = domain::kCaseStageNames.Parse(*stage, "stage");
                if (!parsed) return ToResponse(parsed.error());
                query.stage = std::string(*stage);
            }
            auto mine = QueryBool(req, "mine");
            if (!mine) return ToResponse(mine.error());
            if (*mine) query.mine = actor.id;
            auto as_of = QueryDate(req, "as_of");
            if (!as_of) return ToResponse(as_of.error());
            auto page = QueryPage(req);
            if (!page) return ToResponse(page.error());
            query.limit = page->limit;
            query.offset = page->offset;
            const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
            auto list = app::ReadTx(db, [&](app::Tx& tx) { return app::ListCases(tx, actor, query, date); });
            if (!list) return ToResponse(list.error());
            json::array items;
            for (const auto& i : list->items) {
                auto j = CaseSummaryJson(i.record);
                j["broken_promises"] = i.broken_promises;
                items.push_back(std::move(j));
            }
            return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", list->total}});
        }));

    router.Add(Method::kPost, "/api/v1/collection-cases", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"customer_id", "invoices", "stage", "note", "opened_on"}); !s)
                       return ToResponse(s.error());
                   app::CaseInput in;
                   auto customer = IdMember(*body, "customer_id");
                   if (!customer) return ToResponse(customer.error());
                   if (!*customer) return ToResponse(FieldError("customer_id", "must be a customer id"));
                   in.customer = CustomerId(**customer);
                   if (const json::value* v = body->if_contains("invoices"); v && !v->is_null()) {
                       if (!v->is_array()) return ToResponse(FieldError("invoices", "must be a list of invoice ids"));
                       in.invoices.emplace();
                       for (std::size_t i = 0; i < v->get_array().size(); ++i) {
                           const auto& e = v->get_array()[i];
                           if (!e.is_int64())
                               return ToResponse(FieldError("invoices[" + std::to_string(i) + "]", "must be an id"));
                           in.invoices->push_back(e.get_int64());
                       }
                   }
                   auto stage = TextMember(*body, "stage");
                   if (!stage) return ToResponse(stage.error());
                   if (*stage) in.stage = **stage;
                   auto note = TextMember(*body, "note");
                   if (!note) return ToResponse(note.error());
                   in.note = note->value_or("");
                   auto opened = DateMember(*body, "opened_on");
                   if (!opened) return ToResponse(opened.error());
                   in.opened_on = *opened;
                   auto k = app::WriteTx(db, [&](app::Tx& tx) { return app::OpenCase(tx, ctx, actor, in); });
                   if (!k) return ToResponse(k.error());
                   return RenderCase(db, ctx, actor, 201, k->id);
               }));

    router.Add(Method::kGet, "/api/v1/collection-cases/{id}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto v = app::ReadTx(db, [&](app::Tx& tx) { return app::GetCase(tx, ctx, actor, *id, date); });
                   if (!v) return ToResponse(v.error());
                   return JsonResponse(200, CaseViewJson(*v));
               }));

    router.Add(Method::kPost, "/api/v1/collection-cases/{id}/stage", Dispatch::kBlocking,
               CaseCommand(
                   deps, 200,
                   [](const json::object& body) -> Result<StageInput> {
                       CREDO_CHECK(OnlyMembers(body, {"stage", "reason", "day"}));
                       StageInput in;
                       CREDO_TRY(in.stage, RequiredText(body, "stage"));
                       CREDO_TRY(auto reason, TextMember(body, "reason"));
                       in.reason = reason.value_or("");
                       CREDO_TRY(in.day, DateMember(body, "day"));
                       return in;
                   },
                   [&ctx](app::Tx& tx, const Actor& actor, std::int64_t id, const StageInput& in) {
                       return app::MoveCaseStage(tx, ctx, actor, id, in.stage, in.reason, in.day);
                   }));

    router.Add(Method::kPost, "/api/v1/collection-cases/{id}/actions", Dispatch::kBlocking,
               CaseCommand(
                   deps, 201,
                   [](const json::object& body) -> Result<app::ActionInput> {
                       CREDO_CHECK(OnlyMembers(body, {"kind", "day", "note"}));
                       app::ActionInput a;
                       CREDO_TRY(a.kind, RequiredText(body, "kind"));
                       CREDO_TRY(a.day, DateMember(body, "day"));
                       CREDO_TRY(auto note, TextMember(body, "note"));
                       a.note = note.value_or("");
                       return a;
                   },
                   [&ctx](app::Tx& tx, const Actor& actor, std::int64_t id, const app::ActionInput& a) {
                       return app::AddCaseAction(tx, ctx, actor, id, a);
                   }));

    router.Add(Method::kPost, "/api/v1/collection-cases/{id}/promises", Dispatch::kBlocking,
               CaseCommand(
                   deps, 201,
                   [](const json::object& body) -> Result<app::PromiseInput> {
                       CREDO_CHECK(OnlyMembers(body, {"amount", "promised_date", "made_on", "note"}));
                       app::PromiseInput p;
                       CREDO_TRY(auto amount, AmountMember(body, "amount"));
                       p.amount = amount.first;
                       p.currency = amount.second;
                       CREDO_TRY(auto promised, DateMember(body, "promised_date"));
                       if (!promised) return FieldError("promised_date", "is required");
                       p.promised_date = *promised;
                       CREDO_TRY(p.made_on, DateMember(body, "made_on"));
                       CREDO_TRY(auto note, TextMember(body, "note"));
                       p.note = note.value_or("");
                       return p;
                   },
                   [&ctx](app::Tx& tx, const Actor& actor, std::int64_t id, const app::PromiseInput& p) {
                       return app::AddPromise(tx, ctx, actor, id, p);
                   }));

    router.Add(Method::kPost, "/api/v1/collection-cases/{id}/close", Dispatch::kBlocking,
               CaseCommand(
                   deps, 200,
                   [](const json::object& body) -> Result<CloseInput> {
                       CREDO_CHECK(OnlyMembers(body, {"outcome", "note", "day"}));
                       CloseInput in;
                       CREDO_TRY(in.outcome, RequiredText(body, "outcome"));
                       CREDO_TRY(auto note, TextMember(body, "note"));
                       in.note = note.value_or("");
                       CREDO_TRY(in.day, DateMember(body, "day"));
                       return in;
                   },
                   [&ctx](app::Tx& tx, const Actor& actor, std::int64_t id, const CloseInput& in) {
                       return app::CloseCase(tx, ctx, actor, id, in.outcome, in.note, in.day);
                   }));

    router.Add(Method::kGet, "/api/v1/write-offs", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"customer_id", "status", "page", "page_size"}); !s)
                       return ToResponse(s.error());
                   app::WriteOffQuery query;
                   auto customer = QueryInt(req, "customer_id", 1, INT64_MAX);
                   if (!customer) return ToResponse(customer.error());
                   if (*customer) query.customer = CustomerId(**customer);
                   if (auto status = req.Query("status"); status && !status->empty()) {
                       if (*status != "pending" && *status != "approved" && *status != "rejected")
                           return ToResponse(FieldError("status", "must be pending, approved or rejected"));
                       query.status = std::string(*status);
                   }
                   auto page = QueryPage(req);
                   if (!page) return ToResponse(page.error());
                   query.limit = page->limit;
                   query.offset = page->offset;
                   auto list = app::ReadTx(db, [&](app::Tx& tx) { return app::ListWriteOffs(tx, actor, query); });
                   if (!list) return ToResponse(list.error());
                   json::array items;
                   for (const auto& w : list->items) {
                       auto j = WriteOffJson(w);
                       j.erase("decisions");
                       items.push_back(std::move(j));
                   }
                   return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", list->total}});
               }));

    router.Add(Method::kPost, "/api/v1/write-offs", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"invoice_id", "amount", "reason", "case_id"}); !s)
                       return ToResponse(s.error());
                   app::WriteOffInput in;
                   auto invoice = IdMember(*body, "invoice_id");
                   if (!invoice) return ToResponse(invoice.error());
                   if (!*invoice) return ToResponse(FieldError("invoice_id", "must be an invoice id"));
                   in.invoice_id = **invoice;
                   auto amount = AmountMember(*body, "amount");
                   if (!amount) return ToResponse(amount.error());
                   in.amount = amount->first;
                   auto reason = TextMember(*body, "reason");
                   if (!reason) return ToResponse(reason.error());
                   in.reason = reason->value_or("");
                   auto case_id = IdMember(*body, "case_id");
                   if (!case_id) return ToResponse(case_id.error());
                   in.case_id = *case_id;
                   auto w = app::WriteTx(db, [&](app::Tx& tx) { return app::RequestWriteOff(tx, ctx, actor, in); });
                   if (!w) return ToResponse(w.error());
                   return JsonResponse(201, WriteOffJson(*w));
               }));

    router.Add(Method::kGet, "/api/v1/write-offs/{id}", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto w = app::ReadTx(db, [&](app::Tx& tx) { return app::GetWriteOff(tx, actor, *id); });
                   if (!w) return ToResponse(w.error());
                   return JsonResponse(200, WriteOffJson(*w));
               }));

    router.Add(Method::kPost, "/api/v1/write-offs/{id}/decisions", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto in = IdAndBody(req);
                   if (!in) return ToResponse(in.error());
                   const std::int64_t id = in->first;
                   const json::object& body = in->second;
                   if (auto s = OnlyMembers(body, {"decision", "comment"}); !s) return ToResponse(s.error());
                   auto decision = TextMember(body, "decision");
                   if (!decision) return ToResponse(decision.error());
                   if (!*decision) return ToResponse(FieldError("decision", "must be approve or reject"));
                   auto comment = TextMember(body, "comment");
                   if (!comment) return ToResponse(comment.error());
                   auto w = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::DecideWriteOff(tx, ctx, actor, id, **decision, comment->value_or(""));
                   });
                   if (!w) return ToResponse(w.error());
                   return JsonResponse(200, WriteOffJson(*w));
               }));
}

}  // namespace credo::http
