// Which area a figure is: 椭球面积 (the official figure, area::AreaCalculator) or the plane area
// in the working CRS (投影面积: some forms ask for it, and it is what SQL's ST_Area gives, so
// results can be compared with SpatiaLite or PostGIS to 1e-6). `--area planar` selects it.
#pragma once

#include <optional>
#include <string>

#include "area/ellipsoidal_area.hpp"
#include "geos/geometry.hpp"

namespace guotu::area {

enum class AreaMode { Ellipsoidal, Planar };

/// "ellipsoidal" or "planar"; anything else is a bad-input error naming `option`.
[[nodiscard]] AreaMode parse_area_mode(const std::string& text, const std::string& option = "--area");
/// "ellipsoidal" / "planar" (what --area takes and --json says).
[[nodiscard]] const char* to_string(AreaMode m);
/// 椭球面积 / 投影面积 (what a planner reads beside a figure).
[[nodiscard]] const char* name_zh(AreaMode m);

/// Areas of geometries in one CRS, in one mode. Not thread-safe (it owns a PROJ transform):
/// one per thread, or thread_measure().
class Measure {
 public:
  Measure(AreaMode mode, const std::string& crs);
  [[nodiscard]] double area_m2(const geos::Geometry& g) const;
  [[nodiscard]] AreaMode mode() const noexcept { return mode_; }

 private:
  AreaMode mode_;
  std::optional<AreaCalculator> ellipsoidal_;
};

/// This thread's Measure for (mode, crs), made on first use and kept for the thread's life (a
/// reference stays valid when another one is asked for).
[[nodiscard]] const Measure& thread_measure(AreaMode mode, const std::string& crs);

}  // namespace guotu::area
