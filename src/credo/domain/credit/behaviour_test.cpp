#include "credo/domain/credit/behaviour.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace credo::domain {
namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }
Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Yuan(std::int64_t minor) { return Money(minor, Cny()); }

Settlement Pay(const char* date, std::int64_t minor) { return {Day(date), Yuan(minor), SettlementKind::kPayment}; }
Settlement Credit(const char* date, std::int64_t minor) {
    return {Day(date), Yuan(minor), SettlementKind::kCreditNote};
}
Settlement WriteOff(const char* date, std::int64_t minor) {
    return {Day(date), Yuan(minor), SettlementKind::kWriteOff};
}

ReceivableItem Invoice(const char* due, std::int64_t minor, std::vector<Settlement> settlements = {}) {
    const Date d = Day(due);
    return {AddDays(d, -30), d, Yuan(minor), std::move(settlements)};
}

PaymentBehaviour Measure(const std::vector<ReceivableItem>& items, const char* as_of, int window = 12) {
    Result<PaymentBehaviour> b = MeasureBehaviour(items, Cny(), Day(as_of), window);
    EXPECT_TRUE(b.has_value()) << (b.has_value() ? "" : b.error().message);
    return b.has_value() ? *b : PaymentBehaviour(Cny());
}

TEST(Behaviour, MeasuresEachRatioAndDaysPastDue) {
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        const char* as_of;
        int items_count, late;
        std::int64_t due, collected, on_time_bp, collected_bp;
        int max_days, average_days;
        bool over_90;
    };
    const Case cases[] = {
        {"paid on the due date",
         {Invoice("2026-01-31", 100000, {Pay("2026-01-31", 100000)})},
         "2026-06-30",
         1,
         0,
         100000,
         100000,
         10000,
         10000,
         0,
         0,
         false},
        {"paid early",
         {Invoice("2026-01-31", 100000, {Pay("2025-12-15", 100000)})},
         "2026-06-30",
         1,
         0,
         100000,
         100000,
         10000,
         10000,
         0,
         0,
         false},
        {"paid exactly 90 days late",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-01", 100000)})},
         "2026-06-30",
         1,
         1,
         100000,
         100000,
         0,
         10000,
         90,
         90,
         false},
        {"paid 91 days late",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-02", 100000)})},
         "2026-06-30",
         1,
         1,
         100000,
         100000,
         0,
         10000,
         91,
         91,
         true},
        {"open exactly 90 days", {Invoice("2026-03-31", 100000)}, "2026-06-29", 1, 1, 100000, 0, 0, 0, 90, 90, false},
        {"open 91 days", {Invoice("2026-03-31", 100000)}, "2026-06-30", 1, 1, 100000, 0, 0, 0, 91, 91, true},
        {"a payment after as_of is ignored",
         {Invoice("2026-06-15", 100000, {Pay("2026-07-01", 100000)})},
         "2026-06-30",
         1,
         1,
         100000,
         0,
         0,
         0,
         15,
         15,
         false},
        {"due on as_of and open: late, 0 days",
         {Invoice("2026-06-30", 100000)},
         "2026-06-30",
         1,
         1,
         100000,
         0,
         0,
         0,
         0,
         0,
         false},
        {"not yet due: outside the window",
         {Invoice("2026-07-31", 100000)},
         "2026-06-30",
         0,
         0,
         0,
         0,
         10000,
         10000,
         0,
         0,
         false},
        {"partly on time, rest 10 days late",
         {Invoice("2026-03-31", 100000, {Pay("2026-03-31", 80000), Pay("2026-04-10", 20000)})},
         "2026-06-30",
         1,
         1,
         100000,
         100000,
         0,
         10000,
         10,
         10,
         false},
        {"exactly 80 % collected",
         {Invoice("2026-06-01", 100000, {Pay("2026-06-01", 80000)})},
         "2026-06-30",
         1,
         1,
         100000,
         80000,
         0,
         8000,
         29,
         29,
         false},
        {"one cent short of 80 %",
         {Invoice("2026-06-01", 100000, {Pay("2026-06-01", 79999)})},
         "2026-06-30",
         1,
         1,
         100000,
         79999,
         0,
         7999,
         29,
         29,
         false},
        {"on-time ratio is by amount, days weighted by amount",
         {Invoice("2026-02-28", 60000, {Pay("2026-02-28", 60000)}),
          Invoice("2026-03-31", 40000, {Pay("2026-04-30", 40000)})},
         "2026-06-30",
         2,
         1,
         100000,
         100000,
         6000,
         10000,
         30,
         12,
         false},
        {"a credit note lowers what is due",
         {Invoice("2026-03-31", 100000, {Credit("2026-03-20", 20000), Pay("2026-03-31", 80000)})},
         "2026-06-30",
         1,
         0,
         80000,
         80000,
         10000,
         10000,
         0,
         0,
         false},
        {"a write-off closes without collecting",
         {Invoice("2026-01-31", 100000, {Pay("2026-02-10", 40000), WriteOff("2026-05-15", 60000)})},
         "2026-06-30",
         1,
         1,
         100000,
         40000,
         0,
         4000,
         104,
         104,
         true},
        {"carried over: open at the window's start",
         {Invoice("2025-05-31", 100000, {Pay("2025-06-15", 30000)})},
         "2026-06-30",
         1,
         1,
         70000,
         0,
         0,
         0,
         395,
         395,
         true},
        {"carried over, paid inside the window",
         {Invoice("2025-06-30", 100000, {Pay("2025-06-30", 30000), Pay("2025-07-20", 70000)})},
         "2026-06-30",
         1,
         1,
         70000,
         70000,
         0,
         10000,
         20,
         20,
         false},
        {"settled before the window: outside it",
         {Invoice("2025-05-31", 100000, {Pay("2025-06-30", 100000)})},
         "2026-06-30",
         0,
         0,
         0,
         0,
         10000,
         10000,
         0,
         0,
         false},
        {"due on the window's first day is inside",
         {Invoice("2025-07-01", 100000, {Pay("2025-07-01", 100000)})},
         "2026-06-30",
         1,
         0,
         100000,
         100000,
         10000,
         10000,
         0,
         0,
         false},
    };
    for (const Case& c : cases) {
        const PaymentBehaviour b = Measure(c.items, c.as_of);
        EXPECT_EQ(b.items, c.items_count) << c.name;
        EXPECT_EQ(b.late_items, c.late) << c.name;
        EXPECT_EQ(b.amount_due, Yuan(c.due)) << c.name;
        EXPECT_EQ(b.amount_collected, Yuan(c.collected)) << c.name;
        EXPECT_EQ(b.on_time_bp, c.on_time_bp) << c.name;
        EXPECT_EQ(b.collected_bp, c.collected_bp) << c.name;
        EXPECT_EQ(b.max_days_past_due, c.max_days) << c.name;
        EXPECT_EQ(b.average_days_past_due, c.average_days) << c.name;
        EXPECT_EQ(b.over_90_days_past_due, c.over_90) << c.name;
    }
}

TEST(Behaviour, WindowAndHistory) {
    const PaymentBehaviour b = Measure({Invoice("2025-05-31", 100000, {Pay("2025-06-30", 100000)})}, "2026-06-30");
    EXPECT_EQ(FormatDate(b.window_first), "2025-07-01");
    EXPECT_FALSE(b.HasWindowHistory());
    EXPECT_TRUE(b.has_history);
    EXPECT_FALSE(b.AllPaidOnTime());
    const PaymentBehaviour none = Measure({}, "2026-06-30");
    EXPECT_FALSE(none.has_history);
    EXPECT_EQ(none.collected_bp, 10000);
    const PaymentBehaviour carried = Measure({Invoice("2025-05-31", 100000)}, "2026-06-30");
    EXPECT_EQ(carried.carried_over_items, 1);
    // A shorter window leaves an item behind only when it was settled before the window.
    EXPECT_EQ(Measure({Invoice("2026-01-31", 100000, {Pay("2026-01-31", 100000)})}, "2026-06-30", 3).items, 0);
    EXPECT_EQ(Measure({Invoice("2026-01-31", 100000, {Pay("2026-04-15", 100000)})}, "2026-06-30", 3).items, 1);
}

TEST(Behaviour, OpenPastDueAsOfTheDate) {
    const PaymentBehaviour b =
        Measure({Invoice("2026-05-31", 100000, {Pay("2026-06-10", 30000)}), Invoice("2026-06-30", 50000),
                 Invoice("2026-04-30", 20000), Invoice("2026-03-31", 10000, {Pay("2026-07-02", 10000)})},
                "2026-06-30");
    EXPECT_EQ(b.open_past_due, Yuan(70000 + 20000 + 10000));  // the item due today is not past due yet
    EXPECT_EQ(b.open_days_past_due, 91);
}

TEST(Behaviour, MonthsWithoutCollectionWhileAmountsWerePastDue) {
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        const char* as_of;
        std::size_t months;
        int without, longest;
    };
    const Case cases[] = {
        {"all on time", {Invoice("2026-01-31", 100000, {Pay("2026-01-31", 100000)})}, "2026-06-30", 12, 0, 0},
        {"Feb, Mar, Apr past due and silent; paid in May",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-01", 100000)})},
         "2026-06-30",
         12,
         3,
         3},
        {"due on the last day, paid the next day: no month",
         {Invoice("2026-01-31", 100000, {Pay("2026-02-01", 100000)})},
         "2026-06-30",
         12,
         0,
         0},
        {"a partial payment in March breaks the run",
         {Invoice("2026-01-31", 100000, {Pay("2026-03-15", 10000), Pay("2026-05-01", 90000)})},
         "2026-06-30",
         12,
         2,
         1},
        {"a payment on an item not yet due counts as collection",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-01", 100000)}),
          Invoice("2026-08-31", 5000, {Pay("2026-03-03", 5000)})},
         "2026-06-30",
         12,
         2,
         1},
        {"open since March: April, May, June", {Invoice("2026-03-31", 100000)}, "2026-06-30", 12, 3, 3},
        {"mid-month as_of: 13 partial and whole months", {Invoice("2026-03-31", 100000)}, "2026-06-15", 13, 3, 3},
        {"carried over and silent all year", {Invoice("2025-05-31", 100000)}, "2026-06-30", 12, 12, 12},
    };
    for (const Case& c : cases) {
        const PaymentBehaviour b = Measure(c.items, c.as_of);
        EXPECT_EQ(b.months.size(), c.months) << c.name;
        EXPECT_EQ(b.months_without_collection, c.without) << c.name;
        EXPECT_EQ(b.longest_run_without_collection, c.longest) << c.name;
    }
    const PaymentBehaviour b = Measure({Invoice("2026-01-31", 100000, {Pay("2026-05-01", 100000)})}, "2026-06-30");
    EXPECT_EQ(b.months.front().month, std::chrono::year(2025) / std::chrono::July);
    EXPECT_EQ(b.months.back().month, std::chrono::year(2026) / std::chrono::June);
    EXPECT_EQ(b.months[10].collected, Yuan(100000));  // May 2026
    EXPECT_TRUE(b.months[9].WithoutCollection());     // April 2026
}

TEST(Behaviour, ValidationNamesTheField) {
    const Currency usd = Currency::FromCode("USD").value();
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        int window;
        const char* field;
    };
    const Case cases[] = {
        {"zero amount", {Invoice("2026-01-31", 0)}, 12, "items[0].amount"},
        {"other currency",
         {Invoice("2026-01-31", 100), {Day("2026-01-01"), Day("2026-01-31"), Money(100, usd), {}}},
         12,
         "items[1].amount"},
        {"due before issue", {{Day("2026-02-01"), Day("2026-01-31"), Yuan(100), {}}}, 12, "items[0].due_date"},
        {"settlements above the amount",
         {Invoice("2026-01-31", 100, {Pay("2026-01-31", 60), Pay("2026-02-01", 41)})},
         12,
         "items[0].settlements"},
        {"negative settlement",
         {Invoice("2026-01-31", 100, {Pay("2026-01-31", -1)})},
         12,
         "items[0].settlements[0].amount"},
        {"settlement in another currency",
         {Invoice("2026-01-31", 100, {{Day("2026-01-31"), Money(100, usd), SettlementKind::kPayment}})},
         12,
         "items[0].settlements[0].amount"},
        {"window 0", {}, 0, "window_months"},
        {"window too long", {}, 121, "window_months"},
    };
    for (const Case& c : cases) {
        Result<PaymentBehaviour> b = MeasureBehaviour(c.items, Cny(), Day("2026-06-30"), c.window);
        ASSERT_FALSE(b.has_value()) << c.name;
        EXPECT_EQ(b.error().code, Errc::kInvalidArgument) << c.name;
        EXPECT_EQ(b.error().fields.count(c.field), 1u) << c.name << ": " << b.error().message;
    }
}

TEST(Behaviour, TotalsBeyondInt64AreAnError) {
    const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 2 + 1;
    Result<PaymentBehaviour> b = MeasureBehaviour(
        std::vector<ReceivableItem>{Invoice("2026-01-31", big), Invoice("2026-02-28", big)}, Cny(), Day("2026-06-30"));
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().fields.count("items"), 1u);
}

}  // namespace
}  // namespace credo::domain
