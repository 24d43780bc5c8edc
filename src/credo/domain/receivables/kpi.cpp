#include "credo/domain/receivables/kpi.hpp"

#include <algorithm>

#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {
namespace {

bool AddTo(std::int64_t& acc, std::int64_t v) { return !__builtin_add_overflow(acc, v, &acc); }

Status Overflow() { return FieldError("amount", "the monthly totals leave the range of amounts"); }

std::optional<std::int64_t> Ratio(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return BasisPointsFloor(std::max<std::int64_t>(part, 0), whole);
}

}  // namespace

Result<std::vector<Month>> MonthRange(Month from, Month to) {
    if (from > to) return FieldError("from", "is after to");
    std::vector<Month> out;
    for (Month m = from; m <= to; m += std::chrono::months(1)) {
        if (static_cast<int>(out.size()) == kMaxKpiMonths)
            return FieldError("to", "the range holds more than " + std::to_string(kMaxKpiMonths) + " months");
        out.push_back(m);
    }
    return out;
}

Date FirstDay(Month m) { return m / std::chrono::day(1); }
Date LastDay(Month m) { return Date(m / std::chrono::last); }
int DaysIn(Month m) { return static_cast<int>(static_cast<unsigned>(LastDay(m).day())); }

std::vector<KpiPeriod> PeriodsOf(std::span<const Month> months, Date as_of) {
    std::vector<KpiPeriod> out;
    for (Month m : months) out.push_back({m, FirstDay(m), std::min(LastDay(m), as_of)});
    return out;
}

Status MonthTotals::Add(const MonthTotals& o) {
    if (!AddTo(invoiced, o.invoiced) || !AddTo(open, o.open) || !AddTo(overdue, o.overdue) || !AddTo(due, o.due) ||
        !AddTo(collected, o.collected) || !AddTo(ordered, o.ordered) || !AddTo(fulfilled, o.fulfilled) ||
        !AddTo(written_off, o.written_off))
        return Overflow();
    return Ok();
}

Status FoldInvoice(const KpiInvoice& inv, std::span<const KpiPeriod> periods, std::span<MonthTotals> totals) {
    for (std::size_t i = 0; i < periods.size(); ++i) {
        if (periods[i].Empty()) continue;
        const Date first = periods[i].first;
        const Date last = periods[i].last;
        MonthTotals& t = totals[i];
        for (const auto& s : inv.settlements)
            if (s.kind == SettlementKind::kWriteOff && s.day >= first && s.day <= last &&
                !AddTo(t.written_off, s.amount_minor))
                return Overflow();
        if (inv.issue_date > last) continue;
        if (inv.issue_date >= first && !AddTo(t.invoiced, inv.amount_minor)) return Overflow();
        std::int64_t open_end = inv.amount_minor, open_start = inv.amount_minor, credited = 0, paid = 0;
        for (const auto& s : inv.settlements) {
            if (s.day <= last) open_end -= s.amount_minor;
            if (s.day < first && inv.issue_date < first) open_start -= s.amount_minor;
            if (s.day >= first && s.day <= last) {
                if (s.kind == SettlementKind::kCreditNote) credited += s.amount_minor;
                if (s.kind == SettlementKind::kPayment) paid += s.amount_minor;
            }
        }
        if (open_end > 0) {
            if (!AddTo(t.open, open_end)) return Overflow();
            if (inv.due_date < last && !AddTo(t.overdue, open_end)) return Overflow();
        }
        if (inv.due_date <= last && open_start > 0) {
            if (!AddTo(t.due, std::max<std::int64_t>(open_start - credited, 0)) || !AddTo(t.collected, paid))
                return Overflow();
        }
    }
    return Ok();
}

Status FoldOrder(Date order_date, std::int64_t amount_minor, std::optional<Date> invoiced,
                 std::span<const KpiPeriod> periods, std::span<MonthTotals> totals) {
    const Month month{order_date.year(), order_date.month()};
    const auto it = std::lower_bound(periods.begin(), periods.end(), month,
                                     [](const KpiPeriod& p, Month m) { return p.month < m; });
    if (it == periods.end() || it->month != month || order_date > it->last) return Ok();
    MonthTotals& t = totals[static_cast<std::size_t>(it - periods.begin())];
    if (!AddTo(t.ordered, amount_minor)) return Overflow();
    if (invoiced && *invoiced <= it->last && !AddTo(t.fulfilled, amount_minor)) return Overflow();
    return Ok();
}

MonthKpis KpisOf(const KpiPeriod& period, const MonthTotals& t) {
    MonthKpis k;
    k.month = period.month;
    if (t.invoiced > 0) k.dso_days = MulDivRoundHalfUp(std::max<std::int64_t>(t.open, 0), period.Days(), t.invoiced);
    k.collection_rate_bp = Ratio(t.collected, t.due);
    k.fulfilment_rate_bp = Ratio(t.fulfilled, t.ordered);
    k.overdue_ratio_bp = Ratio(t.overdue, t.open);
    k.bad_debt_ratio_bp = Ratio(t.written_off, t.invoiced);
    return k;
}

}  // namespace credo::domain
