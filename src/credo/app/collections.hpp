// Collections (SPEC AR-4, and AR-1's write-off of bad debt with approval).
//
// Reminders: once a day (jobs/scheduler, `credo jobs run reminders`, POST /jobs/reminders) every customer
// with open items on a reminder day (the reminders.* policies: offsets from the due date) gets one
// reminder listing them all, stored (one per customer and day, so a second run adds nothing) and sent to
// its owner's alerts inbox. What is paid by that day is never reminded of. The same run alerts the broken
// promises to pay of open cases.
//
// Collection cases: one open case per customer, covering some of its invoices, moving through the stages
// (domain/collections), with a dated timeline of actions, promises to pay (kept or broken as computed
// from the payments as of a date) and an outcome that closes it. Salespeople work the cases of their own
// customers; regional managers those of their region; sales managers, finance and admins all of them.
//
// Write-offs: a request to write off part of an invoice's open amount, approved by finance and then an
// executive (never by the requester, never two steps by one person); the last approval posts the
// write-off to the ledger (app/receivables: PostWriteOff) in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/collections/collections.hpp"

namespace credo::app {

// The reminder policies in force.
struct ReminderSettings {
    bool enabled = true;
    std::vector<int> offsets;  // normalized: sorted, each once
};
Result<ReminderSettings> LoadReminderSettings(Tx& tx);

struct ReminderReport {
    Date as_of{};
    std::int64_t customers = 0;  // reminders stored
    std::int64_t items = 0;
    std::int64_t already_sent = 0;  // customers reminded before for that day
    std::int64_t broken_promises = 0;
};
// The job: the reminders of `as_of` and the alerts of promises broken by then.
Result<ReminderReport> SendReminders(Tx& tx, const Context& ctx, Date as_of);
// POST /jobs/reminders: runs SendReminders for `as_of` unless it already ran for that date (job
// "reminders"); nullopt when it had. Admins, finance and sales managers (kForbidden otherwise).
Result<std::optional<ReminderReport>> RunRemindersOnce(Database& db, const Context& ctx, const domain::Actor& actor,
                                                       Date as_of, const std::string& server);
// The customer's reminders, newest first (read scope).
Result<std::vector<ReminderRecord>> ListReminders(Tx& tx, const domain::Actor& actor, CustomerId customer);

struct CaseInput {
    CustomerId customer;
    std::optional<std::vector<std::int64_t>> invoices;  // default: every open invoice past due
    std::string stage = "reminder";
    std::string note;
    std::optional<Date> opened_on;  // default: today
};
// kConflict when the customer has an open case; kInvalidArgument naming invoices[i] for an invoice that is
// not an open one of the customer.
Result<CollectionCaseRecord> OpenCase(Tx& tx, const Context& ctx, const domain::Actor& actor, const CaseInput& input);

struct PromiseView {
    PromiseRecord promise;
    std::int64_t collected_minor = 0;
    domain::PromiseState state{};
};
struct CaseView {
    CollectionCaseRecord record;
    std::vector<PromiseView> promises;
    std::vector<InvoiceRecord> invoices;  // the covered invoices as they stand
    std::vector<WriteOffRecord> write_offs;
};
// The case with its promises' states as of `as_of`; kNotFound outside the reader's scope.
Result<CaseView> GetCase(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id, Date as_of);

// Moves the stage (domain::CheckStageMove); kConflict for a closed case.
Result<CollectionCaseRecord> MoveCaseStage(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                           const std::string& stage, const std::string& reason,
                                           std::optional<Date> day);
struct ActionInput {
    std::string kind;
    std::optional<Date> day;
    std::string note;
};
Result<CaseActionRecord> AddCaseAction(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                       const ActionInput& input);
struct PromiseInput {
    std::string amount;
    std::string currency;  // default: the account's
    Date promised_date{};
    std::optional<Date> made_on;  // default: today
    std::string note;
};
Result<PromiseRecord> AddPromise(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                 const PromiseInput& input);
Result<CollectionCaseRecord> CloseCase(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                       const std::string& outcome, const std::string& note, std::optional<Date> day);

struct CaseListItem {
    CollectionCaseRecord record;
    std::int64_t broken_promises = 0;  // as of the query's date
};
struct CaseList {
    std::vector<CaseListItem> items;
    std::int64_t total = 0;
};
Result<CaseList> ListCases(Tx& tx, const domain::Actor& actor, CollectionCaseQuery query, Date as_of);

struct WriteOffInput {
    std::int64_t invoice_id = 0;
    std::string amount;
    std::string reason;
    std::optional<std::int64_t> case_id;
};
// kInvalidArgument naming amount when it is more than the invoice's open amount less the pending requests.
Result<WriteOffRecord> RequestWriteOff(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                       const WriteOffInput& input);
// decision: approve or reject (a comment is required to reject). kConflict once decided.
Result<WriteOffRecord> DecideWriteOff(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                      const std::string& decision, const std::string& comment);
Result<WriteOffRecord> GetWriteOff(Tx& tx, const domain::Actor& actor, std::int64_t id);
Result<WriteOffPage> ListWriteOffs(Tx& tx, const domain::Actor& actor, WriteOffQuery query);
// The step a pending write-off waits for ("finance", "executive"), empty when decided.
std::string NextWriteOffStepOf(const WriteOffRecord& w);

}  // namespace credo::app
