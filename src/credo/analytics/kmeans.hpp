// k-means clustering (SPEC CL-4): k-means++ seeding and Lloyd iterations over Armadillo matrices.
//
// Reproducible by construction: every random choice comes from a std::mt19937_64 seeded by the caller
// (never Armadillo's global generator), and the distances are summed in a fixed order, so the same data,
// k and seed give the same clusters on every run and every machine with IEEE doubles. Several seedings
// are tried (their seeds derived from the one given) and the one with the least inertia is kept.
#pragma once

#include <armadillo>
#include <cstdint>
#include <vector>

namespace credo::analytics {

struct KMeansResult {
    arma::mat centroids;          // d × k, column j is cluster j's centre
    std::vector<int> assignment;  // per point, its cluster 0 … k−1
    int iterations = 0;           // Lloyd iterations of the kept run
    double inertia = 0;           // sum of squared distances of the points to their centres
};

inline constexpr int kKMeansMaxIterations = 300;
inline constexpr int kKMeansRestarts = 4;

// Clusters the columns of `points` (d × n) into k groups. REQUIRES: 1 <= k <= n, finite values.
// Every cluster of the result holds at least one point.
KMeansResult KMeans(const arma::mat& points, int k, std::uint64_t seed, int max_iterations = kKMeansMaxIterations,
                    int restarts = kKMeansRestarts);

}  // namespace credo::analytics
