// Analytics (SPEC CL-4, RP-6) on every backend: segmentation of the customers in scope and the
// payment-delay model trained on a small ledger whose late payers can be told apart, stored and used.
#include <gtest/gtest.h>

#include "credo/app/analytics.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/receivables.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

Date D(const char* text) { return ParseDate(text, "d").value(); }

class AnalyticsDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        finance_ = MakeUser("cfo", {Role::kFinance});
    }

    CustomerId Customer(const std::string& name, bool own) {
        auto c = Enterprise(name);
        if (own) c.owner = sales_.id;
        return app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); })
            ->customer.id;
    }

    // A monthly invoice of `amount` due on the 10th from July 2024 to December 2025, each paid `delay`
    // days after its due date (negative: early).
    void Trade(CustomerId customer, const std::string& amount, int delay) {
        for (int m = 0; m < 18; ++m) {
            const Date due = AddMonths(D("2024-07-10"), m);
            app::InvoiceInput in;
            in.customer = customer;
            in.currency = "CNY";
            in.amount = amount;
            in.issue_date = AddDays(due, -30);
            in.due_date = due;
            auto inv = app::WriteTx(db(), [&](Tx& tx) { return app::IssueInvoice(tx, ctx(), finance_, in); });
            ASSERT_TRUE(inv) << inv.error().message;
            const Date paid = AddDays(due, delay);
            if (paid > D("2026-03-14")) continue;
            app::PaymentInput p;
            p.customer = customer;
            p.currency = "CNY";
            p.amount = amount;
            p.day = paid;
            p.allocations = std::vector<app::AllocationInput>{{inv->id, amount}};
            auto r = app::WriteTx(db(), [&](Tx& tx) { return app::RecordPayment(tx, ctx(), finance_, p); });
            ASSERT_TRUE(r) << r.error().message;
        }
    }

    // 18 customers: every third pays 45 to 60 days late and buys little; the others pay on time.
    void SeparableLedger() {
        for (int i = 0; i < 18; ++i) {
            const bool late = i % 3 == 0;
            const CustomerId c = Customer("淮安分析客户" + std::to_string(i) + "有限公司", i < 6);
            Trade(c, late ? std::to_string(5000 + 100 * i) + ".00" : std::to_string(40000 + 1000 * i) + ".00",
                  late ? 45 + i % 16 : -(i % 5));
        }
    }

    domain::Actor admin_, sales_, finance_;
};

TEST_F(AnalyticsDbTest, SegmentsTheCustomersInScopeReproducibly) {
    SeparableLedger();
    const Date as_of = D("2026-03-01");
    auto all = app::ReadTx(db(), [&](Tx& tx) { return app::SegmentCustomers(tx, ctx(), finance_, 2, as_of, 7); });
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->customers.size(), 18u);
    ASSERT_EQ(all->segmentation.clusters.size(), 2u);
    // The late, small buyers form one cluster, the punctual ones the other.
    const int late_cluster = all->customers[0].cluster;  // by code: the first customer created pays late
    for (std::size_t i = 0; i < all->customers.size(); ++i) {
        const bool late = all->customers[i].features[analytics::FeatureIndex(analytics::Feature::kOnTimeRatio)] == 0;
        EXPECT_EQ(all->customers[i].cluster == late_cluster, late) << all->customers[i].name;
    }
    auto again = app::ReadTx(db(), [&](Tx& tx) { return app::SegmentCustomers(tx, ctx(), finance_, 2, as_of, 7); });
    ASSERT_TRUE(again);
    for (std::size_t i = 0; i < all->customers.size(); ++i)
        EXPECT_EQ(again->customers[i].cluster, all->customers[i].cluster);

    // The salesperson clusters its own six customers, and no more than six clusters of them.
    auto own = app::ReadTx(db(), [&](Tx& tx) { return app::SegmentCustomers(tx, ctx(), sales_, 3, as_of, 7); });
    ASSERT_TRUE(own) << own.error().message;
    EXPECT_EQ(own->customers.size(), 6u);
    auto too_many = app::ReadTx(db(), [&](Tx& tx) { return app::SegmentCustomers(tx, ctx(), sales_, 7, as_of, 7); });
    ASSERT_FALSE(too_many);
    EXPECT_TRUE(too_many.error().fields.contains("k"));

    // Before any invoice there is nobody to cluster.
    auto early =
        app::ReadTx(db(), [&](Tx& tx) { return app::SegmentCustomers(tx, ctx(), finance_, 2, D("2024-01-01"), 7); });
    ASSERT_FALSE(early);
    EXPECT_TRUE(early.error().fields.contains("k"));
}

TEST_F(AnalyticsDbTest, TrainsStoresAndPredictsPaymentDelays) {
    SeparableLedger();
    const Date as_of = D("2026-03-15");
    auto none = app::ReadTx(db(), [&](Tx& tx) { return app::PredictDelays(tx, ctx(), finance_, as_of); });
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->model);
    EXPECT_TRUE(none->items.empty());

    auto forbidden = app::WriteTx(db(), [&](Tx& tx) { return app::TrainDelayModel(tx, ctx(), sales_, as_of, 1); });
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, Errc::kForbidden);
    auto future =
        app::WriteTx(db(), [&](Tx& tx) { return app::TrainDelayModel(tx, ctx(), finance_, D("2026-03-16"), 1); });
    ASSERT_FALSE(future);
    EXPECT_TRUE(future.error().fields.contains("as_of"));
    auto short_history =
        app::WriteTx(db(), [&](Tx& tx) { return app::TrainDelayModel(tx, ctx(), finance_, D("2025-01-31"), 1); });
    ASSERT_FALSE(short_history);
    EXPECT_TRUE(short_history.error().fields.contains("as_of")) << short_history.error().message;

    auto model = app::WriteTx(db(), [&](Tx& tx) { return app::TrainDelayModel(tx, ctx(), finance_, as_of, 1); });
    ASSERT_TRUE(model) << model.error().message;
    std::printf("separable ledger: delay model AUC %.4f on %lld held-out examples (%lld late), %lld trained on\n",
                static_cast<double>(model->auc_ppm) / 1e6, static_cast<long long>(model->test_examples),
                static_cast<long long>(model->test_late), static_cast<long long>(model->train_examples));
    EXPECT_GT(model->auc_ppm, 800'000);
    EXPECT_EQ(model->last_quarter, D("2025-09-30"));

    auto p = app::ReadTx(db(), [&](Tx& tx) { return app::PredictDelays(tx, ctx(), finance_, as_of); });
    ASSERT_TRUE(p) << p.error().message;
    ASSERT_TRUE(p->model);
    EXPECT_EQ(p->model->id, model->id);
    EXPECT_EQ(p->model->auc_ppm, model->auc_ppm);
    ASSERT_EQ(p->items.size(), 18u);
    // The six late payers head the list.
    for (std::size_t i = 0; i < 6; ++i)
        EXPECT_EQ(p->items[i].on_time_ratio, 0) << p->items[i].name << " " << p->items[i].probability;
    EXPECT_GT(p->items[5].probability, p->items[6].probability);

    // The salesperson sees its own customers' predictions; a date before the model has none.
    auto own = app::ReadTx(db(), [&](Tx& tx) { return app::PredictDelays(tx, ctx(), sales_, as_of); });
    ASSERT_TRUE(own);
    EXPECT_EQ(own->items.size(), 6u);
    auto before = app::ReadTx(db(), [&](Tx& tx) { return app::PredictDelays(tx, ctx(), finance_, D("2026-03-14")); });
    ASSERT_TRUE(before);
    EXPECT_FALSE(before->model);

    // Training again with the same seed gives the same model.
    auto again = app::WriteTx(db(), [&](Tx& tx) { return app::TrainDelayModel(tx, ctx(), finance_, as_of, 1); });
    ASSERT_TRUE(again);
    EXPECT_EQ(again->model, model->model);
    EXPECT_GT(again->id, model->id);
}

}  // namespace
}  // namespace credo
