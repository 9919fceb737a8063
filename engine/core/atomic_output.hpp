// Outputs appear whole or not at all: work goes to a hidden temporary file beside the target,
// which becomes the target only when the run succeeds. A failed run removes it; an interrupted
// one (SIGINT, SIGTERM, SIGHUP) removes it in the signal handler; a killed one (SIGKILL) leaves a
// hidden `.NAME.guotu-tmp-PID-N` that the next run in that directory removes once PID is gone.
// An existing target is never touched before the commit.
//
// Link-or-fail: a new output (no --overwrite) is committed with link(2) (temporary → target),
// which fails when the target exists, so a file that appeared while guotu was running (another
// run, another program) is never replaced: the run fails (bad input, exit 2) and the file stays
// as it is. With --overwrite the temporary is renamed over the target.
//
// The outputs of one run are committed together by an OutputSet, before any side effect (a
// ledger booking): see docs/reliability.md, "Outputs and side effects".
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/output_guard.hpp"

namespace guotu {

/// An output written to a temporary place, waiting to appear: a file, a directory, a database
/// transaction. Destroyed without commit(): discarded (the temporary removed, rolled back).
class PendingOutput {
 public:
  virtual ~PendingOutput() = default;
  /// Where it appears, safe to print.
  [[nodiscard]] virtual std::string target() const = 0;
  /// True when commit() makes something new that undo() can remove again (no --overwrite).
  [[nodiscard]] virtual bool creates() const noexcept { return false; }
  /// Throws (bad input) when commit() would be refused now: a new target that appeared meanwhile.
  virtual void precheck() const {}
  virtual void commit() = 0;
  /// After commit(): removes what commit() created, when creates() (best effort).
  virtual void undo() noexcept {}
};

class AtomicOutput final : public PendingOutput {
 public:
  /// Prepares `target`. Throws BadInput when it exists and overwrite is false, or when its
  /// directory does not exist or cannot be written (check_output_writable).
  AtomicOutput(std::filesystem::path target, bool overwrite);
  ~AtomicOutput() override;
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  [[nodiscard]] std::string target() const override { return target_.string(); }
  [[nodiscard]] const std::filesystem::path& target_path() const noexcept { return target_; }
  /// Where to write. The file does not exist yet.
  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }
  [[nodiscard]] bool creates() const noexcept override { return !overwrite_; }
  void precheck() const override;
  /// Flushes the temporary file to disk and links it to the target (a new output: refused,
  /// nothing replaced, when the target exists by now) or renames it over the target (overwrite).
  void commit() override;
  void undo() noexcept override;
  [[nodiscard]] bool committed() const noexcept { return committed_; }

 private:
  void discard() noexcept;
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool overwrite_;
  int slot_ = -1;
  bool committed_ = false;
  unsigned long long dev_ = 0, ino_ = 0;  // the committed file, for undo()
};

/// The same for an output directory (a report of several files): files are written into a
/// hidden temporary directory beside it, which becomes the target on commit (a new one: renamed
/// without replacing, refused when the target appeared meanwhile). An existing target
/// (overwrite) is moved aside first and removed only after the new one is in place.
class AtomicDirectory final : public PendingOutput {
 public:
  AtomicDirectory(std::filesystem::path target, bool overwrite);
  ~AtomicDirectory() override;
  AtomicDirectory(const AtomicDirectory&) = delete;
  AtomicDirectory& operator=(const AtomicDirectory&) = delete;

  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }
  [[nodiscard]] std::string target() const override { return target_.string(); }
  [[nodiscard]] const std::filesystem::path& target_path() const noexcept { return target_; }
  [[nodiscard]] bool creates() const noexcept override { return !overwrite_; }
  void precheck() const override;
  void commit() override;
  void undo() noexcept override;

 private:
  std::filesystem::path target_, temp_;
  bool overwrite_;
  bool committed_ = false;
};

/// The outputs of one run, committed in one step once everything is written (and every
/// document built), before the run's side effects. commit() first checks that no new target
/// has appeared meanwhile (then nothing is committed), commits the new outputs (link-or-fail)
/// before those that replace files, and, when one fails, removes the new ones it had already
/// made. Outputs still held when the set is destroyed are discarded.
class OutputSet {
 public:
  void hold(std::unique_ptr<PendingOutput> output);
  void commit();
  [[nodiscard]] bool empty() const noexcept { return pending_.empty(); }
  /// Where the held outputs appear.
  [[nodiscard]] std::vector<std::string> targets() const;

 private:
  std::vector<std::unique_ptr<PendingOutput>> pending_;
};

/// Commits `output` now, or hands it to `set` to appear with the run's other outputs.
void commit_or_hold(std::unique_ptr<PendingOutput> output, OutputSet* set);

}  // namespace guotu
