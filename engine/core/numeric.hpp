// Checked conversions of doubles to integers. A cast of a double that is NaN, infinite or out of
// the integer type's range is undefined behaviour (UBSan: float-cast-overflow); in practice it
// yields INT_MIN or garbage, which has made loops run for ever. Every double → integer
// conversion in the engine goes through these: they answer nullopt instead.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

namespace guotu {

/// True when trunc(v) fits T: v is finite and within [min(T), max(T)].
template <typename T>
[[nodiscard]] inline bool fits_integer(double v) noexcept {
  static_assert(std::is_integral_v<T>, "fits_integer<T>: T must be an integer type");
  if (!std::isfinite(v)) return false;
  // Powers of two are exact in a double: [lo, hi) is exactly the range whose truncation fits T.
  constexpr int digits = std::numeric_limits<T>::digits;  // value bits (63 for int64_t, 31 for int)
  const double hi = std::ldexp(1.0, digits);
  const double lo = std::is_signed_v<T> ? -hi : 0.0;
  const double t = std::trunc(v);
  return t >= lo && t < hi;
}

/// trunc(v) as T (what static_cast<T> does for values that fit), or nullopt.
template <typename T>
[[nodiscard]] std::optional<T> truncate_to(double v) noexcept {
  if (!fits_integer<T>(v)) return std::nullopt;
  return static_cast<T>(v);
}

/// floor(v) as T, or nullopt.
template <typename T>
[[nodiscard]] std::optional<T> floor_to(double v) noexcept {
  return truncate_to<T>(std::floor(v));
}

/// The nearest integer (halves away from zero, like std::round) as T, or nullopt.
template <typename T>
[[nodiscard]] std::optional<T> round_to(double v) noexcept {
  return truncate_to<T>(std::round(v));
}

/// v as T when v is a whole number that fits T (a code, a year, a grade), or nullopt.
template <typename T>
[[nodiscard]] std::optional<T> exact_integer(double v) noexcept {
  if (!fits_integer<T>(v) || std::trunc(v) != v) return std::nullopt;
  return static_cast<T>(v);
}

/// v clamped to [lo, hi] then converted; NaN gives nullopt. For counts derived from sizes
/// (grid dimensions, tiles) where saturating is the right answer.
template <typename T>
[[nodiscard]] std::optional<T> clamp_to(double v, T lo, T hi) noexcept {
  if (std::isnan(v)) return std::nullopt;
  if (v <= static_cast<double>(lo)) return lo;
  if (v >= static_cast<double>(hi)) return hi;
  return static_cast<T>(v);
}

}  // namespace guotu
