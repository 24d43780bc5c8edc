// CSV reading and writing for customer import and export (RFC 4180, UTF-8).
//
// ParseCsv is the strict reader behind imports: the first record is the header and every later record
// must have exactly as many fields. Input must be UTF-8 (an optional BOM is dropped); records end in
// LF, CRLF or a lone CR; quoted fields may hold commas, newlines and "" escapes. Fully empty lines are
// skipped, so a trailing newline never makes an empty row. Fields are returned verbatim: no trimming
// and no apostrophe stripping.
//
// Every failure is Errc::kInvalidArgument with a message that starts with "line N" (the 1-based
// physical line in the file, counting newlines inside quoted fields), so an operator can find it in an
// editor. The same number is in Error::fields["line"]; stray-quote errors also set
// Error::fields["column"] (the 1-based field number within the record, as a spreadsheet shows it).
//
// WriteCsv produces what Excel opens correctly on a Chinese Windows: a UTF-8 BOM, CRLF line ends, and
// cells that could be taken for a formula defused with a leading apostrophe. Rows are written as given;
// keeping them as wide as the header is the caller's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credo/base/result.hpp"

namespace credo::app::tabular {

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    // The 1-based physical line where each data row starts (parallel to `rows`), for error reports.
    std::vector<int> row_lines;
};

// Parses a whole CSV file. Errors: empty file, invalid UTF-8, unterminated quoted field, stray quote,
// field-count mismatch with the header, and an empty (or blank) or duplicate header column name.
Result<Table> ParseCsv(std::string_view bytes);

// Writes header and rows as a UTF-8 CSV with BOM and CRLF line ends. A cell beginning with '=', '@', a
// tab or CR, or with '+' or '-' not followed by a digit, is prefixed with an apostrophe so spreadsheets
// show it as text instead of evaluating it.
std::string WriteCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace credo::app::tabular
