#include "report/indicator.hpp"

#include <algorithm>
#include <set>

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/units.hpp"
#include "core/yaml.hpp"
#include "layers/code_list.hpp"

namespace guotu::report {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const YAML::Node& node, const std::string& why) {
  yaml::fail(file.string(), node, why);
}

std::string text(const fs::path& file, const YAML::Node& map, const char* key, bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) fail(file, map, std::string("missing key '") + key + "'");
    return {};
  }
  if (!n.IsScalar()) fail(file, n, std::string("'") + key + "' must be a single value");
  return n.Scalar();
}

std::vector<std::string> list(const fs::path& file, const YAML::Node& map, const char* key) {
  std::vector<std::string> out;
  const YAML::Node n = map[key];
  if (!n) return out;
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence()) fail(file, n, std::string("'") + key + "' must be a list");
  for (const auto& v : n) out.push_back(v.Scalar());
  return out;
}

void check_keys(const fs::path& file, const YAML::Node& map, std::initializer_list<const char*> known) {
  for (const auto& kv : map) {
    const std::string k = kv.first.Scalar();
    if (std::none_of(known.begin(), known.end(), [&](const char* s) { return k == s; }))
      fail(file, kv.first, "unknown key '" + k + "'");
  }
}

long line_of(const YAML::Node& n) {
  return yaml::line_of(n).value_or(0);
}

}  // namespace

std::optional<ValueUnit> parse_value_unit(const std::string& t) {
  if (t == "m²" || t == "m2" || t == "平方米") return ValueUnit::SquareMetre;
  if (t == "公顷" || t == "ha") return ValueUnit::Hectare;
  if (t == "亩" || t == "mu") return ValueUnit::Mu;
  if (t == "万亩" || t == "wan_mu") return ValueUnit::WanMu;
  if (t == "km²" || t == "km2" || t == "平方千米") return ValueUnit::SquareKilometre;
  if (t == "%") return ValueUnit::Percent;
  if (t == "平方米/人" || t == "m2/person" || t == "m²/人") return ValueUnit::SquareMetrePerPerson;
  if (t == "万立方米") return ValueUnit::TenThousandCubicMetre;
  return std::nullopt;
}

std::string unit_symbol(ValueUnit u) {
  switch (u) {
    case ValueUnit::SquareMetre: return "m²";
    case ValueUnit::Hectare: return "公顷";
    case ValueUnit::Mu: return "亩";
    case ValueUnit::WanMu: return "万亩";
    case ValueUnit::SquareKilometre: return "km²";
    case ValueUnit::Percent: return "%";
    case ValueUnit::SquareMetrePerPerson: return "平方米/人";
    case ValueUnit::TenThousandCubicMetre: return "万立方米";
  }
  return "";
}

std::optional<double> m2_per(ValueUnit u) {
  switch (u) {
    case ValueUnit::SquareMetre: return 1.0;
    case ValueUnit::Hectare: return units::kM2PerHectare;
    case ValueUnit::Mu: return units::kM2PerMu;
    case ValueUnit::WanMu: return units::kM2PerWanMu;
    case ValueUnit::SquareKilometre: return units::kM2PerKm2;
    default: return std::nullopt;
  }
}

IndicatorSet IndicatorSet::load(const std::vector<fs::path>& files) {
  IndicatorSet set;
  const auto& classes = layers::LandClasses::embedded().classes();
  for (const auto& file : files) {
    const YAML::Node root = yaml::load_file(file, "indicator");
    if (!root.IsMap()) fail(file, root, "an indicator file is a mapping with 'measures' and 'indicators'");
    check_keys(file, root, {"source", "seed_ref", "measures", "indicators"});
    for (const auto& m : root["measures"]) {
      if (!m.IsMap()) fail(file, m, "a measure is a mapping");
      check_keys(file, m,
                 {"id", "name", "from", "field", "classes", "czcsxm", "layer", "table", "input_unit", "class"});
      MeasureDef d;
      d.id = text(file, m, "id", true);
      d.name = text(file, m, "name", false);
      d.file = file.string();
      d.line = line_of(m);
      const std::string from = text(file, m, "from", true);
      if (from == "landuse") {
        d.kind = MeasureKind::LandUse;
        d.field = m["field"] ? text(file, m, "field", false) : "TBMJ";
        if (d.field != "TBMJ" && d.field != "TBDLMJ" && d.field != "KCMJ")
          fail(file, m["field"], "field must be TBMJ, TBDLMJ or KCMJ, not '" + d.field + "'");
        d.classes = list(file, m, "classes");
        for (const auto& c : d.classes)
          if (std::find(classes.begin(), classes.end(), c) == classes.end())
            fail(file, m["classes"], "unknown land class '" + c + "' (layers/codes/land_classes.csv)");
        d.czcsxm = list(file, m, "czcsxm");
      } else if (from == "overlay") {
        d.kind = MeasureKind::Overlay;
        d.layer = text(file, m, "layer", true);
      } else if (from == "input") {
        d.kind = MeasureKind::Input;
        d.table = text(file, m, "table", true);
        const std::string u = text(file, m, "input_unit", false);
        if (!u.empty() && u != "persons" && u != "人") {
          const auto vu = parse_value_unit(u);
          if (!vu || !m2_per(*vu))
            fail(file, m["input_unit"], "input_unit must be an area unit or 'persons', not '" + u + "'");
          d.input_factor = *m2_per(*vu);
        }
      } else if (from == "change") {
        d.kind = MeasureKind::Change;
        d.change_class = text(file, m, "class", true);
      } else {
        fail(file, m["from"], "'from' must be landuse, overlay, input or change, not '" + from + "'");
      }
      if (set.measure(d.id) != nullptr) fail(file, m, "measure '" + d.id + "' is defined twice");
      set.measures_.push_back(std::move(d));
    }
    for (const auto& n : root["indicators"]) {
      if (!n.IsMap()) fail(file, n, "an indicator is a mapping");
      check_keys(file, n,
                 {"id", "name", "definition", "numerator", "denominator", "unit", "computable", "map", "source",
                  "seed_ref", "note"});
      IndicatorDef d;
      d.id = text(file, n, "id", true);
      for (char c : d.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
          fail(file, n["id"],
               "an indicator id is ASCII letters, digits and _ (it becomes a field name): '" + d.id + "'");
      d.name = text(file, n, "name", true);
      d.definition = text(file, n, "definition", false);
      d.source = text(file, n, "source", true);
      d.seed_ref = text(file, n, "seed_ref", false);
      d.note = text(file, n, "note", false);
      d.file = file.string();
      d.line = line_of(n);
      const auto u = parse_value_unit(text(file, n, "unit", true));
      if (!u)
        fail(file, n["unit"],
             "unknown unit '" + n["unit"].Scalar() + "' (m², 公顷, 亩, 万亩, km², %, 平方米/人, 万立方米)");
      d.unit = *u;
      d.computable = !n["computable"] || yaml::boolean(file.string(), n["computable"], "computable");
      d.map = n["map"] && yaml::boolean(file.string(), n["map"], "map");
      if (d.computable && d.unit == ValueUnit::TenThousandCubicMetre)
        fail(file, n, "an indicator in 万立方米 cannot be computed from land data: mark it 'computable: false'");
      if (d.computable) {
        d.numerator = text(file, n, "numerator", true);
        d.denominator = text(file, n, "denominator", false);
        for (const auto* ref : {&d.numerator, &d.denominator})
          if (!ref->empty() && set.measure(*ref) == nullptr)
            fail(file, n, "indicator '" + d.id + "' uses measure '" + *ref + "', which no file defines before it");
        const bool area = m2_per(d.unit).has_value();
        if (area && !d.denominator.empty()) fail(file, n, "an area indicator has no denominator");
        if (!area && d.denominator.empty()) fail(file, n, "a share or per-capita indicator needs a denominator");
      }
      if (set.find(d.id) != nullptr) fail(file, n, "indicator '" + d.id + "' is defined twice");
      set.indicators_.push_back(std::move(d));
    }
  }
  return set;
}

const IndicatorDef* IndicatorSet::find(const std::string& id) const {
  for (const auto& d : indicators_)
    if (d.id == id) return &d;
  return nullptr;
}

const MeasureDef* IndicatorSet::measure(const std::string& id) const {
  for (const auto& d : measures_)
    if (d.id == id) return &d;
  return nullptr;
}

std::vector<std::string> IndicatorSet::input_tables() const {
  std::set<std::string> t;
  for (const auto& m : measures_)
    if (m.kind == MeasureKind::Input) t.insert(m.table);
  return {t.begin(), t.end()};
}

IndicatorValue evaluate(const IndicatorDef& def, const MeasureValues& measures) {
  if (!def.computable) return {std::nullopt, ValueState::NotComputable, "not computable from land data"};
  auto get = [&](const std::string& id, IndicatorValue& out) -> std::optional<double> {
    auto it = measures.find(id);
    if (it == measures.end() || !it->second) {
      out.state = ValueState::NoInput;
      out.why = out.why.empty() ? id : out.why + ", " + id;
      return std::nullopt;
    }
    return it->second;
  };
  IndicatorValue r;
  const auto num = get(def.numerator, r);
  std::optional<double> den;
  if (!def.denominator.empty()) den = get(def.denominator, r);
  if (r.state == ValueState::NoInput) {
    r.why = "no input: " + r.why;
    return r;
  }
  if (const auto f = m2_per(def.unit)) {
    r.value = *num / *f;
    return r;
  }
  if (*den == 0) return {std::nullopt, ValueState::ZeroDenominator, def.denominator + " is zero"};
  r.value = def.unit == ValueUnit::Percent ? *num / *den * 100.0 : *num / *den;
  return r;
}

}  // namespace guotu::report
