#include "credo/domain/classification/classification.hpp"

#include <algorithm>
#include <numeric>

#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {
namespace {

constexpr int kMaxAveragePeriods = 3;
__extension__ typedef __int128 Int128;

// Whole years from `start` to `as_of` (an anniversary counts on its day).
int WholeYears(Date start, Date as_of) {
    int years = static_cast<int>(as_of.year()) - static_cast<int>(start.year());
    if (years > 0 && AddMonths(start, 12 * years) > as_of) --years;
    return std::max(years, 0);
}

}  // namespace

Status ValidateClassificationPolicy(const ClassificationPolicy& p) {
    if (p.tier_b_min >= p.tier_a_min)
        return FieldError("value", "classification.tier_b_min must be below classification.tier_a_min");
    return Ok();
}

Result<Classification> Classify(const PurchaseFacts& f, const ClassificationPolicy& policy) {
    if (auto s = ValidateClassificationPolicy(policy); !s) return FieldError("policy.value", s.error().message);
    Classification c;
    if (f.relationship_start && *f.relationship_start <= f.as_of) c.relationship_start = f.relationship_start;
    const Date year_ago = AddMonths(f.as_of, -12);
    const bool begun = c.relationship_start.has_value();
    const bool recent_start = begun && *c.relationship_start > year_ago;
    const bool ever_bought = f.first_purchase && *f.first_purchase <= f.as_of;

    if (f.last_12 >= policy.tier_a_min)
        c.tier = Tier::kA;
    else if (f.last_12 >= policy.tier_b_min)
        c.tier = Tier::kB;
    else if (!begun || recent_start || (f.prospect && !ever_bought))
        c.tier = Tier::kD;
    else
        c.tier = Tier::kC;

    c.years = begun ? WholeYears(*c.relationship_start, f.as_of) : 0;
    c.average_periods = std::clamp(c.years, 1, kMaxAveragePeriods);
    const std::int64_t periods[] = {f.last_12, f.previous_12, f.third_12};
    std::int64_t sum = 0;
    for (int i = 0; i < c.average_periods; ++i) sum += periods[i];
    // Floor division also for a negative sum (credit notes larger than the invoices).
    c.average_annual = sum / c.average_periods - ((sum % c.average_periods) < 0 ? 1 : 0);
    c.core = c.average_annual >= policy.core_min_average && c.years >= policy.core_min_years;
    c.long_standing = !c.core && c.years >= policy.long_standing_years && f.last_12 > 0;

    c.time = !begun ? TimeClass::kFuture : recent_start ? TimeClass::kNew : TimeClass::kOld;
    const bool bought_last_12 = f.last_purchase && *f.last_purchase > year_ago && *f.last_purchase <= f.as_of;
    c.process = !ever_bought ? ProcessClass::kUpcoming : bought_last_12 ? ProcessClass::kCurrent : ProcessClass::kPast;
    if (f.last_12 >= policy.tier_b_min && c.years >= policy.core_min_years)
        c.volume = VolumeClass::kMain;
    else if (f.last_12 < policy.scattered_below)
        c.volume = VolumeClass::kScattered;
    else
        c.volume = VolumeClass::kGeneral;
    return c;
}

int ReviewCadenceMonths(Tier tier, const ClassificationPolicy& policy) {
    return tier == Tier::kA ? policy.review_months_a : policy.review_months_other;
}

Date ReviewDue(std::optional<Date> last_review, Tier tier, Date never_reviewed_due,
               const ClassificationPolicy& policy) {
    if (!last_review) return never_reviewed_due;
    return AddMonths(*last_review, ReviewCadenceMonths(tier, policy));
}

std::optional<std::int64_t> GrowthBp(const PurchaseFacts& f) {
    if (f.previous_12 <= 0) return std::nullopt;
    const Int128 scaled = static_cast<Int128>(f.last_12 - f.previous_12) * kFullBasisPoints;
    Int128 q = scaled / f.previous_12;
    if (scaled % f.previous_12 != 0 && scaled < 0) --q;  // floor, also below zero
    return static_cast<std::int64_t>(q);
}

Movement MovementOf(const PurchaseFacts& f, const ClassificationPolicy& policy) {
    if (f.lifecycle_lost) return Movement::kLost;
    if (f.last_purchase && *f.last_purchase <= f.as_of) {
        const Date quiet_from = AddMonths(f.as_of, -policy.lost_months);
        const Date window_from = AddMonths(quiet_from, -12);
        if (*f.last_purchase > window_from && *f.last_purchase <= quiet_from) return Movement::kLost;
    }
    if (auto g = GrowthBp(f); g && *g >= static_cast<std::int64_t>(policy.growth_pct) * 100) return Movement::kGrowing;
    return Movement::kNone;
}

std::vector<std::int64_t> SharesBp(std::span<const std::int64_t> counts) {
    std::vector<std::int64_t> shares(counts.size(), 0);
    const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
    if (total <= 0) return shares;
    std::vector<std::int64_t> remainders(counts.size(), 0);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const Int128 scaled = static_cast<Int128>(counts[i]) * kFullBasisPoints;
        shares[i] = static_cast<std::int64_t>(scaled / total);
        remainders[i] = static_cast<std::int64_t>(scaled % total);
        given += shares[i];
    }
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < kFullBasisPoints && k < order.size(); ++k, ++given) ++shares[order[k]];
    return shares;
}

}  // namespace credo::domain
