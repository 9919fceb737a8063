#include "check/occupancy.hpp"

#include <cmath>
#include <mutex>

#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/resources.hpp"
#include "gdal/vector_source.hpp"
#include "layers/code_list.hpp"

namespace guotu::check {

GradeWeights GradeWeights::load(const std::filesystem::path& csv) {
  gdal::VectorSource src = gdal::VectorSource::open(csv.string());
  if (src.layer_count() != 1) throw_bad_input("expected one table", {csv.string(), {}, {}, {}});
  const gdal::Layer& layer = src.layer(0);
  const auto grade_i = layer.field_index("grade");
  const auto weight_i = layer.field_index("weight");
  const auto prov_i = layer.field_index("provenance");
  if (!grade_i || !weight_i) throw_bad_input("needs columns grade,weight", {csv.string(), {}, {}, {}});
  GradeWeights w;
  w.source_ = csv.string();
  long line = 1;
  layer.read({}, [&](gdal::Feature&& f) {
    ++line;
    const auto g = gdal::as_number(f.values[*grade_i]);
    const auto v = gdal::as_number(f.values[*weight_i]);
    const auto grade = g ? exact_integer<int>(*g) : std::nullopt;
    if (!grade || *grade < 1 || *grade > 15 || !v || !std::isfinite(*v) || *v < 0)
      throw_bad_input("grade must be 1…15 and weight a finite non-negative number", {csv.string(), {}, {}, line});
    if (!w.weights_.emplace(*grade, *v).second) throw_bad_input("grade listed twice", {csv.string(), {}, {}, line});
    if (prov_i && line == 2) w.source_ = csv.filename().string() + ": " + gdal::as_text(f.values[*prov_i]);
  });
  if (w.weights_.empty()) throw_bad_input("no grades", {csv.string(), {}, {}, {}});
  return w;
}

const GradeWeights& GradeWeights::embedded() {
  static std::once_flag once;
  static GradeWeights w;
  std::call_once(once, [] { w = load(resources::resource("data/rules/farmland_grade_weights.csv")); });
  return w;
}

std::optional<double> GradeWeights::weight(int grade) const {
  auto it = weights_.find(grade);
  if (it == weights_.end()) return std::nullopt;
  return it->second;
}

void OccupancyBuilder::add(const std::string& dlbm, const std::string& dlmc, double kcxs, std::optional<int> gddb,
                           double gross_m2) {
  const bool cultivated = layers::LandClasses::embedded().contains("cultivated", "sandiao", dlbm);
  // 等别 only means something on 耕地; elsewhere it is ignored so rows do not split on noise.
  const int grade = cultivated && gddb ? *gddb : 0;
  OccupancyRow& row = rows_[Key{dlbm, grade}];
  if (row.dlbm.empty()) {
    row.dlbm = dlbm;
    row.dlmc = dlmc;
    if (grade != 0) row.gddb = grade;
    row.cultivated = cultivated;
  }
  const double k = std::isfinite(kcxs) && kcxs > 0 && kcxs < 1 ? kcxs : 0.0;
  row.gross_m2 += gross_m2;
  row.ridge_m2 += gross_m2 * k;
  row.net_m2 += gross_m2 * (1.0 - k);
}

Occupancy OccupancyBuilder::finish(const GradeWeights& weights) const {
  Occupancy o;
  o.evaluated = true;
  for (const auto& [key, row] : rows_) {
    o.rows.push_back(row);
    o.by_dlbm_m2[row.dlbm] += row.net_m2;
    if (row.ridge_m2 > 0) o.by_dlbm_m2["1203"] += row.ridge_m2;  // 田坎 is its own 三调 class
    if (!row.cultivated) continue;
    o.cultivated_gross_m2 += row.gross_m2;
    o.cultivated_ridge_m2 += row.ridge_m2;
    o.cultivated_net_m2 += row.net_m2;
    const auto w = row.gddb ? weights.weight(*row.gddb) : std::nullopt;
    if (w) {
      o.cultivated_by_grade_m2[*row.gddb] += row.net_m2;
      o.capacity_std_m2 += row.net_m2 * *w;
    } else {
      o.cultivated_ungraded_m2 += row.net_m2;
    }
  }
  const auto& classes = layers::LandClasses::embedded();
  for (const auto& cls : classes.classes()) {
    double sum = 0;
    bool any = false;
    for (const auto& [code, m2] : o.by_dlbm_m2) {
      if (classes.contains(cls, "sandiao", code)) {
        sum += m2;
        any = true;
      }
    }
    if (any) o.by_class_m2[cls] = sum;
  }
  return o;
}

}  // namespace guotu::check
