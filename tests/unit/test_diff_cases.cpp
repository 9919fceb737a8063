// Replays the data-driven change cases in tests/cases/change/*.yaml: before and after patches
// (and plan layers) as WKT in EPSG:4527 with their DLBM, optional footprints, and the expected
// changes with hand-derived geometries. The runner checks each geometry's planar area against
// the hand-computed `planar_m2`, then computes the reference 椭球面积 independently of guotu
// (PROJ to CGCS2000 lon/lat, geod_polygonarea) and compares guotu's figure with it.
// Schema: tests/cases/change/README.md.
#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "change/change_detector.hpp"
#include "fixtures.hpp"
#include "gdal/output_writer.hpp"
#include "geodesic_reference.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace guotu;

namespace {

using guotu::test::GeodesicReference;

class ChangeCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(ChangeCase, Replays) {
  const fs::path file = GetParam();
  SCOPED_TRACE(file.filename().string());
  const YAML::Node c = YAML::LoadFile(file.string());
  ASSERT_TRUE(c["before"] && c["expect"]) << "a case needs before and expect";
  test::TempDir dir;
  const auto& catalogue = layers::Catalogue::embedded();
  const bool footprints = static_cast<bool>(c["footprints"]);
  {
    gdal::OutputWriter city((dir / "city.gpkg").string(), {});
    test::write_yaml_layer(city, catalogue.get("DLTB"), c["before"]);
    if (c["after"]) test::write_yaml_layer(city, catalogue.get("DLTB_LATER"), c["after"]);
    for (const auto& layer : c["plan"]) {
      const layers::LayerDef* def = catalogue.find(layer.first.as<std::string>());
      if (def != nullptr) {
        test::write_yaml_layer(city, *def, layer.second);
        continue;
      }
      // A layer of no catalogue (approvals of a bureau's own): polygons without fields.
      gdal::LayerSpec spec;
      spec.name = layer.first.as<std::string>();
      spec.crs = "EPSG:4527";
      const auto id = city.create_layer(spec);
      for (const auto& f : layer.second) {
        const auto g = geos::Geometry::from_wkt(f["wkt"].as<std::string>());
        city.add(id, {}, &g);
      }
    }
    city.commit();
    if (footprints) {
      gdal::OutputWriter fp((dir / "footprints.gpkg").string(), {});
      gdal::LayerSpec spec;
      spec.name = "JZW";
      spec.title = "建筑物";
      spec.crs = "EPSG:4527";
      spec.fields = {{"BSM", gdal::FieldType::String, 18, "标识码", false}};
      const auto id = fp.create_layer(spec);
      for (const auto& f : c["footprints"]) {
        const auto g = geos::Geometry::from_wkt(f["wkt"].as<std::string>());
        fp.add(id, {f["BSM"].as<std::string>()}, &g);
      }
      fp.commit();
    }
  }
  change::DiffOptions o;
  o.before = o.plan = (dir / "city.gpkg").string();
  o.after = footprints ? (dir / "footprints.gpkg").string() : o.before;
  o.footprints = footprints;
  if (const auto opt = c["options"]) {
    if (opt["min_area_m2"]) o.min_area_m2 = opt["min_area_m2"].as<double>();
    if (opt["approvals_layer"]) {
      o.approvals = o.before;
      o.approvals_layer = opt["approvals_layer"].as<std::string>();
    }
    if (opt["jobs"]) o.jobs = opt["jobs"].as<unsigned>();
  }
  const change::DiffResult r = change::run_diff(o);
  const YAML::Node expect = c["expect"];
  GeodesicReference ref;
  std::set<std::pair<std::string, std::string>> want, got;
  for (const auto& ch : r.changes) got.insert({ch.before_bsm, ch.after_bsm});
  for (const auto& e : expect["changes"]) {
    const std::string b = e["before"].as<std::string>(), a = e["after"].as<std::string>();
    want.insert({b, a});
    SCOPED_TRACE(b + " → " + a);
    const auto it = std::find_if(r.changes.begin(), r.changes.end(),
                                 [&](const change::Change& ch) { return ch.before_bsm == b && ch.after_bsm == a; });
    if (it == r.changes.end()) {
      ADD_FAILURE() << "change not found";
      continue;
    }
    // Every class, in the rule file's order; 疑似违法 with its zones (or, for a zone-less rule such
    // as 违规开垦 of a wetland, `suspect: true`); 已批; the 进出平衡 credit.
    ASSERT_TRUE(e["classes"]) << "a change lists its classes";
    EXPECT_EQ(it->classes, e["classes"].as<std::vector<std::string>>());
    EXPECT_EQ(it->cls, it->classes.front());
    if (e["suspect"].IsScalar()) {
      EXPECT_EQ(it->suspect, e["suspect"].as<bool>());
      EXPECT_TRUE(it->suspect_layers.empty());
    } else {
      EXPECT_EQ(it->suspect, !test::string_set(e["suspect"]).empty());
      EXPECT_EQ(std::set<std::string>(it->suspect_layers.begin(), it->suspect_layers.end()),
                test::string_set(e["suspect"]));
    }
    EXPECT_EQ(it->approved, e["approved"] && e["approved"].as<bool>()) << "已批";
    EXPECT_EQ(std::string(change::to_string(it->credit)), e["credit"] ? e["credit"].as<std::string>() : std::string())
        << "进出平衡 credit";
    if (e["rules"]) {
      EXPECT_EQ(std::set<std::string>(it->rules.begin(), it->rules.end()), test::string_set(e["rules"]));
    }
    EXPECT_EQ(std::set<std::string>(it->unevaluated_rules.begin(), it->unevaluated_rules.end()),
              test::string_set(e["unevaluated"]))
        << "rules not evaluated on the piece";
    if (e["before_code"]) {
      EXPECT_EQ(it->before_code, e["before_code"].as<std::string>());
    }
    if (e["after_code"]) {
      EXPECT_EQ(it->after_code, e["after_code"].as<std::string>());
    }
    if (e["county"]) {
      EXPECT_EQ(it->county, e["county"].as<std::string>());
    }
    if (e["town"]) {
      EXPECT_EQ(it->town, e["town"].as<std::string>());
    }
    const auto g = geos::Geometry::from_wkt(e["wkt"].as<std::string>());
    const double planar = e["planar_m2"].as<double>();
    EXPECT_NEAR(g.planar_area(), planar, 1e-6 * planar) << "the hand-computed planar_m2 does not match the geometry";
    const double reference = ref.area_m2(g);
    EXPECT_NEAR(it->area_m2, reference, 1e-6 * reference + 0.01) << "椭球面积";
    const auto piece = geos::Geometry::from_wkb(it->wkb);
    EXPECT_NEAR(piece.planar_area(), planar, 1e-6 * planar + 1e-6) << "the piece itself";
    for (const auto& s : e["zones_m2"]) {
      const auto sg = geos::Geometry::from_wkt(s.second["wkt"].as<std::string>());
      EXPECT_NEAR(sg.planar_area(), s.second["planar_m2"].as<double>(), 1e-6 * s.second["planar_m2"].as<double>());
      const auto f = it->zone_m2.find(s.first.as<std::string>());
      ASSERT_NE(f, it->zone_m2.end()) << s.first.as<std::string>();
      const double sref = ref.area_m2(sg);
      EXPECT_NEAR(f->second, sref, 1e-6 * sref + 0.01) << "zone area " << s.first.as<std::string>();
    }
  }
  EXPECT_EQ(got, want) << "exactly the expected changes";
  std::set<std::string> unevaluated;
  for (const auto& [id, why] : r.unevaluated) unevaluated.insert(id);
  EXPECT_EQ(unevaluated, test::string_set(expect["unevaluated"])) << "rules the run could not evaluate";
  if (expect["credit_m2"]) {
    // The ledger's flows: the sum of the credited pieces per direction (hand-computed planar area,
    // against the geodesic reference of the pieces that carry it).
    for (const char* dir : {"out", "in"}) {
      const double want_m2 = expect["credit_m2"][dir] ? expect["credit_m2"][dir].as<double>() : 0.0;
      const double got_m2 = r.credit_m2(std::string(dir) == "out" ? change::Balance::Out : change::Balance::In);
      EXPECT_NEAR(got_m2, want_m2, 1e-3 * want_m2 + 0.01) << "credit " << dir;
    }
  }
  EXPECT_EQ(r.slivers, expect["slivers"] ? expect["slivers"].as<std::size_t>() : 0u) << "slivers dropped";
}

INSTANTIATE_TEST_SUITE_P(Cases, ChangeCase, ::testing::ValuesIn(test::case_files("tests/cases/change")),
                         test::case_name);

}  // namespace
