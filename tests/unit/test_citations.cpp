// Citations: every source a user reads in the shipped data — plan rules, indicators, targets, the
// layer catalogue, the farmland grade weights and the sample city's calibration — begins with an
// official document of the register data/documents.yaml (its 文号 or standard number, or its full
// title when it has no number) or says plainly that it is guotu's own setting ("guotu 设定…").
// A research reference such as "seed000 L487" is refused there: it belongs in `seed_ref`, which
// the loaders keep and never print.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "change/change_rules.hpp"
#include "check/occupancy.hpp"
#include "check/rule_set.hpp"
#include "core/city.hpp"
#include "gdal/vector_source.hpp"
#include "layers/catalogue.hpp"
#include "ledger/from_check.hpp"
#include "report/indicator.hpp"
#include "report/report.hpp"
#include "report/target.hpp"
#include "report/writers.hpp"
#include "sample/city_config.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::test::data_file;

namespace {

constexpr const char* kGuotuSetting = "guotu 设定";

struct Document {
  std::string id, title, number;
};

/// The register, read with yaml-cpp directly (no guotu loader): each entry must say what a
/// bureau needs to find the document.
std::vector<Document> load_register() {
  const YAML::Node root = YAML::LoadFile(data_file("data/documents.yaml").string());
  std::vector<Document> docs;
  std::set<std::string> ids;
  for (const auto& d : root["documents"]) {
    for (const char* key : {"id", "title", "issuer", "date", "kind", "seed"}) {
      EXPECT_TRUE(d[key] && d[key].IsScalar() && !d[key].Scalar().empty())
          << "register entry " << (d["id"] ? d["id"].Scalar() : "?") << " lacks " << key;
    }
    EXPECT_TRUE(d["number"] && d["number"].IsScalar()) << d["id"].Scalar() << ": number (\"\" when there is none)";
    Document doc{d["id"].Scalar(), d["title"].Scalar(), d["number"] ? d["number"].Scalar() : ""};
    EXPECT_TRUE(ids.insert(doc.id).second) << "register id twice: " << doc.id;
    EXPECT_EQ(doc.title.rfind("《", 0), 0u) << doc.id << ": the title is written with 《》";
    EXPECT_GE(doc.title.size(), 6u);
    EXPECT_EQ(doc.title.compare(doc.title.size() - 3, 3, "》"), 0) << doc.id << ": the title is written with 《》";
    // 文号 use the full-width brackets 〔〕, never [] or 【】.
    for (const char* bad : {"[", "]", "【", "】"})
      EXPECT_EQ(doc.number.find(bad), std::string::npos) << doc.id << ": " << doc.number;
    docs.push_back(std::move(doc));
  }
  return docs;
}

const std::vector<Document>& the_register() {
  static const std::vector<Document> docs = load_register();
  return docs;
}

/// Why `source` is not an acceptable citation; empty when it is.
std::string citation_problem(const std::string& source, const std::vector<Document>& docs) {
  if (source.empty()) return "no source";
  // Internal research references belong in seed_ref.
  static const std::regex internal(
      R"(seed0|seeds/|seed-extract|PRODUCT|standards-and-anchors|code-index|(^|[^A-Za-z])L[0-9]{3})");
  if (std::regex_search(source, internal)) return "cites an internal research reference";
  bool leads = source.rfind(kGuotuSetting, 0) == 0;
  for (const auto& d : docs) {
    if ((!d.number.empty() && source.rfind(d.number, 0) == 0) || source.rfind(d.title, 0) == 0) leads = true;
    // "文号《title》" must name the registered title for that number.
    for (auto at = d.number.empty() ? std::string::npos : source.find(d.number); at != std::string::npos;
         at = source.find(d.number, at + 1)) {
      const std::size_t after = at + d.number.size();
      if (source.compare(after, 3, "《") == 0 && source.compare(after, d.title.size(), d.title) != 0)
        return d.number + " is cited with a title other than " + d.title;
    }
  }
  if (!leads) return "does not begin with a registered document's number or title, nor with \"guotu 设定\"";
  return {};
}

void expect_cites(const std::string& what, const std::string& source) {
  const std::string problem = citation_problem(source, the_register());
  EXPECT_TRUE(problem.empty()) << what << ": " << problem << "\n  source: " << source;
}

/// Context printed beside a target (earlier figures, current values): no internal references.
void expect_no_internal_reference(const std::string& what, const std::string& text) {
  static const std::regex internal(R"(seed0|seeds/|seed-extract|PRODUCT|(^|[^A-Za-z])L[0-9]{3})");
  EXPECT_FALSE(std::regex_search(text, internal)) << what << ": " << text;
}

const std::string kPlan = "聊政办字〔2022〕10号《聊城市\"十四五\"自然资源保护和利用规划》";

}  // namespace

TEST(Citations, RegisterNamesTheDocumentsTheSeedsCameFrom) {
  const auto& docs = the_register();
  ASSERT_GE(docs.size(), 4u);
  auto find = [&](const std::string& number) -> const Document* {
    for (const auto& d : docs)
      if (d.number == number) return &d;
    return nullptr;
  };
  // The numbers and titles as printed on the documents (seed cover lines), typed here
  // independently of the register.
  ASSERT_NE(find("聊政办字〔2022〕10号"), nullptr);
  EXPECT_EQ(find("聊政办字〔2022〕10号")->title, "《聊城市\"十四五\"自然资源保护和利用规划》");
  ASSERT_NE(find("聊城市人民政府令第37号"), nullptr);
  EXPECT_EQ(find("聊城市人民政府令第37号")->title, "《聊城市城市景观风貌管理办法》");
  ASSERT_NE(find("章政办发〔2023〕9号"), nullptr);
  EXPECT_EQ(find("章政办发〔2023〕9号")->title, "《济南市章丘区人民政府2023年度森林资源保护发展目标责任制实施意见》");
  for (const char* standard : {"GB/T 21010-2017", "GB/T 28407-2012", "TD/T 1055-2019"})
    EXPECT_NE(find(standard), nullptr) << standard;
}

TEST(Citations, CityProfilesCiteTheirFacts) {
  const auto ids = guotu::city::known();
  ASSERT_FALSE(ids.empty());
  for (const auto& id : ids) {
    const guotu::city::Profile p = guotu::city::load(id);
    expect_cites(id + " working_crs", p.working_crs_source);
    expect_cites(id + " admin", p.admin_source);
  }
}

TEST(Citations, TheCheckRefusesASeedLineAloneAndAcceptsADocument) {
  const auto& docs = the_register();
  EXPECT_FALSE(citation_problem("seed000 L487", docs).empty());
  EXPECT_FALSE(citation_problem("seed000 L487 (专栏2, 预期性)", docs).empty());
  EXPECT_FALSE(citation_problem("seed001_002.md LS-17", docs).empty());
  EXPECT_FALSE(citation_problem("专栏2 国土开发强度（预期性）", docs).empty()) << "no document named";
  EXPECT_FALSE(citation_problem("PRODUCT.md §3", docs).empty());
  EXPECT_FALSE(citation_problem("", docs).empty());
  // A document named after the item, an unregistered 文号, ASCII brackets, a wrong title, and a
  // line number tucked behind a good citation are all refused.
  EXPECT_FALSE(citation_problem("专栏2 国土开发强度，" + kPlan, docs).empty());
  EXPECT_FALSE(citation_problem("聊政办字〔2099〕1号《聊城市某规划》专栏2", docs).empty());
  EXPECT_FALSE(citation_problem("聊政办字[2022]10号《聊城市\"十四五\"自然资源保护和利用规划》专栏2", docs).empty());
  EXPECT_FALSE(citation_problem("聊政办字〔2022〕10号《聊城市国土空间总体规划》专栏2", docs).empty());
  EXPECT_FALSE(citation_problem(kPlan + "专栏2 国土开发强度; seeds/000 L487", docs).empty());
  EXPECT_FALSE(citation_problem(kPlan + "专栏2 国土开发强度 (L487)", docs).empty());

  EXPECT_EQ(citation_problem(kPlan + "专栏2 国土开发强度（预期性）", docs), "");
  EXPECT_EQ(citation_problem("聊城市人民政府令第37号《聊城市城市景观风貌管理办法》第二十七条", docs), "");
  EXPECT_EQ(citation_problem("GB/T 28407-2012《农用地质量分等规程》", docs), "");
  EXPECT_EQ(citation_problem("《市级国土空间总体规划数据库规范（试行）》6.2.13 生态保护红线", docs), "");
  EXPECT_EQ(citation_problem("guotu 设定：30米距离，文件未给出", docs), "");
}

TEST(Citations, EveryShippedRuleCitesADocument) {
  const auto set = guotu::check::RuleSet::load(guotu::check::RuleSet::default_path());
  ASSERT_FALSE(set.rules.empty());
  for (const auto& r : set.rules) {
    expect_cites("rule " + r.id, r.source);
    // The research reference is kept apart, and is not part of what is printed as 依据.
    EXPECT_FALSE(r.seed_ref.empty()) << r.id;
    EXPECT_EQ(r.source.find(r.seed_ref), std::string::npos) << r.id;
  }
}

TEST(Citations, EveryShippedChangeRuleCitesADocument) {
  const auto set = guotu::change::ChangeRules::load(guotu::change::ChangeRules::default_path());
  ASSERT_FALSE(set.rules.empty());
  for (const auto& r : set.rules) {
    expect_cites("change rule " + r.id, r.source);
    if (r.fallback) continue;  // guotu's own setting: no research line behind it
    EXPECT_FALSE(r.seed_ref.empty()) << r.id;
    EXPECT_EQ(r.source.find(r.seed_ref), std::string::npos) << r.id;
  }
}

TEST(Citations, EveryShippedIndicatorAndTargetCitesADocument) {
  const fs::path ind_file = data_file("data/indicators/liaocheng.yaml");
  const fs::path tgt_file = data_file("data/targets/liaocheng.yaml");
  const auto indicators = guotu::report::IndicatorSet::load({ind_file});
  ASSERT_GE(indicators.indicators().size(), 10u);
  for (const auto& d : indicators.indicators()) {
    expect_cites("indicator " + d.id, d.source);
    EXPECT_FALSE(d.seed_ref.empty()) << d.id;
    // What the report prints beside the indicator: the source and the file's line, not seed_ref.
    const std::string printed = guotu::report::indicator_source(d);
    EXPECT_EQ(printed.rfind(d.source, 0), 0u) << printed;
    EXPECT_EQ(printed.find(d.seed_ref), std::string::npos) << printed;
  }
  for (const fs::path& f : {ind_file, tgt_file})
    expect_cites(f.filename().string() + " (file source)", YAML::LoadFile(f.string())["source"].Scalar());

  const auto targets = guotu::report::TargetSet::load({tgt_file}, indicators);
  ASSERT_GE(targets.all().size(), 10u);
  for (const auto& t : targets.all()) {
    const std::string what = "target " + t.indicator + " " + (t.year ? std::to_string(*t.year) : "");
    expect_cites(what, t.source);
    expect_no_internal_reference(what + " reference", t.reference);
    EXPECT_FALSE(t.seed_ref.empty()) << what;
    guotu::report::Outcome o;
    o.indicator = indicators.find(t.indicator);
    o.target = t;
    const std::string printed = guotu::report::target_source(o);
    EXPECT_EQ(printed.rfind(t.source, 0), 0u) << printed;
    EXPECT_EQ(printed.find(t.seed_ref), std::string::npos) << printed;
  }
}

TEST(Citations, EveryCatalogueLayerCitesAStandardOrDocument) {
  const auto& catalogue = guotu::layers::Catalogue::embedded();
  ASSERT_GE(catalogue.all().size(), 19u);
  for (const auto& layer : catalogue.all()) {
    expect_cites("layer " + layer.code, layer.source);
    // The GeoPackage metadata carries the source, never the research reference.
    const auto spec = layer.to_spec("EPSG:4527");
    EXPECT_EQ(spec.metadata.at("GUOTU_LAYER_SOURCE"), layer.source);
    if (!layer.seed_ref.empty()) {
      for (const auto& [key, value] : spec.metadata) EXPECT_EQ(value.find(layer.seed_ref), std::string::npos) << key;
    }
  }
}

TEST(Citations, GradeWeightsAndSampleCalibrationCiteADocument) {
  const auto weights = guotu::check::GradeWeights::load(data_file("data/rules/farmland_grade_weights.csv"));
  const std::string prefix = "farmland_grade_weights.csv: ";
  ASSERT_EQ(weights.source().rfind(prefix, 0), 0u) << weights.source();
  expect_cites("farmland_grade_weights.csv", weights.source().substr(prefix.size()));

  const auto city =
      guotu::sample::CityConfig::load(data_file("data/cities/liaocheng/sample.yaml"), guotu::test::source_dir());
  for (const auto& lc : city.land_use) expect_cites("land_use " + lc.id, lc.cite.source);
  for (const char* key :
       {"natural_parks", "towns", "key_towns", "permanent_farmland_share", "water_protection", "historic_areas"})
    expect_cites(std::string("calibration ") + key, city.calibration_source(key));
  EXPECT_EQ(city.land_class("cultivated").cite.seed_ref, "seed000 L416");
}

// What the ledger prints under 依据 when it refuses an occupation from check: each refusal of the
// booking rules cites a document or says it is guotu's setting; the approval rule cites the plan.
TEST(Citations, LedgerBookingRulesCiteADocument) {
  const auto rules = guotu::ledger::BookingRules::load(data_file("data/rules/ledger/liaocheng.yaml"));
  ASSERT_EQ(rules.refused.size(), 3u);
  for (const auto& [verdict, ground] : rules.refused) expect_cites("refused verdict " + verdict, ground.source);
  expect_cites("otherwise", rules.otherwise.source);
  expect_cites("approval", rules.approval.source);
  EXPECT_EQ(rules.approval.source.rfind("聊政办字〔2022〕10号", 0), 0u) << rules.approval.source;
  EXPECT_TRUE(rules.approval_required);
}

// The sample city as generated: its calibration table prints the city file's sources.
TEST(Citations, SampleCalibrationTablePrintsTheSources) {
  const fs::path city = guotu::test::sample_city(false);
  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(city.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* table = ds->GetLayerByName("sample_calibration");
  ASSERT_NE(table, nullptr);
  int rows = 0;
  for (auto& f : *table) {
    ++rows;
    expect_cites(std::string("sample_calibration ") + f->GetFieldAsString("ITEM"), f->GetFieldAsString("SOURCE"));
  }
  EXPECT_GE(rows, 10);
}

// What `guotu check` prints as 依据 beside each violation is the rule's document citation.
TEST(Citations, CheckOutputPrintsTheDocumentNotTheSeed) {
  const fs::path city = guotu::test::sample_city(false);
  guotu::test::TempDir dir;
  const fs::path out = dir / "check.gpkg";
  const auto r = guotu::test::run_guotu("check --plan '" + city.string() + "' --projects '" + city.string() +
                                        "' --out '" + out.string() + "' 2>/dev/null");
  ASSERT_EQ(r.exit_code, 1);  // complete, with the sample's planted 禁止 violations
  const auto set = guotu::check::RuleSet::load(guotu::check::RuleSet::default_path());
  std::set<std::string> sources;
  for (const auto& rule : set.rules) sources.insert(rule.source);
  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* violations = ds->GetLayerByName("violations");
  ASSERT_NE(violations, nullptr);
  int rows = 0;
  for (auto& f : *violations) {
    ++rows;
    const std::string printed = f->GetFieldAsString("source");
    EXPECT_EQ(sources.count(printed), 1u) << printed;
    expect_cites("violation source", printed);
  }
  EXPECT_GT(rows, 40);
}
