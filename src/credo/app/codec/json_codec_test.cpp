#include "credo/app/codec/json_codec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace credo::app {
namespace {

namespace json = boost::json;
using namespace credo::domain;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Fields = std::map<std::string, std::string>;

Currency Cur(std::string_view code) { return Currency::FromCode(code).value(); }
Money Cny(std::int64_t minor) { return Money(minor, Cur("CNY")); }

std::string Repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

json::object Obj(std::string_view text) {
    auto o = ParseJsonObject(text);
    if (!o) throw std::logic_error("test body is not a JSON object: " + std::string(text));
    return *o;
}

// Expects kInvalidArgument; returns its fields and checks that the message names the first of them.
template <class R>
Fields ErrorFields(const R& result) {
    EXPECT_FALSE(result.has_value());
    if (result.has_value()) return {};
    const Error e = result.error();
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    if (e.fields.size() == 1) {
        EXPECT_EQ(e.message, e.fields.begin()->first + ": " + e.fields.begin()->second);
    } else if (!e.fields.empty()) {
        EXPECT_EQ(e.message, std::to_string(e.fields.size()) + " fields are invalid; first: " +
                                 e.fields.begin()->first + ": " + e.fields.begin()->second);
    }
    return e.fields;
}

template <class R>
std::string ErrorMessage(const R& result) {
    return result.has_value() ? "" : result.error().message;
}

void ExpectSameCustomer(const Customer& a, const Customer& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.owner, b.owner);
    EXPECT_EQ(a.nature, b.nature);
    EXPECT_EQ(a.importance, b.importance);
    EXPECT_EQ(a.lifecycle, b.lifecycle);
    EXPECT_EQ(a.stage, b.stage);
    EXPECT_EQ(a.attributes.size(), b.attributes.size());
    for (const auto& [k, v] : a.attributes) {
        auto it = b.attributes.find(k);
        ASSERT_NE(it, b.attributes.end()) << k;
        EXPECT_TRUE(it->second == v) << k << ": " << ValueText(v) << " vs " << ValueText(it->second);
    }
    EXPECT_EQ(a.contacts, b.contacts);
    EXPECT_EQ(a.version, b.version);
    EXPECT_EQ(a.created_at, b.created_at);
    EXPECT_EQ(a.updated_at, b.updated_at);
    EXPECT_THAT(Diff(a, b), ::testing::IsEmpty());
}

// ---- ParseJsonObject ----

TEST(ParseJsonObject, Object) {
    const auto o = ParseJsonObject(R"({"name": "阀门", "n": 1})");
    ASSERT_TRUE(o.has_value());
    EXPECT_EQ(o->at("name"), json::value("阀门"));
    EXPECT_EQ(o->at("n"), json::value(1));
    EXPECT_TRUE(ParseJsonObject("{}").has_value());
}

TEST(ParseJsonObject, InvalidJson) {
    for (const char* bad : {"", "{", "{\"a\":}", "{'a': 1}", "{\"a\": 1} trailing", "nul"}) {
        const Fields f = ErrorFields(ParseJsonObject(bad));
        ASSERT_EQ(f.size(), 1u) << bad;
        EXPECT_THAT(f.at("body"), StartsWith("is not valid JSON (")) << bad;
    }
}

TEST(ParseJsonObject, NotAnObject) {
    for (const char* bad : {"[]", "[{\"a\": 1}]", "\"text\"", "42", "null", "true"}) {
        EXPECT_EQ(ErrorFields(ParseJsonObject(bad)), (Fields{{"body", "must be a JSON object"}})) << bad;
    }
}

// ---- money ----

TEST(MoneyJson, ToJson) {
    EXPECT_EQ(MoneyToJson(Cny(123450)), json::parse(R"({"amount": "1234.50", "currency": "CNY"})"));
    EXPECT_EQ(MoneyToJson(Money(100, Cur("JPY"))), json::parse(R"({"amount": "100", "currency": "JPY"})"));
    EXPECT_EQ(MoneyToJson(Money(-5, Cur("KWD"))), json::parse(R"({"amount": "-0.005", "currency": "KWD"})"));
}

TEST(MoneyJson, FromJson) {
    auto m = MoneyFromJson(json::parse(R"({"amount": "1234.5", "currency": "CNY"})"), "capital");
    ASSERT_TRUE(m.has_value()) << ErrorMessage(m);
    EXPECT_EQ(*m, Cny(123450));
    m = MoneyFromJson(json::parse(R"({"currency": "JPY", "amount": "100"})"), "capital");
    ASSERT_TRUE(m.has_value()) << ErrorMessage(m);
    EXPECT_EQ(*m, Money(100, Cur("JPY")));
    // The sign is the attribute's rule, not the amount's.
    m = MoneyFromJson(json::parse(R"({"amount": "-1", "currency": "CNY"})"), "capital");
    ASSERT_TRUE(m.has_value()) << ErrorMessage(m);
    EXPECT_EQ(*m, Cny(-100));
}

TEST(MoneyJson, RoundTrip) {
    for (const Money& m : {Cny(0), Cny(7), Cny(123450), Money(100, Cur("JPY")), Money(1, Cur("KWD"))}) {
        const auto back = MoneyFromJson(MoneyToJson(m), "x");
        ASSERT_TRUE(back.has_value()) << ErrorMessage(back);
        EXPECT_EQ(*back, m);
    }
}

TEST(MoneyJson, NotAnObject) {
    const Fields kBad{{"capital", "must be an amount {\"amount\": \"1000.00\", \"currency\": \"CNY\"}"}};
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::value("1000.00"), "capital")), kBad);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::value(1000), "capital")), kBad);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse("[]"), "capital")), kBad);
}

TEST(MoneyJson, MissingOrWrongTypedMembers) {
    const Fields kAmount{{"capital.amount", "must be a decimal string such as \"1000.00\""}};
    const Fields kCurrency{{"capital.currency", "must be an ISO 4217 code such as \"CNY\""}};
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"currency": "CNY"})"), "capital")), kAmount);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": 1000, "currency": "CNY"})"), "capital")), kAmount);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": 10.5, "currency": "CNY"})"), "capital")), kAmount);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": null, "currency": "CNY"})"), "capital")), kAmount);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1"})"), "capital")), kCurrency);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1", "currency": 156})"), "capital")), kCurrency);
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse("{}"), "capital")), kAmount);
}

TEST(MoneyJson, ExtraKey) {
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1", "currency": "CNY", "note": "x"})"), "capital")),
              (Fields{{"capital.note", "is not part of an amount"}}));
}

TEST(MoneyJson, BadCurrency) {
    for (const char* code : {"XXX", "cny", "CN", "RMB", ""}) {
        const json::value v{{"amount", "1"}, {"currency", code}};
        EXPECT_EQ(ErrorFields(MoneyFromJson(v, "capital")),
                  (Fields{{"capital.currency",
                           "\"" + std::string(code) + "\" is not an active ISO 4217 currency code (e.g. CNY, USD)"}}))
            << code;
    }
}

TEST(MoneyJson, BadAmount) {
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1.234", "currency": "CNY"})"), "capital")),
              (Fields{{"capital.amount", "\"1.234\" has more decimals than CNY allows (2)"}}));
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1.5", "currency": "JPY"})"), "capital")),
              (Fields{{"capital.amount", "\"1.5\" has more decimals than JPY allows (0)"}}));
    EXPECT_EQ(ErrorFields(MoneyFromJson(json::parse(R"({"amount": "1,000", "currency": "CNY"})"), "capital")),
              (Fields{{"capital.amount",
                       "\"1,000\" is not a decimal amount (digits with an optional '-' and '.', e.g. 1234.50)"}}));
}

// ---- customer drafts ----

constexpr std::string_view kFullBody = R"({
    "kind": "enterprise",
    "name": "上海阀门制造有限公司",
    "region": "east",
    "owner_id": 12,
    "nature": "partner",
    "importance": "important",
    "lifecycle": "established",
    "stage": "current",
    "address": "上海市浦东新区张江路1号",
    "postcode": "201203",
    "phone": "+86 21 5888-1234",
    "fax": "021-58881235",
    "email": "sales@valve.example.cn",
    "website": "https://valve.example.cn",
    "legal_representative": "王伟",
    "business_types": ["制造", "出口"],
    "relationship_start": "2019-04-01",
    "tax_id": "91310115MA1K4ABC2X",
    "ownership_type": "private",
    "registered_capital": {"amount": "10000000.00", "currency": "CNY"},
    "paid_in_capital": {"amount": "1500000.50", "currency": "USD"},
    "products": ["闸阀", "球阀", "butterfly valves"],
    "sales_capability": 4,
    "development_potential": 5,
    "needs": "第一行\n第二行",
    "contacts": [
        {"name": "王伟", "title": "采购经理", "phones": ["13800138000", "021-58881234"], "email": "wang@valve.example.cn",
         "primary": true,
         "profile": {"personality": "稳重", "interests": "高尔夫", "hobbies": "茶", "family": "两个孩子",
                     "education": "同济大学", "age": 45, "background": "工程师出身"}},
        {"name": "李娜"}
    ],
    "reason": "首次建档"
})";

TEST(CustomerDraftFromJson, FullBody) {
    const auto draft = CustomerDraftFromJson(Obj(kFullBody));
    ASSERT_TRUE(draft.has_value()) << ErrorMessage(draft);
    EXPECT_EQ(draft->reason, "首次建档");
    const Customer& c = draft->customer;
    EXPECT_EQ(c.kind, CustomerKind::kEnterprise);
    EXPECT_EQ(c.name, "上海阀门制造有限公司");
    EXPECT_EQ(c.region, "east");
    EXPECT_EQ(c.owner, UserId(12));
    EXPECT_EQ(c.nature, Nature::kPartner);
    EXPECT_EQ(c.importance, Importance::kImportant);
    EXPECT_EQ(c.lifecycle, Lifecycle::kEstablished);
    EXPECT_EQ(c.stage, Stage::kCurrent);
    EXPECT_EQ(c.attributes.size(), 17u);
    EXPECT_TRUE(c.attributes.at("address") == FieldValue(std::string("上海市浦东新区张江路1号")));
    EXPECT_TRUE(c.attributes.at("relationship_start") == FieldValue(Date{year(2019), month(4), day(1)}));
    EXPECT_TRUE(c.attributes.at("registered_capital") == FieldValue(Cny(1000000000)));
    EXPECT_TRUE(c.attributes.at("paid_in_capital") == FieldValue(Money(150000050, Cur("USD"))));
    EXPECT_TRUE(c.attributes.at("sales_capability") == FieldValue(std::int64_t{4}));
    EXPECT_TRUE(c.attributes.at("products") ==
                FieldValue(std::vector<std::string>{"闸阀", "球阀", "butterfly valves"}));
    EXPECT_TRUE(c.attributes.at("needs") == FieldValue(std::string("第一行\n第二行")));
    ASSERT_EQ(c.contacts.size(), 2u);
    const Contact& wang = c.contacts[0];
    EXPECT_FALSE(wang.id.valid());
    EXPECT_EQ(wang.name, "王伟");
    EXPECT_EQ(wang.title, "采购经理");
    EXPECT_EQ(wang.phones, (std::vector<std::string>{"13800138000", "021-58881234"}));
    EXPECT_EQ(wang.email, "wang@valve.example.cn");
    EXPECT_TRUE(wang.primary);
    EXPECT_EQ(wang.profile,
              (PersonalProfile{"稳重", "高尔夫", "茶", "两个孩子", "同济大学", std::int64_t{45}, "工程师出身"}));
    EXPECT_EQ(c.contacts[1], (Contact{ContactId(), "李娜", "", {}, "", false, {}}));
    const Status valid = ValidateCustomer(c);
    EXPECT_TRUE(valid.has_value()) << ErrorMessage(valid);
}

TEST(CustomerDraftFromJson, RoundTripsThroughSnapshot) {
    const json::object body = Obj(kFullBody);
    auto draft = CustomerDraftFromJson(body);
    ASSERT_TRUE(draft.has_value()) << ErrorMessage(draft);
    Customer c = draft->customer;
    // What the store adds.
    c.id = CustomerId(42);
    c.code = "C2026000042";
    c.version = 3;
    c.created_at = ParseTimestamp("2026-04-30T08:15:30.123Z", "t").value();
    c.updated_at = ParseTimestamp("2026-05-01T09:00:00.000Z", "t").value();
    c.contacts[0].id = ContactId(17);
    c.contacts[1].id = ContactId(18);

    const json::object out = CustomerToJson(c);
    // Every attribute and identity key reads back exactly as it was sent.
    for (const auto& [k, v] : body) {
        if (k == "reason" || k == "contacts") continue;
        ASSERT_TRUE(out.contains(k)) << k;
        EXPECT_EQ(out.at(k), v) << k;
    }
    EXPECT_EQ(out.at("id"), json::value(42));
    EXPECT_EQ(out.at("code"), json::value("C2026000042"));
    EXPECT_EQ(out.at("version"), json::value(3));
    EXPECT_EQ(out.at("created_at"), json::value("2026-04-30T08:15:30.123Z"));
    EXPECT_EQ(out.at("updated_at"), json::value("2026-05-01T09:00:00.000Z"));
    EXPECT_EQ(out.at("contacts").at(1),
              json::parse(R"({"id": 18, "name": "李娜", "title": null, "phones": [], "email": null, "primary": false,
                              "profile": {"personality": null, "interests": null, "hobbies": null, "family": null,
                                          "education": null, "age": null, "background": null}})"));
    EXPECT_FALSE(out.contains("reason"));

    const auto back = CustomerFromSnapshot(CustomerSnapshot(c));
    ASSERT_TRUE(back.has_value()) << ErrorMessage(back);
    ExpectSameCustomer(c, *back);
}

TEST(CustomerDraftFromJson, MinimalSnapshotRoundTrip) {
    auto draft = CustomerDraftFromJson(Obj(R"({"kind": "individual", "name": "张三", "region": "north",
                                               "phone": "13800138000"})"));
    ASSERT_TRUE(draft.has_value()) << ErrorMessage(draft);
    const Customer& c = draft->customer;
    EXPECT_EQ(c.owner, std::nullopt);
    EXPECT_EQ(c.stage, std::nullopt);
    EXPECT_EQ(c.nature, Nature::kOrdinary);
    EXPECT_EQ(c.importance, Importance::kGeneral);
    EXPECT_EQ(c.lifecycle, Lifecycle::kProspect);
    EXPECT_EQ(draft->reason, std::nullopt);
    const json::object out = CustomerToJson(c);
    EXPECT_TRUE(out.at("owner_id").is_null());
    EXPECT_TRUE(out.at("stage").is_null());
    const auto back = CustomerFromSnapshot(CustomerSnapshot(c));
    ASSERT_TRUE(back.has_value()) << ErrorMessage(back);
    ExpectSameCustomer(c, *back);
}

TEST(CustomerDraftFromJson, KindIsRequired) {
    EXPECT_EQ(ErrorFields(CustomerDraftFromJson(Obj(R"({"name": "张三", "region": "north"})"))),
              (Fields{{"kind", "is required (one of enterprise, trader, individual)"}}));
    EXPECT_EQ(ErrorFields(CustomerDraftFromJson(Obj(R"({"kind": "company", "name": "张三"})"))),
              (Fields{{"kind", "\"company\" is not one of enterprise, trader, individual"}}));
}

TEST(CustomerDraftFromJson, SystemKeysRefused) {
    for (const char* key :
         {"id", "code", "version", "created_at", "updated_at", "completeness", "owner_name", "warnings"}) {
        json::object body = Obj(R"({"kind": "individual", "name": "张三"})");
        body[key] = 1;
        EXPECT_EQ(ErrorFields(CustomerDraftFromJson(body)), (Fields{{key, "is set by the system"}})) << key;
    }
}

TEST(CustomerDraftFromJson, UnknownKey) {
    EXPECT_EQ(ErrorFields(CustomerDraftFromJson(Obj(R"({"kind": "individual", "colour": "blue", "Phone": "1"})"))),
              (Fields{{"Phone", "is not a customer field"}, {"colour", "is not a customer field"}}));
}

TEST(CustomerDraftFromJson, WrongTypesCollectedTogether) {
    const auto draft = CustomerDraftFromJson(Obj(R"({
        "kind": "enterprise", "name": 5, "region": null, "owner_id": "12", "nature": "friendly", "stage": 3,
        "phone": 13800138000, "sales_capability": "5", "relationship_start": "2026/01/01",
        "registered_capital": {"amount": 100, "currency": "CNY"}, "products": ["a", 2], "contacts": {}
    })"));
    EXPECT_EQ(ErrorFields(draft),
              (Fields{{"contacts", "must be a list of contacts"},
                      {"name", "must be a string"},
                      {"nature", "\"friendly\" is not one of government, special, ordinary, consumer, partner"},
                      {"owner_id", "must be a whole number"},
                      {"phone", "must be a string"},
                      {"products[1]", "must be a string"},
                      {"region", "must be a string"},
                      {"registered_capital.amount", "must be a decimal string such as \"1000.00\""},
                      {"relationship_start", "\"2026/01/01\" must be a date YYYY-MM-DD"},
                      {"sales_capability", "must be a whole number"},
                      {"stage", "must be one of past, current, upcoming"}}));
    EXPECT_EQ(ErrorMessage(draft), "11 fields are invalid; first: contacts: must be a list of contacts");
}

TEST(CustomerDraftFromJson, ValuesAreValidated) {
    EXPECT_EQ(ErrorFields(CustomerDraftFromJson(Obj(R"({
        "kind": "trader", "phone": "12", "registered_capital": {"amount": "-1.00", "currency": "CNY"},
        "sales_capability": 6, "ownership_type": "public", "products": ["ok", ""]
    })"))),
              (Fields{{"ownership_type",
                       "\"public\" is not one of state_owned, foreign, joint_venture, private, "
                       "individual"},
                      {"phone", "\"12\" is not a phone number (5 to 20 digits)"},
                      {"products[1]", "must not be empty (send null to clear it)"},
                      {"registered_capital", "must not be negative"},
                      {"sales_capability", "must be a whole number from 1 to 5"}}));
}

TEST(CustomerDraftFromJson, NullAttributeIsAbsent) {
    const auto draft = CustomerDraftFromJson(Obj(R"({"kind": "individual", "fax": null, "owner_id": null,
                                                     "stage": null})"));
    ASSERT_TRUE(draft.has_value()) << ErrorMessage(draft);
    EXPECT_FALSE(draft->customer.attributes.contains("fax"));
    EXPECT_EQ(draft->customer.owner, std::nullopt);
    EXPECT_EQ(draft->customer.stage, std::nullopt);
}

TEST(CustomerDraftFromJson, ContactsAreChecked) {
    const auto draft = CustomerDraftFromJson(Obj(R"({"kind": "individual", "contacts": [
        {"id": 5, "name": "王伟"},
        "李娜",
        {"name": "赵六", "nickname": "老赵", "primary": "yes", "phones": "138", "profile": {"shoe_size": 42}},
        {"name": "钱七", "phones": [13800138000], "profile": {"age": "forty"}},
        {"name": "孙八", "profile": "quiet"}
    ]})"));
    EXPECT_EQ(ErrorFields(draft),
              (Fields{{"contacts[0].id", "is set by the system"},
                      {"contacts[1]", "must be an object"},
                      {"contacts[2].nickname", "is not a contact field"},
                      {"contacts[2].phones", "must be a list of strings"},
                      {"contacts[2].primary", "must be true or false"},
                      {"contacts[2].profile.shoe_size",
                       "is not a profile field (personality, interests, hobbies, family, education, age, background)"},
                      {"contacts[3].phones[0]", "must be a string"},
                      {"contacts[3].profile.age", "must be a whole number"},
                      {"contacts[4].profile", "must be an object"}}));
}

TEST(CustomerDraftFromJson, Reason) {
    auto reason_of = [](std::string_view reason_json) {
        return CustomerDraftFromJson(Obj(R"({"kind": "individual", "reason": )" + std::string(reason_json) + "}"));
    };
    auto d = reason_of("\"客户要求\"");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->reason, "客户要求");
    EXPECT_FALSE(d->customer.attributes.contains("reason"));
    d = reason_of("null");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->reason, std::nullopt);
    d = reason_of("\"\"");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->reason, std::nullopt);
    d = reason_of("\"" + Repeat("因", 500) + "\"");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->reason, Repeat("因", 500));
    EXPECT_EQ(ErrorFields(reason_of("\"" + Repeat("因", 501) + "\"")),
              (Fields{{"reason", "must be valid text of at most 500 characters"}}));
    EXPECT_EQ(ErrorFields(reason_of("42")), (Fields{{"reason", "must be a string"}}));
}

// ---- customer edits ----

Customer Current() {
    auto draft = CustomerDraftFromJson(Obj(kFullBody));
    if (!draft) throw std::logic_error(draft.error().message);
    Customer c = draft->customer;
    c.id = CustomerId(42);
    c.code = "C2026000042";
    c.version = 3;
    c.contacts[0].id = ContactId(17);
    c.contacts[1].id = ContactId(18);
    return c;
}

TEST(CustomerEditFromJson, AppliesOnlyTheGivenKeys) {
    const auto edit = CustomerEditFromJson(Obj(R"({"name": "上海阀门集团", "email": "info@valve.example.cn",
        "fax": null, "owner_id": null, "stage": "past", "sales_capability": 2, "reason": "更名"})"));
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    EXPECT_EQ(edit->reason, "更名");
    const Customer before = Current();
    Customer after = before;
    edit->apply(after);
    using Change = std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>;
    std::vector<Change> changes;
    for (const auto& c : Diff(before, after)) changes.emplace_back(c.field, c.before, c.after);
    EXPECT_EQ(changes, (std::vector<Change>{{"name", "上海阀门制造有限公司", "上海阀门集团"},
                                            {"owner_id", "12", std::nullopt},
                                            {"stage", "current", "past"},
                                            {"fax", "021-58881235", std::nullopt},
                                            {"email", "sales@valve.example.cn", "info@valve.example.cn"},
                                            {"sales_capability", "4", "2"}}));
    EXPECT_EQ(after.contacts, before.contacts);
    EXPECT_EQ(after.id, before.id);
    EXPECT_EQ(after.code, before.code);
    EXPECT_EQ(after.version, before.version);
    EXPECT_FALSE(after.attributes.contains("reason"));
}

TEST(CustomerEditFromJson, NullClearsAnAttribute) {
    const auto edit = CustomerEditFromJson(Obj(R"({"website": null, "products": null, "registered_capital": null})"));
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    EXPECT_EQ(edit->reason, std::nullopt);
    Customer c = Current();
    const std::size_t count = c.attributes.size();
    edit->apply(c);
    EXPECT_FALSE(c.attributes.contains("website"));
    EXPECT_FALSE(c.attributes.contains("products"));
    EXPECT_FALSE(c.attributes.contains("registered_capital"));
    EXPECT_EQ(c.attributes.size(), count - 3);
    // Clearing an absent attribute is harmless.
    const auto again = CustomerEditFromJson(Obj(R"({"local_policy": null})"));
    ASSERT_TRUE(again.has_value());
    again->apply(c);
    EXPECT_EQ(c.attributes.size(), count - 3);
}

TEST(CustomerEditFromJson, EmptyEditChangesNothing) {
    const auto edit = CustomerEditFromJson(Obj(R"({"reason": "复核"})"));
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    const Customer before = Current();
    Customer after = before;
    edit->apply(after);
    EXPECT_THAT(Diff(before, after), ::testing::IsEmpty());
}

TEST(CustomerEditFromJson, IdentityCannotBeCleared) {
    for (const char* key : {"name", "region", "kind", "nature", "importance", "lifecycle"}) {
        json::object body;
        body[key] = nullptr;
        EXPECT_EQ(ErrorFields(CustomerEditFromJson(body)), (Fields{{key, "is required and cannot be cleared"}})) << key;
    }
}

TEST(CustomerEditFromJson, ContactsRefused) {
    EXPECT_EQ(ErrorFields(CustomerEditFromJson(Obj(R"({"contacts": []})"))),
              (Fields{{"contacts", "is changed through /customers/{id}/contacts"}}));
}

TEST(CustomerEditFromJson, SystemAndUnknownKeysRefused) {
    EXPECT_EQ(ErrorFields(CustomerEditFromJson(Obj(R"({"version": 4, "code": "C1", "colour": "blue"})"))),
              (Fields{{"code", "is set by the system"},
                      {"colour", "is not a customer field"},
                      {"version", "is set by the system"}}));
}

TEST(CustomerEditFromJson, TypeAndValueErrorsCollected) {
    const auto edit = CustomerEditFromJson(Obj(R"({"name": 3, "kind": "company", "sales_capability": 9,
        "relationship_start": "2026-02-30", "owner_id": 1.5, "reason": 7})"));
    EXPECT_EQ(ErrorFields(edit), (Fields{{"kind", "\"company\" is not one of enterprise, trader, individual"},
                                         {"name", "must be a string"},
                                         {"owner_id", "must be a whole number"},
                                         {"reason", "must be a string"},
                                         {"relationship_start", "\"2026-02-30\" is not a calendar date"},
                                         {"sales_capability", "must be a whole number from 1 to 5"}}));
}

// ---- contact edits ----

TEST(ContactEditFromJson, CreatingRequiresName) {
    EXPECT_EQ(ErrorFields(ContactEditFromJson(Obj(R"({"title": "经理"})"), true)),
              (Fields{{"contact.name", "is required"}}));
    // A partial edit need not repeat the name.
    EXPECT_TRUE(ContactEditFromJson(Obj(R"({"title": "经理"})"), false).has_value());
}

TEST(ContactEditFromJson, CreatingAppliesEveryKey) {
    const auto edit = ContactEditFromJson(Obj(R"({"name": "王伟", "title": "采购经理", "phones": ["13800138000"],
        "email": "wang@example.cn", "primary": true, "profile": {"hobbies": "茶", "age": 45}, "reason": "新联系人"})"),
                                          true);
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    EXPECT_EQ(edit->reason, "新联系人");
    Contact c;
    edit->apply(c);
    PersonalProfile profile;
    profile.hobbies = "茶";
    profile.age = 45;
    EXPECT_EQ(c, (Contact{ContactId(), "王伟", "采购经理", {"13800138000"}, "wang@example.cn", true, profile}));
}

TEST(ContactEditFromJson, PatchChangesOnlyTheGivenKeys) {
    const auto edit =
        ContactEditFromJson(Obj(R"({"title": null, "profile": {"age": 46, "family": null}, "primary": false})"), false);
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    Contact c{ContactId(17),
              "王伟",
              "采购经理",
              {"13800138000"},
              "wang@example.cn",
              true,
              PersonalProfile{"稳重", "高尔夫", "茶", "两个孩子", "同济大学", 45, "工程师出身"}};
    Contact expected = c;
    expected.title = "";
    expected.primary = false;
    expected.profile.age = 46;
    expected.profile.family = "";
    edit->apply(c);
    EXPECT_EQ(c, expected);
}

TEST(ContactEditFromJson, ProfileNullClearsIt) {
    const auto edit = ContactEditFromJson(Obj(R"({"profile": null, "phones": null})"), false);
    ASSERT_TRUE(edit.has_value()) << ErrorMessage(edit);
    Contact c{ContactId(17), "王伟", "", {"13800138000"}, "", false, PersonalProfile{"稳重", "", "", "", "", 45, ""}};
    edit->apply(c);
    EXPECT_EQ(c.profile, PersonalProfile{});
    EXPECT_TRUE(c.phones.empty());
    EXPECT_EQ(c.name, "王伟");
}

TEST(ContactEditFromJson, UnknownKeys) {
    EXPECT_EQ(ErrorFields(ContactEditFromJson(Obj(R"({"name": "王伟", "nickname": "老王"})"), true)),
              (Fields{{"contact.nickname", "is not a contact field"}}));
    EXPECT_EQ(
        ErrorFields(ContactEditFromJson(Obj(R"({"profile": {"shoe_size": 42}})"), false)),
        (Fields{{"contact.profile.shoe_size",
                 "is not a profile field (personality, interests, hobbies, family, education, age, background)"}}));
}

TEST(ContactEditFromJson, Types) {
    EXPECT_EQ(ErrorFields(ContactEditFromJson(Obj(R"({"profile": {"age": "forty"}})"), false)),
              (Fields{{"contact.profile.age", "must be a whole number"}}));
    EXPECT_EQ(ErrorFields(ContactEditFromJson(Obj(R"({"profile": {"age": 40.5}})"), false)),
              (Fields{{"contact.profile.age", "must be a whole number"}}));
    EXPECT_EQ(ErrorFields(ContactEditFromJson(
                  Obj(R"({"name": 5, "primary": null, "phones": ["1", 2], "profile": [], "email": true})"), true)),
              (Fields{{"contact.email", "must be a string"},
                      {"contact.name", "must be a string"},
                      {"contact.phones[1]", "must be a string"},
                      {"contact.primary", "must be true or false"},
                      {"contact.profile", "must be an object"}}));
}

TEST(ContactEditFromJson, IdRefused) {
    EXPECT_EQ(ErrorFields(ContactEditFromJson(Obj(R"({"id": 3, "name": "王伟"})"), true)),
              (Fields{{"id", "is set by the system"}}));
}

// ---- activities ----

TEST(ActivityFromJson, Valid) {
    const auto a = ActivityFromJson(
        Obj(R"({"type": "quality_feedback", "date": "2026-04-30", "summary": "阀门渗漏", "details": "批次 B-17"})"));
    ASSERT_TRUE(a.has_value()) << ErrorMessage(a);
    EXPECT_EQ(a->type, ActivityType::kQualityFeedback);
    EXPECT_EQ(a->date, (Date{year(2026), month(4), day(30)}));
    EXPECT_EQ(a->summary, "阀门渗漏");
    EXPECT_EQ(a->details, "批次 B-17");
    const auto no_details = ActivityFromJson(Obj(R"({"type": "call", "date": "2026-04-30", "summary": "x",
                                                     "details": null})"));
    ASSERT_TRUE(no_details.has_value()) << ErrorMessage(no_details);
    EXPECT_EQ(no_details->details, "");
}

TEST(ActivityFromJson, TypeAndDateRequired) {
    EXPECT_EQ(ErrorFields(ActivityFromJson(Obj(R"({"summary": "x"})"))),
              (Fields{{"date", "is required"},
                      {"type",
                       "is required (one of visit, call, quality_feedback, technical_requirement, delivery, "
                       "service, greeting, note)"}}));
}

TEST(ActivityFromJson, BadValues) {
    EXPECT_EQ(ErrorFields(ActivityFromJson(Obj(R"({"type": "meeting", "date": 20260430, "summary": 5,
                                                   "details": ["x"], "author_id": 3})"))),
              (Fields{{"author_id", "is not an activity field (type, date, summary, details)"},
                      {"date", "must be a date YYYY-MM-DD"},
                      {"details", "must be a string"},
                      {"summary", "must be a string"},
                      {"type",
                       "\"meeting\" is not one of visit, call, quality_feedback, technical_requirement, "
                       "delivery, service, greeting, note"}}));
    EXPECT_EQ(ErrorFields(ActivityFromJson(Obj(R"({"type": 1, "date": "2026-02-30"})"))),
              (Fields{{"date", "\"2026-02-30\" is not a calendar date"},
                      {"type",
                       "must be one of visit, call, quality_feedback, technical_requirement, delivery, "
                       "service, greeting, note"}}));
}

TEST(ActivityToJson, Form) {
    Activity a;
    a.id = ActivityId(9);
    a.customer = CustomerId(42);
    a.type = ActivityType::kVisit;
    a.date = Date{year(2026), month(4), day(30)};
    a.summary = "拜访";
    a.author = UserId(3);
    a.author_name = "李娜";
    a.created_at = ParseTimestamp("2026-04-30T10:00:00.000Z", "t").value();
    EXPECT_EQ(json::value(ActivityToJson(a)),
              json::parse(R"({"id": 9, "customer_id": 42, "type": "visit", "date": "2026-04-30", "summary": "拜访",
                              "details": null, "author_id": 3, "author_name": "李娜",
                              "created_at": "2026-04-30T10:00:00.000Z"})"));
    a.author = UserId();
    a.details = "细节";
    const json::object o = ActivityToJson(a);
    EXPECT_TRUE(o.at("author_id").is_null());
    EXPECT_EQ(o.at("details"), json::value("细节"));
}

// ---- changes ----

TEST(ChangesJson, RoundTrip) {
    const std::vector<FieldChange> changes = {{"name", "旧名", "新名"},
                                              {"fax", "021-58881235", std::nullopt},
                                              {"contacts[19]", std::nullopt, "赵六"},
                                              {"stage", std::nullopt, std::nullopt}};
    const json::array a = ChangesToJson(changes);
    EXPECT_EQ(json::value(a), json::parse(R"([{"field": "name", "before": "旧名", "after": "新名"},
                                              {"field": "fax", "before": "021-58881235", "after": null},
                                              {"field": "contacts[19]", "before": null, "after": "赵六"},
                                              {"field": "stage", "before": null, "after": null}])"));
    const auto back = ChangesFromJson(json::serialize(a));
    ASSERT_TRUE(back.has_value()) << ErrorMessage(back);
    ASSERT_EQ(back->size(), changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        EXPECT_EQ((*back)[i].field, changes[i].field);
        EXPECT_EQ((*back)[i].before, changes[i].before);
        EXPECT_EQ((*back)[i].after, changes[i].after);
    }
    EXPECT_EQ(json::value(ChangesToJson({})), json::parse("[]"));
    const auto empty = ChangesFromJson("[]");
    ASSERT_TRUE(empty.has_value());
    EXPECT_TRUE(empty->empty());
}

TEST(ChangesJson, UnreadableIsInternal) {
    for (const char* bad : {"", "not json", "{}", "\"x\""}) {
        const auto r = ChangesFromJson(bad);
        ASSERT_FALSE(r.has_value()) << bad;
        EXPECT_EQ(r.error().code, Errc::kInternal);
        EXPECT_EQ(r.error().message, "stored changes are unreadable");
    }
}

// ---- attributes ----

const FieldSpec& Spec(std::string_view key) {
    const FieldSpec* spec = FindField(key);
    if (spec == nullptr) throw std::logic_error("no catalog field " + std::string(key));
    return *spec;
}

FieldValue FromText(std::string_view key, std::string_view text) {
    auto v = AttributeFromText(Spec(key), text, "row.col");
    EXPECT_TRUE(v.has_value()) << key << " \"" << text << "\": " << ErrorMessage(v);
    return v.has_value() ? *v : FieldValue();
}

Fields TextErrors(std::string_view key, std::string_view text) {
    return ErrorFields(AttributeFromText(Spec(key), text, "row.col"));
}

TEST(AttributeFromText, TextTypes) {
    EXPECT_TRUE(FromText("address", "上海市") == FieldValue(std::string("上海市")));
    EXPECT_TRUE(FromText("needs", "a\nb") == FieldValue(std::string("a\nb")));
    EXPECT_TRUE(FromText("email", "a@b.cn") == FieldValue(std::string("a@b.cn")));
    EXPECT_TRUE(FromText("phone", "021-58881234") == FieldValue(std::string("021-58881234")));
    EXPECT_TRUE(FromText("website", "https://a.example") == FieldValue(std::string("https://a.example")));
    EXPECT_TRUE(FromText("postcode", "201203") == FieldValue(std::string("201203")));
    EXPECT_TRUE(FromText("tax_id", "91310115MA1K4ABC2X") == FieldValue(std::string("91310115MA1K4ABC2X")));
    EXPECT_TRUE(FromText("ownership_type", "foreign") == FieldValue(std::string("foreign")));
    EXPECT_EQ(TextErrors("address", " 上海"), (Fields{{"row.col", "must not begin or end with a space"}}));
    EXPECT_EQ(TextErrors("email", "a@b"), (Fields{{"row.col", "\"a@b\" is not an e-mail address"}}));
    EXPECT_EQ(TextErrors("phone", "1234"), (Fields{{"row.col", "\"1234\" is not a phone number (5 to 20 digits)"}}));
    EXPECT_EQ(TextErrors("website", "www.a.example"),
              (Fields{{"row.col", "\"www.a.example\" is not a web address (http:// or https://)"}}));
    EXPECT_EQ(TextErrors("postcode", "2_1"), (Fields{{"row.col", "\"2_1\" is not a postcode"}}));
    EXPECT_EQ(TextErrors("tax_id", "1234567"),
              (Fields{{"row.col", "\"1234567\" is not a tax id (8 to 30 letters and digits)"}}));
    EXPECT_EQ(
        TextErrors("ownership_type", "Foreign"),
        (Fields{{"row.col", "\"Foreign\" is not one of state_owned, foreign, joint_venture, private, individual"}}));
}

TEST(AttributeFromText, Date) {
    EXPECT_TRUE(FromText("relationship_start", "2024-02-29") == FieldValue(Date{year(2024), month(2), day(29)}));
    EXPECT_EQ(TextErrors("relationship_start", "2023-02-29"),
              (Fields{{"row.col", "\"2023-02-29\" is not a calendar date"}}));
    EXPECT_EQ(TextErrors("relationship_start", "29/02/2024"),
              (Fields{{"row.col", "\"29/02/2024\" must be a date YYYY-MM-DD"}}));
}

TEST(AttributeFromText, Money) {
    EXPECT_TRUE(FromText("registered_capital", "1234.50 CNY") == FieldValue(Cny(123450)));
    EXPECT_TRUE(FromText("registered_capital", "1234.50") == FieldValue(Cny(123450)));
    EXPECT_TRUE(FromText("registered_capital", "1234.5") == FieldValue(Cny(123450)));
    EXPECT_TRUE(FromText("registered_capital", "100 JPY") == FieldValue(Money(100, Cur("JPY"))));
    EXPECT_TRUE(FromText("paid_in_capital", "0 USD") == FieldValue(Money(0, Cur("USD"))));
    EXPECT_EQ(TextErrors("registered_capital", "12 XXX"),
              (Fields{{"row.col", "\"XXX\" is not an active ISO 4217 currency code (e.g. CNY, USD)"}}));
    EXPECT_EQ(TextErrors("registered_capital", "-5 CNY"), (Fields{{"row.col", "must not be negative"}}));
    EXPECT_EQ(TextErrors("registered_capital", "1.234 CNY"),
              (Fields{{"row.col", "\"1.234\" has more decimals than CNY allows (2)"}}));
    EXPECT_EQ(
        TextErrors("registered_capital", "abc"),
        (Fields{{"row.col", "\"abc\" is not a decimal amount (digits with an optional '-' and '.', e.g. 1234.50)"}}));
}

TEST(AttributeFromText, List) {
    EXPECT_TRUE(FromText("products", "a; b;;c") == FieldValue(std::vector<std::string>{"a", "b", "c"}));
    EXPECT_TRUE(FromText("products", " 闸阀 ;球阀; ") == FieldValue(std::vector<std::string>{"闸阀", "球阀"}));
    EXPECT_TRUE(FromText("products", "single") == FieldValue(std::vector<std::string>{"single"}));
    EXPECT_EQ(TextErrors("products", "ok; " + Repeat("品", 101)),
              (Fields{{"row.col[1]", "is 101 characters; at most 100 are allowed"}}));
    std::string many;
    for (int i = 0; i < 51; ++i) many += "p" + std::to_string(i) + ";";
    EXPECT_EQ(TextErrors("products", many), (Fields{{"row.col", "has more than 50 entries"}}));
}

TEST(AttributeFromText, Rating) {
    for (int n = 1; n <= 5; ++n) {
        EXPECT_TRUE(FromText("sales_capability", std::to_string(n)) == FieldValue(std::int64_t{n})) << n;
    }
    for (const char* bad : {"0", "6", "10", "", "3.0", " 3", "three", "-1"}) {
        EXPECT_EQ(TextErrors("sales_capability", bad), (Fields{{"row.col", "must be a whole number from 1 to 5"}}))
            << bad;
    }
}

TEST(AttributeJson, EachTypeFromJson) {
    auto from = [](std::string_view key, std::string_view text) {
        auto v = AttributeFromJson(Spec(key), json::parse(text), key);
        EXPECT_TRUE(v.has_value()) << key << ": " << ErrorMessage(v);
        return v.has_value() ? *v : FieldValue();
    };
    EXPECT_TRUE(from("address", R"("上海")") == FieldValue(std::string("上海")));
    EXPECT_TRUE(from("relationship_start", R"("2024-02-29")") == FieldValue(Date{year(2024), month(2), day(29)}));
    EXPECT_TRUE(from("registered_capital", R"({"amount": "1", "currency": "CNY"})") == FieldValue(Cny(100)));
    EXPECT_TRUE(from("sales_capability", "3") == FieldValue(std::int64_t{3}));
    EXPECT_TRUE(from("products", R"(["a", "b"])") == FieldValue(std::vector<std::string>{"a", "b"}));

    auto errors = [](std::string_view key, std::string_view text) {
        return ErrorFields(AttributeFromJson(Spec(key), json::parse(text), key));
    };
    EXPECT_EQ(errors("address", "5"), (Fields{{"address", "must be a string"}}));
    EXPECT_EQ(errors("relationship_start", "20240229"), (Fields{{"relationship_start", "must be a date YYYY-MM-DD"}}));
    EXPECT_EQ(errors("sales_capability", "3.0"), (Fields{{"sales_capability", "must be a whole number"}}));
    EXPECT_EQ(errors("sales_capability", "18446744073709551615"),
              (Fields{{"sales_capability", "must be a whole number"}}));
    EXPECT_EQ(errors("sales_capability", "0"), (Fields{{"sales_capability", "must be a whole number from 1 to 5"}}));
    EXPECT_EQ(errors("products", R"("a")"), (Fields{{"products", "must be a list of strings"}}));
    EXPECT_EQ(errors("products", R"([" a"])"), (Fields{{"products[0]", "must not begin or end with a space"}}));
}

TEST(AttributeJson, ToJson) {
    EXPECT_EQ(AttributeToJson(std::string("上海")), json::value("上海"));
    EXPECT_EQ(AttributeToJson(Date{year(2026), month(1), day(2)}), json::value("2026-01-02"));
    EXPECT_EQ(AttributeToJson(Cny(5)), json::parse(R"({"amount": "0.05", "currency": "CNY"})"));
    EXPECT_EQ(AttributeToJson(std::int64_t{5}), json::value(5));
    EXPECT_EQ(AttributeToJson(std::vector<std::string>{"a", "b"}), json::parse(R"(["a", "b"])"));
    EXPECT_EQ(AttributeToJson(std::vector<std::string>{}), json::parse("[]"));
}

}  // namespace
}  // namespace credo::app
