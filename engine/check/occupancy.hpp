// 压占分析: what land a project takes, by current land class (三调 DLTB), with 耕地 net of 田坎,
// farmland by quality grade (耕地等别 GDDB, 1 best … 15 worst), and the 占补平衡 need it creates:
// the net 耕地 area to supplement and its grade-weighted (standard-grade-equivalent) capacity.
// Method and weights: docs/rules.md §Occupancy; weights are data: the bureau's table (`--grade-weights
// FILE`), else the shipped example data/rules/farmland_grade_weights.csv, whose figures are then
// marked 示例 wherever they are printed.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guotu::check {

/// What marks a capacity figure computed with the shipped example weights (summaries, JSON
/// `capacity_basis`, column and field titles).
inline constexpr const char* kExampleWeights = "示例";

/// Weight of one 亩 of 耕地 of grade g relative to the best grade (1), for the 占补平衡
/// capacity: capacity = Σ net area × weight(grade).
class GradeWeights {
 public:
  /// A CSV table with columns grade and weight (provenance optional; other columns ignored):
  /// every 耕地等别 1–15 exactly once, each weight a finite factor from 0 to
  /// bounds::kMaxGradeWeight. Anything else is BadInput naming the file and the line.
  static GradeWeights load(const std::filesystem::path& csv);
  /// The shipped example, data/rules/farmland_grade_weights.csv, loaded once: example().
  static const GradeWeights& embedded();
  /// The table a command was given (`--grade-weights FILE`), or the shipped example when `file`
  /// is empty. The shipped file given by name is the example still.
  static GradeWeights chosen(const std::string& file);

  /// nullopt for a grade not in the table.
  [[nodiscard]] std::optional<double> weight(int grade) const;
  [[nodiscard]] const std::map<int, double>& weights() const noexcept { return weights_; }
  /// "FILE: provenance of its first row" (the file name alone without a provenance column).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// True for the shipped example table: capacities computed with it are marked 示例.
  [[nodiscard]] bool example() const noexcept { return example_; }
  /// What a capacity computed with this table rests on, as printed: "示例" for the shipped
  /// example, else "权重表 FILE" (the bureau's table).
  [[nodiscard]] std::string basis() const;

 private:
  std::map<int, double> weights_;
  std::string source_;
  std::string file_;
  bool example_ = false;
};

/// One (DLBM, GDDB) row of a project's occupancy.
struct OccupancyRow {
  std::string dlbm;         ///< 地类编码 as in DLTB (text)
  std::string dlmc;         ///< 地类名称
  std::optional<int> gddb;  ///< 耕地等别 when the patch carries one
  double gross_m2 = 0;      ///< 椭球面积 of the project ∩ patches
  double ridge_m2 = 0;      ///< 田坎 deducted: gross × KCXS
  double net_m2 = 0;        ///< gross × (1 − KCXS), as TBDLMJ
  bool cultivated = false;  ///< DLBM is 耕地 (layers::LandClasses "cultivated")
};

/// A project's occupancy (压占) totals.
struct Occupancy {
  bool evaluated = false;                     ///< false when the plan has no DLTB
  std::vector<OccupancyRow> rows;             ///< sorted by DLBM, then grade
  std::map<std::string, double> by_dlbm_m2;   ///< net by DLBM; deducted 田坎 under "1203"
  std::map<std::string, double> by_class_m2;  ///< statistical class (cultivated, forest …) → m², from by_dlbm_m2
  double cultivated_gross_m2 = 0;
  double cultivated_ridge_m2 = 0;
  double cultivated_net_m2 = 0;                  ///< the 占补平衡 area need
  std::map<int, double> cultivated_by_grade_m2;  ///< net 耕地 by GDDB
  double cultivated_ungraded_m2 = 0;             ///< net 耕地 without a usable GDDB (no capacity computed)
  double capacity_std_m2 = 0;                    ///< Σ net × weight(GDDB): standard-grade-equivalent m²
};

/// Collects the pieces of one project and sums them up.
class OccupancyBuilder {
 public:
  void add(const std::string& dlbm, const std::string& dlmc, double kcxs, std::optional<int> gddb, double gross_m2);
  [[nodiscard]] Occupancy finish(const GradeWeights& weights) const;

 private:
  struct Key {
    std::string dlbm;
    int gddb;  // 0 = none
    bool operator<(const Key& o) const { return dlbm != o.dlbm ? dlbm < o.dlbm : gddb < o.gddb; }
  };
  std::map<Key, OccupancyRow> rows_;
};

}  // namespace guotu::check
