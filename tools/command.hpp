// What every subcommand file shares: registration into the CLI, the run context, output helpers.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/atomic_output.hpp"
#include "core/output_guard.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::cli {

/// The subcommand selected on the command line, ready to run; returns the exit code.
using CommandMain = std::function<int()>;

/// Each subcommand file defines one of these (tools/guotu_<name>.cpp).
void register_info(CLI::App& app, CommandMain& selected);
void register_sample(CLI::App& app, CommandMain& selected);
void register_ledger(CLI::App& app, CommandMain& selected);
void register_validate(CLI::App& app, CommandMain& selected);
void register_check(CLI::App& app, CommandMain& selected);
void register_report(CLI::App& app, CommandMain& selected);
void register_diff(CLI::App& app, CommandMain& selected);
void register_qgis(CLI::App& app, CommandMain& selected);

/// Validators for numeric options, the one place command-line numbers are checked (bounds:
/// engine/core/bounds.hpp). CLI11's own Range lets NaN through and its unsigned parse wraps
/// "-1" to 2^64 − 1: these parse the text themselves.
/// A finite number in [min, max] ("nan", "inf", "1e999" refused).
CLI::Validator finite_in(double min, double max);
/// A whole number in [min, max], written in decimal digits with an optional leading '-'.
CLI::Validator whole_in(std::int64_t min, std::int64_t max);
/// --jobs: 1 to bounds::kMaxJobs.
CLI::Validator jobs_range();
/// --year: bounds::kMinYear to bounds::kMaxYear.
CLI::Validator year_range();

/// `--city NAME` on a command that reads city data (core/city.hpp): the profile
/// data/cities/NAME/profile.yaml; without it, the default city. select_city() makes the named
/// one the run's city before the command runs (an unknown name is a usage error naming the
/// known ones).
void add_city_option(CLI::App* cmd);
void select_city();

/// --encoding and --assume-crs: how the command's readers decode Shapefiles without .cpg and
/// which CRS a layer that declares none is in (gdal::OpenOptions).
void add_read_options(CLI::App* cmd, std::string& encoding, std::string& assume_crs);
/// --crs: the working CRS the command reprojects every layer into (default: the city profile's).
void add_crs_option(CLI::App* cmd, std::string& crs);

/// The command line as typed, for output metadata.
const std::string& command_line();
void set_command_line(int argc, char** argv);

/// Before any work: every output the run declared can be written and none resolves to one of
/// its inputs or to another output (core/output_guard.hpp); a PostgreSQL output answers and has
/// PostGIS. Throws a bad-input Error naming the paths.
void guard_outputs(const OutputGuard& guard, bool overwrite);

/// The features the reads skipped (file, layer, fid, reason), printed on stderr after the run's
/// summary; returns 2 when there are any (the outputs are written but leave them out), else `code`.
int finish_with_skipped(const std::vector<gdal::ReadProblem>& skipped, int code);

/// A JSON document as text for stdout; text that is not UTF-8 is replaced, never an exception.
std::string json_text(const nlohmann::json& j);

/// Run metadata every output carries: tool, version, command line, time.
std::map<std::string, std::string> run_metadata();

/// Progress on a terminal (stderr), silent otherwise. Thread-compatible: call from one thread.
class Progress {
 public:
  explicit Progress(std::string label, bool enabled = true);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void update(std::int64_t done, std::int64_t total);
  void finish();

 private:
  std::string label_;
  bool enabled_;
  std::int64_t last_percent_ = -1;
  bool finished_ = false;
};

}  // namespace guotu::cli
