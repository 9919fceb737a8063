// guotu report --plan PLAN --out DIR: land indicators per city, county, town or any polygon layer
// against their targets (thin over engine/report).
#include <algorithm>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "area/measure.hpp"
#include "command.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "gdal/read_problems_json.hpp"
#include "report/report.hpp"
#include "report/target_table.hpp"
#include "report/writers.hpp"

namespace guotu::cli {

namespace {

struct ReportArgs {
  std::string plan, out, population, targets_template;
  std::vector<std::string> targets, by, vintages, indicators, inputs, classes_within;
  std::string area = "ellipsoidal";
  std::optional<int> year;
  std::string crs, encoding, assume_crs;
  unsigned jobs = 0;
  bool overwrite = false, json = false;
};

nlohmann::json number_or_null(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const report::ReportResult& r, const report::OutputFiles& files) {
  using namespace report;
  nlohmann::json units = nlohmann::json::array();
  for (const auto& ur : r.results) {
    const ReportUnit& u = r.unit_of(ur);
    nlohmann::json ind = nlohmann::json::object();
    for (const auto& o : ur.outcomes) {
      nlohmann::json j{{"name", o.indicator->name},
                       {"value", number_or_null(o.value.value)},
                       {"unit", unit_symbol(o.indicator->unit)},
                       {"target", o.target ? number_or_null(o.target->value) : nlohmann::json(nullptr)},
                       {"pass", o.status == Status::Pass   ? nlohmann::json(true)
                                : o.status == Status::Fail ? nlohmann::json(false)
                                                           : nlohmann::json(nullptr)},
                       {"status", status_name(o.status)}};
      if (o.target) {
        j["comparator"] = comparator_symbol(o.target->comparator);
        j["attribute"] = o.target->attribute == Attribute::Binding ? "binding" : "expected";
        j["provincial_quota"] = o.target->provincial_quota;
        j["target_source"] = target_source(o);
        j["target_file"] = target_origin(o);  // file:line and the research reference: the JSON only
        if (!o.target->seed_ref.empty()) j["target_seed_ref"] = o.target->seed_ref;
        if (!o.target->reference.empty()) j["target_reference"] = o.target->reference;
      }
      if (!o.value.why.empty()) j["why"] = o.value.why;
      ind[o.indicator->id] = std::move(j);
    }
    nlohmann::json measures = nlohmann::json::object();
    for (const auto& [k, v] : ur.measures) measures[k] = number_or_null(v);
    units.push_back({{"code", u.code},
                     {"name", u.name},
                     {"level", r.levels[ur.level].name},
                     {"vintage", r.vintages[ur.vintage]},
                     {"parent", u.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.parent)},
                     {"area_m2", u.area_m2},
                     {"measures_m2", measures},
                     {"indicators", ind}});
  }
  nlohmann::json levels = nlohmann::json::array();
  for (const auto& l : r.levels)
    levels.push_back({{"name", l.name},
                      {"title", l.title},
                      {"layer", l.layer},
                      {"units", l.units.size()},
                      {"assignment", assignment_name(l.assignment)}});
  // 三线内现状地类统计: one record per vintage, unit, control line and land class.
  nlohmann::json within = nlohmann::json::array();
  for (const auto& c : r.classes_within) {
    const ReportUnit& u = r.levels[c.level].units[c.unit];
    within.push_back({{"vintage", r.vintages[c.vintage]},
                      {"level", r.levels[c.level].name},
                      {"unit", u.code},
                      {"unit_name", u.name},
                      {"layer", c.layer},
                      {"dlbm", c.dlbm},
                      {"area_m2", c.area_m2},
                      {"area_mu", units::to_mu(c.area_m2)}});
  }
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [s, n] : r.status_counts()) counts[status_name(s)] = n;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, p] : files) out[k] = p.string();
  std::vector<std::string> tfiles, ifiles;
  for (const auto& f : r.target_files) tfiles.push_back(f.string());
  for (const auto& f : r.indicator_files) ifiles.push_back(f.string());
  nlohmann::json defs = nlohmann::json::object();
  for (const auto& d : r.indicators.indicators())
    defs[d.id] = {{"name", d.name},
                  {"unit", unit_symbol(d.unit)},
                  {"source", d.source},
                  {"file", fmt::format("{}:{}", std::filesystem::path(d.file).filename().string(), d.line)},
                  {"seed_ref", d.seed_ref}};
  return {{"plan", r.plan},
          {"year", r.year},
          {"synthetic", r.synthetic},
          {"indicators", defs},
          {"crs", r.crs},
          {"area", area::to_string(r.area)},
          {"vintages", r.vintages},
          {"classes_within", within},
          {"patches", r.patches},
          {"levels", levels},
          {"units", units},
          {"counts", counts},
          {"outputs", out},
          {"indicator_files", ifiles},
          {"target_files", tfiles},
          {"skipped_features", gdal::skipped_features_json(r.read_problems)},
          {"warnings", r.warnings}};
}

// What the report and the template share: the plan, its levels, the definitions and targets.
report::ReportOptions options_of(const ReportArgs& a) {
  report::ReportOptions o;
  o.plan = a.plan;
  o.open.encoding = a.encoding;
  o.open.assume_crs = a.assume_crs;
  o.by = a.by;
  for (const auto& f : a.indicators) o.indicator_files.emplace_back(f);
  for (const auto& f : a.targets) o.target_files.emplace_back(f);
  o.year = a.year;
  o.crs = a.crs;
  o.area = area::parse_area_mode(a.area);
  o.jobs = a.jobs;
  return o;
}

// --targets-template FILE: the table a planner fills in, for the units of this plan.
int run_template(const ReportArgs& a) {
  if (!a.out.empty())
    throw Error(ErrorKind::Usage,
                "--targets-template writes the template only: run without --out, then fill it in "
                "and give it to --targets");
  OutputGuard guard;
  guard.input(a.plan, "--plan");
  for (const auto& f : a.targets) guard.input(f, "--targets");
  for (const auto& f : a.indicators) guard.input(f, "--indicators");
  guard.output(a.targets_template, "--targets-template");
  guard_outputs(guard, a.overwrite);
  const report::ReportOptions o = options_of(a);
  OutputSet outputs;
  const report::TemplateSummary s = report::write_targets_template(o, a.targets_template, a.overwrite, &outputs);
  std::string text;
  if (a.json) {
    text = json_text(nlohmann::json{{"template", s.file.string()},
                                    {"year", s.year},
                                    {"levels", s.levels},
                                    {"units", s.units},
                                    {"rows", s.rows},
                                    {"provincial_quotas_open", s.quotas},
                                    {"rows_with_target", s.targets},
                                    {"columns", report::target_table_columns()}}) +
           "\n";
  } else {
    std::string levels;
    for (const auto& l : s.levels) levels += (levels.empty() ? "" : "、") + l;
    text = fmt::format(
        "目标模板：{} 年，{}共 {} 个单元，{} 行（其中 {} 行已有目标，{} 行为待填的省下达任务）\n  已写出 {}\n"
        "  填写 目标值、比较、属性、来源 后：guotu report --plan … --out … --targets {}\n",
        s.year, levels, s.units, s.rows, s.targets, s.quotas, s.file.string(), s.file.string());
  }
  outputs.commit();
  fmt::print(a.json ? stdout : stderr, "{}", text);
  return 0;
}

int run(const ReportArgs& a) {
  if (!a.targets_template.empty()) return run_template(a);
  if (a.out.empty()) throw Error(ErrorKind::Usage, "--out is required (or --targets-template FILE)");
  // Before any work: the folder may be written and holds no input (it is replaced whole).
  OutputGuard guard;
  guard.input(a.plan, "--plan").input(a.population, "--population");
  for (const auto& f : a.targets) guard.input(f, "--targets");
  for (const auto& f : a.indicators) guard.input(f, "--indicators");
  for (const auto& kv : a.inputs)
    if (const auto eq = kv.find('='); eq != std::string::npos) guard.input(kv.substr(eq + 1), "--input");
  guard.output_directory(a.out, "--out");
  guard_outputs(guard, a.overwrite);
  report::ReportOptions o = options_of(a);
  o.vintages = a.vintages;
  for (const auto& list : a.classes_within) {
    // Comma-separated or repeated: --classes-within YJJBNT,STBHHX --classes-within CZKFBJ
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto comma = list.find(',', start);
      const std::string layer = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (layer.empty()) throw Error(ErrorKind::Usage, "--classes-within takes layer names, not '" + list + "'");
      if (std::find(o.classes_within.begin(), o.classes_within.end(), layer) == o.classes_within.end())
        o.classes_within.push_back(layer);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (!a.population.empty()) o.inputs["population"] = a.population;
  for (const auto& kv : a.inputs) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) throw Error(ErrorKind::Usage, "--input takes NAME=FILE, not '" + kv + "'");
    o.inputs[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  auto progress = std::make_shared<std::unique_ptr<Progress>>();
  std::string stage;
  o.progress = [&, progress](const std::string& s, std::int64_t done, std::int64_t total) {
    if (s != stage || !*progress) {
      if (*progress) (*progress)->finish();
      *progress = std::make_unique<Progress>(s, true);
      stage = s;
    }
    (*progress)->update(done, total);
  };
  const report::ReportResult r = report::compute_report(o);
  if (*progress) (*progress)->finish();
  report::OutputOptions out;
  out.dir = a.out;
  out.overwrite = a.overwrite;
  out.metadata = run_metadata();
  OutputSet outputs;
  out.outputs = &outputs;
  const report::OutputFiles files = report::write_report(r, out);

  const auto counts = r.status_counts();
  auto count = [&](report::Status s) { return counts.count(s) ? counts.at(s) : std::size_t{0}; };
  // Exit 1 when a binding (约束性) target is not met.
  bool binding_failed = false;
  for (const auto& ur : r.results)
    for (const auto& oc : ur.outcomes)
      binding_failed = binding_failed || (oc.status == report::Status::Fail && oc.target &&
                                          oc.target->attribute == report::Attribute::Binding);
  std::string text;
  auto to = std::back_inserter(text);
  if (a.json) {
    text = json_text(to_json(r, files)) + "\n";
  } else {
    std::size_t units = 0;
    for (const auto& l : r.levels) units += l.units.size();
    if (r.synthetic) fmt::format_to(to, "{}\n", report::kSyntheticBanner);
    fmt::format_to(to, "指标报告：{} 个层级共 {} 个单元 × {} 个现状图层，{} 项指标，{} 年目标\n", r.levels.size(),
                   units, r.vintages.size(), r.indicators.indicators().size(), r.year);
    fmt::format_to(to, "  达标 {}，未达标 {}，缺目标 {}，无输入 {}，不可计算 {}，无数据 {}\n",
                   count(report::Status::Pass), count(report::Status::Fail), count(report::Status::MissingTarget),
                   count(report::Status::NoInput), count(report::Status::NotComputable), count(report::Status::NoData));
    for (const auto& w : r.warnings) fmt::format_to(to, "  注意：{}\n", w);
    for (const auto& [k, p] : files) fmt::format_to(to, "  已写出 {}\n", p.string());
  }
  outputs.commit();
  fmt::print(a.json ? stdout : stderr, "{}", text);
  return finish_with_skipped(r.read_problems, binding_failed ? 1 : 0);
}

}  // namespace

void register_report(CLI::App& app, CommandMain& selected) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Land indicators (国土开发强度, 耕地保有量, 永久基本农田, 生态保护红线, 自然保护地, 森林覆盖率, 湿地, "
      "建设用地 …) for the city, its counties and towns or any polygon layer, for one or more survey "
      "vintages, judged against targets; writes report.gpkg (QGIS choropleths), indicators.csv (UTF-8 "
      "with BOM), report.xlsx and a self-contained report.html into DIR. Areas are 椭球面积 unless --area planar. Exit "
      "1 when "
      "a binding (约束性) target is not met.");
  cmd->add_option("--plan", a->plan, "plan database (GeoPackage, folder of Shapefiles, PG:…) with XZQ, DLTB …")
      ->required();
  cmd->add_option("--out", a->out,
                  "output directory (must not exist unless --overwrite), or a PostGIS target PG:… (tables only); "
                  "required unless --targets-template");
  cmd->add_option("--targets-template", a->targets_template,
                  "write FILE (.xlsx or .csv) instead of a report: one row per indicator and unit of this plan's "
                  "levels for the year, with the targets that apply now, for a planner to fill in (provincial "
                  "quotas, county and town targets) and give back with --targets FILE");
  cmd->add_option("--targets", a->targets,
                  "target file (YAML, or a filled-in --targets-template table .xlsx/.csv; repeatable; later files "
                  "override earlier ones, e.g. provincial quotas); "
                  "default: the city profile's (files: targets)");
  add_city_option(cmd);
  cmd->add_option("--indicators", a->indicators,
                  "indicator definitions (YAML, repeatable); default: the city profile's (files: indicators)");
  cmd->add_option("--by", a->by,
                  "levels besides the city: county, town, or LAYER[:CODE_FIELD[:NAME_FIELD]] (repeatable; default "
                  "county and town)");
  cmd->add_option("--vintage", a->vintages,
                  "land-use layer (repeatable, e.g. --vintage DLTB --vintage DLTB_LATER; default DLTB)");
  cmd->add_option("--year", a->year, "target year (default: the latest year in the target files)")->check(year_range());
  cmd->add_option("--population", a->population, "CSV of unit code, population (for 人均建设用地)");
  cmd->add_option("--input", a->inputs,
                  "another input table NAME=CSV (code,value), e.g. kg_covered=kg.csv (repeatable)");
  cmd->add_option("--classes-within", a->classes_within,
                  "三线内现状地类统计: the area of each land class (DLBM) inside these control lines (layers, "
                  "comma-separated or repeated, e.g. YJJBNT,STBHHX,CZKFBJ) per unit of every level");
  cmd->add_option("--area", a->area,
                  "the areas guotu measures: ellipsoidal (椭球面积, default) or planar (投影面积 in the working CRS); "
                  "figures read from fields (TBMJ …) are as recorded");
  add_crs_option(cmd, a->crs);
  cmd->add_option("--jobs", a->jobs, "worker threads (default: all cores)")->check(jobs_range());
  add_read_options(cmd, a->encoding, a->assume_crs);
  cmd->add_flag("--overwrite", a->overwrite, "replace DIR when it exists");
  cmd->add_flag("--json", a->json, "print one JSON document on stdout");
  cmd->callback([a, &selected] { selected = [a] { return run(*a); }; });
}

}  // namespace guotu::cli
