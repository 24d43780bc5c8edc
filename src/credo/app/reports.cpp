#include "credo/app/reports.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <unordered_map>

#include "credo/app/alerts.hpp"
#include "credo/app/credit.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {
namespace {

__extension__ typedef __int128 Wide;

using domain::Actor;
using domain::Role;

// Rates into the base currency on one date, read once per currency.
class BaseRates {
 public:
    BaseRates(Tx& tx, const Context& ctx, Date date) : tx_(tx), ctx_(ctx), date_(date) {}
    Result<std::int64_t> Minor(std::string_view currency, std::int64_t minor) {
        if (currency == ctx_.settings.base_currency) return minor;
        auto it = rates_.find(std::string(currency));
        if (it == rates_.end()) {
            CREDO_TRY(auto rate, RateInto(tx_, ctx_, currency, ctx_.settings.base_currency, date_, "currency"));
            it = rates_.emplace(std::string(currency), rate).first;
        }
        CREDO_TRY(auto from, Currency::FromCode(currency));
        CREDO_TRY(auto base, Currency::FromCode(ctx_.settings.base_currency));
        CREDO_TRY(auto converted, Convert(Money(minor, from), it->second, base));
        return converted.minor();
    }

 private:
    Tx& tx_;
    const Context& ctx_;
    Date date_;
    std::map<std::string, std::int64_t, std::less<>> rates_;
};

Result<domain::AnomalySettings> LoadAnomalySettings(Tx& tx, const Context& ctx) {
    domain::AnomalySettings s;
    std::int64_t min_change = 100000;
    CREDO_TRY(auto credit, LoadCreditSettings(tx, ctx));
    s.report_validity_days = credit.report_validity_days;
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& p : stored) {
        auto definition = domain::FindPolicy(p.key);
        if (!definition) continue;
        CREDO_TRY(auto value, domain::ParsePolicyValue(*definition, p.value));
        if (p.key == domain::kAnomalyDropPct) s.drop_pct = static_cast<int>(value);
        if (p.key == domain::kAnomalySurgePct) s.surge_pct = static_cast<int>(value);
        if (p.key == domain::kAnomalyNewOverdueDays) s.new_overdue_days = static_cast<int>(value);
        if (p.key == domain::kLostMonths) s.lost_months = static_cast<int>(value);  // the movers' rule
        if (p.key == domain::kAnomalyMinChange) min_change = value;
    }
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    std::int64_t unit = 1;
    for (int i = 0; i < base.minor_units(); ++i) unit *= 10;
    s.min_change_minor = min_change * unit;
    CREDO_CHECK(domain::ValidateAnomalySettings(s));
    return s;
}

// Every customer in `scope` with its figures on `as_of`, by customer id.
Result<std::vector<CustomerFigures>> Figures(Tx& tx, const Context& ctx, const domain::Scope& scope, Date as_of,
                                             const domain::AnomalySettings& settings) {
    std::vector<CustomerFigures> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    CustomerFilter filter;
    filter.scope = scope;
    CREDO_CHECK(tx.Customers().Scan(filter, CustomerSort::kCodeAsc, [&](const domain::Customer& c) -> Status {
        CustomerFigures f;
        f.customer = c.id;
        f.code = c.code;
        f.name = c.name;
        f.region = c.region;
        f.owner = c.owner;
        index[c.id.value()] = out.size();
        out.push_back(std::move(f));
        return Ok();
    }));
    CREDO_TRY(auto users, tx.Users().List());
    std::unordered_map<std::int64_t, std::string> names;
    for (const auto& u : users) names[u.id.value()] = u.display_name;
    for (auto& f : out)
        if (f.owner) f.owner_name = names[f.owner->value()];

    BaseRates rates(tx, ctx, as_of);
    const Date year_ago = AddMonths(as_of, -12), two_years_ago = AddMonths(as_of, -24);
    const Date recent_from = AddMonths(as_of, -3), year_before_to = AddMonths(as_of, -12),
               year_before_from = AddMonths(as_of, -15);
    const Date lost_from = AddMonths(as_of, -settings.lost_months), before_lost_from = AddMonths(lost_from, -12);
    const Date new_overdue_from = AddDays(as_of, -settings.new_overdue_days);
    auto in = [](Date d, Date after, Date upto) { return after < d && d <= upto; };
    CREDO_CHECK(tx.Ledger().ScanReceivables(
        as_of, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) -> Status {
            auto it = index.find(inv.customer.value());
            if (it == index.end()) return Ok();
            CustomerFigures& f = out[it->second];
            CREDO_TRY(const std::int64_t amount, rates.Minor(inv.currency, inv.amount_minor));
            const Date d = inv.issue_date;
            if (in(d, year_ago, as_of)) f.purchases_minor += amount;
            if (in(d, two_years_ago, year_ago)) f.previous_purchases_minor += amount;
            if (in(d, recent_from, as_of)) f.trade.recent_minor += amount;
            if (in(d, year_before_from, year_before_to)) f.trade.year_before_minor += amount;
            if (in(d, lost_from, as_of)) f.trade.lost_window_minor += amount;
            if (in(d, before_lost_from, lost_from)) f.trade.before_lost_window_minor += amount;
            if (!f.last_purchase || *f.last_purchase < d) f.last_purchase = d;
            std::int64_t open = inv.amount_minor;
            for (const auto& s : settled)
                if (s.day <= as_of) open -= s.amount_minor;
            if (open <= 0) return Ok();
            CREDO_TRY(const std::int64_t open_base, rates.Minor(inv.currency, open));
            f.open_minor += open_base;
            if (inv.due_date < as_of) {
                f.overdue_minor += open_base;
                f.max_days_past_due = std::max(f.max_days_past_due, DaysBetween(inv.due_date, as_of));
                if (new_overdue_from <= inv.due_date) {
                    ++f.trade.newly_overdue_items;
                    if (!f.newest_overdue_due || *f.newest_overdue_due < inv.due_date)
                        f.newest_overdue_due = inv.due_date;
                }
            }
            return Ok();
        }));

    CREDO_TRY(auto accounts, tx.Ledger().Accounts());
    for (const auto& a : accounts) {
        auto it = index.find(a.customer.value());
        if (it == index.end()) continue;
        CustomerFigures& f = out[it->second];
        f.account_currency = a.currency;
        f.grade = a.grade;
        f.score = a.score;
        f.trade.report_date = a.report_date;
        f.trade.exposure_minor = a.exposure_minor();
        const bool in_force =
            a.limit_minor && a.valid_from && a.valid_until && *a.valid_from <= as_of && as_of <= *a.valid_until;
        std::int64_t limit = in_force ? *a.limit_minor : 0;
        if (a.limit_minor && f.trade.exposure_minor > limit) {  // exceptions only matter above the limit
            CREDO_TRY(auto exceptions, tx.Ledger().Exceptions(a.customer, as_of));
            for (const auto& e : exceptions)
                if (e.start <= as_of && as_of <= e.end) limit += e.amount_minor;
        }
        if (a.limit_minor) {
            f.trade.limit_minor = limit;
            if (limit > 0)
                f.utilization_bp = static_cast<std::int64_t>(
                    (static_cast<Wide>(std::max<std::int64_t>(0, f.trade.exposure_minor)) * 10000) / limit);
            CREDO_TRY(f.limit_minor, rates.Minor(a.currency, limit));
        }
    }
    return out;
}

int DelayBucket(int days) {
    if (days > 90) return 4;
    if (days > 60) return 3;
    if (days > 30) return 2;
    if (days > 0) return 1;
    return 0;
}

int GradeRisk(const std::optional<std::string>& grade) {
    if (!grade) return 0;
    if (*grade == "IV") return 2;
    if (*grade == "III") return 1;
    return 0;
}

bool Risky(const CustomerFigures& f) { return f.overdue_minor > 0 || GradeRisk(f.grade) > 0; }

// Whether a is riskier than b.
bool RiskierThan(const CustomerFigures& a, const CustomerFigures& b) {
    const int da = DelayBucket(a.max_days_past_due), db = DelayBucket(b.max_days_past_due);
    if (da != db) return da > db;
    if (a.overdue_minor != b.overdue_minor) return a.overdue_minor > b.overdue_minor;
    if (GradeRisk(a.grade) != GradeRisk(b.grade)) return GradeRisk(a.grade) > GradeRisk(b.grade);
    const int sa = a.score.value_or(101), sb = b.score.value_or(101);
    if (sa != sb) return sa < sb;
    return a.code < b.code;
}

Status MayReadReports(const Actor& actor) {
    static_cast<void>(actor);  // every role reads the reports of the files it may see
    return Ok();
}

}  // namespace

Result<std::vector<CustomerFigures>> GetCustomerFigures(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    CREDO_CHECK(MayReadReports(actor));
    CREDO_TRY(auto settings, LoadAnomalySettings(tx, ctx));
    return Figures(tx, ctx, domain::ReadScope(actor), as_of, settings);
}

Result<BothEnds> GetBothEnds(Tx& tx, const Context& ctx, const Actor& actor, Date as_of, int limit) {
    CREDO_CHECK(MayReadReports(actor));
    if (limit < 1 || limit > 100) return FieldError("limit", "must be a whole number from 1 to 100");
    CREDO_TRY(auto settings, LoadAnomalySettings(tx, ctx));
    CREDO_TRY(auto figures, Figures(tx, ctx, domain::ReadScope(actor), as_of, settings));
    BothEnds out;
    out.as_of = as_of;
    out.currency = ctx.settings.base_currency;
    out.customers = static_cast<std::int64_t>(figures.size());
    for (const auto& f : figures) out.total_purchases_minor += f.purchases_minor;
    std::vector<const CustomerFigures*> biggest, risky;
    for (const auto& f : figures) {
        if (f.purchases_minor > 0) biggest.push_back(&f);
        if (Risky(f)) risky.push_back(&f);
    }
    auto by_purchases = [](const CustomerFigures* a, const CustomerFigures* b) {
        if (a->purchases_minor != b->purchases_minor) return a->purchases_minor > b->purchases_minor;
        return a->code < b->code;
    };
    const auto n = static_cast<std::size_t>(limit);
    std::partial_sort(biggest.begin(), biggest.begin() + std::min(n, biggest.size()), biggest.end(), by_purchases);
    std::partial_sort(risky.begin(), risky.begin() + std::min(n, risky.size()), risky.end(),
                      [](const CustomerFigures* a, const CustomerFigures* b) { return RiskierThan(*a, *b); });
    for (std::size_t i = 0; i < std::min(n, biggest.size()); ++i) out.biggest.push_back(*biggest[i]);
    for (std::size_t i = 0; i < std::min(n, risky.size()); ++i) out.riskiest.push_back(*risky[i]);
    return out;
}

Result<AnomalyReport> GetAnomalies(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    CREDO_CHECK(MayReadReports(actor));
    CREDO_TRY(auto settings, LoadAnomalySettings(tx, ctx));
    CREDO_TRY(auto figures, Figures(tx, ctx, domain::ReadScope(actor), as_of, settings));
    AnomalyReport out;
    out.as_of = as_of;
    out.currency = ctx.settings.base_currency;
    for (auto& f : figures) {
        CREDO_TRY(auto kinds, domain::DetectAnomalies(f.trade, settings, as_of));
        for (auto k : kinds) out.items.push_back({k, f});
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const Anomaly& a, const Anomaly& b) { return a.kind < b.kind; });
    return out;
}

Result<int> RaiseAnomalyAlerts(Tx& tx, const Context& ctx, Date as_of) {
    CREDO_TRY(auto report, GetAnomalies(tx, ctx, domain::SystemActor(), as_of));
    CREDO_TRY(auto managers, ActiveUsersWithRoles(tx, {Role::kSalesManager, Role::kExecutive}));
    int raised = 0;
    const std::string month = FormatDate(as_of).substr(0, 7);
    for (const auto& a : report.items) {
        const auto& f = a.customer;
        const std::string kind(domain::kAnomalyKindNames.Name(a.kind));
        std::string key;
        switch (a.kind) {
            case domain::AnomalyKind::kPurchaseDrop:
            case domain::AnomalyKind::kPurchaseSurge:
            case domain::AnomalyKind::kLimitBreach:
                key = month;
                break;
            case domain::AnomalyKind::kNewOverdue:
                key = f.newest_overdue_due ? FormatDate(*f.newest_overdue_due) : month;
                break;
            case domain::AnomalyKind::kReportExpired:
                key = f.trade.report_date ? FormatDate(*f.trade.report_date) : month;
                break;
            case domain::AnomalyKind::kLostCustomer:
                key = f.last_purchase ? FormatDate(*f.last_purchase) : month;
                break;
        }
        auto money = [](std::int64_t minor, const std::string& currency) -> boost::json::value {
            auto c = Currency::FromCode(currency);
            if (!c) return nullptr;
            return boost::json::value(Money(minor, *c).ToString());
        };
        auto date = [](const std::optional<Date>& d) -> boost::json::value {
            return d ? boost::json::value(FormatDate(*d)) : boost::json::value(nullptr);
        };
        boost::json::object params{
            {"anomaly", kind},
            {"currency", report.currency},
            {"recent", money(f.trade.recent_minor, report.currency)},
            {"year_before", money(f.trade.year_before_minor, report.currency)},
            {"overdue", money(f.overdue_minor, report.currency)},
            {"new_overdue_items", f.trade.newly_overdue_items},
            {"account_currency", f.account_currency},
            {"exposure", money(f.trade.exposure_minor, f.account_currency)},
            {"limit", f.trade.limit_minor ? money(*f.trade.limit_minor, f.account_currency) : nullptr},
            {"report_date", date(f.trade.report_date)},
            {"last_purchase", date(f.last_purchase)}};
        Alert alert;
        alert.kind = "anomaly";
        alert.dedupe = kind + ":" + f.customer.str() + ":" + key;
        alert.customer = f.customer;
        alert.day = as_of;
        alert.params = boost::json::serialize(params);
        alert.created_at = ctx.clock.Now();
        std::vector<UserId> to = managers;
        if (f.owner && std::find(to.begin(), to.end(), *f.owner) == to.end()) to.push_back(*f.owner);
        CREDO_TRY(int n, RaiseAlert(tx, alert, to));
        raised += n;
    }
    return raised;
}

Result<std::optional<int>> RunAnomalyAlertsOnce(Database& db, const Context& ctx, const Actor& actor, Date as_of,
                                                const std::string& server) {
    if (!actor.Has(Role::kAdmin) && !actor.Has(Role::kSalesManager) && !actor.Has(Role::kExecutive))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not run the anomaly alerts");
    return WriteTx(db, [&](Tx& tx) -> Result<std::optional<int>> {
        CREDO_TRY(bool claimed, tx.JobRuns().Claim("alerts", as_of, server, ctx.clock.Now()));
        if (!claimed) return std::optional<int>();
        CREDO_TRY(int raised, RaiseAnomalyAlerts(tx, ctx, as_of));
        return std::optional<int>(raised);
    });
}

}  // namespace credo::app
