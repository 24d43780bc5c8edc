// The re-evaluation (SPEC CE-1…CE-3, CE-5, AP-2) on every backend: grades and scores from the ledger,
// and upgrade and downgrade proposals as credit applications, once per date.
#include <gtest/gtest.h>

#include "credo/app/credit.hpp"
#include "credo/app/credit_applications.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/ownership.hpp"
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

TEST_F(ReevaluationDbTest, AJustificationSetsTheDowngradeAsideWhileItRuns) {
    const CustomerId late = Customer("淮安说明机械有限公司", 10'000'000);
    Invoice(late, "2026-01-20", "50000.00");
    auto manager = MakeUser("wang.fang", {Role::kRegionalManager}, "east");
    auto record = [&](const domain::Actor& who, std::string reason, const char* until) {
        return app::WriteTx(db(),
                            [&](Tx& tx) { return app::RecordJustification(tx, ctx(), who, late, reason, D(until)); });
    };
    // Bad requests name their field and write nothing; the salesperson may not set its own customer aside.
    EXPECT_EQ(record(sales_, "客户项目款一月到账", "2026-04-30").error().code, Errc::kForbidden);
    EXPECT_TRUE(record(manager, "  ", "2026-04-30").error().fields.contains("reason"));
    EXPECT_TRUE(record(manager, "客户项目款一月到账", "2026-03-14").error().fields.contains("valid_until"));
    EXPECT_TRUE(record(manager, "客户项目款一月到账", "2027-03-17").error().fields.contains("valid_until"));
    auto none = app::ReadTx(db(), [&](Tx& tx) { return app::ListJustifications(tx, admin_, late); });
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());

    auto j = record(manager, "客户项目款一月到账，沟通后理由充分", "2026-04-30");  // today is 2026-03-15
    ASSERT_TRUE(j) << j.error().message;
    EXPECT_EQ(j->day, D("2026-03-15"));
    auto listed = app::ReadTx(db(), [&](Tx& tx) { return app::ListJustifications(tx, sales_, late); }).value();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].created_by_name, manager.display_name);
    EXPECT_EQ(listed[0].valid_until, D("2026-04-30"));

    // While it runs the downgrade is set aside; once it has ended the next run proposes it.
    auto report = app::WriteTx(db(), [&](Tx& tx) { return app::Reevaluate(tx, ctx(), D("2026-04-01")); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->downgrades, 0);
    EXPECT_EQ(report->set_aside, 1);
    report = app::WriteTx(db(), [&](Tx& tx) { return app::Reevaluate(tx, ctx(), D("2026-05-01")); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->downgrades, 1);
    EXPECT_EQ(report->set_aside, 0);
}

TEST_F(ReevaluationDbTest, GradesScoresAndProposalsFollowThePolicies) {
    auto set = [&](std::string key, std::int64_t value) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::UpdatePolicy(tx, ctx(), admin_, key, value); });
    };
    // The initial-grade scores may not rise from I to III: refused, nothing changed.
    EXPECT_TRUE(set("credit.initial_grade_II", 90).error().fields.contains("value"));
    ASSERT_TRUE(set("credit.initial_grade_I", 95));
    ASSERT_TRUE(set("credit.upgrade_max_increase_pct", 10));
    ASSERT_TRUE(set("credit.downgrade_cut_pct", 50));
    // Only the collected ratio counts in the score now; the weights may not all be zero.
    for (const char* key : {"credit.score_weight_evaluation", "credit.score_weight_on_time",
                            "credit.score_weight_days_past_due", "credit.score_weight_months_without_collection"})
        ASSERT_TRUE(set(key, 0)) << key;
    EXPECT_TRUE(set("credit.score_weight_collected", 0).error().fields.contains("value"));

    const CustomerId good = Customer("淮安守约阀门有限公司", 10'000'000);
    for (const char* due : {"2025-10-15", "2025-11-15", "2026-01-15", "2026-02-15"})
        Pay(good, Invoice(good, due, "20000.00"), due, "20000.00");
    const CustomerId late = Customer("淮安欠款机械有限公司", 10'000'000);
    Invoice(late, "2026-01-20", "50000.00");
    const CustomerId fresh = Customer("淮安初评科技有限公司", std::nullopt);
    app::EvaluationInput e;
    e.customer = fresh;
    for (const auto& [_, name] : domain::kEvaluationFactorNames.entries) e.factors[std::string(name)] = 9;
    e.day = D("2026-03-01");
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::AddEvaluation(tx, ctx(), sales_, e); }));

    auto report = app::WriteTx(db(), [&](Tx& tx) { return app::Reevaluate(tx, ctx(), D("2026-04-01")); });
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(Account(fresh).grade, "II");  // 90 is below the new 95 for I
    EXPECT_EQ(Account(good).score, 100);
    EXPECT_EQ(Account(late).score, 0);  // nothing collected
    app::CreditApplicationQuery q;
    q.source = "reevaluation";
    auto proposals = app::ReadTx(db(), [&](Tx& tx) { return tx.CreditApplications().List(q); }).value();
    ASSERT_EQ(proposals.total, 2);
    for (const auto& p : proposals.items)
        EXPECT_EQ(p.requested_limit_minor, p.customer == good ? 11'000'000 : 5'000'000);
    // The behaviour read of a file weighs the score the same way.
    auto view = app::ReadTx(db(), [&](Tx& tx) { return app::GetBehaviour(tx, ctx(), admin_, late, D("2026-04-01")); });
    ASSERT_TRUE(view) << view.error().message;
    EXPECT_EQ(view->score.score, 0);
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
