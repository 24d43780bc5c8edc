// The JSON of the reports that more than one endpoint shows: the distributions (GET /reports/tiers,
// /reports/grades), the aging (/reports/aging), the KPIs (/reports/kpis) — each also a part of the
// dashboard (/reports/dashboard). One rendering per report, so that a part reads the same everywhere.
#pragma once

#include <boost/json.hpp>

#include "credo/app/classification.hpp"
#include "credo/app/receivables_reports.hpp"

namespace credo::http {

// The Distribution schema (classification.cpp).
boost::json::object DistributionJson(const app::Distribution& report);
// The AgingReport schema (reports_receivables.cpp).
boost::json::value AgingJson(const app::AgingReport& report);
// The KpiReport schema, for the months from `from` to `to` (reports_receivables.cpp).
boost::json::value KpisJson(const app::KpiReport& report, domain::Month from, domain::Month to);

}  // namespace credo::http
