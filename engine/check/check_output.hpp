// What `guotu check` hands to people and programs: the styled GeoPackage (violations, projects,
// occupancy), the --json document (keys: docs/cli.md §guotu check), the occupancy JSON that
// `guotu ledger add-occupation` reads (format: docs/rules.md §Occupancy JSON), and the human
// summary table.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "check/checker.hpp"
#include "core/atomic_output.hpp"

namespace guotu::check {

/// Writes violations, projects and occupancy to a GeoPackage (atomic; EPSG of the result's
/// working CRS). `metadata` goes to gpkg_metadata (command line, version …).
void write_geopackage(const CheckResult& r, const std::string& path, bool overwrite,
                      const std::map<std::string, std::string>& metadata, const std::string& timestamp = {},
                      OutputSet* outputs = nullptr);

/// The --json document: projects (count), violations[], totals, verdicts[], not_evaluated[],
/// invalid_projects[], skipped[], outside_city[], approved[], warnings[], occupancy[].
[[nodiscard]] nlohmann::json to_json(const CheckResult& r);

/// The occupancy hand-over document (format "guotu-occupancy", version 1).
[[nodiscard]] nlohmann::json occupancy_json(const CheckResult& r);

/// The human summary (rules table, verdicts, warnings), UTF-8 text.
[[nodiscard]] std::string human_summary(const CheckResult& r);

}  // namespace guotu::check
