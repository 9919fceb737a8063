// Plan rules as data (data/rules/<city>.yaml): what `guotu check` tests a construction project
// (建设项目用地范围) against. Loading validates everything it can before any geometry is read: an
// unknown kind, key, severity, layer or field is a BadInput error naming the file and line.
// Schema and catalogue: docs/rules.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace guotu::check {

/// How a rule relates a project to a plan layer.
enum class RuleKind {
  ForbidOverlap,         ///< forbid-overlap: no part of the project inside the layer
  RequireWithin,         ///< require-within: the project lies inside the layer (城镇开发边界)
  OverlapNeedsApproval,  ///< overlap-needs-approval: overlap allowed only for approved major projects (永久基本农田)
  AttributeCapInZone,  ///< attribute-cap-in-zone: project value ≤ the zone's cap (容积率, 建筑高度)
  Buffer,              ///< buffer: no project within distance_m of the layer (蓝线)
};

/// 严重程度. Ordered: a larger value is worse.
enum class Severity { Notice = 1 /*提示*/, NeedsApproval = 2 /*需审批*/, Forbidden = 3 /*禁止*/ };

[[nodiscard]] const char* to_string(RuleKind k);
[[nodiscard]] const char* to_string(Severity s);  ///< "禁止", "需审批", "提示"

/// Which projects a rule applies to, by an attribute (default XMLX 项目类型).
struct ProjectFilter {
  std::string field = "XMLX";
  std::vector<std::string> in;  ///< empty = every value
  std::vector<std::string> not_in;
  [[nodiscard]] bool active() const { return !in.empty() || !not_in.empty(); }
  [[nodiscard]] bool accepts(const std::string& value) const;
};

struct Rule {
  std::string id;
  std::string name_zh;
  std::string name_en;
  RuleKind kind = RuleKind::ForbidOverlap;
  Severity severity = Severity::Forbidden;
  /// The official document (文号, title) and item the rule comes from (data/documents.yaml);
  /// printed as 依据 beside each violation.
  std::string source;
  std::string seed_ref;     ///< internal research reference (`seed_ref`); kept, never printed
  std::string layer;        ///< catalogue code of the plan layer (aliases resolved)
  std::string plan_filter;  ///< OGR SQL attribute filter on the plan layer; empty = all features
  ProjectFilter projects;
  double tolerance_m2 = 0;  ///< overlaps of this area or less are slivers, not violations
  // params (which apply depends on the kind)
  double distance_m = 0;                     ///< buffer
  std::string project_field;                 ///< attribute-cap-in-zone: e.g. RJL, JZGD
  std::string zone_field;                    ///< attribute-cap-in-zone: e.g. RJLSX, GDSX
  std::string approval_field;                ///< overlap-needs-approval: e.g. PZWH
  std::vector<std::string> major_types;      ///< overlap-needs-approval: types that may be approved
  std::vector<std::string> forbidden_types;  ///< overlap-needs-approval: never allowed
  std::string label_field;                   ///< plan field naming the feature hit (default: a name field or BSM)
  long line = 0;                             ///< line of the rule in its file
};

struct RuleSet {
  std::string file;  ///< where it was read from (for messages)
  std::string city;
  std::vector<Rule> rules;

  /// Loads and validates a rule file.
  static RuleSet load(const std::filesystem::path& path);
  /// Parses rule YAML text; `file` names it in errors.
  static RuleSet parse(const std::string& yaml, const std::string& file);
  /// The default: the rule file of the city profile (core/city.hpp).
  static std::filesystem::path default_path();

  [[nodiscard]] const Rule* find(const std::string& id) const;
};

}  // namespace guotu::check
