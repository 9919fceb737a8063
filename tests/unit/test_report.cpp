// guotu report: the indicator evaluator on published figures (章丘 forest table), the definition
// and target loaders, and the CLI on the sample city, checked against an independent OGR SQL
// computation; the four outputs must carry the same numbers; the HTML page renders in Chromium.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "report/indicator.hpp"
#include "report/target.hpp"
#include "report/target_table.hpp"
#include "support.hpp"
#include "xlsx/workbook.hpp"

namespace fs = std::filesystem;
using namespace guotu;
using namespace guotu::report;

namespace {

IndicatorSet liaocheng_indicators() {
  return IndicatorSet::load({test::data_file("data/indicators/liaocheng.yaml")});
}

std::string read_text(const fs::path& p) {
  return test::read_file(p);
}

// Rows of an OGR SQL query (SQLite dialect), each as strings.
std::vector<std::vector<std::string>> sql_rows(const fs::path& file, const std::string& query) {
  return test::ogr_sql_rows(file, query);
}

// code → number from a two-column query.
std::map<std::string, double> sql_map(const fs::path& file, const std::string& query) {
  std::map<std::string, double> m;
  for (const auto& r : sql_rows(file, query)) m[r.at(0)] = std::stod(r.at(1));
  return m;
}

void expect_relative(double got, double want, double tolerance, const std::string& what) {
  const double denom = std::max(std::abs(want), 1e-9);
  EXPECT_LE(std::abs(got - want) / denom, tolerance) << what << ": got " << got << " want " << want;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 章丘 附件2 (seed003 L625–648): 森林覆盖率 = 森林保有量 ÷ 土地总面积 × 100 per unit, published
// to 2 decimals. "Within 0.01" is in percentage points: the published figure is rounded to 0.01 %,
// and one row (官庄街道: 25.344 → published 25.35) differs from the rounded quotient by 0.006 pp.
TEST(ReportIndicators, ZhangqiuForestCoverageMatchesThePublishedTable) {
  const IndicatorSet set = liaocheng_indicators();
  const IndicatorDef* coverage = set.find("sl_pct");
  ASSERT_NE(coverage, nullptr);
  auto src = gdal::VectorSource::open(test::data_file("tests/data/zhangqiu_forest.csv").string());
  const auto rows = src.layer(0).read_all();
  ASSERT_EQ(rows.size(), 21u);
  const auto& l = src.layer(0);
  const std::size_t iu = *l.field_index("unit"), il = *l.field_index("land_ha"), ifo = *l.field_index("forest_ha"),
                    ic = *l.field_index("coverage_pct");
  double land_sum = 0, forest_sum = 0;
  double district_land = 0, district_forest = 0, district_published = 0;
  for (const auto& r : rows) {
    const std::string unit = gdal::as_text(r.values[iu]);
    const double land_ha = *gdal::as_number(r.values[il]), forest_ha = *gdal::as_number(r.values[ifo]);
    const double published = *gdal::as_number(r.values[ic]);
    // Areas go in as m², as the report's measures do.
    const IndicatorValue v = evaluate(*coverage, {{"forest", forest_ha * 1e4}, {"land_area", land_ha * 1e4}});
    ASSERT_TRUE(v.value) << unit;
    EXPECT_LE(std::abs(*v.value - published), 0.01 + 1e-9)
        << unit << ": computed " << *v.value << " published " << published;
    if (unit == "章丘区") {
      district_land = land_ha, district_forest = forest_ha, district_published = published;
    } else {
      land_sum += land_ha, forest_sum += forest_ha;
    }
  }
  // The 18 镇街 and the 2 国有林场 partition the district (seed003 §1.5): the roll-up agrees.
  EXPECT_NEAR(land_sum, district_land, 0.005);
  EXPECT_NEAR(forest_sum, district_forest, 0.005);
  const IndicatorValue rolled = evaluate(*coverage, {{"forest", forest_sum * 1e4}, {"land_area", land_sum * 1e4}});
  EXPECT_LE(std::abs(*rolled.value - district_published), 0.01);
}

TEST(ReportIndicators, MissingInputIsReportedNotGuessed) {
  const IndicatorSet set = liaocheng_indicators();
  const IndicatorValue v = evaluate(*set.find("rjjsyd"), {{"construction", 1e6}, {"population", std::nullopt}});
  EXPECT_FALSE(v.value);
  EXPECT_EQ(v.state, ValueState::NoInput);
  EXPECT_NE(v.why.find("population"), std::string::npos);
  const IndicatorValue p = evaluate(*set.find("rjjsyd"), {{"construction", 1.2e6}, {"population", 10000.0}});
  ASSERT_TRUE(p.value);
  EXPECT_DOUBLE_EQ(*p.value, 120.0);
  EXPECT_EQ(evaluate(*set.find("slxjl"), {}).state, ValueState::NotComputable);
  EXPECT_EQ(evaluate(*set.find("kfqd_pct"), {{"construction", 1.0}, {"land_area", 0.0}}).state,
            ValueState::ZeroDenominator);
  // Area units: 耕地保有量 in 公顷 and 万亩 from the same m².
  EXPECT_DOUBLE_EQ(*evaluate(*set.find("gd_ha"), {{"cultivated", 1.5e8}}).value, 15000.0);
  EXPECT_DOUBLE_EQ(*evaluate(*set.find("gd_wanmu"), {{"cultivated", 1.5e8}}).value, 22.5);
}

TEST(ReportIndicators, DefinitionErrorsNameFileAndLine) {
  test::TempDir tmp;
  const fs::path f = tmp / "bad.yaml";
  std::ofstream(f) << "measures:\n"
                      "  - {id: land_area, from: landuse}\n"
                      "  - {id: woods, from: landuse, classes: [woodland]}\n"
                      "indicators: []\n";
  try {
    (void)IndicatorSet::load({f});
    FAIL() << "an unknown land class must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_EQ(e.where().file, f.string());
    ASSERT_TRUE(e.where().line);
    EXPECT_EQ(*e.where().line, 3);
    EXPECT_NE(e.reason().find("woodland"), std::string::npos);
  }
  const fs::path g = tmp / "bad_targets.yaml";
  std::ofstream(g) << "source: test\ntargets:\n  - {indicator: kfqd_pct, level: city, value: 20}\n  - {indicator: "
                      "nonsense, level: city, value: 1}\n";
  try {
    (void)TargetSet::load({g}, liaocheng_indicators());
    FAIL() << "an unknown indicator must be refused";
  } catch (const Error& e) {
    ASSERT_TRUE(e.where().line);
    EXPECT_EQ(*e.where().line, 4);
  }
}

TEST(ReportTargets, ProvincialQuotaIsMissingUntilSupplied) {
  const IndicatorSet set = liaocheng_indicators();
  const TargetSet shipped = TargetSet::load({test::data_file("data/targets/liaocheng.yaml")}, set);
  EXPECT_EQ(shipped.latest_year(), 2025);
  const IndicatorValue v{534599.0, ValueState::Ok, {}};
  // 耕地保有量 2025: 完成省下达任务 — no value, so neither pass nor fail.
  const Target* quota = shipped.find("gd_ha", "city", "371500", 2025);
  ASSERT_NE(quota, nullptr);
  EXPECT_TRUE(quota->provincial_quota);
  EXPECT_FALSE(quota->value);
  EXPECT_EQ(judge(v, quota), Status::MissingTarget);
  // No target at all for a county.
  EXPECT_EQ(shipped.find("gd_ha", "county", "371502", 2025), nullptr);
  EXPECT_EQ(judge(v, nullptr), Status::MissingTarget);
  // 2020 (13th FYP): 562,226 公顷 (L416).
  const Target* t2020 = shipped.find("gd_ha", "city", "371500", 2020);
  ASSERT_NE(t2020, nullptr);
  EXPECT_DOUBLE_EQ(*t2020->value, 562226.0);
  EXPECT_EQ(judge(v, t2020), Status::Fail);
  // 自然保护地占比 ≥ 0.78 % (L477), binding.
  const Target* zr = shipped.find("zrbhd_pct", "city", "371500", 2025);
  ASSERT_NE(zr, nullptr);
  EXPECT_EQ(zr->attribute, Attribute::Binding);
  EXPECT_EQ(judge({0.78, ValueState::Ok, {}}, zr), Status::Pass);
  EXPECT_EQ(judge({0.779, ValueState::Ok, {}}, zr), Status::Fail);
  // A user file supplies quotas: for the city and per county; a unit target beats a level one.
  const TargetSet both = TargetSet::load(
      {test::data_file("data/targets/liaocheng.yaml"), test::data_file("tests/data/quotas_sample.yaml")}, set);
  EXPECT_EQ(judge(v, both.find("gd_ha", "city", "371500", 2025)), Status::Pass);
  EXPECT_EQ(judge({99635.0, ValueState::Ok, {}}, both.find("gd_ha", "county", "371502", 2025)), Status::Fail);
  EXPECT_EQ(judge({99635.0, ValueState::Ok, {}}, both.find("gd_ha", "county", "371503", 2025)), Status::Pass);
  EXPECT_EQ(both.find("gd_ha", "county", "371521", 2025), nullptr);
  // Values in another area unit are converted: 1 万亩 = 666.67 公顷.
  test::TempDir tmp;
  std::ofstream(tmp / "mu.yaml")
      << "source: t\ntargets:\n  - {indicator: gd_ha, level: city, value: 1, value_unit: 万亩}\n";
  const TargetSet mu = TargetSet::load({tmp / "mu.yaml"}, set);
  EXPECT_NEAR(*mu.find("gd_ha", "city", "x", 2025)->value, 10000.0 / 15.0, 1e-9);
}

// A filled-in target table (the --targets-template columns) as CSV and as XLSX: rows with a
// value are targets, a unit code beats a level, other area units are converted, thousands
// separators and a trailing % are accepted, and a later file overrides the shipped YAML.
TEST(ReportTargets, TableFilledInByAPlannerCsvAndXlsx) {
  const IndicatorSet set = liaocheng_indicators();
  test::TempDir tmp;
  const std::string header =
      "\xef\xbb\xbf指标代码,指标名称,单位,年份,层级,单元代码,单元名称,比较,目标值,属性,来源,现有目标,说明\r\n";
  std::ofstream(tmp / "t.csv", std::ios::binary)
      << header
      << "gd_ha,耕地保有量,公顷,2025,市级,371500,聊城市,≥,\"530,000.5\",约束性,鲁自然资字〔2023〕1号 附表,,\r\n"
      << "gd_ha,耕地保有量,万亩,2025,县级,371502,东昌府区,≥,150,约束性,鲁自然资字〔2023〕1号 附表,,\r\n"
      << "kfqd_pct,国土开发强度,%,2025,乡镇级,,,≤,30%,预期性,聊城市自然资源和规划局 分解表,,\r\n"
      << "sl_pct,森林覆盖率,%,2025,县级,371503,茌平区,≥,,约束性,,,\r\n"  // no value: no target
      << "jsyd_ha,建设用地规模,公顷,2025,县级,0371504,某县,<=,100,binding,某文件,,\r\n";
  const TargetSet both = TargetSet::load({test::data_file("data/targets/liaocheng.yaml"), tmp / "t.csv"}, set);
  const Target* city = both.find("gd_ha", "city", "371500", 2025);
  ASSERT_NE(city, nullptr);
  EXPECT_FALSE(city->provincial_quota);  // the table's row replaced the shipped quota
  EXPECT_DOUBLE_EQ(*city->value, 530000.5);
  EXPECT_EQ(city->source, "鲁自然资字〔2023〕1号 附表");
  EXPECT_EQ(city->line, 2);
  EXPECT_EQ(city->comparator, Comparator::GreaterEqual);
  // 150 万亩 = 100,000 公顷.
  EXPECT_NEAR(*both.find("gd_ha", "county", "371502", 2025)->value, 100000.0, 1e-6);
  const Target* town = both.find("kfqd_pct", "town", "371502001", 2025);
  ASSERT_NE(town, nullptr);
  EXPECT_DOUBLE_EQ(*town->value, 30.0);
  EXPECT_EQ(town->comparator, Comparator::LessEqual);
  EXPECT_EQ(town->attribute, Attribute::Expected);
  EXPECT_EQ(both.find("sl_pct", "county", "371503", 2025), nullptr);
  // Codes stay text: a leading zero is kept.
  ASSERT_NE(both.find("jsyd_ha", "county", "0371504", 2025), nullptr);
  EXPECT_EQ(both.find("jsyd_ha", "county", "371504", 2025), nullptr);

  // The same in a workbook as Excel keeps it: codes as text, numbers as numbers.
  {
    xlsx::Workbook book(tmp / "t.xlsx");
    xlsx::Sheet& sheet = book.add_sheet("目标");
    const auto& cols = target_table_columns();
    for (std::size_t c = 0; c < cols.size(); ++c) sheet.write(0, static_cast<std::uint16_t>(c), cols[c]);
    sheet.write(1, 0, std::string("gd_ha"));
    sheet.write(1, 3, 2025.0);
    sheet.write(1, 4, std::string("县级"));
    sheet.write(1, 5, std::string("371521"));
    sheet.write(1, 7, std::string("≥"));
    sheet.write(1, 8, 53810.3);
    sheet.write(1, 9, std::string("约束性"));
    sheet.write(1, 10, std::string("鲁自然资字〔2023〕1号 附表"));
    book.close();
  }
  const TargetSet x = TargetSet::load({tmp / "t.xlsx"}, set);
  ASSERT_EQ(x.all().size(), 1u);
  EXPECT_EQ(x.all()[0].unit, "371521");
  EXPECT_EQ(x.all()[0].year, 2025);
  EXPECT_DOUBLE_EQ(*x.all()[0].value, 53810.3);
  EXPECT_EQ(x.all()[0].line, 2);

  // Every problem at once, each with its row; nothing read.
  std::ofstream(tmp / "bad.csv", std::ios::binary)
      << header << "gd_ha,,公顷,twenty,县级,371502,,≥,1,约束性,某文件,,\r\n"
      << "gd_ha,,km,2025,县级,371503,,≥,1,约束性,某文件,,\r\n"
      << "gd_ha,,%,2025,县级,371521,,≥,1,约束性,某文件,,\r\n"
      << "gd_ha,,公顷,2025,县级,371522,,=,1e999,最好,某文件,,\r\n"
      << "gd_ha,,公顷,2025,,,,≥,1,约束性,某文件,,\r\n";
  try {
    (void)TargetSet::load({tmp / "bad.csv"}, set);
    FAIL() << "a table with bad rows must be refused";
  } catch (const Error& e) {
    const std::string m = e.what();
    for (const char* want :
         {"目标表有 7 处问题", "bad.csv:2: 年份 'twenty'", "bad.csv:3: 未知的单位 'km'",
          "bad.csv:4: 单位 % 不能换算为指标的单位 公顷", "bad.csv:5: 比较 '=' 应为", "bad.csv:5: 属性 '最好'",
          "bad.csv:5: 目标值 '1e999' 不是有限的数", "bad.csv:6: 单元代码和层级都为空"})
      EXPECT_NE(m.find(want), std::string::npos) << want << " in " << m;
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI on the sample city: every county's indicators against OGR SQL; outputs agree.
class ReportOnSampleCity : public ::testing::Test {
 protected:
  static fs::path dir_, city_, out_, out2_;
  static nlohmann::json json_, json2_;
  static int exit_code_, exit_code2_;

  static void SetUpTestSuite() {
    city_ = test::sample_city(false);
    dir_ = fs::temp_directory_path() / ("guotu-report-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // The "done" command.
    out_ = dir_ / "report";
    auto r = test::run_guotu("report --plan '" + city_.string() + "' --out '" + out_.string() + "/' --json --jobs 2");
    exit_code_ = r.exit_code;
    json_ = nlohmann::json::parse(r.out, nullptr, false);
    // A batch: two vintages, the central city's areas, user quotas and a population table.
    std::ofstream pop(dir_ / "population.csv");
    pop << "code,population\n371502,1300000\n371503,540000\n371521,770000\n";
    pop.close();
    out2_ = dir_ / "batch";
    r = test::run_guotu("report --plan '" + city_.string() + "' --out '" + out2_.string() +
                        "' --by county --by town --by ZXCQ" + " --vintage DLTB --vintage DLTB_LATER --targets '" +
                        test::data_file("data/targets/liaocheng.yaml").string() + "' --targets '" +
                        test::data_file("tests/data/quotas_sample.yaml").string() + "' --population '" +
                        (dir_ / "population.csv").string() + "' --json --jobs 2");
    exit_code2_ = r.exit_code;
    json2_ = nlohmann::json::parse(r.out, nullptr, false);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static const nlohmann::json* unit(const nlohmann::json& j, const std::string& level, const std::string& code,
                                    const std::string& vintage = "DLTB") {
    for (const auto& u : j["units"])
      if (u["level"] == level && u["code"] == code && u["vintage"] == vintage) return &u;
    return nullptr;
  }
};
fs::path ReportOnSampleCity::dir_, ReportOnSampleCity::city_, ReportOnSampleCity::out_, ReportOnSampleCity::out2_;
nlohmann::json ReportOnSampleCity::json_, ReportOnSampleCity::json2_;
int ReportOnSampleCity::exit_code_ = -1, ReportOnSampleCity::exit_code2_ = -1;

TEST_F(ReportOnSampleCity, WritesFourOutputsForCityCountiesAndTowns) {
  ASSERT_FALSE(json_.is_discarded());
  EXPECT_EQ(exit_code_, 0);  // every binding target is met on the base vintage
  for (const char* f : {"report.gpkg", "indicators.csv", "report.xlsx", "report.html"})
    EXPECT_TRUE(fs::exists(out_ / f)) << f;
  std::map<std::string, int> levels;
  for (const auto& u : json_["units"]) ++levels[u["level"].get<std::string>()];
  EXPECT_EQ(levels["city"], 1);
  EXPECT_EQ(levels["county"], 8);
  EXPECT_EQ(levels["town"], 136);
  const auto* city = unit(json_, "city", "371500");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ((*city)["name"], "聊城市");
  const auto& zr = (*city)["indicators"]["zrbhd_pct"];
  EXPECT_EQ(zr["status"], "pass");
  EXPECT_EQ(zr["pass"], true);
  EXPECT_DOUBLE_EQ(zr["target"].get<double>(), 0.78);
  // guotu's own sample city: the profile's example targets (示例) supply the provincial quotas and
  // the county and town targets, so every indicator computable from land data is judged in every
  // unit; on the base vintage each unit meets them (they are decomposed from it).
  EXPECT_EQ((*city)["indicators"]["gd_ha"]["status"], "pass");
  EXPECT_EQ((*city)["indicators"]["gd_ha"]["target_source"].get<std::string>().rfind("guotu 设定（示例目标", 0), 0u);
  std::map<std::string, std::size_t> by_status;
  for (const auto& u : json_["units"]) {
    for (const auto& [id, o] : u["indicators"].items()) {
      ++by_status[o["status"].get<std::string>()];
      if (o["status"] == "pass" || o["status"] == "fail") {
        // Judged as the comparator says, from the JSON's own value and target.
        const double v = o["value"].get<double>(), t = o["target"].get<double>();
        const std::string c = o["comparator"];
        const bool ok = c == "≥" ? v >= t : c == "≤" ? v <= t : c == ">" ? v > t : v < t;
        EXPECT_EQ(o["pass"].get<bool>(), ok) << u["code"] << " " << id;
      }
    }
  }
  EXPECT_EQ(by_status["missing target"], 0u);
  // 人均建设用地, 控规覆盖率, 供地率: no tables given; 新增建设用地规模: one vintage only.
  EXPECT_EQ(by_status["no input"], 145u * 4);
  EXPECT_EQ(by_status["not computable"], 145u * 2);  // 森林蓄积量, 湿地保护率
  EXPECT_EQ(by_status["pass"], 145u * 12);
  bool said = false;
  for (const auto& w : json_["warnings"]) said = said || w.get<std::string>().find("示例目标") != std::string::npos;
  EXPECT_TRUE(said) << "the report says it used the example targets";
  EXPECT_EQ((*city)["indicators"]["rjjsyd"]["status"], "no input");
  EXPECT_TRUE((*city)["indicators"]["rjjsyd"]["value"].is_null());
  EXPECT_EQ((*city)["indicators"]["slxjl"]["status"], "not computable");
  // The output directory is not replaced without --overwrite.
  EXPECT_EQ(
      test::run_guotu("report --plan '" + city_.string() + "' --out '" + out_.string() + "' 2>/dev/null").exit_code, 2);
}

TEST_F(ReportOnSampleCity, CountiesEqualAnIndependentOgrSqlComputation) {
  ASSERT_FALSE(json_.is_discarded());
  const std::string by_county = " GROUP BY substr(ZLDWDM,1,6)";
  const std::string construction =
      "(substr(DLBM,1,2) IN ('05','06','07','08','09') OR substr(DLBM,1,4) IN "
      "('1001','1002','1003','1004','1005','1007','1008','1009','1109','1201') OR DLBM = '1107A')";
  const auto land = sql_map(city_, "SELECT substr(ZLDWDM,1,6), SUM(TBMJ) FROM DLTB" + by_county);
  const auto cultivated = sql_map(
      city_, "SELECT substr(ZLDWDM,1,6), SUM(TBDLMJ) FROM DLTB WHERE DLBM IN ('0101','0102','0103')" + by_county);
  const auto built = sql_map(city_, "SELECT substr(ZLDWDM,1,6), SUM(TBMJ) FROM DLTB WHERE " + construction + by_county);
  const auto urban_rural = sql_map(city_, "SELECT substr(ZLDWDM,1,6), SUM(TBMJ) FROM DLTB WHERE " + construction +
                                              " AND CZCSXM IN ('201','202','203','201A','202A','203A')" + by_county);
  const auto forest = sql_map(
      city_, "SELECT substr(ZLDWDM,1,6), SUM(TBMJ) FROM DLTB WHERE substr(DLBM,1,4) IN ('0301','0302','0305','0307')" +
                 by_county);
  // Plan layers ∩ county: planar (GK) areas; 椭球面积 differ by +0.03…0.06 % here, inside 0.1 %.
  // MakeValid: 11 of the sample's 125 YJJBNT features are invalid (ring self-intersections,
  // collapsed components); the report repairs them with make-valid too.
  auto overlay = [&](const std::string& layer) {
    return sql_map(city_, "SELECT x.XZQDM, SUM(ST_Area(ST_Intersection(x.geom, MakeValid(y.geom)))) FROM XZQ x, " +
                              layer + " y WHERE ST_Intersects(x.geom, y.geom) GROUP BY x.XZQDM");
  };
  const auto yjjbnt = overlay("YJJBNT"), stbhhx = overlay("STBHHX"), zrbhd = overlay("ZRBHD");
  ASSERT_EQ(land.size(), 8u);
  for (const auto& [code, land_m2] : land) {
    const auto* u = unit(json_, "county", code);
    ASSERT_NE(u, nullptr) << code;
    const auto& ind = (*u)["indicators"];
    auto value = [&](const char* id) { return ind[id]["value"].get<double>(); };
    // TBMJ/TBDLMJ sums: the same numbers, exactly up to summation order.
    expect_relative(value("kfqd_pct"), built.at(code) / land_m2 * 100, 1e-9, code + " 国土开发强度");
    expect_relative(value("jsyd_ha"), built.at(code) / 1e4, 1e-9, code + " 建设用地");
    expect_relative(value("cxjsyd_ha"), urban_rural.at(code) / 1e4, 1e-9, code + " 城乡建设用地");
    expect_relative(value("gd_ha"), cultivated.at(code) / 1e4, 1e-9, code + " 耕地保有量");
    expect_relative(value("gd_wanmu"), cultivated.at(code) / (1e4 * 10000.0 / 15.0), 1e-9, code + " 耕地保有量 万亩");
    expect_relative(value("sl_pct"), (forest.count(code) ? forest.at(code) : 0.0) / land_m2 * 100, 1e-9,
                    code + " 森林覆盖率");
    // Overlays: within 0.1 %.
    expect_relative(value("yjjbnt_ha"), yjjbnt.at(code) / 1e4, 1e-3, code + " 永久基本农田");
    expect_relative(value("stbhhx_ha"), stbhhx.at(code) / 1e4, 1e-3, code + " 生态保护红线");
    expect_relative(value("zrbhd_ha"), zrbhd.at(code) / 1e4, 1e-3, code + " 自然保护地");
    expect_relative(value("zrbhd_pct"), zrbhd.at(code) / land_m2 * 100, 1e-3, code + " 自然保护地占比");
  }
  // Towns add up to their counties; the city is all of it.
  std::map<std::string, double> town_sum;
  for (const auto& u : json_["units"])
    if (u["level"] == "town")
      town_sum[u["code"].get<std::string>().substr(0, 6)] += u["indicators"]["gd_ha"]["value"].get<double>();
  for (const auto& [code, v] : town_sum) expect_relative(v, cultivated.at(code) / 1e4, 1e-9, code + " Σ towns");
  double all = 0;
  for (const auto& [code, v] : cultivated) all += v;
  expect_relative((*unit(json_, "city", "371500"))["indicators"]["gd_ha"]["value"].get<double>(), all / 1e4, 1e-9,
                  "city 耕地");
}

TEST_F(ReportOnSampleCity, CsvXlsxGpkgAndHtmlCarryTheSameNumbers) {
  ASSERT_FALSE(json_.is_discarded());
  // key (level, unit, indicator) → value, from JSON.
  std::map<std::string, double> want;
  for (const auto& u : json_["units"])
    for (const auto& [id, ind] : u["indicators"].items())
      if (!ind["value"].is_null())
        want[u["level"].get<std::string>() + "|" + u["code"].get<std::string>() + "|" + id] =
            ind["value"].get<double>();
  ASSERT_GT(want.size(), 1500u);
  auto check = [&](const std::map<std::string, double>& got, const std::string& what) {
    EXPECT_EQ(got.size(), want.size()) << what;
    std::size_t compared = 0;
    for (const auto& [k, v] : want) {
      auto it = got.find(k);
      if (it == got.end()) {
        ADD_FAILURE() << what << " lacks " << k;
        continue;
      }
      expect_relative(it->second, v, 1e-12, what + " " + k);
      ++compared;
    }
    EXPECT_EQ(compared, want.size()) << what;
  };
  // CSV: UTF-8 with BOM, Chinese headers; read back by GDAL's CSV driver. Values are rounded to
  // the unit's convention (公顷 2 places, 万亩 4, % 2): each is the JSON's value to that many places.
  const std::string csv = read_text(out_ / "indicators.csv");
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  {
    const std::map<std::string, std::string> level_of{{"市级", "city"}, {"县级", "county"}, {"乡镇级", "town"}};
    const std::map<std::string, std::size_t> decimals_of{{"公顷", 2}, {"万亩", 4}, {"%", 2}, {"平方米/人", 2}};
    std::map<std::string, double> got;
    std::size_t rounded = 0;
    for (const auto& r : sql_rows(out_ / "indicators.csv",
                                  "SELECT \"层级\", \"单位代码\", \"指标代码\", \"数值\", \"单位\" FROM indicators "
                                  "WHERE \"数值\" <> ''")) {
      const std::string key = level_of.at(r[0]) + "|" + r[1] + "|" + r[2];
      got[key] = std::stod(r[3]);
      const auto dot = r[3].find('.');
      ASSERT_NE(dot, std::string::npos) << key << " " << r[3];
      ASSERT_TRUE(decimals_of.count(r[4])) << r[4];
      EXPECT_EQ(r[3].size() - dot - 1, decimals_of.at(r[4])) << key << " " << r[3] << " " << r[4];
      if (want.count(key)) {
        EXPECT_LE(std::abs(got[key] - want.at(key)), 0.5000001 * std::pow(10.0, -double(decimals_of.at(r[4]))))
            << "CSV " << key;
        ++rounded;
      }
    }
    EXPECT_EQ(got.size(), want.size()) << "CSV";
    EXPECT_EQ(rounded, want.size()) << "CSV";
  }
  // GeoPackage: the indicator table, and the unit layers with the indicators joined.
  {
    std::map<std::string, double> got;
    for (const auto& r : sql_rows(out_ / "report.gpkg",
                                  "SELECT level, unit_code, indicator, value FROM indicators WHERE value IS NOT NULL"))
      got[r[0] + "|" + r[1] + "|" + r[2]] = std::stod(r[3]);
    check(got, "GPKG");
    const auto counties =
        sql_rows(out_ / "report.gpkg", "SELECT unit_code, kfqd_pct, gd_ha, ST_Area(geom) FROM units_county");
    ASSERT_EQ(counties.size(), 8u);
    for (const auto& r : counties) {
      expect_relative(std::stod(r[1]), want.at("county|" + r[0] + "|kfqd_pct"), 1e-12, "units_county " + r[0]);
      expect_relative(std::stod(r[2]), want.at("county|" + r[0] + "|gd_ha"), 1e-12, "units_county " + r[0]);
      EXPECT_GT(std::stod(r[3]), 1e8);  // real polygons
    }
    EXPECT_EQ(sql_rows(out_ / "report.gpkg", "SELECT COUNT(*) FROM units_town")[0][0], "136");
    // A layer per computable indicator and level, its choropleth the layer's default style (what
    // QGIS loads); no style is stored that QGIS would not apply by default.
    const auto styles =
        sql_rows(out_ / "report.gpkg", "SELECT f_table_name, styleName, useAsDefault FROM layer_styles");
    std::set<std::string> styled;
    for (const auto& s : styles) {
      EXPECT_EQ(s[2], "1") << s[0] << " " << s[1] << ": a style QGIS does not load by default";
      EXPECT_TRUE(styled.insert(s[0]).second) << s[0] << " has two styles";
    }
    for (const char* level : {"city", "county", "town"})
      for (const char* id : {"kfqd_pct", "gd_ha", "gd_wanmu", "yjjbnt_ha", "sl_pct", "sd_ha", "zrbhd_pct", "cxjsyd_ha"})
        EXPECT_TRUE(styled.count(std::string("units_") + level + "_" + id)) << level << " " << id;
    EXPECT_FALSE(styled.count("units_county_slxjl")) << "森林蓄积量 is not computable: no map";
  }
  // XLSX: GDAL's XLSX driver reads each sheet as a layer; numbers are numbers.
  {
    CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
    std::map<std::string, double> got;
    const std::pair<const char*, const char*> sheets[] = {{"市级", "city"}, {"县级", "county"}, {"乡镇级", "town"}};
    for (const auto& [sheet, level] : sheets)
      for (const auto& r :
           sql_rows(out_ / "report.xlsx",
                    std::string("SELECT \"单位代码\", \"指标代码\", \"数值\" FROM \"") + sheet + "\"")) {
        char* end = nullptr;
        const double v = std::strtod(r[2].c_str(), &end);
        if (end != r[2].c_str() && *end == '\0') got[std::string(level) + "|" + r[0] + "|" + r[1]] = v;
      }
    CPLSetConfigOption("OGR_XLSX_HEADERS", nullptr);
    check(got, "XLSX");
  }
  // HTML: every value cell carries its exact number.
  {
    const std::string html = read_text(out_ / "report.html");
    std::map<std::string, double> got;
    const std::regex cell(
        "data-vintage=\"DLTB\" data-level=\"([^\"]+)\" data-unit=\"([^\"]+)\" data-indicator=\"([^\"]+)\" "
        "data-value=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it)
      got[(*it)[1].str() + "|" + (*it)[2].str() + "|" + (*it)[3].str()] = std::stod((*it)[4].str());
    check(got, "HTML");
    // Self-contained: no external reference of any kind, no script.
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
  }
}

// Every stored choropleth colours every unit that has a value: each value lies inside a class of
// the style QGIS applies (QGIS draws v when lower ≤ v ≤ upper; bounds rounded inward at 6
// decimals left units white before).
TEST_F(ReportOnSampleCity, ChoroplethClassesCoverEveryUnit) {
  const fs::path gpkg = out_ / "report.gpkg";
  const auto styles = sql_rows(gpkg, "SELECT f_table_name, styleQML FROM layer_styles");
  ASSERT_GE(styles.size(), 39u);  // 12 indicators with values × 3 levels, and the three units_ layers
  const std::regex attr_re("<renderer-v2[^>]* attr=\"([^\"]+)\"");
  const std::regex range_re("<range [^>]*lower=\"([^\"]+)\" upper=\"([^\"]+)\"");
  std::size_t units = 0;
  for (const auto& st : styles) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(st[1], m, attr_re)) << st[0];
    const std::string field = m[1].str();
    std::vector<std::pair<double, double>> ranges;
    for (auto it = std::sregex_iterator(st[1].begin(), st[1].end(), range_re); it != std::sregex_iterator(); ++it)
      ranges.emplace_back(std::stod((*it)[1].str()), std::stod((*it)[2].str()));
    const auto values = sql_rows(
        gpkg, "SELECT unit_name, \"" + field + "\" FROM \"" + st[0] + "\" WHERE \"" + field + "\" IS NOT NULL");
    if (!values.empty()) {
      EXPECT_FALSE(ranges.empty()) << st[0];
    }
    for (const auto& v : values) {
      const double x = std::stod(v[1]);
      const bool coloured =
          std::any_of(ranges.begin(), ranges.end(), [&](const auto& r) { return r.first <= x && x <= r.second; });
      EXPECT_TRUE(coloured) << st[0] << ": " << v[0] << " (" << v[1] << ") is in no class";
      ++units;
    }
  }
  EXPECT_GE(units, 145u * 13);  // every unit in the 13 choropleths with values (and units_ layers)
}

// What a user reads is Chinese, cites documents (not files and lines), shows each unit's figures
// once and rounded; the sample is said to be synthetic in every output.
TEST_F(ReportOnSampleCity, ChineseThroughoutCitedByDocumentAndMarkedSynthetic) {
  ASSERT_FALSE(json_.is_discarded());
  const std::string html = read_text(out_ / "report.html"), csv = read_text(out_ / "indicators.csv");
  for (const auto* text : {&html, &csv}) {
    for (const char* bad : {"liaocheng.yaml:", "seed000", "seed_ref", "（万亩）（万亩）", "（%）（%）",
                            "not computable", "no input", "missing target", "provincial quota"})
      EXPECT_EQ(text->find(bad), std::string::npos) << bad;
    EXPECT_NE(text->find("聊政办字〔2022〕10号《聊城市"), std::string::npos);  // quotes are escaped per format
    EXPECT_NE(text->find("自然资源保护和利用规划》专栏2 自然保护地占比：≥0.78%（约束性）"), std::string::npos);
    EXPECT_NE(text->find("示例数据"), std::string::npos);
    EXPECT_NE(text->find("不可由土地数据计算"), std::string::npos);
    EXPECT_NE(text->find("无输入：常住人口（人）"), std::string::npos);
  }
  // The banner before anything else in the page; every CSV row says it.
  EXPECT_LT(html.find("示例数据（SYNTHETIC）"), html.find("id=\"summary\""));
  EXPECT_EQ(csv.substr(3, std::string("数据性质").size()), "数据性质");
  EXPECT_EQ(csv.find(",pass,"), std::string::npos);
  EXPECT_EQ(csv.find(",fail,"), std::string::npos);
  // 0.78 % at the unit's two places; 万亩 figures at four places, nowhere a long double.
  EXPECT_NE(html.find("≥ 0.78"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(">[^<]*[0-9]\\.[0-9]{7,}[^<]*<"))) << "an unrounded figure";
  // The raw references stay in the JSON.
  const auto& zr = (*unit(json_, "city", "371500"))["indicators"]["zrbhd_pct"];
  EXPECT_TRUE(std::regex_match(zr["target_file"].get<std::string>(), std::regex("liaocheng\\.yaml:[0-9]+")))
      << zr["target_file"];
  EXPECT_EQ(zr["target_seed_ref"].get<std::string>().rfind("seed000", 0), 0u);
  EXPECT_EQ(json_["synthetic"], true);
  // The GeoPackage and the workbook say it too.
  const auto meta = sql_rows(out_ / "report.gpkg", "SELECT metadata FROM gpkg_metadata");
  bool marked = false;
  for (const auto& m : meta) marked = marked || m[0].find("GUOTU_SYNTHETIC") != std::string::npos;
  EXPECT_TRUE(marked);
  CPLSetConfigOption("OGR_XLSX_HEADERS", "DISABLE");
  const auto first = sql_rows(out_ / "report.xlsx", "SELECT * FROM \"说明\" LIMIT 1");
  CPLSetConfigOption("OGR_XLSX_HEADERS", nullptr);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first[0][0], "示例数据（SYNTHETIC）");
}

TEST_F(ReportOnSampleCity, BatchOfVintagesLayersQuotasAndPopulation) {
  ASSERT_FALSE(json2_.is_discarded());
  // A binding quota the user supplied is not met (东昌府区 耕地 < 120,000 ha): exit 1.
  EXPECT_EQ(exit_code2_, 1);
  ASSERT_NE(unit(json2_, "county", "371502"), nullptr);
  EXPECT_EQ((*unit(json2_, "county", "371502"))["indicators"]["gd_ha"]["status"], "fail");
  EXPECT_EQ((*unit(json2_, "county", "371503"))["indicators"]["gd_ha"]["status"], "pass");
  EXPECT_EQ((*unit(json2_, "county", "371521"))["indicators"]["gd_ha"]["status"], "missing target");
  EXPECT_EQ((*unit(json2_, "city", "371500"))["indicators"]["gd_ha"]["status"], "pass");
  // 人均建设用地 where the population is given, "no input" where it is not.
  const auto& c = (*unit(json2_, "county", "371502"))["indicators"];
  expect_relative(c["rjjsyd"]["value"].get<double>(), c["jsyd_ha"]["value"].get<double>() * 1e4 / 1300000.0, 1e-12,
                  "人均建设用地");
  EXPECT_EQ((*unit(json2_, "county", "371522"))["indicators"]["rjjsyd"]["status"], "no input");
  // Both vintages, every level: DLTB_LATER lost farmland to construction (sample_changes).
  const auto* early = unit(json2_, "city", "371500", "DLTB");
  const auto* late = unit(json2_, "city", "371500", "DLTB_LATER");
  ASSERT_TRUE(early && late);
  EXPECT_LT((*late)["indicators"]["gd_ha"]["value"].get<double>(),
            (*early)["indicators"]["gd_ha"]["value"].get<double>());
  EXPECT_GT((*late)["indicators"]["jsyd_ha"]["value"].get<double>(),
            (*early)["indicators"]["jsyd_ha"]["value"].get<double>());
  // The central city's five areas by overlay: their land area (patches cut by the area boundary
  // contribute TBMJ in proportion to the 椭球面积 of the piece) equals the areas' own 椭球面积.
  // Per area within 1e-4: the areas are sectors whose edges are several km long, and the 32号
  // method takes an edge as linear in (L, B), which moves ~6e-5 of area between neighbouring
  // sectors (patch edges are short); the transfers cancel in the total (1e-6).
  std::size_t zx = 0;
  double land_total = 0, area_total = 0;
  for (const auto& u : json2_["units"]) {
    if (u["level"] != "ZXCQ" || u["vintage"] != "DLTB") continue;
    ++zx;
    land_total += u["measures_m2"]["land_area"].get<double>();
    area_total += u["area_m2"].get<double>();
    expect_relative(u["measures_m2"]["land_area"].get<double>(), u["area_m2"].get<double>(), 1e-4,
                    "ZXCQ " + u["name"].get<std::string>());
  }
  expect_relative(land_total, area_total, 1e-6, "ZXCQ total");
  EXPECT_EQ(zx, 5u);
  // Layers per level and vintage in the GeoPackage.
  const auto tables = sql_rows(out2_ / "report.gpkg", "SELECT table_name FROM gpkg_contents ORDER BY table_name");
  std::set<std::string> names;
  for (const auto& t : tables) names.insert(t[0]);
  for (const char* n :
       {"indicators", "units_county_DLTB", "units_county_DLTB_LATER", "units_ZXCQ_DLTB", "units_town_DLTB_LATER"})
    EXPECT_TRUE(names.count(n)) << n;
}

// --targets-template on the sample city: one row per computable indicator and unit, the targets
// that apply shown, 目标值 left empty; filled in by a planner and given back, its rows are judged.
TEST_F(ReportOnSampleCity, TargetsTemplateFilledInAndGivenBack) {
  const std::string shipped = test::data_file("data/targets/liaocheng.yaml").string();
  const fs::path csv = dir_ / "template.csv", xlsx = dir_ / "template.xlsx";
  auto r = test::run_guotu("report --plan '" + city_.string() + "' --targets '" + shipped + "' --targets-template '" +
                           csv.string() + "' --json");
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  // 145 units (the city, 8 counties, 136 towns) × the 16 indicators computable from land data,
  // two vintages or input tables (森林蓄积量 and 湿地保护率 are not).
  EXPECT_EQ(j["units"], 145);
  EXPECT_EQ(j["rows"], 145 * 16);
  EXPECT_EQ(j["year"], 2025);
  // The city's open provincial quotas: 生态保护红线, 森林覆盖率, 耕地保有量, 永久基本农田（万亩）,
  // 新增建设用地规模, 国土开发强度, 人均建设用地, 建设用地规模, 城乡建设用地规模.
  EXPECT_EQ(j["provincial_quotas_open"], 9);
  const auto rows = sql_rows(csv, "SELECT 指标代码, 层级, 单元代码, 比较, 目标值, 属性, 现有目标, 单位 FROM template");
  ASSERT_EQ(rows.size(), 145u * 16);
  std::size_t open_quotas = 0;
  for (const auto& row : rows) {
    EXPECT_EQ(row[4], "") << "目标值 is the planner's";
    open_quotas += row[6].rfind("省下达任务（未提供）", 0) == 0 ? 1 : 0;
    if (row[0] == "gd_ha" && row[2] == "371500") {
      EXPECT_EQ(row[3], "≥");
      EXPECT_EQ(row[5], "约束性");
      EXPECT_EQ(row[7], "公顷");
    }
    if (row[0] == "gd_ha" && row[1] == "县级") {
      EXPECT_EQ(row[3], "≥") << "the city quota's comparator";
    }
    if (row[0] == "zrbhd_pct" && row[2] == "371500") {
      EXPECT_EQ(row[6].rfind("≥ 0.78 %（聊政办字〔2022〕10号", 0), 0u) << row[6];
    }
  }
  EXPECT_EQ(open_quotas, 9u);
  // The workbook holds the same rows on its first sheet.
  r = test::run_guotu("report --plan '" + city_.string() + "' --targets '" + shipped + "' --targets-template '" +
                      xlsx.string() + "' 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  const auto sheet = sql_rows(xlsx, "SELECT COUNT(*), SUM(单元代码 = '371502001') FROM \"目标\"");
  ASSERT_EQ(sheet.size(), 1u);
  EXPECT_EQ(sheet[0][0], std::to_string(145 * 16));
  EXPECT_EQ(sheet[0][1], "16");

  // A planner fills in the counties' 耕地保有量: 东昌府区 above what it holds, the others 1 公顷.
  std::ofstream filled(dir_ / "filled.csv", std::ios::binary);
  filled << "指标代码,指标名称,单位,年份,层级,单元代码,单元名称,比较,目标值,属性,来源,现有目标,说明\n";
  std::size_t given = 0;
  for (const auto& row : rows) {
    if (row[0] != "gd_ha" || row[1] != "县级") continue;
    filled << "gd_ha,,公顷,2025,县级," << row[2] << ",,≥," << (row[2] == "371502" ? "\"1,000,000\"" : "1")
           << ",约束性,测试：县级分解表,,\n";
    ++given;
  }
  filled.close();
  EXPECT_EQ(given, 8u);
  r = test::run_guotu("report --plan '" + city_.string() + "' --targets '" + shipped + "' --targets '" +
                      (dir_ / "filled.csv").string() + "' --out '" + (dir_ / "filled").string() + "' --json");
  EXPECT_EQ(r.exit_code, 1);  // a binding target not met
  const auto k = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(k.is_discarded());
  for (const auto& u : k["units"]) {
    if (u["level"] != "county") continue;
    const auto& gd = u["indicators"]["gd_ha"];
    EXPECT_EQ(gd["status"], u["code"] == "371502" ? "fail" : "pass") << u["code"];
    EXPECT_EQ(gd["target_source"].get<std::string>().rfind("测试：县级分解表", 0), 0u);
    EXPECT_TRUE(std::regex_match(gd["target_file"].get<std::string>(), std::regex("filled\\.csv:[0-9]+")))
        << gd["target_file"];
  }
}

// 新增建设用地规模 between DLTB and DLTB_LATER, per county and town, against the generator's
// truth (sample_changes: each planted change's classes and area, itself checked against OGR SQL
// by test_sample_changes): Σ AREA_M2 of the rows carrying 新增建设用地, by XZQDM and XZDM.
TEST_F(ReportOnSampleCity, NewConstructionBetweenVintagesEqualsThePlantedChanges) {
  ASSERT_FALSE(json2_.is_discarded());
  const std::string rows = " FROM sample_changes WHERE (';' || CLASSES || ';') LIKE '%;新增建设用地;%'";
  const auto county = sql_map(city_, "SELECT XZQDM, SUM(AREA_M2)" + rows + " GROUP BY XZQDM");
  const auto town = sql_map(city_, "SELECT XZDM, SUM(AREA_M2)" + rows + " GROUP BY XZDM");
  const auto total = sql_rows(city_, "SELECT SUM(AREA_M2), COUNT(*)" + rows);
  ASSERT_EQ(total.size(), 1u);
  ASSERT_GE(std::stoi(total[0][1]), 3) << "the sample plants new construction";
  const double m2_per_wanmu = 10000.0 * 10000.0 / 15.0;
  std::size_t units = 0, nonzero = 0;
  for (const auto& u : json2_["units"]) {
    const auto& x = u["indicators"]["xzjsyd_wanmu"];
    if (u["vintage"] == "DLTB" || u["level"] == "ZXCQ") {
      // The base vintage has no earlier one; the central city's areas are no code level.
      EXPECT_EQ(x["status"], "no input") << u["vintage"] << " " << u["code"];
      continue;
    }
    const std::string code = u["code"];
    double want = 0;
    if (u["level"] == "city") {
      want = std::stod(total[0][0]);
    } else {
      const auto& by = u["level"] == "county" ? county : town;
      if (const auto it = by.find(code); it != by.end()) want = it->second;
    }
    ++units;
    nonzero += want > 0 ? 1 : 0;
    const double got = x["value"].get<double>() * m2_per_wanmu;
    EXPECT_NEAR(got, want, std::max(1e-6 * want, 1e-3)) << u["level"] << " " << code;
  }
  EXPECT_EQ(units, 145u);
  EXPECT_GE(nonzero, 3u);
}

// A bureau's database names its tables otherwise (行政区, 地类图斑, 永久基本农田 …: the catalogue's
// aliases, or the city profile's layer_names): report finds them through the one lookup
// (layers::find_table) and gives the same figure in every unit, both vintages.
TEST_F(ReportOnSampleCity, TablesUnderOtherNamesGiveTheSameFigures) {
  ASSERT_FALSE(json2_.is_discarded());
  const fs::path renamed = dir_ / "renamed.gpkg";
  fs::copy_file(city_, renamed, fs::copy_options::overwrite_existing);
  {
    gdal::initialize();
    GDALDatasetUniquePtr ds(GDALDataset::Open(renamed.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"XZQ", "行政区"},
                                                                                   {"XZQ_XIANG", "乡镇街道"},
                                                                                   {"DLTB", "地类图斑"},
                                                                                   {"DLTB_LATER", "后期地类图斑"},
                                                                                   {"YJJBNT", "永久基本农田"},
                                                                                   {"STBHHX", "生态保护红线"}}) {
      const std::string sql = "ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\"";
      ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    }
  }
  ASSERT_TRUE(sql_rows(renamed, "SELECT 1 FROM sqlite_master WHERE name = 'DLTB'").empty());
  const std::string args = " --by county --by town --by ZXCQ --vintage DLTB --vintage DLTB_LATER --targets '" +
                           test::data_file("data/targets/liaocheng.yaml").string() + "' --targets '" +
                           test::data_file("tests/data/quotas_sample.yaml").string() + "' --population '" +
                           (dir_ / "population.csv").string() + "' --json --jobs 2";
  const auto r =
      test::run_guotu("report --plan '" + renamed.string() + "' --out '" + (dir_ / "renamed").string() + "'" + args);
  EXPECT_EQ(r.exit_code, exit_code2_);
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["units"].size(), json2_["units"].size());
  std::size_t values = 0;
  for (std::size_t i = 0; i < j["units"].size(); ++i) {
    const auto& a = json2_["units"][i];
    const auto& b = j["units"][i];
    ASSERT_EQ(a["code"], b["code"]);
    ASSERT_EQ(a["vintage"], b["vintage"]);
    for (const auto& [id, o] : a["indicators"].items()) {
      EXPECT_EQ(o["value"], b["indicators"][id]["value"]) << a["vintage"] << " " << a["code"] << " " << id;
      EXPECT_EQ(o["status"], b["indicators"][id]["status"]) << a["code"] << " " << id;
      values += o["value"].is_null() ? 0 : 1;
    }
  }
  EXPECT_GT(values, 145u * 2 * 12);
}

TEST_F(ReportOnSampleCity, HtmlRendersInChromiumWithMapsAndCharts) {
  const fs::path chromium = "/usr/bin/chromium";
  if (!fs::exists(chromium)) {
    GUOTU_CLIENT_MISSING("chromium is not installed (scripts/install-deps.sh installs it): the HTML render test");
  }
  const fs::path html = out_ / "report.html";
  ASSERT_TRUE(fs::exists(html));
  const fs::path profile = dir_ / "chromium-profile";
  const fs::path shot = test::sample_dir().parent_path() / "report-screenshot.png";
  const fs::path log = dir_ / "chromium.log", dom = dir_ / "dom.html";
  const std::string common =
      chromium.string() +
      " --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
      " --disable-sync --no-first-run --user-data-dir='" +
      profile.string() + "'";
  fs::remove(shot);
  int rc = std::system((common + " --enable-logging=stderr --v=0 --screenshot='" + shot.string() +
                        "' --window-size=1400,2400 'file://" + html.string() + "' >'" + log.string() + "' 2>&1")
                           .c_str());
  EXPECT_EQ(rc, 0) << read_text(log);
  rc = std::system((common + " --dump-dom 'file://" + html.string() + "' >'" + dom.string() + "' 2>/dev/null").c_str());
  EXPECT_EQ(rc, 0);
  // No console messages (errors, failed loads).
  const std::string l = read_text(log);
  EXPECT_EQ(l.find(":CONSOLE("), std::string::npos) << l;
  EXPECT_EQ(l.find("Uncaught"), std::string::npos) << l;
  EXPECT_EQ(l.find("Failed to load resource"), std::string::npos) << l;
  // The parsed page holds the maps (one path per unit) and the bar charts.
  const std::string d = read_text(dom);
  std::size_t maps = 0, bars = 0;
  for (std::size_t p = d.find("<svg class=\"map\""); p != std::string::npos; p = d.find("<svg class=\"map\"", p + 1))
    ++maps;
  for (std::size_t p = d.find("<svg class=\"bars\""); p != std::string::npos; p = d.find("<svg class=\"bars\"", p + 1))
    ++bars;
  EXPECT_EQ(maps, 8u);  // 4 key indicators × (county, town)
  EXPECT_EQ(bars, 4u);  // county level only (towns are too many for bars)
  EXPECT_GT(std::count(d.begin(), d.end(), '\n') + d.size(), 10000u);
  // A real screenshot: a PNG of some size.
  ASSERT_TRUE(fs::exists(shot));
  const std::string png = read_text(shot);
  ASSERT_GT(png.size(), 20000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
}
