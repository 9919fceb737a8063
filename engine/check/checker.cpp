#include "check/checker.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/text.hpp"
#include "gdal/connection.hpp"
#include "geos/algorithms.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"
#include "overlay/overlay.hpp"

namespace guotu::check {

namespace {

using geos::Geometry;
using geos::PreparedGeometry;

/// What rules need of a plan feature besides its geometry (which its FeatureSet holds).
struct PlanFeature {
  std::string label;
  std::optional<double> value;  // zone cap (attribute-cap-in-zone)
  // DLTB only
  std::string dlbm, dlmc;
  double kcxs = 0;
  std::optional<int> gddb;
  // XZQ only
  std::string xzqdm;
};

/// The features of one plan table under one filter (and buffer distance): the overlay core's
/// set and, feature by feature, the values rules read.
struct PlanSet {
  std::string table;
  std::string name_zh;
  overlay::FeatureSet set;
  std::vector<PlanFeature> features;  // by the set's feature index
};

struct ProjectInput {
  std::int64_t fid = -1;
  std::string id, name, type, county, approval;
  std::map<std::string, gdal::FieldValue> attrs;  // by field name as the rules spell it
  std::vector<std::uint8_t> wkb;
  bool evaluate = false;
  bool repaired = false;
};

/// The result of a project that was not checked: who it is, and why.
ProjectResult skipped_result(const ProjectInput& in, std::string reason) {
  ProjectResult r;
  r.fid = in.fid;
  r.id = in.id;
  r.name = in.name;
  r.type = in.type;
  r.county = in.county;
  r.approval = in.approval;
  r.verdict = Verdict::Skipped;
  r.skip_reason = std::move(reason);
  return r;
}

struct RulePlan {
  const Rule* rule = nullptr;
  std::size_t rule_index = 0;
  std::optional<std::size_t> set;  // nullopt: evaluated on no project
  std::string not_evaluated;       // why not (no set), or why only in part (plan features unread)
};

struct Shared {
  const CheckOptions* options = nullptr;
  std::string projects_file, projects_layer;  // for errors naming a project
  std::vector<PlanSet> sets;
  std::vector<RulePlan> rules;
  std::optional<std::size_t> dltb;
  std::optional<std::size_t> xzq;
  const GradeWeights* weights = nullptr;
};

constexpr const char* kLabelFields[] = {"HXMC", "KZXMC", "ZRBHDMC", "QYMC", "MC", "XZQMC", "BSM"};

std::string rule_where(const RuleSet& set, const Rule& r) {
  return fmt::format("rule {} ({} line {})", r.id, set.file, r.line);
}

/// A projects field as a planner reads it: its name and, from the catalogue, its Chinese name
/// (XMLX（项目类型）).
std::string project_field_zh(const std::string& field) {
  const layers::FieldSpec* f = layers::Catalogue::embedded().get("XMYD").field(field);
  return f != nullptr && !f->alias.empty() ? field + "（" + f->alias + "）" : field;
}

std::string joined(const std::vector<std::string>& parts, const char* separator = "、") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

/// Whether a rule is the project's business, by the rule's project filter: yes, no, or unknown
/// (the project has no value where an `in` list would need one).
enum class Applies { Yes, No, Unknown };

Applies applies(const Rule& rule, const std::string& type) {
  if (rule.projects.accepts(type)) return Applies::Yes;
  return type.empty() ? Applies::Unknown : Applies::No;
}

/// One reason per rule, in rule order: a rule with several reasons on one project (a value
/// missing and plan features unread) says them all.
void merge_by_rule(std::vector<NotEvaluated>& list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const NotEvaluated& a, const NotEvaluated& b) { return a.rule_index < b.rule_index; });
  std::vector<NotEvaluated> merged;
  for (auto& n : list) {
    if (!merged.empty() && merged.back().rule_index == n.rule_index) {
      merged.back().reason += "；" + n.reason;
    } else {
      merged.push_back(std::move(n));
    }
  }
  list = std::move(merged);
}

struct SetRequest {
  std::string where;
  double distance = 0;
  std::vector<Envelope> within;  // read only near these rectangles (empty: the whole layer)
  std::string label_field;
  std::string value_field;
  bool land_use = false;  // DLTB fields
  bool admin = false;     // XZQ fields
};

/// The fields of a plan layer a set request reads (label, zone cap, DLTB's and XZQ's fields).
struct SetFields {
  std::vector<std::string> names;
  std::optional<std::size_t> label, value, dlbm, dlmc, kcxs, gddb, xzqdm;
};

SetFields set_fields(const gdal::Layer& layer, const SetRequest& req) {
  SetFields f;
  auto add = [&](const std::string& name) {
    f.names.push_back(name);
    return f.names.size() - 1;
  };
  if (!req.label_field.empty()) {
    f.label = add(req.label_field);
  } else {
    for (const char* n : kLabelFields)
      if (auto i = layer.field_index(n)) {
        f.label = add(layer.fields()[*i].name);
        break;
      }
  }
  if (!req.value_field.empty()) f.value = add(req.value_field);
  if (req.land_use) {
    f.dlbm = add("DLBM");
    if (layer.field_index("DLMC")) f.dlmc = add("DLMC");
    if (layer.field_index("KCXS")) f.kcxs = add("KCXS");
    if (layer.field_index("GDDB")) f.gddb = add("GDDB");
  }
  if (req.admin && layer.field_index("XZQDM")) f.xzqdm = add("XZQDM");
  return f;
}

PlanSet read_set(const gdal::Layer& layer, const layers::LayerDef& def, const SetRequest& req, const CheckOptions& o,
                 gdal::ReadLog& log, std::vector<std::string>& warnings) {
  PlanSet ps;
  ps.table = layer.name();
  ps.name_zh = def.name_zh;
  const SetFields fields = set_fields(layer, req);
  overlay::LoadOptions lo;
  lo.crs = o.working_crs;
  lo.fields = fields.names;
  lo.where = req.where;
  lo.within = req.within;
  lo.family = gdal::family_of(def.geometry);
  // A plan feature as rules use it: polygonal (unless buffered), valid, buffered.
  lo.shape = overlay::Shape::Valid;
  lo.buffer_m = req.distance;
  lo.measure = true;
  lo.area = o.area;
  lo.jobs = o.jobs;
  lo.log = &log;
  ps.set = overlay::FeatureSet::load(layer, lo);
  const overlay::FeatureSet& set = ps.set;
  ps.features.resize(set.size());
  for (std::size_t i = 0; i < set.size(); ++i) {
    PlanFeature& pf = ps.features[i];
    if (fields.label) pf.label = gdal::as_text(set.value(i, *fields.label));
    if (pf.label.empty()) pf.label = fmt::format("fid {}", set.fid(i));
    if (fields.value) pf.value = gdal::as_number(set.value(i, *fields.value));
    if (fields.dlbm) pf.dlbm = set.text(i, *fields.dlbm);
    if (fields.dlmc) pf.dlmc = gdal::as_text(set.value(i, *fields.dlmc));
    if (pf.dlmc.empty() && req.land_use) pf.dlmc = layers::CodeList::embedded("sandiao").name_of(pf.dlbm);
    if (fields.kcxs) pf.kcxs = gdal::as_number(set.value(i, *fields.kcxs)).value_or(0.0);
    if (fields.gddb) {
      if (auto d = gdal::as_number(set.value(i, *fields.gddb)))
        if (auto grade = exact_integer<int>(*d); grade && *grade >= 1 && *grade <= 15) pf.gddb = *grade;
    }
    if (fields.xzqdm) pf.xzqdm = gdal::as_text(set.value(i, *fields.xzqdm));
  }
  if (set.repaired() > 0)
    warnings.push_back(
        fmt::format("plan layer {}: {} invalid geometries repaired with make-valid for this check "
                    "(run `guotu validate` on the plan)",
                    layer.name(), set.repaired()));
  if (set.dropped() > 0)
    warnings.push_back(
        fmt::format("plan layer {}: {} features without a polygon geometry ignored", layer.name(), set.dropped()));
  return ps;
}

/// A project's evaluation on one worker thread: GEOS objects made here stay here; the overlay
/// core's Worker holds this thread's prepared plan features and its Measure.
class Evaluator {
 public:
  Evaluator(const Shared& s, overlay::Worker& w) : s_(s), w_(w) {}

  ProjectResult run(const ProjectInput& in, std::vector<Violation>& out) {
    ProjectResult r;
    r.fid = in.fid;
    r.id = in.id;
    r.name = in.name;
    r.type = in.type;
    r.county = in.county;
    r.approval = in.approval;
    r.repaired = in.repaired;
    r.evaluated = true;
    // A GEOS failure here comes from this project's geometry (or the plan feature it meets):
    // bad input naming the project and what was being computed, not an internal error.
    const ErrorContext where{s_.projects_file, s_.projects_layer, in.fid, {}};
    const Geometry p = Geometry::from_wkb(in.wkb);
    const Envelope env = p.envelope();
    r.area_m2 = w_.area_m2(p);
    if (s_.xzq) geos::on_feature(where, "locating the project in XZQ", [&] { locate(p, env, r); });
    for (const auto& rp : s_.rules) {
      const Rule& rule = *rp.rule;
      const Applies scope = applies(rule, text(in, rule.projects.field));
      if (scope == Applies::No) continue;
      if (!rp.set) {
        r.not_evaluated.push_back({rp.rule_index, rule.id, rp.not_evaluated});
        continue;
      }
      const std::size_t before = out.size();
      geos::on_feature(where, "rule " + rule.id + " against " + s_.sets[*rp.set].table,
                       [&] { evaluate(rp, in, p, env, r, out); });
      if (out.size() > before) {
        std::vector<Geometry> pieces;
        double sum = 0;
        for (std::size_t i = before; i < out.size(); ++i) {
          pieces.push_back(Geometry::from_wkb(out[i].wkb));
          sum += out[i].area_m2;
        }
        const double area =
            pieces.size() == 1 ? sum : geos::on_feature(where, "the union of rule " + rule.id + "'s pieces", [&] {
              return w_.area_m2(overlay::Worker::union_of(std::move(pieces)));
            });
        if (scope == Applies::Unknown) {
          // The project meets what the rule forbids, but whether the rule is its business
          // depends on a value it lacks: neither a violation nor a pass.
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
          r.not_evaluated.push_back(
              {rp.rule_index, rule.id,
               fmt::format(
                   "项目未填 {}，本规则只适用于类型为 {} 的项目，无法判断是否适用（如适用，违规面积 {:.2f} m²）",
                   project_field_zh(rule.projects.field), joined(rule.projects.in), area)});
        } else {
          r.rule_area_m2[rule.id] = area;
        }
      }
      if (!rp.not_evaluated.empty()) r.not_evaluated.push_back({rp.rule_index, rule.id, rp.not_evaluated});
    }
    if (r.outside_city) outside_the_plan(in, r);
    merge_by_rule(r.not_evaluated);
    Severity worst{};
    bool any = false;
    for (const auto& v : out) {
      if (v.project_fid != in.fid) continue;
      worst = any ? std::max(worst, v.severity) : v.severity;
      any = true;
    }
    r.verdict = any && worst == Severity::Forbidden ? Verdict::Forbidden
                : !r.not_evaluated.empty()          ? Verdict::Incomplete
                : !any                              ? Verdict::Passed
                : worst == Severity::NeedsApproval  ? Verdict::NeedsApproval
                                                    : Verdict::Notice;
    if (s_.dltb) geos::on_feature(where, "the occupancy of DLTB", [&] { occupancy(p, env, r); });
    return r;
  }

 private:
  const PreparedGeometry& prepared(std::size_t set, std::size_t i) { return w_.prepared(s_.sets[set].set, i); }

  struct Piece {
    std::size_t feature;
    Geometry geometry;
    double area_m2;
  };

  /// The parts of p inside each wanted feature of a set, above the tolerance.
  std::vector<Piece> overlaps(const Geometry& p, const Envelope& env, double area_m2, std::size_t set, double tolerance,
                              const std::function<bool(const PlanFeature&)>& wanted) {
    std::vector<Piece> pieces;
    const PlanSet& ps = s_.sets[set];
    const overlay::Subject subject{p, env, area_m2, nullptr};
    std::function<bool(std::size_t)> accept;
    if (wanted) accept = [&](std::size_t i) { return wanted(ps.features[i]); };
    w_.intersect(
        subject, ps.set, true,
        [&](overlay::Hit&& h) {
          if (h.area_m2 <= tolerance) return;  // a sliver
          pieces.push_back({h.feature, std::move(h.piece), h.area_m2});
        },
        accept);
    return pieces;
  }

  static std::string text(const ProjectInput& in, const std::string& field) {
    auto it = in.attrs.find(field);
    return it == in.attrs.end() ? std::string() : trim(gdal::as_text(it->second));
  }

  /// A project no XZQ feature meets lies where the plan's layers do not reach: a rule that found
  /// nothing there has judged nothing.
  void outside_the_plan(const ProjectInput& in, ProjectResult& r) const {
    for (const auto& rp : s_.rules) {
      const Rule& rule = *rp.rule;
      if (!rp.set || applies(rule, text(in, rule.projects.field)) == Applies::No) continue;
      const bool found = r.rule_area_m2.count(rule.id) != 0 ||
                         std::any_of(r.approved.begin(), r.approved.end(),
                                     [&](const ApprovedOverlap& a) { return a.rule == rule.id; });
      if (!found)
        r.not_evaluated.push_back(
            {rp.rule_index, rule.id,
             fmt::format("项目不在市域内（与规划数据的 {} 图层不相交），规划图层不覆盖该处", s_.sets[*s_.xzq].table)});
    }
  }

  void add(std::vector<Violation>& out, const RulePlan& rp, const ProjectInput& in, Severity sev, const PlanSet& set,
           std::optional<std::size_t> feature, Geometry geometry, double area_m2, std::string reason) {
    Violation v;
    v.project = in.id;
    v.project_fid = in.fid;
    v.project_name = in.name;
    v.rule_index = rp.rule_index;
    v.rule = rp.rule->id;
    v.severity = sev;
    v.area_m2 = area_m2;
    v.plan_layer = set.table;
    if (feature) {
      v.plan_fid = set.set.fid(*feature);
      v.plan_feature = set.features[*feature].label;
    }
    v.reason = std::move(reason);
    v.wkb = geometry.to_wkb();
    out.push_back(std::move(v));
  }

  /// overlap-needs-approval on a project without a type: when the type alone decides between
  /// allowed, needs approval and forbidden, the rule is not evaluated on it (true); when every
  /// type would get the same answer, that answer is given as usual (false).
  bool undecided_without_type(const RulePlan& rp, const std::string& approval, std::vector<Piece>& pieces,
                              ProjectResult& r) {
    const Rule& rule = *rp.rule;
    std::set<int> outcomes;  // 0: approved; else a severity
    if (!rule.forbidden_types.empty()) outcomes.insert(static_cast<int>(Severity::Forbidden));
    if (!rule.major_types.empty()) outcomes.insert(static_cast<int>(rule.severity));  // not a major type
    outcomes.insert(approval.empty() ? static_cast<int>(rule.severity) : 0);          // a major type
    if (outcomes.size() == 1) return false;
    const PlanSet& set = s_.sets[*rp.set];
    std::vector<Geometry> parts;
    double area = 0;
    for (auto& pc : pieces) {
      area += pc.area_m2;
      parts.push_back(std::move(pc.geometry));
    }
    if (parts.size() > 1) area = w_.area_m2(overlay::Worker::union_of(std::move(parts)));
    std::vector<std::string> by_type;
    by_type.push_back(rule.major_types.empty() ? std::string("有批准文号的项目可以占用")
                                               : "类型为 " + joined(rule.major_types) + " 的项目有批准文号可以占用");
    if (!rule.forbidden_types.empty()) by_type.push_back("类型为 " + joined(rule.forbidden_types) + " 的项目一律禁止");
    if (!rule.major_types.empty()) by_type.push_back(fmt::format("其他类型为{}", to_string(rule.severity)));
    r.not_evaluated.push_back(
        {rp.rule_index, rule.id,
         fmt::format("项目未填 {}，占用{} {:.2f} m²（{}：{}），结论取决于项目类型：{}",
                     project_field_zh(rule.projects.field), set.name_zh, area, project_field_zh(rule.approval_field),
                     approval.empty() ? std::string("未填") : approval, joined(by_type, "，"))});
    return true;
  }

  void evaluate(const RulePlan& rp, const ProjectInput& in, const Geometry& p, const Envelope& env, ProjectResult& r,
                std::vector<Violation>& out) {
    const Rule& rule = *rp.rule;
    const PlanSet& set = s_.sets[*rp.set];
    const std::string type = text(in, rule.projects.field);
    switch (rule.kind) {
      case RuleKind::ForbidOverlap:
      case RuleKind::Buffer: {
        for (auto& pc : overlaps(p, env, r.area_m2, *rp.set, rule.tolerance_m2, {})) {
          const std::string& label = set.features[pc.feature].label;
          std::string why =
              rule.kind == RuleKind::Buffer
                  ? fmt::format("{:.2f} m² within {} m of {} {}", pc.area_m2, rule.distance_m, set.name_zh, label)
                  : fmt::format("{:.2f} m² inside {} {}", pc.area_m2, set.name_zh, label);
          add(out, rp, in, rule.severity, set, pc.feature, std::move(pc.geometry), pc.area_m2, std::move(why));
        }
        break;
      }
      case RuleKind::OverlapNeedsApproval: {
        auto pieces = overlaps(p, env, r.area_m2, *rp.set, rule.tolerance_m2, {});
        if (pieces.empty()) break;
        const std::string approval = text(in, rule.approval_field);
        if (type.empty() && undecided_without_type(rp, approval, pieces, r)) break;
        const bool forbidden_type =
            std::find(rule.forbidden_types.begin(), rule.forbidden_types.end(), type) != rule.forbidden_types.end();
        const bool major = rule.major_types.empty() ||
                           std::find(rule.major_types.begin(), rule.major_types.end(), type) != rule.major_types.end();
        if (!forbidden_type && major && !approval.empty()) {
          double sum = 0;
          for (const auto& pc : pieces) sum += pc.area_m2;
          r.approved.push_back({rule.id, sum, approval});
          break;
        }
        for (auto& pc : pieces) {
          std::string why;
          Severity sev = rule.severity;
          if (forbidden_type) {
            // 严禁: no approval can allow it (for the first city,
            // 聊政办字〔2022〕10号《聊城市"十四五"自然资源保护和利用 规划》六、(一)「突出保护重点」:
            // 严禁新增占用永久基本农田建设畜禽养殖设施、水产养殖设施…).
            sev = Severity::Forbidden;
            why = fmt::format("{:.2f} m² of {} {}: {} facilities may never occupy it", pc.area_m2, set.name_zh,
                              set.features[pc.feature].label, type);
          } else if (!major) {
            why = fmt::format("{:.2f} m² of {} {}: only major projects with approval may occupy it (type {})",
                              pc.area_m2, set.name_zh, set.features[pc.feature].label, type.empty() ? "none" : type);
          } else {
            why = fmt::format("{:.2f} m² of {} {}: major project without an approval reference ({} empty)", pc.area_m2,
                              set.name_zh, set.features[pc.feature].label, rule.approval_field);
          }
          add(out, rp, in, sev, set, pc.feature, std::move(pc.geometry), pc.area_m2, std::move(why));
        }
        break;
      }
      case RuleKind::AttributeCapInZone: {
        auto it = in.attrs.find(rule.project_field);
        const std::optional<double> value = it == in.attrs.end() ? std::nullopt : gdal::as_number(it->second);
        // A zone without a cap (zone_field empty) caps nothing; a project without a value in a
        // capped zone cannot be compared: the rule is not evaluated on it.
        auto wanted = [&](const PlanFeature& f) { return f.value && (!value || *value > *f.value); };
        std::vector<std::string> uncompared;
        for (auto& pc : overlaps(p, env, r.area_m2, *rp.set, rule.tolerance_m2, wanted)) {
          const PlanFeature& f = set.features[pc.feature];
          if (value) {
            add(out, rp, in, rule.severity, set, pc.feature, std::move(pc.geometry), pc.area_m2,
                fmt::format("{} {:g} > {} {:g} of {} {} ({:.2f} m² in the zone)", rule.project_field, *value,
                            rule.zone_field, *f.value, set.name_zh, f.label, pc.area_m2));
          } else {
            uncompared.push_back(fmt::format("{} {} 的上限 {} = {:g}（区内 {:.2f} m²）", set.name_zh, f.label,
                                             rule.zone_field, *f.value, pc.area_m2));
          }
        }
        if (!uncompared.empty())
          r.not_evaluated.push_back(
              {rp.rule_index, rule.id,
               fmt::format("项目未填 {}，无法与{}比较", project_field_zh(rule.project_field), joined(uncompared))});
        break;
      }
      case RuleKind::RequireWithin: {
        std::vector<Geometry> inside;
        for (std::size_t i : std::vector<std::size_t>(w_.candidates(set.set, env))) {
          const PreparedGeometry& pg = prepared(*rp.set, i);
          if (!pg.intersects(p)) continue;
          if (pg.covers(p)) return;  // wholly inside one feature
          Geometry piece = p.intersection(pg.base()).polygonal_part();
          if (!piece.is_empty()) inside.push_back(std::move(piece));
        }
        Geometry outside =
            inside.empty() ? p.clone() : p.difference(overlay::Worker::union_of(std::move(inside))).polygonal_part();
        if (outside.is_empty()) return;
        const double a = w_.area_m2(outside);
        if (a <= rule.tolerance_m2) return;
        add(out, rp, in, rule.severity, set, std::nullopt, std::move(outside), a,
            fmt::format("{:.2f} m² outside {}", a, set.name_zh));
        break;
      }
    }
  }

  void locate(const Geometry& p, const Envelope& env, ProjectResult& r) {
    const std::size_t set = *s_.xzq;
    const overlay::FeatureSet& xzq = s_.sets[set].set;
    bool inside = false;
    for (std::size_t i : w_.candidates(xzq, env)) {
      if (prepared(set, i).intersects(p)) {
        inside = true;
        break;
      }
    }
    r.outside_city = !inside;
    if (!inside || !r.county.empty()) return;
    const Coord c = p.interior_point();
    const Geometry pt = Geometry::point(c);
    for (std::size_t i : std::vector<std::size_t>(w_.candidates(xzq, {c.x, c.y, c.x, c.y}))) {
      if (prepared(set, i).covers(pt)) {
        r.county = s_.sets[set].features[i].xzqdm;
        break;
      }
    }
  }

  /// 压占: the project's area on each land class, a patch wholly inside the project adding its
  /// known area without an intersection.
  void occupancy(const Geometry& p, const Envelope& env, ProjectResult& r) {
    const PlanSet& set = s_.sets[*s_.dltb];
    const PreparedGeometry pp(p.clone());
    OccupancyBuilder b;
    w_.intersect(overlay::Subject{p, env, r.area_m2, &pp}, set.set, false, [&](overlay::Hit&& h) {
      const PlanFeature& f = set.features[h.feature];
      b.add(f.dlbm, f.dlmc, f.kcxs, f.gddb, h.area_m2);
    });
    r.occupancy = b.finish(*s_.weights);
  }

  const Shared& s_;
  overlay::Worker& w_;
};

std::vector<ProjectInput> read_projects(const gdal::Layer& layer, const std::vector<std::string>& fields,
                                        const CheckOptions& o, gdal::ReadLog& log, CheckResult& res) {
  std::vector<ProjectInput> out;
  std::map<std::string, std::size_t> index;
  for (const auto& f : fields)
    if (auto i = layer.field_index(f)) index[f] = *i;
  auto value = [&](const gdal::Feature& f, const char* name) {
    auto it = index.find(name);
    return it == index.end() ? std::string() : trim(gdal::as_text(f.values[it->second]));
  };
  gdal::ReadOptions ro;
  ro.target_crs = o.working_crs;
  ro.geometry = gdal::GeometryFamily::Polygon;
  ro.log = &log;
  layer.read(ro, [&](gdal::Feature&& f) {
    ProjectInput in;
    in.fid = f.fid;
    in.id = value(f, "BSM");
    if (in.id.empty()) in.id = fmt::format("fid {}", f.fid);
    in.name = value(f, "XMMC");
    in.type = value(f, "XMLX");
    in.county = value(f, "XZQDM");
    in.approval = value(f, "PZWH");
    for (const auto& [name, i] : index) in.attrs[name] = f.values[i];
    auto skip = [&](std::string why, Coord at) { res.skipped.push_back({in.fid, in.id, std::move(why), at.x, at.y}); };
    if (!f.geometry || f.geometry.is_empty()) {
      skip("empty geometry", {0, 0});
    } else if (!f.geometry.is_polygonal()) {
      skip(fmt::format("not a polygon ({} points)", f.geometry.num_points()), f.geometry.centroid());
    } else if (auto why = f.geometry.invalid_reason()) {
      res.invalid_projects.push_back({in.fid, in.id, why->reason, why->location.x, why->location.y});
      if (o.make_valid) {
        Geometry fixed = f.geometry.make_valid().polygonal_part();
        if (fixed.is_empty()) {
          skip("invalid geometry (" + why->reason + ") and nothing polygonal left after make-valid", why->location);
        } else {
          in.wkb = fixed.to_wkb();
          in.repaired = true;
          in.evaluate = true;
        }
      } else {
        skip("invalid geometry: " + why->reason + " (repair it, or run with --make-valid)", why->location);
      }
    } else {
      in.wkb = f.geometry.to_wkb();
      in.evaluate = true;
    }
    if (!in.evaluate && in.wkb.empty() && f.geometry && !f.geometry.is_empty()) in.wkb = f.geometry.to_wkb();
    out.push_back(std::move(in));
  });
  // Projects the reader skipped are listed as skipped projects too, in fid order.
  for (const auto& p : log.problems()) {
    if (p.where.file != layer.source_path() || p.where.layer != layer.name() || !p.where.fid) continue;
    ProjectInput in;
    in.fid = *p.where.fid;
    in.id = fmt::format("fid {}", in.fid);
    res.skipped.push_back({in.fid, in.id, p.reason, 0, 0});
    out.push_back(std::move(in));
  }
  std::stable_sort(out.begin(), out.end(), [](const ProjectInput& a, const ProjectInput& b) { return a.fid < b.fid; });
  std::stable_sort(res.skipped.begin(), res.skipped.end(),
                   [](const ProjectProblem& a, const ProjectProblem& b) { return a.fid < b.fid; });
  return out;
}

// Why no project can be checked: each skipped one with its reason (the first few).
std::string why_none(const std::vector<ProjectInput>& inputs, const CheckResult& res) {
  if (inputs.empty()) return "the projects layer has no features";
  std::string out = fmt::format("all {} skipped", res.skipped.size());
  for (std::size_t i = 0; i < res.skipped.size() && i < 5; ++i)
    out += fmt::format("{}fid {}: {}", i == 0 ? " (" : "; ", res.skipped[i].fid, res.skipped[i].reason);
  if (res.skipped.size() > 5) out += fmt::format("; and {} more", res.skipped.size() - 5);
  return out + (res.skipped.empty() ? "" : ")");
}

}  // namespace

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Passed: return "通过";
    case Verdict::Notice: return "提示";
    case Verdict::NeedsApproval: return "需审批";
    case Verdict::Incomplete: return "未完整审查";
    case Verdict::Forbidden: return "禁止";
    case Verdict::Skipped: return "跳过";
  }
  return "?";
}

std::map<std::string, double> CheckResult::totals() const {
  std::map<std::string, double> t;
  for (const auto& rs : rules)
    if (rs.evaluated) t[rs.rule.id] = rs.area_m2;
  return t;
}

bool CheckResult::has_forbidden() const {
  return std::any_of(violations.begin(), violations.end(),
                     [](const Violation& v) { return v.severity == Severity::Forbidden; });
}

std::size_t CheckResult::count(Verdict v) const {
  return static_cast<std::size_t>(
      std::count_if(projects.begin(), projects.end(), [v](const ProjectResult& p) { return p.verdict == v; }));
}

bool CheckResult::complete() const {
  return read_problems.empty() && count(Verdict::Skipped) == 0 &&
         std::none_of(projects.begin(), projects.end(),
                      [](const ProjectResult& p) { return !p.not_evaluated.empty(); });
}

CheckResult run_check(const RuleSet& rules, const CheckOptions& options) {
  gdal::initialize();
  CheckOptions o = options;
  if (o.working_crs.empty()) o.working_crs = city::current().working_crs;
  CheckResult res;
  res.rules_file = rules.file;
  res.plan = gdal::display_target(o.plan);  // printed and stored: never a password
  res.projects_source = gdal::display_target(o.projects);
  res.working_crs = o.working_crs;
  res.area = o.area;
  // The bureau's grade weights (or the shipped example) are read first: a bad table is refused
  // before any layer is opened.
  res.weights = GradeWeights::chosen(o.grade_weights);
  const auto& catalogue = layers::Catalogue::embedded();

  gdal::VectorSource plan = gdal::VectorSource::open(o.plan, o.open);
  gdal::VectorSource projects = gdal::VectorSource::open(o.projects, o.open);
  for (const auto& w : plan.warnings()) res.warnings.push_back(w);
  for (const auto& w : projects.warnings()) res.warnings.push_back(w);

  auto plan_table = [&](const std::string& code) -> const gdal::Layer* {
    (void)catalogue.get(code);  // a code the catalogue does not know is refused
    return layers::find_table(plan, code);
  };

  // The projects layer: as named, else the one answering to XMYD, else the only one.
  const gdal::Layer* players = nullptr;
  if (!o.projects_layer.empty()) {
    players = &projects.require_layer(o.projects_layer);
  } else {
    const auto& xmyd = catalogue.get("XMYD");
    for (std::size_t i = 0; i < projects.layer_count() && players == nullptr; ++i)
      if (xmyd.answers_to(projects.layer(i).name())) players = &projects.layer(i);
    if (players == nullptr && projects.layer_count() == 1) players = &projects.layer(0);
    if (players == nullptr)
      throw_bad_input("no projects layer (XMYD or an alias) among several layers; name it with --projects-layer",
                      {o.projects, {}, {}, {}});
  }
  res.projects_layer = players->name();
  (void)players->require_crs();
  players->require_geometry(gdal::GeometryFamily::Polygon);
  // Features the reader cannot trust are skipped and listed (exit 2), or refused under --strict.
  gdal::ReadLog log(o.strict);

  // Fields the rules read from projects: a rule whose fields the projects lack cannot be
  // evaluated (reported, or an error under --strict), like a rule whose plan layer is missing.
  std::vector<std::string> project_fields{"BSM", "XMMC", "XMLX", "PZWH", "XZQDM"};
  std::map<std::string, std::string> missing_field;  // rule id → field
  for (const auto& rule : rules.rules) {
    std::vector<std::string> need;
    if (rule.projects.active() || rule.kind == RuleKind::OverlapNeedsApproval) need.push_back(rule.projects.field);
    if (!rule.project_field.empty()) need.push_back(rule.project_field);
    if (!rule.approval_field.empty()) need.push_back(rule.approval_field);
    for (const auto& f : need) {
      if (!players->field_index(f)) {
        if (o.strict)
          throw_bad_input(fmt::format("{} cannot be evaluated: 项目图层没有字段 {} (--strict)", rule_where(rules, rule),
                                      project_field_zh(f)),
                          {o.projects, players->name(), {}, {}});
        missing_field.emplace(rule.id, f);
      }
      project_fields.push_back(f);
    }
  }

  // Schema first: every plan field the evaluated rules and the occupancy read, all that are
  // missing in one message, before any geometry is read.
  {
    overlay::SchemaCheck schema;
    for (const auto& rule : rules.rules) {
      const gdal::Layer* table = plan_table(rule.layer);
      if (table == nullptr || missing_field.count(rule.id) != 0) continue;
      schema.fields(*table,
                    {rule.label_field, rule.kind == RuleKind::AttributeCapInZone ? rule.zone_field : std::string()},
                    rule_where(rules, rule));
    }
    if (const gdal::Layer* dltb = plan_table("DLTB")) schema.fields(*dltb, {"DLBM"}, "occupancy (压占分析)");
    schema.require();
  }

  // Plan sets: one per (table, filter, buffer, fields) combination, read once.
  Shared shared;
  shared.options = &o;
  shared.projects_file = res.projects_source;
  shared.projects_layer = players->name();
  shared.weights = &res.weights;
  std::map<std::string, std::size_t> set_of;
  for (std::size_t ri = 0; ri < rules.rules.size(); ++ri) {
    const Rule& rule = rules.rules[ri];
    RuleStatus st;
    st.rule = rule;
    RulePlan rp{&rule, ri, std::nullopt, {}};
    const gdal::Layer* table = plan_table(rule.layer);
    if (auto mf = missing_field.find(rule.id); mf != missing_field.end()) {
      st.note = fmt::format("项目图层 {} 没有字段 {}", players->name(), project_field_zh(mf->second));
      st.file = res.projects_source;
    } else if (table == nullptr) {
      const auto& def = catalogue.get(rule.layer);
      st.note = fmt::format("规划数据中没有图层 {}（{}）", rule.layer, def.name_zh);
      st.file = res.plan;
      if (o.strict)
        throw_bad_input(fmt::format("{} cannot be evaluated: {} (--strict)", rule_where(rules, rule), st.note),
                        {o.plan, {}, {}, {}});
    } else {
      st.evaluated = true;
      st.plan_layer = table->name();
      SetRequest req;
      req.where = rule.plan_filter;
      req.distance = rule.kind == RuleKind::Buffer ? rule.distance_m : 0.0;
      req.label_field = rule.label_field;
      req.value_field = rule.kind == RuleKind::AttributeCapInZone ? rule.zone_field : std::string();
      const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", table->name(), req.where, req.distance,
                                          req.label_field, req.value_field);
      auto it = set_of.find(key);
      if (it == set_of.end()) {
        try {
          shared.sets.push_back(read_set(*table, catalogue.get(rule.layer), req, o, log, res.warnings));
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::Internal) throw;
          throw_bad_input(e.reason() + " (for " + rule_where(rules, rule) + ")", e.where());
        }
        it = set_of.emplace(key, shared.sets.size() - 1).first;
      }
      rp.set = it->second;
      // A layer without a feature the rule can use (or whose filter selects none: a zone name
      // spelt otherwise) would pass every project unseen.
      const PlanSet& ps = shared.sets[it->second];
      if (ps.set.size() == 0) {
        st.evaluated = false;
        st.note = rule.plan_filter.empty() ? fmt::format("规划图层 {}（{}）没有可用的面要素", ps.table, ps.name_zh)
                                           : fmt::format("规划图层 {}（{}）中没有满足筛选条件 {} 的要素", ps.table,
                                                         ps.name_zh, rule.plan_filter);
        if (ps.set.dropped() > 0) st.note += fmt::format("（{} 个要素没有面几何）", ps.set.dropped());
        st.file = res.plan;
        rp.set.reset();
        if (o.strict)
          throw_bad_input(fmt::format("{} cannot be evaluated: {} (--strict)", rule_where(rules, rule), st.note),
                          {o.plan, ps.table, {}, {}});
      }
    }
    rp.not_evaluated = st.note;
    res.rules.push_back(std::move(st));
    shared.rules.push_back(rp);
  }
  // Plan features the reader skipped (a coordinate it cannot trust …): a rule read its layer
  // without them, so it is evaluated only in part, on every project it applies to.
  {
    const auto problems = log.problems();
    for (std::size_t ri = 0; ri < res.rules.size(); ++ri) {
      if (!shared.rules[ri].set) continue;
      const gdal::Layer* table = plan_table(res.rules[ri].rule.layer);
      const auto unread = std::count_if(problems.begin(), problems.end(), [&](const gdal::ReadProblem& p) {
        return p.where.file == table->source_path() && p.where.layer == table->name();
      });
      if (unread == 0) continue;
      res.rules[ri].note = fmt::format(
          "规划图层 {} 有 {} 个要素无法读取，已跳过（见 skipped_features），本规则未对其审查", table->name(), unread);
      res.rules[ri].file = res.plan;
      shared.rules[ri].not_evaluated = res.rules[ri].note;
    }
  }
  if (std::none_of(res.rules.begin(), res.rules.end(), [](const RuleStatus& s) { return s.evaluated; })) {
    std::string notes;
    for (const auto& s : res.rules) notes += (notes.empty() ? "" : "; ") + s.rule.id + ": " + s.note;
    throw_bad_input("no rule can be evaluated (" + notes + "); are these the right plan and projects?",
                    {o.plan, {}, {}, {}});
  }
  std::vector<ProjectInput> inputs = read_projects(*players, project_fields, o, log, res);
  if (std::none_of(inputs.begin(), inputs.end(), [](const ProjectInput& in) { return in.evaluate; })) {
    throw_bad_input("no project could be checked: " + why_none(inputs, res),
                    {res.projects_source, players->name(), {}, {}});
  }

  if (const gdal::Layer* dltb = plan_table("DLTB")) {
    SetRequest req;
    req.land_use = true;
    // A plan's DLTB can hold millions of patches while the projects touch a few: read only the
    // patches whose envelopes meet a project's (the GeoPackage's R-tree, PostGIS's GiST answer),
    // projects that overlap merged into one window.
    std::vector<Envelope> envelopes;
    for (const auto& in : inputs)
      if (in.evaluate) envelopes.push_back(Geometry::from_wkb(in.wkb).envelope());
    req.within = overlay::read_windows(std::move(envelopes));
    shared.sets.push_back(read_set(*dltb, catalogue.get("DLTB"), req, o, log, res.warnings));
    shared.dltb = shared.sets.size() - 1;
    res.occupancy_evaluated = true;
    res.occupancy_layer = dltb->name();
  } else {
    res.warnings.push_back("the plan has no DLTB (地类图斑): occupancy (压占分析) not computed");
  }
  if (const gdal::Layer* xzq = plan_table("XZQ")) {
    SetRequest req;
    req.admin = true;
    shared.sets.push_back(read_set(*xzq, catalogue.get("XZQ"), req, o, log, res.warnings));
    shared.xzq = shared.sets.size() - 1;
  }

  // Workers take projects one at a time; each writes only its own result slots.
  res.projects.resize(inputs.size());
  std::vector<std::vector<Violation>> found(inputs.size());
  std::vector<std::size_t> evaluable;
  std::unordered_map<std::int64_t, std::string> skip_reasons;  // fid → why (the last one said)
  for (const auto& s : res.skipped) skip_reasons[s.fid] = s.reason;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].evaluate) {
      evaluable.push_back(i);
    } else {
      const auto why = skip_reasons.find(inputs[i].fid);
      res.projects[i] = skipped_result(inputs[i], why == skip_reasons.end() ? std::string() : why->second);
      res.projects[i].wkb = inputs[i].wkb;
    }
  }
  res.jobs = worker_count(o.jobs, evaluable.size());
  overlay::for_each(
      evaluable.size(), o.jobs, o.area, o.working_crs,
      [&](std::size_t k, overlay::Worker& w) {
        const std::size_t i = evaluable[k];
        try {
          res.projects[i] = Evaluator(shared, w).run(inputs[i], found[i]);
        } catch (const Error& e) {
          // A value no computation can use (a reprojection to longitude/latitude for the
          // 椭球面积 that leaves the CRS's domain): this project is skipped and named, the
          // others are checked.
          if (e.kind() == ErrorKind::Internal) throw;
          found[i].clear();
          res.projects[i] = skipped_result(inputs[i], e.reason());
          log.problem({{res.projects_source, players->name(), inputs[i].fid, std::nullopt}, e.reason()});
        }
        res.projects[i].wkb = std::move(inputs[i].wkb);
      },
      o.progress);

  // Deterministic order: project (fid order of the input), rule order, plan fid.
  for (auto& per_project : found) {
    std::stable_sort(per_project.begin(), per_project.end(), [](const Violation& a, const Violation& b) {
      if (a.rule_index != b.rule_index) return a.rule_index < b.rule_index;
      return a.plan_fid.value_or(-1) < b.plan_fid.value_or(-1);
    });
    for (auto& v : per_project) res.violations.push_back(std::move(v));
  }
  std::size_t evaluated = 0, outside = 0;
  for (const auto& p : res.projects) {
    if (!p.evaluated) continue;
    ++evaluated;
    for (const auto& n : p.not_evaluated) ++res.rules[n.rule_index].projects_not_evaluated;
    for (const auto& [rule, m2] : p.rule_area_m2) {
      for (auto& rs : res.rules) {
        if (rs.rule.id != rule) continue;
        rs.area_m2 += m2;
        ++rs.projects_violating;
      }
    }
    if (p.outside_city) {
      ++outside;
      const Coord c = geos::Geometry::from_wkb(p.wkb).interior_point();
      res.outside_city.push_back({p.fid, p.id, "lies outside the city (no XZQ feature intersects it)", c.x, c.y});
    }
  }
  for (const auto& p : res.projects) {
    if (p.verdict != Verdict::Skipped || p.evaluated || p.skip_reason.empty()) continue;
    if (skip_reasons.count(p.fid) == 0) res.skipped.push_back({p.fid, p.id, p.skip_reason, 0, 0});
  }
  std::stable_sort(res.skipped.begin(), res.skipped.end(),
                   [](const ProjectProblem& a, const ProjectProblem& b) { return a.fid < b.fid; });
  res.read_problems = log.problems();
  for (const auto& w : log.warnings()) res.warnings.push_back(w);
  if (evaluated == 0) {
    throw_bad_input("no project could be checked: " + why_none(inputs, res),
                    {res.projects_source, players->name(), {}, {}});
  }
  if (shared.xzq && evaluated > 0 && outside == evaluated) {
    throw_bad_input(fmt::format("none of the {} projects lies inside the city (XZQ of the plan): wrong CRS, or "
                                "projects of another city? (coordinates are read as {})",
                                evaluated, players->crs() ? players->crs()->label() : std::string("?")),
                    {o.projects, players->name(), {}, {}});
  }
  if (o.strict) {
    // Rules missing for the whole run were refused above; what is left is project by project.
    std::vector<const ProjectResult*> incomplete;
    for (const auto& p : res.projects)
      if (!p.not_evaluated.empty()) incomplete.push_back(&p);
    if (!incomplete.empty()) {
      const ProjectResult& p = *incomplete.front();
      const NotEvaluated& n = p.not_evaluated.front();
      throw_bad_input(fmt::format("project {}: {} cannot be evaluated: {} (--strict){}", p.id,
                                  rule_where(rules, res.rules[n.rule_index].rule), n.reason,
                                  incomplete.size() > 1 ? fmt::format("; {} more projects cannot be checked in full",
                                                                      incomplete.size() - 1)
                                                        : std::string()),
                      {res.projects_source, players->name(), p.fid, {}});
    }
  }
  return res;
}

}  // namespace guotu::check
