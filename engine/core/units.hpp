// Area units of Chinese land statistics. 1 亩 = 10000/15 m² (666.6667 m²).
#pragma once

#include <string_view>

namespace guotu::units {

inline constexpr double kM2PerHectare = 10000.0;       // 公顷
inline constexpr double kM2PerMu = 10000.0 / 15.0;     // 亩
inline constexpr double kM2PerWanMu = kM2PerMu * 1e4;  // 万亩
inline constexpr double kM2PerKm2 = 1e6;

constexpr double to_hectare(double m2) {
  return m2 / kM2PerHectare;
}
constexpr double to_mu(double m2) {
  return m2 / kM2PerMu;
}
constexpr double to_wan_mu(double m2) {
  return m2 / kM2PerWanMu;
}
constexpr double to_km2(double m2) {
  return m2 / kM2PerKm2;
}

}  // namespace guotu::units
