// The engine-backed fixtures of fixtures.hpp.
#include "fixtures.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "gdal/vector_source.hpp"
#include "geodesic_reference.hpp"

namespace fs = std::filesystem;

namespace guotu::test {

namespace {

double round2(double x) {
  return std::round(x * 100) / 100;
}

gdal::GeometryKind geometry_kind(const std::string& s) {
  static const std::map<std::string, gdal::GeometryKind> kinds = {
      {"None", gdal::GeometryKind::None},
      {"Point", gdal::GeometryKind::Point},
      {"MultiPoint", gdal::GeometryKind::MultiPoint},
      {"LineString", gdal::GeometryKind::LineString},
      {"MultiLineString", gdal::GeometryKind::MultiLineString},
      {"Polygon", gdal::GeometryKind::Polygon},
      {"MultiPolygon", gdal::GeometryKind::MultiPolygon},
      {"Unknown", gdal::GeometryKind::Unknown}};
  const auto it = kinds.find(s);
  if (it == kinds.end()) throw std::runtime_error("unknown geometry kind " + s);
  return it->second;
}

gdal::FieldType field_type(const std::string& s) {
  static const std::map<std::string, gdal::FieldType> types = {{"String", gdal::FieldType::String},
                                                               {"Integer", gdal::FieldType::Integer},
                                                               {"Integer64", gdal::FieldType::Integer64},
                                                               {"Real", gdal::FieldType::Real}};
  const auto it = types.find(s);
  if (it == types.end()) throw std::runtime_error("unknown field type " + s);
  return it->second;
}

/// One layer of a case's plan: a catalogue layer (a list of features, or a map with options and
/// `features`) or a layer outside the catalogue (`fields:`).
LayerFixture case_layer(const std::string& name, const YAML::Node& node, GeodesicReference& ref) {
  const YAML::Node options = node.IsMap() ? node : YAML::Node(YAML::NodeType::Map);
  const YAML::Node features = node.IsMap() ? node["features"] : node;
  const std::string crs = options["crs"] ? options["crs"].as<std::string>() : "EPSG:4527";
  LayerFixture l;
  if (options["fields"]) {
    l.spec.name = name;
    l.spec.crs = crs == "none" ? "" : crs;
    for (const auto& f : options["fields"])
      l.spec.fields.push_back({f["name"].as<std::string>(), field_type(f["type"].as<std::string>()),
                               f["width"] ? f["width"].as<int>() : 0, "", false});
  } else {
    const std::string code = options["catalogue"] ? options["catalogue"].as<std::string>() : name;
    l = catalogue_layer(code, crs == "none" ? "" : crs);
    l.spec.name = name;
  }
  if (options["geometry"]) l.spec.geometry = geometry_kind(options["geometry"].as<std::string>());
  for (const auto& drop : options["drop_fields"]) {
    const auto name_of = drop.as<std::string>();
    const auto before = l.spec.fields.size();
    std::erase_if(l.spec.fields, [&](const gdal::FieldDef& f) { return f.name == name_of; });
    EXPECT_EQ(l.spec.fields.size() + 1, before) << name << " has no field " << name_of << " to drop";
  }
  for (const auto& t : options["field_types"]) {
    bool found = false;
    for (auto& f : l.spec.fields)
      if (f.name == t.first.as<std::string>()) {
        f.type = field_type(t.second.as<std::string>());
        found = true;
      }
    EXPECT_TRUE(found) << name << " has no field " << t.first.as<std::string>();
  }
  for (const auto& f : features) {
    Feature feat;
    feat.wkt = f["wkt"] ? f["wkt"].as<std::string>() : std::string();
    // `auto` areas: the reference 椭球面积 (2 decimals, as TBMJ is delivered), KCMJ = TBMJ × KCXS,
    // TBDLMJ = TBMJ − KCMJ.
    double tbmj = std::nan(""), kcmj = std::nan("");
    auto is_auto = [&](const char* key) { return f[key] && f[key].IsScalar() && f[key].as<std::string>() == "auto"; };
    if (is_auto("TBMJ") || is_auto("KCMJ") || is_auto("TBDLMJ")) {
      if (feat.wkt.empty() || crs != "EPSG:4527") {
        ADD_FAILURE() << name << ": `auto` areas need a geometry in EPSG:4527";
      } else {
        tbmj = round2(ref.area_m2(geos::Geometry::from_wkt(feat.wkt)));
        kcmj = round2(tbmj * (f["KCXS"] ? f["KCXS"].as<double>() : 0.0));
      }
    }
    for (const auto& kv : f) {
      const std::string key = kv.first.as<std::string>();
      if (key == "wkt") continue;
      const gdal::FieldDef* def = nullptr;
      for (const auto& fd : l.spec.fields)
        if (fd.name == key) def = &fd;
      if (def == nullptr) {
        ADD_FAILURE() << "layer " << name << " has no field " << key;
        continue;
      }
      if (is_auto(key.c_str())) {
        if (key == "TBMJ") {
          feat.values[key] = tbmj;
        } else if (key == "KCMJ") {
          feat.values[key] = kcmj;
        } else if (key == "TBDLMJ") {
          feat.values[key] = round2(tbmj - kcmj);
        } else {
          ADD_FAILURE() << key << ": only TBMJ, KCMJ and TBDLMJ may be auto";
        }
      } else {
        feat.values[key] = yaml_value(def->type, kv.second);
      }
    }
    l.features.push_back(std::move(feat));
  }
  return l;
}

}  // namespace

std::vector<gdal::FieldValue> values(const layers::LayerDef& def, const std::map<std::string, gdal::FieldValue>& v) {
  std::vector<gdal::FieldValue> out;
  for (const auto& f : def.fields) {
    auto it = v.find(f.name);
    out.push_back(it == v.end() ? gdal::FieldValue{} : it->second);
  }
  for (const auto& [name, value] : v)
    if (def.field(name) == nullptr) ADD_FAILURE() << "layer " << def.code << " has no field " << name;
  return out;
}

LayerFixture catalogue_layer(const std::string& code, const std::string& crs) {
  return {layers::Catalogue::embedded().get(code).to_spec(crs), {}};
}

LayerFixture& layer_named(std::vector<LayerFixture>& layers, const std::string& name) {
  for (auto& l : layers)
    if (l.spec.name == name) return l;
  ADD_FAILURE() << "no layer " << name;
  throw std::runtime_error("no layer " + name);
}

void write_gpkg(const fs::path& path, const std::vector<LayerFixture>& layers) {
  gdal::WriterOptions wo;
  wo.overwrite = true;
  gdal::OutputWriter w(path.string(), wo);
  for (const auto& l : layers) {
    const auto id = w.create_layer(l.spec);
    for (const auto& f : l.features) {
      std::vector<gdal::FieldValue> vals(l.spec.fields.size());
      for (const auto& [name, value] : f.values) {
        bool found = false;
        for (std::size_t i = 0; i < l.spec.fields.size(); ++i)
          if (l.spec.fields[i].name == name) {
            vals[i] = value;
            found = true;
          }
        if (!found) ADD_FAILURE() << "no field " << name << " in " << l.spec.name;
      }
      if (f.wkt.empty()) {
        w.add(id, vals, nullptr);
      } else {
        const auto g = geos::Geometry::from_wkt(f.wkt);
        w.add(id, vals, &g);
      }
    }
  }
  w.commit();
}

gdal::FieldValue yaml_value(gdal::FieldType type, const YAML::Node& n) {
  if (!n || n.IsNull()) return {};
  switch (type) {
    case gdal::FieldType::Real: return n.as<double>();
    case gdal::FieldType::Integer:
    case gdal::FieldType::Integer64: return n.as<std::int64_t>();
    default: return n.as<std::string>();
  }
}

void write_yaml_layer(gdal::OutputWriter& w, const layers::LayerDef& def, const YAML::Node& features,
                      const std::string& crs) {
  const auto id = w.create_layer(def.to_spec(crs));
  for (const auto& f : features) {
    for (const auto& kv : f) {
      const std::string key = kv.first.as<std::string>();
      if (key != "wkt" && def.field(key) == nullptr) ADD_FAILURE() << "layer " << def.code << " has no field " << key;
    }
    std::vector<gdal::FieldValue> vals;
    for (const auto& spec : def.fields) vals.push_back(yaml_value(spec.type, f[spec.name]));
    const std::string wkt = f["wkt"] ? f["wkt"].as<std::string>() : std::string();
    if (wkt.empty()) {
      w.add(id, vals, nullptr);
    } else {
      const auto g = geos::Geometry::from_wkt(wkt);
      w.add(id, vals, &g);
    }
  }
}

std::vector<LayerFixture> plan_layers(const YAML::Node& plan) {
  GeodesicReference ref;
  std::vector<LayerFixture> out;
  for (const auto& l : plan) out.push_back(case_layer(l.first.as<std::string>(), l.second, ref));
  return out;
}

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a guotu::Error, none was thrown";
  return Error(ErrorKind::Internal, "none");
}

std::vector<std::vector<std::string>> ogr_sql_rows(const fs::path& file, const std::string& query) {
  gdal::initialize();
  std::vector<std::vector<std::string>> out;
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    ADD_FAILURE() << "cannot open " << file;
    return out;
  }
  OGRLayer* rs = ds->ExecuteSQL(query.c_str(), nullptr, "SQLite");
  if (rs == nullptr) {
    ADD_FAILURE() << "the query failed: " << query;
    return out;
  }
  for (OGRFeatureUniquePtr f(rs->GetNextFeature()); f; f.reset(rs->GetNextFeature())) {
    std::vector<std::string> row;
    for (int i = 0; i < f->GetFieldCount(); ++i)
      row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    out.push_back(std::move(row));
  }
  ds->ReleaseResultSet(rs);
  return out;
}

}  // namespace guotu::test
