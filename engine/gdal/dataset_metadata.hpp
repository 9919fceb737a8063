// Dataset metadata items of a vector source (GeoPackage: gpkg_metadata), read without opening
// its layers: e.g. GUOTU_SYNTHETIC, which `guotu sample` writes into the sample city.
#pragma once

#include <optional>
#include <string>

namespace guotu::gdal {

/// The dataset metadata item `key` of the source at `path`; nullopt when the source has none or
/// cannot be opened (the caller opens it for its data and reports that failure itself).
std::optional<std::string> dataset_metadata_item(const std::string& path, const std::string& key);

}  // namespace guotu::gdal
