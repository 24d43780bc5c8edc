// The receivables reports' reads of the ledger (SPEC AR-2, AR-3): SqlLedgerRepository's report queries.
#include <algorithm>
#include <unordered_map>

#include "credo/sql/embedded.hpp"
#include "credo/store/ledger_repository.hpp"

namespace credo::store {

namespace q = credo::sql;

Result<std::vector<app::LedgerRepository::AgingTotal>> SqlLedgerRepository::AgingTotals(
    Date as_of, const domain::AgingBounds& bounds) {
    CREDO_TRY(auto st, conn_.Prepare(q::receivables::kAgingTotals));
    st->Bind(FormatDate(as_of), FormatDate(bounds.d1_30), FormatDate(bounds.d31_60), FormatDate(bounds.d61_90));
    // The rows are open items (SQLite) or their sums (PostgreSQL): added up here per customer and currency
    // either way, in a hash table, in one pass.
    struct CurrencyAmounts {
        std::string currency;
        domain::AgingAmounts amounts;
    };
    std::unordered_map<std::int64_t, std::vector<CurrencyAmounts>> sums;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) break;
        const std::int64_t bucket = st->Int(2);
        if (bucket < 0 || bucket >= domain::kAgingBucketCount)
            return MakeError(Errc::kInternal, "aging bucket " + std::to_string(bucket) + " out of range");
        auto& per_currency = sums[st->Int(0)];
        std::string currency = st->Text(1);
        auto it = std::find_if(per_currency.begin(), per_currency.end(),
                               [&](const CurrencyAmounts& c) { return c.currency == currency; });
        if (it == per_currency.end()) it = per_currency.insert(per_currency.end(), {std::move(currency), {}});
        CREDO_CHECK(it->amounts.Add(static_cast<domain::AgingBucket>(bucket), st->Int(3)));
    }
    std::vector<AgingTotal> out;
    for (const auto& [customer, per_currency] : sums)
        for (const auto& c : per_currency)
            for (int b = 0; b < domain::kAgingBucketCount; ++b)
                if (c.amounts.minor[b] != 0)
                    out.push_back(
                        {CustomerId(customer), c.currency, static_cast<domain::AgingBucket>(b), c.amounts.minor[b]});
    return out;
}

Result<std::vector<app::LedgerRepository::ReportCustomer>> SqlLedgerRepository::ReportCustomers(
    const domain::Scope& scope, const std::optional<std::string>& region, std::optional<UserId> owner) {
    const auto [scope_region, scope_owner] = ScopeArgs(scope);
    CREDO_TRY(auto st, conn_.Prepare(q::receivables::kReportCustomers));
    st->Bind(scope_region, scope_owner, region, OptUser(owner));
    std::vector<ReportCustomer> out;
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return out;
        out.push_back(
            {CustomerId(st->Int(0)), st->Text(1), st->Text(2), st->Text(3), UserOf(st->OptInt(4)), st->Text(5)});
    }
}

Status SqlLedgerRepository::ScanOrdersPlaced(Date from, Date to,
                                             const std::function<Status(const PlacedOrder&)>& each) {
    CREDO_TRY(auto st, conn_.Prepare(q::receivables::kOrdersPlaced));
    st->Bind(FormatDate(from), FormatDate(to));
    while (true) {
        CREDO_TRY(bool row, st->Step());
        if (!row) return Ok();
        PlacedOrder o;
        o.customer = CustomerId(st->Int(0));
        CREDO_TRY(o.order_date, ParseDate(st->Text(1), "order_date"));
        o.currency = st->Text(2);
        o.amount_minor = st->Int(3);
        if (!st->IsNull(4)) {
            CREDO_TRY(Date invoiced, ParseDate(st->Text(4), "issue_date"));
            o.invoiced = invoiced;
        }
        CREDO_CHECK(each(o));
    }
}

Result<std::optional<Date>> SqlLedgerRepository::FirstInvoiceDate() {
    CREDO_TRY(auto st, conn_.Prepare(q::receivables::kFirstInvoiceDate));
    CREDO_TRY(bool row, st->Step());
    if (!row || st->IsNull(0)) return std::optional<Date>();
    CREDO_TRY(Date first, ParseDate(st->Text(0), "issue_date"));
    return std::optional<Date>(first);
}

}  // namespace credo::store
