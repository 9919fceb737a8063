// From `guotu check` to the ledger: the occupancy hand-over file (`check --occupancy-json`, format
// docs/rules.md §Occupancy JSON) read with every value's type checked, and judged against the
// booking rules (data/rules/ledger/<city>.yaml): the ledger books only lawful occupations. A
// project that takes 耕地 with a verdict other than the bookable ones (禁止, 需审批, 未完整审查 …)
// or without an approval number is refused, naming its verdict, the rules behind it and the
// document behind the refusal; one refused project refuses the file (docs/ledger.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ledger/farmland_ledger.hpp"

namespace guotu::ledger {

/// Which occupations from check the ledger books, and the documents behind its refusals.
struct BookingRules {
  struct Ground {
    std::string why_zh;  ///< the reason, as printed beside a refused project
    std::string source;  ///< the document (文号, title, item) or "guotu 设定：…"
  };
  std::string file;
  std::vector<std::string> bookable_verdicts;  ///< e.g. 通过, 提示
  std::map<std::string, Ground> refused;       ///< verdict → why it is refused
  Ground otherwise;                            ///< any other verdict
  bool approval_required = true;               ///< a project without an approval number is refused
  Ground approval;

  /// Reads a booking-rule file; BadInput naming the file and line.
  static BookingRules load(const std::filesystem::path& file);
  /// the city profile's ledger_rules, loaded once.
  static const BookingRules& embedded();
};

/// A rule of check a project broke, as the occupancy file hands it over.
struct BrokenRule {
  std::string rule, name_zh, severity, source;
  double area_m2 = 0;
};

/// One project of the occupancy file that takes 耕地: the occupation it would book, and what
/// check found.
struct CheckedProject {
  Occupation occupation;  ///< id and project: the project id (BSM); county, date, approval, areas
  std::string name;       ///< XMMC
  std::string verdict;    ///< 通过, 提示, 需审批, 禁止, 未完整审查 …
  std::vector<BrokenRule> broken;
};

struct OccupancyHandover {
  std::string file;
  std::size_t listed = 0;                 ///< occupations in the file (those taking no 耕地 too)
  std::vector<CheckedProject> taking;     ///< those taking 耕地, in file order
  std::string capacity_basis;             ///< 示例 (the shipped example weights) or 权重表 FILE
  std::map<int, double> weights;          ///< the grade weights the capacities were computed with
  std::vector<BrokenRule> not_evaluated;  ///< rules check could not evaluate (rule, name_zh, source: reason)
};

struct HandoverOptions {
  std::string date;    ///< --date: the occupation date (else the file's)
  std::string county;  ///< --county: for projects without one
  std::vector<std::string> from_supplements;
};

/// Reads the file: format guotu-occupancy, version 2 or later (verdicts handed over), 椭球面积;
/// every value's type checked. BadInput naming the file (and the project) otherwise.
[[nodiscard]] OccupancyHandover read_occupancy(const std::string& file, const HandoverOptions& options);

/// A project the ledger does not book, and why.
struct RefusedProject {
  std::string project, name, verdict;
  std::vector<std::string> reasons;  ///< in words, each naming the rules behind it
};

struct Judgement {
  std::vector<RefusedProject> refused;         ///< in file order
  std::map<std::string, std::string> grounds;  ///< label (verdict, rule id, 批准文号) → document
  [[nodiscard]] bool lawful() const { return refused.empty(); }
};

/// Which projects of the file the rules refuse.
[[nodiscard]] Judgement judge(const OccupancyHandover& handover, const BookingRules& rules);

/// The refusal as printed: one line per refused project, then the documents behind them.
[[nodiscard]] std::string describe(const Judgement& j, const OccupancyHandover& handover);

}  // namespace guotu::ledger
