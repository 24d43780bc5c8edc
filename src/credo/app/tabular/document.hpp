// A report as a document: a title, the lines under it, and sections that are each a table. The same
// document is written as an XLSX workbook (one sheet per section, numbers as numbers) and as a PDF
// (A4, tables across pages with their header repeated, page numbers), so both say the same thing.
#pragma once

#include <string>
#include <vector>

#include "credo/base/result.hpp"

namespace credo::app::tabular {

struct Column {
    std::string title;
    bool numeric = false;  // right-aligned; in XLSX written as a number when the cell parses as one
};

struct Section {
    std::string title;  // also the sheet's name (cut to 31 characters, made unique)
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  // as wide as `columns`
    std::string note;                            // a line under the table; "" = none
};

struct Document {
    std::string title;
    std::vector<std::string> lines;  // under the title: the date, the scope, the currency…
    std::vector<Section> sections;
};

// The workbook as bytes: a first sheet with the title and lines, then one sheet per section with a bold,
// frozen header row. Errors: kInternal with libxlsxwriter's reason.
Result<std::string> DocumentXlsx(const Document& document);

// The PDF as bytes, A4 portrait, text in any script (fonts found by fontconfig: CJK needs a CJK font such
// as Noto Sans CJK installed). Errors: kInternal with cairo's reason.
Result<std::string> DocumentPdf(const Document& document);

}  // namespace credo::app::tabular
