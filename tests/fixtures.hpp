// Fixtures the tests build through the engine (the guotu_test_support library, with
// support.hpp): small plan and project layers as GeoPackages, from C++ values or from a case
// file's YAML; the error a call throws; rows of an OGR SQL query.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"

namespace guotu::test {

/// Attribute values for a catalogue layer's fields, by field name (a field not named is null).
std::vector<gdal::FieldValue> values(const layers::LayerDef& def, const std::map<std::string, gdal::FieldValue>& v);

/// One feature of a fixture layer: its geometry as WKT (empty = null geometry) and values by
/// field name.
struct Feature {
  std::string wkt;
  std::map<std::string, gdal::FieldValue> values;
};

/// A layer to write: its spec (name, CRS, geometry kind, fields) and features.
struct LayerFixture {
  gdal::LayerSpec spec;
  std::vector<Feature> features;
};

/// A catalogue layer (by code) with its fields, in `crs`, and no feature yet.
LayerFixture catalogue_layer(const std::string& code, const std::string& crs = "EPSG:4527");

/// The layer named `name` of a list (a test failure and a throw when there is none).
LayerFixture& layer_named(std::vector<LayerFixture>& layers, const std::string& name);

/// Writes the layers as one GeoPackage (replacing the file). A value naming a field the layer
/// lacks is a test failure.
void write_gpkg(const std::filesystem::path& path, const std::vector<LayerFixture>& layers);

/// An axis-aligned rectangle [x0, x1] × [y0, y1] in metres from an origin (EPSG:4527).
struct Origin {
  double x = 0, y = 0;
  [[nodiscard]] geos::Geometry rect(double x0, double y0, double x1, double y1) const {
    return geos::Geometry::rectangle({x + x0, y + y0, x + x1, y + y1});
  }
};

// ------------------------------------------------------------------------ case files (YAML)

/// A YAML scalar as a value of the field's type (null or absent: null).
gdal::FieldValue yaml_value(gdal::FieldType type, const YAML::Node& n);

/// Writes a case file's features (`wkt` + attributes named as catalogue fields) as one layer of
/// `w`, in EPSG:4527 unless `crs` says otherwise. An attribute the layer lacks is a test failure.
void write_yaml_layer(gdal::OutputWriter& w, const layers::LayerDef& def, const YAML::Node& features,
                      const std::string& crs = "EPSG:4527");

/// The layers of a case file's `plan:` (tests/cases/validate/README.md): layer name → features
/// (`wkt` + attributes; TBMJ/KCMJ/TBDLMJ may be `auto`, the reference 椭球面积 computed
/// independently of guotu), or → {catalogue, crs, geometry, drop_fields, field_types, fields,
/// features}.
std::vector<LayerFixture> plan_layers(const YAML::Node& plan);

// ---------------------------------------------------------------------------------- errors

/// The guotu::Error that `f` throws; a test failure (and an internal error) when it throws none.
Error error_of(const std::function<void()>& f);

// ------------------------------------------------------------------------------------- SQL

/// Rows of an OGR SQL query (SQLite dialect) on any GDAL source, each column as text ("" for
/// null). A source that does not open or a query that fails is a test failure.
std::vector<std::vector<std::string>> ogr_sql_rows(const std::filesystem::path& file, const std::string& query);

}  // namespace guotu::test
