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

std::string plain_number(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0.00"
  return s;
}

std::string exact_number(double v) {
  return fmt::format("{}", v);
}

const char* const kSyntheticBanner =
    "示例数据（SYNTHETIC）：本报告的规划数据库是 guotu sample 生成的合成样例城市，不是真实的规划或调查数据；"
    "其中的数字只用于演示，不能用于审批、考核或对外引用。";

std::string target_text(const Outcome& o) {
  if (!o.target) return "";
  if (!o.target->value) return "省下达任务（未提供）";
  return comparator_symbol(o.target->comparator) + " " +
         display_number(*o.target->value, display_decimals(o.indicator->unit));
}

std::string target_source(const Outcome& o) {
  if (!o.target) return "";
  return o.target->source;
}

std::string target_origin(const Outcome& o) {
  if (!o.target) return "";
  return fmt::format("{}:{}", std::filesystem::path(o.target->file).filename().string(), o.target->line);
}

std::string indicator_source(const IndicatorDef& d) {
  return d.source;
}

std::string titled_name(const IndicatorDef& d) {
  const std::string suffix = "（" + unit_symbol(d.unit) + "）";
  if (d.name.size() >= suffix.size() && d.name.compare(d.name.size() - suffix.size(), suffix.size(), suffix) == 0)
    return d.name;
  return d.name + suffix;
}

std::string missing_value_text(const ReportResult& r, const UnitResult& ur, const Outcome& o) {
  const IndicatorDef& d = *o.indicator;
  switch (o.value.state) {
    case ValueState::Ok: return o.value.value ? std::string() : status_name_zh(o.status);
    case ValueState::NotComputable: return "不可由土地数据计算";
    case ValueState::ZeroDenominator: {
      const MeasureDef* m = r.indicators.measure(d.denominator);
      return "分母为零（" + (m != nullptr && !m->name.empty() ? m->name : d.denominator) + "）";
    }
    case ValueState::NoInput: {
      std::string names;
      for (const std::string* id : {&d.numerator, &d.denominator}) {
        if (id->empty()) continue;
        const auto it = ur.measures.find(*id);
        if (it != ur.measures.end() && it->second) continue;
        const MeasureDef* m = r.indicators.measure(*id);
        names += (names.empty() ? "" : "、") + (m != nullptr && !m->name.empty() ? m->name : *id);
      }
      return "无输入：" + names;
    }
  }
  return status_name_zh(o.status);
}

std::string target_kind_text(const Target& t) {
  return t.provincial_quota ? "省下达任务" : "数值";
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

Classes classify(std::vector<double> values, int decimals, std::size_t max_classes) {
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
  // Outer bounds outward at the shown decimals, and never past the extremes' inside.
  const double scale = std::pow(10.0, decimals);
  double lo = std::floor(values.front() * scale) / scale, hi = std::ceil(values.back() * scale) / scale;
  if (!(lo <= values.front())) lo = std::nextafter(values.front(), -INFINITY);
  if (!(hi >= values.back())) hi = std::nextafter(values.back(), INFINITY);
  c.breaks.front() = lo;
  c.breaks.back() = hi;
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
