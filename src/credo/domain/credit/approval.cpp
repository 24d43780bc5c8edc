#include "credo/domain/credit/approval.hpp"

#include <algorithm>

namespace credo::domain {
namespace {

std::string RoleName(Role r) { return std::string(kRoleNames.Name(r)); }

bool IsBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

ApprovalChain DefaultApprovalChain(std::int64_t executive_above_minor) {
    return ApprovalChain{{Role::kSales},
                         {{Role::kRegionalManager, std::nullopt},
                          {Role::kSalesManager, std::nullopt},
                          {Role::kFinance, std::nullopt},
                          {Role::kExecutive, executive_above_minor}},
                         true};
}

Status ValidateApprovalChain(const ApprovalChain& chain) {
    if (chain.submitters.empty()) return FieldError("submitters", "name at least one role");
    if (chain.steps.empty()) return FieldError("steps", "name at least one step");
    for (std::size_t i = 0; i < chain.steps.size(); ++i) {
        const std::string field = "steps[" + std::to_string(i) + "]";
        const ApprovalStep& s = chain.steps[i];
        for (std::size_t j = 0; j < i; ++j)
            if (chain.steps[j].role == s.role) return FieldError(field, RoleName(s.role) + " is already a step");
        if (s.only_above_minor && *s.only_above_minor < 0) return FieldError(field, "the amount must not be negative");
    }
    if (std::all_of(chain.steps.begin(), chain.steps.end(), [](const ApprovalStep& s) { return s.only_above_minor; }))
        return FieldError("steps", "need at least one step that applies to every application");
    return Ok();
}

std::vector<Role> StepsFor(const ApprovalChain& chain, const CreditApplicationFacts& application) {
    std::vector<Role> steps;
    for (const ApprovalStep& s : chain.steps)
        if (!s.only_above_minor || application.requested_limit_base_minor > *s.only_above_minor)
            steps.push_back(s.role);
    return steps;
}

Status MaySubmit(const ApprovalChain& chain, const Actor& actor) {
    for (Role r : chain.submitters)
        if (actor.Has(r)) return Ok();
    return MakeError(Errc::kForbidden,
                     "only " + RoleName(chain.submitters.front()) + " may submit credit applications");
}

Result<ApplicationProgress> ApprovalProgress(const ApprovalChain& chain, const CreditApplicationFacts& application,
                                             std::span<const StepDecision> decisions) {
    CREDO_CHECK(ValidateApprovalChain(chain));
    const std::vector<Role> steps = StepsFor(chain, application);  // never empty for a valid chain
    ApplicationProgress p;
    for (const StepDecision& d : decisions) {
        if (p.status != ApplicationStatus::kPending || p.decided_steps >= steps.size())
            return MakeError(Errc::kConflict, "a decision follows the end of the application's round");
        if (d.step != steps[p.decided_steps])
            return MakeError(Errc::kConflict, "a decision by " + RoleName(d.step) + " where " +
                                                  RoleName(steps[p.decided_steps]) + " was due");
        switch (d.decision) {
            case ApprovalDecision::kApprove:
                ++p.decided_steps;
                if (p.decided_steps == steps.size()) p.status = ApplicationStatus::kApproved;
                break;
            case ApprovalDecision::kReject:
                p.status = ApplicationStatus::kRejected;
                break;
            case ApprovalDecision::kReturn:
                p.status = ApplicationStatus::kReturned;
                break;
        }
    }
    if (p.status == ApplicationStatus::kPending) p.next_step = steps[p.decided_steps];
    return p;
}

Result<DecisionOutcome> DecideStep(const ApprovalChain& chain, const CreditApplicationFacts& application,
                                   std::span<const StepDecision> decisions, const Actor& actor,
                                   ApprovalDecision decision, std::string_view comment) {
    CREDO_TRY(ApplicationProgress before, ApprovalProgress(chain, application, decisions));
    if (before.status != ApplicationStatus::kPending) {
        Error e = MakeError(Errc::kConflict, "the application is " +
                                                 std::string(kApplicationStatusNames.Name(before.status)) +
                                                 ", not waiting for a decision");
        e.details.emplace("status", std::string(kApplicationStatusNames.Name(before.status)));
        return e;
    }
    const Role step = *before.next_step;
    if (!actor.Has(step))
        return MakeError(Errc::kForbidden, "the step waits for " + RoleName(step) + ", a role the actor does not hold");
    if (actor.id == application.applicant)
        return MakeError(Errc::kForbidden, "the applicant may not decide on its own application");
    if (chain.distinct_deciders &&
        std::any_of(decisions.begin(), decisions.end(), [&](const StepDecision& d) { return d.actor == actor.id; }))
        return MakeError(Errc::kForbidden, "the actor already decided a step of this application");
    if (decision != ApprovalDecision::kApprove && IsBlank(comment))
        return FieldError("comment", "is required to " + std::string(kApprovalDecisionNames.Name(decision)));
    if (comment.size() > kMaxDecisionComment)
        return FieldError("comment", "is longer than " + std::to_string(kMaxDecisionComment) + " bytes");

    DecisionOutcome out{StepDecision{step, decision, actor.id, std::string(comment)}, {}};
    std::vector<StepDecision> after(decisions.begin(), decisions.end());
    after.push_back(out.recorded);
    CREDO_TRY(out.progress, ApprovalProgress(chain, application, after));
    return out;
}

Status CheckNewLimit(const Money& new_limit, const Money& exposure) {
    if (!(new_limit.currency() == exposure.currency()))
        return FieldError("limit", "is in " + std::string(new_limit.currency().code()) + ", the exposure in " +
                                       std::string(exposure.currency().code()));
    if (new_limit.negative()) return FieldError("limit", "must not be negative");
    if (new_limit.minor() < exposure.minor())
        return FieldError("limit", new_limit.ToString() + " " + std::string(new_limit.currency().code()) +
                                       " is below the current exposure " + exposure.ToString() + " " +
                                       std::string(exposure.currency().code()));
    return Ok();
}

}  // namespace credo::domain
