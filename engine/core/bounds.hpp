// The bounds guotu holds every number it is given to (command-line options, YAML files, ledger
// entries), in one place: a value outside them is a BadInput error naming where it came from,
// never a value that reaches a computation. Each bound is far beyond any real figure of a city's
// planning data and far inside what the arithmetic survives; docs/reliability.md explains each.
#pragma once

#include <cstdint>

#include "core/units.hpp"

namespace guotu::bounds {

/// Years of land data, plans, targets and ledger entries (the ledger's schema checks the same).
inline constexpr std::int64_t kMinYear = 1990;
inline constexpr std::int64_t kMaxYear = 2100;

/// Distances (buffer widths, sliver widths): 100 km is wider than any planning buffer.
inline constexpr double kMaxDistanceM = 100'000.0;

/// Sliver and tolerance areas: above 1 km² (1,500 亩) a "sliver" hides real findings.
inline constexpr double kMaxSliverM2 = 1'000'000.0;

/// One ledger entry's area: 10,000,000 亩 (6,667 km²) is more than a county's whole farmland;
/// `--area-mu 1e308` or `inf` would make a county's stock infinite.
inline constexpr double kMaxLedgerAreaM2 = 1e7 * units::kM2PerMu;

/// A grade weight (耕地等别折算系数): the capacity of one m² of a grade relative to the standard
/// grade, a factor; 10 leaves room for a table normalised on a middle grade, and a figure in
/// kg/亩 (标准粮食产能 itself, hundreds) is refused rather than taken for a factor.
inline constexpr double kMaxGradeWeight = 10.0;

/// Capacity (standard-grade-equivalent m²): the largest area times the largest grade weight.
inline constexpr double kMaxLedgerCapacity = kMaxLedgerAreaM2 * kMaxGradeWeight;

/// Target values (m², 亩, %, m²/person …): finite and below 1e15.
inline constexpr double kMaxTargetValue = 1e15;

/// Worker threads.
inline constexpr unsigned kMaxJobs = 1024;

}  // namespace guotu::bounds
