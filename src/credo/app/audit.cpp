#include "credo/app/audit.hpp"

namespace credo::app {

namespace {

Status MayRead(const domain::Actor& actor) {
    if (!actor.MayReadAudit())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not read the audit log");
    return Ok();
}

}  // namespace

domain::Actor AnonymousActor() { return domain::Actor{UserId(), "anonymous", "anonymous", {}, std::nullopt}; }

Status RecordAudit(Tx& tx, const Context& ctx, const domain::Actor& actor, std::string_view action,
                   std::string_view entity, std::optional<std::string> entity_id, const boost::json::object& details) {
    AuditEntry entry;
    entry.at = ctx.clock.Now();
    if (actor.id.valid()) entry.actor = actor.id;
    entry.actor_name = actor.username;
    entry.action = std::string(action);
    entry.entity = std::string(entity);
    entry.entity_id = std::move(entity_id);
    entry.details = boost::json::serialize(details);
    CREDO_TRY(auto appended, tx.Audit().Append(entry));
    (void)appended;
    return Ok();
}

Result<AuditVerification> VerifyAudit(Tx& tx, const domain::Actor& actor) {
    CREDO_CHECK(MayRead(actor));
    return tx.Audit().Verify();
}

Result<AuditPage> ListAudit(Tx& tx, const domain::Actor& actor, const AuditQuery& query) {
    CREDO_CHECK(MayRead(actor));
    if (query.limit < 1 || query.limit > 200) return FieldError("page_size", "must be from 1 to 200");
    if (query.offset < 0) return FieldError("page", "must be 1 or more");
    const auto& f = query.filter;
    if (f.from && f.to && *f.from >= *f.to) return FieldError("to", "must not be before from");
    return tx.Audit().List(query);
}

}  // namespace credo::app
