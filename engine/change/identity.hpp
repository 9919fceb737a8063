// The identity of a change set: what the ledger records when `guotu diff --to-ledger` books one,
// so that the same changes are never booked twice (into the same year or another). It is the
// SHA-256 of a canonical text of the set, which depends only on what was found, never on how:
// each change's before_bsm, after_bsm, before_code, after_code and area_m2 rounded to 0.01 m²,
// one line per change in byte order, under the two vintages' layer names. File names, paths,
// fids, thread counts and the order the pieces were found in do not enter it.
#pragma once

#include <string>
#include <vector>

#include "change/change_detector.hpp"

namespace guotu::change {

/// The canonical text: "guotu change set v1", then "BEFORE_LAYER\tAFTER_LAYER", then one line
/// "before_bsm\tafter_bsm\tbefore_code\tafter_code\tarea" per change (area in m² with two
/// decimals; a tab, newline or backslash inside a value written \t, \n, \\), lines sorted.
[[nodiscard]] std::string canonical_text(const std::vector<Change>& changes, const std::string& before_layer,
                                         const std::string& after_layer);

/// SHA-256 of canonical_text, 64 lowercase hex digits.
[[nodiscard]] std::string change_set_identity(const std::vector<Change>& changes, const std::string& before_layer,
                                              const std::string& after_layer);

}  // namespace guotu::change
