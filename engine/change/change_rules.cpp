#include "change/change_rules.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/resources.hpp"
#include "core/yaml.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::change {

namespace {

/// What `footprint` after-land is: new construction (a building or a patch without a code).
constexpr const char* kConstruction = "construction";

bool is_land_class(const std::string& entry) {
  const auto classes = layers::LandClasses::embedded().classes();
  return std::find(classes.begin(), classes.end(), entry) != classes.end();
}

bool entry_matches(const std::string& entry, const std::string& code, bool footprint) {
  if (footprint) return entry == kConstruction;  // a footprint is new construction, of no 三调 code
  if (is_land_class(entry)) return layers::LandClasses::embedded().contains(entry, "sandiao", code);
  return code.compare(0, entry.size(), entry) == 0;  // a code prefix: "1104" covers 1104A and 1104K
}

LandSpec parse_land(const yaml::Reader& r, const YAML::Node& rule, const char* any_key, const char* none_key) {
  LandSpec spec;
  spec.any = r.strings(rule, any_key);
  spec.none = r.strings(rule, none_key);
  const auto& codes = layers::CodeList::embedded("sandiao");
  for (const char* key : {any_key, none_key}) {
    for (const auto& entry : r.strings(rule, key)) {
      if (entry.empty()) r.fail(rule[key], std::string("'") + key + "' holds an empty entry");
      if (is_land_class(entry)) continue;
      const bool known = std::any_of(codes.entries().begin(), codes.entries().end(), [&](const layers::CodeEntry& e) {
        return e.code.compare(0, entry.size(), entry) == 0;
      });
      if (!known) {
        std::string list;
        for (const auto& c : layers::LandClasses::embedded().classes()) list += (list.empty() ? "" : ", ") + c;
        r.fail(rule[key], fmt::format("'{}' in '{}' is neither a land class ({}) nor the start of a 三调 code "
                                      "(layers/codes)",
                                      entry, key, list));
      }
    }
  }
  return spec;
}

Zone parse_zone(const yaml::Reader& r, const std::string& id, const YAML::Node& node) {
  if (!node.IsMap()) r.fail(node, "zone '" + id + "' must be a mapping (layer, where, name_zh)");
  r.only_keys(node, {"layer", "where", "name_zh", "note"}, "zone '" + id + "'");
  Zone z;
  z.id = id;
  z.line = node.Mark().line + 1;
  const std::string layer = r.string(node, "layer", true);
  const layers::LayerDef* def = layers::Catalogue::embedded().find(layer);
  if (def == nullptr) r.fail(node["layer"], "unknown layer '" + layer + "' (not in the layer catalogue)");
  z.layer = def->code;
  z.where = r.string(node, "where", false);
  z.name_zh = r.string(node, "name_zh", true);
  return z;
}

ChangeRule parse_rule(const yaml::Reader& r, const YAML::Node& node, const std::vector<Zone>& zones) {
  if (!node.IsMap()) r.fail(node, "a change rule must be a mapping");
  r.only_keys(node,
              {"id", "class", "name_zh", "source", "seed_ref", "note", "before", "before_not", "after", "after_not",
               "inside", "outside", "suspect", "approval_clears", "balance", "bars_credit", "fallback"},
              "a change rule");
  ChangeRule rule;
  rule.line = node.Mark().line + 1;
  rule.id = r.string(node, "id", true);
  rule.cls = r.string(node, "class", false);
  rule.name_zh = r.string(node, "name_zh", true);
  rule.source = r.string(node, "source", true);
  rule.seed_ref = r.string(node, "seed_ref", false);
  rule.before = parse_land(r, node, "before", "before_not");
  rule.after = parse_land(r, node, "after", "after_not");
  rule.inside = r.string(node, "inside", false);
  rule.outside = r.string(node, "outside", false);
  if (!rule.inside.empty() && !rule.outside.empty()) r.fail(node, "a rule tests one zone: 'inside' or 'outside'");
  for (const char* key : {"inside", "outside"}) {
    const std::string id = r.string(node, key, false);
    if (id.empty()) continue;
    if (std::none_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.id == id; })) {
      std::string list;
      for (const auto& z : zones) list += (list.empty() ? "" : ", ") + z.id;
      r.fail(node[key], "unknown zone '" + id + "' (the file's zones: " + (list.empty() ? "none" : list) + ")");
    }
  }
  rule.suspect = r.flag(node, "suspect", false);
  rule.approval_clears = r.flag(node, "approval_clears", false);
  if (rule.approval_clears && !rule.suspect) r.fail(node["approval_clears"], "approval_clears needs suspect: true");
  rule.bars_credit = r.flag(node, "bars_credit", false);
  rule.fallback = r.flag(node, "fallback", false);
  const std::string balance = r.string(node, "balance", false);
  if (balance == "out") {
    rule.balance = Balance::Out;
  } else if (balance == "in") {
    rule.balance = Balance::In;
  } else if (!balance.empty()) {
    r.fail(node["balance"], "balance must be 'out' or 'in', not '" + balance + "'");
  }
  if (rule.cls.empty() && !rule.suspect)
    r.fail(node, "rule '" + rule.id + "' neither gives a class nor flags 疑似违法: it would do nothing");
  if (rule.cls.empty() && (rule.balance != Balance::None || rule.bars_credit || rule.fallback))
    r.fail(node, "rule '" + rule.id + "': balance, bars_credit and fallback belong to a class (give 'class')");
  if (rule.fallback) {
    for (const char* key : {"before", "before_not", "after", "after_not", "inside", "outside"})
      if (node[key])
        r.fail(node[key], std::string("the fallback rule applies when no other class does: no '") + key + "'");
    if (rule.balance != Balance::None || rule.bars_credit)
      r.fail(node, "the fallback rule books no 进出平衡 and bars no credit");
  }
  return rule;
}

}  // namespace

bool LandSpec::matches(const std::string& code, bool footprint) const {
  auto hit = [&](const std::string& e) { return entry_matches(e, code, footprint); };
  if (!any.empty() && std::none_of(any.begin(), any.end(), hit)) return false;
  return std::none_of(none.begin(), none.end(), hit);
}

const char* to_string(Balance b) {
  switch (b) {
    case Balance::Out: return "out";
    case Balance::In: return "in";
    case Balance::None: break;
  }
  return "";
}

ChangeRules ChangeRules::parse(const std::string& text, const std::string& file) {
  const yaml::Reader r(file);
  const YAML::Node root = yaml::parse(text, file);
  if (!root.IsMap()) r.fail(root, "a change rule file must be a mapping with 'zones' and 'rules'");
  r.only_keys(root, {"city", "version", "description", "zones", "rules"}, "the change rule file");
  ChangeRules set;
  set.file = file;
  set.city = r.string(root, "city", false);
  if (const YAML::Node zones = root["zones"]) {
    if (!zones.IsMap()) r.fail(zones, "'zones' must be a mapping of zone id → {layer, where, name_zh}");
    for (const auto& kv : zones) set.zones.push_back(parse_zone(r, kv.first.Scalar(), kv.second));
  }
  const YAML::Node rules = root["rules"];
  if (!rules || !rules.IsSequence() || rules.size() == 0) r.fail(rules ? rules : root, "missing or empty 'rules' list");
  std::set<std::string> ids;
  const YAML::Node* fallback_node = nullptr;
  for (const auto& node : rules) {
    ChangeRule rule = parse_rule(r, node, set.zones);
    if (!ids.insert(rule.id).second) r.fail(node["id"], "duplicate rule id '" + rule.id + "'");
    if (rule.fallback) {
      if (fallback_node != nullptr) r.fail(node, "a second fallback rule (one class is 'every other change')");
      fallback_node = &node;
    }
    set.rules.push_back(std::move(rule));
  }
  // A zone is tested one way across the file (a piece's figure for it is inside, or outside).
  for (const auto& a : set.rules)
    for (const auto& b : set.rules)
      if (!a.inside.empty() && a.inside == b.outside)
        r.fail(root["rules"], "zone '" + a.inside + "' is tested inside (rule " + a.id + ") and outside (rule " + b.id +
                                  "): give the two tests two zones");
  if (fallback_node == nullptr)
    r.fail(root["rules"],
           "no fallback rule: a change no class rule holds for would carry no class (add one with "
           "fallback: true, e.g. 其他变化)");
  for (const auto& rule : set.rules)
    if (!rule.cls.empty() && !rule.fallback &&
        std::find(set.classes.begin(), set.classes.end(), rule.cls) == set.classes.end())
      set.classes.push_back(rule.cls);
  set.classes.push_back(set.fallback()->cls);
  return set;
}

ChangeRules ChangeRules::load(const std::filesystem::path& path) {
  return parse(resources::read_file(path), path.string());
}

std::filesystem::path ChangeRules::default_path() {
  return city::current().change_rules;
}

const Zone& ChangeRules::zone(const std::string& id) const {
  for (const auto& z : zones)
    if (z.id == id) return z;
  throw Error(ErrorKind::Internal, "no zone " + id);
}

const ChangeRule* ChangeRules::fallback() const {
  for (const auto& r : rules)
    if (r.fallback) return &r;
  return nullptr;
}

}  // namespace guotu::change
