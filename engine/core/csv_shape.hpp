// The shape of a CSV file as written (RFC 4180: quoted fields may hold commas, quotes and line
// breaks). GDAL's CSV driver drops the fields of a row beyond the header's and leaves missing
// ones unset, silently; a table whose rows must be whole (the ledger's import) checks the file
// here first: a record with more or fewer fields than the header is a BadInput error naming the
// file and the line the record starts on.
#pragma once

#include <filesystem>

namespace guotu {

/// BadInput (file, line) when a record of the CSV has another number of fields than its header.
/// Empty lines are allowed; a UTF-8 BOM is skipped.
void require_rectangular_csv(const std::filesystem::path& csv);

}  // namespace guotu
