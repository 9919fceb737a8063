// Targets (目标) as data: data/targets/*.yaml. A target is a value and a comparator (≤ ≥ < >),
// binding (约束性) or expected (预期性), for an indicator, a year and a unit or level — or a
// "provincial quota" (省下达任务) whose value the user supplies in a later file. A target that is
// missing is reported as missing, never guessed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/indicator.hpp"

namespace guotu::report {

enum class Comparator { LessEqual, GreaterEqual, Less, Greater };
std::string comparator_symbol(Comparator c);  ///< ≤ ≥ < >

enum class Attribute { Binding, Expected };
std::string attribute_name(Attribute a);  ///< 约束性 / 预期性

struct Target {
  std::string indicator;
  std::optional<int> year;      ///< nullopt: any year
  std::string level;            ///< "city", "county", "town", a layer, or "all"; empty when `unit` is set
  std::string unit;             ///< one unit's code
  std::optional<double> value;  ///< in the indicator's unit; nullopt for a quota not supplied
  bool provincial_quota = false;
  Comparator comparator = Comparator::GreaterEqual;
  Attribute attribute = Attribute::Binding;
  std::string source;     ///< official document (文号, title) and item, or who supplied the value
  std::string seed_ref;   ///< internal research reference (`seed_ref`); kept, never printed
  std::string reference;  ///< context shown beside it (e.g. 13th-FYP figure, current value)
  std::string file;
  long line = 0;
};

class TargetSet {
 public:
  /// Loads target files in order (YAML, or a .csv/.xlsx table in the template's columns:
  /// report/target_table.hpp); a later file's target for the same indicator, year and unit
  /// (or level) replaces an earlier one (this is how a user supplies provincial quotas).
  /// Indicators are checked against `indicators` (an unknown id is an error with file and line);
  /// values given in another area unit are converted to the indicator's unit.
  static TargetSet load(const std::vector<std::filesystem::path>& files, const IndicatorSet& indicators);

  /// The target for an indicator in a unit of a level, for a year: a unit-specific target beats a
  /// level one, which beats "all"; among equals the later file wins. nullptr when there is none.
  [[nodiscard]] const Target* find(const std::string& indicator, const std::string& level, const std::string& unit,
                                   int year) const;
  [[nodiscard]] const std::vector<Target>& all() const noexcept { return targets_; }
  /// The latest year any target names (the default report year); nullopt when none does.
  [[nodiscard]] std::optional<int> latest_year() const;

 private:
  std::vector<Target> targets_;
};

/// The outcome for one indicator in one unit.
enum class Status { Pass, Fail, MissingTarget, NoInput, NotComputable, NoData };
std::string status_name(Status s);     ///< pass, fail, missing target, no input, not computable, no data
std::string status_name_zh(Status s);  ///< 达标, 未达标, 缺目标, 无输入, 不可计算, 无数据

/// Judges a value against a target (or its absence).
Status judge(const IndicatorValue& v, const Target* t);

}  // namespace guotu::report
