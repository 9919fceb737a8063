// indicators.csv: one row per (vintage, unit, indicator), UTF-8 with a byte-order mark so that
// Excel shows the Chinese text, RFC 4180 quoting, numbers at full precision.
#include <fstream>

#include "area/measure.hpp"
#include "core/error.hpp"
#include "report/writers.hpp"

namespace guotu::report {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void csv_row(std::ofstream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << "\r\n";
}

}  // namespace

void write_within_csv(const WriteContext& ctx, const std::filesystem::path& file) {
  const ReportResult& r = ctx.report;
  std::ofstream out(file, std::ios::binary);
  if (!out) throw_internal("cannot write", {file.string(), {}, {}, {}});
  out << "\xEF\xBB\xBF";
  std::vector<std::string> header;
  for (const auto& [field, title] : kWithinColumns) header.emplace_back(field);
  csv_row(out, header);
  const std::string kind = area::name_zh(r.area);
  for (const auto& w : within_rows(r))
    csv_row(out, {w.vintage, w.level, w.unit_code, w.unit_name, w.layer, w.layer_name, w.dlbm, w.dlmc,
                  exact_number(w.area_m2), exact_number(w.area_mu), kind});
  out.close();
  if (!out) throw_internal("cannot write", {file.string(), {}, {}, {}});
}

void write_csv(const WriteContext& ctx, const std::filesystem::path& file) {
  const ReportResult& r = ctx.report;
  std::ofstream out(file, std::ios::binary);
  if (!out) throw_internal("cannot write", {file.string(), {}, {}, {}});
  out << "\xEF\xBB\xBF";
  // Headers and cells in Chinese; values and targets at the unit's decimals (the GeoPackage and
  // the JSON keep full precision). A synthetic plan says so in a column of every row.
  std::vector<std::string> header{"现状图层", "层级",     "单位代码", "单位名称", "指标代码", "指标名称",
                                  "数值",     "单位",     "比较",     "目标值",   "目标类型", "指标属性",
                                  "状态",     "目标来源", "目标参考", "指标来源", "说明"};
  if (r.synthetic) header.insert(header.begin(), "数据性质");
  csv_row(out, header);
  for (const auto& ur : r.results) {
    const ReportUnit& u = r.unit_of(ur);
    for (const auto& o : ur.outcomes) {
      const Target* t = o.target ? &*o.target : nullptr;
      const int dec = display_decimals(o.indicator->unit);
      std::vector<std::string> row{r.vintages[ur.vintage],
                                   r.levels[ur.level].title,
                                   u.code,
                                   u.name,
                                   o.indicator->id,
                                   o.indicator->name,
                                   o.value.value ? plain_number(*o.value.value, dec) : "",
                                   unit_symbol(o.indicator->unit),
                                   t ? comparator_symbol(t->comparator) : "",
                                   t && t->value ? plain_number(*t->value, dec) : "",
                                   t ? target_kind_text(*t) : "",
                                   t ? attribute_name(t->attribute) : "",
                                   status_name_zh(o.status),
                                   target_source(o),
                                   t ? t->reference : "",
                                   indicator_source(*o.indicator),
                                   o.value.value ? o.indicator->note : missing_value_text(r, ur, o)};
      if (r.synthetic) row.insert(row.begin(), "示例数据（合成）");
      csv_row(out, row);
    }
  }
  out.close();
  if (!out) throw_internal("cannot write", {file.string(), {}, {}, {}});
}

}  // namespace guotu::report
