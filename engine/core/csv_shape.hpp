// The shape of a CSV file as written (RFC 4180: quoted fields may hold commas, quotes and line
// breaks). GDAL's CSV driver drops the fields of a row beyond the header's and leaves missing
// ones unset, silently; a table whose rows must be whole (the ledger's import) checks the file
// here first: a record with more or fewer fields than the header is a BadInput error naming the
// file and the line the record starts on. A small table a bureau supplies (the grade weights) is
// read here whole, each record with the line it starts on, so that its errors name that line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace guotu {

/// One record of a CSV file: its fields (unquoted) and the 1-based line it starts on.
struct CsvRecord {
  long line = 0;
  std::vector<std::string> fields;
};

/// Every record of the CSV, the header first; empty lines are skipped, a UTF-8 BOM too. BadInput
/// (file, line) when a record has another number of fields than the header, or a quote is never
/// closed.
[[nodiscard]] std::vector<CsvRecord> read_csv(const std::filesystem::path& csv);

/// BadInput (file, line) when a record of the CSV has another number of fields than its header.
/// Empty lines are allowed; a UTF-8 BOM is skipped.
void require_rectangular_csv(const std::filesystem::path& csv);

}  // namespace guotu
