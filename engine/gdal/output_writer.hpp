// The output writer every command uses. Two targets, the same layers, fields and styles:
//
// - a GeoPackage file: atomic (see core/atomic_output.hpp), one dataset transaction per batch,
//   an R-tree spatial index per layer, Chinese layer titles (gpkg_contents.identifier/
//   description), field titles (gpkg_data_columns), run metadata (gpkg_metadata);
// - a PostGIS database, "PG:… active_schema=NAME": tables in that schema (created if missing;
//   default public) with a GIST index, names and fields exactly as in the GeoPackage (no
//   laundering), titles as table and column comments, the whole run in one transaction, so a
//   failed or killed run leaves the database as it was.
//
// Both get one QGIS `layer_styles` row per styled layer (the exact schema QGIS creates for the
// target; in PostGIS the table public.layer_styles) so each layer opens styled in QGIS.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_output.hpp"
#include "gdal/connection.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"

class GDALDataset;
class OGRLayer;

namespace guotu::gdal {

struct LayerSpec {
  std::string name;                                    ///< table name (e.g. "DLTB", "violations")
  std::string title;                                   ///< gpkg_contents.identifier, Chinese (e.g. "地类图斑")
  std::string description;                             ///< gpkg_contents.description
  GeometryKind geometry = GeometryKind::MultiPolygon;  ///< None for an attribute table
  std::string crs;                                     ///< "EPSG:4527" or WKT; ignored for attribute tables
  std::vector<FieldDef> fields;
  std::string style_qml;   ///< QGIS style written to layer_styles; empty = none
  std::string style_name;  ///< defaults to the layer name
  /// Further QGIS styles (name, QML) offered in the layer's style list, not used by default.
  std::vector<std::pair<std::string, std::string>> extra_styles;
  std::map<std::string, std::string> metadata;  ///< layer metadata (gpkg_metadata)
};

struct WriterOptions {
  bool overwrite = false;
  /// Dataset metadata (command line, version, inputs, time …) written to gpkg_metadata.
  std::map<std::string, std::string> metadata;
  /// Features per transaction (GDAL defers R-tree updates inside big transactions).
  std::size_t transaction_size = 100000;
  /// Timestamp for gpkg_contents.last_change and layer_styles.update_time, ISO 8601 UTC.
  /// Empty: OGR_CURRENT_DATE if set, else now. A fixed value makes output byte-identical.
  std::string timestamp;
  /// When set, commit() finishes the output and leaves it pending in this set: it appears (file
  /// linked or renamed into place, PostgreSQL transaction committed) when the set is committed,
  /// together with the run's other outputs. Null: it appears at commit().
  OutputSet* outputs = nullptr;
};

/// Checks early (before any work) that a PostgreSQL target can be connected to and has PostGIS;
/// throws a bad-input Error naming the target otherwise.
void check_postgres_target(const std::string& target);

class OutputWriter {
 public:
  /// `path`: a GeoPackage file to create, or a PostgreSQL target (see is_postgres_target).
  OutputWriter(const std::string& path, WriterOptions options);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  using LayerId = std::size_t;
  LayerId create_layer(const LayerSpec& spec);
  /// Adds a feature; values align with spec.fields (null where unset). Returns its fid.
  std::int64_t add(LayerId layer, const std::vector<FieldValue>& values, const geos::Geometry* geometry = nullptr);
  /// Writes the styles and metadata, then closes the file and moves it into place (GeoPackage)
  /// or commits the transaction (PostGIS); with WriterOptions::outputs, leaves that last step to
  /// the set.
  void commit();

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const std::string& timestamp() const noexcept { return timestamp_; }

 private:
  struct LayerState;
  void begin_batch();
  void end_batch();
  void write_styles();
  void write_field_aliases();
  // PostGIS target.
  void pg_open();
  void pg_write_styles();
  void pg_write_comments();
  void exec(const std::string& sql);
  [[nodiscard]] std::string quote_ident(const std::string& name) const;
  [[nodiscard]] std::string qualified(const std::string& table) const;
  [[nodiscard]] bool pg_table_exists(const std::string& table);

  std::string path_;
  bool postgres_ = false;
  std::string schema_;                    // PostGIS: the schema written to
  std::unique_ptr<AtomicOutput> output_;  // GeoPackage only
  WriterOptions options_;
  std::vector<std::shared_ptr<void>> config_;  // thread-local GDAL options held while writing
  std::string timestamp_;
  struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept;
  };
  std::unique_ptr<GDALDataset, DatasetCloser> ds_;
  std::vector<std::unique_ptr<LayerState>> layers_;
  bool in_transaction_ = false;
  std::size_t batch_count_ = 0;
};

/// The current time (or OGR_CURRENT_DATE when set) as ISO 8601 UTC.
std::string current_timestamp();

}  // namespace guotu::gdal
