// The credit policy per grade (SPEC CE-4, seed s002), configurable. Defaults:
//   I    credit sales allowed, terms may be extended;
//   II   credit sales allowed (ship before payment, within the limit);
//   III  prepayment before shipment (s002: "一般要求先付款后发货", as a rule);
//   IV   prepayment strictly (s002: "坚决要求", resolutely), flagged to be phased out.
// The order check (order_check.hpp) treats both prepayment requirements alike: an order that is not fully
// prepaid is held. kStrict records that no exception is intended; release rules may use it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "credo/base/result.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/enum_names.hpp"

namespace credo::domain {

enum class PrepaymentRequirement { kNone, kBeforeShipment, kStrict };
inline constexpr auto kPrepaymentRequirementNames =
    MakeEnumNames<PrepaymentRequirement>(std::pair{PrepaymentRequirement::kNone, "none"},
                                         std::pair{PrepaymentRequirement::kBeforeShipment, "before_shipment"},
                                         std::pair{PrepaymentRequirement::kStrict, "strict"});

struct GradePolicy {
    bool credit_sales_allowed = false;
    bool may_extend_terms = false;
    PrepaymentRequirement prepayment = PrepaymentRequirement::kBeforeShipment;
    bool phase_out = false;  // the customer is to be phased out: its orders are held for review
};

struct CreditPolicies {
    std::array<GradePolicy, 4> by_grade;  // indexed by static_cast<std::size_t>(CreditGrade)

    const GradePolicy& For(CreditGrade grade) const { return by_grade[static_cast<std::size_t>(grade)]; }
    GradePolicy& For(CreditGrade grade) { return by_grade[static_cast<std::size_t>(grade)]; }
};

// The defaults above.
CreditPolicies DefaultCreditPolicies();

// The four kinds of policy of CE-4, by number: 0 credit sales, terms may be extended (I's default); 1 credit
// sales within the limit (II); 2 prepayment before shipment (III); 3 prepayment strictly, to be phased out
// (IV). kInvalidArgument naming `field` outside 0..3.
Result<GradePolicy> GradePolicyOfKind(std::int64_t kind, std::string_view field);

// Each grade's policy must be coherent: credit sales allowed exactly when no prepayment is required, and
// terms extended only where credit sales are allowed. Otherwise kInvalidArgument naming
// "policies.<grade>.prepayment" or "policies.<grade>.may_extend_terms" (grade as "I".."IV").
Status ValidateCreditPolicies(const CreditPolicies& policies);

}  // namespace credo::domain
