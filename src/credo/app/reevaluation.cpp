#include "credo/app/reevaluation.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/credit/evaluation.hpp"
#include "credo/domain/credit/grade.hpp"
#include "credo/domain/credit/reevaluation.hpp"
#include "credo/domain/credit/score.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

// The last day of the quarter before the one holding `date`.
Date EndOfPreviousQuarter(Date date) {
    const unsigned month = static_cast<unsigned>(date.month());
    const unsigned first = ((month - 1) / 3) * 3 + 1;
    const Date start{date.year(), std::chrono::month(first), std::chrono::day(1)};
    return AddDays(start, -1);
}

struct CustomerLedger {
    std::vector<domain::ReceivableItem> items;
};

}  // namespace

// An invoice with its settlements up to `as_of` as a receivable item in the account's currency (at the
// invoice's rate), appended to `items`.
Status AppendReceivableItem(const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled,
                            const std::string& account_currency, Date as_of,
                            std::vector<domain::ReceivableItem>& items) {
    CREDO_TRY(auto from, Currency::FromCode(inv.currency));
    CREDO_TRY(auto into, Currency::FromCode(account_currency));
    CREDO_TRY(auto amount, Convert(Money(inv.amount_minor, from), inv.rate_e8, into));
    domain::ReceivableItem item{inv.issue_date, inv.due_date, amount, {}};
    std::int64_t total = 0;
    for (const auto& s : settled) {
        if (s.day > as_of) continue;
        CREDO_TRY(auto part, Convert(Money(s.amount_minor, from), inv.rate_e8, into));
        // Rounding must not let the settlements exceed the item.
        const std::int64_t minor = std::min(part.minor(), amount.minor() - total);
        if (minor <= 0) continue;
        total += minor;
        item.settlements.push_back({s.day, Money(minor, into),
                                    s.kind == "credit_note" ? domain::SettlementKind::kCreditNote
                                    : s.kind == "write_off" ? domain::SettlementKind::kWriteOff
                                                            : domain::SettlementKind::kPayment});
    }
    if (amount.minor() > 0) items.push_back(std::move(item));
    return Ok();
}

Result<std::optional<ReevaluationReport>> RunReevaluationOnce(Database& db, const Context& ctx, const Actor& actor,
                                                              Date as_of, const std::string& server) {
    if (!actor.Has(Role::kAdmin) && !actor.Has(Role::kFinance) && !actor.Has(Role::kExecutive))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not run the re-evaluation");
    return WriteTx(db, [&](Tx& tx) -> Result<std::optional<ReevaluationReport>> {
        CREDO_TRY(bool claimed, tx.JobRuns().Claim("reevaluation", as_of, server, ctx.clock.Now()));
        if (!claimed) return std::optional<ReevaluationReport>();
        CREDO_TRY(auto report, Reevaluate(tx, ctx, as_of));
        return std::optional<ReevaluationReport>(report);
    });
}

Result<BehaviourView> GetBehaviour(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer, Date as_of) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_TRY(auto account, tx.Ledger().FindAccount(customer));
    BehaviourView view{account ? account->currency : ctx.settings.base_currency, {}, std::nullopt, std::nullopt, {}};
    std::vector<domain::ReceivableItem> items;
    CREDO_CHECK(tx.Ledger().ScanCustomerReceivables(
        customer, as_of, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) {
            return AppendReceivableItem(inv, settled, view.currency, as_of, items);
        }));
    CREDO_TRY(auto currency, Currency::FromCode(view.currency));
    CREDO_TRY(auto behaviour, domain::MeasureBehaviour(items, currency, as_of));
    CREDO_TRY(auto evaluations, tx.Evaluations().List(customer));
    for (const auto& e : evaluations)  // newest first
        if (e.day <= as_of) {
            view.evaluation = e.score;
            break;
        }
    CREDO_TRY(auto settings, LoadCreditSettings(tx, ctx));
    if (behaviour.HasWindowHistory() || view.evaluation) {
        CREDO_TRY(auto decided, domain::DecideGrade(behaviour, view.evaluation, settings.initial_grade));
        view.grade = decided;
    }
    CREDO_TRY(view.score, domain::ComputeCreditScore(view.evaluation, behaviour, settings.score_weights));
    view.behaviour = std::make_unique<domain::PaymentBehaviour>(std::move(behaviour));
    return view;
}

bool StartsQuarter(Date date) {
    const unsigned m = static_cast<unsigned>(date.month());
    return static_cast<unsigned>(date.day()) == 1 && (m - 1) % 3 == 0;
}

Result<EvaluationRecord> AddEvaluation(Tx& tx, const Context& ctx, const Actor& actor, const EvaluationInput& in) {
    auto customer = tx.Customers().Find(in.customer);
    if (!customer || !CheckReadable(actor, *customer)) return NotFound("customer", in.customer.str());
    if (!actor.MayWriteCustomers() && !actor.Has(Role::kFinance))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not evaluate customers");
    if (!actor.Has(Role::kFinance)) CREDO_CHECK(CheckWritable(actor, *customer));
    domain::CreditEvaluation e;
    e.evaluator = actor.id;
    e.date = in.day.value_or(DateOf(ctx.clock.Now()));
    e.comments = in.comments;
    boost::json::object factors;
    for (const auto& [factor, name] : domain::kEvaluationFactorNames.entries) {
        auto it = in.factors.find(std::string(name));
        if (it == in.factors.end()) return FieldError("factors." + std::string(name), "is required, from 0 to 10");
        e.scores[domain::FactorIndex(factor)] = it->second;
        factors[name] = it->second;
    }
    for (const auto& [name, _] : in.factors)
        if (!domain::kEvaluationFactorNames.Parse(name, "factors"))
            return FieldError("factors." + name, "is not a factor of the evaluation");
    CREDO_CHECK(domain::ValidateEvaluation(e, DateOf(ctx.clock.Now())));
    CREDO_TRY(int score, domain::EvaluationScore(e.scores));
    EvaluationRecord r{0,      in.customer,      boost::json::serialize(factors),
                       score,  ActorIdOf(actor), actor.username,
                       e.date, in.comments,      ctx.clock.Now()};
    CREDO_TRY(r.id, tx.Evaluations().Insert(r));
    // An evaluated customer has a credit account (without credit until an application grants it), so that
    // the re-evaluation grades it.
    CREDO_CHECK(tx.Ledger().EnsureAccount(in.customer, ctx.settings.base_currency, kDefaultTermDays, ctx.clock.Now()));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditEvaluation, "customer", in.customer.str(),
                            {{"evaluation_id", r.id}, {"score", score}, {"day", FormatDate(r.day)}}));
    return r;
}

Result<std::vector<EvaluationRecord>> ListEvaluations(Tx& tx, const Actor& actor, CustomerId customer) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    return tx.Evaluations().List(customer);
}

Result<JustificationRecord> RecordJustification(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                                                const std::string& reason, Date valid_until) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    if (!actor.Has(Role::kRegionalManager) && !actor.Has(Role::kSalesManager) && !actor.Has(Role::kFinance) &&
        !actor.Has(Role::kExecutive) && actor.id.valid())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not set a downgrade aside");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos || reason.size() > 2000)
        return FieldError("reason", "is required: why the late payments are normal, at most 2000 bytes");
    const Date today = DateOf(ctx.clock.Now());
    if (valid_until < today) return FieldError("valid_until", "must not be before today");
    if (valid_until > AddDays(today, kMaxJustificationDays))
        return FieldError("valid_until", "must be at most " + std::to_string(kMaxJustificationDays) + " days ahead");
    JustificationRecord j{
        0, customer, reason, today, valid_until, ActorIdOf(actor), actor.display_name, ctx.clock.Now()};
    CREDO_TRY(j.id, tx.Evaluations().InsertJustification(j));
    CREDO_CHECK(
        RecordAudit(tx, ctx, actor, audit_action::kCreditJustification, "customer", customer.str(),
                    {{"justification_id", j.id}, {"reason", reason}, {"valid_until", FormatDate(valid_until)}}));
    return j;
}

Result<std::vector<JustificationRecord>> ListJustifications(Tx& tx, const Actor& actor, CustomerId customer) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    return tx.Evaluations().Justifications(customer);
}

Result<ReevaluationReport> Reevaluate(Tx& tx, const Context& ctx, Date as_of) {
    ReevaluationReport report;
    report.as_of = as_of;
    CREDO_TRY(auto accounts, tx.Ledger().Accounts());
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < accounts.size(); ++i) index[accounts[i].customer.value()] = i;
    std::vector<CustomerLedger> ledgers(accounts.size());
    // Every invoice with its settlements, in the account's currency at the invoice's rate.
    CREDO_CHECK(tx.Ledger().ScanReceivables(
        as_of, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) -> Status {
            auto it = index.find(inv.customer.value());
            if (it == index.end()) return Ok();
            return AppendReceivableItem(inv, settled, accounts[it->second].currency, as_of, ledgers[it->second].items);
        }));
    CREDO_TRY(auto settings, LoadCreditSettings(tx, ctx));
    CREDO_TRY(auto justified_ids, tx.Evaluations().JustifiedOn(as_of));
    std::unordered_map<std::int64_t, bool> justified;
    for (auto id : justified_ids) justified[id.value()] = true;
    CREDO_TRY(auto scores, tx.Evaluations().LatestScores(as_of));
    std::unordered_map<std::int64_t, int> evaluation;
    for (const auto& [customer, score] : scores) evaluation[customer.value()] = score;
    CreditApplicationQuery pending_query;
    pending_query.status = "pending";
    pending_query.limit = 200;
    std::unordered_map<std::int64_t, bool> pending;
    for (std::int64_t offset = 0;; offset += pending_query.limit) {
        pending_query.offset = offset;
        CREDO_TRY(auto page, tx.CreditApplications().List(pending_query));
        for (const auto& a : page.items) pending[a.customer.value()] = true;
        if (static_cast<std::int64_t>(page.items.size()) < pending_query.limit) break;
    }
    const Date q2_end = EndOfPreviousQuarter(as_of);
    const Date q1_end = EndOfPreviousQuarter(q2_end);
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        CreditAccount& account = accounts[i];
        ++report.accounts;
        CREDO_TRY(auto currency, Currency::FromCode(account.currency));
        const auto& items = ledgers[i].items;
        CREDO_TRY(auto behaviour, domain::MeasureBehaviour(items, currency, as_of));
        std::optional<int> evaluated;
        if (auto e = evaluation.find(account.customer.value()); e != evaluation.end()) evaluated = e->second;
        std::optional<domain::CreditGrade> grade;
        if (behaviour.HasWindowHistory() || evaluated) {
            CREDO_TRY(auto decided, domain::DecideGrade(behaviour, evaluated, settings.initial_grade));
            grade = decided.grade;
        } else if (account.grade) {
            CREDO_TRY(grade, domain::kCreditGradeNames.Parse(*account.grade, "grade"));
        }
        CREDO_TRY(auto score, domain::ComputeCreditScore(evaluated, behaviour, settings.score_weights));
        const std::optional<std::string> grade_name =
            grade ? std::optional<std::string>(std::string(domain::kCreditGradeNames.Name(*grade))) : account.grade;
        if (grade_name != account.grade || account.score != score.score) {
            account.grade = grade_name;
            account.score = score.score;
            account.updated_at = ctx.clock.Now();
            CREDO_CHECK(tx.Ledger().SaveAccount(account));
            ++report.graded;
        }
        if (!grade || !account.limit_minor) continue;
        domain::ReevaluationInput input;
        input.grade = *grade;
        input.limit = Money(*account.limit_minor, currency);
        input.exposure = Money(account.exposure_minor(), currency);
        CREDO_TRY(auto q1, domain::MeasureBehaviour(items, currency, q1_end, 3));
        CREDO_TRY(auto q2, domain::MeasureBehaviour(items, currency, q2_end, 3));
        input.last_two_quarters = {domain::QuarterFrom(q1), domain::QuarterFrom(q2)};
        input.months = behaviour.months;
        input.justification_recorded = justified.count(account.customer.value()) > 0;
        CREDO_TRY(auto proposal, domain::ProposeReevaluation(input, settings.reevaluation));
        if (proposal.kind == domain::ProposalKind::kNone) {
            if (std::find(proposal.reasons.begin(), proposal.reasons.end(),
                          domain::ReevaluationReason::kJustificationRecorded) != proposal.reasons.end())
                ++report.set_aside;
            continue;
        }
        if (pending.count(account.customer.value())) {
            ++report.skipped_pending;
            continue;
        }
        CreditApplicationRecord a;
        a.customer = account.customer;
        a.applicant_name = "system";
        a.currency = account.currency;
        a.requested_limit_minor = proposal.new_limit ? proposal.new_limit->minor() : *account.limit_minor;
        a.requested_term_days = account.term_days;
        a.requested_grade =
            proposal.new_grade
                ? std::optional<std::string>(std::string(domain::kCreditGradeNames.Name(*proposal.new_grade)))
                : grade_name;
        a.report_date = account.report_date;
        a.reason = std::string(domain::kProposalKindNames.Name(proposal.kind)) + " proposed by the re-evaluation of " +
                   FormatDate(as_of);
        for (auto r : proposal.reasons) a.proposal.emplace_back(domain::kReevaluationReasonNames.Name(r));
        a.status = "pending";
        a.round = 1;
        a.source = "reevaluation";
        a.created_at = a.updated_at = ctx.clock.Now();
        CREDO_TRY(a.id, tx.CreditApplications().Insert(a));
        (proposal.kind == domain::ProposalKind::kUpgrade ? report.upgrades : report.downgrades) += 1;
    }
    CREDO_CHECK(RecordAudit(tx, ctx, domain::SystemActor(), audit_action::kCreditReevaluation, "job", "reevaluation",
                            {{"as_of", FormatDate(as_of)},
                             {"accounts", report.accounts},
                             {"graded", report.graded},
                             {"upgrades", report.upgrades},
                             {"downgrades", report.downgrades},
                             {"skipped_pending", report.skipped_pending},
                             {"set_aside", report.set_aside}}));
    return report;
}

}  // namespace credo::app
