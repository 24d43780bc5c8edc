#include "credo/analytics/delay.hpp"

#include <gtest/gtest.h>

#include <random>

#include "credo/analytics/auc.hpp"

namespace credo::analytics {
namespace {

using domain::ReceivableItem;
using domain::Settlement;
using domain::SettlementKind;

Date D(const char* text) { return ParseDate(text, "date").value(); }
const Currency kCny = Currency::FromCode("CNY").value();

ReceivableItem Item(const char* due, std::int64_t amount, std::vector<Settlement> settlements = {}) {
    const Date d = D(due);
    return ReceivableItem{AddDays(d, -30), d, Money(amount, kCny), std::move(settlements)};
}
Settlement Paid(const char* day, std::int64_t amount, SettlementKind kind = SettlementKind::kPayment) {
    return Settlement{D(day), Money(amount, kCny), kind};
}

TEST(PaidLateAfter, FollowsTheThirtyDayRuleAtItsBoundaries) {
    const Date t = D("2024-03-31");  // the quarter after it: 1 April … 30 June
    const Date observed = D("2024-12-31");
    struct Case {
        const char* name;
        std::vector<ReceivableItem> items;
        std::optional<bool> late;
    } cases[] = {
        {"nothing due in the quarter", {Item("2024-03-31", 100), Item("2024-07-01", 100)}, std::nullopt},
        {"paid on the due date", {Item("2024-04-10", 100, {Paid("2024-04-10", 100)})}, false},
        {"paid exactly 30 days late", {Item("2024-04-10", 100, {Paid("2024-05-10", 100)})}, false},
        {"paid 31 days late", {Item("2024-04-10", 100, {Paid("2024-05-11", 100)})}, true},
        {"still open", {Item("2024-06-30", 100)}, true},
        {"part paid in time, the rest late",
         {Item("2024-04-10", 100, {Paid("2024-04-10", 85), Paid("2024-06-20", 15)})},
         true},
        {"a credit note settles it",
         {Item("2024-04-01", 100, {Paid("2024-04-20", 100, SettlementKind::kCreditNote)})},
         false},
        {"a write-off is not a payment",
         {Item("2024-04-01", 100, {Paid("2024-04-20", 100, SettlementKind::kWriteOff)})},
         true},
        {"one late among punctual ones",
         {Item("2024-04-10", 100, {Paid("2024-04-01", 100)}), Item("2024-05-10", 100, {Paid("2024-07-01", 100)})},
         true},
    };
    ASSERT_TRUE(LabelKnown(t, observed));
    for (const auto& c : cases) EXPECT_EQ(PaidLateAfter(c.items, t, observed), c.late) << c.name;
}

TEST(PaidLateAfter, IgnoresPaymentsAfterTheObservationDate) {
    const std::vector<ReceivableItem> items{Item("2024-04-10", 100, {Paid("2024-05-01", 100)})};
    EXPECT_EQ(PaidLateAfter(items, D("2024-03-31"), D("2024-04-30")), true);
    EXPECT_EQ(PaidLateAfter(items, D("2024-03-31"), D("2024-08-30")), false);
}

TEST(LabelKnown, NeedsTheQuarterAndThirtyDaysBehind) {
    EXPECT_FALSE(LabelKnown(D("2024-03-31"), D("2024-07-29")));
    EXPECT_TRUE(LabelKnown(D("2024-03-31"), D("2024-07-30")));  // 30 June + 30 days
}

TEST(QuarterEnds, ListsTheQuarterEndsInTheRange) {
    EXPECT_EQ(QuarterEnds(D("2023-11-15"), D("2024-09-29")),
              (std::vector<Date>{D("2023-12-31"), D("2024-03-31"), D("2024-06-30")}));
    EXPECT_EQ(QuarterEnds(D("2024-03-31"), D("2024-03-31")), (std::vector<Date>{D("2024-03-31")}));
    EXPECT_TRUE(QuarterEnds(D("2024-04-01"), D("2024-06-29")).empty());
}

// Customers who always pay 50 days late and customers who always pay early, invoiced monthly for two
// years: the model tells them apart on the held-out quarters.
std::vector<std::vector<ReceivableItem>> SeparableLedger(int customers, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::vector<ReceivableItem>> out(static_cast<std::size_t>(customers));
    const Date start = D("2023-01-05");
    for (int c = 0; c < customers; ++c) {
        const bool late = c % 3 == 0;
        for (int m = 0; m < 24; ++m) {
            const Date issue = AddDays(AddMonths(start, m), static_cast<int>(rng() % 10));
            const Date due = AddDays(issue, 30);
            const std::int64_t amount = 10000 + static_cast<std::int64_t>(rng() % 90000);
            const Date paid = AddDays(due, late ? 45 + static_cast<int>(rng() % 20) : -static_cast<int>(rng() % 5));
            out[static_cast<std::size_t>(c)].push_back(
                ReceivableItem{issue, due, Money(amount, kCny), {Settlement{paid, Money(amount, kCny), {}}}});
        }
    }
    return out;
}

TEST(TrainDelayModel, SeparatesLatePayersAndIsReproducible) {
    const auto ledger = SeparableLedger(60, 7);
    auto examples = BuildDelayExamples(ledger, kCny, D("2025-03-01"));
    ASSERT_TRUE(examples) << examples.error().message;
    ASSERT_FALSE(examples->empty());
    for (std::size_t i = 1; i < examples->size(); ++i)
        ASSERT_LE((*examples)[i - 1].quarter_end, (*examples)[i].quarter_end);
    auto trained = TrainDelayModel(*examples, 42);
    ASSERT_TRUE(trained) << trained.error().message;
    EXPECT_GT(trained->auc, 0.9);
    EXPECT_GT(trained->train_examples, trained->test_examples);
    EXPECT_LT(trained->last_train_quarter, trained->last_quarter);

    auto again = TrainDelayModel(*examples, 42);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->auc, trained->auc);
    EXPECT_EQ(again->model->Save().value(), trained->model->Save().value());

    // A saved model predicts as the original does.
    auto loaded = DelayModel::Load(trained->model->Save().value());
    ASSERT_TRUE(loaded) << loaded.error().message;
    std::vector<DelayFeatureVector> rows;
    for (const auto& e : *examples) rows.push_back(e.features);
    EXPECT_EQ(loaded->Predict(rows).value(), trained->model->Predict(rows).value());
}

TEST(TrainDelayModel, SaysWhyWhenHistoryIsTooShort) {
    auto ledger = SeparableLedger(60, 7);
    // Four months of history: at most one quarter with a known outcome.
    auto short_examples = BuildDelayExamples(ledger, kCny, D("2023-05-31"));
    ASSERT_TRUE(short_examples);
    auto r = TrainDelayModel(*short_examples, 1);
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().fields.contains("as_of"));

    // Nobody late: no positive examples to learn from.
    for (std::size_t c = 0; c < ledger.size(); c += 3) ledger[c].clear();
    auto punctual = BuildDelayExamples(ledger, kCny, D("2025-03-01"));
    ASSERT_TRUE(punctual);
    r = TrainDelayModel(*punctual, 1);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().fields.at("as_of").find("0 late payers"), std::string::npos) << r.error().fields.at("as_of");

    EXPECT_FALSE(DelayModel::Load("not a model"));
}

}  // namespace
}  // namespace credo::analytics
