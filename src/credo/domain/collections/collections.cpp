#include "credo/domain/collections/collections.hpp"

#include <algorithm>

namespace credo::domain {

std::vector<int> NormalizeReminderOffsets(std::vector<int> offsets) {
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    return offsets;
}

std::optional<int> ReminderOffset(const std::vector<int>& offsets, Date due, Date day) {
    const int days = DaysBetween(due, day);
    for (int o : offsets)
        if (o == days) return o;
    return std::nullopt;
}

Status CheckStageMove(CaseStage from, CaseStage to, std::string_view reason) {
    if (from == to) return FieldError("stage", "the case is already at " + std::string(kCaseStageNames.Name(to)));
    if (to < from && reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return FieldError("reason", "is required to move a case back from " + std::string(kCaseStageNames.Name(from)) +
                                        " to " + std::string(kCaseStageNames.Name(to)));
    return Ok();
}

PromiseState PromiseStateOf(std::int64_t amount_minor, Date promised, std::int64_t collected_minor, Date as_of) {
    if (collected_minor >= amount_minor) return PromiseState::kKept;
    if (as_of > promised) return PromiseState::kBroken;
    return PromiseState::kPending;
}

std::optional<WriteOffStep> NextWriteOffStep(int decided) {
    if (decided <= 0) return WriteOffStep::kFinance;
    if (decided == 1) return WriteOffStep::kExecutive;
    return std::nullopt;
}

Status CheckWriteOffDecider(WriteOffStep step, const WriteOffDecider& decider) {
    if (!decider.has_step_role)
        return MakeError(Errc::kForbidden,
                         "the " + std::string(kWriteOffStepNames.Name(step)) + " step is decided by that role");
    if (decider.is_requester) return MakeError(Errc::kForbidden, "no one decides a write-off they requested");
    if (decider.decided_before) return MakeError(Errc::kForbidden, "no one decides two steps of one write-off");
    return Ok();
}

}  // namespace credo::domain
