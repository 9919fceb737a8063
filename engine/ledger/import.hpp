// The ledger's import of a table set: supplements, transfers, occupations, inout and rectifications, from a
// GeoPackage holding tables of those names, a folder of CSV files named after them, or one CSV
// named after its table. Every value is read as text and checked: a number column holding text is
// a BadInput error naming the column (never read as 0); a CSV record with more or fewer fields
// than its header is refused (GDAL's CSV driver would drop or blank them silently); the ledger's
// own checks (farmland_ledger.hpp) judge the values. The whole import is one transaction.
#pragma once

#include <map>
#include <string>

#include "ledger/farmland_ledger.hpp"

namespace guotu::ledger {

/// Imports every table found in `src` into `ledger` in one transaction: all rows or none. Within
/// a table the entries are booked in date order (supplements by acceptance date), so that 先补后占
/// is judged on dates, not on file order. Returns the number of entries per table. A row the
/// ledger refuses is a BadInput error naming the file, the table and the row's fid.
std::map<std::string, int> import_tables(FarmlandLedger& ledger, const std::string& src);

}  // namespace guotu::ledger
