#include "layers/catalogue.hpp"

#include <algorithm>
#include <mutex>

#include <yaml-cpp/yaml.h>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/resources.hpp"
#include "core/yaml.hpp"

namespace guotu::layers {

namespace fs = std::filesystem;

namespace {

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

[[noreturn]] void fail(const fs::path& file, const YAML::Node& node, const std::string& why) {
  yaml::fail(file.string(), node, why);
}

std::string required_string(const fs::path& file, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n || !n.IsScalar() || n.Scalar().empty()) fail(file, map, std::string("missing or empty key '") + key + "'");
  return n.Scalar();
}

gdal::FieldType parse_field_type(const fs::path& file, const YAML::Node& node) {
  const std::string& t = node.Scalar();
  if (t == "String") return gdal::FieldType::String;
  if (t == "Integer") return gdal::FieldType::Integer;
  if (t == "Integer64") return gdal::FieldType::Integer64;
  if (t == "Real") return gdal::FieldType::Real;
  if (t == "Date") return gdal::FieldType::Date;
  if (t == "DateTime") return gdal::FieldType::DateTime;
  fail(file, node, "unknown field type '" + t + "' (String, Integer, Integer64, Real, Date, DateTime)");
}

gdal::GeometryKind parse_geometry(const fs::path& file, const YAML::Node& node) {
  const std::string& g = node.Scalar();
  if (g == "Point") return gdal::GeometryKind::Point;
  if (g == "MultiPoint") return gdal::GeometryKind::MultiPoint;
  if (g == "LineString") return gdal::GeometryKind::LineString;
  if (g == "MultiLineString") return gdal::GeometryKind::MultiLineString;
  if (g == "Polygon") return gdal::GeometryKind::Polygon;
  if (g == "MultiPolygon") return gdal::GeometryKind::MultiPolygon;
  if (g == "None") return gdal::GeometryKind::None;
  fail(file, node, "unknown geometry '" + g + "'");
}

LayerDef parse_layer(const fs::path& file) {
  const YAML::Node root = yaml::load_file(file, "layer definition");
  if (!root.IsMap()) fail(file, root, "a layer definition must be a mapping");
  static const char* const known[] = {"code",   "name_zh",  "name_en", "aliases", "geometry", "coverage",
                                      "source", "seed_ref", "style",   "group",   "fields",   "schema_of"};
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return key == k; }) == std::end(known))
      fail(file, kv.first, "unknown key '" + key + "'");
  }
  LayerDef d;
  d.code = required_string(file, root, "code");
  d.name_zh = required_string(file, root, "name_zh");
  if (root["name_en"]) d.name_en = root["name_en"].Scalar();
  if (root["aliases"]) {
    for (const auto& a : root["aliases"]) d.aliases.push_back(a.Scalar());
  }
  d.geometry = parse_geometry(file, root["geometry"] ? root["geometry"] : root);
  d.coverage = root["coverage"] && yaml::boolean(file.string(), root["coverage"], "coverage");
  if (root["source"]) d.source = root["source"].Scalar();
  if (root["seed_ref"]) d.seed_ref = root["seed_ref"].Scalar();
  if (root["group"]) d.group = root["group"].Scalar();
  if (root["style"]) d.style_path = (file.parent_path() / root["style"].Scalar()).lexically_normal();
  const YAML::Node fields = root["fields"];
  if (!fields || !fields.IsSequence()) fail(file, root, "missing 'fields' list");
  static const char* const field_keys[] = {"name", "type", "width", "alias", "required", "codelist", "unit"};
  for (const auto& f : fields) {
    for (const auto& kv : f) {
      const std::string key = kv.first.Scalar();
      if (std::find_if(std::begin(field_keys), std::end(field_keys), [&](const char* k) { return key == k; }) ==
          std::end(field_keys))
        fail(file, kv.first, "unknown field key '" + key + "'");
    }
    FieldSpec s;
    s.name = required_string(file, f, "name");
    s.type = parse_field_type(file, f["type"] ? f["type"] : f);
    if (f["width"]) s.width = static_cast<int>(yaml::integer(file.string(), f["width"], "width", 0, 65535));
    if (f["alias"]) s.alias = f["alias"].Scalar();
    s.required = f["required"] && yaml::boolean(file.string(), f["required"], "required");
    if (f["codelist"]) {
      s.codelist = f["codelist"].Scalar();
      if (s.codelist != "sandiao" && s.codelist != "ydyh_2023" && s.codelist != "ztgnfq")
        fail(file, f["codelist"], "unknown code list '" + s.codelist + "'");
    }
    if (f["unit"]) s.unit = f["unit"].Scalar();
    d.fields.push_back(std::move(s));
  }
  return d;
}

}  // namespace

const FieldSpec* LayerDef::field(const std::string& name) const {
  for (const auto& f : fields)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

std::size_t LayerDef::field_index(const std::string& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (iequals(fields[i].name, name)) return i;
  throw_internal("layer " + code + " has no field " + name);
}

namespace {
/// A style by file name: the city profile's styles folder first, else `shipped`.
fs::path city_style(const fs::path& shipped) {
  const fs::path own = city::current().styles / shipped.filename();
  return fs::is_regular_file(own) ? own : shipped;
}
}  // namespace

std::string LayerDef::style_qml() const {
  return style_path.empty() ? std::string() : resources::read_file(city_style(style_path));
}

gdal::LayerSpec LayerDef::to_spec(const std::string& crs, const std::string& description) const {
  gdal::LayerSpec s;
  s.name = code;
  s.title = name_zh;
  s.description = description.empty() ? name_zh + " " + name_en : description;
  s.geometry = geometry;
  s.crs = crs;
  for (const auto& f : fields) s.fields.push_back({f.name, f.type, f.width, f.alias, false});
  s.style_qml = style_qml();
  s.metadata["GUOTU_LAYER_SOURCE"] = source;
  return s;
}

bool LayerDef::answers_to(const std::string& table) const {
  if (iequals(code, table)) return true;
  return std::any_of(aliases.begin(), aliases.end(), [&](const std::string& a) { return iequals(a, table); });
}

Catalogue Catalogue::load(const fs::path& dir_in) {
  const fs::path dir = dir_in.empty() ? resources::home() / "layers" / "catalogue" : dir_in;
  if (!fs::is_directory(dir)) throw_bad_input("no layer catalogue directory", {dir.string(), {}, {}, {}});
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Catalogue c;
  for (const auto& f : files) c.layers_.push_back(parse_layer(f));
  return c;
}

const Catalogue& Catalogue::embedded() {
  static std::once_flag once;
  static Catalogue c;
  std::call_once(once, [] {
    c = load();
    // The city's own table names (the profile's layer_names) answer to the layers too.
    const city::Profile& profile = city::current();
    for (const auto& entry : profile.layer_names) {
      const std::string& code = entry.first;
      const std::vector<std::string>& names = entry.second;
      auto it = std::find_if(c.layers_.begin(), c.layers_.end(), [&code](const LayerDef& l) { return l.code == code; });
      if (it == c.layers_.end())
        throw_bad_input("layer_names: the layer catalogue has no layer '" + code + "'",
                        {profile.file.string(), {}, {}, {}});
      it->aliases.insert(it->aliases.end(), names.begin(), names.end());
    }
  });
  return c;
}

const LayerDef& Catalogue::get(const std::string& code) const {
  if (const LayerDef* d = find(code)) return *d;
  throw_bad_input("the layer catalogue has no layer '" + code + "'");
}

const LayerDef* Catalogue::find(const std::string& code_or_alias) const {
  for (const auto& l : layers_)
    if (iequals(l.code, code_or_alias)) return &l;
  for (const auto& l : layers_)
    if (l.answers_to(code_or_alias)) return &l;
  return nullptr;
}

const gdal::Layer* find_table(const gdal::VectorSource& src, const std::string& name) {
  if (const gdal::Layer* exact = src.find_layer(name)) return exact;
  const LayerDef* def = Catalogue::embedded().find(name);
  if (def == nullptr) return nullptr;
  for (std::size_t i = 0; i < src.layer_count(); ++i)
    if (def->answers_to(src.layer(i).name())) return &src.layer(i);
  return nullptr;
}

const gdal::Layer& require_table(const gdal::VectorSource& src, const std::string& name) {
  if (const gdal::Layer* l = find_table(src, name)) return *l;
  std::string tables, aliases;
  for (std::size_t i = 0; i < src.layer_count(); ++i) tables += (tables.empty() ? "" : ", ") + src.layer(i).name();
  if (const LayerDef* def = Catalogue::embedded().find(name))
    for (const auto& a : def->aliases) aliases += (aliases.empty() ? " (or " : ", ") + a;
  throw_bad_input("no layer " + name + (aliases.empty() ? "" : aliases + ")") +
                      " (layers: " + (tables.empty() ? "none" : tables) + ")",
                  {src.path(), {}, {}, {}});
}

std::string result_style(const std::string& name) {
  return resources::read_file(city_style(resources::resource("layers/styles/" + name + ".qml")));
}

}  // namespace guotu::layers
