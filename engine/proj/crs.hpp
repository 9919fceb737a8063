// The PROJ adapter: coordinate transforms between CRSs and the geodesic reference area.
// proj.h stays inside engine/proj.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "core/coord.hpp"

namespace guotu::proj {

/// Ellipsoid parameters (semi-major axis in metres, inverse flattening).
struct Ellipsoid {
  double a;
  double inv_f;
  /// CGCS2000: a = 6378137, 1/f = 298.257222101 (projinfo EPSG:4490).
  static constexpr Ellipsoid cgcs2000() { return {6378137.0, 298.257222101}; }
};

/// A transform between two CRSs given as "EPSG:n" or WKT, in traditional GIS axis order
/// (longitude/easting first), whatever the CRS definitions say. Move-only; one per thread.
class Transform {
 public:
  Transform(const std::string& source_crs, const std::string& target_crs);
  /// From a CRS to the geographic CRS of its own datum (longitude, latitude in degrees).
  static Transform to_geographic(const std::string& source_crs);
  ~Transform();
  Transform(Transform&& o) noexcept;
  Transform& operator=(Transform&& o) noexcept;
  Transform(const Transform&) = delete;
  Transform& operator=(const Transform&) = delete;

  /// Transforms coordinates in place; throws when a point cannot be transformed.
  void apply(std::span<Coord> coords) const;
  [[nodiscard]] Coord apply(Coord c) const;
  /// The ellipsoid of the target CRS (for a to_geographic transform: of the source datum).
  [[nodiscard]] Ellipsoid target_ellipsoid() const;
  [[nodiscard]] bool is_identity() const noexcept { return identity_; }

 private:
  Transform() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool identity_ = false;
};

/// Facts about a CRS, from PROJ's database.
struct CrsFacts {
  bool geographic = false;
  bool projected = false;
  std::string name;
  /// Area of use in degrees (west, south, east, north); all zero when unknown.
  double west = 0, south = 0, east = 0, north = 0;
  /// For a transverse Mercator projection: its central meridian in degrees.
  double central_meridian = 0;
  bool has_central_meridian = false;
  std::string datum;
  /// Authority and code ("EPSG:4527"); empty when PROJ cannot identify the CRS.
  std::string authority_id;
  /// WKT2 (2019) on one line, and the PROJ.4 string (empty when PROJ cannot express it).
  std::string wkt;
  std::string proj4;
  /// The ellipsoid's authority and code ("EPSG:1024" for CGCS2000), else its name.
  std::string ellipsoid_id;
};
CrsFacts describe_crs(const std::string& crs);

}  // namespace guotu::proj
