// What signed-in users do with their own credentials (SPEC SE-1): change their password, and create,
// list and revoke API tokens for integrations.
//
// An API token is 32 random bytes, shown once in hex at creation, like a session token; only its SHA-256
// is stored. It authenticates exactly as a session does (app::Authenticator), with its owner's roles,
// until it expires or is revoked — or its owner is disabled, which revokes every token at once.
#pragma once

#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

struct PasswordChange {
    std::string current_password;
    std::string new_password;
};
// Replaces the actor's password. kInvalidArgument naming `new_password` when it does not validate
// (ValidatePassword) and `current_password` when that is not the actor's password. The Argon2id work is
// done outside the write transaction. Ends every other session of the actor — all but the one of
// `keep_token` (the caller's bearer token) — and records auth.password_change.
Status ChangePassword(Database& db, const Context& ctx, const domain::Actor& actor, std::string_view keep_token,
                      const PasswordChange& change);

inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 365;

struct NewApiToken {
    std::string name;                      // 1-100 characters, says what the token is for
    int expires_days = kDefaultTokenDays;  // 1-365
};
struct CreatedApiToken {
    ApiTokenRecord record;
    std::string token;  // the secret, to be shown once
};
// Creates a token of the actor and records auth.token_create (name and expiry; never the secret).
// kInvalidArgument naming `name` or `expires_days`; kForbidden for the system actor (no user).
Result<CreatedApiToken> CreateApiToken(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                       const NewApiToken& input);
// The actor's own tokens, oldest first (hashes included: callers show only id, name and times).
Result<std::vector<ApiTokenRecord>> ListApiTokens(Tx& tx, const domain::Actor& actor);
// Revokes token `id` of the actor and records auth.token_revoke; kNotFound when the actor has no such
// token (another user's token is not found either).
Status RevokeApiToken(Tx& tx, const Context& ctx, const domain::Actor& actor, ApiTokenId id);

}  // namespace credo::app
