#include "credo/domain/receivables/aging.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace credo::domain {
namespace {

using namespace std::chrono;

Date D(int y, unsigned m, unsigned d) { return year(y) / month(m) / day(d); }

TEST(Aging, BucketsAtEveryBoundary) {
    struct Case {
        int days;
        AgingBucket bucket;
    };
    for (const Case& c :
         {Case{-400, AgingBucket::kNotDue}, Case{-1, AgingBucket::kNotDue}, Case{0, AgingBucket::kNotDue},
          Case{1, AgingBucket::kDays1To30}, Case{30, AgingBucket::kDays1To30}, Case{31, AgingBucket::kDays31To60},
          Case{60, AgingBucket::kDays31To60}, Case{61, AgingBucket::kDays61To90}, Case{90, AgingBucket::kDays61To90},
          Case{91, AgingBucket::kOver90}, Case{5000, AgingBucket::kOver90}}) {
        EXPECT_EQ(BucketOfDaysPastDue(c.days), c.bucket) << c.days << " days past due";
    }
}

TEST(Aging, BucketOfCountsCalendarDays) {
    struct Case {
        Date due, as_of;
        AgingBucket bucket;
    };
    // Due 2026-01-01: late from the 2nd; day 30 is 2026-01-31, day 31 is 2026-02-01.
    for (const Case& c : {Case{D(2026, 1, 1), D(2026, 1, 1), AgingBucket::kNotDue},
                          Case{D(2026, 1, 1), D(2025, 12, 31), AgingBucket::kNotDue},
                          Case{D(2026, 1, 1), D(2026, 1, 2), AgingBucket::kDays1To30},
                          Case{D(2026, 1, 1), D(2026, 1, 31), AgingBucket::kDays1To30},
                          Case{D(2026, 1, 1), D(2026, 2, 1), AgingBucket::kDays31To60},
                          Case{D(2026, 1, 1), D(2026, 3, 2), AgingBucket::kDays31To60},
                          Case{D(2026, 1, 1), D(2026, 3, 3), AgingBucket::kDays61To90},
                          Case{D(2026, 1, 1), D(2026, 4, 1), AgingBucket::kDays61To90},
                          Case{D(2026, 1, 1), D(2026, 4, 2), AgingBucket::kOver90},
                          // Across 29 February: 2024-02-01 + 30 days is 2024-03-02.
                          Case{D(2024, 2, 1), D(2024, 3, 2), AgingBucket::kDays1To30},
                          Case{D(2024, 2, 1), D(2024, 3, 3), AgingBucket::kDays31To60}}) {
        EXPECT_EQ(BucketOf(c.due, c.as_of), c.bucket) << FormatDate(c.due) << " as of " << FormatDate(c.as_of);
    }
}

TEST(Aging, BoundsAgreeWithDaysOnEveryDate) {
    for (Date as_of : {D(2026, 1, 1), D(2024, 3, 1), D(2024, 2, 29), D(2023, 3, 1), D(2026, 12, 31)}) {
        const AgingBounds b = BoundsOf(as_of);
        EXPECT_EQ(b.not_due, as_of);
        for (int offset = -5; offset <= 200; ++offset) {
            const Date due = AddDays(as_of, -offset);
            EXPECT_EQ(BucketByBounds(due, b), BucketOf(due, as_of))
                << FormatDate(due) << " as of " << FormatDate(as_of);
        }
    }
}

TEST(Aging, AmountsAddUpAndRefuseOverflow) {
    AgingAmounts a;
    ASSERT_TRUE(a.Add(AgingBucket::kNotDue, 100));
    ASSERT_TRUE(a.Add(AgingBucket::kDays31To60, 250));
    ASSERT_TRUE(a.Add(AgingBucket::kOver90, 7));
    EXPECT_EQ(a.Total(), 357);
    EXPECT_EQ(a.PastDue(), 257);
    AgingAmounts b;
    ASSERT_TRUE(b.Add(AgingBucket::kDays1To30, 3));
    ASSERT_TRUE(a.Add(b));
    EXPECT_EQ(a[AgingBucket::kDays1To30], 3);
    EXPECT_EQ(a.Total(), 360);
    AgingAmounts full;
    ASSERT_TRUE(full.Add(AgingBucket::kNotDue, std::numeric_limits<std::int64_t>::max()));
    auto over = full.Add(AgingBucket::kOver90, 1);  // another bucket, but the total would overflow
    ASSERT_FALSE(over);
    EXPECT_TRUE(over.error().fields.contains("amount"));
    EXPECT_EQ(full[AgingBucket::kOver90], 0);
}

TEST(Aging, OpenAmountCountsAllocationsUpToTheDate) {
    const std::vector<Allocated> allocations{{D(2026, 2, 10), 300}, {D(2026, 3, 1), 200}, {D(2026, 3, 31), 500}};
    struct Case {
        Date as_of;
        std::int64_t open;
    };
    for (const Case& c :
         {Case{D(2026, 2, 9), 1000}, Case{D(2026, 2, 10), 700}, Case{D(2026, 2, 28), 700}, Case{D(2026, 3, 1), 500},
          Case{D(2026, 3, 30), 500}, Case{D(2026, 3, 31), 0}, Case{D(2027, 1, 1), 0}}) {
        EXPECT_EQ(OpenAsOf(1000, allocations, c.as_of), c.open) << FormatDate(c.as_of);
    }
}

TEST(Aging, BucketNamesAreStable) {
    EXPECT_EQ(kAgingBucketNames.Accepted(), "not_due, d1_30, d31_60, d61_90, over_90");
}

}  // namespace
}  // namespace credo::domain
