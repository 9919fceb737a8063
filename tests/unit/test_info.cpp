// guotu info on the real county boundaries, through the engine and through the CLI.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "info/dataset_info.hpp"
#include "support.hpp"

namespace {
const std::string kCounties = guotu::test::data_file("data/admin/liaocheng_counties.geojson").string();
}

TEST(Info, LiaochengCounties) {
  auto d = guotu::info::describe(kCounties);
  ASSERT_EQ(d.layers.size(), 1u);
  const auto& l = d.layers[0];
  EXPECT_EQ(l.feature_count, 8);
  ASSERT_TRUE(l.crs.has_value());
  EXPECT_EQ(l.crs->epsg, 4490);
  ASSERT_TRUE(l.area_m2.has_value());
  // PROVENANCE.md: the generalised boundaries' ellipsoidal areas sum to about 8,640 km².
  EXPECT_NEAR(*l.area_m2 / 1e6, 8640.0, 86.4);
  // Six of the eight polygons have ring self-intersections from the quantisation.
  ASSERT_EQ(l.invalid.size(), 6u);
  for (const auto& i : l.invalid) {
    EXPECT_NE(i.reason.find("Self-intersection"), std::string::npos) << i.reason;
    EXPECT_GT(i.location.x, 115.2);
    EXPECT_LT(i.location.x, 116.6);
    EXPECT_GT(i.location.y, 35.7);
    EXPECT_LT(i.location.y, 37.1);
  }
}

TEST(Info, CliJsonContract) {
  // The subcommand word comes first: a path in its place is an unknown command (usage, exit 2).
  auto r = guotu::test::run_guotu(kCounties + " --json 2>/dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << "no document for a usage error";
  r = guotu::test::run_guotu("info " + kCounties + " --json 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["layers"].size(), 1u);
  const auto& l = j["layers"][0];
  EXPECT_EQ(l["name"], "liaocheng_counties");
  EXPECT_EQ(l["feature_count"], 8);
  EXPECT_EQ(l["crs"], "EPSG:4490");
  EXPECT_NEAR(l["area_m2"].get<double>() / 1e6, 8640.0, 86.4);
  ASSERT_EQ(l["invalid"].size(), 6u);
  for (const auto& i : l["invalid"]) {
    EXPECT_TRUE(i.contains("fid"));
    EXPECT_TRUE(i.contains("reason"));
    EXPECT_TRUE(i.contains("x"));
    EXPECT_TRUE(i.contains("y"));
  }
}

TEST(Info, CliBadInputExitsTwo) {
  EXPECT_EQ(guotu::test::run_guotu("info /nonexistent.gpkg 2>/dev/null").exit_code, 2);
  EXPECT_EQ(guotu::test::run_guotu("info 2>/dev/null").exit_code, 2);
  EXPECT_EQ(guotu::test::run_guotu("--version").exit_code, 0);
}
