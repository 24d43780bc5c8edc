#include "credo/domain/customer/activity.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace credo::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using Fields = std::map<std::string, std::string>;

const Date kToday{year(2026), month(5), day(1)};

std::string Repeat(std::string_view unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
}

Activity Visit() {
    Activity a;
    a.type = ActivityType::kVisit;
    a.date = Date{year(2026), month(4), day(30)};
    a.summary = "拜访采购部，讨论二季度订单";
    a.details = "参加人：王伟、李娜\n结论：五月初报价";
    return a;
}

// Expects kInvalidArgument; returns the fields and checks the message names the (single) field.
Fields ErrorFields(const Status& s) {
    EXPECT_FALSE(s.has_value());
    if (s.has_value()) return {};
    const Error e = s.error();
    EXPECT_EQ(e.code, Errc::kInvalidArgument);
    EXPECT_EQ(e.fields.size(), 1u);
    if (!e.fields.empty()) {
        EXPECT_EQ(e.message, e.fields.begin()->first + ": " + e.fields.begin()->second);
    }
    return e.fields;
}

TEST(ValidateActivity, Valid) {
    const Status s = ValidateActivity(Visit(), kToday);
    EXPECT_TRUE(s.has_value()) << (s.has_value() ? "" : s.error().message);
    Activity a = Visit();
    a.details.clear();  // details are optional
    EXPECT_TRUE(ValidateActivity(a, kToday).has_value());
}

TEST(ValidateActivity, SummaryRequired) {
    Activity a = Visit();
    a.summary.clear();
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"summary", "is required"}}));
}

TEST(ValidateActivity, SummaryLength) {
    Activity a = Visit();
    a.summary = Repeat("访", 200);
    EXPECT_TRUE(ValidateActivity(a, kToday).has_value());
    a.summary = Repeat("访", 201);
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)),
              (Fields{{"summary", "is 201 characters; at most 200 are allowed"}}));
}

TEST(ValidateActivity, SummaryIsOneTrimmedLine) {
    Activity a = Visit();
    a.summary = "line one\nline two";
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"summary", "contains a control character"}}));
    a.summary = " call";
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"summary", "must not begin or end with a space"}}));
}

TEST(ValidateActivity, DetailsLength) {
    Activity a = Visit();
    a.details = Repeat("详", 4000);
    EXPECT_TRUE(ValidateActivity(a, kToday).has_value());
    a.details = Repeat("详", 4001);
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)),
              (Fields{{"details", "is 4001 characters; at most 4000 are allowed"}}));
    a.details = "bad\007bell";
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"details", "contains a control character"}}));
}

TEST(ValidateActivity, DateNotInTheFuture) {
    Activity a = Visit();
    a.date = kToday;
    EXPECT_TRUE(ValidateActivity(a, kToday).has_value());
    a.date = Date{year(1990), month(1), day(1)};
    EXPECT_TRUE(ValidateActivity(a, kToday).has_value());
    a.date = Date{year(2026), month(5), day(2)};
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"date", "2026-05-02 is in the future"}}));
    a.date = Date{year(2027), month(1), day(1)};
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"date", "2027-01-01 is in the future"}}));
}

TEST(ValidateActivity, DateRequired) {
    Activity a = Visit();
    a.date = Date{};
    EXPECT_EQ(ErrorFields(ValidateActivity(a, kToday)), (Fields{{"date", "is required"}}));
}

TEST(ActivityTypeNames, ParseAndName) {
    EXPECT_EQ(kActivityTypeNames.Name(ActivityType::kQualityFeedback), "quality_feedback");
    EXPECT_EQ(kActivityTypeNames.Parse("technical_requirement", "type").value(), ActivityType::kTechnicalRequirement);
    const auto bad = kActivityTypeNames.Parse("meeting", "type");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().fields.at("type"),
              "\"meeting\" is not one of visit, call, quality_feedback, technical_requirement, delivery, service, "
              "greeting, note");
}

}  // namespace
}  // namespace credo::domain
