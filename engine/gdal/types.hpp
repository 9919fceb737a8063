// Value types the GDAL adapter hands to domain code (no GDAL types cross this line).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace guotu::gdal {

enum class FieldType { String, Integer, Integer64, Real, Date, DateTime, Binary, Other };

struct FieldDef {
  std::string name;
  FieldType type = FieldType::String;
  int width = 0;      ///< for String: maximum characters (0 = unlimited)
  std::string alias;  ///< Chinese alias, written as the field's alternative name where supported
  bool not_null = false;
};

/// A field value: null, text, integer or real. Dates travel as ISO text.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double>;

[[nodiscard]] inline bool is_null(const FieldValue& v) {
  return std::holds_alternative<std::monostate>(v);
}
/// The value as text (integers and reals formatted); empty for null.
[[nodiscard]] std::string as_text(const FieldValue& v);
/// The value as a number; nullopt for null or non-numeric text.
[[nodiscard]] std::optional<double> as_number(const FieldValue& v);

[[nodiscard]] const char* to_string(FieldType t);

/// Geometry kinds of a layer.
enum class GeometryKind { None, Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, Unknown };
[[nodiscard]] const char* to_string(GeometryKind k);

/// What a layer must hold, as the layer catalogue says (`geometry:`); Any = no requirement.
enum class GeometryFamily { Any, Point, Line, Polygon };
/// The family of a kind (None and Unknown: Any).
[[nodiscard]] GeometryFamily family_of(GeometryKind k);
/// "a polygon layer", "a line layer", "a point layer".
[[nodiscard]] const char* describe(GeometryFamily f);

/// A coordinate reference system as the rest of guotu sees it.
struct Crs {
  std::string definition;  ///< "EPSG:n" when identified, else WKT2 (what PROJ accepts)
  std::string name;
  std::optional<int> epsg;
  bool geographic = false;
  [[nodiscard]] std::string label() const { return epsg ? "EPSG:" + std::to_string(*epsg) : name; }
};

}  // namespace guotu::gdal
