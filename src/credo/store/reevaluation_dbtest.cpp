// The re-evaluation (SPEC CE-1…CE-3, CE-5, AP-2) on every backend: grades and scores from the ledger,
// and upgrade and downgrade proposals as credit applications, once per date.
#include <gtest/gtest.h>

#include "credo/app/credit.hpp"
#include "credo/app/credit_applications.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/receivables.hpp"
#include "credo/app/reevaluation.hpp"
#include "credo/domain/credit/evaluation.hpp"
#include "credo/jobs/scheduler.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

Date D(const char* text) { return ParseDate(text, "d").value(); }

class ReevaluationDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        finance_ = MakeUser("cfo", {Role::kFinance});
    }

    CustomerId Customer(std::string name, std::optional<std::int64_t> limit) {
        auto c = Enterprise(std::move(name));
        c.owner = sales_.id;
        auto id = app::WriteTx(db(), [&](Tx& tx) {
                      return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt);
                  })->customer.id;
        if (limit) {
            app::CreditTerms terms{"CNY",           *limit, 30,           D("2025-06-01"),
                                   D("2026-12-31"), "II",   std::nullopt, D("2026-01-01")};
            EXPECT_TRUE(
                db().Write([&](Tx& tx) { return app::GrantCredit(tx, ctx(), domain::SystemActor(), id, terms); }));
        }
        return id;
    }

    std::int64_t Invoice(CustomerId customer, const char* due, std::string amount) {
        app::InvoiceInput in;
        in.customer = customer;
        in.currency = "CNY";
        in.amount = std::move(amount);
        in.issue_date = AddDays(D(due), -30);
        in.due_date = D(due);
        auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
        EXPECT_TRUE(inv) << inv.error().message;
        return inv->id;
    }

    void Pay(CustomerId customer, std::int64_t invoice, const char* day, std::string amount) {
        app::PaymentInput p;
        p.customer = customer;
        p.currency = "CNY";
        p.amount = amount;
        p.day = D(day);
        p.allocations = std::vector<app::AllocationInput>{{invoice, amount}};
        auto paid = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, p); });
        EXPECT_TRUE(paid) << paid.error().message;
    }

    app::CreditAccount Account(CustomerId customer) {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindAccount(customer); }).value().value();
    }

    domain::Actor admin_, sales_, finance_;
};

TEST_F(ReevaluationDbTest, GradesScoresAndProposalsFromTheLedger) {
    // A pays everything on its due date in both quarters before 2026-04-01.
    const CustomerId good = Customer("淮安守信阀门有限公司", 10'000'000);
    for (const char* due : {"2025-10-15", "2025-11-15", "2026-01-15", "2026-02-15"}) {
        const auto inv = Invoice(good, due, "20000.00");
        Pay(good, inv, due, "20000.00");
    }
    // B has owed 50,000 since 2026-01-20 and paid nothing since.
    const CustomerId late = Customer("淮安拖欠机械有限公司", 10'000'000);
    Invoice(late, "2026-01-20", "50000.00");
    // C has no history, only an evaluation: its initial grade comes from it.
    const CustomerId fresh = Customer("淮安新客户科技有限公司", std::nullopt);
    app::EvaluationInput e;
    e.customer = fresh;
    for (const auto& [_, name] : domain::kEvaluationFactorNames.entries) e.factors[std::string(name)] = 9;
    e.day = D("2026-03-01");
    auto evaluated = app::WriteTx(db(), [&](Tx& tx) { return app::AddEvaluation(tx, ctx(), sales_, e); });
    ASSERT_TRUE(evaluated) << evaluated.error().message;
    EXPECT_EQ(evaluated->score, 90);

    auto report = app::WriteTx(db(), [&](Tx& tx) { return app::Reevaluate(tx, ctx(), D("2026-04-01")); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->accounts, 3);
    EXPECT_EQ(report->upgrades, 1);
    EXPECT_EQ(report->downgrades, 1);
    EXPECT_EQ(Account(good).grade, "I");
    EXPECT_EQ(Account(late).grade, "III");  // 71 days past due, nothing collected
    EXPECT_EQ(Account(fresh).grade, "I");   // initial, from the evaluation's 90
    EXPECT_LT(*Account(late).score, *Account(good).score);

    app::CreditApplicationQuery q;
    q.source = "reevaluation";
    auto proposals = app::ReadTx(db(), [&](Tx& tx) { return tx.CreditApplications().List(q); }).value();
    ASSERT_EQ(proposals.total, 2);
    for (const auto& p : proposals.items) {
        EXPECT_EQ(p.status, "pending");
        EXPECT_EQ(p.applicant, std::nullopt);
        if (p.customer == good) {
            EXPECT_EQ(p.requested_limit_minor, 12'000'000);  // grade I cannot go up: the limit, + 20 %
            EXPECT_EQ(p.proposal.front(), "good_payments_two_quarters");
        } else {
            EXPECT_EQ(p.customer, late);
            EXPECT_EQ(p.requested_grade, "IV");
            EXPECT_EQ(p.requested_limit_minor, 8'000'000);
            EXPECT_EQ(p.proposal.front(), "no_collection_consecutive_months");
        }
    }
    // A proposal runs through the chain like any application: the system is no applicant who could block it.
    auto next = app::ReadTx(db(), [&](Tx& tx) { return app::NextStepOf(tx, ctx(), proposals.items[0]); });
    EXPECT_EQ(next.value(), "regional_manager");

    // Once per date through the job; a pending proposal is not made twice.
    jobs::Scheduler scheduler(db(), ctx(), "test");
    jobs::RegisterStandardJobs(scheduler);
    EXPECT_EQ(scheduler.RunNow("reevaluation", D("2026-04-01")).value(), jobs::RunOutcome::kRan);
    EXPECT_EQ(scheduler.RunNow("reevaluation", D("2026-04-01")).value(), jobs::RunOutcome::kAlreadyRan);
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return tx.CreditApplications().List(q); })->total, 2);
    EXPECT_TRUE(app::StartsQuarter(D("2026-07-01")));
    EXPECT_FALSE(app::StartsQuarter(D("2026-07-02")));
    EXPECT_FALSE(app::StartsQuarter(D("2026-08-01")));
}

TEST_F(ReevaluationDbTest, AnEvaluationNamesABadFactor) {
    const CustomerId c = Customer("淮安评估测试有限公司", std::nullopt);
    app::EvaluationInput e;
    e.customer = c;
    for (const auto& [_, name] : domain::kEvaluationFactorNames.entries) e.factors[std::string(name)] = 5;
    e.factors["leadership"] = 11;
    auto r = app::WriteTx(db(), [&](Tx& tx) { return app::AddEvaluation(tx, ctx(), sales_, e); });
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().fields.contains("factors.leadership")) << r.error().message;
    e.factors.erase("leadership");
    r = app::WriteTx(db(), [&](Tx& tx) { return app::AddEvaluation(tx, ctx(), sales_, e); });
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().fields.contains("factors.leadership"));
    e.factors["leadership"] = 5;
    e.factors["charisma"] = 5;
    r = app::WriteTx(db(), [&](Tx& tx) { return app::AddEvaluation(tx, ctx(), sales_, e); });
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().fields.contains("factors.charisma"));
}

}  // namespace
}  // namespace credo
