#include "credo/analytics/kmeans.hpp"

#include <limits>
#include <random>

namespace credo::analytics {
namespace {

double SquaredDistance(const double* a, const double* b, arma::uword d) {
    double s = 0;
    for (arma::uword i = 0; i < d; ++i) {
        const double diff = a[i] - b[i];
        s += diff * diff;
    }
    return s;
}

// A uniform draw from [0, 1) built from the generator's bits, identical on every standard library.
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// k-means++: the first centre uniformly, each next one with probability proportional to the squared
// distance to the nearest centre chosen so far.
arma::mat SeedCentres(const arma::mat& points, int k, std::mt19937_64& rng) {
    const arma::uword n = points.n_cols, d = points.n_rows;
    arma::mat centres(d, static_cast<arma::uword>(k));
    std::vector<double> nearest(n, std::numeric_limits<double>::infinity());
    arma::uword chosen = static_cast<arma::uword>(rng() % n);
    for (int c = 0; c < k; ++c) {
        centres.col(static_cast<arma::uword>(c)) = points.col(chosen);
        const double* centre = centres.colptr(static_cast<arma::uword>(c));
        double total = 0;
        for (arma::uword i = 0; i < n; ++i) {
            nearest[i] = std::min(nearest[i], SquaredDistance(points.colptr(i), centre, d));
            total += nearest[i];
        }
        if (c + 1 == k) break;
        if (total <= 0) {  // every point sits on a centre: any point will do
            chosen = static_cast<arma::uword>(rng() % n);
            continue;
        }
        const double target = Uniform(rng) * total;
        double running = 0;
        chosen = n - 1;
        for (arma::uword i = 0; i < n; ++i) {
            running += nearest[i];
            if (running > target && nearest[i] > 0) {
                chosen = i;
                break;
            }
        }
    }
    return centres;
}

KMeansResult Lloyd(const arma::mat& points, arma::mat centres, int max_iterations) {
    const arma::uword n = points.n_cols, d = points.n_rows, k = centres.n_cols;
    KMeansResult r;
    r.assignment.assign(n, -1);
    std::vector<double> distance(n, 0);
    for (r.iterations = 1; r.iterations <= max_iterations; ++r.iterations) {
        bool changed = false;
        for (arma::uword i = 0; i < n; ++i) {
            const double* p = points.colptr(i);
            int best = 0;
            double best_d = std::numeric_limits<double>::infinity();
            for (arma::uword c = 0; c < k; ++c) {
                const double dc = SquaredDistance(p, centres.colptr(c), d);
                if (dc < best_d) {
                    best_d = dc;
                    best = static_cast<int>(c);
                }
            }
            distance[i] = best_d;
            if (r.assignment[i] != best) {
                r.assignment[i] = best;
                changed = true;
            }
        }
        // New centres: the means of their points. An emptied cluster takes the point farthest from its
        // own centre, so that k clusters remain.
        arma::mat sums(d, k, arma::fill::zeros);
        std::vector<arma::uword> counts(k, 0);
        for (arma::uword i = 0; i < n; ++i) {
            const auto c = static_cast<arma::uword>(r.assignment[i]);
            double* sum = sums.colptr(c);
            const double* p = points.colptr(i);
            for (arma::uword f = 0; f < d; ++f) sum[f] += p[f];
            ++counts[c];
        }
        for (arma::uword c = 0; c < k; ++c) {
            if (counts[c] > 0) continue;
            // Some cluster holds two points or more: k <= n and this one is empty.
            arma::uword far = n;
            for (arma::uword i = 0; i < n; ++i)
                if (counts[static_cast<arma::uword>(r.assignment[i])] > 1 && (far == n || distance[i] > distance[far]))
                    far = i;
            const auto from = static_cast<arma::uword>(r.assignment[far]);
            sums.col(from) -= points.col(far);
            --counts[from];
            sums.col(c) = points.col(far);
            counts[c] = 1;
            r.assignment[far] = static_cast<int>(c);
            distance[far] = 0;
            changed = true;
        }
        for (arma::uword c = 0; c < k; ++c) centres.col(c) = sums.col(c) / static_cast<double>(counts[c]);
        if (!changed) break;
    }
    r.iterations = std::min(r.iterations, max_iterations);
    r.inertia = 0;
    for (arma::uword i = 0; i < n; ++i)
        r.inertia += SquaredDistance(points.colptr(i), centres.colptr(static_cast<arma::uword>(r.assignment[i])), d);
    r.centroids = std::move(centres);
    return r;
}

}  // namespace

KMeansResult KMeans(const arma::mat& points, int k, std::uint64_t seed, int max_iterations, int restarts) {
    std::mt19937_64 rng(seed);
    KMeansResult best;
    for (int run = 0; run < std::max(1, restarts); ++run) {
        std::mt19937_64 run_rng(rng());
        KMeansResult r = Lloyd(points, SeedCentres(points, k, run_rng), max_iterations);
        if (run == 0 || r.inertia < best.inertia) best = std::move(r);
    }
    return best;
}

}  // namespace credo::analytics
