#include "credo/analytics/auc.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

namespace credo::analytics {

Result<double> Auc(std::span<const double> scores, std::span<const int> labels) {
    if (scores.size() != labels.size())
        return FieldError("labels",
                          std::to_string(labels.size()) + " labels for " + std::to_string(scores.size()) + " scores");
    double positives = 0, negatives = 0;
    for (int l : labels) {
        if (l != 0 && l != 1) return FieldError("labels", std::to_string(l) + " is not 0 or 1");
        (l == 1 ? positives : negatives) += 1;
    }
    if (positives == 0 || negatives == 0)
        return FieldError("labels", "the AUC needs at least one positive and one negative example");
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Sum of the positives' ranks (1-based), tied scores sharing the average of their ranks; doubled to
    // stay in integers until the end.
    double rank_sum_twice = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
        const double average_twice = static_cast<double>(i + 1 + j);  // (i+1 + j) / 2, doubled
        for (std::size_t t = i; t < j; ++t)
            if (labels[order[t]] == 1) rank_sum_twice += average_twice;
        i = j;
    }
    const double u = rank_sum_twice / 2 - positives * (positives + 1) / 2;
    return u / (positives * negatives);
}

}  // namespace credo::analytics
