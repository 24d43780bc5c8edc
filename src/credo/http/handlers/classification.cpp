// Classification, distribution reports and dynamic management (SPEC CL-1…CL-3, CL-5, DY-2…DY-4): parse,
// call one use case, render.
#include "credo/app/classification.hpp"

#include "credo/app/codec/json_codec.hpp"
#include "credo/http/handlers/common.hpp"
#include "credo/http/handlers/report_json.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

json::value OptDate(const std::optional<Date>& d) { return d ? json::value(FormatDate(*d)) : json::value(nullptr); }

std::string Amount(std::int64_t minor, const std::string& currency) {
    auto c = Currency::FromCode(currency);
    return c ? Money(minor, *c).ToString() : std::to_string(minor);
}

json::object FileJson(const app::ClassifiedFileRecord& f) {
    return json::object{{"id", f.customer.value()},
                        {"code", f.code},
                        {"name", f.name},
                        {"region", f.region},
                        {"owner_id", f.owner ? json::value(f.owner->value()) : json::value(nullptr)},
                        {"owner_name", f.owner ? json::value(f.owner_name) : json::value(nullptr)},
                        {"lifecycle", f.lifecycle}};
}

json::object ClassesJson(const app::ClassifiedCustomer& c, const std::string& base) {
    const auto& k = c.classes;
    const auto& f = c.facts;
    return json::object{{"tier", domain::kTierNames.Name(k.tier)},
                        {"core", k.core},
                        {"long_standing", k.long_standing},
                        {"time", domain::kTimeClassNames.Name(k.time)},
                        {"process", domain::kProcessClassNames.Name(k.process)},
                        {"volume", domain::kVolumeClassNames.Name(k.volume)},
                        {"figures", json::object{{"currency", base},
                                                 {"last_12_months", Amount(f.last_12, base)},
                                                 {"previous_12_months", Amount(f.previous_12, base)},
                                                 {"third_12_months", Amount(f.third_12, base)},
                                                 {"average_annual", Amount(k.average_annual, base)},
                                                 {"average_periods", k.average_periods},
                                                 {"relationship_start", OptDate(k.relationship_start)},
                                                 {"relationship_years", k.years},
                                                 {"first_purchase", OptDate(f.first_purchase)},
                                                 {"last_purchase", OptDate(f.last_purchase)}}}};
}

json::object ThresholdsJson(const domain::ClassificationPolicy& p, const std::string& base) {
    return json::object{{"tier_a_min", Amount(p.tier_a_min, base)},
                        {"tier_b_min", Amount(p.tier_b_min, base)},
                        {"core_min_average", Amount(p.core_min_average, base)},
                        {"core_min_years", p.core_min_years},
                        {"long_standing_years", p.long_standing_years},
                        {"scattered_below", Amount(p.scattered_below, base)}};
}

json::object ReviewJson(const app::ReviewRecord& r) {
    return json::object{{"id", r.id},
                        {"customer_id", r.customer.value()},
                        {"day", FormatDate(r.day)},
                        {"tier", r.tier},
                        {"notes", r.notes},
                        {"reviewer", r.reviewer_name},
                        {"created_at", FormatTimestamp(r.created_at)}};
}

Result<Date> AsOf(const Request& req, const app::Context& ctx) {
    CREDO_TRY(auto as_of, QueryDate(req, "as_of"));
    return as_of.value_or(DateOf(ctx.clock.Now()));
}

Response DistributionResponse(app::Database& db, const app::Context& ctx, const Actor& actor, Date as_of,
                              app::DistributionBy by) {
    auto report = app::ReadTx(db, [&](app::Tx& tx) { return app::DistributionReport(tx, ctx, actor, as_of, by); });
    if (!report) return ToResponse(report.error());
    return JsonResponse(200, DistributionJson(*report));
}

}  // namespace

json::object DistributionJson(const app::Distribution& report) {
    json::array groups;
    for (const auto& g : report.groups)
        groups.push_back(
            json::object{{"key", g.key}, {"label", g.label}, {"count", g.count}, {"share_bp", g.share_bp}});
    return json::object{{"as_of", FormatDate(report.as_of)},
                        {"by", app::kDistributionByNames.Name(report.by)},
                        {"total", report.total},
                        {"groups", std::move(groups)},
                        {"reason", report.reason ? json::value(*report.reason) : nullptr}};
}

void RegisterClassification(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(Method::kGet, "/api/v1/reports/tiers", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of", "by"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   app::DistributionBy by = app::DistributionBy::kTier;
                   if (auto b = req.Query("by"); b && !b->empty()) {
                       auto parsed = app::kDistributionByNames.Parse(*b, "by");
                       if (!parsed) return ToResponse(parsed.error());
                       by = *parsed;
                   }
                   return DistributionResponse(db, ctx, actor, *as_of, by);
               }));

    router.Add(Method::kGet, "/api/v1/reports/grades", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   return DistributionResponse(db, ctx, actor, *as_of, app::DistributionBy::kGrade);
               }));

    router.Add(Method::kGet, "/api/v1/reports/movers", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of", "kind"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto k = req.Query("kind");
                   if (!k || k->empty()) return ToResponse(FieldError("kind", "is required: growing or lost"));
                   domain::Movement kind;
                   if (*k == "growing")
                       kind = domain::Movement::kGrowing;
                   else if (*k == "lost")
                       kind = domain::Movement::kLost;
                   else
                       return ToResponse(FieldError("kind", Quoted(std::string(*k)) + " is not one of growing, lost"));
                   const std::string& base = ctx.settings.base_currency;
                   auto movers = app::ReadTx(db, [&](app::Tx& tx) -> Result<json::object> {
                       CREDO_TRY(auto settings, app::LoadClassificationSettings(tx, ctx));
                       CREDO_TRY(auto list, app::Movers(tx, ctx, actor, *as_of, kind));
                       json::array items;
                       for (const auto& m : list) {
                           json::object o = FileJson(m.customer.file);
                           o["tier"] = domain::kTierNames.Name(m.customer.classes.tier);
                           o["last_12_months"] = Amount(m.customer.facts.last_12, base);
                           o["previous_12_months"] = Amount(m.customer.facts.previous_12, base);
                           o["growth_bp"] = m.growth_bp ? json::value(*m.growth_bp) : json::value(nullptr);
                           o["last_purchase"] = OptDate(m.customer.facts.last_purchase);
                           o["reason"] = m.reason;
                           items.push_back(std::move(o));
                       }
                       const auto& p = settings.policy;
                       std::string rule =
                           kind == domain::Movement::kGrowing
                               ? "purchases of the last 12 months at least " + std::to_string(p.growth_pct) +
                                     " % above the 12 months before"
                               : "lifecycle lost, or the last purchase in the 12 months before the last " +
                                     std::to_string(p.lost_months) + " months and nothing since";
                       return json::object{{"as_of", FormatDate(*as_of)},
                                           {"kind", *k},
                                           {"currency", base},
                                           {"rule", rule},
                                           {"growth_pct", p.growth_pct},
                                           {"lost_months", p.lost_months},
                                           {"items", std::move(items)}};
                   });
                   if (!movers) return ToResponse(movers.error());
                   return JsonResponse(200, *movers);
               }));

    router.Add(Method::kGet, "/api/v1/reports/expiring-reports", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto out = app::ReadTx(db, [&](app::Tx& tx) -> Result<json::object> {
                       CREDO_TRY(auto settings, app::LoadClassificationSettings(tx, ctx));
                       CREDO_TRY(auto list, app::ExpiringReports(tx, ctx, actor, *as_of));
                       json::array items;
                       for (const auto& e : list) {
                           json::object o = FileJson(e.file);
                           o["source"] = e.source;
                           o["report_day"] = FormatDate(e.report_day);
                           o["expires"] = FormatDate(e.expires);
                           o["expired"] = e.expired;
                           o["days_left"] = e.days_left;
                           items.push_back(std::move(o));
                       }
                       return json::object{{"as_of", FormatDate(*as_of)},
                                           {"notice_days", settings.report_notice_days},
                                           {"validity_days", settings.report_validity_days},
                                           {"items", std::move(items)}};
                   });
                   if (!out) return ToResponse(out.error());
                   return JsonResponse(200, *out);
               }));

    router.Add(Method::kPost, "/api/v1/jobs/report-reminders", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto ran = app::RunReportRemindersOnce(db, ctx, actor, *as_of, "api");
                   if (!ran) return ToResponse(ran.error());
                   return JsonResponse(200, json::object{{"as_of", FormatDate(*as_of)},
                                                         {"ran", ran->has_value()},
                                                         {"alerts", *ran ? json::value(**ran) : nullptr}});
               }));

    router.Add(Method::kGet, "/api/v1/reviews/due", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto due = app::ReadTx(db, [&](app::Tx& tx) { return app::DueReviews(tx, ctx, actor, *as_of); });
                   if (!due) return ToResponse(due.error());
                   json::array items;
                   for (const auto& d : *due) {
                       json::object o = FileJson(d.file);
                       o["tier"] = domain::kTierNames.Name(d.tier);
                       o["last_review"] = OptDate(d.last_review);
                       o["due"] = FormatDate(d.due);
                       o["cadence_months"] = d.cadence_months;
                       o["days_overdue"] = d.days_overdue;
                       items.push_back(std::move(o));
                   }
                   return JsonResponse(200, json::object{{"as_of", FormatDate(*as_of)}, {"items", std::move(items)}});
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/reviews", Dispatch::kBlocking,
               Authed(deps, [&db](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto reviews =
                       app::ReadTx(db, [&](app::Tx& tx) { return app::ListReviews(tx, actor, CustomerId(*id)); });
                   if (!reviews) return ToResponse(reviews.error());
                   json::array items;
                   for (const auto& r : *reviews) items.push_back(ReviewJson(r));
                   return JsonResponse(200, json::object{{"items", std::move(items)}});
               }));

    router.Add(Method::kPost, "/api/v1/customers/{id}/reviews", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto body = app::ParseJsonObject(req.body.empty() ? std::string("{}") : req.body);
                   if (!body) return ToResponse(body.error());
                   if (auto s = OnlyMembers(*body, {"day", "notes"}); !s) return ToResponse(s.error());
                   auto day = DateMember(*body, "day");
                   if (!day) return ToResponse(day.error());
                   auto notes = TextMember(*body, "notes");
                   if (!notes) return ToResponse(notes.error());
                   auto review = app::WriteTx(db, [&](app::Tx& tx) {
                       return app::MarkReviewed(tx, ctx, actor, CustomerId(*id), *day, notes->value_or(""));
                   });
                   if (!review) return ToResponse(review.error());
                   return JsonResponse(201, ReviewJson(*review));
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/classification", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto view = app::ReadTx(db, [&](app::Tx& tx) {
                       return app::GetClassification(tx, ctx, actor, CustomerId(*id), *as_of);
                   });
                   if (!view) return ToResponse(view.error());
                   const std::string& base = ctx.settings.base_currency;
                   json::object o = ClassesJson(view->customer, base);
                   o["customer_id"] = *id;
                   o["as_of"] = FormatDate(*as_of);
                   o["movement"] = domain::kMovementNames.Name(view->movement);
                   o["growth_bp"] = view->growth_bp ? json::value(*view->growth_bp) : json::value(nullptr);
                   o["review"] = json::object{{"last", OptDate(view->last_review)},
                                              {"next_due", FormatDate(view->next_review)},
                                              {"cadence_months", view->review_months}};
                   o["thresholds"] = ThresholdsJson(view->settings.policy, base);
                   return JsonResponse(200, o);
               }));

    router.Add(Method::kGet, "/api/v1/customers/{id}/trends", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto id = PathId(req, "id");
                   if (!id) return ToResponse(id.error());
                   auto as_of = AsOf(req, ctx);
                   if (!as_of) return ToResponse(as_of.error());
                   auto t = app::ReadTx(
                       db, [&](app::Tx& tx) { return app::GetTrends(tx, ctx, actor, CustomerId(*id), *as_of); });
                   if (!t) return ToResponse(t.error());
                   json::array years;
                   for (const auto& [year, minor] : t->years)
                       years.push_back(json::object{{"year", year}, {"purchases", Amount(minor, t->base_currency)}});
                   json::array quarters;
                   for (const auto& q : t->quarters)
                       quarters.push_back(json::object{{"quarter", q.quarter},
                                                       {"end", FormatDate(q.end)},
                                                       {"due", Amount(q.due_minor, t->currency)},
                                                       {"collected", Amount(q.collected_minor, t->currency)},
                                                       {"collected_bp", q.collected_bp},
                                                       {"on_time_bp", q.on_time_bp},
                                                       {"max_days_past_due", q.max_days_past_due},
                                                       {"items", q.items}});
                   return JsonResponse(200, json::object{{"customer_id", *id},
                                                         {"as_of", FormatDate(t->as_of)},
                                                         {"currency", t->base_currency},
                                                         {"years", std::move(years)},
                                                         {"quarter_currency", t->currency},
                                                         {"quarters", std::move(quarters)}});
               }));
}

}  // namespace credo::http
