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
      ASSERT_NE(def, nullptr) << layer.first.as<std::string>();
      test::write_yaml_layer(city, *def, layer.second);
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
    EXPECT_EQ(it->cls, e["class"].as<std::string>());
    EXPECT_EQ(it->suspect, !test::string_set(e["suspect"]).empty());
    EXPECT_EQ(std::set<std::string>(it->suspect_layers.begin(), it->suspect_layers.end()),
              test::string_set(e["suspect"]));
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
    for (const auto& s : e["suspect_m2"]) {
      const auto sg = geos::Geometry::from_wkt(s.second["wkt"].as<std::string>());
      EXPECT_NEAR(sg.planar_area(), s.second["planar_m2"].as<double>(), 1e-6 * s.second["planar_m2"].as<double>());
      const auto f = it->suspect_m2.find(s.first.as<std::string>());
      ASSERT_NE(f, it->suspect_m2.end()) << s.first.as<std::string>();
      const double sref = ref.area_m2(sg);
      EXPECT_NEAR(f->second, sref, 1e-6 * sref + 0.01) << "suspect area " << s.first.as<std::string>();
    }
  }
  EXPECT_EQ(got, want) << "exactly the expected changes";
  EXPECT_EQ(r.slivers, expect["slivers"] ? expect["slivers"].as<std::size_t>() : 0u) << "slivers dropped";
}

INSTANTIATE_TEST_SUITE_P(Cases, ChangeCase, ::testing::ValuesIn(test::case_files("tests/cases/change")),
                         test::case_name);

}  // namespace
