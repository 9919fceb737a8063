#include "report/target_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "core/bounds.hpp"
#include "core/city.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/csv_writer.hpp"
#include "gdal/vector_source.hpp"
#include "report/aggregate.hpp"
#include "report/writers.hpp"
#include "xlsx/workbook.hpp"

namespace guotu::report {

namespace fs = std::filesystem;

namespace {

enum Column : std::size_t {
  kIndicator,
  kIndicatorName,
  kUnit,
  kYear,
  kLevel,
  kUnitCode,
  kUnitName,
  kComparator,
  kValue,
  kAttribute,
  kSource,
  kExisting,
  kNote,
  kColumns
};

// The levels as a planner reads them; any other level is its layer's name (ZXCQ …).
constexpr std::pair<const char*, const char*> kLevelLabels[] = {
    {"city", "市级"}, {"county", "县级"}, {"town", "乡镇级"}, {"all", "全部"}};

std::string level_label(const std::string& level) {
  for (const auto& [name, label] : kLevelLabels)
    if (level == name) return label;
  return level;
}

std::string level_from_label(const std::string& label) {
  for (const auto& [name, zh] : kLevelLabels)
    if (label == zh) return name;
  return label;
}

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// A number as a person types it: blanks and thousands separators (, ，) ignored, a trailing % on
// a share; the rest must be the whole number (no "12abc", no "1e400").
std::optional<double> parse_number(std::string text, bool percent) {
  for (const std::string sep : {",", " ", "，"})
    for (auto at = text.find(sep); at != std::string::npos; at = text.find(sep)) text.erase(at, sep.size());
  if (percent)
    for (const std::string pct : {"%", "％"})
      if (text.size() > pct.size() && text.compare(text.size() - pct.size(), pct.size(), pct) == 0)
        text.erase(text.size() - pct.size());
  if (text.empty()) return std::nullopt;
  double v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  if (*b == '+') ++b;
  const auto r = std::from_chars(b, e, v);
  if (r.ec != std::errc() || r.ptr != e || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<Comparator> parse_comparator(const std::string& s) {
  if (s == "<=" || s == "≤") return Comparator::LessEqual;
  if (s == ">=" || s == "≥") return Comparator::GreaterEqual;
  if (s == "<") return Comparator::Less;
  if (s == ">") return Comparator::Greater;
  return std::nullopt;
}

std::optional<Attribute> parse_attribute(const std::string& s) {
  if (s == "约束性" || s == "binding") return Attribute::Binding;
  if (s == "预期性" || s == "expected") return Attribute::Expected;
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& target_table_columns() {
  static const std::vector<std::string> columns{"指标代码", "指标名称", "单位", "年份",   "层级",
                                                "单元代码", "单元名称", "比较", "目标值", "属性",
                                                "来源",     "现有目标", "说明"};
  return columns;
}

std::vector<Target> read_target_table(const fs::path& file, const IndicatorSet& indicators) {
  gdal::OpenOptions oo;
  oo.table_as_text = true;
  const gdal::VectorSource src = gdal::VectorSource::open(file.string(), oo);
  if (src.layer_count() == 0) throw_bad_input("目标表中没有工作表或数据", {file.string(), {}, {}, {}});
  const gdal::Layer& layer = src.layer(0);
  const auto& names = target_table_columns();
  std::array<std::optional<std::size_t>, kColumns> at{};
  std::string missing;
  for (std::size_t c = 0; c < kColumns; ++c) {
    at[c] = layer.field_index(names[c]);
    const bool needed = c != kIndicatorName && c != kUnit && c != kUnitName && c != kExisting && c != kNote;
    if (needed && !at[c]) missing += (missing.empty() ? "" : "、") + names[c];
  }
  if (!missing.empty())
    throw_bad_input("目标表缺少列 " + missing + "（第一行是列名；模板由 guotu report --targets-template 写出）",
                    {file.string(), layer.name(), {}, {}});

  std::vector<Target> out;
  std::vector<std::string> problems;
  std::map<std::string, long> seen;  // indicator, year, unit or level → row
  long row = 1;                      // the header is row 1
  layer.read({}, [&](gdal::Feature&& f) {
    ++row;
    auto cell = [&](Column c) { return at[c] ? trim(gdal::as_text(f.values[*at[c]])) : std::string(); };
    auto problem = [&](const std::string& why) {
      problems.push_back(fmt::format("{}:{}: {}", file.string(), row, why));
    };
    const std::string value_text = cell(kValue);
    if (value_text.empty()) return;  // a row left empty: no target
    const std::string id = cell(kIndicator);
    const IndicatorDef* def = indicators.find(id);
    if (def == nullptr) {
      problem(id.empty() ? "指标代码为空" : "未知的指标代码 '" + id + "'");
      return;
    }
    Target t;
    t.file = file.string();
    t.line = row;
    t.indicator = id;
    const std::string year_text = cell(kYear);
    const auto year = parse_number(year_text, false);
    if (!year || *year != std::floor(*year) || *year < static_cast<double>(bounds::kMinYear) ||
        *year > static_cast<double>(bounds::kMaxYear))
      problem(fmt::format("年份 '{}' 不是 {} 到 {} 之间的整数", year_text, bounds::kMinYear, bounds::kMaxYear));
    else
      t.year = static_cast<int>(*year);
    t.unit = cell(kUnitCode);
    if (t.unit.empty()) t.level = level_from_label(cell(kLevel));
    if (t.unit.empty() && t.level.empty()) problem("单元代码和层级都为空：目标属于哪个单元或哪一级？");
    const std::string cmp = cell(kComparator);
    if (const auto c = parse_comparator(cmp))
      t.comparator = *c;
    else
      problem(cmp.empty() ? "比较为空（填 ≥ 或 ≤）" : "比较 '" + cmp + "' 应为 ≥、≤、>、<");
    const std::string attr = cell(kAttribute);
    if (const auto a = parse_attribute(attr))
      t.attribute = *a;
    else
      problem(attr.empty() ? "属性为空（填 约束性 或 预期性）" : "属性 '" + attr + "' 应为 约束性 或 预期性");
    t.source = cell(kSource);
    if (t.source.empty()) problem("来源为空：填写下达目标的文件（文号、名称和条目）或提供者");
    double factor = 1;
    if (const std::string unit = cell(kUnit); !unit.empty()) {
      const auto vu = parse_value_unit(unit);
      if (!vu) {
        problem("未知的单位 '" + unit + "'");
      } else if (*vu != def->unit) {
        const auto a = m2_per(*vu), b = m2_per(def->unit);
        if (a && b)
          factor = *a / *b;
        else
          problem("单位 " + unit_symbol(*vu) + " 不能换算为指标的单位 " + unit_symbol(def->unit));
      }
    }
    const auto value = parse_number(value_text, def->unit == ValueUnit::Percent);
    if (!value || std::abs(*value * factor) > bounds::kMaxTargetValue) {
      problem("目标值 '" + value_text + "' 不是有限的数");
    } else {
      t.value = *value * factor;
    }
    const std::string key =
        id + "|" + (t.year ? std::to_string(*t.year) : "") + "|" + (t.unit.empty() ? "level:" + t.level : t.unit);
    if (const auto [it, inserted] = seen.try_emplace(key, row); !inserted)
      problem(fmt::format("与第 {} 行是同一指标、年份和单元的目标", it->second));
    out.push_back(std::move(t));
  });
  if (problems.size() == 1) throw_bad_input(problems.front());
  if (!problems.empty()) {
    std::string text = fmt::format("目标表有 {} 处问题，未读入任何目标：", problems.size());
    for (const auto& p : problems) text += "\n  " + p;
    throw_bad_input(text);
  }
  return out;
}

TemplateSummary write_targets_template(const ReportOptions& o, const fs::path& file, bool overwrite,
                                       OutputSet* outputs) {
  const std::string ext = lower_extension(file);
  if (ext != ".csv" && ext != ".xlsx")
    throw Error(ErrorKind::Usage, "--targets-template writes a .csv or .xlsx file, not '" + file.string() + "'");
  gdal::initialize();
  const auto indicator_files = o.indicator_files.empty() ? city::current().indicators : o.indicator_files;
  const auto target_files = choose_target_files(o).files;
  const IndicatorSet indicators = IndicatorSet::load(indicator_files);
  const TargetSet targets = TargetSet::load(target_files, indicators);
  TemplateSummary s;
  s.file = file;
  s.year = o.year ? *o.year : targets.latest_year().value_or(0);
  if (s.year == 0) throw Error(ErrorKind::Usage, "the target files name no year: give --year");

  // The units the report would judge: the plan's XZQ and the --by levels, nothing else read.
  const gdal::VectorSource plan = gdal::VectorSource::open(o.plan, o.open);
  std::vector<LevelRequest> requests;
  for (const auto& b : o.by.empty() ? std::vector<std::string>{"county", "town"} : o.by)
    requests.push_back(parse_level_request(b));
  overlay::SchemaCheck schema;
  require_level_schema(plan, requests, schema);
  schema.require();
  gdal::ReadLog log;
  AggregateContext ctx;
  ctx.crs = o.crs.empty() ? city::current().working_crs : o.crs;
  ctx.area = o.area;
  ctx.jobs = o.jobs;
  ctx.progress = o.progress;
  ctx.log = &log;
  const std::vector<UnitLevel> levels = load_levels(plan, requests, ctx);
  if (!log.problems().empty())
    throw_bad_input("以下单元要素未能读取，模板会缺少它们：" + gdal::summarize(log.problems(), 10));

  const ReportUnit& city_unit = levels.front().units.front();
  std::vector<std::vector<std::string>> rows;
  for (const auto& level : levels) {
    s.levels.push_back(level.title);
    for (const auto& unit : level.units) {
      ++s.units;
      for (const auto& def : indicators.indicators()) {
        if (!def.computable) continue;
        const Target* t = targets.find(def.id, level.name, unit.code, s.year);
        const Target* pattern = t != nullptr ? t : targets.find(def.id, "city", city_unit.code, s.year);
        std::string existing, note;
        if (t != nullptr) {
          Outcome oc;
          oc.indicator = &def;
          oc.target = *t;
          existing = target_text(oc) + (t->value ? " " + unit_symbol(def.unit) : "") + "（" + t->source + "）";
          if (t->value) ++s.targets;
        }
        if (t != nullptr && t->provincial_quota && !t->value) {
          ++s.quotas;
          note = "省下达任务：填写下达的目标值，来源填下达文件的文号和条目";
        } else if (t != nullptr && t->value) {
          note = "已有目标；填写目标值即以本表为准";
        }
        std::vector<std::string> r(kColumns);
        r[kIndicator] = def.id;
        r[kIndicatorName] = def.name;
        r[kUnit] = unit_symbol(def.unit);
        r[kYear] = std::to_string(s.year);
        r[kLevel] = level_label(level.name);
        r[kUnitCode] = unit.code;
        r[kUnitName] = unit.name;
        r[kComparator] = pattern != nullptr ? comparator_symbol(pattern->comparator) : "";
        r[kAttribute] = pattern != nullptr ? attribute_name(pattern->attribute) : "";
        r[kExisting] = existing;
        r[kNote] = note;
        rows.push_back(std::move(r));
      }
    }
  }
  s.rows = rows.size();

  auto out = std::make_unique<AtomicOutput>(file, overwrite);
  if (ext == ".csv") {
    const std::string bytes = gdal::csv_bytes(target_table_columns(), rows);
    std::ofstream f(out->temp_path(), std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw_internal("cannot write the template", {file.string(), {}, {}, {}});
  } else {
    xlsx::Workbook book(out->temp_path());
    xlsx::CellStyle head_style, fill_style, plain_style;
    head_style.bold = head_style.wrap = head_style.border = true;
    head_style.fill_color = 0xD9E1F2;
    fill_style.fill_color = 0xFFF2CC;  // the cells the planner fills in
    fill_style.border = plain_style.border = true;
    const int head = book.add_style(head_style);
    const int fill = book.add_style(fill_style);
    const int plain = book.add_style(plain_style);
    xlsx::Sheet& sheet = book.add_sheet("目标");
    const auto& names = target_table_columns();
    for (std::size_t c = 0; c < names.size(); ++c) sheet.write(0, static_cast<std::uint16_t>(c), names[c], head);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto row = static_cast<std::uint32_t>(i + 1);
      for (std::size_t c = 0; c < rows[i].size(); ++c) {
        const bool to_fill = c == kValue || c == kSource || c == kComparator || c == kAttribute;
        sheet.write(row, static_cast<std::uint16_t>(c), rows[i][c], to_fill ? fill : plain);
      }
    }
    const double widths[kColumns] = {12, 22, 8, 6, 8, 12, 16, 6, 12, 8, 40, 48, 36};
    for (std::size_t c = 0; c < kColumns; ++c)
      sheet.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), widths[c]);
    sheet.freeze(1, 0);
    sheet.autofilter(0, 0, static_cast<std::uint32_t>(rows.size()), static_cast<std::uint16_t>(kColumns - 1));
    xlsx::Sheet& help = book.add_sheet("填写说明");
    const char* lines[] = {
        "指标目标填写说明（guotu report --targets-template 生成）",
        "1. 在“目标”表中为要考核的指标和单元填写 目标值（黄色列），并填写 比较（≥ 或 ≤）、属性（约束性 或 预期性）和 "
        "来源（下达目标的文件文号、名称和条目，或提供者）。",
        "2. 目标值为空的行不是目标，读入时跳过；不要改动 指标代码、年份、单元代码 列。",
        "3. 目标值按 单位 列的单位填写；改用其他面积单位（如 万亩、公顷、亩）时在 单位 列写明，读入时换算。",
        "4. 现有目标 列是本表之前已有的目标（规划文件或此前读入的目标表）；本表填写的目标值优先。",
        "5. 读入：guotu report --plan 规划数据库 --out 输出目录 --targets 本表（可与 YAML "
        "目标文件一起使用，后给出的优先）。",
        "   "
        "表中任何一处问题（未知指标、不是数字的目标值、缺少比较、属性或来源、同一单元重复）都会列出行号，不读入任何目标"
        "。"};
    std::uint32_t r = 0;
    for (const char* line : lines) help.write(r++, 0, line, -1);
    help.column_width(0, 0, 120);
    book.close();
  }
  commit_or_hold(std::move(out), outputs);
  return s;
}

}  // namespace guotu::report
