// Targets in a table a planner fills in (CSV or XLSX): the template `guotu report
// --targets-template FILE` writes (one row per indicator and unit the report judges), and the
// reader TargetSet::load uses for a .csv or .xlsx target file. Provincial quotas (省下达任务) and
// county and town targets arrive this way, from whoever holds the issuing document.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/atomic_output.hpp"
#include "report/report.hpp"
#include "report/target.hpp"

namespace guotu::report {

/// The columns of a target table, in the template's order. The reader finds them by name; the
/// ones it needs are 指标代码, 年份, 层级, 单元代码, 比较, 目标值, 属性 and 来源 (单位 is read
/// when present; 指标名称, 单元名称, 现有目标 and 说明 are for people).
[[nodiscard]] const std::vector<std::string>& target_table_columns();

/// The targets of a filled-in table: one per row with a 目标值 (rows left empty are no target).
/// Everything wrong in the table is refused in one BadInput, one "FILE:ROW: why" line per
/// problem (unknown indicator, a value that is not a finite number, no comparator, attribute or
/// source, the same indicator, year and unit twice …). Values in another area unit than the
/// indicator's (单位 万亩 where the indicator is in 公顷) are converted.
[[nodiscard]] std::vector<Target> read_target_table(const std::filesystem::path& file, const IndicatorSet& indicators);

struct TemplateSummary {
  std::filesystem::path file;
  int year = 0;
  std::size_t rows = 0;     ///< indicator × unit rows
  std::size_t quotas = 0;   ///< of them, provincial quotas still without a value
  std::size_t targets = 0;  ///< of them, with a target already (shown in 现有目标)
  std::size_t units = 0;
  std::vector<std::string> levels;  ///< the levels' titles, in order
};

/// Writes the template (.csv: UTF-8 with BOM; .xlsx: a 目标 sheet and a 填写说明 sheet): one
/// row per computable indicator and unit of every level the report would judge with these
/// options (the plan's XZQ and the --by levels), for the report's year. 比较 and 属性 are filled
/// from the target that applies or the indicator's city target, 现有目标 shows the target that
/// applies now; 目标值 and 来源 are left for the planner. Nothing else of the plan is read.
TemplateSummary write_targets_template(const ReportOptions& options, const std::filesystem::path& file, bool overwrite,
                                       OutputSet* outputs);

}  // namespace guotu::report
