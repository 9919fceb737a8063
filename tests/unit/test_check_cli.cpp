// End to end: the guotu binary on a tiny plan and projects built here. Exit codes, the JSON
// contract (PRODUCT.md §6), the GeoPackage layers and styles, and no output after a failure.
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <set>

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
  const auto r = test::run_guotu(base() + " --out " + shell_quote(out) + " --json --jobs 2 --occupancy-json " +
                                 shell_quote(occ) + " 2>" + shell_quote(dir_ / "stderr.txt"));
  // A 禁止 violation, but the plan has the layers of 2 of the 12 rules: the check is incomplete,
  // its outputs are written, and it exits 2.
  ASSERT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(test::read_file(dir_ / "stderr.txt").find("审查不完整"), std::string::npos);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("complete"), false);
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
  // Layers the plan lacks are listed, not silently passed: once for the run, naming the plan …
  bool czkfbj_listed = false;
  for (const auto& n : j.at("not_evaluated")) {
    czkfbj_listed |= n.at("rule") == "R-CZKFBJ-WITHIN";
    EXPECT_EQ(n.at("file"), (dir_ / "plan.gpkg").string());
    EXPECT_EQ(n.at("reason").get<std::string>().rfind("规划数据中没有图层 " + n.at("layer").get<std::string>(), 0), 0u);
  }
  EXPECT_TRUE(czkfbj_listed);
  // … and on each project they apply to: R-CZKFBJ-WITHIN (居住 商业 工业 仓储 only) on P1 (居住),
  // not on P2 (重大项目). P2 breaks nothing it could be judged on: 未完整审查, not 通过.
  auto unjudged = [&](std::size_t i) {
    std::set<std::string> s;
    for (const auto& n : j.at("verdicts")[i].at("not_evaluated")) s.insert(n.at("rule").get<std::string>());
    return s;
  };
  EXPECT_EQ(unjudged(0).size(), 10u);
  EXPECT_EQ(unjudged(0).count("R-CZKFBJ-WITHIN"), 1u);
  EXPECT_EQ(unjudged(1).size(), 9u);
  EXPECT_EQ(unjudged(1).count("R-CZKFBJ-WITHIN"), 0u);
  EXPECT_EQ(j.at("verdicts")[0].at("verdict"), "禁止");
  EXPECT_EQ(j.at("verdicts")[1].at("verdict"), "未完整审查");
  EXPECT_EQ(j.at("verdict_counts").at("未完整审查"), 1);
  EXPECT_EQ(j.at("verdict_counts").at("通过"), 0);

  // GeoPackage: the four layers, two styled; verdicts and what was not evaluated on projects.
  auto src = gdal::VectorSource::open(out.string());
  ASSERT_NE(src.find_layer("violations"), nullptr);
  ASSERT_NE(src.find_layer("projects"), nullptr);
  ASSERT_NE(src.find_layer("occupancy"), nullptr);
  ASSERT_NE(src.find_layer("not_evaluated"), nullptr);
  // 10 rules for the run, 10 on P1 and 9 on P2.
  EXPECT_EQ(src.find_layer("not_evaluated")->feature_count(), 10 + 10 + 9);
  EXPECT_EQ(src.find_layer("violations")->feature_count(), 1);
  EXPECT_EQ(src.find_layer("violations")->crs()->epsg, 4527);
  const auto projects = src.find_layer("projects")->read_all();
  ASSERT_EQ(projects.size(), 2u);
  const auto verdict = *src.find_layer("projects")->field_index("verdict");
  EXPECT_EQ(gdal::as_text(projects[0].values[verdict]), "禁止");
  EXPECT_EQ(gdal::as_text(projects[1].values[verdict]), "未完整审查");
  const auto why = *src.find_layer("projects")->field_index("not_evaluated");
  EXPECT_NE(gdal::as_text(projects[1].values[why]).find("R-SZBHFW-FORBID：规划数据中没有图层 SZBHFW（水体保护范围）"),
            std::string::npos);
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
  // The ledger reads the verdict: an incomplete check is not a clean bill.
  EXPECT_EQ(o["occupations"][0].at("verdict"), "禁止");
  EXPECT_EQ(p2.at("verdict"), "未完整审查");
  EXPECT_EQ(p2.at("not_evaluated").size(), 9u);
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
  EXPECT_EQ(test::run_guotu(base() + " --out " + shell_quote(out) + " --overwrite").exit_code, 2);  // incomplete
  EXPECT_GT(fs::file_size(out), 4u);
}

// The exit contract with the rules the plan can answer: a complete check exits 1 on a 禁止
// violation and 0 when every project passes; an incomplete one exits 2 even without --strict,
// and --strict refuses it before writing anything.
TEST_F(CheckCli, ExitCodesSayWhetherTheCheckIsComplete) {
  const std::string shipped = test::read_file(test::source_dir() / "data/rules/liaocheng.yaml");
  auto rules_of = [&](const std::vector<std::string>& ids) {
    // The shipped rules, cut down to the ids given (each rule is the text from its `- id:` line
    // to the next).
    std::string out = "rules:\n";
    for (const auto& id : ids) {
      const auto begin = shipped.find("  - id: " + id + "\n");
      EXPECT_NE(begin, std::string::npos) << id;
      const auto end = shipped.find("\n  - id: ", begin + 1);
      out += shipped.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
    }
    return out;
  };
  auto run = [&](const std::string& name, const std::string& rules, const std::string& extra = {}) {
    { std::ofstream(dir_ / (name + ".yaml")) << rules; }
    return test::run_guotu(base() + " --out " + shell_quote(dir_ / (name + ".gpkg")) + " --rules " +
                           shell_quote(dir_ / (name + ".yaml")) + extra + " 2>&1");
  };
  // STBHHX and YJJBNT are in the plan: P1 禁止 (red line), P2 approved: complete, exit 1.
  auto r = run("both", rules_of({"R-STBHHX-FORBID", "R-YJJBNT-APPROVAL"}));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("verdicts: 禁止 1, 未完整审查 0, 需审批 0, 提示 0, 通过 1, 跳过 0"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("审查不完整"), std::string::npos) << r.out;
  // Only YJJBNT: P1 does not touch it, P2 is approved: exit 0.
  r = run("farm", rules_of({"R-YJJBNT-APPROVAL"}));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // Add the water-body rule, whose layer the plan lacks: P2 (重大项目) is 未完整审查, exit 2,
  // the rule named with the plan and why, the outputs written.
  r = run("water", rules_of({"R-YJJBNT-APPROVAL", "R-SZBHFW-FORBID"}));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("verdicts: 禁止 0, 未完整审查 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("R-SZBHFW-FORBID 水体保护范围内禁止建设：" + (dir_ / "plan.gpkg").string() +
                       "：规划数据中没有图层 SZBHFW（水体保护范围）（2 个项目未审查此规则）"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("guotu: error: 审查不完整：2 个项目有规则未审查（2 个判为未完整审查），0 个项目跳过"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "water.gpkg"));
  // --strict: refused at once, nothing written.
  r = run("strict", rules_of({"R-YJJBNT-APPROVAL", "R-SZBHFW-FORBID"}), " --strict");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("rule R-SZBHFW-FORBID"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cannot be evaluated: 规划数据中没有图层 SZBHFW（水体保护范围） (--strict)"), std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "strict.gpkg"));
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
  // Saying what it is makes it work (P1 lies half in the red line; 9 rules lack their layers).
  const auto r = test::run_guotu("check --plan " + shell_quote(dir_ / "plan.gpkg") + " --projects " + shell_quote(shp) +
                                 " --out " + shell_quote(out) + " --assume-crs EPSG:4527 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("verdicts: 禁止 1"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(out));
}

}  // namespace
