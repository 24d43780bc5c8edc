#include "credo/domain/classification/classification.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace credo::domain {
namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }
constexpr std::int64_t kYuan = 100;  // minor units per yuan

PurchaseFacts Facts(std::int64_t last_12, const char* start = "2020-01-01") {
    PurchaseFacts f;
    f.as_of = Day("2026-06-30");
    if (start) f.relationship_start = Day(start);
    f.last_12 = last_12;
    if (last_12 > 0) f.first_purchase = f.last_purchase = Day("2026-03-01");
    return f;
}

TEST(Classification, TierAtEveryBoundary) {
    struct Case {
        const char* name;
        PurchaseFacts facts;
        Tier tier;
    };
    PurchaseFacts prospect = Facts(0, nullptr);
    prospect.prospect = true;
    PurchaseFacts prospect_with_start = Facts(0, "2019-05-01");
    prospect_with_start.prospect = true;
    const Case cases[] = {
        {"300,000.00 is A", Facts(300'000 * kYuan), Tier::kA},
        {"299,999.99 is B", Facts(300'000 * kYuan - 1), Tier::kB},
        {"200,000.00 is B", Facts(200'000 * kYuan), Tier::kB},
        {"199,999.99 is C", Facts(200'000 * kYuan - 1), Tier::kC},
        {"nothing bought, long relationship, C", Facts(0), Tier::kC},
        {"a new relationship below B is D", Facts(150'000 * kYuan, "2026-01-01"), Tier::kD},
        {"a new relationship at A stays A", Facts(300'000 * kYuan, "2026-01-01"), Tier::kA},
        {"started exactly 12 months ago is not new: C", Facts(1 * kYuan, "2025-06-30"), Tier::kC},
        {"started 12 months less a day ago: D", Facts(1 * kYuan, "2025-07-01"), Tier::kD},
        {"no relationship at all: D", Facts(0, nullptr), Tier::kD},
        {"a prospect with no purchase: D", prospect, Tier::kD},
        {"a prospect with an old start and no purchase: D", prospect_with_start, Tier::kD},
        {"a start after the date does not count: D", Facts(0, "2026-07-01"), Tier::kD},
    };
    for (const auto& c : cases) {
        auto r = Classify(c.facts);
        ASSERT_TRUE(r) << c.name;
        EXPECT_EQ(kTierNames.Name(r->tier), kTierNames.Name(c.tier)) << c.name;
    }
}

TEST(Classification, ConfigurableThresholds) {
    ClassificationPolicy p;
    p.tier_a_min = 100 * kYuan;
    p.tier_b_min = 50 * kYuan;
    EXPECT_EQ(Classify(Facts(100 * kYuan), p)->tier, Tier::kA);
    EXPECT_EQ(Classify(Facts(50 * kYuan), p)->tier, Tier::kB);
    EXPECT_EQ(Classify(Facts(50 * kYuan - 1), p)->tier, Tier::kC);
    p.tier_b_min = p.tier_a_min;
    auto bad = Classify(Facts(1), p);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, Errc::kInvalidArgument);
}

TEST(Classification, CoreAndLongStanding) {
    struct Case {
        const char* name;
        const char* start;
        std::int64_t y1, y2, y3;
        bool core;
        bool long_standing;
        int years;
        std::int64_t average;
    };
    const Case cases[] = {
        // Two whole years on 2026-06-30 from 2024-06-30: the average of two periods.
        {"two years, average exactly the threshold", "2024-06-30", 300'000 * kYuan, 300'000 * kYuan, 0, true, false, 2,
         300'000 * kYuan},
        {"two years, a fen short on average", "2024-06-30", 300'000 * kYuan, 300'000 * kYuan - 2, 0, false, false, 2,
         300'000 * kYuan - 1},
        {"one day short of two years", "2024-07-01", 400'000 * kYuan, 400'000 * kYuan, 0, false, false, 1,
         400'000 * kYuan},
        {"ten years: three periods averaged", "2016-01-01", 600'000 * kYuan, 300'000 * kYuan, 0, true, false, 10,
         300'000 * kYuan},
        {"long-standing small customer", "2021-06-30", 10'000 * kYuan, 10'000 * kYuan, 10'000 * kYuan, false, true, 5,
         10'000 * kYuan},
        {"long-standing but silent this year", "2021-06-30", 0, 10'000 * kYuan, 10'000 * kYuan, false, false, 5,
         20'000 * kYuan / 3},
        {"just under three years: not long-standing", "2023-07-01", 10'000 * kYuan, 0, 0, false, false, 2,
         5'000 * kYuan},
    };
    for (const auto& c : cases) {
        PurchaseFacts f = Facts(c.y1, c.start);
        f.previous_12 = c.y2;
        f.third_12 = c.y3;
        auto r = Classify(f);
        ASSERT_TRUE(r) << c.name;
        EXPECT_EQ(r->core, c.core) << c.name;
        EXPECT_EQ(r->long_standing, c.long_standing) << c.name;
        EXPECT_EQ(r->years, c.years) << c.name;
        EXPECT_EQ(r->average_annual, c.average) << c.name;
    }
}

TEST(Classification, DerivedClasses) {
    PurchaseFacts none = Facts(0, nullptr);
    auto future = Classify(none).value();
    EXPECT_EQ(future.time, TimeClass::kFuture);
    EXPECT_EQ(future.process, ProcessClass::kUpcoming);
    EXPECT_EQ(future.volume, VolumeClass::kScattered);

    auto fresh = Classify(Facts(60'000 * kYuan, "2026-01-01")).value();
    EXPECT_EQ(fresh.time, TimeClass::kNew);
    EXPECT_EQ(fresh.process, ProcessClass::kCurrent);
    EXPECT_EQ(fresh.volume, VolumeClass::kGeneral);

    PurchaseFacts gone = Facts(0);
    gone.first_purchase = Day("2023-01-01");
    gone.last_purchase = Day("2025-06-30");  // exactly 12 months before: outside the window
    auto past = Classify(gone).value();
    EXPECT_EQ(past.time, TimeClass::kOld);
    EXPECT_EQ(past.process, ProcessClass::kPast);
    gone.last_purchase = Day("2025-07-01");
    EXPECT_EQ(Classify(gone)->process, ProcessClass::kCurrent);

    // Volume: main needs both the B amount and the years; scattered is below 50,000.00.
    EXPECT_EQ(Classify(Facts(200'000 * kYuan, "2024-06-30"))->volume, VolumeClass::kMain);
    EXPECT_EQ(Classify(Facts(200'000 * kYuan, "2024-07-01"))->volume, VolumeClass::kGeneral);
    EXPECT_EQ(Classify(Facts(200'000 * kYuan - 1, "2020-01-01"))->volume, VolumeClass::kGeneral);
    EXPECT_EQ(Classify(Facts(50'000 * kYuan))->volume, VolumeClass::kGeneral);
    EXPECT_EQ(Classify(Facts(50'000 * kYuan - 1))->volume, VolumeClass::kScattered);
}

TEST(Classification, ReviewCadence) {
    EXPECT_EQ(ReviewCadenceMonths(Tier::kA), 2);
    EXPECT_EQ(ReviewCadenceMonths(Tier::kB), 3);
    EXPECT_EQ(ReviewCadenceMonths(Tier::kD), 3);
    EXPECT_EQ(ReviewDue(Day("2026-01-31"), Tier::kA, Day("2026-06-30")), Day("2026-03-31"));
    EXPECT_EQ(ReviewDue(Day("2026-01-31"), Tier::kC, Day("2026-06-30")), Day("2026-04-30"));
    EXPECT_EQ(ReviewDue(std::nullopt, Tier::kC, Day("2026-06-30")), Day("2026-06-30"));
    ClassificationPolicy p;
    p.review_months_a = 1;
    EXPECT_EQ(ReviewDue(Day("2026-01-31"), Tier::kA, Day("2026-06-30"), p), Day("2026-02-28"));
}

TEST(Classification, Movers) {
    PurchaseFacts f = Facts(150 * kYuan);
    f.previous_12 = 100 * kYuan;
    EXPECT_EQ(GrowthBp(f), 5000);
    EXPECT_EQ(MovementOf(f), Movement::kGrowing);
    f.last_12 = 150 * kYuan - 1;
    EXPECT_EQ(GrowthBp(f), 4999);
    EXPECT_EQ(MovementOf(f), Movement::kNone);
    f.last_12 = 0;
    EXPECT_EQ(GrowthBp(f), -10000);
    f.previous_12 = 0;
    EXPECT_EQ(GrowthBp(f), std::nullopt);

    // Lost: the last invoice in (as_of - 18 months, as_of - 6 months].
    PurchaseFacts l = Facts(0);
    l.first_purchase = Day("2020-01-01");
    l.last_purchase = Day("2025-12-30");  // as_of 2026-06-30 less 6 months
    EXPECT_EQ(MovementOf(l), Movement::kLost);
    l.last_purchase = Day("2025-12-31");
    EXPECT_EQ(MovementOf(l), Movement::kNone);
    l.last_purchase = Day("2024-12-30");  // exactly 18 months: long gone, not newly lost
    EXPECT_EQ(MovementOf(l), Movement::kNone);
    l.last_purchase = Day("2024-12-31");
    EXPECT_EQ(MovementOf(l), Movement::kLost);
    l.lifecycle_lost = true;
    l.last_purchase = Day("2026-06-01");
    EXPECT_EQ(MovementOf(l), Movement::kLost);
}

TEST(Classification, SharesAlwaysAddUp) {
    struct Case {
        std::vector<std::int64_t> counts;
        std::vector<std::int64_t> shares;
    };
    const Case cases[] = {
        {{1, 1, 1}, {3334, 3333, 3333}},
        {{14, 41, 113, 52}, {636, 1864, 5136, 2364}},
        {{0, 0}, {0, 0}},
        {{5}, {10000}},
        {{2, 1, 0}, {6667, 3333, 0}},
        {{1, 2, 3, 4, 5, 6, 7}, {357, 714, 1071, 1429, 1786, 2143, 2500}},
    };
    for (const auto& c : cases) {
        auto shares = SharesBp(c.counts);
        EXPECT_EQ(shares, c.shares);
        const std::int64_t total = std::accumulate(c.counts.begin(), c.counts.end(), std::int64_t{0});
        EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), std::int64_t{0}), total ? 10000 : 0);
    }
    // Many equal small groups: still exactly 10000.
    std::vector<std::int64_t> many(997, 1);
    auto shares = SharesBp(many);
    EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), std::int64_t{0}), 10000);
}

}  // namespace
}  // namespace credo::domain
