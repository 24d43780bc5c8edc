#include "credo/domain/ownership/policy.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace credo::domain {
namespace {

constexpr std::string_view kPolicyKinds =
    "the grade's policy: 0 credit sales, terms may be extended; 1 credit sales within the limit; 2 prepayment "
    "before shipment; 3 prepayment strictly, to be phased out";

constexpr std::string_view kRecipients =
    "who is alerted, a sum of: 1 the owner, 2 the region's managers, 4 commerce, 8 the sales managers, 16 finance, "
    "32 the executives";
constexpr std::string_view kReminderOffset =
    "a reminder day, in days from the due date (negative: before it); equal reminder days count once";

constexpr PolicyDefinition kDefinitions[] = {
    {kMaxCustomersPerSales, 300, 1, 100000, "the most customer files one salesperson may own"},
    {kNeglectDays, 90, 1, 3650, "days without activity after which a file returns to its region's pool"},
    {kNoticeDays, 7, 0, 365, "days before the return to the pool that the owner is told"},
    {kLeakMultiple, 5, 2, 1000,
     "a day's reads or exports above this multiple of the user's 30-day average raise an alert"},
    {kLeakMinCount, 50, 1, 1000000, "reads or exports in a day below this never count as above the user's average"},
    {kLeakAbsoluteReads, 1000, 1, 100000000, "customer files read by one user in a day that always raise an alert"},
    {kLeakAbsoluteExports, 1000, 1, 100000000,
     "customer rows exported by one user in a day that always raise an alert"},
    {kCreditPolicyKeys[0], 0, 0, 3, kPolicyKinds},
    {kCreditPolicyKeys[1], 1, 0, 3, kPolicyKinds},
    {kCreditPolicyKeys[2], 2, 0, 3, kPolicyKinds},
    {kCreditPolicyKeys[3], 3, 0, 3, kPolicyKinds},
    {kReportValidityDays, 365, 30, 1095, "days a credit report stays current; older, credit orders are held"},
    {kOverdueToleranceDays, 0, 0, 90, "days an open item may be past due before new credit orders are held"},
    {kAlertFirstBp, 8000, 1, 100000,
     "utilization (basis points, 8000 = 80 %) that alerts owner, regional manager, commerce"},
    {kAlertSecondBp, 9000, 1, 100000, "utilization (basis points) that also alerts the sales manager; above the first"},
    {kExecutiveAbove, 1000000, 0, 1000000000000,
     "limits above this (base currency) also need the executive's approval"},
    {kAlertFirstRecipients, 7, 1, 63, kRecipients},
    {kAlertSecondRecipients, 15, 1, 63, kRecipients},
    {kInitialGradeKeys[0], 85, 0, 100, "evaluation score from which a customer without payment history starts at I"},
    {kInitialGradeKeys[1], 70, 0, 100, "evaluation score from which it starts at II; at most the score for I"},
    {kInitialGradeKeys[2], 55, 0, 100, "evaluation score from which it starts at III; at most the score for II"},
    {kScoreWeightEvaluation, 40, 0, 100,
     "weight of the evaluation in the credit score; the five weights are scaled to 100"},
    {kScoreWeightCollected, 25, 0, 100, "weight of the collected ratio in the credit score"},
    {kScoreWeightOnTime, 15, 0, 100, "weight of the on-time ratio in the credit score"},
    {kScoreWeightDaysPastDue, 12, 0, 100, "weight of the days past due in the credit score"},
    {kScoreWeightMonthsWithoutCollection, 8, 0, 100, "weight of the months without collection in the credit score"},
    {kUpgradeMaxIncreasePct, 20, 1, 100, "the most (per cent) the re-evaluation proposes to raise a limit"},
    {kDowngradeCutPct, 20, 1, 99, "the cut (per cent) the re-evaluation proposes to a limit"},
    {kDowngradeMonths, 2, 1, 12,
     "consecutive months without collection, while amounts were due, that call for a downgrade"},
    {kAnomalyDropPct, 50, 1, 100,
     "a customer's last three months' purchases this many per cent below the same months a year before are a drop"},
    {kAnomalySurgePct, 100, 1, 10000, "this many per cent above them are a surge"},
    {kAnomalyNewOverdueDays, 7, 1, 90, "items that fell overdue in this many days are reported as new overdue items"},
    {kAnomalyMinChange, 100000, 0, 1000000000000,
     "a drop or surge is reported only when the larger of the two three-month amounts reaches this (base currency)"},
    {kTierAMin, 300000, 1, 1000000000000, "tier A: purchases in the last 12 months (base currency) at or above this"},
    {kTierBMin, 200000, 0, 1000000000000, "tier B: purchases in the last 12 months at or above this, below tier A"},
    {kCoreMinAverage, 300000, 0, 1000000000000, "core customer: average annual purchases at or above this"},
    {kCoreMinYears, 2, 0, 50, "core customer: years of relationship at least this"},
    {kLongStandingYears, 3, 1, 50, "years of relationship that flag a small customer as long-standing"},
    {kScatteredBelow, 50000, 0, 1000000000000, "scattered customer: purchases in the last 12 months below this"},
    {kReviewMonthsTierA, 2, 1, 24, "months between reviews of a tier A customer"},
    {kReviewMonthsOther, 3, 1, 24, "months between reviews of the other customers"},
    {kReportNoticeDays, 30, 1, 180, "days before a credit report expires that a reminder is sent"},
    {kGrowthPct, 50, 1, 10000, "growing customer: purchases up at least this percentage year on year"},
    {kLostMonths, 6, 1, 24, "lost customer: no purchase for this many months after buying in the year before"},
    {kRemindersEnabled, 1, 0, 1, "1: reminders go out on the reminder days; 0: none"},
    {kReminderOffsetKeys[0], -7, -90, 365, kReminderOffset},
    {kReminderOffsetKeys[1], 0, -90, 365, kReminderOffset},
    {kReminderOffsetKeys[2], 7, -90, 365, kReminderOffset},
    {kReminderOffsetKeys[3], 30, -90, 365, kReminderOffset},
    {kReminderOffsetKeys[4], 60, -90, 365, kReminderOffset},
};

}  // namespace

std::span<const PolicyDefinition> PolicyDefinitions() { return kDefinitions; }

Result<PolicyDefinition> FindPolicy(std::string_view key) {
    auto it = std::find_if(std::begin(kDefinitions), std::end(kDefinitions),
                           [&](const PolicyDefinition& d) { return d.key == key; });
    if (it == std::end(kDefinitions)) return NotFound("policy", key);
    return *it;
}

Result<std::int64_t> ParsePolicyValue(const PolicyDefinition& policy, std::string_view text) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < policy.min || v > policy.max)
        return FieldError("value", std::string(policy.key) + " must be a whole number from " +
                                       std::to_string(policy.min) + " to " + std::to_string(policy.max));
    return v;
}

Status ValidateOwnershipPolicy(const OwnershipPolicy& policy) {
    if (policy.notice_days >= policy.neglect_days)
        return FieldError("value", std::string(kNoticeDays) + " (" + std::to_string(policy.notice_days) +
                                       ") must be less than " + std::string(kNeglectDays) + " (" +
                                       std::to_string(policy.neglect_days) + ")");
    return Ok();
}

}  // namespace credo::domain
