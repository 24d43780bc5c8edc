#include "credo/analytics/segments.hpp"

#include <gtest/gtest.h>

#include <random>

#include "credo/analytics/features.hpp"

namespace credo::analytics {
namespace {

Date D(const char* text) { return ParseDate(text, "date").value(); }
const Currency kCny = Currency::FromCode("CNY").value();

// Two kinds of customers: large buyers who pay on time, small ones who pay late.
std::vector<FeatureVector> TwoGroups(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<FeatureVector> rows;
    for (int i = 0; i < n; ++i) {
        const bool large = i % 4 == 0;
        const double noise = static_cast<double>(rng() % 100) / 1000.0;
        FeatureVector v{};
        v[FeatureIndex(Feature::kPurchases)] = large ? 500000 * (1 + noise) : 20000 * (1 + noise);
        v[FeatureIndex(Feature::kPurchaseTrend)] = noise;
        v[FeatureIndex(Feature::kOnTimeRatio)] = large ? 0.95 - noise : 0.3 + noise;
        v[FeatureIndex(Feature::kCollectedRatio)] = large ? 1.0 : 0.8 + noise;
        v[FeatureIndex(Feature::kDaysPastDue)] = large ? 1 : 40 + 100 * noise;
        v[FeatureIndex(Feature::kRelationshipYears)] = 2 + noise;
        v[FeatureIndex(Feature::kInvoices)] = large ? 30 : 6;
        rows.push_back(v);
    }
    return rows;
}

TEST(Segment, RejectsABadK) {
    const auto rows = TwoGroups(5, 1);
    for (int k : {0, 1, 6, 13}) {
        auto s = Segment(rows, k, 1);
        ASSERT_FALSE(s) << k;
        EXPECT_TRUE(s.error().fields.contains("k")) << k;
    }
    EXPECT_TRUE(Segment(rows, 5, 1));
}

TEST(Segment, FindsTheGroupsAndDescribesThem) {
    const auto rows = TwoGroups(200, 3);
    auto s = Segment(rows, 2, 11);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->clusters.size(), 2u);
    EXPECT_EQ(s->clusters[0].size, 150);  // largest first
    EXPECT_EQ(s->clusters[1].size, 50);
    for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(s->assignment[i], i % 4 == 0 ? 1 : 0) << i;
    const auto& large = s->clusters[1];
    EXPECT_NEAR(large.centroid[FeatureIndex(Feature::kInvoices)], 30, 1e-9);
    ASSERT_FALSE(large.traits.empty());
    bool high_purchases = false, high_on_time = false;
    for (const auto& t : large.traits) {
        high_purchases |= t.feature == Feature::kPurchases && t.high;
        high_on_time |= t.feature == Feature::kOnTimeRatio && t.high;
        EXPECT_GE(std::abs(t.z), kTraitThreshold);
    }
    EXPECT_TRUE(high_purchases || high_on_time);
    EXPECT_LE(large.traits.size(), kMaxTraits);
}

TEST(Segment, TheSameSeedGivesTheSameClusters) {
    const auto rows = TwoGroups(300, 5);
    auto a = Segment(rows, 5, 99);
    auto b = Segment(rows, 5, 99);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->assignment, b->assignment);
    EXPECT_EQ(a->inertia, b->inertia);
    for (std::size_t c = 0; c < a->clusters.size(); ++c) EXPECT_EQ(a->clusters[c].centroid, b->clusters[c].centroid);
}

TEST(MeasureFeatures, ReadsPurchasesTrendAndPayment) {
    using domain::ReceivableItem;
    using domain::Settlement;
    const Date as_of = D("2024-12-31");
    std::vector<ReceivableItem> items{
        // Two years ago window: 1,000.00; last twelve months: 3,000.00, one paid 20 days late.
        {D("2023-03-01"), D("2023-03-31"), Money(100000, kCny), {Settlement{D("2023-03-31"), Money(100000, kCny), {}}}},
        {D("2024-02-01"), D("2024-03-02"), Money(100000, kCny), {Settlement{D("2024-03-01"), Money(100000, kCny), {}}}},
        {D("2024-06-01"), D("2024-07-01"), Money(200000, kCny), {Settlement{D("2024-07-21"), Money(200000, kCny), {}}}},
        {D("2025-01-05"), D("2025-02-04"), Money(900000, kCny), {}},  // after as_of: ignored
    };
    auto f = MeasureFeatures(items, kCny, as_of);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_TRUE(f->has_history);
    const auto& v = f->values;
    EXPECT_DOUBLE_EQ(v[FeatureIndex(Feature::kPurchases)], 3000.0);
    EXPECT_DOUBLE_EQ(v[FeatureIndex(Feature::kPurchaseTrend)], 2000.0 / 3000.0);
    EXPECT_DOUBLE_EQ(v[FeatureIndex(Feature::kOnTimeRatio)], 0.3333);  // basis points, rounded down
    EXPECT_DOUBLE_EQ(v[FeatureIndex(Feature::kCollectedRatio)], 1.0);
    EXPECT_DOUBLE_EQ(v[FeatureIndex(Feature::kInvoices)], 2);
    EXPECT_NEAR(v[FeatureIndex(Feature::kRelationshipYears)], DaysBetween(D("2023-03-01"), as_of) / 365.25, 1e-12);
    EXPECT_GT(v[FeatureIndex(Feature::kDaysPastDue)], 0);

    auto none = MeasureFeatures({}, kCny, as_of);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_history);
}

}  // namespace
}  // namespace credo::analytics
