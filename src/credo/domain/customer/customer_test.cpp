#include "credo/domain/customer/customer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace credo::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using Fields = std::map<std::string, std::string>;

Money Cny(std::int64_t minor) { return Money(minor, Currency::FromCode("CNY").value()); }

std::string Repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

Customer Enterprise() {
    Customer c;
    c.kind = CustomerKind::kEnterprise;
    c.name = "上海阀门制造有限公司";
    c.region = "east";
    c.attributes = {{"address", std::string("上海市浦东新区张江路1号")},
                    {"phone", std::string("021-58881234")},
                    {"legal_representative", std::string("王伟")},
                    {"tax_id", std::string("91310115MA1K4ABC2X")},
                    {"ownership_type", std::string("private")}};
    return c;
}

Customer Trader() {
    Customer c;
    c.kind = CustomerKind::kTrader;
    c.name = "Li Trading";
    c.region = "south";
    c.attributes = {{"address", std::string("广州市天河区体育西路2号")}, {"phone", std::string("020-38881234")}};
    return c;
}

Customer Individual() {
    Customer c;
    c.kind = CustomerKind::kIndividual;
    c.name = "张三";
    c.region = "north";
    c.attributes = {{"phone", std::string("13800138000")}};
    return c;
}

Contact MakeContact(std::int64_t id, std::string name) {
    Contact c;
    c.id = ContactId(id);
    c.name = std::move(name);
    return c;
}

// Expects kInvalidArgument and returns its fields.
Fields ErrorFields(const Status& s) {
    EXPECT_FALSE(s.has_value());
    if (s.has_value()) return {};
    const Error e = s.error();
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    return e.fields;
}

std::string ErrorMessage(const Status& s) { return s.has_value() ? "" : s.error().message; }

// ---- ValidateCustomer ----

TEST(ValidateCustomer, ValidFilesOfEachKind) {
    for (const Customer& c : {Enterprise(), Trader(), Individual()}) {
        const Status s = ValidateCustomer(c);
        EXPECT_TRUE(s.has_value()) << c.name << ": " << ErrorMessage(s);
    }
}

TEST(ValidateCustomer, EnterpriseRequiredFields) {
    Customer c = Enterprise();
    c.attributes.clear();
    const std::string kProblem = "is required for a customer of kind enterprise";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"address", kProblem},
                                                        {"legal_representative", kProblem},
                                                        {"ownership_type", kProblem},
                                                        {"phone", kProblem},
                                                        {"tax_id", kProblem}}));
    // Each one alone is enough to refuse.
    for (const char* key : {"address", "phone", "legal_representative", "tax_id", "ownership_type"}) {
        Customer one = Enterprise();
        one.attributes.erase(key);
        EXPECT_EQ(ErrorFields(ValidateCustomer(one)), (Fields{{key, kProblem}})) << key;
        EXPECT_EQ(ErrorMessage(ValidateCustomer(one)), std::string(key) + ": " + kProblem);
    }
}

TEST(ValidateCustomer, TraderRequiredFields) {
    Customer c = Trader();
    c.attributes.clear();
    const std::string kProblem = "is required for a customer of kind trader";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"address", kProblem}, {"phone", kProblem}}));
    // An enterprise's extra requirements do not apply to a trader.
    EXPECT_TRUE(ValidateCustomer(Trader()).has_value());
}

TEST(ValidateCustomer, IndividualRequiresOnlyPhone) {
    Customer c = Individual();
    c.attributes.clear();
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"phone", "is required for a customer of kind individual"}}));
}

TEST(ValidateCustomer, CollectsAllErrorsAtOnce) {
    Customer c = Enterprise();
    c.name = "";
    c.region = "";
    c.attributes["phone"] = std::string("12");
    c.attributes["email"] = std::string("not-an-email");
    c.attributes["sales_capability"] = std::int64_t{9};
    c.attributes.erase("tax_id");
    c.attributes["colour"] = std::string("blue");
    c.contacts = {MakeContact(0, "")};
    const Status s = ValidateCustomer(c);
    EXPECT_EQ(ErrorFields(s), (Fields{{"colour", "is not a customer field"},
                                      {"contacts[0].name", "is required"},
                                      {"email", "\"not-an-email\" is not an e-mail address"},
                                      {"name", "is required"},
                                      {"phone", "\"12\" is not a phone number (5 to 20 digits)"},
                                      {"region", "is required"},
                                      {"sales_capability", "must be a whole number from 1 to 5"},
                                      {"tax_id", "is required for a customer of kind enterprise"}}));
    EXPECT_EQ(ErrorMessage(s), "8 fields are invalid; first: colour: is not a customer field");
}

TEST(ValidateCustomer, UnknownAttributeKey) {
    Customer c = Individual();
    c.attributes["favourite_colour"] = std::string("blue");
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"favourite_colour", "is not a customer field"}}));
    EXPECT_EQ(ErrorMessage(ValidateCustomer(c)), "favourite_colour: is not a customer field");
}

TEST(ValidateCustomer, AttributeOfTheWrongType) {
    Customer c = Individual();
    c.attributes["relationship_start"] = std::string("2020-01-01");
    c.attributes["registered_capital"] = Cny(-100);
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"registered_capital", "must not be negative"},
                                                        {"relationship_start", "must be a date YYYY-MM-DD"}}));
}

TEST(ValidateCustomer, Name) {
    Customer c = Individual();
    c.name = Repeat("名", 200);
    EXPECT_TRUE(ValidateCustomer(c).has_value());
    c.name = Repeat("名", 201);
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"name", "is 201 characters; at most 200 are allowed"}}));
    c.name = " 张三";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"name", "must not begin or end with a space"}}));
    c.name = "张三 ";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"name", "must not begin or end with a space"}}));
    c.name = "张\n三";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"name", "contains a control character"}}));
    c.name = "\xE5\xBC";
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"name", "is not valid UTF-8 text"}}));
}

TEST(ValidateCustomer, ContactNameRequired) {
    Customer c = Individual();
    c.contacts = {MakeContact(0, "王伟"), MakeContact(0, "")};
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"contacts[1].name", "is required"}}));
}

TEST(ValidateCustomer, ContactAgeBoundaries) {
    auto with_age = [](std::int64_t age) {
        Customer c = Individual();
        c.contacts = {MakeContact(0, "王伟")};
        c.contacts[0].profile.age = age;
        return ValidateCustomer(c);
    };
    const Fields kBad{{"contacts[0].profile.age", "must be a whole number from 16 to 120"}};
    EXPECT_EQ(ErrorFields(with_age(15)), kBad);
    EXPECT_TRUE(with_age(16).has_value());
    EXPECT_TRUE(with_age(120).has_value());
    EXPECT_EQ(ErrorFields(with_age(121)), kBad);
    EXPECT_EQ(ErrorFields(with_age(-1)), kBad);
}

TEST(ValidateCustomer, ContactPhonePath) {
    Customer c = Individual();
    c.contacts = {MakeContact(0, "王伟")};
    c.contacts[0].phones = {"13800138000", "abc12345"};
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)),
              (Fields{{"contacts[0].phones[1]", "\"abc12345\" is not a phone number (digits, spaces, + - ( ) only)"}}));
}

TEST(ValidateCustomer, AtMostOnePrimaryContact) {
    Customer c = Individual();
    c.contacts = {MakeContact(0, "王伟"), MakeContact(0, "李娜"), MakeContact(0, "赵六")};
    c.contacts[1].primary = true;
    EXPECT_TRUE(ValidateCustomer(c).has_value());
    c.contacts[2].primary = true;
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"contacts", "at most one contact can be primary"}}));
}

TEST(ValidateCustomer, AtMostOneHundredContacts) {
    Customer c = Individual();
    c.contacts.assign(100, MakeContact(0, "王伟"));
    EXPECT_TRUE(ValidateCustomer(c).has_value());
    c.contacts.push_back(MakeContact(0, "李娜"));
    EXPECT_EQ(ErrorFields(ValidateCustomer(c)), (Fields{{"contacts", "a file holds at most 100 contacts"}}));
}

// ---- ValidateContact ----

TEST(ValidateContact, Valid) {
    Contact c = MakeContact(3, "王伟");
    c.title = "采购经理";
    c.phones = {"13800138000", "+86 21 5888 1234"};
    c.email = "wang.wei@example.cn";
    c.primary = true;
    c.profile = {"calm", "golf", "tea", "two children", "Tongji", 45, "engineer\nsince 1998"};
    const Status s = ValidateContact(c, "contacts[4]");
    EXPECT_TRUE(s.has_value()) << ErrorMessage(s);
}

TEST(ValidateContact, EachFieldAndItsPath) {
    Contact c = MakeContact(0, "");
    c.title = Repeat("职", 101);
    c.phones = {"1234"};
    c.email = "wang@";
    c.profile.hobbies = Repeat("爱", 2001);
    c.profile.family = " two";
    c.profile.age = 200;
    const Status s = ValidateContact(c, "contacts[4]");
    EXPECT_EQ(ErrorFields(s), (Fields{{"contacts[4].email", "\"wang@\" is not an e-mail address"},
                                      {"contacts[4].name", "is required"},
                                      {"contacts[4].phones[0]", "\"1234\" is not a phone number (5 to 20 digits)"},
                                      {"contacts[4].profile.age", "must be a whole number from 16 to 120"},
                                      {"contacts[4].profile.family", "must not begin or end with a space"},
                                      {"contacts[4].profile.hobbies", "is 2001 characters; at most 2000 are allowed"},
                                      {"contacts[4].title", "is 101 characters; at most 100 are allowed"}}));
    EXPECT_EQ(ErrorMessage(s), "contacts[4].email: \"wang@\" is not an e-mail address");
}

TEST(ValidateContact, LengthBoundaries) {
    Contact c = MakeContact(0, Repeat("名", 100));
    c.title = Repeat("职", 100);
    c.profile.background = Repeat("景", 2000);
    EXPECT_TRUE(ValidateContact(c, "contact").has_value());
    c.name = Repeat("名", 101);
    EXPECT_EQ(ErrorFields(ValidateContact(c, "contact")),
              (Fields{{"contact.name", "is 101 characters; at most 100 are allowed"}}));
}

TEST(ValidateContact, AtMostTenPhones) {
    Contact c = MakeContact(0, "王伟");
    c.phones.assign(10, "13800138000");
    EXPECT_TRUE(ValidateContact(c, "contact").has_value());
    c.phones.push_back("13800138001");
    EXPECT_EQ(ErrorFields(ValidateContact(c, "contact")), (Fields{{"contact.phones", "has more than 10 numbers"}}));
}

TEST(ValidateContact, EmptyOptionalFieldsAreFine) {
    EXPECT_TRUE(ValidateContact(MakeContact(0, "王伟"), "contact").has_value());
}

// ---- AssessCompleteness ----

// Splits a space-separated list of keys.
std::vector<std::string> Keys(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// The expected fields of each kind, in catalog order.
const std::vector<std::string> kEnterpriseExpected = Keys(
    "address postcode phone email general_manager legal_representative procurement_head business_types "
    "relationship_start tax_id ownership_type registered_capital paid_in_capital products market_orientation "
    "payment_terms payment_method market_region sales_capability development_potential sales_results "
    "competitiveness cooperation financial_status needs");
const std::vector<std::string> kTraderExpected = Keys(
    "address postcode phone email proprietor general_manager legal_representative procurement_head business_types "
    "relationship_start tax_id ownership_type registered_capital products market_orientation payment_terms "
    "payment_method market_region sales_capability development_potential sales_results competitiveness cooperation "
    "financial_status needs");
const std::vector<std::string> kIndividualExpected = Keys(
    "address postcode phone email relationship_start payment_method development_potential cooperation needs "
    "local_culture");

std::vector<std::string> Plus(std::vector<std::string> v, const std::string& extra) {
    v.push_back(extra);
    return v;
}

TEST(AssessCompleteness, EmptyFileOfEachKind) {
    ASSERT_EQ(kEnterpriseExpected.size(), 25u);
    ASSERT_EQ(kTraderExpected.size(), 25u);
    ASSERT_EQ(kIndividualExpected.size(), 10u);
    Customer c;
    c.kind = CustomerKind::kEnterprise;
    Completeness got = AssessCompleteness(c);
    EXPECT_EQ(got.score, 0);
    EXPECT_EQ(got.missing, Plus(kEnterpriseExpected, "contacts"));
    c.kind = CustomerKind::kTrader;
    got = AssessCompleteness(c);
    EXPECT_EQ(got.score, 0);
    EXPECT_EQ(got.missing, Plus(kTraderExpected, "contacts"));
    c.kind = CustomerKind::kIndividual;
    got = AssessCompleteness(c);
    EXPECT_EQ(got.score, 0);
    EXPECT_EQ(got.missing, Plus(kIndividualExpected, "contacts"));
}

TEST(AssessCompleteness, FullFileScoresHundred) {
    for (auto [kind, keys] :
         {std::pair{CustomerKind::kEnterprise, kEnterpriseExpected}, std::pair{CustomerKind::kTrader, kTraderExpected},
          std::pair{CustomerKind::kIndividual, kIndividualExpected}}) {
        Customer c;
        c.kind = kind;
        for (const auto& k : keys) c.attributes[k] = std::string("x");  // presence is what counts
        c.contacts = {MakeContact(1, "王伟")};
        const Completeness got = AssessCompleteness(c);
        EXPECT_EQ(got.score, 100) << kCustomerKindNames.Name(kind);
        EXPECT_THAT(got.missing, IsEmpty());
        // Without contacts the file is not complete.
        c.contacts.clear();
        const Completeness no_contacts = AssessCompleteness(c);
        EXPECT_EQ(no_contacts.missing, std::vector<std::string>{"contacts"});
        EXPECT_EQ(no_contacts.score, static_cast<int>(keys.size() * 100 / (keys.size() + 1)));
        EXPECT_LT(no_contacts.score, 100);
    }
}

TEST(AssessCompleteness, PartialScoresRoundDown) {
    // Individual: 10 expected fields + contacts = 11.
    Customer c = Individual();                                      // phone
    EXPECT_EQ(AssessCompleteness(c).score, 9);                      // 1/11
    c.contacts = {MakeContact(1, "王伟"), MakeContact(2, "李娜")};  // counted once
    Completeness got = AssessCompleteness(c);
    EXPECT_EQ(got.score, 18);  // 2/11
    EXPECT_EQ(got.missing,
              (std::vector<std::string>{"address", "postcode", "email", "relationship_start", "payment_method",
                                        "development_potential", "cooperation", "needs", "local_culture"}));
    // Enterprise with the five required fields: 5/26.
    got = AssessCompleteness(Enterprise());
    EXPECT_EQ(got.score, 19);
    EXPECT_EQ(got.missing.size(), 21u);
    EXPECT_EQ(got.missing.front(), "postcode");
    EXPECT_EQ(got.missing.back(), "contacts");
}

TEST(AssessCompleteness, FieldsNotExpectedForTheKindDoNotCount) {
    Customer c;
    c.kind = CustomerKind::kIndividual;
    c.attributes = {{"fax", std::string("01012345678")},
                    {"website", std::string("https://example.com")},
                    {"tax_id", std::string("12345678")},
                    {"paid_in_capital", Cny(100)}};
    EXPECT_EQ(AssessCompleteness(c).score, 0);
    c.kind = CustomerKind::kTrader;
    EXPECT_EQ(AssessCompleteness(c).score, 3);  // tax_id 1/26 -> 3
}

// ---- Diff ----

using Change = std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>;
std::vector<Change> Changes(const std::vector<FieldChange>& changes) {
    std::vector<Change> out;
    for (const auto& c : changes) out.emplace_back(c.field, c.before, c.after);
    return out;
}
constexpr std::nullopt_t kNone = std::nullopt;

TEST(Diff, NoChangesIsEmpty) {
    Customer a = Enterprise();
    a.contacts = {MakeContact(17, "王伟")};
    a.contacts[0].profile.age = 40;
    EXPECT_THAT(Diff(a, a), IsEmpty());
    // System keys are not part of the diff.
    Customer b = a;
    b.version = 9;
    b.code = "C2026000001";
    b.id = CustomerId(5);
    EXPECT_THAT(Diff(a, b), IsEmpty());
}

TEST(Diff, IdentityFields) {
    Customer a = Enterprise();
    Customer b = a;
    b.kind = CustomerKind::kTrader;
    b.name = "上海阀门贸易有限公司";
    b.region = "north";
    b.owner = UserId(7);
    b.nature = Nature::kPartner;
    b.importance = Importance::kImportant;
    b.lifecycle = Lifecycle::kEstablished;
    b.stage = Stage::kCurrent;
    EXPECT_EQ(Changes(Diff(a, b)), (std::vector<Change>{{"kind", "enterprise", "trader"},
                                                        {"name", "上海阀门制造有限公司", "上海阀门贸易有限公司"},
                                                        {"region", "east", "north"},
                                                        {"owner_id", kNone, "7"},
                                                        {"nature", "ordinary", "partner"},
                                                        {"importance", "general", "important"},
                                                        {"lifecycle", "prospect", "established"},
                                                        {"stage", kNone, "current"}}));
    EXPECT_EQ(Changes(Diff(b, a)), (std::vector<Change>{{"kind", "trader", "enterprise"},
                                                        {"name", "上海阀门贸易有限公司", "上海阀门制造有限公司"},
                                                        {"region", "north", "east"},
                                                        {"owner_id", "7", kNone},
                                                        {"nature", "partner", "ordinary"},
                                                        {"importance", "important", "general"},
                                                        {"lifecycle", "established", "prospect"},
                                                        {"stage", "current", kNone}}));
}

TEST(Diff, AttributesAddedRemovedChangedInCatalogOrder) {
    Customer a = Enterprise();
    a.attributes["website"] = std::string("https://valve.example.cn");
    a.attributes["registered_capital"] = Cny(100000000);
    Customer b = a;
    b.attributes["phone"] = std::string("021-58889999");
    b.attributes.erase("website");
    b.attributes["products"] = std::vector<std::string>{"闸阀", "球阀"};
    b.attributes["registered_capital"] = Cny(200000050);
    b.attributes["relationship_start"] = Date{std::chrono::year(2019), std::chrono::month(4), std::chrono::day(1)};
    b.attributes["sales_capability"] = std::int64_t{4};
    EXPECT_EQ(Changes(Diff(a, b)), (std::vector<Change>{{"phone", "021-58881234", "021-58889999"},
                                                        {"website", "https://valve.example.cn", kNone},
                                                        {"relationship_start", kNone, "2019-04-01"},
                                                        {"registered_capital", "1000000.00 CNY", "2000000.50 CNY"},
                                                        {"products", kNone, "闸阀; 球阀"},
                                                        {"sales_capability", kNone, "4"}}));
}

TEST(Diff, ContactsAddedRemovedChanged) {
    Customer a = Individual();
    a.contacts = {MakeContact(17, "王伟"), MakeContact(18, "李娜")};
    a.contacts[0].title = "经理";
    a.contacts[0].phones = {"13800138000"};
    a.contacts[0].profile.personality = "calm";
    a.contacts[0].profile.age = 40;
    Customer b = a;
    b.contacts.erase(b.contacts.begin() + 1);  // 18 removed
    b.contacts[0].name = "王 伟";
    b.contacts[0].title = "";
    b.contacts[0].phones = {"13800138000", "021-58881234"};
    b.contacts[0].email = "wang@example.cn";
    b.contacts[0].primary = true;
    b.contacts[0].profile.age = 41;
    b.contacts.push_back(MakeContact(19, "赵六"));  // added
    EXPECT_EQ(Changes(Diff(a, b)),
              (std::vector<Change>{{"contacts[17].name", "王伟", "王 伟"},
                                   {"contacts[17].title", "经理", kNone},
                                   {"contacts[17].phones", "13800138000", "13800138000; 021-58881234"},
                                   {"contacts[17].email", kNone, "wang@example.cn"},
                                   {"contacts[17].primary", "false", "true"},
                                   {"contacts[17].profile", "personality: calm; age: 40", "personality: calm; age: 41"},
                                   {"contacts[18]", "李娜", kNone},
                                   {"contacts[19]", kNone, "赵六"}}));
}

TEST(Diff, ContactsMatchedByIdNotPosition) {
    Customer a = Individual();
    a.contacts = {MakeContact(17, "王伟"), MakeContact(18, "李娜")};
    Customer b = a;
    std::swap(b.contacts[0], b.contacts[1]);
    EXPECT_THAT(Diff(a, b), IsEmpty());
    b.contacts[0].title = "助理";  // id 18
    EXPECT_EQ(Changes(Diff(a, b)), (std::vector<Change>{{"contacts[18].title", kNone, "助理"}}));
}

TEST(Diff, ContactProfileCleared) {
    Customer a = Individual();
    a.contacts = {MakeContact(3, "王伟")};
    a.contacts[0].profile.hobbies = "tea";
    a.contacts[0].profile.education = "Tongji";
    Customer b = a;
    b.contacts[0].profile = {};
    EXPECT_EQ(Changes(Diff(a, b)),
              (std::vector<Change>{{"contacts[3].profile", "hobbies: tea; education: Tongji", kNone}}));
}

// ---- search keys ----

TEST(NormalizeName, LowerCasesAsciiOnly) {
    EXPECT_EQ(NormalizeName("ACME Valves"), "acme valves");
    EXPECT_EQ(NormalizeName("上海阀门ABC"), "上海阀门abc");
    EXPECT_EQ(NormalizeName("ÄÖÜ"), "ÄÖÜ");  // non-ASCII bytes untouched
    EXPECT_EQ(NormalizeName("Q3-2026 (Ltd.)"), "q3-2026 (ltd.)");
}

TEST(NormalizeName, CollapsesAndTrimsSpaces) {
    EXPECT_EQ(NormalizeName("  ACME   Valves \t Co  "), "acme valves co");
    EXPECT_EQ(NormalizeName("上海  阀门"), "上海 阀门");
    EXPECT_EQ(NormalizeName("a\tb"), "a b");
    EXPECT_EQ(NormalizeName("   "), "");
    EXPECT_EQ(NormalizeName(""), "");
}

TEST(PhoneDigits, KeepsDigitsOnly) {
    EXPECT_EQ(PhoneDigits("+86 (021) 5888-1234 x12"), "860215888123412");
    EXPECT_EQ(PhoneDigits("电话: 138-0013-8000"), "13800138000");
    EXPECT_EQ(PhoneDigits("no digits"), "");
    EXPECT_EQ(PhoneDigits(""), "");
}

TEST(SearchText, NameAndContactNamesOnSeparateLines) {
    Customer c = Individual();
    c.name = "ACME  阀门 Co";
    EXPECT_EQ(SearchText(c), "acme 阀门 co");
    c.contacts = {MakeContact(1, "Wang  Wei"), MakeContact(2, "李娜")};
    EXPECT_EQ(SearchText(c), "acme 阀门 co\nwang wei\n李娜");
}

TEST(Bigrams, ChineseInCodePoints) { EXPECT_THAT(Bigrams("阀门公司"), UnorderedElementsAre("阀门", "门公", "公司")); }

TEST(Bigrams, Deduplicated) {
    EXPECT_THAT(Bigrams("阀门阀门"), UnorderedElementsAre("阀门", "门阀"));
    EXPECT_THAT(Bigrams("aaaa"), ElementsAre("aa"));
}

TEST(Bigrams, NeverAcrossLineBreaks) {
    EXPECT_THAT(Bigrams("阀门\n公司"), UnorderedElementsAre("阀门", "公司"));
    EXPECT_THAT(Bigrams("ab\ncd\ne"), UnorderedElementsAre("ab", "cd"));
    EXPECT_THAT(Bigrams("\n\n"), IsEmpty());
}

TEST(Bigrams, Ascii) {
    EXPECT_THAT(Bigrams("acme"), UnorderedElementsAre("ac", "cm", "me"));
    EXPECT_THAT(Bigrams("a b"), UnorderedElementsAre("a ", " b"));
    EXPECT_THAT(Bigrams("a阀"), UnorderedElementsAre("a阀"));
}

TEST(Bigrams, TooShort) {
    EXPECT_THAT(Bigrams(""), IsEmpty());
    EXPECT_THAT(Bigrams("a"), IsEmpty());
    EXPECT_THAT(Bigrams("阀"), IsEmpty());
}

// ---- code pattern ----

TEST(CodePattern, ValidPatterns) {
    for (const char* p : {"C{year}{seq:6}", "C{seq:3}", "{year}-{seq:9}", "KH-{year}-{seq:4}-X", "{seq:5}"}) {
        const Status s = ValidateCodePattern(p);
        EXPECT_TRUE(s.has_value()) << p << ": " << ErrorMessage(s);
    }
    EXPECT_TRUE(ValidateCodePattern(kDefaultCodePattern).has_value());
}

TEST(CodePattern, MissingSequence) {
    const Fields kBad{{"code_pattern", "must contain {seq:N}, e.g. C{year}{seq:6}"}};
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{year}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{year}{seq:6")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{year}{sequence}")), kBad);
}

TEST(CodePattern, SequenceWidthOutOfRange) {
    const Fields kBad{{"code_pattern", "{seq:N} needs N from 3 to 9"}};
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:2}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:0}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:10}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:x}")), kBad);
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:-6}")), kBad);
}

TEST(CodePattern, YearAfterSequence) {
    EXPECT_EQ(ErrorFields(ValidateCodePattern("C{seq:6}{year}")),
              (Fields{{"code_pattern", "{year} must come before {seq:N}"}}));
}

TEST(CodePattern, CodePrefix) {
    EXPECT_EQ(CodePrefix("C{year}{seq:6}", 2026), "C2026");
    EXPECT_EQ(CodePrefix("KH-{year}-{seq:4}-X", 2027), "KH-2027-");
    EXPECT_EQ(CodePrefix("C{seq:6}", 2026), "C");
    EXPECT_EQ(CodePrefix("{seq:3}", 2026), "");
}

TEST(CodePattern, FormatCode) {
    EXPECT_EQ(FormatCode(kDefaultCodePattern, 2026, 42), "C2026000042");
    EXPECT_EQ(FormatCode("C{year}{seq:6}", 2026, 1), "C2026000001");
    EXPECT_EQ(FormatCode("C{year}{seq:6}", 2027, 999999), "C2027999999");
    EXPECT_EQ(FormatCode("C{seq:3}", 2026, 7), "C007");
    EXPECT_EQ(FormatCode("C{seq:9}", 2026, 5), "C000000005");
    EXPECT_EQ(FormatCode("KH-{year}-{seq:4}-X", 2026, 12), "KH-2026-0012-X");
    // The code starts with its prefix.
    EXPECT_EQ(FormatCode("KH-{year}-{seq:4}-X", 2026, 12).rfind(CodePrefix("KH-{year}-{seq:4}-X", 2026), 0), 0u);
}

TEST(CodePattern, LongSequenceIsNotTruncated) {
    EXPECT_EQ(FormatCode("C{year}{seq:6}", 2026, 1000000), "C20261000000");
    EXPECT_EQ(FormatCode("C{seq:3}", 2026, 123456), "C123456");
}

}  // namespace
}  // namespace credo::domain

namespace credo::domain {
namespace {

TEST(CreationChanges, ListEveryFieldSetWithNoBefore) {
    Customer c;
    c.kind = CustomerKind::kTrader;
    c.name = "温州阀门厂";
    c.region = "east";
    c.attributes["phone"] = std::string("0577-1234 5678");
    const auto changes = CreationChanges(c);
    std::vector<std::string> fields;
    for (const auto& change : changes) {
        fields.push_back(change.field);
        EXPECT_FALSE(change.before.has_value()) << change.field;
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "region", "phone"}));
    EXPECT_EQ(changes.front().after, "温州阀门厂");
}

}  // namespace
}  // namespace credo::domain
