// guotu validate against the sample city's ground truth: on the clean city it reports nothing;
// on the city with --defects it reports exactly the injected defects (sample_defects).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "gdal/vector_source.hpp"
#include "support.hpp"

namespace {

nlohmann::json validate_json(const std::filesystem::path& city, int& exit_code) {
  auto r = guotu::test::run_guotu("validate '" + city.string() + "' --json 2>/dev/null");
  exit_code = r.exit_code;
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST(ValidateSample, CleanCityHasNoErrors) {
  int rc = -1;
  auto j = validate_json(guotu::test::sample_city(false), rc);
  EXPECT_EQ(rc, 0);
  for (const auto& e : j["errors"]) ADD_FAILURE() << "false alarm: " << e.dump();
}

TEST(ValidateSample, FindsExactlyTheInjectedDefects) {
  const auto city = guotu::test::sample_city(true);
  int rc = -1;
  auto j = validate_json(city, rc);
  EXPECT_EQ(rc, 1);

  struct Expected {
    std::string check, layer, bsm;
    std::int64_t fid, other;
  };
  std::vector<Expected> expected;
  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(city.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* defects = ds->GetLayerByName("sample_defects");
  ASSERT_NE(defects, nullptr);
  for (auto& f : *defects)
    expected.push_back({f->GetFieldAsString("CHECK_CODE"), f->GetFieldAsString("LAYER"), f->GetFieldAsString("BSM"),
                        f->GetFieldAsInteger64("FEATURE_FID"), f->GetFieldAsInteger64("OTHER_FID")});
  ASSERT_GE(expected.size(), 15u);

  // Same number per check: every defect found, nothing else reported.
  std::map<std::string, int> want, got;
  for (const auto& e : expected) ++want[e.check];
  for (const auto& e : j["errors"]) ++got[e["check"].get<std::string>()];
  EXPECT_EQ(got, want);

  // And the same features.
  for (const auto& e : expected) {
    SCOPED_TRACE(e.check + " fid " + std::to_string(e.fid));
    bool found = false;
    for (const auto& r : j["errors"]) {
      if (r["check"] != e.check) continue;
      if (e.check == "SPACES_COVERAGE" && r["fid"].is_null()) {
        // A gap between the spaces is filed under the first space layer, with no feature: it is
        // the hole planted in the 农业空间 feature of the truth, within its 15 m radius.
        const double x = r["x"], y = r["y"];
        OGRLayer* rs =
            ds->ExecuteSQL(("SELECT ST_Distance(geom, MakePoint(" + std::to_string(x) + "," + std::to_string(y) +
                            ")) FROM " + e.layer + " WHERE fid = " + std::to_string(e.fid))
                               .c_str(),
                           nullptr, "SQLite");
        ASSERT_NE(rs, nullptr);
        OGRFeatureUniquePtr f(rs->GetNextFeature());
        found = found || (e.other == 0 && f && f->GetFieldAsDouble(0) <= 15.0);
        ds->ReleaseResultSet(rs);
        continue;
      }
      if (r["layer"] != e.layer) continue;
      if (e.check == "COVERAGE_GAP") {
        // A gap has no feature of its own: it lies along the patch that pulled back.
        const double x = r["x"], y = r["y"];
        OGRLayer* rs = ds->ExecuteSQL(("SELECT ST_Distance(geom, MakePoint(" + std::to_string(x) + "," +
                                       std::to_string(y) + ")) FROM DLTB WHERE fid = " + std::to_string(e.fid))
                                          .c_str(),
                                      nullptr, "SQLite");
        ASSERT_NE(rs, nullptr);
        OGRFeatureUniquePtr f(rs->GetNextFeature());
        found = found || (f && f->GetFieldAsDouble(0) < 10.0);
        ds->ReleaseResultSet(rs);
      } else if (!r["fid"].is_null()) {
        const std::int64_t fid = r["fid"];
        const std::int64_t related =
            r.contains("related_fid") && !r["related_fid"].is_null() ? r["related_fid"].get<std::int64_t>() : -1;
        // An overlap of two spaces names both: the 城镇空间 that grew and the 农业空间 it took.
        const bool pair_ok = e.check != "SPACES_COVERAGE" || (related == e.other && r["related_layer"] == "NYKJ");
        found = found || (fid == e.fid && pair_ok) ||
                (e.other != 0 && fid == e.other && (e.check == "COVERAGE_OVERLAP" || e.check == "BSM_DUPLICATE")) ||
                (e.check == "COVERAGE_OVERLAP" && related == e.fid);
      }
    }
    EXPECT_TRUE(found);
  }
}

TEST(ValidateSample, RealCountyBoundariesHaveSixSelfIntersections) {
  auto r = guotu::test::run_guotu(
      "validate '" + guotu::test::data_file("data/admin/liaocheng_counties.geojson").string() + "' --json 2>/dev/null");
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  int invalid = 0;
  for (const auto& e : j["errors"])
    if (e["check"] == "GEOM_INVALID") ++invalid;
  EXPECT_EQ(invalid, 6);
}
