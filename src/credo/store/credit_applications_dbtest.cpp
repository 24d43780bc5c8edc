// Credit applications through the approval chain (SPEC AP-1) on every backend: the terms take effect only
// when the chain completes, every decision is kept, and the rules of the chain hold.
#include <gtest/gtest.h>

#include "credo/app/credit.hpp"
#include "credo/app/credit_applications.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/orders.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

class CreditApplicationsDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        rm_ = MakeUser("rm.east", {Role::kRegionalManager}, "east");
        rm_north_ = MakeUser("rm.north", {Role::kRegionalManager}, "north");
        sm_ = MakeUser("sales.manager", {Role::kSalesManager});
        finance_ = MakeUser("cfo", {Role::kFinance});
        exec_ = MakeUser("ceo", {Role::kExecutive});
        auto c = Enterprise("淮安恒信阀门有限公司");
        c.owner = sales_.id;
        customer_ = app::WriteTx(db(), [&](Tx& tx) {
                        return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt);
                    })->customer.id;
    }

    Result<app::CreditApplicationRecord> Submit(const domain::Actor& who, std::string limit) {
        app::CreditApplicationInput in;
        in.customer = customer_;
        in.limit = std::move(limit);
        in.grade = "II";
        in.report_date = DateOf(ctx().clock.Now());
        in.reason = "年度框架合同, 预计月采购 30 万";
        return app::WriteTx(db(), [&](Tx& tx) { return app::SubmitCreditApplication(tx, ctx(), who, in); });
    }

    Result<app::CreditApplicationRecord> Decide(const domain::Actor& who, std::int64_t id, std::string decision,
                                                std::string comment = "同意") {
        return app::WriteTx(
            db(), [&](Tx& tx) { return app::DecideCreditApplication(tx, ctx(), who, id, decision, comment); });
    }

    std::optional<std::int64_t> Limit() {
        auto a = app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindAccount(customer_); }).value();
        return a ? a->limit_minor : std::nullopt;
    }

    domain::Actor admin_, sales_, rm_, rm_north_, sm_, finance_, exec_;
    CustomerId customer_;
};

TEST_F(CreditApplicationsDbTest, TheTermsTakeEffectOnlyWhenTheChainCompletes) {
    auto a = Submit(sales_, "300000.00");
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a->status, "pending");
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return tx.CreditApplications().Find(a->id); })->report_date,
              DateOf(ctx().clock.Now()));
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return app::NextStepOf(tx, ctx(), *a); }).value(), "regional_manager");
    // Out of order, another region's manager, the applicant: refused, nothing recorded.
    EXPECT_EQ(Decide(finance_, a->id, "approve").error().code, Errc::kForbidden);
    EXPECT_EQ(Decide(rm_north_, a->id, "approve").error().code, Errc::kNotFound);  // outside its scope
    EXPECT_EQ(Decide(sales_, a->id, "approve").error().code, Errc::kForbidden);
    ASSERT_TRUE(Decide(rm_, a->id, "approve"));
    ASSERT_TRUE(Decide(sm_, a->id, "approve"));
    EXPECT_EQ(Limit(), std::nullopt);  // not yet
    auto done = Decide(finance_, a->id, "approve", "财务核准");
    ASSERT_TRUE(done) << done.error().message;
    EXPECT_EQ(done->status, "approved");  // 300,000 is below the executive's threshold
    EXPECT_EQ(Limit(), 30'000'000);
    auto account = app::ReadTx(db(), [&](Tx& tx) { return tx.Ledger().FindAccount(customer_); }).value();
    EXPECT_EQ(account->report_date, DateOf(ctx().clock.Now()));
    EXPECT_EQ(account->grade, "II");
    auto stored = app::ReadTx(db(), [&](Tx& tx) { return app::GetCreditApplication(tx, ctx(), admin_, a->id); });
    ASSERT_EQ(stored->decisions.size(), 3u);
    EXPECT_EQ(stored->decisions[2].comment, "财务核准");
    // Deciding twice: the application is complete.
    EXPECT_EQ(Decide(exec_, a->id, "approve").error().code, Errc::kConflict);
    // With the limit, a credit order passes.
    app::OrderInput order;
    order.customer = customer_;
    order.lines.push_back({"闸阀", "DN100", "10", "1000.00"});
    auto placed = app::WriteTx(db(), [&](Tx& tx) { return app::PlaceOrder(tx, ctx(), sales_, order); });
    ASSERT_TRUE(placed);
    EXPECT_EQ(placed->order.status, "approved") << (placed->order.reasons.empty() ? "" : placed->order.reasons[0]);
}

TEST_F(CreditApplicationsDbTest, ALargeLimitNeedsTheExecutiveAndAReturnStartsANewRound) {
    auto a = Submit(sales_, "2000000.00");
    ASSERT_TRUE(a);
    EXPECT_EQ(Submit(sales_, "1.00").error().code, Errc::kConflict);  // one pending application at a time
    ASSERT_TRUE(Decide(rm_, a->id, "approve"));
    // A comment is required to return.
    EXPECT_TRUE(Decide(sm_, a->id, "return", " ").error().fields.contains("comment"));
    auto returned = Decide(sm_, a->id, "return", "请补充对方财务报表");
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->status, "returned");
    EXPECT_EQ(Decide(finance_, a->id, "approve").error().code, Errc::kConflict);
    // Only the applicant resubmits.
    app::CreditApplicationInput change;
    change.limit = "1500000.00";
    change.reason = "已补充 2025 年审计报告";
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return app::ResubmitCreditApplication(tx, ctx(), rm_, a->id, change); })
                  .error()
                  .code,
              Errc::kForbidden);
    auto again =
        app::WriteTx(db(), [&](Tx& tx) { return app::ResubmitCreditApplication(tx, ctx(), sales_, a->id, change); });
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->round, 2);
    for (const auto* who : {&rm_, &sm_, &finance_}) ASSERT_TRUE(Decide(*who, a->id, "approve"));
    EXPECT_EQ(Limit(), std::nullopt);  // 1,500,000 is above 1,000,000: the executive decides last
    auto done = Decide(exec_, a->id, "approve");
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, "approved");
    EXPECT_EQ(Limit(), 150'000'000);
}

TEST_F(CreditApplicationsDbTest, BadApplicationsAreRefusedAndWriteNothing) {
    EXPECT_EQ(Submit(finance_, "1000.00").error().code, Errc::kForbidden);  // finance decides, it does not apply
    EXPECT_TRUE(Submit(sales_, "-1.00").error().fields.contains("limit"));
    EXPECT_TRUE(Submit(sales_, "1.001").error().fields.contains("limit"));
    app::CreditApplicationInput in;
    in.customer = customer_;
    in.limit = "1000.00";
    EXPECT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::SubmitCreditApplication(tx, ctx(), sales_, in); })
                    .error()
                    .fields.contains("reason"));
    // A limit below what the customer already owes.
    app::CreditTerms terms{"CNY",        100'000'000, 30,           std::nullopt,
                           std::nullopt, "II",        std::nullopt, DateOf(ctx().clock.Now())};
    ASSERT_TRUE(
        db().Write([&](Tx& tx) { return app::GrantCredit(tx, ctx(), domain::SystemActor(), customer_, terms); }));
    app::OrderInput order;
    order.customer = customer_;
    order.lines.push_back({"闸阀", "DN100", "1", "50000.00"});
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::PlaceOrder(tx, ctx(), sales_, order); }));
    auto below = Submit(sales_, "49999.99");
    ASSERT_FALSE(below);
    EXPECT_TRUE(below.error().fields.contains("limit")) << below.error().message;
    auto page = app::ReadTx(db(), [&](Tx& tx) { return app::ListCreditApplications(tx, admin_, {}); });
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 0);
    // A rejection ends it, with its reason kept.
    auto a = Submit(sales_, "60000.00");
    ASSERT_TRUE(a);
    auto rejected = Decide(rm_, a->id, "reject", "回款记录不足");
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->status, "rejected");
    EXPECT_EQ(Limit(), 100'000'000);
}

}  // namespace
}  // namespace credo
