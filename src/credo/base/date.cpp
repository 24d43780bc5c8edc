#include "credo/base/date.hpp"

#include <cstddef>
#include <cstdio>

namespace credo {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

// Reads exactly `count` ASCII digits at `pos` (no sign, no locale-dependent isdigit).
bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count, int* out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    *out = value;
    return true;
}

enum class DateProblem { kNone, kFormat, kRange, kCalendar };

// Parses the 10 characters `YYYY-MM-DD` at the start of `text`; the caller checks what follows.
DateProblem ReadDate(std::string_view text, Date* out) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() < 10 || !ReadDigits(text, 0, 4, &year) || text[4] != '-' || !ReadDigits(text, 5, 2, &month) ||
        text[7] != '-' || !ReadDigits(text, 8, 2, &day)) {
        return DateProblem::kFormat;
    }
    if (year < kMinYear || year > kMaxYear) return DateProblem::kRange;
    const Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                    std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) return DateProblem::kCalendar;
    *out = date;
    return DateProblem::kNone;
}

Error DateError(std::string_view field, std::string_view text, DateProblem problem) {
    switch (problem) {
        case DateProblem::kRange:
            return FieldError(std::string(field), Quoted(text) + " must be a date between 1900-01-01 and 9999-12-31");
        case DateProblem::kCalendar:
            return FieldError(std::string(field), Quoted(text) + " is not a calendar date");
        case DateProblem::kFormat:
        case DateProblem::kNone:
            break;
    }
    return FieldError(std::string(field), Quoted(text) + " must be a date YYYY-MM-DD");
}

}  // namespace

Result<Date> ParseDate(std::string_view text, std::string_view field) {
    Date date{};
    DateProblem problem = text.size() == 10 ? ReadDate(text, &date) : DateProblem::kFormat;
    if (problem != DateProblem::kNone) return DateError(field, text, problem);
    return date;
}

std::string FormatDate(Date date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

// Grammar (RFC 3339 section 5.6, minus leap seconds, which a sys_time cannot represent):
//   YYYY-MM-DD ("T" / "t") HH:MM:SS ["." 1*9DIGIT] ("Z" / "z" / ("+" / "-") HH:MM)
// Digits beyond milliseconds are truncated (not rounded), so a parsed instant never lies in the future of the
// written one.
Result<Timestamp> ParseTimestamp(std::string_view text, std::string_view field) {
    auto malformed = [&] {
        return FieldError(
            std::string(field),
            Quoted(text) + " must be an RFC 3339 timestamp like 2026-11-22T10:00:00Z or 2026-11-22T18:00:00+08:00");
    };
    Date date{};
    if (DateProblem problem = ReadDate(text, &date); problem != DateProblem::kNone) {
        if (problem == DateProblem::kFormat) return malformed();
        return DateError(field, text, problem);
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (text.size() < 19 || (text[10] != 'T' && text[10] != 't') || !ReadDigits(text, 11, 2, &hour) ||
        text[13] != ':' || !ReadDigits(text, 14, 2, &minute) || text[16] != ':' || !ReadDigits(text, 17, 2, &second)) {
        return malformed();
    }
    if (hour > 23 || minute > 59 || second > 59) {
        return FieldError(std::string(field), Quoted(text) + " has a time of day outside 00:00:00..23:59:59");
    }
    std::size_t pos = 19;
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (pos - first < 3) millis = millis * 10 + (text[pos] - '0');
            ++pos;
        }
        const std::size_t count = pos - first;
        if (count == 0 || count > 9) return malformed();
        for (std::size_t i = count; i < 3; ++i) millis *= 10;
    }
    minutes offset{0};
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        int offset_hours = 0;
        int offset_minutes = 0;
        if (!ReadDigits(text, pos + 1, 2, &offset_hours) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
            !ReadDigits(text, pos + 4, 2, &offset_minutes)) {
            return malformed();
        }
        if (offset_hours > 23 || offset_minutes > 59) {
            return FieldError(std::string(field), Quoted(text) + " has a UTC offset outside -23:59..+23:59");
        }
        offset = hours(offset_hours) + minutes(offset_minutes);
        if (text[pos] == '-') offset = -offset;
        pos += 6;
    } else {
        return malformed();
    }
    if (pos != text.size()) return malformed();
    // Local time = UTC + offset, so UTC = local time - offset.
    return Timestamp(sys_days(date)) + hours(hour) + minutes(minute) + seconds(second) + milliseconds(millis) - offset;
}

std::string FormatTimestamp(Timestamp t) {
    const auto day = std::chrono::floor<days>(t);
    const Date date(day);
    const std::chrono::hh_mm_ss<milliseconds> time(t - day);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return buffer;
}

Date DateOf(Timestamp t) { return Date(std::chrono::floor<days>(t)); }

Timestamp StartOfDay(Date date) { return Timestamp(sys_days(date)); }

Timestamp EndOfDay(Date date) { return Timestamp(sys_days(date) + days(1)); }

Date AddDays(Date date, int days_to_add) { return Date(sys_days(date) + days(days_to_add)); }

Date AddMonths(Date date, int months_to_add) {
    const std::chrono::year_month target =
        std::chrono::year_month(date.year(), date.month()) + std::chrono::months(months_to_add);
    const Date same_day = target / date.day();
    if (same_day.ok()) return same_day;
    return Date(target / std::chrono::last);
}

int DaysBetween(Date from, Date to) { return static_cast<int>((sys_days(to) - sys_days(from)).count()); }

}  // namespace credo
