// The libxlsxwriter adapter: an Excel workbook with formatted cells. xlsxwriter.h stays inside
// engine/xlsx; domain code sees Workbook, Sheet and CellStyle only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace guotu::xlsx {

/// How a cell looks. Colours are 0xRRGGBB; 0 = none.
struct CellStyle {
  bool bold = false;
  std::uint32_t font_color = 0;
  std::uint32_t fill_color = 0;
  std::string number_format;  ///< Excel format code, e.g. "#,##0.00"; empty = General
  bool wrap = false;
  bool border = false;
};

class Workbook;

/// A worksheet; valid while its Workbook lives.
class Sheet {
 public:
  void write(std::uint32_t row, std::uint16_t col, const std::string& text, int style = -1);
  void write(std::uint32_t row, std::uint16_t col, double number, int style = -1);
  void column_width(std::uint16_t first, std::uint16_t last, double width);
  void freeze(std::uint32_t rows, std::uint16_t cols);
  void autofilter(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col);

 private:
  friend class Workbook;
  Sheet(Workbook* book, void* sheet) : book_(book), sheet_(sheet) {}
  Workbook* book_;
  void* sheet_;  // lxw_worksheet*
};

/// An .xlsx file being written. close() writes it; a workbook destroyed unclosed writes nothing
/// that the caller keeps (write into a temporary path and rename, see core/atomic_output.hpp).
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& path);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  /// A new sheet. Excel limits names to 31 characters without []:*?/\ ; the name is cleaned.
  Sheet& add_sheet(const std::string& name);
  /// Registers a style; returns its id for Sheet::write.
  int add_style(const CellStyle& style);
  /// Writes the file. Throws an Internal error when libxlsxwriter fails.
  void close();

 private:
  friend class Sheet;
  void* format(int style) const;  // lxw_format*
  std::filesystem::path path_;
  void* book_ = nullptr;  // lxw_workbook*
  std::vector<void*> formats_;
  std::vector<std::unique_ptr<Sheet>> sheets_;
  std::vector<std::string> sheet_names_;
};

}  // namespace guotu::xlsx
