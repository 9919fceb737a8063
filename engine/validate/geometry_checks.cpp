#include "validate/geometry_checks.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace guotu::validate {

namespace {

bool polygonal(geos::GeometryType t) {
  return t == geos::GeometryType::Polygon || t == geos::GeometryType::MultiPolygon;
}
bool punctual(geos::GeometryType t) {
  return t == geos::GeometryType::Point || t == geos::GeometryType::MultiPoint;
}

const char* type_name(geos::GeometryType t) {
  switch (t) {
    case geos::GeometryType::Point: return "Point";
    case geos::GeometryType::LineString: return "LineString";
    case geos::GeometryType::LinearRing: return "LinearRing";
    case geos::GeometryType::Polygon: return "Polygon";
    case geos::GeometryType::MultiPoint: return "MultiPoint";
    case geos::GeometryType::MultiLineString: return "MultiLineString";
    case geos::GeometryType::MultiPolygon: return "MultiPolygon";
    case geos::GeometryType::Collection: return "GeometryCollection";
  }
  return "Geometry";
}

Finding make(const LayerProfile& layer, const char* code, std::int64_t fid) {
  Finding f;
  f.check = code;
  f.layer = layer.name;
  f.fid = fid;
  f.severity = layer.rules->check(code).severity;
  return f;
}

// The geometry in the working CRS, or nothing when it cannot be transformed.
std::optional<geos::Geometry> to_working(const geos::Geometry& g, const LayerTransforms& tf) {
  if (!tf.to_working) return std::nullopt;
  try {
    return g.transformed([&](std::span<Coord> c) { tf.to_working->apply(c); });
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<Coord> point_to_working(Coord c, const LayerTransforms& tf) {
  if (!tf.to_working) return std::nullopt;
  try {
    return tf.to_working->apply(c);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

geos::Geometry check_feature_geometry(const LayerProfile& layer, std::int64_t fid, const geos::Geometry& g,
                                      const LayerTransforms& tf, Findings& out) {
  if (!g || g.is_empty()) {
    Finding f = make(layer, "GEOM_EMPTY", fid);
    f.message = !g ? "null geometry" : "empty geometry";
    out.push_back(std::move(f));
    return {};
  }
  const geos::GeometryType t = g.type();
  const bool wrong_type = (layer.expects_polygons() && !polygonal(t)) || (layer.expects_points() && !punctual(t));
  if (wrong_type) {
    Finding f = make(layer, "GEOM_TYPE", fid);
    f.message = fmt::format("{} in a {} layer", type_name(t), gdal::to_string(layer.def->geometry));
    if (auto w = to_working(g, tf)) {
      f.location = w->interior_point();
      f.geometry = w->to_wkb();
    }
    out.push_back(std::move(f));
    return {};
  }
  if (auto why = g.invalid_reason()) {
    Finding f = make(layer, "GEOM_INVALID", fid);
    f.message = fmt::format("{} at ({:.6f} {:.6f}) in the layer's CRS", why->reason, why->location.x, why->location.y);
    f.location = point_to_working(why->location, tf);
    if (f.location) f.geometry = geos::Geometry::point(*f.location, g.context()).to_wkb();
    out.push_back(std::move(f));
    geos::Geometry repaired = g.make_valid();
    if (polygonal(t)) repaired = repaired.polygonal_part();
    if (repaired.is_empty()) return {};
    return repaired;
  }
  return g.clone();
}

std::optional<double> check_crs_area(const LayerProfile& layer, std::int64_t fid, const geos::Geometry& g,
                                     const LayerTransforms& tf, Findings& out) {
  if (!tf.to_geographic) return std::nullopt;
  const Envelope e = g.envelope();
  const Coord corners[] = {{e.min_x, e.min_y},
                           {e.max_x, e.min_y},
                           {e.max_x, e.max_y},
                           {e.min_x, e.max_y},
                           {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2}};
  const proj::CrsFacts& a = layer.facts;
  const bool known_area = a.west >= -180 && a.east <= 180 && a.east > a.west && a.north > a.south;
  const double m = layer.rules->threshold("GEOM_OUT_OF_CRS_AREA", "margin_deg");
  std::optional<double> centre_lon;
  bool outside = false;
  double worst = 0;
  Coord worst_at{0, 0};
  for (const Coord& c : corners) {
    Coord ll{0, 0};
    try {
      ll = tf.to_geographic->apply(c);
    } catch (const Error&) {
      outside = true;
      continue;
    }
    if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) {
      outside = true;
      continue;
    }
    if (&c == &corners[4]) centre_lon = ll.x;
    if (!known_area) continue;
    const double dx = std::max({a.west - m - ll.x, ll.x - (a.east + m), 0.0});
    const double dy = std::max({a.south - m - ll.y, ll.y - (a.north + m), 0.0});
    if (dx > 0 || dy > 0) {
      outside = true;
      if (std::max(dx, dy) > worst) {
        worst = std::max(dx, dy);
        worst_at = ll;
      }
    }
  }
  if (outside) {
    Finding f = make(layer, "GEOM_OUT_OF_CRS_AREA", fid);
    f.measure = worst;
    f.unit = "deg";
    f.message = worst > 0 ? fmt::format(
                                "at {:.4f}°E {:.4f}°N, {:.3f}° outside the area of use of {} ({:.2f}–{:.2f}°E, "
                                "{:.2f}–{:.2f}°N, margin {}°)",
                                worst_at.x, worst_at.y, worst, layer.crs ? layer.crs->label() : "?", a.west, a.east,
                                a.south, a.north, m)
                          : std::string("coordinates cannot be transformed to longitude/latitude");
    if (auto w = to_working(g, tf)) {
      f.location = w->interior_point();
      f.geometry = w->to_wkb();
    }
    out.push_back(std::move(f));
  }
  return centre_lon;
}

}  // namespace guotu::validate
