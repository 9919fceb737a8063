// City profiles (core/city.hpp): every shipped profile loads and agrees with the files it names;
// an unknown city is refused naming the known ones; a malformed profile names its file and line;
// the profile's layer names and the run's city reach the commands.
#include <algorithm>
#include <functional>
#include <string>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/resources.hpp"
#include "support.hpp"
#include "validate/rules.hpp"

namespace {

using guotu::test::TempDir;
namespace city = guotu::city;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const guotu::Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CityProfile, EveryShippedProfileLoadsAndAgreesWithItsFiles) {
  const auto ids = city::known();
  ASSERT_FALSE(ids.empty());
  EXPECT_NE(std::find(ids.begin(), ids.end(), city::default_id()), ids.end()) << city::default_id();
  for (const auto& id : ids) {
    SCOPED_TRACE(id);
    const city::Profile p = city::load(id);
    EXPECT_EQ(p.id, id);
    EXPECT_FALSE(p.working_crs.empty());
    // One working CRS: the validate rules and the sample description the profile names say the same.
    EXPECT_EQ(guotu::validate::RuleSet::load(p.validate_rules).working_crs, p.working_crs);
    if (!p.sample.empty()) {
      const YAML::Node sample = YAML::LoadFile(p.sample.string());
      EXPECT_EQ(sample["city"]["working_crs"].as<std::string>(), p.working_crs);
      EXPECT_EQ(sample["city"]["code"].as<std::string>(), p.code);
      EXPECT_EQ(guotu::resources::home() / sample["admin"]["units"].as<std::string>(), p.admin_units);
      EXPECT_EQ(guotu::resources::home() / sample["admin"]["boundaries"].as<std::string>(), p.admin_boundaries);
    }
  }
  // Nothing selected: the run's city is the default one.
  EXPECT_EQ(city::current().id, city::default_id());
}

TEST(CityProfile, UnknownCityNamesTheKnownOnes) {
  const std::string why = error_of([] { (void)city::load("nowhere"); });
  EXPECT_NE(why.find("unknown city 'nowhere' (--city)"), std::string::npos) << why;
  for (const auto& id : city::known()) EXPECT_NE(why.find(id), std::string::npos) << why;
}

TEST(CityProfile, MalformedProfileNamesFileAndLine) {
  TempDir dir;
  const std::string good_files =
      "files:\n  rules: data/rules/liaocheng.yaml\n  change_rules: data/rules/change_liaocheng.yaml\n"
      "  ledger_rules: data/rules/ledger/liaocheng.yaml\n  validate_rules: data/validate/rules.yaml\n"
      "  indicators: [data/indicators/liaocheng.yaml]\n  targets: [data/targets/liaocheng.yaml]\n"
      "  styles: layers/styles\n";
  const std::string head =
      "name: 某市\ncode: \"9999\"\nworking_crs: {crs: EPSG:4549, source: guotu 设定：测试}\n"
      "admin: {boundaries: data/admin/liaocheng_counties.geojson, units: data/admin/admin_units.csv, source: x}\n";
  // A good one, with layer names: what it says is what load_file returns.
  guotu::test::write_file(dir / "good.yaml", head + "layer_names: {YJJBNT: [JBNTBHTB, jbnt]}\n" + good_files);
  const city::Profile p = city::load_file(dir / "good.yaml", "test");
  EXPECT_EQ(p.working_crs, "EPSG:4549");
  EXPECT_EQ(p.layer_names.at("YJJBNT"), (std::vector<std::string>{"JBNTBHTB", "jbnt"}));
  EXPECT_TRUE(p.sample.empty());
  // A file it names that does not exist: the profile's line of it.
  std::string bad = head + good_files;
  bad.replace(bad.find("data/rules/liaocheng.yaml"), 25, "data/rules/nowhere.yaml");
  guotu::test::write_file(dir / "missing.yaml", bad);
  std::string why = error_of([&] { (void)city::load_file(dir / "missing.yaml", "test"); });
  EXPECT_NE(why.find("missing.yaml:6:"), std::string::npos) << why;
  EXPECT_NE(why.find("no such file"), std::string::npos) << why;
  // A key it does not know, and a CRS without its source.
  guotu::test::write_file(dir / "key.yaml", head + "crs: EPSG:4527\n" + good_files);
  why = error_of([&] { (void)city::load_file(dir / "key.yaml", "test"); });
  EXPECT_NE(why.find("key.yaml:5:"), std::string::npos) << why;
  EXPECT_NE(why.find("crs"), std::string::npos) << why;
  std::string nosource = head + good_files;
  nosource.replace(nosource.find(", source: guotu 设定：测试"), std::string(", source: guotu 设定：测试").size(), "");
  guotu::test::write_file(dir / "nosource.yaml", nosource);
  why = error_of([&] { (void)city::load_file(dir / "nosource.yaml", "test"); });
  EXPECT_NE(why.find("nosource.yaml:3:"), std::string::npos) << why;
  EXPECT_NE(why.find("source"), std::string::npos) << why;
}

}  // namespace
