#include "credo/app/collections.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/receivables.hpp"
#include "credo/base/money.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Status CheckNote(const std::string& note, std::string_view field) {
    if (note.size() > 4000) return FieldError(std::string(field), "is at most 4000 bytes");
    return Ok();
}

// The roles that work collection cases, each within its write scope.
Status MayCollect(const Actor& actor) {
    if (!actor.id.valid() || actor.Has(Role::kSales) || actor.Has(Role::kRegionalManager) ||
        actor.Has(Role::kSalesManager) || actor.Has(Role::kFinance) || actor.Has(Role::kAdmin))
        return Ok();
    return MakeError(Errc::kForbidden, "user " + actor.username + " does not work collection cases");
}

Result<domain::Customer> WritableCustomer(Tx& tx, const Actor& actor, CustomerId id, std::string_view field) {
    auto c = tx.Customers().Find(id);
    if (!c || !CheckReadable(actor, *c)) return FieldError(std::string(field), "no customer " + id.str());
    CREDO_CHECK(CheckWritable(actor, *c));
    return std::move(*c);
}

// The case, if the actor may read its customer (kNotFound otherwise).
Result<CollectionCaseRecord> ReadableCase(Tx& tx, const Actor& actor, std::int64_t id) {
    CREDO_TRY(auto k, tx.Collections().FindCase(id));
    CREDO_TRY(auto c, tx.Customers().Find(k.customer));
    if (!CheckReadable(actor, c)) return NotFound("collection case", std::to_string(id));
    return k;
}

// The open case the actor may work on.
Result<CollectionCaseRecord> WorkableCase(Tx& tx, const Actor& actor, std::int64_t id) {
    CREDO_CHECK(MayCollect(actor));
    CREDO_TRY(auto k, ReadableCase(tx, actor, id));
    CREDO_TRY(auto c, tx.Customers().Find(k.customer));
    CREDO_CHECK(CheckWritable(actor, c));
    if (k.status != "open") return MakeError(Errc::kConflict, "collection case " + std::to_string(id) + " is closed");
    return k;
}

Result<Date> DayNotAfterToday(const Context& ctx, std::optional<Date> day, std::string_view field) {
    const Date today = DateOf(ctx.clock.Now());
    if (!day) return today;
    if (*day > today) return FieldError(std::string(field), "must not be in the future");
    return *day;
}

std::string MoneyText(std::int64_t minor, std::string_view currency) {
    auto c = Currency::FromCode(currency);
    if (!c) return std::to_string(minor);
    return Money(minor, *c).ToString();
}

// The recipients of a case's alerts: the customer's owner and whoever opened the case.
std::vector<UserId> CaseRecipients(const domain::Customer& c, const CollectionCaseRecord& k) {
    std::vector<UserId> out;
    if (c.owner) out.push_back(*c.owner);
    if (k.opened_by && (!c.owner || *k.opened_by != *c.owner)) out.push_back(*k.opened_by);
    return out;
}

Result<PromiseView> ViewOf(Tx& tx, CustomerId customer, const PromiseRecord& p, Date as_of) {
    PromiseView v{p, 0, domain::PromiseState::kPending};
    const Date upto = std::min(p.promised_date, as_of);
    if (upto >= p.made_on) {
        CREDO_TRY(v.collected_minor, tx.Collections().Collected(customer, p.currency, p.made_on, upto));
    }
    v.state = domain::PromiseStateOf(p.amount_minor, p.promised_date, v.collected_minor, as_of);
    return v;
}

}  // namespace

Result<ReminderSettings> LoadReminderSettings(Tx& tx) {
    ReminderSettings out;
    std::vector<int> offsets(std::begin(domain::kDefaultReminderOffsets), std::end(domain::kDefaultReminderOffsets));
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& p : stored) {
        auto definition = domain::FindPolicy(p.key);
        if (!definition) continue;
        if (p.key == domain::kRemindersEnabled) {
            CREDO_TRY(auto v, domain::ParsePolicyValue(*definition, p.value));
            out.enabled = v != 0;
        }
        for (std::size_t i = 0; i < std::size(domain::kReminderOffsetKeys); ++i)
            if (p.key == domain::kReminderOffsetKeys[i]) {
                CREDO_TRY(auto v, domain::ParsePolicyValue(*definition, p.value));
                offsets[i] = static_cast<int>(v);
            }
    }
    out.offsets = domain::NormalizeReminderOffsets(std::move(offsets));
    return out;
}

Result<ReminderReport> SendReminders(Tx& tx, const Context& ctx, Date as_of) {
    ReminderReport report;
    report.as_of = as_of;
    CREDO_TRY(auto settings, LoadReminderSettings(tx));
    if (settings.enabled) {
        std::map<std::int64_t, std::vector<ReminderItem>> by_customer;
        for (int offset : settings.offsets) {
            CREDO_TRY(auto due, tx.Collections().InvoicesDueOn(AddDays(as_of, -offset), as_of));
            for (const auto& d : due)
                by_customer[d.customer.value()].push_back(
                    ReminderItem{d.id, d.number, d.due_date, offset, d.open_minor, d.currency});
        }
        for (auto& [customer_id, items] : by_customer) {
            std::sort(items.begin(), items.end(), [](const ReminderItem& a, const ReminderItem& b) {
                return std::tie(a.due_date, a.invoice_id) < std::tie(b.due_date, b.invoice_id);
            });
            ReminderRecord r{0, CustomerId(customer_id), as_of, items, ctx.clock.Now()};
            CREDO_TRY(bool stored, tx.Collections().InsertReminder(r));
            if (!stored) {
                ++report.already_sent;
                continue;
            }
            ++report.customers;
            report.items += static_cast<std::int64_t>(items.size());
            CREDO_TRY(auto customer, tx.Customers().Find(r.customer));
            if (!customer.owner) continue;
            boost::json::array listed;
            for (const auto& i : items)
                listed.push_back(boost::json::object{{"number", i.number},
                                                     {"due_date", FormatDate(i.due_date)},
                                                     {"offset", i.offset},
                                                     {"open", MoneyText(i.open_minor, i.currency)},
                                                     {"currency", i.currency}});
            Alert alert;
            alert.kind = "reminder";
            alert.dedupe = std::to_string(customer_id) + "/" + FormatDate(as_of);
            alert.customer = r.customer;
            alert.day = as_of;
            alert.params = boost::json::serialize(
                boost::json::object{{"count", static_cast<std::int64_t>(items.size())}, {"items", std::move(listed)}});
            alert.created_at = ctx.clock.Now();
            CREDO_CHECK(RaiseAlert(tx, alert, {*customer.owner}));
        }
    }
    CREDO_TRY(auto promises, tx.Collections().PromisesDueBefore(as_of));
    for (const auto& [customer_id, p] : promises) {
        CREDO_TRY(auto view, ViewOf(tx, customer_id, p, as_of));
        if (view.state != domain::PromiseState::kBroken) continue;
        CREDO_TRY(auto customer, tx.Customers().Find(customer_id));
        CREDO_TRY(auto k, tx.Collections().FindCase(p.case_id));
        Alert alert;
        alert.kind = "promise_broken";
        alert.dedupe = std::to_string(p.id);
        alert.customer = customer_id;
        alert.day = p.promised_date;
        alert.params =
            boost::json::serialize(boost::json::object{{"case_id", p.case_id},
                                                       {"amount", MoneyText(p.amount_minor, p.currency)},
                                                       {"currency", p.currency},
                                                       {"collected", MoneyText(view.collected_minor, p.currency)},
                                                       {"promised_date", FormatDate(p.promised_date)}});
        alert.created_at = ctx.clock.Now();
        CREDO_TRY(int raised, RaiseAlert(tx, alert, CaseRecipients(customer, k)));
        if (raised > 0) ++report.broken_promises;
    }
    CREDO_CHECK(RecordAudit(tx, ctx, domain::SystemActor(), audit_action::kRemindersRun, "job", "reminders",
                            {{"as_of", FormatDate(as_of)},
                             {"customers", report.customers},
                             {"items", report.items},
                             {"already_sent", report.already_sent},
                             {"broken_promises", report.broken_promises}}));
    return report;
}

Result<std::optional<ReminderReport>> RunRemindersOnce(Database& db, const Context& ctx, const Actor& actor, Date as_of,
                                                       const std::string& server) {
    if (!actor.Has(Role::kAdmin) && !actor.Has(Role::kFinance) && !actor.Has(Role::kSalesManager))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not run the reminders");
    return WriteTx(db, [&](Tx& tx) -> Result<std::optional<ReminderReport>> {
        CREDO_TRY(bool claimed, tx.JobRuns().Claim("reminders", as_of, server, ctx.clock.Now()));
        if (!claimed) return std::optional<ReminderReport>();
        CREDO_TRY(auto report, SendReminders(tx, ctx, as_of));
        return std::optional<ReminderReport>(report);
    });
}

Result<std::vector<ReminderRecord>> ListReminders(Tx& tx, const Actor& actor, CustomerId customer) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    return tx.Collections().Reminders(customer);
}

Result<CollectionCaseRecord> OpenCase(Tx& tx, const Context& ctx, const Actor& actor, const CaseInput& in) {
    CREDO_CHECK(MayCollect(actor));
    CREDO_TRY(auto customer, WritableCustomer(tx, actor, in.customer, "customer_id"));
    CREDO_TRY(auto stage, domain::kCaseStageNames.Parse(in.stage, "stage"));
    CREDO_CHECK(CheckNote(in.note, "note"));
    CREDO_TRY(Date opened_on, DayNotAfterToday(ctx, in.opened_on, "opened_on"));
    CREDO_TRY(auto open, tx.Collections().OpenCaseOf(in.customer));
    if (open)
        return MakeError(Errc::kConflict,
                         "customer " + customer.code + " already has open collection case " + std::to_string(*open));
    CREDO_TRY(auto invoices, tx.Ledger().OpenInvoices(in.customer));
    std::vector<std::int64_t> covered;
    if (in.invoices) {
        for (std::size_t i = 0; i < in.invoices->size(); ++i) {
            const std::int64_t id = (*in.invoices)[i];
            const bool known =
                std::any_of(invoices.begin(), invoices.end(), [&](const InvoiceRecord& r) { return r.id == id; });
            if (!known)
                return FieldError("invoices[" + std::to_string(i) + "]", "is not an open invoice of this customer");
            if (std::find(covered.begin(), covered.end(), id) == covered.end()) covered.push_back(id);
        }
    } else {
        for (const auto& r : invoices)
            if (r.due_date < opened_on) covered.push_back(r.id);
    }
    if (covered.empty()) return FieldError("invoices", "the customer has no open invoice past due to collect");
    CollectionCaseRecord k;
    k.customer = in.customer;
    k.stage = std::string(domain::kCaseStageNames.Name(stage));
    k.status = "open";
    k.opened_on = opened_on;
    k.opened_by = ActorIdOf(actor);
    k.opened_by_name = actor.id.valid() ? actor.username : "system";
    k.note = in.note;
    k.created_at = k.updated_at = ctx.clock.Now();
    auto id = tx.Collections().InsertCase(k);
    if (!id && id.error().code == Errc::kConflict)
        return MakeError(Errc::kConflict, "customer " + customer.code + " already has an open collection case");
    if (!id) return id.error();
    k.id = *id;
    for (auto invoice : covered) CREDO_CHECK(tx.Collections().AddCaseInvoice(k.id, invoice));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCaseOpen, "collection_case", std::to_string(k.id),
                            {{"customer_id", k.customer.value()},
                             {"stage", k.stage},
                             {"invoices", static_cast<std::int64_t>(covered.size())}}));
    return tx.Collections().FindCase(k.id);
}

Result<CaseView> GetCase(Tx& tx, const Context&, const Actor& actor, std::int64_t id, Date as_of) {
    CaseView view;
    CREDO_TRY(view.record, ReadableCase(tx, actor, id));
    for (const auto& p : view.record.promises) {
        CREDO_TRY(auto v, ViewOf(tx, view.record.customer, p, as_of));
        view.promises.push_back(std::move(v));
    }
    for (auto invoice : view.record.invoices) {
        CREDO_TRY(auto inv, tx.Ledger().FindInvoice(invoice));
        view.invoices.push_back(std::move(inv));
    }
    WriteOffQuery q;
    q.customer = view.record.customer;
    q.limit = 200;
    CREDO_TRY(auto page, tx.Collections().ListWriteOffs(q));
    for (auto& w : page.items)
        if (w.case_id == id) view.write_offs.push_back(std::move(w));
    return view;
}

Result<CollectionCaseRecord> MoveCaseStage(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                           const std::string& stage, const std::string& reason,
                                           std::optional<Date> day) {
    CREDO_TRY(auto k, WorkableCase(tx, actor, id));
    CREDO_TRY(auto to, domain::kCaseStageNames.Parse(stage, "stage"));
    CREDO_TRY(auto from, domain::kCaseStageNames.Parse(k.stage, "stage"));
    CREDO_CHECK(domain::CheckStageMove(from, to, reason));
    CREDO_CHECK(CheckNote(reason, "reason"));
    CREDO_TRY(Date when, DayNotAfterToday(ctx, day, "day"));
    if (when < k.opened_on) return FieldError("day", "must not be before the case was opened");
    const std::int64_t version = k.version;
    k.stage = std::string(domain::kCaseStageNames.Name(to));
    k.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.Collections().UpdateCase(k, version));
    CaseActionRecord a;
    a.kind = "stage";
    a.day = when;
    a.note = reason;
    a.from_stage = std::string(domain::kCaseStageNames.Name(from));
    a.to_stage = k.stage;
    a.actor = ActorIdOf(actor);
    a.actor_name = actor.id.valid() ? actor.username : "system";
    a.created_at = ctx.clock.Now();
    CREDO_CHECK(tx.Collections().InsertAction(id, a));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCaseStage, "collection_case", std::to_string(id),
                            {{"from", *a.from_stage}, {"to", k.stage}, {"reason", reason}}));
    return tx.Collections().FindCase(id);
}

Result<CaseActionRecord> AddCaseAction(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                       const ActionInput& in) {
    CREDO_TRY(auto k, WorkableCase(tx, actor, id));
    CREDO_TRY(auto kind, domain::kActionKindNames.Parse(in.kind, "kind"));
    CREDO_CHECK(CheckNote(in.note, "note"));
    CREDO_TRY(Date when, DayNotAfterToday(ctx, in.day, "day"));
    if (when < k.opened_on) return FieldError("day", "must not be before the case was opened");
    CaseActionRecord a;
    a.kind = std::string(domain::kActionKindNames.Name(kind));
    a.day = when;
    a.note = in.note;
    a.actor = ActorIdOf(actor);
    a.actor_name = actor.id.valid() ? actor.username : "system";
    a.created_at = ctx.clock.Now();
    CREDO_TRY(a.id, tx.Collections().InsertAction(id, a));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCaseAction, "collection_case", std::to_string(id),
                            {{"kind", a.kind}, {"day", FormatDate(a.day)}}));
    return a;
}

Result<PromiseRecord> AddPromise(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                 const PromiseInput& in) {
    CREDO_TRY(auto k, WorkableCase(tx, actor, id));
    std::string code = in.currency;
    if (code.empty()) {
        CREDO_TRY(auto account, tx.Ledger().FindAccount(k.customer));
        code = account ? account->currency : ctx.settings.base_currency;
    }
    CREDO_TRY(auto currency, Currency::FromCode(code, "currency"));
    CREDO_TRY(auto amount, Money::Parse(in.amount, currency, "amount"));
    if (amount.minor() <= 0) return FieldError("amount", "must be more than zero");
    CREDO_CHECK(CheckNote(in.note, "note"));
    CREDO_TRY(Date made_on, DayNotAfterToday(ctx, in.made_on, "made_on"));
    if (made_on < k.opened_on) return FieldError("made_on", "must not be before the case was opened");
    if (in.promised_date < made_on) return FieldError("promised_date", "must not be before the promise was made");
    PromiseRecord p;
    p.case_id = id;
    p.currency = code;
    p.amount_minor = amount.minor();
    p.made_on = made_on;
    p.promised_date = in.promised_date;
    p.note = in.note;
    p.created_by = ActorIdOf(actor);
    p.created_at = ctx.clock.Now();
    CREDO_TRY(p.id, tx.Collections().InsertPromise(p));
    CREDO_CHECK(RecordAudit(
        tx, ctx, actor, audit_action::kCasePromise, "collection_case", std::to_string(id),
        {{"amount", amount.ToString()}, {"currency", code}, {"promised_date", FormatDate(p.promised_date)}}));
    return p;
}

Result<CollectionCaseRecord> CloseCase(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                       const std::string& outcome, const std::string& note, std::optional<Date> day) {
    CREDO_TRY(auto k, WorkableCase(tx, actor, id));
    CREDO_TRY(auto o, domain::kCaseOutcomeNames.Parse(outcome, "outcome"));
    CREDO_CHECK(CheckNote(note, "note"));
    CREDO_TRY(Date when, DayNotAfterToday(ctx, day, "day"));
    if (when < k.opened_on) return FieldError("day", "must not be before the case was opened");
    const std::int64_t version = k.version;
    k.status = "closed";
    k.outcome = std::string(domain::kCaseOutcomeNames.Name(o));
    k.outcome_note = note;
    k.closed_on = when;
    k.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.Collections().UpdateCase(k, version));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCaseClose, "collection_case", std::to_string(id),
                            {{"outcome", *k.outcome}, {"day", FormatDate(when)}}));
    return tx.Collections().FindCase(id);
}

Result<CaseList> ListCases(Tx& tx, const Actor& actor, CollectionCaseQuery query, Date as_of) {
    query.scope = domain::ReadScope(actor);
    CaseList out;
    if (query.scope.Empty()) return out;
    CREDO_TRY(auto page, tx.Collections().ListCases(query));
    out.total = page.total;
    for (auto& k : page.items) {
        CaseListItem item{std::move(k), 0};
        if (item.record.status == "open") {
            CREDO_TRY(auto full, tx.Collections().FindCase(item.record.id));
            for (const auto& p : full.promises) {
                CREDO_TRY(auto v, ViewOf(tx, item.record.customer, p, as_of));
                if (v.state == domain::PromiseState::kBroken) ++item.broken_promises;
            }
        }
        out.items.push_back(std::move(item));
    }
    return out;
}

std::string NextWriteOffStepOf(const WriteOffRecord& w) {
    if (w.status != "pending") return {};
    int approved = 0;
    for (const auto& d : w.decisions) approved += d.decision == "approve" ? 1 : 0;
    auto step = domain::NextWriteOffStep(approved);
    return step ? std::string(domain::kWriteOffStepNames.Name(*step)) : std::string();
}

Result<WriteOffRecord> RequestWriteOff(Tx& tx, const Context& ctx, const Actor& actor, const WriteOffInput& in) {
    CREDO_CHECK(MayCollect(actor));
    auto invoice = tx.Ledger().FindInvoice(in.invoice_id);
    if (!invoice) return FieldError("invoice_id", "no invoice " + std::to_string(in.invoice_id));
    auto customer = tx.Customers().Find(invoice->customer);
    if (!customer || !CheckReadable(actor, *customer))
        return FieldError("invoice_id", "no invoice " + std::to_string(in.invoice_id));
    CREDO_CHECK(CheckWritable(actor, *customer));
    if (Blank(in.reason)) return FieldError("reason", "say why the amount cannot be collected");
    CREDO_CHECK(CheckNote(in.reason, "reason"));
    CREDO_TRY(auto currency, Currency::FromCode(invoice->currency));
    CREDO_TRY(auto amount, Money::Parse(in.amount, currency, "amount"));
    if (amount.minor() <= 0) return FieldError("amount", "must be more than zero");
    CREDO_TRY(auto pending, tx.Collections().PendingWriteOffs(invoice->id));
    const std::int64_t available = invoice->open_minor - pending;
    if (amount.minor() > available)
        return FieldError("amount",
                          "is more than the invoice's open " + Money(invoice->open_minor, currency).ToString() + " " +
                              invoice->currency +
                              (pending > 0 ? " less the pending write-offs of " + Money(pending, currency).ToString()
                                           : std::string()));
    if (in.case_id) {
        auto k = tx.Collections().FindCase(*in.case_id);
        if (!k || k->customer != invoice->customer)
            return FieldError("case_id", "is not a collection case of the invoice's customer");
    }
    WriteOffRecord w;
    w.invoice_id = invoice->id;
    w.customer = invoice->customer;
    w.case_id = in.case_id;
    w.currency = invoice->currency;
    w.amount_minor = amount.minor();
    w.reason = in.reason;
    w.status = "pending";
    w.requested_by = ActorIdOf(actor);
    w.requester_name = actor.id.valid() ? actor.username : "system";
    w.created_at = w.updated_at = ctx.clock.Now();
    CREDO_TRY(w.id, tx.Collections().InsertWriteOff(w));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kWriteOffRequest, "write_off", std::to_string(w.id),
                            {{"invoice", invoice->number},
                             {"customer_id", w.customer.value()},
                             {"amount", amount.ToString()},
                             {"currency", w.currency}}));
    return tx.Collections().FindWriteOff(w.id);
}

Result<WriteOffRecord> DecideWriteOff(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                      const std::string& decision, const std::string& comment) {
    if (decision != "approve" && decision != "reject") return FieldError("decision", "must be approve or reject");
    if (decision == "reject" && Blank(comment)) return FieldError("comment", "say why the write-off is rejected");
    CREDO_CHECK(CheckNote(comment, "comment"));
    CREDO_TRY(auto w, tx.Collections().FindWriteOffForUpdate(id));
    CREDO_TRY(auto customer, tx.Customers().Find(w.customer));
    if (!CheckReadable(actor, customer)) return NotFound("write-off", std::to_string(id));
    if (w.status != "pending") return MakeError(Errc::kConflict, "write-off " + std::to_string(id) + " is " + w.status);
    int approved = 0;
    bool decided_before = false;
    for (const auto& d : w.decisions) {
        approved += d.decision == "approve" ? 1 : 0;
        if (d.actor && *d.actor == actor.id) decided_before = true;
    }
    auto step = domain::NextWriteOffStep(approved);
    if (!step) return MakeError(Errc::kConflict, "write-off " + std::to_string(id) + " is decided");
    domain::WriteOffDecider decider;
    decider.has_step_role = actor.Has(*step == domain::WriteOffStep::kFinance ? Role::kFinance : Role::kExecutive);
    decider.is_requester = w.requested_by && *w.requested_by == actor.id;
    decider.decided_before = decided_before;
    CREDO_CHECK(domain::CheckWriteOffDecider(*step, decider));
    WriteOffDecisionRecord d{std::string(domain::kWriteOffStepNames.Name(*step)),
                             decision,
                             ActorIdOf(actor),
                             actor.username,
                             comment,
                             ctx.clock.Now()};
    CREDO_CHECK(tx.Collections().InsertWriteOffDecision(id, d));
    const std::int64_t version = w.version;
    w.updated_at = ctx.clock.Now();
    if (decision == "reject") {
        w.status = "rejected";
    } else if (!domain::NextWriteOffStep(approved + 1)) {
        w.status = "approved";
        CREDO_TRY(auto entry, PostWriteOff(tx, ctx, actor, w.invoice_id, w.amount_minor, DateOf(ctx.clock.Now()),
                                           "write-off " + std::to_string(id)));
        w.entry_id = entry.id;
    }
    CREDO_CHECK(tx.Collections().UpdateWriteOff(w, version));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kWriteOffDecide, "write_off", std::to_string(id),
                            {{"step", d.step}, {"decision", decision}, {"status", w.status}}));
    return tx.Collections().FindWriteOff(id);
}

Result<WriteOffRecord> GetWriteOff(Tx& tx, const Actor& actor, std::int64_t id) {
    CREDO_TRY(auto w, tx.Collections().FindWriteOff(id));
    CREDO_TRY(auto customer, tx.Customers().Find(w.customer));
    if (!CheckReadable(actor, customer)) return NotFound("write-off", std::to_string(id));
    return w;
}

Result<WriteOffPage> ListWriteOffs(Tx& tx, const Actor& actor, WriteOffQuery query) {
    query.scope = domain::ReadScope(actor);
    if (query.scope.Empty()) return WriteOffPage{};
    return tx.Collections().ListWriteOffs(query);
}

}  // namespace credo::app
