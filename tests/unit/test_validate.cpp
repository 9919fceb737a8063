// guotu validate beyond its checks: the rule file's loader, the CLI (exit codes, JSON, the QA
// GeoPackage, --fix) and the repaired copy. Each check, with a case that must report it and one
// that must not, is a case file in tests/cases/validate (test_validate_cases.cpp); the plans here
// start from that folder's clean_city.yaml.
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "support.hpp"
#include "validate/fix.hpp"
#include "validate/rules.hpp"
#include "validate/validator.hpp"

namespace fs = std::filesystem;
namespace v = guotu::validate;
using guotu::test::layer_named;

namespace {

/// One county 200 m × 100 m covered exactly by two DLTB patches with the right areas
/// (tests/cases/validate/clean_city.yaml), near 116.45°E 36.04°N in EPSG:4527.
std::vector<guotu::test::LayerFixture> clean_city() {
  return guotu::test::plan_layers(
      YAML::LoadFile(guotu::test::data_file("tests/cases/validate/clean_city.yaml").string())["plan"]);
}

v::ValidationReport run(const fs::path& path, v::ValidateOptions o = {}) {
  if (o.jobs == 0) o.jobs = 2;
  return v::validate(path.string(), o);
}

std::string dump(const v::ValidationReport& r) {
  std::string s;
  for (const auto& f : r.findings) s += f.check + " " + f.layer + " " + f.message + "\n";
  return s;
}

}  // namespace

// ------------------------------------------------------------------ rule file

TEST(ValidateRules, EmbeddedFileDefinesEveryCheck) {
  const auto rs = v::RuleSet::load();
  EXPECT_EQ(rs.checks().size(), v::check_codes().size());
  EXPECT_EQ(rs.check("COVERAGE_GAP").name_zh, "图斑缝隙");
  EXPECT_DOUBLE_EQ(rs.threshold("COVERAGE_GAP", "min_width_m"), 1.0);
  EXPECT_EQ(rs.working_crs, "EPSG:4527");
  EXPECT_EQ(rs.gap_units.at("DLTB"), "XZQ");
}

TEST(ValidateRules, ErrorsNameFileAndLine) {
  guotu::test::TempDir dir;
  std::ifstream in(guotu::test::data_file("data/validate/rules.yaml"));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto load_variant = [&](const std::string& from, const std::string& to) -> std::string {
    std::string t = text;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    const fs::path p = dir / "rules.yaml";
    std::ofstream(p) << t;
    try {
      (void)v::RuleSet::load(p);
    } catch (const guotu::Error& e) {
      EXPECT_EQ(e.exit_code(), 2);
      EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
      EXPECT_TRUE(e.where().line.has_value()) << e.what();
      return e.what();
    }
    ADD_FAILURE() << "accepted a broken rule file: " << from << " → " << to;
    return {};
  };
  EXPECT_NE(load_variant("code: CODE_LOST_ZERO", "code: CODE_BOGUS").find("unknown check code"), std::string::npos);
  EXPECT_NE(load_variant("{min_area_m2: 1.0, min_width_m: 1.0}", "{min_area_m2: 1.0}").find("min_width_m"),
            std::string::npos);
  EXPECT_NE(load_variant("    severity: 错误", "    severity: 严重").find("severity"), std::string::npos);
  EXPECT_NE(load_variant("tolerance_m2: 1.0", "tolerance_m2: many").find("number"), std::string::npos);
}

// ------------------------------------------------------------------ outputs and CLI

TEST(ValidateCli, LiaochengCountiesSixSelfIntersections) {
  const std::string counties = guotu::test::data_file("data/admin/liaocheng_counties.geojson").string();
  const auto r = guotu::test::run_guotu("validate " + counties + " --json 2>/dev/null");
  ASSERT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["errors"].size(), 6u) << r.out;
  for (const auto& e : j["errors"]) {
    EXPECT_EQ(e["check"], "GEOM_INVALID");
    EXPECT_EQ(e["layer"], "liaocheng_counties");
    EXPECT_TRUE(e["fid"].is_number_integer());
    EXPECT_TRUE(e.contains("measure"));
    EXPECT_NE(e["message"].get<std::string>().find("Self-intersection"), std::string::npos);
    // The location, in the working CRS (EPSG:4527): Liaocheng, 115.2–116.6°E.
    EXPECT_GT(e["x"].get<double>(), 39300000);
    EXPECT_LT(e["x"].get<double>(), 39460000);
    EXPECT_GT(e["y"].get<double>(), 3950000);
    EXPECT_LT(e["y"].get<double>(), 4110000);
  }
  EXPECT_EQ(j["counts"]["GEOM_INVALID"], 6);
  EXPECT_EQ(j["counts"]["COVERAGE_GAP"], 0);
}

TEST(ValidateCli, QaGeoPackageAndFixedCopy) {
  guotu::test::TempDir dir;
  const std::string counties = guotu::test::data_file("data/admin/liaocheng_counties.geojson").string();
  const auto qa = dir / "qa.gpkg", fixed = dir / "fixed.gpkg";
  auto r = guotu::test::run_guotu(
      fmt::format("validate {} --out {} --fix {} --json 2>/dev/null", counties, qa.string(), fixed.string()));
  ASSERT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["fix"]["changes"].size(), 6u) << r.out;

  auto src = guotu::gdal::VectorSource::open(qa.string());
  ASSERT_NE(src.find_layer("errors"), nullptr);
  ASSERT_NE(src.find_layer("summary"), nullptr);
  const auto& points = src.require_layer("error_points");
  EXPECT_EQ(points.feature_count(), 6);  // the self-intersection locations
  EXPECT_EQ(src.require_layer("summary").feature_count(), static_cast<std::int64_t>(v::check_codes().size()));
  EXPECT_EQ(
      guotu::test::sqlite_rows(qa,
                               "SELECT count(*) FROM layer_styles WHERE f_table_name IN ('errors','error_points') "
                               "AND useAsDefault = 1 AND length(styleQML) > 100"),
      (std::vector<std::vector<std::string>>{{"2"}}))
      << "errors and error_points carry their default QGIS style";

  // The repaired copy validates clean for geometry; the input is untouched.
  r = guotu::test::run_guotu(fmt::format("validate {} --json 2>/dev/null", fixed.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["counts"]["GEOM_INVALID"], 0);
  EXPECT_EQ(j["errors"].size(), 0u) << r.out;
  r = guotu::test::run_guotu(fmt::format("validate {} --json 2>/dev/null", counties));
  EXPECT_EQ(nlohmann::json::parse(r.out)["counts"]["GEOM_INVALID"], 6) << "the input was modified";
  // Outputs are never overwritten without --overwrite, and --fix may not name the input.
  EXPECT_EQ(guotu::test::run_guotu(fmt::format("validate {} --out {} 2>/dev/null", counties, qa.string())).exit_code,
            2);
  EXPECT_EQ(
      guotu::test::run_guotu(fmt::format("validate {} --fix {} --overwrite 2>/dev/null", counties, counties)).exit_code,
      2);
}

TEST(ValidateCli, FailedRunLeavesNoOutput) {
  guotu::test::TempDir dir;
  guotu::test::write_gpkg(dir / "plan.gpkg", clean_city());
  std::ofstream(dir / "bad.yaml") << "working_crs: EPSG:4527\nchecks: [\n";
  const auto qa = dir / "qa.gpkg", fixed = dir / "fixed.gpkg";
  auto r = guotu::test::run_guotu(fmt::format("validate {} --out {} --fix {} --rules {} 2>/dev/null",
                                              (dir / "plan.gpkg").string(), qa.string(), fixed.string(),
                                              (dir / "bad.yaml").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(qa));
  EXPECT_FALSE(fs::exists(fixed));
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".guotu-tmp"), std::string::npos) << e.path();
  // A layer that does not exist: exit 2, nothing written.
  r = guotu::test::run_guotu(
      fmt::format("validate {} --out {} --layer NOPE 2>/dev/null", (dir / "plan.gpkg").string(), qa.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(qa));
  // The clean plan: exit 0, and the QA file exists with an empty errors layer.
  r = guotu::test::run_guotu(
      fmt::format("validate {} --out {} 2>/dev/null", (dir / "plan.gpkg").string(), qa.string()));
  EXPECT_EQ(r.exit_code, 0);
  auto src = guotu::gdal::VectorSource::open(qa.string());
  EXPECT_EQ(src.require_layer("errors").feature_count(), 0);
}

TEST(ValidateCli, WarningsAloneExitZero) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& fields = layer_named(ls, "DLTB").spec.fields;
  fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "BZ"; }),
               fields.end());
  guotu::test::write_gpkg(dir / "plan.gpkg", ls);
  const auto r = guotu::test::run_guotu(fmt::format("validate {} --json 2>/dev/null", (dir / "plan.gpkg").string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["check"], "SCHEMA_FIELD_MISSING");
  EXPECT_EQ(j["errors"][0]["severity"], "warning");
}

TEST(ValidateFix, SliversMergeIntoLongestSharedEdge) {
  guotu::test::TempDir dir;
  // A 2 m × 2 m sliver (fid 3) at the top of the shared border x = 100: it reaches 0.5 m into
  // patch 1's side and 1.5 m into patch 2's, so its edge with patch 2 (3.5 m: 1.5 + 2) is longer
  // than with patch 1 (2.5 m). EPSG:4527, x = 39450000 + dx, y = 3990000 + dy; areas `auto`.
  const auto ls = guotu::test::plan_layers(YAML::Load(R"yaml(
XZQ:
  - {BSM: X371502, XZQDM: "371502", XZQMC: 县371502, wkt: "POLYGON((39450000 3990000, 39450200 3990000, 39450200 3990100, 39450000 3990100, 39450000 3990000))"}
DLTB:
  - {BSM: "1", DLBM: "0101", DLMC: 水田, ZLDWDM: "3715021000000000000", TBMJ: auto, KCXS: 0, KCMJ: auto, TBDLMJ: auto,
     wkt: "POLYGON((39450000 3990000, 39450100 3990000, 39450100 3990098, 39450099.5 3990098, 39450099.5 3990100, 39450000 3990100, 39450000 3990000))"}
  - {BSM: "2", DLBM: "0101", DLMC: 水田, ZLDWDM: "3715021000000000000", TBMJ: auto, KCXS: 0, KCMJ: auto, TBDLMJ: auto,
     wkt: "POLYGON((39450100 3990000, 39450200 3990000, 39450200 3990100, 39450101.5 3990100, 39450101.5 3990098, 39450100 3990098, 39450100 3990000))"}
  - {BSM: "3", DLBM: "0101", DLMC: 水田, ZLDWDM: "3715021000000000000", TBMJ: auto, KCXS: 0, KCMJ: auto, TBDLMJ: auto,
     wkt: "POLYGON((39450099.5 3990098, 39450101.5 3990098, 39450101.5 3990100, 39450099.5 3990100, 39450099.5 3990098))"}
)yaml"));
  guotu::test::write_gpkg(dir / "plan.gpkg", ls);
  const auto fixed = dir / "fixed.gpkg";
  v::FixOptions fo;
  fo.sliver_max_area_m2 = 10;
  const auto rep = v::write_fixed_copy((dir / "plan.gpkg").string(), fixed.string(), fo);
  ASSERT_EQ(rep.changes.size(), 1u);
  EXPECT_EQ(rep.changes[0].action, "merged");
  EXPECT_EQ(rep.changes[0].fid, 3);
  EXPECT_NE(rep.changes[0].detail.find("fid 2"), std::string::npos) << rep.changes[0].detail;
  const auto r = run(fixed);
  EXPECT_TRUE(r.findings.empty()) << "TBMJ was recomputed, no gap left\n" << dump(r);
  auto src = guotu::gdal::VectorSource::open(fixed.string());
  EXPECT_EQ(src.require_layer("DLTB").feature_count(), 2);
  EXPECT_EQ(guotu::gdal::VectorSource::open((dir / "plan.gpkg").string()).require_layer("DLTB").feature_count(), 3);
}
