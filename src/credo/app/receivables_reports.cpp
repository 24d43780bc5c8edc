#include "credo/app/receivables_reports.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "credo/base/fx.hpp"
#include "credo/domain/access/scope.hpp"

namespace credo::app {
namespace {

using domain::Actor;
using domain::AgingAmounts;
using domain::AgingBucket;

using CustomerIndex = std::unordered_map<std::int64_t, LedgerRepository::ReportCustomer>;

// The customers the actor may see in a report, with the report's filters; checks the filters name a
// region and a user that exist.
Result<CustomerIndex> ReportCustomers(Tx& tx, const Actor& actor, const std::optional<std::string>& region,
                                      std::optional<UserId> owner) {
    if (region) {
        CREDO_TRY(bool exists, tx.Regions().Exists(*region));
        if (!exists) return FieldError("region", Quoted(*region) + " is not a region");
    }
    if (owner) {
        auto user = tx.Users().Find(*owner);
        if (!user) return FieldError("owner", "user " + owner->str() + " does not exist");
    }
    CREDO_TRY(auto customers, tx.Ledger().ReportCustomers(domain::ReadScope(actor), region, owner));
    CustomerIndex index;
    index.reserve(customers.size());
    for (auto& c : customers) index.emplace(c.id.value(), std::move(c));
    return index;
}

// The customers of an index as a dense set of ids: the scans that test every document's customer ask it
// millions of times, and a bit per id stays in the cache where the index's nodes do not.
class Members {
 public:
    explicit Members(const CustomerIndex& customers) {
        std::int64_t largest = 0;
        for (const auto& [id, c] : customers) largest = std::max(largest, id);
        bits_.resize(static_cast<std::size_t>(largest) + 1);
        for (const auto& [id, c] : customers) bits_[static_cast<std::size_t>(id)] = true;
    }
    bool Has(CustomerId id) const {
        const auto v = id.value();
        return v >= 0 && static_cast<std::size_t>(v) < bits_.size() && bits_[static_cast<std::size_t>(v)];
    }

 private:
    std::vector<bool> bits_;
};

// Rates into the base currency on `date`, looked up once per currency; nullopt: no rate then.
class BaseRates {
 public:
    BaseRates(Tx& tx, const Context& ctx, Date date) : tx_(tx), ctx_(ctx), date_(date) {}

    Result<std::optional<std::int64_t>> Of(const std::string& currency) {
        if (auto it = rates_.find(currency); it != rates_.end()) return it->second;
        std::optional<std::int64_t> rate;
        if (currency == ctx_.settings.base_currency) {
            rate = kRateOne;
        } else {
            CREDO_TRY(rate, tx_.Ledger().FxRate(currency, date_));
        }
        rates_.emplace(currency, rate);
        return rate;
    }

 private:
    Tx& tx_;
    const Context& ctx_;
    Date date_;
    std::map<std::string, std::optional<std::int64_t>> rates_;
};

Result<std::int64_t> ToBase(std::int64_t minor, const std::string& currency, std::int64_t rate_e8,
                            const Currency& base) {
    if (minor == 0) return 0;
    CREDO_TRY(auto from, Currency::FromCode(currency));
    CREDO_TRY(auto converted, Convert(Money(minor, from), rate_e8, base));
    return converted.minor();
}

void AddUnique(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

Result<domain::SettlementKind> KindOf(const std::string& kind) {
    // The ledger's payment kinds: payment and credit_note; write_off once write-offs are recorded (AR-1).
    return domain::kSettlementKindNames.Parse(kind, "kind");
}

}  // namespace

Result<AgingReport> Aging(Tx& tx, const Context& ctx, const Actor& actor, const AgingQuery& query) {
    AgingReport report;
    report.as_of = query.as_of;
    report.group_by = query.group_by;
    report.base_currency = ctx.settings.base_currency;
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    CREDO_TRY(auto customers, ReportCustomers(tx, actor, query.region, query.owner));
    CREDO_TRY(auto totals, tx.Ledger().AgingTotals(query.as_of, domain::BoundsOf(query.as_of)));
    BaseRates rates(tx, ctx, query.as_of);
    std::map<std::string, AgingRow> rows;
    std::unordered_set<std::int64_t> counted;  // a customer belongs to one row: counted once
    for (const auto& t : totals) {
        if (t.amount_minor == 0) continue;
        auto c = customers.find(t.customer.value());
        if (c == customers.end()) continue;  // outside the scope or the filters
        const auto& customer = c->second;
        std::string key, label;
        switch (query.group_by) {
            case AgingGroupBy::kCustomer:
                key = customer.id.str();
                label = customer.name;
                break;
            case AgingGroupBy::kRegion:
                key = label = customer.region;
                break;
            case AgingGroupBy::kOwner:
                key = customer.owner ? customer.owner->str() : "";
                label = customer.owner_name;
                break;
        }
        auto [it, added] = rows.try_emplace(key);
        AgingRow& row = it->second;
        if (added) {
            row.key = key;
            row.label = label;
            if (query.group_by == AgingGroupBy::kCustomer) row.code = customer.code;
        }
        if (counted.insert(customer.id.value()).second) ++row.customers;
        CREDO_CHECK(row.currencies[t.currency].Add(t.bucket, t.amount_minor));
        CREDO_CHECK(report.currencies[t.currency].Add(t.bucket, t.amount_minor));
        CREDO_TRY(auto rate, rates.Of(t.currency));
        if (!rate) {
            AddUnique(report.unconverted, t.currency);
            continue;
        }
        report.rates[t.currency] = *rate;
        CREDO_TRY(auto in_base, ToBase(t.amount_minor, t.currency, *rate, base));
        CREDO_CHECK(row.base.Add(t.bucket, in_base));
        CREDO_CHECK(report.total.Add(t.bucket, in_base));
    }
    for (auto& [key, row] : rows) report.rows.push_back(std::move(row));
    std::stable_sort(report.rows.begin(), report.rows.end(),
                     [](const AgingRow& a, const AgingRow& b) { return a.base.Total() > b.base.Total(); });
    if (report.rows.empty()) {
        CREDO_TRY(auto first, tx.Ledger().FirstInvoiceDate());
        if (!first || *first > query.as_of)
            report.note = "no invoice was issued on or before " + FormatDate(query.as_of) +
                          (first ? "; the first is dated " + FormatDate(*first) : std::string());
        else
            report.note = "nothing in the report's scope was open at the end of " + FormatDate(query.as_of);
    }
    return report;
}

Result<KpiReport> Kpis(Tx& tx, const Context& ctx, const Actor& actor, const KpiQuery& query) {
    KpiReport report;
    report.base_currency = ctx.settings.base_currency;
    CREDO_TRY(auto base, Currency::FromCode(ctx.settings.base_currency));
    CREDO_TRY(auto months, domain::MonthRange(query.from, query.to));
    const auto periods = domain::PeriodsOf(months, query.as_of);
    CREDO_TRY(auto customers, ReportCustomers(tx, actor, query.region, query.owner));
    const Members within(customers);
    // Each currency's monthly totals in that currency.
    std::map<std::string, std::vector<domain::MonthTotals>> by_currency;
    auto totals_of = [&](const std::string& currency) -> std::vector<domain::MonthTotals>& {
        auto& t = by_currency[currency];
        if (t.empty()) t.resize(months.size());
        return t;
    };
    const Date last = std::min(domain::LastDay(query.to), query.as_of);
    std::vector<domain::KpiSettlement> settlements;
    CREDO_CHECK(tx.Ledger().ScanReceivables(
        last, [&](const InvoiceRecord& inv, const std::vector<LedgerRepository::Settled>& settled) -> Status {
            if (!within.Has(inv.customer)) return Ok();
            settlements.clear();
            for (const auto& s : settled) {
                CREDO_TRY(auto kind, KindOf(s.kind));
                settlements.push_back({s.day, s.amount_minor, kind});
            }
            return domain::FoldInvoice({inv.issue_date, inv.due_date, inv.amount_minor, settlements}, periods,
                                       totals_of(inv.currency));
        }));
    CREDO_CHECK(tx.Ledger().ScanOrdersPlaced(
        domain::FirstDay(query.from), last, [&](const LedgerRepository::PlacedOrder& o) -> Status {
            if (!within.Has(o.customer)) return Ok();
            return domain::FoldOrder(o.order_date, o.amount_minor, o.invoiced, periods, totals_of(o.currency));
        }));
    std::vector<domain::MonthTotals> in_base(months.size());
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (periods[i].Empty()) continue;
        BaseRates rates(tx, ctx, periods[i].last);
        for (const auto& [currency, totals] : by_currency) {
            CREDO_TRY(auto rate, rates.Of(currency));
            if (!rate) {
                AddUnique(report.unconverted, currency);
                continue;
            }
            const auto& t = totals[i];
            domain::MonthTotals b;
            CREDO_TRY(b.invoiced, ToBase(t.invoiced, currency, *rate, base));
            CREDO_TRY(b.open, ToBase(t.open, currency, *rate, base));
            CREDO_TRY(b.overdue, ToBase(t.overdue, currency, *rate, base));
            CREDO_TRY(b.due, ToBase(t.due, currency, *rate, base));
            CREDO_TRY(b.collected, ToBase(t.collected, currency, *rate, base));
            CREDO_TRY(b.ordered, ToBase(t.ordered, currency, *rate, base));
            CREDO_TRY(b.fulfilled, ToBase(t.fulfilled, currency, *rate, base));
            CREDO_TRY(b.written_off, ToBase(t.written_off, currency, *rate, base));
            CREDO_CHECK(in_base[i].Add(b));
        }
    }
    bool any_write_off = false, any_invoiced = false;
    for (std::size_t i = 0; i < months.size(); ++i) {
        report.months.push_back({domain::KpisOf(periods[i], in_base[i]), in_base[i]});
        any_write_off = any_write_off || in_base[i].written_off > 0;
        any_invoiced = any_invoiced || in_base[i].invoiced > 0;
    }
    if (!any_write_off && any_invoiced)
        report.notes.push_back(
            "no write-off is recorded in these months: the bad-debt ratio counts write-offs allocated to invoices, "
            "so it is 0");
    if (by_currency.empty())
        report.notes.push_back("no invoice or order in the report's scope up to " + FormatDate(last));
    for (const auto& c : report.unconverted)
        report.notes.push_back("no exchange rate for " + c + ": its amounts are left out of the " +
                               report.base_currency + " figures");
    return report;
}

}  // namespace credo::app
