#include "command.hpp"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "core/atomic_output.hpp"
#include "core/bounds.hpp"
#include "core/city.hpp"
#include "core/version.hpp"
#include "gdal/output_writer.hpp"

namespace guotu::cli {

namespace {
std::string g_command_line;
std::string g_city;

std::string shell_quote(const std::string& s) {
  if (!s.empty() && s.find_first_of(" \t\n'\"\\$`*?;&|<>()") == std::string::npos) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

CLI::Validator finite_in(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        double v = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, v);
        if (ec != std::errc() || ptr != end || !std::isfinite(v) || v < min || v > max)
          return fmt::format("must be a finite number from {} to {}, not '{}'", min, max, text);
        return {};
      },
      fmt::format("NUMBER in [{} - {}]", min, max));
}

CLI::Validator whole_in(std::int64_t min, std::int64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::int64_t v = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, v);
        if (ec != std::errc() || ptr != end || v < min || v > max)
          return fmt::format("must be a whole number from {} to {}, not '{}'", min, max, text);
        return {};
      },
      fmt::format("INT in [{} - {}]", min, max));
}

CLI::Validator jobs_range() {
  return whole_in(1, bounds::kMaxJobs);
}

CLI::Validator year_range() {
  return whole_in(bounds::kMinYear, bounds::kMaxYear);
}

void add_city_option(CLI::App* cmd) {
  cmd->add_option("--city", g_city,
                  "city profile: data/cities/NAME/profile.yaml (working CRS, units, layer names, the rule, "
                  "indicator and target files); default: the one data/cities/cities.yaml names");
}

void add_read_options(CLI::App* cmd, std::string& encoding, std::string& assume_crs) {
  cmd->add_option("--encoding", encoding, "text encoding of Shapefiles without .cpg (e.g. GBK)");
  cmd->add_option("--assume-crs", assume_crs,
                  "CRS for layers that declare none (an EPSG code such as the city profile's working_crs, or WKT)");
}

void add_crs_option(CLI::App* cmd, std::string& crs) {
  cmd->add_option("--crs", crs,
                  "working CRS: every layer is reprojected into it on read, areas stay 椭球面积 (default: the city "
                  "profile's working_crs)");
}

void select_city() {
  if (!g_city.empty()) city::select(g_city);
}

const std::string& command_line() {
  return g_command_line;
}

void set_command_line(int argc, char** argv) {
  g_command_line.clear();
  for (int i = 0; i < argc; ++i) g_command_line += (i ? " " : "") + shell_quote(argv[i]);
  g_command_line = gdal::mask_passwords(g_command_line);  // it is stored in every output
}

void guard_outputs(const OutputGuard& guard, bool overwrite) {
  guard.check(overwrite);
  for (const auto& target : guard.database_outputs()) gdal::check_postgres_target(target);
}

int finish_with_skipped(const std::vector<gdal::ReadProblem>& skipped, int code) {
  if (skipped.empty()) return code;
  constexpr std::size_t kMaxLines = 50;
  fmt::print(stderr, "guotu: error: {} feature{} could not be used and {} left out of the results:\n", skipped.size(),
             skipped.size() == 1 ? "" : "s", skipped.size() == 1 ? "was" : "were");
  for (std::size_t i = 0; i < skipped.size() && i < kMaxLines; ++i) fmt::print(stderr, "  {}\n", skipped[i].message());
  if (skipped.size() > kMaxLines) fmt::print(stderr, "  … and {} more (see --json)\n", skipped.size() - kMaxLines);
  return 2;
}

std::string json_text(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::map<std::string, std::string> run_metadata() {
  return {
      {"GUOTU_VERSION", kVersion}, {"GUOTU_COMMAND", g_command_line}, {"GUOTU_RUN_TIME", gdal::current_timestamp()}};
}

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::int64_t done, std::int64_t total) {
  if (!enabled_ || total <= 0) return;
  const std::int64_t percent = done * 100 / total;
  if (percent == last_percent_) return;
  last_percent_ = percent;
  fmt::print(stderr, "\r{} {:3d}% ({}/{})", label_, percent, done, total);
  std::fflush(stderr);
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (enabled_ && last_percent_ >= 0) fmt::print(stderr, "\n");
}

}  // namespace guotu::cli
