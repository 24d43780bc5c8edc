// Receivables reports (SPEC AR-2, AR-3): aging as of a date and the monthly KPIs, within the reader's
// scope (sales: its own customers; assistants and regional managers: their region; the other roles: all).
//
// Amounts are shown per invoice currency and in the base currency. A customer's amounts in a currency are
// converted per aging bucket (or per month) at the rate in force on the report's date (the aging's as_of,
// each month's last day), rounded once (base/fx); the base-currency totals are the sums of the converted
// rows, so rows always add up to the total. A currency without a rate on that date is left out of the
// base-currency figures (still shown on its own) and named in `unconverted`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/domain/receivables/aging.hpp"
#include "credo/domain/receivables/kpi.hpp"

namespace credo::app {

enum class AgingGroupBy { kCustomer, kRegion, kOwner };
inline constexpr auto kAgingGroupByNames = domain::MakeEnumNames<AgingGroupBy>(
    std::pair{AgingGroupBy::kCustomer, "customer"}, std::pair{AgingGroupBy::kRegion, "region"},
    std::pair{AgingGroupBy::kOwner, "owner"});

struct AgingQuery {
    Date as_of{};
    AgingGroupBy group_by = AgingGroupBy::kCustomer;
    std::optional<std::string> region;  // only this region's customers
    std::optional<UserId> owner;        // only this user's customers
};

struct AgingRow {
    std::string key;            // the customer's id, the region's code, the owner's id ("" for no owner)
    std::string label;          // the customer's name, the region's code, the owner's name
    std::string code;           // the customer's code (group_by customer)
    int customers = 0;          // customers with something open in the row
    domain::AgingAmounts base;  // in the base currency
    std::map<std::string, domain::AgingAmounts> currencies;  // per invoice currency
};

struct AgingReport {
    Date as_of{};
    AgingGroupBy group_by = AgingGroupBy::kCustomer;
    std::string base_currency;
    std::vector<AgingRow> rows;                              // the largest base-currency total first
    domain::AgingAmounts total;                              // the sum of the rows, in the base currency
    std::map<std::string, domain::AgingAmounts> currencies;  // the sums per invoice currency
    std::map<std::string, std::int64_t> rates;               // currency → rate_e8 into the base, on as_of
    std::vector<std::string> unconverted;                    // currencies without a rate on as_of
    std::optional<std::string> note;                         // why the report is empty, when it is
};

// Errors: kInvalidArgument naming "region" (unknown region), "owner" (unknown user).
Result<AgingReport> Aging(Tx& tx, const Context& ctx, const domain::Actor& actor, const AgingQuery& query);

struct KpiQuery {
    domain::Month from{};
    domain::Month to{};
    Date as_of{};  // the current month is measured to it, later months not at all (today, as a rule)
    std::optional<std::string> region;
    std::optional<UserId> owner;
};

struct KpiPoint {
    domain::MonthKpis kpis;
    domain::MonthTotals totals;  // in the base currency
};

struct KpiReport {
    std::string base_currency;
    std::vector<KpiPoint> months;  // from..to, oldest first
    std::vector<std::string> unconverted;
    std::vector<std::string> notes;  // what the figures rest on (e.g. no write-offs recorded)
};

// Errors: kInvalidArgument naming "from" (after to), "to" (more than 60 months), "region", "owner".
Result<KpiReport> Kpis(Tx& tx, const Context& ctx, const domain::Actor& actor, const KpiQuery& query);

}  // namespace credo::app
