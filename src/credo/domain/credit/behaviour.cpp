#include "credo/domain/credit/behaviour.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {
namespace {

__extension__ typedef unsigned __int128 UInt128;  // for sums of amount * days

std::string ItemField(std::size_t i, std::string_view rest) {
    return "items[" + std::to_string(i) + "]" + std::string(rest);
}

// Adds v to acc; false when the sum leaves int64.
bool AddTo(std::int64_t& acc, std::int64_t v) { return !__builtin_add_overflow(acc, v, &acc); }

Error TooLarge() { return FieldError("items", "the amounts add up beyond the range of an amount"); }

Status ValidateItem(const ReceivableItem& item, std::size_t i, Currency currency) {
    if (!item.issue_date.ok()) return FieldError(ItemField(i, ".issue_date"), "is required");
    if (!item.due_date.ok()) return FieldError(ItemField(i, ".due_date"), "is required");
    if (item.due_date < item.issue_date)
        return FieldError(ItemField(i, ".due_date"),
                          FormatDate(item.due_date) + " is before the issue date " + FormatDate(item.issue_date));
    if (!(item.amount.currency() == currency))
        return FieldError(ItemField(i, ".amount"), "is in " + std::string(item.amount.currency().code()) +
                                                       ", expected " + std::string(currency.code()));
    if (item.amount.minor() <= 0) return FieldError(ItemField(i, ".amount"), "must be positive");
    std::int64_t total = 0;
    for (std::size_t j = 0; j < item.settlements.size(); ++j) {
        const Settlement& s = item.settlements[j];
        const std::string field = ItemField(i, ".settlements[" + std::to_string(j) + "]");
        if (!s.date.ok()) return FieldError(field + ".date", "is required");
        if (!(s.amount.currency() == currency))
            return FieldError(field + ".amount", "is in " + std::string(s.amount.currency().code()) + ", expected " +
                                                     std::string(currency.code()));
        if (s.amount.minor() <= 0) return FieldError(field + ".amount", "must be positive");
        if (!AddTo(total, s.amount.minor()) || total > item.amount.minor())
            return FieldError(ItemField(i, ".settlements"),
                              "add up to more than the item's amount " + item.amount.ToString());
    }
    return Ok();
}

// One item as of as_of: its settlements up to as_of, oldest first, and when it was settled in full.
struct ItemView {
    const ReceivableItem* item;
    std::vector<Settlement> settlements;
    std::optional<Date> settled;

    ItemView(const ReceivableItem& it, Date as_of) : item(&it) {
        for (const Settlement& s : it.settlements)
            if (s.date <= as_of) settlements.push_back(s);
        std::stable_sort(settlements.begin(), settlements.end(),
                         [](const Settlement& a, const Settlement& b) { return a.date < b.date; });
        std::int64_t total = 0;
        for (const Settlement& s : settlements) {
            total += s.amount.minor();
            if (total >= it.amount.minor()) {
                settled = s.date;
                break;
            }
        }
    }
    // Sum of the settlements in (after, upto] of the given kinds.
    std::int64_t Sum(std::optional<Date> after, Date upto, bool payments, bool credits, bool write_offs) const {
        std::int64_t total = 0;
        for (const Settlement& s : settlements) {
            if ((after && s.date <= *after) || s.date > upto) continue;
            const bool take = (s.kind == SettlementKind::kPayment && payments) ||
                              (s.kind == SettlementKind::kCreditNote && credits) ||
                              (s.kind == SettlementKind::kWriteOff && write_offs);
            if (take) total += s.amount.minor();  // bounded by the item's amount (validated)
        }
        return total;
    }
    bool SettledBy(Date d) const { return settled && *settled <= d; }
};

Date FirstOfMonth(std::chrono::year_month ym) { return ym / std::chrono::day(1); }
Date LastOfMonth(std::chrono::year_month ym) { return ym / std::chrono::last; }

}  // namespace

PaymentBehaviour::PaymentBehaviour(Currency currency)
    : amount_due(Money::Zero(currency)),
      amount_collected(Money::Zero(currency)),
      amount_on_time(Money::Zero(currency)),
      open_past_due(Money::Zero(currency)) {}

Result<PaymentBehaviour> MeasureBehaviour(std::span<const ReceivableItem> items, Currency currency, Date as_of,
                                          int window_months) {
    if (!as_of.ok()) return FieldError("as_of", "is required");
    if (window_months < 1 || window_months > kMaxBehaviourWindowMonths)
        return FieldError("window_months", std::to_string(window_months) + " is not a whole number from 1 to " +
                                               std::to_string(kMaxBehaviourWindowMonths));
    for (std::size_t i = 0; i < items.size(); ++i) CREDO_CHECK(ValidateItem(items[i], i, currency));

    const Date before_window = AddMonths(as_of, -window_months);  // the day before the window
    PaymentBehaviour b(currency);
    b.as_of = as_of;
    b.window_first = AddDays(before_window, 1);
    b.window_months = window_months;

    std::vector<ItemView> views;
    views.reserve(items.size());
    for (const ReceivableItem& item : items) views.emplace_back(item, as_of);

    std::int64_t due = 0, collected = 0, on_time = 0, open_past_due = 0;
    UInt128 weighted_days = 0;  // sum of due * days past due
    for (const ItemView& v : views) {
        const ReceivableItem& item = *v.item;
        if (item.due_date <= as_of) b.has_history = true;
        if (item.due_date < as_of && !v.settled) {
            if (!AddTo(open_past_due, item.amount.minor() - v.Sum(std::nullopt, as_of, true, true, true)))
                return TooLarge();
            b.open_days_past_due = std::max(b.open_days_past_due, DaysBetween(item.due_date, as_of));
        }
        if (item.due_date > as_of) continue;
        const bool carried = item.due_date <= before_window;
        if (carried && v.SettledBy(before_window)) continue;  // settled before the window: outside it

        std::int64_t item_due = 0, item_collected = 0;
        if (carried) {
            const std::int64_t open_at_start =
                item.amount.minor() - v.Sum(std::nullopt, before_window, true, true, true);
            item_due = open_at_start - v.Sum(before_window, as_of, false, true, false);
            item_collected = v.Sum(before_window, as_of, true, false, false);
        } else {
            item_due = item.amount.minor() - v.Sum(std::nullopt, as_of, false, true, false);
            item_collected = v.Sum(std::nullopt, as_of, true, false, false);
        }
        const bool paid_on_time =
            !carried && v.Sum(std::nullopt, item.due_date, true, true, false) >= item.amount.minor();
        const int days_past_due =
            paid_on_time ? 0 : std::max(0, DaysBetween(item.due_date, v.settled ? *v.settled : as_of));

        ++b.items;
        if (carried) ++b.carried_over_items;
        if (!paid_on_time) ++b.late_items;
        if (!AddTo(due, item_due) || !AddTo(collected, item_collected)) return TooLarge();
        if (paid_on_time && !AddTo(on_time, item_due)) return TooLarge();
        weighted_days += static_cast<UInt128>(item_due) * static_cast<unsigned>(days_past_due);
        b.max_days_past_due = std::max(b.max_days_past_due, days_past_due);
    }
    b.amount_due = Money(due, currency);
    b.amount_collected = Money(collected, currency);
    b.amount_on_time = Money(on_time, currency);
    b.open_past_due = Money(open_past_due, currency);
    b.collected_bp = due > 0 ? BasisPointsFloor(collected, due) : kFullBasisPoints;
    b.on_time_bp = due > 0 ? BasisPointsFloor(on_time, due) : kFullBasisPoints;
    if (due > 0)
        b.average_days_past_due =
            static_cast<int>((weighted_days * 2 + static_cast<UInt128>(due)) / (static_cast<UInt128>(due) * 2));
    b.over_90_days_past_due = b.max_days_past_due > kSeriouslyPastDueDays;

    // Calendar months of the window, each limited to its days inside the window.
    int run = 0;
    const std::chrono::year_month last_month(as_of.year(), as_of.month());
    for (std::chrono::year_month ym(b.window_first.year(), b.window_first.month()); ym <= last_month;
         ym += std::chrono::months(1)) {
        const Date first = std::max(FirstOfMonth(ym), b.window_first);
        const Date last = std::min(LastOfMonth(ym), as_of);
        std::int64_t month_collected = 0;
        bool past_due = false;
        for (const ItemView& v : views) {
            const std::optional<Date> day_before(AddDays(first, -1));
            if (!AddTo(month_collected, v.Sum(day_before, last, true, false, false))) return TooLarge();
            // The first day of the month on which the item is past due: unsettled then means past due then.
            const Date first_past_due = std::max(first, AddDays(v.item->due_date, 1));
            if (first_past_due <= last && !v.SettledBy(first_past_due)) past_due = true;
        }
        MonthlyCollection m{ym, past_due, Money(month_collected, currency)};
        if (m.WithoutCollection()) {
            ++b.months_without_collection;
            b.longest_run_without_collection = std::max(b.longest_run_without_collection, ++run);
        } else {
            run = 0;
        }
        b.months.push_back(m);
    }
    return b;
}

}  // namespace credo::domain
