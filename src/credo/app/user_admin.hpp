// User administration (SPEC SE-1, §0): what an admin changes about a user — display name, roles,
// region, language, whether the account is active, and a password reset.
//
// Only admins (and the command line's system actor) change users; a refused attempt is itself recorded
// in the audit log (user.update_denied), so that a salesperson trying to give itself more roles leaves a
// trace. Two changes are refused because they cannot be undone by whoever makes them: an admin removing
// its own admin role or disabling itself ("you would lock yourself out"). A user who still owns customer
// files cannot be disabled — the files would be orphaned (SPEC OW-2): they are handed over first.
// Disabling a user ends all its sessions and API tokens in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

// What to change; a field left empty stays as it is.
struct UserPatch {
    std::optional<std::string> display_name;
    std::optional<std::vector<domain::Role>> roles;
    bool region_given = false;  // whether `region` is to be stored at all (null clears it)
    std::optional<std::string> region;
    bool language_given = false;  // whether `language` is to be stored at all (null clears it)
    std::optional<std::string> language;
    bool email_given = false;  // whether `email` is to be stored at all (null clears it)
    std::optional<std::string> email;
    std::optional<bool> active;
    std::optional<std::string> password;  // a reset by the admin; stored as its Argon2id hash
};

// The names of the fields `patch` gives, in the order of UserPatch ("display_name", "roles", …).
std::vector<std::string> GivenFields(const UserPatch& patch);

// The user as `patch` would leave it, and the names of the fields that differ (a password given always
// counts as changed). Pure: checks every value except whether a region exists, and refuses an actor's
// own lockout with kConflict naming `roles` or `active`. The password hash is not touched.
struct UserChange {
    UserRecord user;
    std::vector<std::string> changed;
    bool deactivated = false;  // active before, inactive after
};
Result<UserChange> ApplyUserPatch(const UserRecord& current, const UserPatch& patch, const domain::Actor& actor);

// Ok when `actor` may change users. Otherwise records the refused attempt on user `target` with the
// fields it tried (user.update_denied) in a write transaction of its own and returns kForbidden (or the
// write's error).
Status AuthorizeUserUpdate(Database& db, const Context& ctx, const domain::Actor& actor, UserId target,
                           const std::vector<std::string>& fields);

// Applies `patch` to user `target` and returns the user as stored. Starts with AuthorizeUserUpdate.
// kNotFound for an unknown user; kInvalidArgument naming the field for a bad value or an unknown region;
// kConflict for a self-lockout, and for disabling a user who still owns customers (details
// owned_customers). Nothing is changed on any error. A new password is hashed outside the write
// transaction. Disabling ends the user's sessions and API tokens; a password reset of another user ends
// its sessions. Records user.update with the changed fields' names (never the password); a patch that
// changes nothing records nothing.
Result<UserRecord> UpdateUser(Database& db, const Context& ctx, const domain::Actor& actor, UserId target,
                              const UserPatch& patch);

}  // namespace credo::app
