// Money: an exact amount of one currency.
//
// Stored as a signed 64-bit count of the currency's minor units (cents, fen) plus its ISO 4217 code.
// Never a floating-point number anywhere. Arithmetic between different currencies is an error, not a
// conversion: conversions go through dated FX rates (a later concern) with one documented rounding rule.
// Every operation that could overflow int64 checks and reports kInvalidArgument instead.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "credo/base/result.hpp"

namespace credo {

class Currency {
 public:
    // Looks a code up in the ISO 4217 table (active currencies, with their minor units: CNY 2, JPY 0,
    // KWD 3, ...). Accepts upper case only. Unknown: kInvalidArgument naming `field`.
    static Result<Currency> FromCode(std::string_view code, std::string_view field = "currency");
    std::string_view code() const { return std::string_view(code_, 3); }
    int minor_units() const { return minor_units_; }
    friend bool operator==(const Currency& a, const Currency& b) { return a.code() == b.code(); }

 private:
    Currency(std::string_view code, int minor_units);
    char code_[3];
    int minor_units_;
};

class Money {
 public:
    Money(std::int64_t minor, Currency currency) : minor_(minor), currency_(currency) {}
    static Money Zero(Currency currency) { return Money(0, currency); }

    // Parses a plain decimal string: optional '-', digits, optional '.' and at most
    // currency.minor_units() digits ("1234.5", "1234.50", "-3", "0.07"). No exponent, no '+', no
    // grouping separators, no spaces, at least one digit before the point. Out of int64 range, too many
    // decimals, or malformed: kInvalidArgument naming `field` (e.g. "amount.amount").
    static Result<Money> Parse(std::string_view amount, Currency currency, std::string_view field);

    std::int64_t minor() const { return minor_; }
    const Currency& currency() const { return currency_; }
    bool negative() const { return minor_ < 0; }

    // Always exactly minor_units decimals: "1234.50", "-0.07", "100" for JPY.
    std::string ToString() const;

    // Same-currency arithmetic; a currency mismatch or an int64 overflow is kInvalidArgument.
    Result<Money> Add(const Money& other) const;
    Result<Money> Subtract(const Money& other) const;
    // Comparison is only meaningful within a currency; different currencies compare unordered.
    std::partial_ordering operator<=>(const Money& other) const;
    bool operator==(const Money& other) const = default;

 private:
    std::int64_t minor_;
    Currency currency_;
};

}  // namespace credo
