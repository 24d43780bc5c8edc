// Anomalies reported to management (SPEC RP-3, seed s001): a sudden drop or surge in a customer's
// purchases, items that have just fallen overdue, an exposure above the limit, an expired credit report,
// and a lost customer. Pure rules over one customer's figures as of a date; the figures are in the base
// currency's minor units.
//
//   purchase_drop   the last three months' purchases are at most (100 - drop_pct) % of the same three
//                   months a year before, which were not nothing (a lost customer is reported as lost);
//   purchase_surge  they are at least (100 + surge_pct) % of those, which were not nothing;
//                   both only when the larger of the two amounts reaches `min_change_minor`, so that small
//                   customers' lumpy orders are not news;
//   new_overdue     items fell due in the `new_overdue_days` before the date and are still open;
//   limit_breach    the exposure is above the limit in force (limit plus running exceptions);
//   report_expired  the credit report is older than its validity while the customer has a limit;
//   lost_customer   it bought in the twelve months before the last `lost_months`, and not since.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

struct AnomalySettings {
    int drop_pct = 50;                  // 1..100
    int surge_pct = 100;                // 1..10000
    int new_overdue_days = 7;           // 1..90
    int lost_months = 6;                // 1..24
    std::int64_t min_change_minor = 0;  // >= 0
    int report_validity_days = 365;
};
// Ranges as above; kInvalidArgument naming "settings.<member>".
Status ValidateAnomalySettings(const AnomalySettings& settings);

struct TradeFigures {
    std::int64_t recent_minor = 0;              // purchases in the three months up to the date
    std::int64_t year_before_minor = 0;         // in the same three months a year earlier
    std::int64_t lost_window_minor = 0;         // in the `lost_months` up to the date
    std::int64_t before_lost_window_minor = 0;  // in the twelve months before those
    int newly_overdue_items = 0;                // open items due in the `new_overdue_days` before the date
    std::optional<std::int64_t> limit_minor;    // the limit in force with its exceptions; none without credit
    std::int64_t exposure_minor = 0;
    std::optional<Date> report_date;
};

enum class AnomalyKind { kPurchaseDrop, kPurchaseSurge, kNewOverdue, kLimitBreach, kReportExpired, kLostCustomer };
inline constexpr auto kAnomalyKindNames = MakeEnumNames<AnomalyKind>(
    std::pair{AnomalyKind::kPurchaseDrop, "purchase_drop"}, std::pair{AnomalyKind::kPurchaseSurge, "purchase_surge"},
    std::pair{AnomalyKind::kNewOverdue, "new_overdue"}, std::pair{AnomalyKind::kLimitBreach, "limit_breach"},
    std::pair{AnomalyKind::kReportExpired, "report_expired"}, std::pair{AnomalyKind::kLostCustomer, "lost_customer"});

// The customer's anomalies on `as_of`, in the order of AnomalyKind. Errors: those of
// ValidateAnomalySettings.
Result<std::vector<AnomalyKind>> DetectAnomalies(const TradeFigures& figures, const AnomalySettings& settings,
                                                 Date as_of);

}  // namespace credo::domain
