// Values that must be checked before they are used (issue #15): double → integer conversions
// that cannot overflow, YAML numbers that are finite and in range with FILE:LINE, a "billion
// laughs" document refused in milliseconds, XML nested a million deep refused without a crash,
// CSV rows of the wrong width, rule parameters GEOS cannot compute with.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "check/checker.hpp"
#include "check/rule_set.hpp"
#include "core/csv_shape.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/yaml.hpp"
#include "fixtures.hpp"
#include "overlay/overlay.hpp"
#include "report/indicator.hpp"
#include "report/target.hpp"
#include "support.hpp"
#include "xml/xml.hpp"

using guotu::Error;
using guotu::ErrorKind;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using guotu::test::error_of;

void write(const std::filesystem::path& p, const std::string& text) {
  guotu::test::write_file(p, text);
}

// Nine levels of ten aliases: 10⁹ nodes once expanded.
std::string billion_laughs(const std::string& prefix) {
  std::string y = prefix + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char p = static_cast<char>(c - 1);
    y += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) y += std::string(k ? "," : "") + "*" + p;
    y += "]\n";
  }
  return y;
}

}  // namespace

// ---- checked conversions --------------------------------------------------------------------

TEST(CheckedConversion, RefusesWhatAStaticCastWouldGetWrong) {
  using guotu::floor_to;
  using guotu::truncate_to;
  EXPECT_EQ(truncate_to<int>(3.9), 3);
  EXPECT_EQ(truncate_to<int>(-3.9), -3);
  EXPECT_EQ(floor_to<std::int64_t>(-0.5), -1);
  for (double bad : {kNaN, kInf, -kInf, 1e25, -1e25, 1e300}) {
    EXPECT_FALSE(truncate_to<std::int64_t>(bad)) << bad;
    EXPECT_FALSE(floor_to<long>(bad)) << bad;
    EXPECT_FALSE(guotu::round_to<int>(bad)) << bad;
  }
  // The edges of the range: 2^63 does not fit int64, −2^63 does; 2^31 does not fit int.
  EXPECT_FALSE(truncate_to<std::int64_t>(9223372036854775808.0));
  EXPECT_EQ(truncate_to<std::int64_t>(-9223372036854775808.0), std::numeric_limits<std::int64_t>::min());
  EXPECT_FALSE(truncate_to<int>(2147483648.0));
  EXPECT_EQ(truncate_to<int>(2147483647.0), 2147483647);
  EXPECT_EQ(truncate_to<int>(-2147483648.9), std::numeric_limits<int>::min());
  EXPECT_FALSE(truncate_to<unsigned>(-1.0));
  EXPECT_EQ(truncate_to<unsigned>(-0.5), 0u);
  EXPECT_FALSE(guotu::exact_integer<int>(6.5));
  EXPECT_EQ(guotu::exact_integer<int>(6.0), 6);
  EXPECT_EQ(guotu::clamp_to<int>(1e300, 0, 10), 10);
  EXPECT_FALSE(guotu::clamp_to<int>(kNaN, 0, 10));
}

// The DLTB read windows of `guotu check` (overlay::read_windows): a project at ∞ or NaN once made
// a double → long cast overflow in the cell grid that preceded them. Now no integer is made: a
// non-finite envelope means "read the whole layer", and finite ones are merged where they meet.
TEST(ReadWindows, MergeWhatMeetsAndReadEverythingForANonFiniteEnvelope) {
  using guotu::Envelope;
  using guotu::overlay::read_windows;
  const Envelope a{0, 0, 100, 100}, b{50, 50, 150, 150}, c{1000, 0, 1100, 100}, d{140, 140, 300, 160};
  auto w = read_windows({a, c});
  ASSERT_EQ(w.size(), 2u);
  w = read_windows({c, b, a});
  ASSERT_EQ(w.size(), 2u);  // a and b meet: one window, their common envelope
  EXPECT_DOUBLE_EQ(w[0].min_x, 0);
  EXPECT_DOUBLE_EQ(w[0].max_x, 150);
  EXPECT_DOUBLE_EQ(w[1].min_x, 1000);
  // a meets b, b meets d: one window; and the grown window of a ∪ b ∪ d (0…300) stays apart from c.
  w = read_windows({a, d, c, b});
  ASSERT_EQ(w.size(), 2u);
  EXPECT_DOUBLE_EQ(w[0].max_x, 300);
  // A margin joins c to a window that reaches within it.
  w = read_windows({Envelope{0, 0, 980, 100}, c}, 15);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_DOUBLE_EQ(w[0].min_x, -15);
  EXPECT_DOUBLE_EQ(w[0].max_x, 1115);
  for (const Envelope& absurd : {Envelope{39500000, 4030000, 39500100, kInf}, Envelope{kNaN, kNaN, kNaN, kNaN},
                                 Envelope{-kInf, -kInf, kInf, kInf}})
    EXPECT_TRUE(read_windows({a, absurd}).empty())
        << absurd.min_x << " " << absurd.min_y << " " << absurd.max_x << " " << absurd.max_y;
  // Finite but beyond double range once grown by the margin.
  EXPECT_TRUE(read_windows({Envelope{-1.7e308, 0, 1.7e308, 1}}, 1e308).empty());
  EXPECT_TRUE(read_windows({}).empty());
}

// ---- YAML -----------------------------------------------------------------------------------

TEST(Yaml, BillionLaughsIsRefusedFast) {
  const auto start = std::chrono::steady_clock::now();
  const Error e = error_of([] { (void)guotu::yaml::parse(billion_laughs(""), "laughs.yaml"); });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  EXPECT_EQ(e.kind(), ErrorKind::BadInput);
  EXPECT_NE(std::string(e.what()).find("laughs.yaml:"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("expands to more than"), std::string::npos) << e.what();
  ASSERT_TRUE(e.where().line);
  EXPECT_GE(*e.where().line, 6);  // the first level whose expansion crosses a million nodes
  // Aliases used sparingly are fine: the same document with six levels (10⁶ … just under).
  EXPECT_NO_THROW((void)guotu::yaml::parse("a: &a [1, 2]\nb: [*a, *a, *a]\n", "ok.yaml"));
}

TEST(Yaml, EveryLoaderGoesThroughTheLimits) {
  guotu::test::TempDir dir;
  const auto laughs = dir / "laughs.yaml";
  write(laughs, billion_laughs(""));
  const auto start = std::chrono::steady_clock::now();
  // Rules (text and file), targets, indicators: each refuses before it walks anything.
  for (const auto& e :
       {error_of([&] { (void)guotu::check::RuleSet::load(laughs); }),
        error_of([&] { (void)guotu::report::IndicatorSet::load({laughs}); }), error_of([&] {
          (void)guotu::report::TargetSet::load(
              {laughs}, guotu::report::IndicatorSet::load({guotu::test::data_file("data/indicators/liaocheng.yaml")}));
        })}) {
    EXPECT_EQ(e.kind(), ErrorKind::BadInput);
    EXPECT_NE(std::string(e.what()).find("expands to more than"), std::string::npos) << e.what();
    EXPECT_EQ(e.where().file, laughs.string());
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(Yaml, DeepNestingIsAYamlErrorWithItsLine) {
  const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const Error e = error_of([&] { (void)guotu::yaml::parse(deep, "deep.yaml"); });
  EXPECT_EQ(e.kind(), ErrorKind::BadInput);
  EXPECT_NE(std::string(e.what()).find("deep.yaml:1: YAML error: nested deeper than 500 levels"), std::string::npos)
      << e.what();
}

TEST(Yaml, NumbersAreFiniteAndInRangeWithTheirLine) {
  const YAML::Node doc =
      guotu::yaml::parse("a: .nan\nb: .inf\nc: 1e300\nd: 7\ne: x\nf: 99999999999999\ng: 2035.5\n", "n.yaml");
  for (const char* key : {"a", "b", "c", "e"}) {
    const Error e = error_of([&] { (void)guotu::yaml::number("n.yaml", doc[key], key, 0, 1e6); });
    EXPECT_NE(std::string(e.what()).find("must be a finite number from 0 to 1000000"), std::string::npos) << e.what();
    EXPECT_TRUE(e.where().line) << key;
  }
  EXPECT_EQ(guotu::yaml::number("n.yaml", doc["d"], "d", 0, 10), 7.0);
  EXPECT_EQ(*error_of([&] { (void)guotu::yaml::number("n.yaml", doc["d"], "d", 0, 5); }).where().line, 4);
  EXPECT_EQ(guotu::yaml::integer("n.yaml", doc["d"], "d", 0, 10), 7);
  const Error year = error_of([&] { (void)guotu::yaml::integer("n.yaml", doc["f"], "year", 1990, 2100); });
  EXPECT_NE(
      std::string(year.what()).find("n.yaml:6: 'year' must be a whole number from 1990 to 2100, not '99999999999999'"),
      std::string::npos)
      << year.what();
  EXPECT_THROW((void)guotu::yaml::integer("n.yaml", doc["g"], "year", 1990, 2100), Error);
}

// A rule parameter GEOS cannot compute with is refused at load, with the file and line.
TEST(Yaml, RuleDistancesAndTolerancesAreBounded) {
  const std::string head = R"(rules:
  - id: R-B
    name_zh: 蓝线
    name_en: blue line
    kind: buffer
    severity: 禁止
    source: s
    layer: CSLX
)";
  for (const char* bad : {"1e300", ".inf", ".nan", "-1", "100001"}) {
    const Error e = error_of(
        [&] { (void)guotu::check::RuleSet::parse(head + "    params: {distance_m: " + bad + "}\n", "r.yaml"); });
    EXPECT_EQ(e.kind(), ErrorKind::BadInput) << bad;
    EXPECT_NE(std::string(e.what()).find("r.yaml:9: 'distance_m' must be a finite number from 0 to 100000"),
              std::string::npos)
        << e.what();
  }
  const Error t = error_of([&] {
    (void)guotu::check::RuleSet::parse(head + "    tolerance_m2: .inf\n    params: {distance_m: 30}\n", "r.yaml");
  });
  EXPECT_NE(std::string(t.what()).find("r.yaml:9: 'tolerance_m2'"), std::string::npos) << t.what();
}

TEST(Yaml, TargetValuesAndYearsAreChecked) {
  guotu::test::TempDir dir;
  const auto indicators = guotu::report::IndicatorSet::load({guotu::test::data_file("data/indicators/liaocheng.yaml")});
  const std::string id = indicators.indicators().front().id;
  auto target = [&](const std::string& extra) {
    const auto f = dir / "t.yaml";
    write(f, "source: test\ntargets:\n  - indicator: " + id + "\n    level: city\n" + extra);
    return f;
  };
  for (const std::string bad : {"    value: .nan\n", "    value: .inf\n", "    value: -.inf\n", "    value: 1e300\n"}) {
    const Error e = error_of([&] { (void)guotu::report::TargetSet::load({target(bad)}, indicators); });
    EXPECT_NE(std::string(e.what()).find("t.yaml:5: 'value' must be a finite number"), std::string::npos) << e.what();
  }
  const Error y = error_of(
      [&] { (void)guotu::report::TargetSet::load({target("    value: 1\n    year: 99999999999999\n")}, indicators); });
  EXPECT_NE(std::string(y.what()).find("t.yaml:6: 'year' must be a whole number from 1990 to 2100"), std::string::npos)
      << y.what();
  EXPECT_NO_THROW((void)guotu::report::TargetSet::load({target("    value: 1\n    year: 2035\n")}, indicators));
}

// ---- XML ------------------------------------------------------------------------------------

TEST(Xml, MillionDeepNestingIsAParseErrorNotACrash) {
  std::string doc;
  constexpr int kDepth = 1'000'000;
  doc.reserve(kDepth * 7 + 16);
  for (int i = 0; i < kDepth; ++i) doc += "<a>\n";
  for (int i = 0; i < kDepth; ++i) doc += "</a>";
  const auto start = std::chrono::steady_clock::now();
  try {
    (void)guotu::xml::parse(doc);
    ADD_FAILURE() << "no error";
  } catch (const guotu::xml::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("nested deeper than 256"), std::string::npos) << e.what();
    EXPECT_EQ(e.line(), 257);  // the 257th <a> is on line 257
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  // 256 levels are fine.
  std::string ok;
  for (int i = 0; i < 256; ++i) ok += "<a>";
  for (int i = 0; i < 256; ++i) ok += "</a>";
  EXPECT_NO_THROW((void)guotu::xml::parse(ok));
}

TEST(Xml, DeepTreesAreFreedWithoutRecursion) {
  // Built in memory (not parsed): the destructor must not recurse a million frames deep.
  auto root = std::make_unique<guotu::xml::Element>();
  guotu::xml::Element* e = root.get();
  for (int i = 0; i < 1'000'000; ++i) {
    e->children.emplace_back();
    e = &e->children.back();
    e->name = "a";
  }
  root.reset();
  SUCCEED();
}

// ---- CSV ------------------------------------------------------------------------------------

TEST(CsvShape, RowsOfTheWrongWidthNameTheirLine) {
  guotu::test::TempDir dir;
  const auto f = dir / "t.csv";
  write(f, "\xEF\xBB\xBFid,name,area\n1,\"a, with comma\",2\n2,\"multi\nline\",3\n\n3,x,4,EXTRA\n");
  const Error e = error_of([&] { guotu::require_rectangular_csv(f); });
  EXPECT_EQ(e.where().line, 6);
  EXPECT_NE(std::string(e.what()).find("this row has 4 fields, the header has 3"), std::string::npos) << e.what();
  write(f, "id,name,area\n1,a\n");
  EXPECT_EQ(error_of([&] { guotu::require_rectangular_csv(f); }).where().line, 2);
  write(f, "id,name,area\n1,\"a\"\"b\",2\r\n2,c,3");
  EXPECT_NO_THROW(guotu::require_rectangular_csv(f));
  write(f, "id,name\n1,\"never closed\n");
  EXPECT_NE(std::string(error_of([&] { guotu::require_rectangular_csv(f); }).what()).find("never closed"),
            std::string::npos);
}
