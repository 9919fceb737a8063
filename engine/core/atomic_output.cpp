#include "core/atomic_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>

#include "core/error.hpp"

namespace guotu {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempMarker = ".guotu-tmp-";

// Temporary paths the signal handler must remove. Fixed storage: a handler may not allocate.
constexpr std::size_t kSlots = 32;
constexpr std::size_t kPathMax = 4096;
std::array<std::array<char, kPathMax>, kSlots> g_paths{};
std::array<std::atomic<bool>, kSlots> g_claimed{};  // slot taken by an AtomicOutput
std::array<std::atomic<bool>, kSlots> g_armed{};    // slot's path is complete: the handler may use it
std::mutex g_install_mutex;
bool g_handlers_installed = false;

void unlink_with_sidecars(const char* p) noexcept {
  ::unlink(p);
  // SQLite sidecars of a GeoPackage being written.
  static const char* const suffixes[] = {"-journal", "-wal", "-shm"};
  char buf[kPathMax + 16];
  for (const char* s : suffixes) {
    std::size_t n = std::strlen(p);
    if (n + std::strlen(s) + 1 > sizeof buf) continue;
    std::memcpy(buf, p, n);
    std::memcpy(buf + n, s, std::strlen(s) + 1);
    ::unlink(buf);
  }
}

extern "C" void on_fatal_signal(int sig) {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (g_armed[i].load()) unlink_with_sidecars(g_paths[i].data());
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_handlers() {
  std::lock_guard lock(g_install_mutex);
  if (g_handlers_installed) return;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &sa, nullptr);
  }
  g_handlers_installed = true;
}

int register_temp(const fs::path& p) {
  const std::string s = p.string();
  if (s.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_claimed[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_paths[i].data(), s.c_str(), s.size() + 1);
      g_armed[i].store(true);
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Removes temporaries left by runs that were killed (their process no longer exists).
void remove_stale_temps(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  const std::string prefix = "." + name + kTempMarker;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string f = it->path().filename().string();
    if (f.rfind(prefix, 0) != 0) continue;
    const std::string rest = f.substr(prefix.size());
    const long pid = std::strtol(rest.c_str(), nullptr, 10);
    if (pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      unlink_with_sidecars(it->path().c_str());
    }
  }
}

void fsync_path(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void check_output_writable(const fs::path& target, bool overwrite) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir)) {
    throw_bad_input("the output directory does not exist", {target.string(), {}, {}, {}});
  }
  if (fs::exists(target) && !overwrite) {
    throw_bad_input("the output exists; pass --overwrite to replace it", {target.string(), {}, {}, {}});
  }
  if (fs::is_directory(target)) {
    throw_bad_input("the output is a directory", {target.string(), {}, {}, {}});
  }
}

AtomicOutput::AtomicOutput(fs::path target, bool overwrite) : target_(std::move(target)) {
  check_output_writable(target_, overwrite);
  install_handlers();
  const fs::path dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  const std::string name = target_.filename().string();
  remove_stale_temps(dir, name);
  static std::atomic<unsigned> counter{0};
  temp_ = dir / ("." + name + kTempMarker + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  slot_ = register_temp(temp_);
  unlink_with_sidecars(temp_.c_str());
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) discard();
  if (slot_ >= 0) {
    g_armed[static_cast<std::size_t>(slot_)].store(false);
    g_claimed[static_cast<std::size_t>(slot_)].store(false);
  }
}

void AtomicOutput::discard() noexcept { unlink_with_sidecars(temp_.c_str()); }

void AtomicOutput::commit() {
  if (committed_) return;
  if (!fs::exists(temp_)) throw_internal("nothing was written", {target_.string(), {}, {}, {}});
  fsync_path(temp_, false);
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) throw_internal("cannot rename the finished output into place: " + ec.message(), {target_.string(), {}, {}, {}});
  committed_ = true;
  fsync_path(target_.has_parent_path() ? target_.parent_path() : fs::path("."), true);
}

AtomicDirectory::AtomicDirectory(fs::path target, bool overwrite) : target_(std::move(target)) {
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  if (!fs::is_directory(parent)) throw_bad_input("the output's parent directory does not exist", {target_.string(), {}, {}, {}});
  if (fs::exists(target_) && !overwrite) {
    throw_bad_input("the output exists; pass --overwrite to replace it", {target_.string(), {}, {}, {}});
  }
  if (fs::exists(target_) && !fs::is_directory(target_)) throw_bad_input("the output exists and is not a directory", {target_.string(), {}, {}, {}});
  install_handlers();
  const std::string name = target_.filename().string();
  remove_stale_temps(parent, name);
  // Stale temporary directories of killed runs.
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string f = it->path().filename().string();
    const std::string prefix = "." + name + kTempMarker;
    if (f.rfind(prefix, 0) != 0 || !it->is_directory()) continue;
    const long pid = std::strtol(f.substr(prefix.size()).c_str(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) fs::remove_all(it->path(), ec);
  }
  temp_ = parent / ("." + name + kTempMarker + std::to_string(::getpid()) + "-dir");
  fs::remove_all(temp_, ec);
  fs::create_directories(temp_);
}

AtomicDirectory::~AtomicDirectory() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
}

void AtomicDirectory::commit() {
  if (committed_) return;
  std::error_code ec;
  fs::path aside;
  if (fs::exists(target_)) {
    aside = target_.parent_path() / ("." + target_.filename().string() + kTempMarker + std::to_string(::getpid()) + "-old");
    fs::remove_all(aside, ec);
    fs::rename(target_, aside, ec);
    if (ec) throw_internal("cannot move the old output aside: " + ec.message(), {target_.string(), {}, {}, {}});
  }
  fs::rename(temp_, target_, ec);
  if (ec) {
    if (!aside.empty()) fs::rename(aside, target_);
    throw_internal("cannot move the finished output into place: " + ec.message(), {target_.string(), {}, {}, {}});
  }
  committed_ = true;
  if (!aside.empty()) fs::remove_all(aside, ec);
}

}  // namespace guotu
