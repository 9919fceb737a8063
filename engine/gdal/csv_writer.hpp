// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese), quoted where
// needed — written by GDAL's CSV driver, not by hand.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace guotu::gdal {

/// Writes a table to `path` (which must end in .csv and not exist). Values are text; numbers
/// should be formatted by the caller.
void write_csv(const std::filesystem::path& path, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

/// The same table as the bytes of a CSV file (written by the CSV driver in GDAL's memory file
/// system), for a caller that writes them where it chooses (a temporary file of AtomicOutput).
[[nodiscard]] std::string csv_bytes(const std::vector<std::string>& header,
                                    const std::vector<std::vector<std::string>>& rows);

}  // namespace guotu::gdal
