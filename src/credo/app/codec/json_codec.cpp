#include "credo/app/codec/json_codec.hpp"

#include <set>

namespace credo::app {
namespace json = boost::json;
using namespace credo::domain;

namespace {

constexpr std::string_view kSystemKeys[] = {"id",         "code",         "version",    "created_at",
                                            "updated_at", "completeness", "owner_name", "warnings"};

bool IsSystemKey(std::string_view key) {
    for (auto k : kSystemKeys)
        if (k == key) return true;
    return false;
}

// Accumulates field errors so that one response names every bad field.
struct Errors {
    Error error{Errc::kInvalidArgument, "", {}, {}};
    void Add(const Error& e) {
        if (e.fields.empty()) {
            error.fields.emplace("_", e.message);
        } else {
            for (const auto& [k, v] : e.fields) error.fields.emplace(k, v);
        }
    }
    void Add(std::string field, std::string problem) { error.fields.emplace(std::move(field), std::move(problem)); }
    bool Any() const { return !error.fields.empty(); }
    Error Take() {
        const auto& [k, v] = *error.fields.begin();
        error.message = error.fields.size() == 1
                            ? k + ": " + v
                            : std::to_string(error.fields.size()) + " fields are invalid; first: " + k + ": " + v;
        return std::move(error);
    }
};

Result<std::string> String(const json::value& v, std::string_view path) {
    if (!v.is_string()) return FieldError(std::string(path), "must be a string");
    return std::string(v.get_string());
}

Result<std::int64_t> Integer(const json::value& v, std::string_view path) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v.get_uint64());
    return FieldError(std::string(path), "must be a whole number");
}

Result<bool> Bool(const json::value& v, std::string_view path) {
    if (!v.is_bool()) return FieldError(std::string(path), "must be true or false");
    return v.get_bool();
}

Result<std::vector<std::string>> StringList(const json::value& v, std::string_view path) {
    if (!v.is_array()) return FieldError(std::string(path), "must be a list of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
        const auto& item = v.get_array()[i];
        if (!item.is_string()) return FieldError(std::string(path) + "[" + std::to_string(i) + "]", "must be a string");
        out.emplace_back(item.get_string());
    }
    return out;
}

template <class E, std::size_t N>
Result<E> EnumFrom(const EnumNames<E, N>& names, const json::value& v, std::string_view path) {
    if (!v.is_string()) return FieldError(std::string(path), "must be one of " + names.Accepted());
    return names.Parse(std::string_view(v.get_string()), path);
}

json::value Opt(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

Result<Timestamp> TimestampFrom(const json::value& v, std::string_view path) {
    if (!v.is_string()) return FieldError(std::string(path), "must be a timestamp");
    return ParseTimestamp(std::string_view(v.get_string()), path);
}

// Applies one identity or classification key to a customer; false when `key` is not one of them.
bool ApplyIdentity(Customer& c, std::string_view key, const json::value& v, Errors& errors) {
    auto take = [&](auto result, auto assign) {
        if (result) {
            assign(*result);
        } else {
            errors.Add(result.error());
        }
    };
    if (key == "kind") {
        take(EnumFrom(kCustomerKindNames, v, key), [&](auto x) { c.kind = x; });
    } else if (key == "name") {
        take(String(v, key), [&](auto x) { c.name = x; });
    } else if (key == "region") {
        take(String(v, key), [&](auto x) { c.region = x; });
    } else if (key == "owner_id") {
        if (v.is_null()) {
            c.owner.reset();
        } else {
            take(Integer(v, key), [&](auto x) { c.owner = UserId(x); });
        }
    } else if (key == "nature") {
        take(EnumFrom(kNatureNames, v, key), [&](auto x) { c.nature = x; });
    } else if (key == "importance") {
        take(EnumFrom(kImportanceNames, v, key), [&](auto x) { c.importance = x; });
    } else if (key == "lifecycle") {
        take(EnumFrom(kLifecycleNames, v, key), [&](auto x) { c.lifecycle = x; });
    } else if (key == "stage") {
        if (v.is_null()) {
            c.stage.reset();
        } else {
            take(EnumFrom(kStageNames, v, key), [&](auto x) { c.stage = x; });
        }
    } else {
        return false;
    }
    return true;
}

void ApplyContactKey(Contact& c, std::string_view key, const json::value& v, const std::string& path, Errors& errors) {
    const std::string p = path + "." + std::string(key);
    auto text = [&](std::string& target) {
        if (v.is_null()) {
            target.clear();
        } else if (auto s = String(v, p)) {
            target = *s;
        } else {
            errors.Add(s.error());
        }
    };
    if (key == "id") {
        if (auto n = Integer(v, p))
            c.id = ContactId(*n);
        else
            errors.Add(n.error());
    } else if (key == "name") {
        text(c.name);
    } else if (key == "title") {
        text(c.title);
    } else if (key == "email") {
        text(c.email);
    } else if (key == "phones") {
        if (v.is_null())
            c.phones.clear();
        else if (auto l = StringList(v, p))
            c.phones = *l;
        else
            errors.Add(l.error());
    } else if (key == "primary") {
        if (auto b = Bool(v, p))
            c.primary = *b;
        else
            errors.Add(b.error());
    } else if (key == "profile") {
        if (v.is_null()) {
            c.profile = {};
            return;
        }
        if (!v.is_object()) {
            errors.Add(p, "must be an object");
            return;
        }
        for (const auto& [k, pv] : v.get_object()) {
            const std::string pp = p + "." + std::string(k);
            std::string* target = k == "personality"  ? &c.profile.personality
                                  : k == "interests"  ? &c.profile.interests
                                  : k == "hobbies"    ? &c.profile.hobbies
                                  : k == "family"     ? &c.profile.family
                                  : k == "education"  ? &c.profile.education
                                  : k == "background" ? &c.profile.background
                                                      : nullptr;
            if (k == "age") {
                if (pv.is_null())
                    c.profile.age.reset();
                else if (auto n = Integer(pv, pp))
                    c.profile.age = *n;
                else
                    errors.Add(n.error());
            } else if (target) {
                if (pv.is_null())
                    target->clear();
                else if (auto s = String(pv, pp))
                    *target = *s;
                else
                    errors.Add(s.error());
            } else {
                errors.Add(pp,
                           "is not a profile field (personality, interests, hobbies, family, education, age, "
                           "background)");
            }
        }
    } else {
        errors.Add(p, "is not a contact field");
    }
}

Result<Contact> ContactFrom(const json::value& v, const std::string& path, bool allow_id) {
    if (!v.is_object()) return FieldError(path, "must be an object");
    Contact c;
    Errors errors;
    for (const auto& [k, kv] : v.get_object()) {
        if (k == "id" && !allow_id) {
            errors.Add(path + ".id", "is set by the system");
            continue;
        }
        ApplyContactKey(c, k, kv, path, errors);
    }
    if (errors.Any()) return errors.Take();
    return c;
}

void ApplyAttribute(Attributes& attrs, const FieldSpec& spec, const json::value& v, Errors& errors) {
    if (v.is_null()) {
        attrs.erase(std::string(spec.key));
        return;
    }
    auto value = AttributeFromJson(spec, v, spec.key);
    if (value) {
        attrs.insert_or_assign(std::string(spec.key), std::move(*value));
    } else {
        errors.Add(value.error());
    }
}

std::optional<std::string> ReasonFrom(const json::object& body, Errors& errors) {
    auto it = body.find("reason");
    if (it == body.end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_string()) {
        errors.Add("reason", "must be a string");
        return std::nullopt;
    }
    std::string reason(it->value().get_string());
    if (reason.empty()) return std::nullopt;
    if (Utf8Length(reason) < 0 || Utf8Length(reason) > 500)
        errors.Add("reason", "must be valid text of at most 500 characters");
    return reason;
}

}  // namespace

Result<json::object> ParseJsonObject(std::string_view body) {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec) return FieldError("body", "is not valid JSON (" + ec.message() + ")");
    if (!v.is_object()) return FieldError("body", "must be a JSON object");
    return std::move(v.get_object());
}

json::value MoneyToJson(const Money& m, json::storage_ptr sp) {
    json::object o(sp);
    o.emplace("amount", m.ToString());
    o.emplace("currency", m.currency().code());
    return o;
}

Result<Money> MoneyFromJson(const json::value& v, std::string_view path) {
    const std::string p(path);
    if (!v.is_object()) return FieldError(p, "must be an amount {\"amount\": \"1000.00\", \"currency\": \"CNY\"}");
    const auto& o = v.get_object();
    for (const auto& [k, _] : o)
        if (k != "amount" && k != "currency") return FieldError(p + "." + std::string(k), "is not part of an amount");
    auto amount = o.find("amount");
    auto currency = o.find("currency");
    if (amount == o.end() || !amount->value().is_string())
        return FieldError(p + ".amount", "must be a decimal string such as \"1000.00\"");
    if (currency == o.end() || !currency->value().is_string())
        return FieldError(p + ".currency", "must be an ISO 4217 code such as \"CNY\"");
    CREDO_TRY(auto cur, Currency::FromCode(std::string_view(currency->value().get_string()), p + ".currency"));
    return Money::Parse(std::string_view(amount->value().get_string()), cur, p + ".amount");
}

json::value AttributeToJson(const FieldValue& value, json::storage_ptr sp) {
    struct Visitor {
        json::storage_ptr sp;
        json::value operator()(const std::string& s) const { return json::value(s, sp); }
        json::value operator()(const Date& d) const { return json::value(FormatDate(d), sp); }
        json::value operator()(const Money& m) const { return MoneyToJson(m, sp); }
        json::value operator()(std::int64_t n) const { return json::value(n, sp); }
        json::value operator()(const std::vector<std::string>& list) const {
            json::array a(sp);
            for (const auto& s : list) a.emplace_back(s);
            return a;
        }
    };
    return std::visit(Visitor{sp}, value);
}

Result<FieldValue> AttributeFromJson(const FieldSpec& spec, const json::value& v, std::string_view path) {
    FieldValue value;
    switch (spec.type) {
        case FieldType::kDate: {
            if (!v.is_string()) return FieldError(std::string(path), "must be a date YYYY-MM-DD");
            CREDO_TRY(auto d, ParseDate(std::string_view(v.get_string()), path));
            value = d;
            break;
        }
        case FieldType::kMoney: {
            CREDO_TRY(auto m, MoneyFromJson(v, path));
            value = m;
            break;
        }
        case FieldType::kRating: {
            CREDO_TRY(auto n, Integer(v, path));
            value = n;
            break;
        }
        case FieldType::kTextList: {
            CREDO_TRY(auto l, StringList(v, path));
            value = std::move(l);
            break;
        }
        default: {
            CREDO_TRY(auto s, String(v, path));
            value = std::move(s);
        }
    }
    CREDO_CHECK(ValidateValue(spec, value, path));
    return value;
}

Result<FieldValue> AttributeFromText(const FieldSpec& spec, std::string_view text, std::string_view path) {
    switch (spec.type) {
        case FieldType::kDate: {
            CREDO_TRY(auto d, ParseDate(text, path));
            return FieldValue(d);
        }
        case FieldType::kMoney: {
            std::string_view amount = text;
            std::string_view code = "CNY";
            if (auto sp = text.rfind(' '); sp != std::string_view::npos) {
                amount = text.substr(0, sp);
                code = text.substr(sp + 1);
            }
            CREDO_TRY(auto cur, Currency::FromCode(code, path));
            CREDO_TRY(auto m, Money::Parse(amount, cur, path));
            FieldValue v = m;
            CREDO_CHECK(ValidateValue(spec, v, path));
            return v;
        }
        case FieldType::kRating: {
            if (text.size() != 1 || text[0] < '1' || text[0] > '5')
                return FieldError(std::string(path), "must be a whole number from 1 to 5");
            return FieldValue(std::int64_t{text[0] - '0'});
        }
        case FieldType::kTextList: {
            std::vector<std::string> list;
            std::size_t start = 0;
            while (start <= text.size()) {
                auto end = text.find(';', start);
                if (end == std::string_view::npos) end = text.size();
                auto item = text.substr(start, end - start);
                while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
                while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
                if (!item.empty()) list.emplace_back(item);
                start = end + 1;
            }
            FieldValue v = std::move(list);
            CREDO_CHECK(ValidateValue(spec, v, path));
            return v;
        }
        default: {
            FieldValue v = std::string(text);
            CREDO_CHECK(ValidateValue(spec, v, path));
            return v;
        }
    }
}

json::object ContactToJson(const Contact& c, json::storage_ptr sp) {
    auto opt = [&](const std::string& v) { return v.empty() ? json::value(nullptr, sp) : json::value(v, sp); };
    json::array phones(sp);
    for (const auto& p : c.phones) phones.emplace_back(p);
    json::object profile(sp);
    profile.emplace("personality", opt(c.profile.personality));
    profile.emplace("interests", opt(c.profile.interests));
    profile.emplace("hobbies", opt(c.profile.hobbies));
    profile.emplace("family", opt(c.profile.family));
    profile.emplace("education", opt(c.profile.education));
    profile.emplace("age", c.profile.age ? json::value(*c.profile.age, sp) : json::value(nullptr, sp));
    profile.emplace("background", opt(c.profile.background));
    json::object o(sp);
    o.emplace("id", c.id.value());
    o.emplace("name", c.name);
    o.emplace("title", opt(c.title));
    o.emplace("phones", std::move(phones));
    o.emplace("email", opt(c.email));
    o.emplace("primary", c.primary);
    o.emplace("profile", std::move(profile));
    return o;
}

json::object CustomerToJson(const Customer& c, json::storage_ptr sp) {
    json::object o(sp);
    o.reserve(16 + c.attributes.size());
    o["id"] = c.id.value();
    o["code"] = c.code;
    o["kind"] = kCustomerKindNames.Name(c.kind);
    o["name"] = c.name;
    o["region"] = c.region;
    o["owner_id"] = c.owner ? json::value(c.owner->value()) : json::value(nullptr);
    o["nature"] = kNatureNames.Name(c.nature);
    o["importance"] = kImportanceNames.Name(c.importance);
    o["lifecycle"] = kLifecycleNames.Name(c.lifecycle);
    o["stage"] = c.stage ? json::value(kStageNames.Name(*c.stage)) : json::value(nullptr);
    for (const auto& [k, v] : c.attributes) o[k] = AttributeToJson(v, sp);
    json::array contacts(sp);
    for (const auto& contact : c.contacts) contacts.push_back(ContactToJson(contact, sp));
    o["contacts"] = std::move(contacts);
    o["version"] = c.version;
    o["created_at"] = FormatTimestamp(c.created_at);
    o["updated_at"] = FormatTimestamp(c.updated_at);
    return o;
}

std::string CustomerSnapshot(const Customer& c) { return json::serialize(CustomerToJson(c)); }

Result<Customer> CustomerFromSnapshot(std::string_view text) {
    // Reading a snapshot is on the path of every GET: parse into a per-call arena instead of the heap.
    unsigned char buffer[8192];
    json::monotonic_resource arena(buffer, sizeof buffer);
    boost::system::error_code ec;
    json::value parsed = json::parse(text, ec, &arena);
    if (ec || !parsed.is_object()) return MakeError(Errc::kInternal, "stored snapshot is not a JSON object");
    const json::object& o = parsed.get_object();
    Customer c;
    Errors errors;
    for (const auto& [k, v] : o) {
        if (ApplyIdentity(c, k, v, errors)) continue;
        if (k == "id") {
            if (auto n = Integer(v, k)) c.id = CustomerId(*n);
        } else if (k == "code") {
            if (auto s = String(v, k)) c.code = *s;
        } else if (k == "version") {
            if (auto n = Integer(v, k)) c.version = *n;
        } else if (k == "created_at") {
            if (auto t = TimestampFrom(v, k)) c.created_at = *t;
        } else if (k == "updated_at") {
            if (auto t = TimestampFrom(v, k)) c.updated_at = *t;
        } else if (k == "contacts") {
            if (!v.is_array()) continue;
            for (std::size_t i = 0; i < v.get_array().size(); ++i) {
                auto contact = ContactFrom(v.get_array()[i], "contacts[" + std::to_string(i) + "]", true);
                if (contact)
                    c.contacts.push_back(std::move(*contact));
                else
                    errors.Add(contact.error());
            }
        } else if (const FieldSpec* spec = FindField(k)) {
            // Stored values were valid when written; read them back without re-validating the rules of
            // today, so that tightening a rule never makes old versions unreadable.
            if (spec->type == FieldType::kMoney) {
                if (auto m = MoneyFromJson(v, k)) c.attributes.emplace(std::string(k), *m);
            } else if (spec->type == FieldType::kDate) {
                if (v.is_string())
                    if (auto d = ParseDate(std::string_view(v.get_string()), k))
                        c.attributes.emplace(std::string(k), *d);
            } else if (spec->type == FieldType::kRating) {
                if (auto n = Integer(v, k)) c.attributes.emplace(std::string(k), *n);
            } else if (spec->type == FieldType::kTextList) {
                if (auto l = StringList(v, k)) c.attributes.emplace(std::string(k), *l);
            } else if (v.is_string()) {
                c.attributes.emplace(std::string(k), std::string(v.get_string()));
            }
        }
    }
    if (errors.Any()) return MakeError(Errc::kInternal, "stored snapshot is unreadable: " + errors.Take().message);
    return c;
}

Result<CustomerDraft> CustomerDraftFromJson(const json::object& body) {
    CustomerDraft draft;
    Errors errors;
    draft.reason = ReasonFrom(body, errors);
    bool has_kind = false;
    for (const auto& [k, v] : body) {
        if (k == "reason") continue;
        if (IsSystemKey(k)) {
            errors.Add(std::string(k), "is set by the system");
            continue;
        }
        if (k == "kind") has_kind = true;
        if (ApplyIdentity(draft.customer, k, v, errors)) continue;
        if (k == "contacts") {
            if (!v.is_array()) {
                errors.Add("contacts", "must be a list of contacts");
                continue;
            }
            for (std::size_t i = 0; i < v.get_array().size(); ++i) {
                auto contact = ContactFrom(v.get_array()[i], "contacts[" + std::to_string(i) + "]", false);
                if (contact)
                    draft.customer.contacts.push_back(std::move(*contact));
                else
                    errors.Add(contact.error());
            }
        } else if (const FieldSpec* spec = FindField(k)) {
            if (!v.is_null()) ApplyAttribute(draft.customer.attributes, *spec, v, errors);
        } else {
            errors.Add(std::string(k), "is not a customer field");
        }
    }
    if (!has_kind) errors.Add("kind", "is required (one of " + kCustomerKindNames.Accepted() + ")");
    if (errors.Any()) return errors.Take();
    return draft;
}

Result<CustomerEdit> CustomerEditFromJson(const json::object& body) {
    Errors errors;
    CustomerEdit edit;
    edit.reason = ReasonFrom(body, errors);
    // Check every key and value now, against a scratch file, so that type errors are reported before the
    // transaction starts; the closure re-applies the same, already checked values.
    Customer scratch;
    for (const auto& [k, v] : body) {
        if (k == "reason") continue;
        if (IsSystemKey(k)) {
            errors.Add(std::string(k), "is set by the system");
        } else if (k == "contacts") {
            errors.Add("contacts", "is changed through /customers/{id}/contacts");
        } else if (k == "name" || k == "region" || k == "kind" || k == "nature" || k == "importance" ||
                   k == "lifecycle") {
            if (v.is_null())
                errors.Add(std::string(k), "is required and cannot be cleared");
            else
                ApplyIdentity(scratch, k, v, errors);
        } else if (ApplyIdentity(scratch, k, v, errors)) {
        } else if (const FieldSpec* spec = FindField(k)) {
            ApplyAttribute(scratch.attributes, *spec, v, errors);
        } else {
            errors.Add(std::string(k), "is not a customer field");
        }
    }
    if (errors.Any()) return errors.Take();
    edit.apply = [body](Customer& c) {
        Errors ignored;
        for (const auto& [k, v] : body) {
            if (k == "reason") continue;
            if (ApplyIdentity(c, k, v, ignored)) continue;
            if (const FieldSpec* spec = FindField(k)) ApplyAttribute(c.attributes, *spec, v, ignored);
        }
    };
    return edit;
}

Result<ContactEdit> ContactEditFromJson(const json::object& body, bool creating) {
    Errors errors;
    ContactEdit edit;
    edit.reason = ReasonFrom(body, errors);
    Contact scratch;
    for (const auto& [k, v] : body) {
        if (k == "reason") continue;
        if (k == "id") {
            errors.Add("id", "is set by the system");
            continue;
        }
        ApplyContactKey(scratch, k, v, "contact", errors);
    }
    if (creating && !body.contains("name")) errors.Add("contact.name", "is required");
    if (errors.Any()) return errors.Take();
    edit.apply = [body](Contact& c) {
        Errors ignored;
        for (const auto& [k, v] : body)
            if (k != "reason") ApplyContactKey(c, k, v, "contact", ignored);
    };
    return edit;
}

json::object ActivityToJson(const Activity& a) {
    return json::object{{"id", a.id.value()},
                        {"customer_id", a.customer.value()},
                        {"type", kActivityTypeNames.Name(a.type)},
                        {"date", FormatDate(a.date)},
                        {"summary", a.summary},
                        {"details", Opt(a.details)},
                        {"author_id", a.author.valid() ? json::value(a.author.value()) : json::value(nullptr)},
                        {"author_name", a.author_name},
                        {"created_at", FormatTimestamp(a.created_at)}};
}

Result<Activity> ActivityFromJson(const json::object& body) {
    Activity a;
    Errors errors;
    bool has_type = false, has_date = false;
    for (const auto& [k, v] : body) {
        if (k == "type") {
            has_type = true;
            if (auto t = EnumFrom(kActivityTypeNames, v, k))
                a.type = *t;
            else
                errors.Add(t.error());
        } else if (k == "date") {
            has_date = true;
            if (!v.is_string())
                errors.Add("date", "must be a date YYYY-MM-DD");
            else if (auto d = ParseDate(std::string_view(v.get_string()), "date"))
                a.date = *d;
            else
                errors.Add(d.error());
        } else if (k == "summary") {
            if (auto s = String(v, k))
                a.summary = *s;
            else
                errors.Add(s.error());
        } else if (k == "details") {
            if (v.is_null()) continue;
            if (auto s = String(v, k))
                a.details = *s;
            else
                errors.Add(s.error());
        } else {
            errors.Add(std::string(k), "is not an activity field (type, date, summary, details)");
        }
    }
    if (!has_type) errors.Add("type", "is required (one of " + kActivityTypeNames.Accepted() + ")");
    if (!has_date) errors.Add("date", "is required");
    if (errors.Any()) return errors.Take();
    return a;
}

json::array ChangesToJson(const std::vector<FieldChange>& changes) {
    json::array out;
    for (const auto& c : changes) {
        json::object o{{"field", c.field},
                       {"before", c.before ? json::value(*c.before) : json::value(nullptr)},
                       {"after", c.after ? json::value(*c.after) : json::value(nullptr)}};
        if (c.hidden) o["hidden"] = true;
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::vector<FieldChange>> ChangesFromJson(std::string_view text) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_array()) return MakeError(Errc::kInternal, "stored changes are unreadable");
    std::vector<FieldChange> out;
    for (const auto& item : v.get_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.get_object();
        FieldChange c;
        if (auto f = o.if_contains("field"); f && f->is_string()) c.field = std::string(f->get_string());
        if (auto b = o.if_contains("before"); b && b->is_string()) c.before = std::string(b->get_string());
        if (auto a = o.if_contains("after"); a && a->is_string()) c.after = std::string(a->get_string());
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace credo::app
