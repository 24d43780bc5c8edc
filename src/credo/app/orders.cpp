#include "credo/app/orders.hpp"

#include <boost/json.hpp>
#include <cstdio>

#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/credit/order_line.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

Status MayEnterOrders(const Actor& actor) {
    if (actor.MayWriteCustomers()) return Ok();
    return MakeError(Errc::kForbidden, "user " + actor.username + " may not enter orders");
}

Result<domain::Customer> WritableCustomer(Tx& tx, const Actor& actor, CustomerId id) {
    auto c = tx.Customers().Find(id);
    if (!c) {
        if (c.error().code != Errc::kNotFound) return c.error();
        return FieldError("customer_id", "no customer " + id.str());
    }
    if (auto s = CheckWritable(actor, *c); !s) {
        // A customer outside the reader's scope is as unknown as one that does not exist.
        if (s.error().code == Errc::kNotFound) return FieldError("customer_id", "no customer " + id.str());
        return s.error();
    }
    return std::move(*c);
}

// The order's amounts and lines, parsed in its currency.
struct ParsedOrder {
    Currency currency;
    Date date;
    std::int64_t amount = 0;
    std::int64_t prepayment = 0;
    std::vector<OrderLine> lines;
};

Result<ParsedOrder> Parse(const OrderInput& in, const CreditAccount& account, Date today) {
    const std::string code = in.currency.empty() ? account.currency : in.currency;
    CREDO_TRY(auto currency, Currency::FromCode(code, "currency"));
    ParsedOrder out{currency, in.order_date.value_or(today), 0, 0, {}};
    if (in.lines.empty()) return FieldError("lines", "an order needs at least one line");
    if (in.lines.size() > 1000) return FieldError("lines", "an order has at most 1000 lines");
    Money total = Money::Zero(currency);
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
        const auto& l = in.lines[i];
        const std::string at = "lines[" + std::to_string(i) + "].";
        if (l.product.empty()) return FieldError(at + "product", "is required");
        if (l.product.size() > 200) return FieldError(at + "product", "is at most 200 bytes");
        if (l.model.size() > 200) return FieldError(at + "model", "is at most 200 bytes");
        CREDO_TRY(auto quantity, domain::ParseQuantity(l.quantity, at + "quantity"));
        CREDO_TRY(auto price, Money::Parse(l.unit_price, currency, at + "unit_price"));
        if (price.negative()) return FieldError(at + "unit_price", "must not be negative");
        CREDO_TRY(auto amount, domain::LineAmount(quantity, price.minor(), at + "unit_price"));
        CREDO_TRY(total, total.Add(Money(amount, currency)));
        out.lines.push_back({l.product, l.model, quantity, price.minor(), amount});
    }
    if (total.minor() <= 0) return FieldError("lines", "the order's amount must be more than zero");
    out.amount = total.minor();
    if (!in.prepayment.empty()) {
        CREDO_TRY(auto prepayment, Money::Parse(in.prepayment, currency, "prepayment"));
        if (prepayment.negative()) return FieldError("prepayment", "must not be negative");
        if (prepayment.minor() > out.amount) return FieldError("prepayment", "is more than the order's amount");
        out.prepayment = prepayment.minor();
    }
    return out;
}

struct Checked {
    domain::OrderCheck check;
    CreditCheckView view;
    std::int64_t rate_e8 = 0;
};

// Runs the order check for `order` against the locked `account`, leaving out what `held_minor` the order
// already reserves (an amendment).
Result<Checked> Check(Tx& tx, const Context& ctx, const CreditAccount& account, const ParsedOrder& order,
                      std::int64_t held_minor) {
    CREDO_TRY(auto into, Currency::FromCode(account.currency));
    CREDO_TRY(auto rate, RateInto(tx, ctx, order.currency.code(), account.currency, order.date, "currency"));
    CREDO_TRY(auto amount, Convert(Money(order.amount, order.currency), rate, into));
    CREDO_TRY(auto prepayment, Convert(Money(order.prepayment, order.currency), rate, into));
    CREDO_TRY(auto settings, LoadCreditSettings(tx, ctx));
    CREDO_TRY(auto state, CheckStateOf(tx, settings, account, order.date));
    state.exposure = Money(state.exposure.minor() - held_minor, into);
    CREDO_TRY(auto check, domain::CheckOrder(state, {amount, prepayment}, order.date));
    Checked out{check, {}, rate};
    out.view.outcome = std::string(domain::kOrderCheckOutcomeNames.Name(check.outcome));
    for (auto r : check.reasons) out.view.reasons.emplace_back(domain::kHoldReasonNames.Name(r));
    out.view.currency = account.currency;
    out.view.credit_part_minor = check.credit_part.minor();
    out.view.exposure_before_minor = state.exposure.minor();
    out.view.effective_limit_minor = check.effective_limit.minor();
    out.view.available_minor = check.available.minor();
    return out;
}

boost::json::array ReasonsJson(const std::vector<std::string>& reasons) {
    boost::json::array a;
    for (const auto& r : reasons) a.emplace_back(r);
    return a;
}

Result<OrderRecord> FindOrderFor(Tx& tx, const Actor& actor, std::int64_t id, bool write) {
    auto order = tx.Ledger().FindOrder(id);
    if (!order) return order.error();
    CREDO_TRY(auto customer, tx.Customers().Find(order->customer));
    // An order of a customer outside the reader's scope does not exist for it.
    if (auto s = CheckReadable(actor, customer); !s) return NotFound("order", std::to_string(id));
    if (write) CREDO_CHECK(CheckWritable(actor, customer));
    return std::move(*order);
}

Result<PlacedOrder> Enter(Tx& tx, const Context& ctx, const Actor& actor, const OrderInput& input,
                          std::optional<std::int64_t> copied_from) {
    CREDO_CHECK(MayEnterOrders(actor));
    CREDO_CHECK(WritableCustomer(tx, actor, input.customer));
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, input.customer));
    CREDO_TRY(auto parsed, Parse(input, account, DateOf(ctx.clock.Now())));
    CREDO_TRY(auto checked, Check(tx, ctx, account, parsed, 0));
    CREDO_TRY(auto seq, tx.Sequences().Next("orders"));
    char number[32];
    std::snprintf(number, sizeof number, "SO%08lld", static_cast<long long>(seq));
    OrderRecord o;
    o.number = number;
    o.customer = input.customer;
    o.order_date = parsed.date;
    o.currency = std::string(parsed.currency.code());
    o.amount_minor = parsed.amount;
    o.prepayment_minor = parsed.prepayment;
    o.rate_e8 = checked.rate_e8;
    o.status = checked.view.outcome;
    o.reasons = checked.view.reasons;
    o.reserved_minor = checked.check.Approved() ? checked.check.credit_part.minor() : 0;
    o.copied_from = copied_from;
    o.created_by = ActorIdOf(actor);
    o.created_at = ctx.clock.Now();
    o.lines = std::move(parsed.lines);
    CREDO_TRY(o.id, tx.Ledger().InsertOrder(o));
    CREDO_CHECK(MoveExposure(tx, ctx, account, 0, o.reserved_minor));
    boost::json::object details{{"number", o.number},
                                {"customer_id", o.customer.value()},
                                {"amount", Money(o.amount_minor, parsed.currency).ToString()},
                                {"currency", o.currency},
                                {"status", o.status},
                                {"reasons", ReasonsJson(o.reasons)}};
    if (copied_from) details["copied_from"] = *copied_from;
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kOrderCreate, "order", std::to_string(o.id), details));
    return PlacedOrder{std::move(o), std::move(checked.view)};
}

bool Open(const OrderRecord& o) {
    return o.status == "approved" || o.status == "credit_hold" || o.status == "released";
}

}  // namespace

Result<PlacedOrder> PlaceOrder(Tx& tx, const Context& ctx, const Actor& actor, const OrderInput& input) {
    return Enter(tx, ctx, actor, input, std::nullopt);
}

Result<PlacedOrder> CopyOrder(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id) {
    CREDO_CHECK(MayEnterOrders(actor));
    CREDO_TRY(auto source, FindOrderFor(tx, actor, id, true));
    OrderInput input;
    input.customer = source.customer;
    input.currency = source.currency;
    CREDO_TRY(auto currency, Currency::FromCode(source.currency));
    for (const auto& l : source.lines)
        input.lines.push_back({l.product, l.model, domain::FormatQuantity(l.quantity_milli),
                               Money(l.unit_price_minor, currency).ToString()});
    return Enter(tx, ctx, actor, input, id);
}

Result<PlacedOrder> AmendOrder(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                               std::int64_t expected_version, OrderInput input) {
    CREDO_CHECK(MayEnterOrders(actor));
    CREDO_TRY(auto order, FindOrderFor(tx, actor, id, true));
    if (!Open(order)) return MakeError(Errc::kConflict, "order " + order.number + " is " + order.status);
    if (order.version != expected_version)
        return MakeError(Errc::kConflict,
                         "order " + order.number + " has changed since version " + std::to_string(expected_version));
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, order.customer));
    input.customer = order.customer;
    if (input.currency.empty()) input.currency = order.currency;
    if (!input.order_date) input.order_date = order.order_date;
    CREDO_TRY(auto parsed, Parse(input, account, order.order_date));
    CREDO_TRY(auto checked, Check(tx, ctx, account, parsed, order.reserved_minor));
    const std::int64_t needed = checked.check.credit_part.minor();
    const OrderRecord before = order;
    std::optional<CreditCheckView> view;
    if (needed > order.reserved_minor || order.status == "credit_hold") {
        // LC-6: more credit, or a held order, goes through the check again.
        order.status = checked.view.outcome;
        order.reasons = checked.view.reasons;
        order.reserved_minor = checked.check.Approved() ? needed : 0;
        if (order.status != "released") {
            order.released_by.reset();
            order.released_at.reset();
            order.release_reason.reset();
        }
        view = checked.view;
    } else {
        order.reserved_minor = needed;  // less credit: the state stands, the difference is freed
    }
    order.order_date = parsed.date;
    order.currency = std::string(parsed.currency.code());
    order.amount_minor = parsed.amount;
    order.prepayment_minor = parsed.prepayment;
    order.rate_e8 = checked.rate_e8;
    order.lines = std::move(parsed.lines);
    CREDO_CHECK(tx.Ledger().UpdateOrder(order, expected_version));
    ++order.version;
    CREDO_CHECK(MoveExposure(tx, ctx, account, 0, order.reserved_minor - before.reserved_minor));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kOrderAmend, "order", std::to_string(order.id),
                            {{"number", order.number},
                             {"amount_before", Money(before.amount_minor, parsed.currency).ToString()},
                             {"amount", Money(order.amount_minor, parsed.currency).ToString()},
                             {"status_before", before.status},
                             {"status", order.status},
                             {"reasons", ReasonsJson(order.reasons)}}));
    return PlacedOrder{std::move(order), std::move(view)};
}

Result<OrderRecord> ReleaseOrder(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                 const std::string& reason) {
    CREDO_TRY(auto order, FindOrderFor(tx, actor, id, false));
    if (!actor.Has(Role::kFinance) && !actor.Has(Role::kExecutive))
        return MakeError(Errc::kForbidden, "only finance or an executive may release an order on credit hold");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return FieldError("reason", "a release needs a written reason");
    if (reason.size() > 2000) return FieldError("reason", "is at most 2000 bytes");
    if (order.status != "credit_hold")
        return MakeError(Errc::kConflict, "order " + order.number + " is " + order.status + ", not on credit hold");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, order.customer));
    CREDO_TRY(auto from, Currency::FromCode(order.currency));
    CREDO_TRY(auto into, Currency::FromCode(account.currency));
    const std::int64_t credit_part = std::max<std::int64_t>(0, order.amount_minor - order.prepayment_minor);
    CREDO_TRY(auto reserved, Convert(Money(credit_part, from), order.rate_e8, into));
    const std::int64_t version = order.version;
    order.status = "released";
    order.reserved_minor = reserved.minor();
    order.released_by = ActorIdOf(actor);
    order.released_at = ctx.clock.Now();
    order.release_reason = reason;
    CREDO_CHECK(tx.Ledger().UpdateOrder(order, version));
    ++order.version;
    CREDO_CHECK(MoveExposure(tx, ctx, account, 0, order.reserved_minor));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kOrderRelease, "order", std::to_string(order.id),
                            {{"number", order.number}, {"reasons", ReasonsJson(order.reasons)}, {"reason", reason}}));
    return order;
}

Result<OrderRecord> CancelOrder(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                const std::string& reason) {
    CREDO_CHECK(MayEnterOrders(actor));
    CREDO_TRY(auto order, FindOrderFor(tx, actor, id, true));
    if (!Open(order)) return MakeError(Errc::kConflict, "order " + order.number + " is " + order.status);
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return FieldError("reason", "is required");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, order.customer));
    const std::int64_t freed = order.reserved_minor;
    const std::int64_t version = order.version;
    order.status = "cancelled";
    order.reserved_minor = 0;
    CREDO_CHECK(tx.Ledger().UpdateOrder(order, version));
    ++order.version;
    CREDO_CHECK(MoveExposure(tx, ctx, account, 0, -freed));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kOrderCancel, "order", std::to_string(order.id),
                            {{"number", order.number}, {"reason", reason}}));
    return order;
}

Result<OrderRecord> GetOrder(Tx& tx, const Actor& actor, std::int64_t id) { return FindOrderFor(tx, actor, id, false); }

Result<OrderPage> ListOrders(Tx& tx, const Actor& actor, OrderQuery query) {
    if (query.limit < 1 || query.limit > 200) return FieldError("page_size", "must be from 1 to 200");
    if (query.offset < 0) return FieldError("page", "must be from 1");
    query.scope = domain::ReadScope(actor);
    if (query.scope.Empty()) return OrderPage{};
    return tx.Ledger().ListOrders(query);
}

}  // namespace credo::app
