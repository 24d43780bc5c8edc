// Collections (SPEC AR-4, AR-1's write-off): the rules of reminders, collection cases, promises to pay and
// the approval of a write-off. Pure values and decisions; the use cases (app/collections) read the ledger
// and store what these functions decide.
//
// A reminder goes out for an invoice on the days whose distance from its due date is one of the
// configured offsets (negative: before the due date), and only while something of it is open on that day.
// A case moves through the stages reminder → warning → formal demand → legal; forward moves need
// nothing, a move back needs a reason. A promise to pay is kept when the customer's collections from the
// day it was made up to the promised date reach the promised amount, broken when the promised date has
// passed without that, and pending before. A write-off is approved by finance and then by an executive;
// no one decides a request they made, nor both steps of one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credo/base/date.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

// The default reminder offsets in days from the due date (AR-4).
inline constexpr int kDefaultReminderOffsets[] = {-7, 0, 7, 30, 60};

// The offsets in force: the configured ones, sorted, each once.
std::vector<int> NormalizeReminderOffsets(std::vector<int> offsets);
// The offset at which an invoice due on `due` is reminded of on `day`, if `day` is one of its reminder
// days (offsets as normalized).
std::optional<int> ReminderOffset(const std::vector<int>& offsets, Date due, Date day);

enum class CaseStage { kReminder, kWarning, kFormalDemand, kLegal };
inline constexpr auto kCaseStageNames = MakeEnumNames<CaseStage>(
    std::pair{CaseStage::kReminder, "reminder"}, std::pair{CaseStage::kWarning, "warning"},
    std::pair{CaseStage::kFormalDemand, "formal_demand"}, std::pair{CaseStage::kLegal, "legal"});

// Whether a case at `from` may move to `to`: forward always; back only with a reason (kInvalidArgument
// naming "reason" otherwise); to the same stage never (kInvalidArgument naming "stage").
Status CheckStageMove(CaseStage from, CaseStage to, std::string_view reason);

enum class CaseOutcome { kPaid, kPartiallyPaid, kWrittenOff, kSettled, kLegal };
inline constexpr auto kCaseOutcomeNames = MakeEnumNames<CaseOutcome>(
    std::pair{CaseOutcome::kPaid, "paid"}, std::pair{CaseOutcome::kPartiallyPaid, "partially_paid"},
    std::pair{CaseOutcome::kWrittenOff, "written_off"}, std::pair{CaseOutcome::kSettled, "settled"},
    std::pair{CaseOutcome::kLegal, "legal"});

enum class ActionKind { kCall, kVisit, kLetter, kEmail };
inline constexpr auto kActionKindNames =
    MakeEnumNames<ActionKind>(std::pair{ActionKind::kCall, "call"}, std::pair{ActionKind::kVisit, "visit"},
                              std::pair{ActionKind::kLetter, "letter"}, std::pair{ActionKind::kEmail, "email"});

enum class PromiseState { kPending, kKept, kBroken };
inline constexpr auto kPromiseStateNames =
    MakeEnumNames<PromiseState>(std::pair{PromiseState::kPending, "pending"}, std::pair{PromiseState::kKept, "kept"},
                                std::pair{PromiseState::kBroken, "broken"});

// A promise of `amount_minor` by `promised` as of `as_of`, given `collected_minor`: what the customer paid
// (in the promise's currency) from the day the promise was made up to the earlier of `promised` and `as_of`.
PromiseState PromiseStateOf(std::int64_t amount_minor, Date promised, std::int64_t collected_minor, Date as_of);

// The write-off approval chain: finance, then executive.
enum class WriteOffStep { kFinance, kExecutive };
inline constexpr auto kWriteOffStepNames = MakeEnumNames<WriteOffStep>(
    std::pair{WriteOffStep::kFinance, "finance"}, std::pair{WriteOffStep::kExecutive, "executive"});
// The step after `decided` steps approved; nullopt when the chain is complete.
std::optional<WriteOffStep> NextWriteOffStep(int decided);
// Whether a user may decide the next step: it must hold the step's role (kForbidden), must not be the
// requester nor have decided an earlier step (kForbidden).
struct WriteOffDecider {
    bool has_step_role = false;
    bool is_requester = false;
    bool decided_before = false;
};
Status CheckWriteOffDecider(WriteOffStep step, const WriteOffDecider& decider);

}  // namespace credo::domain
