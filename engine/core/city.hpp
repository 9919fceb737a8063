// City profiles: what guotu knows of a city is data, one folder per city under data/cities/
// (data/cities/<name>/profile.yaml, format in docs/cli.md "City profiles"): its working CRS,
// the source of its administrative units, the table names its databases give the catalogue's
// layers, and the files of rules, change rules, booking rules, validate rules, indicators,
// targets, sample description and styles it uses. The engine holds no city fact: every default
// a command would otherwise hard-code comes from the profile of the run (`--city`, default the
// one data/cities/cities.yaml names). Explicit options (--rules, --crs …) still override.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace guotu::city {

struct Profile {
  std::string id;              ///< the folder name under data/cities, what --city takes
  std::string name;            ///< the city as the bureau writes it (e.g. the profile's 市 or 区 name)
  std::string code;            ///< its administrative code (行政区划代码)
  std::filesystem::path file;  ///< the profile.yaml read
  std::string working_crs;     ///< every layer is reprojected into it on read
  std::string working_crs_source;
  std::filesystem::path admin_boundaries;  ///< the real boundaries of its units (data/admin)
  std::filesystem::path admin_units;       ///< codes and names of its units (CSV code,name,level,parent_code)
  std::string admin_source;
  /// Catalogue code → the other table names this city's databases give the layer.
  std::map<std::string, std::vector<std::string>> layer_names;
  std::filesystem::path rules;                    ///< guotu check
  std::filesystem::path change_rules;             ///< guotu diff
  std::filesystem::path ledger_rules;             ///< guotu ledger add-occupation
  std::filesystem::path validate_rules;           ///< guotu validate
  std::vector<std::filesystem::path> indicators;  ///< guotu report
  std::vector<std::filesystem::path> targets;     ///< guotu report (later files override earlier)
  std::filesystem::path sample;                   ///< guotu sample's description; empty when the city has none
  std::filesystem::path styles;                   ///< QGIS styles (*.qml) by file name
  /// Example targets (示例, not official) for guotu's own sample city of this size and seed:
  /// `guotu report` adds them on such a GeoPackage when no --targets is given. Empty file: none.
  struct SampleTargets {
    std::filesystem::path file;
    std::int64_t patches = 0;
    std::int64_t seed = 0;
  } sample_targets;
};

/// The cities shipped: the folders of data/cities holding a profile.yaml, sorted.
[[nodiscard]] std::vector<std::string> known();
/// The city a run uses when none is given (data/cities/cities.yaml, key `default`).
[[nodiscard]] std::string default_id();
/// Reads data/cities/<id>/profile.yaml ("" = the default city). An unknown id is a BadInput
/// naming the known ones; a malformed profile, or a file it names that does not exist, is a
/// BadInput naming the profile and its line.
[[nodiscard]] Profile load(const std::string& id);
/// Reads a profile file wherever it is (its paths are relative to guotu's data folder).
[[nodiscard]] Profile load_file(const std::filesystem::path& file, const std::string& id);

/// The run's city: the CLI calls select() once, before any work; the engine's defaults read
/// current(), which is the default city when nothing was selected. A profile, once loaded, lives
/// as long as the process (a reference from current() stays valid after another select()).
void select(const std::string& id);
[[nodiscard]] const Profile& current();

}  // namespace guotu::city
