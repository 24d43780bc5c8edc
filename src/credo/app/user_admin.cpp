#include "credo/app/user_admin.hpp"

#include <algorithm>

#include "credo/app/audit.hpp"
#include "credo/app/auth.hpp"
#include "credo/domain/customer/fields.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

std::vector<Role> Normalized(std::vector<Role> roles) {
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

bool HasRole(const std::vector<Role>& roles, Role role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

boost::json::array JsonNames(const std::vector<std::string>& names) {
    boost::json::array out;
    for (const auto& n : names) out.emplace_back(n);
    return out;
}

Error Lockout(std::string field, std::string_view what) {
    Error e = MakeError(Errc::kConflict, "you would lock yourself out: " + std::string(what));
    e.fields.emplace(std::move(field), e.message);
    return e;
}

}  // namespace

std::vector<std::string> GivenFields(const UserPatch& p) {
    std::vector<std::string> out;
    if (p.display_name) out.emplace_back("display_name");
    if (p.roles) out.emplace_back("roles");
    if (p.region_given) out.emplace_back("region");
    if (p.language_given) out.emplace_back("language");
    if (p.email_given) out.emplace_back("email");
    if (p.active) out.emplace_back("active");
    if (p.password) out.emplace_back("password");
    return out;
}

Result<UserChange> ApplyUserPatch(const UserRecord& current, const UserPatch& p, const Actor& actor) {
    UserChange out{current, {}, false};
    UserRecord& u = out.user;
    if (p.display_name) {
        const int length = domain::Utf8Length(*p.display_name);
        if (length < 1 || length > 100) return FieldError("display_name", "must be text of 1 to 100 characters");
        u.display_name = *p.display_name;
    }
    if (p.roles) {
        if (p.roles->empty()) return FieldError("roles", "at least one role is required");
        u.roles = Normalized(*p.roles);
    }
    if (p.region_given) u.region = p.region;
    if (p.language_given) {
        if (p.language) CREDO_CHECK(ValidateLanguage(*p.language));
        u.language = p.language;
    }
    if (p.email_given) {
        if (p.email) CREDO_CHECK(domain::CheckEmailAddress(*p.email, "email"));
        u.email = p.email;
    }
    if (p.active) u.active = *p.active;
    if (p.password) CREDO_CHECK(ValidatePassword(*p.password));

    if (actor.id == current.id) {
        if (HasRole(current.roles, Role::kAdmin) && !HasRole(u.roles, Role::kAdmin))
            return Lockout("roles", "an admin cannot remove its own admin role");
        if (!u.active) return Lockout("active", "an admin cannot disable its own account");
    }

    if (u.display_name != current.display_name) out.changed.emplace_back("display_name");
    if (u.roles != Normalized(current.roles)) out.changed.emplace_back("roles");
    if (u.region != current.region) out.changed.emplace_back("region");
    if (u.language != current.language) out.changed.emplace_back("language");
    if (u.email != current.email) out.changed.emplace_back("email");
    if (u.active != current.active) out.changed.emplace_back("active");
    if (p.password) out.changed.emplace_back("password");
    out.deactivated = current.active && !u.active;
    return out;
}

Status AuthorizeUserUpdate(Database& db, const Context& ctx, const Actor& actor, UserId target,
                           const std::vector<std::string>& fields) {
    if (actor.MayManageUsers()) return Ok();
    CREDO_CHECK(db.Write([&](Tx& tx) {
        return RecordAudit(tx, ctx, actor, audit_action::kUserUpdateDenied, "user", target.str(),
                           {{"fields", JsonNames(fields)}, {"self", actor.id == target}});
    }));
    return MakeError(Errc::kForbidden, "only an admin may change users");
}

Result<UserRecord> UpdateUser(Database& db, const Context& ctx, const Actor& actor, UserId target,
                              const UserPatch& patch) {
    CREDO_CHECK(AuthorizeUserUpdate(db, ctx, actor, target, GivenFields(patch)));
    // Check the values first, so that a bad request does not pay for hashing a password.
    CREDO_TRY(auto before, ReadTx(db, [&](Tx& tx) { return tx.Users().Find(target); }));
    CREDO_CHECK(ApplyUserPatch(before, patch, actor));
    std::optional<std::string> password_hash;
    if (patch.password) {
        CREDO_TRY(auto hash, HashPassword(*patch.password));
        password_hash = std::move(hash);
    }

    return WriteTx(db, [&](Tx& tx) -> Result<UserRecord> {
        CREDO_TRY(auto current, tx.Users().Find(target));
        CREDO_TRY(auto change, ApplyUserPatch(current, patch, actor));
        if (patch.region_given && patch.region) {
            CREDO_TRY(bool exists, tx.Regions().Exists(*patch.region));
            if (!exists) return FieldError("region", Quoted(*patch.region) + " is not a region");
        }
        if (change.deactivated) {
            CREDO_TRY(std::int64_t owned, tx.Users().CountOwnedCustomers(target));
            if (owned > 0) {
                Error e = MakeError(Errc::kConflict, current.username + " still owns " + std::to_string(owned) +
                                                         " customers; hand them over first (POST /api/v1/users/" +
                                                         target.str() + "/handover), then disable the account");
                e.fields.emplace("active", "the user still owns customers");
                e.details.emplace("owned_customers", std::to_string(owned));
                return e;
            }
        }
        if (change.changed.empty()) return current;
        if (password_hash) change.user.password_hash = *password_hash;
        CREDO_CHECK(tx.Users().Update(change.user));
        boost::json::object details{{"username", current.username}, {"fields", JsonNames(change.changed)}};
        if (change.deactivated) {
            CREDO_CHECK(tx.Sessions().DeleteForUser(target, ""));
            CREDO_CHECK(tx.ApiTokens().DeleteForUser(target));
            details["sessions_ended"] = true;
            details["tokens_revoked"] = true;
        } else if (patch.password && actor.id != target) {
            CREDO_CHECK(tx.Sessions().DeleteForUser(target, ""));
            details["sessions_ended"] = true;
        }
        CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kUserUpdate, "user", target.str(), details));
        return change.user;
    });
}

}  // namespace credo::app
