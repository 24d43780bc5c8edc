// Receivables KPIs by month (SPEC AR-3).
//
// Each month is measured as it stood at the end of its last day, so a month's figures never change once
// it is over (unless entries are back-dated into it); the current month as it stands at the end of as_of
// (its days so far), and a month after as_of not at all. "The month's end" below is that day. The sums,
// in one currency (the caller converts each
// currency's sums into the base currency and adds them up):
//   invoiced     the invoices issued in the month
//   open         what was open at the month's end (the aging total as of its last day)
//   overdue      of `open`, what was past due then (due before the last day)
//   due          what the month had to collect: every invoice due on or before its last day, for what was
//                open at the month's start (its whole amount when issued in the month), less the credit
//                notes allocated to it in the month (a credit note is not a debt)
//   collected    the payments allocated in the month to those invoices (early payments of invoices due
//                later are not counted: they were not due)
//   ordered      the orders placed in the month, whatever became of them (held, cancelled, invoiced)
//   fulfilled    of those, the ones invoiced by the month's end
//   written_off  the write-offs dated in the month (bad debt given up through approval, AR-1)
// And the KPIs:
//   DSO (days)          open ÷ invoiced × the month's days (so far), rounded half up; none when nothing was
//                       invoiced
//   collection rate     collected ÷ due (货款回收率)
//   fulfilment rate     fulfilled ÷ ordered (合同履约率: the share of what customers ordered that was
//                       delivered and invoiced within the month)
//   overdue ratio       overdue ÷ open
//   bad-debt ratio      written_off ÷ invoiced
// The ratios are basis points rounded down (10000 = 100 %), none when the denominator is zero. A write-off
// reduces what is open like a credit note, but stays in `due` and not in `collected`.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/credit/behaviour.hpp"

namespace credo::domain {

using Month = std::chrono::year_month;

inline constexpr int kMaxKpiMonths = 60;

// from..to inclusive, oldest first. kInvalidArgument naming "from" when from is after to, naming "to"
// when the range holds more than kMaxKpiMonths months.
Result<std::vector<Month>> MonthRange(Month from, Month to);
Date FirstDay(Month m);
Date LastDay(Month m);
int DaysIn(Month m);

// A month as measured: from its first day to its last, or to as_of when that comes first. A month after
// as_of is empty (last before first) and gathers nothing.
struct KpiPeriod {
    Month month{};
    Date first{};
    Date last{};
    bool Empty() const { return last < first; }
    int Days() const { return Empty() ? 0 : DaysBetween(first, last) + 1; }
};
std::vector<KpiPeriod> PeriodsOf(std::span<const Month> months, Date as_of);

struct MonthTotals {
    std::int64_t invoiced = 0;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
    std::int64_t due = 0;
    std::int64_t collected = 0;
    std::int64_t ordered = 0;
    std::int64_t fulfilled = 0;
    std::int64_t written_off = 0;

    // Adds every field; kInvalidArgument ("amount") when one would leave int64.
    Status Add(const MonthTotals& other);
    bool operator==(const MonthTotals&) const = default;
};

struct KpiSettlement {
    Date day{};
    std::int64_t amount_minor = 0;  // > 0
    SettlementKind kind = SettlementKind::kPayment;
};

struct KpiInvoice {
    Date issue_date{};
    Date due_date{};
    std::int64_t amount_minor = 0;  // > 0
    std::span<const KpiSettlement> settlements;
};

// Adds one invoice to each period's totals (totals[i] belongs to periods[i]). kInvalidArgument ("amount")
// when a sum leaves int64. REQUIRES: periods.size() == totals.size(), periods in month order.
Status FoldInvoice(const KpiInvoice& invoice, std::span<const KpiPeriod> periods, std::span<MonthTotals> totals);
// Adds one order: placed on `order_date` for `amount_minor`, invoiced on `invoiced` (none: not invoiced).
Status FoldOrder(Date order_date, std::int64_t amount_minor, std::optional<Date> invoiced,
                 std::span<const KpiPeriod> periods, std::span<MonthTotals> totals);

struct MonthKpis {
    Month month{};
    std::optional<std::int64_t> dso_days;
    std::optional<std::int64_t> collection_rate_bp;
    std::optional<std::int64_t> fulfilment_rate_bp;
    std::optional<std::int64_t> overdue_ratio_bp;
    std::optional<std::int64_t> bad_debt_ratio_bp;
};

// The KPIs of one month from its totals (in one currency: the base currency).
MonthKpis KpisOf(const KpiPeriod& period, const MonthTotals& totals);

}  // namespace credo::domain
