#include "credo/domain/access/leak.hpp"

namespace credo::domain {

std::string_view AccessKindName(AccessKind kind) { return kind == AccessKind::kReads ? "reads" : "exports"; }

std::string_view LeakRuleName(LeakRule rule) { return rule == LeakRule::kMultiple ? "multiple" : "absolute"; }

std::optional<LeakFinding> AssessAccess(AccessKind kind, std::int64_t count, std::int64_t baseline_sum,
                                        const LeakPolicy& policy) {
    const std::int64_t absolute = kind == AccessKind::kReads ? policy.absolute_reads : policy.absolute_exports;
    if (count >= absolute) return LeakFinding{LeakRule::kAbsolute, count, baseline_sum, absolute};
    // count > multiple × (sum / 30), in integers: count × 30 > multiple × sum. The threshold shown is the
    // smallest count above it.
    if (count >= policy.min_count && count * kLeakBaselineDays > policy.multiple * baseline_sum)
        return LeakFinding{LeakRule::kMultiple, count, baseline_sum,
                           policy.multiple * baseline_sum / kLeakBaselineDays};
    return std::nullopt;
}

}  // namespace credo::domain
