#include "gdal/ogr_geometry.hpp"

#include <ogr_geometry.h>

#include <algorithm>
#include <string>
#include <vector>

namespace guotu::gdal {

namespace {

// GDAL's own WKB reader stops at 32 levels; a source that nests deeper (GeoJSON) is refused
// the same way before GEOS or a recursive algorithm meets it.
constexpr int kMaxNesting = 32;

int nesting(const OGRGeometry& g, int depth = 0) {
  if (depth > kMaxNesting) return depth;
  int deepest = depth;
  if (const auto* gc = dynamic_cast<const OGRGeometryCollection*>(&g)) {
    for (int i = 0; i < gc->getNumGeometries(); ++i)
      deepest = std::max(deepest, nesting(*gc->getGeometryRef(i), depth + 1));
  }
  return deepest;
}

}  // namespace

std::vector<std::uint8_t> to_wkb(const OGRGeometry& g, const ErrorContext& where) {
  if (nesting(g) > kMaxNesting)
    throw_bad_input("geometry collections nested more than " + std::to_string(kMaxNesting) + " levels deep", where);
  std::unique_ptr<OGRGeometry> linear;
  const OGRGeometry* src = &g;
  if (g.hasCurveGeometry(TRUE)) {
    linear.reset(g.getLinearGeometry());
    if (!linear) throw_bad_input("cannot linearise a curved geometry", where);
    src = linear.get();
  }
  std::vector<std::uint8_t> wkb(src->WkbSize());
  if (src->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE) {
    throw_bad_input("cannot encode the geometry as WKB", where);
  }
  return wkb;
}

geos::Geometry to_geos(const OGRGeometry& g, geos::Context& ctx, const ErrorContext& where) {
  const std::vector<std::uint8_t> wkb = to_wkb(g, where);
  try {
    return geos::Geometry::from_wkb(wkb, ctx);
  } catch (const Error& e) {
    throw_bad_input("unreadable geometry: " + e.reason(), where);
  }
}

std::unique_ptr<OGRGeometry> to_ogr(const geos::Geometry& g, GeometryKind target) {
  std::vector<std::uint8_t> wkb = g.to_wkb();
  OGRGeometry* raw = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size()) != OGRERR_NONE || raw == nullptr) {
    throw_internal("cannot convert a GEOS geometry to OGR");
  }
  std::unique_ptr<OGRGeometry> out(raw);
  switch (target) {
    case GeometryKind::MultiPolygon: out.reset(OGRGeometryFactory::forceToMultiPolygon(out.release())); break;
    case GeometryKind::MultiLineString: out.reset(OGRGeometryFactory::forceToMultiLineString(out.release())); break;
    case GeometryKind::MultiPoint: out.reset(OGRGeometryFactory::forceToMultiPoint(out.release())); break;
    default: break;
  }
  return out;
}

}  // namespace guotu::gdal
