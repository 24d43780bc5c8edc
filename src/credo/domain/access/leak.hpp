// Leak detection (SPEC SE-4): whether a user's reads or exports of one day are far above its usual.
//
// A day's count is unusual when it is more than `multiple` times the user's baseline — its average per
// day over the 30 days before (days without access count as 0) — and at least `min_count`, so that a
// quiet user's first few reads are not an alarm; or when it reaches the absolute threshold of its kind,
// whatever the baseline (a salesperson exporting the whole customer base on its first day is caught).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace credo::domain {

inline constexpr int kLeakBaselineDays = 30;

struct LeakPolicy {
    std::int64_t multiple = 5;
    std::int64_t min_count = 50;
    std::int64_t absolute_reads = 1000;
    std::int64_t absolute_exports = 1000;
};

enum class AccessKind { kReads, kExports };
std::string_view AccessKindName(AccessKind kind);  // "reads", "exports"

enum class LeakRule { kMultiple, kAbsolute };
std::string_view LeakRuleName(LeakRule rule);  // "multiple", "absolute"

struct LeakFinding {
    LeakRule rule;
    std::int64_t count;         // the day's count
    std::int64_t baseline_sum;  // the count over the kLeakBaselineDays before
    std::int64_t threshold;     // the count the day had to exceed (multiple) or reach (absolute)
};

// The finding for a day's `count` against the `baseline_sum` of the 30 days before; nullopt when usual.
// The absolute rule is reported when both apply. Exact: compares count × 30 with multiple × sum.
std::optional<LeakFinding> AssessAccess(AccessKind kind, std::int64_t count, std::int64_t baseline_sum,
                                        const LeakPolicy& policy);

}  // namespace credo::domain
