// Shared test helpers: a temporary directory per test, paths into the source tree, running the CLI.
#pragma once

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

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
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "guotu";
    path_ = std::filesystem::temp_directory_path() / ("guotu-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
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

/// Runs the guotu binary with arguments (shell-quoted by the caller); stderr goes to the log.
inline RunResult run_guotu(const std::string& args) {
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

/// The default sample city (or the one with --defects), generated once per test run by the
/// CTest fixture `sample_city_generate`; generated here when a test binary runs on its own.
inline std::filesystem::path sample_city(bool defects) {
  const std::filesystem::path dir = sample_dir();
  const std::filesystem::path file = dir / (defects ? "defects.gpkg" : "city.gpkg");
  if (!std::filesystem::exists(file)) {
    std::filesystem::create_directories(dir);
    const auto r = run_guotu(std::string("sample ") + (defects ? "--defects " : "") + "--overwrite --out '" +
                             file.string() + "' 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << "cannot generate the sample city";
  }
  return file;
}

}  // namespace guotu::test
