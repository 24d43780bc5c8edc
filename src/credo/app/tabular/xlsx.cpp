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

}  // namespace

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
