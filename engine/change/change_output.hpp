// What `guotu diff` hands to people and programs: the styled GeoPackage (`changes` layer and
// `summary` table), the --json document (keys: docs/cli.md §guotu diff), the human summary, and
// the 进出平衡 entries for the ledger (one per county, year and direction: docs/change.md §Ledger).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "change/change_detector.hpp"
#include "core/atomic_output.hpp"
#include "ledger/farmland_ledger.hpp"

namespace guotu::change {

/// Writes `changes` (styled: layers/styles/changes.qml) and `summary` to a GeoPackage (atomic).
void write_geopackage(const DiffResult& r, const std::string& path, bool overwrite,
                      const std::map<std::string, std::string>& metadata, const std::string& timestamp = {},
                      OutputSet* outputs = nullptr);

/// changes[] (class, before, after, area_m2, unit_code, …), counts, areas_m2, suspect, warnings …
[[nodiscard]] nlohmann::json to_json(const DiffResult& r);

[[nodiscard]] std::string human_summary(const DiffResult& r);

/// The 进出平衡 flows as ledger entries: one per county and direction (the pieces whose `credit`
/// is out or in: a piece carrying a class that bars credit, 违规开垦 or 非粮化, is never booked),
/// id "diff-YEAR-COUNTY-out|in", dated YEAR-12-31.
[[nodiscard]] std::vector<ledger::InOut> inout_entries(const DiffResult& r, int year);

}  // namespace guotu::change
