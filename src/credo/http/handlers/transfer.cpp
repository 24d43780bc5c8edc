// Import and export of customer files.
#include "credo/app/customer_transfer.hpp"
#include "credo/http/handlers/common.hpp"

namespace credo::http {
namespace json = boost::json;
using domain::Actor;

namespace {

std::string_view StatusName(app::ImportRow::Status s) {
    switch (s) {
        case app::ImportRow::Status::kCreated:
            return "created";
        case app::ImportRow::Status::kValid:
            return "valid";
        case app::ImportRow::Status::kError:
            return "error";
        case app::ImportRow::Status::kSkipped:
            return "skipped";
    }
    return "error";
}

json::object ReportJson(const app::ImportReport& r) {
    json::array rows;
    for (const auto& row : r.rows) {
        json::object o{{"row", row.row}, {"line", row.line}, {"status", StatusName(row.status)}};
        if (row.id) o["id"] = row.id->value();
        if (!row.code.empty()) o["code"] = row.code;
        if (!row.errors.empty()) {
            json::object errors;
            for (const auto& [k, v] : row.errors) errors[k] = v;
            o["errors"] = std::move(errors);
        }
        if (!row.warnings.empty()) {
            json::array warnings;
            for (const auto& w : row.warnings)
                warnings.push_back(
                    json::object{{"code", "duplicate"},
                                 {"field", w.field},
                                 {"match", json::object{{"id", w.id.value()}, {"code", w.code}, {"name", w.name}}}});
            o["warnings"] = std::move(warnings);
        }
        rows.push_back(std::move(o));
    }
    return json::object{{"mode", r.mode == app::ImportMode::kAllOrNothing ? "all_or_nothing" : "valid_rows"},
                        {"dry_run", r.dry_run},
                        {"committed", r.committed},
                        {"total", r.total},
                        {"created", r.created},
                        {"failed", r.failed},
                        {"rows", rows}};
}

}  // namespace

void RegisterTransfer(Router& router, ApiDeps& deps) {
    router.Add(
        Method::kPost, "/api/v1/imports/customers", Dispatch::kBlocking,
        Authed(deps, [&deps](const Request& req, const Actor& actor) {
            if (auto s = OnlyQuery(req, {"mode", "dry_run"}); !s) return ToResponse(s.error());
            app::ImportMode mode = app::ImportMode::kValidRows;
            if (auto m = req.Query("mode")) {
                if (*m == "all_or_nothing")
                    mode = app::ImportMode::kAllOrNothing;
                else if (*m != "valid_rows")
                    return ToResponse(FieldError("mode", Quoted(*m) + " is not one of valid_rows, all_or_nothing"));
            }
            auto dry_run = QueryBool(req, "dry_run");
            if (!dry_run) return ToResponse(dry_run.error());
            if (auto type = req.Header("content-type"); type && !type->starts_with("text/csv") &&
                                                        !type->starts_with("application/octet-stream") &&
                                                        !type->starts_with("text/plain"))
                return ToResponse(MakeError(Errc::kUnsupported, "send the file as text/csv, not " + *type));
            auto report = app::ImportCustomersCsv(deps.db, deps.ctx, actor, req.body, mode, *dry_run);
            if (!report) return ToResponse(report.error());
            return JsonResponse(200, ReportJson(*report));
        }));

    router.Add(Method::kGet, "/api/v1/exports/customers", Dispatch::kBlocking,
               Authed(deps, [&deps](const Request& req, const Actor& actor) {
                   if (auto s = OnlyQuery(req, {"format", "q", "region", "owner_id", "unassigned", "kind", "lifecycle",
                                                "importance", "nature", "grade", "tier", "sort"});
                       !s)
                       return ToResponse(s.error());
                   const std::string f = req.Query("format").value_or("csv");
                   if (f != "csv" && f != "xlsx")
                       return ToResponse(FieldError("format", Quoted(f) + " is not one of csv, xlsx"));
                   auto filter = ParseCustomerFilter(req);
                   if (!filter) return ToResponse(filter.error());
                   const auto format = f == "csv" ? app::ExportFormat::kCsv : app::ExportFormat::kXlsx;
                   auto file =
                       app::ExportCustomersAudited(deps.db, deps.ctx, actor, filter->first, filter->second, format);
                   if (!file) return ToResponse(file.error());
                   return Attachment(std::move(file->content_type), std::move(file->bytes), file->filename);
               }));
}

}  // namespace credo::http
