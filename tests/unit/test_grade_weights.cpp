// The grade-weight table of the 占补平衡 capacity: a bureau supplies it (`--grade-weights FILE`
// on check and the ledger), a bad one is refused naming the file and the line, and the shipped
// example is marked 示例 wherever a capacity computed with it is printed.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/occupancy.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::check::GradeWeights;

namespace {

// A table with every grade 1–15; `row` replaces the line of one grade (1-based, after the header).
std::string table(int grade = 0, const std::string& row = {}) {
  std::string t = "grade,weight,provenance\n";
  for (int g = 1; g <= 15; ++g) {
    if (g == grade) {
      if (!row.empty()) t += row + "\n";
      continue;
    }
    t += std::to_string(g) + "," + std::to_string(1.0 - 0.05 * (g - 1)) + (g == 1 ? ",本局2024年等别折算表" : ",") +
         "\n";
  }
  return t;
}

std::string refusal(const fs::path& file) {
  const guotu::Error e = guotu::test::error_of([&] { (void)GradeWeights::load(file); });
  EXPECT_EQ(e.exit_code(), 2) << e.what();
  return e.what();
}

}  // namespace

TEST(GradeWeights, ABureausTableIsReadAndIsNoExample) {
  guotu::test::TempDir dir;
  const fs::path f = dir / "bureau.csv";
  guotu::test::write_file(f, "\xEF\xBB\xBF" + table());  // with a BOM, as Excel saves it
  const GradeWeights w = GradeWeights::chosen(f.string());
  EXPECT_FALSE(w.example());
  EXPECT_EQ(w.basis(), "权重表 bureau.csv");
  EXPECT_EQ(w.source(), "bureau.csv: 本局2024年等别折算表");
  ASSERT_EQ(w.weights().size(), 15u);
  EXPECT_DOUBLE_EQ(*w.weight(1), 1.0);
  EXPECT_DOUBLE_EQ(*w.weight(15), 0.3);
  // The shipped table, by default or by name, is the example.
  EXPECT_TRUE(GradeWeights::chosen("").example());
  EXPECT_EQ(GradeWeights::chosen("").basis(), "示例");
  EXPECT_TRUE(GradeWeights::chosen(guotu::test::data_file("data/rules/farmland_grade_weights.csv").string()).example());
  EXPECT_DOUBLE_EQ(*GradeWeights::embedded().weight(7), 0.6);  // (16 − 7) / 15
}

TEST(GradeWeights, ABadTableIsRefusedNamingTheFileAndLine) {
  guotu::test::TempDir dir;
  const fs::path f = dir / "w.csv";
  struct Case {
    std::string text, says;
  };
  const std::vector<Case> cases = {
      // grade 7 is on line 8 (the header is line 1)
      {table(7, "7,600,kg/亩"), "w.csv:8: the weight of grade 7 must be a factor from 0 to 10"},
      {table(7, "7,-0.1,"), "w.csv:8: the weight of grade 7 must be a factor"},
      {table(7, "7,nan,"), "w.csv:8: the weight of grade 7 must be a factor"},
      {table(7, "7,六成,"), "w.csv:8: the weight of grade 7 must be a factor"},
      {table(7, "7.5,0.6,"), "w.csv:8: grade '7.5' is not a 耕地等别 1–15"},
      {table(7, "16,0.6,"), "w.csv:8: grade '16' is not a 耕地等别 1–15"},
      {table(7, "6,0.6,"), "w.csv:8: grade 6 is listed twice"},
      {table(15), "w.csv: the table lists no weight for grade 15"},
      {table(7, "7,0.6"), "w.csv:8: this row has 2 fields, the header has 3"},
      {"等别,折算系数\n1,1\n", "w.csv:1: a grade-weight table needs the columns grade and weight"},
      {"", "w.csv: the grade-weight table is empty"},
  };
  for (const auto& c : cases) {
    guotu::test::write_file(f, c.text);
    const std::string msg = refusal(f);
    EXPECT_NE(msg.find(c.says), std::string::npos) << msg;
  }
  // Blank lines do not shift the line named.
  guotu::test::write_file(f, "grade,weight\n\n1,1\n2,0.9\n\n3,x\n");
  EXPECT_NE(refusal(f).find("w.csv:6: the weight of grade 3"), std::string::npos);
}

// check prints capacities marked 示例 (summary, JSON, GeoPackage titles) with the shipped table,
// and unmarked, computed with the bureau's weights, with --grade-weights.
TEST(GradeWeights, CheckMarksTheExampleAndUsesTheBureausTable) {
  guotu::test::TempDir dir;
  const guotu::test::Origin o{39440000, 4030000};
  auto dltb = guotu::test::catalogue_layer("DLTB");
  dltb.features.push_back(
      {o.rect(0, 0, 100, 100).to_wkt(),
       {{"BSM", std::string("D")}, {"DLBM", std::string("0101")}, {"KCXS", 0.1}, {"GDDB", std::int64_t{7}}}});
  auto red = guotu::test::catalogue_layer("STBHHX");
  red.features.push_back({o.rect(500, 0, 600, 100).to_wkt(), {{"BSM", std::string("A")}}});
  guotu::test::write_gpkg(dir / "plan.gpkg", {dltb, red});
  auto xmyd = guotu::test::catalogue_layer("XMYD");
  xmyd.features.push_back(
      {o.rect(0, 0, 50, 100).to_wkt(), {{"BSM", std::string("P1")}, {"XZQDM", std::string("371502")}}});
  guotu::test::write_gpkg(dir / "projects.gpkg", {xmyd});
  guotu::test::write_file(dir / "rules.yaml",
                          "rules:\n  - {id: R-A, name_zh: 甲, name_en: a, kind: forbid-overlap, severity: 禁止, "
                          "source: test, layer: STBHHX, tolerance_m2: 1}\n");
  guotu::test::write_file(dir / "bureau.csv", table());  // grade 7 → 1 − 0.05 × 6 = 0.7
  const std::string base = "check --plan " + guotu::test::shell_quote(dir / "plan.gpkg") + " --projects " +
                           guotu::test::shell_quote(dir / "projects.gpkg") + " --rules " +
                           guotu::test::shell_quote(dir / "rules.yaml") + " --json --overwrite";
  for (const bool bureau : {false, true}) {
    SCOPED_TRACE(bureau ? "bureau" : "example");
    const fs::path out = dir / (bureau ? "b.gpkg" : "e.gpkg"), occ = dir / (bureau ? "b.json" : "e.json");
    const auto r = guotu::test::run_guotu(
        base + " --out " + guotu::test::shell_quote(out) + " --occupancy-json " + guotu::test::shell_quote(occ) +
        (bureau ? " --grade-weights " + guotu::test::shell_quote(dir / "bureau.csv") : "") + " 2>" +
        guotu::test::shell_quote(dir / "err.txt"));
    ASSERT_EQ(r.exit_code, 0) << guotu::test::read_file(dir / "err.txt");
    const auto j = nlohmann::json::parse(r.out);
    const std::string err = guotu::test::read_file(dir / "err.txt");
    const auto o2 = nlohmann::json::parse(guotu::test::read_file(occ));
    const double net = o2["occupations"][0]["cultivated_net_m2"].get<double>();
    const double capacity = o2["occupations"][0]["capacity_std_m2"].get<double>();
    EXPECT_NEAR(net, 4500.0, 1.0);  // 50 × 100 m, 10 % 田坎, 椭球面积 a little under the plane's
    EXPECT_NEAR(capacity, net * (bureau ? 0.7 : 0.6), 1e-6);
    const auto title = guotu::test::sqlite_rows(
        out, "SELECT title FROM gpkg_data_columns WHERE table_name = 'projects' AND column_name = 'capacity_std_m2'");
    if (bureau) {
      EXPECT_EQ(j.at("capacity_basis"), "权重表 bureau.csv");
      EXPECT_EQ(o2.at("capacity_basis"), "权重表 bureau.csv");
      EXPECT_FALSE(o2.at("grade_weights").at("example").get<bool>());
      EXPECT_EQ(err.find("示例"), std::string::npos) << err;
      EXPECT_NE(err.find("（权重表 bureau.csv）"), std::string::npos) << err;
      ASSERT_EQ(title.size(), 1u);
      EXPECT_EQ(title[0][0], "折标准等别面积(平方米)");
    } else {
      EXPECT_EQ(j.at("capacity_basis"), "示例");
      EXPECT_EQ(o2.at("capacity_basis"), "示例");
      EXPECT_TRUE(o2.at("grade_weights").at("example").get<bool>());
      EXPECT_NE(err.find("（示例：随附的示例等别权重"), std::string::npos) << err;
      ASSERT_EQ(title.size(), 1u);
      EXPECT_EQ(title[0][0], "折标准等别面积(平方米)（示例权重）");
    }
  }
  // A bad table: refused before any layer is read, naming the file and line; no output.
  guotu::test::write_file(dir / "bad.csv", table(3, "3,三等,"));
  const auto r = guotu::test::run_guotu(base + " --out " + guotu::test::shell_quote(dir / "x.gpkg") +
                                        " --grade-weights " + guotu::test::shell_quote(dir / "bad.csv") + " 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("bad.csv:4: the weight of grade 3"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.gpkg"));
}
