#include "credo/domain/reports/anomaly.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Date D(const char* text) { return ParseDate(text, "d").value(); }

TEST(Anomalies, EachRuleAtItsBoundary) {
    using K = AnomalyKind;
    const Date as_of = D("2026-11-22");
    auto trade = [](std::int64_t recent, std::int64_t year_before) {
        TradeFigures f;
        f.recent_minor = recent;
        f.year_before_minor = year_before;
        f.lost_window_minor = recent;
        f.before_lost_window_minor = year_before;
        return f;
    };
    struct Case {
        const char* name;
        TradeFigures figures;
        std::vector<K> expected;
    };
    TradeFigures overdue = trade(100, 100);
    overdue.newly_overdue_items = 1;
    TradeFigures breach = trade(100, 100);
    breach.limit_minor = 1000;
    breach.exposure_minor = 1001;
    TradeFigures at_limit = breach;
    at_limit.exposure_minor = 1000;
    TradeFigures expired = trade(100, 100);
    expired.limit_minor = 1000;
    expired.report_date = D("2025-11-21");  // 366 days before
    TradeFigures current = expired;
    current.report_date = D("2025-11-22");  // exactly 365 days: still valid
    TradeFigures no_credit = expired;
    no_credit.limit_minor = std::nullopt;
    TradeFigures lost = trade(0, 5000);
    TradeFigures lost_window_only = trade(100, 0);  // bought recently, nothing in the year before: new, not lost
    lost_window_only.before_lost_window_minor = 0;
    const Case cases[] = {
        {"steady", trade(100, 100), {}},
        {"drop to exactly half", trade(50, 100), {K::kPurchaseDrop}},
        {"drop to just above half", trade(51, 100), {}},
        {"surge to exactly double", trade(200, 100), {K::kPurchaseSurge}},
        {"surge to just below double", trade(199, 100), {}},
        {"nothing a year before: neither", trade(1000, 0), {}},
        {"an item just fell overdue", overdue, {K::kNewOverdue}},
        {"one minor unit above the limit", breach, {K::kLimitBreach}},
        {"exactly at the limit", at_limit, {}},
        {"a report a day past its validity", expired, {K::kReportExpired}},
        {"a report on its last valid day", current, {}},
        {"no credit: an old report does not matter", no_credit, {}},
        {"lost: reported as lost, not as a drop", lost, {K::kLostCustomer}},
        {"new customer", lost_window_only, {}},
    };
    for (const Case& c : cases) {
        auto got = DetectAnomalies(c.figures, {}, as_of);
        ASSERT_TRUE(got.has_value()) << c.name;
        EXPECT_EQ(*got, c.expected) << c.name;
    }
}

TEST(Anomalies, SettingsChangeTheThresholdsAndAreChecked) {
    TradeFigures f;
    f.recent_minor = 70;
    f.year_before_minor = 100;
    f.lost_window_minor = 70;
    f.before_lost_window_minor = 100;
    AnomalySettings s;
    EXPECT_TRUE(DetectAnomalies(f, s, D("2026-11-22"))->empty());
    s.drop_pct = 30;
    EXPECT_EQ(*DetectAnomalies(f, s, D("2026-11-22")), std::vector<AnomalyKind>{AnomalyKind::kPurchaseDrop});
    s.min_change_minor = 101;  // neither amount reaches it: no news
    EXPECT_TRUE(DetectAnomalies(f, s, D("2026-11-22"))->empty());
    s.min_change_minor = 100;  // the year before's reaches it exactly
    EXPECT_EQ(DetectAnomalies(f, s, D("2026-11-22"))->size(), 1u);
    s.drop_pct = 0;
    auto bad = DetectAnomalies(f, s, D("2026-11-22"));
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().fields.count("settings.drop_pct"), 1u);
    EXPECT_EQ(kAnomalyKindNames.Name(AnomalyKind::kLostCustomer), "lost_customer");
}

}  // namespace
}  // namespace credo::domain
