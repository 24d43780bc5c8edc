#include "credo/domain/credit/policy.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

TEST(CreditPolicy, DefaultsFollowTheSpec) {
    struct Case {
        CreditGrade grade;
        bool credit, extend;
        PrepaymentRequirement prepayment;
        bool phase_out;
    };
    const CreditPolicies p = DefaultCreditPolicies();
    for (const Case& c : {Case{CreditGrade::kI, true, true, PrepaymentRequirement::kNone, false},
                          Case{CreditGrade::kII, true, false, PrepaymentRequirement::kNone, false},
                          Case{CreditGrade::kIII, false, false, PrepaymentRequirement::kBeforeShipment, false},
                          Case{CreditGrade::kIV, false, false, PrepaymentRequirement::kStrict, true}}) {
        const GradePolicy& g = p.For(c.grade);
        const std::string_view name = kCreditGradeNames.Name(c.grade);
        EXPECT_EQ(g.credit_sales_allowed, c.credit) << name;
        EXPECT_EQ(g.may_extend_terms, c.extend) << name;
        EXPECT_EQ(g.prepayment, c.prepayment) << name;
        EXPECT_EQ(g.phase_out, c.phase_out) << name;
    }
    EXPECT_TRUE(ValidateCreditPolicies(p).has_value());
    EXPECT_EQ(kPrepaymentRequirementNames.Name(PrepaymentRequirement::kBeforeShipment), "before_shipment");
}

TEST(CreditPolicy, IncoherentPoliciesAreRefused) {
    struct Case {
        const char* name;
        CreditGrade grade;
        GradePolicy policy;
        const char* field;
    };
    const Case cases[] = {
        {"credit with prepayment",
         CreditGrade::kII,
         {true, false, PrepaymentRequirement::kBeforeShipment, false},
         "policies.II.prepayment"},
        {"no credit, no prepayment",
         CreditGrade::kIII,
         {false, false, PrepaymentRequirement::kNone, false},
         "policies.III.prepayment"},
        {"extended terms without credit",
         CreditGrade::kIV,
         {false, true, PrepaymentRequirement::kStrict, true},
         "policies.IV.may_extend_terms"},
    };
    for (const Case& c : cases) {
        CreditPolicies p = DefaultCreditPolicies();
        p.For(c.grade) = c.policy;
        Status s = ValidateCreditPolicies(p);
        ASSERT_FALSE(s.has_value()) << c.name;
        EXPECT_EQ(s.error().fields.count(c.field), 1u) << c.name << ": " << s.error().message;
    }
    // Configurable: grade III may be given credit, grade II phased out.
    CreditPolicies p = DefaultCreditPolicies();
    p.For(CreditGrade::kIII) = {true, false, PrepaymentRequirement::kNone, false};
    p.For(CreditGrade::kII).phase_out = true;
    EXPECT_TRUE(ValidateCreditPolicies(p).has_value());
}

}  // namespace
}  // namespace credo::domain

namespace credo::domain {
namespace {

TEST(CreditPolicy, KindsAreTheFourPoliciesOfTheSpec) {
    EXPECT_EQ(GradePolicyOfKind(0, "k")->may_extend_terms, true);
    EXPECT_EQ(GradePolicyOfKind(1, "k")->credit_sales_allowed, true);
    EXPECT_EQ(GradePolicyOfKind(1, "k")->may_extend_terms, false);
    EXPECT_EQ(GradePolicyOfKind(2, "k")->prepayment, PrepaymentRequirement::kBeforeShipment);
    EXPECT_EQ(GradePolicyOfKind(3, "k")->phase_out, true);
    EXPECT_TRUE(GradePolicyOfKind(4, "credit.policy_II").error().fields.contains("credit.policy_II"));
    EXPECT_FALSE(GradePolicyOfKind(-1, "k"));
}

}  // namespace
}  // namespace credo::domain
