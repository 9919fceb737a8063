// The check catalogue of `guotu validate` (data/validate/rules.yaml): every check's code,
// Chinese and English name, severity (错误 / 警告) and thresholds, plus the layer settings
// (working CRS, city layer, gap units, allowed-gap mask, control lines, three spaces and which
// space holds each control line).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace guotu::validate {

/// 错误 (error: the run exits 1) or 警告 (warning: reported only).
enum class Severity { Error, Warning };
[[nodiscard]] const char* to_zh(Severity s);
[[nodiscard]] const char* to_en(Severity s);

/// One check of the catalogue (质检项).
struct CheckDef {
  std::string code;  ///< e.g. COVERAGE_GAP
  std::string name_zh;
  std::string name_en;
  Severity severity = Severity::Error;
  std::string method;
  std::map<std::string, double> thresholds;
  long line = 0;  ///< where it is defined in the rule file
};

/// The codes every rule file defines, in report order.
[[nodiscard]] const std::vector<std::string>& check_codes();

class RuleSet {
 public:
  /// Loads a rule file; empty path = the embedded data/validate/rules.yaml. A malformed file
  /// is a BadInput error naming the file and line.
  static RuleSet load(const std::filesystem::path& file = {});

  [[nodiscard]] const CheckDef& check(const std::string& code) const;
  [[nodiscard]] double threshold(const std::string& code, const std::string& key) const;
  [[nodiscard]] const std::vector<CheckDef>& checks() const noexcept { return checks_; }

  std::string path;
  std::string working_crs;  ///< the rule file's; validate's options may replace it
  std::string city_layer = "XZQ";
  /// Coverage layer code → unit layer code, "holes" or "none".
  std::map<std::string, std::string> gap_units;
  std::string allowed_gap_layer;
  std::vector<std::string> control_lines;
  std::vector<std::string> three_spaces;
  /// Control line code → the space code it must lie in (生态保护红线 → 生态空间 …), file order.
  std::vector<std::pair<std::string, std::string>> line_in_space;
  double fix_sliver_max_area_m2 = 0;

 private:
  std::vector<CheckDef> checks_;
};

}  // namespace guotu::validate
