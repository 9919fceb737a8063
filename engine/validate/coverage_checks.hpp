// Coverage checks (覆盖性检查): overlaps inside a layer that must be a coverage, gaps inside
// each unit of another layer (DLTB inside each county), features outside the city, the three
// spaces covering the city exactly once, and each control line inside its space. All of them
// work on WKB shared by the workers of the one pool (overlay::for_each, or core/parallel.hpp's
// pool with an overlay::Worker per thread); each worker rebuilds the geometries it needs in its
// own GEOS context and measures with its overlay::Worker's area::Measure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "validate/finding.hpp"
#include "validate/plan_layer.hpp"
#include "validate/slivers.hpp"

namespace guotu::validate {

/// A feature and the layer it belongs to (the three spaces mix layers in one coverage).
struct FeatureRef {
  const PlanFeature* feature;
  const std::string* layer;
};

struct CoverageJob {
  std::string check;  ///< COVERAGE_OVERLAP, COVERAGE_GAP, OUTSIDE_CITY, SPACES_COVERAGE or LINE_OUTSIDE_SPACE
  SliverRule rule;
  std::string working_crs;
  Severity severity = Severity::Error;
  unsigned jobs = 1;
};

/// Overlaps between features whose interiors intersect (R-tree on envelopes, then DE-9IM
/// "2********", then the overlap's significant parts): one finding per pair.
void find_overlaps(const std::vector<FeatureRef>& items, const CoverageJob& job, Findings& out);

/// Gaps: for each unit, unit − union(items), tiled so that no step holds more than a few
/// thousand features; pieces cut by tile edges are merged before they are judged; the
/// allowed-gap mask is subtracted; one finding per significant piece, related to the unit.
/// `layer_name` is the coverage layer the gaps are reported on. Returns the units skipped
/// because no feature of the layer reaches them.
std::vector<std::int64_t> find_gaps(const std::vector<FeatureRef>& items, const std::vector<FeatureRef>& units,
                                    const std::vector<FeatureRef>& mask, const std::string& layer_name,
                                    const CoverageJob& job, Findings& out);

/// The union of some features with the holes filled (the city from its counties; a layer's
/// own outer boundary for "holes" gap checks), as WKB in the working CRS. fill_holes false: the
/// union as it is (the land of the city's units, where the three spaces must leave no gap).
std::vector<std::uint8_t> filled_union(const std::vector<FeatureRef>& items, unsigned jobs, bool fill_holes = true);

/// OUTSIDE_CITY: the part of each feature outside the city (significant parts only; points
/// and lines when not covered).
void find_outside(const PlanLayer& layer, const std::vector<std::uint8_t>& city_wkb, const CoverageJob& job,
                  Findings& out);

/// LINE_OUTSIDE_SPACE: the part of each feature of a control line outside the union of its
/// space's features (生态保护红线 outside 生态空间 …), significant parts only; related_layer is the
/// space, the message gives the part's share of the feature's 椭球面积.
void find_outside_space(const PlanLayer& line, const PlanLayer& space, const CoverageJob& job, Findings& out);

}  // namespace guotu::validate
