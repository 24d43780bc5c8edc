// credo import customers FILE.csv [--all-or-nothing] [--dry-run]
// credo export customers --format csv|xlsx --out FILE
#include <fstream>
#include <sstream>

#include "credo/app/customer_transfer.hpp"
#include "credo/cli/common.hpp"

namespace credo::cli {

void AddImportExport(CLI::App& app, int& exit_code) {
    auto* imp = app.add_subcommand("import", "import files");
    imp->require_subcommand(1);
    auto* imp_customers = imp->add_subcommand("customers", "import customer files from CSV");
    struct ImportArgs {
        DbOptions db;
        std::string file;
        bool all_or_nothing = false;
        bool dry_run = false;
    };
    auto ia = std::make_shared<ImportArgs>();
    AddDbOptions(*imp_customers, ia->db);
    imp_customers->add_option("file", ia->file, "the CSV file (UTF-8)")->required();
    imp_customers->add_flag("--all-or-nothing", ia->all_or_nothing, "create nothing unless every row is valid");
    imp_customers->add_flag("--dry-run", ia->dry_run, "validate only");
    imp_customers->callback([&exit_code, ia] {
        if (ia->file.ends_with(".xlsx")) {
            std::fprintf(stderr,
                         "credo: XLSX import is not supported; save the sheet as CSV (UTF-8) and import that\n");
            exit_code = 2;
            return;
        }
        std::ifstream in(ia->file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "credo: cannot read %s\n", ia->file.c_str());
            exit_code = 1;
            return;
        }
        std::stringstream bytes;
        bytes << in.rdbuf();
        auto opened = OpenApp(ia->db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        auto report = app::ImportCustomersCsv(
            (*opened)->db(), (*opened)->context(), domain::SystemActor(), bytes.str(),
            ia->all_or_nothing ? app::ImportMode::kAllOrNothing : app::ImportMode::kValidRows, ia->dry_run);
        if (!report) {
            exit_code = Fail(report.error());
            return;
        }
        for (const auto& row : report->rows) {
            if (row.status != app::ImportRow::Status::kError) continue;
            for (const auto& [field, problem] : row.errors)
                std::fprintf(stderr, "row %d (line %d): %s: %s\n", row.row, row.line, field.c_str(), problem.c_str());
        }
        std::printf("%d rows: %d created, %d invalid%s\n", report->total, report->created, report->failed,
                    report->dry_run ? " (dry run: nothing written)"
                    : (report->mode == app::ImportMode::kAllOrNothing && report->failed > 0)
                        ? " (all-or-nothing: nothing written)"
                        : "");
        exit_code = report->failed > 0 ? 1 : 0;
    });

    auto* exp = app.add_subcommand("export", "export files");
    exp->require_subcommand(1);
    auto* exp_customers = exp->add_subcommand("customers", "export customer files");
    struct ExportArgs {
        DbOptions db;
        std::string format = "csv";
        std::string out;
    };
    auto ea = std::make_shared<ExportArgs>();
    AddDbOptions(*exp_customers, ea->db);
    exp_customers->add_option("--format", ea->format, "csv or xlsx")->check(CLI::IsMember({"csv", "xlsx"}));
    exp_customers->add_option("--out", ea->out, "the output file")->required();
    exp_customers->callback([&exit_code, ea] {
        auto opened = OpenApp(ea->db);
        if (!opened) {
            exit_code = Fail(opened.error());
            return;
        }
        auto file = app::ExportCustomersAudited(
            (*opened)->db(), (*opened)->context(), domain::SystemActor(), {}, app::CustomerSort::kCodeAsc,
            ea->format == "csv" ? app::ExportFormat::kCsv : app::ExportFormat::kXlsx);
        if (!file) {
            exit_code = Fail(file.error());
            return;
        }
        std::ofstream out(ea->out, std::ios::binary | std::ios::trunc);
        out.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
        if (!out.good()) {
            std::fprintf(stderr, "credo: cannot write %s\n", ea->out.c_str());
            exit_code = 1;
            return;
        }
        std::printf("%d customers written to %s\n", file->rows, ea->out.c_str());
    });
}

}  // namespace credo::cli
