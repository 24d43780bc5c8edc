#include "credo/domain/credit/score.hpp"

#include <algorithm>
#include <string>

#include "credo/domain/credit/evaluation.hpp"
#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {
namespace {

constexpr int kDaysPastDueQuarters[] = {30, 60, 90};  // up to these days past due: ¼, ½, ¾ of the weight
constexpr int kMonthsWithoutCollectionCap = 2;

int Points(std::int64_t weight, std::int64_t numerator, std::int64_t denominator) {
    return static_cast<int>(MulDivRoundHalfUp(weight, numerator, denominator));
}

int DaysPastDueQuarters(int days) {
    if (days <= 0) return 0;
    for (int i = 0; i < 3; ++i)
        if (days <= kDaysPastDueQuarters[i]) return i + 1;
    return 4;
}

}  // namespace

Status ValidateCreditScoreWeights(const CreditScoreWeights& w) {
    const std::pair<const char*, int> values[] = {{"weights.evaluation", w.evaluation},
                                                  {"weights.collected", w.collected},
                                                  {"weights.on_time", w.on_time},
                                                  {"weights.days_past_due", w.days_past_due},
                                                  {"weights.months_without_collection", w.months_without_collection}};
    int total = 0;
    for (const auto& [field, v] : values) {
        if (v < 0 || v > 100) return FieldError(field, std::to_string(v) + " is not a whole number from 0 to 100");
        total += v;
    }
    if (total != 100) return FieldError("weights", "add up to " + std::to_string(total) + ", not 100");
    return Ok();
}

Result<CreditScoreWeights> ScaleCreditScoreWeights(const std::array<int, 5>& relative,
                                                   const std::array<std::string_view, 5>& fields) {
    int total = 0;
    for (std::size_t i = 0; i < relative.size(); ++i) {
        if (relative[i] < 0 || relative[i] > 100)
            return FieldError(std::string(fields[i]),
                              std::to_string(relative[i]) + " is not a whole number from 0 to 100");
        total += relative[i];
    }
    if (total == 0) return FieldError("weights", "are all zero; at least one must count");
    std::array<int, 5> scaled{};
    std::array<int, 5> remainder{};
    int given = 0;
    for (std::size_t i = 0; i < relative.size(); ++i) {
        scaled[i] = relative[i] * 100 / total;
        remainder[i] = relative[i] * 100 % total;
        given += scaled[i];
    }
    for (; given < 100; ++given) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < remainder.size(); ++i)
            if (remainder[i] > remainder[best]) best = i;
        ++scaled[best];
        remainder[best] = -1;  // one point each
    }
    return CreditScoreWeights{scaled[0], scaled[1], scaled[2], scaled[3], scaled[4]};
}

Result<CreditScore> ComputeCreditScore(std::optional<int> evaluation_score, const PaymentBehaviour& behaviour,
                                       const CreditScoreWeights& weights) {
    CREDO_CHECK(ValidateCreditScoreWeights(weights));
    if (evaluation_score && (*evaluation_score < 0 || *evaluation_score > kMaxEvaluationScore))
        return FieldError("evaluation_score",
                          std::to_string(*evaluation_score) + " is not a whole number from 0 to 100");

    std::vector<ScoreReason> reasons;
    if (!behaviour.HasWindowHistory()) {
        if (evaluation_score)
            reasons.push_back({ScoreReasonCode::kEvaluationScore, kMaxEvaluationScore - *evaluation_score});
        else
            reasons.push_back({ScoreReasonCode::kNoEvaluation, kMaxEvaluationScore});
        reasons.push_back({ScoreReasonCode::kNoPaymentHistory, 0});
    } else {
        if (evaluation_score)
            reasons.push_back(
                {ScoreReasonCode::kEvaluationScore,
                 Points(weights.evaluation, kMaxEvaluationScore - *evaluation_score, kMaxEvaluationScore)});
        else
            reasons.push_back({ScoreReasonCode::kNoEvaluation, weights.evaluation});
        const auto shortfall = [](std::int64_t bp) { return std::max<std::int64_t>(0, kFullBasisPoints - bp); };
        reasons.push_back({ScoreReasonCode::kUncollectedAmounts,
                           Points(weights.collected, shortfall(behaviour.collected_bp), kFullBasisPoints)});
        reasons.push_back({ScoreReasonCode::kLatePayments,
                           Points(weights.on_time, shortfall(behaviour.on_time_bp), kFullBasisPoints)});
        reasons.push_back({ScoreReasonCode::kDaysPastDue,
                           Points(weights.days_past_due, DaysPastDueQuarters(behaviour.max_days_past_due), 4)});
        reasons.push_back({ScoreReasonCode::kMonthsWithoutCollection,
                           Points(weights.months_without_collection,
                                  std::min(behaviour.months_without_collection, kMonthsWithoutCollectionCap),
                                  kMonthsWithoutCollectionCap)});
    }
    std::erase_if(reasons,
                  [](const ScoreReason& r) { return r.points == 0 && r.code != ScoreReasonCode::kNoPaymentHistory; });
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const ScoreReason& a, const ScoreReason& b) { return a.points > b.points; });
    CreditScore result;
    result.score = kMaxEvaluationScore;
    for (const ScoreReason& r : reasons) result.score -= r.points;
    result.reasons = std::move(reasons);
    return result;
}

}  // namespace credo::domain
