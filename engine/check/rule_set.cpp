#include "check/rule_set.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/bounds.hpp"
#include "core/city.hpp"
#include "core/error.hpp"
#include "core/resources.hpp"
#include "core/yaml.hpp"
#include "layers/catalogue.hpp"

namespace guotu::check {

namespace {

struct KindName {
  RuleKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
    {RuleKind::ForbidOverlap, "forbid-overlap"},
    {RuleKind::RequireWithin, "require-within"},
    {RuleKind::OverlapNeedsApproval, "overlap-needs-approval"},
    {RuleKind::AttributeCapInZone, "attribute-cap-in-zone"},
    {RuleKind::Buffer, "buffer"},
};

using Reader = yaml::Reader;

void require_field(const Reader& r, const YAML::Node& at, const layers::LayerDef& layer, const std::string& field,
                   const std::string& what) {
  if (layer.field(field) != nullptr) return;
  std::string list;
  for (const auto& f : layer.fields) list += (list.empty() ? "" : " ") + f.name;
  r.fail(at, "unknown field '" + field + "' for " + what + ": layer " + layer.code + " has " + list);
}

Rule parse_rule(const Reader& r, const YAML::Node& node) {
  if (!node.IsMap()) r.fail(node, "a rule must be a mapping");
  r.only_keys(node,
              {"id", "name_zh", "name_en", "kind", "severity", "source", "seed_ref", "layer", "plan_filter", "projects",
               "tolerance_m2", "params", "note"},
              "a rule");
  const auto& catalogue = layers::Catalogue::embedded();
  const layers::LayerDef& project_layer = catalogue.get("XMYD");

  Rule rule;
  rule.line = node.Mark().line + 1;
  rule.id = r.string(node, "id", true);
  rule.name_zh = r.string(node, "name_zh", true);
  rule.name_en = r.string(node, "name_en", true);
  rule.source = r.string(node, "source", true);
  rule.seed_ref = r.string(node, "seed_ref", false);

  const std::string kind = r.string(node, "kind", true);
  const auto* k =
      std::find_if(std::begin(kKinds), std::end(kKinds), [&](const KindName& kn) { return kind == kn.name; });
  if (k == std::end(kKinds))
    r.fail(node["kind"],
           "unknown rule kind '" + kind +
               "' (forbid-overlap, require-within, overlap-needs-approval, attribute-cap-in-zone, buffer)");
  rule.kind = k->kind;

  const std::string severity = r.string(node, "severity", true);
  if (severity == "禁止") {
    rule.severity = Severity::Forbidden;
  } else if (severity == "需审批") {
    rule.severity = Severity::NeedsApproval;
  } else if (severity == "提示") {
    rule.severity = Severity::Notice;
  } else {
    r.fail(node["severity"], "unknown severity '" + severity + "' (禁止, 需审批, 提示)");
  }

  const std::string layer_name = r.string(node, "layer", true);
  const layers::LayerDef* layer = catalogue.find(layer_name);
  if (layer == nullptr) r.fail(node["layer"], "unknown layer '" + layer_name + "' (not in the layer catalogue)");
  rule.layer = layer->code;
  rule.plan_filter = r.string(node, "plan_filter", false);

  rule.tolerance_m2 = r.number(node, "tolerance_m2", 0.0, 0.0, bounds::kMaxSliverM2);

  if (const YAML::Node p = node["projects"]) {
    if (!p.IsMap()) r.fail(p, "'projects' must be a mapping (field, in, not_in)");
    r.only_keys(p, {"field", "in", "not_in"}, "'projects'");
    if (p["field"]) rule.projects.field = r.string(p, "field", true);
    require_field(r, p["field"] ? p["field"] : p, project_layer, rule.projects.field, "the project filter");
    rule.projects.in = r.strings(p, "in");
    rule.projects.not_in = r.strings(p, "not_in");
  }

  const YAML::Node params = node["params"];
  if (params && !params.IsMap()) r.fail(params, "'params' must be a mapping");
  const YAML::Node pm = params ? params : YAML::Node(YAML::NodeType::Map);
  const YAML::Node at = params ? params : node;
  switch (rule.kind) {
    case RuleKind::ForbidOverlap:
    case RuleKind::RequireWithin:
      r.only_keys(pm, {"label_field"}, std::string("params of a ") + to_string(rule.kind) + " rule");
      break;
    case RuleKind::Buffer:
      r.only_keys(pm, {"distance_m", "label_field"}, "params of a buffer rule");
      if (!pm["distance_m"]) r.fail(at, "a buffer rule needs params.distance_m");
      rule.distance_m = r.number(pm, "distance_m", -1.0, 0.0, bounds::kMaxDistanceM);
      if (rule.distance_m <= 0) r.fail(pm["distance_m"], "distance_m must be positive");
      break;
    case RuleKind::AttributeCapInZone:
      r.only_keys(pm, {"project_field", "zone_field", "label_field"}, "params of an attribute-cap-in-zone rule");
      rule.project_field = r.string(pm, "project_field", false);
      rule.zone_field = r.string(pm, "zone_field", false);
      if (rule.project_field.empty() || rule.zone_field.empty())
        r.fail(at, "an attribute-cap-in-zone rule needs params.project_field and params.zone_field");
      require_field(r, pm["project_field"], project_layer, rule.project_field, "params.project_field");
      require_field(r, pm["zone_field"], *layer, rule.zone_field, "params.zone_field");
      break;
    case RuleKind::OverlapNeedsApproval:
      r.only_keys(pm, {"approval_field", "major_types", "forbidden_types", "label_field"},
                  "params of an overlap-needs-approval rule");
      rule.approval_field = r.string(pm, "approval_field", false);
      if (rule.approval_field.empty()) r.fail(at, "an overlap-needs-approval rule needs params.approval_field");
      require_field(r, pm["approval_field"], project_layer, rule.approval_field, "params.approval_field");
      rule.major_types = r.strings(pm, "major_types");
      rule.forbidden_types = r.strings(pm, "forbidden_types");
      break;
  }
  rule.label_field = r.string(pm, "label_field", false);
  if (!rule.label_field.empty()) require_field(r, pm["label_field"], *layer, rule.label_field, "params.label_field");
  return rule;
}

}  // namespace

const char* to_string(RuleKind k) {
  for (const auto& kn : kKinds)
    if (kn.kind == k) return kn.name;
  return "?";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Forbidden: return "禁止";
    case Severity::NeedsApproval: return "需审批";
    case Severity::Notice: return "提示";
  }
  return "?";
}

bool ProjectFilter::accepts(const std::string& value) const {
  if (!in.empty() && std::find(in.begin(), in.end(), value) == in.end()) return false;
  return std::find(not_in.begin(), not_in.end(), value) == not_in.end();
}

RuleSet RuleSet::parse(const std::string& yaml, const std::string& file) {
  Reader r(file);
  const YAML::Node root = yaml::parse(yaml, file);
  if (!root.IsMap()) r.fail(root, "a rule file must be a mapping with a 'rules' list");
  r.only_keys(root, {"city", "version", "description", "rules"}, "the rule file");
  RuleSet set;
  set.file = file;
  set.city = r.string(root, "city", false);
  const YAML::Node rules = root["rules"];
  if (!rules || !rules.IsSequence() || rules.size() == 0) r.fail(rules ? rules : root, "missing or empty 'rules' list");
  std::set<std::string> ids;
  for (const auto& node : rules) {
    Rule rule = parse_rule(r, node);
    if (!ids.insert(rule.id).second) r.fail(node["id"], "duplicate rule id '" + rule.id + "'");
    set.rules.push_back(std::move(rule));
  }
  return set;
}

RuleSet RuleSet::load(const std::filesystem::path& path) {
  return parse(resources::read_file(path), path.string());
}

std::filesystem::path RuleSet::default_path() {
  return city::current().rules;
}

const Rule* RuleSet::find(const std::string& id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace guotu::check
