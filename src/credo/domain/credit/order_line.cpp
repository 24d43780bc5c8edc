#include "credo/domain/credit/order_line.hpp"

#include <limits>
#include <string>

namespace credo::domain {

Result<std::int64_t> ParseQuantity(std::string_view text, std::string_view field) {
    const std::string message = "must be a number more than zero with at most 3 decimals, such as 12 or 2.5";
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 12 || fraction.size() > 3 ||
        (dot != std::string_view::npos && fraction.empty()))
        return FieldError(std::string(field), message);
    std::int64_t v = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return FieldError(std::string(field), message);
        v = v * 10 + (c - '0');
    }
    for (std::size_t i = 0; i < 3; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (c < '0' || c > '9') return FieldError(std::string(field), message);
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return FieldError(std::string(field), message);
    return v;
}

std::string FormatQuantity(std::int64_t quantity_milli) {
    std::string out = std::to_string(quantity_milli / 1000);
    std::int64_t rest = quantity_milli % 1000;
    if (rest == 0) return out;
    std::string fraction = std::to_string(rest);
    fraction.insert(0, 3 - fraction.size(), '0');
    while (fraction.back() == '0') fraction.pop_back();
    return out + "." + fraction;
}

Result<std::int64_t> LineAmount(std::int64_t quantity_milli, std::int64_t unit_price_minor, std::string_view field) {
    __extension__ typedef __int128 Wide;
    if (quantity_milli <= 0 || unit_price_minor < 0) return FieldError(std::string(field), "is out of range");
    const Wide amount = (Wide(quantity_milli) * unit_price_minor + 500) / 1000;
    if (amount > std::numeric_limits<std::int64_t>::max())
        return FieldError(std::string(field), "the line's amount is too large");
    return static_cast<std::int64_t>(amount);
}

}  // namespace credo::domain
