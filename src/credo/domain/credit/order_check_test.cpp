#include "credo/domain/credit/order_check.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>

namespace credo::domain {

void PrintTo(HoldReason r, std::ostream* os) { *os << kHoldReasonNames.Name(r); }

namespace {

Date Day(const char* text) { return ParseDate(text, "d").value(); }
Currency Cny() { return Currency::FromCode("CNY").value(); }
Money Yuan(std::int64_t units) { return Money(units * 100, Cny()); }

// Grade II, limit 100,000.00 for 2026, exposure 60,000.00, a report of 2026-06-01 valid 365 days.
CreditAccountState Account() {
    CreditAccountState a{.limit = Yuan(100000),
                         .limit_valid_from = Day("2026-01-01"),
                         .limit_valid_until = Day("2026-12-31"),
                         .exceptions = {},
                         .exposure = Yuan(60000)};
    a.grade = CreditGrade::kII;
    a.policy = DefaultCreditPolicies().For(CreditGrade::kII);
    a.credit_report_date = Day("2026-06-01");
    a.report_validity_days = 365;
    return a;
}

void Grade(CreditAccountState& a, CreditGrade g) {
    a.grade = g;
    a.policy = DefaultCreditPolicies().For(g);
}

using H = HoldReason;

TEST(OrderCheck, ReasonsAtEveryBoundary) {
    struct Case {
        const char* name;
        std::function<void(CreditAccountState&)> change;
        std::int64_t order, prepayment;
        const char* date;
        std::vector<HoldReason> reasons;
    };
    const Case cases[] = {
        {"within the limit", [](CreditAccountState&) {}, 30000, 0, "2026-06-30", {}},
        {"exactly the limit", [](CreditAccountState&) {}, 40000, 0, "2026-06-30", {}},
        {"one unit over", [](CreditAccountState&) {}, 40001, 0, "2026-06-30", {H::kOverLimit}},
        {"the prepaid part needs no credit", [](CreditAccountState&) {}, 50000, 10000, "2026-06-30", {}},
        {"prepayment above the order counts as full", [](CreditAccountState&) {}, 50000, 70000, "2026-06-30", {}},
        {"an active exception raises the limit",
         [](CreditAccountState& a) {
             a.exceptions.push_back({Yuan(5000), Day("2026-06-01"), Day("2026-06-30")});
         },
         45000,
         0,
         "2026-06-15",
         {}},
        {"on its last day, still active",
         [](CreditAccountState& a) {
             a.exceptions.push_back({Yuan(5000), Day("2026-06-01"), Day("2026-06-30")});
         },
         45000,
         0,
         "2026-06-30",
         {}},
        {"the day after it ends the normal limit applies",
         [](CreditAccountState& a) {
             a.exceptions.push_back({Yuan(5000), Day("2026-06-01"), Day("2026-06-30")});
         },
         45000,
         0,
         "2026-07-01",
         {H::kOverLimit}},
        {"before it starts",
         [](CreditAccountState& a) {
             a.exceptions.push_back({Yuan(5000), Day("2026-06-01"), Day("2026-06-30")});
         },
         45000,
         0,
         "2026-05-31",
         {H::kOverLimit}},
        {"the limit's last day", [](CreditAccountState&) {}, 1000, 0, "2026-12-31", {}},
        {"the day after it", [](CreditAccountState&) {}, 1000, 0, "2027-01-01", {H::kLimitExpired}},
        {"before valid_from", [](CreditAccountState&) {}, 1000, 0, "2025-12-31", {H::kLimitExpired}},
        {"no limit at all",
         [](CreditAccountState& a) { a.limit.reset(); },
         1000,
         0,
         "2026-06-30",
         {H::kOverLimit, H::kLimitExpired}},
        {"no limit, fully prepaid", [](CreditAccountState& a) { a.limit.reset(); }, 1000, 1000, "2026-06-30", {}},
        {"report on its last valid day",
         [](CreditAccountState& a) {
             a.credit_report_date = Day("2026-01-15");
             a.report_validity_days = 180;
         },
         1000,
         0,
         "2026-07-14",
         {}},
        {"report a day too old",
         [](CreditAccountState& a) {
             a.credit_report_date = Day("2026-01-15");
             a.report_validity_days = 180;
         },
         1000,
         0,
         "2026-07-15",
         {H::kReportStale}},
        {"no report where one is required",
         [](CreditAccountState& a) { a.credit_report_date.reset(); },
         1000,
         0,
         "2026-06-30",
         {H::kReportStale}},
        {"reports not checked",
         [](CreditAccountState& a) { a.report_validity_days.reset(); },
         1000,
         0,
         "2027-06-30",
         {H::kLimitExpired}},
        {"an overdue item",
         [](CreditAccountState& a) { a.open_days_past_due = 1; },
         1000,
         0,
         "2026-06-30",
         {H::kOverdueItems}},
        {"within the tolerance",
         [](CreditAccountState& a) {
             a.open_days_past_due = 5;
             a.overdue_tolerance_days = 5;
         },
         1000,
         0,
         "2026-06-30",
         {}},
        {"beyond the tolerance",
         [](CreditAccountState& a) {
             a.open_days_past_due = 6;
             a.overdue_tolerance_days = 5;
         },
         1000,
         0,
         "2026-06-30",
         {H::kOverdueItems}},
        {"customer on hold",
         [](CreditAccountState& a) { a.on_hold = true; },
         1000,
         0,
         "2026-06-30",
         {H::kCustomerOnHold}},
        {"on hold holds a prepaid order too",
         [](CreditAccountState& a) { a.on_hold = true; },
         1000,
         1000,
         "2026-06-30",
         {H::kCustomerOnHold}},
        {"grade I", [](CreditAccountState& a) { Grade(a, CreditGrade::kI); }, 1000, 0, "2026-06-30", {}},
        {"grade III without prepayment",
         [](CreditAccountState& a) { Grade(a, CreditGrade::kIII); },
         1000,
         0,
         "2026-06-30",
         {H::kPrepaymentRequired}},
        {"grade III partly prepaid",
         [](CreditAccountState& a) { Grade(a, CreditGrade::kIII); },
         1000,
         999,
         "2026-06-30",
         {H::kPrepaymentRequired}},
        {"grade III fully prepaid",
         [](CreditAccountState& a) { Grade(a, CreditGrade::kIII); },
         1000,
         1000,
         "2026-06-30",
         {}},
        {"grade IV without prepayment",
         [](CreditAccountState& a) { Grade(a, CreditGrade::kIV); },
         1000,
         0,
         "2026-06-30",
         {H::kPrepaymentRequired, H::kPhaseOut}},
        {"grade IV fully prepaid is held for review",
         [](CreditAccountState& a) { Grade(a, CreditGrade::kIV); },
         1000,
         1000,
         "2026-06-30",
         {H::kPhaseOut}},
        {"a fully prepaid order skips the credit guards",
         [](CreditAccountState& a) {
             a.open_days_past_due = 40;
             a.credit_report_date.reset();
             a.exposure = Yuan(150000);
         },
         1000,
         1000,
         "2027-03-01",
         {}},
        {"all seven at once",
         [](CreditAccountState& a) {
             Grade(a, CreditGrade::kIV);
             a.open_days_past_due = 100;
             a.on_hold = true;
             a.credit_report_date.reset();
         },
         50000,
         0,
         "2027-03-01",
         {H::kOverLimit, H::kPrepaymentRequired, H::kOverdueItems, H::kLimitExpired, H::kReportStale,
          H::kCustomerOnHold, H::kPhaseOut}},
        {"already over the limit",
         [](CreditAccountState& a) { a.exposure = Yuan(100001); },
         1,
         0,
         "2026-06-30",
         {H::kOverLimit}},
        {"a credit balance adds room",
         [](CreditAccountState& a) { a.exposure = Yuan(-5000); },
         105000,
         0,
         "2026-06-30",
         {}},
    };
    for (const Case& c : cases) {
        CreditAccountState a = Account();
        c.change(a);
        Result<OrderCheck> r = CheckOrder(a, {Yuan(c.order), Yuan(c.prepayment)}, Day(c.date));
        ASSERT_TRUE(r.has_value()) << c.name << ": " << r.error().message;
        EXPECT_EQ(r->reasons, c.reasons) << c.name;
        EXPECT_EQ(r->Approved(), c.reasons.empty()) << c.name;
        EXPECT_EQ(r->new_exposure.has_value(), c.reasons.empty()) << c.name;
    }
}

TEST(OrderCheck, ApprovalCarriesTheNewExposure) {
    CreditAccountState a = Account();
    a.exceptions.push_back({Yuan(5000), Day("2026-06-01"), Day("2026-06-30")});
    a.exceptions.push_back({Yuan(7000), Day("2026-07-01"), Day("2026-07-31")});  // not active yet
    Result<OrderCheck> r = CheckOrder(a, {Yuan(30000), Yuan(2000)}, Day("2026-06-15"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->outcome, OrderCheckOutcome::kApproved);
    EXPECT_EQ(r->credit_part, Yuan(28000));
    EXPECT_EQ(r->effective_limit, Yuan(105000));
    EXPECT_EQ(r->available, Yuan(45000));
    EXPECT_EQ(r->new_exposure, Yuan(88000));
    EXPECT_EQ(kOrderCheckOutcomeNames.Name(r->outcome), "approved");

    Result<OrderCheck> held = CheckOrder(a, {Yuan(50000), Yuan(0)}, Day("2026-06-15"));
    ASSERT_TRUE(held.has_value());
    EXPECT_EQ(kOrderCheckOutcomeNames.Name(held->outcome), "credit_hold");
    EXPECT_EQ(held->new_exposure, std::nullopt);
    EXPECT_EQ(held->available, Yuan(45000));
}

TEST(OrderCheck, ReasonNamesAreTheSpecs) {
    EXPECT_EQ(kHoldReasonNames.Accepted(),
              "over_limit, prepayment_required, overdue_items, limit_expired, report_stale, customer_on_hold, "
              "phase_out");
}

TEST(OrderCheck, InvalidInputNamesTheField) {
    const Currency usd = Currency::FromCode("USD").value();
    struct Case {
        const char* name;
        std::function<void(CreditAccountState&, OrderRequest&)> change;
        const char* field;
    };
    const Case cases[] = {
        {"zero order", [](CreditAccountState&, OrderRequest& o) { o.amount = Yuan(0); }, "order.amount"},
        {"negative prepayment", [](CreditAccountState&, OrderRequest& o) { o.prepayment = Yuan(-1); },
         "order.prepayment"},
        {"order in another currency", [&](CreditAccountState&, OrderRequest& o) { o.amount = Money(100, usd); },
         "order.amount"},
        {"exposure in another currency", [&](CreditAccountState& a, OrderRequest&) { a.exposure = Money(100, usd); },
         "exposure"},
        {"negative limit", [](CreditAccountState& a, OrderRequest&) { a.limit = Yuan(-1); }, "limit"},
        {"limit ends before it starts",
         [](CreditAccountState& a, OrderRequest&) { a.limit_valid_until = Day("2025-12-31"); }, "limit_valid_until"},
        {"limit without dates", [](CreditAccountState& a, OrderRequest&) { a.limit_valid_from = Date{}; },
         "limit_valid_from"},
        {"exception ends before it starts",
         [](CreditAccountState& a, OrderRequest&) {
             a.exceptions.push_back({Yuan(1), Day("2026-06-02"), Day("2026-06-01")});
         },
         "exceptions[0].end"},
        {"negative exception",
         [](CreditAccountState& a, OrderRequest&) {
             a.exceptions.push_back({Yuan(-1), Day("2026-06-01"), Day("2026-06-01")});
         },
         "exceptions[0].amount"},
        {"negative tolerance", [](CreditAccountState& a, OrderRequest&) { a.overdue_tolerance_days = -1; },
         "overdue_tolerance_days"},
    };
    for (const Case& c : cases) {
        CreditAccountState a = Account();
        OrderRequest o{Yuan(100), Yuan(0)};
        c.change(a, o);
        Result<OrderCheck> r = CheckOrder(a, o, Day("2026-06-30"));
        ASSERT_FALSE(r.has_value()) << c.name;
        EXPECT_EQ(r.error().code, Errc::kInvalidArgument) << c.name;
        EXPECT_EQ(r.error().fields.count(c.field), 1u) << c.name << ": " << r.error().message;
    }
}

}  // namespace
}  // namespace credo::domain
