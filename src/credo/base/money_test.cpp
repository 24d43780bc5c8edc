#include "credo/base/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace credo {
namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

Currency Cur(std::string_view code) { return Currency::FromCode(code).value(); }

// Parses and expects success; returns the minor units.
std::int64_t ParseMinor(std::string_view text, std::string_view code) {
    Result<Money> m = Money::Parse(text, Cur(code), "amount.amount");
    EXPECT_TRUE(m.has_value()) << text << ": " << (m.has_value() ? "" : m.error().message);
    return m.has_value() ? m->minor() : 0;
}

// Parses and expects kInvalidArgument naming the field; returns the field's problem text.
std::string ParseProblem(std::string_view text, std::string_view code) {
    Result<Money> m = Money::Parse(text, Cur(code), "amount.amount");
    EXPECT_FALSE(m.has_value()) << "accepted " << text;
    if (m.has_value()) return "";
    EXPECT_EQ(m.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(m.error().fields.count("amount.amount"), 1u) << text;
    return m.error().fields.count("amount.amount") ? m.error().fields.at("amount.amount") : "";
}

TEST(CurrencyTest, KnownCodesCarryTheirMinorUnits) {
    struct Case {
        std::string_view code;
        int minor_units;
    };
    for (const Case& c :
         {Case{"CNY", 2}, Case{"USD", 2}, Case{"EUR", 2}, Case{"GBP", 2}, Case{"HKD", 2}, Case{"JPY", 0},
          Case{"KRW", 0}, Case{"VND", 0}, Case{"CLP", 0}, Case{"ISK", 0}, Case{"KWD", 3}, Case{"BHD", 3},
          Case{"JOD", 3}, Case{"OMR", 3}, Case{"TND", 3}, Case{"IQD", 3}, Case{"LYD", 3}, Case{"CLF", 4},
          Case{"UYW", 4}, Case{"AED", 2}, Case{"ZWG", 2}, Case{"XCG", 2}, Case{"XOF", 0}}) {
        Result<Currency> cur = Currency::FromCode(c.code);
        ASSERT_TRUE(cur.has_value()) << c.code;
        EXPECT_EQ(cur->code(), c.code);
        EXPECT_EQ(cur->minor_units(), c.minor_units) << c.code;
    }
}

TEST(CurrencyTest, FirstAndLastTableEntriesAreFound) {
    // Binary search edges.
    EXPECT_TRUE(Currency::FromCode("AED").has_value());
    EXPECT_TRUE(Currency::FromCode("ZWG").has_value());
    EXPECT_FALSE(Currency::FromCode("AAA").has_value());
    EXPECT_FALSE(Currency::FromCode("ZZZ").has_value());
}

TEST(CurrencyTest, RejectsUnknownLowerCaseAndMisSizedCodes) {
    for (std::string_view code :
         {"usd", "Usd", "XXX", "XAU", "XDR", "XTS", "HRK", "ZWL", "ABC", "", "US", "USDX", "US ", " USD"}) {
        Result<Currency> cur = Currency::FromCode(code);
        ASSERT_FALSE(cur.has_value()) << code;
        EXPECT_EQ(cur.error().code, Errc::kInvalidArgument);
        ASSERT_EQ(cur.error().fields.count("currency"), 1u) << code;
        EXPECT_NE(cur.error().fields.at("currency").find("\"" + std::string(code) + "\""), std::string::npos)
            << cur.error().fields.at("currency");
    }
}

TEST(CurrencyTest, ErrorNamesTheGivenField) {
    Result<Currency> cur = Currency::FromCode("usd", "limit.currency");
    ASSERT_FALSE(cur.has_value());
    EXPECT_EQ(cur.error().fields.count("limit.currency"), 1u);
    EXPECT_EQ(cur.error().message.rfind("limit.currency: ", 0), 0u) << cur.error().message;
}

TEST(CurrencyTest, EqualityIsByCode) {
    EXPECT_TRUE(Cur("CNY") == Cur("CNY"));
    EXPECT_FALSE(Cur("CNY") == Cur("USD"));
}

TEST(MoneyTest, ParsesPlainDecimals) {
    EXPECT_EQ(ParseMinor("1234.5", "CNY"), 123450);
    EXPECT_EQ(ParseMinor("1234.50", "CNY"), 123450);
    EXPECT_EQ(ParseMinor("-3", "CNY"), -300);
    EXPECT_EQ(ParseMinor("0.07", "CNY"), 7);
    EXPECT_EQ(ParseMinor("-0.07", "CNY"), -7);
    EXPECT_EQ(ParseMinor("0", "CNY"), 0);
    EXPECT_EQ(ParseMinor("007.10", "CNY"), 710);
    EXPECT_EQ(ParseMinor("100", "JPY"), 100);
    EXPECT_EQ(ParseMinor("-100", "JPY"), -100);
    EXPECT_EQ(ParseMinor("1.234", "KWD"), 1234);
    EXPECT_EQ(ParseMinor("1.2", "KWD"), 1200);
    EXPECT_EQ(ParseMinor("1.2345", "CLF"), 12345);
}

TEST(MoneyTest, NegativeZeroIsZero) {
    Result<Money> m = Money::Parse("-0.00", Cur("CNY"), "amount");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->minor(), 0);
    EXPECT_FALSE(m->negative());
    EXPECT_EQ(*m, Money::Zero(Cur("CNY")));
    EXPECT_EQ(m->ToString(), "0.00");
    EXPECT_EQ(ParseMinor("-0", "JPY"), 0);
}

TEST(MoneyTest, ParseKeepsTheCurrency) {
    Result<Money> m = Money::Parse("5", Cur("KWD"), "amount");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->currency().code(), "KWD");
    EXPECT_EQ(m->minor(), 5000);
}

TEST(MoneyTest, RejectsMalformedAmounts) {
    for (std::string_view text :
         {"+1",   "1e3",   "1E3",  "1,000", " 1", "1 ",  "1.",    ".5",  "--1", "-",    "", "-.5",
          "1..0", "1.0.0", "0x10", "1-",    "１", "abc", "1_000", "-+1", "\t1", "1.-5", "."}) {
        std::string problem = ParseProblem(text, "CNY");
        EXPECT_NE(problem.find("is not a decimal amount"), std::string::npos) << text << " -> " << problem;
        EXPECT_EQ(problem.rfind("\"" + std::string(text) + "\"", 0), 0u) << problem;
    }
}

TEST(MoneyTest, RejectsEmbeddedNul) {
    using namespace std::string_view_literals;
    EXPECT_NE(ParseProblem("1\0"sv, "CNY").find("is not a decimal amount"), std::string::npos);
}

TEST(MoneyTest, RejectsTooManyDecimals) {
    EXPECT_EQ(ParseProblem("1.234", "CNY"), "\"1.234\" has more decimals than CNY allows (2)");
    EXPECT_EQ(ParseProblem("1.230", "CNY"), "\"1.230\" has more decimals than CNY allows (2)");
    EXPECT_EQ(ParseProblem("1.0", "JPY"), "\"1.0\" has more decimals than JPY allows (0)");
    EXPECT_EQ(ParseProblem("1.2345", "KWD"), "\"1.2345\" has more decimals than KWD allows (3)");
    EXPECT_EQ(ParseProblem("1.23456", "CLF"), "\"1.23456\" has more decimals than CLF allows (4)");
}

TEST(MoneyTest, ErrorMessageNamesFieldAndValue) {
    Result<Money> m = Money::Parse("1.234", Cur("CNY"), "lines[2].amount");
    ASSERT_FALSE(m.has_value());
    EXPECT_EQ(m.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(m.error().message, "lines[2].amount: \"1.234\" has more decimals than CNY allows (2)");
}

TEST(MoneyTest, LongInputIsTruncatedInTheMessage) {
    std::string text(10000, '9');
    text += "x";
    std::string problem = ParseProblem(text, "CNY");
    EXPECT_LT(problem.size(), 200u);
    EXPECT_NE(problem.find("...\""), std::string::npos);
}

TEST(MoneyTest, TruncationKeepsUtf8Intact) {
    // 63 ASCII bytes then a 3-byte character straddling the 64-byte cut.
    std::string text(63, '1');
    text += "\xE4\xB8\x80";  // U+4E00
    text += "0";
    std::string problem = ParseProblem(text, "CNY");
    EXPECT_EQ(problem.rfind("\"" + std::string(63, '1') + "...\"", 0), 0u) << problem;
}

TEST(MoneyTest, ParsesInt64Boundaries) {
    EXPECT_EQ(ParseMinor("9223372036854775807", "JPY"), kInt64Max);
    EXPECT_EQ(ParseMinor("-9223372036854775808", "JPY"), kInt64Min);
    EXPECT_EQ(ParseMinor("92233720368547758.07", "CNY"), kInt64Max);
    EXPECT_EQ(ParseMinor("-92233720368547758.08", "CNY"), kInt64Min);
    EXPECT_EQ(ParseMinor("0000000000000000000000000009223372036854775807", "JPY"), kInt64Max);
    EXPECT_EQ(ParseMinor("922337203685477.5807", "CLF"), kInt64Max);
}

TEST(MoneyTest, RejectsValuesBeyondInt64) {
    for (std::string_view text : {"9223372036854775808", "-9223372036854775809", "18446744073709551616",
                                  "18446744073709551615", "99999999999999999999999999", "-99999999999999999999"}) {
        std::string problem = ParseProblem(text, "JPY");
        EXPECT_EQ(problem, "\"" + std::string(text) + "\" is out of range for JPY");
    }
    EXPECT_EQ(ParseProblem("92233720368547758.08", "CNY"), "\"92233720368547758.08\" is out of range for CNY");
    EXPECT_EQ(ParseProblem("-92233720368547758.09", "CNY"), "\"-92233720368547758.09\" is out of range for CNY");
    // The whole part alone fits, but scaling by 100 does not.
    EXPECT_EQ(ParseProblem("9223372036854775807", "CNY"), "\"9223372036854775807\" is out of range for CNY");
    EXPECT_EQ(ParseProblem("92233720368547758.1", "CNY"), "\"92233720368547758.1\" is out of range for CNY");
}

TEST(MoneyTest, ToStringAlwaysHasExactlyMinorUnitsDecimals) {
    EXPECT_EQ(Money(123450, Cur("CNY")).ToString(), "1234.50");
    EXPECT_EQ(Money(-7, Cur("CNY")).ToString(), "-0.07");
    EXPECT_EQ(Money(7, Cur("CNY")).ToString(), "0.07");
    EXPECT_EQ(Money(70, Cur("CNY")).ToString(), "0.70");
    EXPECT_EQ(Money(100, Cur("CNY")).ToString(), "1.00");
    EXPECT_EQ(Money(0, Cur("CNY")).ToString(), "0.00");
    EXPECT_EQ(Money(100, Cur("JPY")).ToString(), "100");
    EXPECT_EQ(Money(-100, Cur("JPY")).ToString(), "-100");
    EXPECT_EQ(Money(0, Cur("JPY")).ToString(), "0");
    EXPECT_EQ(Money(1, Cur("KWD")).ToString(), "0.001");
    EXPECT_EQ(Money(-1234, Cur("KWD")).ToString(), "-1.234");
    EXPECT_EQ(Money(5, Cur("CLF")).ToString(), "0.0005");
}

TEST(MoneyTest, ToStringAtInt64Boundaries) {
    EXPECT_EQ(Money(kInt64Max, Cur("CNY")).ToString(), "92233720368547758.07");
    EXPECT_EQ(Money(kInt64Min, Cur("CNY")).ToString(), "-92233720368547758.08");
    EXPECT_EQ(Money(kInt64Max, Cur("JPY")).ToString(), "9223372036854775807");
    EXPECT_EQ(Money(kInt64Min, Cur("JPY")).ToString(), "-9223372036854775808");
    EXPECT_EQ(Money(kInt64Min, Cur("CLF")).ToString(), "-922337203685477.5808");
}

TEST(MoneyTest, ToStringRoundTripsThroughParse) {
    for (std::string_view code : {"CNY", "JPY", "KWD", "CLF"}) {
        for (std::int64_t minor :
             {kInt64Min, kInt64Min + 1, std::int64_t{-100001}, std::int64_t{-1}, std::int64_t{0}, std::int64_t{1},
              std::int64_t{99}, std::int64_t{123456789}, kInt64Max - 1, kInt64Max}) {
            Money m(minor, Cur(code));
            Result<Money> back = Money::Parse(m.ToString(), Cur(code), "amount");
            ASSERT_TRUE(back.has_value()) << m.ToString();
            EXPECT_EQ(*back, m) << code << " " << minor;
        }
    }
}

TEST(MoneyTest, AccessorsAndZero) {
    Money m(-5, Cur("USD"));
    EXPECT_EQ(m.minor(), -5);
    EXPECT_TRUE(m.negative());
    EXPECT_EQ(m.currency().code(), "USD");
    EXPECT_FALSE(Money::Zero(Cur("USD")).negative());
    EXPECT_EQ(Money::Zero(Cur("USD")).minor(), 0);
}

TEST(MoneyTest, AddAndSubtractSameCurrency) {
    Money a(150, Cur("CNY"));
    Money b(-200, Cur("CNY"));
    Result<Money> sum = a.Add(b);
    ASSERT_TRUE(sum.has_value());
    EXPECT_EQ(sum->minor(), -50);
    EXPECT_EQ(sum->currency().code(), "CNY");
    Result<Money> difference = a.Subtract(b);
    ASSERT_TRUE(difference.has_value());
    EXPECT_EQ(difference->minor(), 350);
}

TEST(MoneyTest, AddAndSubtractReachTheBoundariesExactly) {
    Currency cny = Cur("CNY");
    EXPECT_EQ(Money(kInt64Max - 1, cny).Add(Money(1, cny))->minor(), kInt64Max);
    EXPECT_EQ(Money(kInt64Min + 1, cny).Add(Money(-1, cny))->minor(), kInt64Min);
    EXPECT_EQ(Money(kInt64Min + 1, cny).Subtract(Money(1, cny))->minor(), kInt64Min);
    EXPECT_EQ(Money(kInt64Max, cny).Add(Money(kInt64Min, cny))->minor(), -1);
    EXPECT_EQ(Money(-1, cny).Subtract(Money(kInt64Max, cny))->minor(), kInt64Min);
}

TEST(MoneyTest, AddOverflowIsInvalidArgument) {
    Currency cny = Cur("CNY");
    for (auto [a, b] : {std::pair{kInt64Max, std::int64_t{1}}, std::pair{kInt64Min, std::int64_t{-1}},
                        std::pair{kInt64Max, kInt64Max}, std::pair{kInt64Min, kInt64Min}}) {
        Result<Money> sum = Money(a, cny).Add(Money(b, cny));
        ASSERT_FALSE(sum.has_value()) << a << " + " << b;
        EXPECT_EQ(sum.error().code, Errc::kInvalidArgument);
        EXPECT_NE(sum.error().message.find("out of the representable range"), std::string::npos);
    }
    Result<Money> sum = Money(kInt64Max, cny).Add(Money(1, cny));
    ASSERT_FALSE(sum.has_value());
    EXPECT_EQ(sum.error().message, "92233720368547758.07 CNY + 0.01 CNY is out of the representable range");
}

TEST(MoneyTest, SubtractOverflowIsInvalidArgument) {
    Currency jpy = Cur("JPY");
    for (auto [a, b] : {std::pair{kInt64Min, std::int64_t{1}}, std::pair{kInt64Max, std::int64_t{-1}},
                        std::pair{std::int64_t{0}, kInt64Min}, std::pair{std::int64_t{-2}, kInt64Max}}) {
        Result<Money> difference = Money(a, jpy).Subtract(Money(b, jpy));
        ASSERT_FALSE(difference.has_value()) << a << " - " << b;
        EXPECT_EQ(difference.error().code, Errc::kInvalidArgument);
    }
    Result<Money> difference = Money(0, jpy).Subtract(Money(kInt64Min, jpy));
    ASSERT_FALSE(difference.has_value());
    EXPECT_EQ(difference.error().message, "0 JPY - -9223372036854775808 JPY is out of the representable range");
}

TEST(MoneyTest, CurrencyMismatchIsInvalidArgument) {
    Money cny(100, Cur("CNY"));
    Money usd(100, Cur("USD"));
    Result<Money> sum = cny.Add(usd);
    ASSERT_FALSE(sum.has_value());
    EXPECT_EQ(sum.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(sum.error().message, "cannot add 1.00 USD to 1.00 CNY: currencies differ");
    Result<Money> difference = cny.Subtract(usd);
    ASSERT_FALSE(difference.has_value());
    EXPECT_EQ(difference.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(difference.error().message, "cannot subtract 1.00 USD from 1.00 CNY: currencies differ");
}

TEST(MoneyTest, ComparesWithinACurrency) {
    Currency cny = Cur("CNY");
    EXPECT_LT(Money(1, cny), Money(2, cny));
    EXPECT_GT(Money(2, cny), Money(-2, cny));
    EXPECT_LE(Money(2, cny), Money(2, cny));
    EXPECT_EQ(Money(kInt64Min, cny) <=> Money(kInt64Max, cny), std::partial_ordering::less);
    EXPECT_EQ(Money(3, cny) <=> Money(3, cny), std::partial_ordering::equivalent);
    EXPECT_EQ(Money(3, cny), Money(3, cny));
    EXPECT_NE(Money(3, cny), Money(4, cny));
}

TEST(MoneyTest, DifferentCurrenciesAreUnordered) {
    Money cny(100, Cur("CNY"));
    Money usd(100, Cur("USD"));
    EXPECT_EQ(cny <=> usd, std::partial_ordering::unordered);
    EXPECT_FALSE(cny < usd);
    EXPECT_FALSE(cny > usd);
    EXPECT_FALSE(cny <= usd);
    EXPECT_FALSE(cny >= usd);
    EXPECT_FALSE(cny == usd);
    EXPECT_TRUE(cny != usd);
}

}  // namespace
}  // namespace credo
