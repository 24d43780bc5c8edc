#include "credo/app/classification.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <unordered_map>

#include "credo/app/alerts.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/credit.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/reevaluation.hpp"
#include "credo/base/fx.hpp"
#include "credo/domain/credit/behaviour.hpp"
#include "credo/domain/ownership/policy.hpp"

namespace credo::app {
using domain::Actor;
using domain::Role;

namespace {

constexpr std::size_t kMaxNotes = 2000;
constexpr int kTrendQuarters = 8;

// Converts each currency's amount into the base currency at the rate in force on a date, once per currency.
class BaseConverter {
 public:
    BaseConverter(Tx& tx, const Context& ctx, Date date) : tx_(tx), ctx_(ctx), date_(date) {}

    Result<std::int64_t> operator()(const std::string& currency, std::int64_t minor) {
        if (currency == ctx_.settings.base_currency || minor == 0) return minor;
        auto it = rates_.find(currency);
        if (it == rates_.end()) {
            CREDO_TRY(auto rate, RateInto(tx_, ctx_, currency, ctx_.settings.base_currency, date_, "as_of"));
            it = rates_.emplace(currency, rate).first;
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

// Adds the converted totals to the facts (sign -1 for credit notes, whose dates do not count as purchases).
Status AddTotals(const std::vector<PurchaseTotalRecord>& totals, int sign, BaseConverter& convert,
                 const std::function<domain::PurchaseFacts*(CustomerId)>& facts_of) {
    for (const auto& t : totals) {
        domain::PurchaseFacts* f = facts_of(t.customer);
        if (!f) continue;
        std::int64_t* targets[] = {&f->last_12, &f->previous_12, &f->third_12};
        for (int i = 0; i < 3; ++i) {
            CREDO_TRY(auto minor, convert(t.currency, t.periods[i]));
            *targets[i] += sign * minor;
        }
        if (sign > 0) {
            if (t.first && (!f->first_purchase || *t.first < *f->first_purchase)) f->first_purchase = t.first;
            if (t.last && (!f->last_purchase || *t.last > *f->last_purchase)) f->last_purchase = t.last;
        }
    }
    return Ok();
}

domain::PurchaseFacts FactsOf(const ClassifiedFileRecord& file, Date as_of) {
    domain::PurchaseFacts f;
    f.as_of = as_of;
    f.relationship_start = file.relationship_start;
    f.prospect = file.lifecycle == "prospect";
    f.lifecycle_lost = file.lifecycle == "lost";
    return f;
}

// The relationship starts at the earlier of the file's relationship_start and the first invoice.
Status Decide(ClassifiedCustomer& c, const domain::ClassificationPolicy& policy) {
    domain::PurchaseFacts& f = c.facts;
    if (f.first_purchase && (!f.relationship_start || *f.first_purchase < *f.relationship_start))
        f.relationship_start = f.first_purchase;
    c.since = DateOf(c.file.created_at);
    if (f.relationship_start) c.since = std::min(c.since, *f.relationship_start);
    CREDO_TRY(c.classes, domain::Classify(f, policy));
    return Ok();
}

Result<ClassifiedCustomer> ClassifyOne(Tx& tx, const Context& ctx, const ClassificationSettings& settings,
                                       const CustomerView& view, Date as_of) {
    const domain::Customer& c = view.customer;
    ClassifiedFileRecord file{c.id,
                              c.code,
                              c.name,
                              c.region,
                              c.owner,
                              view.owner_name.value_or(""),
                              std::string(domain::kLifecycleNames.Name(c.lifecycle)),
                              std::nullopt,
                              c.created_at};
    if (auto it = c.attributes.find("relationship_start"); it != c.attributes.end())
        if (const Date* d = std::get_if<Date>(&it->second)) file.relationship_start = *d;
    ClassifiedCustomer out{file, FactsOf(file, as_of), {}, {}};
    BaseConverter convert(tx, ctx, as_of);
    auto facts_of = [&](CustomerId id) { return id == c.id ? &out.facts : nullptr; };
    CREDO_TRY(auto invoiced, tx.Classification().InvoicedTotals(as_of, c.id));
    CREDO_CHECK(AddTotals(invoiced, 1, convert, facts_of));
    CREDO_TRY(auto credited, tx.Classification().CreditedTotals(as_of, c.id));
    CREDO_CHECK(AddTotals(credited, -1, convert, facts_of));
    CREDO_CHECK(Decide(out, settings.policy));
    return out;
}

std::string UserLabel(const ClassifiedFileRecord& f) { return f.owner_name.empty() ? "" : f.owner_name; }

}  // namespace

Result<ClassificationSettings> LoadClassificationSettings(Tx& tx, const Context& ctx) {
    ClassificationSettings out;
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    std::int64_t unit = 1;
    for (int i = 0; i < base.minor_units(); ++i) unit *= 10;
    auto& p = out.policy;
    auto default_amount = [&](std::string_view key) { return domain::FindPolicy(key)->default_value * unit; };
    p.tier_a_min = default_amount(domain::kTierAMin);
    p.tier_b_min = default_amount(domain::kTierBMin);
    p.core_min_average = default_amount(domain::kCoreMinAverage);
    p.scattered_below = default_amount(domain::kScatteredBelow);
    CREDO_TRY(auto stored, tx.Policies().List());
    for (const auto& s : stored) {
        auto definition = domain::FindPolicy(s.key);
        if (!definition) continue;
        CREDO_TRY(auto v, domain::ParsePolicyValue(*definition, s.value));
        if (s.key == domain::kTierAMin) p.tier_a_min = v * unit;
        if (s.key == domain::kTierBMin) p.tier_b_min = v * unit;
        if (s.key == domain::kCoreMinAverage) p.core_min_average = v * unit;
        if (s.key == domain::kCoreMinYears) p.core_min_years = static_cast<int>(v);
        if (s.key == domain::kLongStandingYears) p.long_standing_years = static_cast<int>(v);
        if (s.key == domain::kScatteredBelow) p.scattered_below = v * unit;
        if (s.key == domain::kReviewMonthsTierA) p.review_months_a = static_cast<int>(v);
        if (s.key == domain::kReviewMonthsOther) p.review_months_other = static_cast<int>(v);
        if (s.key == domain::kGrowthPct) p.growth_pct = static_cast<int>(v);
        if (s.key == domain::kLostMonths) p.lost_months = static_cast<int>(v);
        if (s.key == domain::kReportNoticeDays) out.report_notice_days = static_cast<int>(v);
        if (s.key == domain::kReportValidityDays) out.report_validity_days = static_cast<int>(v);
    }
    CREDO_CHECK(domain::ValidateClassificationPolicy(p));
    return out;
}

Result<std::vector<ClassifiedCustomer>> ClassifyCustomers(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    CREDO_TRY(auto settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(auto files, tx.Classification().Files(domain::ReadScope(actor)));
    std::vector<ClassifiedCustomer> out;
    out.reserve(files.size());
    std::unordered_map<std::int64_t, std::size_t> index;
    index.reserve(files.size());
    for (auto& file : files) {
        index.emplace(file.customer.value(), out.size());
        domain::PurchaseFacts facts = FactsOf(file, as_of);
        out.push_back(ClassifiedCustomer{std::move(file), facts, {}, {}});
    }
    if (out.empty()) return out;
    auto facts_of = [&](CustomerId id) -> domain::PurchaseFacts* {
        auto it = index.find(id.value());
        return it == index.end() ? nullptr : &out[it->second].facts;
    };
    BaseConverter convert(tx, ctx, as_of);
    // The stored totals when they are for this date (the daily job's, kept by every document since).
    auto& repo = tx.Classification();
    CREDO_TRY(auto stored_for, repo.StoredTotalsDate());
    const bool stored = stored_for == as_of;
    CREDO_TRY(auto invoiced, stored ? repo.StoredTotals(false) : repo.InvoicedTotals(as_of, std::nullopt));
    CREDO_CHECK(AddTotals(invoiced, 1, convert, facts_of));
    CREDO_TRY(auto credited, stored ? repo.StoredTotals(true) : repo.CreditedTotals(as_of, std::nullopt));
    CREDO_CHECK(AddTotals(credited, -1, convert, facts_of));
    for (auto& c : out) CREDO_CHECK(Decide(c, settings.policy));
    std::erase_if(out, [&](const ClassifiedCustomer& c) { return c.since > as_of; });
    return out;
}

Status StorePurchaseTotals(Tx& tx, Date as_of) {
    CREDO_CHECK(tx.Classification().LockStoredTotals(true));
    return tx.Classification().StoreTotals(as_of, std::nullopt);
}

Status ResolveTierFilter(Tx& tx, const Context& ctx, const Actor& actor, CustomerFilter& filter) {
    if (!filter.tier) return Ok();
    CREDO_TRY(auto customers, ClassifyCustomers(tx, ctx, actor, DateOf(ctx.clock.Now())));
    std::vector<CustomerId> only;
    for (const auto& c : customers)
        if (c.classes.tier == *filter.tier) only.push_back(c.file.customer);
    filter.only = std::move(only);
    return Ok();
}

Status KeepPurchaseTotals(Tx& tx, CustomerId customer) {
    CREDO_TRY(auto as_of, tx.Classification().LockStoredTotals(false));
    if (!as_of) return Ok();
    return tx.Classification().StoreTotals(*as_of, customer);
}

Result<ClassificationView> GetClassification(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                                             Date as_of) {
    CREDO_TRY(auto view, tx.Customers().FindView(customer, domain::ReadScope(actor)));
    ClassificationView out;
    CREDO_TRY(out.settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(out.customer, ClassifyOne(tx, ctx, out.settings, view, as_of));
    out.movement = domain::MovementOf(out.customer.facts, out.settings.policy);
    out.growth_bp = domain::GrowthBp(out.customer.facts);
    CREDO_TRY(auto reviews, tx.Classification().Reviews(customer));
    for (const auto& r : reviews)
        if (r.day <= as_of) {
            out.last_review = r.day;
            break;
        }
    out.review_months = domain::ReviewCadenceMonths(out.customer.classes.tier, out.settings.policy);
    out.next_review =
        domain::ReviewDue(out.last_review, out.customer.classes.tier, out.customer.since, out.settings.policy);
    return out;
}

Result<Distribution> DistributionReport(Tx& tx, const Context& ctx, const Actor& actor, Date as_of, DistributionBy by) {
    CREDO_TRY(auto customers, ClassifyCustomers(tx, ctx, actor, as_of));
    return DistributionOf(tx, customers, as_of, by);
}

Result<Distribution> DistributionOf(Tx& tx, const std::vector<ClassifiedCustomer>& customers, Date as_of,
                                    DistributionBy by) {
    Distribution out;
    out.as_of = as_of;
    out.by = by;
    out.total = static_cast<std::int64_t>(customers.size());
    std::vector<DistributionGroup> groups;
    std::map<std::string, std::size_t> slot;
    auto add = [&](const std::string& key, const std::string& label) {
        auto it = slot.find(key);
        if (it == slot.end()) {
            it = slot.emplace(key, groups.size()).first;
            groups.push_back(DistributionGroup{key, label, 0, 0});
        }
        ++groups[it->second].count;
    };
    auto fixed = [&](std::initializer_list<std::string_view> keys) {
        for (auto k : keys) {
            slot.emplace(std::string(k), groups.size());
            groups.push_back(DistributionGroup{std::string(k), std::string(k), 0, 0});
        }
    };
    switch (by) {
        case DistributionBy::kTier:
            fixed({"A", "B", "C", "D"});
            for (const auto& c : customers) add(std::string(domain::kTierNames.Name(c.classes.tier)), "");
            break;
        case DistributionBy::kGrade: {
            fixed({"I", "II", "III", "IV", ""});
            groups.back().label = "ungraded";
            CREDO_TRY(auto accounts, tx.Ledger().Accounts());
            std::unordered_map<std::int64_t, std::string> grade;
            for (const auto& a : accounts)
                if (a.grade) grade[a.customer.value()] = *a.grade;
            for (const auto& c : customers) {
                auto it = grade.find(c.file.customer.value());
                add(it == grade.end() ? "" : it->second, "");
            }
            break;
        }
        case DistributionBy::kRegion: {
            CREDO_TRY(auto regions, tx.Regions().List());
            std::map<std::string, std::string> names;
            for (const auto& r : regions) names[r.code] = r.name;
            for (const auto& c : customers) add(c.file.region, names.count(c.file.region) ? names[c.file.region] : "");
            break;
        }
        case DistributionBy::kOwner:
            for (const auto& c : customers)
                add(c.file.owner ? c.file.owner->str() : "", c.file.owner ? UserLabel(c.file) : "unassigned");
            break;
    }
    for (auto& g : groups)
        if (g.label.empty()) g.label = g.key;
    if (by == DistributionBy::kRegion || by == DistributionBy::kOwner)
        std::stable_sort(groups.begin(), groups.end(), [](const DistributionGroup& a, const DistributionGroup& b) {
            if (a.count != b.count) return a.count > b.count;
            return a.key < b.key;
        });
    std::vector<std::int64_t> counts;
    for (const auto& g : groups) counts.push_back(g.count);
    auto shares = domain::SharesBp(counts);
    for (std::size_t i = 0; i < groups.size(); ++i) groups[i].share_bp = shares[i];
    out.groups = std::move(groups);
    if (out.total == 0) out.reason = "no customer file within your scope existed on " + FormatDate(as_of);
    return out;
}

Result<std::vector<DueReview>> DueReviews(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    CREDO_TRY(auto settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(auto customers, ClassifyCustomers(tx, ctx, actor, as_of));
    CREDO_TRY(auto last, tx.Classification().LastReviews(as_of));
    std::unordered_map<std::int64_t, Date> last_review;
    for (const auto& [id, day] : last) last_review[id.value()] = day;
    std::vector<DueReview> out;
    for (auto& c : customers) {
        if (c.file.lifecycle == "lost") continue;
        DueReview d;
        if (auto it = last_review.find(c.file.customer.value()); it != last_review.end()) d.last_review = it->second;
        d.tier = c.classes.tier;
        d.cadence_months = domain::ReviewCadenceMonths(d.tier, settings.policy);
        d.due = domain::ReviewDue(d.last_review, d.tier, c.since, settings.policy);
        if (d.due > as_of) continue;
        d.days_overdue = DaysBetween(d.due, as_of);
        d.file = std::move(c.file);
        out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(), [](const DueReview& a, const DueReview& b) { return a.due < b.due; });
    return out;
}

Result<ReviewRecord> MarkReviewed(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer,
                                  std::optional<Date> day, const std::string& notes) {
    auto view = tx.Customers().FindView(customer, domain::ReadScope(actor));
    if (!view) return view.error();
    const bool finance = actor.Has(Role::kFinance);
    if (!actor.MayWriteCustomers() && !finance)
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not review customer files");
    if (!finance) CREDO_CHECK(CheckWritable(actor, view->customer));
    const Date today = DateOf(ctx.clock.Now());
    const Date on = day.value_or(today);
    if (on > today) return FieldError("day", "must not be in the future");
    if (notes.size() > kMaxNotes) return FieldError("notes", "must be at most 2000 bytes");
    CREDO_TRY(auto settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(auto classified, ClassifyOne(tx, ctx, settings, *view, on));
    ReviewRecord r;
    r.customer = customer;
    r.day = on;
    r.tier = std::string(domain::kTierNames.Name(classified.classes.tier));
    r.notes = notes;
    r.reviewer = ActorIdOf(actor);
    r.reviewer_name = actor.username;
    r.created_at = ctx.clock.Now();
    CREDO_TRY(r.id, tx.Classification().InsertReview(r));
    CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCustomerReview, "customer", customer.str(),
                            {{"review_id", r.id}, {"day", FormatDate(on)}, {"tier", r.tier}}));
    return r;
}

Result<std::vector<ReviewRecord>> ListReviews(Tx& tx, const Actor& actor, CustomerId customer) {
    CREDO_TRY(auto view, tx.Customers().FindView(customer, domain::ReadScope(actor)));
    (void)view;
    return tx.Classification().Reviews(customer);
}

Result<std::vector<ReportExpiry>> ExpiringReports(Tx& tx, const Context& ctx, const Actor& actor, Date as_of) {
    CREDO_TRY(auto settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(auto files, tx.Classification().Files(domain::ReadScope(actor)));
    CREDO_TRY(auto reports, tx.Classification().CreditReports(as_of));
    // Each customer's report that stays valid the longest.
    std::unordered_map<std::int64_t, ReportExpiry> best;
    for (const auto& r : reports) {
        const Date expires = r.valid_until.value_or(AddDays(r.day, settings.report_validity_days));
        auto [it, fresh] = best.try_emplace(r.customer.value());
        if (fresh || expires > it->second.expires) {
            it->second.source = r.source;
            it->second.report_day = r.day;
            it->second.expires = expires;
        }
    }
    std::vector<ReportExpiry> out;
    const Date horizon = AddDays(as_of, settings.report_notice_days);
    for (auto& f : files) {
        auto it = best.find(f.customer.value());
        if (it == best.end() || it->second.expires > horizon) continue;
        ReportExpiry e = it->second;
        e.expired = e.expires < as_of;
        e.days_left = DaysBetween(as_of, e.expires);
        e.file = std::move(f);
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ReportExpiry& a, const ReportExpiry& b) { return a.expires < b.expires; });
    return out;
}

Result<int> RemindExpiringReports(Tx& tx, const Context& ctx, Date as_of) {
    CREDO_TRY(auto reports, ExpiringReports(tx, ctx, domain::SystemActor(), as_of));
    if (reports.empty()) return 0;
    CREDO_TRY(auto finance, ActiveUsersWithRoles(tx, {Role::kFinance}));
    CREDO_TRY(auto users, tx.Users().List());
    int raised = 0;
    for (const auto& r : reports) {
        std::vector<UserId> recipients = finance;
        if (r.file.owner) {
            recipients.push_back(*r.file.owner);
        } else {
            for (const auto& u : users)
                if (u.active && u.region == r.file.region &&
                    std::find(u.roles.begin(), u.roles.end(), Role::kRegionalManager) != u.roles.end())
                    recipients.push_back(u.id);
        }
        std::sort(recipients.begin(), recipients.end(), [](UserId a, UserId b) { return a.value() < b.value(); });
        recipients.erase(std::unique(recipients.begin(), recipients.end()), recipients.end());
        Alert alert;
        alert.kind = r.expired ? "report_expired" : "report_expiring";
        alert.dedupe = r.source + ":" + FormatDate(r.report_day);
        alert.customer = r.file.customer;
        alert.day = as_of;
        alert.params = boost::json::serialize(boost::json::object{{"source", r.source},
                                                                  {"report_day", FormatDate(r.report_day)},
                                                                  {"expires", FormatDate(r.expires)},
                                                                  {"days_left", r.days_left}});
        alert.created_at = ctx.clock.Now();
        CREDO_TRY(int n, RaiseAlert(tx, alert, recipients));
        raised += n;
    }
    return raised;
}

Result<std::optional<int>> RunReportRemindersOnce(Database& db, const Context& ctx, const Actor& actor, Date as_of,
                                                  const std::string& server) {
    if (!actor.Has(Role::kAdmin) && !actor.Has(Role::kFinance) && !actor.Has(Role::kExecutive))
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not run the report reminders");
    return WriteTx(db, [&](Tx& tx) -> Result<std::optional<int>> {
        CREDO_TRY(bool claimed, tx.JobRuns().Claim("report_reminders", as_of, server, ctx.clock.Now()));
        if (!claimed) return std::optional<int>();
        CREDO_TRY(int raised, RemindExpiringReports(tx, ctx, as_of));
        return std::optional<int>(raised);
    });
}

Result<Trends> GetTrends(Tx& tx, const Context& ctx, const Actor& actor, CustomerId customer, Date as_of) {
    CREDO_TRY(auto view, tx.Customers().FindView(customer, domain::ReadScope(actor)));
    (void)view;
    Trends out;
    out.as_of = as_of;
    out.base_currency = ctx.settings.base_currency;
    CREDO_TRY(auto years, tx.Classification().YearTotals(customer, as_of));
    std::map<int, std::int64_t> by_year;
    for (const auto& y : years) {
        const Date year_end{std::chrono::year(y.year), std::chrono::December, std::chrono::day(31)};
        BaseConverter convert(tx, ctx, std::min(year_end, as_of));
        CREDO_TRY(auto minor, convert(y.currency, y.amount_minor));
        by_year[y.year] += minor;
    }
    if (!by_year.empty())  // every year from the first, the silent ones included
        for (int y = by_year.begin()->first; y <= static_cast<int>(as_of.year()); ++y)
            out.years.emplace_back(y, by_year.count(y) ? by_year[y] : 0);

    CREDO_TRY(auto account, tx.Ledger().FindAccount(customer));
    out.currency = account ? account->currency : ctx.settings.base_currency;
    std::vector<domain::ReceivableItem> items;
    CREDO_CHECK(tx.Ledger().ScanCustomerReceivables(
        customer, as_of, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) {
            return AppendReceivableItem(inv, settled, out.currency, as_of, items);
        }));
    CREDO_TRY(auto currency, Currency::FromCode(out.currency));
    // The last kTrendQuarters quarters that ended on or before as_of.
    const unsigned month = static_cast<unsigned>(as_of.month());
    Date start{as_of.year(), std::chrono::month(((month - 1) / 3) * 3 + 1), std::chrono::day(1)};
    Date end = AddDays(start, -1);
    if (AddDays(AddMonths(start, 3), -1) == as_of) end = as_of;
    std::vector<QuarterTrend> quarters;
    for (int i = 0; i < kTrendQuarters; ++i) {
        QuarterTrend q;
        q.end = end;
        const unsigned m = static_cast<unsigned>(end.month());
        q.quarter = std::to_string(static_cast<int>(end.year())) + "-Q" + std::to_string((m - 1) / 3 + 1);
        CREDO_TRY(auto b, domain::MeasureBehaviour(items, currency, end, 3));
        q.due_minor = b.amount_due.minor();
        q.collected_minor = b.amount_collected.minor();
        q.collected_bp = b.collected_bp;
        q.on_time_bp = b.on_time_bp;
        q.max_days_past_due = b.max_days_past_due;
        q.items = b.items;
        quarters.push_back(std::move(q));
        const Date first{end.year(), std::chrono::month(((m - 1) / 3) * 3 + 1), std::chrono::day(1)};
        end = AddDays(first, -1);
    }
    std::reverse(quarters.begin(), quarters.end());
    out.quarters = std::move(quarters);
    return out;
}

Result<std::vector<Mover>> Movers(Tx& tx, const Context& ctx, const Actor& actor, Date as_of, domain::Movement kind) {
    CREDO_TRY(auto settings, LoadClassificationSettings(tx, ctx));
    CREDO_TRY(auto customers, ClassifyCustomers(tx, ctx, actor, as_of));
    std::vector<Mover> out;
    for (auto& c : customers) {
        if (domain::MovementOf(c.facts, settings.policy) != kind) continue;
        Mover m;
        m.growth_bp = domain::GrowthBp(c.facts);
        if (kind == domain::Movement::kGrowing)
            m.reason = "growth_at_least";
        else
            m.reason = c.file.lifecycle == "lost" ? "lifecycle_lost" : "no_purchase_since";
        m.customer = std::move(c);
        out.push_back(std::move(m));
    }
    if (kind == domain::Movement::kGrowing)
        std::stable_sort(out.begin(), out.end(), [](const Mover& a, const Mover& b) {
            return a.growth_bp.value_or(0) > b.growth_bp.value_or(0);
        });
    else
        std::stable_sort(out.begin(), out.end(), [](const Mover& a, const Mover& b) {
            const Date none{};
            return a.customer.facts.last_purchase.value_or(none) > b.customer.facts.last_purchase.value_or(none);
        });
    return out;
}

}  // namespace credo::app
