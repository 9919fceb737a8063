// The one way guotu reads YAML (rules, validate rules, indicators, targets, city files, the layer
// catalogue, the QGIS layout): parse with limits, and report every problem as a BadInput error
// naming the file and the 1-based line ("guotu: error: FILE, line N: reason").
//
// Limits: yaml-cpp shares the node an alias names, so a "billion laughs" document (nine levels of
// ten aliases) is small in memory, but any code that walks or copies it visits 10⁹ nodes. A
// document whose nodes, with every alias expanded, exceed kMaxExpandedNodes is refused before a
// loader sees it, naming the line of the alias that crossed the limit. Nesting deeper than
// yaml-cpp's own guard (500 levels) is a YAML error with its line.
//
// Numbers: finite, in the range the caller states (a NaN, ∞, 1e300 or a year 99999999999999
// is an error naming the key and the line, never a value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"

namespace guotu::yaml {

/// Nodes a document may hold with its aliases expanded (guotu's largest data file has a few
/// thousand; a million is far beyond any configuration, and still walks in milliseconds).
inline constexpr std::uint64_t kMaxExpandedNodes = 1'000'000;

/// Parses a YAML document (the first one of the text); `file` names it in errors.
[[nodiscard]] YAML::Node parse(std::string_view text, const std::string& file);

/// Reads and parses a file; `what` names it when it cannot be read ("cannot read the rule file").
[[nodiscard]] YAML::Node load_file(const std::filesystem::path& file, std::string_view what = "YAML");

/// 1-based line of a node, when it has one.
[[nodiscard]] std::optional<long> line_of(const YAML::Node& node);

/// BadInput naming the file and the node's line.
[[noreturn]] void fail(const std::string& file, const YAML::Node& at, const std::string& why);

/// A finite number in [min, max]; `what` names it in the error (usually the key).
[[nodiscard]] double number(const std::string& file, const YAML::Node& node, const std::string& what,
                            double min = std::numeric_limits<double>::lowest(),
                            double max = std::numeric_limits<double>::max());

/// A whole number in [min, max] (a year, a count, a grade).
[[nodiscard]] std::int64_t integer(const std::string& file, const YAML::Node& node, const std::string& what,
                                   std::int64_t min, std::int64_t max);

/// true/false (yes/no …), else an error naming the key.
[[nodiscard]] bool boolean(const std::string& file, const YAML::Node& node, const std::string& what);

/// Reads the mappings of one file (rule files of check and diff): every problem is fail() with
/// the file and the line of the node at fault.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& why) const { yaml::fail(file_, at, why); }
  /// Refuses a key of `map` not in `known`, listing the known ones; `what` names the mapping.
  void only_keys(const YAML::Node& map, std::initializer_list<const char*> known, const std::string& what) const;
  /// A single value; "" when absent and not required; an empty required value is refused.
  [[nodiscard]] std::string string(const YAML::Node& map, const char* key, bool required) const;
  /// A finite number in [min, max]; `fallback` when absent.
  [[nodiscard]] double number(const YAML::Node& map, const char* key, double fallback, double min, double max) const;
  /// true/false; `fallback` when absent.
  [[nodiscard]] bool flag(const YAML::Node& map, const char* key, bool fallback) const;
  /// A list of plain values (a single value is a list of one); empty when absent.
  [[nodiscard]] std::vector<std::string> strings(const YAML::Node& map, const char* key) const;
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::string file_;
};

}  // namespace guotu::yaml
