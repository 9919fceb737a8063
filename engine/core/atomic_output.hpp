// Outputs appear whole or not at all: work goes to a hidden temporary file beside the target,
// which is renamed over the target only when the run succeeds. A failed run removes it; an
// interrupted one (SIGINT, SIGTERM, SIGHUP) removes it in the signal handler; a killed one
// (SIGKILL) leaves a hidden `.NAME.guotu-tmp-PID` that the next run in that directory removes
// once PID is gone. An existing target is never touched before the rename.
#pragma once

#include <filesystem>

namespace guotu {

class AtomicOutput {
 public:
  /// Prepares `target`. Throws BadInput when it exists and overwrite is false, or when its
  /// directory does not exist.
  AtomicOutput(std::filesystem::path target, bool overwrite);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  /// Where to write. The file does not exist yet.
  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }
  /// Flushes the temporary file to disk and renames it over the target.
  void commit();
  [[nodiscard]] bool committed() const noexcept { return committed_; }

 private:
  void discard() noexcept;
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int slot_ = -1;
  bool committed_ = false;
};

/// The same for an output directory (a report of several files): files are written into a
/// hidden temporary directory beside it, which replaces the target on commit. An existing
/// target is moved aside first and removed only after the new one is in place.
class AtomicDirectory {
 public:
  AtomicDirectory(std::filesystem::path target, bool overwrite);
  ~AtomicDirectory();
  AtomicDirectory(const AtomicDirectory&) = delete;
  AtomicDirectory& operator=(const AtomicDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  void commit();

 private:
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

/// Checks, before any work, that `target` may be written (exists → needs overwrite).
void check_output_writable(const std::filesystem::path& target, bool overwrite);

}  // namespace guotu
