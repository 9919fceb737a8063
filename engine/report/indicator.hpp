// Indicators (指标) as data: data/indicators/*.yaml defines the base quantities measured per
// unit (measures: a land-class area summed over 三调 patches, a plan layer's area inside the unit,
// a value from an input table) and the indicators computed from them (an area, a share, a per
// capita figure), each with its Chinese name, definition, unit and source.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guotu::report {

/// Where a measure comes from.
enum class MeasureKind {
  LandUse,  ///< Σ of a patch attribute (TBMJ / TBDLMJ) over the unit's 三调 patches of some classes
  Overlay,  ///< 椭球面积 of (plan layer ∩ unit), the layer's features dissolved first
  Input,    ///< a value per unit code from a user-supplied table (population, 控规 area …)
  /// The area of the change pieces of one class (guotu diff's engine and the city's change
  /// rules, e.g. 新增建设用地) between the first vintage and a later one, by the earlier patch's
  /// ZLDWDM: defined for the later vintages, "no input" for the first.
  Change,
};

struct MeasureDef {
  std::string id;
  std::string name;  ///< Chinese description
  MeasureKind kind = MeasureKind::LandUse;
  // LandUse
  std::string field = "TBMJ";        ///< patch attribute summed (m²)
  std::vector<std::string> classes;  ///< land classes (layers/codes/land_classes.csv), any of; empty = every patch
  std::vector<std::string> czcsxm;   ///< allowed 城镇村属性码 values; empty = any
  // Overlay
  std::string layer;  ///< plan layer code (YJJBNT, STBHHX …)
  // Change
  std::string change_class;  ///< a class of the change rules (新增建设用地 …)
  // Input
  std::string table;        ///< input table name (--input NAME=FILE, --population FILE)
  double input_factor = 1;  ///< input value × factor = measure (m² for areas)
  std::string file;
  long line = 0;
};

/// What an indicator value is measured in.
enum class ValueUnit {
  SquareMetre,
  Hectare,
  Mu,
  WanMu,
  SquareKilometre,
  Percent,
  SquareMetrePerPerson,
  TenThousandCubicMetre,  ///< 万立方米 (森林蓄积量): never computable from land data
};

/// Parses "m²", "公顷", "亩", "万亩", "km²", "%", "平方米/人" (and ASCII spellings m2, ha, mu, wan_mu,
/// km2, m2/person), 万立方米; nullopt when unknown.
std::optional<ValueUnit> parse_value_unit(const std::string& text);
/// The display symbol (公顷, 万亩, %, 平方米/人 …).
std::string unit_symbol(ValueUnit u);
/// m² per one of `u` for area units; nullopt for the others.
std::optional<double> m2_per(ValueUnit u);

struct IndicatorDef {
  std::string id;           ///< ASCII, used as field name (e.g. "kfqd_pct")
  std::string name;         ///< Chinese name (国土开发强度)
  std::string definition;   ///< how it is computed, in words
  std::string numerator;    ///< measure id
  std::string denominator;  ///< measure id; empty for an area indicator
  ValueUnit unit = ValueUnit::Hectare;
  bool computable = true;  ///< false: not computable from land data (森林蓄积量 …): reported as such
  bool map = false;        ///< a key indicator: drawn as a choropleth in the HTML report
  std::string source;      ///< official document (文号, title) and item (data/documents.yaml)
  std::string seed_ref;    ///< internal research reference (`seed_ref`); kept, never printed
  std::string note;        ///< caveats (e.g. the land-based 森林覆盖率 approximation)
  std::string file;
  long line = 0;
};

/// Why an indicator has no value.
enum class ValueState { Ok, NoInput, NotComputable, ZeroDenominator };

struct IndicatorValue {
  std::optional<double> value;
  ValueState state = ValueState::Ok;
  std::string why;  ///< which input is missing, for no-input values
};

/// A measure per unit: nullopt when its input is missing (never guessed).
using MeasureValues = std::map<std::string, std::optional<double>>;

class IndicatorSet {
 public:
  /// Loads one or more definition files (later files may add indicators; an id defined twice is
  /// an error naming file and line).
  static IndicatorSet load(const std::vector<std::filesystem::path>& files);

  [[nodiscard]] const std::vector<MeasureDef>& measures() const noexcept { return measures_; }
  [[nodiscard]] const std::vector<IndicatorDef>& indicators() const noexcept { return indicators_; }
  [[nodiscard]] const IndicatorDef* find(const std::string& id) const;
  [[nodiscard]] const MeasureDef* measure(const std::string& id) const;
  /// Input tables the measures need (population …).
  [[nodiscard]] std::vector<std::string> input_tables() const;

 private:
  std::vector<MeasureDef> measures_;
  std::vector<IndicatorDef> indicators_;
};

/// The indicator's value from a unit's measures: the one function the report and the tests use.
IndicatorValue evaluate(const IndicatorDef& def, const MeasureValues& measures);

}  // namespace guotu::report
