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

enum class AreaUnit { SquareMetre, Hectare, Mu, WanMu, SquareKilometre };

constexpr double from_m2(double m2, AreaUnit u) {
  switch (u) {
    case AreaUnit::SquareMetre: return m2;
    case AreaUnit::Hectare: return to_hectare(m2);
    case AreaUnit::Mu: return to_mu(m2);
    case AreaUnit::WanMu: return to_wan_mu(m2);
    case AreaUnit::SquareKilometre: return to_km2(m2);
  }
  return m2;
}

constexpr std::string_view symbol(AreaUnit u) {
  switch (u) {
    case AreaUnit::SquareMetre: return "m²";
    case AreaUnit::Hectare: return "公顷";
    case AreaUnit::Mu: return "亩";
    case AreaUnit::WanMu: return "万亩";
    case AreaUnit::SquareKilometre: return "km²";
  }
  return "";
}

}  // namespace guotu::units
