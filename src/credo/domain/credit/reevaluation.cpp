#include "credo/domain/credit/reevaluation.hpp"

#include <string>

#include "credo/domain/credit/ratio.hpp"

namespace credo::domain {
namespace {

std::int64_t WholeUnit(const Currency& c) {
    std::int64_t unit = 1;
    for (int i = 0; i < c.minor_units(); ++i) unit *= 10;
    return unit;
}

bool IsGood(const QuarterBehaviour& q, const ReevaluationSettings& s) {
    return q.anything_due && q.all_paid_on_time && !q.any_past_due && q.collected_bp >= s.good_quarter_min_collected_bp;
}

// The longest run of adjacent calendar months without collection.
int LongestRunWithoutCollection(std::span<const MonthlyCollection> months) {
    int run = 0, longest = 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const bool adjacent = i > 0 && months[i - 1].month + std::chrono::months(1) == months[i].month;
        if (!months[i].WithoutCollection())
            run = 0;
        else
            run = adjacent && run > 0 ? run + 1 : 1;
        longest = std::max(longest, run);
    }
    return longest;
}

// The limit raised by at most pct percent, rounded down to a whole unit (to the minor unit when a whole unit
// leaves no raise).
Money Raised(const Money& limit, int pct) {
    const std::int64_t cap = MulDivFloor(limit.minor(), 100 + pct, 100);
    const std::int64_t unit = WholeUnit(limit.currency());
    const std::int64_t whole = cap / unit * unit;
    return Money(whole > limit.minor() ? whole : cap, limit.currency());
}

Money Cut(const Money& limit, int pct) {
    const std::int64_t unit = WholeUnit(limit.currency());
    return Money(MulDivFloor(limit.minor(), 100 - pct, 100) / unit * unit, limit.currency());
}

}  // namespace

Status ValidateReevaluationSettings(const ReevaluationSettings& s) {
    if (s.max_increase_pct < 1 || s.max_increase_pct > 100)
        return FieldError("settings.max_increase_pct", std::to_string(s.max_increase_pct) + " is not from 1 to 100");
    if (s.cut_pct < 1 || s.cut_pct > 99)
        return FieldError("settings.cut_pct", std::to_string(s.cut_pct) + " is not from 1 to 99");
    if (s.good_quarter_min_collected_bp < 0 || s.good_quarter_min_collected_bp > kFullBasisPoints)
        return FieldError("settings.good_quarter_min_collected_bp",
                          std::to_string(s.good_quarter_min_collected_bp) + " is not from 0 to 10000");
    if (s.months_without_collection < 1 || s.months_without_collection > 12)
        return FieldError("settings.months_without_collection",
                          std::to_string(s.months_without_collection) + " is not from 1 to 12");
    return Ok();
}

QuarterBehaviour QuarterFrom(const PaymentBehaviour& b) {
    return {b.HasWindowHistory(), b.AllPaidOnTime(), b.open_past_due.minor() > 0, b.collected_bp};
}

Result<ReevaluationProposal> ProposeReevaluation(const ReevaluationInput& in, const ReevaluationSettings& s) {
    CREDO_CHECK(ValidateReevaluationSettings(s));
    if (in.limit && in.limit->negative()) return FieldError("limit", "must not be negative");
    if (in.limit && in.exposure && !(in.limit->currency() == in.exposure->currency()))
        return FieldError("exposure", "is in " + std::string(in.exposure->currency().code()) + ", expected " +
                                          std::string(in.limit->currency().code()));
    for (std::size_t i = 1; i < in.months.size(); ++i)
        if (!(in.months[i - 1].month < in.months[i].month))
            return FieldError("months[" + std::to_string(i) + "].month", "must come after the month before it");

    ReevaluationProposal p;
    if (LongestRunWithoutCollection(in.months) >= s.months_without_collection) {
        p.reasons.push_back(ReevaluationReason::kNoCollectionConsecutiveMonths);
        if (in.justification_recorded) {
            p.reasons.push_back(ReevaluationReason::kJustificationRecorded);
            return p;
        }
        if (s.downgrade != DowngradeAction::kLimit) {
            p.new_grade = GradeBelow(in.grade);
            if (!p.new_grade) p.reasons.push_back(ReevaluationReason::kBottomGrade);
        }
        if (s.downgrade != DowngradeAction::kGrade) {
            if (!in.limit) {
                p.reasons.push_back(ReevaluationReason::kNoLimit);
            } else {
                Money cut = Cut(*in.limit, s.cut_pct);
                if (in.exposure && in.exposure->minor() > cut.minor()) {
                    p.reasons.push_back(ReevaluationReason::kCutStopsAtExposure);
                    // The exposure rounded up to a whole unit; at or above the limit there is nothing to cut.
                    const std::int64_t unit = WholeUnit(in.limit->currency());
                    std::int64_t stop = in.exposure->minor() / unit * unit;
                    if (stop != in.exposure->minor() && __builtin_add_overflow(stop, unit, &stop))
                        stop = in.limit->minor();
                    cut = Money(stop, in.limit->currency());
                }
                if (cut.minor() < in.limit->minor()) p.new_limit = cut;
            }
        }
        if (p.new_grade || p.new_limit) p.kind = ProposalKind::kDowngrade;
        return p;
    }

    if (IsGood(in.last_two_quarters[0], s) && IsGood(in.last_two_quarters[1], s)) {
        p.reasons.push_back(ReevaluationReason::kGoodPaymentsTwoQuarters);
        if (s.upgrade != UpgradeAction::kLimit) {
            p.new_grade = GradeAbove(in.grade);
            if (!p.new_grade) p.reasons.push_back(ReevaluationReason::kTopGrade);
        }
        const bool raise =
            s.upgrade == UpgradeAction::kLimit || (s.upgrade == UpgradeAction::kGradeElseLimit && !p.new_grade);
        if (raise) {
            if (!in.limit) {
                p.reasons.push_back(ReevaluationReason::kNoLimit);
            } else {
                const Money raised = Raised(*in.limit, s.max_increase_pct);
                if (raised.minor() > in.limit->minor()) p.new_limit = raised;
            }
        }
        if (p.new_grade || p.new_limit) p.kind = ProposalKind::kUpgrade;
    }
    return p;
}

}  // namespace credo::domain
