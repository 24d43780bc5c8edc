// Leak detection and the audit of sensitive reads (SPEC SE-3, SE-4), on every backend: reads counted in
// memory reach the daily counts on Flush, an unusual day alerts the sales managers and admins once, and
// the files whose sensitive values were shown are named in the audit log.
#include <gtest/gtest.h>

#include "credo/app/access_watch.hpp"
#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/ownership.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

// A database whose next writes fail: a flush that cannot be stored.
class FailingWrites final : public app::Database {
 public:
    explicit FailingWrites(app::Database& inner) : inner_(inner) {}
    Status Read(const std::function<Status(Tx&)>& work) override { return inner_.Read(work); }
    Status Write(const std::function<Status(Tx&)>& work) override {
        if (failures_ > 0) {
            --failures_;
            return MakeError(Errc::kUnavailable, "the database is unreachable");
        }
        return inner_.Write(work);
    }
    std::string_view Backend() const override { return inner_.Backend(); }
    Status Backup(const std::string& path) override { return inner_.Backup(path); }
    int failures_ = 0;

 private:
    app::Database& inner_;
};

class AccessWatchDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("boss", {Role::kAdmin});
        manager_ = MakeUser("sales.manager", {Role::kSalesManager});
        former_ = MakeUser("former.sm", {Role::kSalesManager});
        sales_ = MakeUser("zhang.wei", {Role::kSales}, "east");
        ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
            CREDO_TRY(auto user, tx.Users().Find(former_.id));
            user.active = false;
            return tx.Users().Update(user);
        }));
        today_ = DateOf(ctx().clock.Now());
    }

    // The user read 10 files a day over the 30 days before today: a baseline of 10, so more than 50
    // (multiple 5) is unusual.
    void SeedBaseline(UserId user, std::int64_t per_day) {
        ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
            for (int d = 1; d <= domain::kLeakBaselineDays; ++d)
                CREDO_CHECK(tx.AccessCounts().Add(user, AddDays(today_, -d), app::DailyAccess{per_day, 0}));
            // Older than the window: not part of the baseline.
            CREDO_CHECK(tx.AccessCounts().Add(user, AddDays(today_, -31), app::DailyAccess{100000, 0}));
            return Ok();
        }));
    }

    app::AlertPage Inbox(const domain::Actor& who) {
        return app::ReadTx(db(), [&](Tx& tx) { return app::ListAlerts(tx, who, false, 50, 0); }).value();
    }

    app::DailyAccess Today(UserId user) {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.AccessCounts().Sum(user, today_, AddDays(today_, 1)); })
            .value();
    }

    domain::Actor admin_, manager_, former_, sales_;
    Date today_{};
};

TEST_F(AccessWatchDbTest, AReadingSpreeAboveTheBaselineAlertsTheManagersOnce) {
    SeedBaseline(sales_.id, 10);
    app::AccessWatch watch(ctx());
    for (int i = 1; i <= 50; ++i) watch.NoteRead(sales_, CustomerId(i), false);
    ASSERT_TRUE(watch.Flush(db()));
    EXPECT_EQ(Today(sales_.id).reads, 50);
    EXPECT_EQ(Inbox(manager_).total, 0);  // exactly five times the usual is not unusual

    watch.NoteRead(sales_, CustomerId(51), false);
    ASSERT_TRUE(watch.Flush(db()));
    auto inbox = Inbox(manager_);
    ASSERT_EQ(inbox.total, 1);
    EXPECT_EQ(inbox.items[0].kind, "leak_reads");
    EXPECT_EQ(inbox.items[0].subject, sales_.id);
    EXPECT_EQ(inbox.items[0].subject_username, "zhang.wei");
    EXPECT_EQ(inbox.items[0].day, today_);
    EXPECT_EQ(inbox.items[0].params,
              R"({"rule":"multiple","count":51,"baseline_sum":300,"baseline_days":30,"threshold":50})");
    EXPECT_EQ(Inbox(admin_).total, 1);
    EXPECT_EQ(Inbox(former_).total, 0);  // disabled
    EXPECT_EQ(Inbox(sales_).total, 0);   // not told of itself

    // More reads the same day: the same alert, not another.
    for (int i = 52; i <= 80; ++i) watch.NoteRead(sales_, CustomerId(i), false);
    ASSERT_TRUE(watch.Flush(db()));
    EXPECT_EQ(Today(sales_.id).reads, 80);
    EXPECT_EQ(Inbox(manager_).total, 1);

    // Read and cleared by its recipient only.
    const std::int64_t id = Inbox(manager_).items[0].id;
    EXPECT_EQ(db().Write([&](Tx& tx) { return app::MarkAlertRead(tx, ctx(), admin_, id); }).error().code,
              Errc::kNotFound);
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::MarkAlertRead(tx, ctx(), manager_, id); }));
    EXPECT_EQ(Inbox(manager_).unread, 0);
    EXPECT_EQ(Inbox(admin_).unread, 1);
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::MarkAllAlertsRead(tx, ctx(), admin_); }));
    EXPECT_EQ(Inbox(admin_).unread, 0);
}

TEST_F(AccessWatchDbTest, ExportingTheCustomerBaseAlertsAtOnce) {
    // No history at all, and the policy lowered: 200 rows in a day always alert.
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) {
        return app::UpdatePolicy(tx, ctx(), admin_, std::string(domain::kLeakAbsoluteExports), 200);
    }));
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::CountExport(tx, ctx(), manager_, 199); }));
    // 199 rows is also far above the manager's baseline of nothing: the multiple rule fires already.
    auto inbox = Inbox(admin_);
    ASSERT_EQ(inbox.total, 1);
    EXPECT_EQ(inbox.items[0].kind, "leak_exports");
    EXPECT_NE(inbox.items[0].params.find(R"("rule":"multiple")"), std::string::npos);
    EXPECT_EQ(Inbox(manager_).total, 0);  // the exporting manager is not its own recipient
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::CountExport(tx, ctx(), manager_, 1); }));
    EXPECT_EQ(Today(manager_.id).exports, 200);
    EXPECT_EQ(Inbox(admin_).total, 1);  // once per day and kind
}

TEST_F(AccessWatchDbTest, SensitiveReadsAreNamedInTheAuditLog) {
    app::AccessWatch watch(ctx());
    watch.NoteRead(manager_, CustomerId(7), true);
    watch.NoteRead(manager_, CustomerId(7), true);
    watch.NoteRead(manager_, CustomerId(3), true);
    watch.NoteRead(manager_, CustomerId(9), false);
    watch.NoteRead(domain::SystemActor(), CustomerId(1), true);  // the command line is not counted
    ASSERT_TRUE(watch.Flush(db()));
    app::AuditQuery query;
    query.filter.action = std::string(app::audit_action::kCustomerReadSensitive);
    auto page = app::ReadTx(db(), [&](Tx& tx) { return tx.Audit().List(query); }).value();
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].entry.actor, manager_.id);
    EXPECT_EQ(page.items[0].entry.details, R"({"day":")" + FormatDate(today_) + R"(","customers":[3,7],"reads":3})");
    EXPECT_EQ(Today(manager_.id).reads, 4);
    EXPECT_TRUE(app::ReadTx(db(), [&](Tx& tx) { return tx.Audit().Verify(); })->intact);
    // Nothing noted since: the next flush writes nothing.
    ASSERT_TRUE(watch.Flush(db()));
    EXPECT_EQ(app::ReadTx(db(), [&](Tx& tx) { return tx.Audit().List(query); })->total, 1);
}

TEST_F(AccessWatchDbTest, AFlushThatFailsKeepsItsCountsForTheNext) {
    FailingWrites failing(db());
    app::AccessWatch watch(ctx());
    watch.NoteRead(sales_, CustomerId(1), true);
    failing.failures_ = 1;
    EXPECT_FALSE(watch.Flush(failing));
    watch.NoteRead(sales_, CustomerId(2), true);
    ASSERT_TRUE(watch.Flush(failing));
    EXPECT_EQ(Today(sales_.id).reads, 2);
    app::AuditQuery query;
    query.filter.action = std::string(app::audit_action::kCustomerReadSensitive);
    auto page = app::ReadTx(db(), [&](Tx& tx) { return tx.Audit().List(query); }).value();
    ASSERT_EQ(page.total, 1);
    EXPECT_NE(page.items[0].entry.details.find(R"("customers":[1,2],"reads":2)"), std::string::npos);
}

}  // namespace
}  // namespace credo
