// What a check reports (质检错误): one finding per defect, with its place, measure and the
// geometry to show in QGIS. Geometries travel as WKB in the working CRS so findings can be
// made in any thread and written by another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/coord.hpp"
#include "validate/rules.hpp"

namespace guotu::validate {

struct Finding {
  std::string check;  ///< check code, e.g. COVERAGE_GAP
  std::string layer;  ///< the layer's table name as found in the source
  std::optional<std::int64_t> fid;
  std::optional<std::int64_t> related_fid;  ///< the other feature of a pair (overlap, duplicate) or the unit of a gap
  std::string related_layer;                ///< the layer of related_fid when it is another layer
  double measure = 0;                       ///< area (m², 椭球面积), distance or degrees: see unit
  std::string unit;                         ///< "m2", "deg", "" (count-like findings)
  Severity severity = Severity::Error;
  std::string message;
  std::optional<Coord> location;       ///< a representative point, working CRS
  std::vector<std::uint8_t> geometry;  ///< WKB in the working CRS; empty = none
};

using Findings = std::vector<Finding>;

}  // namespace guotu::validate
