// The management dashboard (SPEC RP-1): tier and grade distribution, exposure vs limits, aging and the
// collections trend on one page, as of a date and within the reader's scope (domain::ReadScope: sales its
// own customers, assistants and regional managers their region, the other roles all).
//
// It composes the reports that exist on their own — the distributions of classification.hpp, the aging and
// the KPIs of receivables_reports.hpp — over one classification and inside the caller's transaction, and
// adds the one figure no other report gives: the credit accounts' exposure against their limits.
//
// Exposure is current state. A credit account holds its exposure as the ledger stands now (updated with
// every order, invoice and payment, ARCHITECTURE decision 4); nothing records what it was on a past day.
// So the exposure part is always today's (`exposure_as_of`), whatever `as_of` the rest of the dashboard
// is for; only its conversion into the base currency uses the rates in force on `as_of`.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "credo/app/classification.hpp"
#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/app/receivables_reports.hpp"
#include "credo/domain/credit/utilization_band.hpp"

namespace credo::app {

// One currency of the accounts in scope: its sums in that currency and its rate into the base currency.
struct ExposureCurrency {
    std::string currency;
    std::int64_t accounts = 0;
    std::int64_t limit_minor = 0;         // the limits on record
    std::int64_t exposure_minor = 0;      // every account's exposure, with a limit or not
    std::optional<std::int64_t> rate_e8;  // into the base on as_of; nullopt: none (named in `unconverted`)
};

// An account among the most used: amounts in the account's own currency (the limit's).
struct UtilizationEntry {
    CustomerId customer;
    std::string code;
    std::string name;
    std::string currency;
    std::int64_t limit_minor = 0;
    std::int64_t exposure_minor = 0;
    std::int64_t utilization_bp = 0;
    std::optional<std::string> grade;
    bool on_hold = false;
};

// Exposure vs limits over the credit accounts within the reader's scope.
//
// Each currency's sums are converted into the base currency once, at the rate in force on `as_of`
// (base/fx's rounding); the base figures are the sums of the converted currencies, so that they add up to
// the `currencies` rows. A currency without a rate on `as_of` is left out of the base figures and named in
// `unconverted` (its accounts still count in the bands, the holds and the top list, which need no rate).
// Utilization is the account's exposure ÷ its limit on record, as the credit page and the LC-5 alerts
// compute it (the limit's validity and temporary exceptions do not enter it); the overall utilization is the
// exposure of the accounts with a limit ÷ their limits.
struct ExposureSummary {
    Date as_of{};           // the date of the rates
    Date exposure_as_of{};  // the date of the exposure: today, always
    std::string base_currency;
    std::int64_t accounts = 0;                   // credit accounts in scope; the bands add up to it
    std::int64_t on_hold = 0;                    // of which on credit hold
    std::int64_t limit_minor = 0;                // in the base currency
    std::int64_t exposure_minor = 0;             // in the base currency, every account
    std::int64_t unlimited_exposure_minor = 0;   // of which on accounts without a limit on record
    std::optional<std::int64_t> utilization_bp;  // (exposure - unlimited) ÷ limit, floored; none without limits
    domain::BandLevels levels;                   // the band boundaries: the LC-5 alert levels in force
    std::array<std::int64_t, domain::kUtilizationBandCount> bands{};  // accounts per band, by UtilizationBand
    std::vector<ExposureCurrency> currencies;                         // by currency code
    std::vector<std::string> unconverted;
    std::vector<UtilizationEntry> top;  // the highest utilization first (then the code); positive limits only
};

inline constexpr int kDashboardTop = 10;

// Errors: kInvalidArgument naming "value" when the stored alert levels disagree (LoadCreditSettings), or
// "top" outside 1-100.
Result<ExposureSummary> GetExposureSummary(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                           int top = kDashboardTop);

struct Dashboard {
    Date as_of{};
    std::string base_currency;
    Distribution tiers;   // CL-5, as /reports/tiers
    Distribution grades;  // CL-5, as /reports/grades
    ExposureSummary exposure;
    AgingReport aging;  // AR-2 as of as_of, one row per region, as /reports/aging?group_by=region
    domain::Month kpi_from{};
    domain::Month kpi_to{};  // as_of's month
    KpiReport collections;   // AR-3 for the twelve months ending with as_of's month, measured up to as_of
};

// Errors: those of the parts; in particular kInvalidArgument naming "as_of" when a currency of the
// purchases has no rate on or before it (the tiers' rule, ClassifyCustomers).
Result<Dashboard> GetDashboard(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of);

}  // namespace credo::app
