// Policies: the company-wide settings an admin changes at run time (SPEC OW-5, SE-4, CE-4, LC-5, AP-1),
// each with its default and its valid range. Stored as text in the policies table; this file is the one definition of
// which keys exist and what each accepts.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "credo/base/result.hpp"

namespace credo::domain {

struct PolicyDefinition {
    std::string_view key;
    std::int64_t default_value;
    std::int64_t min;
    std::int64_t max;
    std::string_view meaning;
};

inline constexpr std::string_view kMaxCustomersPerSales = "ownership.max_customers_per_sales";
inline constexpr std::string_view kNeglectDays = "ownership.neglect_days";
inline constexpr std::string_view kNoticeDays = "ownership.notice_days";
inline constexpr std::string_view kLeakMultiple = "leak.multiple";
inline constexpr std::string_view kLeakMinCount = "leak.min_count";
inline constexpr std::string_view kLeakAbsoluteReads = "leak.absolute_reads";
inline constexpr std::string_view kLeakAbsoluteExports = "leak.absolute_exports";
// CE-4: each grade's policy kind (domain/credit/policy: GradePolicyOfKind).
inline constexpr std::string_view kCreditPolicyKeys[] = {"credit.policy_I", "credit.policy_II", "credit.policy_III",
                                                         "credit.policy_IV"};
inline constexpr std::string_view kReportValidityDays = "credit.report_validity_days";
inline constexpr std::string_view kOverdueToleranceDays = "credit.overdue_tolerance_days";
inline constexpr std::string_view kAlertFirstBp = "credit.alert_first_bp";
inline constexpr std::string_view kAlertSecondBp = "credit.alert_second_bp";
inline constexpr std::string_view kExecutiveAbove = "credit.executive_above";  // whole units of the base currency
// LC-5: who each alert level reaches, as a sum of kRecipient* (domain/credit/utilization: RecipientsOfMask).
inline constexpr std::string_view kAlertFirstRecipients = "credit.alert_first_recipients";
inline constexpr std::string_view kAlertSecondRecipients = "credit.alert_second_recipients";
// CE-3: the evaluation scores from which a customer without history starts at grade I, II and III.
inline constexpr std::string_view kInitialGradeKeys[] = {"credit.initial_grade_I", "credit.initial_grade_II",
                                                         "credit.initial_grade_III"};
// CE-5: the score's weights, relative: they are scaled to add up to 100 (domain/credit/score: ScaleWeights).
inline constexpr std::string_view kScoreWeightEvaluation = "credit.score_weight_evaluation";
inline constexpr std::string_view kScoreWeightCollected = "credit.score_weight_collected";
inline constexpr std::string_view kScoreWeightOnTime = "credit.score_weight_on_time";
inline constexpr std::string_view kScoreWeightDaysPastDue = "credit.score_weight_days_past_due";
inline constexpr std::string_view kScoreWeightMonthsWithoutCollection = "credit.score_weight_months_without_collection";
// AP-2: the re-evaluation's raise, cut and the months without collection that call for a downgrade.
inline constexpr std::string_view kUpgradeMaxIncreasePct = "credit.upgrade_max_increase_pct";
inline constexpr std::string_view kDowngradeCutPct = "credit.downgrade_cut_pct";
inline constexpr std::string_view kDowngradeMonths = "credit.downgrade_months";
// RP-3: the anomalies reported to management (domain/reports/anomaly).
inline constexpr std::string_view kAnomalyDropPct = "anomaly.drop_pct";
inline constexpr std::string_view kAnomalySurgePct = "anomaly.surge_pct";
inline constexpr std::string_view kAnomalyNewOverdueDays = "anomaly.new_overdue_days";
inline constexpr std::string_view kAnomalyMinChange = "anomaly.min_change";  // whole units of the base currency
// CL-1, CL-2, CL-3, DY-2, DY-3, DY-4 (domain/classification): amounts in whole units of the base currency.
inline constexpr std::string_view kTierAMin = "classification.tier_a_min";
inline constexpr std::string_view kTierBMin = "classification.tier_b_min";
inline constexpr std::string_view kCoreMinAverage = "classification.core_min_average";
inline constexpr std::string_view kCoreMinYears = "classification.core_min_years";
inline constexpr std::string_view kLongStandingYears = "classification.long_standing_years";
inline constexpr std::string_view kScatteredBelow = "classification.scattered_below";
inline constexpr std::string_view kReviewMonthsTierA = "review.months_tier_a";
inline constexpr std::string_view kReviewMonthsOther = "review.months_other";
inline constexpr std::string_view kReportNoticeDays = "credit.report_notice_days";
inline constexpr std::string_view kGrowthPct = "movers.growth_pct";
inline constexpr std::string_view kLostMonths = "movers.lost_months";
// AR-4: reminders on or off, and the five reminder days as offsets from the due date (equal ones count once).
inline constexpr std::string_view kRemindersEnabled = "reminders.enabled";
inline constexpr std::string_view kReminderOffsetKeys[] = {
    "reminders.offset_1", "reminders.offset_2", "reminders.offset_3", "reminders.offset_4", "reminders.offset_5"};

// Every policy, by key.
std::span<const PolicyDefinition> PolicyDefinitions();
// kNotFound for a key that is not a policy.
Result<PolicyDefinition> FindPolicy(std::string_view key);
// The value as stored (decimal text), parsed and checked against the key's range; kInvalidArgument
// naming `value` otherwise.
Result<std::int64_t> ParsePolicyValue(const PolicyDefinition& policy, std::string_view text);

// The ownership policies in force, as the use cases consult them.
struct OwnershipPolicy {
    std::int64_t max_customers_per_sales = 300;  // OW-5: the most files one salesperson may own
    std::int64_t neglect_days = 90;              // OW-5: untouched this long, a file returns to the pool
    std::int64_t notice_days = 7;                // OW-5: the owner is told this many days before
};
// kInvalidArgument naming `value` when the notice period is not shorter than the neglect period.
Status ValidateOwnershipPolicy(const OwnershipPolicy& policy);

}  // namespace credo::domain
