#include "credo/domain/credit/ratio.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace credo::domain {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(CreditRatio, BasisPointsRoundDown) {
    struct Case {
        std::int64_t part, whole, bp;
    };
    for (const Case& c : {Case{0, 1, 0}, Case{8000, 10000, 8000}, Case{79999, 100000, 7999}, Case{1, 3, 3333},
                          Case{2, 3, 6666}, Case{3, 3, 10000}, Case{5, 4, 12500}, Case{kMax, kMax, 10000},
                          Case{kMax - 1, kMax, 9999}, Case{kMax, 1, kMax}}) {
        EXPECT_EQ(BasisPointsFloor(c.part, c.whole), c.bp) << c.part << "/" << c.whole;
    }
}

TEST(CreditRatio, MulDivRoundsHalfUpWithoutOverflow) {
    struct Case {
        std::int64_t a, b, c, floor, half_up;
    };
    for (const Case& t : {Case{1, 1, 2, 0, 1}, Case{1, 1, 3, 0, 0}, Case{2, 1, 3, 0, 1}, Case{5, 10, 4, 12, 13},
                          Case{kMax, kMax, kMax, kMax, kMax}, Case{kMax, 2, 4, kMax / 2, kMax / 2 + 1},
                          Case{kMax, 120, 100, kMax, kMax}}) {
        EXPECT_EQ(MulDivFloor(t.a, t.b, t.c), t.floor) << t.a << "*" << t.b << "/" << t.c;
        EXPECT_EQ(MulDivRoundHalfUp(t.a, t.b, t.c), t.half_up) << t.a << "*" << t.b << "/" << t.c;
    }
}

}  // namespace
}  // namespace credo::domain
