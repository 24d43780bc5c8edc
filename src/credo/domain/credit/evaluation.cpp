#include "credo/domain/credit/evaluation.hpp"

namespace credo::domain {
namespace {

std::string FactorField(std::string_view prefix, std::size_t i) {
    return std::string(prefix) + "." + std::string(kEvaluationFactorNames.entries[i].second);
}

}  // namespace

Status ValidateFactorScores(const FactorScores& scores) {
    for (std::size_t i = 0; i < kEvaluationFactorCount; ++i) {
        if (scores[i] < 0 || scores[i] > kMaxFactorScore)
            return FieldError(
                FactorField("factors", i),
                std::to_string(scores[i]) + " is not a whole number from 0 to " + std::to_string(kMaxFactorScore));
    }
    return Ok();
}

Status ValidateFactorWeights(const FactorWeights& weights) {
    int total = 0;
    for (std::size_t i = 0; i < kEvaluationFactorCount; ++i) {
        if (weights[i] < 0 || weights[i] > kMaxFactorWeight)
            return FieldError(
                FactorField("weights", i),
                std::to_string(weights[i]) + " is not a whole number from 0 to " + std::to_string(kMaxFactorWeight));
        total += weights[i];
    }
    if (total == 0) return FieldError("weights", "at least one factor must have a weight above 0");
    return Ok();
}

Result<int> EvaluationScore(const FactorScores& scores, const FactorWeights& weights) {
    CREDO_CHECK(ValidateFactorScores(scores));
    CREDO_CHECK(ValidateFactorWeights(weights));
    int weighted = 0;
    int total_weight = 0;
    for (std::size_t i = 0; i < kEvaluationFactorCount; ++i) {
        weighted += scores[i] * weights[i];
        total_weight += weights[i];
    }
    // round_half_up(weighted * 10 / total) for non-negative integers.
    return (weighted * 10 * 2 + total_weight) / (total_weight * 2);
}

Status ValidateEvaluation(const CreditEvaluation& evaluation, Date today) {
    CREDO_CHECK(ValidateFactorScores(evaluation.scores));
    if (!evaluation.evaluator.valid()) return FieldError("evaluator", "is required");
    if (!evaluation.date.ok()) return FieldError("date", "is required");
    if (evaluation.date > today) return FieldError("date", FormatDate(evaluation.date) + " is in the future");
    if (evaluation.comments.size() > kMaxEvaluationComments)
        return FieldError("comments", "is longer than " + std::to_string(kMaxEvaluationComments) + " bytes");
    return Ok();
}

}  // namespace credo::domain
