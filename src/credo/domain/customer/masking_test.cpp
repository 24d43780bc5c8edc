// Masking: what each role loses from a file, and from its history.
#include "credo/domain/customer/masking.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Customer FileWithSecrets() {
    Customer c;
    c.name = "温州恒泰阀门有限公司";
    c.region = "east";
    c.attributes.emplace("registered_capital", Money(500000000, *Currency::FromCode("CNY")));
    c.attributes.emplace("financial_status", std::string("现金流紧张"));
    c.attributes.emplace("address", std::string("温州市"));
    Contact k;
    k.name = "王经理";
    k.profile.family = "两个孩子";
    k.profile.age = 45;
    c.contacts.push_back(k);
    return c;
}

Actor As(Role role) { return Actor{UserId(3), "u", "U", {role}, std::string("east")}; }

TEST(Masking, AnAssistantSeesNeitherProfilesNorFinancials) {
    auto c = FileWithSecrets();
    const auto hidden = MaskSensitive(c, As(Role::kAssistant));
    EXPECT_EQ(c.contacts[0].profile, PersonalProfile{});
    EXPECT_FALSE(c.attributes.contains("registered_capital"));
    EXPECT_FALSE(c.attributes.contains("financial_status"));
    EXPECT_TRUE(c.attributes.contains("address"));
    EXPECT_EQ(hidden, (std::vector<std::string>{"contacts.profile", "registered_capital", "paid_in_capital",
                                                "financial_status"}));
}

TEST(Masking, FinanceSeesFinancialsButNotProfiles) {
    auto c = FileWithSecrets();
    MaskSensitive(c, As(Role::kFinance));
    EXPECT_EQ(c.contacts[0].profile, PersonalProfile{});
    EXPECT_TRUE(c.attributes.contains("registered_capital"));
}

TEST(Masking, EntitledRolesKeepEverything) {
    for (Role r : {Role::kSales, Role::kRegionalManager, Role::kSalesManager, Role::kExecutive, Role::kAuditor}) {
        auto c = FileWithSecrets();
        EXPECT_TRUE(MaskSensitive(c, As(r)).empty());
        EXPECT_EQ(c.contacts[0].profile.family, "两个孩子");
        EXPECT_TRUE(c.attributes.contains("financial_status"));
    }
}

TEST(Masking, HistoryHidesTheSameParts) {
    EXPECT_TRUE(IsHiddenChange("contacts[17].profile", As(Role::kCommerce)));
    EXPECT_TRUE(IsHiddenChange("paid_in_capital", As(Role::kCommerce)));
    EXPECT_FALSE(IsHiddenChange("contacts[17].name", As(Role::kCommerce)));
    EXPECT_FALSE(IsHiddenChange("paid_in_capital", As(Role::kFinance)));
    EXPECT_FALSE(IsHiddenChange("contacts[17].profile", As(Role::kSales)));
}

TEST(Masking, ASensitiveValueIsOneTheMaskedFileStillShows) {
    auto c = FileWithSecrets();
    EXPECT_TRUE(HasSensitiveValue(c));
    auto masked = c;
    MaskSensitive(masked, As(Role::kAssistant));
    EXPECT_FALSE(HasSensitiveValue(masked));
    masked = c;
    MaskSensitive(masked, As(Role::kFinance));  // the financials stay
    EXPECT_TRUE(HasSensitiveValue(masked));
    Customer plain;
    plain.contacts.push_back(Contact{});
    EXPECT_FALSE(HasSensitiveValue(plain));
    EXPECT_TRUE(IsSensitiveField("contacts[3].profile"));
    EXPECT_TRUE(IsSensitiveField("paid_in_capital"));
    EXPECT_FALSE(IsSensitiveField("contacts[3].name"));
    EXPECT_FALSE(IsSensitiveField("address"));
}

}  // namespace
}  // namespace credo::domain
