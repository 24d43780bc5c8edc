#include "credo/cli/demo_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "credo/app/codec/json_codec.hpp"
#include "credo/domain/access/role.hpp"
#include "credo/domain/customer/activity.hpp"
#include "credo/domain/customer/customer.hpp"

namespace credo::cli {
namespace {

namespace json = boost::json;

constexpr std::uint64_t kSeed = 20141231;
const Date kToday{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(22)};

const DemoCompany& Company() {
    static const DemoCompany company = BuildDemoCompany(kSeed, kToday);
    return company;
}

std::string Text(const json::object& body, std::string_view key) {
    const auto* value = body.if_contains(key);
    return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

Date ParseOrDie(const std::string& text) {
    auto date = ParseDate(text, "date");
    EXPECT_TRUE(date.has_value()) << text;
    return date.has_value() ? *date : Date{};
}

// Everything the generator produced, as one string: equal strings mean equal companies.
std::string Serialize(const DemoCompany& company) {
    json::array users;
    for (const auto& user : company.users) {
        json::array roles;
        for (const auto& role : user.roles) roles.emplace_back(role);
        users.emplace_back(json::object{{"username", user.username},
                                        {"display_name", user.display_name},
                                        {"password", user.password},
                                        {"roles", roles},
                                        {"region", user.region},
                                        {"language", user.language}});
    }
    json::array customers;
    for (const auto& customer : company.customers) {
        json::array activities;
        for (const auto& activity : customer.activities) {
            activities.emplace_back(json::object{{"type", activity.type},
                                                 {"date", FormatDate(activity.date)},
                                                 {"summary", activity.summary},
                                                 {"details", activity.details}});
        }
        customers.emplace_back(
            json::object{{"body", customer.body}, {"owner", customer.owner_username}, {"activities", activities}});
    }
    return json::serialize(json::object{{"users", users}, {"customers", customers}});
}

// Calls `check` on every string in a JSON value, with its path.
void ForEachString(const json::value& value, const std::string& path,
                   const std::function<void(const std::string&, std::string_view)>& check) {
    if (value.is_string()) {
        check(path, value.as_string());
    } else if (value.is_array()) {
        const auto& array = value.as_array();
        for (std::size_t i = 0; i < array.size(); ++i)
            ForEachString(array[i], path + "[" + std::to_string(i) + "]", check);
    } else if (value.is_object()) {
        for (const auto& [key, item] : value.as_object()) ForEachString(item, path + "." + std::string(key), check);
    }
}

void ExpectCleanText(const std::string& path, std::string_view text) {
    EXPECT_FALSE(text.empty()) << path;
    EXPECT_GE(domain::Utf8Length(text), 0) << path << " is not UTF-8";
    if (text.empty()) return;
    EXPECT_NE(text.front(), ' ') << path << ": " << text;
    EXPECT_NE(text.back(), ' ') << path << ": " << text;
}

TEST(DemoDataTest, UsersHaveValidRolesRegionsAndLanguages) {
    const std::set<std::string> regions = {"east", "north", "south", "central", "southwest", "northwest", "northeast"};
    const std::set<std::string> languages = {"zh-CN", "zh-TW", "es", "en"};
    std::map<std::string, const DemoUser*> by_name;
    for (const auto& user : Company().users) {
        EXPECT_TRUE(by_name.emplace(user.username, &user).second) << "duplicate user " << user.username;
        EXPECT_EQ(user.password, "credo-demo") << user.username;
        EXPECT_GE(user.password.size(), 8u);
        ExpectCleanText(user.username, user.display_name);
        ASSERT_FALSE(user.roles.empty()) << user.username;
        for (const auto& role : user.roles)
            EXPECT_TRUE(domain::kRoleNames.Parse(role, "roles").has_value()) << user.username << ": " << role;
        EXPECT_TRUE(user.region.empty() || regions.contains(user.region)) << user.username << ": " << user.region;
        EXPECT_TRUE(languages.contains(user.language)) << user.username << ": " << user.language;
    }
    const std::pair<std::string, std::string> expected[] = {{"admin", "admin"},
                                                            {"exec", "executive"},
                                                            {"finance", "finance"},
                                                            {"commerce", "commerce"},
                                                            {"salesmgr", "sales_manager"},
                                                            {"auditor", "auditor"},
                                                            {"rm.east", "regional_manager"},
                                                            {"rm.north", "regional_manager"},
                                                            {"assist.east", "assistant"},
                                                            {"assist.north", "assistant"},
                                                            {"ventas", "sales"},
                                                            {"sales.en", "sales"}};
    for (const auto& [username, role] : expected) {
        ASSERT_TRUE(by_name.contains(username)) << username;
        const auto& roles = by_name[username]->roles;
        EXPECT_NE(std::find(roles.begin(), roles.end(), role), roles.end()) << username;
    }
    EXPECT_EQ(by_name["ventas"]->language, "es");
    EXPECT_EQ(by_name["ventas"]->region, "south");
    EXPECT_EQ(by_name["sales.en"]->language, "en");
    EXPECT_EQ(by_name["rm.east"]->region, "east");
    EXPECT_EQ(by_name["admin"]->display_name, "系统管理员");
    // Two or three salespeople in the regions that have them.
    std::map<std::string, int> sales_per_region;
    for (const auto& user : Company().users)
        if (user.roles.front() == "sales") ++sales_per_region[user.region];
    for (const auto& [region, count] : sales_per_region) {
        EXPECT_GE(count, 2) << region;
        EXPECT_LE(count, 4) << region;
    }
}

TEST(DemoDataTest, HasAbout220CustomersOfTheThreeKinds) {
    const auto& customers = Company().customers;
    EXPECT_GE(customers.size(), 215u);
    EXPECT_LE(customers.size(), 225u);
    std::map<std::string, int> kinds;
    for (const auto& customer : customers) ++kinds[Text(customer.body, "kind")];
    EXPECT_GE(kinds["enterprise"], 180);
    EXPECT_LE(kinds["enterprise"], 200);
    EXPECT_GE(kinds["trader"], 20);
    EXPECT_LE(kinds["trader"], 30);
    EXPECT_GE(kinds["individual"], 3);
    EXPECT_LE(kinds["individual"], 8);
    EXPECT_EQ(kinds.size(), 3u);
}

TEST(DemoDataTest, NamesAndTaxIdsAreUnique) {
    std::set<std::string> names;
    std::set<std::string> tax_ids;
    for (const auto& customer : Company().customers) {
        const std::string name = Text(customer.body, "name");
        EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
        const std::string tax_id = Text(customer.body, "tax_id");
        if (!tax_id.empty()) {
            EXPECT_TRUE(tax_ids.insert(tax_id).second) << "duplicate tax id " << tax_id;
        }
    }
    EXPECT_GE(tax_ids.size(), 190u);
}

TEST(DemoDataTest, EveryKindHasItsRequiredFields) {
    const std::set<std::string> ownership = {"state_owned", "private", "joint_venture", "foreign"};
    std::map<std::string, int> ownership_counts;
    for (const auto& customer : Company().customers) {
        const auto& body = customer.body;
        const std::string name = Text(body, "name");
        const std::string kind = Text(body, "kind");
        EXPECT_FALSE(Text(body, "phone").empty()) << name;
        if (kind == "enterprise") {
            for (const char* key : {"address", "legal_representative", "tax_id", "ownership_type"})
                EXPECT_FALSE(Text(body, key).empty()) << name << " lacks " << key;
            const std::string tax_id = Text(body, "tax_id");
            EXPECT_EQ(tax_id.size(), 18u) << name << ": " << tax_id;
            EXPECT_TRUE(std::all_of(tax_id.begin(), tax_id.end(), [](char c) {
                return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            })) << tax_id;
            EXPECT_TRUE(ownership.contains(Text(body, "ownership_type"))) << name;
            ++ownership_counts[Text(body, "ownership_type")];
        } else if (kind == "trader") {
            EXPECT_FALSE(Text(body, "address").empty()) << name;
            EXPECT_FALSE(Text(body, "proprietor").empty()) << name;
        } else {
            EXPECT_FALSE(Text(body, "local_culture").empty()) << name;
        }
    }
    for (const auto& type : ownership) EXPECT_GE(ownership_counts[type], 3) << type;
}

// The bodies go through the same parser and validation as POST /customers.
TEST(DemoDataTest, BodiesAreValidCustomerInputWithVaryingCompleteness) {
    int lowest = 100;
    int highest = 0;
    int below_70 = 0;
    for (const auto& customer : Company().customers) {
        const std::string name = Text(customer.body, "name");
        auto draft = app::CustomerDraftFromJson(customer.body);
        ASSERT_TRUE(draft.has_value()) << name << ": " << draft.error().message;
        const auto valid = domain::ValidateCustomer(draft->customer);
        EXPECT_TRUE(valid.has_value()) << name << ": " << (valid ? "" : valid.error().message);
        const int score = domain::AssessCompleteness(draft->customer).score;
        lowest = std::min(lowest, score);
        highest = std::max(highest, score);
        below_70 += score < 70 ? 1 : 0;
    }
    EXPECT_GE(lowest, 30);
    EXPECT_EQ(highest, 100);
    EXPECT_GE(below_70, 20);
}

TEST(DemoDataTest, OwnersAreSalespeopleOfTheCustomersRegion) {
    std::map<std::string, const DemoUser*> users;
    for (const auto& user : Company().users) users[user.username] = &user;
    int pool = 0;
    for (const auto& customer : Company().customers) {
        if (customer.owner_username.empty()) {
            ++pool;
            continue;
        }
        ASSERT_TRUE(users.contains(customer.owner_username)) << customer.owner_username;
        const DemoUser& owner = *users[customer.owner_username];
        EXPECT_EQ(owner.region, Text(customer.body, "region")) << Text(customer.body, "name");
        EXPECT_NE(std::find(owner.roles.begin(), owner.roles.end(), "sales"), owner.roles.end());
    }
    const int total = static_cast<int>(Company().customers.size());
    EXPECT_GE(pool * 100, 2 * total);
    EXPECT_LE(pool * 100, 12 * total);
}

TEST(DemoDataTest, SameSeedGivesTheSameCompany) {
    const std::string first = Serialize(BuildDemoCompany(7, kToday));
    EXPECT_EQ(first, Serialize(BuildDemoCompany(7, kToday)));
    EXPECT_NE(first, Serialize(BuildDemoCompany(8, kToday)));
    EXPECT_EQ(Serialize(Company()), Serialize(BuildDemoCompany(kSeed, kToday)));
}

TEST(DemoDataTest, DatesAreInThePastWindow) {
    const Date other_today{std::chrono::year(2031), std::chrono::month(2), std::chrono::day(28)};
    for (const auto& [seed, today] : {std::pair{kSeed, kToday}, std::pair{std::uint64_t{99}, other_today}}) {
        const DemoCompany company = seed == kSeed ? Company() : BuildDemoCompany(seed, today);
        int activities = 0;
        for (const auto& customer : company.customers) {
            const std::string name = Text(customer.body, "name");
            const std::string start_text = Text(customer.body, "relationship_start");
            if (!start_text.empty()) {
                const Date start = ParseOrDie(start_text);
                EXPECT_LE(start, AddDays(today, -30)) << name;
                EXPECT_GE(start, AddMonths(today, -12 * 12)) << name;
            }
            EXPECT_LE(customer.activities.size(), 6u) << name;
            for (std::size_t i = 0; i < customer.activities.size(); ++i) {
                const auto& activity = customer.activities[i];
                EXPECT_LE(activity.date, today) << name;
                EXPECT_GE(activity.date, AddMonths(today, -24)) << name;
                if (i > 0) {
                    EXPECT_LE(customer.activities[i - 1].date, activity.date) << name;
                }
                // Through the API's own parser and rules.
                json::object body{
                    {"type", activity.type}, {"date", FormatDate(activity.date)}, {"summary", activity.summary}};
                if (!activity.details.empty()) body["details"] = activity.details;
                auto parsed = app::ActivityFromJson(body);
                ASSERT_TRUE(parsed.has_value()) << name << ": " << parsed.error().message;
                const auto valid = domain::ValidateActivity(*parsed, today);
                EXPECT_TRUE(valid.has_value()) << name << ": " << (valid ? "" : valid.error().message);
                ++activities;
            }
        }
        EXPECT_GE(activities, 300);
    }
}

TEST(DemoDataTest, SearchWordsFindSeveralCustomers) {
    std::map<std::string, int> hits;
    const std::string words[] = {"化工", "阀门", "石化", "电力", "制药"};
    for (const auto& customer : Company().customers) {
        const std::string name = Text(customer.body, "name");
        for (const auto& word : words)
            if (name.find(word) != std::string::npos) ++hits[word];
    }
    EXPECT_GE(hits["化工"], 10);
    for (const auto& word : words) EXPECT_GE(hits[word], 3) << word;
    // The case study's customers are there.
    std::set<std::string> names;
    for (const auto& customer : Company().customers) names.insert(Text(customer.body, "name"));
    EXPECT_TRUE(names.contains("江苏淮安恒泰化工有限公司"));
    EXPECT_TRUE(names.contains("安徽皖能电力集团"));
}

TEST(DemoDataTest, AddressesAreInTheCustomersRegion) {
    const std::map<std::string, std::vector<std::string>> provinces = {
        {"east", {"上海", "江苏", "浙江", "安徽", "山东", "福建"}},
        {"north", {"北京", "天津", "河北", "山西", "内蒙古"}},
        {"south", {"广东", "广西", "海南"}},
        {"central", {"河南", "湖北", "湖南", "江西"}},
        {"southwest", {"四川", "重庆", "贵州", "云南"}},
        {"northwest", {"陕西", "甘肃", "新疆", "宁夏"}},
        {"northeast", {"辽宁", "吉林", "黑龙江"}}};
    for (const auto& customer : Company().customers) {
        const std::string region = Text(customer.body, "region");
        ASSERT_TRUE(provinces.contains(region)) << region;
        const std::string address = Text(customer.body, "address");
        if (address.empty()) continue;
        const auto& list = provinces.at(region);
        EXPECT_TRUE(std::any_of(list.begin(), list.end(), [&](const std::string& p) { return address.starts_with(p); }))
            << Text(customer.body, "name") << ": " << address;
    }
}

TEST(DemoDataTest, ClassificationIsConsistentWithTheRelationship) {
    std::map<std::string, int> lifecycles;
    std::map<std::string, int> importances;
    for (const auto& customer : Company().customers) {
        const auto& body = customer.body;
        const std::string name = Text(body, "name");
        const std::string lifecycle = Text(body, "lifecycle");
        const std::string stage = Text(body, "stage");
        const std::string start = Text(body, "relationship_start");
        ++lifecycles[lifecycle];
        ++importances[Text(body, "importance")];
        if (lifecycle == "prospect") {
            EXPECT_TRUE(start.empty()) << name;
            EXPECT_EQ(stage, "upcoming") << name;
        } else {
            ASSERT_FALSE(start.empty()) << name;
            const int days = DaysBetween(ParseOrDie(start), kToday);
            if (lifecycle == "new") {
                EXPECT_LT(days, 365) << name;
            }
            if (lifecycle == "established") {
                EXPECT_GE(days, 365) << name;
            }
            EXPECT_EQ(stage, lifecycle == "dormant" || lifecycle == "lost" ? "past" : "current") << name;
        }
    }
    EXPECT_GE(lifecycles["prospect"], 20);
    EXPECT_LE(lifecycles["prospect"], 30);
    EXPECT_GE(lifecycles["dormant"], 2);
    EXPECT_GE(lifecycles["lost"], 2);
    EXPECT_GE(lifecycles["established"], 140);
    const int total = static_cast<int>(Company().customers.size());
    EXPECT_GE(importances["important"] * 100, 8 * total);
    EXPECT_LE(importances["important"] * 100, 22 * total);
    EXPECT_GE(importances["special"] * 100, 4 * total);
    EXPECT_LE(importances["special"] * 100, 18 * total);
}

TEST(DemoDataTest, ContactsHaveOnePrimaryAndPlausibleProfiles) {
    int single = 0;
    int with_profile = 0;
    int contacts = 0;
    for (const auto& customer : Company().customers) {
        const std::string name = Text(customer.body, "name");
        ASSERT_TRUE(customer.body.contains("contacts")) << name;
        const auto& list = customer.body.at("contacts").as_array();
        EXPECT_GE(list.size(), 1u) << name;
        EXPECT_LE(list.size(), 3u) << name;
        single += list.size() == 1 ? 1 : 0;
        int primaries = 0;
        for (const auto& item : list) {
            const auto& contact = item.as_object();
            ++contacts;
            primaries += contact.contains("primary") && contact.at("primary").as_bool() ? 1 : 0;
            EXPECT_FALSE(Text(contact, "name").empty()) << name;
            EXPECT_FALSE(contact.at("phones").as_array().empty()) << name;
            if (const auto* profile = contact.if_contains("profile")) {
                ++with_profile;
                const auto age = profile->as_object().at("age").as_int64();
                EXPECT_GE(age, 28) << name;
                EXPECT_LE(age, 62) << name;
            }
        }
        EXPECT_EQ(primaries, 1) << name;
    }
    const int total = static_cast<int>(Company().customers.size());
    EXPECT_GE(single * 100, 82 * total);
    EXPECT_GE(with_profile * 100, 35 * contacts);
    EXPECT_LE(with_profile * 100, 65 * contacts);
}

TEST(DemoDataTest, EveryStringIsCleanUtf8) {
    for (const auto& customer : Company().customers) {
        ForEachString(customer.body, Text(customer.body, "name"), ExpectCleanText);
        for (const auto& activity : customer.activities) {
            ExpectCleanText("summary", activity.summary);
            if (!activity.details.empty()) ExpectCleanText("details", activity.details);
        }
    }
}

}  // namespace
TEST(DemoDataTest, TradeOfTwoYearsWithEveryPaymentBehaviour) {
    const Date today = ParseDate("2026-11-22", "d").value();
    const auto company = BuildDemoCompany(2014, today);
    std::map<std::string, int> behaviours;
    int traders = 0, evaluated = 0;
    for (const auto& c : company.customers) {
        if (c.evaluation) {
            ++evaluated;
            EXPECT_GE(*c.evaluation, 0);
            EXPECT_LE(*c.evaluation, 10);
        }
        if (!c.credit) continue;
        ++traders;
        const auto& credit = *c.credit;
        ++behaviours[credit.behaviour];
        EXPECT_GT(credit.limit_yuan, 0);
        EXPECT_EQ(credit.limit_yuan % 10000, 0);
        ASSERT_FALSE(credit.orders.empty());
        for (std::size_t i = 0; i < credit.orders.size(); ++i) {
            const auto& o = credit.orders[i];
            if (i > 0) {
                EXPECT_LE(credit.orders[i - 1].date, o.date);
            }
            EXPECT_LT(o.date, today);
            EXPECT_GE(o.date, AddMonths(today, -25));
            std::int64_t total = 0;
            for (const auto& l : o.lines) total += l.quantity * l.unit_price_yuan;
            EXPECT_EQ(total, o.amount_yuan);
            std::int64_t paid = 0;
            for (const auto& p : o.payments) {
                EXPECT_LT(p.date, today);
                EXPECT_GE(p.date, o.invoice_date);
                paid += p.yuan;
            }
            EXPECT_LE(paid, o.amount_yuan);
        }
    }
    EXPECT_GT(traders, 150);
    EXPECT_GT(evaluated, 30);
    for (const char* b : {"punctual", "slow", "partial", "late", "bad"}) EXPECT_GT(behaviours[b], 3) << b;
}

}  // namespace credo::cli
