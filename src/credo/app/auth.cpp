#include "credo/app/auth.hpp"

#include <sodium.h>

#include <algorithm>

#include "credo/app/audit.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

std::string Hex(const unsigned char* data, std::size_t n) {
    std::string out(n * 2, '\0');
    sodium_bin2hex(out.data(), out.size() + 1, data, n);
    return out;
}

bool SodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Error BadCredentials() { return MakeError(Errc::kUnauthenticated, "wrong username or password"); }

// The username a failed login tried, as the audit log keeps it: at most 128 bytes (cut at a UTF-8
// character boundary), so that a huge request cannot write a huge entry.
std::string TriedUsername(std::string_view username) {
    constexpr std::size_t kMax = 128;
    if (username.size() <= kMax) return std::string(username);
    std::size_t end = kMax;
    while (end > 0 && (static_cast<unsigned char>(username[end]) & 0xC0) == 0x80) --end;
    return std::string(username.substr(0, end));
}

// The audit entry of a failed login, by the anonymous caller, on the account tried (when it exists).
Status RecordLoginFailure(Tx& tx, const Context& ctx, std::string_view username, std::optional<UserId> user,
                          std::string_view reason, std::optional<Timestamp> locked_until = std::nullopt) {
    boost::json::object details{{"username", TriedUsername(username)}, {"reason", reason}};
    if (locked_until) details["locked_until"] = FormatTimestamp(*locked_until);
    std::optional<std::string> entity_id;
    if (user) entity_id = user->str();
    return RecordAudit(tx, ctx, AnonymousActor(), audit_action::kLoginFailed, "user", std::move(entity_id), details);
}

}  // namespace

Status ValidatePassword(std::string_view password) {
    const int length = domain::Utf8Length(password);
    if (length < 0) return FieldError("password", "is not valid UTF-8 text");
    if (length < 8) return FieldError("password", "must have at least 8 characters");
    if (length > 128) return FieldError("password", "must have at most 128 characters");
    return Ok();
}

Result<std::string> HashPassword(std::string_view password) {
    if (!SodiumReady()) return MakeError(Errc::kInternal, "libsodium failed to initialise");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return MakeError(Errc::kInternal, "out of memory while hashing a password");
    return std::string(out);
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
    if (!SodiumReady()) return false;
    const std::string hash(encoded);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string HashToken(std::string_view token) {
    SodiumReady();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return Hex(digest, sizeof digest);
}

std::string NewBearerToken() {
    SodiumReady();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    return Hex(raw, sizeof raw);
}

Status ValidateLanguage(std::string_view language) {
    static constexpr std::string_view kLanguages[] = {"zh-CN", "zh-TW", "es", "en"};
    if (std::find(std::begin(kLanguages), std::end(kLanguages), language) == std::end(kLanguages))
        return FieldError("language", Quoted(language) + " is not one of zh-CN, zh-TW, es, en");
    return Ok();
}

Actor ActorOf(const UserRecord& u) { return Actor{u.id, u.username, u.display_name, u.roles, u.region}; }

Result<UserRecord> CreateUser(Tx& tx, const Context& ctx, const Actor& actor, const NewUser& in) {
    if (!actor.MayManageUsers()) return MakeError(Errc::kForbidden, "only an admin may create users");
    const bool username_ok =
        in.username.size() >= 3 && in.username.size() <= 64 &&
        std::all_of(in.username.begin(), in.username.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        });
    if (!username_ok)
        return FieldError("username", Quoted(in.username) + " must be 3-64 characters of a-z, 0-9, '.', '_', '-'");
    CREDO_CHECK(ValidatePassword(in.password));
    if (in.roles.empty()) return FieldError("roles", "at least one role is required");
    if (in.region) {
        CREDO_TRY(bool exists, tx.Regions().Exists(*in.region));
        if (!exists) return FieldError("region", Quoted(*in.region) + " is not a region");
    }
    if (in.language) CREDO_CHECK(ValidateLanguage(*in.language));
    const int name_length = domain::Utf8Length(in.display_name);
    if (name_length < 0 || name_length > 100)
        return FieldError("display_name", "must be text of at most 100 characters");
    UserRecord u;
    u.username = in.username;
    u.display_name = in.display_name.empty() ? in.username : in.display_name;
    CREDO_TRY(u.password_hash, HashPassword(in.password));
    u.roles = in.roles;
    std::sort(u.roles.begin(), u.roles.end());
    u.roles.erase(std::unique(u.roles.begin(), u.roles.end()), u.roles.end());
    u.region = in.region;
    u.language = in.language;
    u.created_at = ctx.clock.Now();
    CREDO_TRY(u.id, tx.Users().Insert(u));
    boost::json::array roles;
    for (auto r : u.roles) roles.emplace_back(domain::kRoleNames.Name(r));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kUserCreate, "user", u.id.str(),
                            {{"username", u.username},
                             {"roles", std::move(roles)},
                             {"region", u.region ? boost::json::value(*u.region) : boost::json::value(nullptr)}}));
    return u;
}

Result<std::vector<UserRecord>> ListUsers(Tx& tx, const Actor& actor) {
    // Managers list users to choose owners and successors; names and roles are not secrets in-house.
    if (!actor.MayManageUsers() && !actor.Has(Role::kAuditor) && !actor.Has(Role::kSalesManager) &&
        !actor.Has(Role::kRegionalManager) && !actor.Has(Role::kExecutive))
        return MakeError(Errc::kForbidden, "only admins, auditors and managers may list users");
    return tx.Users().List();
}

Result<UserRecord> UpdateMe(Tx& tx, const Context& ctx, const Actor& actor, const MeUpdate& update) {
    if (update.language_given) {
        if (update.language) CREDO_CHECK(ValidateLanguage(*update.language));
        CREDO_CHECK(tx.Users().SetLanguage(actor.id, update.language));
        CREDO_CHECK(RecordAudit(
            tx, ctx, actor, audit_action::kUserUpdateLanguage, "user", actor.id.str(),
            {{"language", update.language ? boost::json::value(*update.language) : boost::json::value(nullptr)}}));
    }
    return tx.Users().Find(actor.id);
}

Result<LoginOutcome> Login(Database& db, const Context& ctx, const LoginAttempt& attempt) {
    LoginOutcome out;
    auto user = ReadTx(db, [&](Tx& tx) { return tx.Users().FindByUsername(attempt.username); });
    if (!user) {
        if (user.error().code != Errc::kNotFound) return user.error();
        // Spend the same time as a real check, so that timing does not reveal which usernames exist.
        static const std::string kDummy = HashPassword("credo-timing-equaliser").value();
        (void)VerifyPassword(kDummy, attempt.password);
        out.failure = BadCredentials();
        CREDO_CHECK(db.Write(
            [&](Tx& tx) { return RecordLoginFailure(tx, ctx, attempt.username, std::nullopt, "unknown_username"); }));
        return out;
    }
    const Timestamp now = ctx.clock.Now();
    if (user->locked_until && *user->locked_until > now) {
        Error e = MakeError(Errc::kLocked, "the account is locked after repeated failed logins; try again after " +
                                               FormatTimestamp(*user->locked_until));
        e.details.emplace("locked_until", FormatTimestamp(*user->locked_until));
        out.failure = e;
        CREDO_CHECK(db.Write([&](Tx& tx) {
            return RecordLoginFailure(tx, ctx, attempt.username, user->id, "locked", user->locked_until);
        }));
        return out;
    }
    if (!user->active) {
        out.failure = BadCredentials();
        CREDO_CHECK(
            db.Write([&](Tx& tx) { return RecordLoginFailure(tx, ctx, attempt.username, user->id, "disabled"); }));
        return out;
    }
    const bool verified = VerifyPassword(user->password_hash, attempt.password);
    const UserId id = user->id;
    Status recorded = db.Write([&](Tx& tx) -> Status {
        // Re-read inside the write: concurrent failures each count.
        CREDO_TRY(auto current, tx.Users().Find(id));
        if (!verified) {
            const bool lock_expired = current.locked_until && *current.locked_until <= now;
            const int failed = (lock_expired ? 0 : current.failed_logins) + 1;
            std::optional<Timestamp> lock;
            if (failed >= ctx.settings.max_failed_logins) lock = now + ctx.settings.lockout;
            CREDO_CHECK(tx.Users().SetLoginState(id, lock ? 0 : failed, lock));
            out.failure = BadCredentials();
            if (lock) {
                Error e = MakeError(Errc::kLocked,
                                    "too many failed logins; the account is locked until " + FormatTimestamp(*lock));
                e.details.emplace("locked_until", FormatTimestamp(*lock));
                out.failure = e;
            }
            // In this transaction: the failure is counted and recorded together, or neither.
            return RecordLoginFailure(tx, ctx, attempt.username, id, "wrong_password", lock);
        }
        if (current.failed_logins != 0 || current.locked_until)
            CREDO_CHECK(tx.Users().SetLoginState(id, 0, std::nullopt));
        out.token = NewBearerToken();
        out.expires_at = now + ctx.settings.session_ttl;
        CREDO_CHECK(tx.Sessions().Insert(SessionRecord{HashToken(out.token), id, now, out.expires_at}));
        out.user = current;
        return RecordAudit(tx, ctx, ActorOf(current), audit_action::kLogin, "user", id.str(),
                           {{"session_expires_at", FormatTimestamp(out.expires_at)}});
    });
    if (!recorded) return recorded.error();
    return out;
}

Status Logout(Tx& tx, const Context& ctx, const Actor& actor, std::string_view token) {
    CREDO_CHECK(tx.Sessions().Delete(HashToken(token)));
    return RecordAudit(tx, ctx, actor, audit_action::kLogout, "user", actor.id.str());
}

Result<Actor> Authenticator::Authenticate(std::string_view token) {
    if (token.size() != 64) return MakeError(Errc::kUnauthenticated, "a valid bearer token is required");
    const Timestamp now = ctx_.clock.Now();
    const std::string key(token);
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = generation_;
        auto it = cache_.find(key);
        if (it != cache_.end()) {
            if (it->second.cached_until > now && it->second.session_expires > now) return it->second.actor;
            cache_.erase(it);
        }
    }
    auto found = ReadTx(db_, [&](Tx& tx) -> Result<Entry> {
        const std::string hash = HashToken(token);
        UserId user_id;
        Timestamp expires{};
        if (auto session = tx.Sessions().Find(hash)) {
            user_id = session->user;
            expires = session->expires_at;
        } else if (session.error().code != Errc::kNotFound) {
            return session.error();
        } else if (auto api_token = tx.ApiTokens().FindByHash(hash)) {
            user_id = api_token->user;
            expires = api_token->expires_at;
        } else if (api_token.error().code != Errc::kNotFound) {
            return api_token.error();
        } else {
            return MakeError(Errc::kUnauthenticated, "the session has ended; log in again");
        }
        if (expires <= now) return MakeError(Errc::kUnauthenticated, "the session has expired; log in again");
        CREDO_TRY(auto user, tx.Users().Find(user_id));
        if (!user.active) return MakeError(Errc::kUnauthenticated, "the account is disabled");
        return Entry{ActorOf(user), expires, now + ttl_};
    });
    if (!found) return found.error();
    std::lock_guard lock(mutex_);
    if (generation != generation_) return found->actor;  // a user changed meanwhile: do not cache what was read
    if (cache_.size() > 100000) cache_.clear();
    cache_.insert_or_assign(key, *found);
    return found->actor;
}

void Authenticator::Forget(std::string_view token) {
    std::lock_guard lock(mutex_);
    cache_.erase(std::string(token));
}

void Authenticator::ForgetUser(UserId user) {
    std::lock_guard lock(mutex_);
    ++generation_;
    std::erase_if(cache_, [user](const auto& entry) { return entry.second.actor.id == user; });
}

}  // namespace credo::app
