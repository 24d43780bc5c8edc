// Receivables aging (SPEC AR-2): how long what is still open has been past its due date, as of a date.
//
// An invoice's open amount as of a date is its amount less every payment, credit note and write-off
// allocated to it on or before that date; an invoice issued after the date does not exist yet. Its days
// past due are as_of − due date. The five buckets, inclusive at both ends:
//   not_due   days past due ≤ 0 (due later, or due on as_of itself: not yet late)
//   d1_30     1…30      d31_60  31…60      d61_90  61…90      over_90  91 and more
// So an invoice due 2026-01-01 is in d1_30 from 2026-01-02 to 2026-01-31, in d31_60 from 2026-02-01.
//
// The same rule as due-date ranges (AgingBounds) lets a query sort invoices into buckets by comparing
// dates instead of counting days; BucketOf and BucketByBounds agree on every date (aging_test).
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class AgingBucket { kNotDue = 0, kDays1To30, kDays31To60, kDays61To90, kOver90 };
inline constexpr int kAgingBucketCount = 5;
inline constexpr auto kAgingBucketNames = MakeEnumNames<AgingBucket>(
    std::pair{AgingBucket::kNotDue, "not_due"}, std::pair{AgingBucket::kDays1To30, "d1_30"},
    std::pair{AgingBucket::kDays31To60, "d31_60"}, std::pair{AgingBucket::kDays61To90, "d61_90"},
    std::pair{AgingBucket::kOver90, "over_90"});

// The bucket of an item `days_past_due` days past its due date (≤ 0: not yet due).
AgingBucket BucketOfDaysPastDue(int days_past_due);
// The bucket of an item due on `due` as of the end of `as_of`.
AgingBucket BucketOf(Date due, Date as_of);

// The earliest due date of each bucket but the last, as of a date: an item is not due when due on or
// after not_due, in d1_30 when due on or after d1_30 (and before not_due), and so on; over_90 otherwise.
struct AgingBounds {
    Date not_due{};  // as_of
    Date d1_30{};    // as_of − 30 days
    Date d31_60{};   // as_of − 60 days
    Date d61_90{};   // as_of − 90 days
};
AgingBounds BoundsOf(Date as_of);
AgingBucket BucketByBounds(Date due, const AgingBounds& bounds);

// Amounts (minor units of one currency) per bucket, indexed by AgingBucket.
struct AgingAmounts {
    std::array<std::int64_t, kAgingBucketCount> minor{};

    std::int64_t& operator[](AgingBucket b) { return minor[static_cast<std::size_t>(b)]; }
    std::int64_t operator[](AgingBucket b) const { return minor[static_cast<std::size_t>(b)]; }
    // Adds `amount` to `bucket`; kInvalidArgument ("amount") when a bucket or the total would leave int64.
    Status Add(AgingBucket bucket, std::int64_t amount);
    Status Add(const AgingAmounts& other);
    std::int64_t Total() const;    // REQUIRES: the buckets add up within int64 (Add keeps it so)
    std::int64_t PastDue() const;  // every bucket but not_due
};

// One allocation to an invoice: a payment, credit note or write-off, dated.
struct Allocated {
    Date day{};
    std::int64_t amount_minor = 0;
};

// amount − the allocations dated on or before as_of (never below zero). REQUIRES: amount > 0.
std::int64_t OpenAsOf(std::int64_t amount_minor, std::span<const Allocated> allocations, Date as_of);

}  // namespace credo::domain
