#include "credo/domain/customer/fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace credo::domain {
namespace {

constexpr std::string_view kGroups[] = {"basic",     "company", "characteristics", "sales_status",
                                        "operating", "market",  "end_customer"};

constexpr std::string_view kOwnershipTypes[] = {"state_owned", "foreign", "joint_venture", "private", "individual"};
constexpr std::string_view kMarketOrientation[] = {"domestic", "export", "both"};
constexpr std::string_view kPaymentMethods[] = {
    "bank_transfer", "bank_acceptance", "commercial_acceptance", "letter_of_credit", "cash", "other"};

constexpr int kShort = 200;
constexpr int kLong = 4000;

// clang-format off
constexpr FieldSpec kFields[] = {
    // basic
    {"address",               "basic", FieldType::kText,     kCompanies, kAllKinds, {}, kShort},
    {"postcode",              "basic", FieldType::kPostcode, 0,          kAllKinds, {}, 10},
    {"phone",                 "basic", FieldType::kPhone,    kAllKinds,  kAllKinds, {}, 40},
    {"fax",                   "basic", FieldType::kPhone,    0,          0,         {}, 40},
    {"email",                 "basic", FieldType::kEmail,    0,          kAllKinds, {}, 254},
    {"website",               "basic", FieldType::kUrl,      0,          0,         {}, 500},
    {"proprietor",            "basic", FieldType::kText,     0,          kTraderBit, {}, 100},
    {"general_manager",       "basic", FieldType::kText,     0,          kCompanies, {}, 100},
    {"legal_representative",  "basic", FieldType::kText,     kEnterpriseBit, kCompanies, {}, 100},
    {"procurement_head",      "basic", FieldType::kText,     0,          kCompanies, {}, 100},
    {"business_types",        "basic", FieldType::kTextList, 0,          kCompanies, {}, 100},
    {"relationship_start",    "basic", FieldType::kDate,     0,          kAllKinds, {}, 0},
    {"tax_id",                "basic", FieldType::kTaxId,    kEnterpriseBit, kCompanies, {}, 30},
    // company
    {"ownership_type",        "company", FieldType::kEnum,   kEnterpriseBit, kCompanies, kOwnershipTypes, 0},
    {"registered_capital",    "company", FieldType::kMoney,  0,          kCompanies, {}, 0},
    {"paid_in_capital",       "company", FieldType::kMoney,  0,          kEnterpriseBit, {}, 0},
    {"products",              "company", FieldType::kTextList, 0,        kCompanies, {}, 100},
    {"market_orientation",    "company", FieldType::kEnum,   0,          kCompanies, kMarketOrientation, 0},
    {"payment_terms",         "company", FieldType::kText,   0,          kCompanies, {}, kShort},
    {"payment_method",        "company", FieldType::kEnum,   0,          kAllKinds, kPaymentMethods, 0},
    // characteristics
    {"market_region",         "characteristics", FieldType::kText,   0, kCompanies, {}, kShort},
    {"sales_capability",      "characteristics", FieldType::kRating, 0, kCompanies, {}, 0},
    {"development_potential", "characteristics", FieldType::kRating, 0, kAllKinds, {}, 0},
    {"business_philosophy",   "characteristics", FieldType::kText,   0, 0, {}, kShort},
    {"business_direction",    "characteristics", FieldType::kText,   0, 0, {}, kShort},
    {"business_policy",       "characteristics", FieldType::kText,   0, 0, {}, kShort},
    {"business_style",        "characteristics", FieldType::kText,   0, 0, {}, kShort},
    // sales status
    {"sales_results",         "sales_status", FieldType::kLongText, 0, kCompanies, {}, kLong},
    {"market_share",          "sales_status", FieldType::kText,     0, 0, {}, kShort},
    {"competitiveness",       "sales_status", FieldType::kRating,   0, kCompanies, {}, 0},
    {"market_position",       "sales_status", FieldType::kText,     0, 0, {}, kShort},
    {"competitor_relations",  "sales_status", FieldType::kLongText, 0, 0, {}, kLong},
    {"cooperation",           "sales_status", FieldType::kLongText, 0, kAllKinds, {}, kLong},
    // operating status
    {"current_problems",      "operating", FieldType::kLongText, 0, 0, {}, kLong},
    {"strategy",              "operating", FieldType::kLongText, 0, 0, {}, kLong},
    {"outlook",               "operating", FieldType::kLongText, 0, 0, {}, kLong},
    {"image_reputation",      "operating", FieldType::kLongText, 0, 0, {}, kLong},
    {"financial_status",      "operating", FieldType::kLongText, 0, kCompanies, {}, kLong},
    // competitors, needs and preferences
    {"competitors",           "market", FieldType::kLongText, 0, 0, {}, kLong},
    {"needs",                 "market", FieldType::kLongText, 0, kAllKinds, {}, kLong},
    {"product_preferences",   "market", FieldType::kLongText, 0, 0, {}, kLong},
    // end customers
    {"local_culture",         "end_customer", FieldType::kLongText, 0, kIndividualBit, {}, kLong},
    {"local_policy",          "end_customer", FieldType::kLongText, 0, 0, {}, kLong},
};
// clang-format on

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

Status CheckText(const std::string& text, const FieldSpec& spec, std::string_view path, bool multiline) {
    const int length = Utf8Length(text);
    if (length < 0) return FieldError(std::string(path), "is not valid UTF-8 text");
    if (text.empty()) return FieldError(std::string(path), "must not be empty (send null to clear it)");
    if (text.front() == ' ' || text.back() == ' ')
        return FieldError(std::string(path), "must not begin or end with a space");
    if (spec.max_length > 0 && length > spec.max_length)
        return FieldError(std::string(path), "is " + std::to_string(length) + " characters; at most " +
                                                 std::to_string(spec.max_length) + " are allowed");
    for (unsigned char c : text) {
        if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
            return FieldError(std::string(path), "contains a control character");
    }
    return Ok();
}

Status CheckPhone(const std::string& text, std::string_view path) {
    int digits = 0;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            ++digits;
        } else if (std::string_view(" +-()").find(c) == std::string_view::npos && c != 'x' && c != '#') {
            return FieldError(std::string(path),
                              Quoted(text) + " is not a phone number (digits, spaces, + - ( ) only)");
        }
    }
    if (digits < 5 || digits > 20)
        return FieldError(std::string(path), Quoted(text) + " is not a phone number (5 to 20 digits)");
    return Ok();
}

Status CheckEmail(const std::string& text, std::string_view path) {
    const auto at = text.find('@');
    const bool ok = at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
                    text.find('.', at) != std::string::npos && text.back() != '.' &&
                    text.find(' ') == std::string::npos && text[at + 1] != '.';
    if (!ok) return FieldError(std::string(path), Quoted(text) + " is not an e-mail address");
    return Ok();
}

}  // namespace

Status CheckEmailAddress(const std::string& text, std::string_view path) {
    CREDO_CHECK(CheckEmail(text, path));
    // Also a mail envelope address: nothing that could end a command or a header.
    if (text.size() > 254 || text.find_first_of("\r\n\t<>,;\"") != std::string::npos)
        return FieldError(std::string(path), Quoted(text) + " is not an e-mail address");
    return Ok();
}

unsigned KindBit(CustomerKind kind) {
    switch (kind) {
        case CustomerKind::kEnterprise:
            return kEnterpriseBit;
        case CustomerKind::kTrader:
            return kTraderBit;
        case CustomerKind::kIndividual:
            return kIndividualBit;
    }
    return 0;
}

std::span<const std::string_view> FieldGroups() { return kGroups; }
std::span<const FieldSpec> CustomerFields() { return kFields; }

const FieldSpec* FindField(std::string_view key) {
    for (const auto& f : kFields)
        if (f.key == key) return &f;
    return nullptr;
}

int Utf8Length(std::string_view s) {
    int count = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) {
            n = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07;
        } else {
            return -1;
        }
        if (i + n > s.size()) return -1;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        i += n;
        ++count;
    }
    return count;
}

Status ValidateValue(const FieldSpec& spec, const FieldValue& value, std::string_view path) {
    const std::string p(path);
    switch (spec.type) {
        case FieldType::kText:
        case FieldType::kLongText:
        case FieldType::kEmail:
        case FieldType::kPhone:
        case FieldType::kUrl:
        case FieldType::kPostcode:
        case FieldType::kTaxId:
        case FieldType::kEnum: {
            const auto* text = std::get_if<std::string>(&value);
            if (!text) return FieldError(p, "must be a string");
            CREDO_CHECK(CheckText(*text, spec, path, spec.type == FieldType::kLongText));
            if (spec.type == FieldType::kEmail) return CheckEmail(*text, path);
            if (spec.type == FieldType::kPhone) return CheckPhone(*text, path);
            if (spec.type == FieldType::kUrl) {
                std::string lower = *text;
                for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                const auto scheme = lower.starts_with("https://") ? 8u : lower.starts_with("http://") ? 7u : 0u;
                const auto host = scheme ? lower.substr(scheme, lower.find('/', scheme) - scheme) : std::string();
                if (!scheme || host.size() < 3 || host.find('.') == std::string::npos || host.front() == '.' ||
                    host.back() == '.' || text->find(' ') != std::string::npos)
                    return FieldError(p, Quoted(*text) + " is not a web address (http:// or https://)");
            }
            if (spec.type == FieldType::kPostcode) {
                const bool ok = text->size() >= 3 && std::all_of(text->begin(), text->end(), [](char c) {
                                    return IsAsciiAlnum(c) || c == ' ' || c == '-';
                                });
                if (!ok) return FieldError(p, Quoted(*text) + " is not a postcode");
            }
            if (spec.type == FieldType::kTaxId) {
                const bool ok =
                    text->size() >= 8 && text->size() <= 30 && std::all_of(text->begin(), text->end(), IsAsciiAlnum);
                if (!ok) return FieldError(p, Quoted(*text) + " is not a tax id (8 to 30 letters and digits)");
            }
            if (spec.type == FieldType::kEnum &&
                std::find(spec.options.begin(), spec.options.end(), *text) == spec.options.end()) {
                std::string accepted;
                for (auto o : spec.options) accepted += (accepted.empty() ? "" : ", ") + std::string(o);
                return FieldError(p, Quoted(*text) + " is not one of " + accepted);
            }
            return Ok();
        }
        case FieldType::kDate:
            if (!std::holds_alternative<Date>(value)) return FieldError(p, "must be a date YYYY-MM-DD");
            return Ok();
        case FieldType::kMoney: {
            const auto* money = std::get_if<Money>(&value);
            if (!money) return FieldError(p, "must be an amount {\"amount\": \"1000.00\", \"currency\": \"CNY\"}");
            if (money->negative()) return FieldError(p, "must not be negative");
            return Ok();
        }
        case FieldType::kRating: {
            const auto* n = std::get_if<std::int64_t>(&value);
            if (!n || *n < 1 || *n > 5) return FieldError(p, "must be a whole number from 1 to 5");
            return Ok();
        }
        case FieldType::kTextList: {
            const auto* list = std::get_if<std::vector<std::string>>(&value);
            if (!list) return FieldError(p, "must be a list of texts");
            if (list->empty()) return FieldError(p, "must not be empty (send null to clear it)");
            if (list->size() > 50) return FieldError(p, "has more than 50 entries");
            for (std::size_t i = 0; i < list->size(); ++i)
                CREDO_CHECK(CheckText((*list)[i], spec, p + "[" + std::to_string(i) + "]", false));
            return Ok();
        }
    }
    return Ok();
}

std::string ValueText(const FieldValue& value) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const Date& d) const { return FormatDate(d); }
        std::string operator()(const Money& m) const { return m.ToString() + " " + std::string(m.currency().code()); }
        std::string operator()(std::int64_t n) const { return std::to_string(n); }
        std::string operator()(const std::vector<std::string>& list) const {
            std::string out;
            for (const auto& s : list) out += (out.empty() ? "" : "; ") + s;
            return out;
        }
    };
    return std::visit(Visitor{}, value);
}

}  // namespace credo::domain
