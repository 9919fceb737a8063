// `guotu info`: what is in a vector source, per layer: geometry type, feature count, CRS,
// extent, total 椭球面积 of polygon layers, and every invalid geometry with its reason and place.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/coord.hpp"
#include "gdal/types.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::info {

struct InvalidGeometry {
  std::int64_t fid;
  std::string reason;
  Coord location;  ///< in the layer's CRS
};

struct LayerInfo {
  std::string name;
  std::string geometry_type;
  std::int64_t feature_count = 0;
  std::optional<gdal::Crs> crs;
  std::optional<Envelope> extent;
  /// 椭球面积 total (m²) of a polygon layer; invalid features are measured after make-valid.
  std::optional<double> area_m2;
  /// Planar area in the layer's CRS units: a diagnostic, not an official figure.
  std::optional<double> planar_area;
  std::int64_t null_geometries = 0;
  std::int64_t empty_geometries = 0;
  std::vector<InvalidGeometry> invalid;
  std::vector<gdal::FieldDef> fields;
};

struct DatasetInfo {
  std::string path;
  std::string driver;
  std::vector<LayerInfo> layers;
  /// Features the reader skipped (a value it cannot trust): the figures leave them out (exit 2).
  std::vector<gdal::ReadProblem> read_problems;
  std::vector<std::string> warnings;
};

struct InfoOptions {
  gdal::OpenOptions open;
  /// Only these layers (empty = all).
  std::vector<std::string> layers;
  /// Called after each feature with (layer, features done, features total) for progress.
  std::function<void(const std::string&, std::int64_t, std::int64_t)> progress;
};

DatasetInfo describe(const std::string& source, const InfoOptions& options = {});

}  // namespace guotu::info
