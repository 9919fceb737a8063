// `guotu report`: land indicators per city, county, town or any polygon layer, for one or more
// survey vintages, judged against targets, written as a GeoPackage, CSV, XLSX and a
// self-contained HTML page. compute_report does the work; write_report writes the outputs.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/atomic_output.hpp"
#include "gdal/vector_source.hpp"
#include "report/aggregate.hpp"
#include "report/indicator.hpp"
#include "report/target.hpp"

namespace guotu::report {

struct ReportOptions {
  std::string plan;  ///< any OGR source with XZQ, DLTB … under catalogue names
  gdal::OpenOptions open;
  std::vector<std::string> by;        ///< "county", "town", "LAYER[:CODE[:NAME]]"; default county, town
  std::vector<std::string> vintages;  ///< land-use layers; default DLTB
  std::vector<std::filesystem::path> indicator_files;   ///< default: the city profile's
  std::vector<std::filesystem::path> target_files;      ///< default: the city profile's
  std::optional<int> year;                              ///< default: the latest year the targets name
  std::map<std::string, std::filesystem::path> inputs;  ///< input table → CSV (code,value)
  std::string crs;                                      ///< working CRS; empty: the city profile's
  /// The areas guotu measures (units, overlays, classes within): 椭球面积 or the plane area.
  /// Figures read from fields (TBMJ, TBDLMJ) are as the survey recorded them.
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  /// Control lines (YJJBNT, STBHHX, CZKFBJ …) for 三线内现状地类统计; empty: no such table.
  std::vector<std::string> classes_within;
  unsigned jobs = 0;  ///< threads (0 = all cores)
  Progress progress;
};

/// One indicator in one unit of one vintage.
struct Outcome {
  const IndicatorDef* indicator = nullptr;
  IndicatorValue value;
  Status status = Status::MissingTarget;
  std::optional<Target> target;
};

/// A unit's results for one vintage.
struct UnitResult {
  std::size_t vintage = 0;
  std::size_t level = 0;
  std::size_t unit = 0;
  MeasureValues measures;
  std::vector<Outcome> outcomes;  ///< in indicator order
};

struct ReportResult {
  std::string plan;
  std::string crs;
  int year = 0;
  IndicatorSet indicators;
  TargetSet targets;
  std::vector<std::filesystem::path> indicator_files, target_files;
  std::vector<std::string> vintages;
  std::vector<UnitLevel> levels;
  std::vector<UnitResult> results;  ///< vintage-major, then level, then unit
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  std::vector<std::string> classes_within_layers;  ///< as asked (--classes-within)
  std::vector<ClassWithin> classes_within;         ///< vintage, level, unit, layer order, DLBM
  std::map<std::string, std::size_t> patches;      ///< vintage → patch count
  /// Features the reader skipped (a TBMJ of Inf, text in a REAL column, a coordinate it cannot
  /// trust): the figures leave them out, so the run exits 2.
  std::vector<gdal::ReadProblem> read_problems;
  std::vector<std::string> warnings;
  /// The plan is a synthetic sample: `guotu sample` marks its GeoPackage (metadata item
  /// GUOTU_SYNTHETIC = "yes…"); every output then carries a 示例数据 banner.
  bool synthetic = false;

  [[nodiscard]] const ReportUnit& unit_of(const UnitResult& r) const { return levels[r.level].units[r.unit]; }
  /// Counts of outcomes by status.
  [[nodiscard]] std::map<Status, std::size_t> status_counts() const;
};

/// The target files a run reads: --targets, else the city profile's; on guotu's own sample city
/// (its GUOTU_SYNTHETIC mark, with the city, size and seed the profile's `sample_targets` name)
/// the profile's example targets (示例) after them. `note` says what was added, or why not.
struct TargetFiles {
  std::vector<std::filesystem::path> files;
  bool synthetic = false;  ///< the plan carries guotu sample's mark
  std::string note;        ///< for the run's warnings; empty when nothing is to be said
};
TargetFiles choose_target_files(const ReportOptions& options);

ReportResult compute_report(const ReportOptions& options);

struct OutputOptions {
  std::filesystem::path dir;
  bool overwrite = false;
  std::map<std::string, std::string> metadata;  ///< run metadata for the GeoPackage and HTML
  std::string timestamp;                        ///< empty = now
  /// When set, the directory (or the database tables) appears when this set is committed.
  OutputSet* outputs = nullptr;
};

/// The files written, by kind (gpkg, csv, xlsx, html).
using OutputFiles = std::map<std::string, std::filesystem::path>;

/// Writes report.gpkg, indicators.csv, report.xlsx and report.html into `dir`, atomically:
/// everything goes into a hidden temporary directory beside `dir` (AtomicDirectory), which
/// appears at the end (or when options.outputs is committed). `dir` must not exist unless
/// overwrite.
OutputFiles write_report(const ReportResult& report, const OutputOptions& options);

/// Checks before any work that `dir` may be written (check_output_directory_writable, or a
/// PostgreSQL target that answers and has PostGIS).
void check_output_dir(const std::filesystem::path& dir, bool overwrite);

}  // namespace guotu::report
