// The receivables ledger (SPEC AR-1): invoices from orders or entered, payments and credit notes with
// their allocation to invoices (oldest due first, or as given), each moving the customer's exposure in
// the same transaction. Nothing is deleted. Finance keeps the ledger (and the admin).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

struct InvoiceInput {
    std::optional<std::int64_t> order_id;  // invoices the whole order: its customer, currency and amount
    std::optional<CustomerId> customer;    // an entered invoice: customer, currency and amount
    std::string currency;
    std::string amount;
    std::optional<Date> issue_date;  // default: today
    std::optional<Date> due_date;    // default: issue date + the account's term
};
Result<InvoiceRecord> IssueInvoice(Tx& tx, const Context& ctx, const domain::Actor& actor, const InvoiceInput& input);

struct AllocationInput {
    std::int64_t invoice_id = 0;
    std::string amount;
};

struct PaymentInput {
    CustomerId customer;
    std::string kind = "payment";  // or credit_note
    std::string currency;
    std::string amount;
    std::optional<Date> day;  // default: today
    std::string reference;
    // Explicit allocation; when absent, the amount goes to the open invoices of the same currency, oldest
    // due first, and what remains stays on account.
    std::optional<std::vector<AllocationInput>> allocations;
};

struct RecordedPayment {
    PaymentRecord payment;
    std::vector<AllocationRecord> allocations;
};
Result<RecordedPayment> RecordPayment(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                      const PaymentInput& input);

// AR-1: posts an approved write-off of `amount_minor` (the invoice's currency) against the invoice: a ledger
// entry of kind write_off allocated to it on `day`, which lowers its open amount and the customer's exposure
// in the caller's transaction. The approval is the caller's (app/collections); the invoice must still have
// that much open (kConflict otherwise).
Result<PaymentRecord> PostWriteOff(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t invoice_id,
                                   std::int64_t amount_minor, Date day, const std::string& reference);

}  // namespace credo::app
