// The sample city, checked independently of guotu: totals by OGR SQL (SQLite dialect with
// SpatiaLite functions, planar areas — the calibration is of shares, which planar and
// ellipsoidal areas give alike to 1e-4), coverage by pairwise GEOS overlay.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

class SampleCity : public ::testing::Test {
 protected:
  static fs::path dir_;
  static fs::path city_;
  static fs::path defects_;

  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("guotu-sample-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    city_ = guotu::test::sample_city(false);
    defects_ = guotu::test::sample_city(true);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // One number from an OGR SQL query (SQLite dialect): the first column of the first row.
  static double sql_number(const fs::path& file, const std::string& query) {
    const auto rows = guotu::test::ogr_sql_rows(file, query);
    return rows.empty() || rows[0].empty() || rows[0][0].empty() ? std::nan("") : std::stod(rows[0][0]);
  }
  static std::set<std::string> sql_strings(const fs::path& file, const std::string& query) {
    std::set<std::string> out;
    for (const auto& row : guotu::test::ogr_sql_rows(file, query)) out.insert(row.at(0));
    return out;
  }
};
fs::path SampleCity::dir_;
fs::path SampleCity::city_;
fs::path SampleCity::defects_;

void expect_share(double got, double want) {
  EXPECT_LE(std::abs(got - want) / want, 0.02) << "got " << got << " want " << want;
}

// Σ pairwise overlap area within a polygon layer, by GEOS (independent of guotu validate).
double overlap_area(const fs::path& file, const std::string& layer_a, const std::string& layer_b) {
  auto src = guotu::gdal::VectorSource::open(file.string());
  auto a = src.require_layer(layer_a).read_all();
  auto b = layer_a == layer_b ? std::vector<guotu::gdal::Feature>{} : src.require_layer(layer_b).read_all();
  const auto& other = layer_a == layer_b ? a : b;
  std::vector<std::pair<guotu::Envelope, std::size_t>> items;
  for (std::size_t i = 0; i < other.size(); ++i) items.push_back({other[i].geometry.envelope(), i});
  guotu::index::EnvelopeIndex idx(items);
  double total = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j : idx.query(a[i].geometry.envelope())) {
      if (layer_a == layer_b && j <= i) continue;
      if (!a[i].geometry.intersects(other[j].geometry)) continue;
      total += a[i].geometry.intersection(other[j].geometry).polygonal_part().planar_area();
    }
  }
  return total;
}

}  // namespace

TEST_F(SampleCity, CalibratedToTheSeedFigures) {
  const double land = sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM DLTB");
  // The real (generalised) county boundaries: about 8,640 km² (data/admin/PROVENANCE.md).
  EXPECT_NEAR(land / 1e6, 8640.0, 8640.0 * 0.02);
  const double cultivated =
      sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM DLTB WHERE DLBM IN ('0101','0102','0103')");
  expect_share(cultivated / land, 0.64);
  // 建设用地 (三调): 05 06 07 08 09, 1001-1005 1007-1009, 1109 水工建筑, 1201 空闲地.
  const double construction =
      sql_number(city_,
                 "SELECT SUM(ST_Area(geom)) FROM DLTB WHERE substr(DLBM,1,2) IN ('05','06','07','08','09') "
                 "OR substr(DLBM,1,4) IN ('1001','1002','1003','1004','1005','1007','1008','1009','1109','1201')");
  expect_share(construction / land, 0.2128);
  const double forest =
      sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM DLTB WHERE substr(DLBM,1,4) IN ('0301','0302','0305','0307')");
  expect_share(forest / land, 0.10);
  // 13 natural parks, 10.2万亩 (seed000 L655).
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(DISTINCT ZRBHDMC) FROM ZRBHD"), 13);
  expect_share(sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM ZRBHD") / (10000.0 / 15.0) / 1e4, 10.2);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM ZRBHD WHERE GNFQ = '核心保护区'"), 13);
}

TEST_F(SampleCity, RealTownsAndKeyTowns) {
  guotu::gdal::initialize();
  const auto codes = sql_strings(city_, "SELECT XZQDM FROM XZQ_XIANG");
  EXPECT_EQ(codes.size(), 136u);
  const auto real =
      sql_strings(guotu::test::data_file("data/admin/admin_units.csv"),
                  "SELECT code FROM admin_units WHERE level = 'town' AND substr(parent_code,1,4) = '3715'");
  EXPECT_EQ(codes, real);
  const auto key = sql_strings(city_, "SELECT XZQMC FROM KJJG WHERE JGLX = '点'");
  EXPECT_EQ(key, (std::set<std::string>{"郑家镇", "烟店镇", "定远寨镇", "古云镇", "石佛镇", "姜楼镇", "乐平铺镇",
                                        "博平镇", "赵寨子镇", "顾官屯镇"}));
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM KJJG WHERE JGLX = '核'"), 3);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM KJJG WHERE JGLX = '星'"), 5);
  // The key towns' codes are the real ones.
  const auto key_codes = sql_strings(city_, "SELECT XZQDM FROM KJJG WHERE JGLX = '点'");
  for (const auto& c : key_codes) EXPECT_TRUE(real.count(c)) << c;
}

TEST_F(SampleCity, DltbIsAValidCoverage) {
  // No overlaps …
  EXPECT_LT(overlap_area(city_, "DLTB", "DLTB"), 1.0);
  // … and no gaps: inside each county, what the patches leave uncovered is nothing above 1 m².
  {
    auto src = guotu::gdal::VectorSource::open(city_.string());
    auto counties = src.require_layer("XZQ").read_all();
    auto patches = src.require_layer("DLTB").read_all();
    for (const auto& c : counties) {
      std::vector<guotu::geos::Geometry> inside;
      for (const auto& p : patches)
        if (p.geometry.envelope().intersects(c.geometry.envelope()) && c.geometry.intersects(p.geometry))
          inside.push_back(p.geometry.clone());
      guotu::geos::Geometry cover = guotu::geos::Geometry::collect(std::move(inside)).unary_union();
      guotu::geos::Geometry gaps = c.geometry.difference(cover).polygonal_part();
      for (std::size_t i = 0; i < gaps.num_geometries(); ++i)
        EXPECT_LT(gaps.part(i).planar_area(), 1.0) << "county fid " << c.fid;
    }
  }
  // … and the patches add up to the counties they tile.
  const double patches = sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM DLTB");
  const double counties = sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM XZQ");
  EXPECT_NEAR(patches, counties, 1.0);
  // Every patch is valid, and TBDLMJ = TBMJ − KCMJ.
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM DLTB WHERE NOT ST_IsValid(geom)"), 0);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM DLTB WHERE abs(TBDLMJ - (TBMJ - KCMJ)) > 0.011"), 0);
  // Patch sizes: built-up patches are smaller than fields.
  const double built = sql_number(city_, "SELECT AVG(ST_Area(geom)) FROM DLTB WHERE CZCSXM IN ('201','202')");
  const double fields = sql_number(city_, "SELECT AVG(ST_Area(geom)) FROM DLTB WHERE DLBM IN ('0102','0103')");
  EXPECT_LT(built * 2, fields);
}

TEST_F(SampleCity, ThreeControlLinesDoNotOverlap) {
  EXPECT_LT(overlap_area(city_, "CZKFBJ", "YJJBNT"), 1.0);
  EXPECT_LT(overlap_area(city_, "CZKFBJ", "STBHHX"), 1.0);
  EXPECT_LT(overlap_area(city_, "YJJBNT", "STBHHX"), 1.0);
  // 永久基本农田 lies on farmland: about 86 % of it (seed000 L416-417).
  const double yj = sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM YJJBNT");
  const double cultivated =
      sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM DLTB WHERE DLBM IN ('0101','0102','0103')");
  EXPECT_NEAR(yj / cultivated, 0.86, 0.01);
  // With --defects they do overlap, as the sidecar says.
  EXPECT_GT(overlap_area(defects_, "CZKFBJ", "YJJBNT"), 1000.0);
}

TEST_F(SampleCity, StyledAndLabelledSynthetic) {
  for (const char* layer : {"XZQ", "XZQ_XIANG", "DLTB", "DLTB_LATER", "CZKFBJ", "YJJBNT", "STBHHX", "ZRBHD", "KJJG",
                            "ZXCQ", "CSLX", "CSLVX", "CSHX", "CSZX", "GDKZQ", "SZBHFW", "LSWHBHQ", "XMYD"}) {
    SCOPED_TRACE(layer);
    EXPECT_EQ(sql_number(city_, std::string("SELECT COUNT(*) FROM layer_styles WHERE f_table_name = '") + layer +
                                    "' AND useAsDefault = 1 AND styleQML LIKE '%<qgis%'"),
              1);
    EXPECT_EQ(sql_number(city_, std::string("SELECT COUNT(*) FROM gpkg_contents WHERE table_name = '") + layer +
                                    "' AND description LIKE 'SYNTHETIC%'"),
              1);
  }
  EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM gpkg_metadata WHERE metadata LIKE '%GUOTU_SYNTHETIC%'"), 0);
}

TEST_F(SampleCity, SidecarsDescribeChangesViolationsAndDefects) {
  EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM sample_changes"), 50);
  EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM sample_changes WHERE CLASS = '非农化' AND IN_YJJBNT = 1"), 0);
  EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM sample_changes WHERE CLASS = '进出平衡_出'"), 0);
  EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM sample_changes WHERE CLASS = '进出平衡_进'"), 0);
  // Every change is real: the before code is in DLTB and the after code in DLTB_LATER.
  EXPECT_EQ(sql_number(city_,
                       "SELECT COUNT(*) FROM sample_changes c WHERE NOT EXISTS (SELECT 1 FROM DLTB d WHERE d.BSM = "
                       "c.BSM AND d.DLBM = c.DLBM_BEFORE)"),
            0);
  EXPECT_EQ(sql_number(city_,
                       "SELECT COUNT(*) FROM sample_changes c WHERE NOT EXISTS (SELECT 1 FROM DLTB_LATER d WHERE d.BSM "
                       "= c.BSM_LATER AND d.DLBM = c.DLBM_AFTER)"),
            0);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM XMYD"), 200);
  EXPECT_GT(sql_number(city_, "SELECT COUNT(DISTINCT XMYD_BSM) FROM sample_expected_violations"), 40);
  EXPECT_EQ(sql_number(city_,
                       "SELECT COUNT(*) FROM sample_expected_violations v WHERE NOT EXISTS (SELECT 1 FROM XMYD x WHERE "
                       "x.BSM = v.XMYD_BSM)"),
            0);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'sample_defects'"), 0);
  EXPECT_GE(sql_number(defects_, "SELECT COUNT(DISTINCT CHECK_CODE) FROM sample_defects"), 8);
  // Each recorded defect points at a real feature with that identifier.
  EXPECT_EQ(sql_number(defects_,
                       "SELECT COUNT(*) FROM sample_defects s WHERE s.LAYER = 'DLTB' AND NOT EXISTS (SELECT 1 FROM "
                       "DLTB d WHERE d.fid = s.FEATURE_FID AND d.BSM = s.BSM)"),
            0);
  EXPECT_EQ(sql_number(defects_, "SELECT COUNT(*) FROM DLTB WHERE NOT ST_IsValid(geom)"),
            sql_number(defects_, "SELECT COUNT(*) FROM sample_defects WHERE CHECK_CODE = 'GEOM_INVALID'"));
}

TEST_F(SampleCity, SameSeedSameBytes) {
  const fs::path a = dir_ / "a.gpkg", b = dir_ / "b.gpkg", c = dir_ / "c.gpkg";
  ASSERT_EQ(guotu::test::run_guotu("sample --patches 3000 --seed 7 --out " + a.string() + " 2>/dev/null").exit_code, 0);
  ASSERT_EQ(
      guotu::test::run_guotu("sample --patches 3000 --seed 7 --jobs 1 --out " + b.string() + " 2>/dev/null").exit_code,
      0);
  ASSERT_EQ(guotu::test::run_guotu("sample --patches 3000 --seed 8 --out " + c.string() + " 2>/dev/null").exit_code, 0);
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  EXPECT_TRUE(slurp(a) == slurp(b)) << "same seed, different bytes";
  EXPECT_FALSE(slurp(a) == slurp(c)) << "different seeds, same bytes";
  // The output exists: refusing to overwrite it is a usage error, exit 2.
  EXPECT_EQ(guotu::test::run_guotu("sample --patches 3000 --out " + a.string() + " 2>/dev/null").exit_code, 2);
}

// Every plan layer a shipped rule of data/rules/liaocheng.yaml reads is in the sample city (the
// rule file read with yaml-cpp, the city's tables with OGR SQL), so that check can evaluate every
// rule on it and the sample is never 未完整审查 for want of a layer.
TEST_F(SampleCity, HasEveryLayerTheShippedRulesRead) {
  const YAML::Node rules = YAML::LoadFile((guotu::test::source_dir() / "data/rules/liaocheng.yaml").string())["rules"];
  ASSERT_GE(rules.size(), 12u);
  for (const auto& rule : rules) {
    const std::string layer = rule["layer"].as<std::string>();
    SCOPED_TRACE(rule["id"].as<std::string>() + " reads " + layer);
    EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = '" + layer + "'"), 1);
    EXPECT_GT(sql_number(city_, "SELECT COUNT(*) FROM " + layer), 0);
  }
}

// 水体保护范围: one feature per water body the city file lists, the water and a bank of about
// 10 m (within 10.5 m of the city's river and lake patches in DLTB, save slivers where corridors
// cross; mostly water); 历史文化核心保护区: the city file's areas, inside the central city and at
// least 60 m from the other urban control lines and the 水体保护范围. Catalogue fields are filled.
TEST_F(SampleCity, WaterProtectionAndHistoricAreas) {
  const YAML::Node city =
      YAML::LoadFile((guotu::test::source_dir() / "data/cities/liaocheng/sample.yaml").string())["central_city"];
  std::set<std::string> water_names, historic_names;
  for (const auto& w : city["water_protection"]["water"]) water_names.insert(w.as<std::string>() + "水体保护范围");
  for (const auto& h : city["historic_areas"]) historic_names.insert(h["name"].as<std::string>());
  ASSERT_FALSE(water_names.empty());
  ASSERT_FALSE(historic_names.empty());
  EXPECT_EQ(sql_strings(city_, "SELECT MC FROM SZBHFW"), water_names);
  EXPECT_EQ(sql_strings(city_, "SELECT MC FROM LSWHBHQ"), historic_names);
  for (const char* layer : {"SZBHFW", "LSWHBHQ"}) {
    SCOPED_TRACE(layer);
    const std::string l = layer;
    EXPECT_EQ(sql_number(city_, "SELECT COUNT(DISTINCT BSM) FROM " + l),
              sql_number(city_, "SELECT COUNT(*) FROM " + l));
    EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM " + l + " WHERE BSM IS NULL OR MC IS NULL OR NOT MJ > 0"), 0);
    // MJ is the 椭球面积: within 0.5 % of the planar area (Gauss-Krüger scale, 1-2° off 117°E).
    EXPECT_LT(sql_number(city_, "SELECT MAX(ABS(MJ - ST_Area(geom)) / ST_Area(geom)) FROM " + l), 5e-3);
  }
  const std::string water = "(SELECT ST_Union(geom) FROM DLTB WHERE DLBM IN ('1101','1102'))";
  for (const auto& row : guotu::test::ogr_sql_rows(
           city_, "SELECT MC, ST_Area(geom), ST_Area(ST_Intersection(geom, " + water +
                      ")), COALESCE(ST_Area(ST_Difference(geom, ST_Buffer(" + water + ", 10.5))), 0) FROM SZBHFW")) {
    SCOPED_TRACE(row.at(0));
    const double area = std::stod(row.at(1)), wet = std::stod(row.at(2)), beyond = std::stod(row.at(3));
    EXPECT_GT(wet / area, 0.5);
    EXPECT_LT(beyond / area, 1e-4);
  }
  EXPECT_LT(sql_number(city_,
                       "SELECT COALESCE(ST_Area(ST_Difference((SELECT ST_Union(geom) FROM LSWHBHQ), (SELECT "
                       "ST_Union(geom) FROM ZXCQ))), 0)"),
            1.0);
  for (const char* other : {"CSLX", "CSLVX", "CSHX", "CSZX", "SZBHFW"}) {
    SCOPED_TRACE(other);
    EXPECT_GE(sql_number(city_, std::string("SELECT MIN(ST_Distance(h.geom, o.geom)) FROM LSWHBHQ h, ") + other + " o"),
              59.9);
  }
  // The planted cases: the water-body ones outside the central city (no blue line to break as
  // well), the historic ones inside an area.
  EXPECT_EQ(sql_number(city_,
                       "SELECT COUNT(*) FROM sample_expected_violations v JOIN XMYD x ON x.BSM = v.XMYD_BSM WHERE "
                       "v.RULE_ID = 'R-SZBHFW-FORBID' AND ST_Intersects(x.geom, (SELECT ST_Union(geom) FROM ZXCQ))"),
            0);
  EXPECT_EQ(
      sql_number(city_,
                 "SELECT COUNT(*) FROM sample_expected_violations v JOIN XMYD x ON x.BSM = v.XMYD_BSM WHERE "
                 "v.RULE_ID = 'R-LSWHBHQ-FORBID' AND NOT ST_Within(x.geom, (SELECT ST_Union(geom) FROM LSWHBHQ))"),
      0);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM sample_expected_violations WHERE RULE_ID = 'R-SZBHFW-FORBID'"), 2);
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM sample_expected_violations WHERE RULE_ID = 'R-LSWHBHQ-FORBID'"), 2);
}

// 三区 and 主体功能区 (issue 16), by OGR SQL (SpatiaLite, planar areas), independently of guotu
// validate: per county the three spaces' areas add up to the county's and they do not overlap;
// each control line lies in its space; each county carries the 主体功能 of the city file.
TEST_F(SampleCity, ThreeSpacesTileEachCountyAndHoldTheirLines) {
  const auto rows = guotu::test::ogr_sql_rows(
      city_,
      "SELECT x.XZQDM, ST_Area(x.geom), "
      "(SELECT COALESCE(SUM(ST_Area(s.geom)), 0) FROM CZKJ s WHERE s.XZQDM = x.XZQDM) + "
      "(SELECT COALESCE(SUM(ST_Area(s.geom)), 0) FROM NYKJ s WHERE s.XZQDM = x.XZQDM) + "
      "(SELECT COALESCE(SUM(ST_Area(s.geom)), 0) FROM STKJ s WHERE s.XZQDM = x.XZQDM), "
      "COALESCE(ST_Area(ST_Difference(x.geom, (SELECT ST_Union(u.geom) FROM (SELECT geom FROM CZKJ WHERE XZQDM = "
      "x.XZQDM UNION ALL SELECT geom FROM NYKJ WHERE XZQDM = x.XZQDM UNION ALL SELECT geom FROM STKJ WHERE XZQDM = "
      "x.XZQDM) u))), 0) FROM XZQ x");
  ASSERT_EQ(rows.size(), 8u);
  for (const auto& row : rows) {
    SCOPED_TRACE(row.at(0));
    const double county = std::stod(row.at(1)), spaces = std::stod(row.at(2)), uncovered = std::stod(row.at(3));
    EXPECT_LT(std::abs(spaces - county), 1.0);  // sum of the three = the county: no overlap, given no gap
    EXPECT_LT(uncovered, 1.0);                  // no gap
  }
  EXPECT_LT(overlap_area(city_, "CZKJ", "NYKJ"), 1.0);
  EXPECT_LT(overlap_area(city_, "CZKJ", "STKJ"), 1.0);
  EXPECT_LT(overlap_area(city_, "NYKJ", "STKJ"), 1.0);
  for (const auto& [line, space] :
       std::vector<std::pair<std::string, std::string>>{{"STBHHX", "STKJ"}, {"YJJBNT", "NYKJ"}, {"CZKFBJ", "CZKJ"}}) {
    SCOPED_TRACE(line);
    EXPECT_LT(sql_number(city_, "SELECT COALESCE(ST_Area(ST_Difference((SELECT ST_Union(geom) FROM " + line +
                                    "), (SELECT ST_Union(geom) FROM " + space + "))), 0)"),
              1.0);
    EXPECT_GT(sql_number(city_, "SELECT SUM(ST_Area(geom)) FROM " + line), 1e6);
  }
  // 主体功能区: one feature per county, the city file's codes, named by layers/codes/ztgnfq.csv.
  const YAML::Node mf = YAML::LoadFile(
      (guotu::test::source_dir() / "data/cities/liaocheng/sample.yaml").string())["spaces"]["main_function"];
  for (const auto& row : guotu::test::ogr_sql_rows(city_,
                                                   "SELECT x.XZQDM, z.ZTGNDM, z.ZTGNMC, "
                                                   "COALESCE(ST_Area(ST_SymDifference(x.geom, z.geom)), 0) FROM XZQ x "
                                                   "JOIN ZTGNFQ z ON z.XZQDM = x.XZQDM")) {
    SCOPED_TRACE(row.at(0));
    const std::string want =
        mf["counties"][row.at(0)] ? mf["counties"][row.at(0)].as<std::string>() : mf["default"].as<std::string>();
    EXPECT_EQ(row.at(1), want);
    EXPECT_EQ(row.at(2), want == "1" ? "重点开发区域" : want == "21" ? "农产品主产区" : "?");
    EXPECT_LT(std::stod(row.at(3)), 1.0);
  }
  EXPECT_EQ(sql_number(city_, "SELECT COUNT(*) FROM ZTGNFQ"), 8);
  // With --defects: the planted 三区 defects are in the sidecar (validate finds them:
  // ValidateSample.FindsExactlyTheInjectedDefects), and the hole and the disc are there.
  EXPECT_EQ(sql_number(defects_, "SELECT COUNT(*) FROM sample_defects WHERE CHECK_CODE = 'SPACES_COVERAGE'"), 2);
  EXPECT_EQ(sql_number(defects_,
                       "SELECT COUNT(*) FROM sample_defects WHERE CHECK_CODE = 'LINE_OUTSIDE_SPACE' AND "
                       "LAYER = 'STBHHX'"),
            1);
  // Each 永久基本农田 feature planted into a 城镇开发边界 also leaves 农业空间: one row per feature.
  EXPECT_EQ(sql_number(defects_,
                       "SELECT COUNT(*) FROM sample_defects WHERE CHECK_CODE = 'LINE_OUTSIDE_SPACE' AND "
                       "LAYER = 'YJJBNT'"),
            sql_number(defects_,
                       "SELECT COUNT(DISTINCT FEATURE_FID) FROM sample_defects WHERE CHECK_CODE = "
                       "'LINES_OVERLAP' AND LAYER = 'YJJBNT'"));
  // The overlap is a regular 32-gon of radius 30 m: (32 / 2) r² sin(2π / 32), planar.
  EXPECT_NEAR(overlap_area(defects_, "CZKJ", "NYKJ"), 16 * 900 * std::sin(2 * 3.141592653589793 / 32), 1.0);
}
