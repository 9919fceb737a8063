#include "validate/crs_checks.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace guotu::validate {

bool is_cgcs2000(const proj::CrsFacts& facts) {
  for (const std::string* s : {&facts.datum, &facts.name}) {
    if (s->find("China 2000") != std::string::npos || s->find("CGCS2000") != std::string::npos ||
        s->find("China Geodetic Coordinate System 2000") != std::string::npos)
      return true;
  }
  return false;
}

void check_layer_crs(const LayerProfile& layer, Findings& out) {
  if (layer.kind == gdal::GeometryKind::None) return;
  if (!layer.crs) {
    Finding f;
    f.check = "CRS_MISSING";
    f.layer = layer.name;
    f.severity = layer.rules->check(f.check).severity;
    f.message = "the layer declares no CRS (say it with --assume-crs EPSG:n); its spatial checks were skipped";
    out.push_back(std::move(f));
    return;
  }
  if (!is_cgcs2000(layer.facts)) {
    Finding f;
    f.check = "CRS_NOT_CGCS2000";
    f.layer = layer.name;
    f.severity = layer.rules->check(f.check).severity;
    f.message = fmt::format("{} ({}), datum '{}': plan data must be CGCS2000 (EPSG:4490 or its Gauss-Krüger zones)",
                            layer.crs->label(), layer.facts.name, layer.facts.datum);
    out.push_back(std::move(f));
  }
}

bool check_zone(const LayerProfile& layer, std::vector<double> lons, Findings& out) {
  if (!layer.crs || !layer.facts.projected || !layer.facts.has_central_meridian || lons.empty()) return false;
  const auto mid = lons.begin() + static_cast<std::ptrdiff_t>(lons.size() / 2);
  std::nth_element(lons.begin(), mid, lons.end());
  const double median = *mid;
  const proj::CrsFacts& a = layer.facts;
  // Half the zone width from the EPSG area of use (1.5° for 3-degree zones, 3° for 6-degree
  // ones); 1.5° when the CRS has no usable area.
  double half = 1.5;
  if (a.west >= -180 && a.east <= 180 && a.east > a.west && a.east - a.west <= 6.5) half = (a.east - a.west) / 2;
  const double margin = layer.rules->threshold("CRS_ZONE_MISMATCH", "margin_deg");
  const double off = std::abs(median - a.central_meridian);
  if (off <= half + margin) return false;
  Finding f;
  f.check = "CRS_ZONE_MISMATCH";
  f.layer = layer.name;
  f.severity = layer.rules->check(f.check).severity;
  f.measure = off;
  f.unit = "deg";
  f.message = fmt::format(
      "{}: central meridian {}°E, but the features' median longitude is {:.3f}°E ({:.3f}° away; allowed {:.2f}° + {}°)",
      layer.crs->label(), a.central_meridian, median, off, half, margin);
  out.push_back(std::move(f));
  return true;
}

}  // namespace guotu::validate
