// The PDF writer of documents (document.hpp): cairo draws, pango lays the text out (any script, the
// fonts fontconfig finds). A4 portrait in points; each section is a table whose columns share the page
// width by their widest cell, with long cells wrapped; a table that does not fit goes on over the next
// pages with its header repeated; every page has its number at the foot.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <numeric>

#include "credo/app/tabular/document.hpp"

namespace credo::app::tabular {
namespace {

constexpr double kPageWidth = 595.276, kPageHeight = 841.89;  // A4
constexpr double kMargin = 42;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kCellPadX = 4, kCellPadY = 3;
constexpr double kFooter = 24;
constexpr const char* kFont = "Noto Sans CJK SC, Noto Sans, sans-serif";

struct SurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutFree {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontFree {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

// A number as the document holds it ("1234567.89") with its thousands grouped ("1,234,567.89"); any other
// text as it is.
std::string Grouped(const std::string& text) {
    std::size_t start = text.size() > 0 && text[0] == '-' ? 1 : 0;
    std::size_t point = text.find('.');
    const std::size_t end = point == std::string::npos ? text.size() : point;
    if (end <= start) return text;
    for (std::size_t i = start; i < text.size(); ++i)
        if (!(std::isdigit(static_cast<unsigned char>(text[i])) || (i == point))) return text;
    std::string out = text.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += text[i];
        const std::size_t left = end - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out + text.substr(end);
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
    explicit Writer(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}

    // The height `text` takes at `size` points in `width` (unbounded when width <= 0).
    double Measure(const std::string& text, double size, bool bold, double width) {
        Set(text, size, bold, width);
        int w = 0, h = 0;
        pango_layout_get_size(layout_.get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    double NaturalWidth(const std::string& text, double size, bool bold) {
        Set(text, size, bold, -1);
        int w = 0, h = 0;
        pango_layout_get_size(layout_.get(), &w, &h);
        return static_cast<double>(w) / PANGO_SCALE;
    }
    // Draws `text` with its top left at (x, y); right-aligned in `width` when `right`.
    double Draw(const std::string& text, double x, double y, double size, bool bold, double width, bool right = false,
                double grey = 0) {
        Set(text, size, bold, width);
        pango_layout_set_alignment(layout_.get(), right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        cairo_set_source_rgb(cr_, grey, grey, grey);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout_.get());
        int w = 0, h = 0;
        pango_layout_get_size(layout_.get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

 private:
    void Set(const std::string& text, double size, bool bold, double width) {
        std::unique_ptr<PangoFontDescription, FontFree> font(pango_font_description_from_string(kFont));
        pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout_.get(), font.get());
        pango_layout_set_width(layout_.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
        pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout_.get(), PANGO_ALIGN_LEFT);
        pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
    }

    cairo_t* cr_;
    std::unique_ptr<PangoLayout, LayoutFree> layout_;
};

class Pages {
 public:
    Pages(cairo_t* cr, Writer& w) : cr_(cr), w_(w) {}
    double y = kMargin;
    int page = 1;

    double Room() const { return kPageHeight - kMargin - kFooter - y; }
    void Next() {
        Foot();
        cairo_show_page(cr_);
        ++page;
        y = kMargin;
    }
    void Foot() {
        const std::string n = std::to_string(page);
        w_.Draw(n, kMargin, kPageHeight - kMargin, 8, false, kContentWidth, true, 0.4);
    }

 private:
    cairo_t* cr_;
    Writer& w_;
};

std::vector<double> ColumnWidths(Writer& w, const Section& s, double size) {
    const std::size_t n = s.columns.size();
    std::vector<double> natural(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        natural[c] = w.NaturalWidth(s.columns[c].title, size, true);
        for (const auto& row : s.rows)
            if (c < row.size())
                natural[c] =
                    std::max(natural[c], w.NaturalWidth(s.columns[c].numeric ? Grouped(row[c]) : row[c], size, false));
        natural[c] = std::min(natural[c] + 2 * kCellPadX, kContentWidth * 0.6);
    }
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (total <= kContentWidth || total <= 0) return natural;
    for (auto& v : natural) v = v * kContentWidth / total;  // share the width by need
    return natural;
}

void Rule(cairo_t* cr, double y, double width, double grey) {
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMargin, y);
    cairo_line_to(cr, kMargin + width, y);
    cairo_stroke(cr);
}

void DrawSection(cairo_t* cr, Writer& w, Pages& p, const Section& s) {
    constexpr double size = 8.5;
    const auto widths = ColumnWidths(w, s, size);
    const double table_width = std::accumulate(widths.begin(), widths.end(), 0.0);
    auto row_height = [&](const std::vector<std::string>& cells, bool bold) {
        double h = 0;
        for (std::size_t c = 0; c < widths.size() && c < cells.size(); ++c)
            h = std::max(h, w.Measure(!bold && s.columns[c].numeric ? Grouped(cells[c]) : cells[c], size, bold,
                                      widths[c] - 2 * kCellPadX));
        return h + 2 * kCellPadY;
    };
    std::vector<std::string> titles;
    for (const auto& c : s.columns) titles.push_back(c.title);
    const double header_h = row_height(titles, true);
    const double title_h = w.Measure(s.title, 12, true, kContentWidth) + 6;
    if (p.Room() < title_h + header_h + 2 * (size + 2 * kCellPadY)) p.Next();
    p.y += w.Draw(s.title, kMargin, p.y, 12, true, kContentWidth) + 6;
    auto header = [&] {
        cairo_set_source_rgb(cr, 0.93, 0.94, 0.96);
        cairo_rectangle(cr, kMargin, p.y, table_width, header_h);
        cairo_fill(cr);
        double x = kMargin;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            w.Draw(titles[c], x + kCellPadX, p.y + kCellPadY, size, true, widths[c] - 2 * kCellPadX,
                   s.columns[c].numeric);
            x += widths[c];
        }
        p.y += header_h;
    };
    header();
    for (const auto& row : s.rows) {
        const double h = row_height(row, false);
        if (p.Room() < h) {
            p.Next();
            header();
        }
        double x = kMargin;
        for (std::size_t c = 0; c < widths.size() && c < row.size(); ++c) {
            w.Draw(s.columns[c].numeric ? Grouped(row[c]) : row[c], x + kCellPadX, p.y + kCellPadY, size, false,
                   widths[c] - 2 * kCellPadX, s.columns[c].numeric);
            x += widths[c];
        }
        p.y += h;
        Rule(cr, p.y, table_width, 0.85);
    }
    if (s.rows.empty())
        p.y += w.Draw("—", kMargin + kCellPadX, p.y + kCellPadY, size, false, kContentWidth) + 2 * kCellPadY;
    if (!s.note.empty()) {
        const double h = w.Measure(s.note, 8, false, kContentWidth) + 4;
        if (p.Room() < h) p.Next();
        p.y += 4 + w.Draw(s.note, kMargin, p.y + 4, 8, false, kContentWidth, false, 0.35);
    }
    p.y += 16;
}

}  // namespace

Result<std::string> DocumentPdf(const Document& d) {
    std::string out;
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
        cairo_pdf_surface_create_for_stream(Append, &out, kPageWidth, kPageHeight));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return MakeError(Errc::kInternal,
                         std::string("pdf: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, d.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Credo");
    {
        std::unique_ptr<cairo_t, ContextFree> cr(cairo_create(surface.get()));
        Writer w(cr.get());
        Pages p(cr.get(), w);
        p.y += w.Draw(d.title, kMargin, p.y, 18, true, kContentWidth) + 6;
        for (const auto& line : d.lines) p.y += w.Draw(line, kMargin, p.y, 9.5, false, kContentWidth, false, 0.3) + 2;
        p.y += 14;
        for (const auto& s : d.sections) DrawSection(cr.get(), w, p, s);
        p.Foot();
        cairo_show_page(cr.get());
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            return MakeError(Errc::kInternal, std::string("pdf: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return MakeError(Errc::kInternal,
                         std::string("pdf: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    surface.reset();
    return out;
}

}  // namespace credo::app::tabular
