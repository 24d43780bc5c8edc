// Credit utilization and its alerts (SPEC LC-2, LC-5, seed s003).
//
// Utilization = exposure ÷ limit in basis points, rounded down: a level is reached only when the exact
// ratio reaches it. A level fires once per upward crossing: when utilization is at or above it while it is
// armed; it then stays disarmed until utilization falls below it, which re-arms it. Defaults: 80 % tells
// the owner, the regional manager and commerce; 90 % also the sales manager.
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "credo/base/money.hpp"
#include "credo/base/result.hpp"

namespace credo::domain {

// floor(max(exposure, 0) × 10000 ÷ limit). A zero limit gives 0 without exposure and the int64 maximum
// with it (saturating, like any ratio beyond int64). Errors: kInvalidArgument naming "limit" (negative) or
// "exposure" (another currency).
Result<std::int64_t> UtilizationBp(const Money& exposure, const Money& limit);

struct AlertLevel {
    std::int64_t bp = 0;                  // 1..kMaxAlertLevelBp
    std::vector<std::string> recipients;  // role names, plus "owner" for the customer's owner
};
inline constexpr std::int64_t kMaxAlertLevelBp = 100000;  // 1000 %

// 8000: owner, regional_manager, commerce; 9000: owner, regional_manager, commerce, sales_manager.
std::vector<AlertLevel> DefaultAlertLevels();
// The recipients of a level as a policy keeps them (1..kMaxRecipientsMask): a sum of the bits below, in
// this order; kInvalidArgument naming `field` outside that range.
inline constexpr std::int64_t kRecipientOwner = 1, kRecipientRegionalManager = 2, kRecipientCommerce = 4,
                              kRecipientSalesManager = 8, kRecipientFinance = 16, kRecipientExecutive = 32;
inline constexpr std::int64_t kMaxRecipientsMask = 63;
Result<std::vector<std::string>> RecipientsOfMask(std::int64_t mask, std::string_view field);

// Strictly ascending levels in 1..kMaxAlertLevelBp, each with at least one non-empty recipient; else
// kInvalidArgument naming "levels[i].bp" or "levels[i].recipients".
Status ValidateAlertLevels(std::span<const AlertLevel> levels);

// Armed state per level, kept by the caller between evaluations: the levels (by bp) that have fired and
// not yet re-armed. A level not in the set is armed, so a new level starts armed.
using DisarmedLevels = std::set<std::int64_t>;

struct UtilizationAlerts {
    std::vector<AlertLevel> fired;  // the levels that fire now, ascending
    DisarmedLevels disarmed;        // the state to keep: exactly the levels at or below utilization
    // The union of the fired levels' recipients, each once, in first-seen order.
    std::vector<std::string> Recipients() const;
};

// The levels that fire now, and the new state. Errors: those of ValidateAlertLevels.
Result<UtilizationAlerts> EvaluateUtilizationAlerts(std::span<const AlertLevel> levels, const DisarmedLevels& disarmed,
                                                    std::int64_t utilization_bp);

}  // namespace credo::domain
