// The management dashboard on every backend (SPEC RP-1): exposure vs limits over credit accounts in three
// currencies with totals, bands and the top list computed by hand, the reader's scope applied in the query,
// the band levels taken from the alert policies, and the dashboard as the sum of the reports it shows.
#include <gtest/gtest.h>

#include "credo/app/classification.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/dashboard.hpp"
#include "credo/app/receivables.hpp"
#include "credo/app/receivables_reports.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;
using domain::UtilizationBand;
using namespace std::chrono_literals;

Date D(const char* text) { return ParseDate(text, "date").value(); }

class DashboardDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        finance_ = MakeUser("cfo", {Role::kFinance});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        other_sales_ = MakeUser("li.na", {Role::kSales}, "east");
        rm_north_ = MakeUser("rm.north", {Role::kRegionalManager}, "north");
        today_ = DateOf(ctx().clock.Now());  // 2026-03-15
        // USD at 7.00 from January, 7.10 from April; EUR has no rate at all.
        ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
            CREDO_CHECK(tx.Ledger().SetFxRate("USD", D("2026-01-01"), 700000000, std::nullopt, ctx().clock.Now()));
            return tx.Ledger().SetFxRate("USD", D("2026-04-01"), 710000000, std::nullopt, ctx().clock.Now());
        }));
    }

    CustomerId Create(std::string name, std::optional<UserId> owner, std::string region) {
        auto c = Enterprise(name, "0517-8391 " + std::to_string(2000 + count_),
                            "91320800MA1X" + std::to_string(10000 + count_));
        ++count_;
        c.owner = owner;
        c.region = std::move(region);
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return saved->customer.id;
    }

    // An account in `currency` with `limit` (none: no limit on record) and the exposure split into receivables
    // and orders, written through the repository as the ledger's use cases leave it.
    void Account(CustomerId customer, std::string currency, std::optional<std::int64_t> limit, std::int64_t receivables,
                 std::int64_t orders, bool on_hold = false, std::string grade = "II") {
        ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
            CREDO_CHECK(tx.Ledger().EnsureAccount(customer, currency, 30, ctx().clock.Now()));
            CREDO_TRY(auto found, tx.Ledger().FindAccount(customer));
            app::CreditAccount a = found.value();
            a.limit_minor = limit;
            a.valid_from = D("2026-01-01");
            a.valid_until = D("2026-12-31");
            a.grade = grade;
            a.on_hold = on_hold;
            if (on_hold) a.hold_reason = "逾期未付";
            CREDO_CHECK(tx.Ledger().SaveAccount(a));
            return tx.Ledger().AddExposure(customer, receivables, orders, ctx().clock.Now());
        }));
    }

    // Six accounts, one per band with the default levels (80 %, 90 %):
    //   own   east  sales_        CNY  100,000.00  85,000.00 (60,000 + 25,000)  8500 bp  first_to_second
    //   same  east  other_sales_  USD   10,000.00  10,500.00                   10500 bp  over_limit, on hold
    //   north north —             USD   20,000.00   9,000.00                    4500 bp  below_half
    //   cash  east  sales_        CNY   —           1,234.56                            no_limit
    //   half  east  sales_        CNY   50,000.00  25,000.00                    5000 bp  half_to_first
    //   euro  north —             EUR    1,000.00     950.00                    9500 bp  second_to_limit
    void SixAccounts() {
        own_ = Create("淮安恒信阀门有限公司", sales_.id, "east");
        same_ = Create("淮安远东管件有限公司", other_sales_.id, "east");
        north_ = Create("北京远方机械有限公司", std::nullopt, "north");
        cash_ = Create("淮安现款贸易有限公司", sales_.id, "east");
        half_ = Create("淮安半程机电有限公司", sales_.id, "east");
        euro_ = Create("天津欧陆工程有限公司", std::nullopt, "north");
        Account(own_, "CNY", 100'000'00, 60'000'00, 25'000'00);
        Account(same_, "USD", 10'000'00, 10'500'00, 0, true, "III");
        Account(north_, "USD", 20'000'00, 0, 9'000'00);
        Account(cash_, "CNY", std::nullopt, 1'234'56, 0);
        Account(half_, "CNY", 50'000'00, 25'000'00, 0);
        Account(euro_, "EUR", 1'000'00, 950'00, 0, false, "I");
    }

    app::ExposureSummary Exposure(const domain::Actor& who, Date as_of) {
        auto r = app::ReadTx(db(), [&](Tx& tx) { return app::GetExposureSummary(tx, ctx(), who, as_of); });
        EXPECT_TRUE(r) << r.error().message;
        return r ? *r : app::ExposureSummary{};
    }

    static std::int64_t Band(const app::ExposureSummary& e, UtilizationBand b) {
        return e.bands[static_cast<std::size_t>(b)];
    }

    static std::vector<CustomerId> Top(const app::ExposureSummary& e) {
        std::vector<CustomerId> out;
        for (const auto& t : e.top) out.push_back(t.customer);
        return out;
    }

    int count_ = 0;
    domain::Actor admin_, finance_, sales_, other_sales_, rm_north_;
    Date today_{};
    CustomerId own_, same_, north_, cash_, half_, euro_;
};

TEST_F(DashboardDbTest, ExposureVsLimitsInTheBaseCurrencyByHand) {
    SixAccounts();
    const app::ExposureSummary e = Exposure(finance_, today_);
    EXPECT_EQ(e.as_of, today_);
    EXPECT_EQ(e.exposure_as_of, today_);
    EXPECT_EQ(e.base_currency, "CNY");
    EXPECT_EQ(e.accounts, 6);
    EXPECT_EQ(e.on_hold, 1);
    for (auto band : {UtilizationBand::kNoLimit, UtilizationBand::kBelowHalf, UtilizationBand::kHalfToFirst,
                      UtilizationBand::kFirstToSecond, UtilizationBand::kSecondToLimit, UtilizationBand::kOverLimit})
        EXPECT_EQ(Band(e, band), 1) << domain::kUtilizationBandNames.Name(band);

    // Per currency, in that currency: CNY 150,000.00 of limits, 85,000 + 1,234.56 + 25,000 exposed; USD
    // 30,000.00 and 19,500.00 at 7.00; EUR without a rate.
    ASSERT_EQ(e.currencies.size(), 3u);
    EXPECT_EQ(e.currencies[0].currency, "CNY");
    EXPECT_EQ(e.currencies[0].accounts, 3);
    EXPECT_EQ(e.currencies[0].limit_minor, 150'000'00);
    EXPECT_EQ(e.currencies[0].exposure_minor, 111'234'56);
    EXPECT_EQ(e.currencies[0].rate_e8, 100000000);
    EXPECT_EQ(e.currencies[1].currency, "EUR");
    EXPECT_EQ(e.currencies[1].limit_minor, 1'000'00);
    EXPECT_EQ(e.currencies[1].exposure_minor, 950'00);
    EXPECT_FALSE(e.currencies[1].rate_e8);
    EXPECT_EQ(e.currencies[2].currency, "USD");
    EXPECT_EQ(e.currencies[2].accounts, 2);
    EXPECT_EQ(e.currencies[2].limit_minor, 30'000'00);
    EXPECT_EQ(e.currencies[2].exposure_minor, 19'500'00);
    EXPECT_EQ(e.currencies[2].rate_e8, 700000000);
    EXPECT_EQ(e.unconverted, std::vector<std::string>{"EUR"});

    // In CNY: limits 150,000 + 30,000 × 7 = 360,000.00; exposure 111,234.56 + 19,500 × 7 = 247,734.56, of
    // which 1,234.56 without a limit; utilization 246,500 ÷ 360,000 = 68.47… %.
    EXPECT_EQ(e.limit_minor, 360'000'00);
    EXPECT_EQ(e.exposure_minor, 247'734'56);
    EXPECT_EQ(e.unlimited_exposure_minor, 1'234'56);
    EXPECT_EQ(e.utilization_bp, 6847);

    // The most used first; an account without a limit is not among them.
    EXPECT_EQ(Top(e), (std::vector<CustomerId>{same_, euro_, own_, half_, north_}));
    const auto& first = e.top.front();
    EXPECT_EQ(first.utilization_bp, 10500);
    EXPECT_EQ(first.currency, "USD");
    EXPECT_EQ(first.limit_minor, 10'000'00);
    EXPECT_EQ(first.exposure_minor, 10'500'00);
    EXPECT_EQ(first.grade, "III");
    EXPECT_TRUE(first.on_hold);
    EXPECT_EQ(first.name, "淮安远东管件有限公司");
    EXPECT_FALSE(first.code.empty());
    EXPECT_EQ(e.top[2].utilization_bp, 8500);
}

TEST_F(DashboardDbTest, TheRatesAreThoseOfAsOfTheExposureIsToday) {
    SixAccounts();
    // At the end of April USD is 7.10: limits 150,000 + 213,000; exposure 111,234.56 + 138,450.
    const app::ExposureSummary e = Exposure(admin_, D("2026-04-30"));
    EXPECT_EQ(e.as_of, D("2026-04-30"));
    EXPECT_EQ(e.exposure_as_of, today_);
    EXPECT_EQ(e.currencies[2].rate_e8, 710000000);
    EXPECT_EQ(e.limit_minor, 363'000'00);
    EXPECT_EQ(e.exposure_minor, 249'684'56);
    EXPECT_EQ(e.utilization_bp, 6844);  // 248,450 ÷ 363,000
    // Before the first USD rate, USD joins EUR among the unconverted.
    const app::ExposureSummary early = Exposure(admin_, D("2025-12-31"));
    EXPECT_EQ(early.unconverted, (std::vector<std::string>{"EUR", "USD"}));
    EXPECT_EQ(early.limit_minor, 150'000'00);
    EXPECT_EQ(early.exposure_minor, 111'234'56);
    EXPECT_EQ(early.accounts, 6);  // the bands need no rate
}

TEST_F(DashboardDbTest, EachReaderSeesTheAccountsOfItsScope) {
    SixAccounts();
    const app::ExposureSummary mine = Exposure(sales_, today_);
    EXPECT_EQ(mine.accounts, 3);
    EXPECT_EQ(mine.on_hold, 0);
    EXPECT_EQ(Band(mine, UtilizationBand::kNoLimit), 1);
    EXPECT_EQ(Band(mine, UtilizationBand::kHalfToFirst), 1);
    EXPECT_EQ(Band(mine, UtilizationBand::kFirstToSecond), 1);
    EXPECT_EQ(Band(mine, UtilizationBand::kOverLimit), 0);
    EXPECT_EQ(mine.limit_minor, 150'000'00);
    EXPECT_EQ(mine.exposure_minor, 111'234'56);
    EXPECT_EQ(mine.utilization_bp, 7333);  // 110,000 ÷ 150,000
    EXPECT_TRUE(mine.unconverted.empty());
    EXPECT_EQ(Top(mine), (std::vector<CustomerId>{own_, half_}));

    const app::ExposureSummary north = Exposure(rm_north_, today_);
    EXPECT_EQ(north.accounts, 2);
    EXPECT_EQ(Top(north), (std::vector<CustomerId>{euro_, north_}));
    EXPECT_EQ(north.limit_minor, 140'000'00);  // USD 20,000 × 7; EUR unconverted
    EXPECT_EQ(north.unconverted, std::vector<std::string>{"EUR"});

    // A salesperson without customers sees an empty summary, not an error.
    const auto newcomer = MakeUser("wang.fang", {Role::kSales}, "east");
    const app::ExposureSummary none = Exposure(newcomer, today_);
    EXPECT_EQ(none.accounts, 0);
    EXPECT_EQ(none.limit_minor, 0);
    EXPECT_FALSE(none.utilization_bp);
    EXPECT_TRUE(none.top.empty());
}

TEST_F(DashboardDbTest, TheBandLevelsAreTheAlertPolicies) {
    SixAccounts();
    const app::ExposureSummary before = Exposure(admin_, today_);
    EXPECT_EQ(before.levels.first_bp, 8000);
    EXPECT_EQ(before.levels.second_bp, 9000);
    // Alerts from 86 % and 96 %: own (85 %) drops to "50 % to the first level", euro (95 %) to "first to second".
    ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
        CREDO_CHECK(tx.Policies().Set({"credit.alert_first_bp", "8600", ctx().clock.Now(), std::nullopt}));
        return tx.Policies().Set({"credit.alert_second_bp", "9600", ctx().clock.Now(), std::nullopt});
    }));
    const app::ExposureSummary after = Exposure(admin_, today_);
    EXPECT_EQ(after.levels.first_bp, 8600);
    EXPECT_EQ(after.levels.second_bp, 9600);
    EXPECT_EQ(Band(after, UtilizationBand::kHalfToFirst), 2);
    EXPECT_EQ(Band(after, UtilizationBand::kFirstToSecond), 1);
    EXPECT_EQ(Band(after, UtilizationBand::kSecondToLimit), 0);
    EXPECT_EQ(Band(after, UtilizationBand::kOverLimit), 1);
}

TEST_F(DashboardDbTest, TheDashboardIsTheReportsItShows) {
    SixAccounts();
    // Some trade: an invoice overdue on as_of and one paid in time, so that aging and KPIs have figures.
    auto invoice = [&](CustomerId customer, const char* amount, const char* issue, const char* due) {
        app::InvoiceInput in;
        in.customer = customer;
        in.currency = "CNY";
        in.amount = amount;
        in.issue_date = D(issue);
        in.due_date = D(due);
        auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
        EXPECT_TRUE(inv) << inv.error().message;
        return inv ? inv->id : 0;
    };
    invoice(own_, "3000.00", "2026-01-10", "2026-02-09");
    const auto paid = invoice(north_, "5000.00", "2026-02-01", "2026-03-03");
    app::PaymentInput p;
    p.customer = north_;
    p.kind = "payment";
    p.currency = "CNY";
    p.amount = "5000.00";
    p.day = D("2026-03-02");
    p.allocations = std::vector<app::AllocationInput>{{paid, "5000.00"}};
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, p); }));

    for (const domain::Actor* who : {&admin_, &sales_, &rm_north_}) {
        auto d = app::ReadTx(db(), [&](Tx& tx) { return app::GetDashboard(tx, ctx(), *who, today_); });
        ASSERT_TRUE(d) << d.error().message;
        EXPECT_EQ(d->as_of, today_);
        auto tiers = app::ReadTx(
            db(), [&](Tx& tx) { return app::DistributionReport(tx, ctx(), *who, today_, app::DistributionBy::kTier); });
        auto grades = app::ReadTx(db(), [&](Tx& tx) {
            return app::DistributionReport(tx, ctx(), *who, today_, app::DistributionBy::kGrade);
        });
        auto aging = app::ReadTx(db(), [&](Tx& tx) {
            return app::Aging(tx, ctx(), *who, {today_, app::AgingGroupBy::kRegion, std::nullopt, std::nullopt});
        });
        auto kpis = app::ReadTx(db(), [&](Tx& tx) {
            return app::Kpis(tx, ctx(), *who, {2025y / 4, 2026y / 3, today_, std::nullopt, std::nullopt});
        });
        ASSERT_TRUE(tiers && grades && aging && kpis);
        EXPECT_EQ(d->tiers.total, tiers->total);
        ASSERT_EQ(d->tiers.groups.size(), tiers->groups.size());
        for (std::size_t i = 0; i < tiers->groups.size(); ++i) {
            EXPECT_EQ(d->tiers.groups[i].key, tiers->groups[i].key);
            EXPECT_EQ(d->tiers.groups[i].count, tiers->groups[i].count);
            EXPECT_EQ(d->tiers.groups[i].share_bp, tiers->groups[i].share_bp);
        }
        ASSERT_EQ(d->grades.groups.size(), grades->groups.size());
        std::int64_t graded = 0;
        for (std::size_t i = 0; i < grades->groups.size(); ++i) {
            EXPECT_EQ(d->grades.groups[i].count, grades->groups[i].count);
            graded += d->grades.groups[i].count;
        }
        EXPECT_EQ(graded, d->grades.total);
        EXPECT_EQ(d->grades.total, d->tiers.total);
        EXPECT_EQ(d->aging.group_by, app::AgingGroupBy::kRegion);
        EXPECT_EQ(d->aging.total.Total(), aging->total.Total());
        EXPECT_EQ(d->aging.rows.size(), aging->rows.size());
        EXPECT_EQ(d->kpi_from, 2025y / 4);
        EXPECT_EQ(d->kpi_to, 2026y / 3);
        ASSERT_EQ(d->collections.months.size(), 12u);
        ASSERT_EQ(kpis->months.size(), 12u);
        for (std::size_t i = 0; i < 12; ++i) {
            EXPECT_EQ(d->collections.months[i].kpis.collection_rate_bp, kpis->months[i].kpis.collection_rate_bp);
            EXPECT_EQ(d->collections.months[i].totals.invoiced, kpis->months[i].totals.invoiced);
        }
        EXPECT_EQ(d->exposure.accounts, Exposure(*who, today_).accounts);
    }
    auto all = app::ReadTx(db(), [&](Tx& tx) { return app::GetDashboard(tx, ctx(), admin_, today_); });
    ASSERT_TRUE(all);
    EXPECT_EQ(all->tiers.total, 6);
    EXPECT_EQ(all->aging.total.Total(), 3000'00);  // the paid invoice is settled
    EXPECT_EQ(all->aging.total.PastDue(), 3000'00);
    EXPECT_EQ(all->grades.groups[0].count, 1);  // I: euro
    EXPECT_EQ(all->grades.groups[1].count, 4);  // II
    EXPECT_EQ(all->grades.groups[2].count, 1);  // III: same
    auto mine = app::ReadTx(db(), [&](Tx& tx) { return app::GetDashboard(tx, ctx(), sales_, today_); });
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->tiers.total, 3);
    EXPECT_EQ(mine->exposure.accounts, 3);
    EXPECT_EQ(mine->aging.total.Total(), 3000'00);
}

}  // namespace
}  // namespace credo
