// End to end: outputs and side effects of the guotu binary. No output may resolve to an input
// (the plan, the ledger, the folder holding them); the outputs of a run appear together, and
// only then its side effects (ledger bookings); a run that fails leaves nothing behind; a file
// that appeared while guotu was running is never replaced.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "gdal/output_writer.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "ledger/farmland_ledger.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace guotu;

namespace {

const test::Origin O{39440000, 4030000};

using test::contains;
using test::Feature;
using test::hidden_files;
using test::read_file;
using test::shell_quote;
using test::write_file;

// A plan with a 生态保护红线 and projects, one of them half inside it (a 禁止 violation).
void write_plan(const fs::path& path, const std::string& name = "马颊河生态红线") {
  auto red = test::catalogue_layer("STBHHX");
  red.features.push_back(Feature{O.rect(0, 0, 100, 100).to_wkt(), {{"BSM", std::string("A")}, {"HXMC", name}}});
  test::write_gpkg(path, {red});
}

void write_projects(const fs::path& path, const std::string& name) {
  auto xmyd = test::catalogue_layer("XMYD");
  xmyd.features.push_back(Feature{O.rect(50, 0, 150, 100).to_wkt(),
                                  {{"BSM", std::string("P1")}, {"XMMC", name}, {"XMLX", std::string("居住")}}});
  test::write_gpkg(path, {xmyd});
}

// Runs guotu in the background; as soon as a temporary of `watched` appears in its folder,
// creates `target` (another run or program that got there first). Returns guotu's exit code
// and output (stderr with it).
test::RunResult race(const std::string& args, const fs::path& watched, const fs::path& target) {
  std::atomic<bool> done{false};
  test::RunResult r{-1, {}};
  std::thread t([&] {
    r = test::run_guotu(args + " 2>&1");
    done = true;
  });
  const std::string prefix = "." + watched.filename().string() + ".guotu-tmp-";
  bool made = false;
  while (!done && !made) {
    std::error_code ec;
    for (fs::directory_iterator it(watched.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().filename().string().rfind(prefix, 0) == 0) {
        write_file(target, "theirs");
        made = true;
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  t.join();
  EXPECT_TRUE(made) << "the run ended before its temporary was seen: " << r.out;
  return r;
}

class OutputsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "data");
    write_plan(dir_ / "data" / "plan.gpkg");
    write_projects(dir_ / "data" / "projects.gpkg", "某住宅项目");
    plan_ = read_file(dir_ / "data" / "plan.gpkg");
  }
  std::string check(const std::string& out_args) const {
    return "check --plan " + shell_quote(dir_ / "data" / "plan.gpkg") + " --projects " +
           shell_quote(dir_ / "data" / "projects.gpkg") + " " + out_args;
  }
  void expect_plan_intact() const {
    EXPECT_TRUE(read_file(dir_ / "data" / "plan.gpkg") == plan_) << "the plan changed";
  }
  test::TempDir dir_;
  std::string plan_;
};

TEST_F(OutputsCli, AnOutputNamingTheInputIsRefusedBeforeAnyWork) {
  const fs::path plan = dir_ / "data" / "plan.gpkg";
  for (const std::string& out :
       {"--out " + shell_quote(plan), "--out " + shell_quote(dir_ / "data" / "x" / ".." / "plan.gpkg"),
        "--out " + shell_quote(dir_ / "o.gpkg") + " --occupancy-json " + shell_quote(plan)}) {
    SCOPED_TRACE(out);
    fs::create_directories(dir_ / "data" / "x");
    const auto r = test::run_guotu(check(out + " --overwrite") + " 2>&1");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_TRUE(contains(r.out, "plan.gpkg")) << r.out;
    EXPECT_TRUE(contains(r.out, "--plan")) << r.out;
    expect_plan_intact();
    EXPECT_FALSE(fs::exists(dir_ / "o.gpkg"));
  }
  fs::create_hard_link(plan, dir_ / "hard.gpkg");
  const auto r = test::run_guotu(check("--out " + shell_quote(dir_ / "hard.gpkg") + " --overwrite") + " 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "hard link")) << r.out;
  expect_plan_intact();
  // Two outputs that are one file.
  const auto two = test::run_guotu(
      check("--out " + shell_quote(dir_ / "x.gpkg") + " --occupancy-json " + shell_quote(dir_ / "x.gpkg")) + " 2>&1");
  EXPECT_EQ(two.exit_code, 2) << two.out;
  EXPECT_TRUE(contains(two.out, "--occupancy-json")) << two.out;
  EXPECT_FALSE(fs::exists(dir_ / "x.gpkg"));
}

TEST_F(OutputsCli, AReportFolderHoldingThePlanIsRefused) {
  const auto r = test::run_guotu("report --plan " + shell_quote(dir_ / "data" / "plan.gpkg") + " --out " +
                                 shell_quote(dir_ / "data") + " --overwrite 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "holds the input --plan")) << r.out;
  expect_plan_intact();
}

TEST_F(OutputsCli, OutputPathProblemsAreBadInputNamingTheReason) {
  write_file(dir_ / "file.txt", "x");
  for (const auto& [out, why] :
       std::vector<std::pair<fs::path, std::string>>{{dir_ / "file.txt" / "out.gpkg", "not a directory"},
                                                     {dir_ / "nope" / "out.gpkg", "does not exist"},
                                                     {dir_ / (std::string(252, 'a') + ".gpkg"), "too long"}}) {
    const auto r = test::run_guotu(check("--out " + shell_quote(out)) + " 2>&1");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_TRUE(contains(r.out, why)) << r.out;
  }
}

// The JSON document is built before any output appears: whatever the text in the data, the run
// either succeeds with its output and a JSON document, or fails and leaves no output. (The red
// line's name reaches the JSON as each violation's plan_feature; 测试 in GBK is no UTF-8, and
// the JSON writer used to throw on it after the output was in place: exit 3 and an output.)
TEST_F(OutputsCli, AFailedJsonDocumentLeavesNoOutput) {
  write_plan(dir_ / "data" / "gbk.gpkg", "\xB2\xE2\xCA\xD4");
  const fs::path out = dir_ / "out.gpkg";
  const auto r = test::run_guotu("check --plan " + shell_quote(dir_ / "data" / "gbk.gpkg") + " --projects " +
                                 shell_quote(dir_ / "data" / "projects.gpkg") + " --out " + shell_quote(out) +
                                 " --json 2>/dev/null");
  // Text that is not UTF-8 in a GeoPackage has its invalid bytes replaced with U+FFFD, with a
  // warning (docs/reliability.md, "Text is UTF-8 when it leaves the reader"): the run succeeds,
  // with its output and document: P1 half inside the red line is 禁止, and the exit is 2 as the
  // plan has no layer for the 11 other rules (the check is incomplete, its outputs written).
  ASSERT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(fs::exists(out));
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("verdicts").at(0).at("verdict"), "禁止");
  ASSERT_EQ(doc.at("violations").size(), 1u) << r.out;
  EXPECT_EQ(doc["violations"][0].at("plan_feature"), "\uFFFD\uFFFD\uFFFD\uFFFD")
      << "each of the 4 GBK bytes, none valid UTF-8 here, replaced";
  EXPECT_TRUE(contains(doc.at("warnings").dump(), "UTF-8")) << doc.at("warnings").dump();
  EXPECT_TRUE(hidden_files(dir_.path()).empty());
}

// Two outputs of validate: when one cannot appear, neither does.
TEST(OutputsRace, ValidateOutAndFixAppearTogether) {
  test::TempDir dir;
  const auto city = test::sample_city(false);
  const fs::path qa = dir / "qa.gpkg", fixed = dir / "fixed.gpkg";
  // The QA GeoPackage is written after the repaired copy: once its temporary is there, both are
  // written, and another program creates the QA file first.
  const auto r =
      race("validate " + shell_quote(city) + " --out " + shell_quote(qa) + " --fix " + shell_quote(fixed), qa, qa);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "appeared while guotu was running")) << r.out;
  EXPECT_EQ(read_file(qa), "theirs");
  EXPECT_FALSE(fs::exists(fixed)) << "--fix appeared although --out could not";
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

// diff --to-ledger books only after its output is in place: a run whose output cannot appear
// books nothing, and the same run again books the year.
TEST(OutputsRace, DiffBooksTheLedgerOnlyAfterItsOutput) {
  test::TempDir dir;
  const auto city = test::sample_city(false);
  const std::string db = (dir / "l.sqlite").string();
  ledger::FarmlandLedger::init(db, "t");
  const fs::path out = dir / "diff.gpkg";
  const std::string args = "diff --before " + shell_quote(city) + " --after " + shell_quote(city) + " --plan " +
                           shell_quote(city) + " --to-ledger " + shell_quote(db) + " --year 2023";
  const auto r = race(args + " --out " + shell_quote(out), out, out);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "appeared while guotu was running")) << r.out;
  EXPECT_EQ(read_file(out), "theirs");
  EXPECT_TRUE(ledger::FarmlandLedger(db, "t").inout_balances(2023).empty()) << "booked although the output failed";
  // The same run again, to another file: booked, once.
  const auto again = test::run_guotu(args + " --out " + shell_quote(dir / "diff2.gpkg") + " 2>&1");
  EXPECT_EQ(again.exit_code, 1) << again.out;  // booked; the sample's 疑似违法 pieces make it 1
  EXPECT_FALSE(ledger::FarmlandLedger(db, "t").inout_balances(2023).empty());
  // A year already booked: refused, and no output appears.
  const auto twice = test::run_guotu(args + " --out " + shell_quote(dir / "diff3.gpkg") + " 2>&1");
  EXPECT_EQ(twice.exit_code, 2) << twice.out;
  EXPECT_FALSE(fs::exists(dir / "diff3.gpkg"));
}

TEST(OutputsRace, TwoRunsCreatingOneOutputOneWins) {
  test::TempDir dir;
  const auto city = test::sample_city(false);
  const fs::path out = dir / "diff.gpkg";
  const auto r = race(
      "diff --before " + shell_quote(city) + " --after " + shell_quote(city) + " --out " + shell_quote(out), out, out);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(read_file(out), "theirs") << "the file that appeared first was replaced";
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

}  // namespace
