// `guotu check`: each construction project (建设项目用地范围) against the plan rules, with its
// 压占分析 (occupancy). Plan layers are read once into WKB plus an immutable envelope index;
// projects are split over worker threads, each with its own GEOS context, prepared-geometry
// cache and AreaCalculator; results come back in a deterministic order (project fid, rule
// order in the rule file, plan fid). Areas are 椭球面积 in the working CRS.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "area/measure.hpp"
#include "check/occupancy.hpp"
#include "check/rule_set.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::check {

struct CheckOptions {
  std::string plan;            ///< OGR source holding the plan layers under catalogue names/aliases
  std::string projects;        ///< OGR source of the projects
  std::string projects_layer;  ///< table name; empty: the layer answering to XMYD, or the only layer
  std::string working_crs;     ///< empty: the city profile's (core/city.hpp)
  /// The areas of the results: 椭球面积, or the plane area in the working CRS (--area planar).
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  gdal::OpenOptions open;   ///< encoding / assume_crs for both sources
  unsigned jobs = 0;        ///< worker threads; 0 = hardware concurrency
  bool make_valid = false;  ///< repair invalid project geometries instead of skipping them
  /// A rule that cannot be evaluated (its plan layer, a field, its features, a project's value)
  /// is an error at once (exit 2, no output), not a project judged 未完整审查.
  bool strict = false;
  /// The bureau's grade-weight table for the 占补平衡 capacity (`--grade-weights`); empty: the
  /// shipped example (data/rules/farmland_grade_weights.csv), and every capacity is marked 示例.
  std::string grade_weights;
  /// Called from the calling thread with (projects done, total).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// One overlap piece (or outside piece for require-within) that breaks a rule.
struct Violation {
  std::string project;  ///< project id (BSM, else "fid N")
  std::int64_t project_fid = -1;
  std::string project_name;
  std::size_t rule_index = 0;  ///< into CheckResult::rules
  std::string rule;
  Severity severity = Severity::Forbidden;
  double area_m2 = 0;                    ///< 椭球面积
  std::string plan_layer;                ///< table in the plan source
  std::optional<std::int64_t> plan_fid;  ///< the plan feature hit (none for require-within)
  std::string plan_feature;              ///< its name or BSM
  std::string reason;                    ///< why, in words a planner can read
  std::vector<std::uint8_t> wkb;         ///< the piece, working CRS
};

/// An overlap that a rule allows (e.g. an approved major project on 永久基本农田): kept for the record.
struct ApprovedOverlap {
  std::string rule;
  double area_m2 = 0;
  std::string approval;  ///< the approval reference (PZWH)
};

/// A rule that could not be evaluated on a project, and why (in Chinese: the planner reads it).
struct NotEvaluated {
  std::size_t rule_index = 0;  ///< into CheckResult::rules
  std::string rule;
  std::string reason;
};

/// A project's verdict. Worse wins: 禁止 > 未完整审查 > 需审批 > 提示 > 通过 (docs/rules.md,
/// "Verdicts": 需审批 lets a project proceed with an approval, an incomplete check lets nothing
/// proceed). 跳过: the project was not checked at all (its geometry could not be used).
enum class Verdict { Passed, Notice, NeedsApproval, Incomplete, Forbidden, Skipped };
[[nodiscard]] const char* to_string(Verdict v);  ///< 通过 提示 需审批 未完整审查 禁止 跳过

struct ProjectResult {
  std::int64_t fid = -1;
  std::string id;        ///< BSM, else "fid N"
  std::string name;      ///< XMMC
  std::string type;      ///< XMLX
  std::string county;    ///< XZQDM (from the project, else the XZQ feature it lies in)
  std::string approval;  ///< PZWH
  double area_m2 = 0;    ///< 椭球面积 of the project
  bool evaluated = false;
  bool repaired = false;  ///< made valid (--make-valid)
  bool outside_city = false;
  std::string skip_reason;
  Verdict verdict = Verdict::Passed;
  std::map<std::string, double> rule_area_m2;  ///< rule id → violating area (union of its pieces)
  /// The rules that apply to the project (or may: its type is unknown) and could not be judged
  /// on it, in rule order; not empty makes the verdict 未完整审查 unless it is 禁止.
  std::vector<NotEvaluated> not_evaluated;
  std::vector<ApprovedOverlap> approved;
  Occupancy occupancy;
  std::vector<std::uint8_t> wkb;  ///< as read (working CRS); empty for a null/empty geometry
};

/// A project that could not be checked as it was, with where (its invalidity location or centre).
struct ProjectProblem {
  std::int64_t fid = -1;
  std::string project;
  std::string reason;
  double x = 0, y = 0;
};

struct RuleStatus {
  Rule rule;
  /// False: judged on no project (the plan lacks its layer or the features its filter selects,
  /// the projects lack a field it reads).
  bool evaluated = false;
  std::string plan_layer;  ///< table used in the plan source
  /// Why the rule could not be evaluated on any project, or (evaluated) why only in part: plan
  /// features it needs were unreadable. Chinese; empty when it was evaluated in full.
  std::string note;
  std::string file;  ///< the source that lacks what the rule needs (the plan or the projects)
  std::size_t projects_violating = 0;
  std::size_t projects_not_evaluated = 0;  ///< checked projects it applies to and could not be judged on
  double area_m2 = 0;
};

struct CheckResult {
  std::string rules_file;
  std::string plan;
  std::string projects_source;
  std::string projects_layer;
  std::string working_crs;
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  std::vector<RuleStatus> rules;        ///< in rule-file order
  std::vector<ProjectResult> projects;  ///< in fid order, skipped ones included
  std::vector<Violation> violations;    ///< sorted: project fid, rule order, plan fid
  std::vector<ProjectProblem> invalid_projects;
  std::vector<ProjectProblem> skipped;
  std::vector<ProjectProblem> outside_city;
  /// Features of any layer the reader skipped (a coordinate or value it cannot trust, a geometry
  /// of the wrong type): the result leaves them out, so the run exits 2.
  std::vector<gdal::ReadProblem> read_problems;
  std::vector<std::string> warnings;
  bool occupancy_evaluated = false;
  std::string occupancy_layer;
  GradeWeights weights;  ///< the table the capacities were computed with (weights.example(): 示例)
  unsigned jobs = 1;

  /// rule id → area_m2 over all projects, for every evaluated rule (0 when none).
  [[nodiscard]] std::map<std::string, double> totals() const;
  [[nodiscard]] bool has_forbidden() const;
  /// Projects of a verdict.
  [[nodiscard]] std::size_t count(Verdict v) const;
  /// Every rule was judged on every project it applies to, no project was skipped and no
  /// feature left out: what exit 0 or 1 promises.
  [[nodiscard]] bool complete() const;
  /// 2 when the result is incomplete (a feature skipped as unreadable, a project skipped, a
  /// project 未完整审查: the outputs are written, and say what is missing), else 1 when any 禁止
  /// violation exists, else 0.
  [[nodiscard]] int exit_code() const { return !complete() ? 2 : has_forbidden() ? 1 : 0; }
};

/// Runs the check. Bad input (unreadable source, no CRS, a plan filter OGR rejects, a plan field
/// a rule names missing, a layer of the wrong geometry type, no rule that can be evaluated, no
/// project that can be checked; under --strict any rule that cannot be evaluated on a project
/// and any feature the reader would skip) throws guotu::Error before any output.
[[nodiscard]] CheckResult run_check(const RuleSet& rules, const CheckOptions& options);

}  // namespace guotu::check
