// Shared test helpers (the guotu_test_support library, with fixtures.hpp): a temporary directory
// per test, paths into the source tree, running the CLI, files, case files, and whether a missing
// real client (Chromium, PostgreSQL, QGIS) may be skipped. Nothing here knows the engine.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace guotu::test {

/// The source tree, the guotu binary and the sample city's folder of this build (support.cpp:
/// the only file compiled with these paths, so every other test file is the same in any checkout).
std::filesystem::path source_dir();
std::filesystem::path guotu_binary();
std::filesystem::path sample_dir();
inline std::filesystem::path data_file(const std::string& rel) {
  return source_dir() / rel;
}

/// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code;
  std::string out;  ///< stdout only
};

/// Runs the guotu binary with arguments (shell-quoted by the caller); stderr goes to the log
/// unless the arguments redirect it. exit_code is -1 when guotu was killed by a signal.
RunResult run_guotu(const std::string& args);

/// The default sample city (or the one with --defects), generated once per test run by the
/// CTest fixture `sample_city_generate`; generated here when a test binary runs on its own.
std::filesystem::path sample_city(bool defects);

// ------------------------------------------------------------------------------------ files

/// A path quoted for the shell (single quotes; a quote inside is escaped).
std::string shell_quote(const std::filesystem::path& p);
/// A file's bytes ("" when it cannot be read).
std::string read_file(const std::filesystem::path& p);
/// Writes bytes to a file, replacing it.
void write_file(const std::filesystem::path& p, const std::string& bytes);
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
/// Names of the files in dir whose name starts with '.' (temporaries left behind).
std::vector<std::string> hidden_files(const std::filesystem::path& dir);

/// The first-to-last rows of a query on an SQLite/GeoPackage file, read with plain SQLite (no
/// GDAL), each column as text ("" for NULL). A failure to open or prepare is a test failure.
std::vector<std::vector<std::string>> sqlite_rows(const std::filesystem::path& db, const std::string& query);

// ------------------------------------------------------------------------------- case files

/// The *.yaml files of a folder of the source tree (e.g. "tests/cases/rules"), sorted.
std::vector<std::filesystem::path> case_files(const std::string& rel_dir);
/// A case's GoogleTest name: its file stem, every character not a letter or digit as '_'.
std::string case_name(const ::testing::TestParamInfo<std::filesystem::path>& info);
/// The scalars of a YAML sequence (an absent node is empty).
std::set<std::string> string_set(const YAML::Node& n);

// ------------------------------------------------------------------------------ real clients

/// True under GUOTU_REQUIRE_CLIENTS=1 (CI): a missing real client is then a failure, never a skip.
bool clients_required();

}  // namespace guotu::test

/// Skips the current test because `what` (a real client) is missing, or fails it under
/// GUOTU_REQUIRE_CLIENTS=1. Use in a test body or SetUp (it returns from the function).
#define GUOTU_CLIENT_MISSING(what)                                                                       \
  do {                                                                                                   \
    if (::guotu::test::clients_required()) {                                                             \
      GTEST_FAIL() << (what) << " (GUOTU_REQUIRE_CLIENTS=1: a missing client is a failure, not a skip)"; \
    }                                                                                                    \
    GTEST_SKIP() << (what);                                                                              \
  } while (false)
