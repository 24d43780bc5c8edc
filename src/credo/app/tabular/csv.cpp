#include "credo/app/tabular/csv.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <utility>

namespace credo::app::tabular {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Error LineError(int line, std::string problem) {
    Error e = MakeError(Errc::kInvalidArgument, "line " + std::to_string(line) + ": " + problem);
    e.fields.emplace("line", std::to_string(line));
    return e;
}

// Returns the offset of the first byte that does not start or continue a well-formed UTF-8 sequence
// (Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF, no truncation).
std::optional<std::size_t> FindInvalidUtf8(std::string_view s) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
            len = 3;
        } else if (b0 == 0xED) {
            len = 3;
            hi = 0x9F;  // excludes UTF-16 surrogates
        } else if (b0 == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (b0 >= 0xF1 && b0 <= 0xF3) {
            len = 4;
        } else if (b0 == 0xF4) {
            len = 4;
            hi = 0x8F;  // stops at U+10FFFF
        } else {
            return i;
        }
        if (i + 1 >= n) return i;
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b1 < lo || b1 > hi) return i;
        for (int k = 2; k < len; ++k) {
            if (i + k >= n) return i;
            const auto bk = static_cast<unsigned char>(s[i + k]);
            if (bk < 0x80 || bk > 0xBF) return i;
        }
        i += static_cast<std::size_t>(len);
    }
    return std::nullopt;
}

// Physical line (1-based) of byte `offset`, counting LF, CRLF and lone CR each as one line break, the
// same way the parser does.
int LineAt(std::string_view s, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
    }
    return line;
}

class Reader {
 public:
    explicit Reader(std::string_view in) : in_(in) {}

    // Reads the next non-empty record into `fields`. Returns false at end of input.
    Result<bool> Next(std::vector<std::string>& fields, int& start_line) {
        while (pos_ < in_.size() && AtLineBreak()) ConsumeLineBreak();
        if (pos_ >= in_.size()) return false;
        start_line = line_;
        fields.clear();
        std::string field;
        while (true) {
            if (pos_ < in_.size() && in_[pos_] == '"') {
                CREDO_CHECK(ReadQuoted(field, fields.size() + 1));
            } else {
                CREDO_CHECK(ReadUnquoted(field, fields.size() + 1));
            }
            fields.push_back(std::move(field));
            field.clear();
            if (pos_ >= in_.size()) return true;
            if (in_[pos_] == ',') {
                ++pos_;
                continue;
            }
            ConsumeLineBreak();
            return true;
        }
    }

 private:
    bool AtLineBreak() const { return in_[pos_] == '\n' || in_[pos_] == '\r'; }

    void ConsumeLineBreak() {
        if (in_[pos_] == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    Error StrayQuote(std::size_t column) const {
        Error e = MakeError(Errc::kInvalidArgument,
                            "line " + std::to_string(line_) + ", column " + std::to_string(column) +
                                ": stray quote (quote the whole field and double any quotes inside it)");
        e.fields.emplace("line", std::to_string(line_));
        e.fields.emplace("column", std::to_string(column));
        return e;
    }

    Status ReadUnquoted(std::string& field, std::size_t column) {
        const std::size_t begin = pos_;
        while (pos_ < in_.size() && in_[pos_] != ',' && !AtLineBreak()) {
            if (in_[pos_] == '"') return StrayQuote(column);
            ++pos_;
        }
        field.assign(in_.substr(begin, pos_ - begin));
        return Ok();
    }

    Status ReadQuoted(std::string& field, std::size_t column) {
        const int open_line = line_;
        ++pos_;  // opening quote
        while (true) {
            if (pos_ >= in_.size()) return LineError(open_line, "unterminated quoted field");
            const char c = in_[pos_];
            if (c == '"') {
                if (pos_ + 1 < in_.size() && in_[pos_ + 1] == '"') {
                    field.push_back('"');
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            // Embedded line breaks are kept byte for byte but still advance the physical line count.
            if (c == '\n' || (c == '\r' && (pos_ + 1 >= in_.size() || in_[pos_ + 1] != '\n'))) ++line_;
            field.push_back(c);
            ++pos_;
        }
        if (pos_ < in_.size() && in_[pos_] != ',' && !AtLineBreak()) return StrayQuote(column);
        return Ok();
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

bool IsBlank(std::string_view s) {
    for (char c : s) {
        if (c != ' ' && c != '\t') return false;
    }
    return true;
}

Status CheckHeader(const std::vector<std::string>& header, int line) {
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string column = std::to_string(i + 1);
        if (IsBlank(header[i])) return LineError(line, "header column " + column + " has an empty name");
        auto [it, inserted] = seen.emplace(header[i], i + 1);
        if (!inserted) {
            return LineError(line, "duplicate header column \"" + header[i] + "\" (columns " +
                                       std::to_string(it->second) + " and " + column + ")");
        }
    }
    return Ok();
}

bool NeedsFormulaGuard(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell[0]) {
        case '=':
        case '@':
        case '\t':
        case '\r':
            return true;
        case '+':
        case '-':
            // A signed number ("-12.5", "+86 ...") is data; anything else after a sign starts a formula.
            return cell.size() > 1 && !(cell[1] >= '0' && cell[1] <= '9');
        default:
            return false;
    }
}

void AppendCell(std::string& out, std::string_view cell) {
    std::string value;
    if (NeedsFormulaGuard(cell)) value.push_back('\'');
    value.append(cell);
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        out += value;
        return;
    }
    out.push_back('"');
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void AppendRow(std::string& out, const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendCell(out, row[i]);
    }
    out += "\r\n";
}

}  // namespace

Result<Table> ParseCsv(std::string_view bytes) {
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    if (auto bad = FindInvalidUtf8(bytes)) {
        return LineError(LineAt(bytes, *bad), "not valid UTF-8 (save the file as UTF-8)");
    }

    Reader reader(bytes);
    Table table;
    int line = 0;
    CREDO_TRY(bool has_header, reader.Next(table.header, line));
    if (!has_header) return LineError(1, "the file is empty (expected a header row)");
    CREDO_CHECK(CheckHeader(table.header, line));

    std::vector<std::string> fields;
    while (true) {
        CREDO_TRY(bool more, reader.Next(fields, line));
        if (!more) break;
        if (fields.size() != table.header.size()) {
            return LineError(
                line, std::to_string(fields.size()) + " fields, header has " + std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(fields));
        table.row_lines.push_back(line);
        fields = {};
    }
    return table;
}

std::string WriteCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::string out(kBom);
    AppendRow(out, header);
    for (const auto& row : rows) AppendRow(out, row);
    return out;
}

}  // namespace credo::app::tabular
