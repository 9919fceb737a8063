#include "check/occupancy.hpp"

#include <charconv>
#include <cmath>
#include <mutex>

#include <fmt/format.h>

#include "core/bounds.hpp"
#include "core/csv_shape.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/resources.hpp"
#include "core/text.hpp"
#include "layers/code_list.hpp"

namespace guotu::check {

namespace {

constexpr const char* kShippedTable = "data/rules/farmland_grade_weights.csv";

// A decimal number as written in the table (no units, no thousands separators).
std::optional<double> parse_number(const std::string& s) {
  double v = 0;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

}  // namespace

GradeWeights GradeWeights::load(const std::filesystem::path& csv) {
  const std::string file = csv.string();
  const std::vector<CsvRecord> records = read_csv(csv);
  if (records.empty()) throw_bad_input("the grade-weight table is empty (columns grade,weight)", {file, {}, {}, {}});
  const auto& header = records.front().fields;
  auto column = [&](const char* name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == name) return i;
    return std::nullopt;
  };
  const auto grade_i = column("grade"), weight_i = column("weight"), prov_i = column("provenance");
  if (!grade_i || !weight_i)
    throw_bad_input("a grade-weight table needs the columns grade and weight (耕地等别 1–15 and its factor)",
                    {file, {}, {}, records.front().line});
  GradeWeights w;
  w.file_ = file;
  w.source_ = csv.filename().string();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const std::string g = trim(rec.fields[*grade_i]), v = trim(rec.fields[*weight_i]);
    const auto grade_value = parse_number(g);
    const auto grade = grade_value ? exact_integer<int>(*grade_value) : std::nullopt;
    if (!grade || *grade < 1 || *grade > 15)
      throw_bad_input(fmt::format("grade '{}' is not a 耕地等别 1–15 (GB/T 28407-2012)", g), {file, {}, {}, rec.line});
    const auto weight = parse_number(v);
    if (!weight || !std::isfinite(*weight) || *weight < 0 || *weight > bounds::kMaxGradeWeight)
      throw_bad_input(fmt::format("the weight of grade {} must be a factor from 0 to {:g} (the grade's capacity "
                                  "relative to the standard grade), not '{}'",
                                  *grade, bounds::kMaxGradeWeight, v),
                      {file, {}, {}, rec.line});
    if (!w.weights_.emplace(*grade, *weight).second)
      throw_bad_input(fmt::format("grade {} is listed twice", *grade), {file, {}, {}, rec.line});
    if (prov_i && r == 1 && !trim(rec.fields[*prov_i]).empty())
      w.source_ = csv.filename().string() + ": " + trim(rec.fields[*prov_i]);
  }
  std::string missing;
  for (int g = 1; g <= 15; ++g)
    if (!w.weights_.contains(g)) missing += (missing.empty() ? "" : ", ") + std::to_string(g);
  if (!missing.empty())
    throw_bad_input(fmt::format("the table lists no weight for grade {}: every 耕地等别 1–15 needs one", missing),
                    {file, {}, {}, {}});
  return w;
}

const GradeWeights& GradeWeights::embedded() {
  static std::once_flag once;
  static GradeWeights w;
  std::call_once(once, [] {
    w = load(resources::resource(kShippedTable));
    w.example_ = true;
  });
  return w;
}

GradeWeights GradeWeights::chosen(const std::string& file) {
  if (file.empty()) return embedded();
  std::error_code ec;
  if (std::filesystem::equivalent(file, resources::resource(kShippedTable), ec)) return embedded();
  return load(file);
}

std::string GradeWeights::basis() const {
  return example_ ? std::string(kExampleWeights) : "权重表 " + std::filesystem::path(file_).filename().string();
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
