// Replays the bad-input corpus (tests/bad-inputs/cases/*.yaml; format in
// tests/bad-inputs/README.md), in the manner of GEOS's xmltester: each case prepares its inputs
// in a fresh directory (a bash `setup`), runs the guotu binary with the case's arguments under a
// time limit, and checks the exact exit code, the substrings its messages must contain, the
// files that must not exist afterwards, and that no input was modified (every file the setup
// left, and the shared sample city, byte for byte).
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using guotu::test::read_file;
using guotu::test::source_dir;

std::vector<fs::path> case_files() {
  return guotu::test::case_files("tests/bad-inputs/cases");
}

/// The environment a case sees, and the names `$VAR` / `${VAR}` expand to in its command.
std::map<std::string, std::string> case_variables(const fs::path& dir) {
  return {{"GUOTU", guotu::test::guotu_binary().string()},
          {"SAMPLE", guotu::test::sample_dir().string()},
          {"SRC", source_dir().string()},
          {"LIB", (source_dir() / "tests/bad-inputs/lib").string()},
          {"CASE", dir.string()},
          // Debian's python3 (with python3-gdal) and GDAL's tools before any other on PATH.
          {"PATH", std::string("/usr/bin:/bin:") + (std::getenv("PATH") != nullptr ? std::getenv("PATH") : "")}};
}

std::string expand(const std::string& s, const std::map<std::string, std::string>& vars) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '$') {
      out += s[i++];
      continue;
    }
    std::size_t j = i + 1;
    std::string name;
    if (j < s.size() && s[j] == '{') {
      const std::size_t close = s.find('}', j);
      if (close == std::string::npos) {
        out += s.substr(i);
        break;
      }
      name = s.substr(j + 1, close - j - 1);
      j = close + 1;
    } else {
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      name = s.substr(i + 1, j - i - 1);
    }
    const auto it = vars.find(name);
    if (it == vars.end()) {
      out += s.substr(i, j - i);  // not ours: left as written
    } else {
      out += it->second;
    }
    i = j;
  }
  return out;
}

/// FNV-1a over a file's bytes: enough to see that a file changed.
std::uint64_t file_digest(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::uint64_t h = 1469598103934665603ULL;
  char buf[1 << 16];
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    for (std::streamsize i = 0; i < f.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buf[i]);
      h *= 1099511628211ULL;
    }
  }
  return h;
}

struct FileState {
  std::uintmax_t size = 0;
  std::uint64_t digest = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileState&) const = default;
};

FileState state_of(const fs::path& p, bool with_digest) {
  struct stat st {};
  FileState s;
  if (::lstat(p.c_str(), &st) != 0) return s;
  s.size = static_cast<std::uintmax_t>(st.st_size);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  if (with_digest && S_ISREG(st.st_mode)) s.digest = file_digest(p);
  return s;
}

/// Every regular file below dir (relative path → state).
std::map<std::string, FileState> snapshot(const fs::path& dir, bool with_digest) {
  std::map<std::string, FileState> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) {
      out[fs::relative(it->path(), dir).string()] = state_of(it->path(), with_digest);
    }
  }
  return out;
}

struct Outcome {
  bool timed_out = false;
  int exit_code = -1;  ///< -1 when killed by a signal
  int signal = 0;
  double seconds = 0;
};

/// Runs argv[0] with argv in dir, stdout/stderr to files, killing its process group after timeout.
Outcome run_process(const std::vector<std::string>& argv, const fs::path& dir, const fs::path& out_file,
                    const fs::path& err_file, const std::optional<fs::path>& stdin_file,
                    const std::map<std::string, std::string>& env, double timeout_s) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    const int in = ::open(stdin_file ? stdin_file->c_str() : "/dev/null", O_RDONLY);
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  Outcome o;
  if (pid < 0) return o;
  ::setpgid(pid, pid);
  const auto deadline = start + std::chrono::duration<double>(timeout_s);
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      o.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(-pid, SIGKILL);  // anything the command left running in its group
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) o.signal = WTERMSIG(status);
  return o;
}

double timeout_scale() {
  const char* s = std::getenv("GUOTU_CASE_TIMEOUT_SCALE");  // the sanitizer build runs slower
  const double v = s != nullptr ? std::atof(s) : 1.0;
  return v > 0 ? v : 1.0;
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) return {n.as<std::string>()};
  for (const auto& x : n) out.push_back(x.as<std::string>());
  return out;
}

std::string tail(const std::string& s, std::size_t n = 3000) {
  return s.size() <= n ? s : "…" + s.substr(s.size() - n);
}

class BadInput : public ::testing::TestWithParam<fs::path> {};

TEST_P(BadInput, Answers) {
  const fs::path file = GetParam();
  const YAML::Node c = YAML::LoadFile(file.string());
  static const std::vector<std::string> known = {"description", "setup",   "command",    "stdin",
                                                 "exit",        "stderr",  "stdout",     "not_stderr",
                                                 "absent",      "present", "may_change", "timeout"};
  for (const auto& kv : c) {
    const auto key = kv.first.as<std::string>();
    ASSERT_NE(std::find(known.begin(), known.end(), key), known.end()) << file.filename() << ": unknown key " << key;
  }
  ASSERT_TRUE(c["description"]) << "a case says what it is about";
  ASSERT_TRUE(c["command"] && c["command"].IsSequence()) << "a case has a command (a list of arguments)";
  ASSERT_TRUE(c["exit"]) << "a case states its exact exit code";

  const fs::path dir =
      fs::temp_directory_path() / ("guotu-bad-" + file.stem().string() + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto vars = case_variables(dir);
  const double scale = timeout_scale();
  const double timeout = (c["timeout"] ? c["timeout"].as<double>() : 60.0) * scale;
  const fs::path logs =
      fs::temp_directory_path() / ("guotu-bad-logs-" + file.stem().string() + "-" + std::to_string(::getpid()));
  fs::remove_all(logs);
  fs::create_directories(logs);

  if (c["setup"]) {
    std::ofstream(logs / "setup.sh") << "set -euo pipefail\n" << c["setup"].as<std::string>();
    const Outcome s = run_process({"/bin/bash", (logs / "setup.sh").string()}, dir, logs / "setup.out",
                                  logs / "setup.err", std::nullopt, vars, 300 * scale);
    ASSERT_TRUE(!s.timed_out && s.exit_code == 0) << file.filename() << ": setup failed (exit " << s.exit_code << ")\n"
                                                  << tail(read_file(logs / "setup.err"));
  }
  std::optional<fs::path> stdin_file;
  if (c["stdin"]) {
    stdin_file = logs / "stdin";
    std::ofstream(*stdin_file, std::ios::binary) << c["stdin"].as<std::string>();
  }
  const auto inputs_before = snapshot(dir, true);
  const auto sample_before = snapshot(guotu::test::sample_dir(), false);

  std::vector<std::string> argv = {guotu::test::guotu_binary().string()};
  for (const auto& a : c["command"]) argv.push_back(expand(a.as<std::string>(), vars));
  const Outcome o = run_process(argv, dir, logs / "stdout", logs / "stderr", stdin_file, vars, timeout);
  const std::string out = read_file(logs / "stdout");
  const std::string err = read_file(logs / "stderr");
  std::string shown = "guotu";
  for (std::size_t i = 1; i < argv.size(); ++i) shown += " " + argv[i];
  const std::string context =
      file.filename().string() + ": " + shown + "\n--- stderr:\n" + tail(err) + "\n--- stdout:\n" + tail(out, 1000);

  ASSERT_FALSE(o.timed_out) << "hung: killed after " << timeout << " s\n" << context;
  ASSERT_EQ(o.signal, 0) << "crashed with signal " << o.signal << " (" << strsignal(o.signal) << ")\n" << context;
  EXPECT_EQ(o.exit_code, c["exit"].as<int>()) << context;
  for (const auto& s : strings(c["stderr"]))
    EXPECT_NE(err.find(s), std::string::npos) << "stderr lacks «" << s << "»\n" << context;
  for (const auto& s : strings(c["not_stderr"]))
    EXPECT_EQ(err.find(s), std::string::npos) << "stderr has «" << s << "»\n" << context;
  for (const auto& s : strings(c["stdout"]))
    EXPECT_NE(out.find(s), std::string::npos) << "stdout lacks «" << s << "»\n" << context;
  // A message is never a C++ exception's what() leaking through, nor an internal error, for bad input.
  if (c["exit"].as<int>() == 2) {
    EXPECT_EQ(err.find("internal error"), std::string::npos) << context;
    EXPECT_NE(err.find("guotu:"), std::string::npos) << "bad input is said in guotu's own words\n" << context;
  }
  for (const auto& a : strings(c["absent"])) {
    EXPECT_FALSE(fs::exists(dir / expand(a, vars))) << a << " must not exist after the run\n" << context;
  }
  for (const auto& a : strings(c["present"])) {
    EXPECT_TRUE(fs::exists(dir / expand(a, vars))) << a << " must exist after the run\n" << context;
  }

  // No input modified: every file the setup left is byte-identical (unless the case allows it).
  const auto may_change = strings(c["may_change"]);
  const auto inputs_after = snapshot(dir, true);
  for (const auto& [rel, before] : inputs_before) {
    if (std::find(may_change.begin(), may_change.end(), rel) != may_change.end()) continue;
    const auto it = inputs_after.find(rel);
    if (it == inputs_after.end()) {
      ADD_FAILURE() << "input " << rel << " was removed\n" << context;
    } else if (it->second.size != before.size || it->second.digest != before.digest) {
      ADD_FAILURE() << "input " << rel << " was modified\n" << context;
    }
  }
  // A temporary of guotu's own left behind is a leak of a failed run.
  for (const auto& [rel, st] : inputs_after) {
    EXPECT_EQ(rel.find(".guotu-tmp-"), std::string::npos) << "temporary left behind: " << rel << "\n" << context;
  }
  EXPECT_EQ(snapshot(guotu::test::sample_dir(), false), sample_before) << "the shared sample city was modified\n"
                                                                       << context;

  if (!HasFailure()) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::remove_all(logs, ec);
  } else {
    std::cerr << "case directory kept: " << dir << "; logs: " << logs << "\n";
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(case_files()), guotu::test::case_name);

/// The corpus is what it claims to be: enough kinds, each listed in docs/reliability.md with what
/// guotu answers (tests/bad-inputs/list_cases.py --write brings the table up to date).
TEST(BadInputCorpus, HasEveryKindAndDocumentsIt) {
  const auto files = case_files();
  EXPECT_GE(files.size(), static_cast<std::size_t>(GUOTU_MIN_BAD_INPUT_CASES)) << "the corpus lost cases";
  const std::string doc = read_file(source_dir() / "docs/reliability.md");
  for (const auto& f : files) {
    EXPECT_NE(doc.find("| `" + f.stem().string() + "` |"), std::string::npos)
        << f.filename() << " is not in docs/reliability.md: run tests/bad-inputs/list_cases.py --write";
  }
}

}  // namespace
