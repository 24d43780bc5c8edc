// Contract tests of user administration, passwords and API tokens (SPEC SE-1), run against every
// backend: the repositories' new methods directly, and the use cases where the rule is the subject.
#include <gtest/gtest.h>

#include "credo/app/audit.hpp"
#include "credo/app/auth.hpp"
#include "credo/app/credentials.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/user_admin.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

class UserAdminDbTest : public testing::DbFixture {
 protected:
    void SetUp() override {
        DbFixture::SetUp();
        if (IsSkipped()) return;
        admin_ = MakeUser("root.admin", {Role::kAdmin});
        sales_ = MakeUser("li.na", {Role::kSales}, "east");
    }

    app::UserRecord Find(UserId id) {
        auto user = app::ReadTx(db(), [&](Tx& tx) { return tx.Users().Find(id); });
        EXPECT_TRUE(user) << user.error().message;
        return *user;
    }

    std::string Login(const std::string& username, const std::string& password = "password-123") {
        auto out = app::Login(db(), ctx(), {username, password});
        EXPECT_TRUE(out && !out->failure);
        return out ? out->token : "";
    }

    std::vector<app::AuditRecord> Audit(std::string action) {
        app::AuditQuery q;
        q.filter.action = std::move(action);
        auto page = app::ReadTx(db(), [&](Tx& tx) { return tx.Audit().List(q); });
        EXPECT_TRUE(page);
        return page ? page->items : std::vector<app::AuditRecord>{};
    }

    domain::Actor admin_;
    domain::Actor sales_;
};

TEST_F(UserAdminDbTest, UpdateStoresTheAdministrablePartAndKeepsTheLoginState) {
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.Users().SetLoginState(sales_.id, 3, std::nullopt); }));
    auto user = Find(sales_.id);
    user.display_name = "李娜";
    user.roles = {Role::kSales, Role::kRegionalManager};
    user.region = std::nullopt;
    user.language = "es";
    user.active = false;
    user.password_hash = "not-a-real-hash";
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.Users().Update(user); }));
    const auto stored = Find(sales_.id);
    EXPECT_EQ(stored.display_name, "李娜");
    EXPECT_EQ(stored.roles, user.roles);
    EXPECT_FALSE(stored.region);
    EXPECT_EQ(stored.language, "es");
    EXPECT_FALSE(stored.active);
    EXPECT_EQ(stored.password_hash, "not-a-real-hash");
    EXPECT_EQ(stored.failed_logins, 3);
    EXPECT_EQ(stored.username, "li.na");

    user.id = UserId(987654);
    auto missing = db().Write([&](Tx& tx) { return tx.Users().Update(user); });
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_F(UserAdminDbTest, CountsTheCustomersAUserOwns) {
    domain::Customer c;
    c.kind = domain::CustomerKind::kIndividual;
    c.name = "王先生";
    c.region = "east";
    c.attributes["phone"] = std::string("13900001111");
    for (int i = 0; i < 2; ++i) {
        c.attributes["phone"] = std::string("1390000111") + std::to_string(i);
        ASSERT_TRUE(
            app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales_, c, std::nullopt); }));
    }
    auto counts = app::ReadTx(db(), [&](Tx& tx) -> Result<std::pair<std::int64_t, std::int64_t>> {
        CREDO_TRY(auto mine, tx.Users().CountOwnedCustomers(sales_.id));
        CREDO_TRY(auto none, tx.Users().CountOwnedCustomers(admin_.id));
        return std::pair{mine, none};
    });
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->first, 2);
    EXPECT_EQ(counts->second, 0);
}

TEST_F(UserAdminDbTest, SessionsOfAUserEndExceptTheOneKept) {
    const auto a = Login("li.na");
    const auto b = Login("li.na");
    const auto other = Login("root.admin");
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.Sessions().DeleteForUser(sales_.id, app::HashToken(a)); }));
    auto found = [&](const std::string& token) {
        return app::ReadTx(db(), [&](Tx& tx) { return tx.Sessions().Find(app::HashToken(token)); }).has_value();
    };
    EXPECT_TRUE(found(a));
    EXPECT_FALSE(found(b));
    EXPECT_TRUE(found(other));
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.Sessions().DeleteForUser(sales_.id, ""); }));
    EXPECT_FALSE(found(a));
    EXPECT_TRUE(found(other));
}

TEST_F(UserAdminDbTest, ApiTokensAreStoredListedAndRemovedPerUser) {
    const Timestamp now = ctx().clock.Now();
    auto ids = app::WriteTx(db(), [&](Tx& tx) -> Result<std::vector<ApiTokenId>> {
        std::vector<ApiTokenId> out;
        for (auto [hash, user] : {std::pair{"h1", sales_.id}, std::pair{"h2", sales_.id}, std::pair{"h3", admin_.id}}) {
            CREDO_TRY(auto id, tx.ApiTokens().Insert({ApiTokenId(), hash, user, std::string("n-") + hash, now,
                                                      now + std::chrono::days(30)}));
            out.push_back(id);
        }
        return out;
    });
    ASSERT_TRUE(ids);
    auto found = app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().FindByHash("h2"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, (*ids)[1]);
    EXPECT_EQ(found->user, sales_.id);
    EXPECT_EQ(found->name, "n-h2");
    EXPECT_EQ(found->expires_at, now + std::chrono::days(30));
    auto missing = app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().FindByHash("nope"); });
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, Errc::kNotFound);

    auto list = app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().ListForUser(sales_.id); });
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].token_hash, "h1");

    // Another user's token is not found for deletion.
    auto foreign = db().Write([&](Tx& tx) { return tx.ApiTokens().Delete((*ids)[2], sales_.id); });
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, Errc::kNotFound);
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.ApiTokens().Delete((*ids)[0], sales_.id); }));
    ASSERT_TRUE(db().Write([&](Tx& tx) { return tx.ApiTokens().DeleteForUser(sales_.id); }));
    list = app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().ListForUser(sales_.id); });
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->empty());
    EXPECT_TRUE(app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().FindByHash("h3"); }));
}

TEST_F(UserAdminDbTest, DisablingEndsSessionsAndTokensAtOnce) {
    app::Authenticator auth(db(), ctx());
    const auto session = Login("li.na");
    auto token = app::WriteTx(db(), [&](Tx& tx) { return app::CreateApiToken(tx, ctx(), sales_, {"erp", 30}); });
    ASSERT_TRUE(token);
    ASSERT_TRUE(auth.Authenticate(session));
    ASSERT_TRUE(auth.Authenticate(token->token));  // both cached now

    app::UserPatch patch;
    patch.active = false;
    auto updated = app::UpdateUser(db(), ctx(), admin_, sales_.id, patch);
    ASSERT_TRUE(updated) << updated.error().message;
    EXPECT_FALSE(updated->active);
    auth.ForgetUser(sales_.id);
    EXPECT_FALSE(auth.Authenticate(session));
    EXPECT_FALSE(auth.Authenticate(token->token));
    auto tokens = app::ReadTx(db(), [&](Tx& tx) { return tx.ApiTokens().ListForUser(sales_.id); });
    ASSERT_TRUE(tokens);
    EXPECT_TRUE(tokens->empty());
    const auto entries = Audit("user.update");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].entry.actor, admin_.id);
    EXPECT_EQ(entries[0].entry.details,
              R"({"username":"li.na","fields":["active"],"sessions_ended":true,"tokens_revoked":true})");
}

TEST_F(UserAdminDbTest, ARoleChangeReachesTheNextAuthentication) {
    app::Authenticator auth(db(), ctx());
    const auto session = Login("li.na");
    ASSERT_TRUE(auth.Authenticate(session));
    app::UserPatch patch;
    patch.roles = std::vector{Role::kFinance};
    ASSERT_TRUE(app::UpdateUser(db(), ctx(), admin_, sales_.id, patch));
    auth.ForgetUser(sales_.id);
    auto actor = auth.Authenticate(session);
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->roles, std::vector{Role::kFinance});
}

TEST_F(UserAdminDbTest, AUserOwningCustomersIsNotDisabled) {
    domain::Customer c;
    c.kind = domain::CustomerKind::kIndividual;
    c.name = "王先生";
    c.region = "east";
    c.attributes["phone"] = std::string("13900001111");
    ASSERT_TRUE(app::WriteTx(db(), [&](Tx& tx) { return app::CreateCustomer(tx, ctx(), sales_, c, std::nullopt); }));
    app::UserPatch patch;
    patch.active = false;
    patch.display_name = "不应改";
    auto refused = app::UpdateUser(db(), ctx(), admin_, sales_.id, patch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kConflict);
    EXPECT_EQ(refused.error().details.at("owned_customers"), "1");
    EXPECT_TRUE(refused.error().fields.contains("active"));
    const auto user = Find(sales_.id);
    EXPECT_TRUE(user.active);
    EXPECT_EQ(user.display_name, "li.na");
    EXPECT_TRUE(Audit("user.update").empty());
}

TEST_F(UserAdminDbTest, UnknownRegionChangesNothing) {
    app::UserPatch patch;
    patch.region_given = true;
    patch.region = "mars";
    patch.roles = std::vector{Role::kExecutive};
    auto refused = app::UpdateUser(db(), ctx(), admin_, sales_.id, patch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
    EXPECT_TRUE(refused.error().fields.contains("region"));
    EXPECT_EQ(Find(sales_.id).roles, std::vector{Role::kSales});
}

TEST_F(UserAdminDbTest, ARefusedAttemptIsRecordedAndChangesNothing) {
    app::UserPatch patch;
    patch.roles = std::vector{Role::kAdmin};
    auto refused = app::UpdateUser(db(), ctx(), sales_, sales_.id, patch);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kForbidden);
    EXPECT_EQ(Find(sales_.id).roles, std::vector{Role::kSales});
    const auto denied = Audit("user.update_denied");
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].entry.actor, sales_.id);
    EXPECT_EQ(denied[0].entry.entity_id, sales_.id.str());
    EXPECT_EQ(denied[0].entry.details, R"({"fields":["roles"],"self":true})");
}

TEST_F(UserAdminDbTest, APasswordChangeEndsTheOtherSessions) {
    app::Authenticator auth(db(), ctx());
    const auto kept = Login("li.na");
    const auto other = Login("li.na");
    auto wrong = app::ChangePassword(db(), ctx(), sales_, kept, {"not-it-at-all", "new-password-1"});
    ASSERT_FALSE(wrong);
    EXPECT_TRUE(wrong.error().fields.contains("current_password"));
    auto short_one = app::ChangePassword(db(), ctx(), sales_, kept, {"password-123", "short"});
    ASSERT_FALSE(short_one);
    EXPECT_TRUE(short_one.error().fields.contains("new_password"));
    ASSERT_TRUE(app::ChangePassword(db(), ctx(), sales_, kept, {"password-123", "new-password-1"}));
    EXPECT_TRUE(auth.Authenticate(kept));
    EXPECT_FALSE(auth.Authenticate(other));
    auto old_login = app::Login(db(), ctx(), {"li.na", "password-123"});
    ASSERT_TRUE(old_login);
    EXPECT_TRUE(old_login->failure);
    Login("li.na", "new-password-1");
    const auto entries = Audit("auth.password_change");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].entry.details.find("new-password-1"), std::string::npos);
}

TEST_F(UserAdminDbTest, AnApiTokenAuthenticatesUntilItExpiresOrIsRevoked) {
    app::Authenticator auth(db(), ctx(), std::chrono::milliseconds(0));
    auto created = app::WriteTx(db(), [&](Tx& tx) { return app::CreateApiToken(tx, ctx(), sales_, {"erp", 2}); });
    ASSERT_TRUE(created);
    EXPECT_EQ(created->token.size(), 64u);
    EXPECT_EQ(created->record.token_hash, app::HashToken(created->token));
    auto actor = auth.Authenticate(created->token);
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->id, sales_.id);
    EXPECT_EQ(actor->roles, std::vector{Role::kSales});

    clock().Advance(std::chrono::days(2) + std::chrono::seconds(1));
    EXPECT_FALSE(auth.Authenticate(created->token));

    auto second = app::WriteTx(db(), [&](Tx& tx) { return app::CreateApiToken(tx, ctx(), sales_, {"bi", 90}); });
    ASSERT_TRUE(second);
    ASSERT_TRUE(auth.Authenticate(second->token));
    auto foreign = db().Write([&](Tx& tx) { return app::RevokeApiToken(tx, ctx(), admin_, second->record.id); });
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, Errc::kNotFound);
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::RevokeApiToken(tx, ctx(), sales_, second->record.id); }));
    EXPECT_FALSE(auth.Authenticate(second->token));
    EXPECT_EQ(Audit("auth.token_create").size(), 2u);
    EXPECT_EQ(Audit("auth.token_revoke").size(), 1u);

    auto bad = app::WriteTx(db(), [&](Tx& tx) { return app::CreateApiToken(tx, ctx(), sales_, {"x", 366}); });
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().fields.contains("expires_days"));
}

}  // namespace
}  // namespace credo
