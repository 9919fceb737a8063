#include "report/writers.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "area/measure.hpp"
#include "core/units.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::report {

const std::array<std::uint32_t, 5> kClassColours = {0xFFFFB2, 0xFECC5C, 0xFD8D3C, 0xF03B20, 0xBD0026};

int display_decimals(ValueUnit u) {
  switch (u) {
    case ValueUnit::WanMu: return 4;
    case ValueUnit::SquareMetre: return 0;
    default: return 2;
  }
}

std::string display_number(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", std::abs(v), decimals);
  const auto dot = s.find('.');
  std::string head = s.substr(0, dot), tail = dot == std::string::npos ? "" : s.substr(dot);
  std::string grouped;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i > 0 && (head.size() - i) % 3 == 0) grouped += ',';
    grouped += head[i];
  }
  const bool negative = v < 0 && std::stod(s) != 0;
  return (negative ? "-" : "") + grouped + tail;
}

std::string exact_number(double v) {
  return fmt::format("{}", v);
}

std::string target_text(const Outcome& o) {
  if (!o.target) return "";
  if (!o.target->value) return "省下达任务（未提供）";
  return comparator_symbol(o.target->comparator) + " " + exact_number(*o.target->value);
}

std::string target_source(const Outcome& o) {
  if (!o.target) return "";
  return fmt::format("{} [{}:{}]", o.target->source, std::filesystem::path(o.target->file).filename().string(),
                     o.target->line);
}

std::string indicator_source(const IndicatorDef& d) {
  return fmt::format("{} [{}:{}]", d.source, std::filesystem::path(d.file).filename().string(), d.line);
}

std::string level_key(const ReportResult& r, std::size_t vintage, std::size_t level) {
  std::string k = r.levels[level].name;
  if (r.vintages.size() > 1) k += "_" + r.vintages[vintage];
  return k;
}

int Classes::of(double v) const {
  if (count() == 0) return -1;
  for (std::size_t i = 1; i + 1 < breaks.size(); ++i)
    if (v < breaks[i]) return static_cast<int>(i - 1);
  return static_cast<int>(count() - 1);
}

Classes classify(std::vector<double> values, std::size_t max_classes) {
  Classes c;
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  if (values.empty()) return c;
  std::sort(values.begin(), values.end());
  const std::size_t k = std::min(max_classes, values.size());
  c.breaks.push_back(values.front());
  for (std::size_t i = 1; i < k; ++i) {
    const double q = values[i * values.size() / k];
    if (q > c.breaks.back()) c.breaks.push_back(q);
  }
  if (values.back() > c.breaks.back() || c.breaks.size() == 1) c.breaks.push_back(values.back());
  return c;
}

std::vector<const UnitResult*> results_of(const ReportResult& r, std::size_t vintage, std::size_t level) {
  std::vector<const UnitResult*> out;
  for (const auto& u : r.results)
    if (u.vintage == vintage && u.level == level) out.push_back(&u);
  return out;
}

std::vector<WithinRow> within_rows(const ReportResult& r) {
  std::vector<WithinRow> out;
  out.reserve(r.classes_within.size());
  const auto& codes = layers::CodeList::embedded("sandiao");
  const auto& catalogue = layers::Catalogue::embedded();
  for (const auto& c : r.classes_within) {
    const UnitLevel& level = r.levels[c.level];
    const ReportUnit& u = level.units[c.unit];
    WithinRow row;
    row.vintage = r.vintages[c.vintage];
    row.level = level.name;
    row.level_title = level.title;
    row.unit_code = u.code;
    row.unit_name = u.name;
    row.layer = c.layer;
    const layers::LayerDef* def = catalogue.find(c.layer);
    row.layer_name = def != nullptr ? def->name_zh : c.layer;
    row.dlbm = c.dlbm;
    row.dlmc = codes.name_of(c.dlbm);
    row.area_m2 = c.area_m2;
    row.area_mu = units::to_mu(c.area_m2);
    out.push_back(std::move(row));
  }
  return out;
}

const std::array<std::pair<const char*, const char*>, 11> kWithinColumns{{{"vintage", "数据年份图层"},
                                                                          {"level", "层级"},
                                                                          {"unit_code", "单位代码"},
                                                                          {"unit_name", "单位名称"},
                                                                          {"layer", "控制线图层"},
                                                                          {"layer_name", "控制线"},
                                                                          {"dlbm", "地类编码"},
                                                                          {"dlmc", "地类名称"},
                                                                          {"area_m2", "面积（平方米）"},
                                                                          {"area_mu", "面积（亩）"},
                                                                          {"area_kind", "面积类型"}}};

std::string within_title() {
  return "三线内现状地类统计";
}

std::string within_note(const ReportResult& r) {
  return fmt::format(
      "每个统计单元内、每条控制线内各现状地类（DLBM）的{}：图斑与控制线相交部分的面积，控制线图斑重叠处只计一次；"
      "县级、乡镇级按图斑坐落单位代码（ZLDWDM）归属，其他层级按单位界线切割。",
      area::name_zh(r.area));
}

}  // namespace guotu::report
