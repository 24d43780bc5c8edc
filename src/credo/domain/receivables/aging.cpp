#include "credo/domain/receivables/aging.hpp"

namespace credo::domain {

AgingBucket BucketOfDaysPastDue(int days_past_due) {
    if (days_past_due <= 0) return AgingBucket::kNotDue;
    if (days_past_due <= 30) return AgingBucket::kDays1To30;
    if (days_past_due <= 60) return AgingBucket::kDays31To60;
    if (days_past_due <= 90) return AgingBucket::kDays61To90;
    return AgingBucket::kOver90;
}

AgingBucket BucketOf(Date due, Date as_of) { return BucketOfDaysPastDue(DaysBetween(due, as_of)); }

AgingBounds BoundsOf(Date as_of) {
    return AgingBounds{as_of, AddDays(as_of, -30), AddDays(as_of, -60), AddDays(as_of, -90)};
}

AgingBucket BucketByBounds(Date due, const AgingBounds& b) {
    if (due >= b.not_due) return AgingBucket::kNotDue;
    if (due >= b.d1_30) return AgingBucket::kDays1To30;
    if (due >= b.d31_60) return AgingBucket::kDays31To60;
    if (due >= b.d61_90) return AgingBucket::kDays61To90;
    return AgingBucket::kOver90;
}

Status AgingAmounts::Add(AgingBucket bucket, std::int64_t amount) {
    std::int64_t bucket_sum = 0, total = 0;
    if (__builtin_add_overflow((*this)[bucket], amount, &bucket_sum) || __builtin_add_overflow(Total(), amount, &total))
        return FieldError("amount", "the aging totals leave the range of amounts");
    (*this)[bucket] = bucket_sum;
    return Ok();
}

Status AgingAmounts::Add(const AgingAmounts& other) {
    for (int b = 0; b < kAgingBucketCount; ++b) CREDO_CHECK(Add(static_cast<AgingBucket>(b), other.minor[b]));
    return Ok();
}

std::int64_t AgingAmounts::Total() const {
    std::int64_t total = 0;
    for (auto m : minor) total += m;
    return total;
}

std::int64_t AgingAmounts::PastDue() const { return Total() - (*this)[AgingBucket::kNotDue]; }

std::int64_t OpenAsOf(std::int64_t amount_minor, std::span<const Allocated> allocations, Date as_of) {
    std::int64_t open = amount_minor;
    for (const auto& a : allocations)
        if (a.day <= as_of) open -= a.amount_minor;
    return open > 0 ? open : 0;
}

}  // namespace credo::domain
