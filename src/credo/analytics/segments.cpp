#include "credo/analytics/segments.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "credo/analytics/kmeans.hpp"

namespace credo::analytics {
namespace {

bool LogScaled(std::size_t feature) {
    return feature == FeatureIndex(Feature::kPurchases) || feature == FeatureIndex(Feature::kInvoices);
}

}  // namespace

Result<Segmentation> Segment(std::span<const FeatureVector> rows, int k, std::uint64_t seed) {
    if (k < kMinClusters || k > kMaxClusters)
        return FieldError("k", std::to_string(k) + " is not a whole number from " + std::to_string(kMinClusters) +
                                   " to " + std::to_string(kMaxClusters));
    if (static_cast<std::size_t>(k) > rows.size())
        return FieldError("k", std::to_string(k) + " is more clusters than there are customers to cluster (" +
                                   std::to_string(rows.size()) + ")");
    const arma::uword n = rows.size(), d = kFeatureCount;
    arma::mat points(d, n);
    for (arma::uword i = 0; i < n; ++i)
        for (arma::uword f = 0; f < d; ++f) {
            const double x = rows[i][f];
            points(f, i) = LogScaled(f) ? std::log1p(std::max(0.0, x)) : x;
        }
    // Standardize each feature (a row of `points`); a constant one carries no information and becomes 0.
    for (arma::uword f = 0; f < d; ++f) {
        const double mean = arma::mean(points.row(f));
        const double sd = n > 1 ? arma::stddev(points.row(f), 1) : 0.0;
        if (sd > 1e-12)
            points.row(f) = (points.row(f) - mean) / sd;
        else
            points.row(f).zeros();
    }
    KMeansResult km = KMeans(points, k, seed);

    // Order the clusters: largest first, then by their first customer.
    std::vector<int> size(static_cast<std::size_t>(k), 0), first(static_cast<std::size_t>(k), -1);
    for (arma::uword i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(km.assignment[i]);
        ++size[c];
        if (first[c] < 0) first[c] = static_cast<int>(i);
    }
    std::vector<int> order(static_cast<std::size_t>(k));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
    });
    std::vector<int> rank(static_cast<std::size_t>(k));
    for (std::size_t r = 0; r < order.size(); ++r) rank[static_cast<std::size_t>(order[r])] = static_cast<int>(r);

    Segmentation s;
    s.iterations = km.iterations;
    s.inertia = km.inertia;
    s.clusters.resize(static_cast<std::size_t>(k));
    s.assignment.resize(n);
    std::vector<FeatureVector> z_sum(static_cast<std::size_t>(k), FeatureVector{});
    for (arma::uword i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(rank[static_cast<std::size_t>(km.assignment[i])]);
        s.assignment[i] = static_cast<int>(c);
        Cluster& cluster = s.clusters[c];
        ++cluster.size;
        for (std::size_t f = 0; f < d; ++f) {
            cluster.centroid[f] += rows[i][f];
            z_sum[c][f] += points(f, i);
            s.mean[f] += rows[i][f];
        }
    }
    for (std::size_t f = 0; f < d; ++f) s.mean[f] /= static_cast<double>(n);
    for (std::size_t c = 0; c < s.clusters.size(); ++c) {
        Cluster& cluster = s.clusters[c];
        for (std::size_t f = 0; f < d; ++f) {
            cluster.centroid[f] /= cluster.size;
            const double z = z_sum[c][f] / cluster.size;
            if (std::abs(z) >= kTraitThreshold) cluster.traits.push_back({static_cast<Feature>(f), z > 0, z});
        }
        std::stable_sort(cluster.traits.begin(), cluster.traits.end(),
                         [](const Trait& a, const Trait& b) { return std::abs(a.z) > std::abs(b.z); });
        if (cluster.traits.size() > kMaxTraits) cluster.traits.resize(kMaxTraits);
    }
    return s;
}

}  // namespace credo::analytics
