#include "credo/domain/credit/order_line.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

TEST(OrderLine, QuantitiesAreExactThousandths) {
    EXPECT_EQ(ParseQuantity("12", "q").value(), 12000);
    EXPECT_EQ(ParseQuantity("0.5", "q").value(), 500);
    EXPECT_EQ(ParseQuantity("2.125", "q").value(), 2125);
    EXPECT_EQ(ParseQuantity("0.001", "q").value(), 1);
    for (auto bad : {"0", "0.000", "-1", "1.2345", "", "1.", ".5", "1e3", "1,5", "abc", "1000000000000"}) {
        auto r = ParseQuantity(bad, "lines[2].quantity");
        ASSERT_FALSE(r) << bad;
        EXPECT_TRUE(r.error().fields.contains("lines[2].quantity")) << bad;
    }
    EXPECT_EQ(FormatQuantity(2125), "2.125");
    EXPECT_EQ(FormatQuantity(12000), "12");
    EXPECT_EQ(FormatQuantity(500), "0.5");
}

TEST(OrderLine, AmountsRoundHalfUpToTheMinorUnit) {
    EXPECT_EQ(LineAmount(12000, 150000, "a").value(), 1800000);  // 12 × 1500.00
    EXPECT_EQ(LineAmount(500, 1, "a").value(), 1);               // 0.5 × 0.01 = 0.005 → 0.01
    EXPECT_EQ(LineAmount(499, 1, "a").value(), 0);
    EXPECT_EQ(LineAmount(2125, 999, "a").value(), 2123);  // 2.125 × 9.99 = 21.22875 → 21.23
    EXPECT_FALSE(LineAmount(INT64_MAX, 2000, "a"));
}

}  // namespace
}  // namespace credo::domain
