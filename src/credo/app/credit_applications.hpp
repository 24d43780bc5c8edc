// Credit applications (SPEC AP-1): a new limit, term or grade for a customer runs through the approval
// chain (domain/credit/approval: regional manager → sales manager → finance → executive above an amount)
// and takes effect only when the last step approves — through GrantCredit, in the same transaction as that
// decision. Each step approves, rejects or returns with a comment; a returned application is changed and
// resubmitted by its applicant, starting a new round. The whole trail is kept and audited. A limit below
// the customer's exposure is refused on submission and again on completion.
#pragma once

#include <optional>
#include <string>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

struct CreditApplicationInput {
    CustomerId customer;
    std::string currency;          // default: the account's
    std::string limit;             // decimal, >= 0
    std::optional<int> term_days;  // default: the account's
    std::optional<std::string> grade;
    std::optional<Date> report_date;  // the credit report behind the request; not in the future
    std::string reason;
};

// Salespeople (and their assistants) apply for their customers. kConflict while another application of
// the customer is pending.
Result<CreditApplicationRecord> SubmitCreditApplication(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                        const CreditApplicationInput& input);
// `decision`: approve, reject or return.
Result<CreditApplicationRecord> DecideCreditApplication(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                        std::int64_t id, const std::string& decision,
                                                        const std::string& comment);
// The applicant changes a returned application and submits it again (a new round).
Result<CreditApplicationRecord> ResubmitCreditApplication(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                          std::int64_t id, const CreditApplicationInput& input);
Result<CreditApplicationRecord> GetCreditApplication(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                     std::int64_t id);
// The role that decides next (empty when none), for display.
Result<std::string> NextStepOf(Tx& tx, const Context& ctx, const CreditApplicationRecord& application);
Result<CreditApplicationPage> ListCreditApplications(Tx& tx, const domain::Actor& actor, CreditApplicationQuery query);

}  // namespace credo::app
