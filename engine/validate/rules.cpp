#include "validate/rules.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/bounds.hpp"
#include "core/city.hpp"
#include "core/error.hpp"
#include "core/yaml.hpp"

namespace guotu::validate {

namespace fs = std::filesystem;

const char* to_zh(Severity s) {
  return s == Severity::Error ? "错误" : "警告";
}
const char* to_en(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

const std::vector<std::string>& check_codes() {
  static const std::vector<std::string> codes = {
      "GEOM_INVALID",       "GEOM_EMPTY",         "GEOM_TYPE",         "GEOM_OUT_OF_CRS_AREA", "VALUE_INVALID",
      "CRS_MISSING",        "CRS_NOT_CGCS2000",   "CRS_ZONE_MISMATCH", "SCHEMA_FIELD_MISSING", "SCHEMA_FIELD_TYPE",
      "SCHEMA_FIELD_EMPTY", "BSM_DUPLICATE",      "CODE_UNKNOWN",      "CODE_LOST_ZERO",       "COVERAGE_OVERLAP",
      "COVERAGE_GAP",       "OUTSIDE_CITY",       "LINES_OVERLAP",     "AREA_TBMJ_MISMATCH",   "AREA_TBDLMJ_MISMATCH",
      "SPACES_COVERAGE",    "LINE_OUTSIDE_SPACE", "NOT_CHECKED"};
  return codes;
}

namespace {

// The thresholds each check needs (and accepts): the rule file must state them all.
const std::map<std::string, std::vector<std::string>>& threshold_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"GEOM_OUT_OF_CRS_AREA", {"margin_deg"}},
      {"CRS_ZONE_MISMATCH", {"margin_deg"}},
      {"COVERAGE_OVERLAP", {"min_area_m2", "min_width_m"}},
      {"COVERAGE_GAP", {"min_area_m2", "min_width_m"}},
      {"OUTSIDE_CITY", {"min_area_m2", "min_width_m"}},
      {"LINES_OVERLAP", {"tolerance_m2"}},
      {"AREA_TBMJ_MISMATCH", {"relative", "absolute_m2"}},
      {"AREA_TBDLMJ_MISMATCH", {"absolute_m2"}},
      {"SPACES_COVERAGE", {"min_area_m2", "min_width_m"}},
      {"LINE_OUTSIDE_SPACE", {"min_area_m2", "min_width_m"}},
  };
  return keys;
}

// The largest value a threshold may take, by its unit (the key's suffix): beyond these a
// threshold no longer finds anything, or finds everything.
double threshold_max(const std::string& key) {
  auto ends = [&](const char* suffix) {
    const std::string s(suffix);
    return key.size() >= s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("_deg")) return 10.0;      // a margin around a 3° zone
  if (key == "relative") return 1.0;  // a share
  if (ends("_m2")) return bounds::kMaxSliverM2;
  if (ends("_m")) return bounds::kMaxDistanceM;
  return 1e9;
}

struct Reader {
  fs::path file;

  [[noreturn]] void fail(const YAML::Node& node, const std::string& why) const { yaml::fail(file.string(), node, why); }
  std::string scalar(const YAML::Node& map, const char* key, bool allow_empty = false) const {
    const YAML::Node n = map[key];
    if (!n || !n.IsScalar() || (!allow_empty && n.Scalar().empty()))
      fail(n ? n : map, std::string("missing or empty key '") + key + "'");
    return n.Scalar();
  }
  double number(const YAML::Node& n, const std::string& what, double max) const {
    return yaml::number(file.string(), n, what, 0.0, max);
  }
  std::vector<std::string> list(const YAML::Node& map, const char* key) const {
    const YAML::Node n = map[key];
    if (!n) fail(map, std::string("missing key '") + key + "'");
    if (!n.IsSequence()) fail(n, std::string("'") + key + "' must be a list");
    std::vector<std::string> out;
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty()) fail(item, std::string("'") + key + "' holds a non-name");
      out.push_back(item.Scalar());
    }
    return out;
  }
  void only_keys(const YAML::Node& map, std::initializer_list<const char*> known, const std::string& where) const {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
        fail(kv.first, fmt::format("unknown key '{}' in {}", key, where));
    }
  }
};

Severity parse_severity(const Reader& r, const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (s == "错误" || s == "error") return Severity::Error;
  if (s == "警告" || s == "warning") return Severity::Warning;
  r.fail(n, "severity must be 错误 or 警告 (error / warning), not '" + s + "'");
}

}  // namespace

RuleSet RuleSet::load(const fs::path& file_in) {
  const fs::path file = file_in.empty() ? city::current().validate_rules : file_in;
  if (!fs::exists(file)) throw_bad_input("rule file not found", {file.string(), {}, {}, {}});
  Reader r{file};
  const YAML::Node root = yaml::load_file(file, "rule");
  if (!root.IsMap()) r.fail(root, "a rule file must be a mapping");
  r.only_keys(root,
              {"working_crs", "city_layer", "coverage_gap_units", "allowed_gap_layer", "control_lines", "three_spaces",
               "line_in_space", "fix", "checks"},
              "the rule file");
  RuleSet rs;
  rs.path = file.string();
  // The working CRS is the city's (its profile); a rule file may set its own (a test's, another
  // zone's data checked with a file of its own).
  rs.working_crs = root["working_crs"] ? r.scalar(root, "working_crs") : city::current().working_crs;
  rs.city_layer = r.scalar(root, "city_layer");
  rs.allowed_gap_layer = root["allowed_gap_layer"] ? r.scalar(root, "allowed_gap_layer", true) : std::string();
  rs.control_lines = r.list(root, "control_lines");
  rs.three_spaces = r.list(root, "three_spaces");
  const YAML::Node in_space = root["line_in_space"];
  if (!in_space || !in_space.IsMap())
    r.fail(in_space ? in_space : root, "'line_in_space' must be a mapping control line → space");
  for (const auto& kv : in_space) {
    const std::string line = kv.first.Scalar();
    if (!kv.second.IsScalar() || kv.second.Scalar().empty())
      r.fail(kv.second, "a control line's space must be a layer");
    if (std::find(rs.control_lines.begin(), rs.control_lines.end(), line) == rs.control_lines.end())
      r.fail(kv.first, "'" + line + "' is not one of control_lines");
    if (std::find(rs.three_spaces.begin(), rs.three_spaces.end(), kv.second.Scalar()) == rs.three_spaces.end())
      r.fail(kv.second, "'" + kv.second.Scalar() + "' is not one of three_spaces");
    rs.line_in_space.emplace_back(line, kv.second.Scalar());
  }
  const YAML::Node units = root["coverage_gap_units"];
  if (!units || !units.IsMap())
    r.fail(units ? units : root, "'coverage_gap_units' must be a mapping layer → unit layer");
  for (const auto& kv : units) {
    if (!kv.second.IsScalar() || kv.second.Scalar().empty())
      r.fail(kv.second, "a gap unit must be a layer, holes or none");
    rs.gap_units[kv.first.Scalar()] = kv.second.Scalar();
  }
  const YAML::Node fix = root["fix"];
  if (!fix || !fix.IsMap()) r.fail(fix ? fix : root, "missing 'fix' mapping (sliver_max_area_m2)");
  r.only_keys(fix, {"sliver_max_area_m2"}, "fix");
  if (!fix["sliver_max_area_m2"]) r.fail(fix, "missing 'sliver_max_area_m2' in fix");
  rs.fix_sliver_max_area_m2 = r.number(fix["sliver_max_area_m2"], "sliver_max_area_m2", bounds::kMaxSliverM2);

  const YAML::Node checks = root["checks"];
  if (!checks || !checks.IsSequence()) r.fail(checks ? checks : root, "missing 'checks' list");
  const auto& codes = check_codes();
  std::set<std::string> seen;
  for (const auto& c : checks) {
    if (!c.IsMap()) r.fail(c, "a check must be a mapping");
    r.only_keys(c, {"code", "name_zh", "name_en", "severity", "method", "thresholds"}, "a check");
    CheckDef d;
    d.code = r.scalar(c, "code");
    if (std::find(codes.begin(), codes.end(), d.code) == codes.end())
      r.fail(c["code"], "unknown check code '" + d.code + "'");
    if (!seen.insert(d.code).second) r.fail(c["code"], "check " + d.code + " is defined twice");
    d.name_zh = r.scalar(c, "name_zh");
    d.name_en = r.scalar(c, "name_en");
    d.severity = parse_severity(r, c["severity"] ? c["severity"] : c);
    if (c["method"]) d.method = c["method"].Scalar();
    d.line = c.Mark().line + 1;
    auto it = threshold_keys().find(d.code);
    const std::vector<std::string> wanted = it == threshold_keys().end() ? std::vector<std::string>{} : it->second;
    const YAML::Node t = c["thresholds"];
    if (t) {
      if (!t.IsMap()) r.fail(t, "thresholds of " + d.code + " must be a mapping");
      for (const auto& kv : t) {
        const std::string key = kv.first.Scalar();
        if (std::find(wanted.begin(), wanted.end(), key) == wanted.end())
          r.fail(kv.first, "check " + d.code + " has no threshold '" + key + "'");
        d.thresholds[key] = r.number(kv.second, d.code + "." + key, threshold_max(key));
      }
    }
    for (const auto& key : wanted)
      if (d.thresholds.count(key) == 0) r.fail(t ? t : c, "check " + d.code + " needs threshold '" + key + "'");
    rs.checks_.push_back(std::move(d));
  }
  for (const auto& code : codes)
    if (seen.count(code) == 0) r.fail(checks, "check " + code + " is missing from the rule file");
  // Report order: the catalogue order, whatever the file's order.
  std::sort(rs.checks_.begin(), rs.checks_.end(), [&](const CheckDef& a, const CheckDef& b) {
    return std::find(codes.begin(), codes.end(), a.code) < std::find(codes.begin(), codes.end(), b.code);
  });
  return rs;
}

const CheckDef& RuleSet::check(const std::string& code) const {
  for (const auto& c : checks_)
    if (c.code == code) return c;
  throw_internal("no check " + code + " in the rule set");
}

double RuleSet::threshold(const std::string& code, const std::string& key) const {
  const CheckDef& c = check(code);
  auto it = c.thresholds.find(key);
  if (it == c.thresholds.end()) throw_internal("check " + code + " has no threshold " + key);
  return it->second;
}

}  // namespace guotu::validate
