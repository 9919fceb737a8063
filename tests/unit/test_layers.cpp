// The layer catalogue and code lists as shipped in layers/.
#include <fstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"
#include "support.hpp"

using namespace guotu::layers;

TEST(Catalogue, LoadsEveryPlanLayer) {
  const Catalogue& c = Catalogue::embedded();
  for (const char* code : {"XZQ", "XZQ_XIANG", "DLTB", "DLTB_LATER", "CZKFBJ", "YJJBNT", "STBHHX", "ZRBHD", "KJJG",
                           "ZXCQ", "CSLX", "CSLVX", "CSHX", "CSZX", "GDKZQ", "XMYD"}) {
    SCOPED_TRACE(code);
    const LayerDef& d = c.get(code);
    EXPECT_FALSE(d.name_zh.empty());
    EXPECT_FALSE(d.fields.empty());
    EXPECT_FALSE(d.style_qml().empty());
  }
  EXPECT_TRUE(c.get("DLTB").coverage);
  EXPECT_EQ(c.get("KJJG").geometry, guotu::gdal::GeometryKind::Point);
  EXPECT_EQ(c.find("地类图斑"), &c.get("DLTB"));  // aliases
  EXPECT_EQ(c.get("DLTB").field("DLBM")->codelist, "sandiao");
  EXPECT_THROW((void)c.get("NOPE"), guotu::Error);
}

TEST(Catalogue, MalformedFileNamesFileAndLine) {
  guotu::test::TempDir dir;
  std::ofstream(dir / "BAD.yaml") << "code: BAD\nname_zh: 坏\ngeometry: MultiPolygon\nfields:\n"
                                     "  - {name: X, type: Strng}\n";
  try {
    (void)Catalogue::load(dir.path());
    FAIL();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("BAD.yaml:5"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Strng"), std::string::npos);
  }
  std::ofstream(dir / "BAD.yaml") << "code: BAD\nname_zh: 坏\ngeometry: MultiPolygon\ncolour: red\nfields: []\n";
  try {
    (void)Catalogue::load(dir.path());
    FAIL();
  } catch (const guotu::Error& e) {
    EXPECT_NE(std::string(e.what()).find("BAD.yaml:4"), std::string::npos) << e.what();
  }
}

// A level that is not a whole number (found by fuzz_code_list: std::stoi threw and the run died)
// is bad input naming the file, the record and the value.
TEST(CodeList, LevelNotANumberIsBadInputNamingTheRecord) {
  guotu::test::TempDir dir;
  for (const char* level : {"x", "1x", "-1", "99999999999"}) {
    std::ofstream(dir / "codes.csv") << "code,name,level,parent\n01,耕地,1,\n0101,水田," << level << ",01\n";
    try {
      (void)CodeList::load(dir / "codes.csv");
      FAIL() << level;
    } catch (const guotu::Error& e) {
      EXPECT_EQ(e.exit_code(), 2);
      const std::string what = e.what();
      EXPECT_NE(what.find("codes.csv"), std::string::npos) << what;
      EXPECT_NE(what.find("0101"), std::string::npos) << what;
      EXPECT_NE(what.find(std::string("'") + level + "'"), std::string::npos) << what;
      EXPECT_NE(what.find("fid 2"), std::string::npos) << what;
    }
  }
}

TEST(CodeList, SandiaoCodesSuffixesAndLostZeros) {
  const CodeList& sd = CodeList::embedded("sandiao");
  EXPECT_EQ(sd.check("0101"), CodeProblem::None);
  EXPECT_EQ(sd.check("05H1"), CodeProblem::None);
  EXPECT_EQ(sd.check("0201K"), CodeProblem::None);
  EXPECT_EQ(sd.check("1104A"), CodeProblem::None);
  EXPECT_EQ(sd.check("08H2A"), CodeProblem::None);
  EXPECT_EQ(sd.check("0101K"), CodeProblem::SuffixNotAllowed);
  EXPECT_EQ(sd.check("101"), CodeProblem::LostLeadingZero);
  EXPECT_EQ(sd.check("9999"), CodeProblem::Unknown);
  EXPECT_EQ(sd.check(""), CodeProblem::Empty);
  EXPECT_EQ(sd.check("09"), CodeProblem::None);  // 特殊用地 is a leaf
  EXPECT_EQ(sd.name_of("0101"), "水田");
  EXPECT_EQ(parse_code("0201K").base, "0201");
  EXPECT_EQ(parse_code("0201K").suffix, "K");
  EXPECT_EQ(parse_code("05H1").base, "05H1");
  EXPECT_EQ(parse_code("08H2A").suffix, "A");
  const CodeList& yd = CodeList::embedded("ydyh_2023");
  EXPECT_EQ(yd.check("070101"), CodeProblem::None);
  EXPECT_EQ(yd.name_of("0101"), "水田");
}

TEST(LandClasses, FarmlandConstructionAndSuffixes) {
  const LandClasses& lc = LandClasses::embedded();
  EXPECT_TRUE(lc.contains("cultivated", "sandiao", "0101"));
  EXPECT_TRUE(lc.contains("cultivated", "sandiao", "0103"));
  EXPECT_FALSE(lc.contains("cultivated", "sandiao", "0201K"));  // K codes are not 耕地
  EXPECT_TRUE(lc.contains("garden", "sandiao", "0201K"));
  EXPECT_TRUE(lc.contains("construction", "sandiao", "0702"));
  EXPECT_TRUE(lc.contains("construction", "sandiao", "1003"));
  EXPECT_FALSE(lc.contains("construction", "sandiao", "1006"));  // 农村道路 is 农用地
  EXPECT_TRUE(lc.contains("agricultural", "sandiao", "1006"));
  EXPECT_TRUE(lc.contains("construction", "sandiao", "1107A"));
  EXPECT_FALSE(lc.contains("agricultural", "sandiao", "1107A"));
  EXPECT_TRUE(lc.contains("forest", "sandiao", "0301"));
  EXPECT_FALSE(lc.contains("forest", "sandiao", "0303"));  // 红树林地 is 湿地
  EXPECT_THROW((void)lc.contains("nonsense", "sandiao", "0101"), guotu::Error);
}
