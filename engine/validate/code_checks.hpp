// Code checks: CODE_UNKNOWN (not in the code list, suffix not allowed, a group used as a
// value) and CODE_LOST_ZERO (`101` for `0101`, named as such).
#pragma once

#include <cstdint>
#include <vector>

#include "gdal/types.hpp"
#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

/// Checks every coded field of one feature. The findings carry no geometry (the caller adds it).
void check_codes(const LayerProfile& layer, std::int64_t fid, const std::vector<gdal::FieldValue>& values,
                 Findings& out);

}  // namespace guotu::validate
