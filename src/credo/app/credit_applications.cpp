#include "credo/app/credit_applications.hpp"

#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/credit/approval.hpp"
#include "credo/domain/credit/grade.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

// The chain in force: the SPEC's, salespeople and their assistants submitting, the executive deciding
// above the credit.executive_above policy.
Result<domain::ApprovalChain> Chain(Tx& tx, const Context& ctx) {
    CREDO_TRY(auto settings, LoadCreditSettings(tx, ctx));
    auto chain = domain::DefaultApprovalChain(settings.executive_above_minor);
    chain.submitters = {Role::kSales, Role::kAssistant};
    return chain;
}

struct Requested {
    std::string currency;
    std::int64_t limit_minor = 0;
    int term_days = kDefaultTermDays;
    std::optional<std::string> grade;
    std::optional<Date> report_date;
};

// Validates the requested terms against the customer's account: the limit must cover the exposure.
Result<Requested> CheckRequest(Tx& tx, const Context& ctx, const CreditApplicationInput& in) {
    if (in.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return FieldError("reason", "say why the customer needs this credit");
    if (in.reason.size() > 4000) return FieldError("reason", "is at most 4000 bytes");
    CREDO_TRY(auto account, tx.Ledger().FindAccount(in.customer));
    Requested r;
    r.currency = !in.currency.empty() ? in.currency : account ? account->currency : ctx.settings.base_currency;
    CREDO_TRY(auto currency, Currency::FromCode(r.currency, "currency"));
    CREDO_TRY(auto limit, Money::Parse(in.limit, currency, "limit"));
    r.limit_minor = limit.minor();
    r.term_days = in.term_days.value_or(account ? account->term_days : kDefaultTermDays);
    if (r.term_days < 0 || r.term_days > 3650) return FieldError("term_days", "must be from 0 to 3650 days");
    if (in.grade) {
        CREDO_CHECK(domain::kCreditGradeNames.Parse(*in.grade, "grade"));
        r.grade = in.grade;
    }
    if (in.report_date && *in.report_date > DateOf(ctx.clock.Now()))
        return FieldError("report_date", "must not be in the future");
    r.report_date = in.report_date;
    const std::int64_t exposure = account ? account->exposure_minor() : 0;
    if (account && account->currency != r.currency && exposure != 0)
        return FieldError("currency", "the account is in " + account->currency + " while amounts are exposed");
    CREDO_CHECK(domain::CheckNewLimit(limit, Money(exposure, currency)));
    return r;
}

Result<domain::CreditApplicationFacts> FactsOf(Tx& tx, const Context& ctx, const CreditApplicationRecord& a) {
    CREDO_TRY(auto rate,
              RateInto(tx, ctx, a.currency, ctx.settings.base_currency, DateOf(ctx.clock.Now()), "currency"));
    CREDO_TRY(auto from, Currency::FromCode(a.currency));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    CREDO_TRY(auto limit, Convert(Money(a.requested_limit_minor, from), rate, base));
    return domain::CreditApplicationFacts{a.applicant.value_or(UserId()), limit.minor()};
}

Result<std::vector<domain::StepDecision>> RoundOf(const CreditApplicationRecord& a) {
    std::vector<domain::StepDecision> out;
    for (const auto& d : a.decisions) {
        if (d.round != a.round) continue;
        CREDO_TRY(auto step, domain::kRoleNames.Parse(d.step, "step"));
        CREDO_TRY(auto decision, domain::kApprovalDecisionNames.Parse(d.decision, "decision"));
        out.push_back({step, decision, d.actor.value_or(UserId()), d.comment});
    }
    return out;
}

boost::json::object Details(const CreditApplicationRecord& a) {
    auto currency = Currency::FromCode(a.currency);
    return boost::json::object{
        {"customer_id", a.customer.value()},
        {"limit", currency ? boost::json::value(Money(a.requested_limit_minor, *currency).ToString()) : nullptr},
        {"currency", a.currency},
        {"term_days", a.requested_term_days},
        {"grade", a.requested_grade ? boost::json::value(*a.requested_grade) : nullptr},
        {"round", a.round}};
}

}  // namespace

Result<CreditApplicationRecord> SubmitCreditApplication(Tx& tx, const Context& ctx, const Actor& actor,
                                                        const CreditApplicationInput& in) {
    CREDO_TRY(auto chain, Chain(tx, ctx));
    CREDO_CHECK(domain::MaySubmit(chain, actor));
    auto customer = tx.Customers().Find(in.customer);
    if (!customer || !CheckReadable(actor, *customer))
        return FieldError("customer_id", "no customer " + in.customer.str());
    CREDO_CHECK(CheckWritable(actor, *customer));
    CREDO_TRY(auto requested, CheckRequest(tx, ctx, in));
    CreditApplicationQuery open;
    open.customer = in.customer;
    open.status = "pending";
    CREDO_TRY(auto pending, tx.CreditApplications().List(open));
    if (pending.total > 0)
        return MakeError(Errc::kConflict, "customer " + customer->code + " already has a pending credit application (" +
                                              std::to_string(pending.items[0].id) + ")");
    CreditApplicationRecord a;
    a.customer = in.customer;
    a.applicant = ActorIdOf(actor);
    a.applicant_name = actor.username;
    a.currency = requested.currency;
    a.requested_limit_minor = requested.limit_minor;
    a.requested_term_days = requested.term_days;
    a.requested_grade = requested.grade;
    a.report_date = requested.report_date;
    a.reason = in.reason;
    a.status = "pending";
    a.round = 1;
    a.source = "user";
    a.created_at = a.updated_at = ctx.clock.Now();
    CREDO_TRY(a.id, tx.CreditApplications().Insert(a));
    a.customer_code = customer->code;
    a.customer_name = customer->name;
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditApplicationSubmit, "credit_application",
                            std::to_string(a.id), Details(a)));
    return a;
}

Result<CreditApplicationRecord> DecideCreditApplication(Tx& tx, const Context& ctx, const Actor& actor, std::int64_t id,
                                                        const std::string& decision, const std::string& comment) {
    CREDO_TRY(auto a, tx.CreditApplications().FindForUpdate(id));
    CREDO_TRY(auto customer, tx.Customers().Find(a.customer));
    if (!CheckReadable(actor, customer)) return NotFound("credit application", std::to_string(id));
    CREDO_TRY(auto kind, domain::kApprovalDecisionNames.Parse(decision, "decision"));
    CREDO_TRY(auto facts, FactsOf(tx, ctx, a));
    CREDO_TRY(auto round, RoundOf(a));
    CREDO_TRY(auto chain, Chain(tx, ctx));
    CREDO_TRY(auto outcome, domain::DecideStep(chain, facts, round, actor, kind, comment));
    CreditDecisionRecord record{a.round,
                                std::string(domain::kRoleNames.Name(outcome.recorded.step)),
                                std::string(domain::kApprovalDecisionNames.Name(kind)),
                                ActorIdOf(actor),
                                actor.username,
                                comment,
                                ctx.clock.Now()};
    CREDO_CHECK(tx.CreditApplications().InsertDecision(a.id, record));
    a.decisions.push_back(record);
    const std::int64_t version = a.version;
    a.status = std::string(domain::kApplicationStatusNames.Name(outcome.progress.status));
    a.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.CreditApplications().Update(a, version));
    ++a.version;
    auto details = Details(a);
    details["step"] = record.step;
    details["decision"] = record.decision;
    details["comment"] = comment;
    details["status"] = a.status;
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditApplicationDecide, "credit_application",
                            std::to_string(a.id), details));
    if (outcome.progress.status == domain::ApplicationStatus::kApproved) {
        // The chain is complete: the terms take effect now (the limit is checked against the exposure again).
        CreditTerms terms;
        terms.currency = a.currency;
        terms.limit_minor = a.requested_limit_minor;
        terms.term_days = a.requested_term_days;
        terms.grade = a.requested_grade;
        terms.report_date = a.report_date;
        CREDO_CHECK(GrantCredit(tx, ctx, actor, a.customer, terms));
    }
    return a;
}

Result<CreditApplicationRecord> ResubmitCreditApplication(Tx& tx, const Context& ctx, const Actor& actor,
                                                          std::int64_t id, const CreditApplicationInput& input) {
    CREDO_TRY(auto a, tx.CreditApplications().FindForUpdate(id));
    CREDO_TRY(auto customer, tx.Customers().Find(a.customer));
    if (!CheckReadable(actor, customer)) return NotFound("credit application", std::to_string(id));
    if (!a.applicant || *a.applicant != actor.id)
        return MakeError(Errc::kForbidden, "only the applicant resubmits a credit application");
    if (a.status != "returned")
        return MakeError(Errc::kConflict, "credit application " + std::to_string(id) + " is " + a.status);
    CreditApplicationInput in = input;
    in.customer = a.customer;
    CREDO_TRY(auto requested, CheckRequest(tx, ctx, in));
    const std::int64_t version = a.version;
    a.currency = requested.currency;
    a.requested_limit_minor = requested.limit_minor;
    a.requested_term_days = requested.term_days;
    a.requested_grade = requested.grade;
    a.report_date = requested.report_date;
    a.reason = in.reason;
    a.status = "pending";
    ++a.round;
    a.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.CreditApplications().Update(a, version));
    ++a.version;
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditApplicationSubmit, "credit_application",
                            std::to_string(a.id), Details(a)));
    return a;
}

Result<CreditApplicationRecord> GetCreditApplication(Tx& tx, const Context&, const Actor& actor, std::int64_t id) {
    CREDO_TRY(auto a, tx.CreditApplications().Find(id));
    CREDO_TRY(auto customer, tx.Customers().Find(a.customer));
    if (!CheckReadable(actor, customer)) return NotFound("credit application", std::to_string(id));
    return a;
}

Result<std::string> NextStepOf(Tx& tx, const Context& ctx, const CreditApplicationRecord& a) {
    if (a.status != "pending") return std::string();
    CREDO_TRY(auto facts, FactsOf(tx, ctx, a));
    CREDO_TRY(auto round, RoundOf(a));
    CREDO_TRY(auto chain, Chain(tx, ctx));
    CREDO_TRY(auto progress, domain::ApprovalProgress(chain, facts, round));
    if (!progress.next_step) return std::string();
    return std::string(domain::kRoleNames.Name(*progress.next_step));
}

Result<CreditApplicationPage> ListCreditApplications(Tx& tx, const Actor& actor, CreditApplicationQuery query) {
    if (query.limit < 1 || query.limit > 200) return FieldError("page_size", "must be from 1 to 200");
    if (query.offset < 0) return FieldError("page", "must be from 1");
    query.scope = domain::ReadScope(actor);
    if (query.scope.Empty()) return CreditApplicationPage{};
    return tx.CreditApplications().List(query);
}

}  // namespace credo::app
