#include "credo/domain/credit/evaluation.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

FactorScores All(int v) { return {v, v, v, v, v, v, v, v}; }

TEST(CreditEvaluation, FactorNamesAreStable) {
    EXPECT_EQ(kEvaluationFactorNames.Accepted(),
              "project_reliability, funding_strength, leadership, bad_credit_records, satisfiability, "
              "production_fit, price_profitability, stability_potential");
    EXPECT_EQ(kEvaluationFactorNames.Parse("leadership", "factor").value(), EvaluationFactor::kLeadership);
    EXPECT_FALSE(kEvaluationFactorNames.Parse("Leadership", "factor").has_value());
    EXPECT_EQ(FactorIndex(EvaluationFactor::kStabilityPotential), kEvaluationFactorCount - 1);
}

TEST(CreditEvaluation, ScoreIsTheWeightedMeanTimesTenRoundedHalfUp) {
    struct Case {
        const char* name;
        FactorScores scores;
        FactorWeights weights;
        int score;
    };
    const Case cases[] = {
        {"all zero", All(0), kEqualFactorWeights, 0},
        {"all ten", All(10), kEqualFactorWeights, 100},
        {"all seven", All(7), kEqualFactorWeights, 70},
        {"sum 68 of 80: exactly 85", {10, 10, 10, 10, 7, 7, 7, 7}, kEqualFactorWeights, 85},
        {"sum 67: 83.75 rounds up", {10, 10, 10, 10, 7, 7, 7, 6}, kEqualFactorWeights, 84},
        {"sum 61: 76.25 rounds down", {8, 8, 8, 8, 8, 7, 7, 7}, kEqualFactorWeights, 76},
        {"sum 45: 56.25", {6, 6, 6, 6, 6, 5, 5, 5}, kEqualFactorWeights, 56},
        {"one factor weighs everything", {3, 10, 10, 10, 10, 10, 10, 10}, {1, 0, 0, 0, 0, 0, 0, 0}, 30},
        {"weights 2:1, half exactly", {10, 5, 0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 0, 0, 0, 0}, 75},
        {"weights 1:2 -> 66.67 up", {10, 5, 0, 0, 0, 0, 0, 0}, {1, 2, 0, 0, 0, 0, 0, 0}, 67},
        {"weights 2:1 -> 83.33 down", {10, 5, 0, 0, 0, 0, 0, 0}, {2, 1, 0, 0, 0, 0, 0, 0}, 83},
        {"x.5 rounds up: 1 of 4 weights at 1 -> 2.5", {1, 0, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 0, 0, 0, 0}, 3},
        {"heavy weights", All(9), {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, 90},
    };
    for (const Case& c : cases) {
        Result<int> score = EvaluationScore(c.scores, c.weights);
        ASSERT_TRUE(score.has_value()) << c.name;
        EXPECT_EQ(*score, c.score) << c.name;
    }
}

TEST(CreditEvaluation, ValidationNamesTheField) {
    struct Case {
        const char* name;
        FactorScores scores;
        FactorWeights weights;
        const char* field;
    };
    const Case cases[] = {
        {"score above 10", {10, 10, 11, 10, 10, 10, 10, 10}, kEqualFactorWeights, "factors.leadership"},
        {"negative score", {0, 0, 0, 0, 0, 0, 0, -1}, kEqualFactorWeights, "factors.stability_potential"},
        {"first factor", {-1, 0, 0, 0, 0, 0, 0, 0}, kEqualFactorWeights, "factors.project_reliability"},
        {"negative weight", All(5), {1, 1, 1, -1, 1, 1, 1, 1}, "weights.bad_credit_records"},
        {"weight too large", All(5), {1, 1, 1, 1, 1, 1, 1001, 1}, "weights.price_profitability"},
        {"all weights zero", All(5), {0, 0, 0, 0, 0, 0, 0, 0}, "weights"},
    };
    for (const Case& c : cases) {
        Result<int> score = EvaluationScore(c.scores, c.weights);
        ASSERT_FALSE(score.has_value()) << c.name;
        EXPECT_EQ(score.error().code, Errc::kInvalidArgument) << c.name;
        EXPECT_EQ(score.error().fields.count(c.field), 1u) << c.name << ": " << score.error().message;
    }
}

TEST(CreditEvaluation, RecordNeedsEvaluatorAndAPastDate) {
    const Date today = ParseDate("2026-06-30", "d").value();
    CreditEvaluation e{All(8), UserId(7), today, "visited the plant"};
    EXPECT_TRUE(ValidateEvaluation(e, today).has_value());
    struct Case {
        const char* field;
        CreditEvaluation evaluation;
    };
    const Case cases[] = {
        {"evaluator", {All(8), UserId(), today, ""}},
        {"date", {All(8), UserId(7), AddDays(today, 1), ""}},
        {"date", {All(8), UserId(7), Date{}, ""}},
        {"comments", {All(8), UserId(7), today, std::string(kMaxEvaluationComments + 1, 'x')}},
        {"factors.funding_strength", {{1, 12, 1, 1, 1, 1, 1, 1}, UserId(7), today, ""}},
    };
    for (const Case& c : cases) {
        Status s = ValidateEvaluation(c.evaluation, today);
        ASSERT_FALSE(s.has_value()) << c.field;
        EXPECT_EQ(s.error().fields.count(c.field), 1u) << c.field << ": " << s.error().message;
    }
}

}  // namespace
}  // namespace credo::domain
