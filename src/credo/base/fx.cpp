#include "credo/base/fx.hpp"

#include <limits>
#include <string>

namespace credo {
namespace {

__extension__ typedef __int128 Wide;  // GCC and Clang: exact products of two int64

Wide Pow10(int n) {
    Wide p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

// numerator / denominator (denominator > 0), rounded half away from zero.
Wide DivRound(Wide numerator, Wide denominator) {
    const bool negative = numerator < 0;
    Wide n = negative ? -numerator : numerator;
    Wide q = (n + denominator / 2) / denominator;
    return negative ? -q : q;
}

bool FitsInt64(Wide v) {
    return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

}  // namespace

Result<std::int64_t> ParseRate(std::string_view text, std::string_view field) {
    const std::string message = "must be a positive decimal number with at most 8 decimals, such as 7.1234";
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 10 || fraction.size() > 8 ||
        (dot != std::string_view::npos && fraction.empty()))
        return FieldError(std::string(field), message);
    Wide v = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return FieldError(std::string(field), message);
        v = v * 10 + (c - '0');
    }
    for (std::size_t i = 0; i < 8; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (c < '0' || c > '9') return FieldError(std::string(field), message);
        v = v * 10 + (c - '0');
    }
    if (v <= 0 || !FitsInt64(v)) return FieldError(std::string(field), message);
    return static_cast<std::int64_t>(v);
}

std::string FormatRate(std::int64_t rate_e8) {
    std::string whole = std::to_string(rate_e8 / kRateOne);
    std::string fraction = std::to_string(rate_e8 % kRateOne);
    fraction.insert(0, 8 - fraction.size(), '0');
    while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
    return whole + "." + fraction;
}

Result<std::int64_t> CrossRate(std::int64_t from_base_e8, std::int64_t to_base_e8) {
    if (from_base_e8 <= 0 || to_base_e8 <= 0) return FieldError("rate", "must be positive");
    const Wide rate = DivRound(Wide(from_base_e8) * kRateOne, to_base_e8);
    if (rate <= 0 || !FitsInt64(rate)) return FieldError("rate", "the cross rate is out of range");
    return static_cast<std::int64_t>(rate);
}

Result<Money> Convert(const Money& amount, std::int64_t rate_e8, const Currency& to) {
    if (rate_e8 <= 0) return FieldError("rate", "must be positive");
    if (amount.currency() == to && rate_e8 == kRateOne) return amount;
    // minor_to = minor_from × rate × 10^to_units / (10^8 × 10^from_units)
    const Wide numerator = Wide(amount.minor()) * rate_e8 * Pow10(to.minor_units());
    const Wide denominator = Wide(kRateOne) * Pow10(amount.currency().minor_units());
    const Wide minor = DivRound(numerator, denominator);
    if (!FitsInt64(minor)) return FieldError("amount", "the converted amount is out of range");
    return Money(static_cast<std::int64_t>(minor), to);
}

}  // namespace credo
