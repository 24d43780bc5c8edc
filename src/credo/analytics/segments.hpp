// Segmentation of customers (SPEC CL-4): k-means over their standardized features, with a profile of
// each cluster in terms a manager reads ("large buyers who pay on time").
//
// Purchases and invoice counts are compared on a log scale (a customer buying ten times more is not ten
// times further away); every feature is then standardized to mean 0 and standard deviation 1 over the
// customers clustered, so no unit dominates. A cluster's profile is made of its traits: the features
// whose cluster mean lies at least kTraitThreshold standard deviations above or below the overall mean,
// strongest first. The profile is codes and numbers; the words are the web app's, in each language.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "credo/analytics/features.hpp"
#include "credo/base/result.hpp"

namespace credo::analytics {

inline constexpr int kMinClusters = 2;
inline constexpr int kMaxClusters = 12;
inline constexpr double kTraitThreshold = 0.5;  // standard deviations from the overall mean
inline constexpr std::size_t kMaxTraits = 3;

struct Trait {
    Feature feature{};
    bool high = false;  // above the overall mean; else below
    double z = 0;       // the cluster's mean standardized value
};

struct Cluster {
    int size = 0;
    FeatureVector centroid{};  // the mean of its customers' features, in the features' own units
    std::vector<Trait> traits;
};

struct Segmentation {
    std::vector<Cluster> clusters;  // largest first (ties: the one holding the earlier customer first)
    std::vector<int> assignment;    // per input row, its index in `clusters`
    FeatureVector mean{};           // over all rows, in the features' own units
    int iterations = 0;
    double inertia = 0;  // in standardized units
};

// Clusters `rows` into k groups with the given seed. kInvalidArgument naming "k" when k is outside
// kMinClusters … kMaxClusters or larger than the number of rows.
Result<Segmentation> Segment(std::span<const FeatureVector> rows, int k, std::uint64_t seed);

}  // namespace credo::analytics
