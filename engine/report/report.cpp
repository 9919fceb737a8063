#include "report/report.hpp"

#include <algorithm>
#include <cerrno>
#include <optional>
#include <thread>

#include "change/change_detector.hpp"
#include "core/atomic_output.hpp"
#include "core/city.hpp"
#include "core/error.hpp"
#include "gdal/dataset_metadata.hpp"
#include "gdal/output_writer.hpp"
#include "layers/catalogue.hpp"
#include "overlay/overlay.hpp"
#include "report/writers.hpp"

namespace guotu::report {

namespace fs = std::filesystem;

namespace {

// An input table (code → value) from a CSV (or any OGR table) with a code column and a value
// column: code/XZQDM/单位代码 and value/the table's name/population/人口.
std::map<std::string, double> read_input_table(const std::string& name, const fs::path& file) {
  auto src = gdal::VectorSource::open(file.string());
  if (src.layer_count() == 0) throw_bad_input("the input table is empty", {file.string(), {}, {}, {}});
  const gdal::Layer& l = src.layer(0);
  std::optional<std::size_t> ci, vi;
  for (const char* n : {"code", "XZQDM", "单位代码", "unit_code"})
    if (!ci) ci = l.field_index(n);
  for (const std::string& n : {std::string("value"), name, std::string("population"), std::string("人口")})
    if (!vi) vi = l.field_index(n);
  if (!ci || !vi)
    throw_bad_input("an input table needs a 'code' column and a 'value' (or '" + name + "') column",
                    {file.string(), l.name(), {}, {}});
  std::map<std::string, double> out;
  long row = 1;
  l.read({}, [&](gdal::Feature&& f) {
    ++row;
    const std::string code = gdal::as_text(f.values[*ci]);
    const auto v = gdal::as_number(f.values[*vi]);
    if (code.empty()) return;
    if (!v) throw_bad_input("not a number: '" + gdal::as_text(f.values[*vi]) + "'", {file.string(), {}, {}, row});
    if (!out.emplace(code, *v).second) throw_bad_input("unit " + code + " appears twice", {file.string(), {}, {}, row});
  });
  return out;
}

// Change measures (from: change) of one later vintage: the area of the pieces of each measure's
// class between the first vintage and `later`, found by guotu diff's engine with the city's
// change rules (the plan's zones and approvals as diff reads them), summed by the earlier patch's
// county and town code. A class the rules do not have is refused; a measure whose class rule
// could not be evaluated (its zone is not in the plan) stays without a value.
struct ChangeTotals {
  std::optional<double> all;
  std::map<std::string, double> county, town;
};

std::map<std::string, ChangeTotals> change_measures(const ReportOptions& o, const ReportResult& r,
                                                    const std::string& before_table, const std::string& later_table,
                                                    const std::string& later, unsigned jobs,
                                                    std::vector<gdal::ReadProblem>& problems,
                                                    std::vector<std::string>& warnings) {
  change::DiffOptions d;
  d.before = d.after = d.plan = o.plan;
  d.before_layer = before_table;
  d.after_layer = later_table;
  d.area = o.area;
  d.working_crs = r.crs;
  d.open = o.open;
  d.jobs = jobs;
  if (o.progress)
    d.progress = [&o, &later](std::size_t done, std::size_t total) {
      o.progress("两期变化（" + later + "）", static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
    };
  const change::DiffResult diff = change::run_diff(d);
  for (auto& p : diff.read_problems) problems.push_back(p);
  std::map<std::string, ChangeTotals> out;
  for (const auto& m : r.indicators.measures()) {
    if (m.kind != MeasureKind::Change) continue;
    ChangeTotals& t = out[m.id];
    bool evaluated = true;
    for (const auto& rule : diff.rules.rules)
      if (rule.cls == m.change_class) evaluated = evaluated && diff.unevaluated.count(rule.id) == 0;
    if (!evaluated) {
      warnings.push_back(m.name + "：变化规则中 " + m.change_class +
                         " 的规则未能评价（规划数据缺少其图层），记为无输入");
      continue;
    }
    t.all = 0.0;
    for (const auto& c : diff.changes) {
      if (!c.has_class(m.change_class)) continue;
      *t.all += c.area_m2;
      t.county[c.county] += c.area_m2;
      t.town[c.town] += c.area_m2;
    }
  }
  return out;
}

// Before anything is read: each change measure's class is a class of the city's change rules.
void require_change_classes(const IndicatorSet& indicators) {
  std::optional<change::ChangeRules> rules;
  for (const auto& m : indicators.measures()) {
    if (m.kind != MeasureKind::Change) continue;
    if (!rules) rules = change::ChangeRules::load(change::ChangeRules::default_path());
    if (std::find(rules->classes.begin(), rules->classes.end(), m.change_class) == rules->classes.end())
      throw_bad_input(
          "measure " + m.id + ": the change rules have no class '" + m.change_class + "' (" + rules->file + ")",
          {m.file, {}, {}, m.line});
  }
}

// A change measure in one unit: the city's total, a county's or a town's by code; other levels
// (overlay layers such as ZXCQ) have none, since pieces are counted by the patch's code.
std::optional<double> change_value(const ChangeTotals& t, const UnitLevel& level, const ReportUnit& unit) {
  if (!t.all) return std::nullopt;
  if (level.assignment == Assignment::All) return t.all;
  if (level.assignment != Assignment::CodePrefix || (level.code_length != 6 && level.code_length != 9))
    return std::nullopt;
  const auto& by = level.code_length == 6 ? t.county : t.town;
  const auto it = by.find(unit.code);
  return it == by.end() ? 0.0 : it->second;
}

}  // namespace

std::map<Status, std::size_t> ReportResult::status_counts() const {
  std::map<Status, std::size_t> c;
  for (const auto& r : results)
    for (const auto& o : r.outcomes) ++c[o.status];
  return c;
}

TargetFiles choose_target_files(const ReportOptions& o) {
  TargetFiles t;
  // The sample generator's mark, never a guess from the file name.
  const auto mark = gdal::dataset_metadata_item(o.plan, "GUOTU_SYNTHETIC");
  t.synthetic = mark && mark->rfind("yes", 0) == 0;
  t.files = o.target_files;
  if (!t.files.empty()) return t;
  const city::Profile& city = city::current();
  t.files = city.targets;
  if (!t.synthetic || city.sample_targets.file.empty()) return t;
  const auto item = [&](const char* key) { return gdal::dataset_metadata_item(o.plan, key).value_or(""); };
  const std::string patches = item("GUOTU_SAMPLE_PATCHES"), seed = item("GUOTU_SAMPLE_SEED");
  const bool same_city = item("GUOTU_SAMPLE_CITY").find("(" + city.code + ")") != std::string::npos;
  if (same_city && patches == std::to_string(city.sample_targets.patches) &&
      seed == std::to_string(city.sample_targets.seed)) {
    t.files.push_back(city.sample_targets.file);
    t.note = "示例数据：目标含示例目标 " + city.sample_targets.file.filename().string() +
             "（guotu 为示例城市设定，非官方数字）";
  } else {
    t.note = "示例数据：示例目标只适用于 guotu sample 以 " + std::to_string(city.sample_targets.patches) +
             " 个图斑、种子 " + std::to_string(city.sample_targets.seed) + " 生成的" + city.name +
             "示例城市，本数据不是（图斑 " + (patches.empty() ? "?" : patches) + "，种子 " +
             (seed.empty() ? "?" : seed) + "），未用示例目标";
  }
  return t;
}

ReportResult compute_report(const ReportOptions& o) {
  gdal::initialize();
  ReportResult r;
  r.plan = gdal::display_target(o.plan);  // printed and stored: never a password
  r.crs = o.crs.empty() ? city::current().working_crs : o.crs;
  const unsigned jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  r.indicator_files = o.indicator_files;
  if (r.indicator_files.empty()) r.indicator_files = city::current().indicators;
  TargetFiles chosen = choose_target_files(o);
  r.target_files = std::move(chosen.files);
  r.synthetic = chosen.synthetic;
  if (!chosen.note.empty()) r.warnings.push_back(chosen.note);
  r.indicators = IndicatorSet::load(r.indicator_files);
  r.targets = TargetSet::load(r.target_files, r.indicators);
  r.year = o.year ? *o.year : r.targets.latest_year().value_or(0);
  require_change_classes(r.indicators);

  // Input tables: a missing one leaves its indicators as "no input", never guessed.
  std::map<std::string, std::map<std::string, double>> inputs;
  const auto needed = r.indicators.input_tables();
  for (const auto& [name, file] : o.inputs) {
    if (std::find(needed.begin(), needed.end(), name) == needed.end())
      throw_bad_input("no indicator uses an input table named '" + name + "' (known: " +
                          [&] {
                            std::string s;
                            for (const auto& n : needed) s += (s.empty() ? "" : ", ") + n;
                            return s;
                          }() +
                          ")",
                      {file.string(), {}, {}, {}});
    inputs[name] = read_input_table(name, file);
  }
  for (const auto& n : needed)
    if (!inputs.count(n)) r.warnings.push_back("未提供输入表 " + n + "：用到它的指标记为无输入");

  const gdal::VectorSource plan = gdal::VectorSource::open(o.plan, o.open);
  for (const auto& w : plan.warnings()) r.warnings.push_back(w);
  std::vector<LevelRequest> requests;
  for (const auto& b : o.by.empty() ? std::vector<std::string>{"county", "town"} : o.by)
    requests.push_back(parse_level_request(b));
  r.vintages = o.vintages.empty() ? std::vector<std::string>{"DLTB"} : o.vintages;
  for (auto v = r.vintages.begin(); v != r.vintages.end(); ++v)
    if (std::find(r.vintages.begin(), v, *v) != v) throw Error(ErrorKind::Usage, "--vintage " + *v + " is given twice");
  r.area = o.area;
  r.classes_within_layers = o.classes_within;

  // Schema first: every layer and field the run needs, all that are missing in one message,
  // before any geometry is read.
  overlay::SchemaCheck schema;
  require_level_schema(plan, requests, schema);
  for (const auto& v : r.vintages) {
    if (const gdal::Layer* layer = layers::find_table(plan, v))
      require_vintage_schema(*layer, requests, r.indicators, schema);
    else
      schema.missing_layer(plan.path(), v, "--vintage " + v);
  }
  for (const auto& l : o.classes_within)
    if (layers::find_table(plan, l) == nullptr) schema.missing_layer(plan.path(), l, "--classes-within");
  schema.require();

  // Features the reader cannot trust are skipped and listed (the run exits 2).
  gdal::ReadLog log;
  AggregateContext ctx;
  ctx.crs = r.crs;
  ctx.area = o.area;
  ctx.jobs = jobs;
  ctx.progress = o.progress;
  ctx.log = &log;
  r.levels = load_levels(plan, requests, ctx);

  // The plan layers the overlay measures and the classes-within table read, each once.
  std::vector<std::string> zone_layers = o.classes_within;
  for (const auto& m : r.indicators.measures()) {
    if (m.kind != MeasureKind::Overlay) continue;
    if (layers::find_table(plan, m.layer) == nullptr) {
      const std::string w = "规划数据中没有图层 " + m.layer + "：用到它的指标记为无输入";
      if (std::find(r.warnings.begin(), r.warnings.end(), w) == r.warnings.end()) r.warnings.push_back(w);
      continue;
    }
    zone_layers.push_back(m.layer);
  }
  const ZoneSets zones = load_zones(plan, zone_layers, ctx);
  const auto overlays = aggregate_overlays(zones, r.levels, r.indicators, ctx);
  const bool need_geometry =
      !o.classes_within.empty() || std::any_of(r.levels.begin(), r.levels.end(),
                                               [](const UnitLevel& l) { return l.assignment == Assignment::Overlay; });
  const bool has_change_measures = std::any_of(r.indicators.measures().begin(), r.indicators.measures().end(),
                                               [](const MeasureDef& m) { return m.kind == MeasureKind::Change; });
  if (has_change_measures && r.vintages.size() < 2)
    r.warnings.push_back(
        "只有一期现状（" + r.vintages.front() +
        "）：新增建设用地等两期之间的变化指标记为无输入，给出两期（--vintage 基期 --vintage 新一期）即可计算");
  for (std::size_t vi = 0; vi < r.vintages.size(); ++vi) {
    const gdal::Layer& layer = layers::require_table(plan, r.vintages[vi]);
    std::map<std::string, ChangeTotals> changes;
    if (has_change_measures && vi > 0)
      changes = change_measures(o, r, layers::require_table(plan, r.vintages.front()).name(), layer.name(),
                                r.vintages[vi], jobs, r.read_problems, r.warnings);
    const Patches patches = load_patches(layer, r.levels, r.indicators, need_geometry, ctx);
    const LandUseResult land = aggregate_land_use(patches, r.levels, r.indicators, ctx);
    if (!o.classes_within.empty()) {
      for (ClassWithin& c : classes_within(patches, r.levels, o.classes_within, zones, ctx)) {
        c.vintage = vi;
        r.classes_within.push_back(std::move(c));
      }
    }
    r.patches[r.vintages[vi]] = land.patches;
    for (std::size_t li = 0; li < r.levels.size(); ++li) {
      const UnitLevel& level = r.levels[li];
      if (land.unassigned[li] > 0)
        r.warnings.push_back(r.vintages[vi] + "：" + std::to_string(land.unassigned[li]) +
                             " 个图斑的坐落单位代码（ZLDWDM）不属于" + level.title + "任何单元（只计入全市）");
      for (std::size_t ui = 0; ui < level.units.size(); ++ui) {
        const ReportUnit& unit = level.units[ui];
        UnitResult ur;
        ur.vintage = vi;
        ur.level = li;
        ur.unit = ui;
        ur.measures = land.values[li][ui];
        for (const auto& [k, v] : overlays[li][ui]) ur.measures[k] = v;
        for (const auto& m : r.indicators.measures()) {
          if (m.kind != MeasureKind::Change) continue;
          const auto it = changes.find(m.id);
          ur.measures[m.id] = it == changes.end() ? std::nullopt : change_value(it->second, level, unit);
        }
        for (const auto& m : r.indicators.measures()) {
          if (m.kind != MeasureKind::Input) continue;
          std::optional<double> v;
          if (auto t = inputs.find(m.table); t != inputs.end()) {
            auto it = t->second.find(unit.code);
            if (it == t->second.end() && level.name == "city") it = t->second.find(unit.code.substr(0, 4));
            if (it != t->second.end()) v = it->second * m.input_factor;
          }
          ur.measures[m.id] = v;
        }
        for (const auto& def : r.indicators.indicators()) {
          Outcome out;
          out.indicator = &def;
          out.value = evaluate(def, ur.measures);
          const Target* t = r.targets.find(def.id, level.name, unit.code, r.year);
          if (t != nullptr) out.target = *t;
          out.status = judge(out.value, t);
          ur.outcomes.push_back(std::move(out));
        }
        r.results.push_back(std::move(ur));
      }
    }
  }
  for (auto& p : log.problems()) r.read_problems.push_back(p);
  // The change runs read the same layers: each skipped feature once.
  std::sort(r.read_problems.begin(), r.read_problems.end(),
            [](const gdal::ReadProblem& a, const gdal::ReadProblem& b) { return a.message() < b.message(); });
  r.read_problems.erase(
      std::unique(r.read_problems.begin(), r.read_problems.end(),
                  [](const gdal::ReadProblem& a, const gdal::ReadProblem& b) { return a.message() == b.message(); }),
      r.read_problems.end());
  for (const auto& w : log.warnings()) r.warnings.push_back(w);
  // The report's files say it too: their figures leave these features out.
  if (!r.read_problems.empty())
    r.warnings.push_back("以下要素未能读取，未计入各项数字：" + gdal::summarize(r.read_problems, 10));
  return r;
}

void check_output_dir(const fs::path& out, bool overwrite) {
  if (gdal::is_postgres_target(out.string())) return gdal::check_postgres_target(out.string());
  check_output_directory_writable(out, overwrite);
}

OutputFiles write_report(const ReportResult& report, const OutputOptions& options) {
  if (gdal::is_postgres_target(options.dir.string())) {
    // A database takes the tables of report.gpkg (indicators, choropleth layers with their
    // styles); the office files (CSV, xlsx, HTML) need a directory: run again with --out DIR.
    WriteContext ctx{report, options};
    write_gpkg(ctx, options.dir.string());
    return {{"postgis", gdal::display_target(options.dir.string())}};
  }
  auto out = std::make_unique<AtomicDirectory>(options.dir, options.overwrite);
  const fs::path dir = out->target_path();
  const fs::path temp = out->temp_path();
  OutputFiles files{{"gpkg", dir / "report.gpkg"},
                    {"csv", dir / "indicators.csv"},
                    {"xlsx", dir / "report.xlsx"},
                    {"html", dir / "report.html"}};
  WriteContext ctx{report, options};
  write_gpkg(ctx, temp / "report.gpkg");
  write_csv(ctx, temp / "indicators.csv");
  if (!report.classes_within_layers.empty()) {
    files["classes_within_csv"] = dir / "classes_within.csv";
    write_within_csv(ctx, temp / "classes_within.csv");
  }
  write_xlsx(ctx, temp / "report.xlsx");
  write_html(ctx, temp / "report.html");
  commit_or_hold(std::move(out), options.outputs);
  return files;
}

}  // namespace guotu::report
