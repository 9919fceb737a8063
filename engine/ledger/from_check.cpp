#include "ledger/from_check.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/yaml.hpp"

namespace guotu::ledger {

namespace {

// ---- The booking rules (YAML) -------------------------------------------------------------

std::string scalar(const std::string& file, const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n) yaml::fail(file, map, fmt::format("missing key '{}'", key));
  if (!n.IsScalar() || n.Scalar().empty()) yaml::fail(file, n, fmt::format("'{}' must be a non-empty text", key));
  return n.Scalar();
}

BookingRules::Ground ground(const std::string& file, const YAML::Node& map) {
  if (!map.IsMap()) yaml::fail(file, map, "expected why_zh and source");
  return {scalar(file, map, "why_zh"), scalar(file, map, "source")};
}

// ---- The occupancy file (JSON) --------------------------------------------------------------

// Reads one occupation's values with their types checked; errors name the file and the project.
class Entry {
 public:
  Entry(const nlohmann::json& o, std::string file, std::size_t index) : o_(o), file_(std::move(file)) {
    project_ = fmt::format("occupation #{}", index);
    if (o.is_object() && o.contains("project") && o["project"].is_string())
      project_ = "project " + o["project"].get<std::string>();
    if (!o.is_object()) fail("an occupation must be a JSON object");
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw_bad_input(fmt::format("{}: {}", project_, why), {file_, {}, {}, {}});
  }
  std::string text(const char* key, bool required) const {
    if (!o_.contains(key) || (!required && o_[key].is_null())) return {};
    if (!o_[key].is_string()) fail(fmt::format("'{}' must be text, not {}", key, o_[key].dump()));
    return o_[key].get<std::string>();
  }
  double number(const char* key) const {
    if (!o_.contains(key)) return 0.0;
    if (!o_[key].is_number()) fail(fmt::format("'{}' must be a number, not {}", key, o_[key].dump()));
    const double v = o_[key].get<double>();
    if (!std::isfinite(v)) fail(fmt::format("'{}' must be finite", key));
    return v;
  }
  const nlohmann::json& at(const char* key) const { return o_[key]; }
  bool has(const char* key) const { return o_.contains(key); }

 private:
  const nlohmann::json& o_;
  std::string file_;
  std::string project_;
};

std::string mu_of(double m2) {
  return fmt::format("{:.2f} m²", m2);
}

}  // namespace

BookingRules BookingRules::load(const std::filesystem::path& path) {
  const std::string file = path.string();
  const YAML::Node root = yaml::load_file(path, "cannot read the booking-rule file");
  if (!root.IsMap()) yaml::fail(file, root, "a booking-rule file is a map with from_check:");
  const YAML::Node fc = root["from_check"];
  if (!fc || !fc.IsMap()) yaml::fail(file, root, "missing map 'from_check'");
  BookingRules r;
  r.file = file;
  const YAML::Node bookable = fc["bookable_verdicts"];
  if (!bookable || !bookable.IsSequence() || bookable.size() == 0)
    yaml::fail(file, fc, "'bookable_verdicts' must list the verdicts a project may be booked under");
  for (const auto& v : bookable) {
    if (!v.IsScalar() || v.Scalar().empty()) yaml::fail(file, v, "a verdict is a non-empty text");
    r.bookable_verdicts.push_back(v.Scalar());
  }
  const YAML::Node refused = fc["refused_verdicts"];
  if (refused) {
    if (!refused.IsSequence()) yaml::fail(file, refused, "'refused_verdicts' must be a list");
    for (const auto& item : refused) {
      if (!item.IsMap()) yaml::fail(file, item, "each refused verdict is a map: verdict, why_zh, source");
      const std::string verdict = scalar(file, item, "verdict");
      if (std::find(r.bookable_verdicts.begin(), r.bookable_verdicts.end(), verdict) != r.bookable_verdicts.end())
        yaml::fail(file, item, fmt::format("verdict {} is both bookable and refused", verdict));
      if (!r.refused.emplace(verdict, ground(file, item)).second)
        yaml::fail(file, item, fmt::format("verdict {} is listed twice", verdict));
    }
  }
  if (!fc["otherwise"]) yaml::fail(file, fc, "missing 'otherwise' (why any other verdict is refused)");
  r.otherwise = ground(file, fc["otherwise"]);
  const YAML::Node approval = fc["approval"];
  if (!approval) yaml::fail(file, fc, "missing 'approval' (required: true or false, why_zh, source)");
  if (!approval["required"]) yaml::fail(file, approval, "missing key 'required'");
  r.approval_required = yaml::boolean(file, approval["required"], "required");
  r.approval = ground(file, approval);
  return r;
}

const BookingRules& BookingRules::embedded() {
  static std::once_flag once;
  static BookingRules r;
  std::call_once(once, [] { r = load(city::current().ledger_rules); });
  return r;
}

OccupancyHandover read_occupancy(const std::string& file, const HandoverOptions& options) {
  std::ifstream in(file);
  if (!in) throw_bad_input("cannot read the occupancy file", {file, {}, {}, {}});
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw_bad_input(std::string("not JSON: ") + e.what(), {file, {}, {}, {}});
  }
  if (!j.is_object() || !j.contains("format") || j["format"] != "guotu-occupancy")
    throw_bad_input("not a guotu occupancy file (format)", {file, {}, {}, {}});
  // The ledger books 椭球面积; an occupancy measured in the plane (check --area planar) is not one.
  if (j.contains("area") && j["area"] != "ellipsoidal")
    throw_bad_input("the occupancy's areas are not 椭球面积 (\"area\": " + j["area"].dump() +
                        "): the ledger books official figures; run guotu check without --area planar",
                    {file, {}, {}, {}});
  // Version 1 handed over no verdicts: the ledger cannot tell a lawful occupation from another.
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() < 2)
    throw_bad_input("the occupancy file carries no verdicts (format version " +
                        (j.contains("version") ? j["version"].dump() : std::string("none")) +
                        "; the ledger needs version 2): run guotu check --occupancy-json again",
                    {file, {}, {}, {}});
  if (!j.contains("occupations") || !j["occupations"].is_array())
    throw_bad_input("'occupations' must be a list", {file, {}, {}, {}});
  OccupancyHandover h;
  h.file = file;
  if (j.contains("capacity_basis") && j["capacity_basis"].is_string())
    h.capacity_basis = j["capacity_basis"].get<std::string>();
  // A file that does not say what its capacities rest on is taken to rest on the example weights.
  if (h.capacity_basis.empty()) h.capacity_basis = check::kExampleWeights;
  if (j.contains("grade_weights") && j["grade_weights"].is_object() && j["grade_weights"].contains("weights") &&
      j["grade_weights"]["weights"].is_object()) {
    for (const auto& [g, w] : j["grade_weights"]["weights"].items()) {
      if (!w.is_number()) throw_bad_input("grade_weights: weight of grade " + g + " is no number", {file, {}, {}, {}});
      try {
        h.weights[std::stoi(g)] = w.get<double>();
      } catch (const std::exception&) {
        throw_bad_input("grade_weights: '" + g + "' is no grade", {file, {}, {}, {}});
      }
    }
  }
  // The rule file's rules, with the document each cites.
  std::map<std::string, std::string> sources;
  if (j.contains("rules") && j["rules"].is_object())
    for (const auto& [id, rule] : j["rules"].items())
      if (rule.is_object() && rule.contains("source") && rule["source"].is_string())
        sources[id] = rule["source"].get<std::string>();
  if (j.contains("rules_not_evaluated") && j["rules_not_evaluated"].is_array()) {
    for (const auto& n : j["rules_not_evaluated"]) {
      BrokenRule b;
      if (n.is_object()) {
        if (n.contains("rule") && n["rule"].is_string()) b.rule = n["rule"].get<std::string>();
        if (n.contains("name_zh") && n["name_zh"].is_string()) b.name_zh = n["name_zh"].get<std::string>();
        if (n.contains("reason") && n["reason"].is_string()) b.source = n["reason"].get<std::string>();
      }
      if (!b.rule.empty()) h.not_evaluated.push_back(std::move(b));
    }
  }
  std::size_t index = 0;
  for (const auto& o : j["occupations"]) {
    ++index;
    const Entry e(o, file, index);
    const std::string id = e.text("project", true);
    if (id.empty()) e.fail("'project' (the project id) is missing");
    const double net = e.number("cultivated_net_m2");
    const double capacity = e.number("capacity_std_m2");
    if (net < 0) e.fail(fmt::format("cultivated_net_m2 {} is negative", net));
    if (!e.has("verdict")) e.fail("'verdict' is missing: the ledger books only what check judged");
    const std::string verdict = e.text("verdict", true);
    ++h.listed;
    if (net == 0) continue;  // takes no farmland: nothing to book
    const std::string date = !options.date.empty() ? options.date : e.text("date", false);
    if (date.empty()) throw_bad_input("the occupancy file gives no date: pass --date", {file, {}, {}, {}});
    std::string county = e.text("county", false);
    if (county.empty()) county = options.county;
    if (county.empty()) e.fail("no county (the project has no XZQDM): pass --county");
    CheckedProject p;
    p.occupation = {id,
                    id,
                    county,
                    date,
                    trim(e.text("approval", false)),
                    net,
                    0,
                    capacity,
                    options.from_supplements,
                    h.capacity_basis};
    p.name = e.text("name", false);
    p.verdict = verdict;
    if (e.has("violations")) {
      if (!e.at("violations").is_array()) e.fail("'violations' must be a list");
      for (const auto& v : e.at("violations")) {
        const Entry ve(v, file, index);
        BrokenRule b{
            ve.text("rule", true), ve.text("name_zh", false), ve.text("severity", false), {}, ve.number("area_m2")};
        if (auto it = sources.find(b.rule); it != sources.end()) b.source = it->second;
        p.broken.push_back(std::move(b));
      }
    }
    h.taking.push_back(std::move(p));
  }
  return h;
}

Judgement judge(const OccupancyHandover& h, const BookingRules& rules) {
  Judgement j;
  for (const auto& p : h.taking) {
    RefusedProject r{p.occupation.project, p.name, p.verdict, {}};
    const bool bookable = std::find(rules.bookable_verdicts.begin(), rules.bookable_verdicts.end(), p.verdict) !=
                          rules.bookable_verdicts.end();
    if (!bookable) {
      const auto it = rules.refused.find(p.verdict);
      const BookingRules::Ground& g = it != rules.refused.end() ? it->second : rules.otherwise;
      std::string why = g.why_zh;
      j.grounds.emplace(it != rules.refused.end() ? p.verdict : "其他结论", g.source);
      // The rules behind the verdict: those of its severity (禁止, 需审批), or the rules check could
      // not evaluate (未完整审查).
      std::string rules_behind;
      for (const auto& b : p.broken) {
        if (b.severity != p.verdict) continue;
        rules_behind +=
            fmt::format("{}{} {} {}", rules_behind.empty() ? "" : "，", b.rule, b.name_zh, mu_of(b.area_m2));
        if (!b.source.empty()) j.grounds.emplace(b.rule, b.source);
      }
      if (rules_behind.empty() && p.verdict == "未完整审查") {
        for (const auto& b : h.not_evaluated)
          rules_behind +=
              fmt::format("{}{} {}（未评价：{}）", rules_behind.empty() ? "" : "，", b.rule, b.name_zh, b.source);
      }
      if (!rules_behind.empty()) why += "：" + rules_behind;
      r.reasons.push_back(std::move(why));
    }
    if (rules.approval_required && p.occupation.approval_ref.empty()) {
      r.reasons.push_back(rules.approval.why_zh);
      j.grounds.emplace("批准文号", rules.approval.source);
    }
    if (!r.reasons.empty()) j.refused.push_back(std::move(r));
  }
  return j;
}

std::string describe(const Judgement& j, const OccupancyHandover& h) {
  std::string s = fmt::format(
      "{} of the {} projects in {} that take 耕地 may not be booked (the ledger books only lawful occupations); "
      "nothing was booked:\n",
      j.refused.size(), h.taking.size(), h.file);
  for (const auto& r : j.refused) {
    std::string reasons;
    for (const auto& why : r.reasons) reasons += (reasons.empty() ? "" : "；") + why;
    s += fmt::format("  {}{}: {} — {}\n", r.project, r.name.empty() ? "" : "（" + r.name + "）", r.verdict, reasons);
  }
  s += "依据:\n";
  for (const auto& [label, source] : j.grounds) s += fmt::format("  {}: {}\n", label, source);
  return s;
}

}  // namespace guotu::ledger
