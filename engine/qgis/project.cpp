#include "qgis/project.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/atomic_output.hpp"
#include "core/error.hpp"
#include "core/resources.hpp"
#include "core/yaml.hpp"
#include "gdal/vector_source.hpp"
#include "proj/crs.hpp"
#include "sqlite/database.hpp"
#include "xml/xml.hpp"

namespace guotu::qgis {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Layout (layers/qgis_project.yaml)

bool TableRule::matches(const std::string& name) const {
  if (!table.empty() && table.back() == '*') return name.compare(0, table.size() - 1, table, 0, table.size() - 1) == 0;
  return name == table;
}

namespace {

[[noreturn]] void layout_fail(const fs::path& file, const YAML::Node& node, const std::string& why) {
  yaml::fail(file.string(), node, why);
}

std::string scalar(const fs::path& file, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n || !n.IsScalar() || n.Scalar().empty())
    layout_fail(file, map, std::string("missing or empty key '") + key + "'");
  return n.Scalar();
}

std::vector<TableRule> table_rules(const fs::path& file, const YAML::Node& list, bool need_group) {
  std::vector<TableRule> out;
  if (!list) return out;
  if (!list.IsSequence()) layout_fail(file, list, "expected a list");
  for (const auto& item : list) {
    if (!item.IsMap()) layout_fail(file, item, "expected {table: …, why: …}");
    TableRule r;
    r.table = scalar(file, item, "table");
    if (need_group) r.group = scalar(file, item, "group");
    r.why = scalar(file, item, "why");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

ProjectLayout ProjectLayout::load(const fs::path& file_in) {
  const fs::path file = file_in.empty() ? resources::resource("layers/qgis_project.yaml") : file_in;
  const YAML::Node root = yaml::load_file(file, "project layout");
  if (!root.IsMap()) layout_fail(file, root, "the project layout must be a mapping");
  ProjectLayout l;
  const YAML::Node groups = root["groups"];
  if (!groups || !groups.IsSequence() || groups.size() == 0) layout_fail(file, root, "missing 'groups' list");
  for (const auto& g : groups) {
    GroupDef d;
    d.name = scalar(file, g, "name");
    try {
      d.draw = g["draw"] ? static_cast<int>(yaml::integer(file.string(), g["draw"], "draw", -1000, 1000)) : 0;
      d.mutually_exclusive =
          g["mutually_exclusive"] && yaml::boolean(file.string(), g["mutually_exclusive"], "mutually_exclusive");
      if (const YAML::Node with = g["start_hidden_with"]) {
        for (const auto& w : with) d.start_hidden_with.push_back(w.Scalar());
      }
    } catch (const YAML::Exception& e) {
      layout_fail(file, g, "group '" + d.name + "': " + e.msg);
    }
    for (const auto& seen : l.groups)
      if (seen.name == d.name) layout_fail(file, g, "group '" + d.name + "' listed twice");
    l.groups.push_back(std::move(d));
  }
  if (std::none_of(l.groups.begin(), l.groups.end(), [](const GroupDef& g) { return g.name == kOtherGroup; }))
    layout_fail(file, groups, std::string("the groups must include ") + kOtherGroup + " (for unknown layers)");
  if (root["table_group"]) l.table_group = root["table_group"].Scalar();
  l.results = table_rules(file, root["results"], true);
  l.start_hidden = table_rules(file, root["start_hidden"], false);
  if (const YAML::Node skip = root["skip"]) {
    for (const auto& s : skip) l.skip.push_back(s.Scalar());
  }
  auto known = [&](const std::string& name) {
    return std::any_of(l.groups.begin(), l.groups.end(), [&](const GroupDef& g) { return g.name == name; });
  };
  if (!l.table_group.empty() && !known(l.table_group))
    layout_fail(file, root["table_group"], "table_group '" + l.table_group + "' is not one of the groups");
  for (const auto& r : l.results)
    if (!known(r.group)) layout_fail(file, root["results"], "table '" + r.table + "': unknown group '" + r.group + "'");
  return l;
}

const GroupDef& ProjectLayout::group(const std::string& name) const {
  for (const auto& g : groups)
    if (g.name == name) return g;
  for (const auto& g : groups)
    if (g.name == kOtherGroup) return g;
  throw_internal("project layout without the group 其他");
}

std::string ProjectLayout::result_group(const std::string& table) const {
  for (const auto& r : results)
    if (r.matches(table)) return r.group;
  return {};
}

bool ProjectLayout::hidden(const std::string& table) const {
  return std::any_of(start_hidden.begin(), start_hidden.end(), [&](const TableRule& r) { return r.matches(table); });
}

bool ProjectLayout::skipped(const std::string& table) const {
  return std::find(skip.begin(), skip.end(), table) != skip.end();
}

// ---------------------------------------------------------------------------------------------
// Reading the GeoPackages

namespace {

std::string sanitize_id(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    out += (std::isalnum(u) != 0 && u < 0x80) || c == '_' ? c : '_';
  }
  return out;
}

/// Path of `file` relative to `dir`, in QGIS's form ("./x.gpkg", "../data/x.gpkg").
std::string relative_source(const fs::path& file, const fs::path& dir) {
  fs::path rel = file.lexically_relative(dir);
  if (rel.empty()) rel = file;  // another root: keep it absolute
  std::string s = rel.generic_string();
  if (rel.is_relative() && s.rfind("../", 0) != 0) s = "./" + s;
  return s;
}

struct GpkgFacts {
  std::string identifier;
  std::string geometry_column;
};

std::map<std::string, GpkgFacts> read_contents(sqlite::Database& db) {
  std::map<std::string, GpkgFacts> out;
  auto st = db.prepare(
      "SELECT c.table_name, c.identifier, g.column_name FROM gpkg_contents c "
      "LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name");
  while (st.step()) {
    GpkgFacts f;
    if (!st.is_null(1)) f.identifier = st.text(1);
    if (!st.is_null(2)) f.geometry_column = st.text(2);
    out[st.text(0)] = std::move(f);
  }
  return out;
}

bool has_table(sqlite::Database& db, const std::string& name) {
  auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
  st.bind_all(name);
  return st.step();
}

/// The style QGIS applies when it opens the layer: the layer_styles row for this table and
/// geometry column, useAsDefault first, then the newest (QGIS 3.22 QgsOgrProviderMetadata::loadStyle).
std::pair<std::string, std::string> default_style(sqlite::Database& db, const std::string& table,
                                                  const std::string& geometry_column) {
  auto st = db.prepare(
      "SELECT styleName, styleQML FROM layer_styles WHERE COALESCE(f_table_schema, '') = '' AND f_table_name = ? "
      "AND COALESCE(f_geometry_column, '') = ? ORDER BY CASE WHEN useAsDefault THEN 1 ELSE 2 END, update_time DESC "
      "LIMIT 1");
  st.bind_all(table, geometry_column);
  if (!st.step()) return {};
  return {st.is_null(0) ? std::string() : st.text(0), st.is_null(1) ? std::string() : st.text(1)};
}

int geometry_class(gdal::GeometryKind k) {
  switch (k) {
    case gdal::GeometryKind::Point:
    case gdal::GeometryKind::MultiPoint: return 0;
    case gdal::GeometryKind::LineString:
    case gdal::GeometryKind::MultiLineString: return 1;
    default: return 2;
  }
}

/// A layer's extent in another CRS: the envelope of points along its edges, transformed.
Envelope transform_envelope(const Envelope& e, const std::string& from, const std::string& to) {
  const proj::Transform t(from, to);
  if (t.is_identity()) return e;
  std::vector<Coord> pts;
  constexpr int kSteps = 16;
  for (int i = 0; i <= kSteps; ++i) {
    const double fx = e.min_x + (e.max_x - e.min_x) * i / kSteps;
    const double fy = e.min_y + (e.max_y - e.min_y) * i / kSteps;
    pts.push_back({fx, e.min_y});
    pts.push_back({fx, e.max_y});
    pts.push_back({e.min_x, fy});
    pts.push_back({e.max_x, fy});
  }
  t.apply(pts);
  Envelope out{pts[0].x, pts[0].y, pts[0].x, pts[0].y};
  for (const auto& p : pts) out.expand({p.x, p.y, p.x, p.y});
  return out;
}

}  // namespace

Project collect(const std::vector<fs::path>& geopackages, const fs::path& project_file, const ProjectOptions& options,
                const ProjectLayout& layout, const layers::Catalogue& catalogue) {
  if (geopackages.empty()) throw_bad_input("no GeoPackage given");
  Project project;
  project.file = fs::absolute(project_file).lexically_normal();
  const fs::path project_dir = project.file.parent_path();

  std::vector<ProjectLayer> found;
  std::set<fs::path> seen_files;
  std::set<std::string> ids;
  for (const auto& input : geopackages) {
    const fs::path file = fs::absolute(input).lexically_normal();
    const std::string shown = input.string();
    if (!fs::is_regular_file(file)) throw_bad_input("no such file", {shown, {}, {}, {}});
    if (!seen_files.insert(fs::weakly_canonical(file)).second)
      throw_bad_input("the same GeoPackage is given twice", {shown, {}, {}, {}});
    const gdal::VectorSource source = gdal::VectorSource::open(file.string());
    if (source.driver() != "GPKG")
      throw_bad_input("not a GeoPackage (GDAL reads it as " + source.driver() + "); guotu qgis takes GeoPackages",
                      {shown, {}, {}, {}});
    std::optional<sqlite::Database> db;
    try {
      db.emplace(file.string(), sqlite::Database::Options{false, true, std::chrono::milliseconds(60000)});
    } catch (const sqlite::Failure& e) {
      throw_bad_input(std::string("cannot read it as SQLite: ") + e.what(), {shown, {}, {}, {}});
    }
    std::map<std::string, GpkgFacts> contents;
    bool styled = false;
    try {
      contents = read_contents(*db);
      styled = has_table(*db, "layer_styles");
    } catch (const sqlite::Failure& e) {
      throw_bad_input(std::string("cannot read gpkg_contents: ") + e.what(), {shown, {}, {}, {}});
    }
    const std::string stem = sanitize_id(file.stem().string());
    std::size_t added = 0;
    for (std::size_t i = 0; i < source.layer_count(); ++i) {
      const gdal::Layer& layer = source.layer(i);
      const std::string& table = layer.name();
      if (layout.skipped(table)) continue;
      ProjectLayer pl;
      pl.table = table;
      pl.file = file;
      pl.geometry = layer.geometry_kind();
      if (!pl.spatial() && !options.include_tables) continue;
      const auto c = contents.find(table);
      const GpkgFacts facts = c != contents.end() ? c->second : GpkgFacts{};
      pl.title = facts.identifier.empty() ? table : facts.identifier;
      pl.datasource = relative_source(file, project_dir) + "|layername=" + table;
      pl.feature_count = layer.feature_count();
      if (pl.spatial()) {
        pl.crs = layer.crs();
        if (!pl.crs) project.warnings.push_back(fmt::format("{}, layer {}: no CRS", shown, table));
        if (pl.feature_count > 0) pl.extent = layer.extent();
        if (const layers::LayerDef* def = catalogue.find(table); def != nullptr && !def->group.empty()) {
          pl.group = def->group;
        } else {
          pl.group = layout.result_group(table);
        }
        if (pl.group.empty()) pl.group = kOtherGroup;
        pl.group = layout.group(pl.group).name;  // an unknown group name falls back to 其他
      } else {
        pl.group = layout.table_group.empty() ? kOtherGroup : layout.table_group;
      }
      if (styled) {
        std::pair<std::string, std::string> found_style;
        try {
          found_style = default_style(*db, table, facts.geometry_column);
        } catch (const sqlite::Failure& e) {
          throw_bad_input(std::string("layer_styles is not the table QGIS writes: ") + e.what(),
                          {shown, table, {}, {}});
        }
        auto [name, qml] = std::move(found_style);
        if (!qml.empty()) {
          try {
            const xml::Element root = xml::parse(qml);
            if (root.name != "qgis")
              throw xml::ParseError("the root element is <" + root.name + ">, not <qgis>", root.line);
          } catch (const xml::ParseError& e) {
            throw_bad_input(fmt::format("default style '{}' in layer_styles is not a QGIS style: {} (QML line {})",
                                        name, e.what(), e.line()),
                            {shown, table, {}, {}});
          }
          pl.style_name = std::move(name);
          pl.style_qml = std::move(qml);
        }
      }
      pl.visible = !layout.hidden(table);
      // QGIS keeps a layer id only when it is longer than 10 characters (QgsMapLayer::readLayerXml);
      // a shorter one is replaced by a random id, and the layer-tree node is orphaned.
      std::string base = "guotu_" + stem + "_" + sanitize_id(table);
      if (base.size() <= 10) base += "_layer";
      std::string id = base;
      for (int n = 2; ids.count(id) != 0; ++n) id = base + "_" + std::to_string(n);
      ids.insert(id);
      pl.id = std::move(id);
      found.push_back(std::move(pl));
      ++added;
    }
    if (added == 0) throw_bad_input("no layers to add (no feature or attribute tables)", {shown, {}, {}, {}});
  }

  // Titles shown in the tree must tell layers apart: a repeated title gets its file's name.
  std::map<std::string, int> title_count;
  for (const auto& l : found) ++title_count[l.title];
  for (auto& l : found)
    if (title_count[l.title] > 1) l.title += " (" + l.file.filename().string() + ")";

  // Tree order: the layout's groups top to bottom, input order inside a group.
  for (const auto& g : layout.groups) {
    bool any = false;
    for (const auto& l : found) {
      if (l.group != g.name) continue;
      project.layers.push_back(l);
      any = true;
    }
    if (!any) continue;
    project.group_order.push_back(g.name);
    if (g.mutually_exclusive) project.exclusive_groups.push_back(g.name);
  }
  for (const auto& g : layout.groups) {
    const auto present = [&](const std::string& name) {
      return std::find(project.group_order.begin(), project.group_order.end(), name) != project.group_order.end();
    };
    if (present(g.name) && std::any_of(g.start_hidden_with.begin(), g.start_hidden_with.end(), present))
      project.hidden_groups.push_back(g.name);
  }

  // Draw order: points, then lines, then polygons by group rank; tree order breaks ties.
  std::vector<std::size_t> spatial;
  for (std::size_t i = 0; i < project.layers.size(); ++i)
    if (project.layers[i].spatial()) spatial.push_back(i);
  std::stable_sort(spatial.begin(), spatial.end(), [&](std::size_t a, std::size_t b) {
    const auto& la = project.layers[a];
    const auto& lb = project.layers[b];
    const int ca = geometry_class(la.geometry);
    const int cb = geometry_class(lb.geometry);
    if (ca != cb) return ca < cb;
    return layout.group(la.group).draw < layout.group(lb.group).draw;
  });
  for (const std::size_t i : spatial) project.draw_order.push_back(project.layers[i].id);

  // Project CRS: the layers' common CRS, else CGCS2000 geographic.
  std::set<std::string> crs_labels;
  std::string common;
  for (const auto& l : project.layers) {
    if (!l.crs) continue;
    crs_labels.insert(l.crs->label());
    common = l.crs->definition;
  }
  if (crs_labels.size() == 1) {
    project.crs = common;
  } else {
    project.crs = "EPSG:4490";
    if (crs_labels.size() > 1) {
      std::string list;
      for (const auto& s : crs_labels) list += (list.empty() ? "" : ", ") + s;
      project.warnings.push_back("the layers are in different CRSs (" + list + "): the project uses EPSG:4490");
    }
  }
  for (const auto& l : project.layers) {
    if (!l.extent || !l.crs) continue;
    const Envelope e = transform_envelope(*l.extent, l.crs->definition, project.crs);
    if (!std::isfinite(e.min_x) || !std::isfinite(e.max_x) || !std::isfinite(e.min_y) || !std::isfinite(e.max_y))
      continue;
    if (project.extent) {
      project.extent->expand(e);
    } else {
      project.extent = e;
    }
  }
  return project;
}

// ---------------------------------------------------------------------------------------------
// Writing the .qgs

namespace {

constexpr const char* kQgisVersion = "3.22.16-Białowieża";

std::string number(double v) {
  return fmt::format("{:.17g}", v);
}

const char* geometry_attribute(gdal::GeometryKind k) {
  switch (k) {
    case gdal::GeometryKind::None: return "No geometry";
    case gdal::GeometryKind::Point:
    case gdal::GeometryKind::MultiPoint: return "Point";
    case gdal::GeometryKind::LineString:
    case gdal::GeometryKind::MultiLineString: return "Line";
    case gdal::GeometryKind::Polygon:
    case gdal::GeometryKind::MultiPolygon: return "Polygon";
    case gdal::GeometryKind::Unknown: return "Unknown geometry";
  }
  return "Unknown geometry";
}

const char* wkb_type(gdal::GeometryKind k) {
  switch (k) {
    case gdal::GeometryKind::None: return "NoGeometry";
    case gdal::GeometryKind::Point: return "Point";
    case gdal::GeometryKind::MultiPoint: return "MultiPoint";
    case gdal::GeometryKind::LineString: return "LineString";
    case gdal::GeometryKind::MultiLineString: return "MultiLineString";
    case gdal::GeometryKind::Polygon: return "Polygon";
    case gdal::GeometryKind::MultiPolygon: return "MultiPolygon";
    case gdal::GeometryKind::Unknown: return "Unknown";
  }
  return "Unknown";
}

/// <spatialrefsys> as QGIS writes it (srsid 0: QGIS's own database id is not ours to know;
/// QGIS then identifies the CRS from the WKT, which carries the EPSG id).
void write_srs(xml::Writer& w, const std::string& definition) {
  const proj::CrsFacts f = proj::describe_crs(definition);
  std::string acronym;
  if (const auto p = f.proj4.find("+proj="); p != std::string::npos) {
    const auto end = f.proj4.find(' ', p);
    acronym = f.proj4.substr(p + 6, end == std::string::npos ? std::string::npos : end - p - 6);
  }
  std::string srid = "0";
  if (const auto colon = f.authority_id.find(':'); colon != std::string::npos && f.authority_id.rfind("EPSG:", 0) == 0)
    srid = f.authority_id.substr(colon + 1);
  w.open("spatialrefsys");
  w.element("wkt", f.wkt);
  w.element("proj4", f.proj4);
  w.element("srsid", "0");
  w.element("srid", srid);
  w.element("authid", f.authority_id);
  w.element("description", f.name);
  w.element("projectionacronym", acronym);
  w.element("ellipsoidacronym", f.ellipsoid_id);
  w.element("geographicflag", f.geographic ? "true" : "false");
  w.close();
}

void write_extent(xml::Writer& w, const char* name, const Envelope& e) {
  w.open(name);
  w.element("xmin", number(e.min_x));
  w.element("ymin", number(e.min_y));
  w.element("xmax", number(e.max_x));
  w.element("ymax", number(e.max_y));
  w.close();
}

/// The <maplayer> attributes of the style's <qgis> root that QGIS reads from a layer element
/// (labelsEnabled, scale visibility, simplification …); not the version or category list.
xml::Writer::Attributes style_root_attributes(const xml::Element& root) {
  xml::Writer::Attributes out;
  for (const auto& [k, v] : root.attributes)
    if (k != "version" && k != "styleCategories") out.emplace_back(k, v);
  return out;
}

void write_layer(xml::Writer& w, const ProjectLayer& l) {
  xml::Writer::Attributes attrs{{"type", "vector"},
                                {"geometry", geometry_attribute(l.geometry)},
                                {"wkbType", wkb_type(l.geometry)},
                                {"styleCategories", "AllStyleCategories"}};
  std::optional<xml::Element> style;
  if (!l.style_qml.empty()) {
    style = xml::parse(l.style_qml);  // checked in collect()
    for (auto& a : style_root_attributes(*style)) attrs.push_back(std::move(a));
  }
  w.open("maplayer", attrs);
  if (l.extent) write_extent(w, "extent", *l.extent);
  w.element("id", l.id);
  w.element("datasource", l.datasource);
  w.open("keywordList");
  w.element("value", "");
  w.close();
  w.element("layername", l.title);
  if (l.crs) {
    w.open("srs");
    write_srs(w, l.crs->definition);
    w.close();
  }
  w.element("provider", "ogr", {{"encoding", "UTF-8"}});
  w.empty("vectorjoins");
  w.empty("layerDependencies");
  w.empty("dataDependencies");
  w.open("map-layer-style-manager", {{"current", "default"}});
  w.empty("map-layer-style", {{"name", "default"}});
  w.close();
  if (style) {
    w.raw(std::string_view(l.style_qml).substr(style->inner_begin, style->inner_end - style->inner_begin));
  }
  w.close();
}

void write_tree_layer(xml::Writer& w, const ProjectLayer& l, bool checked) {
  w.open("layer-tree-layer", {{"id", l.id},
                              {"name", l.title},
                              {"source", l.datasource},
                              {"providerKey", "ogr"},
                              {"checked", checked ? "Qt::Checked" : "Qt::Unchecked"},
                              {"expanded", "0"}});
  w.empty("customproperties");
  w.close();
}

}  // namespace

std::string to_qgs(const Project& project) {
  xml::Writer w("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
  const std::string title = project.file.stem().string();
  w.open("qgis", {{"projectname", title}, {"version", kQgisVersion}});
  w.empty("homePath", {{"path", ""}});
  w.element("title", title);
  w.open("projectCrs");
  write_srs(w, project.crs);
  w.close();

  // Layer tree: one group per layout group, in order. A mutually exclusive group shows one
  // child: the first visible one.
  w.open("layer-tree-group");
  w.empty("customproperties");
  for (const auto& g : project.group_order) {
    std::vector<const ProjectLayer*> members;
    for (const auto& l : project.layers)
      if (l.group == g) members.push_back(&l);
    const bool hidden =
        std::find(project.hidden_groups.begin(), project.hidden_groups.end(), g) != project.hidden_groups.end();
    xml::Writer::Attributes attrs{
        {"name", g}, {"checked", hidden ? "Qt::Unchecked" : "Qt::Checked"}, {"expanded", "1"}};
    const bool exclusive = std::find(project.exclusive_groups.begin(), project.exclusive_groups.end(), g) !=
                           project.exclusive_groups.end();
    int exclusive_child = -1;
    if (exclusive) {
      for (std::size_t i = 0; i < members.size(); ++i)
        if (members[i]->visible) {
          exclusive_child = static_cast<int>(i);
          break;
        }
      if (exclusive_child < 0) exclusive_child = 0;
      attrs.emplace_back("mutually-exclusive", "1");
      attrs.emplace_back("mutually-exclusive-child", std::to_string(exclusive_child));
    }
    w.open("layer-tree-group", attrs);
    w.empty("customproperties");
    for (std::size_t i = 0; i < members.size(); ++i) {
      const bool checked = exclusive ? static_cast<int>(i) == exclusive_child : members[i]->visible;
      write_tree_layer(w, *members[i], checked);
    }
    w.close();
  }
  w.open("custom-order", {{"enabled", "1"}});
  for (const auto& id : project.draw_order) w.element("item", id);
  w.close();
  w.close();

  if (project.extent) {
    w.open("mapcanvas", {{"name", "theMapCanvas"}, {"annotationsVisible", "1"}});
    w.element("units", proj::describe_crs(project.crs).geographic ? "degrees" : "meters");
    write_extent(w, "extent", *project.extent);
    w.element("rotation", "0");
    w.open("destinationsrs");
    write_srs(w, project.crs);
    w.close();
    w.element("rendermaptile", "0");
    w.close();
  }

  w.open("projectlayers");
  for (const auto& l : project.layers) write_layer(w, l);
  w.close();

  w.open("layerorder");
  for (const auto& l : project.layers) w.empty("layer", {{"id", l.id}});
  w.close();

  w.open("properties");
  w.open("Paths");
  w.element("Absolute", "false", {{"type", "bool"}});
  w.close();
  w.open("SpatialRefSys");
  w.element("ProjectionsEnabled", "1", {{"type", "int"}});
  w.close();
  // Measure tool and $area on the project's ellipsoid (CGCS2000: EPSG:1024), in m².
  w.open("Measure");
  w.element("Ellipsoid", proj::describe_crs(project.crs).ellipsoid_id, {{"type", "QString"}});
  w.close();
  w.open("Measurement");
  w.element("AreaUnits", "m2", {{"type", "QString"}});
  w.element("DistanceUnits", "meters", {{"type", "QString"}});
  w.close();
  w.close();

  w.open("ProjectViewSettings", {{"UseProjectScales", "0"}, {"rotation", "0"}});
  w.empty("Scales");
  if (project.extent) {
    const Envelope& e = *project.extent;
    w.open(
        "DefaultViewExtent",
        {{"xmin", number(e.min_x)}, {"ymin", number(e.min_y)}, {"xmax", number(e.max_x)}, {"ymax", number(e.max_y)}});
    write_srs(w, project.crs);
    w.close();
  }
  w.close();
  w.close();
  return w.finish();
}

Project write_project(const fs::path& project_file, const std::vector<fs::path>& geopackages, bool overwrite,
                      const ProjectOptions& options) {
  if (project_file.extension() != ".qgs")
    throw_bad_input("the project file must end in .qgs (a plain XML project; .qgz is not written)",
                    {project_file.string(), {}, {}, {}});
  OutputGuard guard;
  for (const auto& g : geopackages) guard.input(g.string(), "GPKG");
  guard.output(project_file.string(), "--out").check(overwrite);
  Project project = collect(geopackages, project_file, options);
  const std::string xml_text = to_qgs(project);
  auto out = std::make_unique<AtomicOutput>(project_file, overwrite);
  {
    std::ofstream f(out->temp_path(), std::ios::binary);
    f << xml_text;
    f.close();
    if (!f) throw_internal("cannot write " + out->temp_path().string());
  }
  commit_or_hold(std::move(out), options.outputs);
  return project;
}

}  // namespace guotu::qgis
