// The QA GeoPackage of `guotu validate` (质检成果): `errors` (polygons: overlaps, gaps,
// offending features; rows without geometry for layer-level findings), `error_points`
// (invalid-geometry locations, point features) and the `summary` table (one row per check).
// The checked feature is `src_fid` (the GeoPackage keeps `fid` for its own row ids).
#pragma once

#include <string>

#include "gdal/output_writer.hpp"
#include "validate/validator.hpp"

namespace guotu::validate {

/// Writes the report atomically (nothing is left at `path` when this throws).
void write_qa_gpkg(const ValidationReport& report, const std::string& path, const gdal::WriterOptions& options);

}  // namespace guotu::validate
