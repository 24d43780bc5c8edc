#include "credo/domain/credit/utilization_band.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Fen(std::int64_t minor) { return Money(minor, Cny()); }

using B = UtilizationBand;

struct Case {
    std::int64_t exposure;
    std::optional<std::int64_t> limit;
    UtilizationBand band;
};

void Expect(const Case& c, const BandLevels& levels) {
    std::optional<Money> limit;
    if (c.limit) limit = Fen(*c.limit);
    auto band = BandOf(Fen(c.exposure), limit, levels);
    ASSERT_TRUE(band.has_value()) << c.exposure << "/" << c.limit.value_or(-1) << ": " << band.error().message;
    EXPECT_EQ(kUtilizationBandNames.Name(*band), kUtilizationBandNames.Name(c.band))
        << c.exposure << "/" << c.limit.value_or(-1) << " with levels " << levels.first_bp << ", " << levels.second_bp;
}

TEST(UtilizationBand, EveryBoundaryWithTheDefaultLevels) {
    // A limit of 100,000.00: one fen below and at each boundary (50 %, 80 %, 90 %, 100 %) and one fen above
    // the limit.
    const std::int64_t limit = 100'000'00;
    for (const Case& c : {
             Case{0, std::nullopt, B::kNoLimit},
             Case{123'45, std::nullopt, B::kNoLimit},  // exposure without a limit: still no limit
             Case{0, limit, B::kBelowHalf},
             Case{-500'00, limit, B::kBelowHalf},  // a credit balance uses nothing
             Case{49'999'99, limit, B::kBelowHalf},
             Case{50'000'00, limit, B::kHalfToFirst},
             Case{79'999'99, limit, B::kHalfToFirst},
             Case{80'000'00, limit, B::kFirstToSecond},
             Case{89'999'99, limit, B::kFirstToSecond},
             Case{90'000'00, limit, B::kSecondToLimit},
             Case{99'999'99, limit, B::kSecondToLimit},
             Case{100'000'00, limit, B::kSecondToLimit},  // at the limit, not over it
             Case{100'000'01, limit, B::kOverLimit},      // floors to 10000 bp, but is over the limit
             Case{250'000'00, limit, B::kOverLimit},
             Case{0, 0, B::kNoLimit},  // a zero limit with nothing exposed: no credit to use
             Case{1, 0, B::kOverLimit},
             Case{-1, 0, B::kNoLimit},
         })
        Expect(c, BandLevels{});
}

TEST(UtilizationBand, ExactRatiosAtTheBoundaries) {
    // 1/2, 4/5, 9/10 of a limit of 3 fen can not be reached exactly: 1/3 and 2/3 fall below 50 % and 80 %.
    for (const Case& c : {Case{1, 3, B::kBelowHalf}, Case{2, 3, B::kHalfToFirst}, Case{3, 3, B::kSecondToLimit},
                          Case{1, 2, B::kHalfToFirst}, Case{4, 5, B::kFirstToSecond}, Case{9, 10, B::kSecondToLimit},
                          Case{8, 10, B::kFirstToSecond}, Case{7, 10, B::kHalfToFirst}})
        Expect(c, BandLevels{});
}

TEST(UtilizationBand, TheLevelsComeFromThePolicies) {
    const BandLevels levels{7000, 9500};
    const std::int64_t limit = 10'000'00;
    for (const Case& c : {Case{4'999'99, limit, B::kBelowHalf}, Case{5'000'00, limit, B::kHalfToFirst},
                          Case{6'999'99, limit, B::kHalfToFirst}, Case{7'000'00, limit, B::kFirstToSecond},
                          Case{9'499'99, limit, B::kFirstToSecond}, Case{9'500'00, limit, B::kSecondToLimit},
                          Case{10'000'00, limit, B::kSecondToLimit}, Case{10'000'01, limit, B::kOverLimit}})
        Expect(c, levels);
}

TEST(UtilizationBand, LevelsOutsideFiftyToHundredLeaveEmptyBands) {
    const std::int64_t limit = 10'000'00;
    // A first level below 50 %: nothing is ever "50 % to the first level".
    for (const Case& c : {Case{2'999'99, limit, B::kBelowHalf}, Case{3'000'00, limit, B::kFirstToSecond},
                          Case{5'000'00, limit, B::kFirstToSecond}, Case{6'000'00, limit, B::kSecondToLimit}})
        Expect(c, BandLevels{3000, 6000});
    // A second level above 100 %: over the limit comes first, so "second level to the limit" stays empty.
    for (const Case& c : {Case{9'000'00, limit, B::kFirstToSecond}, Case{10'000'00, limit, B::kFirstToSecond},
                          Case{10'000'01, limit, B::kOverLimit}, Case{20'000'00, limit, B::kOverLimit}})
        Expect(c, BandLevels{9000, 12000});
}

TEST(UtilizationBand, RefusesWhatIsNotAnAccount) {
    EXPECT_EQ(BandOf(Fen(1), Fen(-1), BandLevels{}).error().fields.count("limit"), 1u);
    EXPECT_EQ(
        BandOf(Money(1, Currency::FromCode("USD").value()), Fen(100), BandLevels{}).error().fields.count("exposure"),
        1u);
    EXPECT_EQ(BandOf(Fen(1), Fen(100), BandLevels{9000, 9000}).error().fields.count("levels"), 1u);
    EXPECT_EQ(BandOf(Fen(1), Fen(100), BandLevels{0, 9000}).error().fields.count("levels"), 1u);
    EXPECT_EQ(BandOf(Fen(1), std::nullopt, BandLevels{9000, 8000}).error().fields.count("levels"), 1u);
}

TEST(UtilizationBand, NamesAreStable) {
    EXPECT_EQ(kUtilizationBandNames.Accepted(),
              "no_limit, below_half, half_to_first, first_to_second, second_to_limit, over_limit");
    static_assert(kUtilizationBandNames.entries.size() == kUtilizationBandCount);
}

}  // namespace
}  // namespace credo::domain
