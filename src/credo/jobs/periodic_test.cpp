#include "credo/jobs/periodic.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace credo::jobs {
namespace {

TEST(Periodic, TicksEveryIntervalAndOnceMoreWhenStopped) {
    std::atomic<int> ticks{0};
    Periodic p([&] { ++ticks; }, std::chrono::milliseconds(5));
    while (ticks.load() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    p.Stop();
    const int after_stop = ticks.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(ticks.load(), after_stop);  // no tick after Stop returned
    p.Stop();                             // idempotent: no further tick
    EXPECT_EQ(ticks.load(), after_stop);
}

TEST(Periodic, StoppingBeforeTheFirstIntervalStillTicksOnce) {
    int ticks = 0;
    {
        Periodic p([&] { ++ticks; }, std::chrono::hours(1));
    }
    EXPECT_EQ(ticks, 1);
}

}  // namespace
}  // namespace credo::jobs
