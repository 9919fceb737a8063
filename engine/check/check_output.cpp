#include "check/check_output.hpp"

#include <fmt/format.h>

#include "area/measure.hpp"
#include "core/units.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/read_problems_json.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::check {

namespace {

/// What the areas of this run are, in words (metadata, JSON).
std::string area_method(const CheckResult& r) {
  return r.area == area::AreaMode::Planar ? "planar (投影面积 in " + r.working_crs + "; not the official 椭球面积)"
                                          : std::string("ellipsoidal (椭球面积, 国土调查办发〔2008〕32号)");
}

using gdal::FieldType;
using gdal::FieldValue;

FieldValue text(const std::string& s) {
  return s.empty() ? FieldValue{} : FieldValue{s};
}
FieldValue integer(std::int64_t v) {
  return FieldValue{v};
}
FieldValue real(double v) {
  return FieldValue{v};
}

std::string rules_of(const ProjectResult& p) {
  std::string s;
  for (const auto& [rule, m2] : p.rule_area_m2) s += (s.empty() ? "" : ",") + rule;
  return s;
}

double severity_area(const CheckResult& r, const ProjectResult& p, Severity sev) {
  double sum = 0;
  for (const auto& [rule, m2] : p.rule_area_m2) {
    for (const auto& rs : r.rules)
      if (rs.rule.id == rule && rs.rule.severity == sev) sum += m2;
  }
  return sum;
}

double approved_area(const ProjectResult& p) {
  double sum = 0;
  for (const auto& a : p.approved) sum += a.area_m2;
  return sum;
}

const Rule& rule_at(const CheckResult& r, std::size_t i) {
  return r.rules.at(i).rule;
}

const Rule* rule_named(const CheckResult& r, const std::string& id) {
  for (const auto& rs : r.rules)
    if (rs.rule.id == id) return &rs.rule;
  return nullptr;
}

/// A capacity column's title, marked 示例 when the shipped example weights were used.
std::string capacity_title(const CheckResult& r, const std::string& title) {
  return r.weights.example() ? title + "（" + kExampleWeights + "权重）" : title;
}

/// The rules not evaluated on a project and why, as one line: "R-A：why；R-B：why".
std::string not_evaluated_text(const ProjectResult& p) {
  std::string s;
  for (const auto& n : p.not_evaluated) s += (s.empty() ? "" : "；") + n.rule + "：" + n.reason;
  return s;
}

/// True when a project's reason for a rule is only the rule's own (the plan lacks its layer …),
/// said once for the run rather than once per project.
bool run_wide(const CheckResult& r, const NotEvaluated& n) {
  return n.reason == r.rules.at(n.rule_index).note;
}

constexpr Verdict kVerdictOrder[] = {Verdict::Forbidden, Verdict::Incomplete, Verdict::NeedsApproval,
                                     Verdict::Notice,    Verdict::Passed,     Verdict::Skipped};

}  // namespace

void write_geopackage(const CheckResult& r, const std::string& path, bool overwrite,
                      const std::map<std::string, std::string>& metadata, const std::string& timestamp,
                      OutputSet* outputs) {
  gdal::WriterOptions wo;
  wo.outputs = outputs;
  wo.overwrite = overwrite;
  wo.metadata = metadata;
  wo.metadata["GUOTU_RULES"] = r.rules_file;
  wo.metadata["GUOTU_PLAN"] = r.plan;
  wo.metadata["GUOTU_PROJECTS"] = r.projects_source + " (layer " + r.projects_layer + ")";
  wo.metadata["GUOTU_AREA_METHOD"] = area_method(r);
  wo.metadata["GUOTU_GRADE_WEIGHTS"] = r.weights.basis() + " (" + r.weights.source() + ")";
  wo.timestamp = timestamp;
  gdal::OutputWriter w(path, wo);

  gdal::LayerSpec vs;
  vs.name = "violations";
  vs.title = "规划审查违规图斑";
  vs.description = "Overlap pieces of construction projects that break a plan rule (guotu check)";
  vs.geometry = gdal::GeometryKind::MultiPolygon;
  vs.crs = r.working_crs;
  vs.fields = {{"project", FieldType::String, 0, "项目标识", false},
               {"project_fid", FieldType::Integer64, 0, "项目要素号", false},
               {"project_name", FieldType::String, 0, "项目名称", false},
               {"rule", FieldType::String, 0, "规则编号", false},
               {"rule_name", FieldType::String, 0, "规则名称", false},
               {"kind", FieldType::String, 0, "规则类型", false},
               {"severity", FieldType::String, 0, "严重程度", false},
               {"area_m2", FieldType::Real, 0, "面积(平方米)", false},
               {"area_mu", FieldType::Real, 0, "面积(亩)", false},
               {"plan_layer", FieldType::String, 0, "规划图层", false},
               {"plan_fid", FieldType::Integer64, 0, "规划要素号", false},
               {"plan_feature", FieldType::String, 0, "规划要素", false},
               {"reason", FieldType::String, 0, "原因", false},
               {"source", FieldType::String, 0, "依据", false}};
  vs.style_qml = layers::result_style("violations");
  const auto vl = w.create_layer(vs);

  gdal::LayerSpec ps;
  ps.name = "projects";
  ps.title = "建设项目审查结论";
  ps.description =
      "Each project with its verdict (禁止/未完整审查/需审批/提示/通过/跳过), the rules not evaluated on it and why, "
      "and totals (guotu check)";
  ps.geometry = gdal::GeometryKind::MultiPolygon;
  ps.crs = r.working_crs;
  ps.fields = {{"project", FieldType::String, 0, "项目标识", false},
               {"project_fid", FieldType::Integer64, 0, "项目要素号", false},
               {"name", FieldType::String, 0, "项目名称", false},
               {"type", FieldType::String, 0, "项目类型", false},
               {"approval", FieldType::String, 0, "批准文号", false},
               {"county", FieldType::String, 0, "行政区代码", false},
               {"verdict", FieldType::String, 0, "审查结论", false},
               {"rules", FieldType::String, 0, "违反规则", false},
               {"forbidden_m2", FieldType::Real, 0, "禁止面积(平方米)", false},
               {"needs_approval_m2", FieldType::Real, 0, "需审批面积(平方米)", false},
               {"notice_m2", FieldType::Real, 0, "提示面积(平方米)", false},
               {"approved_m2", FieldType::Real, 0, "经批准占用面积(平方米)", false},
               {"area_m2", FieldType::Real, 0, "项目面积(平方米)", false},
               {"area_mu", FieldType::Real, 0, "项目面积(亩)", false},
               {"cultivated_net_m2", FieldType::Real, 0, "占用耕地净面积(平方米)", false},
               {"cultivated_net_mu", FieldType::Real, 0, "占用耕地净面积(亩)", false},
               {"capacity_std_m2", FieldType::Real, 0, capacity_title(r, "折标准等别面积(平方米)"), false},
               {"repaired", FieldType::Integer, 0, "几何已修复", false},
               {"outside_city", FieldType::Integer, 0, "位于市域外", false},
               {"not_evaluated", FieldType::String, 0, "未审查规则及原因", false},
               {"note", FieldType::String, 0, "说明", false}};
  ps.style_qml = layers::result_style("projects");
  const auto pl = w.create_layer(ps);

  gdal::LayerSpec os;
  os.name = "occupancy";
  os.title = "建设项目压占分析";
  os.description = "Land each project takes by 三调 DLBM and 耕地等别; 耕地 net of 田坎 (guotu check)";
  if (r.weights.example())
    os.description += "; grade weights and capacity from the shipped example table (示例), not the bureau's";
  os.geometry = gdal::GeometryKind::None;
  os.fields = {{"project", FieldType::String, 0, "项目标识", false},
               {"project_fid", FieldType::Integer64, 0, "项目要素号", false},
               {"county", FieldType::String, 0, "行政区代码", false},
               {"dlbm", FieldType::String, 0, "地类编码", false},
               {"dlmc", FieldType::String, 0, "地类名称", false},
               {"cultivated", FieldType::Integer, 0, "是否耕地", false},
               {"gddb", FieldType::Integer, 0, "耕地等别", false},
               {"gross_m2", FieldType::Real, 0, "毛面积(平方米)", false},
               {"ridge_m2", FieldType::Real, 0, "扣除田坎(平方米)", false},
               {"net_m2", FieldType::Real, 0, "地类面积(平方米)", false},
               {"net_mu", FieldType::Real, 0, "地类面积(亩)", false},
               {"grade_weight", FieldType::Real, 0, capacity_title(r, "等别折算系数"), false},
               {"capacity_std_m2", FieldType::Real, 0, capacity_title(r, "折标准等别面积(平方米)"), false}};
  const auto ol = w.create_layer(os);

  gdal::LayerSpec ns;
  ns.name = "not_evaluated";
  ns.title = "未审查规则";
  // The files (the plan, the projects) are the metadata's GUOTU_PLAN and GUOTU_PROJECTS; each
  // reason says which of them lacks what.
  ns.description =
      "Rules guotu check could not evaluate, and why: for the whole run (project empty) and on each project, whose "
      "verdict is then 未完整审查 unless 禁止";
  ns.geometry = gdal::GeometryKind::None;
  ns.fields = {{"project", FieldType::String, 0, "项目标识", false},
               {"project_fid", FieldType::Integer64, 0, "项目要素号", false},
               {"verdict", FieldType::String, 0, "审查结论", false},
               {"rule", FieldType::String, 0, "规则编号", false},
               {"rule_name", FieldType::String, 0, "规则名称", false},
               {"plan_layer", FieldType::String, 0, "规划图层", false},
               {"reason", FieldType::String, 0, "未审查原因", false}};
  const auto nl = w.create_layer(ns);
  for (const auto& rs : r.rules) {
    if (rs.note.empty()) continue;
    w.add(nl, {FieldValue{}, FieldValue{}, FieldValue{}, text(rs.rule.id), text(rs.rule.name_zh), text(rs.rule.layer),
               text(rs.note)});
  }

  for (const auto& v : r.violations) {
    const Rule& rule = rule_at(r, v.rule_index);
    const geos::Geometry g = geos::Geometry::from_wkb(v.wkb);
    w.add(vl,
          {text(v.project), integer(v.project_fid), text(v.project_name), text(v.rule), text(rule.name_zh),
           text(to_string(rule.kind)), text(to_string(v.severity)), real(v.area_m2), real(units::to_mu(v.area_m2)),
           text(v.plan_layer), v.plan_fid ? integer(*v.plan_fid) : FieldValue{}, text(v.plan_feature), text(v.reason),
           text(rule.source)},
          &g);
  }
  for (const auto& p : r.projects) {
    geos::Geometry g;
    if (!p.wkb.empty()) g = geos::Geometry::from_wkb(p.wkb);
    const bool occ = p.occupancy.evaluated;
    w.add(pl,
          {text(p.id),
           integer(p.fid),
           text(p.name),
           text(p.type),
           text(p.approval),
           text(p.county),
           text(to_string(p.verdict)),
           text(rules_of(p)),
           p.evaluated ? real(severity_area(r, p, Severity::Forbidden)) : FieldValue{},
           p.evaluated ? real(severity_area(r, p, Severity::NeedsApproval)) : FieldValue{},
           p.evaluated ? real(severity_area(r, p, Severity::Notice)) : FieldValue{},
           p.evaluated ? real(approved_area(p)) : FieldValue{},
           p.evaluated ? real(p.area_m2) : FieldValue{},
           p.evaluated ? real(units::to_mu(p.area_m2)) : FieldValue{},
           occ ? real(p.occupancy.cultivated_net_m2) : FieldValue{},
           occ ? real(units::to_mu(p.occupancy.cultivated_net_m2)) : FieldValue{},
           occ ? real(p.occupancy.capacity_std_m2) : FieldValue{},
           integer(p.repaired ? 1 : 0),
           integer(p.outside_city ? 1 : 0),
           text(not_evaluated_text(p)),
           text(p.skip_reason)},
          g ? &g : nullptr);
    for (const auto& n : p.not_evaluated) {
      const Rule& rule = rule_at(r, n.rule_index);
      w.add(nl, {text(p.id), integer(p.fid), text(to_string(p.verdict)), text(n.rule), text(rule.name_zh),
                 text(rule.layer), text(n.reason)});
    }
    for (const auto& row : p.occupancy.rows) {
      const std::optional<double> found = row.cultivated && row.gddb ? r.weights.weight(*row.gddb) : std::nullopt;
      const FieldValue weight = found ? real(found.value()) : FieldValue{};
      const FieldValue capacity = found ? real(row.net_m2 * found.value()) : FieldValue{};
      w.add(ol, {text(p.id), integer(p.fid), text(p.county), text(row.dlbm), text(row.dlmc),
                 integer(row.cultivated ? 1 : 0), row.gddb ? integer(*row.gddb) : FieldValue{}, real(row.gross_m2),
                 real(row.ridge_m2), real(row.net_m2), real(units::to_mu(row.net_m2)), weight, capacity});
    }
  }
  w.commit();
}

nlohmann::json to_json(const CheckResult& r) {
  using nlohmann::json;
  json j;
  j["projects"] = r.projects.size();
  std::size_t evaluated = 0;
  for (const auto& p : r.projects) evaluated += p.evaluated ? 1 : 0;
  j["projects_evaluated"] = evaluated;
  j["complete"] = r.complete();
  json counts = json::object();
  for (Verdict v : kVerdictOrder) counts[to_string(v)] = r.count(v);
  j["verdict_counts"] = std::move(counts);
  json vio = json::array();
  for (const auto& v : r.violations) {
    const Rule& rule = rule_at(r, v.rule_index);
    vio.push_back({{"project", v.project},
                   {"project_fid", v.project_fid},
                   {"rule", v.rule},
                   {"rule_name", rule.name_zh},
                   {"kind", to_string(rule.kind)},
                   {"severity", to_string(v.severity)},
                   {"area_m2", v.area_m2},
                   {"area_mu", units::to_mu(v.area_m2)},
                   {"plan_layer", v.plan_layer},
                   {"plan_fid", v.plan_fid ? json(*v.plan_fid) : json(nullptr)},
                   {"plan_feature", v.plan_feature},
                   {"reason", v.reason}});
  }
  j["violations"] = std::move(vio);
  json totals = json::object();
  for (const auto& [rule, m2] : r.totals()) totals[rule] = m2;
  j["totals"] = std::move(totals);
  json verdicts = json::array();
  json approved = json::array();
  for (const auto& p : r.projects) {
    json rules = json::object();
    for (const auto& [rule, m2] : p.rule_area_m2) rules[rule] = m2;
    json ne = json::array();
    for (const auto& n : p.not_evaluated) ne.push_back({{"rule", n.rule}, {"reason", n.reason}});
    json pj{{"project", p.id},
            {"fid", p.fid},
            {"verdict", to_string(p.verdict)},
            {"rules", std::move(rules)},
            {"not_evaluated", std::move(ne)}};
    if (p.evaluated) pj["area_m2"] = p.area_m2;
    if (p.repaired) pj["repaired"] = true;
    if (!p.skip_reason.empty()) pj["reason"] = p.skip_reason;
    verdicts.push_back(std::move(pj));
    for (const auto& a : p.approved)
      approved.push_back({{"project", p.id}, {"rule", a.rule}, {"area_m2", a.area_m2}, {"approval", a.approval}});
  }
  j["verdicts"] = std::move(verdicts);
  j["approved"] = std::move(approved);
  json rules = json::array();
  json not_evaluated = json::array();
  for (const auto& rs : r.rules) {
    rules.push_back({{"id", rs.rule.id},
                     {"name_zh", rs.rule.name_zh},
                     {"kind", to_string(rs.rule.kind)},
                     {"severity", to_string(rs.rule.severity)},
                     {"evaluated", rs.evaluated},
                     {"plan_layer", rs.plan_layer},
                     {"projects_violating", rs.projects_violating},
                     {"projects_not_evaluated", rs.projects_not_evaluated},
                     {"area_m2", rs.area_m2}});
    // The whole run: the plan (or the projects) lacks what the rule needs; `partial` when the
    // rule was evaluated without some plan features the reader could not use.
    if (!rs.note.empty())
      not_evaluated.push_back({{"rule", rs.rule.id},
                               {"rule_name", rs.rule.name_zh},
                               {"layer", rs.rule.layer},
                               {"file", rs.file},
                               {"project", nullptr},
                               {"fid", nullptr},
                               {"partial", rs.evaluated},
                               {"projects", rs.projects_not_evaluated},
                               {"reason", rs.note}});
  }
  // Project by project: what only that project lacks (a value, its place inside the city).
  for (const auto& p : r.projects) {
    for (const auto& n : p.not_evaluated) {
      if (run_wide(r, n)) continue;
      not_evaluated.push_back({{"rule", n.rule},
                               {"rule_name", rule_at(r, n.rule_index).name_zh},
                               {"layer", r.projects_layer},
                               {"file", r.projects_source},
                               {"project", p.id},
                               {"fid", p.fid},
                               {"partial", false},
                               {"projects", 1},
                               {"reason", n.reason}});
    }
  }
  j["rules"] = std::move(rules);
  j["not_evaluated"] = std::move(not_evaluated);
  auto problems = [](const std::vector<ProjectProblem>& list) {
    json a = json::array();
    for (const auto& p : list)
      a.push_back({{"fid", p.fid}, {"project", p.project}, {"reason", p.reason}, {"x", p.x}, {"y", p.y}});
    return a;
  };
  j["invalid_projects"] = problems(r.invalid_projects);
  j["skipped"] = problems(r.skipped);
  j["outside_city"] = problems(r.outside_city);
  j["skipped_features"] = gdal::skipped_features_json(r.read_problems);
  j["warnings"] = r.warnings;
  j["occupancy"] = occupancy_json(r)["occupations"];
  j["rules_file"] = r.rules_file;
  j["crs"] = r.working_crs;
  j["area"] = area::to_string(r.area);
  j["area_method"] = area_method(r);
  j["capacity_basis"] = r.weights.basis();
  return j;
}

nlohmann::json occupancy_json(const CheckResult& r) {
  using nlohmann::json;
  json occ = json::array();
  const auto& classes = layers::LandClasses::embedded();
  for (const auto& p : r.projects) {
    if (!p.occupancy.evaluated) continue;
    const Occupancy& o = p.occupancy;
    json grades = json::array();
    for (const auto& [g, m2] : o.cultivated_by_grade_m2)
      grades.push_back({{"grade", g},
                        {"area_m2", m2},
                        {"area_mu", units::to_mu(m2)},
                        {"weight", r.weights.weight(g).value_or(0.0)}});
    json by_class = json::object();
    for (const auto& [cls, m2] : o.by_class_m2)
      by_class[cls] = {{"name_zh", classes.chinese_name(cls)}, {"area_m2", m2}};
    json by_dlbm = json::object();
    for (const auto& [code, m2] : o.by_dlbm_m2) by_dlbm[code] = m2;
    // The verdict and the rules behind it (their sources under "rules"): the ledger books only
    // lawful occupations.
    json violations = json::array();
    for (const auto& [rule, m2] : p.rule_area_m2) {
      const Rule* found = rule_named(r, rule);
      violations.push_back({{"rule", rule},
                            {"name_zh", found != nullptr ? found->name_zh : std::string()},
                            {"severity", found != nullptr ? to_string(found->severity) : ""},
                            {"area_m2", m2}});
    }
    json ne = json::array();
    for (const auto& n : p.not_evaluated) ne.push_back({{"rule", n.rule}, {"reason", n.reason}});
    occ.push_back({{"project", p.id},
                   {"fid", p.fid},
                   {"name", p.name},
                   {"verdict", to_string(p.verdict)},
                   {"not_evaluated", std::move(ne)},
                   {"county", p.county},
                   {"approval", p.approval},
                   {"violations", std::move(violations)},
                   {"date", ""},
                   {"cultivated_gross_m2", o.cultivated_gross_m2},
                   {"ridge_m2", o.cultivated_ridge_m2},
                   {"cultivated_net_m2", o.cultivated_net_m2},
                   {"cultivated_net_mu", units::to_mu(o.cultivated_net_m2)},
                   {"by_grade", std::move(grades)},
                   {"ungraded_m2", o.cultivated_ungraded_m2},
                   {"capacity_std_m2", o.capacity_std_m2},
                   {"capacity_std_mu", units::to_mu(o.capacity_std_m2)},
                   {"by_class", std::move(by_class)},
                   {"by_dlbm", std::move(by_dlbm)}});
  }
  json weights = json::object();
  for (const auto& [g, w] : r.weights.weights()) weights[std::to_string(g)] = w;
  json not_evaluated = json::array();
  json rules = json::object();
  for (const auto& rs : r.rules) {
    rules[rs.rule.id] = {
        {"name_zh", rs.rule.name_zh}, {"severity", to_string(rs.rule.severity)}, {"source", rs.rule.source}};
    if (!rs.evaluated)
      not_evaluated.push_back(
          {{"rule", rs.rule.id}, {"name_zh", rs.rule.name_zh}, {"layer", rs.rule.layer}, {"reason", rs.note}});
  }
  return {{"format", "guotu-occupancy"},
          {"version", 2},
          {"crs", r.working_crs},
          {"area", area::to_string(r.area)},
          {"area_method", area_method(r)},
          {"plan", r.plan},
          {"dltb_layer", r.occupancy_layer},
          {"grade_weights",
           {{"source", r.weights.source()}, {"example", r.weights.example()}, {"weights", std::move(weights)}}},
          {"capacity_basis", r.weights.basis()},
          {"rules", std::move(rules)},
          {"rules_not_evaluated", std::move(not_evaluated)},
          {"occupations", std::move(occ)}};
}

std::string human_summary(const CheckResult& r) {
  std::string s;
  const std::size_t skipped = r.count(Verdict::Skipped);
  s += fmt::format("guotu check: {} projects ({} evaluated, {} skipped), rules {}, {} thread(s)\n", r.projects.size(),
                   r.projects.size() - skipped, skipped, r.rules_file, r.jobs);
  s += fmt::format("\n{:<22} {:<24} {:<8} {:>8} {:>14} {:>12}\n", "rule", "kind", "severity", "projects", "area m²",
                   "亩");
  for (const auto& rs : r.rules) {
    if (!rs.evaluated) {
      s += fmt::format("{:<22} {:<24} {:<8} 未审查：{}\n", rs.rule.id, to_string(rs.rule.kind),
                       to_string(rs.rule.severity), rs.note);
      continue;
    }
    s += fmt::format("{:<22} {:<24} {:<8} {:>8} {:>14.2f} {:>12.2f}\n", rs.rule.id, to_string(rs.rule.kind),
                     to_string(rs.rule.severity), rs.projects_violating, rs.area_m2, units::to_mu(rs.area_m2));
    if (!rs.note.empty()) s += fmt::format("{:<22} 部分未审查：{}\n", "", rs.note);
    if (rs.projects_not_evaluated > 0)
      s += fmt::format("{:<22} 在 {} 个项目上未审查（见下）\n", "", rs.projects_not_evaluated);
  }
  s += "\nverdicts:";
  for (Verdict v : kVerdictOrder)
    s += fmt::format("{} {} {}", v == kVerdictOrder[0] ? "" : ",", to_string(v), r.count(v));
  s += "\n";
  if (r.occupancy_evaluated) {
    double net = 0, cap = 0;
    for (const auto& p : r.projects) {
      net += p.occupancy.cultivated_net_m2;
      cap += p.occupancy.capacity_std_m2;
    }
    s += fmt::format(
        "占用耕地 (net of 田坎): {:.2f} m² = {:.2f} 亩; 占补平衡 capacity (grade-weighted): {:.2f} m² = {:.2f} 亩{}\n",
        net, units::to_mu(net), cap, units::to_mu(cap),
        r.weights.example() ? fmt::format(" （{}：随附的示例等别权重，不是本局的权重表；正式数字请用 --grade-weights "
                                          "FILE 给出本局的表）",
                                          kExampleWeights)
                            : fmt::format(" （{}）", r.weights.basis()));
  }
  // Lists are capped so a year's worth of projects does not flood the terminal; the
  // GeoPackage and --json carry them all.
  constexpr std::size_t kMaxLines = 20;
  auto capped = [&s](std::vector<std::string> lines) {
    for (std::size_t i = 0; i < lines.size() && i < kMaxLines; ++i) s += lines[i];
    if (lines.size() > kMaxLines)
      s += fmt::format("  … and {} more (see the GeoPackage or --json)\n", lines.size() - kMaxLines);
  };
  std::vector<std::string> lines;
  for (const auto& p : r.projects)
    for (const auto& a : p.approved)
      lines.push_back(fmt::format("approved: project {} occupies {:.2f} m² under rule {} with approval {}\n", p.id,
                                  a.area_m2, a.rule, a.approval));
  capped(std::move(lines));
  lines.clear();
  for (const auto& p : r.invalid_projects)
    lines.push_back(fmt::format("invalid geometry: project {} (fid {}): {} at ({:.3f} {:.3f})\n", p.project, p.fid,
                                p.reason, p.x, p.y));
  capped(std::move(lines));
  lines.clear();
  for (const auto& p : r.skipped)
    lines.push_back(fmt::format("skipped: project {} (fid {}): {}\n", p.project, p.fid, p.reason));
  capped(std::move(lines));
  lines.clear();
  for (const auto& p : r.outside_city)
    lines.push_back(fmt::format("warning: project {} (fid {}) {}\n", p.project, p.fid, p.reason));
  capped(std::move(lines));
  // What was not evaluated: each rule the run could not judge, once, with the source that lacks
  // what it needs and how many projects it leaves unjudged; then each project that lacks
  // something itself (a value, its place inside the city), with file, layer and fid. Every
  // project's full list is in the GeoPackage (projects.not_evaluated, table not_evaluated) and
  // the JSON (verdicts[].not_evaluated).
  bool header = false;
  for (const auto& rs : r.rules) {
    if (rs.note.empty()) continue;
    if (!header) s += "\n未审查的规则:\n";
    header = true;
    s += fmt::format("  {} {}：{}：{}（{} 个项目未审查此规则）\n", rs.rule.id, rs.rule.name_zh, rs.file, rs.note,
                     rs.projects_not_evaluated);
  }
  lines.clear();
  for (const auto& p : r.projects) {
    std::string why;
    for (const auto& n : p.not_evaluated)
      if (!run_wide(r, n)) why += (why.empty() ? "" : "；") + n.rule + "：" + n.reason;
    if (!why.empty())
      lines.push_back(fmt::format("  {}, layer {}, fid {} ({}) {}：{}\n", r.projects_source, r.projects_layer, p.fid,
                                  p.id, to_string(p.verdict), why));
  }
  if (!lines.empty()) s += fmt::format("\n项目缺少数据而未审查的规则 ({} 个项目):\n", lines.size());
  capped(std::move(lines));
  for (const auto& w : r.warnings) s += "warning: " + w + "\n";
  return s;
}

}  // namespace guotu::check
