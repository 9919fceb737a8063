// End to end: the guotu binary on a tiny plan and projects built here. Exit codes, the JSON
// contract (PRODUCT.md §6), the GeoPackage layers and styles, and no output after a failure.
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace guotu;

namespace {

const test::Origin O{39440000, 4030000};

using test::Feature;
using test::shell_quote;

// A 生态保护红线 (x 0–100), 永久基本农田 over a 耕地 patch (x 200–300, grade 7, 10 % 田坎).
void write_plan(const fs::path& path) {
  auto red = test::catalogue_layer("STBHHX"), farm = test::catalogue_layer("YJJBNT"),
       dltb = test::catalogue_layer("DLTB");
  red.features.push_back(
      Feature{O.rect(0, 0, 100, 100).to_wkt(), {{"BSM", std::string("A")}, {"HXMC", std::string("马颊河生态红线")}}});
  farm.features.push_back(Feature{O.rect(200, 0, 300, 100).to_wkt(), {{"BSM", std::string("F")}}});
  dltb.features.push_back(
      Feature{O.rect(200, 0, 300, 100).to_wkt(),
              {{"BSM", std::string("D")}, {"DLBM", std::string("0101")}, {"KCXS", 0.1}, {"GDDB", std::int64_t{7}}}});
  test::write_gpkg(path, {red, farm, dltb});
}

void write_projects(const fs::path& path) {
  auto xmyd = test::catalogue_layer("XMYD");
  // Half in the red line: 禁止.
  xmyd.features.push_back(
      Feature{O.rect(50, 0, 150, 100).to_wkt(),
              {{"BSM", std::string("P1")}, {"XMMC", std::string("某住宅项目")}, {"XMLX", std::string("居住")}}});
  // On 永久基本农田 with approval as a major project: passes.
  xmyd.features.push_back(Feature{O.rect(250, 0, 350, 100).to_wkt(),
                                  {{"BSM", std::string("P2")},
                                   {"XMMC", std::string("某高速")},
                                   {"XMLX", std::string("重大项目")},
                                   {"PZWH", std::string("鲁政土字〔2024〕1号")},
                                   {"XZQDM", std::string("371502")}}});
  test::write_gpkg(path, {xmyd});
}

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_plan(dir_ / "plan.gpkg");
    write_projects(dir_ / "projects.gpkg");
  }
  std::string base() const {
    return "check --plan " + shell_quote(dir_ / "plan.gpkg") + " --projects " + shell_quote(dir_ / "projects.gpkg");
  }
  test::TempDir dir_;
};

TEST_F(CheckCli, JsonContractExitCodeAndGeoPackage) {
  const fs::path out = dir_ / "check.gpkg";
  const fs::path occ = dir_ / "occupancy.json";
  const auto r =
      test::run_guotu(base() + " --out " + shell_quote(out) + " --json --jobs 2 --occupancy-json " + shell_quote(occ));
  ASSERT_EQ(r.exit_code, 1) << r.out;  // a 禁止 violation
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("projects"), 2);
  ASSERT_EQ(j.at("violations").size(), 1u);
  const auto& v = j["violations"][0];
  EXPECT_EQ(v.at("project"), "P1");
  EXPECT_EQ(v.at("rule"), "R-STBHHX-FORBID");
  EXPECT_EQ(v.at("severity"), "禁止");
  // 50 m × 100 m at k ≈ 1.0000443: the 椭球面积 is a little smaller than the planar 5000 m².
  EXPECT_NEAR(v.at("area_m2").get<double>(), 5000.0, 1.0);
  EXPECT_LT(v.at("area_m2").get<double>(), 5000.0);
  EXPECT_NEAR(j.at("totals").at("R-STBHHX-FORBID").get<double>(), v.at("area_m2").get<double>(), 1e-9);
  EXPECT_EQ(j.at("totals").at("R-YJJBNT-APPROVAL"), 0.0);
  EXPECT_EQ(j.at("approved").size(), 1u);
  // Layers the plan lacks are listed, not silently passed.
  bool czkfbj_listed = false;
  for (const auto& n : j.at("not_evaluated")) czkfbj_listed |= n.at("rule") == "R-CZKFBJ-WITHIN";
  EXPECT_TRUE(czkfbj_listed);

  // GeoPackage: the three layers, styled; verdicts on projects.
  auto src = gdal::VectorSource::open(out.string());
  ASSERT_NE(src.find_layer("violations"), nullptr);
  ASSERT_NE(src.find_layer("projects"), nullptr);
  ASSERT_NE(src.find_layer("occupancy"), nullptr);
  EXPECT_EQ(src.find_layer("violations")->feature_count(), 1);
  EXPECT_EQ(src.find_layer("violations")->crs()->epsg, 4527);
  const auto projects = src.find_layer("projects")->read_all();
  ASSERT_EQ(projects.size(), 2u);
  const auto verdict = *src.find_layer("projects")->field_index("verdict");
  EXPECT_EQ(gdal::as_text(projects[0].values[verdict]), "禁止");
  EXPECT_EQ(gdal::as_text(projects[1].values[verdict]), "通过");
  std::vector<std::string> styled;
  for (const auto& row : test::sqlite_rows(out, "SELECT f_table_name FROM layer_styles ORDER BY f_table_name"))
    styled.push_back(row.at(0));
  EXPECT_EQ(styled, (std::vector<std::string>{"projects", "violations"}));

  // The occupancy hand-over: P2 takes 50 × 100 m² of 0101 grade 7, 10 % 田坎.
  std::ifstream in(occ);
  const auto o = nlohmann::json::parse(in);
  EXPECT_EQ(o.at("format"), "guotu-occupancy");
  ASSERT_EQ(o.at("occupations").size(), 2u);
  const auto& p2 = o["occupations"][1];
  EXPECT_EQ(p2.at("project"), "P2");
  EXPECT_EQ(p2.at("county"), "371502");
  EXPECT_EQ(p2.at("approval"), "鲁政土字〔2024〕1号");
  EXPECT_EQ(p2.at("date"), "");
  EXPECT_NEAR(p2.at("cultivated_net_m2").get<double>(), 4500.0, 1.0);
  EXPECT_EQ(p2.at("by_grade")[0].at("grade"), 7);
  EXPECT_NEAR(p2.at("capacity_std_m2").get<double>(), 4500.0 * 9.0 / 15.0, 1.0);
}

TEST_F(CheckCli, FailedRunsLeaveNoOutput) {
  const fs::path out = dir_ / "check.gpkg";
  // An invalid rule file: exit 2, nothing written.
  {
    std::ofstream f(dir_ / "bad.yaml");
    f << "rules:\n  - id: X\n    name_zh: x\n    name_en: x\n    kind: nonsense\n    severity: 禁止\n    source: s\n   "
         " layer: STBHHX\n";
  }
  EXPECT_EQ(
      test::run_guotu(base() + " --out " + shell_quote(out) + " --rules " + shell_quote(dir_ / "bad.yaml")).exit_code,
      2);
  EXPECT_FALSE(fs::exists(out));
  // A missing plan: exit 2, nothing written.
  EXPECT_EQ(test::run_guotu("check --plan " + shell_quote(dir_ / "nope.gpkg") + " --projects " +
                            shell_quote(dir_ / "projects.gpkg") + " --out " + shell_quote(out))
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(out));
  // --strict with rule layers the plan lacks: exit 2, nothing written.
  EXPECT_EQ(test::run_guotu(base() + " --out " + shell_quote(out) + " --strict").exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  // No leftover temporaries either.
  for (const auto& e : fs::directory_iterator(dir_.path()))
    EXPECT_EQ(e.path().filename().string().find(".check.gpkg"), std::string::npos) << e.path();
  // An existing output is not replaced without --overwrite.
  { std::ofstream(out) << "keep"; }
  EXPECT_EQ(test::run_guotu(base() + " --out " + shell_quote(out)).exit_code, 2);
  EXPECT_EQ(fs::file_size(out), 4u);
  EXPECT_EQ(test::run_guotu(base() + " --out " + shell_quote(out) + " --overwrite").exit_code, 1);
  EXPECT_GT(fs::file_size(out), 4u);
}

TEST_F(CheckCli, ProjectsWithoutCrsAreRefused) {
  // A Shapefile without .prj: no CRS, exit 2 and a message saying so.
  const fs::path shp = dir_ / "noproj.shp";
  GDALAllRegister();
  GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
  GDALDatasetH ds = GDALCreate(drv, shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  ASSERT_NE(ds, nullptr);
  OGRLayerH l = GDALDatasetCreateLayer(ds, "noproj", nullptr, wkbPolygon, nullptr);
  for (const char* name : {"BSM", "XMLX"}) {
    OGRFieldDefnH fd = OGR_Fld_Create(name, OFTString);
    ASSERT_EQ(OGR_L_CreateField(l, fd, 1), OGRERR_NONE);
    OGR_Fld_Destroy(fd);
  }
  OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(l));
  OGR_F_SetFieldString(f, 0, "P1");
  OGR_F_SetFieldString(f, 1, "居住");
  OGRGeometryH g = nullptr;
  std::string wkt = "POLYGON((39440050 4030000,39440150 4030000,39440150 4030100,39440050 4030100,39440050 4030000))";
  char* p = wkt.data();
  OGR_G_CreateFromWkt(&p, nullptr, &g);
  OGR_F_SetGeometryDirectly(f, g);
  ASSERT_EQ(OGR_L_CreateFeature(l, f), OGRERR_NONE);
  OGR_F_Destroy(f);
  GDALClose(ds);
  const fs::path out = dir_ / "check.gpkg";
  EXPECT_EQ(test::run_guotu("check --plan " + shell_quote(dir_ / "plan.gpkg") + " --projects " + shell_quote(shp) +
                            " --out " + shell_quote(out))
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(out));
  // Saying what it is makes it work (P1 lies half in the red line).
  EXPECT_EQ(test::run_guotu("check --plan " + shell_quote(dir_ / "plan.gpkg") + " --projects " + shell_quote(shp) +
                            " --out " + shell_quote(out) + " --assume-crs EPSG:4527")
                .exit_code,
            1);
}

}  // namespace
