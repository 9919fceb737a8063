// guotu validate: each check with a case that must report it and one that must not, built
// here as tiny GeoPackages in EPSG:4527 near 116.5°E 36°N (zone 39, CM 117°E).
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/vector_source.hpp"
#include "layers/catalogue.hpp"
#include "proj/crs.hpp"
#include "support.hpp"
#include "validate/fix.hpp"
#include "validate/rules.hpp"
#include "validate/validator.hpp"

namespace fs = std::filesystem;
using guotu::gdal::FieldValue;
namespace v = guotu::validate;

namespace {

constexpr double X0 = 39450000.0, Y0 = 3990000.0;

std::string rect(double x, double y, double w, double h) {
  return fmt::format("POLYGON(({0:.6f} {1:.6f},{2:.6f} {1:.6f},{2:.6f} {3:.6f},{0:.6f} {3:.6f},{0:.6f} {1:.6f}))",
                     X0 + x, Y0 + y, X0 + x + w, Y0 + y + h);
}
// A polygon from relative coordinates.
std::string poly(const std::vector<std::pair<double, double>>& pts) {
  std::string s = "POLYGON((";
  for (std::size_t i = 0; i <= pts.size(); ++i) {
    const auto& p = pts[i % pts.size()];
    s += fmt::format("{}{:.9f} {:.9f}", i ? "," : "", X0 + p.first, Y0 + p.second);
  }
  return s + "))";
}

struct Feat {
  std::string wkt;  // empty = null geometry
  std::map<std::string, FieldValue> values;
};

struct LayerFixture {
  guotu::gdal::LayerSpec spec;
  std::vector<Feat> features;
};

LayerFixture catalogue_layer(const std::string& code, const std::string& crs = "EPSG:4527") {
  return {guotu::layers::Catalogue::embedded().get(code).to_spec(crs), {}};
}

void write_gpkg(const fs::path& path, const std::vector<LayerFixture>& layers) {
  guotu::gdal::WriterOptions wo;
  wo.overwrite = true;
  guotu::gdal::OutputWriter w(path.string(), wo);
  for (const auto& l : layers) {
    const auto id = w.create_layer(l.spec);
    for (const auto& f : l.features) {
      std::vector<FieldValue> vals(l.spec.fields.size());
      for (const auto& [name, value] : f.values) {
        bool found = false;
        for (std::size_t i = 0; i < l.spec.fields.size(); ++i)
          if (l.spec.fields[i].name == name) {
            vals[i] = value;
            found = true;
          }
        if (!found) ADD_FAILURE() << "no field " << name << " in " << l.spec.name;
      }
      if (f.wkt.empty()) {
        w.add(id, vals, nullptr);
      } else {
        const auto g = guotu::geos::Geometry::from_wkt(f.wkt);
        w.add(id, vals, &g);
      }
    }
  }
  w.commit();
}

double ellipsoidal(const std::string& wkt, const std::string& crs = "EPSG:4527") {
  return guotu::area::AreaCalculator(crs).area_m2(guotu::geos::Geometry::from_wkt(wkt));
}

// A DLTB patch whose areas are right: TBMJ = 椭球面积 (2 decimals), KCMJ = TBMJ × KCXS.
Feat patch(const std::string& wkt, const std::string& bsm, const std::string& dlbm = "0101", double kcxs = 0.0) {
  const double tbmj = std::round(ellipsoidal(wkt) * 100) / 100;
  const double kcmj = std::round(tbmj * kcxs * 100) / 100;
  return {wkt,
          {{"BSM", bsm},
           {"DLBM", dlbm},
           {"DLMC", std::string("水田")},
           {"ZLDWDM", std::string("3715021000000000000")},
           {"TBMJ", tbmj},
           {"KCXS", kcxs},
           {"KCMJ", kcmj},
           {"TBDLMJ", std::round((tbmj - kcmj) * 100) / 100}}};
}

Feat county(const std::string& wkt, const std::string& code) {
  return {wkt, {{"BSM", "X" + code}, {"XZQDM", code}, {"XZQMC", std::string("县") + code}}};
}

// The clean base: one county 200 m × 100 m, covered exactly by two DLTB patches.
std::vector<LayerFixture> clean_city() {
  auto xzq = catalogue_layer("XZQ");
  xzq.features.push_back(county(rect(0, 0, 200, 100), "371502"));
  auto dltb = catalogue_layer("DLTB");
  dltb.features.push_back(patch(rect(0, 0, 100, 100), "1"));
  dltb.features.push_back(patch(rect(100, 0, 100, 100), "2", "0103", 0.1));
  return {xzq, dltb};
}

LayerFixture& layer(std::vector<LayerFixture>& ls, const std::string& name) {
  for (auto& l : ls)
    if (l.spec.name == name) return l;
  throw std::runtime_error("no layer " + name);
}

v::ValidationReport run(const fs::path& path, v::ValidateOptions o = {}) {
  if (o.jobs == 0) o.jobs = 2;
  return v::validate(path.string(), o);
}

std::size_t count(const v::ValidationReport& r, const std::string& check) {
  return r.counts().at(check);
}

std::vector<const v::Finding*> of(const v::ValidationReport& r, const std::string& check) {
  std::vector<const v::Finding*> out;
  for (const auto& f : r.findings)
    if (f.check == check) out.push_back(&f);
  return out;
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

// ------------------------------------------------------------------ the clean base

TEST(Validate, CleanCityReportsNothing) {
  guotu::test::TempDir dir;
  write_gpkg(dir / "plan.gpkg", clean_city());
  const auto r = run(dir / "plan.gpkg");
  EXPECT_TRUE(r.findings.empty()) << dump(r);
  EXPECT_FALSE(r.has_errors());
}

// ------------------------------------------------------------------ geometry

TEST(Validate, InvalidGeometryWithReasonAndLocation) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  // A bow-tie: the ring crosses itself at (50, 50).
  layer(ls, "DLTB").features[0].wkt = poly({{0, 0}, {100, 100}, {100, 0}, {0, 100}});
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto inv = of(r, "GEOM_INVALID");
  ASSERT_EQ(inv.size(), 1u) << dump(r);
  EXPECT_EQ(inv[0]->fid, 1);
  EXPECT_NE(inv[0]->message.find("Self-intersection"), std::string::npos);
  ASSERT_TRUE(inv[0]->location.has_value());
  EXPECT_NEAR(inv[0]->location->x, X0 + 50, 1e-6);
  EXPECT_NEAR(inv[0]->location->y, Y0 + 50, 1e-6);
  // One defect, one finding: make-valid keeps the bow-tie's two triangles, and neither the
  // hole that leaves nor the TBMJ of the repaired patch is reported again.
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);
  // Negative: the clean base has none (CleanCityReportsNothing).
}

TEST(Validate, EmptyAndNullGeometry) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto extra = patch(rect(0, 0, 1, 1), "3");
  extra.wkt.clear();
  layer(ls, "DLTB").features.push_back(extra);
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  ASSERT_EQ(count(r, "GEOM_EMPTY"), 1u) << dump(r);
  EXPECT_EQ(of(r, "GEOM_EMPTY")[0]->fid, 3);
}

TEST(Validate, WrongGeometryTypeForTheLayer) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto kjjg = catalogue_layer("KJJG");
  kjjg.spec.geometry = guotu::gdal::GeometryKind::Unknown;  // a layer that accepts anything
  kjjg.features.push_back({fmt::format("POINT({} {})", X0 + 50, Y0 + 50), {{"BSM", std::string("K1")}}});
  kjjg.features.push_back({rect(10, 10, 20, 20), {{"BSM", std::string("K2")}}});
  ls.push_back(kjjg);
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto t = of(r, "GEOM_TYPE");
  ASSERT_EQ(t.size(), 1u) << dump(r);
  EXPECT_EQ(t[0]->layer, "KJJG");
  EXPECT_EQ(t[0]->fid, 2);  // the polygon in a point layer; the point is fine
}

TEST(Validate, UnusableValueIsValueInvalidAndJudgedNoFurther) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  layer(ls, "DLTB").features[1].values["TBMJ"] = std::numeric_limits<double>::infinity();
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto bad = of(r, "VALUE_INVALID");
  ASSERT_EQ(bad.size(), 1u) << dump(r);
  EXPECT_EQ(bad[0]->layer, "DLTB");
  EXPECT_EQ(bad[0]->fid, 2);
  EXPECT_NE(bad[0]->message.find("TBMJ = inf"), std::string::npos) << bad[0]->message;
  // The patch takes no part in the other checks: its TBMJ is not compared (its place is then a
  // COVERAGE_GAP of DLTB, docs/validate.md).
  EXPECT_EQ(count(r, "AREA_TBMJ_MISMATCH"), 0u) << dump(r);
  EXPECT_TRUE(r.has_errors());
}

TEST(Validate, RequiredFieldEmptyInTheWholeLayer) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  for (auto& f : layer(ls, "DLTB").features) f.values.erase("ZLDWDM");
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto e = of(r, "SCHEMA_FIELD_EMPTY");
  ASSERT_EQ(e.size(), 1u) << dump(r);
  EXPECT_EQ(e[0]->layer, "DLTB");
  EXPECT_FALSE(e[0]->fid.has_value());
  EXPECT_NE(e[0]->message.find("ZLDWDM (坐落单位代码) is empty in all 2 features"), std::string::npos) << e[0]->message;
  // Filled in one patch of two: not a layer-wide omission.
  layer(ls, "DLTB").features[0].values["ZLDWDM"] = std::string("3715021000000000000");
  write_gpkg(dir / "plan.gpkg", ls);
  EXPECT_EQ(count(run(dir / "plan.gpkg"), "SCHEMA_FIELD_EMPTY"), 0u);
}

TEST(Validate, ChecksThatCannotRunAreNotChecked) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  layer(ls, "XZQ").features.clear();  // the city layer delivered empty
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  auto nc = of(r, "NOT_CHECKED");
  ASSERT_EQ(nc.size(), 2u) << dump(r);  // OUTSIDE_CITY (city) and COVERAGE_GAP (DLTB inside XZQ)
  EXPECT_TRUE(r.has_errors());
  EXPECT_NE(dump(r).find("OUTSIDE_CITY and SPACES_COVERAGE not checked: the XZQ layer XZQ has no feature"),
            std::string::npos)
      << dump(r);
  EXPECT_NE(dump(r).find("COVERAGE_GAP not checked"), std::string::npos) << dump(r);

  // A rule file whose city_layer names nothing.
  write_gpkg(dir / "plan.gpkg", clean_city());
  std::ifstream in(guotu::test::data_file("data/validate/rules.yaml"));
  std::string rules((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = rules.find("city_layer: XZQ");
  ASSERT_NE(at, std::string::npos);
  rules.replace(at, 15, "city_layer: NOSUCH");
  std::ofstream(dir / "rules.yaml") << rules;
  v::ValidateOptions o;
  o.rules_file = (dir / "rules.yaml").string();
  r = run(dir / "plan.gpkg", o);
  nc = of(r, "NOT_CHECKED");
  ASSERT_EQ(nc.size(), 1u) << dump(r);
  EXPECT_EQ(nc[0]->layer, "NOSUCH");
  EXPECT_NE(nc[0]->message.find("NOSUCH names neither"), std::string::npos) << nc[0]->message;

  // Nothing at all to judge is not a pass: bad input.
  auto empty = clean_city();
  for (auto& l : empty) l.features.clear();
  write_gpkg(dir / "plan.gpkg", empty);
  try {
    (void)run(dir / "plan.gpkg");
    FAIL() << "an empty plan was validated";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("nothing to check"), std::string::npos) << e.what();
  }
}

TEST(Validate, CoordinatesOutsideTheCrsAreaOfUse) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto stbhhx = catalogue_layer("STBHHX");
  stbhhx.features.push_back({rect(10, 10, 50, 50), {{"BSM", std::string("S1")}}});
  stbhhx.features.push_back({rect(70, 10, 20, 20), {{"BSM", std::string("S3")}}});
  stbhhx.features.push_back({rect(110, 10, 20, 20), {{"BSM", std::string("S4")}}});
  // 600 km east of the central meridian: about 123.6°E, far outside zone 39 (115.5–118.5°E).
  stbhhx.features.push_back(
      {fmt::format("POLYGON(({0} {1},{2} {1},{2} {3},{0} {1}))", X0 + 650000, Y0, X0 + 650100, Y0 + 100),
       {{"BSM", std::string("S2")}}});
  ls.push_back(stbhhx);
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto o = of(r, "GEOM_OUT_OF_CRS_AREA");
  ASSERT_EQ(o.size(), 1u) << dump(r);
  EXPECT_EQ(o[0]->fid, 4);
  EXPECT_EQ(count(r, "CRS_ZONE_MISMATCH"), 0u);  // one stray feature does not condemn the layer
  EXPECT_EQ(count(r, "OUTSIDE_CITY"), 0u) << "an out-of-area feature is not measured again";
}

// ------------------------------------------------------------------ CRS

TEST(Validate, CrsMissingUnlessAssumed) {
  guotu::test::TempDir dir;
  guotu::gdal::initialize();
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create((dir / "nocrs.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("nocrs", nullptr, wkbPolygon, nullptr);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(rect(0, 0, 10, 10).c_str(), nullptr, &g);
    f->SetGeometryDirectly(g);
    ASSERT_EQ(l->CreateFeature(f.get()), OGRERR_NONE);
  }
  auto r = run(dir / "nocrs.shp");
  EXPECT_EQ(count(r, "CRS_MISSING"), 1u) << dump(r);
  v::ValidateOptions o;
  o.open.assume_crs = "EPSG:4527";
  r = run(dir / "nocrs.shp", o);
  EXPECT_EQ(count(r, "CRS_MISSING"), 0u) << dump(r);
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

TEST(Validate, CrsNotCgcs2000) {
  guotu::test::TempDir dir;
  // The same county in WGS 84 / UTM 50N.
  guotu::proj::Transform to_utm("EPSG:4527", "EPSG:32650");
  const auto g = guotu::geos::Geometry::from_wkt(rect(0, 0, 200, 100)).transformed([&](std::span<guotu::Coord> c) {
    to_utm.apply(c);
  });
  auto xzq = catalogue_layer("XZQ", "EPSG:32650");
  xzq.features.push_back(county(g.to_wkt(), "371502"));
  write_gpkg(dir / "utm.gpkg", {xzq});
  const auto r = run(dir / "utm.gpkg");
  EXPECT_EQ(count(r, "CRS_NOT_CGCS2000"), 1u) << dump(r);
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);
}

TEST(Validate, ZoneMismatchOnlyBeyondTheTolerance) {
  guotu::test::TempDir dir;
  // Counties at 113°E (zone 38 territory) declared in EPSG:4527 (zone 39, CM 117°E): 4° off.
  // And at 115.3°E: 1.7° off, inside 1.5° + 0.5° (Liaocheng's western strip is delivered in zone 39).
  auto at = [&](double lon, double lat) {
    guotu::proj::Transform t("EPSG:4490", "EPSG:4527");
    const auto c = t.apply(guotu::Coord{lon, lat});
    return fmt::format("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))", c.x, c.y, c.x + 1000, c.y + 1000);
  };
  auto far = catalogue_layer("XZQ");
  far.features.push_back(county(at(113.0, 36.0), "410001"));
  far.features.push_back(county(at(113.1, 36.0), "410002"));
  write_gpkg(dir / "far.gpkg", {far});
  auto r = run(dir / "far.gpkg");
  ASSERT_EQ(count(r, "CRS_ZONE_MISMATCH"), 1u) << dump(r);
  EXPECT_NEAR(of(r, "CRS_ZONE_MISMATCH")[0]->measure, 3.95, 0.1);
  EXPECT_EQ(count(r, "GEOM_OUT_OF_CRS_AREA"), 0u) << "a wrong zone is one finding, not one per feature";

  auto near = catalogue_layer("XZQ");
  near.features.push_back(county(at(115.3, 36.4), "371522"));
  write_gpkg(dir / "near.gpkg", {near});
  r = run(dir / "near.gpkg");
  EXPECT_EQ(count(r, "CRS_ZONE_MISMATCH"), 0u) << dump(r);
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

// ------------------------------------------------------------------ schema, BSM, codes

TEST(Validate, SchemaFieldMissingAndWrongType) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  auto& fields = dltb.spec.fields;
  // Required TBMJ dropped (error), optional BZ dropped (warning), DLBM stored as a number.
  fields.erase(
      std::remove_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "TBMJ" || f.name == "BZ"; }),
      fields.end());
  for (auto& f : fields)
    if (f.name == "DLBM") f.type = guotu::gdal::FieldType::Integer;
  for (auto& feat : dltb.features) {
    feat.values.erase("TBMJ");
    feat.values["DLBM"] = std::int64_t{101};
  }
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto missing = of(r, "SCHEMA_FIELD_MISSING");
  ASSERT_EQ(missing.size(), 2u) << dump(r);
  std::map<std::string, v::Severity> sev;
  for (const auto* f : missing) sev[f->message.find("TBMJ") != std::string::npos ? "TBMJ" : "BZ"] = f->severity;
  EXPECT_EQ(sev.at("TBMJ"), v::Severity::Error);
  EXPECT_EQ(sev.at("BZ"), v::Severity::Warning);
  ASSERT_EQ(count(r, "SCHEMA_FIELD_TYPE"), 1u) << dump(r);
  EXPECT_NE(of(r, "SCHEMA_FIELD_TYPE")[0]->message.find("DLBM"), std::string::npos);
  EXPECT_EQ(count(r, "CODE_LOST_ZERO"), 2u) << "the numbers 101 are named as lost zeros";
}

TEST(Validate, DuplicateBsm) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  layer(ls, "DLTB").features[1].values["BSM"] = std::string("1");
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto d = of(r, "BSM_DUPLICATE");
  ASSERT_EQ(d.size(), 1u) << dump(r);
  EXPECT_EQ(d[0]->fid, 2);
  EXPECT_EQ(d[0]->related_fid, 1);
  EXPECT_FALSE(d[0]->geometry.empty());
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);
}

TEST(Validate, CodesUnknownAndLostLeadingZero) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  dltb.features.clear();
  // Four patches over the county: 101 (lost zero), 9999 (unknown), 0201K (suffix allowed),
  // 0305K (suffix not allowed for 灌木林地).
  dltb.features.push_back(patch(rect(0, 0, 50, 100), "1", "101"));
  dltb.features.push_back(patch(rect(50, 0, 50, 100), "2", "9999"));
  dltb.features.push_back(patch(rect(100, 0, 50, 100), "3", "0201K"));
  dltb.features.push_back(patch(rect(150, 0, 50, 100), "4", "0305K"));
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto lz = of(r, "CODE_LOST_ZERO");
  ASSERT_EQ(lz.size(), 1u) << dump(r);
  EXPECT_EQ(lz[0]->fid, 1);
  EXPECT_NE(lz[0]->message.find("0101"), std::string::npos);
  const auto unk = of(r, "CODE_UNKNOWN");
  ASSERT_EQ(unk.size(), 2u) << dump(r);
  EXPECT_EQ(unk[0]->fid, 2);
  EXPECT_EQ(unk[1]->fid, 4);
  EXPECT_EQ(r.findings.size(), 3u) << dump(r);
}

// ------------------------------------------------------------------ coverage

TEST(Validate, CoverageOverlapAboveThresholdOnly) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  // Patch 1 reaches 10 m into patch 2: 1000 m² of overlap.
  dltb.features[0] = patch(rect(0, 0, 110, 100), "1");
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  auto o = of(r, "COVERAGE_OVERLAP");
  ASSERT_EQ(o.size(), 1u) << dump(r);
  EXPECT_EQ(o[0]->fid, 1);
  EXPECT_EQ(o[0]->related_fid, 2);
  EXPECT_NEAR(o[0]->measure, 1000.0, 1.0);
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);

  // 1 cm into it: 1 m² … below the 1 m² threshold once measured, and thinner than 0.1 m.
  dltb.features[0] = patch(rect(0, 0, 100.01, 100), "1");
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  EXPECT_EQ(count(r, "COVERAGE_OVERLAP"), 0u) << dump(r);
}

TEST(Validate, GapMinWidthAndArea) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  // A 5 m wide gap between the patches: reported (500 m²).
  dltb.features[0] = patch(rect(0, 0, 95, 100), "1");
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  auto g = of(r, "COVERAGE_GAP");
  ASSERT_EQ(g.size(), 1u) << dump(r);
  EXPECT_NEAR(g[0]->measure, 500.0, 1.0);
  EXPECT_EQ(g[0]->layer, "DLTB");
  EXPECT_EQ(g[0]->related_layer, "XZQ");
  EXPECT_EQ(g[0]->related_fid, 1);
  ASSERT_TRUE(g[0]->location.has_value());
  EXPECT_GT(g[0]->location->x, X0 + 95);
  EXPECT_LT(g[0]->location->x, X0 + 100);
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);

  // A 0.5 m sliver gap (50 m², above the area threshold) is thinner than the 1 m minimum width.
  dltb.features[0] = patch(rect(0, 0, 99.5, 100), "1");
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  EXPECT_EQ(count(r, "COVERAGE_GAP"), 0u) << dump(r);
}

TEST(Validate, AllowedGapMask) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  layer(ls, "DLTB").features[0] = patch(rect(0, 0, 95, 100), "1");
  // A mask layer (outside the catalogue) over the gap, named in a copy of the rule file.
  guotu::gdal::LayerSpec mask_spec;
  mask_spec.name = "YXFX";
  mask_spec.crs = "EPSG:4527";
  mask_spec.geometry = guotu::gdal::GeometryKind::MultiPolygon;
  ls.push_back({mask_spec, {{rect(94, -1, 7, 102), {}}}});
  write_gpkg(dir / "plan.gpkg", ls);
  std::ifstream in(guotu::test::data_file("data/validate/rules.yaml"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.replace(text.find("allowed_gap_layer: \"\""), 21, "allowed_gap_layer: YXFX");
  std::ofstream(dir / "rules.yaml") << text;
  v::ValidateOptions o;
  auto r = run(dir / "plan.gpkg", o);
  EXPECT_EQ(count(r, "COVERAGE_GAP"), 1u) << "without the mask" << dump(r);
  o.rules_file = (dir / "rules.yaml").string();
  r = run(dir / "plan.gpkg", o);
  EXPECT_EQ(count(r, "COVERAGE_GAP"), 0u) << dump(r);
  // A mask covering only part of the gap leaves the rest, measured.
  layer(ls, "YXFX").features[0].wkt = rect(94, -1, 7, 51);
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg", o);
  ASSERT_EQ(count(r, "COVERAGE_GAP"), 1u) << dump(r);
  EXPECT_NEAR(of(r, "COVERAGE_GAP")[0]->measure, 250.0, 1.0);
}

TEST(Validate, TJunctionsAlongCountyBordersAreNotOverlapsOrGaps) {
  guotu::test::TempDir dir;
  // Two counties meeting on a slanted border (100,0)–(130,100). The western county's patches
  // meet it at y = 50, the eastern county's at y = 33.3 and 66.7: vertices computed on the
  // line in floating point, so they lie a hair off it (T-junctions).
  auto on_border = [](double y) { return std::make_pair(100.0 + 30.0 * y / 100.0, y); };
  auto xzq = catalogue_layer("XZQ");
  xzq.features.push_back(county(poly({{0, 0}, {100, 0}, {130, 100}, {0, 100}}), "371502"));
  xzq.features.push_back(county(poly({{100, 0}, {200, 0}, {200, 100}, {130, 100}}), "371521"));
  auto dltb = catalogue_layer("DLTB");
  const double a = 100.0 / 3, b = 200.0 / 3;
  dltb.features.push_back(patch(poly({{0, 0}, {100, 0}, on_border(50), {0, 50}}), "1"));
  dltb.features.push_back(patch(poly({{0, 50}, on_border(50), {130, 100}, {0, 100}}), "2"));
  dltb.features.push_back(patch(poly({{100, 0}, {200, 0}, {200, a}, on_border(a)}), "3"));
  dltb.features.push_back(patch(poly({on_border(a), {200, a}, {200, b}, on_border(b)}), "4"));
  dltb.features.push_back(patch(poly({on_border(b), {200, b}, {200, 100}, {130, 100}}), "5"));
  write_gpkg(dir / "plan.gpkg", {xzq, dltb});
  const auto r = run(dir / "plan.gpkg");
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

TEST(Validate, GapsBetweenCountiesAreNotDltbGaps) {
  guotu::test::TempDir dir;
  // Two counties 3 m apart (generalised boundaries), each covered by its own patch.
  auto xzq = catalogue_layer("XZQ");
  xzq.features.push_back(county(rect(0, 0, 100, 100), "371502"));
  xzq.features.push_back(county(rect(103, 0, 97, 100), "371521"));
  auto dltb = catalogue_layer("DLTB");
  dltb.features.push_back(patch(rect(0, 0, 100, 100), "1"));
  dltb.features.push_back(patch(rect(103, 0, 97, 100), "2"));
  write_gpkg(dir / "plan.gpkg", {xzq, dltb});
  const auto r = run(dir / "plan.gpkg");
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

TEST(Validate, OutsideTheCity) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto zrbhd = catalogue_layer("ZRBHD");
  zrbhd.features.push_back({rect(10, 10, 50, 50), {{"BSM", std::string("Z1")}}});
  zrbhd.features.push_back({rect(180, 10, 50, 50), {{"BSM", std::string("Z2")}}});  // 30 m × 50 m outside
  ls.push_back(zrbhd);
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = run(dir / "plan.gpkg");
  const auto o = of(r, "OUTSIDE_CITY");
  ASSERT_EQ(o.size(), 1u) << dump(r);
  EXPECT_EQ(o[0]->fid, 2);
  EXPECT_NEAR(o[0]->measure, 1500.0, 2.0);
}

// ------------------------------------------------------------------ control lines

TEST(Validate, ControlLinesOverlapAboveTolerance) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto st = catalogue_layer("STBHHX");
  st.features.push_back({rect(0, 0, 50, 50), {{"BSM", std::string("S1")}}});
  auto nt = catalogue_layer("YJJBNT");
  nt.features.push_back({rect(40, 40, 50, 50), {{"BSM", std::string("N1")}}});  // 10 × 10 = 100 m² overlap
  auto kf = catalogue_layer("CZKFBJ");
  kf.features.push_back({rect(49.5, 0, 50, 39.5), {{"BSM", std::string("C1")}}});  // 0.5 × 39.5 with STBHHX = 19.75 m²
  ls.push_back(st);
  ls.push_back(nt);
  ls.push_back(kf);
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  auto o = of(r, "LINES_OVERLAP");
  ASSERT_EQ(o.size(), 2u) << dump(r);
  // Sorted by layer: the STBHHX pairs first.
  std::map<std::string, double> by_pair;
  for (const auto* f : o) by_pair[f->layer + "/" + f->related_layer] = f->measure;
  EXPECT_NEAR(by_pair.at("STBHHX/YJJBNT"), 100.0, 0.5);
  EXPECT_NEAR(by_pair.at("STBHHX/CZKFBJ"), 19.75, 0.1);

  // Below the tolerance: 0.5 m × 0.5 m = 0.25 m².
  layer(ls, "YJJBNT").features[0].wkt = rect(49.5, 49.5, 50, 50);
  layer(ls, "CZKFBJ").features[0].wkt = rect(50, 0, 50, 39.5);  // touching only
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  EXPECT_EQ(count(r, "LINES_OVERLAP"), 0u) << dump(r);
}

// ------------------------------------------------------------------ areas

TEST(Validate, TbmjAgainstEllipsoidalArea) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  // Patch 1: 0.05 % too big, as a planar Gauss-Krüger area is in western Liaocheng.
  const double exact = ellipsoidal(rect(0, 0, 100, 100));
  const double planar = std::round(exact * 1.0005 * 100) / 100;
  dltb.features[0].values["TBMJ"] = planar;
  dltb.features[0].values["TBDLMJ"] = planar;
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  const auto t = of(r, "AREA_TBMJ_MISMATCH");
  ASSERT_EQ(t.size(), 1u) << dump(r);
  EXPECT_EQ(t[0]->fid, 1);
  EXPECT_NEAR(t[0]->measure, planar - exact, 0.01);
  EXPECT_EQ(r.findings.size(), 1u) << dump(r);

  // 0.005 % (0.5 m²) is inside max(0.1 m², 1e-4 × 10,000 m²).
  const double close = std::round(exact * 1.00005 * 100) / 100;
  dltb.features[0].values["TBMJ"] = close;
  dltb.features[0].values["TBDLMJ"] = close;
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  EXPECT_TRUE(r.findings.empty()) << dump(r);

  // TBDLMJ ≠ TBMJ − KCMJ on patch 2 (KCXS 0.1).
  ls = clean_city();
  auto& p2 = layer(ls, "DLTB").features[1].values;
  p2["TBDLMJ"] = std::get<double>(p2["TBMJ"]);  // forgot the deduction
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  ASSERT_EQ(count(r, "AREA_TBDLMJ_MISMATCH"), 1u) << dump(r);
  EXPECT_EQ(count(r, "AREA_TBMJ_MISMATCH"), 0u) << dump(r);
  EXPECT_NEAR(of(r, "AREA_TBDLMJ_MISMATCH")[0]->measure, std::get<double>(p2["KCMJ"]), 0.02);
}

// ------------------------------------------------------------------ three spaces

TEST(Validate, ThreeSpacesCoverTheCityExactlyOnce) {
  guotu::test::TempDir dir;
  auto space = [](const std::string& name, const std::string& wkt) {
    guotu::gdal::LayerSpec s;
    s.name = name;
    s.crs = "EPSG:4527";
    s.geometry = guotu::gdal::GeometryKind::MultiPolygon;
    return LayerFixture{s, {{wkt, {}}}};
  };
  auto ls = clean_city();
  ls.push_back(space("CZKJ", rect(0, 0, 60, 100)));
  ls.push_back(space("NYKJ", rect(60, 0, 80, 100)));
  ls.push_back(space("STKJ", rect(140, 0, 60, 100)));
  write_gpkg(dir / "plan.gpkg", ls);
  auto r = run(dir / "plan.gpkg");
  EXPECT_TRUE(r.findings.empty()) << dump(r);

  layer(ls, "NYKJ").features[0].wkt = rect(50, 0, 80, 100);  // overlaps 城镇空间 by 1000 m², leaves a 10 m gap
  write_gpkg(dir / "plan.gpkg", ls);
  r = run(dir / "plan.gpkg");
  const auto s = of(r, "SPACES_COVERAGE");
  ASSERT_EQ(s.size(), 2u) << dump(r);
  std::vector<double> m{s[0]->measure, s[1]->measure};
  std::sort(m.begin(), m.end());
  EXPECT_NEAR(m[0], 1000.0, 1.0);
  EXPECT_NEAR(m[1], 1000.0, 1.0);
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
  bool styled = false;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(qa.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT count(*) FROM layer_styles WHERE f_table_name IN ('errors','error_points') "
                                 "AND useAsDefault = 1 AND length(styleQML) > 100",
                                 -1, &st, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    styled = sqlite3_column_int(st, 0) == 2;
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  EXPECT_TRUE(styled);

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
  write_gpkg(dir / "plan.gpkg", clean_city());
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
  auto& fields = layer(ls, "DLTB").spec.fields;
  fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "BZ"; }),
               fields.end());
  write_gpkg(dir / "plan.gpkg", ls);
  const auto r = guotu::test::run_guotu(fmt::format("validate {} --json 2>/dev/null", (dir / "plan.gpkg").string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["check"], "SCHEMA_FIELD_MISSING");
  EXPECT_EQ(j["errors"][0]["severity"], "warning");
}

TEST(ValidateCli, LayerSelectionAndUnknownTables) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  layer(ls, "DLTB").features[0].values["DLBM"] = std::string("9999");
  layer(ls, "XZQ").features[0].values["BSM"] = std::string("");
  guotu::gdal::LayerSpec side;
  side.name = "sample_defects";
  side.geometry = guotu::gdal::GeometryKind::None;
  side.fields = {{"check", guotu::gdal::FieldType::String, 32, "", false}};
  ls.push_back({side, {{"", {{"check", std::string("GEOM_INVALID")}}}}});
  write_gpkg(dir / "plan.gpkg", ls);
  v::ValidateOptions o;
  o.layers = {"XZQ"};
  auto r = run(dir / "plan.gpkg", o);
  EXPECT_EQ(count(r, "CODE_UNKNOWN"), 0u) << "DLTB was not selected" << dump(r);
  o.layers = {};
  r = run(dir / "plan.gpkg", o);
  EXPECT_EQ(count(r, "CODE_UNKNOWN"), 1u) << dump(r);
  // XZQ's one feature has an empty BSM: the required field is empty in the whole layer.
  EXPECT_EQ(count(r, "SCHEMA_FIELD_EMPTY"), 1u) << dump(r);
  EXPECT_EQ(r.findings.size(), 2u) << "the sidecar table is not judged" << dump(r);
  EXPECT_TRUE(std::any_of(r.notes.begin(), r.notes.end(),
                          [](const std::string& n) { return n.find("sample_defects") != std::string::npos; }));
}

TEST(ValidateFix, SliversMergeIntoLongestSharedEdge) {
  guotu::test::TempDir dir;
  auto ls = clean_city();
  auto& dltb = layer(ls, "DLTB");
  // A 2 m × 2 m sliver at the top of the shared border, 1 m into each side … shared edge with
  // patch 1 (left, 2 m of boundary) and patch 2 (right, 2 m): make it reach 1.5 m into patch 2's
  // side so the edge with patch 2 is longer.
  dltb.features[0] = patch(poly({{0, 0}, {100, 0}, {100, 98}, {99.5, 98}, {99.5, 100}, {0, 100}}), "1");
  dltb.features[1] = patch(poly({{100, 0}, {200, 0}, {200, 100}, {101.5, 100}, {101.5, 98}, {100, 98}}), "2");
  dltb.features.push_back(patch(rect(99.5, 98, 2, 2), "3"));
  write_gpkg(dir / "plan.gpkg", ls);
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
