#include "credo/domain/access/role.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

constexpr Role kAllRoles[] = {Role::kSales,        Role::kAssistant, Role::kRegionalManager,
                              Role::kSalesManager, Role::kFinance,   Role::kCommerce,
                              Role::kExecutive,    Role::kAdmin,     Role::kAuditor};

Actor With(std::vector<Role> roles) {
    Actor a;
    a.id = UserId(7);
    a.username = "li.na";
    a.roles = std::move(roles);
    return a;
}

TEST(Actor, Has) {
    const Actor a = With({Role::kSales, Role::kFinance});
    EXPECT_TRUE(a.Has(Role::kSales));
    EXPECT_TRUE(a.Has(Role::kFinance));
    EXPECT_FALSE(a.Has(Role::kAdmin));
    EXPECT_FALSE(a.Has(Role::kAuditor));
    EXPECT_FALSE(With({}).Has(Role::kSales));
}

TEST(Actor, MayWriteCustomers) {
    for (Role r : kAllRoles) {
        EXPECT_EQ(With({r}).MayWriteCustomers(), r != Role::kAuditor) << kRoleNames.Name(r);
    }
    EXPECT_FALSE(With({}).MayWriteCustomers());
    // An auditor who is also in sales may write as a salesperson.
    EXPECT_TRUE(With({Role::kAuditor, Role::kSales}).MayWriteCustomers());
}

TEST(Actor, MayManageUsersOnlyAsAdmin) {
    for (Role r : kAllRoles) EXPECT_EQ(With({r}).MayManageUsers(), r == Role::kAdmin) << kRoleNames.Name(r);
}

TEST(Actor, MayReadAuditAsAdminOrAuditor) {
    for (Role r : kAllRoles) {
        EXPECT_EQ(With({r}).MayReadAudit(), r == Role::kAdmin || r == Role::kAuditor) << kRoleNames.Name(r);
    }
    EXPECT_FALSE(With({}).MayReadAudit());
    EXPECT_TRUE(With({Role::kSales, Role::kAuditor}).MayReadAudit());
    EXPECT_TRUE(SystemActor().MayReadAudit());
}

TEST(Actor, SystemActor) {
    const Actor s = SystemActor();
    EXPECT_EQ(s.username, "system");
    EXPECT_FALSE(s.id.valid());
    EXPECT_TRUE(s.MayWriteCustomers());
    EXPECT_TRUE(s.MayManageUsers());
    EXPECT_TRUE(s.Has(Role::kExecutive));
    EXPECT_FALSE(s.region.has_value());
}

TEST(RoleNames, Names) {
    EXPECT_EQ(kRoleNames.Name(Role::kSales), "sales");
    EXPECT_EQ(kRoleNames.Name(Role::kRegionalManager), "regional_manager");
    EXPECT_EQ(kRoleNames.Name(Role::kSalesManager), "sales_manager");
    EXPECT_EQ(kRoleNames.Name(Role::kAuditor), "auditor");
    EXPECT_EQ(kRoleNames.Name(static_cast<Role>(99)), "unknown");
    EXPECT_EQ(kRoleNames.Accepted(),
              "sales, assistant, regional_manager, sales_manager, finance, commerce, executive, admin, auditor");
}

TEST(RoleNames, ParseRoundTripsEveryRole) {
    for (Role r : kAllRoles) {
        const auto parsed = kRoleNames.Parse(kRoleNames.Name(r), "roles[0]");
        ASSERT_TRUE(parsed.has_value()) << kRoleNames.Name(r);
        EXPECT_EQ(*parsed, r);
    }
}

TEST(RoleNames, ParseUnknownListsTheNames) {
    for (const char* bad : {"root", "Sales", "", "sales "}) {
        const auto parsed = kRoleNames.Parse(bad, "roles[1]");
        ASSERT_FALSE(parsed.has_value()) << bad;
        const Error e = parsed.error();
        EXPECT_EQ(e.code, Errc::kInvalidArgument);
        EXPECT_EQ(e.fields.at("roles[1]"),
                  "\"" + std::string(bad) +
                      "\" is not one of sales, assistant, regional_manager, sales_manager, finance, commerce, "
                      "executive, admin, auditor");
        EXPECT_EQ(e.message, "roles[1]: " + e.fields.at("roles[1]"));
    }
}

}  // namespace
}  // namespace credo::domain
