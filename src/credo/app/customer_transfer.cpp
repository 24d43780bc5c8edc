#include "credo/app/customer_transfer.hpp"

#include <unordered_map>

#include "credo/app/access_watch.hpp"
#include "credo/app/audit.hpp"
#include "credo/app/classification.hpp"
#include "credo/app/tabular/csv.hpp"
#include "credo/app/tabular/xlsx.hpp"
#include "credo/domain/customer/masking.hpp"

namespace credo::app {
using domain::Customer;

namespace {

constexpr std::string_view kIdentityColumns[] = {"kind",   "name",       "region",    "owner",
                                                 "nature", "importance", "lifecycle", "stage"};
constexpr std::string_view kContactColumns[] = {"contact_name", "contact_title", "contact_phone", "contact_email"};
constexpr std::string_view kSystemColumns[] = {"code", "version", "completeness", "updated_at"};

template <class Range>
bool Contains(const Range& range, std::string_view key) {
    for (auto k : range)
        if (k == key) return true;
    return false;
}

constexpr int kChunkRows = 5000;

struct RowDraft {
    Customer customer;
    std::map<std::string, std::string> errors;
};

// Turns one CSV row into a draft file; field errors are collected, not returned early.
RowDraft DraftFromRow(const std::vector<std::string>& header, const std::vector<std::string>& cells,
                      const std::unordered_map<std::string, UserId>& users) {
    RowDraft out;
    Customer& c = out.customer;
    domain::Contact contact;
    auto add_error = [&](const Error& e) {
        if (e.fields.empty()) out.errors.emplace("_", e.message);
        for (const auto& [k, v] : e.fields) out.errors.emplace(k, v);
    };
    bool has_kind = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& key = header[i];
        std::string_view cell = cells[i];
        while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
        while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
        // An apostrophe that an export put before a formula-like cell is not part of the value.
        if (cell.size() > 1 && cell.front() == '\'') cell.remove_prefix(1);
        if (cell.empty()) continue;
        if (key == "kind") {
            has_kind = true;
            if (auto k = domain::kCustomerKindNames.Parse(cell, key))
                c.kind = *k;
            else
                add_error(k.error());
        } else if (key == "name") {
            c.name = std::string(cell);
        } else if (key == "region") {
            c.region = std::string(cell);
        } else if (key == "owner") {
            auto it = users.find(std::string(cell));
            if (it == users.end())
                out.errors.emplace("owner", Quoted(std::string(cell)) + " is not a user");
            else
                c.owner = it->second;
        } else if (key == "nature") {
            if (auto v = domain::kNatureNames.Parse(cell, key))
                c.nature = *v;
            else
                add_error(v.error());
        } else if (key == "importance") {
            if (auto v = domain::kImportanceNames.Parse(cell, key))
                c.importance = *v;
            else
                add_error(v.error());
        } else if (key == "lifecycle") {
            if (auto v = domain::kLifecycleNames.Parse(cell, key))
                c.lifecycle = *v;
            else
                add_error(v.error());
        } else if (key == "stage") {
            if (auto v = domain::kStageNames.Parse(cell, key))
                c.stage = *v;
            else
                add_error(v.error());
        } else if (key == "contact_name") {
            contact.name = std::string(cell);
        } else if (key == "contact_title") {
            contact.title = std::string(cell);
        } else if (key == "contact_phone") {
            contact.phones.emplace_back(cell);
        } else if (key == "contact_email") {
            contact.email = std::string(cell);
        } else if (const auto* spec = domain::FindField(key)) {
            if (auto v = AttributeFromText(*spec, cell, key))
                c.attributes.insert_or_assign(key, std::move(*v));
            else
                add_error(v.error());
        }
    }
    if (!has_kind) out.errors.emplace("kind", "is required (one of " + domain::kCustomerKindNames.Accepted() + ")");
    if (!contact.name.empty() || !contact.phones.empty() || !contact.email.empty()) {
        contact.primary = true;
        c.contacts.push_back(std::move(contact));
    }
    return out;
}

std::vector<std::string> RowOf(const Customer& c, const std::unordered_map<std::int64_t, std::string>& usernames) {
    std::vector<std::string> row;
    row.reserve(64);
    row.push_back(c.code);
    row.emplace_back(domain::kCustomerKindNames.Name(c.kind));
    row.push_back(c.name);
    row.push_back(c.region);
    std::string owner;
    if (c.owner)
        if (auto it = usernames.find(c.owner->value()); it != usernames.end()) owner = it->second;
    row.push_back(owner);
    row.emplace_back(domain::kNatureNames.Name(c.nature));
    row.emplace_back(domain::kImportanceNames.Name(c.importance));
    row.emplace_back(domain::kLifecycleNames.Name(c.lifecycle));
    row.push_back(c.stage ? std::string(domain::kStageNames.Name(*c.stage)) : std::string());
    for (const auto& spec : domain::CustomerFields()) {
        auto it = c.attributes.find(spec.key);
        row.push_back(it == c.attributes.end() ? std::string() : domain::ValueText(it->second));
    }
    const domain::Contact* primary = nullptr;
    for (const auto& contact : c.contacts)
        if (contact.primary || !primary) primary = &contact;
    row.push_back(primary ? primary->name : "");
    row.push_back(primary ? primary->title : "");
    row.push_back(primary && !primary->phones.empty() ? primary->phones.front() : "");
    row.push_back(primary ? primary->email : "");
    row.push_back(std::to_string(c.version));
    row.push_back(std::to_string(domain::AssessCompleteness(c).score));
    row.push_back(FormatTimestamp(c.updated_at));
    return row;
}

}  // namespace

std::vector<std::string> CustomerCsvColumns() {
    std::vector<std::string> columns{"code"};
    for (auto k : kIdentityColumns) columns.emplace_back(k);
    for (const auto& spec : domain::CustomerFields()) columns.emplace_back(spec.key);
    for (auto k : kContactColumns) columns.emplace_back(k);
    columns.insert(columns.end(), {"version", "completeness", "updated_at"});
    return columns;
}

Result<ImportReport> ImportCustomersCsv(Database& db, const Context& ctx, const domain::Actor& actor,
                                        std::string_view csv, ImportMode mode, bool dry_run) {
    if (!actor.MayWriteCustomers())
        return MakeError(Errc::kForbidden, "user " + actor.username + " may not import customer files");
    CREDO_TRY(auto table, tabular::ParseCsv(csv));
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const auto& key = table.header[i];
        if (!Contains(kIdentityColumns, key) && !Contains(kContactColumns, key) && !Contains(kSystemColumns, key) &&
            !domain::FindField(key)) {
            Error e =
                FieldError("header", "column " + std::to_string(i + 1) + " \"" + key + "\" is not a customer field");
            e.fields.emplace("line", "1");
            return e;
        }
    }
    CREDO_TRY(auto users, ReadTx(db, [](Tx& tx) { return tx.Users().List(); }));
    std::unordered_map<std::string, UserId> by_username;
    for (const auto& u : users) by_username.emplace(u.username, u.id);

    ImportReport report;
    report.mode = mode;
    report.dry_run = dry_run;
    report.total = static_cast<int>(table.rows.size());
    std::vector<Customer> drafts(table.rows.size());
    report.rows.resize(table.rows.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        auto& row = report.rows[i];
        row.row = static_cast<int>(i) + 1;
        row.line = table.row_lines[i];
        RowDraft draft = DraftFromRow(table.header, table.rows[i], by_username);
        // Report every problem of the row at once (as the JSON API does). A cell already reported keeps
        // its own message; without a valid kind the per-kind requirements would only mislead.
        if (!draft.errors.contains("kind")) {
            Status shape = domain::ValidateCustomer(draft.customer);
            if (!shape)
                for (const auto& [k, v] : shape.error().fields) draft.errors.emplace(k, v);
        }
        row.errors = std::move(draft.errors);
        row.status = row.errors.empty() ? ImportRow::Status::kValid : ImportRow::Status::kError;
        drafts[i] = std::move(draft.customer);
    }

    // Rows are created in chunks, each one transaction (all-or-nothing: one transaction for the whole
    // file). References (region, owner) are checked inside it; a row that fails them is reported like
    // any other invalid row, and in all-or-nothing mode undoes the transaction.
    const bool all_or_nothing = mode == ImportMode::kAllOrNothing;
    auto count_errors = [&] {
        return std::count_if(report.rows.begin(), report.rows.end(),
                             [](const ImportRow& r) { return r.status == ImportRow::Status::kError; });
    };
    const bool shape_errors = count_errors() > 0;
    const bool write = !dry_run && !(all_or_nothing && shape_errors);
    const std::size_t chunk = all_or_nothing ? std::max<std::size_t>(1, drafts.size()) : kChunkRows;
    for (std::size_t begin = 0; begin < drafts.size(); begin += chunk) {
        const std::size_t end = std::min(drafts.size(), begin + chunk);
        std::vector<ImportRow> rows;
        auto run = [&](Tx& tx) -> Status {
            rows.assign(report.rows.begin() + begin, report.rows.begin() + end);
            bool failed = false;
            for (std::size_t i = begin; i < end; ++i) {
                ImportRow& row = rows[i - begin];
                if (row.status == ImportRow::Status::kError) continue;
                CREDO_TRY(bool region_ok, tx.Regions().Exists(drafts[i].region));
                if (!region_ok) {
                    row.errors.emplace("region", Quoted(drafts[i].region) + " is not a region");
                    row.status = ImportRow::Status::kError;
                    failed = true;
                    continue;
                }
                if (auto allowed = CheckMayCreate(actor, drafts[i]); !allowed) {
                    row.errors = allowed.error().fields;
                    row.status = ImportRow::Status::kError;
                    failed = true;
                    continue;
                }
                if (!write) continue;
                auto saved = CreateCustomer(tx, ctx, actor, drafts[i], std::string("import"));
                if (!saved) {
                    if (saved.error().code != Errc::kInvalidArgument) return saved.error();
                    row.errors = saved.error().fields;
                    row.status = ImportRow::Status::kError;
                    failed = true;
                    continue;
                }
                row.status = ImportRow::Status::kCreated;
                row.id = saved->customer.id;
                row.code = saved->customer.code;
                row.warnings = std::move(saved->warnings);
            }
            if (all_or_nothing && failed && write) return MakeError(Errc::kConflict, "import rolled back");
            return Ok();
        };
        Status status = write ? db.Write(run) : db.Read(run);
        if (!status && !(all_or_nothing && status.error().code == Errc::kConflict)) return status.error();
        if (!status) {
            // Rolled back: keep the errors found, nothing was created.
            for (auto& r : rows) {
                if (r.status == ImportRow::Status::kCreated) {
                    r.status = ImportRow::Status::kValid;
                    r.id.reset();
                    r.code.clear();
                }
            }
        }
        std::copy(rows.begin(), rows.end(), report.rows.begin() + begin);
    }
    const bool failed = count_errors() > 0;
    for (auto& r : report.rows) {
        if (all_or_nothing && failed && r.status == ImportRow::Status::kValid && !dry_run)
            r.status = ImportRow::Status::kSkipped;
        if (r.status == ImportRow::Status::kCreated) ++report.created;
        if (r.status == ImportRow::Status::kError) ++report.failed;
    }
    report.committed = report.created > 0;
    if (!dry_run) {
        // The import as a whole; each file it created has its own entry, written with the file.
        CREDO_CHECK(db.Write([&](Tx& tx) {
            return RecordAudit(tx, ctx, actor, audit_action::kCustomerImport, "customer", std::nullopt,
                               {{"mode", all_or_nothing ? "all_or_nothing" : "valid_rows"},
                                {"total", report.total},
                                {"created", report.created},
                                {"failed", report.failed}});
        }));
    }
    return report;
}

Result<ExportFile> ExportCustomers(Tx& tx, const Context& ctx, const domain::Actor& actor, const CustomerFilter& filter,
                                   CustomerSort sort, ExportFormat format) {
    CREDO_TRY(auto users, tx.Users().List());
    CustomerFilter scoped = filter;
    scoped.scope = domain::ReadScope(actor);
    CREDO_CHECK(ResolveTierFilter(tx, ctx, actor, scoped));
    std::unordered_map<std::int64_t, std::string> usernames;
    for (const auto& u : users) usernames.emplace(u.id.value(), u.username);
    std::vector<std::vector<std::string>> rows;
    CREDO_CHECK(tx.Customers().Scan(scoped, sort, [&](const Customer& c) -> Status {
        Customer shown = c;
        domain::MaskSensitive(shown, actor);
        rows.push_back(RowOf(shown, usernames));
        return Ok();
    }));
    ExportFile out;
    out.rows = static_cast<int>(rows.size());
    const std::string date = FormatDate(DateOf(ctx.clock.Now()));
    if (format == ExportFormat::kCsv) {
        out.bytes = tabular::WriteCsv(CustomerCsvColumns(), rows);
        out.content_type = "text/csv; charset=utf-8";
        out.filename = "customers-" + date + ".csv";
    } else {
        CREDO_TRY(out.bytes, tabular::XlsxBytes("customers", CustomerCsvColumns(), rows));
        out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        out.filename = "customers-" + date + ".xlsx";
    }
    return out;
}

namespace {

// The filters of an export as its audit entry records them: only those given.
boost::json::object FilterJson(const CustomerFilter& f) {
    boost::json::object out;
    if (f.q) out["q"] = *f.q;
    if (f.region) out["region"] = *f.region;
    if (f.owner) out["owner_id"] = f.owner->value();
    if (f.kind) out["kind"] = domain::kCustomerKindNames.Name(*f.kind);
    if (f.lifecycle) out["lifecycle"] = domain::kLifecycleNames.Name(*f.lifecycle);
    if (f.importance) out["importance"] = domain::kImportanceNames.Name(*f.importance);
    if (f.nature) out["nature"] = domain::kNatureNames.Name(*f.nature);
    if (f.grade) out["grade"] = domain::kCreditGradeNames.Name(*f.grade);
    if (f.tier) out["tier"] = domain::kTierNames.Name(*f.tier);
    return out;
}

}  // namespace

Result<ExportFile> ExportCustomersAudited(Database& db, const Context& ctx, const domain::Actor& actor,
                                          const CustomerFilter& filter, CustomerSort sort, ExportFormat format) {
    CREDO_TRY(auto file, ReadTx(db, [&](Tx& tx) { return ExportCustomers(tx, ctx, actor, filter, sort, format); }));
    CREDO_CHECK(db.Write([&](Tx& tx) -> Status {
        CREDO_CHECK(RecordAudit(tx, ctx, actor, audit_action::kCustomerExport, "customer", std::nullopt,
                                {{"format", format == ExportFormat::kCsv ? "csv" : "xlsx"},
                                 {"filters", FilterJson(filter)},
                                 {"rows", file.rows}}));
        return CountExport(tx, ctx, actor, file.rows);
    }));
    return file;
}

}  // namespace credo::app
