// Classification and dynamic management (SPEC CL-1, CL-5, DY-2, DY-3) on every backend: a small company
// shaped like the seed's valve maker (a few A and B customers, many C, new ones and prospects as D, a
// foreign-currency buyer, credit notes), whose distributions add up whichever way they are grouped, and
// the report reminders that run once per date.
#include <gtest/gtest.h>

#include <numeric>

#include "credo/app/alerts.hpp"
#include "credo/app/classification.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/customer_transfer.hpp"
#include "credo/app/receivables.hpp"
#include "credo/jobs/scheduler.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

Date D(const char* text) { return ParseDate(text, "d").value(); }

class ClassificationDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        clock().Set(StartOfDay(D("2026-06-20")) + std::chrono::hours(9));
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        finance_ = MakeUser("cfo", {Role::kFinance});
    }

    CustomerId Customer(const std::string& name, const char* region, const char* start, const char* lifecycle,
                        bool owned) {
        auto c = Enterprise(name, "0517-8391 " + std::to_string(2000 + count_),
                            "91320800MA1X" + std::to_string(10000 + count_));
        ++count_;
        c.region = region;
        if (start) c.attributes["relationship_start"] = D(start);
        c.lifecycle = domain::kLifecycleNames.Parse(lifecycle, "lifecycle").value();
        if (owned) c.owner = sales_.id;
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return saved->customer.id;
    }

    void Invoice(CustomerId customer, const char* issue, const std::string& amount, const char* currency = "CNY") {
        app::InvoiceInput in;
        in.customer = customer;
        in.currency = currency;
        in.amount = amount;
        in.issue_date = D(issue);
        in.due_date = AddDays(D(issue), 30);
        auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
        EXPECT_TRUE(inv) << inv.error().message;
    }

    void CreditNote(CustomerId customer, const char* day, const std::string& amount) {
        app::PaymentInput p;
        p.customer = customer;
        p.kind = "credit_note";
        p.currency = "CNY";
        p.amount = amount;
        p.day = D(day);
        auto note = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, p); });
        EXPECT_TRUE(note) << note.error().message;
    }

    app::Distribution Report(const domain::Actor& actor, Date as_of, app::DistributionBy by) {
        auto r = app::ReadTx(db(), [&](Tx& tx) { return app::DistributionReport(tx, ctx(), actor, as_of, by); });
        EXPECT_TRUE(r) << r.error().message;
        return *r;
    }

    int count_ = 0;
    domain::Actor admin_, sales_, finance_;
};

TEST_F(ClassificationDbTest, TheDistributionAddsUpEveryWay) {
    ASSERT_TRUE(
        db().Write([&](Tx& tx) { return app::SetFxRate(tx, ctx(), admin_, "USD", D("2025-01-01"), "7.00000000"); }));
    const char* regions[] = {"east", "north", "south"};
    // 3 A (one paying in USD, one at the boundary after a credit note), 4 B, 9 C, 5 D.
    int n = 0;
    auto next = [&](const char* start, const char* lifecycle = "established") {
        const int i = n++;
        return Customer("分布测试" + std::to_string(i) + "阀门有限公司", regions[i % 3], start, lifecycle, i % 4 == 0);
    };
    Invoice(next("2018-03-01"), "2026-02-10", "450000.00");
    Invoice(next("2019-05-01"), "2025-12-01", "42857.15", "USD");  // 300,000.05 CNY at 7
    const CustomerId edge = next("2020-01-01");
    Invoice(edge, "2026-01-15", "300000.51");
    CreditNote(edge, "2026-03-01", "0.51");
    for (int i = 0; i < 4; ++i) Invoice(next("2021-06-01"), "2026-04-01", std::to_string(200000 + i * 30000) + ".00");
    for (int i = 0; i < 9; ++i) Invoice(next("2017-09-01"), "2025-08-01", std::to_string(5000 + i * 20000) + ".00");
    for (int i = 0; i < 3; ++i) Invoice(next("2026-01-10", "new"), "2026-02-01", "80000.00");
    next(nullptr, "prospect");
    next("2026-06-01", "prospect");
    const Date as_of = D("2026-06-30");

    auto tiers = Report(admin_, as_of, app::DistributionBy::kTier);
    ASSERT_EQ(tiers.total, 21);
    std::vector<std::int64_t> counts;
    for (const auto& g : tiers.groups) counts.push_back(g.count);
    EXPECT_EQ(counts, (std::vector<std::int64_t>{3, 4, 9, 5}));
    for (auto by : {app::DistributionBy::kTier, app::DistributionBy::kGrade, app::DistributionBy::kRegion,
                    app::DistributionBy::kOwner}) {
        auto r = Report(admin_, as_of, by);
        EXPECT_EQ(r.total, 21);
        EXPECT_EQ(std::accumulate(r.groups.begin(), r.groups.end(), std::int64_t{0},
                                  [](std::int64_t s, const app::DistributionGroup& g) { return s + g.count; }),
                  21);
        EXPECT_EQ(std::accumulate(r.groups.begin(), r.groups.end(), std::int64_t{0},
                                  [](std::int64_t s, const app::DistributionGroup& g) { return s + g.share_bp; }),
                  10000);
    }
    // The salesperson sees its own files only, and they add up too.
    auto mine = Report(sales_, as_of, app::DistributionBy::kTier);
    EXPECT_EQ(mine.total, 6);
    EXPECT_EQ(std::accumulate(mine.groups.begin(), mine.groups.end(), std::int64_t{0},
                              [](std::int64_t s, const app::DistributionGroup& g) { return s + g.share_bp; }),
              10000);
    // Before any relationship began there is nothing, and the report says why.
    auto empty = Report(admin_, D("2010-01-01"), app::DistributionBy::kTier);
    EXPECT_EQ(empty.total, 0);
    EXPECT_TRUE(empty.reason.has_value());

    // The boundary customer, one fen at a time.
    auto edge_view = app::ReadTx(db(), [&](Tx& tx) { return app::GetClassification(tx, ctx(), admin_, edge, as_of); });
    ASSERT_TRUE(edge_view) << edge_view.error().message;
    EXPECT_EQ(edge_view->customer.facts.last_12, 30'000'000);
    EXPECT_EQ(edge_view->customer.classes.tier, domain::Tier::kA);
}

// The stored purchase totals (V018) equal the ledger's after the daily job and after every invoice and credit
// note since, and the tier report of their date, which reads them, follows each document.
TEST_F(ClassificationDbTest, StoredPurchaseTotalsFollowEveryDocument) {
    ASSERT_TRUE(
        db().Write([&](Tx& tx) { return app::SetFxRate(tx, ctx(), admin_, "USD", D("2025-01-01"), "7.00000000"); }));
    const CustomerId buyer = Customer("存储测试阀门有限公司", "east", "2019-01-01", "established", true);
    const CustomerId dollar = Customer("存储测试美元客户有限公司", "north", "2019-01-01", "established", false);
    Invoice(buyer, "2026-02-10", "250000.00");
    Invoice(buyer, "2024-05-10", "90000.00");  // the third twelve-month period
    Invoice(dollar, "2025-12-01", "10000.00", "USD");
    const Date as_of = D("2026-06-30");

    auto rows = [&](bool stored, bool credit_notes) {
        auto r = app::ReadTx(db(), [&](Tx& tx) -> Result<std::vector<std::string>> {
            auto& repo = tx.Classification();
            CREDO_TRY(auto totals, stored ? repo.StoredTotals(credit_notes)
                                          : (credit_notes ? repo.CreditedTotals(as_of, std::nullopt)
                                                          : repo.InvoicedTotals(as_of, std::nullopt)));
            std::vector<std::string> out;
            for (const auto& t : totals)
                out.push_back(std::to_string(t.customer.value()) + " " + t.currency + " " +
                              std::to_string(t.periods[0]) + " " + std::to_string(t.periods[1]) + " " +
                              std::to_string(t.periods[2]) + " " + (t.first ? FormatDate(*t.first) : "-") + " " +
                              (t.last ? FormatDate(*t.last) : "-"));
            return out;
        });
        EXPECT_TRUE(r) << r.error().message;
        return *r;
    };
    auto stored_date = [&] {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.Classification().StoredTotalsDate(); }).value();
    };
    auto tier_counts = [&] {
        std::vector<std::int64_t> counts;
        for (const auto& g : Report(admin_, as_of, app::DistributionBy::kTier).groups) counts.push_back(g.count);
        return counts;
    };

    EXPECT_EQ(stored_date(), std::nullopt);
    EXPECT_TRUE(rows(true, false).empty());
    // A document before the first run stores nothing: there is no date to keep.
    Invoice(dollar, "2026-03-01", "1.00", "USD");
    EXPECT_TRUE(rows(true, false).empty());

    jobs::Scheduler scheduler(db(), ctx(), "test-server");
    jobs::RegisterStandardJobs(scheduler);
    ASSERT_TRUE(scheduler.RunNow("purchase_totals", as_of));
    EXPECT_EQ(stored_date(), as_of);
    EXPECT_EQ(rows(true, false), rows(false, false));
    EXPECT_EQ(rows(true, false).size(), 2u);
    EXPECT_EQ(tier_counts(), (std::vector<std::int64_t>{0, 1, 1, 0}));  // 250,000 is B; 70,007 CNY is C

    // An invoice of the date makes the buyer an A; a credit note brings it back to B; each in its own
    // transaction, and the stored rows stay equal to the ledger.
    Invoice(buyer, "2026-06-30", "60000.00");
    EXPECT_EQ(rows(true, false), rows(false, false));
    EXPECT_EQ(tier_counts(), (std::vector<std::int64_t>{1, 0, 1, 0}));
    CreditNote(buyer, "2026-06-01", "20000.00");
    EXPECT_EQ(rows(true, true), rows(false, true));
    EXPECT_EQ(rows(true, true).size(), 1u);
    EXPECT_EQ(tier_counts(), (std::vector<std::int64_t>{0, 1, 1, 0}));
    // A document dated after the stored date changes nothing of that date.
    Invoice(buyer, "2026-07-15", "500000.00");
    EXPECT_EQ(rows(true, false), rows(false, false));
    EXPECT_EQ(tier_counts(), (std::vector<std::int64_t>{0, 1, 1, 0}));

    // Another date reads the ledger: the next day's report sees the July invoice only from the 15th on.
    auto later = Report(admin_, D("2026-07-15"), app::DistributionBy::kTier);
    EXPECT_EQ(later.groups[0].count, 1);
    // The next day's run moves the date, and once per date.
    ASSERT_TRUE(scheduler.RunNow("purchase_totals", D("2026-07-15")));
    EXPECT_EQ(stored_date(), D("2026-07-15"));
    EXPECT_EQ(Report(admin_, D("2026-07-15"), app::DistributionBy::kTier).groups[0].count, 1);
    EXPECT_EQ(scheduler.RunNow("purchase_totals", D("2026-07-15")).value(), jobs::RunOutcome::kAlreadyRan);
}

// CF-8: the customer search filters by today's tier and by the grade on the credit account, within the
// reader's scope, on both forms of the search (free text and plain) and in the export.
TEST_F(ClassificationDbTest, TheSearchFiltersByTierAndGrade) {
    const CustomerId big = Customer("筛选测试一号阀门有限公司", "east", "2019-01-01", "established", true);
    const CustomerId middle = Customer("筛选测试二号阀门有限公司", "east", "2019-01-01", "established", false);
    const CustomerId small = Customer("筛选测试三号泵业有限公司", "north", "2019-01-01", "established", true);
    Invoice(big, "2026-03-01", "320000.00");
    Invoice(middle, "2026-04-01", "210000.00");
    Invoice(small, "2026-05-01", "1000.00");
    app::CreditTerms terms;
    terms.currency = "CNY";
    terms.limit_minor = 100'000'000;  // above the exposure of the invoices
    terms.grade = "II";
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::GrantCredit(tx, ctx(), domain::SystemActor(), middle, terms); }));
    terms.grade = "IV";
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::GrantCredit(tx, ctx(), domain::SystemActor(), small, terms); }));

    auto search = [&](const domain::Actor& actor, app::CustomerFilter f) {
        auto page = app::ReadTx(db(), [&](Tx& tx) {
            return app::SearchCustomers(tx, ctx(), actor, app::CustomerQuery{f, app::CustomerSort::kCodeAsc, 0, 50});
        });
        EXPECT_TRUE(page) << page.error().message;
        std::vector<CustomerId> ids;
        for (const auto& s : page->items) ids.push_back(s.id);
        EXPECT_EQ(page->total, static_cast<std::int64_t>(ids.size()));
        return ids;
    };
    app::CustomerFilter f;
    f.tier = domain::Tier::kA;
    EXPECT_EQ(search(admin_, f), std::vector<CustomerId>{big});
    f.tier = domain::Tier::kB;
    EXPECT_EQ(search(admin_, f), std::vector<CustomerId>{middle});
    EXPECT_TRUE(search(sales_, f).empty());  // B is not the salesperson's
    f.q = "阀门";
    EXPECT_EQ(search(admin_, f), std::vector<CustomerId>{middle});
    f.tier = domain::Tier::kD;  // nobody
    EXPECT_TRUE(search(admin_, f).empty());

    app::CustomerFilter g;
    g.grade = domain::CreditGrade::kIV;
    EXPECT_EQ(search(admin_, g), std::vector<CustomerId>{small});
    EXPECT_EQ(search(sales_, g), std::vector<CustomerId>{small});
    g.grade = domain::CreditGrade::kI;
    EXPECT_TRUE(search(admin_, g).empty());
    g.grade = domain::CreditGrade::kII;
    g.tier = domain::Tier::kB;
    EXPECT_EQ(search(admin_, g), std::vector<CustomerId>{middle});
    g.tier = domain::Tier::kC;
    EXPECT_TRUE(search(admin_, g).empty());

    // The stored totals give the same answer as the ledger.
    jobs::Scheduler scheduler(db(), ctx(), "test-server");
    jobs::RegisterStandardJobs(scheduler);
    ASSERT_TRUE(scheduler.RunNow("purchase_totals", DateOf(clock().Now())));
    app::CustomerFilter c;
    c.tier = domain::Tier::kC;
    EXPECT_EQ(search(admin_, c), std::vector<CustomerId>{small});

    // The export keeps to the filter.
    auto file = app::ReadTx(db(), [&](Tx& tx) {
        return app::ExportCustomers(tx, ctx(), admin_, c, app::CustomerSort::kCodeAsc, app::ExportFormat::kCsv);
    });
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file->rows, 1);
}

TEST_F(ClassificationDbTest, ReportRemindersOncePerDate) {
    const CustomerId c = Customer("提醒测试阀门有限公司", "east", "2020-01-01", "established", true);
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) {
        return app::AddRating(tx, ctx(), admin_, c, "中诚信", "AA", D("2025-07-20"), D("2026-07-20"));
    }));
    jobs::Scheduler scheduler(db(), ctx(), "test");
    jobs::RegisterStandardJobs(scheduler);
    auto first = scheduler.RunNow("report_reminders", D("2026-07-01"));
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(*first, jobs::RunOutcome::kRan);
    auto again = scheduler.RunNow("report_reminders", D("2026-07-01"));
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, jobs::RunOutcome::kAlreadyRan);
    // The next day runs, but the same report raises no second alert.
    ASSERT_TRUE(scheduler.RunNow("report_reminders", D("2026-07-02")));
    for (const auto& user : {sales_, finance_}) {
        auto page = app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, user, false, 50, 0); });
        ASSERT_TRUE(page);
        ASSERT_EQ(page->items.size(), 1u) << user.username;
        EXPECT_EQ(page->items[0].kind, "report_expiring");
    }
    auto admin_page = app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, admin_, false, 50, 0); });
    ASSERT_TRUE(admin_page);
    EXPECT_TRUE(admin_page->items.empty());
}

}  // namespace
}  // namespace credo
