// The four writers of `guotu report` and what they share: one flat row per (vintage, unit,
// indicator), number formatting, and the choropleth classes (the same breaks and colours in the
// GeoPackage's QGIS style and in the HTML maps).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace guotu::report {

struct WriteContext {
  const ReportResult& report;
  const OutputOptions& options;
};

void write_gpkg(const WriteContext& ctx, const std::filesystem::path& file);
void write_csv(const WriteContext& ctx, const std::filesystem::path& file);
/// classes_within.csv: 三线内现状地类统计 (written when --classes-within asked for it).
void write_within_csv(const WriteContext& ctx, const std::filesystem::path& file);
void write_xlsx(const WriteContext& ctx, const std::filesystem::path& file);
void write_html(const WriteContext& ctx, const std::filesystem::path& file);

/// Decimals shown for a unit (the files keep full precision; this is for people).
int display_decimals(ValueUnit u);
/// A value with its display decimals and thousands separators (12,345.67).
std::string display_number(double v, int decimals);
/// A value at `decimals`, without separators (CSV: a number a spreadsheet reads as a number).
std::string plain_number(double v, int decimals);
/// The shortest text that reads back as the same double (CSV, data attributes).
std::string exact_number(double v);

/// The target as people read it, at the unit's decimals: "≥ 0.78", "≥ 800.0000",
/// "省下达任务（未提供）", "" when none.
std::string target_text(const Outcome& o);
/// Where the target comes from: the document (文号《title》) and item, as people read it.
std::string target_source(const Outcome& o);
/// The target's file and line ("liaocheng.yaml:41"): for the JSON only.
std::string target_origin(const Outcome& o);
/// Where the indicator's definition comes from: the document and item.
std::string indicator_source(const IndicatorDef& d);
/// The indicator's name with its unit, once: "国土开发强度（%）"; a name that already ends with
/// its unit in brackets ("耕地保有量（万亩）") is left as it is.
std::string titled_name(const IndicatorDef& d);
/// What a cell without a value says, in Chinese: 不可由土地数据计算, 无输入：常住人口（人） …
std::string missing_value_text(const ReportResult& r, const UnitResult& ur, const Outcome& o);
/// The target's kind: 省下达任务 or 数值.
std::string target_kind_text(const Target& t);
/// The banner every output carries when the plan is a synthetic sample (ReportResult::synthetic).
extern const char* const kSyntheticBanner;

/// The label of a vintage/level pair used to name layers and sheets ("county", "county_DLTB_LATER").
std::string level_key(const ReportResult& r, std::size_t vintage, std::size_t level);

/// Choropleth classes over the values of one indicator in one level (quantile breaks, ≤ 5).
/// The outer bounds are rounded outward at `decimals` (never inward): the first class starts at
/// or below the smallest value, the last ends at or above the largest, so every unit with a
/// value falls in a class in QGIS (which compares lower ≤ v ≤ upper) as in the HTML.
struct Classes {
  std::vector<double> breaks;  ///< class i spans [breaks[i], breaks[i+1]]
  [[nodiscard]] std::size_t count() const { return breaks.size() < 2 ? 0 : breaks.size() - 1; }
  /// Class of a value; -1 when there are no classes.
  [[nodiscard]] int of(double v) const;
};
Classes classify(std::vector<double> values, int decimals, std::size_t max_classes = 5);
/// YlOrRd, 5 steps: the colours of the shipped choropleth style.
extern const std::array<std::uint32_t, 5> kClassColours;

/// One row of 三线内现状地类统计 as every writer shows it.
struct WithinRow {
  std::string vintage, level, level_title, unit_code, unit_name, layer, layer_name, dlbm, dlmc;
  double area_m2 = 0, area_mu = 0;
};
/// The classes-within records with their names (layer: the catalogue's Chinese name; DLBM: the
/// 三调 code list's), in the report's order.
std::vector<WithinRow> within_rows(const ReportResult& r);
/// The columns of that table: (field, Chinese title), in writer order.
extern const std::array<std::pair<const char*, const char*>, 11> kWithinColumns;
/// The table's title and a sentence on what its areas are (椭球面积 or 投影面积).
std::string within_title();
std::string within_note(const ReportResult& r);

/// The unit results of one vintage and level, in unit order.
std::vector<const UnitResult*> results_of(const ReportResult& r, std::size_t vintage, std::size_t level);

}  // namespace guotu::report
