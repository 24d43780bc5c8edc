// Calendar dates and instants, in the API's text forms.
//
// A Date is a civil date with no time zone (`YYYY-MM-DD`), as business documents carry them. A
// Timestamp (clock.hpp) is an instant in UTC, written as RFC 3339 with milliseconds and `Z`.
// "As of a date" means at the end of that date in UTC: EndOfDay(d) is the first instant after it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "credo/base/clock.hpp"
#include "credo/base/result.hpp"

namespace credo {

using Date = std::chrono::year_month_day;

// Parses exactly `YYYY-MM-DD` (four-digit year 1900..9999, two-digit month and day) naming a real
// calendar date. On failure: kInvalidArgument with `field` in fields, e.g. "must be a date YYYY-MM-DD".
Result<Date> ParseDate(std::string_view text, std::string_view field);
std::string FormatDate(Date date);

// Parses RFC 3339 (`2026-11-22T10:00:00Z`, optional fraction up to milliseconds, `Z` or ±hh:mm).
Result<Timestamp> ParseTimestamp(std::string_view text, std::string_view field);
// `2026-11-22T10:00:00.123Z`: always UTC, always milliseconds.
std::string FormatTimestamp(Timestamp t);

Date DateOf(Timestamp t);         // the UTC date of an instant
Timestamp StartOfDay(Date date);  // 00:00:00.000 UTC of the date
Timestamp EndOfDay(Date date);    // StartOfDay of the next date
Date AddDays(Date date, int days);
Date AddMonths(Date date, int months);  // clamps the day to the end of the target month (Jan 31 + 1 = Feb 28/29)
int DaysBetween(Date from, Date to);    // to - from, in days (negative when to is earlier)

}  // namespace credo
