// The periodic management report (SPEC RP-4): one document with the key figures, the grade distribution,
// both ends and the anomalies as of a date, over the reader's files, in one of the interface languages;
// exported as XLSX or PDF. The scheduled monthly run is the same report as of the month's last day.
#pragma once

#include <string>

#include "credo/app/context.hpp"
#include "credo/app/customer_transfer.hpp"
#include "credo/app/ports/database.hpp"
#include "credo/app/tabular/document.hpp"

namespace credo::app {

// `language`: zh-CN, zh-TW, es or en (kInvalidArgument naming "language" otherwise).
Result<tabular::Document> BuildManagementReport(Tx& tx, const Context& ctx, const domain::Actor& actor, Date as_of,
                                                const std::string& language);

// The report as a file to download, `format` xlsx or pdf (kInvalidArgument naming "format"); the export is
// audited (report.export, with the date, format and the number of customers in it), like every export.
Result<ExportFile> ExportManagementReport(Database& db, const Context& ctx, const domain::Actor& actor, Date as_of,
                                          const std::string& format, const std::string& language);

}  // namespace credo::app
