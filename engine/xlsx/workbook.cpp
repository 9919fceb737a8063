#include "xlsx/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include "core/error.hpp"

namespace guotu::xlsx {

namespace {
lxw_workbook* wb(void* p) {
  return static_cast<lxw_workbook*>(p);
}
lxw_worksheet* ws(void* p) {
  return static_cast<lxw_worksheet*>(p);
}

void check(lxw_error e, const std::string& what) {
  if (e != LXW_NO_ERROR) throw_internal("xlsx: " + what + ": " + lxw_strerror(e));
}

// Excel sheet names: ≤ 31 characters, none of []:*?/\ — counted in UTF-8 code points.
std::string clean_sheet_name(const std::string& name) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < 31;) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (len == 1 && std::string_view("[]:*?/\\").find(static_cast<char>(c)) != std::string_view::npos)
      out += '_';
    else
      out.append(name, i, len);
    i += len;
    ++chars;
  }
  return out.empty() ? "Sheet" : out;
}
}  // namespace

void Sheet::write(std::uint32_t row, std::uint16_t col, const std::string& text, int style) {
  check(worksheet_write_string(ws(sheet_), row, col, text.c_str(), static_cast<lxw_format*>(book_->format(style))),
        "write_string");
}

void Sheet::write(std::uint32_t row, std::uint16_t col, double number, int style) {
  check(worksheet_write_number(ws(sheet_), row, col, number, static_cast<lxw_format*>(book_->format(style))),
        "write_number");
}

void Sheet::column_width(std::uint16_t first, std::uint16_t last, double width) {
  check(worksheet_set_column(ws(sheet_), first, last, width, nullptr), "set_column");
}

void Sheet::freeze(std::uint32_t rows, std::uint16_t cols) {
  worksheet_freeze_panes(ws(sheet_), rows, cols);
}

void Sheet::autofilter(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row,
                       std::uint16_t last_col) {
  check(worksheet_autofilter(ws(sheet_), first_row, first_col, last_row, last_col), "autofilter");
}

Workbook::Workbook(const std::filesystem::path& path) : path_(path) {
  lxw_workbook_options opts{};
  opts.constant_memory = LXW_FALSE;
  opts.tmpdir = nullptr;
  book_ = workbook_new_opt(path_.c_str(), &opts);
  if (book_ == nullptr) throw_internal("xlsx: cannot create the workbook", {path_.string(), {}, {}, {}});
}

Workbook::~Workbook() {
  // libxlsxwriter frees everything in workbook_close (which also writes the file); an unclosed
  // workbook is closed into its (temporary) path here and the caller discards that path.
  if (book_ != nullptr) workbook_close(wb(book_));
}

Sheet& Workbook::add_sheet(const std::string& name) {
  std::string n = clean_sheet_name(name);
  for (int k = 2; std::find(sheet_names_.begin(), sheet_names_.end(), n) != sheet_names_.end(); ++k)
    n = clean_sheet_name(name.substr(0, 24)) + "_" + std::to_string(k);
  lxw_worksheet* s = workbook_add_worksheet(wb(book_), n.c_str());
  if (s == nullptr) throw_internal("xlsx: cannot add sheet " + n, {path_.string(), {}, {}, {}});
  sheet_names_.push_back(n);
  sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(this, s)));
  return *sheets_.back();
}

int Workbook::add_style(const CellStyle& style) {
  lxw_format* f = workbook_add_format(wb(book_));
  if (f == nullptr) throw_internal("xlsx: cannot add a format");
  if (style.bold) format_set_bold(f);
  if (style.font_color != 0) format_set_font_color(f, style.font_color);
  if (style.fill_color != 0) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, style.fill_color);
  }
  if (!style.number_format.empty()) format_set_num_format(f, style.number_format.c_str());
  if (style.wrap) format_set_text_wrap(f);
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  formats_.push_back(f);
  return static_cast<int>(formats_.size()) - 1;
}

void* Workbook::format(int style) const {
  return style >= 0 && static_cast<std::size_t>(style) < formats_.size() ? formats_[static_cast<std::size_t>(style)]
                                                                         : nullptr;
}

void Workbook::close() {
  lxw_workbook* b = wb(book_);
  book_ = nullptr;
  check(workbook_close(b), "close " + path_.string());
}

}  // namespace guotu::xlsx
