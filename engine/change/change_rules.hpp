// Change rules as data (data/rules/change_<city>.yaml): which classes and flags `guotu diff` puts
// on a changed piece. A rule names the land before and after (land classes of
// layers/codes/land_classes.csv, or 三调 codes), optionally a zone of the plan the piece must lie
// inside or outside, and what holding it means: a class the piece carries, 疑似违法, whether an
// approved project clears it, the 进出平衡 direction it books, whether it bars 进出平衡 credit.
// A piece carries every class whose rule holds; the fallback class (其他变化) when none does.
// Loading validates everything before any geometry is read: an unknown key, land class, code,
// zone, layer or field is a BadInput error naming the file and line. Schema: docs/change.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace guotu::change {

/// A 进出平衡 direction a class books (ledger::InOut::direction).
enum class Balance { None, Out, In };

/// Land before or after a change: any of `any` (empty: all land) and none of `none`. Entries are
/// land classes (cultivated, construction, wetland …) or 三调 code prefixes ("1104" covers 1104A).
struct LandSpec {
  std::vector<std::string> any, none;
  [[nodiscard]] bool matches(const std::string& code, bool footprint) const;
};

/// A part of the plan a rule tests: a catalogue layer, optionally filtered (OGR SQL).
struct Zone {
  std::string id;       ///< as the rules name it (STBHHX, ZRBHD_CORE …)
  std::string layer;    ///< catalogue code of the plan layer
  std::string where;    ///< OGR SQL attribute filter; empty: every feature
  std::string name_zh;  ///< 生态保护红线, 自然保护地核心保护区 …
  long line = 0;
};

struct ChangeRule {
  std::string id;
  std::string cls;  ///< the class the piece carries when the rule holds; empty: a flag only
  std::string name_zh;
  std::string source;    ///< the official document and item (printed as 依据)
  std::string seed_ref;  ///< internal research reference; never printed
  LandSpec before, after;
  std::string inside, outside;   ///< zone ids; at most one of them
  bool suspect = false;          ///< holding it makes the piece 疑似违法
  bool approval_clears = false;  ///< a piece wholly inside an approved project is 已批, not suspect by this rule
  Balance balance = Balance::None;
  bool bars_credit = false;  ///< a piece carrying it is never 进出平衡 credit
  bool fallback = false;     ///< the class of a piece no other class rule holds for
  long line = 0;

  /// Whether the codes alone (before the plan is looked at) satisfy the rule.
  [[nodiscard]] bool codes_match(const std::string& before_code, const std::string& after_code, bool footprint) const {
    return !fallback && before.matches(before_code, false) && after.matches(after_code, footprint);
  }
  [[nodiscard]] const std::string& zone() const { return inside.empty() ? outside : inside; }
};

struct ChangeRules {
  std::string file;
  std::string city;
  std::vector<Zone> zones;
  std::vector<ChangeRule> rules;     ///< in file order: the order classes are listed on a piece
  std::vector<std::string> classes;  ///< every class, in first-appearance order (the fallback last)

  static ChangeRules load(const std::filesystem::path& path);
  static ChangeRules parse(const std::string& yaml, const std::string& file);
  /// The default: the change rules of the city profile (core/city.hpp).
  static std::filesystem::path default_path();

  [[nodiscard]] const Zone& zone(const std::string& id) const;
  [[nodiscard]] const ChangeRule* fallback() const;
};

[[nodiscard]] const char* to_string(Balance b);  ///< "", "out", "in"

}  // namespace guotu::change
