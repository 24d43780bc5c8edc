#include "credo/domain/credit/order_check.hpp"

#include <algorithm>
#include <string>

namespace credo::domain {
namespace {

Status SameCurrency(const Money& m, Currency currency, const std::string& field) {
    if (m.currency() == currency) return Ok();
    return FieldError(field,
                      "is in " + std::string(m.currency().code()) + ", expected " + std::string(currency.code()));
}

Status Validate(const CreditAccountState& a, const OrderRequest& order, Currency currency) {
    if (a.limit) {
        CREDO_CHECK(SameCurrency(*a.limit, currency, "limit"));
        if (a.limit->negative()) return FieldError("limit", "must not be negative");
        if (!a.limit_valid_from.ok()) return FieldError("limit_valid_from", "is required with a limit");
        if (!a.limit_valid_until.ok()) return FieldError("limit_valid_until", "is required with a limit");
        if (a.limit_valid_until < a.limit_valid_from)
            return FieldError("limit_valid_until", FormatDate(a.limit_valid_until) + " is before limit_valid_from " +
                                                       FormatDate(a.limit_valid_from));
    }
    CREDO_CHECK(SameCurrency(a.exposure, currency, "exposure"));
    for (std::size_t i = 0; i < a.exceptions.size(); ++i) {
        const TemporaryCreditException& e = a.exceptions[i];
        const std::string field = "exceptions[" + std::to_string(i) + "]";
        CREDO_CHECK(SameCurrency(e.amount, currency, field + ".amount"));
        if (e.amount.negative()) return FieldError(field + ".amount", "must not be negative");
        if (!e.start.ok()) return FieldError(field + ".start", "is required");
        if (!e.end.ok() || e.end < e.start) return FieldError(field + ".end", "must be a date not before start");
    }
    if (a.overdue_tolerance_days < 0) return FieldError("overdue_tolerance_days", "must not be negative");
    if (a.report_validity_days && *a.report_validity_days < 0)
        return FieldError("report_validity_days", "must not be negative");
    CREDO_CHECK(SameCurrency(order.amount, currency, "order.amount"));
    if (order.amount.minor() <= 0) return FieldError("order.amount", "must be positive");
    CREDO_CHECK(SameCurrency(order.prepayment, currency, "order.prepayment"));
    if (order.prepayment.negative()) return FieldError("order.prepayment", "must not be negative");
    return Ok();
}

Error Overflow() { return FieldError("order.amount", "the amounts add up beyond the range of an amount"); }

}  // namespace

Result<OrderCheck> CheckOrder(const CreditAccountState& account, const OrderRequest& order, Date date) {
    const Currency currency = account.limit ? account.limit->currency() : account.exposure.currency();
    CREDO_CHECK(Validate(account, order, currency));
    if (!date.ok()) return FieldError("date", "is required");

    const std::int64_t credit_part = std::max<std::int64_t>(0, order.amount.minor() - order.prepayment.minor());
    std::int64_t effective_limit = account.limit ? account.limit->minor() : 0;
    for (const TemporaryCreditException& e : account.exceptions)
        if (e.ActiveOn(date) && __builtin_add_overflow(effective_limit, e.amount.minor(), &effective_limit))
            return Overflow();
    std::int64_t new_exposure = 0;
    std::int64_t available = 0;
    if (__builtin_add_overflow(account.exposure.minor(), credit_part, &new_exposure) ||
        __builtin_sub_overflow(effective_limit, account.exposure.minor(), &available))
        return Overflow();

    const bool needs_credit = credit_part > 0;
    const bool limit_in_force = account.limit && account.limit_valid_from <= date && date <= account.limit_valid_until;
    const bool report_stale =
        account.report_validity_days &&
        (!account.credit_report_date || DaysBetween(*account.credit_report_date, date) > *account.report_validity_days);

    OrderCheck check{OrderCheckOutcome::kApproved, {},
                     Money(credit_part, currency), Money(effective_limit, currency),
                     Money(available, currency),   std::nullopt};
    if (needs_credit && new_exposure > effective_limit) check.reasons.push_back(HoldReason::kOverLimit);
    if (needs_credit &&
        (account.policy.prepayment != PrepaymentRequirement::kNone || !account.policy.credit_sales_allowed))
        check.reasons.push_back(HoldReason::kPrepaymentRequired);
    if (needs_credit && account.open_days_past_due > account.overdue_tolerance_days)
        check.reasons.push_back(HoldReason::kOverdueItems);
    if (needs_credit && !limit_in_force) check.reasons.push_back(HoldReason::kLimitExpired);
    if (needs_credit && report_stale) check.reasons.push_back(HoldReason::kReportStale);
    if (account.on_hold) check.reasons.push_back(HoldReason::kCustomerOnHold);
    if (account.policy.phase_out) check.reasons.push_back(HoldReason::kPhaseOut);

    if (check.reasons.empty())
        check.new_exposure = Money(new_exposure, currency);
    else
        check.outcome = OrderCheckOutcome::kCreditHold;
    return check;
}

}  // namespace credo::domain
