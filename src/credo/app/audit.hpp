// The audit trail (SPEC SE-3): what the use cases record, and reading and verifying the log.
//
// Every use case that changes something appends its entry with RecordAudit inside the same write
// transaction as the change, so that a change that rolls back leaves no entry and a committed change
// always has one. Logins (also failed ones), logouts, imports and exports are recorded the same way.
// Entries say who did what to which thing, with details such as the fields that changed (their names,
// not their values: the values are in the file's versions) — never a password.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

// The actions of the log: "<entity>.<verb>".
namespace audit_action {
inline constexpr std::string_view kCustomerCreate = "customer.create";
inline constexpr std::string_view kCustomerUpdate = "customer.update";
inline constexpr std::string_view kContactAdd = "customer.contact_add";
inline constexpr std::string_view kContactUpdate = "customer.contact_update";
inline constexpr std::string_view kContactDelete = "customer.contact_delete";
inline constexpr std::string_view kActivityAdd = "activity.add";
inline constexpr std::string_view kCustomerAssign = "customer.assign";
inline constexpr std::string_view kCustomerPoolReturn = "customer.pool_return";
inline constexpr std::string_view kUserHandover = "user.handover";
inline constexpr std::string_view kPolicyUpdate = "policy.update";
inline constexpr std::string_view kCustomerImport = "customer.import";
inline constexpr std::string_view kCustomerExport = "customer.export";
inline constexpr std::string_view kCustomerReadSensitive = "customer.read_sensitive";
inline constexpr std::string_view kUserCreate = "user.create";
inline constexpr std::string_view kUserUpdateLanguage = "user.update_language";
inline constexpr std::string_view kUserUpdate = "user.update";
inline constexpr std::string_view kUserUpdateDenied = "user.update_denied";
inline constexpr std::string_view kPasswordChange = "auth.password_change";
inline constexpr std::string_view kTokenCreate = "auth.token_create";
inline constexpr std::string_view kTokenRevoke = "auth.token_revoke";
inline constexpr std::string_view kLogin = "auth.login";
inline constexpr std::string_view kLoginFailed = "auth.login_failed";
inline constexpr std::string_view kLogout = "auth.logout";
inline constexpr std::string_view kCreditTerms = "credit.terms";
inline constexpr std::string_view kCreditHold = "credit.hold";
inline constexpr std::string_view kCreditException = "credit.exception";
inline constexpr std::string_view kFxRate = "fx.rate";
inline constexpr std::string_view kOrderCreate = "order.create";
inline constexpr std::string_view kOrderAmend = "order.amend";
inline constexpr std::string_view kOrderRelease = "order.release";
inline constexpr std::string_view kOrderCancel = "order.cancel";
inline constexpr std::string_view kInvoiceIssue = "invoice.issue";
inline constexpr std::string_view kPaymentRecord = "payment.record";
inline constexpr std::string_view kCreditApplicationSubmit = "credit_application.submit";
inline constexpr std::string_view kCreditApplicationDecide = "credit_application.decide";
inline constexpr std::string_view kCreditEvaluation = "credit.evaluation";
inline constexpr std::string_view kCreditRating = "credit.rating";
inline constexpr std::string_view kCreditInsurance = "credit.insurance";
inline constexpr std::string_view kCreditReevaluation = "credit.reevaluation";
inline constexpr std::string_view kCreditJustification = "credit.justification";
inline constexpr std::string_view kReportExport = "report.export";
inline constexpr std::string_view kCustomerReview = "customer.review";
inline constexpr std::string_view kRemindersRun = "collections.reminders";
inline constexpr std::string_view kCaseOpen = "collection_case.open";
inline constexpr std::string_view kCaseStage = "collection_case.stage";
inline constexpr std::string_view kCaseAction = "collection_case.action";
inline constexpr std::string_view kCasePromise = "collection_case.promise";
inline constexpr std::string_view kCaseClose = "collection_case.close";
inline constexpr std::string_view kWriteOffRequest = "write_off.request";
inline constexpr std::string_view kWriteOffDecide = "write_off.decide";
inline constexpr std::string_view kAnalyticsDelayModel = "analytics.delay_model";
}  // namespace audit_action

// The actor's user id as records keep it: none for the system and anonymous actors.
inline std::optional<UserId> ActorIdOf(const domain::Actor& actor) {
    if (!actor.id.valid()) return std::nullopt;
    return actor.id;
}

// The actor of what an unauthenticated caller does (a failed login): no id, named "anonymous".
domain::Actor AnonymousActor();

// Appends the entry "`actor` did `action` to `entity` `entity_id`" at the clock's now, in `tx` (a write
// transaction). The actor is recorded by id and username (no id for the system and anonymous actors).
Status RecordAudit(Tx& tx, const Context& ctx, const domain::Actor& actor, std::string_view action,
                   std::string_view entity, std::optional<std::string> entity_id,
                   const boost::json::object& details = {});

// Rechecks the whole chain. kForbidden unless the actor may read the audit log (admin, auditor).
Result<AuditVerification> VerifyAudit(Tx& tx, const domain::Actor& actor);

// One page of entries, newest first. kForbidden unless the actor may read the audit log;
// kInvalidArgument for a page size outside 1-200, a negative offset or `from` after `to`.
Result<AuditPage> ListAudit(Tx& tx, const domain::Actor& actor, const AuditQuery& query);

}  // namespace credo::app
