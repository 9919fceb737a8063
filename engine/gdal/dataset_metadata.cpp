#include "gdal/dataset_metadata.hpp"

#include <gdal_priv.h>

#include "gdal/vector_source.hpp"

namespace guotu::gdal {

std::optional<std::string> dataset_metadata_item(const std::string& path, const std::string& key) {
  initialize();
  const GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) return std::nullopt;
  const char* v = ds->GetMetadataItem(key.c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

}  // namespace guotu::gdal
