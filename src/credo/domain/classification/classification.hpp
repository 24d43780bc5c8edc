// Classification of customers (SPEC CL-1, CL-2, CL-3, DY-3, DY-4; seed s002 阀门公司 case): the one
// place where a customer's tier, core status, derived classes, review cadence and movement are decided.
//
// Inputs are a customer's purchase facts as of a date, all in the base currency's minor units:
// "purchases" are invoiced amounts less credit notes, by the date of the document (issue date of an
// invoice, day of a credit note), each currency's sum converted once into the base currency (app/).
// Windows are trailing and month based: "the last 12 months" as of D is (AddMonths(D, -12), D], so an
// invoice issued exactly twelve months before D is outside it.
//
//   relationship start  the file's relationship_start when set, else the first invoice's issue date;
//                       none (no start on or before the date): the relationship has not begun.
//   tier (CL-1)         A  last-12-month purchases >= tier_a_min                       (default 300,000.00)
//                       B  else >= tier_b_min                                          (default 200,000.00)
//                       D  else, when the relationship has not begun or began less than 12 months before
//                          the date (start > AddMonths(D, -12)), or the file is a prospect with no purchase
//                       C  otherwise
//   years               whole years of relationship as of the date (0 without a start)
//   average annual      the purchases of the last min(max(years, 1), 3) twelve-month periods, divided by
//                       that count (rounded down to the minor unit)
//   core (CL-2)         average annual >= core_min_average (default the A threshold) and
//                       years >= core_min_years (default 2); ordinary otherwise
//   long_standing       not core, years >= long_standing_years (default 3) and something bought in the
//                       last 12 months: the long-standing small customer not to be neglected (s002)
//   time (CL-3)         future: the relationship has not begun; new: began less than 12 months ago;
//                       old: otherwise
//   process (CL-3)      upcoming: never bought; current: bought in the last 12 months; past: bought before
//                       but not in the last 12 months
//   volume (CL-3)       main: last-12-month purchases >= tier_b_min and years >= core_min_years (long and
//                       large, 交易时间长、交易量大); scattered: last-12-month purchases below
//                       scattered_below (default 50,000.00), nothing included; general: otherwise
//   review (DY-3)       every review_months_a months for tier A (default 2), review_months_other (default 3)
//                       for the others; due on the last review + cadence, or at once when never reviewed
//   movers (DY-4)       growing: the previous 12 months' purchases > 0 and the last 12 months' exceed them
//                       by at least growth_pct percent (default 50 %); lost: the file's lifecycle is lost, or
//                       its last invoice falls in the 12 months before the last lost_months months
//                       (default 6): it bought then and nothing since.
// Every comparison is on integers, so a boundary (300,000.00 against 299,999.99) is exact.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class Tier { kA, kB, kC, kD };
inline constexpr auto kTierNames = MakeEnumNames<Tier>(std::pair{Tier::kA, "A"}, std::pair{Tier::kB, "B"},
                                                       std::pair{Tier::kC, "C"}, std::pair{Tier::kD, "D"});
enum class TimeClass { kOld, kNew, kFuture };
inline constexpr auto kTimeClassNames = MakeEnumNames<TimeClass>(
    std::pair{TimeClass::kOld, "old"}, std::pair{TimeClass::kNew, "new"}, std::pair{TimeClass::kFuture, "future"});
enum class ProcessClass { kPast, kCurrent, kUpcoming };
inline constexpr auto kProcessClassNames =
    MakeEnumNames<ProcessClass>(std::pair{ProcessClass::kPast, "past"}, std::pair{ProcessClass::kCurrent, "current"},
                                std::pair{ProcessClass::kUpcoming, "upcoming"});
enum class VolumeClass { kMain, kGeneral, kScattered };
inline constexpr auto kVolumeClassNames =
    MakeEnumNames<VolumeClass>(std::pair{VolumeClass::kMain, "main"}, std::pair{VolumeClass::kGeneral, "general"},
                               std::pair{VolumeClass::kScattered, "scattered"});

// The thresholds in force (the classification.* and review.* policies), amounts in base minor units.
struct ClassificationPolicy {
    std::int64_t tier_a_min = 30'000'000;        // 300,000.00
    std::int64_t tier_b_min = 20'000'000;        // 200,000.00
    std::int64_t core_min_average = 30'000'000;  // 300,000.00
    int core_min_years = 2;
    int long_standing_years = 3;
    std::int64_t scattered_below = 5'000'000;  // 50,000.00
    int review_months_a = 2;
    int review_months_other = 3;
    int growth_pct = 50;
    int lost_months = 6;
};
// kInvalidArgument naming "value" when tier_b_min is not below tier_a_min.
Status ValidateClassificationPolicy(const ClassificationPolicy& policy);

// A customer's purchase facts as of `as_of` (base minor units; credit notes deducted, so a year may be
// negative).
struct PurchaseFacts {
    Date as_of{};
    std::optional<Date> relationship_start;  // attribute or first invoice; ignored when after as_of
    bool prospect = false;                   // the file's lifecycle is prospect
    bool lifecycle_lost = false;             // the file's lifecycle is lost
    std::int64_t last_12 = 0;                // (as_of - 12 months, as_of]
    std::int64_t previous_12 = 0;            // (as_of - 24 months, as_of - 12 months]
    std::int64_t third_12 = 0;               // (as_of - 36 months, as_of - 24 months]
    std::optional<Date> first_purchase;      // the first invoice on or before as_of
    std::optional<Date> last_purchase;       // the last invoice on or before as_of
};

struct Classification {
    Tier tier = Tier::kD;
    bool core = false;
    bool long_standing = false;
    TimeClass time = TimeClass::kFuture;
    ProcessClass process = ProcessClass::kUpcoming;
    VolumeClass volume = VolumeClass::kScattered;
    int years = 0;                           // whole years of relationship
    int average_periods = 1;                 // the twelve-month periods averaged
    std::int64_t average_annual = 0;         // base minor units
    std::optional<Date> relationship_start;  // the one used (none when after as_of)
};

// The rules in the header. Errors: none for valid facts; kInvalidArgument naming "policy.value" for a
// policy that ValidateClassificationPolicy refuses.
Result<Classification> Classify(const PurchaseFacts& facts, const ClassificationPolicy& policy = {});

// DY-3: months between reviews for a tier.
int ReviewCadenceMonths(Tier tier, const ClassificationPolicy& policy = {});
// The date the next review is due: last review + cadence; none reviewed yet: `never_reviewed_due`.
Date ReviewDue(std::optional<Date> last_review, Tier tier, Date never_reviewed_due,
               const ClassificationPolicy& policy = {});

// DY-4 movement.
enum class Movement { kNone, kGrowing, kLost };
inline constexpr auto kMovementNames = MakeEnumNames<Movement>(
    std::pair{Movement::kNone, "none"}, std::pair{Movement::kGrowing, "growing"}, std::pair{Movement::kLost, "lost"});
// Growth in basis points of last_12 over previous_12 (floor, may be negative); none when previous_12 <= 0.
std::optional<std::int64_t> GrowthBp(const PurchaseFacts& facts);
// Growing takes precedence only when the file is not lost; lost per the header.
Movement MovementOf(const PurchaseFacts& facts, const ClassificationPolicy& policy = {});

// CL-5: shares of `counts` in basis points that add up to exactly 10000 (all zero when the total is 0),
// by the largest-remainder method: each share is floored, and the basis points left go one each to the
// largest remainders, ties to the earlier entry.
std::vector<std::int64_t> SharesBp(std::span<const std::int64_t> counts);

}  // namespace credo::domain
