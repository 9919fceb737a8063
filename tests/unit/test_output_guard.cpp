// The writer guard (core/output_guard.hpp) and the commit step (core/atomic_output.hpp): no
// output may resolve to an input or to another output; a new output never replaces a file that
// appeared meanwhile (link-or-fail); the outputs of a run appear together or not at all.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/atomic_output.hpp"
#include "core/error.hpp"
#include "core/output_guard.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::AtomicDirectory;
using guotu::AtomicOutput;
using guotu::OutputGuard;
using guotu::OutputSet;

namespace {

using guotu::test::contains;
using guotu::test::hidden_files;
using guotu::test::read_file;
using guotu::test::write_file;

// The message of the bad-input error `f` throws; "" (and a test failure) when it throws none.
std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected a bad-input error";
  return {};
}

class Guard : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "data" / "sub");
    write_file(dir_ / "data" / "city.gpkg", "plan");
    write_file(dir_ / "data" / "projects.gpkg", "projects");
  }
  std::string path(const std::string& rel) const { return (dir_ / rel).string(); }
  std::string refused(const std::string& out, bool overwrite = true) {
    return refusal(
        [&] { OutputGuard().input(path("data/city.gpkg"), "--plan").output(out, "--out").check(overwrite); });
  }
  guotu::test::TempDir dir_;
};

TEST_F(Guard, AnOutputThatIsTheInputIsRefusedNamingBoth) {
  const std::string msg = refused(path("data/city.gpkg"));
  EXPECT_TRUE(contains(msg, "--out")) << msg;
  EXPECT_TRUE(contains(msg, "--plan")) << msg;
  EXPECT_TRUE(contains(msg, "the same file")) << msg;
  EXPECT_EQ(read_file(dir_ / "data" / "city.gpkg"), "plan");
}

TEST_F(Guard, ThroughDotDotSymlinksAndHardLinks) {
  EXPECT_TRUE(contains(refused(path("data/sub/../city.gpkg")), "the same file"));
  EXPECT_TRUE(contains(refused(path("data/./city.gpkg")), "the same file"));
  fs::create_symlink(dir_ / "data" / "city.gpkg", dir_ / "link.gpkg");
  EXPECT_TRUE(contains(refused(path("link.gpkg")), "the same file"));
  fs::create_directory_symlink(dir_ / "data", dir_ / "datalink");
  EXPECT_TRUE(contains(refused(path("datalink/city.gpkg")), "the same file"));
  fs::create_hard_link(dir_ / "data" / "city.gpkg", dir_ / "hard.gpkg");
  EXPECT_TRUE(contains(refused(path("hard.gpkg")), "hard link"));
  // The input given through a link is the same input.
  EXPECT_TRUE(
      contains(refusal([&] {
                 OutputGuard().input(path("link.gpkg"), "--plan").output(path("data/city.gpkg"), "--out").check(true);
               }),
               "the same file"));
  // Another file is fine.
  EXPECT_NO_THROW(OutputGuard().input(path("data/city.gpkg"), "--plan").output(path("out.gpkg"), "--out").check(false));
}

TEST_F(Guard, AFolderOutputMayNotHoldAnInput) {
  auto refused_dir = [&](const std::string& out) {
    return refusal(
        [&] { OutputGuard().input(path("data/city.gpkg"), "--plan").output_directory(out, "--out").check(true); });
  };
  EXPECT_TRUE(contains(refused_dir(path("data")), "holds the input --plan"));
  EXPECT_TRUE(contains(refused_dir(path("data/")), "holds the input --plan"));
  EXPECT_TRUE(contains(refused_dir(path("data/sub/..")), "holds the input --plan"));
  EXPECT_TRUE(contains(refused_dir(dir_.path().string()), "holds the input --plan"));  // at any depth
  // A folder input is refused as the output folder itself.
  EXPECT_TRUE(contains(
      refusal([&] { OutputGuard().input(path("data"), "--plan").output_directory(path("data"), "--out").check(true); }),
      "is the input"));
  EXPECT_NO_THROW(OutputGuard()
                      .input(path("data/city.gpkg"), "--plan")
                      .output_directory(path("data/report"), "--out")
                      .check(false));
}

TEST_F(Guard, FilesOfAShapefileOrAnInputFolderAreInputs) {
  for (const char* ext : {"shp", "shx", "dbf", "prj"}) write_file(dir_ / "data" / (std::string("DLTB.") + ext), ext);
  auto refused_with = [&](const std::string& in, const std::string& out) {
    return refusal([&] { OutputGuard().input(in, "--plan").output(out, "--out").check(true); });
  };
  EXPECT_TRUE(contains(refused_with(path("data/DLTB.shp"), path("data/DLTB.dbf")), "a file of the Shapefile"));
  EXPECT_TRUE(contains(refused_with(path("data"), path("data/DLTB.shp")), "a file of the input folder"));
  EXPECT_TRUE(contains(refused_with(path("data"), path("data/city.gpkg")), "a file of the input folder"));
  // A new file beside a folder's files changes none of them.
  EXPECT_NO_THROW(OutputGuard().input(path("data"), "--plan").output(path("data/check.gpkg"), "--out").check(false));
}

TEST_F(Guard, TwoOutputsOfOneRunMayNotBeOneFile) {
  const std::string msg = refusal([&] {
    OutputGuard()
        .input(path("data/city.gpkg"), "--plan")
        .output(path("x.gpkg"), "--out")
        .output(path("data/sub/../../x.gpkg"), "--occupancy-json")
        .check(false);
  });
  EXPECT_TRUE(contains(msg, "--out")) << msg;
  EXPECT_TRUE(contains(msg, "--occupancy-json")) << msg;
  EXPECT_FALSE(fs::exists(dir_ / "x.gpkg"));
}

TEST_F(Guard, PostgreSqlSchemasAreComparedNotConnectedTo) {
  auto guard = [](const std::string& in, const std::string& out) {
    return [=] { OutputGuard().input(in, "--plan").output(out, "--out").check(false); };
  };
  const std::string msg = refusal(guard("PG:dbname=gis active_schema=plan password=secret",
                                        "postgresql://me:secret@localhost:5432/gis?schema=plan"));
  EXPECT_TRUE(contains(msg, "schema plan")) << msg;
  EXPECT_FALSE(contains(msg, "secret")) << msg;
  // GDAL's default schema is public; the ledger's is guotu_ledger.
  (void)refusal(guard("PG:dbname=gis", "PG:dbname=gis active_schema=public host=/var/run/postgresql"));
  EXPECT_NO_THROW(guard("PG:dbname=gis active_schema=plan", "PG:dbname=gis active_schema=checks")());
  EXPECT_NO_THROW(guard("PG:dbname=gis active_schema=plan", "PG:dbname=other active_schema=plan")());
  EXPECT_NO_THROW(guard("PG:dbname=gis host=db1 active_schema=plan", "PG:dbname=gis host=db2 active_schema=plan")());
  (void)refusal([] {
    OutputGuard()
        .input("postgresql://clerk@db/gis", "--db", "guotu_ledger")
        .output("PG:host=db dbname=gis active_schema=guotu_ledger", "--out")
        .check(false);
  });
}

TEST(OutputPath, ProblemsAreBadInputNamingThePathAndTheReason) {
  guotu::test::TempDir dir;
  write_file(dir / "file.txt", "x");
  std::string msg = refusal([&] { guotu::check_output_writable(dir / "file.txt" / "out.gpkg", false); });
  EXPECT_TRUE(contains(msg, "file.txt/out.gpkg")) << msg;
  EXPECT_TRUE(contains(msg, "not a directory")) << msg;
  msg = refusal([&] { guotu::check_output_writable(dir / "nope" / "out.gpkg", false); });
  EXPECT_TRUE(contains(msg, "does not exist")) << msg;
  const std::string long_name(256, 'a');
  msg = refusal([&] { guotu::check_output_writable(dir / long_name, false); });
  EXPECT_TRUE(contains(msg, "too long")) << msg;
  msg = refusal([&] { guotu::check_output_directory_writable(dir / "file.txt" / "report", false); });
  EXPECT_TRUE(contains(msg, "not a directory")) << msg;
  msg = refusal([&] { guotu::check_output_directory_writable(dir / long_name, false); });
  EXPECT_TRUE(contains(msg, "too long")) << msg;
  // A dangling symbolic link is an existing output too (link(2) would fail on it).
  fs::create_symlink(dir / "nowhere", dir / "dangling.gpkg");
  msg = refusal([&] { guotu::check_output_writable(dir / "dangling.gpkg", false); });
  EXPECT_TRUE(contains(msg, "--overwrite")) << msg;
}

TEST(OutputPath, ALongNameStillGetsATemporaryThatFits) {
  guotu::test::TempDir dir;
  const fs::path target = dir / (std::string(250, 'n') + ".gpkg");  // 255 bytes: the limit
  AtomicOutput out(target, false);
  write_file(out.temp_path(), "mine");
  out.commit();
  EXPECT_EQ(read_file(target), "mine");
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(LinkOrFail, AnOutputThatAppearedMeanwhileIsNeverReplaced) {
  guotu::test::TempDir dir;
  const fs::path target = dir / "out.gpkg";
  {
    AtomicOutput out(target, false);
    write_file(out.temp_path(), "mine");
    write_file(target, "theirs");  // another run wins the race
    const std::string msg = refusal([&] { out.commit(); });
    EXPECT_TRUE(contains(msg, "appeared while guotu was running")) << msg;
    EXPECT_TRUE(contains(msg, "out.gpkg")) << msg;
    EXPECT_FALSE(out.committed());
  }
  EXPECT_EQ(read_file(target), "theirs");
  EXPECT_TRUE(hidden_files(dir.path()).empty()) << "the temporary is removed";
  // With --overwrite the finished output replaces it.
  AtomicOutput out(target, true);
  write_file(out.temp_path(), "mine");
  out.commit();
  EXPECT_EQ(read_file(target), "mine");
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(LinkOrFail, TwoRunsCreatingOneOutput) {
  guotu::test::TempDir dir;
  const fs::path target = dir / "out.gpkg";
  AtomicOutput first(target, false), second(target, false);
  write_file(first.temp_path(), "first");
  write_file(second.temp_path(), "second");
  second.commit();
  (void)refusal([&] { first.commit(); });
  EXPECT_EQ(read_file(target), "second");
}

TEST(LinkOrFail, AFolderThatAppearedMeanwhileIsNeverReplaced) {
  guotu::test::TempDir dir;
  const fs::path target = dir / "report";
  {
    AtomicDirectory out(target, false);
    write_file(out.temp_path() / "report.html", "mine");
    fs::create_directory(target);  // even an empty folder
    const std::string msg = refusal([&] { out.commit(); });
    EXPECT_TRUE(contains(msg, "appeared while guotu was running")) << msg;
  }
  EXPECT_TRUE(fs::is_empty(target));
  EXPECT_TRUE(hidden_files(dir.path()).empty());
  fs::remove(target);
  {
    AtomicDirectory out(target, false);
    write_file(out.temp_path() / "report.html", "mine");
    out.commit();
  }
  EXPECT_EQ(read_file(target / "report.html"), "mine");
  {
    AtomicDirectory out(target, true);
    write_file(out.temp_path() / "report.html", "again");
    out.commit();
  }
  EXPECT_EQ(read_file(target / "report.html"), "again");
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

// An output whose commit fails (a database that went away, say).
class FailingOutput final : public guotu::PendingOutput {
 public:
  [[nodiscard]] std::string target() const override { return "PG:dbname=gone"; }
  void commit() override { guotu::throw_internal("the server closed the connection", {"PG:dbname=gone", {}, {}, {}}); }
};

TEST(OutputSet, TheOutputsOfARunAppearTogetherOrNotAtAll) {
  guotu::test::TempDir dir;
  auto a = std::make_unique<AtomicOutput>(dir / "a.gpkg", false);
  auto b = std::make_unique<AtomicOutput>(dir / "b.json", false);
  write_file(a->temp_path(), "a");
  write_file(b->temp_path(), "b");
  {
    OutputSet set;
    set.hold(std::move(a));
    set.hold(std::move(b));
    write_file(dir / "b.json", "theirs");  // b appears meanwhile: nothing of the run is committed
    const std::string msg = refusal([&] { set.commit(); });
    EXPECT_TRUE(contains(msg, "b.json")) << msg;
  }
  EXPECT_FALSE(fs::exists(dir / "a.gpkg"));
  EXPECT_EQ(read_file(dir / "b.json"), "theirs");
  EXPECT_TRUE(hidden_files(dir.path()).empty());

  // A later commit fails: the new outputs already made are removed again.
  {
    OutputSet set;
    auto c = std::make_unique<AtomicOutput>(dir / "c.gpkg", false);
    write_file(c->temp_path(), "c");
    set.hold(std::make_unique<FailingOutput>());
    set.hold(std::move(c));  // committed first: new outputs go before the others
    try {
      set.commit();
      ADD_FAILURE() << "expected the failure";
    } catch (const guotu::Error& e) {
      EXPECT_EQ(e.exit_code(), 3);
      EXPECT_TRUE(contains(e.what(), "no output of this run was written")) << e.what();
    }
  }
  EXPECT_FALSE(fs::exists(dir / "c.gpkg"));
  EXPECT_TRUE(hidden_files(dir.path()).empty());

  // Everything written: everything appears.
  OutputSet set;
  auto d = std::make_unique<AtomicOutput>(dir / "d.gpkg", false);
  auto e = std::make_unique<AtomicDirectory>(dir / "e", false);
  write_file(d->temp_path(), "d");
  write_file(e->temp_path() / "x.csv", "e");
  set.hold(std::move(d));
  set.hold(std::move(e));
  set.commit();
  EXPECT_EQ(read_file(dir / "d.gpkg"), "d");
  EXPECT_EQ(read_file(dir / "e" / "x.csv"), "e");
}

}  // namespace
