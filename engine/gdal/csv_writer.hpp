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

}  // namespace guotu::gdal
