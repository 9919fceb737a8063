// GEOS algorithms beyond single-geometry operations: snap-rounded overlay on a precision grid,
// coverage union, Voronoi tessellation, simplification.
#pragma once

#include <vector>

#include "geos/geometry.hpp"

namespace guotu::geos {

/// Overlay snap-rounded to a grid of `grid` units (OverlayNG with a fixed precision model): the
/// results of overlays that share inputs have identical vertices where they meet, so pieces of
/// a coverage cut this way share their edges exactly.
Geometry intersection_on_grid(const Geometry& a, const Geometry& b, double grid);
Geometry difference_on_grid(const Geometry& a, const Geometry& b, double grid);
Geometry union_on_grid(const Geometry& a, const Geometry& b, double grid);
Geometry unary_union_on_grid(const Geometry& a, double grid);

/// General union of many polygons.
Geometry union_all(std::vector<Geometry> parts, Context& ctx = Context::current());

/// Voronoi cells of `sites`, clipped to `clip`; cells[i] is the cell of sites[i]. Sites must be
/// distinct.
std::vector<Geometry> voronoi_cells(const std::vector<Coord>& sites, const Envelope& clip,
                                    Context& ctx = Context::current());

/// Douglas-Peucker simplification that keeps the topology valid.
Geometry simplify_preserving_topology(const Geometry& g, double tolerance);

}  // namespace guotu::geos
