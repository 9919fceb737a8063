#include "core/atomic_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>

#include <sys/stat.h>
#include <sys/syscall.h>

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
    // Async-signal-safe, so no std::string: the path, then the suffix with its terminator.
    std::memcpy(buf, p, n);  // NOLINT(bugprone-not-null-terminated-result): terminated by the next copy
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

// The hidden temporary's prefix for a target named `name`: ".NAME.guotu-tmp-". A long name is
// cut so that the temporary's own name still fits the file system's limit (255 bytes).
std::string temp_prefix(const std::string& name) {
  constexpr std::size_t kKeep = 200;
  return "." + (name.size() > kKeep ? name.substr(0, kKeep) : name) + kTempMarker;
}

// Removes temporaries (files or directories) left by runs that were killed (their process no
// longer exists).
void remove_stale_temps(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  const std::string prefix = temp_prefix(name);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string f = it->path().filename().string();
    if (f.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(f.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      std::error_code rm;
      if (it->is_directory(rm))
        fs::remove_all(it->path(), rm);
      else
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

fs::path parent_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

fs::path without_trailing_separator(fs::path p) {
  while (!p.empty() && p.filename().empty() && p != p.root_path()) p = p.parent_path();
  return p;
}

// rename(2) that fails with EEXIST instead of replacing the target (renameat2 RENAME_NOREPLACE;
// ENOSYS or EINVAL where the kernel or the file system cannot).
int rename_noreplace(const char* from, const char* to) {
#ifdef SYS_renameat2
  constexpr unsigned kNoReplace = 1U;  // RENAME_NOREPLACE (linux/fs.h)
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, kNoReplace));
#else
  errno = ENOSYS;
  return -1;
#endif
}

[[noreturn]] void refuse_appeared(const fs::path& target) {
  throw_bad_input(
      "the output appeared while guotu was running (another run or program created it); nothing replaced, nothing "
      "of this run written: remove it or pass --overwrite, and run again",
      {target.string(), {}, {}, {}});
}

bool exists_no_follow(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

}  // namespace

AtomicOutput::AtomicOutput(fs::path target, bool overwrite) : target_(std::move(target)), overwrite_(overwrite) {
  check_output_writable(target_, overwrite);
  install_handlers();
  const fs::path dir = parent_of(target_);
  const std::string name = target_.filename().string();
  remove_stale_temps(dir, name);
  static std::atomic<unsigned> counter{0};
  temp_ = dir / (temp_prefix(name) + std::to_string(::getpid()) + "-" + std::to_string(counter++));
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

void AtomicOutput::discard() noexcept {
  unlink_with_sidecars(temp_.c_str());
}

void AtomicOutput::precheck() const {
  if (!overwrite_ && !committed_ && exists_no_follow(target_)) refuse_appeared(target_);
}

void AtomicOutput::commit() {
  if (committed_) return;
  if (!exists_no_follow(temp_)) throw_internal("nothing was written", {target_.string(), {}, {}, {}});
  fsync_path(temp_, false);
  if (overwrite_) {
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
      throw_internal("cannot rename the finished output into place: " + std::string(std::strerror(errno)),
                     {target_.string(), {}, {}, {}});
  } else if (::link(temp_.c_str(), target_.c_str()) == 0) {
    ::unlink(temp_.c_str());
  } else {
    int e = errno;
    if (e == EEXIST) refuse_appeared(target_);
    // No hard links on this file system: the same promise through renameat2.
    if (e == EPERM || e == EOPNOTSUPP || e == ENOSYS || e == EMLINK || e == EXDEV) {
      if (rename_noreplace(temp_.c_str(), target_.c_str()) == 0)
        e = 0;
      else
        e = errno;
      if (e == EEXIST) refuse_appeared(target_);
      if (e == EINVAL || e == ENOSYS) {  // nor that: the last check as close to the rename as it gets
        precheck();
        e = ::rename(temp_.c_str(), target_.c_str()) == 0 ? 0 : errno;
      }
    }
    if (e != 0)
      throw_internal("cannot move the finished output into place: " + std::string(std::strerror(e)),
                     {target_.string(), {}, {}, {}});
  }
  committed_ = true;
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) dev_ = st.st_dev, ino_ = st.st_ino;
  fsync_path(parent_of(target_), true);
}

void AtomicOutput::undo() noexcept {
  if (!committed_ || overwrite_) return;
  struct stat st {};
  // Only the file this run made: not one that replaced it since.
  if (::lstat(target_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_) ::unlink(target_.c_str());
}

AtomicDirectory::AtomicDirectory(fs::path target, bool overwrite)
    : target_(without_trailing_separator(std::move(target))), overwrite_(overwrite) {
  check_output_directory_writable(target_, overwrite);
  install_handlers();
  const fs::path parent = parent_of(target_);
  const std::string name = target_.filename().string();
  remove_stale_temps(parent, name);
  static std::atomic<unsigned> counter{0};
  temp_ = parent / (temp_prefix(name) + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-dir");
  std::error_code ec;
  fs::remove_all(temp_, ec);
  fs::create_directories(temp_, ec);
  if (ec)
    throw_bad_input("cannot create a temporary directory beside the output: " + ec.message(),
                    {target_.string(), {}, {}, {}});
}

AtomicDirectory::~AtomicDirectory() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
}

void AtomicDirectory::precheck() const {
  if (!overwrite_ && !committed_ && exists_no_follow(target_)) refuse_appeared(target_);
}

void AtomicDirectory::commit() {
  if (committed_) return;
  std::error_code ec;
  if (!overwrite_) {
    if (rename_noreplace(temp_.c_str(), target_.c_str()) != 0) {
      int e = errno;
      if (e == EEXIST || e == ENOTEMPTY) refuse_appeared(target_);
      if (e == EINVAL || e == ENOSYS) {
        // Claim the name with mkdir (fails when it exists), then rename onto the claimed, empty
        // directory (fails when something was put into it meanwhile).
        if (::mkdir(target_.c_str(), 0777) != 0) {
          if (errno == EEXIST) refuse_appeared(target_);
          e = errno;
        } else if (::rename(temp_.c_str(), target_.c_str()) != 0) {
          e = errno;
          ::rmdir(target_.c_str());
          if (e == EEXIST || e == ENOTEMPTY) refuse_appeared(target_);
        } else {
          e = 0;
        }
      }
      if (e != 0)
        throw_internal("cannot move the finished output into place: " + std::string(std::strerror(e)),
                       {target_.string(), {}, {}, {}});
    }
  } else {
    fs::path aside;
    if (exists_no_follow(target_)) {
      aside = parent_of(target_) / (temp_prefix(target_.filename().string()) + std::to_string(::getpid()) + "-old");
      fs::remove_all(aside, ec);
      fs::rename(target_, aside, ec);
      if (ec) throw_internal("cannot move the old output aside: " + ec.message(), {target_.string(), {}, {}, {}});
    }
    fs::rename(temp_, target_, ec);
    if (ec) {
      std::error_code back;
      if (!aside.empty()) fs::rename(aside, target_, back);
      throw_internal("cannot move the finished output into place: " + ec.message(), {target_.string(), {}, {}, {}});
    }
    if (!aside.empty()) fs::remove_all(aside, ec);
  }
  committed_ = true;
  fsync_path(parent_of(target_), true);
}

void AtomicDirectory::undo() noexcept {
  if (!committed_ || overwrite_) return;
  std::error_code ec;
  fs::remove_all(target_, ec);
}

void OutputSet::hold(std::unique_ptr<PendingOutput> output) {
  if (output) pending_.push_back(std::move(output));
}

std::vector<std::string> OutputSet::targets() const {
  std::vector<std::string> out;
  for (const auto& p : pending_) out.push_back(p->target());
  return out;
}

void OutputSet::commit() {
  // A new target that appeared meanwhile refuses the run before anything is committed.
  for (const auto& p : pending_) p->precheck();
  // New outputs first: they can still be refused (link-or-fail) and can be removed again.
  std::stable_partition(pending_.begin(), pending_.end(), [](const auto& p) { return p->creates(); });
  std::vector<PendingOutput*> done;
  try {
    for (const auto& p : pending_) {
      p->commit();
      done.push_back(p.get());
    }
  } catch (const Error& e) {
    std::string kept;
    for (PendingOutput* d : done) {
      if (d->creates())
        d->undo();
      else
        kept += (kept.empty() ? "" : ", ") + d->target();
    }
    throw Error(e.kind(),
                e.reason() + (kept.empty() ? "; no output of this run was written"
                                           : "; these outputs of this run were already replaced: " + kept),
                e.where());
  }
  pending_.clear();
}

void commit_or_hold(std::unique_ptr<PendingOutput> output, OutputSet* set) {
  if (set != nullptr)
    set->hold(std::move(output));
  else
    output->commit();
}

}  // namespace guotu
