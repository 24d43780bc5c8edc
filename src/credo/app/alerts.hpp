// The alerts inbox (SPEC RP-5): every user reads and clears its own alerts; use cases raise them for
// the users who must know (a file about to return to the pool, unusual access, and later credit
// utilization and anomalies).
#pragma once

#include <initializer_list>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

// The signed-in user's alerts, newest first. kInvalidArgument for a page size outside 1-200 or a
// negative offset.
Result<AlertPage> ListAlerts(Tx& tx, const domain::Actor& actor, bool unread_only, int limit, std::int64_t offset);
// Marks one of the user's alerts read; kNotFound for another user's alert (which it may not know of).
Status MarkAlertRead(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id);
Status MarkAllAlertsRead(Tx& tx, const Context& ctx, const domain::Actor& actor);

// Stores `alert` for each recipient (alert.user is set per recipient) unless it already has it; returns
// how many were new.
Result<int> RaiseAlert(Tx& tx, Alert alert, const std::vector<UserId>& recipients);

// The active users holding any of `roles`, by id, leaving out `except`.
Result<std::vector<UserId>> ActiveUsersWithRoles(Tx& tx, std::initializer_list<domain::Role> roles,
                                                 std::optional<UserId> except = std::nullopt);

}  // namespace credo::app
