// The scheduler's contract on every backend: a job runs at most once per date, whoever asks.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "credo/app/auth.hpp"
#include "credo/jobs/scheduler.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo::jobs {
namespace {

class SchedulerDbTest : public testing::DbFixture {
 protected:
    Job Counting(std::atomic<int>& runs) {
        return Job{"count", [&runs](app::Tx&, Date) -> Status {
                       ++runs;
                       return Ok();
                   }};
    }
    Date Day(const char* text) { return ParseDate(text, "as_of").value(); }
};

TEST_F(SchedulerDbTest, RunsOncePerDate) {
    std::atomic<int> runs{0};
    Scheduler scheduler(db(), ctx(), "test");
    scheduler.Register(Counting(runs));
    EXPECT_EQ(scheduler.RunNow("count", Day("2026-03-15")).value(), RunOutcome::kRan);
    EXPECT_EQ(scheduler.RunNow("count", Day("2026-03-15")).value(), RunOutcome::kAlreadyRan);
    EXPECT_EQ(scheduler.RunNow("count", Day("2026-03-16")).value(), RunOutcome::kRan);
    EXPECT_EQ(runs.load(), 2);
    EXPECT_EQ(scheduler.RunNow("unknown", Day("2026-03-16")).error().code, Errc::kInvalidArgument);
}

TEST_F(SchedulerDbTest, TwoSchedulersRacingRunTheJobOnce) {
    std::atomic<int> runs{0};
    Scheduler a(db(), ctx(), "a");
    Scheduler b(db(), ctx(), "b");
    a.Register(Counting(runs));
    b.Register(Counting(runs));
    std::atomic<int> ran{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            auto outcome = (i % 2 ? a : b).RunNow("count", Day("2026-03-15"));
            if (outcome && *outcome == RunOutcome::kRan) ++ran;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ran.load(), 1);
    EXPECT_EQ(runs.load(), 1);
}

TEST_F(SchedulerDbTest, AFailedRunReleasesItsClaim) {
    int attempts = 0;
    Scheduler scheduler(db(), ctx(), "test");
    scheduler.Register(Job{"flaky", [&](app::Tx&, Date) -> Status {
                               if (++attempts == 1) return MakeError(Errc::kUnavailable, "not now");
                               return Ok();
                           }});
    EXPECT_FALSE(scheduler.RunNow("flaky", Day("2026-03-15")));
    EXPECT_EQ(scheduler.RunNow("flaky", Day("2026-03-15")).value(), RunOutcome::kRan);
    EXPECT_EQ(attempts, 2);
}

TEST_F(SchedulerDbTest, SessionSweepRemovesSessionsExpiredBeforeTheDay) {
    MakeUser("wang.fang", {domain::Role::kSales}, "east");
    auto login = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    ASSERT_TRUE(login && !login->failure);
    Scheduler scheduler(db(), ctx(), "test");
    RegisterStandardJobs(scheduler);
    // The session expires 12 hours after 2026-03-15T09:00Z: still there after the sweep of the 15th...
    ASSERT_TRUE(scheduler.RunNow("session_sweep", Day("2026-03-15")));
    auto found = app::ReadTx(db(), [&](app::Tx& tx) { return tx.Sessions().Find(app::HashToken(login->token)); });
    EXPECT_TRUE(found);
    // ...and gone after the sweep of the 16th.
    ASSERT_TRUE(scheduler.RunNow("session_sweep", Day("2026-03-16")));
    found = app::ReadTx(db(), [&](app::Tx& tx) { return tx.Sessions().Find(app::HashToken(login->token)); });
    EXPECT_FALSE(found);
}

}  // namespace
}  // namespace credo::jobs
