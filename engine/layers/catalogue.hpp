// The layer catalogue (layers/catalogue/*.yaml): which plan layers exist, their standard
// codes, Chinese names, geometry, fields and QGIS style. Names are configurable aliases.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gdal/output_writer.hpp"
#include "gdal/types.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::layers {

struct FieldSpec {
  std::string name;
  gdal::FieldType type = gdal::FieldType::String;
  int width = 0;
  std::string alias;  ///< Chinese name
  bool required = false;
  std::string codelist;  ///< "sandiao", "ydyh_2023", "ztgnfq" or empty
  std::string unit;      ///< "m2", "m" or empty
};

/// One plan layer (图层) of the catalogue.
struct LayerDef {
  std::string code;     ///< standard code and default table name, e.g. "DLTB"
  std::string name_zh;  ///< e.g. 地类图斑
  std::string name_en;
  std::vector<std::string> aliases;  ///< other table names accepted (case-insensitive)
  gdal::GeometryKind geometry = gdal::GeometryKind::MultiPolygon;
  bool coverage = false;  ///< must cover its extent without gaps or overlaps
  /// The standard or document the layer follows (title, number, section), or "guotu 设定…";
  /// written to GeoPackage metadata as GUOTU_LAYER_SOURCE.
  std::string source;
  std::string seed_ref;  ///< internal research reference (`seed_ref`); kept, never written out
  std::filesystem::path style_path;
  /// The layer-tree group of a QGIS project (`guotu qgis`), e.g. 三区三线; empty = 其他.
  std::string group;
  std::vector<FieldSpec> fields;

  [[nodiscard]] const FieldSpec* field(const std::string& name) const;
  [[nodiscard]] std::size_t field_index(const std::string& name) const;  ///< throws if absent
  [[nodiscard]] std::string style_qml() const;
  /// A GeoPackage layer spec with this layer's fields, style and Chinese title.
  [[nodiscard]] gdal::LayerSpec to_spec(const std::string& crs, const std::string& description = {}) const;
  /// True when `table` names this layer (its code or an alias, case-insensitive).
  [[nodiscard]] bool answers_to(const std::string& table) const;
};

class Catalogue {
 public:
  /// Loads every *.yaml in `dir` (default: the embedded layers/catalogue). A malformed file is
  /// a BadInput error naming the file and line.
  static Catalogue load(const std::filesystem::path& dir = {});
  /// The embedded catalogue, loaded once.
  static const Catalogue& embedded();

  [[nodiscard]] const LayerDef& get(const std::string& code) const;
  [[nodiscard]] const LayerDef* find(const std::string& code_or_alias) const;
  [[nodiscard]] const std::vector<LayerDef>& all() const noexcept { return layers_; }

 private:
  std::vector<LayerDef> layers_;
};

/// The table of `src` that holds the layer `name` names: a catalogue layer's code or alias (or
/// a table name the city's profile gives it, `layer_names`) finds the source's first table
/// answering to that layer, the table named exactly so first; any other name finds the table of
/// that name. nullptr when there is none. The one lookup every command uses for plan layers.
[[nodiscard]] const gdal::Layer* find_table(const gdal::VectorSource& src, const std::string& name);
/// The same; a BadInput naming the layer, its aliases and the source's tables when there is none.
[[nodiscard]] const gdal::Layer& require_table(const gdal::VectorSource& src, const std::string& name);

/// A result style shipped in layers/styles (e.g. "violations", "errors", "changes").
std::string result_style(const std::string& name);

}  // namespace guotu::layers
