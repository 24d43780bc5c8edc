#include "credo/analytics/auc.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace credo::analytics {
namespace {

struct AucCase {
    const char* name;
    std::vector<double> scores;
    std::vector<int> labels;
    double auc;
};

TEST(Auc, MatchesHandComputedValues) {
    const AucCase cases[] = {
        {"perfect", {0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}, 1.0},
        {"reversed", {0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}, 0.0},
        {"all tied", {0.5, 0.5, 0.5, 0.5}, {0, 1, 0, 1}, 0.5},
        // Pairs (pos, neg): (0.8, 0.1) 1, (0.8, 0.4) 1, (0.8, 0.8) ½, (0.35, 0.1) 1, (0.35, 0.4) 0, (0.35, 0.8) 0.
        {"one tie", {0.1, 0.4, 0.35, 0.8, 0.8}, {0, 0, 1, 1, 0}, 3.5 / 6},
        // 1 positive above 2 of 3 negatives.
        {"partial", {0.3, 0.6, 0.2, 0.9}, {0, 1, 0, 0}, 2.0 / 3},
        // Ties across both classes at two levels: (0.7 pos vs 0.7 neg) ½, vs 0.2 neg 1; (0.2 pos vs 0.7) 0, vs 0.2 ½.
        {"two tied levels", {0.7, 0.7, 0.2, 0.2}, {1, 0, 1, 0}, (0.5 + 1 + 0 + 0.5) / 4},
    };
    for (const auto& c : cases) {
        auto auc = Auc(c.scores, c.labels);
        ASSERT_TRUE(auc) << c.name;
        EXPECT_DOUBLE_EQ(*auc, c.auc) << c.name;
    }
}

TEST(Auc, IsUndefinedWithoutBothClasses) {
    const std::vector<double> scores{0.1, 0.2};
    const std::vector<int> ones{1, 1}, bad{0, 2}, short_labels{1};
    for (const auto* labels : {&ones, &bad, &short_labels}) {
        auto auc = Auc(scores, *labels);
        ASSERT_FALSE(auc);
        EXPECT_EQ(auc.error().code, Errc::kInvalidArgument);
        EXPECT_TRUE(auc.error().fields.contains("labels"));
    }
}

}  // namespace
}  // namespace credo::analytics
