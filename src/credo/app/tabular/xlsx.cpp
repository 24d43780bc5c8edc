#include "credo/app/tabular/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "credo/app/tabular/document.hpp"

namespace credo::app::tabular {
namespace {

constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 60;
constexpr double kColumnPadding = 2;

Error LxwError(std::string_view what, lxw_error err) {
    return MakeError(Errc::kInternal, "xlsx: " + std::string(what) + ": " + lxw_strerror(err));
}

std::string TempDir() {
    const char* env = std::getenv("TMPDIR");
    std::string dir = (env != nullptr && *env != '\0') ? env : "/tmp";
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir;
}

// East Asian wide and fullwidth characters take two columns in Excel's default fonts.
bool IsWide(std::uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Approximate width of the longest line of `text`, in Excel character units.
double DisplayWidth(std::string_view text) {
    double widest = 0;
    double current = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\n') {
            widest = std::max(widest, current);
            current = 0;
            ++i;
            continue;
        }
        std::size_t len = 1;
        std::uint32_t cp = b;
        if (b >= 0xF0) {
            len = 4;
            cp = b & 0x07;
        } else if (b >= 0xE0) {
            len = 3;
            cp = b & 0x0F;
        } else if (b >= 0xC0) {
            len = 2;
            cp = b & 0x1F;
        }
        len = std::min(len, text.size() - i);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        current += IsWide(cp) ? 2 : 1;
        i += len;
    }
    return std::max(widest, current);
}

struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};

Status Fill(lxw_workbook* wb, std::string_view sheet_name, const std::vector<std::string>& header,
            const std::vector<std::vector<std::string>>& rows) {
    lxw_worksheet* ws = nullptr;
    if (sheet_name.empty()) {
        ws = workbook_add_worksheet(wb, nullptr);
    } else {
        const std::string name(sheet_name);
        if (lxw_error err = workbook_validate_sheet_name(wb, name.c_str()); err != LXW_NO_ERROR) {
            return LxwError("sheet name \"" + name + "\"", err);
        }
        ws = workbook_add_worksheet(wb, name.c_str());
    }
    if (ws == nullptr) return MakeError(Errc::kInternal, "xlsx: could not add worksheet");

    lxw_format* bold = workbook_add_format(wb);
    if (bold == nullptr) return MakeError(Errc::kInternal, "xlsx: could not add format");
    format_set_bold(bold);

    std::size_t columns = header.size();
    for (const auto& row : rows) columns = std::max(columns, row.size());
    std::vector<double> widths(columns, 0);

    auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* format) -> Status {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            widths[c] = std::max(widths[c], DisplayWidth(cells[c]));
            // libxlsxwriter skips an empty unformatted string itself; an empty header cell still gets bold.
            lxw_error err = worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), format);
            if (err != LXW_NO_ERROR) {
                return LxwError("row " + std::to_string(r + 1) + ", column " + std::to_string(c + 1), err);
            }
        }
        return Ok();
    };

    if (rows.size() >= LXW_ROW_MAX) {
        return LxwError(std::to_string(rows.size()) + " data rows", LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
    }
    CREDO_CHECK(write_row(0, header, bold));
    for (std::size_t r = 0; r < rows.size(); ++r)
        CREDO_CHECK(write_row(static_cast<lxw_row_t>(r + 1), rows[r], nullptr));

    for (std::size_t c = 0; c < columns; ++c) {
        const double width = std::clamp(widths[c] + kColumnPadding, kMinColumnWidth, kMaxColumnWidth);
        const auto col = static_cast<lxw_col_t>(c);
        if (lxw_error err = worksheet_set_column(ws, col, col, width, nullptr); err != LXW_NO_ERROR) {
            return LxwError("column " + std::to_string(c + 1) + " width", err);
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    return Ok();
}

// A number as a report's cell holds it ("1234.50", "-3", "12.5"): digits with one optional point and sign.
bool ParseNumber(const std::string& text, double& out) {
    if (text.empty() || text.size() > 30) return false;
    std::size_t i = text[0] == '-' ? 1 : 0;
    bool digits = false, point = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (text[i] == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    if (!digits) return false;
    out = std::strtod(text.c_str(), nullptr);
    return true;
}

// Sheet names: at most 31 characters (Excel's limit, counted in code points), none of []:*?/\, unique.
std::string SheetName(std::string title, std::vector<std::string>& taken) {
    for (char& c : title)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    std::string name;
    int points = 0;
    for (std::size_t i = 0; i < title.size() && points < 28;) {
        std::size_t len = 1;
        const auto b = static_cast<unsigned char>(title[i]);
        if (b >= 0xF0)
            len = 4;
        else if (b >= 0xE0)
            len = 3;
        else if (b >= 0xC0)
            len = 2;
        name += title.substr(i, len);
        i += len;
        ++points;
    }
    if (name.empty()) name = "Sheet";
    std::string unique = name;
    for (int n = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++n)
        unique = name + " " + std::to_string(n);
    taken.push_back(unique);
    return unique;
}

Status FillDocument(lxw_workbook* wb, const Document& d) {
    lxw_format* bold = workbook_add_format(wb);
    lxw_format* title = workbook_add_format(wb);
    lxw_format* number = workbook_add_format(wb);
    lxw_format* header_right = workbook_add_format(wb);
    if (!bold || !title || !number || !header_right) return MakeError(Errc::kInternal, "xlsx: could not add format");
    format_set_bold(bold);
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_num_format(number, "#,##0.00");
    format_set_bold(header_right);
    format_set_align(header_right, LXW_ALIGN_RIGHT);
    std::vector<std::string> taken;
    const std::string cover = SheetName(d.title, taken);
    lxw_worksheet* first = workbook_add_worksheet(wb, cover.c_str());
    if (!first) return MakeError(Errc::kInternal, "xlsx: could not add worksheet");
    worksheet_write_string(first, 0, 0, d.title.c_str(), title);
    double widest = DisplayWidth(d.title);
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
        worksheet_write_string(first, static_cast<lxw_row_t>(i + 2), 0, d.lines[i].c_str(), nullptr);
        widest = std::max(widest, DisplayWidth(d.lines[i]));
    }
    worksheet_set_column(first, 0, 0, std::clamp(widest + kColumnPadding, kMinColumnWidth, 100.0), nullptr);
    for (const auto& section : d.sections) {
        const std::string name = SheetName(section.title, taken);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        if (!ws) return MakeError(Errc::kInternal, "xlsx: could not add worksheet " + name);
        std::vector<double> widths(section.columns.size(), 0);
        for (std::size_t c = 0; c < section.columns.size(); ++c) {
            const auto& col = section.columns[c];
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), col.title.c_str(),
                                   col.numeric ? header_right : bold);
            widths[c] = DisplayWidth(col.title);
        }
        for (std::size_t r = 0; r < section.rows.size(); ++r) {
            const auto& row = section.rows[r];
            for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
                const auto rr = static_cast<lxw_row_t>(r + 1);
                const auto cc = static_cast<lxw_col_t>(c);
                double v = 0;
                lxw_error err = section.columns[c].numeric && ParseNumber(row[c], v)
                                    ? worksheet_write_number(ws, rr, cc, v,
                                                             row[c].find('.') != std::string::npos ? number : nullptr)
                                    : worksheet_write_string(ws, rr, cc, row[c].c_str(), nullptr);
                if (err != LXW_NO_ERROR) return LxwError(name + " row " + std::to_string(r + 2), err);
                widths[c] = std::max(widths[c], DisplayWidth(row[c]));
            }
        }
        if (!section.note.empty())
            worksheet_write_string(ws, static_cast<lxw_row_t>(section.rows.size() + 2), 0, section.note.c_str(),
                                   nullptr);
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(ws, col, col, std::clamp(widths[c] + kColumnPadding, kMinColumnWidth, kMaxColumnWidth),
                                 nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
    }
    return Ok();
}

// Writes a workbook through a temporary file and reads it back.
template <typename FillFn>
Result<std::string> WorkbookBytes(FillFn fill) {
    std::string path = TempDir() + "/credo-xlsx-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0)
        return MakeError(Errc::kInternal,
                         "xlsx: cannot create a temporary file in " + TempDir() + ": " + std::strerror(errno));
    close(fd);
    struct Remover {
        const std::string& path;
        ~Remover() { std::remove(path.c_str()); }
    } remover{path};
    std::string tmpdir = TempDir();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    std::unique_ptr<lxw_workbook, WorkbookFree> wb(workbook_new_opt(path.c_str(), &options));
    if (wb == nullptr) return MakeError(Errc::kInternal, "xlsx: could not create workbook");
    CREDO_CHECK(fill(wb.get()));
    if (lxw_error err = workbook_close(wb.release()); err != LXW_NO_ERROR) return LxwError("writing " + path, err);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || !bytes) return MakeError(Errc::kInternal, "xlsx: cannot read back " + path);
    return std::move(bytes).str();
}

}  // namespace

Result<std::string> DocumentXlsx(const Document& document) {
    return WorkbookBytes([&](lxw_workbook* wb) { return FillDocument(wb, document); });
}

Status WriteXlsx(const std::string& path, std::string_view sheet_name, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
    std::string tmpdir = TempDir();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_FALSE;
    std::unique_ptr<lxw_workbook, WorkbookFree> wb(workbook_new_opt(path.c_str(), &options));
    if (wb == nullptr) return MakeError(Errc::kInternal, "xlsx: could not create workbook");

    // On a fill error the workbook is freed without being closed, so nothing is written to `path`.
    CREDO_CHECK(Fill(wb.get(), sheet_name, header, rows));

    // workbook_close frees the workbook whatever happens, so release ownership first.
    lxw_error err = workbook_close(wb.release());
    if (err != LXW_NO_ERROR) {
        std::remove(path.c_str());
        return LxwError("writing " + path, err);
    }
    return Ok();
}

Result<std::string> XlsxBytes(std::string_view sheet_name, const std::vector<std::string>& header,
                              const std::vector<std::vector<std::string>>& rows) {
    std::string path = TempDir() + "/credo-xlsx-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0) {
        return MakeError(Errc::kInternal,
                         "xlsx: cannot create a temporary file in " + TempDir() + ": " + std::strerror(errno));
    }
    close(fd);
    struct Remover {
        const std::string& path;
        ~Remover() { std::remove(path.c_str()); }
    } remover{path};

    CREDO_CHECK(WriteXlsx(path, sheet_name, header, rows));

    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || !bytes) return MakeError(Errc::kInternal, "xlsx: cannot read back " + path);
    return std::move(bytes).str();
}

}  // namespace credo::app::tabular
