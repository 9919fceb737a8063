// Replays the data-driven validate cases in tests/cases/validate/*.yaml (in the manner of GEOS's
// xmltester and of tests/cases/rules): each file gives the plan's layers as WKT with their
// attributes, optional edits of the shipped rule file and options, and the exact list of
// findings `guotu validate` must report (check, layer, fid, related feature, measure, place,
// message, severity) and no other. Schema: tests/cases/validate/README.md.
//
// Areas written `auto` (TBMJ, KCMJ, TBDLMJ) are the reference 椭球面积 of the feature's
// geometry computed independently of guotu (PROJ to CGCS2000 lon/lat, geod_polygonarea), so a
// patch's TBMJ is right without asking the code under test.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "layers/catalogue.hpp"
#include "support.hpp"
#include "validate/validator.hpp"

namespace fs = std::filesystem;
using namespace guotu;
namespace v = guotu::validate;

namespace {

/// A layer without any CRS, written as a Shapefile through OGR directly (a GeoPackage always
/// records some srs_id).
void write_shapefile(const fs::path& path, const test::LayerFixture& l) {
  gdal::initialize();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  ASSERT_NE(drv, nullptr);
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference* srs = nullptr;
  OGRSpatialReference declared;
  if (!l.spec.crs.empty()) {
    ASSERT_EQ(declared.SetFromUserInput(l.spec.crs.c_str()), OGRERR_NONE) << l.spec.crs;
    declared.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs = &declared;
  }
  OGRLayer* layer = ds->CreateLayer(path.stem().c_str(), srs, wkbPolygon, nullptr);
  ASSERT_NE(layer, nullptr);
  for (const auto& f : l.spec.fields) {
    OGRFieldDefn fd(f.name.c_str(), f.type == gdal::FieldType::Real     ? OFTReal
                                    : f.type == gdal::FieldType::String ? OFTString
                                                                        : OFTInteger64);
    ASSERT_EQ(layer->CreateField(&fd), OGRERR_NONE);
  }
  for (const auto& f : l.features) {
    OGRFeatureUniquePtr feat(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    ASSERT_TRUE(f.values.empty()) << "shapefile cases carry geometry only";
    if (!f.wkt.empty()) {
      OGRGeometry* g = nullptr;
      ASSERT_EQ(OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g), OGRERR_NONE) << f.wkt;
      feat->SetGeometryDirectly(g);
    }
    ASSERT_EQ(layer->CreateFeature(feat.get()), OGRERR_NONE);
  }
}

/// Whether a number is as a case states it: `12.5` (within 1e-9), `"1000 ± 1"` (within the
/// tolerance), or `[lo, hi]` (strictly between).
bool number_matches(double got, const YAML::Node& want) {
  if (want.IsSequence()) return got > want[0].as<double>() && got < want[1].as<double>();
  const std::string text = want.as<std::string>();
  const auto pm = text.find("±");
  if (pm == std::string::npos)
    return std::abs(got - want.as<double>()) <= 1e-9 * std::max(1.0, std::abs(want.as<double>()));
  return std::abs(got - std::stod(text.substr(0, pm))) <= std::stod(text.substr(pm + std::string("±").size()));
}

std::vector<std::string> strings(const YAML::Node& n) {
  if (!n) return {};
  if (n.IsScalar()) return {n.as<std::string>()};
  std::vector<std::string> out;
  for (const auto& x : n) out.push_back(x.as<std::string>());
  return out;
}

std::string describe(const v::ValidationReport& r) {
  std::ostringstream s;
  s << r.findings.size() << " findings:\n";
  for (const auto& f : r.findings) {
    s << "  " << f.check << " " << f.layer << " fid " << (f.fid ? std::to_string(*f.fid) : "null");
    if (f.related_fid) s << " related " << f.related_layer << " fid " << *f.related_fid;
    s << " measure " << f.measure << " " << f.unit << " (" << (f.severity == v::Severity::Error ? "error" : "warning")
      << ") " << f.message << "\n";
  }
  for (const auto& n : r.notes) s << "  note: " << n << "\n";
  for (const auto& [code, why] : r.not_run) s << "  not checked: " << code << ": " << why << "\n";
  return s.str();
}

/// Whether a finding is the one a case states: check, layer and fid always; related layer and
/// fid, measure, unit, severity, location, message substrings and geometry when stated. `why`
/// gets the first difference.
bool finding_matches(const v::Finding& got, const YAML::Node& want, std::string& why) {
  auto differs = [&](const std::string& what) {
    why = what;
    return false;
  };
  if (got.check != want["check"].as<std::string>()) return differs("check");
  if (got.layer != want["layer"].as<std::string>()) return differs("layer");
  if (want["fid"].IsNull() ? got.fid.has_value() : got.fid != want["fid"].as<std::int64_t>()) return differs("fid");
  if (want["related_layer"] && got.related_layer != want["related_layer"].as<std::string>())
    return differs("related_layer");
  if (want["related_fid"]) {
    if (want["related_fid"].IsNull() ? got.related_fid.has_value()
                                     : got.related_fid != want["related_fid"].as<std::int64_t>())
      return differs("related_fid");
  }
  if (want["measure"] && !number_matches(got.measure, want["measure"])) return differs("measure");
  if (want["unit"] && got.unit != want["unit"].as<std::string>()) return differs("unit");
  if (want["severity"] &&
      (got.severity == v::Severity::Error ? "error" : "warning") != want["severity"].as<std::string>())
    return differs("severity");
  if (want["x"] && (!got.location || !number_matches(got.location->x, want["x"]))) return differs("x");
  if (want["y"] && (!got.location || !number_matches(got.location->y, want["y"]))) return differs("y");
  for (const auto& part : strings(want["message"]))
    if (got.message.find(part) == std::string::npos) return differs("message lacks «" + part + "»");
  if (want["geometry"] && got.geometry.empty() == want["geometry"].as<bool>()) return differs("geometry");
  return true;
}

/// A one-to-one assignment of stated findings to reported ones (backtracking; the lists are short).
bool assign(const std::vector<std::vector<bool>>& ok, std::size_t i, std::vector<bool>& used) {
  if (i == ok.size()) return true;
  for (std::size_t j = 0; j < used.size(); ++j) {
    if (!ok[i][j] || used[j]) continue;
    used[j] = true;
    if (assign(ok, i + 1, used)) return true;
    used[j] = false;
  }
  return false;
}

class ValidateCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(ValidateCase, Replays) {
  const fs::path file = GetParam();
  SCOPED_TRACE(file.filename().string());
  const YAML::Node c = YAML::LoadFile(file.string());
  static const std::set<std::string> known = {"description", "format", "rules_edit", "options", "plan", "expect"};
  for (const auto& kv : c) ASSERT_TRUE(known.count(kv.first.as<std::string>())) << "unknown key " << kv.first;
  ASSERT_TRUE(c["description"] && c["plan"] && c["expect"]) << "a case needs description, plan and expect";
  const YAML::Node expect = c["expect"];
  ASSERT_TRUE(expect["error"] || (expect["exit_code"] && expect["findings"]))
      << "a case states its error, or its exit code and every finding";

  test::TempDir dir;
  const std::vector<test::LayerFixture> layers = test::plan_layers(c["plan"]);
  if (HasFailure()) return;
  fs::path plan;
  const std::string format = c["format"] ? c["format"].as<std::string>() : "GPKG";
  if (format == "GPKG") {
    plan = dir / "plan.gpkg";
    test::write_gpkg(plan, layers);
  } else {
    ASSERT_EQ(format, "ESRI Shapefile");
    ASSERT_EQ(layers.size(), 1u) << "a Shapefile case holds one layer";
    plan = dir / (layers[0].spec.name + ".shp");
    write_shapefile(plan, layers[0]);
  }

  v::ValidateOptions o;
  o.jobs = 2;
  if (const auto edits = c["rules_edit"]) {
    std::string text = test::read_file(test::data_file("data/validate/rules.yaml"));
    for (const auto& e : edits) {
      const std::string from = e["from"].as<std::string>(), to = e["to"].as<std::string>();
      const auto at = text.find(from);
      ASSERT_NE(at, std::string::npos) << "data/validate/rules.yaml has no «" << from << "»";
      ASSERT_EQ(text.find(from, at + 1), std::string::npos) << "«" << from << "» occurs more than once";
      text.replace(at, from.size(), to);
    }
    test::write_file(dir / "rules.yaml", text);
    o.rules_file = (dir / "rules.yaml").string();
  }
  if (const auto opt = c["options"]) {
    for (const auto& l : opt["layers"]) o.layers.push_back(l.as<std::string>());
    if (opt["assume_crs"]) o.open.assume_crs = opt["assume_crs"].as<std::string>();
    if (opt["jobs"]) o.jobs = opt["jobs"].as<unsigned>();
  }

  if (expect["error"]) {
    const Error e = test::error_of([&] { (void)v::validate(plan.string(), o); });
    EXPECT_EQ(e.exit_code(), 2) << e.what();
    EXPECT_NE(std::string(e.what()).find(expect["error"].as<std::string>()), std::string::npos) << e.what();
    return;
  }
  const v::ValidationReport r = v::validate(plan.string(), o);
  const std::string got = describe(r);
  EXPECT_EQ(r.has_errors() ? 1 : 0, expect["exit_code"].as<int>()) << got;
  const YAML::Node want = expect["findings"];
  static const std::set<std::string> keys = {"check",       "layer",   "fid",     "related_layer",
                                             "related_fid", "measure", "unit",    "severity",
                                             "x",           "y",       "message", "geometry"};
  for (const auto& w : want) {
    for (const auto& kv : w) ASSERT_TRUE(keys.count(kv.first.as<std::string>())) << "unknown key " << kv.first;
    ASSERT_TRUE(w["check"] && w["layer"] && w["fid"]) << "a finding states check, layer and fid";
  }
  ASSERT_EQ(r.findings.size(), want.size()) << "every finding, and no other\n" << got;
  // Each stated finding is a reported one, one to one, in any order among themselves.
  std::vector<std::vector<bool>> ok(want.size(), std::vector<bool>(r.findings.size()));
  for (std::size_t i = 0; i < want.size(); ++i) {
    std::string why, closest;
    for (std::size_t j = 0; j < r.findings.size(); ++j) {
      ok[i][j] = finding_matches(r.findings[j], want[i], why);
      if (!ok[i][j] && r.findings[j].check == want[i]["check"].as<std::string>()) closest += " " + why + ";";
    }
    EXPECT_TRUE(std::find(ok[i].begin(), ok[i].end(), true) != ok[i].end())
        << "stated finding " << i << " " << YAML::Dump(want[i]) << " is not reported (same check differs in:" << closest
        << ")\n"
        << got;
  }
  std::vector<bool> used(r.findings.size());
  EXPECT_TRUE(assign(ok, 0, used)) << "no one-to-one match of the stated findings\n" << got;
  // The report's documented order: check (catalogue order), layer, fid.
  const auto& codes = v::check_codes();
  auto rank = [&](const v::Finding& f) {
    return std::make_tuple(std::find(codes.begin(), codes.end(), f.check) - codes.begin(), f.layer, f.fid.value_or(-1));
  };
  EXPECT_TRUE(std::is_sorted(r.findings.begin(), r.findings.end(),
                             [&](const v::Finding& a, const v::Finding& b) { return rank(a) < rank(b); }))
      << "findings are sorted by check, layer, fid\n"
      << got;
  // The counts agree with the list (every code present, 0 included).
  const auto counts = r.counts();
  EXPECT_EQ(counts.size(), v::check_codes().size());
  // Checks that did not run (未检查, never a count of 0): exactly those stated, when stated.
  if (expect["not_checked"]) {
    std::set<std::string> stated, have;
    for (const auto& code : strings(expect["not_checked"])) stated.insert(code);
    for (const auto& [code, why] : r.not_run) have.insert(code);
    EXPECT_EQ(have, stated) << got;
  }
  for (const auto& n : strings(expect["notes"])) {
    EXPECT_TRUE(std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& x) { return test::contains(x, n); }))
        << "no note mentions «" << n << "»\n"
        << got;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidateCase, ::testing::ValuesIn(test::case_files("tests/cases/validate")),
                         test::case_name);

}  // namespace
