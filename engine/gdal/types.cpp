#include "gdal/types.hpp"

#include <charconv>

#include <fmt/format.h>

namespace guotu::gdal {

std::string as_text(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return {};
}

std::optional<double> as_number(const FieldValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) {
    double out = 0;
    const char* b = s->data();
    const char* e = b + s->size();
    while (b < e && *b == ' ') ++b;
    auto r = std::from_chars(b, e, out);
    if (r.ec == std::errc() && r.ptr != b) return out;
  }
  return std::nullopt;
}

const char* to_string(FieldType t) {
  switch (t) {
    case FieldType::String: return "String";
    case FieldType::Integer: return "Integer";
    case FieldType::Integer64: return "Integer64";
    case FieldType::Real: return "Real";
    case FieldType::Date: return "Date";
    case FieldType::DateTime: return "DateTime";
    case FieldType::Binary: return "Binary";
    case FieldType::Other: return "Other";
  }
  return "Other";
}

const char* to_string(GeometryKind k) {
  switch (k) {
    case GeometryKind::None: return "None";
    case GeometryKind::Point: return "Point";
    case GeometryKind::MultiPoint: return "MultiPoint";
    case GeometryKind::LineString: return "LineString";
    case GeometryKind::MultiLineString: return "MultiLineString";
    case GeometryKind::Polygon: return "Polygon";
    case GeometryKind::MultiPolygon: return "MultiPolygon";
    case GeometryKind::Unknown: return "Unknown";
  }
  return "Unknown";
}

GeometryFamily family_of(GeometryKind k) {
  switch (k) {
    case GeometryKind::Point:
    case GeometryKind::MultiPoint: return GeometryFamily::Point;
    case GeometryKind::LineString:
    case GeometryKind::MultiLineString: return GeometryFamily::Line;
    case GeometryKind::Polygon:
    case GeometryKind::MultiPolygon: return GeometryFamily::Polygon;
    default: return GeometryFamily::Any;
  }
}

const char* describe(GeometryFamily f) {
  switch (f) {
    case GeometryFamily::Point: return "a point layer";
    case GeometryFamily::Line: return "a line layer";
    case GeometryFamily::Polygon: return "a polygon layer";
    case GeometryFamily::Any: return "a layer of any geometry";
  }
  return "a layer of any geometry";
}

}  // namespace guotu::gdal
