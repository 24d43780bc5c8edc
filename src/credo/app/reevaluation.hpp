// Evaluations and the periodic re-evaluation of every customer (SPEC CE-1…CE-3, CE-5, AP-2).
//
// An evaluation (the eight-factor questionnaire) is entered by the roles that manage credit or sell. The
// re-evaluation, as of a date, measures each customer's payment behaviour over the twelve months before
// it from the ledger, decides its grade (CE-3; from the latest evaluation when it has no history) and its
// score (CE-5), stores them on its credit account, and turns the AP-2 rules — good payments in the last
// two quarters, or no collection in consecutive months while amounts were due — into upgrade and
// downgrade proposals: credit applications from the system, with their reasons, for the approval chain.
// It runs once per date (jobs/scheduler), on the first day of each quarter inside `credo serve`.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/credit/score.hpp"

namespace credo::app {

struct EvaluationInput {
    CustomerId customer;
    std::map<std::string, int> factors;  // every factor by name, 0..10
    std::optional<Date> day;             // default today
    std::string comments;
};
// kInvalidArgument naming "factors.<name>" for a missing or out-of-range factor. Audited.
Result<EvaluationRecord> AddEvaluation(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                       const EvaluationInput& input);
Result<std::vector<EvaluationRecord>> ListEvaluations(Tx& tx, const domain::Actor& actor, CustomerId customer);

// AP-2: after talking to the customer, a manager records why its late payments are normal; while the
// justification runs (today to `valid_until`, at most kMaxJustificationDays ahead) the re-evaluation makes
// no downgrade proposal for it. Regional managers (their region), sales managers, finance and executives;
// kForbidden otherwise. kInvalidArgument naming "reason" or "valid_until". Audited; never deleted.
inline constexpr int kMaxJustificationDays = 366;
Result<JustificationRecord> RecordJustification(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                CustomerId customer, const std::string& reason, Date valid_until);
// Newest first; any reader of the file.
Result<std::vector<JustificationRecord>> ListJustifications(Tx& tx, const domain::Actor& actor, CustomerId customer);

// CE-2, CE-3, CE-5 as of a date, without storing anything: the twelve months' payment behaviour, the
// grade it (or, without history, the latest evaluation) gives and why, and the score with its reasons.
struct BehaviourView {
    std::string currency;  // the account's
    std::unique_ptr<domain::PaymentBehaviour> behaviour;
    std::optional<int> evaluation;               // the latest evaluation's score on or before the date
    std::optional<domain::GradeDecision> grade;  // none: no history and no evaluation
    domain::CreditScore score;
};
Result<BehaviourView> GetBehaviour(Tx& tx, const Context& ctx, const domain::Actor& actor, CustomerId customer,
                                   Date as_of);

struct ReevaluationReport {
    Date as_of{};
    std::int64_t accounts = 0;
    std::int64_t graded = 0;    // accounts whose grade or score changed
    std::int64_t upgrades = 0;  // proposals made
    std::int64_t downgrades = 0;
    std::int64_t skipped_pending = 0;  // a proposal left out: the customer already has a pending application
    std::int64_t set_aside = 0;        // a downgrade set aside by a justification running on `as_of` (AP-2)
};
Result<ReevaluationReport> Reevaluate(Tx& tx, const Context& ctx, Date as_of);

// POST /jobs/reevaluation: runs the re-evaluation for `as_of` unless it already ran for that date (on any
// server: the same claim as the scheduler's, job "reevaluation"); nullopt when it had. Admins, finance and
// executives (kForbidden otherwise).
Result<std::optional<ReevaluationReport>> RunReevaluationOnce(Database& db, const Context& ctx,
                                                              const domain::Actor& actor, Date as_of,
                                                              const std::string& server);

// An invoice with its settlements up to `as_of` as a receivable item in the account's currency (at the
// invoice's rate), appended to `items`; nothing when it converts to zero.
Status AppendReceivableItem(const InvoiceRecord& invoice, const std::vector<LedgerRepository::Settled>& settled,
                            const std::string& account_currency, Date as_of,
                            std::vector<domain::ReceivableItem>& items);

// Whether `date` starts a quarter (1 January, 1 April, 1 July, 1 October): when the scheduler runs it.
bool StartsQuarter(Date date);

}  // namespace credo::app
