#include "credo/domain/credit/grade.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }
Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Yuan(std::int64_t minor) { return Money(minor, Cny()); }
Settlement Pay(const char* date, std::int64_t minor) { return {Day(date), Yuan(minor), SettlementKind::kPayment}; }
ReceivableItem Invoice(const char* due, std::int64_t minor, std::vector<Settlement> settlements = {}) {
    return {AddDays(Day(due), -30), Day(due), Yuan(minor), std::move(settlements)};
}

TEST(CreditGrade, NamesAndNeighbours) {
    EXPECT_EQ(kCreditGradeNames.Name(CreditGrade::kIII), "III");
    EXPECT_EQ(kCreditGradeNames.Parse("IV", "grade").value(), CreditGrade::kIV);
    EXPECT_EQ(GradeAbove(CreditGrade::kI), std::nullopt);
    EXPECT_EQ(GradeAbove(CreditGrade::kII), CreditGrade::kI);
    EXPECT_EQ(GradeBelow(CreditGrade::kIII), CreditGrade::kIV);
    EXPECT_EQ(GradeBelow(CreditGrade::kIV), std::nullopt);
    EXPECT_EQ(kGradeReasonNames.Name(GradeReason::kCollectedRatioAtLeast80), "collected_ratio_at_least_80");
}

TEST(CreditGrade, FromBehaviourAtEveryBoundary) {
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        const char* as_of;
        CreditGrade grade;
        GradeReason reason;
    };
    const Case cases[] = {
        {"all paid by the due date",
         {Invoice("2026-01-31", 100000, {Pay("2026-01-31", 100000)})},
         "2026-06-30",
         CreditGrade::kI,
         GradeReason::kAllPaidOnTime},
        {"one day late, all collected",
         {Invoice("2026-01-31", 100000, {Pay("2026-02-01", 100000)})},
         "2026-06-30",
         CreditGrade::kII,
         GradeReason::kCollectedRatioAtLeast80},
        {"paid exactly 90 days late: not more than 90",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-01", 100000)})},
         "2026-06-30",
         CreditGrade::kII,
         GradeReason::kCollectedRatioAtLeast80},
        {"paid 91 days late",
         {Invoice("2026-01-31", 100000, {Pay("2026-05-02", 100000)})},
         "2026-06-30",
         CreditGrade::kIV,
         GradeReason::kOver90DaysPastDue},
        {"open exactly 90 days",
         {Invoice("2026-03-31", 100000)},
         "2026-06-29",
         CreditGrade::kIII,
         GradeReason::kCollectedRatioBelow80},
        {"open 91 days",
         {Invoice("2026-03-31", 100000)},
         "2026-06-30",
         CreditGrade::kIV,
         GradeReason::kOver90DaysPastDue},
        {"exactly 80 % collected",
         {Invoice("2026-06-01", 100000, {Pay("2026-06-01", 80000)})},
         "2026-06-30",
         CreditGrade::kII,
         GradeReason::kCollectedRatioAtLeast80},
        {"one cent below 80 %",
         {Invoice("2026-06-01", 100000, {Pay("2026-06-01", 79999)})},
         "2026-06-30",
         CreditGrade::kIII,
         GradeReason::kCollectedRatioBelow80},
        {"over 90 days outranks everything else",
         {Invoice("2026-01-31", 1000000, {Pay("2026-01-31", 1000000)}), Invoice("2026-02-28", 100, {})},
         "2026-06-30",
         CreditGrade::kIV,
         GradeReason::kOver90DaysPastDue},
        {"due today and unpaid is not on time",
         {Invoice("2026-06-30", 100000)},
         "2026-06-30",
         CreditGrade::kIII,
         GradeReason::kCollectedRatioBelow80},
        {"payments after as_of do not count",
         {Invoice("2026-06-15", 100000, {Pay("2026-07-01", 100000)})},
         "2026-06-30",
         CreditGrade::kIII,
         GradeReason::kCollectedRatioBelow80},
        {"an old debt still open is carried into the window",
         {Invoice("2024-12-31", 100000)},
         "2026-06-30",
         CreditGrade::kIV,
         GradeReason::kOver90DaysPastDue},
    };
    for (const Case& c : cases) {
        Result<PaymentBehaviour> b = MeasureBehaviour(c.items, Cny(), Day(c.as_of));
        ASSERT_TRUE(b.has_value()) << c.name;
        Result<GradeDecision> d = DecideGrade(*b, 95);  // the evaluation does not matter with history
        ASSERT_TRUE(d.has_value()) << c.name;
        EXPECT_EQ(d->grade, c.grade) << c.name;
        EXPECT_EQ(d->reasons, std::vector<GradeReason>{c.reason}) << c.name;
    }
}

TEST(CreditGrade, InitialFromEvaluationAtEachThreshold) {
    struct Case {
        int score;
        CreditGrade grade;
    };
    const PaymentBehaviour none = MeasureBehaviour({}, Cny(), Day("2026-06-30")).value();
    for (const Case& c : {Case{100, CreditGrade::kI}, Case{85, CreditGrade::kI}, Case{84, CreditGrade::kII},
                          Case{70, CreditGrade::kII}, Case{69, CreditGrade::kIII}, Case{55, CreditGrade::kIII},
                          Case{54, CreditGrade::kIV}, Case{0, CreditGrade::kIV}}) {
        Result<GradeDecision> d = DecideGrade(none, c.score);
        ASSERT_TRUE(d.has_value()) << c.score;
        EXPECT_EQ(d->grade, c.grade) << c.score;
        EXPECT_EQ(d->reasons, std::vector<GradeReason>{GradeReason::kInitialFromEvaluation});
    }
    // Older history, all settled before the window, leaves the window empty: the evaluation decides.
    const PaymentBehaviour old =
        MeasureBehaviour(std::vector<ReceivableItem>{Invoice("2024-01-31", 100, {Pay("2024-09-30", 100)})}, Cny(),
                         Day("2026-06-30"))
            .value();
    EXPECT_EQ(DecideGrade(old, 72).value().grade, CreditGrade::kII);
}

TEST(CreditGrade, ConfigurableThresholds) {
    const PaymentBehaviour none = MeasureBehaviour({}, Cny(), Day("2026-06-30")).value();
    const InitialGradeThresholds strict{90, 80, 60};
    struct Case {
        int score;
        CreditGrade grade;
    };
    for (const Case& c : {Case{90, CreditGrade::kI}, Case{89, CreditGrade::kII}, Case{80, CreditGrade::kII},
                          Case{79, CreditGrade::kIII}, Case{60, CreditGrade::kIII}, Case{59, CreditGrade::kIV}})
        EXPECT_EQ(DecideGrade(none, c.score, strict).value().grade, c.grade) << c.score;
    EXPECT_EQ(InitialGrade(70, {70, 70, 70}), CreditGrade::kI);
}

TEST(CreditGrade, Errors) {
    const PaymentBehaviour none = MeasureBehaviour({}, Cny(), Day("2026-06-30")).value();
    struct Case {
        const char* name;
        std::optional<int> score;
        InitialGradeThresholds thresholds;
        const char* field;
    };
    const Case cases[] = {
        {"no evaluation and no history", std::nullopt, {}, "evaluation_score"},
        {"score above 100", 101, {}, "evaluation_score"},
        {"negative score", -1, {}, "evaluation_score"},
        {"threshold above 100", 50, {101, 70, 55}, "thresholds.grade_i"},
        {"II above I", 50, {80, 81, 55}, "thresholds.grade_ii"},
        {"III above II", 50, {85, 70, 71}, "thresholds.grade_iii"},
        {"negative", 50, {85, 70, -1}, "thresholds.grade_iii"},
    };
    for (const Case& c : cases) {
        Result<GradeDecision> d = DecideGrade(none, c.score, c.thresholds);
        ASSERT_FALSE(d.has_value()) << c.name;
        EXPECT_EQ(d.error().code, Errc::kInvalidArgument) << c.name;
        EXPECT_EQ(d.error().fields.count(c.field), 1u) << c.name << ": " << d.error().message;
    }
    // With history the evaluation is not needed.
    const PaymentBehaviour some =
        MeasureBehaviour(std::vector<ReceivableItem>{Invoice("2026-01-31", 100, {Pay("2026-01-31", 100)})}, Cny(),
                         Day("2026-06-30"))
            .value();
    EXPECT_EQ(DecideGrade(some, std::nullopt).value().grade, CreditGrade::kI);
}

}  // namespace
}  // namespace credo::domain
