// Management reports (SPEC RP-2, RP-3): the biggest and the riskiest customers side by side, the
// anomalies, and the job that raises them into the inboxes: parse, call one use case, render.
#include "credo/app/management_report.hpp"
#include "credo/app/reports.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::object FiguresJson(const app::CustomerFigures& f, const std::string& currency) {
    json::value owner = nullptr;
    if (f.owner) owner = json::object{{"id", f.owner->value()}, {"name", f.owner_name}};
    return json::object{
        {"customer", json::object{{"id", f.customer.value()}, {"code", f.code}, {"name", f.name}}},
        {"region", f.region},
        {"owner", std::move(owner)},
        {"purchases", MoneyJson(f.purchases_minor, currency)},
        {"previous_purchases", MoneyJson(f.previous_purchases_minor, currency)},
        {"recent_purchases", MoneyJson(f.trade.recent_minor, currency)},
        {"year_before_purchases", MoneyJson(f.trade.year_before_minor, currency)},
        {"open", MoneyJson(f.open_minor, currency)},
        {"overdue", MoneyJson(f.overdue_minor, currency)},
        {"max_days_past_due", f.max_days_past_due},
        {"new_overdue_items", f.trade.newly_overdue_items},
        {"grade", f.grade ? json::value(*f.grade) : json::value(nullptr)},
        {"score", f.score ? json::value(*f.score) : json::value(nullptr)},
        {"limit", f.limit_minor ? MoneyJson(*f.limit_minor, currency) : json::value(nullptr)},
        {"utilization_bp", f.utilization_bp ? json::value(*f.utilization_bp) : json::value(nullptr)},
        {"report_date", f.trade.report_date ? json::value(FormatDate(*f.trade.report_date)) : json::value(nullptr)},
        {"last_purchase", f.last_purchase ? json::value(FormatDate(*f.last_purchase)) : json::value(nullptr)}};
}

}  // namespace

void RegisterManagementReports(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kGet, "/api/v1/reports/both-ends", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of", "limit"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   auto limit = QueryInt(req, "limit", 1, 100);
                   if (!limit) return ToResponse(limit.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto r = app::ReadTx(db, [&](app::Tx& tx) {
                       return app::GetBothEnds(tx, ctx, actor, date, static_cast<int>(limit->value_or(10)));
                   });
                   if (!r) return ToResponse(r.error());
                   json::array biggest, riskiest;
                   for (const auto& f : r->biggest) biggest.push_back(FiguresJson(f, r->currency));
                   for (const auto& f : r->riskiest) riskiest.push_back(FiguresJson(f, r->currency));
                   return JsonResponse(
                       200, json::object{{"as_of", FormatDate(r->as_of)},
                                         {"currency", r->currency},
                                         {"customers", r->customers},
                                         {"total_purchases", MoneyJson(r->total_purchases_minor, r->currency)},
                                         {"biggest", std::move(biggest)},
                                         {"riskiest", std::move(riskiest)}});
               }));

    router.Add(Method::kGet, "/api/v1/reports/anomalies", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto r = app::ReadTx(db, [&](app::Tx& tx) { return app::GetAnomalies(tx, ctx, actor, date); });
                   if (!r) return ToResponse(r.error());
                   json::array items;
                   json::object counts;
                   for (const auto& [kind, name] : domain::kAnomalyKindNames.entries) counts[name] = 0;
                   for (const auto& a : r->items) {
                       const auto name = domain::kAnomalyKindNames.Name(a.kind);
                       counts[name] = counts[name].as_int64() + 1;
                       json::object item = FiguresJson(a.customer, r->currency);
                       item["kind"] = name;
                       items.push_back(std::move(item));
                   }
                   return JsonResponse(200, json::object{{"as_of", FormatDate(r->as_of)},
                                                         {"currency", r->currency},
                                                         {"counts", std::move(counts)},
                                                         {"items", std::move(items)}});
               }));

    router.Add(Method::kGet, "/api/v1/reports/management", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of", "format", "language"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto file = app::ExportManagementReport(db, ctx, actor, date, req.Query("format").value_or("xlsx"),
                                                           std::string(req.Query("language").value_or("en")));
                   if (!file) return ToResponse(file.error());
                   return Attachment(std::move(file->content_type), std::move(file->bytes), file->filename);
               }));

    router.Add(Method::kPost, "/api/v1/jobs/alerts", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto ran = app::RunAnomalyAlertsOnce(db, ctx, actor, date, "api");
                   if (!ran) return ToResponse(ran.error());
                   return JsonResponse(200, json::object{{"as_of", FormatDate(date)},
                                                         {"ran", ran->has_value()},
                                                         {"raised", *ran ? json::value(**ran) : json::value(nullptr)}});
               }));
}

}  // namespace credo::http
