// Reading any OGR vector source: GeoPackage, Shapefile (GBK .cpg decoded to UTF-8), GeoJSON,
// FileGDB (OpenFileGDB, read-only), PostGIS "PG:…". ogr_*.h stays inside engine/gdal.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/coord.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"

class GDALDataset;
class OGRLayer;

namespace guotu::gdal {

/// Registers the drivers and routes GDAL's error messages (idempotent, thread-safe).
void initialize();

struct OpenOptions {
  /// Text encoding of Shapefile DBFs that have no .cpg (e.g. "GBK", "CP936"); empty = GDAL's default.
  std::string encoding;
  /// CRS to use for layers that declare none ("EPSG:4527"); without it such a layer is an error.
  std::string assume_crs;
};

/// One feature: fid, attribute values aligned with Layer::fields(), and its geometry (may be null).
struct Feature {
  std::int64_t fid = -1;
  std::vector<FieldValue> values;
  geos::Geometry geometry;
};

struct ReadOptions {
  ReadOptions() = default;
  ReadOptions(std::string target, std::string filter = {}) : target_crs(std::move(target)), where(std::move(filter)) {}
  /// Reproject every geometry into this CRS ("EPSG:4527"); empty = keep the layer's CRS.
  std::string target_crs;
  /// Attribute filter in OGR SQL (e.g. "DLBM LIKE '01%'"); empty = all features.
  std::string where;
  /// Only features whose envelopes meet one of these rectangles (in target_crs when set, else in
  /// the layer's CRS); empty = everywhere. Uses the source's spatial index; each feature once, in
  /// fid order.
  std::vector<Envelope> within;
};

class VectorSource;

/// A layer of an open source; valid while its VectorSource lives.
class Layer {
 public:
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::string& source_path() const noexcept { return path_; }
  [[nodiscard]] GeometryKind geometry_kind() const;
  [[nodiscard]] std::int64_t feature_count() const;
  [[nodiscard]] const std::vector<FieldDef>& fields() const noexcept { return fields_; }
  /// Index of a field by name (case-insensitive); nullopt when absent.
  [[nodiscard]] std::optional<std::size_t> field_index(const std::string& name) const;
  /// The layer's CRS, or the assumed one; nullopt when it has none.
  [[nodiscard]] std::optional<Crs> crs() const;
  /// The CRS, or a BadInput error naming file and layer (exit 2).
  [[nodiscard]] Crs require_crs() const;
  /// Extent in the layer's CRS (traditional GIS order).
  [[nodiscard]] std::optional<Envelope> extent() const;

  /// Reads the features in fid order, calling visit for each. Geometries are reprojected
  /// when options.target_crs is set; a failure names file, layer, fid and reason.
  void read(const ReadOptions& options, const std::function<void(Feature&&)>& visit) const;
  /// All features in memory.
  [[nodiscard]] std::vector<Feature> read_all(const ReadOptions& options = {}) const;

 private:
  friend class VectorSource;
  Layer(OGRLayer* layer, std::string path, std::string assume_crs);
  /// The attribute filter as the driver takes it (PostgreSQL: field names quoted).
  [[nodiscard]] std::string driver_filter(const std::string& where) const;
  OGRLayer* layer_;
  std::string path_;
  std::string name_;
  std::string assume_crs_;
  std::vector<FieldDef> fields_;
  bool postgres_ = false;  // filters go to the server as SQL; rows come in no guaranteed order
};

/// An open vector source (read-only). Move-only; closes the dataset when destroyed.
class VectorSource {
 public:
  static VectorSource open(const std::string& path, const OpenOptions& options = {});
  ~VectorSource();
  VectorSource(VectorSource&&) noexcept;
  VectorSource& operator=(VectorSource&&) noexcept;
  VectorSource(const VectorSource&) = delete;
  VectorSource& operator=(const VectorSource&) = delete;

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::string driver() const;
  [[nodiscard]] std::size_t layer_count() const noexcept { return layers_.size(); }
  [[nodiscard]] const Layer& layer(std::size_t i) const { return layers_.at(i); }
  /// A layer by name (case-insensitive); nullptr when absent.
  [[nodiscard]] const Layer* find_layer(const std::string& name) const;
  /// A layer by name, or a BadInput error listing the layers that exist.
  [[nodiscard]] const Layer& require_layer(const std::string& name) const;
  /// Warnings gathered while opening (e.g. a Shapefile without .cpg).
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return warnings_; }

 private:
  VectorSource() = default;
  struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept;
  };
  std::unique_ptr<GDALDataset, DatasetCloser> ds_;
  std::string path_;
  std::vector<Layer> layers_;
  std::vector<std::string> warnings_;
};

/// Crs of an "EPSG:n" or WKT definition, identified as far as possible.
[[nodiscard]] Crs crs_from_definition(const std::string& definition);

}  // namespace guotu::gdal
