#include "credo/domain/credit/utilization.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace credo::domain {
namespace {

Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Fen(std::int64_t minor) { return Money(minor, Cny()); }

TEST(Utilization, BasisPointsRoundDown) {
    struct Case {
        std::int64_t exposure, limit, bp;
    };
    for (const Case& c : {Case{0, 10000000, 0}, Case{8000000, 10000000, 8000}, Case{7999999, 10000000, 7999},
                          Case{8999999, 10000000, 8999}, Case{9000000, 10000000, 9000}, Case{10000000, 10000000, 10000},
                          Case{15000000, 10000000, 15000}, Case{1, 3, 3333}, Case{-500, 10000, 0}, Case{0, 0, 0},
                          Case{1, 0, std::numeric_limits<std::int64_t>::max()}}) {
        Result<std::int64_t> bp = UtilizationBp(Fen(c.exposure), Fen(c.limit));
        ASSERT_TRUE(bp.has_value()) << c.exposure << "/" << c.limit;
        EXPECT_EQ(*bp, c.bp) << c.exposure << "/" << c.limit;
    }
    EXPECT_EQ(UtilizationBp(Fen(1), Fen(-1)).error().fields.count("limit"), 1u);
    EXPECT_EQ(UtilizationBp(Money(1, Currency::FromCode("USD").value()), Fen(1)).error().fields.count("exposure"), 1u);
}

TEST(Utilization, DefaultLevelsAndRecipients) {
    const std::vector<AlertLevel> levels = DefaultAlertLevels();
    ASSERT_EQ(levels.size(), 2u);
    EXPECT_EQ(levels[0].bp, 8000);
    EXPECT_EQ(levels[0].recipients, (std::vector<std::string>{"owner", "regional_manager", "commerce"}));
    EXPECT_EQ(levels[1].bp, 9000);
    EXPECT_EQ(levels[1].recipients,
              (std::vector<std::string>{"owner", "regional_manager", "commerce", "sales_manager"}));
    EXPECT_TRUE(ValidateAlertLevels(levels).has_value());
}

TEST(Utilization, FiresOncePerUpwardCrossingAndReArmsBelow) {
    // A sequence of utilizations, each evaluated against the state the previous one left.
    struct Step {
        std::int64_t bp;
        std::vector<std::int64_t> fired;
        DisarmedLevels disarmed;
    };
    const Step steps[] = {
        {7999, {}, {}},
        {8000, {8000}, {8000}},  // exactly the level fires
        {8500, {}, {8000}},      // still above: no second alert
        {8000, {}, {8000}},
        {7999, {}, {}},          // below: re-armed
        {8001, {8000}, {8000}},  // fires again
        {9000, {9000}, {8000, 9000}},
        {9999, {}, {8000, 9000}},
        {8999, {}, {8000}},
        {9500, {9000}, {8000, 9000}},
        {0, {}, {}},
        {12000, {8000, 9000}, {8000, 9000}},  // one jump over both levels fires both
    };
    const std::vector<AlertLevel> levels = DefaultAlertLevels();
    DisarmedLevels state;
    for (const Step& s : steps) {
        Result<UtilizationAlerts> r = EvaluateUtilizationAlerts(levels, state, s.bp);
        ASSERT_TRUE(r.has_value());
        std::vector<std::int64_t> fired;
        for (const AlertLevel& l : r->fired) fired.push_back(l.bp);
        EXPECT_EQ(fired, s.fired) << s.bp;
        EXPECT_EQ(r->disarmed, s.disarmed) << s.bp;
        state = r->disarmed;
    }
}

TEST(Utilization, RecipientsOfAJumpAreMergedOnce) {
    Result<UtilizationAlerts> r = EvaluateUtilizationAlerts(DefaultAlertLevels(), {}, 9100);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->Recipients(), (std::vector<std::string>{"owner", "regional_manager", "commerce", "sales_manager"}));
    // Only the 90 % level when 80 % had already fired.
    r = EvaluateUtilizationAlerts(DefaultAlertLevels(), {8000}, 9100);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->fired.size(), 1u);
    EXPECT_EQ(r->fired[0].bp, 9000);
    // A level added later starts armed; a removed level's state is dropped.
    const std::vector<AlertLevel> three{{7000, {"owner"}}, {8000, {"owner"}}, {9000, {"owner"}}};
    r = EvaluateUtilizationAlerts(three, {8000, 9500}, 8500);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->fired.size(), 1u);
    EXPECT_EQ(r->fired[0].bp, 7000);
    EXPECT_EQ(r->disarmed, (DisarmedLevels{7000, 8000}));
}

TEST(Utilization, LevelsAreValidated) {
    struct Case {
        const char* name;
        std::vector<AlertLevel> levels;
        const char* field;
    };
    const Case cases[] = {
        {"zero", {{0, {"owner"}}}, "levels[0].bp"},
        {"too high", {{kMaxAlertLevelBp + 1, {"owner"}}}, "levels[0].bp"},
        {"not ascending", {{9000, {"owner"}}, {8000, {"owner"}}}, "levels[1].bp"},
        {"repeated", {{8000, {"owner"}}, {8000, {"owner"}}}, "levels[1].bp"},
        {"nobody", {{8000, {}}}, "levels[0].recipients"},
        {"empty name", {{8000, {"owner", ""}}}, "levels[0].recipients"},
    };
    for (const Case& c : cases) {
        Result<UtilizationAlerts> r = EvaluateUtilizationAlerts(c.levels, {}, 5000);
        ASSERT_FALSE(r.has_value()) << c.name;
        EXPECT_EQ(r.error().fields.count(c.field), 1u) << c.name << ": " << r.error().message;
    }
}

TEST(Utilization, RecipientsOfMask) {
    struct Case {
        std::int64_t mask;
        std::vector<std::string> recipients;
    };
    const Case cases[] = {
        {1, {"owner"}},
        {7, {"owner", "regional_manager", "commerce"}},
        {15, {"owner", "regional_manager", "commerce", "sales_manager"}},
        {48, {"finance", "executive"}},
        {63, {"owner", "regional_manager", "commerce", "sales_manager", "finance", "executive"}},
    };
    for (const Case& c : cases) {
        auto r = RecipientsOfMask(c.mask, "value");
        ASSERT_TRUE(r.has_value()) << c.mask;
        EXPECT_EQ(*r, c.recipients) << c.mask;
    }
    // The defaults of the policies are the SPEC's recipients.
    auto levels = DefaultAlertLevels();
    EXPECT_EQ(*RecipientsOfMask(7, "value"), levels[0].recipients);
    EXPECT_EQ(*RecipientsOfMask(15, "value"), levels[1].recipients);
    for (std::int64_t bad : {0, 64, -1}) {
        auto r = RecipientsOfMask(bad, "value");
        ASSERT_FALSE(r.has_value()) << bad;
        EXPECT_EQ(r.error().fields.count("value"), 1u);
    }
}

}  // namespace
}  // namespace credo::domain
