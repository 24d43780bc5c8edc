#include "credo/domain/credit/approval.hpp"

#include <gtest/gtest.h>

namespace credo::domain {
namespace {

Actor Person(std::int64_t id, std::vector<Role> roles) {
    return Actor{UserId(id), "u" + std::to_string(id), "", std::move(roles), "east"};
}

const Actor kSales = Person(1, {Role::kSales});
const Actor kRegional = Person(2, {Role::kRegionalManager});
const Actor kSalesManager = Person(3, {Role::kSalesManager});
const Actor kFinance = Person(4, {Role::kFinance});
const Actor kExecutive = Person(5, {Role::kExecutive});

const CreditApplicationFacts kSmall{UserId(1), 50'000'000};  // 500,000.00

TEST(Approval, StepsDependOnTheRequestedLimit) {
    const ApprovalChain chain = DefaultApprovalChain();
    EXPECT_TRUE(ValidateApprovalChain(chain).has_value());
    struct Case {
        std::int64_t requested;
        std::vector<Role> steps;
    };
    const std::vector<Role> three{Role::kRegionalManager, Role::kSalesManager, Role::kFinance};
    const std::vector<Role> four{Role::kRegionalManager, Role::kSalesManager, Role::kFinance, Role::kExecutive};
    for (const Case& c : {Case{0, three}, Case{kDefaultExecutiveAboveMinor - 1, three},
                          Case{kDefaultExecutiveAboveMinor, three}, Case{kDefaultExecutiveAboveMinor + 1, four}})
        EXPECT_EQ(StepsFor(chain, {UserId(1), c.requested}), c.steps) << c.requested;
    EXPECT_EQ(StepsFor(DefaultApprovalChain(0), {UserId(1), 1}), four);
}

TEST(Approval, WalksTheChainToApproval) {
    const ApprovalChain chain = DefaultApprovalChain();
    const CreditApplicationFacts big{UserId(1), kDefaultExecutiveAboveMinor + 1};
    std::vector<StepDecision> trail;
    struct Step {
        const Actor* actor;
        ApplicationStatus status;
        std::optional<Role> next;
    };
    for (const Step& s : {Step{&kRegional, ApplicationStatus::kPending, Role::kSalesManager},
                          Step{&kSalesManager, ApplicationStatus::kPending, Role::kFinance},
                          Step{&kFinance, ApplicationStatus::kPending, Role::kExecutive},
                          Step{&kExecutive, ApplicationStatus::kApproved, std::nullopt}}) {
        Result<DecisionOutcome> d = DecideStep(chain, big, trail, *s.actor, ApprovalDecision::kApprove, "");
        ASSERT_TRUE(d.has_value()) << d.error().message;
        EXPECT_EQ(d->recorded.actor, s.actor->id);
        EXPECT_EQ(d->progress.status, s.status);
        EXPECT_EQ(d->progress.next_step, s.next);
        trail.push_back(d->recorded);
    }
    EXPECT_EQ(trail[2].step, Role::kFinance);
    const ApplicationProgress p = ApprovalProgress(chain, big, trail).value();
    EXPECT_EQ(p.status, ApplicationStatus::kApproved);
    EXPECT_EQ(p.decided_steps, 4u);
    EXPECT_EQ(ApprovalProgress(chain, big, {}).value().next_step, Role::kRegionalManager);
}

TEST(Approval, RejectAndReturnEndTheRound) {
    const ApprovalChain chain = DefaultApprovalChain();
    struct Case {
        ApprovalDecision decision;
        ApplicationStatus status;
    };
    for (const Case& c : {Case{ApprovalDecision::kReject, ApplicationStatus::kRejected},
                          Case{ApprovalDecision::kReturn, ApplicationStatus::kReturned}}) {
        std::vector<StepDecision> trail{{Role::kRegionalManager, ApprovalDecision::kApprove, kRegional.id, ""}};
        Result<DecisionOutcome> d = DecideStep(chain, kSmall, trail, kSalesManager, c.decision, "payments slipping");
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->progress.status, c.status);
        EXPECT_EQ(d->progress.next_step, std::nullopt);
        EXPECT_EQ(d->recorded.comment, "payments slipping");
        trail.push_back(d->recorded);
        // Nothing more can be decided on it.
        Result<DecisionOutcome> again = DecideStep(chain, kSmall, trail, kFinance, ApprovalDecision::kApprove, "");
        ASSERT_FALSE(again.has_value());
        EXPECT_EQ(again.error().code, Errc::kConflict);
        EXPECT_EQ(again.error().details.at("status"), kApplicationStatusNames.Name(c.status));
    }
}

TEST(Approval, RefusedDecisions) {
    const ApprovalChain chain = DefaultApprovalChain();
    const std::vector<StepDecision> approved{{Role::kRegionalManager, ApprovalDecision::kApprove, kRegional.id, ""},
                                             {Role::kSalesManager, ApprovalDecision::kApprove, kSalesManager.id, ""},
                                             {Role::kFinance, ApprovalDecision::kApprove, kFinance.id, ""}};
    const std::vector<StepDecision> at_finance(approved.begin(), approved.begin() + 2);
    const Actor both = Person(6, {Role::kSalesManager, Role::kFinance});
    const std::vector<StepDecision> both_decided{{Role::kRegionalManager, ApprovalDecision::kApprove, kRegional.id, ""},
                                                 {Role::kSalesManager, ApprovalDecision::kApprove, both.id, ""}};
    struct Case {
        const char* name;
        std::vector<StepDecision> trail;
        Actor actor;
        CreditApplicationFacts application;
        ApprovalDecision decision;
        std::string comment;
        Errc code;
    };
    const Case cases[] = {
        {"a completed application", approved, kExecutive, kSmall, ApprovalDecision::kApprove, "", Errc::kConflict},
        {"the step's role is missing", at_finance, kSalesManager, kSmall, ApprovalDecision::kApprove, "",
         Errc::kForbidden},
        {"the applicant approving itself",
         {},
         Person(1, {Role::kSales, Role::kRegionalManager}),
         kSmall,
         ApprovalDecision::kApprove,
         "",
         Errc::kForbidden},
        {"the applicant rejecting itself",
         {},
         Person(1, {Role::kSales, Role::kRegionalManager}),
         kSmall,
         ApprovalDecision::kReject,
         "withdrawn",
         Errc::kForbidden},
        {"one person, two steps", both_decided, both, kSmall, ApprovalDecision::kApprove, "", Errc::kForbidden},
        {"reject without comment", at_finance, kFinance, kSmall, ApprovalDecision::kReject, "", Errc::kInvalidArgument},
        {"return with blanks only", at_finance, kFinance, kSmall, ApprovalDecision::kReturn, " \t\n",
         Errc::kInvalidArgument},
        {"comment too long", at_finance, kFinance, kSmall, ApprovalDecision::kApprove,
         std::string(kMaxDecisionComment + 1, 'x'), Errc::kInvalidArgument},
        {"a trail that skips a step", {approved[1]}, kFinance, kSmall, ApprovalDecision::kApprove, "", Errc::kConflict},
    };
    for (const Case& c : cases) {
        Result<DecisionOutcome> d = DecideStep(chain, c.application, c.trail, c.actor, c.decision, c.comment);
        ASSERT_FALSE(d.has_value()) << c.name;
        EXPECT_EQ(d.error().code, c.code) << c.name << ": " << d.error().message;
        if (c.code == Errc::kInvalidArgument) {
            EXPECT_EQ(d.error().fields.count("comment"), 1u) << c.name;
        }
    }
    // Approving needs no comment; with distinct deciders off one person may decide two steps.
    EXPECT_TRUE(DecideStep(chain, kSmall, at_finance, kFinance, ApprovalDecision::kApprove, "").has_value());
    ApprovalChain lenient = chain;
    lenient.distinct_deciders = false;
    EXPECT_TRUE(DecideStep(lenient, kSmall, both_decided, both, ApprovalDecision::kApprove, "").has_value());
}

TEST(Approval, SubmittersAndChainValidation) {
    const ApprovalChain chain = DefaultApprovalChain();
    EXPECT_TRUE(MaySubmit(chain, kSales).has_value());
    EXPECT_EQ(MaySubmit(chain, kFinance).error().code, Errc::kForbidden);
    struct Case {
        const char* name;
        ApprovalChain chain;
        const char* field;
    };
    const Case cases[] = {
        {"no submitter", {{}, {{Role::kFinance, std::nullopt}}, true}, "submitters"},
        {"no step", {{Role::kSales}, {}, true}, "steps"},
        {"only conditional steps", {{Role::kSales}, {{Role::kExecutive, 5}}, true}, "steps"},
        {"a role twice", {{Role::kSales}, {{Role::kFinance, std::nullopt}, {Role::kFinance, 10}}, true}, "steps[1]"},
        {"negative amount",
         {{Role::kSales}, {{Role::kFinance, std::nullopt}, {Role::kExecutive, -1}}, true},
         "steps[1]"},
    };
    for (const Case& c : cases) {
        Status s = ValidateApprovalChain(c.chain);
        ASSERT_FALSE(s.has_value()) << c.name;
        EXPECT_EQ(s.error().fields.count(c.field), 1u) << c.name << ": " << s.error().message;
        EXPECT_FALSE(ApprovalProgress(c.chain, kSmall, {}).has_value()) << c.name;
    }
}

TEST(Approval, NewLimitMustCoverTheExposure) {
    const Currency cny = Currency::FromCode("CNY").value();
    struct Case {
        std::int64_t limit, exposure;
        bool ok;
    };
    for (const Case& c : {Case{10000000, 9999999, true}, Case{10000000, 10000000, true}, Case{9999999, 10000000, false},
                          Case{0, 0, true}, Case{0, -100, true}, Case{-1, -100, false}}) {
        Status s = CheckNewLimit(Money(c.limit, cny), Money(c.exposure, cny));
        EXPECT_EQ(s.has_value(), c.ok) << c.limit << " vs " << c.exposure;
        if (!s.has_value()) {
            EXPECT_EQ(s.error().code, Errc::kInvalidArgument);
            EXPECT_EQ(s.error().fields.count("limit"), 1u);
        }
    }
    Status s = CheckNewLimit(Money(9999999, cny), Money(10000000, cny));
    EXPECT_EQ(s.error().fields.at("limit"), "99999.99 CNY is below the current exposure 100000.00 CNY");
    EXPECT_FALSE(CheckNewLimit(Money(1, Currency::FromCode("USD").value()), Money(0, cny)).has_value());
}

}  // namespace
}  // namespace credo::domain
