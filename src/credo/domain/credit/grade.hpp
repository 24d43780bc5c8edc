// The credit grade I–IV (SPEC CE-3, seed s002: 甲乙丙丁).
//
// From the payment behaviour of the window (behaviour.hpp), in this order:
//   IV   if any amount was or is more than 90 days past its due date (exactly 90 is not more);
//   I    else if everything due was paid in full by its due date;
//   II   else if the collected ratio is at least 80 % (exactly 80 % is II);
//   III  else.
// A customer whose window holds no item gets its initial grade from its evaluation score (CE-1):
// >= 85 I, >= 70 II, >= 55 III, else IV (thresholds configurable).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class CreditGrade { kI, kII, kIII, kIV };  // kI is the best
inline constexpr auto kCreditGradeNames =
    MakeEnumNames<CreditGrade>(std::pair{CreditGrade::kI, "I"}, std::pair{CreditGrade::kII, "II"},
                               std::pair{CreditGrade::kIII, "III"}, std::pair{CreditGrade::kIV, "IV"});

// The next better and the next worse grade; none above I and below IV.
std::optional<CreditGrade> GradeAbove(CreditGrade grade);
std::optional<CreditGrade> GradeBelow(CreditGrade grade);

inline constexpr std::int64_t kGradeIIMinCollectedBp = 8000;  // CE-3: collected ratio >= 80 %

struct InitialGradeThresholds {
    int grade_i = 85;    // evaluation score >= this: I
    int grade_ii = 70;   // else >= this: II
    int grade_iii = 55;  // else >= this: III; below: IV
};
// Each 0..100 and grade_i >= grade_ii >= grade_iii; else kInvalidArgument naming
// "thresholds.grade_i" / ".grade_ii" / ".grade_iii".
Status ValidateInitialGradeThresholds(const InitialGradeThresholds& thresholds);
// REQUIRES: valid thresholds; the score is compared as given.
CreditGrade InitialGrade(int evaluation_score, const InitialGradeThresholds& thresholds = {});

enum class GradeReason {
    kOver90DaysPastDue,        // IV
    kAllPaidOnTime,            // I
    kCollectedRatioAtLeast80,  // II
    kCollectedRatioBelow80,    // III
    kInitialFromEvaluation,    // no items in the window
};
inline constexpr auto kGradeReasonNames =
    MakeEnumNames<GradeReason>(std::pair{GradeReason::kOver90DaysPastDue, "over_90_days_past_due"},
                               std::pair{GradeReason::kAllPaidOnTime, "all_paid_on_time"},
                               std::pair{GradeReason::kCollectedRatioAtLeast80, "collected_ratio_at_least_80"},
                               std::pair{GradeReason::kCollectedRatioBelow80, "collected_ratio_below_80"},
                               std::pair{GradeReason::kInitialFromEvaluation, "initial_from_evaluation"});

struct GradeDecision {
    CreditGrade grade = CreditGrade::kIV;
    std::vector<GradeReason> reasons;  // the rule that decided: one code
};

// The grade by the rules above. `evaluation_score` is used only when the window holds no item; then it is
// required: missing or outside 0..100 is kInvalidArgument naming "evaluation_score". Invalid thresholds:
// the errors of ValidateInitialGradeThresholds.
Result<GradeDecision> DecideGrade(const PaymentBehaviour& behaviour, std::optional<int> evaluation_score,
                                  const InitialGradeThresholds& thresholds = {});

}  // namespace credo::domain
