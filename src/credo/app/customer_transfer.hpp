// Import and export of customer files (SPEC CF-9).
//
// The CSV columns are the API's keys: the identity keys (kind, name, region, owner as a username,
// nature, importance, lifecycle, stage), every catalog field, and the primary contact (contact_name,
// contact_title, contact_phone, contact_email). Money cells are "1234.50 CNY" (or a bare amount in
// CNY), list cells are separated by ';'. Export writes the same columns plus the system ones (code,
// version, completeness, updated_at), which import ignores, so an export can be edited and imported.
//
// Import validates every row. In kValidRows mode the valid rows are created and the others reported;
// in kAllOrNothing mode nothing is created unless every row is valid. A dry run creates nothing.
#pragma once

#include <string>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/customer_files.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

enum class ImportMode { kValidRows, kAllOrNothing };

struct ImportRow {
    int row = 0;   // 1-based data row
    int line = 0;  // physical line in the file
    enum class Status { kCreated, kValid, kError, kSkipped } status = Status::kValid;
    std::optional<CustomerId> id;
    std::string code;
    std::map<std::string, std::string> errors;
    std::vector<DuplicateMatch> warnings;
};

struct ImportReport {
    ImportMode mode = ImportMode::kValidRows;
    bool dry_run = false;
    bool committed = false;
    int total = 0;
    int created = 0;
    int failed = 0;
    std::vector<ImportRow> rows;
};

// Runs the whole import against `db` (several write transactions in kValidRows mode, one in
// kAllOrNothing). A file that cannot be read as CSV is kInvalidArgument naming the line; nothing is
// written then. Each file created is recorded in the audit log with its creation; an import that is not
// a dry run is recorded as a whole too (mode and counts), after its rows.
Result<ImportReport> ImportCustomersCsv(Database& db, const Context& ctx, const domain::Actor& actor,
                                        std::string_view csv, ImportMode mode, bool dry_run);

enum class ExportFormat { kCsv, kXlsx };
struct ExportFile {
    std::string bytes;
    std::string content_type;
    std::string filename;
    int rows = 0;
};
Result<ExportFile> ExportCustomers(Tx& tx, const Context& ctx, const domain::Actor& actor, const CustomerFilter& filter,
                                   CustomerSort sort, ExportFormat format);
// ExportCustomers in a read transaction, then the export (format, filters, row count) recorded in the
// audit log in a short write transaction of its own, so that the export itself holds up no writer. An
// export that could not be recorded is not handed out: the error is returned instead.
Result<ExportFile> ExportCustomersAudited(Database& db, const Context& ctx, const domain::Actor& actor,
                                          const CustomerFilter& filter, CustomerSort sort, ExportFormat format);

std::vector<std::string> CustomerCsvColumns();

}  // namespace credo::app
