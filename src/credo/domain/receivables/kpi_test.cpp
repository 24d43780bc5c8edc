#include "credo/domain/receivables/kpi.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace credo::domain {
namespace {

using namespace std::chrono;

Date D(int y, unsigned m, unsigned d) { return year(y) / month(m) / day(d); }
constexpr Month M(int y, unsigned m) { return year(y) / month(m); }

TEST(Kpi, MonthRangeIsInclusiveAndBounded) {
    auto r = MonthRange(M(2025, 11), M(2026, 2));
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, (std::vector<Month>{M(2025, 11), M(2025, 12), M(2026, 1), M(2026, 2)}));
    EXPECT_EQ(MonthRange(M(2026, 2), M(2026, 2))->size(), 1u);
    auto backwards = MonthRange(M(2026, 3), M(2026, 2));
    ASSERT_FALSE(backwards);
    EXPECT_TRUE(backwards.error().fields.contains("from"));
    EXPECT_EQ(MonthRange(M(2021, 1), M(2025, 12))->size(), 60u);
    auto too_long = MonthRange(M(2021, 1), M(2026, 1));
    ASSERT_FALSE(too_long);
    EXPECT_TRUE(too_long.error().fields.contains("to"));
    EXPECT_EQ(LastDay(M(2024, 2)), D(2024, 2, 29));
    EXPECT_EQ(DaysIn(M(2026, 2)), 28);
    EXPECT_EQ(FirstDay(M(2026, 2)), D(2026, 2, 1));
}

// A small ledger computed by hand (amounts in minor units, one currency), January to March 2026:
//   A  issued 01-10, due 02-09, 100000; paid 40000 on 02-05 and 60000 on 03-15
//   B  issued 01-20, due 01-31,  50000; credit note 10000 on 02-10, written off 40000 on 03-20
//   C  issued 02-25, due 03-27,  30000; open
//   D  issued 2025-12-01, due 2025-12-31, 20000; paid on 01-15
// Orders: 100000 on 01-08 invoiced 01-10; 20000 on 01-30 invoiced 02-01; 5000 on 02-20 never invoiced;
// one in December 2025, outside the range.
class KpiLedger : public ::testing::Test {
 protected:
    void SetUp() override {
        months_ = MonthRange(M(2026, 1), M(2026, 3)).value();
        periods_ = PeriodsOf(months_, D(2026, 12, 31));
        totals_.assign(months_.size(), {});
        const std::vector<KpiSettlement> a{{D(2026, 2, 5), 40000, SettlementKind::kPayment},
                                           {D(2026, 3, 15), 60000, SettlementKind::kPayment}};
        const std::vector<KpiSettlement> b{{D(2026, 2, 10), 10000, SettlementKind::kCreditNote},
                                           {D(2026, 3, 20), 40000, SettlementKind::kWriteOff}};
        const std::vector<KpiSettlement> d{{D(2026, 1, 15), 20000, SettlementKind::kPayment}};
        ASSERT_TRUE(FoldInvoice({D(2026, 1, 10), D(2026, 2, 9), 100000, a}, periods_, totals_));
        ASSERT_TRUE(FoldInvoice({D(2026, 1, 20), D(2026, 1, 31), 50000, b}, periods_, totals_));
        ASSERT_TRUE(FoldInvoice({D(2026, 2, 25), D(2026, 3, 27), 30000, {}}, periods_, totals_));
        ASSERT_TRUE(FoldInvoice({D(2025, 12, 1), D(2025, 12, 31), 20000, d}, periods_, totals_));
        ASSERT_TRUE(FoldOrder(D(2026, 1, 8), 100000, D(2026, 1, 10), periods_, totals_));
        ASSERT_TRUE(FoldOrder(D(2026, 1, 30), 20000, D(2026, 2, 1), periods_, totals_));
        ASSERT_TRUE(FoldOrder(D(2026, 2, 20), 5000, std::nullopt, periods_, totals_));
        ASSERT_TRUE(FoldOrder(D(2025, 12, 5), 7000, D(2025, 12, 6), periods_, totals_));
    }
    std::vector<Month> months_;
    std::vector<KpiPeriod> periods_;
    std::vector<MonthTotals> totals_;
};

TEST_F(KpiLedger, MonthlyTotals) {
    // January: A and B invoiced and open (B due on the 31st, not yet late); due: B whole and D (its
    // 20000 open at the start), of which D was paid.
    EXPECT_EQ(totals_[0], (MonthTotals{.invoiced = 150000,
                                       .open = 150000,
                                       .overdue = 0,
                                       .due = 70000,
                                       .collected = 20000,
                                       .ordered = 120000,
                                       .fulfilled = 100000}));
    // February: A (due 02-09) and B late; due: A whole, B less its credit note; A's 40000 collected.
    EXPECT_EQ(totals_[1], (MonthTotals{.invoiced = 30000,
                                       .open = 130000,
                                       .overdue = 100000,
                                       .due = 140000,
                                       .collected = 40000,
                                       .ordered = 5000,
                                       .fulfilled = 0}));
    // March: A settled, B written off (still due, not collected), C due on the 27th and open.
    EXPECT_EQ(
        totals_[2],
        (MonthTotals{
            .invoiced = 0, .open = 30000, .overdue = 30000, .due = 130000, .collected = 60000, .written_off = 40000}));
}

TEST_F(KpiLedger, MonthlyKpis) {
    struct Case {
        std::optional<std::int64_t> dso, collection, fulfilment, overdue, bad_debt;
    };
    const Case expected[] = {
        {31, 2857, 8333, 0, 0},   // 150000/150000*31; 20000/70000; 100000/120000
        {121, 2857, 0, 7692, 0},  // 130000/30000*28 = 121.3; 40000/140000; 100000/130000
        {std::nullopt, 4615, std::nullopt, 10000, std::nullopt},  // nothing invoiced or ordered in March
    };
    for (std::size_t i = 0; i < months_.size(); ++i) {
        const MonthKpis k = KpisOf(periods_[i], totals_[i]);
        EXPECT_EQ(k.month, months_[i]);
        EXPECT_EQ(k.dso_days, expected[i].dso) << i;
        EXPECT_EQ(k.collection_rate_bp, expected[i].collection) << i;
        EXPECT_EQ(k.fulfilment_rate_bp, expected[i].fulfilment) << i;
        EXPECT_EQ(k.overdue_ratio_bp, expected[i].overdue) << i;
        EXPECT_EQ(k.bad_debt_ratio_bp, expected[i].bad_debt) << i;
    }
}

TEST(Kpi, BadDebtRatioAndEmptyMonths) {
    const KpiPeriod april{M(2026, 4), D(2026, 4, 1), D(2026, 4, 30)};
    MonthTotals t{.invoiced = 80000, .open = 0, .written_off = 2000};
    const MonthKpis k = KpisOf(april, t);
    EXPECT_EQ(k.bad_debt_ratio_bp, 250);
    EXPECT_EQ(k.dso_days, 0);
    EXPECT_EQ(k.overdue_ratio_bp, std::nullopt);
    const MonthKpis none = KpisOf(april, MonthTotals{});
    EXPECT_FALSE(none.dso_days || none.collection_rate_bp || none.fulfilment_rate_bp || none.overdue_ratio_bp ||
                 none.bad_debt_ratio_bp);
}

// The current month is measured to as_of, over its days so far; a later month gathers nothing.
TEST(Kpi, TheCurrentMonthRunsToAsOf) {
    const auto months = MonthRange(M(2026, 3), M(2026, 4)).value();
    const auto periods = PeriodsOf(months, D(2026, 3, 10));
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods[0].last, D(2026, 3, 10));
    EXPECT_EQ(periods[0].Days(), 10);
    EXPECT_TRUE(periods[1].Empty());
    std::vector<MonthTotals> totals(2);
    // Issued 03-01 for 1000, due 03-05, nothing paid: open and overdue on the 10th; DSO 1000/1000 × 10.
    ASSERT_TRUE(FoldInvoice({D(2026, 3, 1), D(2026, 3, 5), 1000, {}}, periods, totals));
    // Issued 03-20: after as_of, not yet in March's figures.
    ASSERT_TRUE(FoldInvoice({D(2026, 3, 20), D(2026, 4, 20), 500, {}}, periods, totals));
    // Ordered on the 8th, invoiced on the 12th: not yet fulfilled on the 10th. Ordered on the 11th: not yet.
    ASSERT_TRUE(FoldOrder(D(2026, 3, 8), 300, D(2026, 3, 12), periods, totals));
    ASSERT_TRUE(FoldOrder(D(2026, 3, 11), 300, std::nullopt, periods, totals));
    EXPECT_EQ(totals[0], (MonthTotals{.invoiced = 1000, .open = 1000, .overdue = 1000, .due = 1000, .ordered = 300}));
    EXPECT_EQ(totals[1], MonthTotals{});
    EXPECT_EQ(KpisOf(periods[0], totals[0]).dso_days, 10);
    EXPECT_EQ(KpisOf(periods[0], totals[0]).fulfilment_rate_bp, 0);
    EXPECT_EQ(KpisOf(periods[1], totals[1]).dso_days, std::nullopt);
}

TEST(Kpi, TotalsRefuseOverflow) {
    MonthTotals a{.due = std::numeric_limits<std::int64_t>::max()};
    auto s = a.Add(MonthTotals{.due = 1});
    ASSERT_FALSE(s);
    EXPECT_TRUE(s.error().fields.contains("amount"));
}

}  // namespace
}  // namespace credo::domain
