#include "credo/domain/customer/fields.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace credo::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using ::testing::HasSubstr;

const FieldSpec& Spec(std::string_view key) {
    const FieldSpec* spec = FindField(key);
    if (spec == nullptr) throw std::logic_error("no catalog field " + std::string(key));
    return *spec;
}

Money Cny(std::int64_t minor) { return Money(minor, Currency::FromCode("CNY").value()); }

// Validates and expects success.
void ExpectValid(std::string_view key, const FieldValue& value) {
    const Status s = ValidateValue(Spec(key), value, key);
    EXPECT_TRUE(s.has_value()) << key << " refused: " << (s.has_value() ? "" : s.error().message);
}

// Validates `value` as `key` under `path` and expects kInvalidArgument naming exactly one field, `error_field`
// (default: the path itself); returns that field's problem.
std::string ProblemAt(std::string_view key, const FieldValue& value, std::string_view path,
                      std::string_view error_field) {
    const std::string f(error_field);
    const Status s = ValidateValue(Spec(key), value, path);
    EXPECT_FALSE(s.has_value()) << key << " accepted " << ValueText(value);
    if (s.has_value()) return "";
    const Error e = s.error();  // result::error() returns a copy
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    EXPECT_EQ(e.fields.size(), 1u);
    const auto it = e.fields.find(f);
    EXPECT_NE(it, e.fields.end()) << "fields do not name " << f;
    if (it == e.fields.end()) return "";
    EXPECT_EQ(e.message, f + ": " + it->second);
    return it->second;
}

std::string Problem(std::string_view key, const FieldValue& value, std::string_view path = {}) {
    const std::string_view p = path.empty() ? key : path;
    return ProblemAt(key, value, p, p);
}

std::string Repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

// ---- catalog ----

TEST(FieldCatalog, KeysAreUnique) {
    std::set<std::string_view> keys;
    for (const FieldSpec& f : CustomerFields()) EXPECT_TRUE(keys.insert(f.key).second) << "duplicate key " << f.key;
    EXPECT_EQ(keys.size(), 43u);
}

TEST(FieldCatalog, EveryGroupIsKnownAndUsed) {
    const auto groups = FieldGroups();
    ASSERT_EQ(groups.size(), 7u);
    EXPECT_EQ(groups[0], "basic");
    EXPECT_EQ(groups[6], "end_customer");
    std::set<std::string_view> used;
    for (const FieldSpec& f : CustomerFields()) {
        EXPECT_NE(std::find(groups.begin(), groups.end(), f.group), groups.end()) << f.key << " in " << f.group;
        used.insert(f.group);
    }
    EXPECT_EQ(used.size(), groups.size());
}

TEST(FieldCatalog, EnumsHaveOptionsAndOthersDoNot) {
    int enums = 0;
    for (const FieldSpec& f : CustomerFields()) {
        if (f.type == FieldType::kEnum) {
            ++enums;
            EXPECT_FALSE(f.options.empty()) << f.key;
        } else {
            EXPECT_TRUE(f.options.empty()) << f.key;
        }
    }
    EXPECT_EQ(enums, 3);
}

TEST(FieldCatalog, RequiredImpliesExpectedAndUsesOnlyKindBits) {
    for (const FieldSpec& f : CustomerFields()) {
        EXPECT_EQ(f.required & ~kAllKinds, 0u) << f.key;
        EXPECT_EQ(f.expected & ~kAllKinds, 0u) << f.key;
        EXPECT_EQ(f.required & ~f.expected, 0u) << f.key << " is required but not expected";
    }
}

TEST(FieldCatalog, TextTypesHaveMaxLength) {
    for (const FieldSpec& f : CustomerFields()) {
        const bool text = f.type != FieldType::kDate && f.type != FieldType::kMoney && f.type != FieldType::kRating &&
                          f.type != FieldType::kEnum;
        if (text) {
            EXPECT_GT(f.max_length, 0) << f.key;
        }
    }
}

TEST(FieldCatalog, RequiredFieldsPerKind) {
    auto required = [](unsigned bit) {
        std::vector<std::string_view> out;
        for (const FieldSpec& f : CustomerFields())
            if (f.required & bit) out.push_back(f.key);
        return out;
    };
    EXPECT_THAT(required(kEnterpriseBit),
                ::testing::ElementsAre("address", "phone", "legal_representative", "tax_id", "ownership_type"));
    EXPECT_THAT(required(kTraderBit), ::testing::ElementsAre("address", "phone"));
    EXPECT_THAT(required(kIndividualBit), ::testing::ElementsAre("phone"));
}

TEST(FieldCatalog, KindBit) {
    EXPECT_EQ(KindBit(CustomerKind::kEnterprise), kEnterpriseBit);
    EXPECT_EQ(KindBit(CustomerKind::kTrader), kTraderBit);
    EXPECT_EQ(KindBit(CustomerKind::kIndividual), kIndividualBit);
}

TEST(FieldCatalog, FindField) {
    const FieldSpec* tax = FindField("tax_id");
    ASSERT_NE(tax, nullptr);
    EXPECT_EQ(tax->key, "tax_id");
    EXPECT_EQ(tax->group, "basic");
    EXPECT_EQ(tax->type, FieldType::kTaxId);
    EXPECT_EQ(tax->required, kEnterpriseBit);
    const FieldSpec* ownership = FindField("ownership_type");
    ASSERT_NE(ownership, nullptr);
    EXPECT_THAT(std::vector<std::string_view>(ownership->options.begin(), ownership->options.end()),
                ::testing::ElementsAre("state_owned", "foreign", "joint_venture", "private", "individual"));
    EXPECT_EQ(FindField("no_such_field"), nullptr);
    EXPECT_EQ(FindField(""), nullptr);
    EXPECT_EQ(FindField("Tax_Id"), nullptr);
    EXPECT_EQ(FindField("name"), nullptr);  // identity, not a catalog field
}

TEST(FieldCatalog, KindNames) {
    EXPECT_EQ(kCustomerKindNames.Name(CustomerKind::kTrader), "trader");
    EXPECT_EQ(kCustomerKindNames.Parse("individual", "kind").value(), CustomerKind::kIndividual);
    const auto bad = kCustomerKindNames.Parse("company", "kind");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().fields.at("kind"), "\"company\" is not one of enterprise, trader, individual");
}

// ---- text ----

TEST(ValidateValue, TextValid) {
    ExpectValid("address", std::string("北京市海淀区中关村大街1号"));
    ExpectValid("address", std::string("x"));
    ExpectValid("address", std::string("a b"));
}

TEST(ValidateValue, TextMustBeAString) {
    EXPECT_EQ(Problem("address", std::int64_t{5}), "must be a string");
    EXPECT_EQ(Problem("address", std::vector<std::string>{"a"}), "must be a string");
}

TEST(ValidateValue, TextEmpty) {
    EXPECT_EQ(Problem("address", std::string()), "must not be empty (send null to clear it)");
}

TEST(ValidateValue, TextLeadingOrTrailingSpace) {
    EXPECT_EQ(Problem("address", std::string(" a")), "must not begin or end with a space");
    EXPECT_EQ(Problem("address", std::string("a ")), "must not begin or end with a space");
    EXPECT_EQ(Problem("address", std::string(" ")), "must not begin or end with a space");
}

TEST(ValidateValue, TextLengthCountsCodePoints) {
    // address: at most 200 characters.
    ExpectValid("address", Repeat("a", 200));
    EXPECT_EQ(Problem("address", Repeat("a", 201)), "is 201 characters; at most 200 are allowed");
    // 200 Chinese characters are 600 bytes but 200 characters.
    ExpectValid("address", Repeat("阀", 200));
    EXPECT_EQ(Problem("address", Repeat("阀", 201)), "is 201 characters; at most 200 are allowed");
    // proprietor: at most 100.
    ExpectValid("proprietor", Repeat("张", 100));
    EXPECT_EQ(Problem("proprietor", Repeat("张", 101)), "is 101 characters; at most 100 are allowed");
}

TEST(ValidateValue, TextInvalidUtf8) {
    EXPECT_EQ(Problem("address", std::string("a\xC0\x80")), "is not valid UTF-8 text");
}

TEST(ValidateValue, TextControlCharacters) {
    EXPECT_EQ(Problem("address", std::string("a\nb")), "contains a control character");
    EXPECT_EQ(Problem("address", std::string("a\tb")), "contains a control character");
    EXPECT_EQ(Problem("address", std::string("a\rb")), "contains a control character");
    EXPECT_EQ(Problem("address", std::string("a\001b")), "contains a control character");
    EXPECT_EQ(Problem("address", std::string("a\0b", 3)), "contains a control character");
}

TEST(ValidateValue, LongTextAllowsLineBreaksAndTabsOnly) {
    ExpectValid("needs", std::string("line one\nline two\r\n\tindented"));
    EXPECT_EQ(Problem("needs", std::string("a\033b")), "contains a control character");
    ExpectValid("needs", Repeat("需", 4000));
    EXPECT_EQ(Problem("needs", Repeat("需", 4001)), "is 4001 characters; at most 4000 are allowed");
    EXPECT_EQ(Problem("needs", std::string()), "must not be empty (send null to clear it)");
}

TEST(ValidateValue, PathIsUsedInErrors) {
    EXPECT_EQ(Problem("email", std::string("nope"), "contacts[2].email"), "\"nope\" is not an e-mail address");
}

// ---- e-mail ----

TEST(ValidateValue, EmailValid) {
    ExpectValid("email", std::string("a@b.c"));
    ExpectValid("email", std::string("li.wei+sales@example.com.cn"));
}

TEST(ValidateValue, EmailInvalidForms) {
    for (const char* bad : {"plain", "@example.com", "a@example", "a@@example.com", "a@b@example.com", "a@.example.com",
                            "a@example.", "a b@example.com", "a@exa mple.com"}) {
        EXPECT_EQ(Problem("email", std::string(bad)), "\"" + std::string(bad) + "\" is not an e-mail address") << bad;
    }
    EXPECT_EQ(Problem("email", Repeat("a", 250) + "@b.cn"), "is 255 characters; at most 254 are allowed");
    EXPECT_EQ(Problem("email", std::string(" a@b.c")), "must not begin or end with a space");
}

// ---- phone ----

TEST(ValidateValue, PhoneDigitCounts) {
    EXPECT_EQ(Problem("phone", std::string("1234")), "\"1234\" is not a phone number (5 to 20 digits)");
    ExpectValid("phone", std::string("12345"));
    ExpectValid("phone", Repeat("1", 20));
    EXPECT_EQ(Problem("phone", Repeat("1", 21)), "\"" + Repeat("1", 21) + "\" is not a phone number (5 to 20 digits)");
    // Separators do not count as digits.
    EXPECT_EQ(Problem("phone", std::string("1-2-3-4")), "\"1-2-3-4\" is not a phone number (5 to 20 digits)");
}

TEST(ValidateValue, PhoneAllowedCharacters) {
    ExpectValid("phone", std::string("+86 (010) 6234-5678"));
    ExpectValid("phone", std::string("010-62345678 x12"));
    ExpectValid("phone", std::string("010-62345678#12"));
    ExpectValid("fax", std::string("+86 10 62345679"));
}

TEST(ValidateValue, PhoneBadCharacters) {
    for (const char* bad : {"010.62345678", "010-6234567A", "010/62345678", "电话62345678"}) {
        EXPECT_EQ(Problem("phone", std::string(bad)),
                  "\"" + std::string(bad) + "\" is not a phone number (digits, spaces, + - ( ) only)")
            << bad;
    }
}

// ---- URL ----

TEST(ValidateValue, UrlSchemes) {
    ExpectValid("website", std::string("http://example.com"));
    ExpectValid("website", std::string("https://example.com/about?x=1"));
    ExpectValid("website", std::string("https://a.cn"));
    for (const char* bad : {"ftp://example.com", "example.com", "www.example.com", "http://", "https://",
                            "https://exa mple.com", "javascript:alert(1)"}) {
        EXPECT_EQ(Problem("website", std::string(bad)),
                  "\"" + std::string(bad) + "\" is not a web address (http:// or https://)")
            << bad;
    }
}

// ---- postcode ----

TEST(ValidateValue, Postcode) {
    ExpectValid("postcode", std::string("100"));
    ExpectValid("postcode", std::string("100080"));
    ExpectValid("postcode", std::string("SW1A 1AA"));
    ExpectValid("postcode", std::string("12345-6789"));
    EXPECT_EQ(Problem("postcode", std::string("12")), "\"12\" is not a postcode");
    EXPECT_EQ(Problem("postcode", std::string("100_080")), "\"100_080\" is not a postcode");
    EXPECT_EQ(Problem("postcode", std::string("邮编100080")), "\"邮编100080\" is not a postcode");
    EXPECT_EQ(Problem("postcode", std::string("12345678901")), "is 11 characters; at most 10 are allowed");
}

// ---- tax id ----

TEST(ValidateValue, TaxIdLengths) {
    const std::string kMessage = " is not a tax id (8 to 30 letters and digits)";
    EXPECT_EQ(Problem("tax_id", std::string("1234567")), "\"1234567\"" + kMessage);
    ExpectValid("tax_id", std::string("12345678"));
    ExpectValid("tax_id", std::string("91110108MA01ABCD2X"));  // 18: unified social credit code
    ExpectValid("tax_id", Repeat("A", 30));
    const std::string problem = Problem("tax_id", Repeat("A", 31));
    EXPECT_THAT(problem, HasSubstr("31"));
    EXPECT_THAT(problem, HasSubstr("30"));
}

TEST(ValidateValue, TaxIdNonAlphanumeric) {
    const std::string kMessage = " is not a tax id (8 to 30 letters and digits)";
    EXPECT_EQ(Problem("tax_id", std::string("9111-0108MA01")), "\"9111-0108MA01\"" + kMessage);
    EXPECT_EQ(Problem("tax_id", std::string("9111 0108MA01")), "\"9111 0108MA01\"" + kMessage);
    EXPECT_EQ(Problem("tax_id", std::string("税号12345678")), "\"税号12345678\"" + kMessage);
}

// ---- enum ----

TEST(ValidateValue, EnumOptions) {
    ExpectValid("ownership_type", std::string("private"));
    ExpectValid("market_orientation", std::string("both"));
    ExpectValid("payment_method", std::string("letter_of_credit"));
    EXPECT_EQ(Problem("ownership_type", std::string("public")),
              "\"public\" is not one of state_owned, foreign, joint_venture, private, individual");
    EXPECT_EQ(Problem("market_orientation", std::string("Domestic")),
              "\"Domestic\" is not one of domestic, export, both");
    EXPECT_EQ(Problem("ownership_type", std::string()), "must not be empty (send null to clear it)");
    EXPECT_EQ(Problem("ownership_type", std::int64_t{1}), "must be a string");
}

// ---- date ----

TEST(ValidateValue, Date) {
    ExpectValid("relationship_start", Date{year(2020), month(2), day(29)});
    EXPECT_EQ(Problem("relationship_start", std::string("2020-02-29")), "must be a date YYYY-MM-DD");
    EXPECT_EQ(Problem("relationship_start", std::int64_t{20200229}), "must be a date YYYY-MM-DD");
}

// ---- money ----

TEST(ValidateValue, Money) {
    ExpectValid("registered_capital", Cny(0));
    ExpectValid("registered_capital", Cny(100000000));
    ExpectValid("paid_in_capital", Money(5, Currency::FromCode("JPY").value()));
    EXPECT_EQ(Problem("registered_capital", Cny(-1)), "must not be negative");
    EXPECT_EQ(Problem("registered_capital", std::string("1000.00")),
              "must be an amount {\"amount\": \"1000.00\", \"currency\": \"CNY\"}");
}

// ---- rating ----

TEST(ValidateValue, RatingRange) {
    const std::string kMessage = "must be a whole number from 1 to 5";
    EXPECT_EQ(Problem("sales_capability", std::int64_t{0}), kMessage);
    ExpectValid("sales_capability", std::int64_t{1});
    ExpectValid("sales_capability", std::int64_t{5});
    EXPECT_EQ(Problem("sales_capability", std::int64_t{6}), kMessage);
    EXPECT_EQ(Problem("competitiveness", std::int64_t{-1}), kMessage);
    EXPECT_EQ(Problem("development_potential", std::string("3")), kMessage);
}

// ---- text list ----

TEST(ValidateValue, TextList) {
    ExpectValid("products", std::vector<std::string>{"阀门", "管件", "ball valves"});
    ExpectValid("products", std::vector<std::string>(50, "x"));
    EXPECT_EQ(Problem("products", std::vector<std::string>(51, "x")), "has more than 50 entries");
    EXPECT_EQ(Problem("products", std::string("阀门")), "must be a list of texts");
}

TEST(ValidateValue, TextListNamesTheBadEntry) {
    EXPECT_EQ(ProblemAt("products", std::vector<std::string>{"a", "b", ""}, "products", "products[2]"),
              "must not be empty (send null to clear it)");
    EXPECT_EQ(ProblemAt("products", std::vector<std::string>{" a"}, "products", "products[0]"),
              "must not begin or end with a space");
    EXPECT_EQ(ProblemAt("products", std::vector<std::string>{"a", "b\nc"}, "products", "products[1]"),
              "contains a control character");
    EXPECT_EQ(ProblemAt("business_types", std::vector<std::string>{"ok", Repeat("品", 101)}, "business_types",
                        "business_types[1]"),
              "is 101 characters; at most 100 are allowed");
    ExpectValid("business_types", std::vector<std::string>{Repeat("品", 100)});
    // The entry path builds on the given path.
    EXPECT_EQ(ProblemAt("products", std::vector<std::string>{"", "x"}, "rows[3].products", "rows[3].products[0]"),
              "must not be empty (send null to clear it)");
}

// ---- Utf8Length ----

TEST(Utf8Length, ValidText) {
    EXPECT_EQ(Utf8Length(""), 0);
    EXPECT_EQ(Utf8Length("abc"), 3);
    EXPECT_EQ(Utf8Length("阀门公司"), 4);       // 3 bytes each
    EXPECT_EQ(Utf8Length("\u00e9t\u00e9"), 3);  // 2-byte sequences
    EXPECT_EQ(Utf8Length("\U0001F600"), 1);     // 4-byte sequence
    EXPECT_EQ(Utf8Length(std::string_view("a\0b", 3)), 3);
    EXPECT_EQ(Utf8Length("\x7F"), 1);
    EXPECT_EQ(Utf8Length("\xC2\x80"), 1);          // U+0080, smallest 2-byte
    EXPECT_EQ(Utf8Length("\xE0\xA0\x80"), 1);      // U+0800, smallest 3-byte
    EXPECT_EQ(Utf8Length("\xED\x9F\xBF"), 1);      // U+D7FF, just below the surrogates
    EXPECT_EQ(Utf8Length("\xEE\x80\x80"), 1);      // U+E000, just above the surrogates
    EXPECT_EQ(Utf8Length("\xF0\x90\x80\x80"), 1);  // U+10000, smallest 4-byte
    EXPECT_EQ(Utf8Length("\xF4\x8F\xBF\xBF"), 1);  // U+10FFFF, the last code point
}

TEST(Utf8Length, Overlong) {
    EXPECT_EQ(Utf8Length("\xC0\x80"), -1);          // NUL in two bytes
    EXPECT_EQ(Utf8Length("\xC1\xBF"), -1);          // U+007F in two bytes
    EXPECT_EQ(Utf8Length("\xE0\x9F\xBF"), -1);      // U+07FF in three bytes
    EXPECT_EQ(Utf8Length("\xF0\x8F\xBF\xBF"), -1);  // U+FFFF in four bytes
}

TEST(Utf8Length, Surrogates) {
    EXPECT_EQ(Utf8Length("\xED\xA0\x80"), -1);  // U+D800
    EXPECT_EQ(Utf8Length("\xED\xBF\xBF"), -1);  // U+DFFF
}

TEST(Utf8Length, BeyondUnicode) {
    EXPECT_EQ(Utf8Length("\xF4\x90\x80\x80"), -1);      // U+110000
    EXPECT_EQ(Utf8Length("\xF8\x88\x80\x80\x80"), -1);  // 5-byte form
    EXPECT_EQ(Utf8Length("\xFF"), -1);
}

TEST(Utf8Length, Truncated) {
    EXPECT_EQ(Utf8Length("\xE9\x98"), -1);  // first two bytes of 阀
    EXPECT_EQ(Utf8Length("abc\xE9"), -1);
    EXPECT_EQ(Utf8Length("\xF0\x9F\x98"), -1);
    EXPECT_EQ(Utf8Length("\xC3"), -1);
}

TEST(Utf8Length, StrayContinuationBytes) {
    EXPECT_EQ(Utf8Length("\x80"), -1);
    EXPECT_EQ(Utf8Length("a\277b"), -1);
    EXPECT_EQ(Utf8Length("\xC3\x28"), -1);  // lead byte followed by ASCII
}

// ---- ValueText ----

TEST(ValueText, EachVariant) {
    EXPECT_EQ(ValueText(std::string("阀门 ok")), "阀门 ok");
    EXPECT_EQ(ValueText(std::string()), "");
    EXPECT_EQ(ValueText(Date{year(2026), month(3), day(5)}), "2026-03-05");
    EXPECT_EQ(ValueText(Cny(123450)), "1234.50 CNY");
    EXPECT_EQ(ValueText(Cny(-7)), "-0.07 CNY");
    EXPECT_EQ(ValueText(Money(100, Currency::FromCode("JPY").value())), "100 JPY");
    EXPECT_EQ(ValueText(std::int64_t{4}), "4");
    EXPECT_EQ(ValueText(std::vector<std::string>{"a", "b", "c"}), "a; b; c");
    EXPECT_EQ(ValueText(std::vector<std::string>{"only"}), "only");
    EXPECT_EQ(ValueText(std::vector<std::string>{}), "");
}

}  // namespace
}  // namespace credo::domain

namespace credo::domain {
namespace {

TEST(ValidateValue, UrlNeedsASchemeAndADottedHost) {
    ExpectValid("website", std::string("http://t.cn"));
    ExpectValid("website", std::string("HTTPS://WWW.EXAMPLE.COM/about"));
    EXPECT_FALSE(ValidateValue(Spec("website"), std::string("ftp://a.cn"), "website").has_value());
    EXPECT_FALSE(ValidateValue(Spec("website"), std::string("http://localhost"), "website").has_value());
    EXPECT_FALSE(ValidateValue(Spec("website"), std::string("http://.cn"), "website").has_value());
}

TEST(ValidateValue, EmptyListIsRefusedLikeEmptyText) {
    const Status s = ValidateValue(Spec("products"), std::vector<std::string>{}, "products");
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().fields.at("products"), "must not be empty (send null to clear it)");
}

}  // namespace
}  // namespace credo::domain
