// The field catalog of a customer file (SPEC CF-3): every descriptive field, its group, its type, and
// for which kinds of customer it is required to save or expected for a complete file.
//
// The catalog is the single source of truth for validation, completeness, the API's accepted keys,
// the CSV columns and the web forms. Adding a field is adding one row here. The identity of a file
// (code, kind, name, region, owner, classification) is not in the catalog: those are typed members of
// Customer with rules of their own.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/money.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class CustomerKind { kEnterprise, kTrader, kIndividual };
inline constexpr auto kCustomerKindNames = MakeEnumNames<CustomerKind>(
    std::pair{CustomerKind::kEnterprise, "enterprise"}, std::pair{CustomerKind::kTrader, "trader"},
    std::pair{CustomerKind::kIndividual, "individual"});

// Bit masks of kinds, for FieldSpec::required and FieldSpec::expected.
inline constexpr unsigned kEnterpriseBit = 1u << 0;
inline constexpr unsigned kTraderBit = 1u << 1;
inline constexpr unsigned kIndividualBit = 1u << 2;
inline constexpr unsigned kAllKinds = kEnterpriseBit | kTraderBit | kIndividualBit;
inline constexpr unsigned kCompanies = kEnterpriseBit | kTraderBit;
unsigned KindBit(CustomerKind kind);

enum class FieldType {
    kText,      // one line, up to max_length characters
    kLongText,  // several lines
    kEmail,
    kPhone,     // digits, spaces, + - ( ) and an optional extension; at least 5 digits
    kUrl,       // http:// or https://
    kPostcode,  // 3-10 letters, digits, spaces or dashes
    kTaxId,     // 8-30 letters and digits (the unified social credit code has 18)
    kDate,
    kMoney,     // non-negative
    kRating,    // integer 1-5
    kEnum,      // one of options
    kTextList,  // a list of short texts
};

struct FieldSpec {
    std::string_view key;
    std::string_view group;
    FieldType type;
    unsigned required;  // kinds for which saving without it is refused
    unsigned expected;  // kinds for which it counts toward completeness (required implies expected)
    std::span<const std::string_view> options;  // kEnum only
    int max_length;                             // characters (code points), for text types
};

// Field groups in display order.
std::span<const std::string_view> FieldGroups();
std::span<const FieldSpec> CustomerFields();
const FieldSpec* FindField(std::string_view key);

// A validated attribute value. Enum values and all text types are strings; ratings are integers.
using FieldValue = std::variant<std::string, Date, Money, std::int64_t, std::vector<std::string>>;
using Attributes = std::map<std::string, FieldValue, std::less<>>;

// Validates one value against its spec (trimmed text, formats, ranges). `path` names the field in
// errors ("phone", "contacts[2].email").
Status ValidateValue(const FieldSpec& spec, const FieldValue& value, std::string_view path);

// A readable one-line text of a value, for CSV cells and history summaries.
std::string ValueText(const FieldValue& value);

// Counts characters (UTF-8 code points) of valid UTF-8 text; returns -1 for invalid UTF-8.
int Utf8Length(std::string_view text);

// An e-mail address as a file field accepts it, that is also safe as a mail envelope address (no line
// breaks, angle brackets, commas or quotes; at most 254 bytes). kInvalidArgument naming `path` otherwise.
Status CheckEmailAddress(const std::string& text, std::string_view path);

}  // namespace credo::domain
