// 椭球面积 (ellipsoidal area): the figure Chinese land statistics report.
//
// Method of 国土调查办发〔2008〕32号 «图幅理论面积与图斑椭球面积计算公式及要求»: the polygon's
// vertices are taken to geodetic coordinates (inverse Gauss-Krüger for projected data), and the
// area is the algebraic sum, over the edges, of the ellipsoidal trapezoids between each edge and
// a reference parallel. The trapezoid between latitudes B1, B2 spanning ΔL radians is
//
//   S = 2 b² ΔL [ A sin(ΔB/2) cos(Bm) − B sin(3ΔB/2) cos(3Bm) + C sin(5ΔB/2) cos(5Bm)
//                 − D sin(7ΔB/2) cos(7Bm) + E sin(9ΔB/2) cos(9Bm) ]
//
// with ΔB = B2 − B1, Bm = (B1 + B2)/2 and the series coefficients in e² given in the .cpp.
// Planar Gauss-Krüger areas differ from this by +0.03…0.06 % in Liaocheng: a diagnostic only.
#pragma once

#include <span>
#include <string>

#include "core/coord.hpp"
#include "geos/geometry.hpp"
#include "proj/crs.hpp"

namespace guotu::area {

/// Ellipsoidal area of geometries already in geodetic coordinates (longitude, latitude degrees).
class EllipsoidalArea {
 public:
  explicit EllipsoidalArea(proj::Ellipsoid e = proj::Ellipsoid::cgcs2000());

  /// Signed area (m²) of one closed ring; positive when counter-clockwise.
  [[nodiscard]] double ring(std::span<const Coord> lonlat) const;
  /// Area (m²) of a (multi)polygon: shells minus holes. Non-polygonal parts count zero.
  [[nodiscard]] double polygonal(const geos::Geometry& lonlat) const;

 private:
  double b2_;  // b², m²
  double A_, B_, C_, D_, E_;
};

/// Ellipsoidal area of geometries in any CRS: vertices go to the CRS's own geodetic datum
/// (inverse projection), then EllipsoidalArea. One per thread (it owns a PROJ transform).
class AreaCalculator {
 public:
  /// crs: "EPSG:n" or WKT of the geometries' CRS.
  explicit AreaCalculator(const std::string& crs);

  [[nodiscard]] double area_m2(const geos::Geometry& g) const;

 private:
  proj::Transform to_geographic_;
  EllipsoidalArea area_;
};

}  // namespace guotu::area
