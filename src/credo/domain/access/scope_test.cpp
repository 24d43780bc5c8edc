// Data scopes: each role's reach, how roles combine, and who sees the sensitive parts.
#include "credo/domain/access/scope.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Actor With(std::vector<Role> roles, std::optional<std::string> region = "east", std::int64_t id = 7) {
    return Actor{UserId(id), "u", "U", std::move(roles), std::move(region)};
}

TEST(Scope, SalesReadsAndWritesOnlyWhatItOwns) {
    const auto s = ReadScope(With({Role::kSales}));
    EXPECT_TRUE(s.Includes("east", UserId(7)));
    EXPECT_FALSE(s.Includes("east", UserId(8)));
    EXPECT_FALSE(s.Includes("east", std::nullopt));
    EXPECT_TRUE(WriteScope(With({Role::kSales})).Includes("north", UserId(7)));
}

TEST(Scope, RegionalRolesReachTheirRegion) {
    for (Role r : {Role::kAssistant, Role::kRegionalManager}) {
        const auto s = ReadScope(With({r}));
        EXPECT_TRUE(s.Includes("east", UserId(99)));
        EXPECT_TRUE(s.Includes("east", std::nullopt));  // the regional pool
        EXPECT_FALSE(s.Includes("north", UserId(7)));
    }
    // Without a region a regional role reaches nothing.
    EXPECT_TRUE(ReadScope(With({Role::kRegionalManager}, std::nullopt)).Empty());
}

TEST(Scope, CompanyWideRolesReachEverything) {
    for (Role r : {Role::kSalesManager, Role::kFinance, Role::kCommerce, Role::kExecutive, Role::kAdmin}) {
        EXPECT_TRUE(ReadScope(With({r})).all);
        EXPECT_TRUE(WriteScope(With({r})).all);
    }
}

TEST(Scope, TheAuditorReadsEverythingAndWritesNothing) {
    EXPECT_TRUE(ReadScope(With({Role::kAuditor})).all);
    EXPECT_TRUE(WriteScope(With({Role::kAuditor})).Empty());
    // Combined with sales: reads all, writes its own.
    const auto w = WriteScope(With({Role::kAuditor, Role::kSales}));
    EXPECT_FALSE(w.all);
    EXPECT_EQ(w.owner, UserId(7));
}

TEST(Scope, TheWidestRoleWins) {
    const auto s = ReadScope(With({Role::kSales, Role::kRegionalManager}));
    EXPECT_EQ(s.region, "east");
    EXPECT_TRUE(ReadScope(With({Role::kSales, Role::kSalesManager})).all);
    EXPECT_TRUE(ReadScope(With({})).Empty());
}

TEST(Sensitive, ProfilesAndFinancialsGoOnlyToEntitledRoles) {
    EXPECT_TRUE(MaySee(With({Role::kSales}), Sensitive::kContactProfiles));
    EXPECT_FALSE(MaySee(With({Role::kAssistant}), Sensitive::kContactProfiles));
    EXPECT_FALSE(MaySee(With({Role::kFinance}), Sensitive::kContactProfiles));
    EXPECT_FALSE(MaySee(With({Role::kCommerce}), Sensitive::kContactProfiles));
    EXPECT_TRUE(MaySee(With({Role::kFinance}), Sensitive::kFinancials));
    EXPECT_FALSE(MaySee(With({Role::kAssistant}), Sensitive::kFinancials));
    EXPECT_FALSE(MaySee(With({Role::kCommerce}), Sensitive::kFinancials));
    EXPECT_TRUE(MaySee(With({Role::kAuditor}), Sensitive::kFinancials));
    EXPECT_TRUE(MaySee(With({Role::kAssistant, Role::kRegionalManager}), Sensitive::kContactProfiles));
}

}  // namespace
}  // namespace credo::domain
