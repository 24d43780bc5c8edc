// Management reports over the ledger as of a date (SPEC RP-2, RP-3): the biggest and the riskiest
// customers side by side, and the anomalies reported to management, also raised into their alerts inbox
// by the daily "alerts" job. Every report is limited to the files the reader may see; amounts are in the
// base currency, converted at the date's rates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/reports/anomaly.hpp"

namespace credo::app {

// One customer's figures as of a date.
struct CustomerFigures {
    CustomerId customer;
    std::string code;
    std::string name;
    std::string region;
    std::optional<UserId> owner;
    std::string owner_name;
    std::int64_t purchases_minor = 0;           // invoiced in the twelve months up to the date
    std::int64_t previous_purchases_minor = 0;  // in the twelve months before those
    std::int64_t open_minor = 0;                // receivables open on the date
    std::int64_t overdue_minor = 0;             // of which past due
    int max_days_past_due = 0;                  // of the open items
    std::optional<std::string> grade;           // the account's, as kept
    std::optional<int> score;
    std::string account_currency;             // the credit account's: trade.limit_minor and exposure_minor are in it
    std::optional<std::int64_t> limit_minor;  // in the base currency
    std::optional<std::int64_t> utilization_bp;
    domain::TradeFigures trade;              // what the anomaly rules read
    std::optional<Date> last_purchase;       // the latest invoice's issue date, up to the date
    std::optional<Date> newest_overdue_due;  // the latest due date of the items that fell overdue lately
};

// Every customer the actor may see, with its figures on `as_of`, by code.
Result<std::vector<CustomerFigures>> GetCustomerFigures(Tx& tx, const Context& ctx, const domain::Actor& actor,
                                                        Date as_of);

// RP-2: the `limit` biggest customers by purchases and the `limit` riskiest side by side. Risk: the
// longest delay of an open item first (by the aging buckets: over 90, 61-90, 31-60, 1-30 days), then
// the overdue amount, then grade IV before III, then the lower score; only customers with something
// past due or a grade III or IV are risky at all.
struct BothEnds {
    Date as_of{};
    std::string currency;                    // the base currency
    std::int64_t total_purchases_minor = 0;  // of every customer in scope
    std::int64_t customers = 0;              // in scope
    std::vector<CustomerFigures> biggest;
    std::vector<CustomerFigures> riskiest;
};
// kInvalidArgument naming "limit" outside 1-100.
Result<BothEnds> GetBothEnds(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of, int limit);

// RP-3: each anomaly of a customer in scope on `as_of`, by kind then customer code.
struct Anomaly {
    domain::AnomalyKind kind{};
    CustomerFigures customer;
};
struct AnomalyReport {
    Date as_of{};
    std::string currency;
    std::vector<Anomaly> items;
};
Result<AnomalyReport> GetAnomalies(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of);

// The daily "alerts" job: raises each anomaly of `as_of` into the inbox of every active sales manager
// and executive, and of the customer's owner, each once (the same anomaly is raised again only when it
// changes: a new month for drops, surges and breaches, a new report date, a newly overdue item's day).
// Returns how many alerts were new.
Result<int> RaiseAnomalyAlerts(Tx& tx, const Context& ctx, Date as_of);
// POST /jobs/alerts: the job for `as_of` unless it already ran for that date (the scheduler's claim, job
// "alerts"); nullopt when it had. Admins, sales managers and executives (kForbidden otherwise).
Result<std::optional<int>> RunAnomalyAlertsOnce(Database& db, const Context& ctx, const domain::Actor& actor,
                                                Date as_of, const std::string& server);

}  // namespace credo::app
