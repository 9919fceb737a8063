// Schema checks against the layer catalogue: SCHEMA_FIELD_MISSING, SCHEMA_FIELD_TYPE,
// SCHEMA_FIELD_EMPTY, BSM_DUPLICATE.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gdal/types.hpp"
#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

/// Fields of the catalogue missing from the layer (required: the check's severity; optional:
/// a warning) and fields of another type.
void check_schema(const LayerProfile& layer, const std::vector<gdal::FieldDef>& fields, Findings& out);

/// A required catalogue field (other than a coded one, which CODE_UNKNOWN judges) that is null or
/// blank in every one of the layer's `features`: one SCHEMA_FIELD_EMPTY for the layer (the field
/// was never filled, so whatever reads it — ZLDWDM for county and town — has nothing to go on).
/// `empty` holds, per field name, the number of features where it is empty.
void check_required_values(const LayerProfile& layer, const std::vector<std::pair<std::string, std::int64_t>>& empty,
                           std::int64_t features, Findings& out);

/// Each BSM value seen before in the layer: one finding per repeat, fid = the repeat,
/// related_fid = the first feature with that value. `bsm` holds (value, fid) in read order.
/// `geometry_of` gives the WKB (working CRS) to show for a fid, empty when none.
void check_duplicate_bsm(const LayerProfile& layer, const std::vector<std::pair<std::string, std::int64_t>>& bsm,
                         const std::function<std::vector<std::uint8_t>(std::int64_t)>& geometry_of, Findings& out);

}  // namespace guotu::validate
