// `guotu qgis`: a QGIS project (.qgs) over GeoPackages guotu wrote. Every layer keeps its
// Chinese title, its default style from `layer_styles` (embedded, so the project shows the
// same symbology), a data source relative to the project file, and a place in a layer-tree
// group taken from data: `group:` of the layer catalogue for plan layers, and
// layers/qgis_project.yaml for guotu's own output tables. Reads through engine/gdal and
// engine/sqlite; writes through engine/xml and AtomicOutput.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/atomic_output.hpp"
#include "core/coord.hpp"
#include "gdal/types.hpp"
#include "layers/catalogue.hpp"

namespace guotu::qgis {

/// One layer-tree group of the layout.
struct GroupDef {
  std::string name;
  int draw = 0;  ///< rendering rank of its polygon layers; 1 is drawn on top
  bool mutually_exclusive = false;
  /// The group starts unticked when the project also holds one of these groups.
  std::vector<std::string> start_hidden_with;
};

/// A table pattern ("units_*": trailing * matches any suffix) with its reason.
struct TableRule {
  std::string table;
  std::string group;
  std::string why;
  [[nodiscard]] bool matches(const std::string& name) const;
};

/// How a project is laid out (layers/qgis_project.yaml).
struct ProjectLayout {
  std::vector<GroupDef> groups;
  std::string table_group;
  std::vector<TableRule> results;
  std::vector<TableRule> start_hidden;
  std::vector<std::string> skip;

  /// Loads the layout file (default: the embedded layers/qgis_project.yaml). A malformed file
  /// is a BadInput error naming the file and line.
  static ProjectLayout load(const std::filesystem::path& file = {});
  [[nodiscard]] const GroupDef& group(const std::string& name) const;      ///< 其他 when unknown
  [[nodiscard]] std::string result_group(const std::string& table) const;  ///< empty when none
  [[nodiscard]] bool hidden(const std::string& table) const;
  [[nodiscard]] bool skipped(const std::string& table) const;
};

/// The group a layer goes to when nothing names one.
inline constexpr const char* kOtherGroup = "其他";

/// One layer as it goes into the project.
struct ProjectLayer {
  std::string id;              ///< unique QGIS layer id
  std::string title;           ///< shown name: gpkg_contents.identifier (made unique)
  std::string table;           ///< table name in the GeoPackage
  std::filesystem::path file;  ///< the GeoPackage (absolute)
  std::string datasource;      ///< relative to the project folder: "./city.gpkg|layername=DLTB"
  std::string group;
  gdal::GeometryKind geometry = gdal::GeometryKind::None;
  std::optional<gdal::Crs> crs;
  std::optional<Envelope> extent;  ///< in the layer's CRS; none for empty or aspatial layers
  std::int64_t feature_count = 0;
  std::string style_name;  ///< the default style of layer_styles; empty = none
  std::string style_qml;
  bool visible = true;
  [[nodiscard]] bool spatial() const { return geometry != gdal::GeometryKind::None; }
};

/// A project ready to be written.
struct Project {
  std::filesystem::path file;                 ///< where the .qgs goes (absolute)
  std::vector<ProjectLayer> layers;           ///< tree order: by group, then input order
  std::vector<std::string> group_order;       ///< groups that hold layers, top to bottom
  std::vector<std::string> exclusive_groups;  ///< groups showing one layer at a time
  std::vector<std::string> hidden_groups;     ///< groups that start unticked
  std::vector<std::string> draw_order;        ///< spatial layer ids, top (drawn last) first
  std::string crs;                            ///< project CRS definition ("EPSG:4527")
  std::optional<Envelope> extent;             ///< union of the layer extents, in the project CRS
  std::vector<std::string> warnings;
};

struct ProjectOptions {
  bool include_tables = true;  ///< attribute tables go into the layout's table group
  /// When set, the project file appears when this set is committed (with the run's outputs).
  OutputSet* outputs = nullptr;
};

/// Reads the GeoPackages (errors name file and layer: missing file, not a GeoPackage, a style
/// that is not well-formed XML …) and lays the project out for `project_file`.
[[nodiscard]] Project collect(const std::vector<std::filesystem::path>& geopackages,
                              const std::filesystem::path& project_file, const ProjectOptions& options = {},
                              const ProjectLayout& layout = ProjectLayout::load(),
                              const layers::Catalogue& catalogue = layers::Catalogue::embedded());

/// The project as QGIS 3.22 .qgs XML.
[[nodiscard]] std::string to_qgs(const Project& project);

/// collect + to_qgs, written atomically (refuses an existing file unless overwrite).
Project write_project(const std::filesystem::path& project_file, const std::vector<std::filesystem::path>& geopackages,
                      bool overwrite, const ProjectOptions& options = {});

}  // namespace guotu::qgis
