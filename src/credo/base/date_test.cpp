#include "credo/base/date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

namespace credo {
namespace {

using namespace std::chrono_literals;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year(y), month(m), day(d)}; }

Timestamp Utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0, int ms = 0) {
    return Timestamp(std::chrono::sys_days(D(y, m, d))) + std::chrono::hours(hh) + std::chrono::minutes(mm) +
           std::chrono::seconds(ss) + std::chrono::milliseconds(ms);
}

// Expects kInvalidArgument naming `field`; returns the field's problem text.
template <class T>
std::string Problem(const Result<T>& r, const std::string& field) {
    EXPECT_FALSE(r.has_value());
    if (r.has_value()) return "";
    EXPECT_EQ(r.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(r.error().fields.count(field), 1u);
    return r.error().fields.count(field) ? r.error().fields.at(field) : "";
}

TEST(DateTest, ParsesValidDates) {
    struct Case {
        std::string_view text;
        Date date;
    };
    for (const Case& c :
         {Case{"2024-01-01", D(2024, 1, 1)}, Case{"2024-02-29", D(2024, 2, 29)}, Case{"2000-02-29", D(2000, 2, 29)},
          Case{"1900-01-01", D(1900, 1, 1)}, Case{"9999-12-31", D(9999, 12, 31)}, Case{"2026-11-22", D(2026, 11, 22)},
          Case{"2023-12-31", D(2023, 12, 31)}, Case{"2023-04-30", D(2023, 4, 30)}}) {
        Result<Date> d = ParseDate(c.text, "due_date");
        ASSERT_TRUE(d.has_value()) << c.text;
        EXPECT_EQ(*d, c.date) << c.text;
    }
}

TEST(DateTest, RejectsMalformedText) {
    for (std::string_view text : {"2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01T00:00", "2024-01-01 ",
                                  " 2024-01-01", "", "2024-01", "20240101", "2024-0a-01", "+024-01-01", "-024-01-01",
                                  "2024-01-+1", "2024_01-01", "２０２４-01-01", "2024-01-01Z", "10000-01-01"}) {
        EXPECT_EQ(Problem(ParseDate(text, "due_date"), "due_date"),
                  "\"" + std::string(text) + "\" must be a date YYYY-MM-DD")
            << text;
    }
}

TEST(DateTest, RejectsDatesThatDoNotExist) {
    for (std::string_view text : {"2023-02-29", "1900-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
                                  "2024-04-31", "2024-01-32", "2024-99-99"}) {
        EXPECT_EQ(Problem(ParseDate(text, "due_date"), "due_date"),
                  "\"" + std::string(text) + "\" is not a calendar date")
            << text;
    }
}

TEST(DateTest, RejectsYearsOutsideRange) {
    for (std::string_view text : {"1899-12-31", "0000-01-01", "0999-06-15"}) {
        EXPECT_EQ(Problem(ParseDate(text, "due_date"), "due_date"),
                  "\"" + std::string(text) + "\" must be a date between 1900-01-01 and 9999-12-31")
            << text;
    }
}

TEST(DateTest, ErrorMessageNamesTheField) {
    Result<Date> d = ParseDate("tomorrow", "invoices[3].due_date");
    ASSERT_FALSE(d.has_value());
    EXPECT_EQ(d.error().message, "invoices[3].due_date: \"tomorrow\" must be a date YYYY-MM-DD");
}

TEST(DateTest, FormatsWithZeroPadding) {
    EXPECT_EQ(FormatDate(D(2024, 1, 5)), "2024-01-05");
    EXPECT_EQ(FormatDate(D(1900, 1, 1)), "1900-01-01");
    EXPECT_EQ(FormatDate(D(9999, 12, 31)), "9999-12-31");
    EXPECT_EQ(FormatDate(D(2026, 11, 22)), "2026-11-22");
}

TEST(DateTest, FormatParseRoundTrip) {
    for (Date d = D(1999, 12, 1); d < D(2001, 3, 1); d = AddDays(d, 1)) {
        Result<Date> back = ParseDate(FormatDate(d), "d");
        ASSERT_TRUE(back.has_value()) << FormatDate(d);
        EXPECT_EQ(*back, d);
    }
}

TEST(DateTest, AddDaysCrossesMonthsYearsAndLeapDays) {
    EXPECT_EQ(AddDays(D(2024, 2, 28), 1), D(2024, 2, 29));
    EXPECT_EQ(AddDays(D(2023, 2, 28), 1), D(2023, 3, 1));
    EXPECT_EQ(AddDays(D(2024, 12, 31), 1), D(2025, 1, 1));
    EXPECT_EQ(AddDays(D(2024, 1, 1), 0), D(2024, 1, 1));
    EXPECT_EQ(AddDays(D(2024, 1, 1), -1), D(2023, 12, 31));
    EXPECT_EQ(AddDays(D(2024, 3, 1), -1), D(2024, 2, 29));
    EXPECT_EQ(AddDays(D(2024, 1, 1), 366), D(2025, 1, 1));
    EXPECT_EQ(AddDays(D(2024, 1, 1), -365), D(2023, 1, 1));
    EXPECT_EQ(AddDays(D(1970, 1, 1), -1), D(1969, 12, 31));
}

TEST(DateTest, AddMonthsClampsToTheEndOfTheMonth) {
    EXPECT_EQ(AddMonths(D(2024, 1, 31), 1), D(2024, 2, 29));
    EXPECT_EQ(AddMonths(D(2023, 1, 31), 1), D(2023, 2, 28));
    EXPECT_EQ(AddMonths(D(2024, 3, 31), 1), D(2024, 4, 30));
    EXPECT_EQ(AddMonths(D(2024, 2, 29), 12), D(2025, 2, 28));
    EXPECT_EQ(AddMonths(D(2024, 2, 29), 48), D(2028, 2, 29));
    EXPECT_EQ(AddMonths(D(2024, 1, 15), 1), D(2024, 2, 15));
    EXPECT_EQ(AddMonths(D(2024, 1, 31), 0), D(2024, 1, 31));
}

TEST(DateTest, AddMonthsCrossesYearsBothWays) {
    EXPECT_EQ(AddMonths(D(2024, 11, 30), 3), D(2025, 2, 28));
    EXPECT_EQ(AddMonths(D(2024, 12, 15), 1), D(2025, 1, 15));
    EXPECT_EQ(AddMonths(D(2024, 1, 15), -1), D(2023, 12, 15));
    EXPECT_EQ(AddMonths(D(2024, 3, 31), -1), D(2024, 2, 29));
    EXPECT_EQ(AddMonths(D(2024, 5, 31), -3), D(2024, 2, 29));
    EXPECT_EQ(AddMonths(D(2024, 1, 31), -13), D(2022, 12, 31));
    EXPECT_EQ(AddMonths(D(2024, 6, 30), -24), D(2022, 6, 30));
}

TEST(DateTest, DaysBetweenIsSignedAndLeapAware) {
    EXPECT_EQ(DaysBetween(D(2024, 1, 1), D(2024, 1, 1)), 0);
    EXPECT_EQ(DaysBetween(D(2024, 1, 1), D(2024, 1, 31)), 30);
    EXPECT_EQ(DaysBetween(D(2024, 1, 31), D(2024, 1, 1)), -30);
    EXPECT_EQ(DaysBetween(D(2024, 1, 1), D(2025, 1, 1)), 366);
    EXPECT_EQ(DaysBetween(D(2023, 1, 1), D(2024, 1, 1)), 365);
    EXPECT_EQ(DaysBetween(D(2024, 2, 28), D(2024, 3, 1)), 2);
    EXPECT_EQ(DaysBetween(D(1900, 1, 1), D(9999, 12, 31)), 2958463);
    EXPECT_EQ(DaysBetween(D(9999, 12, 31), D(1900, 1, 1)), -2958463);
}

TEST(DateTest, DaysBetweenInvertsAddDays) {
    for (int n : {-1000, -366, -1, 0, 1, 59, 365, 10000}) {
        EXPECT_EQ(DaysBetween(D(2024, 2, 29), AddDays(D(2024, 2, 29), n)), n);
    }
}

TEST(DateTest, StartAndEndOfDayAreUtcMidnights) {
    EXPECT_EQ(StartOfDay(D(1970, 1, 1)).time_since_epoch().count(), 0);
    EXPECT_EQ(StartOfDay(D(2026, 11, 22)), Utc(2026, 11, 22));
    EXPECT_EQ(EndOfDay(D(2026, 11, 22)), Utc(2026, 11, 23));
    EXPECT_EQ(EndOfDay(D(2024, 2, 28)), StartOfDay(D(2024, 2, 29)));
    EXPECT_EQ(EndOfDay(D(2024, 12, 31)), StartOfDay(D(2025, 1, 1)));
    EXPECT_EQ(EndOfDay(D(2026, 11, 22)) - StartOfDay(D(2026, 11, 22)), std::chrono::hours(24));
    EXPECT_EQ(StartOfDay(D(1969, 12, 31)).time_since_epoch(), -std::chrono::hours(24));
}

TEST(DateTest, DateOfTakesTheUtcDate) {
    EXPECT_EQ(DateOf(Utc(2026, 11, 22)), D(2026, 11, 22));
    EXPECT_EQ(DateOf(Utc(2026, 11, 22, 23, 59, 59, 999)), D(2026, 11, 22));
    EXPECT_EQ(DateOf(EndOfDay(D(2026, 11, 22))), D(2026, 11, 23));
    EXPECT_EQ(DateOf(EndOfDay(D(2026, 11, 22)) - 1ms), D(2026, 11, 22));
    // Before the epoch the day must be floored, not truncated toward zero.
    EXPECT_EQ(DateOf(Timestamp(-1ms)), D(1969, 12, 31));
    EXPECT_EQ(DateOf(Utc(1900, 1, 1, 12)), D(1900, 1, 1));
}

TEST(TimestampTest, ParsesUtc) {
    Result<Timestamp> t = ParseTimestamp("2026-11-22T10:00:00Z", "at");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(*t, Utc(2026, 11, 22, 10));
    EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:00Z", "at")->time_since_epoch().count(), 0);
    EXPECT_EQ(*ParseTimestamp("9999-12-31T23:59:59.999Z", "at"), Utc(9999, 12, 31, 23, 59, 59, 999));
    EXPECT_EQ(*ParseTimestamp("1900-01-01T00:00:00Z", "at"), Utc(1900, 1, 1));
}

TEST(TimestampTest, AcceptsLowerCaseSeparators) {
    EXPECT_EQ(*ParseTimestamp("2026-11-22t10:00:00z", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22t10:00:00+01:00", "at"), Utc(2026, 11, 22, 9));
}

TEST(TimestampTest, FractionIsTruncatedToMilliseconds) {
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.1Z", "at"), Utc(2026, 11, 22, 10, 0, 0, 100));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.12Z", "at"), Utc(2026, 11, 22, 10, 0, 0, 120));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.123Z", "at"), Utc(2026, 11, 22, 10, 0, 0, 123));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.1239Z", "at"), Utc(2026, 11, 22, 10, 0, 0, 123));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.999999999Z", "at"), Utc(2026, 11, 22, 10, 0, 0, 999));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.000000001Z", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00.0Z", "at"), Utc(2026, 11, 22, 10));
}

TEST(TimestampTest, OffsetsAreConvertedToUtc) {
    EXPECT_EQ(*ParseTimestamp("2026-11-22T18:00:00+08:00", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T05:30:00-04:30", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00+00:00", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T10:00:00-00:00", "at"), Utc(2026, 11, 22, 10));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T15:45:00.250+05:45", "at"), Utc(2026, 11, 22, 10, 0, 0, 250));
}

TEST(TimestampTest, OffsetsCanMoveTheUtcDate) {
    // Early morning in Shanghai is the previous day in UTC.
    EXPECT_EQ(*ParseTimestamp("2026-01-01T01:00:00+08:00", "at"), Utc(2025, 12, 31, 17));
    EXPECT_EQ(*ParseTimestamp("2024-02-28T20:00:00-05:00", "at"), Utc(2024, 2, 29, 1));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T00:00:00+23:59", "at"), Utc(2026, 11, 21, 0, 1));
    EXPECT_EQ(*ParseTimestamp("2026-11-22T23:59:59-23:59", "at"), Utc(2026, 11, 23, 23, 58, 59));
}

TEST(TimestampTest, RejectsMalformedText) {
    for (std::string_view text : {"",
                                  "2026-11-22",
                                  "2026-11-22T10:00:00",
                                  "2026-11-22T10:00Z",
                                  "2026-11-22 10:00:00Z",
                                  "2026-11-22X10:00:00Z",
                                  "2026-11-22T10:00:00.Z",
                                  "2026-11-22T10:00:00.1234567890Z",
                                  "2026-11-22T10:00:00ZZ",
                                  "2026-11-22T10:00:00Z ",
                                  " 2026-11-22T10:00:00Z",
                                  "2026-11-22T1:00:00Z",
                                  "2026-11-22T10:0:00Z",
                                  "2026-11-22T10:00:0Z",
                                  "2026-11-22T10-00-00Z",
                                  "2026-11-22T10:00:00+0800",
                                  "2026-11-22T10:00:00+08",
                                  "2026-11-22T10:00:00+8:00",
                                  "2026-11-22T10:00:00+08:0",
                                  "2026-11-22T10:00:00+08:00Z",
                                  "2026-11-22T10:00:00+08:000",
                                  "2026-11-22T10:00:00UTC",
                                  "2026-11-22T10:00:00,123Z",
                                  "2026-11-2210:00:00Z",
                                  "2026-1-22T10:00:00Z",
                                  "2026-11-22T10:00:00+",
                                  "2026-11-22T10:00:00-",
                                  "2026-11-22T10:00:00+08:",
                                  "2026-11-22T+0:00:00Z",
                                  "2026-11-22T10:00:00.12a3Z"}) {
        std::string problem = Problem(ParseTimestamp(text, "at"), "at");
        EXPECT_EQ(problem.rfind("\"" + std::string(text) + "\" must be an RFC 3339 timestamp", 0), 0u)
            << text << " -> " << problem;
    }
}

TEST(TimestampTest, RejectsImpossibleTimesAndOffsets) {
    for (std::string_view text :
         {"2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z", "2026-11-22T99:99:99Z"}) {
        EXPECT_EQ(Problem(ParseTimestamp(text, "at"), "at"),
                  "\"" + std::string(text) + "\" has a time of day outside 00:00:00..23:59:59")
            << text;
    }
    for (std::string_view text : {"2026-11-22T10:00:00+24:00", "2026-11-22T10:00:00-08:60"}) {
        EXPECT_EQ(Problem(ParseTimestamp(text, "at"), "at"),
                  "\"" + std::string(text) + "\" has a UTC offset outside -23:59..+23:59")
            << text;
    }
}

TEST(TimestampTest, RejectsImpossibleDates) {
    EXPECT_EQ(Problem(ParseTimestamp("2023-02-29T00:00:00Z", "at"), "at"),
              "\"2023-02-29T00:00:00Z\" is not a calendar date");
    EXPECT_EQ(Problem(ParseTimestamp("2024-13-01T00:00:00Z", "at"), "at"),
              "\"2024-13-01T00:00:00Z\" is not a calendar date");
    EXPECT_EQ(Problem(ParseTimestamp("1899-12-31T23:00:00Z", "at"), "at"),
              "\"1899-12-31T23:00:00Z\" must be a date between 1900-01-01 and 9999-12-31");
}

TEST(TimestampTest, ErrorMessageNamesTheField) {
    Result<Timestamp> t = ParseTimestamp("yesterday", "filter.since");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().message.rfind("filter.since: \"yesterday\" must be an RFC 3339 timestamp", 0), 0u)
        << t.error().message;
}

TEST(TimestampTest, FormatsUtcWithMilliseconds) {
    EXPECT_EQ(FormatTimestamp(Utc(2026, 11, 22, 10, 0, 0, 123)), "2026-11-22T10:00:00.123Z");
    EXPECT_EQ(FormatTimestamp(Utc(2026, 11, 22, 10)), "2026-11-22T10:00:00.000Z");
    EXPECT_EQ(FormatTimestamp(Timestamp(0ms)), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(FormatTimestamp(Timestamp(-1ms)), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(FormatTimestamp(Utc(1900, 1, 1)), "1900-01-01T00:00:00.000Z");
    EXPECT_EQ(FormatTimestamp(Utc(9999, 12, 31, 23, 59, 59, 999)), "9999-12-31T23:59:59.999Z");
    EXPECT_EQ(FormatTimestamp(Utc(2024, 2, 29, 7, 8, 9, 5)), "2024-02-29T07:08:09.005Z");
}

TEST(TimestampTest, FormatParseRoundTrip) {
    for (Timestamp t :
         {Utc(2026, 11, 22, 10, 0, 0, 123), Timestamp(-1ms), Utc(1900, 1, 1), Utc(2024, 2, 29, 23, 59, 59, 999)}) {
        Result<Timestamp> back = ParseTimestamp(FormatTimestamp(t), "at");
        ASSERT_TRUE(back.has_value()) << FormatTimestamp(t);
        EXPECT_EQ(*back, t);
    }
}

}  // namespace
}  // namespace credo
