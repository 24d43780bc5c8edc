#include "credo/domain/ownership/ownership.hpp"

#include <gtest/gtest.h>

#include "credo/domain/ownership/policy.hpp"

namespace credo::domain {
namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }

TEST(ProposeBalance, FillsFromThePoolFirstThenEvensOut) {
    const UserId a(1), b(2), c(3);
    std::vector<BalanceFile> files;
    for (int i = 1; i <= 7; ++i) files.push_back({CustomerId(i), a});
    files.push_back({CustomerId(8), std::nullopt});
    files.push_back({CustomerId(9), UserId(99)});  // an owner outside the region's salespeople stays
    const auto p = ProposeBalance({{a, 0}, {b, 0}, {c, 0}}, files, 300);
    EXPECT_EQ(p.before.at(a), 7);
    EXPECT_EQ(p.before.at(b), 0);
    EXPECT_EQ(p.after.at(a), 3);
    EXPECT_EQ(p.after.at(b), 3);
    EXPECT_EQ(p.after.at(c), 2);
    ASSERT_EQ(p.moves.size(), 5u);
    EXPECT_EQ(p.moves.front().customer, CustomerId(4));  // by customer id: a gives its newest, 4 to 7
    bool pool_moved = false;
    for (const auto& m : p.moves) {
        EXPECT_NE(m.customer, CustomerId(9));
        if (m.customer == CustomerId(8)) pool_moved = !m.from.has_value();
    }
    EXPECT_TRUE(pool_moved);
}

TEST(ProposeBalance, BalancedRegionNeedsNoMoves) {
    const UserId a(1), b(2);
    const auto p = ProposeBalance({{a, 0}, {b, 0}}, {{CustomerId(1), a}, {CustomerId(2), b}, {CustomerId(3), a}}, 10);
    EXPECT_TRUE(p.moves.empty());
    EXPECT_TRUE(ProposeBalance({}, {{CustomerId(1), std::nullopt}}, 10).moves.empty());
}

TEST(ProposeBalance, NeverPastTheCap) {
    const UserId a(1), b(2);
    // b already owns 9 files elsewhere; with a cap of 10 it may take one more.
    std::vector<BalanceFile> files;
    for (int i = 1; i <= 6; ++i) files.push_back({CustomerId(i), a});
    const auto p = ProposeBalance({{a, 0}, {b, 9}}, files, 10);
    EXPECT_EQ(p.after.at(b), 1);
    EXPECT_EQ(p.moves.size(), 1u);
}

TEST(AssessNeglect, NoticeThenReturn) {
    const Date touched = Day("2026-01-01");
    EXPECT_EQ(AssessNeglect(touched, Day("2026-03-01"), 90, 7).state, NeglectState::kKept);
    const auto notice = AssessNeglect(touched, Day("2026-03-26"), 90, 7);  // 84 days: due on day 91
    EXPECT_EQ(notice.state, NeglectState::kNotice);
    EXPECT_EQ(FormatDate(notice.due), "2026-04-02");
    EXPECT_EQ(AssessNeglect(touched, Day("2026-03-25"), 90, 7).state, NeglectState::kKept);
    EXPECT_EQ(AssessNeglect(touched, Day("2026-04-01"), 90, 7).state, NeglectState::kNotice);  // exactly 90
    const auto gone = AssessNeglect(touched, Day("2026-04-02"), 90, 7);
    EXPECT_EQ(gone.state, NeglectState::kReturned);
    EXPECT_EQ(gone.days, 91);
    // The horizon: anything touched before it needs a look.
    EXPECT_EQ(FormatDate(NeglectHorizon(Day("2026-03-26"), 90, 7)), "2026-01-02");
}

TEST(MayAssign, RegionalManagerWithinItsRegion) {
    Actor rm{UserId(1), "rm", "", {Role::kRegionalManager}, "east"};
    EXPECT_TRUE(MayAssign(rm, "east"));
    EXPECT_FALSE(MayAssign(rm, "north"));
    EXPECT_FALSE(MayAssign(Actor{UserId(2), "s", "", {Role::kSales}, "east"}, "east"));
    EXPECT_FALSE(MayAssign(Actor{UserId(3), "a", "", {Role::kAuditor}, std::nullopt}, "east"));
    EXPECT_TRUE(MayAssign(Actor{UserId(4), "m", "", {Role::kSalesManager}, std::nullopt}, "north"));
    EXPECT_TRUE(MayHandOver(rm, true, std::string("east")));
    EXPECT_FALSE(MayHandOver(rm, true, std::string("north")));
    EXPECT_FALSE(MayHandOver(rm, false, std::string("east")));
}

TEST(Policy, ValuesAreCheckedPerKey) {
    auto cap = FindPolicy(kMaxCustomersPerSales).value();
    EXPECT_EQ(ParsePolicyValue(cap, "300").value(), 300);
    EXPECT_EQ(ParsePolicyValue(cap, "0").error().code, Errc::kInvalidArgument);
    EXPECT_EQ(ParsePolicyValue(cap, "3x").error().code, Errc::kInvalidArgument);
    EXPECT_EQ(FindPolicy("nope").error().code, Errc::kNotFound);
    EXPECT_FALSE(ValidateOwnershipPolicy({300, 7, 7}));
    EXPECT_TRUE(ValidateOwnershipPolicy({300, 90, 7}));
}

}  // namespace
TEST(ProposeSalesBalance, EvensOutAnnualSalesNotCounts) {
    const UserId a(1), b(2);
    // a holds one large customer and three small ones; b holds two middling ones; the pool has one.
    std::vector<BalanceFile> files = {
        {CustomerId(10), a, 900},
        {CustomerId(11), a, 100},
        {CustomerId(12), a, 100},
        {CustomerId(13), a, 100},
        {CustomerId(20), b, 300},
        {CustomerId(21), b, 300},
        {CustomerId(30), std::nullopt, 200},
    };
    const auto p = ProposeSalesBalance({{a, 0}, {b, 0}}, files, 300);
    EXPECT_EQ(p.sales_before.at(a), 1200);
    EXPECT_EQ(p.sales_before.at(b), 600);
    // The pool's 200 goes to b (800); then a's 100 whose move narrows the gap of 400 the most... 200 would be
    // best, a has none: one 100 moves (1100 / 900), then another (1000 / 1000).
    EXPECT_EQ(p.sales_after.at(a), 1000);
    EXPECT_EQ(p.sales_after.at(b), 1000);
    std::int64_t total = 0;
    for (const auto& [_, v] : p.sales_after) total += v;
    EXPECT_EQ(total, 2000);  // nothing lost or counted twice
    ASSERT_EQ(p.moves.size(), 3u);
    EXPECT_EQ(p.moves[0].customer, CustomerId(11));
    EXPECT_EQ(p.moves[1].customer, CustomerId(12));
    EXPECT_EQ(p.moves[2].customer, CustomerId(30));
    EXPECT_EQ(p.moves[2].from, std::nullopt);
}

TEST(ProposeSalesBalance, NeverMovesAFileThatWouldWidenTheGapOrHasNoSales) {
    const UserId a(1), b(2);
    std::vector<BalanceFile> files = {{CustomerId(10), a, 1000}, {CustomerId(11), a, 0}, {CustomerId(20), b, 400}};
    const auto p = ProposeSalesBalance({{a, 0}, {b, 0}}, files, 300);
    EXPECT_TRUE(p.moves.empty());  // moving the 1000 would only swap the gap; the 0 changes nothing
    // The cap holds: b may take nothing more.
    const auto capped = ProposeSalesBalance(
        {{a, 0}, {b, 299}}, {{CustomerId(10), a, 500}, {CustomerId(11), a, 400}, {CustomerId(20), b, 1}}, 300);
    EXPECT_TRUE(capped.moves.empty());
}

}  // namespace credo::domain
