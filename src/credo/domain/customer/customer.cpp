#include "credo/domain/customer/customer.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace credo::domain {
namespace {

void Collect(Error& into, const Status& status) {
    if (status) return;
    for (const auto& [k, v] : status.error().fields) into.fields.emplace(k, v);
    if (status.error().fields.empty()) into.fields.emplace("_", status.error().message);
}

Status NameLike(const std::string& value, std::string_view path, int max_length, bool required) {
    if (value.empty()) {
        if (required) return FieldError(std::string(path), "is required");
        return Ok();
    }
    const int length = Utf8Length(value);
    if (length < 0) return FieldError(std::string(path), "is not valid UTF-8 text");
    if (length > max_length)
        return FieldError(std::string(path), "is " + std::to_string(length) + " characters; at most " +
                                                 std::to_string(max_length) + " are allowed");
    if (value.front() == ' ' || value.back() == ' ')
        return FieldError(std::string(path), "must not begin or end with a space");
    for (unsigned char c : value)
        if (c < 0x20) return FieldError(std::string(path), "contains a control character");
    return Ok();
}

std::string ProfileText(const PersonalProfile& p) {
    std::string out;
    auto add = [&](std::string_view k, const std::string& v) {
        if (!v.empty()) out += (out.empty() ? "" : "; ") + std::string(k) + ": " + v;
    };
    add("personality", p.personality);
    add("interests", p.interests);
    add("hobbies", p.hobbies);
    add("family", p.family);
    add("education", p.education);
    if (p.age) add("age", std::to_string(*p.age));
    add("background", p.background);
    return out;
}

std::optional<std::string> Opt(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

}  // namespace

Status ValidateContact(const Contact& contact, std::string_view path) {
    const std::string p(path);
    Error error{Errc::kInvalidArgument, "the contact has invalid fields", {}, {}};
    Collect(error, NameLike(contact.name, p + ".name", 100, true));
    Collect(error, NameLike(contact.title, p + ".title", 100, false));
    static constexpr FieldSpec kPhone{"phone", "contact", FieldType::kPhone, 0, 0, {}, 40};
    static constexpr FieldSpec kEmail{"email", "contact", FieldType::kEmail, 0, 0, {}, 254};
    static constexpr FieldSpec kProfileText{"profile", "contact", FieldType::kLongText, 0, 0, {}, 2000};
    if (contact.phones.size() > 10) error.fields.emplace(p + ".phones", "has more than 10 numbers");
    for (std::size_t i = 0; i < contact.phones.size(); ++i)
        Collect(error, ValidateValue(kPhone, contact.phones[i], p + ".phones[" + std::to_string(i) + "]"));
    if (!contact.email.empty()) Collect(error, ValidateValue(kEmail, contact.email, p + ".email"));
    const auto& pr = contact.profile;
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"personality", &pr.personality}, {"interests", &pr.interests}, {"hobbies", &pr.hobbies},
        {"family", &pr.family},           {"education", &pr.education}, {"background", &pr.background}};
    for (const auto& [key, value] : texts)
        if (!value->empty()) Collect(error, ValidateValue(kProfileText, *value, p + ".profile." + std::string(key)));
    if (pr.age && (*pr.age < 16 || *pr.age > 120))
        error.fields.emplace(p + ".profile.age", "must be a whole number from 16 to 120");
    if (!error.fields.empty()) {
        error.message = error.fields.begin()->first + ": " + error.fields.begin()->second;
        return error;
    }
    return Ok();
}

Status ValidateCustomer(const Customer& c) {
    Error error{Errc::kInvalidArgument, "", {}, {}};
    Collect(error, NameLike(c.name, "name", 200, true));
    if (c.region.empty()) error.fields.emplace("region", "is required");
    for (const auto& [key, value] : c.attributes) {
        const FieldSpec* spec = FindField(key);
        if (!spec) {
            error.fields.emplace(key, "is not a customer field");
            continue;
        }
        Collect(error, ValidateValue(*spec, value, key));
    }
    const unsigned bit = KindBit(c.kind);
    for (const auto& spec : CustomerFields()) {
        if ((spec.required & bit) && !c.attributes.contains(spec.key))
            error.fields.emplace(std::string(spec.key),
                                 "is required for a customer of kind " + std::string(kCustomerKindNames.Name(c.kind)));
    }
    if (c.contacts.size() > 100) error.fields.emplace("contacts", "a file holds at most 100 contacts");
    int primaries = 0;
    for (std::size_t i = 0; i < c.contacts.size(); ++i) {
        Collect(error, ValidateContact(c.contacts[i], "contacts[" + std::to_string(i) + "]"));
        primaries += c.contacts[i].primary ? 1 : 0;
    }
    if (primaries > 1) error.fields.emplace("contacts", "at most one contact can be primary");
    if (!error.fields.empty()) {
        error.message = error.fields.size() == 1 ? error.fields.begin()->first + ": " + error.fields.begin()->second
                                                 : std::to_string(error.fields.size()) +
                                                       " fields are invalid; first: " + error.fields.begin()->first +
                                                       ": " + error.fields.begin()->second;
        return error;
    }
    return Ok();
}

Completeness AssessCompleteness(const Customer& c) {
    Completeness out;
    const unsigned bit = KindBit(c.kind);
    int expected = 1;  // at least one contact
    int filled = c.contacts.empty() ? 0 : 1;
    for (const auto& spec : CustomerFields()) {
        if (!((spec.expected | spec.required) & bit)) continue;
        ++expected;
        if (c.attributes.contains(spec.key)) {
            ++filled;
        } else {
            out.missing.emplace_back(spec.key);
        }
    }
    if (c.contacts.empty()) out.missing.emplace_back("contacts");
    out.score = expected == 0 ? 100 : (filled * 100) / expected;
    return out;
}

std::vector<FieldChange> Diff(const Customer& a, const Customer& b) {
    std::vector<FieldChange> out;
    auto field = [&](std::string name, std::optional<std::string> x, std::optional<std::string> y) {
        if (x != y) out.push_back({std::move(name), std::move(x), std::move(y)});
    };
    field("kind", std::string(kCustomerKindNames.Name(a.kind)), std::string(kCustomerKindNames.Name(b.kind)));
    field("name", a.name, b.name);
    field("region", a.region, b.region);
    field("owner_id", a.owner ? std::optional(a.owner->str()) : std::nullopt,
          b.owner ? std::optional(b.owner->str()) : std::nullopt);
    field("nature", std::string(kNatureNames.Name(a.nature)), std::string(kNatureNames.Name(b.nature)));
    field("importance", std::string(kImportanceNames.Name(a.importance)),
          std::string(kImportanceNames.Name(b.importance)));
    field("lifecycle", std::string(kLifecycleNames.Name(a.lifecycle)), std::string(kLifecycleNames.Name(b.lifecycle)));
    field("stage", a.stage ? std::optional<std::string>(kStageNames.Name(*a.stage)) : std::nullopt,
          b.stage ? std::optional<std::string>(kStageNames.Name(*b.stage)) : std::nullopt);
    for (const auto& spec : CustomerFields()) {
        auto x = a.attributes.find(spec.key);
        auto y = b.attributes.find(spec.key);
        field(std::string(spec.key), x == a.attributes.end() ? std::nullopt : std::optional(ValueText(x->second)),
              y == b.attributes.end() ? std::nullopt : std::optional(ValueText(y->second)));
    }
    // Contacts are matched by id: added, removed, or changed field by field.
    for (const auto& ca : a.contacts) {
        auto it = std::find_if(b.contacts.begin(), b.contacts.end(), [&](const Contact& x) { return x.id == ca.id; });
        const std::string path = "contacts[" + ca.id.str() + "]";
        if (it == b.contacts.end()) {
            field(path, ca.name, std::nullopt);
            continue;
        }
        field(path + ".name", ca.name, it->name);
        field(path + ".title", Opt(ca.title), Opt(it->title));
        field(path + ".phones", Opt(ValueText(ca.phones)), Opt(ValueText(it->phones)));
        field(path + ".email", Opt(ca.email), Opt(it->email));
        field(path + ".primary", ca.primary ? "true" : "false", it->primary ? "true" : "false");
        field(path + ".profile", Opt(ProfileText(ca.profile)), Opt(ProfileText(it->profile)));
    }
    for (const auto& cb : b.contacts) {
        if (std::none_of(a.contacts.begin(), a.contacts.end(), [&](const Contact& x) { return x.id == cb.id; }))
            field("contacts[" + cb.id.str() + "]", std::nullopt, cb.name);
    }
    return out;
}

std::vector<FieldChange> CreationChanges(const Customer& created) {
    Customer empty;
    empty.kind = created.kind;
    auto changes = Diff(empty, created);
    // Nothing existed before the first version: the blank file's "" and defaults are not previous values.
    for (auto& change : changes) change.before.reset();
    return changes;
}

std::string NormalizeName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool space = false;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c < 0x80 ? static_cast<char>(std::tolower(c)) : ch;
    }
    return out;
}

std::string PhoneDigits(std::string_view phone) {
    std::string out;
    for (char c : phone)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
}

std::string SearchText(const Customer& c) {
    std::string out = NormalizeName(c.name);
    for (const auto& contact : c.contacts) out += "\n" + NormalizeName(contact.name);
    return out;
}

std::vector<std::string> Bigrams(std::string_view text) {
    // Split into code points; a gram never spans a line break (which separates names).
    std::vector<std::string_view> cps;
    std::set<std::string> grams;
    auto flush = [&] {
        for (std::size_t i = 0; i + 1 < cps.size(); ++i) grams.insert(std::string(cps[i]) + std::string(cps[i + 1]));
        cps.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (text[i] == '\n') {
            flush();
        } else {
            cps.push_back(text.substr(i, std::min(n, text.size() - i)));
        }
        i += n;
    }
    flush();
    return {grams.begin(), grams.end()};
}

Status ValidateCodePattern(std::string_view pattern) {
    const auto seq = pattern.find("{seq:");
    if (seq == std::string_view::npos || pattern.find('}', seq) == std::string_view::npos)
        return FieldError("code_pattern", "must contain {seq:N}, e.g. C{year}{seq:6}");
    const auto digits = pattern.substr(seq + 5, pattern.find('}', seq) - seq - 5);
    if (digits.size() != 1 || digits[0] < '3' || digits[0] > '9')
        return FieldError("code_pattern", "{seq:N} needs N from 3 to 9");
    const auto year = pattern.find("{year}");
    if (year != std::string_view::npos && year > seq)
        return FieldError("code_pattern", "{year} must come before {seq:N}");
    return Ok();
}

namespace {
std::string FillYear(std::string_view pattern, int year) {
    std::string p(pattern);
    if (auto y = p.find("{year}"); y != std::string::npos) p.replace(y, 6, std::to_string(year));
    return p;
}
}  // namespace

std::string CodePrefix(std::string_view pattern, int year) {
    const std::string p = FillYear(pattern, year);
    return p.substr(0, p.find("{seq:"));
}

std::string FormatCode(std::string_view pattern, int year, std::int64_t sequence) {
    const std::string p = FillYear(pattern, year);
    const auto seq = p.find("{seq:");
    const auto close = p.find('}', seq);
    const int width = p[seq + 5] - '0';
    std::string number = std::to_string(sequence);
    if (static_cast<int>(number.size()) < width) number.insert(0, width - number.size(), '0');
    return p.substr(0, seq) + number + p.substr(close + 1);
}

}  // namespace credo::domain
