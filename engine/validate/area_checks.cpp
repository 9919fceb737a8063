#include "validate/area_checks.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace guotu::validate {

namespace {
std::optional<double> number_at(const std::vector<gdal::FieldValue>& values, std::optional<std::size_t> i) {
  if (!i || *i >= values.size()) return std::nullopt;
  return gdal::as_number(values[*i]);
}
}  // namespace

void check_areas(const LayerProfile& layer, std::int64_t fid, const std::vector<gdal::FieldValue>& values,
                 std::optional<double> ellipsoidal_m2, Findings& out) {
  const auto tbmj = number_at(values, layer.tbmj);
  if (tbmj && ellipsoidal_m2) {
    const double rel = layer.rules->threshold("AREA_TBMJ_MISMATCH", "relative");
    const double abs = layer.rules->threshold("AREA_TBMJ_MISMATCH", "absolute_m2");
    const double diff = *tbmj - *ellipsoidal_m2;
    const double allowed = std::max(abs, rel * *ellipsoidal_m2);
    if (std::abs(diff) > allowed) {
      Finding f;
      f.check = "AREA_TBMJ_MISMATCH";
      f.layer = layer.name;
      f.fid = fid;
      f.severity = layer.rules->check(f.check).severity;
      f.measure = diff;
      f.unit = "m2";
      f.message =
          fmt::format("TBMJ {:.2f} m², 椭球面积 {:.2f} m²: differs by {:+.2f} m² ({:+.4f} %; allowed {:.2f} m²)", *tbmj,
                      *ellipsoidal_m2, diff, *ellipsoidal_m2 > 0 ? 100.0 * diff / *ellipsoidal_m2 : 0.0, allowed);
      out.push_back(std::move(f));
    }
  }
  const auto kcmj = number_at(values, layer.kcmj);
  const auto tbdlmj = number_at(values, layer.tbdlmj);
  if (tbmj && kcmj && tbdlmj) {
    const double abs = layer.rules->threshold("AREA_TBDLMJ_MISMATCH", "absolute_m2");
    const double diff = *tbdlmj - (*tbmj - *kcmj);
    if (std::abs(diff) > abs) {
      Finding f;
      f.check = "AREA_TBDLMJ_MISMATCH";
      f.layer = layer.name;
      f.fid = fid;
      f.severity = layer.rules->check(f.check).severity;
      f.measure = diff;
      f.unit = "m2";
      f.message = fmt::format("TBDLMJ {:.2f} m² ≠ TBMJ {:.2f} − KCMJ {:.2f} = {:.2f} m² (differs by {:+.2f} m²)",
                              *tbdlmj, *tbmj, *kcmj, *tbmj - *kcmj, diff);
      out.push_back(std::move(f));
    }
  }
}

}  // namespace guotu::validate
