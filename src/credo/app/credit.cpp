#include "credo/app/credit.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>

#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

Status MayManageCredit(const Actor& actor) {
    if (actor.Has(Role::kFinance) || actor.Has(Role::kExecutive) || actor.Has(Role::kAdmin) || !actor.id.valid())
        return Ok();
    return MakeError(Errc::kForbidden, "user " + actor.username + " may not change credit accounts");
}

std::optional<std::string> DateText(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return FormatDate(*d);
}

Result<std::optional<domain::CreditGrade>> GradeOf(const CreditAccount& account) {
    if (!account.grade) return std::optional<domain::CreditGrade>();
    auto grade = domain::kCreditGradeNames.Parse(*account.grade, "grade");
    if (!grade) return FieldError("grade", Quoted(*account.grade) + " is not a grade");
    return std::optional<domain::CreditGrade>(*grade);
}

}  // namespace

Result<std::int64_t> RateInto(Tx& tx, const Context& ctx, std::string_view currency, std::string_view into, Date date,
                              std::string_view field) {
    if (currency == into) return kRateOne;
    auto base_rate = [&](std::string_view c) -> Result<std::int64_t> {
        if (c == ctx.settings.base_currency) return kRateOne;
        CREDO_TRY(auto rate, tx.Ledger().FxRate(c, date));
        if (!rate)
            return FieldError(std::string(field), "no exchange rate for " + std::string(c) + " on or before " +
                                                      FormatDate(date) + "; an admin enters it under FX rates");
        return *rate;
    };
    CREDO_TRY(auto from, base_rate(currency));
    CREDO_TRY(auto to, base_rate(into));
    return CrossRate(from, to);
}

Status SetFxRate(Tx& tx, const Context& ctx, const Actor& actor, const std::string& currency, Date day,
                 const std::string& rate) {
    if (!actor.Has(Role::kAdmin) && !actor.Has(Role::kFinance) && actor.id.valid())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not enter exchange rates");
    CREDO_CHECK(Currency::FromCode(currency, "currency"));
    if (currency == ctx.settings.base_currency)
        return FieldError("currency", currency + " is the base currency: its rate is 1");
    CREDO_TRY(auto rate_e8, ParseRate(rate, "rate"));
    CREDO_CHECK(tx.Ledger().SetFxRate(currency, day, rate_e8, ActorIdOf(actor), ctx.clock.Now()));
    return RecordAudit(tx, ctx, actor, audit_action::kFxRate, "fx_rate", currency + "/" + FormatDate(day),
                       {{"currency", currency},
                        {"day", FormatDate(day)},
                        {"rate", FormatRate(rate_e8)},
                        {"base", ctx.settings.base_currency}});
}

Result<CreditAccount> LockCreditAccount(Tx& tx, const Context& ctx, CustomerId customer) {
    CREDO_TRY(auto account, tx.Ledger().LockAccount(customer));
    if (account) return std::move(*account);
    CREDO_CHECK(tx.Ledger().EnsureAccount(customer, ctx.settings.base_currency, kDefaultTermDays, ctx.clock.Now()));
    CREDO_TRY(account, tx.Ledger().LockAccount(customer));
    if (!account) return MakeError(Errc::kInternal, "the credit account of customer " + customer.str() + " is missing");
    return std::move(*account);
}

Result<CreditSettings> LoadCreditSettings(Tx& tx, const Context& ctx) {
    CreditSettings out;
    out.policies = domain::DefaultCreditPolicies();
    std::int64_t first = 8000, second = 9000, executive = 1'000'000;
    std::int64_t first_to = 7, second_to = 15;
    std::array<int, 5> weights = {40, 25, 15, 12, 8};
    const std::array<std::string_view, 5> weight_keys = {domain::kScoreWeightEvaluation, domain::kScoreWeightCollected,
                                                         domain::kScoreWeightOnTime, domain::kScoreWeightDaysPastDue,
                                                         domain::kScoreWeightMonthsWithoutCollection};
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& p : stored) {
        auto definition = domain::FindPolicy(p.key);
        if (!definition) continue;
        CREDO_TRY(auto value, domain::ParsePolicyValue(*definition, p.value));
        for (std::size_t g = 0; g < 4; ++g)
            if (p.key == domain::kCreditPolicyKeys[g]) {
                CREDO_TRY(out.policies.by_grade[g], domain::GradePolicyOfKind(value, p.key));
            }
        for (std::size_t w = 0; w < weights.size(); ++w)
            if (p.key == weight_keys[w]) weights[w] = static_cast<int>(value);
        if (p.key == domain::kReportValidityDays) out.report_validity_days = static_cast<int>(value);
        if (p.key == domain::kOverdueToleranceDays) out.overdue_tolerance_days = static_cast<int>(value);
        if (p.key == domain::kAlertFirstBp) first = value;
        if (p.key == domain::kAlertSecondBp) second = value;
        if (p.key == domain::kAlertFirstRecipients) first_to = value;
        if (p.key == domain::kAlertSecondRecipients) second_to = value;
        if (p.key == domain::kExecutiveAbove) executive = value;
        if (p.key == domain::kInitialGradeKeys[0]) out.initial_grade.grade_i = static_cast<int>(value);
        if (p.key == domain::kInitialGradeKeys[1]) out.initial_grade.grade_ii = static_cast<int>(value);
        if (p.key == domain::kInitialGradeKeys[2]) out.initial_grade.grade_iii = static_cast<int>(value);
        if (p.key == domain::kUpgradeMaxIncreasePct) out.reevaluation.max_increase_pct = static_cast<int>(value);
        if (p.key == domain::kDowngradeCutPct) out.reevaluation.cut_pct = static_cast<int>(value);
        if (p.key == domain::kDowngradeMonths) out.reevaluation.months_without_collection = static_cast<int>(value);
    }
    out.levels = domain::DefaultAlertLevels();
    out.levels[0].bp = first;
    out.levels[1].bp = second;
    CREDO_TRY(out.levels[0].recipients, domain::RecipientsOfMask(first_to, "value"));
    CREDO_TRY(out.levels[1].recipients, domain::RecipientsOfMask(second_to, "value"));
    if (second <= first)
        return FieldError("value", std::string(domain::kAlertSecondBp) + " (" + std::to_string(second) +
                                       ") must be above " + std::string(domain::kAlertFirstBp) + " (" +
                                       std::to_string(first) + ")");
    const auto& t = out.initial_grade;
    if (!(t.grade_i >= t.grade_ii && t.grade_ii >= t.grade_iii))
        return FieldError("value", "the initial-grade scores must not rise from I to III: " +
                                       std::string(domain::kInitialGradeKeys[0]) + " " + std::to_string(t.grade_i) +
                                       ", " + std::string(domain::kInitialGradeKeys[1]) + " " +
                                       std::to_string(t.grade_ii) + ", " + std::string(domain::kInitialGradeKeys[2]) +
                                       " " + std::to_string(t.grade_iii));
    auto scaled = domain::ScaleCreditScoreWeights(weights, weight_keys);
    if (!scaled) return FieldError("value", "the credit score weights must not all be zero");
    out.score_weights = *scaled;
    CREDO_CHECK(domain::ValidateReevaluationSettings(out.reevaluation));
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    std::int64_t unit = 1;
    for (int i = 0; i < base.minor_units(); ++i) unit *= 10;
    out.executive_above_minor = executive * unit;
    return out;
}

Result<domain::CreditAccountState> CheckStateOf(Tx& tx, const CreditSettings& settings, const CreditAccount& account,
                                                Date date) {
    CREDO_TRY(auto currency, Currency::FromCode(account.currency));
    domain::CreditAccountState s{.exposure = Money(account.exposure_minor(), currency)};
    if (account.limit_minor) {
        s.limit = Money(*account.limit_minor, currency);
        s.limit_valid_from =
            account.valid_from.value_or(Date{std::chrono::year(1900), std::chrono::January, std::chrono::day(1)});
        s.limit_valid_until = account.valid_until.value_or(s.limit_valid_from);
    }
    CREDO_TRY(auto exceptions, tx.Ledger().Exceptions(account.customer, date));
    for (const auto& e : exceptions) s.exceptions.push_back({Money(e.amount_minor, currency), e.start, e.end});
    s.on_hold = account.on_hold;
    CREDO_TRY(auto grade, GradeOf(account));
    // Without a grade (no payment history, no evaluation yet) the policy of grade III applies: prepayment.
    s.grade = grade.value_or(domain::CreditGrade::kIII);
    s.policy = settings.policies.For(s.grade);
    CREDO_TRY(auto oldest, tx.Ledger().OldestOpenDue(account.customer, date));
    s.open_days_past_due = oldest ? DaysBetween(*oldest, date) : 0;
    s.credit_report_date = account.report_date;
    s.report_validity_days = settings.report_validity_days;
    s.overdue_tolerance_days = settings.overdue_tolerance_days;
    return s;
}

Status MoveExposure(Tx& tx, const Context& ctx, const CreditAccount& account, std::int64_t receivables_delta,
                    std::int64_t orders_delta) {
    if (receivables_delta == 0 && orders_delta == 0) return Ok();
    CREDO_CHECK(tx.Ledger().AddExposure(account.customer, receivables_delta, orders_delta, ctx.clock.Now()));
    if (!account.limit_minor) return Ok();
    CREDO_TRY(auto currency, Currency::FromCode(account.currency));
    const Money exposure(account.exposure_minor() + receivables_delta + orders_delta, currency);
    CREDO_TRY(auto utilization, domain::UtilizationBp(exposure, Money(*account.limit_minor, currency)));
    CREDO_TRY(auto settings, LoadCreditSettings(tx, ctx));
    const auto& levels = settings.levels;
    domain::DisarmedLevels disarmed(account.disarmed_levels.begin(), account.disarmed_levels.end());
    CREDO_TRY(auto outcome, domain::EvaluateUtilizationAlerts(levels, disarmed, utilization));
    if (outcome.disarmed != disarmed)
        CREDO_CHECK(tx.Ledger().SetDisarmedLevels(
            account.customer, std::vector<std::int64_t>(outcome.disarmed.begin(), outcome.disarmed.end())));
    if (outcome.fired.empty()) return Ok();
    CREDO_TRY(auto customer, tx.Customers().Find(account.customer));
    CREDO_TRY(auto users, tx.Users().List());
    for (const auto& level : outcome.fired) {
        std::vector<UserId> to;
        for (const auto& u : users) {
            if (!u.active) continue;
            bool wanted = false;
            for (const auto& r : level.recipients) {
                if (r == "owner") wanted = wanted || (customer.owner && *customer.owner == u.id);
                auto role = domain::kRoleNames.Parse(r, "recipients");
                if (!role || std::find(u.roles.begin(), u.roles.end(), *role) == u.roles.end()) continue;
                // Regional staff hear of their region's customers only.
                const bool regional = *role == Role::kRegionalManager || *role == Role::kAssistant;
                wanted = wanted || !regional || (u.region && *u.region == customer.region);
            }
            if (wanted) to.push_back(u.id);
        }
        // Each crossing is an occasion of its own (the armed state keeps it to one per crossing).
        CREDO_TRY(auto crossing, tx.Sequences().Next("utilization_crossings"));
        Alert alert;
        alert.kind = "utilization";
        alert.dedupe = account.customer.str() + "/" + std::to_string(level.bp) + "/" + std::to_string(crossing);
        alert.customer = account.customer;
        alert.day = DateOf(ctx.clock.Now());
        alert.params =
            boost::json::serialize(boost::json::object{{"level_bp", level.bp},
                                                       {"utilization_bp", utilization},
                                                       {"exposure", exposure.ToString()},
                                                       {"limit", Money(*account.limit_minor, currency).ToString()},
                                                       {"currency", account.currency}});
        alert.created_at = ctx.clock.Now();
        CREDO_CHECK(RaiseAlert(tx, std::move(alert), to));
    }
    return Ok();
}

Status GrantCredit(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer, const CreditTerms& terms) {
    CREDO_TRY(auto currency, Currency::FromCode(terms.currency, "currency"));
    if (terms.limit_minor && *terms.limit_minor < 0) return FieldError("limit", "must not be negative");
    if (terms.term_days < 0 || terms.term_days > 3650) return FieldError("term_days", "must be from 0 to 3650");
    if (terms.grade && !domain::kCreditGradeNames.Parse(*terms.grade, "grade"))
        return FieldError("grade", "must be I, II, III or IV");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, customer));
    if (account.currency != terms.currency && account.exposure_minor() != 0)
        return FieldError("currency",
                          "the account's currency cannot change while " + account.currency + " amounts are exposed");
    if (terms.limit_minor && *terms.limit_minor < account.exposure_minor())
        return FieldError("limit", "is below the current exposure of " +
                                       Money(account.exposure_minor(), currency).ToString() + " " + terms.currency);
    const CreditAccount before = account;
    account.currency = terms.currency;
    account.limit_minor = terms.limit_minor;
    account.term_days = terms.term_days;
    const Date today = DateOf(ctx.clock.Now());
    account.valid_from = terms.limit_minor ? terms.valid_from.value_or(today) : terms.valid_from;
    account.valid_until = terms.valid_until;
    if (terms.limit_minor && !account.valid_until)
        account.valid_until = AddDays(AddMonths(*account.valid_from, 12), -1);
    if (account.valid_from && account.valid_until && *account.valid_until < *account.valid_from)
        return FieldError("valid_until", "must not be before valid_from");
    if (terms.grade) account.grade = terms.grade;
    if (terms.score) account.score = terms.score;
    if (terms.report_date) account.report_date = terms.report_date;
    account.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.Ledger().SaveAccount(account));
    boost::json::object details{{"currency", account.currency}, {"term_days", account.term_days}};
    details["limit"] = account.limit_minor ? boost::json::value(Money(*account.limit_minor, currency).ToString())
                                           : boost::json::value(nullptr);
    details["valid_from"] = DateText(account.valid_from) ? boost::json::value(*DateText(account.valid_from)) : nullptr;
    details["valid_until"] =
        DateText(account.valid_until) ? boost::json::value(*DateText(account.valid_until)) : nullptr;
    details["grade"] = account.grade ? boost::json::value(*account.grade) : nullptr;
    details["before_limit"] = before.limit_minor ? boost::json::value(Money(*before.limit_minor, currency).ToString())
                                                 : boost::json::value(nullptr);
    return RecordAudit(tx, ctx, actor, audit_action::kCreditTerms, "customer", customer.str(), details);
}

Status SetCreditHold(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer, bool on_hold,
                     const std::string& reason) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_CHECK(MayManageCredit(actor));
    if (reason.empty()) return FieldError("reason", "is required");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, customer));
    account.on_hold = on_hold;
    account.hold_reason = on_hold ? std::optional<std::string>(reason) : std::nullopt;
    account.updated_at = ctx.clock.Now();
    CREDO_CHECK(tx.Ledger().SaveAccount(account));
    return RecordAudit(tx, ctx, actor, audit_action::kCreditHold, "customer", customer.str(),
                       {{"on_hold", on_hold}, {"reason", reason}});
}

Result<CreditExceptionRecord> AddCreditException(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                                                 const std::string& amount, Date start, Date end,
                                                 const std::string& reason) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_CHECK(MayManageCredit(actor));
    if (reason.empty()) return FieldError("reason", "is required");
    if (end < start) return FieldError("end", "must not be before start");
    CREDO_TRY(auto account, LockCreditAccount(tx, ctx, customer));
    CREDO_TRY(auto currency, Currency::FromCode(account.currency));
    CREDO_TRY(auto money, Money::Parse(amount, currency, "amount"));
    if (money.minor() <= 0) return FieldError("amount", "must be more than zero");
    CreditExceptionRecord e{0, customer, money.minor(), start, end, reason, ActorIdOf(actor), ctx.clock.Now()};
    CREDO_TRY(e.id, tx.Ledger().InsertException(e));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditException, "customer", customer.str(),
                            {{"amount", money.ToString()},
                             {"currency", account.currency},
                             {"start", FormatDate(start)},
                             {"end", FormatDate(end)},
                             {"reason", reason}}));
    return e;
}

Result<RatingRecord> AddRating(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                               const std::string& agency, const std::string& rating, Date day,
                               std::optional<Date> valid_until) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_CHECK(MayManageCredit(actor));
    if (agency.find_first_not_of(' ') == std::string::npos || agency.size() > 200)
        return FieldError("agency", "is required, at most 200 bytes");
    if (rating.find_first_not_of(' ') == std::string::npos || rating.size() > 50)
        return FieldError("rating", "is required, at most 50 bytes");
    if (day > DateOf(ctx.clock.Now())) return FieldError("day", "must not be in the future");
    if (valid_until && *valid_until < day) return FieldError("valid_until", "must not be before the rating's day");
    RatingRecord r{0, customer, agency, rating, day, valid_until, ActorIdOf(actor), ctx.clock.Now()};
    CREDO_TRY(r.id, tx.Protection().InsertRating(r));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditRating, "customer", customer.str(),
                            {{"agency", agency}, {"rating", rating}, {"day", FormatDate(day)}}));
    return r;
}

Result<InsuranceRecord> AddInsurance(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                                     const std::string& insurer, const std::string& policy_number,
                                     const std::string& currency, const std::string& covered, Date start, Date end) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_CHECK(MayManageCredit(actor));
    if (insurer.find_first_not_of(' ') == std::string::npos || insurer.size() > 200)
        return FieldError("insurer", "is required, at most 200 bytes");
    if (policy_number.find_first_not_of(' ') == std::string::npos || policy_number.size() > 100)
        return FieldError("policy_number", "is required, at most 100 bytes");
    CREDO_TRY(auto cur, Currency::FromCode(currency, "covered.currency"));
    CREDO_TRY(auto amount, Money::Parse(covered, cur, "covered.amount"));
    if (amount.minor() <= 0) return FieldError("covered.amount", "must be more than zero");
    if (end < start) return FieldError("end", "must not be before start");
    InsuranceRecord i{0,     customer, insurer,          policy_number,  currency, amount.minor(),
                      start, end,      ActorIdOf(actor), ctx.clock.Now()};
    CREDO_TRY(i.id, tx.Protection().InsertInsurance(i));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCreditInsurance, "customer", customer.str(),
                            {{"insurer", insurer},
                             {"policy_number", policy_number},
                             {"covered", amount.ToString()},
                             {"currency", currency},
                             {"start", FormatDate(start)},
                             {"end", FormatDate(end)}}));
    return i;
}

Result<CreditView> GetCredit(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer, Date date) {
    CREDO_TRY(auto c, tx.Customers().Find(customer));
    CREDO_CHECK(CheckReadable(actor, c));
    CREDO_TRY(auto found, tx.Ledger().FindAccount(customer));
    CreditView view;
    if (found) {
        view.account = std::move(*found);
    } else {
        view.account.customer = customer;
        view.account.currency = ctx.settings.base_currency;
        view.account.term_days = kDefaultTermDays;
    }
    CREDO_TRY(view.exceptions, tx.Ledger().Exceptions(customer, date));
    std::int64_t extra = 0;
    for (const auto& e : view.exceptions)
        if (e.start <= date && date <= e.end) extra += e.amount_minor;
    const auto& a = view.account;
    const bool in_force =
        a.limit_minor && a.valid_from && a.valid_until && *a.valid_from <= date && date <= *a.valid_until;
    view.effective_limit_minor = (in_force ? *a.limit_minor : 0) + extra;
    view.available_minor = view.effective_limit_minor - a.exposure_minor();
    if (a.limit_minor) {
        CREDO_TRY(auto currency, Currency::FromCode(a.currency));
        CREDO_TRY(auto bp, domain::UtilizationBp(Money(a.exposure_minor(), currency), Money(*a.limit_minor, currency)));
        view.utilization_bp = bp;
    }
    CREDO_TRY(view.oldest_overdue, tx.Ledger().OldestOpenDue(customer, date));
    CREDO_TRY(view.ratings, tx.Protection().Ratings(customer));
    CREDO_TRY(view.insurance, tx.Protection().Insurance(customer));
    std::int64_t covered = 0;
    for (const auto& i : view.insurance)
        if (i.currency == a.currency && i.start <= date && date <= i.end) covered += i.covered_minor;
    const std::int64_t exposed = std::max<std::int64_t>(0, a.exposure_minor());
    view.insured_minor = std::min(exposed, covered);
    view.uninsured_minor = exposed - view.insured_minor;
    return view;
}

Result<ReconcileReport> ReconcileExposure(Tx& tx) {
    CREDO_TRY(auto accounts, tx.Ledger().Accounts());
    std::map<std::int64_t, const CreditAccount*> by_customer;
    for (const auto& a : accounts) by_customer[a.customer.value()] = &a;
    std::map<std::int64_t, std::int64_t> receivables;
    CREDO_CHECK(tx.Ledger().ScanOpenInvoices([&](const InvoiceRecord& i) -> Status {
        auto it = by_customer.find(i.customer.value());
        if (it == by_customer.end())
            return MakeError(Errc::kInternal, "customer " + i.customer.str() + " has invoices but no credit account");
        CREDO_TRY(auto from, Currency::FromCode(i.currency));
        CREDO_TRY(auto into, Currency::FromCode(it->second->currency));
        CREDO_TRY(auto converted, Convert(Money(i.open_minor, from), i.rate_e8, into));
        receivables[i.customer.value()] += converted.minor();
        return Ok();
    }));
    CREDO_TRY(auto reserved, tx.Ledger().ReservedByCustomer());
    std::map<std::int64_t, std::int64_t> orders;
    for (const auto& [customer, sum] : reserved) orders[customer.value()] = sum;
    ReconcileReport report;
    report.accounts = static_cast<std::int64_t>(accounts.size());
    for (const auto& a : accounts) {
        const std::int64_t r = receivables[a.customer.value()];
        const std::int64_t o = orders[a.customer.value()];
        if (r != a.receivables_minor || o != a.orders_minor)
            report.differences.push_back({a.customer, a.receivables_minor, r, a.orders_minor, o});
    }
    return report;
}

}  // namespace credo::app
