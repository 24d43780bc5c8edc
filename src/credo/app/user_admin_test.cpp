#include "credo/app/user_admin.hpp"

#include <gtest/gtest.h>

namespace credo::app {
namespace {

using domain::Role;

UserRecord Someone(std::int64_t id, std::vector<Role> roles) {
    UserRecord u;
    u.id = UserId(id);
    u.username = "user" + std::to_string(id);
    u.display_name = u.username;
    u.password_hash = "$argon2id$stored";
    u.roles = std::move(roles);
    u.region = "east";
    return u;
}

domain::Actor ActorFor(const UserRecord& u) {
    return domain::Actor{u.id, u.username, u.display_name, u.roles, u.region};
}

const UserRecord kAdmin = Someone(1, {Role::kAdmin});
const UserRecord kSales = Someone(2, {Role::kSales});

TEST(ApplyUserPatch, NamesTheFieldsThatChangeAndOnlyThose) {
    UserPatch p;
    p.display_name = "李娜";
    p.roles = std::vector{Role::kSales, Role::kRegionalManager, Role::kSales};
    p.region_given = true;  // region: null
    p.language_given = true;
    p.language = "es";
    auto change = ApplyUserPatch(kSales, p, ActorFor(kAdmin));
    ASSERT_TRUE(change) << change.error().message;
    EXPECT_EQ(change->changed, (std::vector<std::string>{"display_name", "roles", "region", "language"}));
    EXPECT_EQ(change->user.roles, (std::vector{Role::kSales, Role::kRegionalManager}));
    EXPECT_FALSE(change->user.region);
    EXPECT_EQ(change->user.password_hash, kSales.password_hash);
    EXPECT_FALSE(change->deactivated);

    UserPatch same;
    same.display_name = kSales.display_name;
    same.roles = kSales.roles;
    same.active = true;
    auto nothing = ApplyUserPatch(kSales, same, ActorFor(kAdmin));
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->changed.empty());
}

TEST(ApplyUserPatch, APasswordAlwaysCountsAndIsValidated) {
    UserPatch p;
    p.password = "long-enough-1";
    auto change = ApplyUserPatch(kSales, p, ActorFor(kAdmin));
    ASSERT_TRUE(change);
    EXPECT_EQ(change->changed, std::vector<std::string>{"password"});
    p.password = "short";
    auto bad = ApplyUserPatch(kSales, p, ActorFor(kAdmin));
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().fields.contains("password"));
}

TEST(ApplyUserPatch, DisablingIsNoted) {
    UserPatch p;
    p.active = false;
    auto change = ApplyUserPatch(kSales, p, ActorFor(kAdmin));
    ASSERT_TRUE(change);
    EXPECT_TRUE(change->deactivated);
    EXPECT_EQ(change->changed, std::vector<std::string>{"active"});
}

TEST(ApplyUserPatch, BadValuesNameTheirField) {
    auto field_of = [](const UserPatch& p) {
        auto r = ApplyUserPatch(kSales, p, ActorFor(kAdmin));
        EXPECT_FALSE(r);
        EXPECT_EQ(r ? Errc::kInternal : r.error().code, Errc::kInvalidArgument);
        return r || r.error().fields.empty() ? std::string() : r.error().fields.begin()->first;
    };
    UserPatch no_roles;
    no_roles.roles = std::vector<Role>{};
    EXPECT_EQ(field_of(no_roles), "roles");
    UserPatch empty_name;
    empty_name.display_name = "";
    EXPECT_EQ(field_of(empty_name), "display_name");
    UserPatch long_name;
    long_name.display_name = std::string(101, 'x');
    EXPECT_EQ(field_of(long_name), "display_name");
    UserPatch language;
    language.language_given = true;
    language.language = "fr";
    EXPECT_EQ(field_of(language), "language");
}

TEST(ApplyUserPatch, AnAdminCannotLockItselfOut) {
    UserPatch demote;
    demote.roles = std::vector{Role::kSalesManager};
    auto r = ApplyUserPatch(kAdmin, demote, ActorFor(kAdmin));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Errc::kConflict);
    EXPECT_TRUE(r.error().fields.contains("roles"));
    EXPECT_NE(r.error().message.find("lock yourself out"), std::string::npos);

    UserPatch disable;
    disable.active = false;
    r = ApplyUserPatch(kAdmin, disable, ActorFor(kAdmin));
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().fields.contains("active"));

    // Another admin may do both; so may the system actor (the command line).
    const UserRecord other_admin = Someone(3, {Role::kAdmin});
    EXPECT_TRUE(ApplyUserPatch(kAdmin, demote, ActorFor(other_admin)));
    EXPECT_TRUE(ApplyUserPatch(kAdmin, disable, domain::SystemActor()));
    UserPatch more;
    more.roles = std::vector{Role::kAdmin, Role::kAuditor};
    EXPECT_TRUE(ApplyUserPatch(kAdmin, more, ActorFor(kAdmin)));
}

TEST(GivenFields, ListsWhatThePatchGives) {
    UserPatch p;
    EXPECT_TRUE(GivenFields(p).empty());
    p.region_given = true;
    p.active = true;
    p.password = "x";
    EXPECT_EQ(GivenFields(p), (std::vector<std::string>{"region", "active", "password"}));
}

}  // namespace
}  // namespace credo::app
