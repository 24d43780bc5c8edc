// Seed s002 (the valve maker's case): customers graded 甲乙丙丁 (I–IV) from their payments, each grade's
// policy, and what happens to the next order. The seed's 丁 customer — a chemical group that bought over
// 3,000,000 yuan in a year but left a debt unpaid for more than three months — was refused supply the next
// year; the 550,000 yuan contract recovered only through the courts still marks a customer IV.
#include <gtest/gtest.h>

#include <ostream>

#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/credit/evaluation.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/credit/order_check.hpp"
#include "credo/domain/credit/policy.hpp"
#include "credo/domain/credit/score.hpp"

namespace credo::domain {
namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }
Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Yuan(std::int64_t units) { return Money(units * 100, Cny()); }
ReceivableItem Invoice(const char* due, std::int64_t yuan, std::vector<std::pair<const char*, std::int64_t>> paid) {
    ReceivableItem item{AddDays(Day(due), -60), Day(due), Yuan(yuan), {}};
    for (const auto& [date, amount] : paid) item.settlements.push_back({Day(date), Yuan(amount)});
    return item;
}

TEST(CreditSeed002, FourCustomersFourGradesFourPolicies) {
    const Date as_of = Day("2017-12-31");
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        CreditGrade grade;
        std::vector<HoldReason> on_credit;  // an order of 100,000 on credit
        std::vector<HoldReason> prepaid;    // the same order fully prepaid
    };
    const Case cases[] = {
        {"甲: pays every contract in full, on time",
         {Invoice("2017-03-31", 300000, {{"2017-03-31", 300000}}),
          Invoice("2017-06-30", 300000, {{"2017-06-28", 300000}}),
          Invoice("2017-09-30", 300000, {{"2017-09-30", 300000}}),
          Invoice("2017-12-31", 300000, {{"2017-12-29", 300000}})},
         CreditGrade::kI,
         {},
         {}},
        {"乙: late by weeks, everything collected",
         {Invoice("2017-06-30", 250000, {{"2017-07-20", 250000}}),
          Invoice("2017-09-30", 250000, {{"2017-10-25", 250000}})},
         CreditGrade::kII,
         {},
         {}},
        {"丙: half collected, the rest two months late",
         {Invoice("2017-09-30", 200000, {{"2017-09-30", 200000}}), Invoice("2017-10-31", 200000, {})},
         CreditGrade::kIII,
         {HoldReason::kPrepaymentRequired, HoldReason::kOverdueItems},
         {}},
        {"丁: the chemical group, 800,000 unpaid since September",
         {Invoice("2017-03-31", 800000, {{"2017-03-31", 800000}}),
          Invoice("2017-06-30", 800000, {{"2017-06-30", 800000}}),
          Invoice("2017-08-31", 800000, {{"2017-09-05", 800000}}), Invoice("2017-09-30", 800000, {})},
         CreditGrade::kIV,
         {HoldReason::kPrepaymentRequired, HoldReason::kOverdueItems, HoldReason::kPhaseOut},
         {HoldReason::kPhaseOut}},
        {"丁: the 550,000 contract recovered through the courts",
         {Invoice("2017-03-31", 550000, {{"2017-06-30", 50000}, {"2017-11-15", 500000}})},
         CreditGrade::kIV,
         {HoldReason::kPrepaymentRequired, HoldReason::kPhaseOut},
         {HoldReason::kPhaseOut}},
    };
    const CreditPolicies policies = DefaultCreditPolicies();
    for (const Case& c : cases) {
        const PaymentBehaviour b = MeasureBehaviour(c.items, Cny(), as_of).value();
        const GradeDecision grade = DecideGrade(b, std::nullopt).value();
        EXPECT_EQ(grade.grade, c.grade) << c.name;

        CreditAccountState account{.limit = Yuan(2000000),
                                   .limit_valid_from = Day("2017-01-01"),
                                   .limit_valid_until = Day("2018-12-31"),
                                   .exceptions = {},
                                   .exposure = b.open_past_due};
        account.grade = grade.grade;
        account.policy = policies.For(grade.grade);
        const Date order_date = Day("2018-01-10");  // ten days after as_of: open items are ten days older
        account.open_days_past_due = b.open_past_due.minor() > 0 ? b.open_days_past_due + 10 : 0;
        const OrderCheck credit = CheckOrder(account, {Yuan(100000), Yuan(0)}, order_date).value();
        EXPECT_EQ(credit.reasons, c.on_credit) << c.name;
        const OrderCheck prepaid = CheckOrder(account, {Yuan(100000), Yuan(100000)}, order_date).value();
        EXPECT_EQ(prepaid.reasons, c.prepaid) << c.name;
    }
}

TEST(CreditSeed002, TheChemicalGroupInNumbers) {
    const std::vector<ReceivableItem> items{Invoice("2017-03-31", 800000, {{"2017-03-31", 800000}}),
                                            Invoice("2017-06-30", 800000, {{"2017-06-30", 800000}}),
                                            Invoice("2017-08-31", 800000, {{"2017-09-05", 800000}}),
                                            Invoice("2017-09-30", 800000, {})};
    const PaymentBehaviour b = MeasureBehaviour(items, Cny(), Day("2017-12-31")).value();
    EXPECT_EQ(b.amount_due, Yuan(3200000));
    EXPECT_EQ(b.amount_collected, Yuan(2400000));
    EXPECT_EQ(b.collected_bp, 7500);
    EXPECT_EQ(b.on_time_bp, 5000);
    EXPECT_EQ(b.max_days_past_due, 92);
    EXPECT_EQ(b.average_days_past_due, 24);  // (5 × 800,000 + 92 × 800,000) ÷ 3,200,000 = 24.25
    EXPECT_TRUE(b.over_90_days_past_due);
    EXPECT_EQ(b.months_without_collection, 3);  // October, November, December
    EXPECT_EQ(DecideGrade(b, std::nullopt).value().reasons, std::vector<GradeReason>{GradeReason::kOver90DaysPastDue});

    // A long-standing customer, well evaluated (CE-1): 8,8,7,7,8,8,7,7 → 75.
    const int evaluation = EvaluationScore({8, 8, 7, 7, 8, 8, 7, 7}).value();
    EXPECT_EQ(evaluation, 75);
    const CreditScore score = ComputeCreditScore(evaluation, b).value();
    // evaluation 40 × 25 % = 10, uncollected 25 × 25 % = 6.25 → 6, late 15 × 50 % = 7.5 → 8, over 90 days 12,
    // three silent months (capped at two) 8.
    EXPECT_EQ(score.score, 100 - 10 - 6 - 8 - 12 - 8);
    ASSERT_EQ(score.reasons.size(), 5u);
    EXPECT_EQ(score.reasons[0].code, ScoreReasonCode::kDaysPastDue);
    EXPECT_EQ(score.reasons[1].code, ScoreReasonCode::kEvaluationScore);
}

}  // namespace
}  // namespace credo::domain
