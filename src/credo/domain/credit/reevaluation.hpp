// Quarterly re-evaluation proposals (SPEC AP-2, seed s003). A proposal becomes a credit application.
//
//   downgrade  when in two consecutive calendar months (configurable count) amounts were past due and
//              nothing was collected — unless a justification is recorded, which leaves no proposal;
//   upgrade    else, when the payments of each of the last two quarters were good: something fell due,
//              all of it was paid on time, nothing was past due at the quarter's end and the collected
//              ratio reached good_quarter_min_collected_bp (default 100 %);
//   none       otherwise.
// An upgrade proposes one grade up, or the limit raised by at most max_increase_pct (default 20 %), or
// (default) one grade up and, for grade I which cannot go up, the raise. A downgrade proposes one grade
// down and/or the limit cut by cut_pct (default: both, 20 %); grade IV cannot go down.
// New limits are rounded down to a whole unit of the currency (1.00 CNY, 1 JPY), so a raise never
// passes the cap; where a whole unit would leave no raise, to the minor unit. A cut never goes below the
// current exposure when that is given (it stops at the exposure rounded up to a whole unit), because a
// limit below exposure is refused (approval.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "credo/base/money.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class UpgradeAction { kGrade, kLimit, kGradeElseLimit };
inline constexpr auto kUpgradeActionNames =
    MakeEnumNames<UpgradeAction>(std::pair{UpgradeAction::kGrade, "grade"}, std::pair{UpgradeAction::kLimit, "limit"},
                                 std::pair{UpgradeAction::kGradeElseLimit, "grade_else_limit"});
enum class DowngradeAction { kGrade, kLimit, kGradeAndLimit };
inline constexpr auto kDowngradeActionNames = MakeEnumNames<DowngradeAction>(
    std::pair{DowngradeAction::kGrade, "grade"}, std::pair{DowngradeAction::kLimit, "limit"},
    std::pair{DowngradeAction::kGradeAndLimit, "grade_and_limit"});

struct ReevaluationSettings {
    UpgradeAction upgrade = UpgradeAction::kGradeElseLimit;
    int max_increase_pct = 20;  // 1..100
    DowngradeAction downgrade = DowngradeAction::kGradeAndLimit;
    int cut_pct = 20;                                    // 1..99
    std::int64_t good_quarter_min_collected_bp = 10000;  // 0..10000
    int months_without_collection = 2;                   // consecutive months that call for a downgrade, 1..12
};
// Ranges as above; else kInvalidArgument naming "settings.<member>".
Status ValidateReevaluationSettings(const ReevaluationSettings& settings);

// One quarter's payments, as measured over that quarter (QuarterFrom).
struct QuarterBehaviour {
    bool anything_due = false;
    bool all_paid_on_time = false;
    bool any_past_due = false;  // an amount past due and open at the quarter's end
    std::int64_t collected_bp = 0;
};
// The quarter's facts from a behaviour measured as of its last day over a 3-month window.
QuarterBehaviour QuarterFrom(const PaymentBehaviour& behaviour);

struct ReevaluationInput {
    CreditGrade grade = CreditGrade::kIV;
    std::optional<Money> limit;                           // none: there is no limit to raise or cut
    std::optional<Money> exposure;                        // in the limit's currency; when given, a cut stops at it
    std::array<QuarterBehaviour, 2> last_two_quarters{};  // the earlier first
    std::vector<MonthlyCollection> months;                // recent calendar months, oldest first
    bool justification_recorded = false;
};

enum class ProposalKind { kNone, kUpgrade, kDowngrade };
inline constexpr auto kProposalKindNames =
    MakeEnumNames<ProposalKind>(std::pair{ProposalKind::kNone, "none"}, std::pair{ProposalKind::kUpgrade, "upgrade"},
                                std::pair{ProposalKind::kDowngrade, "downgrade"});

enum class ReevaluationReason {
    kGoodPaymentsTwoQuarters,
    kNoCollectionConsecutiveMonths,
    kJustificationRecorded,  // the downgrade is set aside
    kTopGrade,               // grade I: no grade up
    kBottomGrade,            // grade IV: no grade down
    kNoLimit,                // no limit to change
    kCutStopsAtExposure,
};
inline constexpr auto kReevaluationReasonNames = MakeEnumNames<ReevaluationReason>(
    std::pair{ReevaluationReason::kGoodPaymentsTwoQuarters, "good_payments_two_quarters"},
    std::pair{ReevaluationReason::kNoCollectionConsecutiveMonths, "no_collection_consecutive_months"},
    std::pair{ReevaluationReason::kJustificationRecorded, "justification_recorded"},
    std::pair{ReevaluationReason::kTopGrade, "top_grade"}, std::pair{ReevaluationReason::kBottomGrade, "bottom_grade"},
    std::pair{ReevaluationReason::kNoLimit, "no_limit"},
    std::pair{ReevaluationReason::kCutStopsAtExposure, "cut_stops_at_exposure"});

struct ReevaluationProposal {
    ProposalKind kind = ProposalKind::kNone;  // kNone also when the rule applies but nothing can change
    std::optional<CreditGrade> new_grade;     // set when the grade changes
    std::optional<Money> new_limit;           // set when the limit changes
    std::vector<ReevaluationReason> reasons;  // why; the triggering rule first
};

// The proposal by the rules above. Errors, kInvalidArgument: the settings'; "limit" (negative);
// "exposure" (another currency than the limit); "months[i].month" (not after the one before it).
Result<ReevaluationProposal> ProposeReevaluation(const ReevaluationInput& input,
                                                 const ReevaluationSettings& settings = {});

}  // namespace credo::domain
