#include "credo/base/fx.hpp"

#include <gtest/gtest.h>

namespace credo {
namespace {

Currency C(std::string_view code) { return Currency::FromCode(code).value(); }

TEST(FxTest, RatesParseExactlyWithEightDecimals) {
    EXPECT_EQ(ParseRate("7.1234", "rate").value(), 712340000);
    EXPECT_EQ(ParseRate("1", "rate").value(), kRateOne);
    EXPECT_EQ(ParseRate("0.00000001", "rate").value(), 1);
    for (auto bad : {"", "0", "0.0", "-1", "1.", ".5", "1.123456789", "7,1", "1e3", "abc", "12345678901"}) {
        auto r = ParseRate(bad, "rates.USD");
        ASSERT_FALSE(r) << bad;
        EXPECT_TRUE(r.error().fields.contains("rates.USD"));
    }
    EXPECT_EQ(FormatRate(712340000), "7.1234");
    EXPECT_EQ(FormatRate(kRateOne), "1.0");
    EXPECT_EQ(FormatRate(1), "0.00000001");
}

TEST(FxTest, ConversionRoundsHalfAwayFromZeroToTheTargetsMinorUnit) {
    const std::int64_t usd_cny = 712345678;  // 7.12345678
    // 100.00 USD = 712.345678 CNY → 712.35
    EXPECT_EQ(Convert(Money(10000, C("USD")), usd_cny, C("CNY"))->minor(), 71235);
    // Exactly half a fen: 0.005 → 0.01, and -0.005 → -0.01.
    EXPECT_EQ(Convert(Money(1, C("USD")), 50000000, C("CNY"))->minor(), 1);
    EXPECT_EQ(Convert(Money(-1, C("USD")), 50000000, C("CNY"))->minor(), -1);
    EXPECT_EQ(Convert(Money(1, C("USD")), 49999999, C("CNY"))->minor(), 0);
    // Into a currency without minor units, and into one with three.
    EXPECT_EQ(Convert(Money(10050, C("USD")), 15000000000, C("JPY"))->minor(), 15075);  // 100.50 × 150
    EXPECT_EQ(Convert(Money(100000, C("CNY")), 4300000, C("KWD"))->minor(), 43000);     // 1000 × 0.043
    // The same currency at rate one is the amount itself.
    EXPECT_EQ(Convert(Money(12345, C("CNY")), kRateOne, C("CNY"))->minor(), 12345);
    // Overflow is an error, not a wrapped number.
    EXPECT_FALSE(Convert(Money(INT64_MAX, C("USD")), 15000000000, C("JPY")));  // × 1.5
    EXPECT_TRUE(Convert(Money(INT64_MAX / 2, C("USD")), 15000000000, C("JPY")));
}

TEST(FxTest, CrossRatesGoThroughTheBaseCurrency) {
    // 1 USD = 7.1 CNY, 1 EUR = 7.8 CNY: 1 USD = 0.91025641 EUR (0.910256410… rounded).
    EXPECT_EQ(CrossRate(710000000, 780000000).value(), 91025641);
    EXPECT_EQ(CrossRate(780000000, 780000000).value(), kRateOne);
    EXPECT_FALSE(CrossRate(0, kRateOne));
}

}  // namespace
}  // namespace credo
