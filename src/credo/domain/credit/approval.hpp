// The approval chain of credit applications (SPEC AP-1, seed s003).
//
// An application (a new limit, grade or term; an increase; a decrease) is submitted by a holder of a
// submitter role (default: sales) and then decided step by step; each step is a role: by default
// regional_manager → sales_manager → finance → executive, the executive step only when the requested
// limit, in base-currency minor units, is above a configurable amount. Each step approves, rejects or
// returns with a comment (required to reject or return). Approval of the last step completes the
// application: only then do the new terms take effect. A rejection ends it; a return sends it back to the
// applicant, who may change and resubmit it, which starts a new round from the first step.
//
// Four eyes: the applicant decides no step of its own application, and (by default) one person decides at
// most one step. The functions replay the decisions of the current round (those since the latest
// submission; the caller keeps the whole trail) and never change anything themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "credo/base/ids.hpp"
#include "credo/base/money.hpp"
#include "credo/base/result.hpp"
#include "credo/domain/access/role.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

struct ApprovalStep {
    Role role = Role::kFinance;
    std::optional<std::int64_t> only_above_minor;  // the step applies only when the requested limit is above
};

struct ApprovalChain {
    std::vector<Role> submitters;
    std::vector<ApprovalStep> steps;
    bool distinct_deciders = true;  // one person decides at most one step
};

// 1,000,000.00 in a base currency with two decimals.
inline constexpr std::int64_t kDefaultExecutiveAboveMinor = 100'000'000;
inline constexpr std::size_t kMaxDecisionComment = 2000;

ApprovalChain DefaultApprovalChain(std::int64_t executive_above_minor = kDefaultExecutiveAboveMinor);
// At least one submitter, at least one step that applies to every application, no role twice among the
// steps, thresholds not negative; else kInvalidArgument naming "submitters", "steps" or "steps[i]".
Status ValidateApprovalChain(const ApprovalChain& chain);

struct CreditApplicationFacts {
    UserId applicant;
    std::int64_t requested_limit_base_minor = 0;  // the requested limit in base-currency minor units
};

// The steps an application goes through, in order.
std::vector<Role> StepsFor(const ApprovalChain& chain, const CreditApplicationFacts& application);

// kForbidden unless the actor holds a submitter role.
Status MaySubmit(const ApprovalChain& chain, const Actor& actor);

enum class ApprovalDecision { kApprove, kReject, kReturn };
inline constexpr auto kApprovalDecisionNames = MakeEnumNames<ApprovalDecision>(
    std::pair{ApprovalDecision::kApprove, "approve"}, std::pair{ApprovalDecision::kReject, "reject"},
    std::pair{ApprovalDecision::kReturn, "return"});

struct StepDecision {
    Role step = Role::kFinance;
    ApprovalDecision decision = ApprovalDecision::kApprove;
    UserId actor;
    std::string comment;
};

enum class ApplicationStatus { kPending, kApproved, kRejected, kReturned };
inline constexpr auto kApplicationStatusNames = MakeEnumNames<ApplicationStatus>(
    std::pair{ApplicationStatus::kPending, "pending"}, std::pair{ApplicationStatus::kApproved, "approved"},
    std::pair{ApplicationStatus::kRejected, "rejected"}, std::pair{ApplicationStatus::kReturned, "returned"});

struct ApplicationProgress {
    ApplicationStatus status = ApplicationStatus::kPending;
    std::optional<Role> next_step;  // the role that decides next, while pending
    std::size_t decided_steps = 0;  // steps approved so far in this round
};

// Where the application stands after the round's decisions. kConflict when the decisions do not follow
// the steps (a decision after the end, or for another step than the one due): a corrupt trail. An invalid
// chain: the errors of ValidateApprovalChain (and so are DecideStep's).
Result<ApplicationProgress> ApprovalProgress(const ApprovalChain& chain, const CreditApplicationFacts& application,
                                             std::span<const StepDecision> decisions);

struct DecisionOutcome {
    StepDecision recorded;  // to append to the trail
    ApplicationProgress progress;
};

// The actor decides the step that is due. Errors, in this order:
//   kConflict         the application is not pending (approved, rejected or returned);
//   kForbidden        the actor does not hold the step's role; the actor is the applicant; with
//                     distinct_deciders, the actor already decided a step of this round;
//   kInvalidArgument  "comment": empty (after trimming spaces) to reject or return, or longer than
//                     kMaxDecisionComment bytes.
Result<DecisionOutcome> DecideStep(const ApprovalChain& chain, const CreditApplicationFacts& application,
                                   std::span<const StepDecision> decisions, const Actor& actor,
                                   ApprovalDecision decision, std::string_view comment);

// A new limit must cover what the customer already owes: kInvalidArgument naming "limit" when it is
// negative, in another currency than the exposure (the caller converts), or below the exposure.
Status CheckNewLimit(const Money& new_limit, const Money& exposure);

}  // namespace credo::domain
