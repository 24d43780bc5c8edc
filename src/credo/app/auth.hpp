// Authentication (first part of SPEC SE-1): users, Argon2id password hashes, bearer sessions, lockout.
//
// A session token is 32 random bytes, given to the client once in hex; only its SHA-256 is stored, so
// a copy of the database does not hold usable tokens. Five failed logins in a row lock the account for
// fifteen minutes (Settings); a wrong username and a wrong password answer alike.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

// Argon2id (libsodium, interactive limits) in libsodium's self-describing encoded form.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);
// 8 to 128 characters, valid UTF-8.
Status ValidatePassword(std::string_view password);

std::string HashToken(std::string_view token);
// A new bearer secret (sessions and API tokens): 32 random bytes in hex (64 characters).
std::string NewBearerToken();

// The languages of the user interface: zh-CN, zh-TW, es, en. kInvalidArgument naming `language` for any
// other text.
Status ValidateLanguage(std::string_view language);

struct NewUser {
    std::string username;
    std::string password;
    std::string display_name;
    std::vector<domain::Role> roles;
    std::optional<std::string> region;
    std::optional<std::string> language;
};
// Admins (and the command line's system actor) create users. Username: 3-64 of a-z 0-9 . _ -.
Result<UserRecord> CreateUser(Tx& tx, const Context& ctx, const domain::Actor& actor, const NewUser& user);
Result<std::vector<UserRecord>> ListUsers(Tx& tx, const domain::Actor& actor);

// What signed-in users change about themselves (PATCH /auth/me); what is not given stays as it is.
struct MeUpdate {
    bool language_given = false;          // whether `language` is to be stored at all
    std::optional<std::string> language;  // the preferred UI language; nullopt: none (the browser's)
};
// Every user, the auditor included, may set their own preferences. Returns the user as stored after the
// update; kInvalidArgument naming the field, with nothing changed, when a value does not validate. A
// language given is recorded in the audit log.
Result<UserRecord> UpdateMe(Tx& tx, const Context& ctx, const domain::Actor& actor, const MeUpdate& update);
domain::Actor ActorOf(const UserRecord& user);

struct LoginAttempt {
    std::string username;
    std::string password;
};
// The outcome of a login is a value even when it fails, because a failure is recorded (the counter
// and the lock must be committed, not rolled back).
struct LoginOutcome {
    LoginOutcome() = default;      // not an aggregate: Result<LoginOutcome> must not confuse it with an Error
    std::optional<Error> failure;  // kUnauthenticated or kLocked
    std::string token;             // on success
    Timestamp expires_at{};
    std::optional<UserRecord> user;
};
// Verifies the password (slow by design: Argon2id) outside any write transaction, so that hashing
// never holds up other writers, then records the outcome in a short write transaction: the session,
// the failure counter and lock, and the audit entry (auth.login, or auth.login_failed with the username
// tried and why — also for unknown usernames and locked or disabled accounts).
Result<LoginOutcome> Login(Database& db, const Context& ctx, const LoginAttempt& attempt);
// Ends the session of `token` (the actor's) and records it in the audit log.
Status Logout(Tx& tx, const Context& ctx, const domain::Actor& actor, std::string_view token);

// Resolves bearer tokens — sessions and API tokens alike — to actors, with a short-lived cache so that
// hot endpoints do not read the sessions table on every request. Logout through this object evicts at
// once, and so does ForgetUser after a user's roles, region or state change; a session ended or a user
// changed on another server (or by the command line) is honoured within `ttl`. Thread-safe.
class Authenticator {
 public:
    Authenticator(Database& db, const Context& ctx, std::chrono::milliseconds ttl = std::chrono::seconds(5))
        : db_(db), ctx_(ctx), ttl_(ttl) {}
    // kUnauthenticated when the token is unknown, expired, or its user is disabled.
    Result<domain::Actor> Authenticate(std::string_view token);
    void Forget(std::string_view token);
    // Evicts every cached token of `user`, including lookups under way when it is called (they are not
    // cached), so that the next request reads the user as stored.
    void ForgetUser(UserId user);

 private:
    struct Entry {
        domain::Actor actor;
        Timestamp session_expires{};
        Timestamp cached_until{};
    };
    Database& db_;
    const Context& ctx_;
    std::chrono::milliseconds ttl_;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> cache_;
    std::uint64_t generation_ = 0;  // advanced by ForgetUser; a lookup that saw it change is not cached
};

}  // namespace credo::app
