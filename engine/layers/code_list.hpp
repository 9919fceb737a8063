// Code lists (layers/codes/*.csv): 三调 and 用地用海 codes with their suffix rules, and the
// statistical classes (耕地, 建设用地 …). Codes are text, always.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guotu::layers {

/// A code split into its base and suffix: "0201K" → {"0201", "K"}; "09" → {"09", ""}.
struct ParsedCode {
  std::string base;
  std::string suffix;
};
ParsedCode parse_code(const std::string& code);

struct CodeEntry {
  std::string code;
  std::string name;
  int level = 0;
  std::string parent;
  std::vector<std::string> suffixes;  ///< allowed suffix letters
  std::string verified;
};

/// Why a code is not in a list.
enum class CodeProblem { None, Empty, Unknown, SuffixNotAllowed, LostLeadingZero, GroupNotLeaf };

class CodeList {
 public:
  /// Loads a code CSV (columns code,name,level,parent[,suffixes],…).
  static CodeList load(const std::filesystem::path& csv);
  /// The embedded "sandiao" or "ydyh_2023" list.
  static const CodeList& embedded(const std::string& name);

  [[nodiscard]] const CodeEntry* find(const std::string& code) const;
  /// Checks a value as it appears in data (e.g. a DLBM), suffixes included.
  [[nodiscard]] CodeProblem check(const std::string& value) const;
  /// The name of a value (suffix ignored); empty when unknown.
  [[nodiscard]] std::string name_of(const std::string& value) const;
  [[nodiscard]] const std::vector<CodeEntry>& entries() const noexcept { return entries_; }

 private:
  std::vector<CodeEntry> entries_;
  std::map<std::string, std::size_t> index_;
};

/// Statistical classes over codes (layers/codes/land_classes.csv).
class LandClasses {
 public:
  static LandClasses load(const std::filesystem::path& csv);
  static const LandClasses& embedded();

  /// Whether `value` (e.g. DLBM "0101", "0201K") is in class `cls` ("cultivated", …) for a
  /// scheme ("sandiao" or "ydyh"). Unknown classes are an error.
  [[nodiscard]] bool contains(const std::string& cls, const std::string& scheme, const std::string& value) const;
  [[nodiscard]] std::vector<std::string> classes() const;
  [[nodiscard]] std::string chinese_name(const std::string& cls) const;

 private:
  struct Row {
    std::string cls, cls_zh, scheme, code;
    bool include_suffixes = false;
  };
  std::vector<Row> rows_;
};

}  // namespace guotu::layers
