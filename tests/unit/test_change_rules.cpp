// Change rules (data/rules/change_<city>.yaml): the shipped file loads with every class the
// issue asks for; every mistake is an error naming the file and the line; land specs match codes
// by land class and by code prefix.
#include <algorithm>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "change/change_rules.hpp"
#include "core/error.hpp"
#include "fixtures.hpp"
#include "support.hpp"

using guotu::change::Balance;
using guotu::change::ChangeRules;

namespace {

const char* const kGood = R"(city: 测试市
zones:
  RED: {layer: STBHHX, name_zh: 生态保护红线}
rules:
  - id: A
    class: 开垦
    name_zh: 红线内开垦
    source: "guotu 设定：测试"
    before_not: [cultivated]
    after: [cultivated]
    inside: RED
    suspect: true
    bars_credit: true
  - id: IN
    class: 进
    name_zh: 进
    source: "guotu 设定：测试"
    after: [cultivated]
    before_not: [cultivated]
    balance: in
  - id: OTHER
    class: 其他
    name_zh: 其他
    source: "guotu 设定：测试"
    fallback: true
)";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// The error of parsing `yaml` (the test fails when there is none).
std::string error_of(const std::string& yaml) {
  SCOPED_TRACE(yaml);
  const guotu::Error e = guotu::test::error_of([&] { (void)ChangeRules::parse(yaml, "change.yaml"); });
  EXPECT_EQ(e.kind(), guotu::ErrorKind::BadInput);
  return e.what();
}

TEST(ChangeRules, TheShippedRulesHaveEveryClassOfTheIssue) {
  const ChangeRules set = ChangeRules::load(ChangeRules::default_path());
  for (const char* cls : {"非农化", "新增建设用地", "进出平衡_出", "进出平衡_进", "违规开垦", "永久基本农田非粮化",
                          "林地减少", "其他变化"})
    EXPECT_NE(std::find(set.classes.begin(), set.classes.end(), cls), set.classes.end()) << cls;
  EXPECT_EQ(set.classes.back(), "其他变化") << "the fallback is listed last";
  // 违规开垦 and 非粮化 never count as 进出平衡 credit.
  for (const auto& r : set.rules)
    if (r.cls == "违规开垦" || r.cls == "永久基本农田非粮化") {
      EXPECT_TRUE(r.bars_credit) << r.id;
      EXPECT_TRUE(r.suspect) << r.id;
      EXPECT_FALSE(r.approval_clears) << r.id;
    }
}

TEST(ChangeRules, LandSpecsMatchClassesAndCodePrefixes) {
  const ChangeRules set = ChangeRules::parse(kGood, "change.yaml");
  const auto& a = set.rules[0];
  EXPECT_TRUE(a.codes_match("0404", "0103", false));
  EXPECT_FALSE(a.codes_match("0101", "0103", false)) << "耕地 to 耕地";
  EXPECT_FALSE(a.codes_match("0404", "0201K", false)) << "K codes are not 耕地";
  EXPECT_FALSE(set.rules[2].codes_match("0404", "0103", false)) << "the fallback is never matched by codes";
  EXPECT_EQ(set.rules[1].balance, Balance::In);
  const ChangeRules prefixed = ChangeRules::parse(
      replace(kGood, "after: [cultivated]\n    inside", "after: [\"1104\"]\n    inside"), "change.yaml");
  EXPECT_TRUE(prefixed.rules[0].codes_match("0404", "1104A", false)) << "1104 covers 1104A";
  EXPECT_FALSE(prefixed.rules[0].codes_match("0404", "1101", false));
  // A footprint is construction, of no code.
  const ChangeRules built = ChangeRules::parse(
      replace(kGood, "after: [cultivated]\n    inside", "after: [construction]\n    inside"), "change.yaml");
  EXPECT_TRUE(built.rules[0].codes_match("0404", "建筑", true));
}

TEST(ChangeRules, MistakesNameTheFileAndLine) {
  struct Bad {
    std::string from, to, says;
  };
  const Bad bad[] = {
      {"    suspect: true\n    bars", "    suspect: true\n    colour: red\n    bars", "unknown key 'colour'"},
      {"before_not: [cultivated]\n    after: [cultivated]\n    inside",
       "before_not: [paddy]\n    after: [cultivated]\n    inside", "'paddy'"},
      {"after: [cultivated]\n    inside", "after: [\"9999\"]\n    inside", "'9999'"},
      {"inside: RED", "inside: BLUE", "unknown zone 'BLUE'"},
      {"inside: RED", "inside: RED\n    outside: RED", "one zone"},
      {"RED: {layer: STBHHX", "RED: {layer: NOPE", "unknown layer 'NOPE'"},
      {"    balance: in", "    balance: up", "balance must be"},
      {"    fallback: true", "    fallback: false", "no fallback rule"},
      {"    fallback: true", "    fallback: true\n    before: [cultivated]", "the fallback rule applies"},
      {"  - id: IN\n    class: 进", "  - id: A\n    class: 进", "duplicate rule id 'A'"},
      {"  - id: IN\n    class: 进\n", "  - id: IN\n", "neither gives a class nor flags"},
      {"    bars_credit: true", "    bars_credit: true\n    approval_clears: maybe", "approval_clears"},
  };
  for (const auto& b : bad) {
    const std::string what = error_of(replace(kGood, b.from, b.to));
    EXPECT_TRUE(std::regex_search(what, std::regex("change\\.yaml:[0-9]+: "))) << "file:line: " << what;
    EXPECT_TRUE(guotu::test::contains(what, b.says)) << what;
  }
  EXPECT_TRUE(guotu::test::contains(
      error_of(std::string(kGood) + "  - {id: OUT, class: 出, name_zh: 出, source: x, outside: RED}\n"),
      "tested inside (rule A) and outside (rule OUT)"));
}

}  // namespace
