// Utilization bands (SPEC RP-1): the dashboard's count of customers per how much of their limit they use.
//
// Six bands, each customer in exactly one: no limit; below 50 %; from 50 % to the first LC-5 alert level;
// from the first to the second level; from the second level up to the limit itself; over the limit. The two
// middle boundaries are the utilization alert levels (credit.alert_first_bp and credit.alert_second_bp,
// default 80 % and 90 %), so that a band holds exactly the customers those levels alert about.
//
// The rule, first match wins: no limit on record → kNoLimit; exposure above the limit → kOverLimit (so a
// zero limit with anything exposed is over it); a zero limit with nothing exposed → kNoLimit (there is no
// credit to use); then by UtilizationBp (floored, so a boundary is reached only when the exact ratio
// reaches it): ≥ second level → kSecondToLimit, ≥ first level → kFirstToSecond, ≥ 50 % → kHalfToFirst,
// else kBelowHalf. With levels configured below 50 % or above 100 %, the bands those levels leave without
// room are simply empty; the rule stays the same.
#pragma once

#include <cstdint>
#include <optional>

#include "credo/base/money.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class UtilizationBand { kNoLimit, kBelowHalf, kHalfToFirst, kFirstToSecond, kSecondToLimit, kOverLimit };
inline constexpr int kUtilizationBandCount = 6;
inline constexpr auto kUtilizationBandNames = MakeEnumNames<UtilizationBand>(
    std::pair{UtilizationBand::kNoLimit, "no_limit"}, std::pair{UtilizationBand::kBelowHalf, "below_half"},
    std::pair{UtilizationBand::kHalfToFirst, "half_to_first"},
    std::pair{UtilizationBand::kFirstToSecond, "first_to_second"},
    std::pair{UtilizationBand::kSecondToLimit, "second_to_limit"},
    std::pair{UtilizationBand::kOverLimit, "over_limit"});

inline constexpr std::int64_t kHalfUtilizationBp = 5000;

// The two boundaries the alert levels give; 1 ≤ first_bp < second_bp (ValidateAlertLevels' rule).
struct BandLevels {
    std::int64_t first_bp = 8000;
    std::int64_t second_bp = 9000;
};

// The band of an account with `exposure` against `limit` (nullopt: no limit on record), both in the account's
// currency. Errors: kInvalidArgument naming "limit" (negative), "exposure" (another currency than the limit)
// or "levels" (not 1 ≤ first_bp < second_bp).
Result<UtilizationBand> BandOf(const Money& exposure, const std::optional<Money>& limit, const BandLevels& levels);

}  // namespace credo::domain
