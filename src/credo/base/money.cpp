#include "credo/base/money.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

namespace credo {

namespace {

struct CurrencyInfo {
    std::string_view code;
    int minor_units;
};

// ISO 4217 list one, active currencies only, as published by the maintenance agency (SIX) on 2026-01-01.
// Codes whose minor unit is "N.A." (XAU, XDR, XTS, XXX, bond-market units, ...) are left out: they are not
// amounts a customer can owe. Withdrawn codes (ANG, BGN, CUC, HRK, SLL, ZWL, ...) are left out too: they are
// rejected as input rather than silently kept alive. Sorted by code, for binary search (checked below).
constexpr auto kCurrencies = std::to_array<CurrencyInfo>({
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2}, {"AWG", 2}, {"AZN", 2},
    {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BOV", 2},
    {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHE", 2},
    {"CHF", 2}, {"CHW", 2}, {"CLF", 4}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"COU", 2}, {"CRC", 2}, {"CUP", 2},
    {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2},
    {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2}, {"GNF", 0},
    {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2},
    {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2},
    {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2},
    {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2},
    {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MXV", 2}, {"MYR", 2}, {"MZN", 2},
    {"NAD", 2}, {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2},
    {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2},
    {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2}, {"SLE", 2},
    {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2},
    {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0},
    {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2}, {"UYW", 4}, {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0},
    {"VUV", 0}, {"WST", 2}, {"XAD", 2}, {"XAF", 0}, {"XCD", 2}, {"XCG", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2},
    {"ZAR", 2}, {"ZMW", 2}, {"ZWG", 2},
});

constexpr bool IsWellFormedTable() {
    for (std::size_t i = 0; i < kCurrencies.size(); ++i) {
        const CurrencyInfo& c = kCurrencies[i];
        if (c.code.size() != 3 || c.minor_units < 0 || c.minor_units > 4) return false;
        for (char ch : c.code) {
            if (ch < 'A' || ch > 'Z') return false;
        }
        if (i > 0 && !(kCurrencies[i - 1].code < c.code)) return false;
    }
    return true;
}
static_assert(IsWellFormedTable(), "kCurrencies must be upper-case 3-letter codes, strictly sorted, 0..4 minor units");

bool AllDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Describe(const Money& m) { return m.ToString() + " " + std::string(m.currency().code()); }

}  // namespace

Currency::Currency(std::string_view code, int minor_units)
    : code_{code[0], code[1], code[2]}, minor_units_(minor_units) {}

Result<Currency> Currency::FromCode(std::string_view code, std::string_view field) {
    auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                               [](const CurrencyInfo& c, std::string_view key) { return c.code < key; });
    if (code.size() != 3 || it == kCurrencies.end() || it->code != code) {
        return FieldError(std::string(field),
                          Quoted(code) + " is not an active ISO 4217 currency code (e.g. CNY, USD)");
    }
    return Currency(it->code, it->minor_units);
}

Result<Money> Money::Parse(std::string_view amount, Currency currency, std::string_view field) {
    std::string_view rest = amount;
    const bool negative = !rest.empty() && rest.front() == '-';
    if (negative) rest.remove_prefix(1);
    const std::size_t point = rest.find('.');
    const std::string_view whole = rest.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : rest.substr(point + 1);
    const bool malformed = whole.empty() || !AllDigits(whole) ||
                           (point != std::string_view::npos && (fraction.empty() || !AllDigits(fraction)));
    if (malformed) {
        return FieldError(
            std::string(field),
            Quoted(amount) + " is not a decimal amount (digits with an optional '-' and '.', e.g. 1234.50)");
    }
    const int minor_units = currency.minor_units();
    if (fraction.size() > static_cast<std::size_t>(minor_units)) {
        return FieldError(std::string(field), Quoted(amount) + " has more decimals than " +
                                                  std::string(currency.code()) + " allows (" +
                                                  std::to_string(minor_units) + ")");
    }

    // Accumulate the magnitude in minor units as unsigned, so that INT64_MIN (whose magnitude is one more than
    // INT64_MAX) is representable; leading zeros of any length are harmless.
    std::uint64_t magnitude = 0;
    bool overflow = false;
    auto push_digit = [&](char digit) {
        overflow = overflow || __builtin_mul_overflow(magnitude, 10u, &magnitude) ||
                   __builtin_add_overflow(magnitude, static_cast<unsigned>(digit - '0'), &magnitude);
    };
    for (char c : whole) push_digit(c);
    for (char c : fraction) push_digit(c);
    for (std::size_t i = fraction.size(); i < static_cast<std::size_t>(minor_units); ++i) push_digit('0');

    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (overflow || magnitude > (negative ? kMax + 1 : kMax)) {
        return FieldError(std::string(field), Quoted(amount) + " is out of range for " + std::string(currency.code()));
    }
    // Unsigned negation then conversion is exact modular arithmetic in C++20: 2^63 becomes INT64_MIN.
    const auto minor = static_cast<std::int64_t>(negative ? 0 - magnitude : magnitude);
    return Money(minor, currency);
}

std::string Money::ToString() const {
    // Negating INT64_MIN as int64 is undefined; as uint64 it is exact.
    const std::uint64_t magnitude =
        minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
    std::string text = std::to_string(magnitude);
    const auto minor_units = static_cast<std::size_t>(currency_.minor_units());
    if (minor_units > 0) {
        if (text.size() <= minor_units) text.insert(0, minor_units + 1 - text.size(), '0');
        text.insert(text.size() - minor_units, 1, '.');
    }
    if (minor_ < 0) text.insert(0, 1, '-');
    return text;
}

Result<Money> Money::Add(const Money& other) const {
    if (!(currency_ == other.currency_)) {
        return MakeError(Errc::kInvalidArgument,
                         "cannot add " + Describe(other) + " to " + Describe(*this) + ": currencies differ");
    }
    std::int64_t sum = 0;
    if (__builtin_add_overflow(minor_, other.minor_, &sum)) {
        return MakeError(Errc::kInvalidArgument,
                         Describe(*this) + " + " + Describe(other) + " is out of the representable range");
    }
    return Money(sum, currency_);
}

Result<Money> Money::Subtract(const Money& other) const {
    if (!(currency_ == other.currency_)) {
        return MakeError(Errc::kInvalidArgument,
                         "cannot subtract " + Describe(other) + " from " + Describe(*this) + ": currencies differ");
    }
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(minor_, other.minor_, &difference)) {
        return MakeError(Errc::kInvalidArgument,
                         Describe(*this) + " - " + Describe(other) + " is out of the representable range");
    }
    return Money(difference, currency_);
}

std::partial_ordering Money::operator<=>(const Money& other) const {
    if (!(currency_ == other.currency_)) return std::partial_ordering::unordered;
    return minor_ <=> other.minor_;
}

}  // namespace credo
