// guotu diff on the sample city: exactly the generator's change list (sample_changes) with every
// class, flag, approval and credit the generator planted, each change's 椭球面积 equal to an
// independent computation: the overlap of the before and after
// patches from OGR SQL (SQLite dialect, SpatiaLite ST_Intersection), reprojected by OGR and
// measured with GeographicLib's geod_polygonarea — none of it guotu code. Then --to-ledger: the
// 进出平衡 flows per county equal the sidecar's sums of the lawful (credited) changes.
#include <gdal_priv.h>
#include <geodesic.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "gdal/vector_source.hpp"
#include "geodesic_reference.hpp"
#include "ledger/farmland_ledger.hpp"
#include "support.hpp"

namespace {

using guotu::test::geodesic_area;

/// The 32号 trapezoid formula written out again from the published method (国土调查办发〔2008〕
/// 32号), on OGR-reprojected vertices. An edge is straight in the projection, so, as guotu does,
/// edges are first cut into steps of at most 25 m in the plane (here by OGR's segmentize): with the
/// sample's kilometre-long edges taken whole, the figure was up to 4.5e-5 off the geodesic area.
double trapezoid_area(const OGRGeometry& projected_edges) {
  std::unique_ptr<OGRGeometry> dense(projected_edges.clone());
  dense->segmentize(25.0);
  const OGRGeometry& projected = *dense;
  const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f), b = a * (1 - f);
  const double e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2, rad = M_PI / 180;
  const double A = 1 + 3.0 / 6 * e2 + 30.0 / 80 * e4 + 35.0 / 112 * e6 + 630.0 / 2304 * e8;
  const double B = 1.0 / 6 * e2 + 15.0 / 80 * e4 + 21.0 / 112 * e6 + 420.0 / 2304 * e8;
  const double C = 3.0 / 80 * e4 + 7.0 / 112 * e6 + 180.0 / 2304 * e8;
  const double D = 1.0 / 112 * e6 + 45.0 / 2304 * e8;
  const double E = 5.0 / 2304 * e8;
  auto ring_area = [&](const OGRLinearRing* r) {
    double sum = 0;
    const double b0 = r->getY(0) * rad;
    for (int i = 0; i + 1 < r->getNumPoints(); ++i) {
      const double dl = (r->getX(i + 1) - r->getX(i)) * rad;
      const double bmid = 0.5 * (r->getY(i) + r->getY(i + 1)) * rad, db = bmid - b0, bm = 0.5 * (bmid + b0);
      sum += dl * (A * std::sin(db / 2) * std::cos(bm) - B * std::sin(1.5 * db) * std::cos(3 * bm) +
                   C * std::sin(2.5 * db) * std::cos(5 * bm) - D * std::sin(3.5 * db) * std::cos(7 * bm) +
                   E * std::sin(4.5 * db) * std::cos(9 * bm));
    }
    return std::abs(2 * b * b * sum);
  };
  return guotu::test::polygonal_area(*guotu::test::to_geographic(projected), ring_area);
}

/// (geodesic, 32号 trapezoid) areas of the geometries a query returns.
std::pair<double, double> sql_geometry_area(GDALDataset& ds, const std::string& query) {
  OGRLayer* rs = ds.ExecuteSQL(query.c_str(), nullptr, "SQLite");
  EXPECT_NE(rs, nullptr) << query;
  if (rs == nullptr) return {std::nan(""), std::nan("")};
  double geodesic = 0, trapezoid = 0;
  for (auto& f : *rs)
    if (const OGRGeometry* g = f->GetGeometryRef()) {
      geodesic += geodesic_area(*g);
      trapezoid += trapezoid_area(*g);
    }
  ds.ReleaseResultSet(rs);
  return {geodesic, trapezoid};
}

/// A row of the generator's ground truth (sample_changes): the change it planted and, from the
/// codes it chose and the zones it built, every class and flag it must carry (docs/sample-city.md).
struct Expected {
  std::string bsm, bsm_later, before, after, classes, county, town, suspect_layers, credit, case_id;
  double area_m2 = 0;
  bool partial = false, suspect = false, approved = false;
};

std::vector<Expected> sidecar(GDALDataset& ds) {
  std::vector<Expected> out;
  for (auto& f : *ds.GetLayerByName("sample_changes")) {
    Expected e;
    e.bsm = f->GetFieldAsString("BSM");
    e.bsm_later = f->GetFieldAsString("BSM_LATER");
    e.before = f->GetFieldAsString("DLBM_BEFORE");
    e.after = f->GetFieldAsString("DLBM_AFTER");
    e.classes = f->GetFieldAsString("CLASSES");
    e.county = f->GetFieldAsString("XZQDM");
    e.town = f->GetFieldAsString("XZDM");
    e.suspect_layers = f->GetFieldAsString("SUSPECT_LAYERS");
    e.credit = f->GetFieldAsString("CREDIT");
    e.case_id = f->GetFieldAsString("CASE_ID");
    e.area_m2 = f->GetFieldAsDouble("AREA_M2");
    e.partial = f->GetFieldAsInteger("PARTIAL") != 0;
    e.suspect = f->GetFieldAsInteger("SUSPECT") != 0;
    e.approved = f->GetFieldAsInteger("APPROVED") != 0;
    out.push_back(std::move(e));
  }
  return out;
}

std::set<std::string> split(const std::string& text) {
  std::set<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t end = std::min(text.find(';', at), text.size());
    if (end > at) out.insert(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST(DiffSample, FindsExactlyTheGeneratorsChangesWithIndependentAreas) {
  const auto city = guotu::test::sample_city(false);
  guotu::test::TempDir dir;
  const auto out = dir / "diff.gpkg";
  const auto r =
      guotu::test::run_guotu("diff --before '" + city.string() + "' --after '" + city.string() + "' --plan '" +
                             city.string() + "' --out '" + out.string() + "' --json 2>/dev/null");
  ASSERT_EQ(r.exit_code, 1) << "the sample city has 非农化 inside 永久基本农田: 疑似违法, exit 1";
  const auto j = nlohmann::json::parse(r.out);

  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(city.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  const auto expected = sidecar(*ds);
  ASSERT_GT(expected.size(), 50u);

  // Each sidecar row matches exactly one reported change (by its before and after BSM), and no
  // change is left over.
  std::map<std::pair<std::string, std::string>, const nlohmann::json*> reported;
  for (const auto& c : j["changes"]) {
    const std::pair<std::string, std::string> key{c["before_bsm"], c["after_bsm"]};
    EXPECT_TRUE(reported.emplace(key, &c).second) << "two changes for " << key.first << " → " << key.second;
  }
  EXPECT_EQ(reported.size(), expected.size()) << "no extra changes, none missing";
  std::map<std::string, std::size_t> want_counts;
  std::size_t compared = 0, partial = 0, suspect = 0, approved = 0;
  double max_geodesic = 0;
  for (const auto& e : expected) {
    for (const auto& cls : split(e.classes)) ++want_counts[cls];
    SCOPED_TRACE(e.bsm + " → " + e.bsm_later + " " + e.classes + " (" + e.case_id + ")");
    const auto it = reported.find({e.bsm, e.bsm_later});
    if (it == reported.end()) {
      ADD_FAILURE() << "change not reported";
      continue;
    }
    const nlohmann::json& c = *it->second;
    // Every class, in the rule file's order (the sidecar writes them in that order too).
    std::string classes;
    for (const auto& cls : c["classes"]) classes += (classes.empty() ? "" : ";") + cls.get<std::string>();
    EXPECT_EQ(classes, e.classes);
    EXPECT_EQ(c["suspect"].get<bool>(), e.suspect) << "疑似违法";
    // The zones of the flags, by plan layer (the core zone is a part of ZRBHD).
    std::set<std::string> layers;
    for (const auto& z : c["suspect_layers"]) layers.insert(z == "ZRBHD_CORE" ? "ZRBHD" : z.get<std::string>());
    EXPECT_EQ(layers, split(e.suspect_layers)) << "suspect layers";
    EXPECT_EQ(c["approved"].get<bool>(), e.approved) << "已批";
    EXPECT_EQ(c["credit"].get<std::string>().empty() ? std::string("none") : c["credit"].get<std::string>(), e.credit)
        << "进出平衡 credit";
    EXPECT_TRUE(c["unevaluated_rules"].empty()) << "the sample's plan holds every zone";
    EXPECT_EQ(c["before"], e.before);
    EXPECT_EQ(c["after"], e.after);
    EXPECT_EQ(c["county"], e.county);
    EXPECT_EQ(c["town"], e.town);
    EXPECT_EQ(c["unit_code"], e.town);
    const double got = c["area_m2"];
    EXPECT_LE(std::abs(got - e.area_m2) / e.area_m2, 1e-6) << "sidecar AREA_M2 " << e.area_m2 << " guotu " << got;
    suspect += e.suspect ? 1 : 0;
    approved += e.approved ? 1 : 0;
    partial += e.partial ? 1 : 0;
    const auto [geodesic, trapezoid] =
        sql_geometry_area(*ds, "SELECT ST_Intersection((SELECT geom FROM DLTB WHERE BSM = '" + e.bsm +
                                   "'), (SELECT geom FROM DLTB_LATER WHERE BSM = '" + e.bsm_later + "'))");
    ASSERT_GT(trapezoid, 0);
    // The overlap geometry (SpatiaLite) measured by the official method: 1e-6.
    EXPECT_LE(std::abs(got - trapezoid) / trapezoid, 1e-6) << "guotu " << got << " independent 32号 " << trapezoid;
    // And by the geodesic polygon area: with long edges measured in short steps the two agree to
    // 9.3e-7 on this sample (the edges taken whole: 4.5e-5), so 2e-6.
    EXPECT_LE(std::abs(got - geodesic) / geodesic, 2e-6) << "guotu " << got << " geodesic " << geodesic;
    max_geodesic = std::max(max_geodesic, std::abs(got - geodesic) / geodesic);
    ++compared;
  }
  EXPECT_EQ(compared, expected.size());
  std::printf("largest relative difference to the geodesic area: %.3g\n", max_geodesic);
  EXPECT_GT(partial, 0u) << "the sample has partial changes";
  EXPECT_GT(suspect, 0u) << "the sample plants 疑似违法 changes";
  EXPECT_GT(approved, 0u) << "the sample plants approved construction";
  // Each class of the rules is planted (at least three of each, docs/sample-city.md) and found as
  // often as planted; no 违规开垦 or 非粮化 piece is credit.
  for (const char* cls : {"非农化", "新增建设用地", "进出平衡_出", "进出平衡_进", "违规开垦", "永久基本农田非粮化",
                          "林地减少", "其他变化"})
    EXPECT_GE(want_counts[cls], 3u) << cls;
  for (const auto& [cls, n] : want_counts) EXPECT_EQ(j["counts"][cls].get<std::size_t>(), n) << cls;
  EXPECT_EQ(j["counts"]["已批"].get<std::size_t>(), approved);
  EXPECT_TRUE(j["complete"].get<bool>());
  for (const auto& c : j["changes"]) {
    const auto& cl = c["classes"];
    if (std::find(cl.begin(), cl.end(), "违规开垦") != cl.end() ||
        std::find(cl.begin(), cl.end(), "永久基本农田非粮化") != cl.end()) {
      EXPECT_EQ(c["credit"], "") << c["before_bsm"] << " is credit";
    }
  }

  // The output opens as a styled layer whose QML rules use the fields written.
  GDALDatasetUniquePtr o(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(o);
  OGRLayer* changes = o->GetLayerByName("changes");
  ASSERT_NE(changes, nullptr);
  EXPECT_EQ(changes->GetFeatureCount(), static_cast<GIntBig>(expected.size()));
  ASSERT_NE(o->GetLayerByName("summary"), nullptr);
  OGRLayer* styles =
      o->ExecuteSQL("SELECT styleQML FROM layer_styles WHERE f_table_name = 'changes'", nullptr, nullptr);
  ASSERT_NE(styles, nullptr);
  std::string qml;
  for (auto& f : *styles) qml = f->GetFieldAsString(0);
  o->ReleaseResultSet(styles);
  EXPECT_NE(qml.find("&quot;suspect&quot; = 1"), std::string::npos) << "suspected-illegal rule";
  EXPECT_NE(qml.find("230,0,0"), std::string::npos) << "red fill";
  OGRLayer* red = o->ExecuteSQL("SELECT COUNT(*) FROM changes WHERE suspect = 1", nullptr, nullptr);
  ASSERT_NE(red, nullptr);
  for (auto& f : *red)
    EXPECT_EQ(f->GetFieldAsInteger64(0), static_cast<GIntBig>(j["counts"]["疑似违法"].get<std::size_t>()));
  o->ReleaseResultSet(red);
}

TEST(DiffSample, RecordsTheInOutFlowsInTheLedger) {
  const auto city = guotu::test::sample_city(false);
  guotu::test::TempDir dir;
  const std::string db = (dir / "ledger.sqlite").string();
  guotu::ledger::FarmlandLedger::init(db, "test");
  const auto r = guotu::test::run_guotu("diff --before '" + city.string() + "' --after '" + city.string() +
                                        "' --plan '" + city.string() + "' --out '" + (dir / "diff.gpkg").string() +
                                        "' --to-ledger '" + db + "' --year 2023 2>/dev/null");
  ASSERT_EQ(r.exit_code, 1);

  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(city.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  std::map<std::string, std::pair<double, double>> want;  // county → (out, in): the lawful flows
  for (const auto& e : sidecar(*ds)) {
    if (e.credit == "out") want[e.county].first += e.area_m2;
    if (e.credit == "in") want[e.county].second += e.area_m2;
  }
  ASSERT_FALSE(want.empty());
  const guotu::ledger::FarmlandLedger ledger(db, "test");
  const auto balances = ledger.inout_balances(2023);
  std::map<std::string, std::pair<double, double>> got;
  for (const auto& b : balances) got[b.county] = {b.out_m2, b.in_m2};
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [county, w] : want) {
    SCOPED_TRACE(county);
    ASSERT_TRUE(got.count(county));
    EXPECT_NEAR(got[county].first, w.first, 1e-6 * std::max(1.0, w.first));
    EXPECT_NEAR(got[county].second, w.second, 1e-6 * std::max(1.0, w.second));
  }
  EXPECT_TRUE(ledger.inout_balances(2022).empty() ||
              std::all_of(ledger.inout_balances(2022).begin(), ledger.inout_balances(2022).end(),
                          [](const auto& b) { return b.out_m2 == 0 && b.in_m2 == 0; }));
  // Booking the same year twice is refused (the entry ids are per county, year and direction).
  const auto again = guotu::test::run_guotu("diff --before '" + city.string() + "' --after '" + city.string() +
                                            "' --plan '" + city.string() + "' --out '" + (dir / "diff2.gpkg").string() +
                                            "' --to-ledger '" + db + "' --year 2023 2>/dev/null");
  EXPECT_EQ(again.exit_code, 2) << "the year already booked is bad input (docs/cli.md, guotu diff)";
  EXPECT_FALSE(std::filesystem::exists(dir / "diff2.gpkg")) << "a refused booking leaves no output";
  EXPECT_EQ(ledger.inout_balances(2023).size(), balances.size());
}
