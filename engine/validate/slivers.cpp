#include "validate/slivers.hpp"

namespace guotu::validate {

std::vector<SignificantPart> significant_parts(const geos::Geometry& g, const SliverRule& rule,
                                               const area::Measure& area) {
  std::vector<SignificantPart> out;
  if (!g || g.is_empty()) return out;
  geos::Geometry poly = g.polygonal_part();
  const std::size_t n = poly.type() == geos::GeometryType::Polygon ? 1 : poly.num_geometries();
  for (std::size_t i = 0; i < n; ++i) {
    geos::Geometry part = poly.type() == geos::GeometryType::Polygon ? poly.clone() : poly.part(i);
    if (part.is_empty()) continue;
    // Planar area is within 0.1 % of 椭球面积 here: a cheap first cut before measuring.
    if (part.planar_area() < 0.99 * rule.min_area_m2) continue;
    const double a = area.area_m2(part);
    if (a < rule.min_area_m2 || a <= 0) continue;
    if (rule.min_width_m > 0 && part.buffer(-rule.min_width_m / 2, 2).is_empty()) continue;
    out.push_back({std::move(part), a});
  }
  return out;
}

SignificantPart merge_parts(std::vector<SignificantPart> parts, geos::Context& ctx) {
  double total = 0;
  std::vector<geos::Geometry> geoms;
  geoms.reserve(parts.size());
  for (auto& p : parts) {
    total += p.area_m2;
    geoms.push_back(std::move(p.geometry));
  }
  return {geos::Geometry::collect(std::move(geoms), ctx), total};
}

}  // namespace guotu::validate
