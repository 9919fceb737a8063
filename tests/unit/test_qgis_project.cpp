// guotu qgis: the project writer on small GeoPackages built here. The .qgs is read back with
// the XML parser only (no QGIS): well-formed, groups from the data (catalogue group:,
// layers/qgis_project.yaml), relative data sources, CRS, embedded styles, refusals.
// tests/qgis/test_qgis_client.py opens real outputs in QGIS itself.
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "gdal/output_writer.hpp"
#include "layers/catalogue.hpp"
#include "qgis/project.hpp"
#include "sqlite/database.hpp"
#include "support.hpp"
#include "xml/xml.hpp"

namespace fs = std::filesystem;
using guotu::gdal::FieldType;
using guotu::gdal::GeometryKind;
using guotu::gdal::LayerSpec;
using guotu::gdal::OutputWriter;
using guotu::geos::Geometry;
using guotu::xml::Element;

namespace {

using guotu::test::read_file;

int bad_input_code(const std::function<void()>& f) {
  return guotu::test::error_of(f).exit_code();
}

/// A plan GeoPackage: DLTB and XZQ from the catalogue, in `crs`.
void write_plan(const fs::path& path, const std::string& crs, double x0, double y0) {
  auto dltb = guotu::test::catalogue_layer("DLTB", crs), xzq = guotu::test::catalogue_layer("XZQ", crs);
  const std::string square = Geometry::rectangle({x0, y0, x0 + 1000.0, y0 + 1000.0}).to_wkt();
  dltb.features = {{square, {}}, {Geometry::rectangle({x0 + 1000.0, y0, x0 + 3000.0, y0 + 500.0}).to_wkt(), {}}};
  xzq.features = {{square, {}}};
  guotu::test::write_gpkg(path, {dltb, xzq});
}

/// A result GeoPackage: violations (styled), an unknown layer (no style), a summary table.
void write_results(const fs::path& path, const std::string& style_qml = guotu::layers::result_style("violations")) {
  OutputWriter w(path.string(), {});
  LayerSpec v;
  v.name = "violations";
  v.title = "规划审查违规图斑";
  v.crs = "EPSG:4527";
  v.fields = {{"rule_id", FieldType::String, 0, "规则", false}, {"area_m2", FieldType::Real, 0, "面积", false}};
  v.style_qml = style_qml;
  const auto vid = w.create_layer(v);
  auto g = Geometry::rectangle({39500100.0, 4000100.0, 39500200.0, 4000200.0});
  w.add(vid, {std::string("R1"), 10000.0}, &g);
  LayerSpec other;
  other.name = "my_notes";
  other.title = "备注点";
  other.geometry = GeometryKind::Point;
  other.crs = "EPSG:4527";
  other.fields = {{"note", FieldType::String, 0, "", false}};
  const auto oid = w.create_layer(other);
  auto p = Geometry::point({39500500.0, 4000500.0});
  w.add(oid, {std::string("x")}, &p);
  LayerSpec t;
  t.name = "summary";
  t.title = "汇总";
  t.geometry = GeometryKind::None;
  t.fields = {{"n", FieldType::Integer, 0, "", false}};
  const auto tid = w.create_layer(t);
  w.add(tid, {std::int64_t{1}});
  w.commit();
}

const Element* group(const Element& tree, const std::string& name) {
  for (const Element* g : tree.children_named("layer-tree-group"))
    if (g->attribute("name") != nullptr && *g->attribute("name") == name) return g;
  return nullptr;
}

std::vector<std::string> layer_names(const Element* g) {
  std::vector<std::string> out;
  if (g == nullptr) return out;
  for (const Element* l : g->children_named("layer-tree-layer")) out.push_back(*l->attribute("name"));
  return out;
}

const Element* maplayer(const Element& root, const std::string& title) {
  for (const Element* l : root.child("projectlayers")->children_named("maplayer"))
    if (l->child("layername")->text == title) return l;
  return nullptr;
}

}  // namespace

TEST(QgisProject, GroupsPathsCrsAndStyles) {
  guotu::test::TempDir dir;
  fs::create_directories(dir / "data");
  fs::create_directories(dir / "maps");
  write_plan(dir / "data/plan.gpkg", "EPSG:4527", 39500000.0, 4000000.0);
  write_results(dir / "data/check.gpkg");
  const fs::path out = dir / "maps/city.qgs";
  const auto project = guotu::qgis::write_project(out, {dir / "data/plan.gpkg", dir / "data/check.gpkg"}, false);
  ASSERT_TRUE(fs::exists(out));
  const std::string text = read_file(out);
  Element root;
  ASSERT_NO_THROW(root = guotu::xml::parse(text)) << "the project is not well-formed XML";
  EXPECT_EQ(root.name, "qgis");

  // Groups, top to bottom, from data: results, then the catalogue's groups, 其他, tables.
  const Element* tree = root.child("layer-tree-group");
  ASSERT_NE(tree, nullptr);
  std::vector<std::string> groups;
  for (const Element* g : tree->children_named("layer-tree-group")) groups.push_back(*g->attribute("name"));
  EXPECT_EQ(groups, (std::vector<std::string>{"检查结果", "其他", "现状用地", "行政区", "表格"}));
  EXPECT_EQ(layer_names(group(*tree, "检查结果")), std::vector<std::string>{"规划审查违规图斑"});
  EXPECT_EQ(layer_names(group(*tree, "现状用地")), std::vector<std::string>{"地类图斑"});
  EXPECT_EQ(layer_names(group(*tree, "行政区")), std::vector<std::string>{"行政区（县级）"});
  EXPECT_EQ(layer_names(group(*tree, "其他")), std::vector<std::string>{"备注点"});
  EXPECT_EQ(layer_names(group(*tree, "表格")), std::vector<std::string>{"汇总"});

  // Relative data sources, and the project says so.
  const Element* dltb = maplayer(root, "地类图斑");
  ASSERT_NE(dltb, nullptr);
  EXPECT_EQ(dltb->child("datasource")->text, "../data/plan.gpkg|layername=DLTB");
  EXPECT_EQ(dltb->child("provider")->text, "ogr");
  const Element* absolute = root.child("properties")->child("Paths")->child("Absolute");
  ASSERT_NE(absolute, nullptr);
  EXPECT_EQ(absolute->text, "false");
  for (const Element* l : root.child("projectlayers")->children_named("maplayer"))
    EXPECT_EQ(l->child("datasource")->text.rfind("../data/", 0), 0u) << l->child("datasource")->text;

  // CRS: the layers' own, written in full.
  const Element* srs = root.child("projectCrs")->child("spatialrefsys");
  EXPECT_EQ(srs->child("authid")->text, "EPSG:4527");
  EXPECT_EQ(srs->child("srid")->text, "4527");
  EXPECT_NE(srs->child("proj4")->text.find("+proj=tmerc"), std::string::npos);
  EXPECT_NE(srs->child("wkt")->text.find("PROJCRS"), std::string::npos);
  EXPECT_EQ(srs->child("ellipsoidacronym")->text, "EPSG:1024");
  EXPECT_EQ(dltb->child("srs")->child("spatialrefsys")->child("authid")->text, "EPSG:4527");

  // Styles embedded: DLTB's catalogue QML is rule-based, violations' is a hatched single symbol.
  ASSERT_NE(dltb->child("renderer-v2"), nullptr);
  EXPECT_EQ(*dltb->child("renderer-v2")->attribute("type"), "RuleRenderer");
  const Element* viol = maplayer(root, "规划审查违规图斑");
  ASSERT_NE(viol, nullptr);
  ASSERT_NE(viol->child("renderer-v2"), nullptr);
  EXPECT_NE(text.find("b_diagonal"), std::string::npos);
  EXPECT_EQ(maplayer(root, "备注点")->child("renderer-v2"), nullptr);  // no style: QGIS's default

  // Draw order: the point layer first, then results, admin outlines, DLTB last.
  const auto& order = project.draw_order;
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.front(), "guotu_check_my_notes");
  EXPECT_EQ(order[1], "guotu_check_violations");
  EXPECT_EQ(order.back(), "guotu_plan_DLTB");
  std::vector<std::string> items;
  for (const Element* i : tree->child("custom-order")->children_named("item")) items.push_back(i->text);
  EXPECT_EQ(items, order);
  // QGIS keeps only ids longer than 10 characters.
  for (const auto& l : project.layers) EXPECT_GT(l.id.size(), 10u) << l.id;

  // Extent: the union of the layers' extents.
  ASSERT_TRUE(project.extent);
  EXPECT_DOUBLE_EQ(project.extent->min_x, 39500000.0);
  EXPECT_DOUBLE_EQ(project.extent->max_x, 39503000.0);
  EXPECT_DOUBLE_EQ(project.extent->max_y, 4001000.0);
  const Element* view = root.child("ProjectViewSettings")->child("DefaultViewExtent");
  ASSERT_NE(view, nullptr);
  EXPECT_DOUBLE_EQ(std::stod(*view->attribute("xmax")), 39503000.0);
}

TEST(QgisProject, DisagreeingCrsGivesCgcs2000Geographic) {
  guotu::test::TempDir dir;
  write_plan(dir / "a.gpkg", "EPSG:4527", 39500000.0, 4000000.0);
  write_plan(dir / "b.gpkg", "EPSG:4526", 38500000.0, 4000000.0);
  const auto p = guotu::qgis::write_project(dir / "p.qgs", {dir / "a.gpkg", dir / "b.gpkg"}, false);
  EXPECT_EQ(p.crs, "EPSG:4490");
  ASSERT_TRUE(p.extent);
  EXPECT_GT(p.extent->min_x, 113.0);  // degrees now
  EXPECT_LT(p.extent->max_x, 118.0);
  const Element root = guotu::xml::parse(read_file(dir / "p.qgs"));
  EXPECT_EQ(root.child("projectCrs")->child("spatialrefsys")->child("authid")->text, "EPSG:4490");
  EXPECT_EQ(root.child("projectCrs")->child("spatialrefsys")->child("geographicflag")->text, "true");
  // The same titles from two files are told apart, and the ids stay unique.
  const Element* tree = root.child("layer-tree-group");
  EXPECT_EQ(layer_names(group(*tree, "现状用地")),
            (std::vector<std::string>{"地类图斑 (a.gpkg)", "地类图斑 (b.gpkg)"}));
  ASSERT_FALSE(p.warnings.empty());
}

TEST(QgisProject, RefusesBadInputWithExit2) {
  guotu::test::TempDir dir;
  write_plan(dir / "a.gpkg", "EPSG:4527", 39500000.0, 4000000.0);
  guotu::qgis::write_project(dir / "p.qgs", {dir / "a.gpkg"}, false);
  const std::string before = read_file(dir / "p.qgs");
  // No overwrite without --overwrite; the existing project is untouched.
  EXPECT_EQ(bad_input_code([&] { guotu::qgis::write_project(dir / "p.qgs", {dir / "a.gpkg"}, false); }), 2);
  EXPECT_EQ(read_file(dir / "p.qgs"), before);
  EXPECT_NO_THROW(guotu::qgis::write_project(dir / "p.qgs", {dir / "a.gpkg"}, true));
  // Missing file, not a GeoPackage, not .qgs, the same file twice.
  EXPECT_EQ(bad_input_code([&] { guotu::qgis::write_project(dir / "q.qgs", {dir / "nope.gpkg"}, false); }), 2);
  std::ofstream(dir / "x.geojson") << R"({"type":"FeatureCollection","features":[]})";
  EXPECT_EQ(bad_input_code([&] { guotu::qgis::write_project(dir / "q.qgs", {dir / "x.geojson"}, false); }), 2);
  EXPECT_EQ(bad_input_code([&] { guotu::qgis::write_project(dir / "q.qgz", {dir / "a.gpkg"}, false); }), 2);
  EXPECT_EQ(bad_input_code([&] {
              guotu::qgis::write_project(dir / "q.qgs", {dir / "a.gpkg", dir / "a.gpkg"}, false);
            }),
            2);
  // A default style that is not XML: the message names file and layer.
  write_results(dir / "broken.gpkg", "<qgis><renderer-v2 type=\"singleSymbol\"></qgis>");
  try {
    guotu::qgis::write_project(dir / "q.qgs", {dir / "broken.gpkg"}, false);
    FAIL() << "a broken style was accepted";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("broken.gpkg"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("violations"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir / "q.qgs"));
  // A layer_styles table that is not QGIS's: exit 2 naming file and layer, not an internal error.
  write_plan(dir / "odd.gpkg", "EPSG:4527", 39500000.0, 4000000.0);
  {
    guotu::sqlite::Database db((dir / "odd.gpkg").string(), {});
    db.exec("DROP TABLE layer_styles; CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, f_table_name TEXT)");
  }
  try {
    guotu::qgis::write_project(dir / "q.qgs", {dir / "odd.gpkg"}, false);
    FAIL() << "an odd layer_styles table was accepted";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("layer_styles"), std::string::npos) << e.what();
  }
  // The CLI maps these to exit 2.
  EXPECT_EQ(guotu::test::run_guotu("qgis --out '" + (dir / "q.qgs").string() + "' '" + (dir / "nope.gpkg").string() +
                                   "' 2>/dev/null")
                .exit_code,
            2);
}

TEST(QgisProject, LayoutFileIsData) {
  const auto layout = guotu::qgis::ProjectLayout::load();
  EXPECT_EQ(layout.result_group("violations"), "检查结果");
  EXPECT_EQ(layout.result_group("units_county"), "指标");
  EXPECT_EQ(layout.result_group("nothing"), "");
  EXPECT_TRUE(layout.hidden("DLTB_LATER"));
  EXPECT_TRUE(layout.skipped("layer_styles"));
  // Every catalogue layer names a group of the layout (none falls into 其他 by a typo).
  for (const auto& def : guotu::layers::Catalogue::embedded().all())
    EXPECT_EQ(layout.group(def.group).name, def.group) << def.code << " has group '" << def.group << "'";
  // A malformed layout names file and line.
  guotu::test::TempDir dir;
  std::ofstream(dir / "l.yaml") << "groups:\n  - {name: 其他}\nresults:\n  - {table: x, group: 无此组, why: y}\n";
  try {
    (void)guotu::qgis::ProjectLayout::load(dir / "l.yaml");
    FAIL();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("l.yaml"), std::string::npos);
  }
}

TEST(QgisProject, ChoroplethGroupShowsOneLayerAndStepsAsideForLandUse) {
  guotu::test::TempDir dir;
  {
    OutputWriter w((dir / "report.gpkg").string(), {});
    for (const char* name : {"units_county", "units_town"}) {
      LayerSpec s;
      s.name = name;
      s.title = name;
      s.crs = "EPSG:4527";
      s.fields = {{"value", FieldType::Real, 0, "", false}};
      const auto id = w.create_layer(s);
      auto g = Geometry::rectangle({39500000.0, 4000000.0, 39501000.0, 4001000.0});
      w.add(id, {1.0}, &g);
    }
    w.commit();
  }
  write_plan(dir / "plan.gpkg", "EPSG:4527", 39500000.0, 4000000.0);
  auto tree_of = [&](const std::vector<fs::path>& inputs) {
    guotu::qgis::write_project(dir / "p.qgs", inputs, true);
    return guotu::xml::parse(read_file(dir / "p.qgs"));
  };
  // Alone: the 指标 group is ticked, mutually exclusive, county level shown, town level not.
  Element root = tree_of({dir / "report.gpkg"});
  const Element* g = group(*root.child("layer-tree-group"), "指标");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(*g->attribute("checked"), "Qt::Checked");
  ASSERT_NE(g->attribute("mutually-exclusive"), nullptr);
  EXPECT_EQ(*g->attribute("mutually-exclusive"), "1");
  const auto layers = g->children_named("layer-tree-layer");
  ASSERT_EQ(layers.size(), 2u);
  EXPECT_EQ(*layers[0]->attribute("checked"), "Qt::Checked");
  EXPECT_EQ(*layers[1]->attribute("checked"), "Qt::Unchecked");
  // Beside the land use (现状用地), which it would hide: the group starts unticked.
  root = tree_of({dir / "report.gpkg", dir / "plan.gpkg"});
  g = group(*root.child("layer-tree-group"), "指标");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(*g->attribute("checked"), "Qt::Unchecked");
}
