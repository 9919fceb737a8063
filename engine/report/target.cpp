#include "report/target.hpp"

#include <algorithm>
#include <cctype>

#include <yaml-cpp/yaml.h>

#include "core/bounds.hpp"
#include "core/error.hpp"
#include "core/yaml.hpp"
#include "report/target_table.hpp"

namespace guotu::report {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const YAML::Node& node, const std::string& why) {
  yaml::fail(file.string(), node, why);
}

std::string scalar(const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  return n && n.IsScalar() ? n.Scalar() : std::string();
}

// A target value: finite (a NaN target passes or fails every figure). Magnitude: 1e15 is beyond
// any area in m² or share a plan states.
double number(const fs::path& file, const YAML::Node& n, const std::string& what) {
  return yaml::number(file.string(), n, what, -bounds::kMaxTargetValue, bounds::kMaxTargetValue);
}

}  // namespace

std::string comparator_symbol(Comparator c) {
  switch (c) {
    case Comparator::LessEqual: return "≤";
    case Comparator::GreaterEqual: return "≥";
    case Comparator::Less: return "<";
    case Comparator::Greater: return ">";
  }
  return "";
}

std::string attribute_name(Attribute a) {
  return a == Attribute::Binding ? "约束性" : "预期性";
}

std::string status_name(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::MissingTarget: return "missing target";
    case Status::NoInput: return "no input";
    case Status::NotComputable: return "not computable";
    case Status::NoData: return "no data";
  }
  return "";
}

std::string status_name_zh(Status s) {
  switch (s) {
    case Status::Pass: return "达标";
    case Status::Fail: return "未达标";
    case Status::MissingTarget: return "缺目标";
    case Status::NoInput: return "无输入";
    case Status::NotComputable: return "不可计算";
    case Status::NoData: return "无数据";
  }
  return "";
}

TargetSet TargetSet::load(const std::vector<fs::path>& files, const IndicatorSet& indicators) {
  TargetSet set;
  for (const auto& file : files) {
    // A table a planner filled in (the --targets-template's CSV or XLSX).
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv" || ext == ".xlsx") {
      for (Target& t : read_target_table(file, indicators)) set.targets_.push_back(std::move(t));
      continue;
    }
    const YAML::Node root = yaml::load_file(file, "target");
    if (!root.IsMap() || !root["targets"] || !root["targets"].IsSequence())
      fail(file, root, "a target file is a mapping with a 'targets' list");
    const std::string file_source = scalar(root, "source");
    for (const auto& n : root["targets"]) {
      if (!n.IsMap()) fail(file, n, "a target is a mapping");
      static const char* const known[] = {"indicator", "year",       "level",     "unit",  "units",
                                          "value",     "comparator", "attribute", "quota", "source",
                                          "seed_ref",  "reference",  "value_unit"};
      for (const auto& kv : n) {
        const std::string k = kv.first.Scalar();
        if (std::find_if(std::begin(known), std::end(known), [&](const char* s) { return k == s; }) == std::end(known))
          fail(file, kv.first, "unknown key '" + k + "'");
      }
      Target t;
      t.file = file.string();
      t.line = n.Mark().line + 1;
      t.indicator = scalar(n, "indicator");
      const IndicatorDef* def = indicators.find(t.indicator);
      if (def == nullptr) fail(file, n, "unknown indicator '" + t.indicator + "'");
      if (n["year"])
        t.year = static_cast<int>(yaml::integer(file.string(), n["year"], "year", bounds::kMinYear, bounds::kMaxYear));
      t.level = scalar(n, "level");
      t.unit = scalar(n, "unit");
      t.source = scalar(n, "source").empty() ? file_source : scalar(n, "source");
      if (t.source.empty())
        fail(file, n, "a target needs a source (the document, its number and item, or who supplied the value)");
      t.reference = scalar(n, "reference");
      t.seed_ref = scalar(n, "seed_ref");
      const std::string cmp = scalar(n, "comparator");
      if (cmp == "<=" || cmp == "≤")
        t.comparator = Comparator::LessEqual;
      else if (cmp == ">=" || cmp == "≥" || cmp.empty())
        t.comparator = Comparator::GreaterEqual;
      else if (cmp == "<")
        t.comparator = Comparator::Less;
      else if (cmp == ">")
        t.comparator = Comparator::Greater;
      else
        fail(file, n["comparator"], "comparator must be <=, >=, <, > (or ≤ ≥), not '" + cmp + "'");
      const std::string attr = scalar(n, "attribute");
      if (attr == "binding" || attr == "约束性" || attr.empty())
        t.attribute = Attribute::Binding;
      else if (attr == "expected" || attr == "预期性")
        t.attribute = Attribute::Expected;
      else
        fail(file, n["attribute"], "attribute must be binding (约束性) or expected (预期性), not '" + attr + "'");
      const std::string quota = scalar(n, "quota");
      if (!quota.empty() && quota != "provincial") fail(file, n["quota"], "quota can only be 'provincial'");
      t.provincial_quota = quota == "provincial";
      // Values in another area unit than the indicator's are converted.
      double factor = 1;
      if (n["value_unit"]) {
        const auto vu = parse_value_unit(scalar(n, "value_unit"));
        if (!vu) fail(file, n["value_unit"], "unknown unit '" + scalar(n, "value_unit") + "'");
        if (*vu != def->unit) {
          const auto a = m2_per(*vu), b = m2_per(def->unit);
          if (!a || !b)
            fail(file, n["value_unit"], "cannot convert " + unit_symbol(*vu) + " to " + unit_symbol(def->unit));
          factor = *a / *b;
        }
      }
      if (n["value"] && n["units"]) fail(file, n, "give either 'value' or 'units', not both");
      if (n["units"]) {
        // Per-unit values: {code: value, …}.
        if (!n["units"].IsMap()) fail(file, n["units"], "'units' maps unit codes to values");
        for (const auto& kv : n["units"]) {
          Target u = t;
          u.level.clear();
          u.unit = kv.first.Scalar();
          u.value = number(file, kv.second, "units." + u.unit) * factor;
          u.line = kv.first.Mark().line + 1;
          set.targets_.push_back(std::move(u));
        }
        continue;
      }
      if (n["value"]) t.value = number(file, n["value"], "value") * factor;
      if (!t.value && !t.provincial_quota)
        fail(file, n, "a target needs a value (or 'quota: provincial' when the province sets it)");
      if (t.level.empty() && t.unit.empty())
        fail(file, n, "a target needs a 'level' (city, county, town, a layer, all) or a 'unit' code");
      set.targets_.push_back(std::move(t));
    }
  }
  return set;
}

const Target* TargetSet::find(const std::string& indicator, const std::string& level, const std::string& unit,
                              int year) const {
  const Target* best = nullptr;
  int best_rank = -1;
  for (const auto& t : targets_) {
    if (t.indicator != indicator || (t.year && *t.year != year)) continue;
    int rank = -1;
    if (!t.unit.empty())
      rank = t.unit == unit ? 2 : -1;
    else if (t.level == level)
      rank = 1;
    else if (t.level == "all")
      rank = 0;
    if (rank >= 0 && rank >= best_rank) best = &t, best_rank = rank;
  }
  return best;
}

std::optional<int> TargetSet::latest_year() const {
  std::optional<int> y;
  for (const auto& t : targets_)
    if (t.year && (!y || *t.year > *y)) y = t.year;
  return y;
}

Status judge(const IndicatorValue& v, const Target* t) {
  switch (v.state) {
    case ValueState::NotComputable: return Status::NotComputable;
    case ValueState::NoInput: return Status::NoInput;
    case ValueState::ZeroDenominator: return Status::NoData;
    case ValueState::Ok: break;
  }
  if (t == nullptr || !t->value) return Status::MissingTarget;
  const double x = *v.value, y = *t->value;
  bool ok = false;
  switch (t->comparator) {
    case Comparator::LessEqual: ok = x <= y; break;
    case Comparator::GreaterEqual: ok = x >= y; break;
    case Comparator::Less: ok = x < y; break;
    case Comparator::Greater: ok = x > y; break;
  }
  return ok ? Status::Pass : Status::Fail;
}

}  // namespace guotu::report
