// The management dashboard (SPEC RP-1): GET /reports/dashboard. Parse, call one use case, render; the parts
// that are reports of their own render as those reports do (report_json.hpp).
#include "credo/app/dashboard.hpp"

#include "credo/base/fx.hpp"
#include "credo/http/handlers/common.hpp"
#include "credo/http/handlers/report_json.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::object ExposureJson(const app::ExposureSummary& e) {
    const std::string& base = e.base_currency;
    json::array bands;
    for (const auto& [band, name] : domain::kUtilizationBandNames.entries)
        bands.push_back(json::object{{"band", name}, {"accounts", e.bands[static_cast<std::size_t>(band)]}});
    json::array currencies;
    for (const auto& c : e.currencies)
        currencies.push_back(json::object{{"currency", c.currency},
                                          {"accounts", c.accounts},
                                          {"limit", MoneyJson(c.limit_minor, c.currency)},
                                          {"exposure", MoneyJson(c.exposure_minor, c.currency)},
                                          {"rate", c.rate_e8 ? json::value(FormatRate(*c.rate_e8)) : nullptr}});
    json::array unconverted;
    for (const auto& c : e.unconverted) unconverted.emplace_back(c);
    json::array top;
    for (const auto& t : e.top)
        top.push_back(
            json::object{{"customer", json::object{{"id", t.customer.value()}, {"code", t.code}, {"name", t.name}}},
                         {"limit", MoneyJson(t.limit_minor, t.currency)},
                         {"exposure", MoneyJson(t.exposure_minor, t.currency)},
                         {"utilization_bp", t.utilization_bp},
                         {"grade", t.grade ? json::value(*t.grade) : nullptr},
                         {"on_hold", t.on_hold}});
    return json::object{{"as_of", FormatDate(e.as_of)},
                        {"exposure_as_of", FormatDate(e.exposure_as_of)},
                        {"currency", base},
                        {"accounts", e.accounts},
                        {"on_hold", e.on_hold},
                        {"limit", MoneyJson(e.limit_minor, base)},
                        {"exposure", MoneyJson(e.exposure_minor, base)},
                        {"unlimited_exposure", MoneyJson(e.unlimited_exposure_minor, base)},
                        {"utilization_bp", e.utilization_bp ? json::value(*e.utilization_bp) : nullptr},
                        {"levels", json::object{{"first_bp", e.levels.first_bp}, {"second_bp", e.levels.second_bp}}},
                        {"bands", std::move(bands)},
                        {"currencies", std::move(currencies)},
                        {"unconverted", std::move(unconverted)},
                        {"top", std::move(top)}};
}

}  // namespace

void RegisterDashboard(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kGet, "/api/v1/reports/dashboard", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto d = app::ReadTx(db, [&](app::Tx& tx) { return app::GetDashboard(tx, ctx, actor, date); });
                   if (!d) return ToResponse(d.error());
                   return JsonResponse(200,
                                       json::object{{"as_of", FormatDate(d->as_of)},
                                                    {"base_currency", d->base_currency},
                                                    {"tiers", DistributionJson(d->tiers)},
                                                    {"grades", DistributionJson(d->grades)},
                                                    {"exposure", ExposureJson(d->exposure)},
                                                    {"aging", AgingJson(d->aging)},
                                                    {"collections", KpisJson(d->collections, d->kpi_from, d->kpi_to)}});
               }));
}

}  // namespace credo::http
