// Payment behaviour over a window (SPEC CE-2), the evidence behind the grade (CE-3) and the score (CE-5).
//
// The input is a customer's receivable items (invoices, with due date and amount, all in one currency:
// the caller converts) and what was applied to each: payments, credit notes and write-offs, dated.
// Everything is measured as of the end of a date; anything dated after it is ignored.
//
// The window is (as_of − window_months, as_of]. Its items are those falling due in it, and those that fell
// due earlier and were still open at its start ("carried over"). For each item:
//   due        its amount less its credit notes (carried over: what was open at the window's start, less
//              later credit notes);
//   collected  its payments up to as_of (carried over: payments inside the window);
//   on time    settled in full by payments and credit notes on or before its due date (never true of a
//              carried-over item; an item due on as_of and still open is late);
//   days past due  from the due date to the date it was settled in full (payments, credit notes and
//              write-offs), or to as_of while it is open; 0 when settled by the due date.
// A write-off closes an item without collecting it: it stays in `due` and not in `collected`.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/money.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class SettlementKind {
    kPayment,     // money received
    kCreditNote,  // the amount was not owed after all
    kWriteOff,    // given up as a bad debt (AR-1)
};
inline constexpr auto kSettlementKindNames = MakeEnumNames<SettlementKind>(
    std::pair{SettlementKind::kPayment, "payment"}, std::pair{SettlementKind::kCreditNote, "credit_note"},
    std::pair{SettlementKind::kWriteOff, "write_off"});

struct Settlement {
    Date date{};
    Money amount;  // > 0, the item's currency
    SettlementKind kind = SettlementKind::kPayment;
};

struct ReceivableItem {
    Date issue_date{};
    Date due_date{};                      // not before issue_date
    Money amount;                         // > 0
    std::vector<Settlement> settlements;  // any order; together at most `amount`
};

inline constexpr int kDefaultBehaviourWindowMonths = 12;
inline constexpr int kMaxBehaviourWindowMonths = 120;
inline constexpr int kSeriouslyPastDueDays = 90;  // CE-3: more than this many days makes grade IV

// One calendar month of the window (the first and last months may be partial: only their days inside the
// window count).
struct MonthlyCollection {
    std::chrono::year_month month;
    bool amounts_past_due = false;  // on some day of it, some amount was past its due date and unsettled
    Money collected;                // payments dated in it, on any item (also items not yet due)
    bool WithoutCollection() const { return amounts_past_due && collected.minor() == 0; }
};

struct PaymentBehaviour {
    explicit PaymentBehaviour(Currency currency);

    Date as_of{};
    Date window_first{};  // the first day of the window
    int window_months = kDefaultBehaviourWindowMonths;

    int items = 0;               // the window's items, carried over ones included
    int carried_over_items = 0;  // of which fell due before the window
    int late_items = 0;          // of which were not paid on time
    Money amount_due;
    Money amount_collected;
    Money amount_on_time;  // the `due` of the items paid on time

    // Basis points, rounded down; 10000 when nothing is due.
    std::int64_t collected_bp = 0;  // amount_collected ÷ amount_due
    std::int64_t on_time_bp = 0;    // amount_on_time ÷ amount_due: a share of amounts, not of invoices

    int max_days_past_due = 0;
    int average_days_past_due = 0;       // weighted by each item's `due`, rounded half up
    bool over_90_days_past_due = false;  // max_days_past_due > kSeriouslyPastDueDays (CE-3 "was or is")

    std::vector<MonthlyCollection> months;   // oldest first
    int months_without_collection = 0;       // months whose WithoutCollection() holds
    int longest_run_without_collection = 0;  // most such months in a row

    // As of as_of, over all items: the open amounts past their due date, and the oldest's days past due.
    Money open_past_due;
    int open_days_past_due = 0;

    bool has_history = false;  // any item due on or before as_of, inside the window or not

    // Whether the window holds any evidence; without it the grade comes from the evaluation (CE-3).
    bool HasWindowHistory() const { return items > 0; }
    // CE-3 grade I: everything due in the window was paid in full by its due date.
    bool AllPaidOnTime() const { return items > 0 && late_items == 0; }
};

// Measures the items as of `as_of` over `window_months` (1..kMaxBehaviourWindowMonths). Errors,
// kInvalidArgument naming the field: "as_of", "window_months"; "items[i].issue_date", "items[i].due_date",
// "items[i].amount" (not positive, or not in `currency`); "items[i].settlements[j].date" / ".amount";
// "items[i].settlements" when they add up to more than the item; "items" when totals leave int64.
Result<PaymentBehaviour> MeasureBehaviour(std::span<const ReceivableItem> items, Currency currency, Date as_of,
                                          int window_months = kDefaultBehaviourWindowMonths);

}  // namespace credo::domain
