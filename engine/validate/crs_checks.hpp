// Layer-level CRS checks: CRS_MISSING, CRS_NOT_CGCS2000, CRS_ZONE_MISMATCH.
#pragma once

#include <vector>

#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

/// True when the datum is CGCS2000 (PROJ names it "China 2000").
[[nodiscard]] bool is_cgcs2000(const proj::CrsFacts& facts);

/// CRS_MISSING for a spatial layer without CRS; CRS_NOT_CGCS2000 for another datum.
void check_layer_crs(const LayerProfile& layer, Findings& out);

/// CRS_ZONE_MISMATCH: a Gauss-Krüger layer whose median feature longitude lies farther from
/// the central meridian than half the zone width plus the margin. The median, not the extent,
/// so that a few misplaced features (GEOM_OUT_OF_CRS_AREA) do not condemn the whole layer.
/// Returns true when the zone is wrong.
bool check_zone(const LayerProfile& layer, std::vector<double> centre_lons, Findings& out);

}  // namespace guotu::validate
