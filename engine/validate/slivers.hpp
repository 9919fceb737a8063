// Which pieces of an overlap, gap or overhang are real: the area and minimum-width rule that
// keeps the checks quiet on digitising noise (T-junctions along shared borders leave pieces
// of 1e-9 m width; the QGIS and JTS lessons, standards-and-anchors §B).
#pragma once

#include <vector>

#include "area/measure.hpp"
#include "geos/geometry.hpp"

namespace guotu::validate {

struct SliverRule {
  double min_area_m2 = 0;  ///< 椭球面积 below this: noise
  double min_width_m = 0;  ///< a piece an inward buffer of min_width_m/2 empties: noise (0 = no width test)
};

struct SignificantPart {
  geos::Geometry geometry;  ///< working CRS
  double area_m2 = 0;
};

/// The polygon parts of `g` (working CRS) that pass the rule, each with its 椭球面积.
std::vector<SignificantPart> significant_parts(const geos::Geometry& g, const SliverRule& rule,
                                               const area::Measure& area);

/// The parts as one finding's piece: their geometries collected, their areas summed.
SignificantPart merge_parts(std::vector<SignificantPart> parts, geos::Context& ctx);

}  // namespace guotu::validate
