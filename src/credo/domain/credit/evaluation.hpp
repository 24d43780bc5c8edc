// The eight-factor credit evaluation (SPEC CE-1, seed s002).
//
// An evaluator scores a customer on eight factors, each a whole number from 0 to 10. The factors are
// weighted (configurable, default equal) into a score from 0 to 100:
//
//     score = round_half_up( sum(score_i * weight_i) * 10 / sum(weight_i) )
//
// in integer arithmetic only, so the same inputs give the same score everywhere.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "credo/base/date.hpp"
#include "credo/base/ids.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

// In the order of seed s002's list; the names are stable (API, database, reason codes).
enum class EvaluationFactor {
    kProjectReliability,  // (1) reliability of the customer's project or business
    kFundingStrength,     // (2) funding strength and funds in place
    kLeadership,          // (3) who leads it
    kBadCreditRecords,    // (4) bad credit records (10 = none)
    kSatisfiability,      // (5) how far we can satisfy the customer
    kProductionFit,       // (6) our production cycle against its delivery dates
    kPriceProfitability,  // (7) contract price and profitability
    kStabilityPotential,  // (8) potential to become a stable customer
};
inline constexpr std::size_t kEvaluationFactorCount = 8;
inline constexpr auto kEvaluationFactorNames =
    MakeEnumNames<EvaluationFactor>(std::pair{EvaluationFactor::kProjectReliability, "project_reliability"},
                                    std::pair{EvaluationFactor::kFundingStrength, "funding_strength"},
                                    std::pair{EvaluationFactor::kLeadership, "leadership"},
                                    std::pair{EvaluationFactor::kBadCreditRecords, "bad_credit_records"},
                                    std::pair{EvaluationFactor::kSatisfiability, "satisfiability"},
                                    std::pair{EvaluationFactor::kProductionFit, "production_fit"},
                                    std::pair{EvaluationFactor::kPriceProfitability, "price_profitability"},
                                    std::pair{EvaluationFactor::kStabilityPotential, "stability_potential"});

inline constexpr int kMaxFactorScore = 10;
inline constexpr int kMaxFactorWeight = 1000;  // keeps every sum far inside int
inline constexpr int kMaxEvaluationScore = 100;

// Indexed by FactorIndex(factor).
using FactorScores = std::array<int, kEvaluationFactorCount>;
using FactorWeights = std::array<int, kEvaluationFactorCount>;
inline constexpr FactorWeights kEqualFactorWeights = {1, 1, 1, 1, 1, 1, 1, 1};

constexpr std::size_t FactorIndex(EvaluationFactor f) { return static_cast<std::size_t>(f); }

// Each score 0..10; otherwise kInvalidArgument naming "factors.<name>" (e.g. "factors.leadership").
Status ValidateFactorScores(const FactorScores& scores);
// Each weight 0..kMaxFactorWeight and not all zero; otherwise kInvalidArgument naming "weights.<name>"
// (a weight out of range) or "weights" (all zero).
Status ValidateFactorWeights(const FactorWeights& weights);

// The 0..100 score by the formula above; the errors of the two validations.
Result<int> EvaluationScore(const FactorScores& scores, const FactorWeights& weights = kEqualFactorWeights);

// One evaluation as recorded (CE-1: with evaluator, date and comments).
struct CreditEvaluation {
    FactorScores scores{};
    UserId evaluator;
    Date date{};
    std::string comments;  // optional, at most kMaxEvaluationComments bytes
};
inline constexpr std::size_t kMaxEvaluationComments = 4000;

// The scores as above; "evaluator" required; "date" a real date not after `today`; "comments" at most
// kMaxEvaluationComments bytes. Errors are kInvalidArgument naming the field.
Status ValidateEvaluation(const CreditEvaluation& evaluation, Date today);

}  // namespace credo::domain
