// Per-feature geometry checks: GEOM_EMPTY, GEOM_TYPE, GEOM_INVALID, GEOM_OUT_OF_CRS_AREA.
#pragma once

#include <cstdint>
#include <optional>

#include "geos/geometry.hpp"
#include "proj/crs.hpp"
#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

/// The transforms one worker uses for one layer (made and used in that worker's thread).
struct LayerTransforms {
  std::optional<proj::Transform> to_working;     ///< layer CRS → working CRS
  std::optional<proj::Transform> to_geographic;  ///< layer CRS → its geodetic lon/lat
};

/// Checks a feature's geometry as delivered. Returns the geometry fit for measuring and for
/// the spatial checks (repaired by make-valid when invalid), or an empty Geometry when the
/// feature has no usable geometry (null, empty, wrong type). `out` gets the findings; the
/// error geometry is placed with `to_working` when there is one.
geos::Geometry check_feature_geometry(const LayerProfile& layer, std::int64_t fid, const geos::Geometry& g,
                                      const LayerTransforms& tf, Findings& out);

/// GEOM_OUT_OF_CRS_AREA: the feature's envelope in lon/lat against the CRS's area of use
/// widened by the margin. Returns the longitude of the envelope centre when it could be
/// computed (for the zone check), and adds a finding to `out` when outside.
std::optional<double> check_crs_area(const LayerProfile& layer, std::int64_t fid, const geos::Geometry& g,
                                     const LayerTransforms& tf, Findings& out);

}  // namespace guotu::validate
