// Receivables aging and KPIs on every backend (SPEC AR-2, AR-3): buckets at their boundaries on a small
// ledger computed by hand, totals that reconcile with the ledger's open amounts computed independently,
// the reader's scope, and the monthly KPIs.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/receivables.hpp"
#include "credo/app/receivables_reports.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::AgingBucket;
using domain::Role;

class ReceivablesReportsDbTest : public testing::DbFixture {
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
        own_ = Create("淮安恒信阀门有限公司", sales_.id, "east");
        same_ = Create("淮安远东管件有限公司", other_sales_.id, "east");
        north_ = Create("北京远方机械有限公司", std::nullopt, "north");
    }

    CustomerId Create(std::string name, std::optional<UserId> owner, std::string region) {
        auto c = Enterprise(std::move(name));
        c.owner = owner;
        c.region = std::move(region);
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return saved->customer.id;
    }

    std::int64_t Invoice(CustomerId customer, std::string amount, Date issue, Date due, std::string currency = "CNY") {
        app::InvoiceInput in;
        in.customer = customer;
        in.currency = std::move(currency);
        in.amount = std::move(amount);
        in.issue_date = issue;
        in.due_date = due;
        auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
        EXPECT_TRUE(inv) << inv.error().message;
        return inv ? inv->id : 0;
    }

    void Pay(CustomerId customer, std::int64_t invoice, std::string amount, Date day, std::string kind = "payment",
             std::string currency = "CNY") {
        app::PaymentInput in;
        in.customer = customer;
        in.kind = std::move(kind);
        in.currency = std::move(currency);
        in.amount = amount;
        in.day = day;
        in.allocations = std::vector<app::AllocationInput>{{invoice, amount}};
        auto paid = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, in); });
        ASSERT_TRUE(paid) << paid.error().message;
    }

    app::AgingReport Aging(const domain::Actor& who, Date as_of, app::AgingGroupBy by = app::AgingGroupBy::kCustomer,
                           std::optional<std::string> region = std::nullopt) {
        app::AgingQuery q{as_of, by, std::move(region), std::nullopt};
        auto r = app::ReadTx(db(), [&](Tx& tx) { return app::Aging(tx, ctx(), who, q); });
        EXPECT_TRUE(r) << r.error().message;
        return r ? *r : app::AgingReport{};
    }

    static const app::AgingRow* Row(const app::AgingReport& r, const std::string& key) {
        for (const auto& row : r.rows)
            if (row.key == key) return &row;
        return nullptr;
    }

    // The open amount of every invoice as of `as_of`, per currency, computed from the whole ledger (every
    // invoice with every allocation) rather than from the open amounts the ledger keeps.
    std::map<std::string, std::int64_t> OpenByCurrency(Date as_of) {
        std::map<std::string, std::int64_t> out;
        auto s = app::ReadTx(db(), [&](Tx& tx) {
            return tx.Ledger().ScanReceivables(
                as_of, [&](const app::InvoiceRecord& inv, const std::vector<app::LedgerRepository::Settled>& settled) {
                    std::vector<domain::Allocated> allocated;
                    for (const auto& a : settled) allocated.push_back({a.day, a.amount_minor});
                    out[inv.currency] += domain::OpenAsOf(inv.amount_minor, allocated, as_of);
                    return Ok();
                });
        });
        EXPECT_TRUE(s) << s.error().message;
        std::erase_if(out, [](const auto& kv) { return kv.second == 0; });
        return out;
    }

    domain::Actor admin_, finance_, sales_, other_sales_, rm_north_;
    Date today_{};
    CustomerId own_, same_, north_;
};

Date D(const char* text) { return ParseDate(text, "date").value(); }

TEST_F(ReceivablesReportsDbTest, BucketsAtTheirBoundaries) {
    const Date as_of = D("2026-03-10");
    // One invoice due on each boundary day, issued 30 days before it: 100.00 × (n + 1) for the n-th.
    const int past_due[] = {-5, 0, 1, 30, 31, 60, 61, 90, 91};
    for (int n = 0; n < 9; ++n) {
        const Date due = AddDays(as_of, -past_due[n]);
        Invoice(own_, std::to_string(100 * (n + 1)) + ".00", AddDays(due, -30), due);
    }
    const app::AgingReport r = Aging(admin_, as_of);
    ASSERT_EQ(r.rows.size(), 1u);
    const auto& a = r.rows[0].base;
    EXPECT_EQ(a[AgingBucket::kNotDue], 100'00 + 200'00);     // due in 5 days, due today
    EXPECT_EQ(a[AgingBucket::kDays1To30], 300'00 + 400'00);  // 1 and 30 days
    EXPECT_EQ(a[AgingBucket::kDays31To60], 500'00 + 600'00);
    EXPECT_EQ(a[AgingBucket::kDays61To90], 700'00 + 800'00);
    EXPECT_EQ(a[AgingBucket::kOver90], 900'00);
    EXPECT_EQ(r.total.Total(), 4500'00);
    EXPECT_EQ(r.rows[0].key, own_.str());
    EXPECT_EQ(r.rows[0].customers, 1);
    EXPECT_FALSE(r.note);
    // A day later everything moves on by one day: 30 → 31, 60 → 61, 90 → 91, today → 1.
    const app::AgingReport next = Aging(admin_, AddDays(as_of, 1));
    const auto& b = next.rows[0].base;
    EXPECT_EQ(b[AgingBucket::kNotDue], 100'00);
    EXPECT_EQ(b[AgingBucket::kDays1To30], 200'00 + 300'00);
    EXPECT_EQ(b[AgingBucket::kDays31To60], 400'00 + 500'00);
    EXPECT_EQ(b[AgingBucket::kDays61To90], 600'00 + 700'00);
    EXPECT_EQ(b[AgingBucket::kOver90], 800'00 + 900'00);
}

TEST_F(ReceivablesReportsDbTest, OpenAmountsCountOnlyWhatWasSettledByTheDate) {
    // 1000.00 due 2026-01-31: 300.00 paid on 02-10, a credit note of 200.00 on 03-01, 500.00 paid on 03-12.
    const std::int64_t inv = Invoice(own_, "1000.00", D("2026-01-01"), D("2026-01-31"));
    Pay(own_, inv, "300.00", D("2026-02-10"));
    Pay(own_, inv, "200.00", D("2026-03-01"), "credit_note");
    Pay(own_, inv, "500.00", D("2026-03-12"));
    struct Case {
        const char* as_of;
        std::int64_t open;
        AgingBucket bucket;
    };
    for (const Case& c :
         {Case{"2026-01-15", 1000'00, AgingBucket::kNotDue}, Case{"2026-02-09", 1000'00, AgingBucket::kDays1To30},
          Case{"2026-02-10", 700'00, AgingBucket::kDays1To30},
          Case{"2026-03-02", 500'00, AgingBucket::kDays1To30},  // day 30: February has 28 days
          Case{"2026-03-03", 500'00, AgingBucket::kDays31To60}, Case{"2026-03-11", 500'00, AgingBucket::kDays31To60}}) {
        const app::AgingReport r = Aging(admin_, D(c.as_of));
        ASSERT_EQ(r.rows.size(), 1u) << c.as_of;
        EXPECT_EQ(r.rows[0].base[c.bucket], c.open) << c.as_of;
        EXPECT_EQ(r.total.Total(), c.open) << c.as_of;
    }
    // Settled on 03-12: nothing open since, and the report says why it is empty.
    const app::AgingReport settled = Aging(admin_, D("2026-03-12"));
    EXPECT_TRUE(settled.rows.empty());
    EXPECT_EQ(settled.total.Total(), 0);
    ASSERT_TRUE(settled.note);
    EXPECT_NE(settled.note->find("nothing"), std::string::npos) << *settled.note;
    // Before the first invoice: empty, and the note names the first invoice's date.
    const app::AgingReport before = Aging(admin_, D("2025-06-30"));
    EXPECT_TRUE(before.rows.empty());
    ASSERT_TRUE(before.note);
    EXPECT_NE(before.note->find("2026-01-01"), std::string::npos) << *before.note;
}

TEST_F(ReceivablesReportsDbTest, TotalsReconcileWithTheLedger) {
    ASSERT_TRUE(db().Write([&](Tx& tx) {
        return tx.Ledger().SetFxRate("USD", D("2025-01-01"), 712345678, std::nullopt, ctx().clock.Now());
    }));
    // A ledger with partial payments, credit notes, two currencies, settled and open invoices.
    const CustomerId customers[] = {own_, same_, north_};
    std::uint64_t seed = 7;
    auto next = [&seed](int n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((seed >> 33) % static_cast<std::uint64_t>(n));
    };
    for (int n = 0; n < 36; ++n) {
        const CustomerId c = customers[n % 3];
        const std::string currency = n % 5 == 0 ? "USD" : "CNY";
        const Date issue = AddDays(D("2025-09-01"), next(180));
        const Date due = AddDays(issue, 30 + next(60));
        const int cents = 10000 + next(900000);
        const std::string amount =
            std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
        const std::int64_t inv = Invoice(c, amount, issue, due, currency);
        if (n % 3 != 2) {
            const int part = cents / (2 + next(3));
            const std::string paid =
                std::to_string(part / 100) + "." + (part % 100 < 10 ? "0" : "") + std::to_string(part % 100);
            Date day = AddDays(issue, 10 + next(90));
            if (day > today_) day = today_;
            Pay(c, inv, paid, day, n % 4 == 0 ? "credit_note" : "payment", currency);
        }
    }
    for (const char* as_of : {"2025-08-31", "2025-10-15", "2025-12-31", "2026-01-30", "2026-03-01", "2026-03-15"}) {
        SCOPED_TRACE(as_of);
        const auto expected = OpenByCurrency(D(as_of));
        for (auto by : {app::AgingGroupBy::kCustomer, app::AgingGroupBy::kRegion, app::AgingGroupBy::kOwner}) {
            const app::AgingReport r = Aging(admin_, D(as_of), by);
            std::map<std::string, std::int64_t> reported, rows_by_currency;
            for (const auto& [currency, amounts] : r.currencies) reported[currency] = amounts.Total();
            for (const auto& row : r.rows)
                for (const auto& [currency, amounts] : row.currencies) rows_by_currency[currency] += amounts.Total();
            EXPECT_EQ(reported, expected);
            EXPECT_EQ(rows_by_currency, expected);
            // The base-currency total is the sum of the rows'.
            domain::AgingAmounts sum;
            for (const auto& row : r.rows) ASSERT_TRUE(sum.Add(row.base));
            EXPECT_EQ(sum.minor, r.total.minor);
            EXPECT_EQ(r.rows.empty(), expected.empty());
            if (expected.count("USD")) {
                EXPECT_EQ(r.rates.at("USD"), 712345678);
            }
        }
    }
}

TEST_F(ReceivablesReportsDbTest, EachReaderSeesItsScope) {
    Invoice(own_, "100.00", D("2026-01-01"), D("2026-02-01"));
    Invoice(same_, "200.00", D("2026-01-01"), D("2026-02-01"));
    Invoice(north_, "400.00", D("2026-01-01"), D("2026-02-01"));
    auto keys = [](const app::AgingReport& r) {
        std::set<std::string> out;
        for (const auto& row : r.rows) out.insert(row.key);
        return out;
    };
    EXPECT_EQ(keys(Aging(sales_, today_)), std::set<std::string>{own_.str()});
    EXPECT_EQ(Aging(sales_, today_).total.Total(), 100'00);
    EXPECT_EQ(keys(Aging(rm_north_, today_)), std::set<std::string>{north_.str()});
    EXPECT_EQ(keys(Aging(admin_, today_)), (std::set<std::string>{own_.str(), same_.str(), north_.str()}));
    const app::AgingReport regions = Aging(admin_, today_, app::AgingGroupBy::kRegion);
    ASSERT_EQ(regions.rows.size(), 2u);
    EXPECT_EQ(regions.rows[0].key, "north");  // the largest first
    EXPECT_EQ(regions.rows[1].key, "east");
    EXPECT_EQ(regions.rows[1].customers, 2);
    EXPECT_EQ(regions.rows[1].base.Total(), 300'00);
    const app::AgingReport owners = Aging(admin_, today_, app::AgingGroupBy::kOwner);
    ASSERT_EQ(owners.rows.size(), 3u);
    EXPECT_EQ(Row(owners, "")->base.Total(), 400'00);  // no owner
    EXPECT_EQ(Row(owners, sales_.id.str())->label, sales_.display_name);
    EXPECT_EQ(keys(Aging(admin_, today_, app::AgingGroupBy::kCustomer, "east")),
              (std::set<std::string>{own_.str(), same_.str()}));
    // The salesperson's own scope stays in force under a filter for another region: nothing.
    EXPECT_TRUE(Aging(sales_, today_, app::AgingGroupBy::kCustomer, "north").rows.empty());
    app::AgingQuery unknown{today_, app::AgingGroupBy::kCustomer, "atlantis", std::nullopt};
    auto bad = app::ReadTx(db(), [&](Tx& tx) { return app::Aging(tx, ctx(), admin_, unknown); });
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().fields.contains("region"));
}

TEST_F(ReceivablesReportsDbTest, MonthlyKpisOfASmallLedger) {
    // January 2026: 100.00 issued 01-10 due 01-20, 40.00 paid 01-25, 60.00 paid 02-05.
    // February: 50.00 issued 02-10 due 03-12, open.
    const std::int64_t a = Invoice(own_, "100.00", D("2026-01-10"), D("2026-01-20"));
    Pay(own_, a, "40.00", D("2026-01-25"));
    Pay(own_, a, "60.00", D("2026-02-05"));
    Invoice(own_, "50.00", D("2026-02-10"), D("2026-03-12"));
    Invoice(north_, "70.00", D("2026-02-10"), D("2026-02-11"));  // outside the salesperson's scope
    app::KpiQuery q{std::chrono::year(2026) / 1, std::chrono::year(2026) / 2, today_, std::nullopt, std::nullopt};
    auto r = app::ReadTx(db(), [&](Tx& tx) { return app::Kpis(tx, ctx(), sales_, q); });
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->months.size(), 2u);
    const auto& jan = r->months[0];
    EXPECT_EQ(jan.totals.invoiced, 100'00);
    EXPECT_EQ(jan.totals.open, 60'00);
    EXPECT_EQ(jan.totals.overdue, 60'00);
    EXPECT_EQ(jan.totals.due, 100'00);
    EXPECT_EQ(jan.totals.collected, 40'00);
    EXPECT_EQ(jan.kpis.dso_days, 19);  // 60 / 100 × 31 = 18.6
    EXPECT_EQ(jan.kpis.collection_rate_bp, 4000);
    EXPECT_EQ(jan.kpis.overdue_ratio_bp, 10000);
    EXPECT_EQ(jan.kpis.bad_debt_ratio_bp, 0);
    EXPECT_EQ(jan.kpis.fulfilment_rate_bp, std::nullopt);  // no orders
    const auto& feb = r->months[1];
    EXPECT_EQ(feb.totals.invoiced, 50'00);
    EXPECT_EQ(feb.totals.open, 50'00);
    EXPECT_EQ(feb.totals.overdue, 0);
    EXPECT_EQ(feb.totals.due, 60'00);  // what was open of the January invoice
    EXPECT_EQ(feb.totals.collected, 60'00);
    EXPECT_EQ(feb.kpis.dso_days, 28);
    EXPECT_EQ(feb.kpis.collection_rate_bp, 10000);
    EXPECT_FALSE(r->notes.empty());  // no write-offs recorded
    // The admin sees the northern customer's invoice too.
    auto all = app::ReadTx(db(), [&](Tx& tx) { return app::Kpis(tx, ctx(), admin_, q); });
    ASSERT_TRUE(all);
    EXPECT_EQ(all->months[1].totals.invoiced, 120'00);
    EXPECT_EQ(all->months[1].totals.overdue, 70'00);
    app::KpiQuery backwards{std::chrono::year(2026) / 3, std::chrono::year(2026) / 2, today_, std::nullopt,
                            std::nullopt};
    auto bad = app::ReadTx(db(), [&](Tx& tx) { return app::Kpis(tx, ctx(), admin_, backwards); });
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().fields.contains("from"));
}

}  // namespace
}  // namespace credo
