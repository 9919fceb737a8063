// The sample city's planted changes and projects, checked on the written GeoPackage without guotu
// diff or the generator's code: where each change piece lies comes from OGR SQL (SQLite dialect,
// SpatiaLite ST_Intersection and ST_Area of the two vintages' patches and the plan layers), its
// classes are derived again here from the codes and those areas by the class table of issue 14
// (docs/change.md), and the result must equal the sidecar sample_changes row by row. Then: each
// planted case is there at least three times, only the planted rows carry 违规开垦, 永久基本农田非粮化
// or 已批, and the two vintages differ nowhere else (GEOS, pair by pair). Finally the projects: the
// 禁止 projects of sample_projects are those with a planted violation, and one of them occupies
// farmland, so check's occupancy file holds a 禁止 project.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// 三调 land classes as issue 14's contract names them (layers/codes/land_classes.csv), written
// out again: a code and its suffixed variants (0201K, 1104A) where the class takes suffixes.
bool starts(const std::string& code, const std::string& prefix) {
  return code.rfind(prefix, 0) == 0;
}
bool cultivated(const std::string& c) {
  return c == "0101" || c == "0102" || c == "0103";
}
bool construction(const std::string& c) {
  for (const char* p : {"05", "06", "07", "08", "09"})
    if (starts(c, p)) return true;
  for (const char* e : {"1001", "1002", "1003", "1004", "1005", "1007", "1008", "1009", "1109", "1201", "1107A"})
    if (c == e) return true;
  return false;
}
bool forest(const std::string& c) {
  return starts(c, "0301") || starts(c, "0302") || starts(c, "0305") || starts(c, "0307");
}
bool garden(const std::string& c) {
  return starts(c, "02");
}
bool wetland(const std::string& c) {
  for (const char* e : {"0303", "0304", "0306", "0402", "1105", "1106", "1108"})
    if (c == e) return true;
  return false;
}
bool agricultural(const std::string& c) {
  for (const char* p : {"01", "02", "03", "0401", "0402", "0403", "1104"})
    if (starts(c, p)) return true;
  return c == "1006" || c == "1103" || c == "1202" || c == "1203" || c == "1107";
}

/// One sidecar row with the facts measured here.
struct Row {
  std::map<std::string, std::string> side;  // the sidecar's fields
  std::string before, after;                // DLBM of the two patches (from DLTB and DLTB_LATER)
  double area = 0, red = 0, yjjbnt = 0, parks = 0, core = 0, in_czk = 0;
  double uncovered = -1;  // area outside the approved project covering most of it (-1: none near)
  std::string project;    // the approved project covering all of it but 1 m² (empty: none)
};

/// What the class table of issue 14 says of a piece, from its codes and where it lies ("inside"
/// = at least 1 m² inside; "outside CZKFBJ" = at least 1 m² outside).
struct Truth {
  std::string classes, klass, layers, credit;
  bool suspect = false, approved = false, in_red = false, in_yjjbnt = false, in_parks = false, in_core = false,
       outside_czk = false;
};

Truth derive(const Row& r) {
  Truth t;
  const std::string &b = r.before, &a = r.after;
  t.in_red = r.red >= 1;
  t.in_yjjbnt = r.yjjbnt >= 1;
  t.in_parks = r.parks >= 1;
  t.in_core = r.core >= 1;
  t.outside_czk = r.area - r.in_czk >= 1;
  const bool new_construction = !construction(b) && construction(a);
  const bool reclaimed = !cultivated(b) && cultivated(a);
  t.approved = new_construction && r.uncovered >= 0 && r.uncovered <= 1;
  const bool nonfarm = cultivated(b) && construction(a);
  const bool out = cultivated(b) && !cultivated(a) && agricultural(a);
  const bool illegal = (wetland(b) && (cultivated(a) || construction(a))) ||
                       ((reclaimed || new_construction) && (t.in_red || t.in_core));
  const bool non_grain = cultivated(b) && t.in_yjjbnt && (garden(a) || forest(a) || starts(a, "1104") || a == "1202");
  const bool forest_loss = forest(b) && !forest(a);
  const std::vector<std::pair<bool, const char*>> order = {
      {nonfarm, "非农化"},   {new_construction, "新增建设用地"}, {out, "进出平衡_出"},     {reclaimed, "进出平衡_进"},
      {illegal, "违规开垦"}, {non_grain, "永久基本农田非粮化"},  {forest_loss, "林地减少"}};
  for (const auto& [holds, name] : order)
    if (holds) t.classes += (t.classes.empty() ? "" : ";") + std::string(name);
  if (t.classes.empty()) t.classes = "其他变化";
  t.klass = nonfarm ? "非农化" : out ? "进出平衡_出" : reclaimed ? "进出平衡_进" : "其他变化";
  std::vector<std::string> layers;
  if (t.in_red && (new_construction || reclaimed)) layers.push_back("STBHHX");
  if ((new_construction && t.in_yjjbnt && !t.approved) || non_grain) layers.push_back("YJJBNT");
  if ((new_construction && t.in_parks && (!t.approved || t.in_core)) || (reclaimed && t.in_core))
    layers.push_back("ZRBHD");
  if (new_construction && t.outside_czk && !t.approved) layers.push_back("CZKFBJ");
  for (const auto& l : layers) t.layers += (t.layers.empty() ? "" : ";") + l;
  t.suspect = illegal || non_grain || !layers.empty();
  t.credit = illegal || non_grain ? "none" : out ? "out" : reclaimed ? "in" : "none";
  return t;
}

/// Envelopes of a and b meet (SQL; SpatiaLite's MbrIntersects answers -1, "true" to SQLite, on
/// GeoPackage geometry blobs, so the bounds are compared one by one).
std::string envelopes_meet(const std::string& a, const std::string& b) {
  return "ST_MaxX(" + b + ") >= ST_MinX(" + a + ") AND ST_MinX(" + b + ") <= ST_MaxX(" + a + ") AND ST_MaxY(" + b +
         ") >= ST_MinY(" + a + ") AND ST_MinY(" + b + ") <= ST_MaxY(" + a + ")";
}

bool has(const std::string& classes, const std::string& cls) {
  return (";" + classes + ";").find(";" + cls + ";") != std::string::npos;
}

class SampleChanges : public ::testing::Test {
 protected:
  static fs::path city_;
  static std::vector<Row> rows_;

  static void SetUpTestSuite() {
    city_ = guotu::test::sample_city(false);
    const std::vector<std::string> fields = {
        "CHANGE_ID", "BSM",           "BSM_LATER",      "DLBM_BEFORE",    "DLBM_AFTER", "CLASS",  "AREA_M2",
        "IN_YJJBNT", "CLASSES",       "SUSPECT",        "SUSPECT_LAYERS", "APPROVED",   "CREDIT", "IN_STBHHX",
        "IN_ZRBHD",  "IN_ZRBHD_CORE", "OUTSIDE_CZKFBJ", "CASE_ID",        "PARTIAL"};
    std::string cols;
    for (const auto& f : fields) cols += "p." + f + ", ";
    auto inside = [](const std::string& layer, const std::string& filter) {
      return "(SELECT TOTAL(ST_Area(ST_Intersection(p.g, z.geom))) FROM " + layer + " z WHERE " + filter +
             envelopes_meet("p.g", "z.geom") + ")";
    };
    const std::string approved = " FROM XMYD x WHERE x.PZWH <> '' AND " + envelopes_meet("p.g", "x.geom");
    const std::string query =
        "SELECT " + cols + "p.b_dlbm, p.l_dlbm, ST_Area(p.g), " + inside("STBHHX", "") + ", " + inside("YJJBNT", "") +
        ", " + inside("ZRBHD", "") + ", " + inside("ZRBHD", "z.GNFQ = '核心保护区' AND ") + ", " +
        inside("CZKFBJ", "") + ", (SELECT MIN(ST_Area(ST_Difference(p.g, x.geom)))" + approved + "), (SELECT x.BSM" +
        approved +
        " AND ST_Area(ST_Difference(p.g, x.geom)) <= 1 LIMIT 1) FROM (SELECT c.*, b.DLBM AS b_dlbm, l.DLBM AS "
        "l_dlbm, ST_Intersection(b.geom, l.geom) AS g FROM sample_changes c JOIN DLTB b ON b.BSM = c.BSM JOIN "
        "DLTB_LATER l ON l.BSM = c.BSM_LATER) p ORDER BY p.CHANGE_ID";
    for (const auto& r : guotu::test::ogr_sql_rows(city_, query)) {
      Row row;
      std::size_t k = 0;
      for (; k < fields.size(); ++k) row.side[fields[k]] = r.at(k);
      row.before = r.at(k++);
      row.after = r.at(k++);
      auto num = [&](std::size_t i) { return r.at(i).empty() ? -1.0 : std::stod(r.at(i)); };
      row.area = num(k++);
      row.red = num(k++);
      row.yjjbnt = num(k++);
      row.parks = num(k++);
      row.core = num(k++);
      row.in_czk = num(k++);
      row.uncovered = num(k++);
      row.project = r.at(k++);
      rows_.push_back(std::move(row));
    }
  }
};
fs::path SampleChanges::city_;
std::vector<Row> SampleChanges::rows_;

}  // namespace

// Every sidecar row: its codes are the patches', its truth is what the class table says of where
// the piece lies, and no figure sits near the 1 m² threshold (the truth does not hang on rounding).
TEST_F(SampleChanges, EachRowsTruthFollowsFromItsCodesAndZones) {
  ASSERT_EQ(static_cast<double>(rows_.size()),
            std::stod(guotu::test::ogr_sql_rows(city_, "SELECT COUNT(*) FROM sample_changes").at(0).at(0)))
      << "every row's two patches are in the vintages";
  ASSERT_GT(rows_.size(), 100u);
  for (const auto& r : rows_) {
    const auto& s = r.side;
    SCOPED_TRACE(s.at("CHANGE_ID") + " " + s.at("CASE_ID") + " " + s.at("BSM") + " → " + s.at("BSM_LATER") + " " +
                 r.before + " → " + r.after);
    EXPECT_EQ(s.at("DLBM_BEFORE"), r.before);
    EXPECT_EQ(s.at("DLBM_AFTER"), r.after);
    EXPECT_NE(r.before, r.after);
    EXPECT_GT(r.area, 100.0);
    for (double v : {r.red, r.yjjbnt, r.parks, r.core, r.in_czk, r.area - r.in_czk})
      EXPECT_TRUE(v < 0.5 || v > 2.0) << v << " m² inside or outside a zone: too near the 1 m² threshold";
    if (r.uncovered >= 0) {
      EXPECT_TRUE(r.uncovered < 0.5 || r.uncovered > 2.0) << r.uncovered;
    }
    const Truth t = derive(r);
    EXPECT_EQ(s.at("CLASSES"), t.classes);
    EXPECT_EQ(s.at("CLASS"), t.klass);
    EXPECT_EQ(s.at("SUSPECT"), t.suspect ? "1" : "0");
    EXPECT_EQ(s.at("SUSPECT_LAYERS"), t.layers);
    EXPECT_EQ(s.at("APPROVED"), t.approved ? "1" : "0");
    EXPECT_EQ(s.at("CREDIT"), t.credit);
    EXPECT_EQ(s.at("IN_STBHHX"), t.in_red ? "1" : "0");
    EXPECT_EQ(s.at("IN_YJJBNT"), t.in_yjjbnt ? "1" : "0");
    EXPECT_EQ(s.at("IN_ZRBHD"), t.in_parks ? "1" : "0");
    EXPECT_EQ(s.at("IN_ZRBHD_CORE"), t.in_core ? "1" : "0");
    EXPECT_EQ(s.at("OUTSIDE_CZKFBJ"), t.outside_czk ? "1" : "0");
  }
}

// Each case of issue 14 is planted at least three times (counted from the codes and the measured
// zones, not from the sidecar's case names), and only where the sidecar says it was planted.
TEST_F(SampleChanges, EachCaseIsPlantedAtLeastThreeTimesAndOnlyThere) {
  std::map<std::string, int> n;
  std::set<std::string> approved_projects, non_grain_codes;
  const std::set<std::string> ordinary = {"nonfarm_near_town", "nonfarm_in_yjjbnt", "inout_out", "inout_in"};
  for (const auto& r : rows_) {
    const Truth t = derive(r);
    const std::string& b = r.before;
    const std::string& a = r.after;
    const std::string& case_id = r.side.at("CASE_ID");
    SCOPED_TRACE(r.side.at("CHANGE_ID") + " " + case_id);
    const bool new_construction = !construction(b) && construction(a);
    if (wetland(b) && cultivated(a)) ++n["wetland → 耕地"];
    if (wetland(b) && construction(a)) ++n["wetland → 建设"];
    if (!wetland(b) && !cultivated(b) && cultivated(a) && t.in_red && !t.in_parks) ++n["红线内 → 耕地"];
    if (!wetland(b) && new_construction && t.in_red && !t.in_parks) ++n["红线内 → 建设"];
    if (t.in_core && has(t.classes, "违规开垦")) ++n["核心保护区 违规开垦"];
    if (has(t.classes, "永久基本农田非粮化")) {
      ++n["永久基本农田非粮化"];
      non_grain_codes.insert(garden(a) ? "园地" : forest(a) ? "林地" : starts(a, "1104") ? "坑塘" : a);
    }
    if (new_construction && !cultivated(b) && !t.in_red && !t.outside_czk && !t.suspect) ++n["新增建设 开发边界内"];
    if (new_construction && !cultivated(b) && !t.in_red && t.outside_czk && t.suspect) ++n["新增建设 开发边界外"];
    if (has(t.classes, "林地减少")) ++n["林地减少"];
    if (t.classes == "其他变化") ++n["其他变化"];
    if (t.approved) {
      ++n["已批"];
      approved_projects.insert(r.project);
      EXPECT_FALSE(t.suspect) << "approved construction outside the red line is not 疑似违法";
      EXPECT_TRUE(t.in_yjjbnt || t.outside_czk) << "an approval that clears a flag";
    }
    if (t.credit == "in") ++n["credit in"];
    if (t.credit == "out") ++n["credit out"];
    // Found only where planted: the ordinary changes carry no violation class, and lawful credit
    // comes neither from wetland nor from inside the red line.
    if (ordinary.count(case_id)) {
      EXPECT_FALSE(has(t.classes, "违规开垦") || has(t.classes, "永久基本农田非粮化") || has(t.classes, "林地减少"))
          << t.classes;
      EXPECT_FALSE(t.approved);
      EXPECT_FALSE(t.in_red || t.in_parks);
    }
    if (t.credit != "none") {
      EXPECT_FALSE(wetland(b));
      EXPECT_FALSE(t.in_red || t.in_core);
    }
  }
  for (const char* k :
       {"wetland → 耕地", "红线内 → 耕地", "红线内 → 建设", "核心保护区 违规开垦", "永久基本农田非粮化",
        "新增建设 开发边界内", "新增建设 开发边界外", "林地减少", "其他变化", "已批", "credit in", "credit out"})
    EXPECT_GE(n[k], 3) << k;
  EXPECT_GE(n["wetland → 耕地"] + n["wetland → 建设"], 4);
  EXPECT_GE(n["wetland → 建设"], 1);
  EXPECT_EQ(non_grain_codes, (std::set<std::string>{"园地", "林地", "坑塘", "1202"}));
  EXPECT_GE(approved_projects.size(), 3u);
  // The approved projects are compliant ones: none of them breaks a rule.
  for (const auto& p : approved_projects) {
    SCOPED_TRACE(p);
    EXPECT_EQ(
        guotu::test::ogr_sql_rows(city_, "SELECT COUNT(*) FROM sample_expected_violations WHERE XMYD_BSM = '" + p + "'")
            .at(0)
            .at(0),
        "0");
  }
  // The planted rows are the ones whose case says so.
  for (const auto& r : rows_) {
    const Truth t = derive(r);
    if (has(t.classes, "违规开垦") || has(t.classes, "永久基本农田非粮化") || t.approved) {
      EXPECT_EQ(ordinary.count(r.side.at("CASE_ID")), 0u) << r.side.at("CHANGE_ID");
    }
  }
}

// The two vintages differ exactly where the sidecar says: every pair (DLTB patch, DLTB_LATER patch)
// of different codes sharing at least 1 m² is a row, and every row is such a pair (GEOS).
TEST_F(SampleChanges, TheVintagesDifferNowhereElse) {
  auto src = guotu::gdal::VectorSource::open(city_.string());
  const auto& before_layer = src.require_layer("DLTB");
  const auto& after_layer = src.require_layer("DLTB_LATER");
  const auto before = before_layer.read_all();
  const auto after = after_layer.read_all();
  const std::size_t bb = *before_layer.field_index("BSM"), bd = *before_layer.field_index("DLBM");
  const std::size_t ab = *after_layer.field_index("BSM"), ad = *after_layer.field_index("DLBM");
  std::vector<std::pair<guotu::Envelope, std::size_t>> items;
  for (std::size_t i = 0; i < after.size(); ++i) items.push_back({after[i].geometry.envelope(), i});
  const guotu::index::EnvelopeIndex index(items);
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& b : before) {
    const std::string code = guotu::gdal::as_text(b.values[bd]);
    for (std::size_t j : index.query(b.geometry.envelope())) {
      const auto& a = after[j];
      if (guotu::gdal::as_text(a.values[ad]) == code || !b.geometry.intersects(a.geometry)) continue;
      if (b.geometry.intersection(a.geometry).polygonal_part().planar_area() < 1.0) continue;
      found.insert({guotu::gdal::as_text(b.values[bb]), guotu::gdal::as_text(a.values[ab])});
    }
  }
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& r : rows_) listed.insert({r.side.at("BSM"), r.side.at("BSM_LATER")});
  EXPECT_EQ(listed.size(), rows_.size()) << "one row per pair";
  EXPECT_EQ(found, listed);
}

// The projects' sidecar: the 禁止 ones are exactly those with a planted violation, each planted
// rule is a 禁止 rule of the shipped rule file, and check's occupancy file holds 禁止 projects that
// occupy farmland (what `ledger add-occupation --from-check` must refuse).
TEST_F(SampleChanges, TheOccupancyFileHoldsForbiddenProjects) {
  auto strings = [&](const std::string& q) {
    std::set<std::string> out;
    for (const auto& r : guotu::test::ogr_sql_rows(city_, q)) out.insert(r.at(0));
    return out;
  };
  EXPECT_EQ(strings("SELECT XMYD_BSM FROM sample_projects"), strings("SELECT BSM FROM XMYD"));
  const auto forbidden = strings("SELECT XMYD_BSM FROM sample_projects WHERE EXPECTED_VERDICT = '禁止'");
  EXPECT_EQ(forbidden, strings("SELECT XMYD_BSM FROM sample_expected_violations"));
  EXPECT_EQ(strings("SELECT COUNT(*) FROM sample_projects WHERE EXPECTED_VERDICT IS NOT NULL AND "
                    "EXPECTED_VERDICT <> '禁止'"),
            std::set<std::string>{"0"});
  const YAML::Node rules = YAML::LoadFile(guotu::test::data_file("data/rules/liaocheng.yaml").string());
  std::map<std::string, std::string> severity;
  for (const auto& r : rules["rules"]) severity[r["id"].as<std::string>()] = r["severity"].as<std::string>();
  for (const auto& id : strings("SELECT DISTINCT RULE_ID FROM sample_expected_violations")) {
    ASSERT_TRUE(severity.count(id)) << id;
    EXPECT_EQ(severity[id], "禁止") << id;
  }
  // 禁止 projects on farmland (耕地 of the earlier vintage, which check measures occupancy on).
  std::set<std::string> on_farmland;
  for (const auto& r : guotu::test::ogr_sql_rows(
           city_,
           "SELECT x.BSM, TOTAL(ST_Area(ST_Intersection(x.geom, d.geom))) AS a FROM XMYD x JOIN DLTB d ON " +
               envelopes_meet("x.geom", "d.geom") +
               " WHERE d.DLBM IN ('0101','0102','0103') AND x.BSM IN (SELECT XMYD_BSM FROM sample_projects WHERE "
               "EXPECTED_VERDICT = '禁止') GROUP BY x.BSM HAVING a >= 100"))
    on_farmland.insert(r.at(0));
  ASSERT_GE(on_farmland.size(), 1u);
  guotu::test::TempDir dir;
  const fs::path occ = dir / "occ.json";
  const auto run = guotu::test::run_guotu("check --plan '" + city_.string() + "' --projects '" + city_.string() +
                                          "' --out '" + (dir / "c.gpkg").string() + "' --occupancy-json '" +
                                          occ.string() + "' --json 2>/dev/null");
  ASSERT_EQ(run.exit_code, 1);
  const auto verdicts = nlohmann::json::parse(run.out);
  std::map<std::string, std::string> verdict;
  for (const auto& v : verdicts["verdicts"]) verdict[v["project"]] = v["verdict"];
  std::ifstream in(occ);
  const auto j = nlohmann::json::parse(in);
  std::set<std::string> booked_forbidden;
  for (const auto& o : j["occupations"])
    if (o["cultivated_net_m2"].get<double>() > 0 && forbidden.count(o["project"].get<std::string>()))
      booked_forbidden.insert(o["project"]);
  for (const auto& p : on_farmland) {
    EXPECT_TRUE(booked_forbidden.count(p)) << p << " occupies farmland: in the occupancy file";
    EXPECT_EQ(verdict[p], "禁止") << p;
  }
}
