// Analytics (SPEC CL-4, RP-6): segmentation and payment-delay prediction. Parse, call one use case, render.
#include "credo/app/analytics.hpp"

#include <cmath>

#include "credo/app/codec/json_codec.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

// Statistics carry four decimals: enough to read and to chart, and stable in the output.
double Round4(double v) { return std::round(v * 1e4) / 1e4; }

json::object FeaturesJson(const analytics::FeatureVector& v) {
    json::object o;
    for (const auto& [f, name] : analytics::kFeatureNames.entries) o[name] = Round4(v[analytics::FeatureIndex(f)]);
    return o;
}

json::value ModelJson(const std::optional<app::DelayModelRecord>& m) {
    if (!m) return nullptr;
    return json::object{{"id", m->id},
                        {"as_of", FormatDate(m->as_of)},
                        {"seed", m->seed},
                        {"auc", static_cast<double>(m->auc_ppm) / 1e6},
                        {"train_examples", m->train_examples},
                        {"train_late", m->train_late},
                        {"test_examples", m->test_examples},
                        {"test_late", m->test_late},
                        {"first_quarter", FormatDate(m->first_quarter)},
                        {"last_train_quarter", FormatDate(m->last_train_quarter)},
                        {"last_quarter", FormatDate(m->last_quarter)},
                        {"trained_by", m->trained_by_name},
                        {"trained_at", FormatTimestamp(m->trained_at)}};
}

json::object SegmentsJson(const app::SegmentReport& r) {
    json::array features, clusters, customers;
    for (const auto& [f, name] : analytics::kFeatureNames.entries) features.emplace_back(name);
    for (std::size_t c = 0; c < r.segmentation.clusters.size(); ++c) {
        const auto& cluster = r.segmentation.clusters[c];
        json::array traits;
        for (const auto& t : cluster.traits)
            traits.push_back(json::object{{"feature", analytics::kFeatureNames.Name(t.feature)},
                                          {"direction", t.high ? "high" : "low"},
                                          {"z", Round4(t.z)}});
        clusters.push_back(json::object{{"index", static_cast<std::int64_t>(c)},
                                        {"size", cluster.size},
                                        {"centroid", FeaturesJson(cluster.centroid)},
                                        {"traits", std::move(traits)}});
    }
    for (const auto& c : r.customers)
        customers.push_back(json::object{{"id", c.id.value()},
                                         {"code", c.code},
                                         {"name", c.name},
                                         {"region", c.region},
                                         {"cluster", c.cluster},
                                         {"features", FeaturesJson(c.features)}});
    return json::object{{"as_of", FormatDate(r.as_of)},
                        {"k", r.k},
                        {"seed", static_cast<std::int64_t>(r.seed)},
                        {"currency", r.currency},
                        {"features", std::move(features)},
                        {"mean", FeaturesJson(r.segmentation.mean)},
                        {"iterations", r.segmentation.iterations},
                        {"without_history", r.without_history},
                        {"clusters", std::move(clusters)},
                        {"customers", std::move(customers)}};
}

}  // namespace

void RegisterAnalytics(Router& router, ApiDeps& deps) {
    auto& db = deps.db;
    const auto& ctx = deps.ctx;

    router.Add(
        Method::kGet, "/api/v1/analytics/segments", Dispatch::kBlocking,
        Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
            if (auto s = OnlyQuery(req, {"k", "as_of", "seed"}); !s) return ToResponse(s.error());
            auto k = QueryInt(req, "k", analytics::kMinClusters, analytics::kMaxClusters);
            if (!k) return ToResponse(k.error());
            auto seed = QueryInt(req, "seed", 0, app::kMaxAnalyticsSeed);
            if (!seed) return ToResponse(seed.error());
            auto as_of = QueryDate(req, "as_of");
            if (!as_of) return ToResponse(as_of.error());
            const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
            auto report = app::ReadTx(db, [&](app::Tx& tx) {
                return app::SegmentCustomers(
                    tx, ctx, actor, static_cast<int>(k->value_or(4)), date,
                    static_cast<std::uint64_t>(seed->value_or(static_cast<std::int64_t>(app::kDefaultAnalyticsSeed))));
            });
            if (!report) return ToResponse(report.error());
            return JsonResponse(200, SegmentsJson(*report));
        }));

    router.Add(Method::kPost, "/api/v1/analytics/delay-model", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   json::object body;
                   if (!req.body.empty()) {
                       auto parsed = app::ParseJsonObject(req.body);
                       if (!parsed) return ToResponse(parsed.error());
                       body = std::move(*parsed);
                   }
                   if (auto s = OnlyMembers(body, {"as_of", "seed"}); !s) return ToResponse(s.error());
                   auto as_of = DateMember(body, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   std::int64_t seed = static_cast<std::int64_t>(app::kDefaultAnalyticsSeed);
                   if (const auto* s = body.if_contains("seed"); s && !s->is_null()) {
                       if (!s->is_int64() || s->get_int64() < 0 || s->get_int64() > app::kMaxAnalyticsSeed)
                           return ToResponse(FieldError(
                               "seed", "must be a whole number from 0 to " + std::to_string(app::kMaxAnalyticsSeed)));
                       seed = s->get_int64();
                   }
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   std::optional<app::DelayModelRecord> trained;
                   auto s = db.Write([&](app::Tx& tx) -> Status {
                       CREDO_TRY(auto r, app::TrainDelayModel(tx, ctx, actor, date, static_cast<std::uint64_t>(seed)));
                       trained = std::move(r);
                       return Ok();
                   });
                   if (!s) return ToResponse(s.error());
                   return JsonResponse(201, ModelJson(trained));
               }));

    router.Add(Method::kGet, "/api/v1/analytics/delay-predictions", Dispatch::kBlocking,
               Authed(deps, [&db, &ctx](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"as_of"}); !s) return ToResponse(s.error());
                   auto as_of = QueryDate(req, "as_of");
                   if (!as_of) return ToResponse(as_of.error());
                   const Date date = as_of->value_or(DateOf(ctx.clock.Now()));
                   auto p = app::ReadTx(db, [&](app::Tx& tx) { return app::PredictDelays(tx, ctx, actor, date); });
                   if (!p) return ToResponse(p.error());
                   json::array items;
                   for (const auto& i : p->items)
                       items.push_back(json::object{{"customer_id", i.id.value()},
                                                    {"code", i.code},
                                                    {"name", i.name},
                                                    {"region", i.region},
                                                    {"probability", Round4(i.probability)},
                                                    {"on_time_ratio", Round4(i.on_time_ratio)},
                                                    {"days_past_due", Round4(i.days_past_due)}});
                   json::object out{
                       {"as_of", FormatDate(p->as_of)}, {"model", ModelJson(p->model)}, {"items", std::move(items)}};
                   if (!p->model)
                       out["reason"] = "no delay model has been trained as of " + FormatDate(date) +
                                       " or before; finance, an executive or an admin trains one";
                   return JsonResponse(200, out);
               }));
}

}  // namespace credo::http
