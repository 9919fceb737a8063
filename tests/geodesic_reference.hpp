// Independent reference areas for tests: GeographicLib's geod_polygonarea (PROJ's geodesic.h)
// on coordinates taken to CGCS2000 geographic by PROJ or OGR directly — no guotu area code.
#pragma once

#include <geodesic.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <proj.h>

#include <cmath>
#include <memory>
#include <vector>

#include "geos/geometry.hpp"

namespace guotu::test {

/// Geodesic area (m²) of a polygon given in EPSG:4527, on the CGCS2000 ellipsoid: the reference.
class GeodesicReference {
 public:
  GeodesicReference() {
    ctx_ = proj_context_create();
    PJ* p = proj_create_crs_to_crs(ctx_, "EPSG:4527", "EPSG:4490", nullptr);
    pj_ = proj_normalize_for_visualization(ctx_, p);
    proj_destroy(p);
    geod_init(&geod_, 6378137.0, 1.0 / 298.257222101);
  }
  ~GeodesicReference() {
    proj_destroy(pj_);
    proj_context_destroy(ctx_);
  }
  GeodesicReference(const GeodesicReference&) = delete;
  GeodesicReference& operator=(const GeodesicReference&) = delete;

  double area_m2(const guotu::geos::Geometry& g) {
    double total = 0;
    g.for_each_ring([&](const guotu::geos::RingView& ring) {
      std::vector<double> lat, lon;
      // Densify each edge to 1 m steps so the reference follows the straight GK edge.
      for (std::size_t i = 0; i + 1 < ring.coords.size(); ++i) {
        const guotu::Coord a = ring.coords[i], b = ring.coords[i + 1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const int n = std::max(1, static_cast<int>(std::ceil(len)));
        for (int k = 0; k < n; ++k) {
          const double t = static_cast<double>(k) / n;
          PJ_COORD c = proj_coord(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), 0, 0);
          c = proj_trans(pj_, PJ_FWD, c);
          lon.push_back(c.xy.x);
          lat.push_back(c.xy.y);
        }
      }
      double area = 0, perimeter = 0;
      geod_polygonarea(&geod_, lat.data(), lon.data(), static_cast<int>(lat.size()), &area, &perimeter);
      total += ring.is_hole ? -std::abs(area) : std::abs(area);
    });
    return total;
  }

 private:
  PJ_CONTEXT* ctx_ = nullptr;
  PJ* pj_ = nullptr;
  geod_geodesic geod_{};
};

/// An OGR geometry in EPSG:4527 taken to CGCS2000 geographic (lon, lat) by OGR.
inline std::unique_ptr<OGRGeometry> to_geographic(const OGRGeometry& projected) {
  OGRSpatialReference src, dst;
  src.importFromEPSG(4527);
  dst.importFromEPSG(4490);
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
  std::unique_ptr<OGRGeometry> g(projected.clone());
  g->transform(ct.get());
  return g;
}

/// Σ over the polygons of g of ring_area(shell) − ring_area(holes); other parts count zero.
template <typename RingArea>
double polygonal_area(const OGRGeometry& g, RingArea&& ring_area) {
  auto polygon_area = [&](const OGRPolygon* poly) {
    double a = ring_area(poly->getExteriorRing());
    for (int i = 0; i < poly->getNumInteriorRings(); ++i) a -= ring_area(poly->getInteriorRing(i));
    return a;
  };
  double total = 0;
  const auto flat = wkbFlatten(g.getGeometryType());
  if (flat == wkbPolygon)
    total += polygon_area(g.toPolygon());
  else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection)
    for (const auto* part : *g.toGeometryCollection())
      if (wkbFlatten(part->getGeometryType()) == wkbPolygon) total += polygon_area(part->toPolygon());
  return total;
}

/// Geodesic area (m²) of an OGR polygon or multipolygon in EPSG:4527, edges as given.
inline double geodesic_area(const OGRGeometry& projected) {
  geod_geodesic geod{};
  geod_init(&geod, 6378137.0, 1 / 298.257222101);
  return polygonal_area(*to_geographic(projected), [&](const OGRLinearRing* r) {
    std::vector<double> lat, lon;
    for (int i = 0; i + 1 < r->getNumPoints(); ++i) {
      lon.push_back(r->getX(i));
      lat.push_back(r->getY(i));
    }
    double a = 0, p = 0;
    geod_polygonarea(&geod, lat.data(), lon.data(), static_cast<int>(lat.size()), &a, &p);
    return std::abs(a);
  });
}

}  // namespace guotu::test
