// The credit score 0–100 (SPEC CE-5): the evaluation (CE-1) and the payment behaviour (CE-2) together,
// explained by reason codes.
//
// The score starts at 100 and loses points; each loss is one reason, so the reasons add up to exactly
// 100 − score. With the default weights (configurable, summing to 100):
//   evaluation_score           40 × (100 − evaluation score) / 100
//   uncollected_amounts        25 × (100 % − collected ratio)
//   late_payments              15 × (100 % − on-time ratio)
//   days_past_due              12 × by the window's most days past due: 0 → 0, 1–30 → ¼, 31–60 → ½,
//                                   61–90 → ¾, more than 90 → all
//   months_without_collection   8 × (months without collection, at most 2) / 2
// each rounded half up to a whole point. Without an evaluation the whole evaluation weight is lost
// (reason no_evaluation). Without payment history (no item in the window) the score is the evaluation
// score itself: reasons evaluation_score (100 − it) and no_payment_history (0 points).
// Reasons are ordered by points lost, most first (ties in the order of ScoreReasonCode); reasons that
// lose nothing are left out, except no_payment_history.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

struct CreditScoreWeights {
    int evaluation = 40;
    int collected = 25;
    int on_time = 15;
    int days_past_due = 12;
    int months_without_collection = 8;
};
// Each >= 0 and together exactly 100; else kInvalidArgument naming "weights.<name>" or "weights".
Status ValidateCreditScoreWeights(const CreditScoreWeights& weights);
// Relative weights (each 0..100, not all zero; in the member order above) scaled to add up to exactly 100:
// each gets the floor of its share, and the points left go to the largest remainders, the earlier member
// first on a tie. kInvalidArgument naming `fields[i]` (out of range) or "weights" (all zero).
Result<CreditScoreWeights> ScaleCreditScoreWeights(const std::array<int, 5>& relative,
                                                   const std::array<std::string_view, 5>& fields);

enum class ScoreReasonCode {
    kEvaluationScore,
    kNoEvaluation,
    kUncollectedAmounts,
    kLatePayments,
    kDaysPastDue,
    kMonthsWithoutCollection,
    kNoPaymentHistory,
};
inline constexpr auto kScoreReasonCodeNames =
    MakeEnumNames<ScoreReasonCode>(std::pair{ScoreReasonCode::kEvaluationScore, "evaluation_score"},
                                   std::pair{ScoreReasonCode::kNoEvaluation, "no_evaluation"},
                                   std::pair{ScoreReasonCode::kUncollectedAmounts, "uncollected_amounts"},
                                   std::pair{ScoreReasonCode::kLatePayments, "late_payments"},
                                   std::pair{ScoreReasonCode::kDaysPastDue, "days_past_due"},
                                   std::pair{ScoreReasonCode::kMonthsWithoutCollection, "months_without_collection"},
                                   std::pair{ScoreReasonCode::kNoPaymentHistory, "no_payment_history"});

struct ScoreReason {
    ScoreReasonCode code = ScoreReasonCode::kEvaluationScore;
    int points = 0;  // points lost
    friend bool operator==(const ScoreReason&, const ScoreReason&) = default;
};

struct CreditScore {
    int score = 0;  // 0..100
    std::vector<ScoreReason> reasons;
};

// The score by the rules above. An evaluation score outside 0..100 is kInvalidArgument naming
// "evaluation_score"; invalid weights, the errors of ValidateCreditScoreWeights.
Result<CreditScore> ComputeCreditScore(std::optional<int> evaluation_score, const PaymentBehaviour& behaviour,
                                       const CreditScoreWeights& weights = {});

}  // namespace credo::domain
