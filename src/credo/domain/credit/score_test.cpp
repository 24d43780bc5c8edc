#include "credo/domain/credit/score.hpp"

#include <gtest/gtest.h>

#include <ostream>

namespace credo::domain {

// Readable failures: "late_payments -15".
void PrintTo(const ScoreReason& r, std::ostream* os) { *os << kScoreReasonCodeNames.Name(r.code) << " -" << r.points; }

namespace {

Currency Cny() { return Currency::FromCode("CNY").value(); }

// A behaviour with the given facts, as MeasureBehaviour would report them.
PaymentBehaviour Facts(int items, std::int64_t collected_bp, std::int64_t on_time_bp, int max_days,
                       int months_without) {
    PaymentBehaviour b(Cny());
    b.items = items;
    b.collected_bp = collected_bp;
    b.on_time_bp = on_time_bp;
    b.max_days_past_due = max_days;
    b.months_without_collection = months_without;
    return b;
}

using R = ScoreReasonCode;

TEST(CreditScore, DeductionsAddUpAndComeMostFirst) {
    struct Case {
        const char* name;
        std::optional<int> evaluation;
        PaymentBehaviour behaviour;
        int score;
        std::vector<ScoreReason> reasons;
    };
    const Case cases[] = {
        {"perfect", 100, Facts(3, 10000, 10000, 0, 0), 100, {}},
        {"evaluation 85, perfect payer", 85, Facts(3, 10000, 10000, 0, 0), 94, {{R::kEvaluationScore, 6}}},
        {"evaluation 0", 0, Facts(3, 10000, 10000, 0, 0), 60, {{R::kEvaluationScore, 40}}},
        {"late but all collected",
         100,
         Facts(3, 10000, 5000, 30, 0),
         89,
         {{R::kLatePayments, 8}, {R::kDaysPastDue, 3}}},
        {"31 days is the next quarter",
         100,
         Facts(3, 10000, 5000, 31, 0),
         86,
         {{R::kLatePayments, 8}, {R::kDaysPastDue, 6}}},
        {"61 days", 100, Facts(3, 10000, 10000, 61, 0), 91, {{R::kDaysPastDue, 9}}},
        {"90 days", 100, Facts(3, 10000, 10000, 90, 0), 91, {{R::kDaysPastDue, 9}}},
        {"91 days: all of it", 100, Facts(3, 10000, 10000, 91, 0), 88, {{R::kDaysPastDue, 12}}},
        {"80 % collected, one silent month",
         70,
         Facts(3, 8000, 0, 45, 1),
         58,
         {{R::kLatePayments, 15},
          {R::kEvaluationScore, 12},
          {R::kDaysPastDue, 6},
          {R::kUncollectedAmounts, 5},
          {R::kMonthsWithoutCollection, 4}}},
        {"months are capped at two", 100, Facts(3, 10000, 10000, 0, 7), 92, {{R::kMonthsWithoutCollection, 8}}},
        {"worst",
         0,
         Facts(3, 0, 0, 400, 12),
         0,
         {{R::kEvaluationScore, 40},
          {R::kUncollectedAmounts, 25},
          {R::kLatePayments, 15},
          {R::kDaysPastDue, 12},
          {R::kMonthsWithoutCollection, 8}}},
        {"no evaluation loses its whole weight",
         std::nullopt,
         Facts(3, 10000, 10000, 0, 0),
         60,
         {{R::kNoEvaluation, 40}}},
        {"half points round up: 1 bp short is 0", 100, Facts(3, 9999, 10000, 0, 0), 100, {}},
        {"2 % short of collection is half a point, rounded up",
         100,
         Facts(3, 9800, 10000, 0, 0),
         99,
         {{R::kUncollectedAmounts, 1}}},
        {"no history: the evaluation score",
         72,
         Facts(0, 10000, 10000, 0, 0),
         72,
         {{R::kEvaluationScore, 28}, {R::kNoPaymentHistory, 0}}},
        {"no history, top evaluation", 100, Facts(0, 10000, 10000, 0, 0), 100, {{R::kNoPaymentHistory, 0}}},
        {"no history, no evaluation",
         std::nullopt,
         Facts(0, 10000, 10000, 0, 0),
         0,
         {{R::kNoEvaluation, 100}, {R::kNoPaymentHistory, 0}}},
    };
    for (const Case& c : cases) {
        Result<CreditScore> s = ComputeCreditScore(c.evaluation, c.behaviour);
        ASSERT_TRUE(s.has_value()) << c.name;
        EXPECT_EQ(s->score, c.score) << c.name;
        EXPECT_EQ(s->reasons, c.reasons) << c.name;
        int lost = 0;
        for (const ScoreReason& r : s->reasons) lost += r.points;
        EXPECT_EQ(lost, 100 - s->score) << c.name;
    }
}

TEST(CreditScore, ReasonNamesAreStable) {
    EXPECT_EQ(kScoreReasonCodeNames.Accepted(),
              "evaluation_score, no_evaluation, uncollected_amounts, late_payments, days_past_due, "
              "months_without_collection, no_payment_history");
}

TEST(CreditScore, CustomWeightsAndErrors) {
    const CreditScoreWeights behaviour_only{0, 50, 20, 20, 10};
    Result<CreditScore> s = ComputeCreditScore(std::nullopt, Facts(1, 5000, 10000, 0, 0), behaviour_only);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->score, 75);
    struct Case {
        const char* name;
        std::optional<int> evaluation;
        CreditScoreWeights weights;
        const char* field;
    };
    const Case cases[] = {
        {"sum 99", 50, {40, 25, 15, 12, 7}, "weights"},
        {"negative", 50, {40, 25, 15, 21, -1}, "weights.months_without_collection"},
        {"evaluation 101", 101, {}, "evaluation_score"},
    };
    for (const Case& c : cases) {
        Result<CreditScore> r = ComputeCreditScore(c.evaluation, Facts(1, 10000, 10000, 0, 0), c.weights);
        ASSERT_FALSE(r.has_value()) << c.name;
        EXPECT_EQ(r.error().fields.count(c.field), 1u) << c.name << ": " << r.error().message;
    }
}

TEST(CreditScore, RelativeWeightsAreScaledToOneHundred) {
    const std::array<std::string_view, 5> fields = {"a", "b", "c", "d", "e"};
    struct Case {
        const char* name;
        std::array<int, 5> relative;
        std::array<int, 5> scaled;
    };
    const Case cases[] = {
        {"the defaults stay", {40, 25, 15, 12, 8}, {40, 25, 15, 12, 8}},
        {"halved", {20, 12, 8, 6, 4}, {40, 24, 16, 12, 8}},  // 24.0, 16.0: exact
        {"thirds", {1, 1, 1, 0, 0}, {34, 33, 33, 0, 0}},     // the earlier first on a tie
        {"one only", {0, 0, 7, 0, 0}, {0, 0, 100, 0, 0}},
        {"sevenths", {1, 1, 1, 1, 3}, {15, 14, 14, 14, 43}},  // 14.28 ×4, 42.85: the largest remainder wins
    };
    for (const Case& c : cases) {
        auto w = ScaleCreditScoreWeights(c.relative, fields);
        ASSERT_TRUE(w.has_value()) << c.name;
        std::array<int, 5> got = {w->evaluation, w->collected, w->on_time, w->days_past_due,
                                  w->months_without_collection};
        EXPECT_EQ(got, c.scaled) << c.name;
        EXPECT_TRUE(ValidateCreditScoreWeights(*w).has_value()) << c.name;
    }
    auto zero = ScaleCreditScoreWeights({0, 0, 0, 0, 0}, fields);
    ASSERT_FALSE(zero.has_value());
    EXPECT_EQ(zero.error().fields.count("weights"), 1u);
    auto big = ScaleCreditScoreWeights({0, 101, 0, 0, 0}, fields);
    ASSERT_FALSE(big.has_value());
    EXPECT_EQ(big.error().fields.count("b"), 1u);
}

}  // namespace
}  // namespace credo::domain
