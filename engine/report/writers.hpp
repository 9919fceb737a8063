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
/// The shortest text that reads back as the same double (CSV, data attributes).
std::string exact_number(double v);

/// The target as people read it: "≥ 0.78", "省下达任务（未提供）", "" when none.
std::string target_text(const Outcome& o);
/// Where the target comes from: its source, file and line.
std::string target_source(const Outcome& o);
/// Where the indicator's definition comes from: its source, file and line.
std::string indicator_source(const IndicatorDef& d);

/// The label of a vintage/level pair used to name layers and sheets ("county", "county_DLTB_LATER").
std::string level_key(const ReportResult& r, std::size_t vintage, std::size_t level);

/// Choropleth classes over the values of one indicator in one level (quantile breaks, ≤ 5).
struct Classes {
  std::vector<double> breaks;  ///< class i spans [breaks[i], breaks[i+1]]
  [[nodiscard]] std::size_t count() const { return breaks.size() < 2 ? 0 : breaks.size() - 1; }
  /// Class of a value; -1 when there are no classes.
  [[nodiscard]] int of(double v) const;
};
Classes classify(std::vector<double> values, std::size_t max_classes = 5);
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
