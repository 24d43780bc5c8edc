// Central ownership on every backend: assignment, the handover of a whole book of customers, the pool's
// job and the policies, through the app/ use cases.
#include <gtest/gtest.h>

#include "credo/app/alerts.hpp"
#include "credo/app/auth.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/ownership.hpp"
#include "credo/jobs/scheduler.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Customer;
using domain::Role;

class OwnershipDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        rm_ = MakeUser("rm.east", {Role::kRegionalManager}, "east");
        leaving_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        successor_ = MakeUser("li.na", {Role::kSales}, "east");
    }

    CustomerId Create(int n, std::optional<UserId> owner) {
        Customer c;
        c.kind = domain::CustomerKind::kIndividual;
        c.name = "客户" + std::to_string(n);
        c.region = "east";
        c.attributes["phone"] = "139" + std::to_string(10000000 + n);
        c.owner = owner;
        auto saved =
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), admin_, c, std::nullopt); });
        EXPECT_TRUE(saved) << saved.error().message;
        return saved->customer.id;
    }

    std::vector<CustomerId> OwnedBy(UserId user) {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.Ownership().OwnedBy(user); }).value();
    }

    domain::Actor admin_, rm_, leaving_, successor_;
};

TEST_F(OwnershipDbTest, AssignWritesAVersionAndRespectsTheCap) {
    const CustomerId id = Create(1, std::nullopt);
    auto assigned = app::WriteTx(db(), [&](Tx& tx) {
        return app::AssignCustomer(tx, ctx(), rm_, id, successor_.id, std::string("new territory"));
    });
    ASSERT_TRUE(assigned) << assigned.error().message;
    EXPECT_EQ(assigned->owner, successor_.id);
    auto history = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().History(id); }).value();
    EXPECT_EQ(history.front().reason, "new territory");
    EXPECT_EQ(history.front().changes.front().field, "owner_id");
    // A salesperson may not assign; the cap holds.
    EXPECT_EQ(
        app::WriteTx(db(), [&](Tx& tx) { return app::AssignCustomer(tx, ctx(), successor_, id, leaving_.id, {}); })
            .error()
            .code,
        Errc::kForbidden);
    ASSERT_TRUE(app::WriteTx(
        db(), [&](Tx& tx) { return app::UpdatePolicy(tx, ctx(), admin_, "ownership.max_customers_per_sales", 1); }));
    const CustomerId second = Create(2, std::nullopt);
    auto over =
        app::WriteTx(db(), [&](Tx& tx) { return app::AssignCustomer(tx, ctx(), rm_, second, successor_.id, {}); });
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, Errc::kConflict);
    EXPECT_EQ(over.error().details.at("cap"), "1");
}

TEST_F(OwnershipDbTest, HandoverOf500CustomersLosesNone) {
    ASSERT_TRUE(app::WriteTx(
        db(), [&](Tx& tx) { return app::UpdatePolicy(tx, ctx(), admin_, "ownership.max_customers_per_sales", 1000); }));
    std::vector<CustomerId> ids;
    for (int i = 0; i < 500; ++i) ids.push_back(Create(i, leaving_.id));
    auto login = app::Login(db(), ctx(), {"zhang.wei", "password-123"});
    ASSERT_TRUE(login && !login->failure);
    app::HandoverRequest req{leaving_.id, successor_.id, {{ids[0], std::nullopt}}, "resigned"};
    // Not to the user itself, not to a disabled user.
    app::HandoverRequest to_self = req;
    to_self.to = leaving_.id;
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return app::HandOver(tx, ctx(), rm_, to_self); }).error().code,
              Errc::kInvalidArgument);
    auto record = app::WriteTx(db(), [&](Tx& tx) { return app::HandOver(tx, ctx(), rm_, req); });
    ASSERT_TRUE(record) << record.error().message;
    EXPECT_EQ(record->items.size(), 500u);
    EXPECT_TRUE(OwnedBy(leaving_.id).empty());
    EXPECT_EQ(OwnedBy(successor_.id).size(), 499u);
    auto stored = app::ReadTx(db(), [&](Tx& tx) { return app::GetHandover(tx, admin_, record->id); }).value();
    EXPECT_EQ(stored.items.size(), 500u);
    EXPECT_EQ(stored.items.front().to, std::nullopt);
    EXPECT_EQ(stored.reason, "resigned");
    auto user = app::ReadTx(db(), [&](Tx& tx) { return tx.Users().Find(leaving_.id); }).value();
    EXPECT_FALSE(user.active);
    EXPECT_FALSE(app::ReadTx(db(), [&](Tx& tx) { return tx.Sessions().Find(app::HashToken(login->token)); }));
    // The disabled user can receive nothing.
    app::HandoverRequest back{successor_.id, leaving_.id, {}, "back"};
    EXPECT_EQ(app::WriteTx(db(), [&](Tx& tx) { return app::HandOver(tx, ctx(), admin_, back); }).error().code,
              Errc::kInvalidArgument);
}

TEST_F(OwnershipDbTest, PoolReturnSendsNeglectedFilesBackAndNoticesTheOwner) {
    const CustomerId id = Create(1, successor_.id);
    jobs::Scheduler scheduler(db(), ctx(), "test");
    jobs::RegisterStandardJobs(scheduler);
    const Date today = DateOf(ctx().clock.Now());
    ASSERT_TRUE(scheduler.RunNow("pool_return", AddDays(today, 85)));
    ASSERT_TRUE(scheduler.RunNow("pool_return", AddDays(today, 86)));  // the same notice, not a second one
    auto inbox = app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, successor_, false, 50, 0); }).value();
    ASSERT_EQ(inbox.items.size(), 1u);
    EXPECT_EQ(inbox.unread, 1);
    EXPECT_EQ(inbox.items[0].kind, "pool_return");
    EXPECT_EQ(inbox.items[0].customer, id);
    EXPECT_EQ(inbox.items[0].day, AddDays(today, 91));
    EXPECT_EQ(inbox.items[0].params, R"({"days_left":6})");
    ASSERT_TRUE(scheduler.RunNow("pool_return", AddDays(today, 91)));
    EXPECT_TRUE(OwnedBy(successor_.id).empty());
    auto history = app::ReadTx(db(), [&](Tx& tx) { return tx.Customers().History(id); }).value();
    EXPECT_EQ(history.front().reason, "neglected for 91 days");
    EXPECT_EQ(scheduler.RunNow("pool_return", AddDays(today, 91)).value(), jobs::RunOutcome::kAlreadyRan);
}

// A change to the file counts as a follow-up: a file just assigned (or handed over) whose last activity
// is old stays with its new owner.
TEST_F(OwnershipDbTest, PoolReturnCountsARecentChangeAsAFollowUp) {
    const CustomerId id = Create(2, successor_.id);
    const Date today = DateOf(ctx().clock.Now());
    domain::Activity old_visit;
    old_visit.type = domain::ActivityType::kVisit;
    old_visit.date = AddDays(today, -200);
    old_visit.summary = "上门拜访";
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::AddActivity(tx, ctx(), admin_, id, old_visit); }));
    jobs::Scheduler scheduler(db(), ctx(), "test");
    jobs::RegisterStandardJobs(scheduler);
    ASSERT_TRUE(scheduler.RunNow("pool_return", AddDays(today, 30)));
    EXPECT_EQ(OwnedBy(successor_.id).size(), 1u) << "returned to the pool although changed 30 days ago";
    ASSERT_TRUE(scheduler.RunNow("pool_return", AddDays(today, 91)));
    EXPECT_TRUE(OwnedBy(successor_.id).empty());
}

}  // namespace
}  // namespace credo
