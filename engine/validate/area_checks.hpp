// Area checks on 三调 patches: AREA_TBMJ_MISMATCH (TBMJ against the computed 椭球面积) and
// AREA_TBDLMJ_MISMATCH (TBDLMJ = TBMJ − KCMJ).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gdal/types.hpp"
#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

/// `ellipsoidal_m2`: the feature's 椭球面积 (nullopt when it has no polygon to measure).
/// The findings carry no geometry (the caller adds it).
void check_areas(const LayerProfile& layer, std::int64_t fid, const std::vector<gdal::FieldValue>& values,
                 std::optional<double> ellipsoidal_m2, Findings& out);

}  // namespace guotu::validate
