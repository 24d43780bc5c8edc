// An order line's quantity and amount (SPEC AR-1): quantities are exact decimals with up to three places,
// held as thousandths; a line's amount is quantity × unit price rounded half up to the currency's minor
// unit.
#pragma once

#include <cstdint>
#include <string_view>

#include "credo/base/result.hpp"

namespace credo::domain {

// "12", "0.5", "2.125" → 12000, 500, 2125. More than zero, at most three decimals, at most 10^12 units;
// else kInvalidArgument naming `field`.
Result<std::int64_t> ParseQuantity(std::string_view text, std::string_view field);
std::string FormatQuantity(std::int64_t quantity_milli);  // 2125 → "2.125", 12000 → "12"

// round_half_up(quantity_milli × unit_price_minor / 1000); kInvalidArgument naming `field` beyond int64.
Result<std::int64_t> LineAmount(std::int64_t quantity_milli, std::int64_t unit_price_minor, std::string_view field);

}  // namespace credo::domain
