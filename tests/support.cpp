// The shared test helpers of support.hpp. The build's paths are compiled into this file alone.
#include "support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <sys/wait.h>

namespace fs = std::filesystem;

namespace guotu::test {

fs::path source_dir() {
  return GUOTU_TEST_SOURCE_DIR;
}
fs::path guotu_binary() {
  return GUOTU_BINARY;
}
fs::path sample_dir() {
  return GUOTU_TEST_SAMPLE_DIR;
}

TempDir::TempDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "guotu";
  std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests: Suite/Name.Case/param
  path_ = fs::temp_directory_path() / ("guotu-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RunResult run_guotu(const std::string& args) {
  const std::string cmd = guotu_binary().string() + " " + args;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
  RunResult r{-1, {}};
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe.release());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

fs::path sample_city(bool defects) {
  const fs::path dir = sample_dir();
  const fs::path file = dir / (defects ? "defects.gpkg" : "city.gpkg");
  if (!fs::exists(file)) {
    fs::create_directories(dir);
    const auto r = run_guotu(std::string("sample ") + (defects ? "--defects " : "") + "--overwrite --out " +
                             shell_quote(file) + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << "cannot generate the sample city";
  }
  return file;
}

std::string shell_quote(const fs::path& p) {
  std::string out = "'";
  for (const char c : p.string()) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::vector<std::string> hidden_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
  return out;
}

std::vector<std::vector<std::string>> sqlite_rows(const fs::path& db, const std::string& query) {
  std::vector<std::vector<std::string>> out;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db << ": " << (h != nullptr ? sqlite3_errmsg(h) : "out of memory");
    sqlite3_close(h);
    return out;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, query.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(h) << " in " << query;
  } else {
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        row.emplace_back(t != nullptr ? reinterpret_cast<const char*>(t) : "");
      }
      out.push_back(std::move(row));
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

std::vector<fs::path> case_files(const std::string& rel_dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(source_dir() / rel_dir, ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string case_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string n = info.param.stem().string();
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

std::set<std::string> string_set(const YAML::Node& n) {
  std::set<std::string> s;
  if (n)
    for (const auto& x : n) s.insert(x.as<std::string>());
  return s;
}

bool clients_required() {
  const char* v = std::getenv("GUOTU_REQUIRE_CLIENTS");
  return v != nullptr && std::string(v) == "1";
}

}  // namespace guotu::test
