// FX conversion (SPEC OP-2): the one rounding rule for turning an amount of one currency into another.
//
// A rate is an exact decimal with 8 places, held as an integer count of 10^-8 (rate_e8): 7.12345678 is
// 712345678. Company rates are stored per currency against the base currency ("one USD is worth
// 7.1234 CNY"); the cross rate between two currencies is CrossRate(from, to), rounded half away from zero
// to 8 places. A conversion multiplies by the rate and rounds half away from zero to the target
// currency's minor unit. Everything is integer arithmetic (128-bit intermediates); out of int64 range is
// kInvalidArgument.
#pragma once

#include <cstdint>
#include <string_view>

#include "credo/base/money.hpp"

namespace credo {

inline constexpr std::int64_t kRateOne = 100'000'000;  // the rate 1.00000000

// Parses a positive decimal rate with at most 8 places ("7.1234", "0.0521"); kInvalidArgument naming
// `field` otherwise.
Result<std::int64_t> ParseRate(std::string_view text, std::string_view field);
// "7.12340000" → "7.1234": the shortest exact form, at least one decimal digit kept ("1.0").
std::string FormatRate(std::int64_t rate_e8);

// The rate from `from` to `to`, given each one's rate into the base currency.
Result<std::int64_t> CrossRate(std::int64_t from_base_e8, std::int64_t to_base_e8);

// `amount` in `to` at `rate_e8` (units of `to` per unit of amount's currency).
Result<Money> Convert(const Money& amount, std::int64_t rate_e8, const Currency& to);

}  // namespace credo
