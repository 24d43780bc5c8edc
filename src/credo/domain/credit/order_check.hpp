// The order-time credit check (SPEC LC-3, with LC-2 exposure and LC-7 temporary exceptions): the one
// function every path that creates or raises an order calls (LC-6). Pure: it decides, the caller reserves
// the credit in the same transaction (LC-4).
//
// All amounts are in the limit's currency (the caller converts). The order's credit part is
// max(0, order − declared prepayment); a fully prepaid order needs no credit. The reasons, all that apply:
//   customer_on_hold      the account is on hold                                     (any order)
//   phase_out             the grade's policy phases the customer out: held for review (any order)
//   prepayment_required   the grade's policy requires prepayment (or allows no credit sales) and the
//                         order is not fully prepaid
//   over_limit            exposure + credit part > limit + active exceptions (equal passes); no limit
//                         counts as zero
//   limit_expired         no limit in force on the date: none, before valid_from or after valid_until
//                         (the limit holds through valid_until)
//   report_stale          a report validity is set and the report is missing or older than it
//                         (valid through report_date + validity days)
//   overdue_items         an open item is more days past due than the tolerance (default 0)
// The last four guard credit: they apply only to an order with a credit part. Any reason: credit_hold.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/money.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/credit/policy.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

// LC-7: an approved extra amount, active from start through end (both inclusive).
struct TemporaryCreditException {
    Money amount;  // >= 0
    Date start{};
    Date end{};
    bool ActiveOn(Date date) const { return start <= date && date <= end; }
};

struct CreditAccountState {
    std::optional<Money> limit;  // none: the customer has no credit limit
    Date limit_valid_from{};     // required with a limit
    Date limit_valid_until{};    // required with a limit; the limit holds through this date
    std::vector<TemporaryCreditException> exceptions;
    Money exposure;  // LC-2, in the limit's currency; may be negative (a credit balance)
    bool on_hold = false;
    CreditGrade grade = CreditGrade::kIV;  // for the record: the policy below decides
    GradePolicy policy;                    // the grade's policy in force (CreditPolicies::For(grade))
    int open_days_past_due = 0;            // the most days any open item is past due on the date (0: none overdue)
    int overdue_tolerance_days = 0;
    std::optional<Date> credit_report_date;
    std::optional<int> report_validity_days;  // none: reports are not checked
};

struct OrderRequest {
    Money amount;      // > 0, converted into the limit's currency
    Money prepayment;  // >= 0, declared; above the amount it covers the amount, no more
};

enum class OrderCheckOutcome { kApproved, kCreditHold };
inline constexpr auto kOrderCheckOutcomeNames = MakeEnumNames<OrderCheckOutcome>(
    std::pair{OrderCheckOutcome::kApproved, "approved"}, std::pair{OrderCheckOutcome::kCreditHold, "credit_hold"});

enum class HoldReason {
    kOverLimit,
    kPrepaymentRequired,
    kOverdueItems,
    kLimitExpired,
    kReportStale,
    kCustomerOnHold,
    kPhaseOut,
};
inline constexpr auto kHoldReasonNames = MakeEnumNames<HoldReason>(
    std::pair{HoldReason::kOverLimit, "over_limit"}, std::pair{HoldReason::kPrepaymentRequired, "prepayment_required"},
    std::pair{HoldReason::kOverdueItems, "overdue_items"}, std::pair{HoldReason::kLimitExpired, "limit_expired"},
    std::pair{HoldReason::kReportStale, "report_stale"}, std::pair{HoldReason::kCustomerOnHold, "customer_on_hold"},
    std::pair{HoldReason::kPhaseOut, "phase_out"});

struct OrderCheck {
    OrderCheckOutcome outcome = OrderCheckOutcome::kCreditHold;
    std::vector<HoldReason> reasons;    // in the order of HoldReason; empty when approved
    Money credit_part;                  // max(0, amount − prepayment)
    Money effective_limit;              // limit (zero without one) + the exceptions active on the date
    Money available;                    // effective_limit − exposure (negative when already over)
    std::optional<Money> new_exposure;  // when approved: exposure + credit_part, to reserve

    bool Approved() const { return outcome == OrderCheckOutcome::kApproved; }
};

// Checks the order on `date` by the rules above. Errors, kInvalidArgument naming the field: "order.amount"
// (not positive), "order.prepayment" (negative), "limit" (negative), "limit_valid_from" (missing),
// "limit_valid_until" (missing or before limit_valid_from), "exceptions[i].amount" (negative),
// "exceptions[i].start" / ".end" (missing, end before start), "overdue_tolerance_days" and
// "report_validity_days" (negative), "date" (missing). An amount in another currency than the limit's (the
// exposure's without a limit) names its own field; sums beyond int64 name "order.amount".
Result<OrderCheck> CheckOrder(const CreditAccountState& account, const OrderRequest& order, Date date);

}  // namespace credo::domain
