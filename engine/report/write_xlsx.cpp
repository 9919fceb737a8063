// report.xlsx: an overview sheet (indicators with definitions and sources, target files), then a
// sheet per level: one row per (vintage, unit, indicator), numbers as numbers, the status cell
// coloured (pass green, fail red, missing target amber, no input/not computable grey), the
// target and its source beside the value.
#include <algorithm>

#include <fmt/format.h>

#include "area/measure.hpp"
#include "report/writers.hpp"
#include "xlsx/workbook.hpp"

namespace guotu::report {

void write_xlsx(const WriteContext& ctx, const std::filesystem::path& file) {
  const ReportResult& r = ctx.report;
  xlsx::Workbook book(file);
  auto style = [&](bool bold, std::uint32_t font, std::uint32_t fill, std::string format = {}, bool wrap = false,
                   bool border = false) {
    xlsx::CellStyle st;
    st.bold = bold;
    st.font_color = font;
    st.fill_color = fill;
    st.number_format = std::move(format);
    st.wrap = wrap;
    st.border = border;
    return book.add_style(st);
  };
  const int header = style(true, 0, 0xD9E1F2, {}, false, true);
  const int text = style(false, 0, 0);
  const int wrap = style(false, 0, 0, {}, true);
  std::map<int, int> number_style;  // decimals → style
  for (int d : {0, 2, 4})
    number_style[d] = style(false, 0, 0, d == 0 ? "#,##0" : "#,##0." + std::string(static_cast<std::size_t>(d), '0'));
  std::map<Status, int> status_style{
      {Status::Pass, style(true, 0x006100, 0xC6EFCE)},           {Status::Fail, style(true, 0x9C0006, 0xFFC7CE)},
      {Status::MissingTarget, style(false, 0x9C5700, 0xFFEB9C)}, {Status::NoInput, style(false, 0x595959, 0xEDEDED)},
      {Status::NotComputable, style(false, 0x595959, 0xEDEDED)}, {Status::NoData, style(false, 0x595959, 0xEDEDED)}};

  // Overview.
  xlsx::Sheet& info = book.add_sheet("说明");
  std::uint32_t row = 0;
  if (r.synthetic) {
    const int banner = style(true, 0xFFFFFF, 0xB00020, {}, true);
    info.write(row++, 0, "示例数据（SYNTHETIC）", banner);
    info.write(row - 1, 1, kSyntheticBanner, banner);
  }
  info.write(row++, 0, "国土空间指标报告（guotu report）", header);
  info.write(row, 0, "规划数据库", text), info.write(row++, 1, r.plan, text);
  info.write(row, 0, "目标年份", text), info.write(row++, 1, static_cast<double>(r.year), number_style[0]);
  std::string vintages;
  for (const auto& v : r.vintages) vintages += (vintages.empty() ? "" : ", ") + v;
  info.write(row, 0, "现状图层", text), info.write(row++, 1, vintages, text);
  info.write(row, 0, "坐标系 / 面积", text),
      info.write(row++, 1, r.crs + "；椭球面积（国土调查办发〔2008〕32号）", text);
  for (const auto& f : r.target_files) info.write(row, 0, "目标文件", text), info.write(row++, 1, f.string(), text);
  for (const auto& w : r.warnings) info.write(row, 0, "注意", text), info.write(row++, 1, w, wrap);
  ++row;
  const char* const def_cols[] = {"指标代码", "指标名称", "单位", "定义", "来源", "说明"};
  for (std::uint16_t c = 0; c < 6; ++c) info.write(row, c, def_cols[c], header);
  ++row;
  for (const auto& d : r.indicators.indicators()) {
    info.write(row, 0, d.id, text);
    info.write(row, 1, titled_name(d), text);
    info.write(row, 2, unit_symbol(d.unit), text);
    info.write(row, 3, d.definition, wrap);
    info.write(row, 4, indicator_source(d), wrap);
    info.write(row, 5, d.note, wrap);
    ++row;
  }
  info.column_width(0, 0, 16);
  info.column_width(1, 1, 40);
  info.column_width(2, 2, 10);
  info.column_width(3, 5, 50);

  const char* const cols[] = {"现状图层", "单位代码", "单位名称", "指标代码", "指标名称", "数值",     "单位",    "比较",
                              "目标值",   "目标类型", "指标属性", "状态",     "目标来源", "目标参考", "指标来源"};
  constexpr std::uint16_t ncols = 15;
  for (std::size_t li = 0; li < r.levels.size(); ++li) {
    const UnitLevel& level = r.levels[li];
    // The sheet is named by the level's Chinese title (市级, 县级 …); a title two levels share
    // gets the level's key as well.
    const bool shared =
        std::count_if(r.levels.begin(), r.levels.end(), [&](const UnitLevel& l) { return l.title == level.title; }) > 1;
    xlsx::Sheet& s = book.add_sheet(shared ? level.title + " " + level.name : level.title);
    for (std::uint16_t c = 0; c < ncols; ++c) s.write(0, c, cols[c], header);
    std::uint32_t n = 1;
    for (std::size_t vi = 0; vi < r.vintages.size(); ++vi) {
      for (const auto* ur : results_of(r, vi, li)) {
        const ReportUnit& u = level.units[ur->unit];
        for (const auto& o : ur->outcomes) {
          const Target* t = o.target ? &*o.target : nullptr;
          const int dec = display_decimals(o.indicator->unit);
          s.write(n, 0, r.vintages[vi], text);
          s.write(n, 1, u.code, text);
          s.write(n, 2, u.name, text);
          s.write(n, 3, o.indicator->id, text);
          s.write(n, 4, o.indicator->name, text);
          if (o.value.value)
            s.write(n, 5, *o.value.value, number_style[dec]);
          else
            s.write(n, 5, missing_value_text(r, *ur, o), text);
          s.write(n, 6, unit_symbol(o.indicator->unit), text);
          if (t) {
            s.write(n, 7, comparator_symbol(t->comparator), text);
            if (t->value)
              s.write(n, 8, *t->value, number_style[dec]);
            else
              s.write(n, 8, "省下达任务（未提供）", text);
            s.write(n, 9, target_kind_text(*t), text);
            s.write(n, 10, attribute_name(t->attribute), text);
            s.write(n, 12, target_source(o), text);
            s.write(n, 13, t->reference, text);
          }
          s.write(n, 11, status_name_zh(o.status), status_style[o.status]);
          s.write(n, 14, indicator_source(*o.indicator), text);
          ++n;
        }
      }
    }
    s.freeze(1, 3);
    s.autofilter(0, 0, n > 1 ? n - 1 : 1, ncols - 1);
    s.column_width(0, 1, 12);
    s.column_width(2, 2, 16);
    s.column_width(3, 3, 12);
    s.column_width(4, 4, 24);
    s.column_width(5, 5, 16);
    s.column_width(6, 11, 10);
    s.column_width(12, 14, 40);
  }
  // 三线内现状地类统计.
  if (!r.classes_within_layers.empty()) {
    xlsx::Sheet& s = book.add_sheet(within_title());
    const int area_style = number_style[2];
    std::uint16_t c = 0;
    for (const auto& [field, title] : kWithinColumns) s.write(0, c++, title, header);
    std::uint32_t n = 1;
    const std::string kind = area::name_zh(r.area);
    for (const auto& w : within_rows(r)) {
      s.write(n, 0, w.vintage, text);
      s.write(n, 1, w.level_title, text);
      s.write(n, 2, w.unit_code, text);
      s.write(n, 3, w.unit_name, text);
      s.write(n, 4, w.layer, text);
      s.write(n, 5, w.layer_name, text);
      s.write(n, 6, w.dlbm, text);
      s.write(n, 7, w.dlmc, text);
      s.write(n, 8, w.area_m2, area_style);
      s.write(n, 9, w.area_mu, number_style[4]);
      s.write(n, 10, kind, text);
      ++n;
    }
    s.write(n + 1, 0, within_note(r), text);
    s.freeze(1, 4);
    s.autofilter(0, 0, n > 1 ? n - 1 : 1, static_cast<std::uint16_t>(kWithinColumns.size() - 1));
    s.column_width(0, 1, 12);
    s.column_width(2, 2, 14);
    s.column_width(3, 5, 14);
    s.column_width(6, 7, 14);
    s.column_width(8, 9, 16);
  }
  book.close();
}

}  // namespace guotu::report
