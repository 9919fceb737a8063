// Rule files: the embedded Liaocheng rules load; every kind of mistake is an error that names
// the file and the line.
#include <string>

#include <gtest/gtest.h>

#include "check/rule_set.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"

using guotu::Error;
using guotu::ErrorKind;
using guotu::check::RuleKind;
using guotu::check::RuleSet;
using guotu::check::Severity;

namespace {

const char* const kGood = R"(city: 测试市
rules:
  - id: R-A
    name_zh: 红线
    name_en: red line
    kind: forbid-overlap
    severity: 禁止
    source: "seed000.md R01"
    layer: 生态保护红线
    tolerance_m2: 2
)";

/// Parses text and returns the error (fails the test when there is none).
Error error_of(const std::string& yaml) {
  SCOPED_TRACE(yaml);
  return guotu::test::error_of([&] { (void)RuleSet::parse(yaml, "rules.yaml"); });
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(RuleSet, ParsesAndResolvesLayerAliases) {
  const RuleSet set = RuleSet::parse(kGood, "rules.yaml");
  ASSERT_EQ(set.rules.size(), 1u);
  EXPECT_EQ(set.city, "测试市");
  EXPECT_EQ(set.rules[0].layer, "STBHHX");  // the alias 生态保护红线 resolved to its code
  EXPECT_EQ(set.rules[0].kind, RuleKind::ForbidOverlap);
  EXPECT_EQ(set.rules[0].severity, Severity::Forbidden);
  EXPECT_DOUBLE_EQ(set.rules[0].tolerance_m2, 2.0);
  EXPECT_EQ(set.rules[0].line, 3);
}

TEST(RuleSet, EmbeddedLiaochengRulesLoad) {
  const RuleSet set = RuleSet::load(RuleSet::default_path());
  for (const char* id : {"R-STBHHX-FORBID", "R-ZRBHD-CORE-FORBID", "R-CSZX-FORBID", "R-CSLVX-FORBID",
                         "R-YJJBNT-APPROVAL", "R-CZKFBJ-WITHIN", "R-CSLX-BUFFER", "R-GDKZQ-HEIGHT", "R-ZXCQ-FAR"})
    EXPECT_NE(set.find(id), nullptr) << id;
  EXPECT_EQ(set.find("R-CSLX-BUFFER")->kind, RuleKind::Buffer);
  EXPECT_DOUBLE_EQ(set.find("R-CSLX-BUFFER")->distance_m, 30.0);
  EXPECT_EQ(set.find("R-ZRBHD-CORE-FORBID")->plan_filter, "GNFQ = '核心保护区'");
  for (const auto& r : set.rules) EXPECT_FALSE(r.source.empty()) << r.id << " cites no source";
}

TEST(RuleSet, UnknownKindNamesFileAndLine) {
  const Error e = error_of(replace(kGood, "kind: forbid-overlap", "kind: forbid-everything"));
  EXPECT_EQ(e.kind(), ErrorKind::BadInput);
  EXPECT_EQ(e.where().file, "rules.yaml");
  EXPECT_EQ(e.where().line, 6);
  EXPECT_NE(std::string(e.what()).find("unknown rule kind 'forbid-everything'"), std::string::npos) << e.what();
}

TEST(RuleSet, UnknownKeyNamesFileAndLine) {
  const Error e = error_of(replace(kGood, "    tolerance_m2: 2\n", "    tolerance_m2: 2\n    tolerence: 3\n"));
  EXPECT_EQ(e.where().line, 11);
  EXPECT_NE(std::string(e.what()).find("unknown key 'tolerence'"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("rules.yaml"), std::string::npos) << e.what();
}

TEST(RuleSet, UnknownLayerNamesFileAndLine) {
  const Error e = error_of(replace(kGood, "layer: 生态保护红线", "layer: NOSUCH"));
  EXPECT_EQ(e.where().line, 9);
  EXPECT_NE(std::string(e.what()).find("unknown layer 'NOSUCH'"), std::string::npos) << e.what();
}

TEST(RuleSet, BadSeverityNamesFileAndLine) {
  const Error e = error_of(replace(kGood, "severity: 禁止", "severity: 严重"));
  EXPECT_EQ(e.where().line, 7);
  EXPECT_NE(std::string(e.what()).find("unknown severity '严重'"), std::string::npos) << e.what();
}

TEST(RuleSet, UnknownFieldNamesFileAndLine) {
  std::string cap = replace(kGood, "kind: forbid-overlap", "kind: attribute-cap-in-zone");
  cap = replace(cap, "layer: 生态保护红线", "layer: GDKZQ");
  cap += "    params: {project_field: JZGD, zone_field: HEIGHT_CAP}\n";
  const Error e = error_of(cap);
  EXPECT_EQ(e.where().line, 11);
  EXPECT_NE(std::string(e.what()).find("unknown field 'HEIGHT_CAP'"), std::string::npos) << e.what();

  const Error f = error_of(std::string(kGood) + "    projects: {field: XMLB, in: [居住]}\n");
  EXPECT_EQ(f.where().line, 11);
  EXPECT_NE(std::string(f.what()).find("unknown field 'XMLB'"), std::string::npos) << f.what();
}

TEST(RuleSet, MissingParametersAndDuplicates) {
  std::string buf = replace(kGood, "kind: forbid-overlap", "kind: buffer");
  EXPECT_NE(std::string(error_of(buf).what()).find("distance_m"), std::string::npos);
  EXPECT_NE(std::string(error_of(buf + "    params: {distance_m: -5}\n").what())
                .find("'distance_m' must be a finite number from 0 to 100000, not '-5'"),
            std::string::npos);
  EXPECT_NE(std::string(error_of(buf + "    params: {distance_m: 0}\n").what()).find("positive"), std::string::npos);
  const std::string body = std::string(kGood).substr(std::string(kGood).find("  - id"));
  const Error dup = error_of(std::string(kGood) + body);
  EXPECT_NE(std::string(dup.what()).find("duplicate rule id 'R-A'"), std::string::npos) << dup.what();
  EXPECT_EQ(dup.where().line, 11);
  EXPECT_NE(std::string(error_of(replace(kGood, "    name_en: red line\n", "")).what()).find("name_en"),
            std::string::npos);
  // A params key of another kind is unknown here.
  const Error wrong = error_of(std::string(kGood) + "    params: {distance_m: 30}\n");
  EXPECT_NE(std::string(wrong.what()).find("unknown key 'distance_m'"), std::string::npos) << wrong.what();
}

TEST(RuleSet, YamlSyntaxErrorNamesLine) {
  const Error e = error_of("rules:\n  - id: [unclosed\n");
  EXPECT_EQ(e.where().file, "rules.yaml");
  EXPECT_TRUE(e.where().line.has_value());
}

TEST(RuleSet, LoadMissingFileIsBadInput) {
  try {
    (void)RuleSet::load("/nonexistent/rules.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
  }
}

}  // namespace
