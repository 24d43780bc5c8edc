#include "credo/app/alerts.hpp"

#include <algorithm>

namespace credo::app {

Result<AlertPage> ListAlerts(Tx& tx, const domain::Actor& actor, bool unread_only, int limit, std::int64_t offset) {
    if (limit < 1 || limit > 200) return FieldError("limit", "must be from 1 to 200");
    if (offset < 0) return FieldError("offset", "must not be negative");
    if (!actor.id.valid()) return AlertPage{};  // the system actor has no inbox
    return tx.Alerts().List(AlertQuery{actor.id, unread_only, limit, offset});
}

Status MarkAlertRead(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id) {
    return tx.Alerts().MarkRead(actor.id, id, ctx.clock.Now());
}

Status MarkAllAlertsRead(Tx& tx, const Context& ctx, const domain::Actor& actor) {
    return tx.Alerts().MarkAllRead(actor.id, ctx.clock.Now());
}

Result<int> RaiseAlert(Tx& tx, Alert alert, const std::vector<UserId>& recipients) {
    int raised = 0;
    for (UserId user : recipients) {
        alert.user = user;
        CREDO_TRY(bool stored, tx.Alerts().Insert(alert));
        raised += stored ? 1 : 0;
    }
    return raised;
}

Result<std::vector<UserId>> ActiveUsersWithRoles(Tx& tx, std::initializer_list<domain::Role> roles,
                                                 std::optional<UserId> except) {
    CREDO_TRY(auto users, tx.Users().List());
    std::vector<UserId> out;
    for (const auto& u : users) {
        if (!u.active || (except && u.id == *except)) continue;
        if (std::any_of(roles.begin(), roles.end(),
                        [&](domain::Role r) { return std::find(u.roles.begin(), u.roles.end(), r) != u.roles.end(); }))
            out.push_back(u.id);
    }
    std::sort(out.begin(), out.end(), [](UserId a, UserId b) { return a.value() < b.value(); });
    return out;
}

}  // namespace credo::app
