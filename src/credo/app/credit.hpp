// Credit accounts (SPEC LC-1, LC-2, LC-7): the terms in force per customer, the exposure kept with every
// ledger entry, and the shared steps of every credit decision — the rate into the account's currency
// and the state the order check reads.
//
// Exposure is kept in the account's currency: an order reserves its credit part converted at the order
// date's rate, an invoice adds its open amount converted at its issue date's rate (stored with it), so
// that `ReconcileExposure` recomputes exactly the same sums from the documents.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/credit/order_check.hpp"
#include "credo/domain/credit/reevaluation.hpp"
#include "credo/domain/credit/score.hpp"
#include "credo/domain/credit/utilization.hpp"

namespace credo::app {

inline constexpr int kDefaultTermDays = 30;

// The credit policies in force (the credit.* policies; SPEC CE-4, DY-2, LC-3, LC-5, AP-1).
struct CreditSettings {
    domain::CreditPolicies policies;               // per grade
    int report_validity_days = 365;                // DY-2
    int overdue_tolerance_days = 0;                // LC-3
    std::vector<domain::AlertLevel> levels;        // LC-5: ascending
    std::int64_t executive_above_minor = 0;        // AP-1: in the base currency's minor units
    domain::InitialGradeThresholds initial_grade;  // CE-3
    domain::CreditScoreWeights score_weights;      // CE-5: scaled to 100
    domain::ReevaluationSettings reevaluation;     // AP-2
};
// kInvalidArgument naming "value" when the stored policies disagree with each other: alert levels not
// ascending, initial-grade scores not descending, or every score weight zero.
Result<CreditSettings> LoadCreditSettings(Tx& tx, const Context& ctx);

// The new terms of an account: what an approved credit application (AP-1) grants.
struct CreditTerms {
    std::string currency;  // the limit's
    std::optional<std::int64_t> limit_minor;
    int term_days = kDefaultTermDays;
    std::optional<Date> valid_from;
    std::optional<Date> valid_until;  // default: a year after valid_from (LC-1)
    std::optional<std::string> grade;
    std::optional<int> score;
    std::optional<Date> report_date;
};

// Sets the terms of the customer's account (opening it when needed), audited as credit.terms. A limit
// below the exposure is refused (kInvalidArgument naming limit), and so is a change of currency while
// anything is exposed. Authorization is the caller's (the approval chain).
Status GrantCredit(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer,
                   const CreditTerms& terms);

// Puts the account on hold or takes it off (finance, executive; audited as credit.hold).
Status SetCreditHold(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer, bool on_hold,
                     const std::string& reason);

// LC-7: an extra amount on top of the limit from start to end (finance, executive; audited).
Result<CreditExceptionRecord> AddCreditException(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                 CustomerId customer, const std::string& amount, Date start, Date end,
                                                 const std::string& reason);

// CE-6: a rating from a third-party agency. kInvalidArgument naming agency, rating or valid_until.
Result<RatingRecord> AddRating(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer,
                               const std::string& agency, const std::string& rating, Date day,
                               std::optional<Date> valid_until);
// CE-7: a credit insurance policy covering up to `covered` (a decimal in `currency`) from start to end.
Result<InsuranceRecord> AddInsurance(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer,
                                     const std::string& insurer, const std::string& policy_number,
                                     const std::string& currency, const std::string& covered, Date start, Date end);

// The account as the actor may see it (read scope), with what the order check would use on `date`.
struct CreditView {
    CreditAccount account;
    std::vector<CreditExceptionRecord> exceptions;  // running on or after `date`
    std::int64_t effective_limit_minor = 0;         // limit + exceptions active on `date`
    std::int64_t available_minor = 0;
    std::optional<std::int64_t> utilization_bp;  // none without a limit
    std::optional<Date> oldest_overdue;          // the oldest open item past due on `date`
    std::vector<RatingRecord> ratings;           // newest first
    std::vector<InsuranceRecord> insurance;      // latest start first
    // CE-7: the exposure covered by the policies in force on `date` (those in the account's currency), and
    // the rest.
    std::int64_t insured_minor = 0;
    std::int64_t uninsured_minor = 0;
};
Result<CreditView> GetCredit(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer, Date date);

// OP-2: an admin (or finance) enters the rate of a currency into the base currency from `day` on; audited
// as fx.rate. kInvalidArgument naming "currency" (unknown, or the base currency itself) or "rate".
Status SetFxRate(Tx& tx, const Context& ctx, const domain::Actor& actor, const std::string& currency, Date day,
                 const std::string& rate);

// The rate from `currency` into `into` on `date` (1 for the same currency), through the base currency's
// dated rates; kInvalidArgument naming `field` when a rate is missing.
Result<std::int64_t> RateInto(Tx& tx, const Context& ctx, std::string_view currency, std::string_view into, Date date,
                              std::string_view field);

// The account locked for a credit decision (opened without credit when the customer has none).
Result<CreditAccount> LockCreditAccount(Tx& tx, const Context& ctx, CustomerId customer);

// What the order check reads for `account` on `date`, under `settings`.
Result<domain::CreditAccountState> CheckStateOf(Tx& tx, const CreditSettings& settings, const CreditAccount& account,
                                                Date date);

// Moves the account's exposure and raises the utilization alerts an upward crossing calls for (LC-5).
Status MoveExposure(Tx& tx, const Context& ctx, const CreditAccount& account, std::int64_t receivables_delta,
                    std::int64_t orders_delta);

// `credo credit reconcile`: the exposure recomputed from the documents against the kept one.
struct ExposureDifference {
    CustomerId customer;
    std::int64_t kept_receivables = 0;
    std::int64_t ledger_receivables = 0;
    std::int64_t kept_orders = 0;
    std::int64_t ledger_orders = 0;
};
struct ReconcileReport {
    std::int64_t accounts = 0;
    std::vector<ExposureDifference> differences;
};
Result<ReconcileReport> ReconcileExposure(Tx& tx);

}  // namespace credo::app
