// Replays the data-driven rule cases in tests/cases/rules/*.yaml (in the manner of GEOS's
// xmltester): each file gives plan layers and projects as WKT in EPSG:4527, the rules inline,
// and the expected verdicts and areas. The expected areas are hand-derived geometries: the
// runner checks that their planar area equals the hand-computed `planar_m2`, then computes the
// reference 椭球面积 independently of guotu (PROJ to CGCS2000 lon/lat, geod_polygonarea) and
// compares guotu's figure with it. Schema: tests/cases/rules/README.md.
#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "check/checker.hpp"
#include "check/rule_set.hpp"
#include "core/error.hpp"
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

/// Σ reference area × factor over a list of {wkt, planar_m2, factor} terms.
double expected_area(GeodesicReference& ref, const YAML::Node& terms, const std::string& what) {
  double sum = 0;
  for (const auto& t : terms) {
    const auto g = geos::Geometry::from_wkt(t["wkt"].as<std::string>());
    const double planar = t["planar_m2"].as<double>();
    EXPECT_NEAR(g.planar_area(), planar, 1e-6 * std::max(1.0, planar))
        << what << ": the hand-computed planar_m2 does not match the expected geometry";
    const double factor = t["factor"] ? t["factor"].as<double>() : 1.0;
    sum += ref.area_m2(g) * factor;
  }
  return sum;
}

void expect_area(double actual, double expected, const std::string& what) {
  // 32号 trapezoid method vs geodesic polygon area: both exact for these small polygons to
  // well under 1e-6; the 1 mm overlay grid moves nothing here (vertices are on whole metres).
  EXPECT_NEAR(actual, expected, 1e-6 * expected + 0.01) << what;
}

class RuleCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleCase, Replays) {
  const fs::path file = GetParam();
  SCOPED_TRACE(file.filename().string());
  const YAML::Node c = YAML::LoadFile(file.string());
  ASSERT_TRUE(c["rules"] && c["plan"] && c["projects"] && c["expect"]) << "a case needs rules, plan, projects, expect";
  test::TempDir dir;
  const auto& catalogue = layers::Catalogue::embedded();
  {
    gdal::OutputWriter plan((dir / "plan.gpkg").string(), {});
    for (const auto& layer : c["plan"]) {
      const layers::LayerDef* def = catalogue.find(layer.first.as<std::string>());
      ASSERT_NE(def, nullptr) << layer.first.as<std::string>();
      test::write_yaml_layer(plan, *def, layer.second);
    }
    plan.commit();
    gdal::OutputWriter projects((dir / "projects.gpkg").string(), {});
    test::write_yaml_layer(projects, catalogue.get("XMYD"), c["projects"]);
    projects.commit();
  }
  const check::RuleSet rules = check::RuleSet::parse(c["rules"].as<std::string>(), file.string());
  check::CheckOptions o;
  o.plan = (dir / "plan.gpkg").string();
  o.projects = (dir / "projects.gpkg").string();
  // A bureau's grade-weight table, inline CSV, for the 占补平衡 capacity (else the shipped example).
  if (c["grade_weights"]) {
    o.grade_weights = (dir / "weights.csv").string();
    std::ofstream(o.grade_weights) << c["grade_weights"].as<std::string>();
  }
  if (const auto opt = c["options"]) {
    o.make_valid = opt["make_valid"] && opt["make_valid"].as<bool>();
    o.strict = opt["strict"] && opt["strict"].as<bool>();
    if (opt["jobs"]) o.jobs = opt["jobs"].as<unsigned>();
  }
  const YAML::Node expect = c["expect"];
  if (expect["error"]) {
    try {
      (void)check::run_check(rules, o);
      FAIL() << "expected an error containing: " << expect["error"].as<std::string>();
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::BadInput);
      EXPECT_NE(std::string(e.what()).find(expect["error"].as<std::string>()), std::string::npos) << e.what();
    }
    return;
  }
  const check::CheckResult r = check::run_check(rules, o);

  if (expect["exit_code"]) {
    EXPECT_EQ(r.exit_code(), expect["exit_code"].as<int>());
  }
  if (expect["capacity_basis"]) {
    EXPECT_EQ(r.weights.basis(), expect["capacity_basis"].as<std::string>());
  }
  // Every project's verdict and the set of rules it breaks.
  const YAML::Node ep = expect["projects"];
  ASSERT_TRUE(ep && ep.IsMap());
  EXPECT_EQ(ep.size(), r.projects.size()) << "a case lists every project";
  for (const auto& p : r.projects) {
    const YAML::Node e = ep[p.id];
    if (!e) {
      ADD_FAILURE() << "project " << p.id << " not in expect.projects";
      continue;
    }
    EXPECT_EQ(check::to_string(p.verdict), e["verdict"].as<std::string>()) << "project " << p.id;
    std::set<std::string> got;
    for (const auto& [rule, m2] : p.rule_area_m2) got.insert(rule);
    EXPECT_EQ(got, test::string_set(e["rules"])) << "rules broken by project " << p.id;
    // … and the exact set of rules that could not be judged on it (none unless listed), each
    // with a reason that contains the case's words.
    std::set<std::string> unjudged;
    for (const auto& n : p.not_evaluated) {
      unjudged.insert(n.rule);
      EXPECT_FALSE(n.reason.empty()) << p.id << " " << n.rule;
    }
    EXPECT_EQ(unjudged, test::string_set(e["not_evaluated"])) << "rules not evaluated on project " << p.id;
    for (const auto& w : e["why"]) {
      const std::string rule = w.first.as<std::string>(), words = w.second.as<std::string>();
      auto it = std::find_if(p.not_evaluated.begin(), p.not_evaluated.end(),
                             [&](const check::NotEvaluated& n) { return n.rule == rule; });
      if (it == p.not_evaluated.end()) {
        ADD_FAILURE() << p.id << ": no reason for " << rule;
        continue;
      }
      EXPECT_NE(it->reason.find(words), std::string::npos) << p.id << " " << rule << ": " << it->reason;
    }
  }
  GeodesicReference ref;
  auto project = [&](const std::string& id) -> const check::ProjectResult* {
    for (const auto& p : r.projects)
      if (p.id == id) return &p;
    ADD_FAILURE() << "no project " << id;
    return nullptr;
  };
  for (const auto& a : expect["areas"]) {
    const std::string id = a["project"].as<std::string>(), rule = a["rule"].as<std::string>();
    const auto* p = project(id);
    if (p == nullptr) continue;
    auto it = p->rule_area_m2.find(rule);
    if (it == p->rule_area_m2.end()) {
      ADD_FAILURE() << id << " has no area for " << rule;
      continue;
    }
    YAML::Node terms = a["parts"] ? a["parts"] : YAML::Node(YAML::NodeType::Sequence);
    if (!a["parts"]) terms.push_back(a);
    expect_area(it->second, expected_area(ref, terms, id + "/" + rule), id + " " + rule);
    if (a["pieces"]) {
      const auto n = std::count_if(r.violations.begin(), r.violations.end(),
                                   [&](const check::Violation& v) { return v.project == id && v.rule == rule; });
      EXPECT_EQ(n, a["pieces"].as<long>()) << id << " " << rule << " pieces";
    }
  }
  auto ids = [](const std::vector<check::ProjectProblem>& list) {
    std::set<std::string> s;
    for (const auto& p : list) s.insert(p.project);
    return s;
  };
  EXPECT_EQ(ids(r.invalid_projects), test::string_set(expect["invalid"])) << "invalid projects";
  EXPECT_EQ(ids(r.skipped), test::string_set(expect["skipped"])) << "skipped projects";
  EXPECT_EQ(ids(r.outside_city), test::string_set(expect["outside_city"])) << "outside the city";
  std::set<std::string> not_evaluated, approved;
  for (const auto& rs : r.rules)
    if (!rs.evaluated) not_evaluated.insert(rs.rule.id);
  EXPECT_EQ(not_evaluated, test::string_set(expect["not_evaluated"])) << "rules not evaluated";
  for (const auto& p : r.projects)
    for (const auto& a : p.approved) approved.insert(p.id + "/" + a.rule);
  EXPECT_EQ(approved, test::string_set(expect["approved"])) << "approved overlaps (project/rule)";
  for (const auto& e : expect["county"]) {
    if (const auto* p = project(e.first.as<std::string>())) {
      EXPECT_EQ(p->county, e.second.as<std::string>());
    }
  }
  for (const auto& e : expect["occupancy"]) {
    const std::string id = e.first.as<std::string>();
    const auto* p = project(id);
    if (p == nullptr) continue;
    ASSERT_TRUE(p->occupancy.evaluated) << id;
    const YAML::Node o2 = e.second;
    if (o2["cultivated_net_m2"])
      expect_area(p->occupancy.cultivated_net_m2, expected_area(ref, o2["cultivated_net_m2"], id), id + " net 耕地");
    if (o2["cultivated_gross_m2"])
      expect_area(p->occupancy.cultivated_gross_m2, expected_area(ref, o2["cultivated_gross_m2"], id),
                  id + " gross 耕地");
    if (o2["capacity_std_m2"])
      expect_area(p->occupancy.capacity_std_m2, expected_area(ref, o2["capacity_std_m2"], id), id + " capacity");
    if (o2["ungraded_m2"])
      expect_area(p->occupancy.cultivated_ungraded_m2, expected_area(ref, o2["ungraded_m2"], id), id + " ungraded");
    for (const auto& g : o2["by_grade"]) {
      const int grade = g.first.as<int>();
      auto it = p->occupancy.cultivated_by_grade_m2.find(grade);
      const double got = it == p->occupancy.cultivated_by_grade_m2.end() ? 0.0 : it->second;
      expect_area(got, expected_area(ref, g.second, id), id + " grade " + std::to_string(grade));
    }
    EXPECT_EQ(p->occupancy.cultivated_by_grade_m2.size(), o2["by_grade"] ? o2["by_grade"].size() : 0u)
        << id << " grades";
    for (const auto& cls : o2["by_class"]) {
      auto it = p->occupancy.by_class_m2.find(cls.first.as<std::string>());
      const double got = it == p->occupancy.by_class_m2.end() ? 0.0 : it->second;
      expect_area(got, expected_area(ref, cls.second, id), id + " class " + cls.first.as<std::string>());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, RuleCase, ::testing::ValuesIn(test::case_files("tests/cases/rules")), test::case_name);

}  // namespace
