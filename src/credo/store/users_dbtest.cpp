// Contract tests of users, sessions and login against every backend.
#include <gtest/gtest.h>

#include "credo/app/auth.hpp"
#include "fixtures/db_fixture.hpp"

namespace credo {
namespace {

using app::Tx;
using domain::Role;

class UsersDbTest : public testing::DbFixture {};

TEST_F(UsersDbTest, CreateUserValidatesAndRejectsTakenUsernames) {
    const auto admin = domain::SystemActor();
    auto create = [&](app::NewUser u) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::CreateUser(tx, ctx(), admin, u); });
    };
    auto ok = create({"wang.fang", "secret-pass", "王芳", {Role::kSales}, "east", "zh-CN"});
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_TRUE(ok->password_hash.starts_with("$argon2id$"));
    auto taken = create({"wang.fang", "secret-pass", "", {Role::kSales}, std::nullopt, std::nullopt});
    ASSERT_FALSE(taken);
    EXPECT_TRUE(taken.error().fields.contains("username"));
    auto bad_region = create({"li.lei", "secret-pass", "", {Role::kSales}, "mars", std::nullopt});
    EXPECT_TRUE(bad_region.error().fields.contains("region"));
    auto short_pw = create({"li.lei", "short", "", {Role::kSales}, std::nullopt, std::nullopt});
    EXPECT_TRUE(short_pw.error().fields.contains("password"));
    auto no_roles = create({"li.lei", "secret-pass", "", {}, std::nullopt, std::nullopt});
    EXPECT_TRUE(no_roles.error().fields.contains("roles"));
    auto bad_name = create({"Li Lei", "secret-pass", "", {Role::kSales}, std::nullopt, std::nullopt});
    EXPECT_TRUE(bad_name.error().fields.contains("username"));
    auto sales = app::ActorOf(*ok);
    auto forbidden = app::WriteTx(db(), [&](Tx& tx) {
        return app::CreateUser(tx, ctx(), sales,
                               {"x.y", "secret-pass", "", {Role::kAdmin}, std::nullopt, std::nullopt});
    });
    EXPECT_EQ(forbidden.error().code, Errc::kForbidden);
}

TEST_F(UsersDbTest, UsersSetTheirOwnLanguage) {
    const auto actor = MakeUser("wang.fang", {Role::kSales}, "east");
    auto update = [&](app::MeUpdate u) {
        return app::WriteTx(db(), [&](Tx& tx) { return app::UpdateMe(tx, ctx(), actor, u); });
    };
    auto stored = [&] { return app::ReadTx(db(), [&](Tx& tx) { return tx.Users().Find(actor.id); })->language; };

    auto es = update({true, "es"});
    ASSERT_TRUE(es) << es.error().message;
    EXPECT_EQ(es->language, "es");
    EXPECT_EQ(stored(), "es");
    // Login reads the stored language too.
    auto login = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    ASSERT_TRUE(login && !login->failure);
    EXPECT_EQ(login->user->language, "es");

    for (const char* bad : {"fr", "", "zh-cn", "en-US"}) {
        auto refused = update({true, bad});
        ASSERT_FALSE(refused) << bad;
        EXPECT_TRUE(refused.error().fields.contains("language")) << bad;
        EXPECT_EQ(stored(), "es") << bad;
    }
    EXPECT_EQ(update({false, std::nullopt})->language, "es");  // not given: unchanged
    EXPECT_EQ(update({true, "zh-TW"})->language, "zh-TW");
    EXPECT_EQ(update({true, std::nullopt})->language, std::nullopt);  // null: none
    EXPECT_EQ(stored(), std::nullopt);

    auto unknown = db().Write([](Tx& tx) { return tx.Users().SetLanguage(UserId(999999), "en"); });
    EXPECT_EQ(unknown.error().code, Errc::kNotFound);
}

TEST_F(UsersDbTest, LoginIssuesASessionAndLogoutEndsIt) {
    MakeUser("wang.fang", {Role::kSales}, "east");
    auto outcome = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    ASSERT_TRUE(outcome);
    ASSERT_FALSE(outcome->failure);
    EXPECT_EQ(outcome->token.size(), 64u);
    app::Authenticator auth(db(), ctx());
    auto actor = auth.Authenticate(outcome->token);
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->username, "wang.fang");
    EXPECT_TRUE(actor->Has(Role::kSales));
    ASSERT_TRUE(db().Write([&](Tx& tx) { return app::Logout(tx, ctx(), *actor, outcome->token); }));
    auth.Forget(outcome->token);
    EXPECT_EQ(auth.Authenticate(outcome->token).error().code, Errc::kUnauthenticated);
}

TEST_F(UsersDbTest, SessionsExpire) {
    MakeUser("wang.fang", {Role::kSales}, "east");
    auto outcome = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    ASSERT_TRUE(outcome && !outcome->failure);
    app::Authenticator auth(db(), ctx(), std::chrono::milliseconds(0));
    EXPECT_TRUE(auth.Authenticate(outcome->token));
    clock().Advance(std::chrono::hours(13));
    EXPECT_EQ(auth.Authenticate(outcome->token).error().code, Errc::kUnauthenticated);
}

TEST_F(UsersDbTest, FiveFailuresLockForFifteenMinutes) {
    MakeUser("wang.fang", {Role::kSales}, "east");
    for (int i = 1; i <= 4; ++i) {
        auto o = app::Login(db(), ctx(), {"wang.fang", "wrong"});
        ASSERT_TRUE(o);
        ASSERT_TRUE(o->failure);
        EXPECT_EQ(o->failure->code, Errc::kUnauthenticated) << "attempt " << i;
    }
    auto fifth = app::Login(db(), ctx(), {"wang.fang", "wrong"});
    EXPECT_EQ(fifth->failure->code, Errc::kLocked);
    auto right_but_locked = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    EXPECT_EQ(right_but_locked->failure->code, Errc::kLocked);
    EXPECT_TRUE(right_but_locked->failure->details.contains("locked_until"));
    clock().Advance(std::chrono::minutes(14));
    EXPECT_EQ(app::Login(db(), ctx(), {"wang.fang", "password-123"})->failure->code, Errc::kLocked);
    clock().Advance(std::chrono::minutes(1));
    auto after = app::Login(db(), ctx(), {"wang.fang", "password-123"});
    EXPECT_FALSE(after->failure);
    // The counter starts again after a success.
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(app::Login(db(), ctx(), {"wang.fang", "x"})->failure->code, Errc::kUnauthenticated);
}

TEST_F(UsersDbTest, UnknownUserAnswersLikeAWrongPassword) {
    auto o = app::Login(db(), ctx(), {"nobody", "whatever-1"});
    ASSERT_TRUE(o);
    EXPECT_EQ(o->failure->code, Errc::kUnauthenticated);
    EXPECT_EQ(o->failure->message, "wrong username or password");
}

}  // namespace
}  // namespace credo
