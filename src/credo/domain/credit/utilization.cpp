#include "credo/domain/credit/utilization.hpp"

#include <algorithm>
#include <limits>

#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {

Result<std::int64_t> UtilizationBp(const Money& exposure, const Money& limit) {
    if (limit.negative()) return FieldError("limit", "must not be negative");
    if (!(exposure.currency() == limit.currency()))
        return FieldError("exposure", "is in " + std::string(exposure.currency().code()) + ", expected " +
                                          std::string(limit.currency().code()));
    if (exposure.minor() <= 0) return std::int64_t{0};
    if (limit.minor() == 0) return std::numeric_limits<std::int64_t>::max();
    return BasisPointsFloor(exposure.minor(), limit.minor());
}

std::vector<AlertLevel> DefaultAlertLevels() {
    return {{8000, {"owner", "regional_manager", "commerce"}},
            {9000, {"owner", "regional_manager", "commerce", "sales_manager"}}};
}

Result<std::vector<std::string>> RecipientsOfMask(std::int64_t mask, std::string_view field) {
    if (mask < 1 || mask > kMaxRecipientsMask)
        return FieldError(std::string(field), std::to_string(mask) + " is not a sum of recipients from 1 to " +
                                                  std::to_string(kMaxRecipientsMask));
    static constexpr std::pair<std::int64_t, const char*> kBits[] = {
        {kRecipientOwner, "owner"},       {kRecipientRegionalManager, "regional_manager"},
        {kRecipientCommerce, "commerce"}, {kRecipientSalesManager, "sales_manager"},
        {kRecipientFinance, "finance"},   {kRecipientExecutive, "executive"}};
    std::vector<std::string> out;
    for (const auto& [bit, name] : kBits)
        if (mask & bit) out.emplace_back(name);
    return out;
}

Status ValidateAlertLevels(std::span<const AlertLevel> levels) {
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::string field = "levels[" + std::to_string(i) + "]";
        if (levels[i].bp < 1 || levels[i].bp > kMaxAlertLevelBp)
            return FieldError(field + ".bp", std::to_string(levels[i].bp) + " is not a whole number from 1 to " +
                                                 std::to_string(kMaxAlertLevelBp));
        if (i > 0 && levels[i].bp <= levels[i - 1].bp)
            return FieldError(field + ".bp", "levels must be in strictly ascending order");
        if (levels[i].recipients.empty() || std::any_of(levels[i].recipients.begin(), levels[i].recipients.end(),
                                                        [](const std::string& r) { return r.empty(); }))
            return FieldError(field + ".recipients", "must name at least one recipient, none empty");
    }
    return Ok();
}

std::vector<std::string> UtilizationAlerts::Recipients() const {
    std::vector<std::string> out;
    for (const AlertLevel& level : fired)
        for (const std::string& r : level.recipients)
            if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    return out;
}

Result<UtilizationAlerts> EvaluateUtilizationAlerts(std::span<const AlertLevel> levels, const DisarmedLevels& disarmed,
                                                    std::int64_t utilization_bp) {
    CREDO_CHECK(ValidateAlertLevels(levels));
    UtilizationAlerts out;
    for (const AlertLevel& level : levels) {
        if (utilization_bp < level.bp) continue;  // below: (re-)armed
        if (!disarmed.contains(level.bp)) out.fired.push_back(level);
        out.disarmed.insert(level.bp);
    }
    return out;
}

}  // namespace credo::domain
