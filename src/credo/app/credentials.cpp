#include "credo/app/credentials.hpp"

#include "credo/app/audit.hpp"
#include "credo/app/auth.hpp"
#include "credo/domain/customer/fields.hpp"

namespace credo::app {
using domain::Actor;

namespace {

// ValidatePassword names `password`; the request's field has another name.
Status Renamed(Status s, std::string field) {
    if (s) return s;
    const Error e = s.error();  // a copy: result::error() returns by value
    auto it = e.fields.find("password");
    if (it == e.fields.end()) return s;
    return FieldError(std::move(field), it->second);
}

}  // namespace

Status ChangePassword(Database& db, const Context& ctx, const Actor& actor, std::string_view keep_token,
                      const PasswordChange& change) {
    CREDO_CHECK(Renamed(ValidatePassword(change.new_password), "new_password"));
    CREDO_TRY(auto user, ReadTx(db, [&](Tx& tx) { return tx.Users().Find(actor.id); }));
    if (!VerifyPassword(user.password_hash, change.current_password))
        return FieldError("current_password", "is not your current password");
    CREDO_TRY(std::string hash, HashPassword(change.new_password));
    return db.Write([&](Tx& tx) -> Status {
        CREDO_TRY(auto current, tx.Users().Find(actor.id));
        if (current.password_hash != user.password_hash)
            return MakeError(Errc::kConflict, "the password was changed meanwhile; try again");
        current.password_hash = hash;
        CREDO_CHECK(tx.Users().Update(current));
        CREDO_CHECK(tx.Sessions().DeleteForUser(actor.id, HashToken(keep_token)));
        return RecordAudit(tx, ctx, actor, audit_action::kPasswordChange, "user", actor.id.str(),
                           {{"other_sessions_ended", true}});
    });
}

Result<CreatedApiToken> CreateApiToken(Tx& tx, const Context& ctx, const Actor& actor, const NewApiToken& in) {
    if (actor.id == UserId()) return MakeError(Errc::kForbidden, "API tokens belong to users");
    const int name_length = domain::Utf8Length(in.name);
    if (name_length < 1 || name_length > 100) return FieldError("name", "must be text of 1 to 100 characters");
    if (in.expires_days < 1 || in.expires_days > kMaxTokenDays)
        return FieldError("expires_days", "must be a whole number of days from 1 to " + std::to_string(kMaxTokenDays));
    CreatedApiToken out;
    out.token = NewBearerToken();
    ApiTokenRecord& r = out.record;
    r.token_hash = HashToken(out.token);
    r.user = actor.id;
    r.name = in.name;
    r.created_at = ctx.clock.Now();
    r.expires_at = r.created_at + std::chrono::days(in.expires_days);
    CREDO_TRY(r.id, tx.ApiTokens().Insert(r));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kTokenCreate, "api_token", r.id.str(),
                            {{"name", r.name}, {"expires_at", FormatTimestamp(r.expires_at)}}));
    return out;
}

Result<std::vector<ApiTokenRecord>> ListApiTokens(Tx& tx, const Actor& actor) {
    return tx.ApiTokens().ListForUser(actor.id);
}

Status RevokeApiToken(Tx& tx, const Context& ctx, const Actor& actor, ApiTokenId id) {
    CREDO_CHECK(tx.ApiTokens().Delete(id, actor.id));
    return RecordAudit(tx, ctx, actor, audit_action::kTokenRevoke, "api_token", id.str());
}

}  // namespace credo::app
