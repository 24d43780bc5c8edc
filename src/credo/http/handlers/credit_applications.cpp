// Credit applications and their decisions (SPEC AP-1): parse, call one use case, render.
#include "credo/app/credit_applications.hpp"

#include "credo/app/codec/json_codec.hpp"
#include "credo/app/reevaluation.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

Result<app::CreditApplicationInput> InputFromJson(const json::object& o, bool resubmit) {
    for (const auto& [k, _] : o)
        if (k != "limit" && k != "term_days" && k != "grade" && k != "report_date" && k != "reason" &&
            (resubmit || k != "customer_id"))
            return FieldError(std::string(k), "is not a field of this request");
    app::CreditApplicationInput in;
    if (!resubmit) {
        const json::value* c = o.if_contains("customer_id");
        if (!c || !c->is_int64() || c->get_int64() <= 0) return FieldError("customer_id", "must be a customer id");
        in.customer = CustomerId(c->get_int64());
    }
    const json::value* limit = o.if_contains("limit");
    if (!limit || !limit->is_object()) return FieldError("limit", "must be {\"amount\": \"…\", \"currency\": \"…\"}");
    const json::value* amount = limit->get_object().if_contains("amount");
    const json::value* currency = limit->get_object().if_contains("currency");
    if (!amount || !amount->is_string()) return FieldError("limit.amount", "must be a decimal string");
    if (currency && !currency->is_string()) return FieldError("limit.currency", "must be a currency code");
    in.limit = std::string(amount->get_string());
    if (currency) in.currency = std::string(currency->get_string());
    if (const json::value* t = o.if_contains("term_days"); t && !t->is_null()) {
        if (!t->is_int64()) return FieldError("term_days", "must be a whole number of days");
        in.term_days = static_cast<int>(std::clamp<std::int64_t>(t->get_int64(), -1, 100000));
    }
    CREDO_TRY(in.grade, TextMember(o, "grade"));
    CREDO_TRY(auto report, TextMember(o, "report_date"));
    if (report) {
        CREDO_TRY(Date d, ParseDate(*report, "report_date"));
        in.report_date = d;
    }
    CREDO_TRY(auto reason, TextMember(o, "reason"));
    in.reason = reason.value_or("");
    return in;
}

json::object JustificationJson(const app::JustificationRecord& j) {
    return json::object{{"id", j.id},
                        {"customer_id", j.customer.value()},
                        {"reason", j.reason},
                        {"day", FormatDate(j.day)},
                        {"valid_until", FormatDate(j.valid_until)},
                        {"created_by", j.created_by ? json::value(j.created_by->value()) : nullptr},
                        {"created_by_name", j.created_by_name},
                        {"created_at", FormatTimestamp(j.created_at)}};
}

json::object ApplicationJson(const app::CreditApplicationRecord& a, const std::string& next_step) {
    json::array decisions;
    for (const auto& d : a.decisions)
        decisions.push_back(json::object{{"round", d.round},
                                         {"step", d.step},
                                         {"decision", d.decision},
                                         {"actor_id", d.actor ? json::value(d.actor->value()) : nullptr},
                                         {"actor_name", d.actor_name},
                                         {"comment", d.comment},
                                         {"at", FormatTimestamp(d.at)}});
    json::array proposal;
    for (const auto& p : a.proposal) proposal.emplace_back(p);
    auto currency = Currency::FromCode(a.currency);
    json::value limit = nullptr;
    if (currency)
        limit =
            json::object{{"amount", Money(a.requested_limit_minor, *currency).ToString()}, {"currency", a.currency}};
    return json::object{{"id", a.id},
                        {"customer_id", a.customer.value()},
                        {"customer_code", a.customer_code},
                        {"customer_name", a.customer_name},
                        {"applicant_id", a.applicant ? json::value(a.applicant->value()) : nullptr},
                        {"applicant_name", a.applicant_name},
                        {"limit", std::move(limit)},
                        {"term_days", a.requested_term_days},
                        {"grade", a.requested_grade ? json::value(*a.requested_grade) : nullptr},
                        {"report_date", a.report_date ? json::value(FormatDate(*a.report_date)) : nullptr},
                        {"reason", a.reason},
                        {"status", a.status},
                        {"round", a.round},
                        {"source", a.source},
                        {"proposal", std::move(proposal)},
                        {"next_step", next_step.empty() ? json::value(nullptr) : json::value(next_step)},
                        {"created_at", FormatTimestamp(a.created_at)},
                        {"updated_at", FormatTimestamp(a.updated_at)},
                        {"decisions", std::move(decisions)}};
}

json::object EvaluationJson(const app::EvaluationRecord& e) {
    boost::system::error_code ec;
    json::value factors = json::parse(e.factors, ec);
    if (ec) factors = json::object{};
    return json::object{{"id", e.id},
                        {"customer_id", e.customer.value()},
                        {"factors", std::move(factors)},
                        {"score", e.score},
                        {"evaluator_id", e.evaluator ? json::value(e.evaluator->value()) : nullptr},
                        {"evaluator_name", e.evaluator_name},
                        {"day", FormatDate(e.day)},
                        {"comments", e.comments},
                        {"created_at", FormatTimestamp(e.created_at)}};
}

// The application with its next step, read after the change.
Response Render(app::Database& db, const app::Context& ctx, int status, const app::CreditApplicationRecord& a) {
    auto next = app::ReadTx(db, [&](app::Tx& tx) { return app::NextStepOf(tx, ctx, a); });
    return JsonResponse(status, ApplicationJson(a, next ? *next : std::string()));
}

}  // namespace

void RegisterCreditApplications(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kPost, "/api/v1/jobs/reevaluation", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto ran = app::RunReevaluationOnce(db, ctx, actor, date, "api");
                   if (!ran) return ToResponse(ran.error());
                   json::object out{{"as_of", FormatDate(date)}, {"ran", ran->has_value()}};
                   if (*ran) {
                       const auto& r = **ran;
                       out["report"] = json::object{{"accounts", r.accounts},
                                                    {"graded", r.graded},
                                                    {"upgrades", r.upgrades},
                                                    {"downgrades", r.downgrades},
                                                    {"skipped_pending", r.skipped_pending},
                                                    {"set_aside", r.set_aside}};
                   } else {
                       out["report"] = nullptr;
                   }
                   return JsonResponse(200, out);
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/credit/behaviour", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto view = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::GetBehaviour(tx, ctx, actor, CustomerId(*id), date); });
                   if (!view) return ToResponse(view.error());
                   const auto& b = *view->behaviour;
                   const auto money = [](const Money& m) {
                       return json::object{{"amount", m.ToString()}, {"currency", std::string(m.currency().code())}};
                   };
                   json::array grade_reasons, score_reasons, months;
                   if (view->grade)
                       for (auto r : view->grade->reasons)
                           grade_reasons.emplace_back(domain::kGradeReasonNames.Name(r));
                   for (const auto& r : view->score.reasons)
                       score_reasons.push_back(
                           json::object{{"code", domain::kScoreReasonCodeNames.Name(r.code)}, {"points", r.points}});
                   for (const auto& m : b.months) {
                       char ym[16];
                       std::snprintf(ym, sizeof ym, "%04d-%02u", static_cast<int>(m.month.year()),
                                     static_cast<unsigned>(m.month.month()));
                       months.push_back(json::object{{"month", ym},
                                                     {"amounts_past_due", m.amounts_past_due},
                                                     {"collected", money(m.collected)},
                                                     {"without_collection", m.WithoutCollection()}});
                   }
                   return JsonResponse(
                       200, json::object{
                                {"as_of", FormatDate(date)},
                                {"window_first", FormatDate(b.window_first)},
                                {"items", b.items},
                                {"late_items", b.late_items},
                                {"amount_due", money(b.amount_due)},
                                {"amount_collected", money(b.amount_collected)},
                                {"collected_bp", b.collected_bp},
                                {"on_time_bp", b.on_time_bp},
                                {"max_days_past_due", b.max_days_past_due},
                                {"average_days_past_due", b.average_days_past_due},
                                {"months_without_collection", b.months_without_collection},
                                {"open_past_due", money(b.open_past_due)},
                                {"evaluation_score", view->evaluation ? json::value(*view->evaluation) : nullptr},
                                {"grade", view->grade ? json::value(domain::kCreditGradeNames.Name(view->grade->grade))
                                                      : json::value(nullptr)},
                                {"grade_reasons", std::move(grade_reasons)},
                                {"score", view->score.score},
                                {"score_reasons", std::move(score_reasons)},
                                {"months", std::move(months)}});
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/evaluations", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto list =
                       app::ReadTx(db, [&](app::Tx& tx) { return app::ListEvaluations(tx, actor, CustomerId(*id)); });
                   if (!list) return ToResponse(list.error());
                   json::array items;
                   for (const auto& e : *list) items.push_back(EvaluationJson(e));
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/evaluations", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   app::EvaluationInput in;
                   in.customer = CustomerId(*id);
                   for (const auto& [k, v] : *body) {
                       if (k == "factors") {
                           if (!v.is_object())
                               return ToResponse(FieldError("factors", "must be an object of 0-10 scores"));
                           for (const auto& [name, score] : v.get_object()) {
                               if (!score.is_int64())
                                   return ToResponse(FieldError("factors." + std::string(name),
                                                                "must be a whole number from 0 to 10"));
                               in.factors[std::string(name)] =
                                   static_cast<int>(std::clamp<std::int64_t>(score.get_int64(), -1, 11));
                           }
                       } else if (k == "day") {
                           if (!v.is_string()) return ToResponse(FieldError("day", "must be a date YYYY-MM-DD"));
                           auto d = ParseDate(v.get_string(), "day");
                           if (!d) return ToResponse(d.error());
                           in.day = *d;
                       } else if (k == "comments") {
                           if (!v.is_string()) return ToResponse(FieldError("comments", "must be text"));
                           in.comments = std::string(v.get_string());
                       } else {
                           return ToResponse(FieldError(std::string(k), "is not a field of this request"));
                       }
                   }
                   auto e = app::WriteTx(db, [&](app::Tx& tx) { return app::AddEvaluation(tx, ctx, actor, in); });
                   if (!e) return ToResponse(e.error());
                   return JsonResponse(201, EvaluationJson(*e));
               }));

    // AP-2: justifications that set the re-evaluation's downgrade aside.
    router.Add(Method::kGet, "/api/v1/customers/{id}/credit/justifications", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto list = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::ListJustifications(tx, actor, CustomerId(*id)); });
                   if (!list) return ToResponse(list.error());
                   json::array items;
                   for (const auto& j : *list) items.push_back(JustificationJson(j));
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/credit/justifications", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"reason", "valid_until"}); !s) return ToResponse(s.error());
                   auto reason = TextMember(*body, "reason");
                   if (!reason) return ToResponse(reason.error());
                   auto until = DateMember(*body, "valid_until");
                   if (!until) return ToResponse(until.error());
                   if (!*until) return ToResponse(FieldError("valid_until", "is required, a date YYYY-MM-DD"));
                   auto j = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::RecordJustification(tx, ctx, actor, CustomerId(*id), reason->value_or(""), **until);
                   });
                   if (!j) return ToResponse(j.error());
                   return JsonResponse(201, JustificationJson(*j));
               }));

    // GET /credit-applications, and GET /credit-proposals: those the re-evaluation made (AP-2).
    for (auto [path, proposals] :
         {std::pair{"/api/v1/credit-applications", false}, std::pair{"/api/v1/credit-proposals", true}}) {
        router.Add(
            Method::kGet, path, Dispatch::kBlocking,
            Authed(deps, [&db, proposals](const Request& req, const Actor& actor) {
                if (auto s = OnlyQuery(req, {"customer_id", "status", "page", "page_size"}); !s)
                    return ToResponse(s.error());
                app::CreditApplicationQuery query;
                if (proposals) query.source = "reevaluation";
                auto customer = QueryInt(req, "customer_id", 1, INT64_MAX);
                if (!customer) return ToResponse(customer.error());
                if (*customer) query.customer = CustomerId(**customer);
                if (auto status = req.Query("status"); status && !status->empty()) {
                    if (*status != "pending" && *status != "approved" && *status != "rejected" && *status != "returned")
                        return ToResponse(FieldError("status", "must be pending, approved, rejected or returned"));
                    query.status = std::string(*status);
                }
                auto page = QueryPage(req);
                if (!page) return ToResponse(page.error());
                query.limit = page->limit;
                query.offset = page->offset;
                auto list = app::ReadTx(db, [&](app::Tx& tx) { return app::ListCreditApplications(tx, actor, query); });
                if (!list) return ToResponse(list.error());
                json::array items;
                for (const auto& a : list->items) {
                    auto j = ApplicationJson(a, "");
                    j.erase("decisions");
                    j.erase("next_step");
                    items.push_back(std::move(j));
                }
                return JsonResponse(200, json::object{{"items", std::move(items)}, {"total", list->total}});
            }));
    }

    router.Add(Method::kPost, "/api/v1/credit-applications", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto input = InputFromJson(*body, false);
                   if (!input) return ToResponse(input.error());
                   auto a = app::WriteTx(
                       db, [&](app::Tx& tx) { return app::SubmitCreditApplication(tx, ctx, actor, *input); });
                   if (!a) return ToResponse(a.error());
                   return Render(db, ctx, 201, *a);
               }));

    router.Add(Method::kGet, "/api/v1/credit-applications/{id}", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto a =
                       app::ReadTx(db, [&](app::Tx& tx) { return app::GetCreditApplication(tx, ctx, actor, *id); });
                   if (!a) return ToResponse(a.error());
                   return Render(db, ctx, 200, *a);
               }));

    router.Add(Method::kPost, "/api/v1/credit-applications/{id}/decisions", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   for (const auto& [k, _] : *body)
                       if (k != "decision" && k != "comment")
                           return ToResponse(FieldError(std::string(k), "is not a field of this request"));
                   auto decision = TextMember(*body, "decision");
                   if (!decision) return ToResponse(decision.error());
                   if (!*decision) return ToResponse(FieldError("decision", "must be approve, reject or return"));
                   auto comment = TextMember(*body, "comment");
                   if (!comment) return ToResponse(comment.error());
                   auto a = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::DecideCreditApplication(tx, ctx, actor, *id, **decision, comment->value_or(""));
                   });
                   if (!a) return ToResponse(a.error());
                   return Render(db, ctx, 200, *a);
               }));

    router.Add(Method::kPost, "/api/v1/credit-applications/{id}/resubmit", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body);
                   if (!body) return ToResponse(body.error());
                   auto input = InputFromJson(*body, true);
                   if (!input) return ToResponse(input.error());
                   auto a = app::WriteTx(
                       db, [&](app::Tx& tx) { return app::ResubmitCreditApplication(tx, ctx, actor, *id, *input); });
                   if (!a) return ToResponse(a.error());
                   return Render(db, ctx, 200, *a);
               }));
}

}  // namespace credo::http
