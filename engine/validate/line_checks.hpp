// Control-line checks: LINES_OVERLAP (三线不交叉不重叠): 生态保护红线, 永久基本农田 and
// 城镇开发边界 must not overlap each other beyond a tolerance.
#pragma once

#include <vector>

#include "validate/finding.hpp"
#include "validate/plan_layer.hpp"

namespace guotu::validate {

/// Every pair of the given layers: overlaps whose 椭球面积 exceeds tolerance_m2, one finding
/// per pair of features (layer = the first layer of the pair, related = the other).
void find_line_overlaps(const std::vector<const PlanLayer*>& lines, double tolerance_m2, const std::string& working_crs,
                        Severity severity, unsigned jobs, Findings& out);

}  // namespace guotu::validate
