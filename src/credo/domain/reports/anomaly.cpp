#include "credo/domain/reports/anomaly.hpp"

#include <algorithm>
#include <string>

namespace credo::domain {
namespace {

__extension__ typedef __int128 Wide;

}  // namespace

Status ValidateAnomalySettings(const AnomalySettings& s) {
    auto in = [](int v, int lo, int hi) { return lo <= v && v <= hi; };
    if (!in(s.drop_pct, 1, 100))
        return FieldError("settings.drop_pct", std::to_string(s.drop_pct) + " is not from 1 to 100");
    if (!in(s.surge_pct, 1, 10000))
        return FieldError("settings.surge_pct", std::to_string(s.surge_pct) + " is not from 1 to 10000");
    if (!in(s.new_overdue_days, 1, 90))
        return FieldError("settings.new_overdue_days", std::to_string(s.new_overdue_days) + " is not from 1 to 90");
    if (!in(s.lost_months, 1, 24))
        return FieldError("settings.lost_months", std::to_string(s.lost_months) + " is not from 1 to 24");
    if (s.min_change_minor < 0) return FieldError("settings.min_change_minor", "must not be negative");
    if (!in(s.report_validity_days, 1, 3650))
        return FieldError("settings.report_validity_days",
                          std::to_string(s.report_validity_days) + " is not from 1 to 3650");
    return Ok();
}

Result<std::vector<AnomalyKind>> DetectAnomalies(const TradeFigures& f, const AnomalySettings& s, Date as_of) {
    CREDO_CHECK(ValidateAnomalySettings(s));
    std::vector<AnomalyKind> out;
    const bool lost = f.before_lost_window_minor > 0 && f.lost_window_minor <= 0;
    if (f.year_before_minor > 0 && !lost && std::max(f.recent_minor, f.year_before_minor) >= s.min_change_minor) {
        const Wide recent = Wide(f.recent_minor) * 100;
        if (recent <= Wide(f.year_before_minor) * (100 - s.drop_pct)) out.push_back(AnomalyKind::kPurchaseDrop);
        if (recent >= Wide(f.year_before_minor) * (100 + s.surge_pct)) out.push_back(AnomalyKind::kPurchaseSurge);
    }
    if (f.newly_overdue_items > 0) out.push_back(AnomalyKind::kNewOverdue);
    if (f.limit_minor && f.exposure_minor > *f.limit_minor) out.push_back(AnomalyKind::kLimitBreach);
    if (f.limit_minor && *f.limit_minor > 0 && f.report_date && AddDays(*f.report_date, s.report_validity_days) < as_of)
        out.push_back(AnomalyKind::kReportExpired);
    if (lost) out.push_back(AnomalyKind::kLostCustomer);
    return out;
}

}  // namespace credo::domain
