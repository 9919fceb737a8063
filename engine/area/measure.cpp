#include "area/measure.hpp"

#include <map>
#include <memory>
#include <utility>

#include "core/error.hpp"

namespace guotu::area {

AreaMode parse_area_mode(const std::string& text, const std::string& option) {
  if (text == "ellipsoidal") return AreaMode::Ellipsoidal;
  if (text == "planar") return AreaMode::Planar;
  throw_bad_input(option + " takes ellipsoidal (椭球面积, the default) or planar (投影面积), not '" + text + "'");
}

const char* to_string(AreaMode m) {
  return m == AreaMode::Planar ? "planar" : "ellipsoidal";
}

const char* name_zh(AreaMode m) {
  return m == AreaMode::Planar ? "投影面积" : "椭球面积";
}

Measure::Measure(AreaMode mode, const std::string& crs) : mode_(mode) {
  if (mode == AreaMode::Ellipsoidal) ellipsoidal_.emplace(crs);
}

double Measure::area_m2(const geos::Geometry& g) const {
  return ellipsoidal_ ? ellipsoidal_->area_m2(g) : g.planar_area();
}

const Measure& thread_measure(AreaMode mode, const std::string& crs) {
  thread_local std::map<std::pair<AreaMode, std::string>, std::unique_ptr<Measure>> by_key;
  auto& m = by_key[{mode, crs}];
  if (!m) m = std::make_unique<Measure>(mode, crs);
  return *m;
}

}  // namespace guotu::area
