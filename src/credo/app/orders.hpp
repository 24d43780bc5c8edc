// Orders and the order-time credit check (SPEC LC-3, LC-4, LC-6).
//
// Every path that creates or raises an order — entry, amendment upward, copy — runs the check
// (domain/credit/order_check) on the customer's credit account locked for the transaction, and reserves
// the credit of an approved order in the same transaction, so that concurrent orders cannot together
// push exposure above the limit, on one server or several. A held order reserves nothing; it passes only
// through an audited release by finance or an executive with a written reason. Orders are entered by the
// roles that change customer files, within their write scope.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/credit/order_check.hpp"

namespace credo::app {

struct OrderLineInput {
    std::string product;
    std::string model;
    std::string quantity;    // decimal, > 0, at most 3 decimals
    std::string unit_price;  // decimal in the order's currency, >= 0
};

struct OrderInput {
    CustomerId customer;
    std::optional<Date> order_date;  // default: today
    std::string currency;            // default: the customer's account currency
    std::string prepayment;          // declared prepayment, default "0"
    std::vector<OrderLineInput> lines;
};

// What the check decided, in the account's currency.
struct CreditCheckView {
    std::string outcome;  // approved, credit_hold
    std::vector<std::string> reasons;
    std::string currency;
    std::int64_t credit_part_minor = 0;
    std::int64_t exposure_before_minor = 0;
    std::int64_t effective_limit_minor = 0;
    std::int64_t available_minor = 0;  // before this order
};

struct PlacedOrder {
    OrderRecord order;
    std::optional<CreditCheckView> check;  // set when the check ran
};

Result<PlacedOrder> PlaceOrder(Tx& tx, const Context& ctx, const domain::Actor& actor, const OrderInput& input);
// New lines, prepayment or date for an order not yet invoiced or cancelled, based on `expected_version`
// (kConflict otherwise). An amendment that raises the credit the order needs, or of a held order, runs
// the check again (a released order that grows is checked like a new one); one that lowers it keeps the
// order's state and frees the difference.
Result<PlacedOrder> AmendOrder(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                               std::int64_t expected_version, OrderInput input);
// A new order with the lines of `id`, checked as any new order (LC-6).
Result<PlacedOrder> CopyOrder(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id);
// Finance or an executive lifts a hold with a written reason; the order then reserves its credit even
// beyond the limit. kConflict for an order not on hold.
Result<OrderRecord> ReleaseOrder(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                 const std::string& reason);
// Frees the order's credit. kConflict for an invoiced order.
Result<OrderRecord> CancelOrder(Tx& tx, const Context& ctx, const domain::Actor& actor, std::int64_t id,
                                const std::string& reason);
Result<OrderRecord> GetOrder(Tx& tx, const domain::Actor& actor, std::int64_t id);
Result<OrderPage> ListOrders(Tx& tx, const domain::Actor& actor, OrderQuery query);

}  // namespace credo::app
