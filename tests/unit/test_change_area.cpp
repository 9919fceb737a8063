// `guotu diff --area planar` and the schema check, on small hand-built fixtures (EPSG:4527,
// x = 39440000 + dx, y = 4030000 + dy: 60 km west of zone 39's central meridian, where the
// Gauss–Krüger scale makes a plane area about 8.9e-5 larger than the 椭球面积 of the same patch).
// Every planar figure below is width × height of axis-aligned rectangles, by hand; the 椭球面积
// reference is geod_polygonarea (tests/geodesic_reference.hpp), independent of guotu.
#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "area/measure.hpp"
#include "change/change_detector.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "geodesic_reference.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace guotu;

namespace {

const test::Origin O{39440000, 4030000};

test::Feature patch(const std::string& bsm, const std::string& code, double x0, double y0, double x1, double y1) {
  return {O.rect(x0, y0, x1, y1).to_wkt(),
          {{"BSM", bsm}, {"DLBM", code}, {"ZLDWDM", std::string("3715020010010000000")}}};
}

// Before → after:
//  A (0–100 × 0–50) 0101 → 0702, same BSM and shape: the whole patch, 100 × 50 = 5000 m², half of
//    it (x 0–50: 2500 m²) in 永久基本农田, x 80–100 (20 × 50 = 1000 m²) outside 城镇开发边界;
//  C (0–100 × 50–100) 0101 splits: C keeps x 0–60, C2 (x 60–100) is 0702: 40 × 50 = 2000 m², of
//    which x 80–100 (1000 m²) outside 城镇开发边界;
//  D (200–210 × 0–10) 0301 splits: D2 (200–201 × 0–1) is 0101: a 1 × 1 = 1 m² piece (进出平衡_进),
//    kept by --min-area 0.99995 as a plane area, a sliver as a 椭球面积 (≈ 0.99991 m²).
//  B (100–200 × 0–50) 0301 unchanged.
void write_city(const fs::path& path) {
  auto before = test::catalogue_layer("DLTB"), after = test::catalogue_layer("DLTB_LATER");
  auto farm = test::catalogue_layer("YJJBNT"), town = test::catalogue_layer("CZKFBJ");
  before.features = {patch("A", "0101", 0, 0, 100, 50), patch("B", "0301", 100, 0, 200, 50),
                     patch("C", "0101", 0, 50, 100, 100), patch("D", "0301", 200, 0, 210, 10)};
  after.features = {patch("A", "0702", 0, 0, 100, 50),   patch("B", "0301", 100, 0, 200, 50),
                    patch("C", "0101", 0, 50, 60, 100),  patch("C2", "0702", 60, 50, 100, 100),
                    patch("D", "0301", 201, 0, 210, 10), patch("D2", "0101", 200, 0, 201, 1)};
  farm.features = {{O.rect(0, 0, 50, 50).to_wkt(), {{"BSM", std::string("F")}}}};
  town.features = {{O.rect(0, 0, 80, 100).to_wkt(), {{"BSM", std::string("T")}}}};
  // The red line and the protected areas are in the plan, empty: every change rule is evaluated.
  test::write_gpkg(path, {before, after, farm, town, test::catalogue_layer("STBHHX"), test::catalogue_layer("ZRBHD")});
}

const change::Change* find(const change::DiffResult& r, const std::string& before, const std::string& after) {
  for (const auto& c : r.changes)
    if (c.before_bsm == before && c.after_bsm == after) return &c;
  return nullptr;
}

class DiffArea : public ::testing::Test {
 protected:
  void SetUp() override { write_city(dir_ / "city.gpkg"); }
  change::DiffResult run(area::AreaMode mode) const {
    change::DiffOptions o;
    o.before = o.after = o.plan = (dir_ / "city.gpkg").string();
    o.min_area_m2 = 0.99995;
    o.area = mode;
    o.jobs = 2;
    return change::run_diff(o);
  }
  test::TempDir dir_;
};

TEST_F(DiffArea, PlanarGivesThePlaneAreaOfEveryFigure) {
  const change::DiffResult r = run(area::AreaMode::Planar);
  EXPECT_EQ(r.area, area::AreaMode::Planar);
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.slivers, 0u) << "the 1 m² piece is not below 0.99995 m² as a plane area";

  const auto* a = find(r, "A", "A");  // the whole patch (same BSM, same shape)
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->classes, (std::vector<std::string>{"非农化", "新增建设用地"}));
  EXPECT_NEAR(a->area_m2, 5000.0, 1e-6);
  ASSERT_TRUE(a->zone_m2.count("YJJBNT") == 1 && a->zone_m2.count("CZKFBJ") == 1);
  EXPECT_NEAR(a->zone_m2.at("YJJBNT"), 2500.0, 1e-6);
  EXPECT_NEAR(a->zone_m2.at("CZKFBJ"), 1000.0, 1e-6);

  const auto* c = find(r, "C", "C2");  // a piece of a split patch (overlaid)
  ASSERT_NE(c, nullptr);
  EXPECT_NEAR(c->area_m2, 2000.0, 1e-6);
  EXPECT_NEAR(c->zone_m2.at("YJJBNT"), 0.0, 1e-9);
  ASSERT_EQ(c->zone_m2.count("CZKFBJ"), 1u);
  EXPECT_NEAR(c->zone_m2.at("CZKFBJ"), 1000.0, 1e-6);

  const auto* d = find(r, "D", "D2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->classes, (std::vector<std::string>{"进出平衡_进", "林地减少"}));
  EXPECT_NEAR(d->area_m2, 1.0, 1e-6);
  EXPECT_NEAR(r.areas().at("非农化"), 7000.0, 1e-6);
}

TEST_F(DiffArea, EllipsoidalDiffersFromThePlaneArea) {
  const change::DiffResult r = run(area::AreaMode::Ellipsoidal);
  test::GeodesicReference ref;
  const auto* a = find(r, "A", "A");
  ASSERT_NE(a, nullptr);
  const double ell = ref.area_m2(O.rect(0, 0, 100, 50));
  EXPECT_NEAR(a->area_m2, ell, 1e-6 * ell);
  EXPECT_GT(5000.0 - a->area_m2, 0.3) << "the 椭球面积 here is about 0.44 m² below the plane area";
  EXPECT_NEAR(a->zone_m2.at("YJJBNT"), ref.area_m2(O.rect(0, 0, 50, 50)), 1e-6 * 2500);
  // The 1 m² piece is 0.99991 m² on the ellipsoid: below 0.99995, a sliver.
  EXPECT_EQ(find(r, "D", "D2"), nullptr);
  EXPECT_EQ(r.slivers, 1u);
  EXPECT_NEAR(r.sliver_m2, ref.area_m2(O.rect(200, 0, 201, 1)), 1e-6);
  EXPECT_LT(r.sliver_m2, 0.99995);
}

TEST_F(DiffArea, CliSaysWhichAreaInJsonAndGeoPackage) {
  const fs::path city = dir_ / "city.gpkg", out = dir_ / "diff.gpkg";
  const auto res =
      test::run_guotu("diff --before " + test::shell_quote(city) + " --after " + test::shell_quote(city) + " --plan " +
                      test::shell_quote(city) + " --area planar --min-area 0.99995 --json --out " +
                      test::shell_quote(out) + " 2>/dev/null");
  EXPECT_EQ(res.exit_code, 1) << "new construction in 永久基本农田: 疑似违法";
  const auto j = nlohmann::json::parse(res.out);
  EXPECT_EQ(j.at("area"), "planar");
  EXPECT_NEAR(j.at("areas_m2").at("非农化").get<double>(), 7000.0, 1e-6);
  const auto md = test::sqlite_rows(out, "SELECT metadata FROM gpkg_metadata");
  ASSERT_FALSE(md.empty());
  EXPECT_TRUE(test::contains(md[0][0], "投影面积")) << md[0][0];
  const auto title = test::sqlite_rows(
      out, "SELECT title FROM gpkg_data_columns WHERE table_name='changes' AND column_name='area_m2'");
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0][0], "投影面积(平方米)");
  const auto areas = test::sqlite_rows(out, "SELECT area_m2 FROM changes ORDER BY area_m2");
  ASSERT_EQ(areas.size(), 3u);
  EXPECT_NEAR(std::stod(areas[2][0]), 5000.0, 1e-6);

  const auto ell = test::run_guotu("diff --before " + test::shell_quote(city) + " --after " + test::shell_quote(city) +
                                   " --json --out " + test::shell_quote(dir_ / "ell.gpkg") + " 2>/dev/null");
  EXPECT_EQ(nlohmann::json::parse(ell.out).at("area"), "ellipsoidal");
  EXPECT_EQ(test::run_guotu("diff --before " + test::shell_quote(city) + " --after " + test::shell_quote(city) +
                            " --area flat --out " + test::shell_quote(dir_ / "no.gpkg") + " 2>/dev/null")
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(dir_ / "no.gpkg"));
}

// Schema first: both vintages lack DLBM; one refusal names both (the layers are looked at before
// any geometry is read).
TEST(DiffSchema, EveryMissingFieldInOneMessage) {
  test::TempDir dir;
  gdal::LayerSpec spec;
  spec.crs = "EPSG:4527";
  spec.fields = {{"BSM", gdal::FieldType::String, 18, "标识码", false}};
  test::LayerFixture before{spec, {{O.rect(0, 0, 10, 10).to_wkt(), {{"BSM", std::string("1")}}}}};
  before.spec.name = "DLTB";
  before.spec.title = "地类图斑";
  test::write_gpkg(dir / "before.gpkg", {before});
  test::LayerFixture after = before;
  test::write_gpkg(dir / "after.gpkg", {after});
  change::DiffOptions o;
  o.before = (dir / "before.gpkg").string();
  o.after = (dir / "after.gpkg").string();
  const Error e = test::error_of([&] { (void)change::run_diff(o); });
  EXPECT_EQ(e.kind(), ErrorKind::BadInput);
  const std::string m = e.what();
  EXPECT_TRUE(test::contains(m, "DLBM (for 地类编码 of --before " + o.before + ")")) << m;
  EXPECT_TRUE(test::contains(m, "DLBM (for 地类编码 of --after " + o.after + ")")) << m;

  // The command line: exit 2, one message, no output.
  const auto res = test::run_guotu("diff --before " + test::shell_quote(dir / "before.gpkg") + " --after " +
                                   test::shell_quote(dir / "after.gpkg") + " --out " +
                                   test::shell_quote(dir / "out.gpkg") + " 2>&1");
  EXPECT_EQ(res.exit_code, 2);
  EXPECT_TRUE(test::contains(res.out, "地类编码 of --before") && test::contains(res.out, "地类编码 of --after"))
      << res.out;
  EXPECT_EQ(std::count(res.out.begin(), res.out.end(), '\n'), 1) << "one message: " << res.out;
  EXPECT_FALSE(fs::exists(dir / "out.gpkg"));
}

}  // namespace
