#include "credo/domain/credit/policy.hpp"

#include <string>

namespace credo::domain {

CreditPolicies DefaultCreditPolicies() {
    CreditPolicies p;
    p.For(CreditGrade::kI) = {true, true, PrepaymentRequirement::kNone, false};
    p.For(CreditGrade::kII) = {true, false, PrepaymentRequirement::kNone, false};
    p.For(CreditGrade::kIII) = {false, false, PrepaymentRequirement::kBeforeShipment, false};
    p.For(CreditGrade::kIV) = {false, false, PrepaymentRequirement::kStrict, true};
    return p;
}

Result<GradePolicy> GradePolicyOfKind(std::int64_t kind, std::string_view field) {
    if (kind < 0 || kind > 3) return FieldError(std::string(field), "must be a policy kind from 0 to 3");
    return DefaultCreditPolicies().For(static_cast<CreditGrade>(kind));
}

Status ValidateCreditPolicies(const CreditPolicies& policies) {
    for (const auto& [grade, name] : kCreditGradeNames.entries) {
        const GradePolicy& p = policies.For(grade);
        const std::string field = "policies." + std::string(name);
        if (p.credit_sales_allowed != (p.prepayment == PrepaymentRequirement::kNone))
            return FieldError(field + ".prepayment", p.credit_sales_allowed
                                                         ? "must be none where credit sales are allowed"
                                                         : "is required where credit sales are not allowed");
        if (p.may_extend_terms && !p.credit_sales_allowed)
            return FieldError(field + ".may_extend_terms", "needs credit sales to be allowed");
    }
    return Ok();
}

}  // namespace credo::domain
