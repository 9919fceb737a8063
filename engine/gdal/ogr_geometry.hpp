// Conversions between OGR and GEOS geometries, private to the GDAL adapter. They go through
// WKB so that neither library's handles cross into the other's adapter.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"

class OGRGeometry;

namespace guotu::gdal {

/// An OGR geometry as ISO WKB (little-endian); curves are linearised, collections nested deeper
/// than GDAL's WKB reader allows are refused. A failure names `where`.
std::vector<std::uint8_t> to_wkb(const OGRGeometry& g, const ErrorContext& where);

/// An OGR geometry as GEOS (through to_wkb). A failure names `where`.
geos::Geometry to_geos(const OGRGeometry& g, geos::Context& ctx, const ErrorContext& where);

/// A GEOS geometry as OGR, promoted to the layer's multi-type when `target` asks for it.
std::unique_ptr<OGRGeometry> to_ogr(const geos::Geometry& g, GeometryKind target);

}  // namespace guotu::gdal
