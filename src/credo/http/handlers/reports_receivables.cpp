// Receivables reports (SPEC AR-2, AR-3): GET /reports/aging and GET /reports/kpis. Parse, call one use
// case, render.
#include <cstdio>
#include <limits>

#include "credo/app/receivables_reports.hpp"
#include "credo/base/fx.hpp"
#include "credo/http/handlers/common.hpp"
#include "credo/http/handlers/report_json.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

std::string Decimal(std::int64_t minor, const Currency& currency) { return Money(minor, currency).ToString(); }

// {"currency": "CNY", "not_due": "…", "d1_30": "…", …, "total": "…", "past_due": "…"}
json::object AmountsJson(const domain::AgingAmounts& a, const std::string& code) {
    auto currency = Currency::FromCode(code);
    json::object o{{"currency", code}};
    if (!currency) return o;
    for (const auto& [bucket, name] : domain::kAgingBucketNames.entries) o[name] = Decimal(a[bucket], *currency);
    o["total"] = Decimal(a.Total(), *currency);
    o["past_due"] = Decimal(a.PastDue(), *currency);
    return o;
}

json::array CurrenciesJson(const std::map<std::string, domain::AgingAmounts>& by_currency,
                           const std::map<std::string, std::int64_t>* rates) {
    json::array out;
    for (const auto& [code, amounts] : by_currency) {
        json::object o = AmountsJson(amounts, code);
        if (rates) {
            auto r = rates->find(code);
            o["rate"] = r != rates->end() ? json::value(FormatRate(r->second)) : json::value(nullptr);
        }
        out.push_back(std::move(o));
    }
    return out;
}

json::array Strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

std::string MonthText(domain::Month m) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
    return text;
}

// Exactly YYYY-MM, a real month.
Result<std::optional<domain::Month>> QueryMonth(const Request& req, std::string_view name) {
    auto text = req.Query(name);
    if (!text) return std::optional<domain::Month>();
    auto day = ParseDate(*text + "-01", name);
    if (text->size() != 7 || !day) return FieldError(std::string(name), "must be a month YYYY-MM");
    return std::optional<domain::Month>(day->year() / day->month());
}

json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

// The filters both reports share: region (a region code) and owner (a user id).
Status ReportFilters(const Request& req, std::optional<std::string>& region, std::optional<UserId>& owner) {
    if (auto r = req.Query("region"); r && !r->empty()) region = *r;
    CREDO_TRY(auto o, QueryInt(req, "owner", 1, std::numeric_limits<std::int64_t>::max()));
    if (o) owner = UserId(*o);
    return Ok();
}

}  // namespace

json::value AgingJson(const app::AgingReport& r) {
    json::array rows;
    for (const auto& row : r.rows) {
        json::object o{{"key", row.key},
                       {"label", row.label},
                       {"customers", row.customers},
                       {"amounts", AmountsJson(row.base, r.base_currency)},
                       {"currencies", CurrenciesJson(row.currencies, nullptr)}};
        if (r.group_by == app::AgingGroupBy::kCustomer) o["code"] = row.code;
        rows.push_back(std::move(o));
    }
    json::array buckets;
    for (const auto& [bucket, name] : domain::kAgingBucketNames.entries) buckets.emplace_back(name);
    return json::object{{"as_of", FormatDate(r.as_of)},
                        {"group_by", app::kAgingGroupByNames.Name(r.group_by)},
                        {"base_currency", r.base_currency},
                        {"buckets", std::move(buckets)},
                        {"rows", std::move(rows)},
                        {"total", AmountsJson(r.total, r.base_currency)},
                        {"currencies", CurrenciesJson(r.currencies, &r.rates)},
                        {"unconverted", Strings(r.unconverted)},
                        {"note", r.note ? json::value(*r.note) : json::value(nullptr)}};
}

json::value KpisJson(const app::KpiReport& r, domain::Month from, domain::Month to) {
    auto base = Currency::FromCode(r.base_currency);
    json::array months;
    for (const auto& p : r.months) {
        const auto& t = p.totals;
        json::object totals{{"currency", r.base_currency}};
        if (base) {
            totals["invoiced"] = Decimal(t.invoiced, *base);
            totals["open"] = Decimal(t.open, *base);
            totals["overdue"] = Decimal(t.overdue, *base);
            totals["due"] = Decimal(t.due, *base);
            totals["collected"] = Decimal(t.collected, *base);
            totals["ordered"] = Decimal(t.ordered, *base);
            totals["fulfilled"] = Decimal(t.fulfilled, *base);
            totals["written_off"] = Decimal(t.written_off, *base);
        }
        months.push_back(json::object{{"month", MonthText(p.kpis.month)},
                                      {"dso_days", Opt(p.kpis.dso_days)},
                                      {"collection_rate_bp", Opt(p.kpis.collection_rate_bp)},
                                      {"fulfilment_rate_bp", Opt(p.kpis.fulfilment_rate_bp)},
                                      {"overdue_ratio_bp", Opt(p.kpis.overdue_ratio_bp)},
                                      {"bad_debt_ratio_bp", Opt(p.kpis.bad_debt_ratio_bp)},
                                      {"totals", std::move(totals)}});
    }
    return json::object{{"from", MonthText(from)},
                        {"to", MonthText(to)},
                        {"base_currency", r.base_currency},
                        {"months", std::move(months)},
                        {"unconverted", Strings(r.unconverted)},
                        {"notes", Strings(r.notes)}};
}

void RegisterReceivablesReports(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kGet, "/api/v1/reports/aging", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of", "group_by", "region", "owner"}); !s)
                       return ToResponse(s.error());
                   app::AgingQuery q;
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   q.as_of = as_of->value_or(DateOf(ctx.clock.Now()));
                   if (auto g = req.Query("group_by"); g && !g->empty()) {
                       auto group_by = app::kAgingGroupByNames.Parse(*g, "group_by");
                       if (!group_by) return ToResponse(group_by.error());
                       q.group_by = *group_by;
                   }
                   if (auto s = ReportFilters(req, q.region, q.owner); !s) return ToResponse(s.error());
                   auto report = app::ReadTx(db, [&](app::Tx& tx) { return app::Aging(tx, ctx, actor, q); });
                   if (!report) return ToResponse(report.error());
                   return JsonResponse(200, AgingJson(*report));
               }));

    router.Add(Method::kGet, "/api/v1/reports/kpis", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"from", "to", "as_of", "region", "owner"}); !s)
                       return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date today = as_of->value_or(DateOf(ctx.clock.Now()));
                   app::KpiQuery q;
                   q.as_of = today;
                   auto to = QueryMonth(req, "to");
                   if (!to) return ToResponse(to.error());
                   q.to = to->value_or(today.year() / today.month());
                   auto from = QueryMonth(req, "from");
                   if (!from) return ToResponse(from.error());
                   q.from = from->value_or(q.to - std::chrono::months(11));
                   if (auto s = ReportFilters(req, q.region, q.owner); !s) return ToResponse(s.error());
                   auto report = app::ReadTx(db, [&](app::Tx& tx) { return app::Kpis(tx, ctx, actor, q); });
                   if (!report) return ToResponse(report.error());
                   return JsonResponse(200, KpisJson(*report, q.from, q.to));
               }));
}

}  // namespace credo::http
