#include "credo/domain/credit/grade.hpp"

#include <string>

#include "credo/domain/credit/evaluation.hpp"

namespace credo::domain {

std::optional<CreditGrade> GradeAbove(CreditGrade grade) {
    switch (grade) {
        case CreditGrade::kI:
            return std::nullopt;
        case CreditGrade::kII:
            return CreditGrade::kI;
        case CreditGrade::kIII:
            return CreditGrade::kII;
        case CreditGrade::kIV:
            return CreditGrade::kIII;
    }
    return std::nullopt;
}

std::optional<CreditGrade> GradeBelow(CreditGrade grade) {
    switch (grade) {
        case CreditGrade::kI:
            return CreditGrade::kII;
        case CreditGrade::kII:
            return CreditGrade::kIII;
        case CreditGrade::kIII:
            return CreditGrade::kIV;
        case CreditGrade::kIV:
            return std::nullopt;
    }
    return std::nullopt;
}

Status ValidateInitialGradeThresholds(const InitialGradeThresholds& t) {
    const std::pair<const char*, int> values[] = {
        {"thresholds.grade_i", t.grade_i}, {"thresholds.grade_ii", t.grade_ii}, {"thresholds.grade_iii", t.grade_iii}};
    for (const auto& [field, v] : values)
        if (v < 0 || v > kMaxEvaluationScore)
            return FieldError(field, std::to_string(v) + " is not a whole number from 0 to 100");
    if (t.grade_ii > t.grade_i)
        return FieldError("thresholds.grade_ii",
                          std::to_string(t.grade_ii) + " is above grade_i (" + std::to_string(t.grade_i) + ")");
    if (t.grade_iii > t.grade_ii)
        return FieldError("thresholds.grade_iii",
                          std::to_string(t.grade_iii) + " is above grade_ii (" + std::to_string(t.grade_ii) + ")");
    return Ok();
}

CreditGrade InitialGrade(int evaluation_score, const InitialGradeThresholds& t) {
    if (evaluation_score >= t.grade_i) return CreditGrade::kI;
    if (evaluation_score >= t.grade_ii) return CreditGrade::kII;
    if (evaluation_score >= t.grade_iii) return CreditGrade::kIII;
    return CreditGrade::kIV;
}

Result<GradeDecision> DecideGrade(const PaymentBehaviour& behaviour, std::optional<int> evaluation_score,
                                  const InitialGradeThresholds& thresholds) {
    CREDO_CHECK(ValidateInitialGradeThresholds(thresholds));
    if (!behaviour.HasWindowHistory()) {
        if (!evaluation_score)
            return FieldError("evaluation_score", "is required to grade a customer without payment history");
        if (*evaluation_score < 0 || *evaluation_score > kMaxEvaluationScore)
            return FieldError("evaluation_score",
                              std::to_string(*evaluation_score) + " is not a whole number from 0 to 100");
        return GradeDecision{InitialGrade(*evaluation_score, thresholds), {GradeReason::kInitialFromEvaluation}};
    }
    if (behaviour.over_90_days_past_due) return GradeDecision{CreditGrade::kIV, {GradeReason::kOver90DaysPastDue}};
    if (behaviour.AllPaidOnTime()) return GradeDecision{CreditGrade::kI, {GradeReason::kAllPaidOnTime}};
    if (behaviour.collected_bp >= kGradeIIMinCollectedBp)
        return GradeDecision{CreditGrade::kII, {GradeReason::kCollectedRatioAtLeast80}};
    return GradeDecision{CreditGrade::kIII, {GradeReason::kCollectedRatioBelow80}};
}

}  // namespace credo::domain
