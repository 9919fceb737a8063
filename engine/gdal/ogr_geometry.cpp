#include "gdal/ogr_geometry.hpp"

#include <ogr_geometry.h>

#include <vector>

namespace guotu::gdal {

geos::Geometry to_geos(const OGRGeometry& g, geos::Context& ctx, const ErrorContext& where) {
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
