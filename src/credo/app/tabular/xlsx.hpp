// XLSX export of a single table, for customer lists that users open in Excel or WPS.
//
// The sheet has one bold, frozen header row followed by the data rows, with column widths sized to the
// content (CJK characters count double, capped so one long note does not make a column unusable).
// Every cell is written as a string, never as a number: customer codes, tax numbers and phone numbers
// keep their leading zeros and are not turned into scientific notation.
//
// Failures inside libxlsxwriter (unwritable path, invalid sheet name, string longer than Excel's 32767
// characters, more than 1048576 rows) are Errc::kInternal with the library's lxw_strerror text. An
// empty sheet_name means the default "Sheet1". Rows are written as given and may be ragged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credo/base/result.hpp"

namespace credo::app::tabular {

// Writes the workbook to `path`, replacing any existing file. On failure no partial file is left.
Status WriteXlsx(const std::string& path, std::string_view sheet_name, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

// The same workbook as bytes, e.g. for an HTTP download. Goes through a unique temporary file in
// $TMPDIR (or /tmp) because libxlsxwriter only writes files; the file is removed in all cases.
Result<std::string> XlsxBytes(std::string_view sheet_name, const std::vector<std::string>& header,
                              const std::vector<std::vector<std::string>>& rows);

}  // namespace credo::app::tabular
