// Reading any OGR vector source: GeoPackage, Shapefile (GBK .cpg decoded to UTF-8), GeoJSON,
// FileGDB (OpenFileGDB, read-only), PostGIS "PG:…". ogr_*.h stays inside engine/gdal.
//
// The reader policy (docs/reliability.md): a GDAL error while reading is a bad-input error naming
// file, layer and fid; a feature with a value the reader cannot trust (a coordinate that is not
// finite or out of range, a numeric field holding Inf, NaN or text, a geometry of the wrong
// type, a reprojection that fails) is skipped and reported through ReadOptions::log, or refused
// when there is no log (or it refuses: --strict); a geometry GEOS cannot build (an unclosed ring)
// is refused like a read error; text that is not UTF-8 is decoded (GB18030 for a Shapefile
// without .cpg) or repaired, with a warning, never passed on.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/coord.hpp"
#include "core/error.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"

class GDALDataset;
class OGRLayer;

namespace guotu::gdal {

/// Registers the drivers and routes GDAL's error messages (idempotent, thread-safe).
void initialize();

struct OpenOptions {
  /// Text encoding of Shapefile DBFs that have no .cpg (e.g. "GBK", "CP936"); empty = GDAL's
  /// default, and GB18030 for text that is not UTF-8. An encoding iconv does not know is refused.
  std::string encoding;
  /// CRS to use for layers that declare none ("EPSG:4527"); without it such a layer is an error.
  std::string assume_crs;
  /// A table a person filled in (CSV, XLSX, ODS): its first row is the header and every cell is
  /// read as the text it shows, so codes keep their leading zeros and the caller parses numbers
  /// (GDAL's guesses would otherwise take a header row of digits for data, or 371502 for a real).
  bool table_as_text = false;
};

/// One feature: fid, attribute values aligned with Layer::fields(), and its geometry (may be null).
struct Feature {
  std::int64_t fid = -1;
  std::vector<FieldValue> values;
  geos::Geometry geometry;        ///< null when ReadOptions::wkb (or the feature has none)
  std::vector<std::uint8_t> wkb;  ///< ReadOptions::wkb: the geometry as ISO WKB (empty: none)
};

/// A feature a read did not hand over, and why.
struct ReadProblem {
  ErrorContext where;  ///< file, layer, fid
  std::string reason;
  [[nodiscard]] std::string message() const;  ///< "FILE, layer L, fid N: reason"
};

/// What the reads of one run report instead of refusing: the features they skipped (each file,
/// layer, fid and reason once, however often the layer is read) and warnings (text decoded from
/// another encoding), for the run's summary and its exit code (2 when a feature was skipped).
/// Thread-safe.
class ReadLog {
 public:
  /// refuse: a problem is a bad-input error at once (--strict), as with no log at all.
  explicit ReadLog(bool refuse = false) : refuse_(refuse) {}
  [[nodiscard]] bool refuses() const noexcept { return refuse_; }
  /// Records a skipped feature; throws it as a bad-input error when the log refuses.
  void problem(const ReadProblem& p);
  /// Records a warning (each text once).
  void warn(const std::string& text);
  [[nodiscard]] std::vector<ReadProblem> problems() const;  ///< by file, layer, fid
  [[nodiscard]] std::vector<std::string> warnings() const;  ///< in the order they came
  [[nodiscard]] bool has_problems() const;

 private:
  bool refuse_;
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, std::int64_t, std::string>, ReadProblem> problems_;
  std::vector<std::string> warnings_;
  std::set<std::string> warned_;
};

/// "3 features skipped: FILE, layer L, fid N: reason; …" (the first `limit` named).
[[nodiscard]] std::string summarize(const std::vector<ReadProblem>& problems, std::size_t limit = 5);

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
  /// What the features must be (the catalogue's geometry for the layer): a layer declaring another
  /// type is refused before reading ("layer X holds LineString, a polygon layer is needed"), a
  /// feature of another type is a problem. Null and empty geometries pass (callers judge them).
  GeometryFamily geometry = GeometryFamily::Any;
  /// Where problem features go (skipped and listed); null: the first one is a bad-input error.
  ReadLog* log = nullptr;
  /// Hand the geometry over as WKB (Feature::wkb) instead of a GEOS geometry, so that another
  /// thread can build it in its own GEOS context (the overlay core's loader). Every check of the
  /// reader policy still runs here; only GEOS's own parse moves to the consumer, which must
  /// treat a WKB GEOS cannot read as this reader would (a bad-input error naming the fid).
  bool wkb = false;
  /// Do not read geometries at all (Feature::geometry stays null): a run that needs only the
  /// attributes (report's code-prefix levels) skips the driver's geometry decoding. Ignored with
  /// `within`, which needs them.
  bool no_geometry = false;
  /// Only these fields' values are converted (by index into Layer::fields()); the others stay
  /// null. Empty: every field.
  std::vector<std::size_t> fields;
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
  /// when options.target_crs is set. A GDAL error is a bad-input error naming file, layer and
  /// fid ("after fid N" when the failing one is unknown); a feature with an untrustworthy value
  /// goes to options.log (see the file comment).
  void read(const ReadOptions& options, const std::function<void(Feature&&)>& visit) const;
  /// A layer declaring a geometry type outside `family` is a bad-input error.
  void require_geometry(GeometryFamily family) const;
  /// All features in memory.
  [[nodiscard]] std::vector<Feature> read_all(const ReadOptions& options = {}) const;

 private:
  friend class VectorSource;
  Layer(GDALDataset* ds, OGRLayer* layer, std::string path, std::string assume_crs);
  /// The attribute filter as the driver takes it (PostgreSQL: field names quoted).
  [[nodiscard]] std::string driver_filter(const std::string& where) const;
  /// SQLite-based sources (GeoPackage): fid → why, for rows whose numeric column holds text
  /// (SQLite lets a REAL column hold 'abc'; OGR would read it as 0). Computed once.
  [[nodiscard]] const std::map<std::int64_t, std::string>& text_in_numbers() const;
  GDALDataset* ds_;
  OGRLayer* layer_;
  std::string path_;
  std::string name_;
  std::string assume_crs_;
  std::vector<FieldDef> fields_;
  bool postgres_ = false;        // filters go to the server as SQL; rows come in no guaranteed order
  bool sqlite_ = false;          // GeoPackage / SQLite: numeric columns may hold text
  bool undefined_srs_ = false;   // GeoPackage srs_id 0 or -1: "undefined", i.e. no CRS
  bool detect_gb18030_ = false;  // a Shapefile without .cpg read without --encoding
  mutable std::optional<std::map<std::int64_t, std::string>> text_in_numbers_;
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
