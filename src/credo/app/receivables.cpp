#include "credo/app/receivables.hpp"

#include <cstdio>

#include "credo/app/audit.hpp"
#include "credo/app/classification.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

Status MayKeepLedger(const Actor& actor) {
    if (actor.Has(Role::kFinance) || actor.Has(Role::kAdmin) || !actor.id.valid()) return Ok();
    return MakeError(Errc::kForbidden, "only finance keeps the receivables ledger");
}

Result<domain::Customer> KnownCustomer(Tx& tx, const Actor& actor, CustomerId id) {
    auto c = tx.Customers().Find(id);
    if (!c || !CheckReadable(actor, *c)) return FieldError("customer_id", "no customer " + id.str());
    return std::move(*c);
}

std::string Number(std::string_view prefix, std::int64_t seq) {
    char out[32];
    std::snprintf(out, sizeof out, "%.*s%08lld", static_cast<int>(prefix.size()), prefix.data(),
                  static_cast<long long>(seq));
    return out;
}

// The open amount of `invoice` in the account's currency: what the invoice adds to the exposure.
Result<std::int64_t> OpenInAccount(const InvoiceRecord& invoice, std::int64_t open_minor,
                                   const CreditAccount& account) {
    CREDO_TRY(auto from, Currency::FromCode(invoice.currency));
    CREDO_TRY(auto into, Currency::FromCode(account.currency));
    CREDO_TRY(auto m, Convert(Money(open_minor, from), invoice.rate_e8, into));
    return m.minor();
}

}  // namespace

Result<InvoiceRecord> IssueInvoice(Tx& tx, const Context& ctx, const Actor& actor, const InvoiceInput& in) {
    CREDO_CHECK(MayKeepLedger(actor));
    const Date today = DateOf(ctx.clock.Now());
    InvoiceRecord inv;
    std::optional<OrderRecord> order;
    if (in.order_id) {
        if (in.customer || !in.amount.empty() || !in.currency.empty())
            return FieldError("order_id", "an invoice of an order takes its customer, currency and amount from it");
        auto found = tx.Ledger().FindOrder(*in.order_id);
        if (!found) return FieldError("order_id", "no order " + std::to_string(*in.order_id));
        CREDO_CHECK(KnownCustomer(tx, actor, found->customer));
        if (found->status != "approved" && found->status != "released")
            return MakeError(Errc::kConflict, "order " + found->number + " is " + found->status +
                                                  ": only an approved or released order is invoiced");
        order = std::move(*found);
        inv.customer = order->customer;
        inv.order_id = order->id;
        inv.currency = order->currency;
        inv.amount_minor = order->amount_minor;
    } else {
        if (!in.customer) return FieldError("customer_id", "is required (or order_id)");
        CREDO_CHECK(KnownCustomer(tx, actor, *in.customer));
        CREDO_TRY(auto currency, Currency::FromCode(in.currency, "currency"));
        CREDO_TRY(auto amount, Money::Parse(in.amount, currency, "amount"));
        if (amount.minor() <= 0) return FieldError("amount", "must be more than zero");
        inv.customer = *in.customer;
        inv.currency = in.currency;
        inv.amount_minor = amount.minor();
    }
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, inv.customer));
    inv.issue_date = in.issue_date.value_or(today);
    inv.due_date = in.due_date.value_or(AddDays(inv.issue_date, account.term_days));
    if (inv.due_date < inv.issue_date) return FieldError("due_date", "must not be before the issue date");
    inv.open_minor = inv.amount_minor;
    CREDO_TRY(inv.rate_e8, RateInto(tx, ctx, inv.currency, account.currency, inv.issue_date, "currency"));
    inv.created_by = ActorIdOf(actor);
    inv.created_at = ctx.clock.Now();
    CREDO_TRY(auto seq, tx.Sequences().Next("invoices"));
    inv.number = Number("INV", seq);
    CREDO_TRY(inv.id, tx.Ledger().InsertInvoice(inv));
    CREDO_CHECK(KeepPurchaseTotals(tx, inv.customer));
    CREDO_TRY(auto added, OpenInAccount(inv, inv.open_minor, account));
    std::int64_t freed = 0;
    if (order) {
        // The order's reservation becomes the receivable.
        freed = order->reserved_minor;
        const std::int64_t version = order->version;
        order->status = "invoiced";
        order->reserved_minor = 0;
        CREDO_CHECK(tx.Ledger().UpdateOrder(*order, version));
    }
    CREDO_CHECK(MoveExposure(tx, ctx, account, added, -freed));
    CREDO_TRY(auto currency, Currency::FromCode(inv.currency));
    boost::json::object details{{"number", inv.number},
                                {"customer_id", inv.customer.value()},
                                {"amount", Money(inv.amount_minor, currency).ToString()},
                                {"currency", inv.currency},
                                {"due_date", FormatDate(inv.due_date)}};
    if (order) details["order"] = order->number;
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kInvoiceIssue, "invoice", std::to_string(inv.id), details));
    return inv;
}

Result<RecordedPayment> RecordPayment(Tx& tx, const Context& ctx, const Actor& actor, const PaymentInput& in) {
    CREDO_CHECK(MayKeepLedger(actor));
    if (in.kind != "payment" && in.kind != "credit_note") return FieldError("kind", "must be payment or credit_note");
    CREDO_CHECK(KnownCustomer(tx, actor, in.customer));
    CREDO_TRY(auto currency, Currency::FromCode(in.currency, "currency"));
    CREDO_TRY(auto amount, Money::Parse(in.amount, currency, "amount"));
    if (amount.minor() <= 0) return FieldError("amount", "must be more than zero");
    if (in.reference.size() > 200) return FieldError("reference", "is at most 200 bytes");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, in.customer));
    RecordedPayment out;
    auto& p = out.payment;
    p.kind = in.kind;
    p.customer = in.customer;
    p.day = in.day.value_or(DateOf(ctx.clock.Now()));
    p.currency = in.currency;
    p.amount_minor = amount.minor();
    p.reference = in.reference;
    p.created_by = ActorIdOf(actor);
    p.created_at = ctx.clock.Now();
    CREDO_TRY(auto open, tx.Ledger().OpenInvoices(in.customer));
    std::int64_t left = amount.minor();
    std::int64_t receivables_delta = 0;
    std::vector<std::pair<InvoiceRecord*, std::int64_t>> applied;
    if (in.allocations) {
        for (std::size_t i = 0; i < in.allocations->size(); ++i) {
            const auto& a = (*in.allocations)[i];
            const std::string at = "allocations[" + std::to_string(i) + "].";
            auto it =
                std::find_if(open.begin(), open.end(), [&](const InvoiceRecord& r) { return r.id == a.invoice_id; });
            if (it == open.end()) return FieldError(at + "invoice_id", "is not an open invoice of this customer");
            if (it->currency != in.currency)
                return FieldError(at + "invoice_id", "is in " + it->currency + ", not " + in.currency);
            CREDO_TRY(auto part, Money::Parse(a.amount, currency, at + "amount"));
            if (part.minor() <= 0) return FieldError(at + "amount", "must be more than zero");
            for (const auto& [inv, taken] : applied)
                if (inv == &*it) return FieldError(at + "invoice_id", "is allocated twice");
            if (part.minor() > it->open_minor)
                return FieldError(at + "amount",
                                  "is more than the invoice's open " + Money(it->open_minor, currency).ToString());
            if (part.minor() > left) return FieldError(at + "amount", "is more than what remains of the payment");
            left -= part.minor();
            applied.emplace_back(&*it, part.minor());
        }
    } else {
        for (auto& inv : open) {
            if (left == 0) break;
            if (inv.currency != in.currency) continue;
            const std::int64_t part = std::min(left, inv.open_minor);
            left -= part;
            applied.emplace_back(&inv, part);
        }
    }
    p.unallocated_minor = left;
    CREDO_TRY(auto seq, tx.Sequences().Next(in.kind == "payment" ? "payments" : "credit_notes"));
    p.number = Number(in.kind == "payment" ? "RC" : "CN", seq);
    CREDO_TRY(p.id, tx.Ledger().InsertPayment(p));
    if (p.kind == "credit_note") CREDO_CHECK(KeepPurchaseTotals(tx, p.customer));
    for (auto& [inv, part] : applied) {
        CREDO_TRY(auto before, OpenInAccount(*inv, inv->open_minor, account));
        inv->open_minor -= part;
        CREDO_TRY(auto after, OpenInAccount(*inv, inv->open_minor, account));
        receivables_delta += after - before;
        CREDO_CHECK(tx.Ledger().SetInvoiceOpen(inv->id, inv->open_minor));
        AllocationRecord a{p.id, inv->id, part, p.day};
        CREDO_CHECK(tx.Ledger().InsertAllocation(a));
        out.allocations.push_back(a);
    }
    CREDO_CHECK(MoveExposure(tx, ctx, account, receivables_delta, 0));
    boost::json::array allocations;
    for (const auto& a : out.allocations)
        allocations.push_back(
            boost::json::object{{"invoice_id", a.invoice_id}, {"amount", Money(a.amount_minor, currency).ToString()}});
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kPaymentRecord, "payment", std::to_string(p.id),
                            {{"number", p.number},
                             {"kind", p.kind},
                             {"customer_id", p.customer.value()},
                             {"amount", amount.ToString()},
                             {"currency", p.currency},
                             {"allocations", std::move(allocations)}}));
    return out;
}

Result<PaymentRecord> PostWriteOff(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t invoice_id,
                                   std::int64_t amount_minor, Date day, const std::string& reference) {
    CREDO_TRY(auto invoice, tx.Ledger().FindInvoice(invoice_id));
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, invoice.customer));
    // Read again under the account's lock: a payment may have been allocated since the request.
    CREDO_TRY(invoice, tx.Ledger().FindInvoice(invoice_id));
    CREDO_TRY(auto currency, Currency::FromCode(invoice.currency));
    if (amount_minor <= 0 || amount_minor > invoice.open_minor)
        return MakeError(Errc::kConflict, "invoice " + invoice.number + " has " +
                                              Money(invoice.open_minor, currency).ToString() + " " + invoice.currency +
                                              " open, less than the write-off");
    PaymentRecord p;
    p.kind = "write_off";
    p.customer = invoice.customer;
    p.day = day;
    p.currency = invoice.currency;
    p.amount_minor = amount_minor;
    p.unallocated_minor = 0;
    p.reference = reference.substr(0, 200);
    p.created_by = ActorIdOf(actor);
    p.created_at = ctx.clock.Now();
    CREDO_TRY(auto seq, tx.Sequences().Next("write_offs"));
    p.number = Number("WO", seq);
    CREDO_TRY(p.id, tx.Ledger().InsertPayment(p));
    CREDO_TRY(auto before, OpenInAccount(invoice, invoice.open_minor, account));
    CREDO_TRY(auto after, OpenInAccount(invoice, invoice.open_minor - amount_minor, account));
    CREDO_CHECK(tx.Ledger().SetInvoiceOpen(invoice.id, invoice.open_minor - amount_minor));
    CREDO_CHECK(tx.Ledger().InsertAllocation(AllocationRecord{p.id, invoice.id, amount_minor, day}));
    CREDO_CHECK(MoveExposure(tx, ctx, account, after - before, 0));
    return p;
}

}  // namespace credo::app
