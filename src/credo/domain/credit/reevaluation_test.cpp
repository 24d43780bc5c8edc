#include "credo/domain/credit/reevaluation.hpp"

#include <gtest/gtest.h>

#include <ostream>

namespace credo::domain {

void PrintTo(ReevaluationReason r, std::ostream* os) { *os << kReevaluationReasonNames.Name(r); }

namespace {

using std::chrono::year;
Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Fen(std::int64_t minor) { return Money(minor, Cny()); }

constexpr QuarterBehaviour kGood{true, true, false, 10000};
constexpr QuarterBehaviour kLate{true, false, false, 10000};

// A month of 2026: amounts past due or not, and what was collected.
MonthlyCollection Month(unsigned month, bool past_due, std::int64_t collected) {
    return {year(2026) / std::chrono::month(month), past_due, Fen(collected)};
}
std::vector<MonthlyCollection> Paying() { return {Month(4, true, 100), Month(5, true, 100), Month(6, false, 0)}; }
std::vector<MonthlyCollection> Silent() { return {Month(4, true, 100), Month(5, true, 0), Month(6, true, 0)}; }

using G = CreditGrade;
using R = ReevaluationReason;

TEST(Reevaluation, Proposals) {
    struct Case {
        const char* name;
        ReevaluationInput input;
        ReevaluationSettings settings;
        ProposalKind kind;
        std::optional<CreditGrade> grade;
        std::optional<std::int64_t> limit;
        std::vector<ReevaluationReason> reasons;
    };
    const Case cases[] = {
        {"good twice: one grade up",
         {G::kII, Fen(10000000), std::nullopt, {kGood, kGood}, Paying(), false},
         {},
         ProposalKind::kUpgrade,
         G::kI,
         std::nullopt,
         {R::kGoodPaymentsTwoQuarters}},
        {"grade I: the limit + 20 % exactly",
         {G::kI, Fen(10000000), std::nullopt, {kGood, kGood}, Paying(), false},
         {},
         ProposalKind::kUpgrade,
         std::nullopt,
         12000000,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade}},
        {"a configured 10 %",
         {G::kI, Fen(10000000), std::nullopt, {kGood, kGood}, Paying(), false},
         {.max_increase_pct = 10},
         ProposalKind::kUpgrade,
         std::nullopt,
         11000000,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade}},
        {"rounded down to a whole yuan",
         {G::kI, Fen(12345678), std::nullopt, {kGood, kGood}, Paying(), false},
         {},
         ProposalKind::kUpgrade,
         std::nullopt,
         14814800,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade}},
        {"a tiny limit rounds to the fen",
         {G::kI, Fen(100), std::nullopt, {kGood, kGood}, Paying(), false},
         {},
         ProposalKind::kUpgrade,
         std::nullopt,
         120,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade}},
        {"limit only",
         {G::kIII, Fen(10000000), std::nullopt, {kGood, kGood}, Paying(), false},
         {.upgrade = UpgradeAction::kLimit},
         ProposalKind::kUpgrade,
         std::nullopt,
         12000000,
         {R::kGoodPaymentsTwoQuarters}},
        {"grade only, at the top",
         {G::kI, Fen(10000000), std::nullopt, {kGood, kGood}, Paying(), false},
         {.upgrade = UpgradeAction::kGrade},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade}},
        {"grade I without a limit",
         {G::kI, std::nullopt, std::nullopt, {kGood, kGood}, Paying(), false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {R::kGoodPaymentsTwoQuarters, R::kTopGrade, R::kNoLimit}},
        {"one good quarter is not enough",
         {G::kII, Fen(10000000), std::nullopt, {kLate, kGood}, Paying(), false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"a quarter with nothing due is no evidence",
         {G::kII, Fen(10000000), std::nullopt, {kGood, QuarterBehaviour{}}, Paying(), false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"past due at a quarter's end",
         {G::kII, Fen(10000000), std::nullopt, {kGood, {true, true, true, 10000}}, Paying(), false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"collected below the configured minimum",
         {G::kII, Fen(10000000), std::nullopt, {kGood, {true, true, false, 9999}}, Paying(), false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"two silent months: grade down and limit cut",
         {G::kII, Fen(10000000), std::nullopt, {kLate, kLate}, Silent(), false},
         {},
         ProposalKind::kDowngrade,
         G::kIII,
         8000000,
         {R::kNoCollectionConsecutiveMonths}},
        {"a justification sets the downgrade aside",
         {G::kII, Fen(10000000), std::nullopt, {kLate, kLate}, Silent(), true},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {R::kNoCollectionConsecutiveMonths, R::kJustificationRecorded}},
        {"silent months not in a row",
         {G::kII,
          Fen(10000000),
          std::nullopt,
          {kLate, kLate},
          {Month(4, true, 0), Month(5, true, 100), Month(6, true, 0)},
          false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"a gap in the months is not consecutive",
         {G::kII, Fen(10000000), std::nullopt, {kLate, kLate}, {Month(3, true, 0), Month(5, true, 0)}, false},
         {},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
        {"silent but nothing past due",
         {G::kII,
          Fen(10000000),
          std::nullopt,
          {kGood, kGood},
          {Month(4, false, 0), Month(5, false, 0), Month(6, false, 0)},
          false},
         {},
         ProposalKind::kUpgrade,
         G::kI,
         std::nullopt,
         {R::kGoodPaymentsTwoQuarters}},
        {"downgrade outranks upgrade",
         {G::kII, Fen(10000000), std::nullopt, {kGood, kGood}, Silent(), false},
         {.downgrade = DowngradeAction::kGrade},
         ProposalKind::kDowngrade,
         G::kIII,
         std::nullopt,
         {R::kNoCollectionConsecutiveMonths}},
        {"grade IV: the cut alone",
         {G::kIV, Fen(10000000), std::nullopt, {kLate, kLate}, Silent(), false},
         {},
         ProposalKind::kDowngrade,
         std::nullopt,
         8000000,
         {R::kNoCollectionConsecutiveMonths, R::kBottomGrade}},
        {"grade IV, grade only: nothing",
         {G::kIV, Fen(10000000), std::nullopt, {kLate, kLate}, Silent(), false},
         {.downgrade = DowngradeAction::kGrade},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {R::kNoCollectionConsecutiveMonths, R::kBottomGrade}},
        {"the cut rounds down to a whole yuan",
         {G::kII, Fen(1234567), std::nullopt, {kLate, kLate}, Silent(), false},
         {.downgrade = DowngradeAction::kLimit},
         ProposalKind::kDowngrade,
         std::nullopt,
         987600,
         {R::kNoCollectionConsecutiveMonths}},
        {"the cut stops at the exposure",
         {G::kII, Fen(10000000), Fen(8500050), {kLate, kLate}, Silent(), false},
         {},
         ProposalKind::kDowngrade,
         G::kIII,
         8500100,
         {R::kNoCollectionConsecutiveMonths, R::kCutStopsAtExposure}},
        {"exposure at the limit leaves it",
         {G::kII, Fen(10000000), Fen(10000000), {kLate, kLate}, Silent(), false},
         {},
         ProposalKind::kDowngrade,
         G::kIII,
         std::nullopt,
         {R::kNoCollectionConsecutiveMonths, R::kCutStopsAtExposure}},
        {"a configured 50 % cut",
         {G::kIII, Fen(10000000), Fen(100), {kLate, kLate}, Silent(), false},
         {.cut_pct = 50},
         ProposalKind::kDowngrade,
         G::kIV,
         5000000,
         {R::kNoCollectionConsecutiveMonths}},
        {"three months configured",
         {G::kII, Fen(10000000), std::nullopt, {kLate, kLate}, Silent(), false},
         {.months_without_collection = 3},
         ProposalKind::kNone,
         std::nullopt,
         std::nullopt,
         {}},
    };
    for (const Case& c : cases) {
        Result<ReevaluationProposal> p = ProposeReevaluation(c.input, c.settings);
        ASSERT_TRUE(p.has_value()) << c.name << ": " << p.error().message;
        EXPECT_EQ(p->kind, c.kind) << c.name;
        EXPECT_EQ(p->new_grade, c.grade) << c.name;
        EXPECT_EQ(p->new_limit.has_value(), c.limit.has_value()) << c.name;
        if (p->new_limit && c.limit) {
            EXPECT_EQ(p->new_limit->minor(), *c.limit) << c.name;
        }
        EXPECT_EQ(p->reasons, c.reasons) << c.name;
    }
}

TEST(Reevaluation, WholeUnitsFollowTheCurrency) {
    const Currency jpy = Currency::FromCode("JPY").value();
    ReevaluationInput in{G::kI, Money(1001, jpy), std::nullopt, {kGood, kGood}, {}, false};
    EXPECT_EQ(ProposeReevaluation(in).value().new_limit, Money(1201, jpy));
    const Currency kwd = Currency::FromCode("KWD").value();
    in.limit = Money(1000999, kwd);  // 1000.999 KWD: + 20 % = 1201.1988, a whole dinar: 1201.000
    EXPECT_EQ(ProposeReevaluation(in).value().new_limit, Money(1201000, kwd));
}

TEST(Reevaluation, QuarterFromBehaviour) {
    PaymentBehaviour b(Cny());
    EXPECT_FALSE(QuarterFrom(b).anything_due);
    b.items = 2;
    b.collected_bp = 10000;
    const QuarterBehaviour q = QuarterFrom(b);
    EXPECT_TRUE(q.anything_due);
    EXPECT_TRUE(q.all_paid_on_time);
    EXPECT_FALSE(q.any_past_due);
    b.late_items = 1;
    b.open_past_due = Fen(1);
    EXPECT_FALSE(QuarterFrom(b).all_paid_on_time);
    EXPECT_TRUE(QuarterFrom(b).any_past_due);
}

TEST(Reevaluation, InvalidInputNamesTheField) {
    struct Case {
        const char* name;
        ReevaluationInput input;
        ReevaluationSettings settings;
        const char* field;
    };
    const Case cases[] = {
        {"increase 0", {}, {.max_increase_pct = 0}, "settings.max_increase_pct"},
        {"increase 101", {}, {.max_increase_pct = 101}, "settings.max_increase_pct"},
        {"cut 100", {}, {.cut_pct = 100}, "settings.cut_pct"},
        {"months 0", {}, {.months_without_collection = 0}, "settings.months_without_collection"},
        {"collected above 100 %",
         {},
         {.good_quarter_min_collected_bp = 10001},
         "settings.good_quarter_min_collected_bp"},
        {"negative limit", {G::kII, Fen(-1), std::nullopt, {}, {}, false}, {}, "limit"},
        {"exposure in another currency",
         {G::kII, Fen(1), Money(1, Currency::FromCode("USD").value()), {}, {}, false},
         {},
         "exposure"},
        {"months out of order",
         {G::kII, Fen(1), std::nullopt, {}, {Month(5, true, 0), Month(4, true, 0)}, false},
         {},
         "months[1].month"},
    };
    for (const Case& c : cases) {
        Result<ReevaluationProposal> p = ProposeReevaluation(c.input, c.settings);
        ASSERT_FALSE(p.has_value()) << c.name;
        EXPECT_EQ(p.error().fields.count(c.field), 1u) << c.name << ": " << p.error().message;
    }
}

}  // namespace
}  // namespace credo::domain
