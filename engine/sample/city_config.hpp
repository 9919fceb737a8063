// The description of a sample city (data/cities/<city>/sample.yaml): real admin data to
// start from, calibration targets with their sources, and the approximate positions of the
// features the generator draws. Nothing here is in code: another city is another file.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/coord.hpp"

namespace guotu::sample {

/// Codes and their relative weights within a class (e.g. 0102: 0.92, 0103: 0.07 …).
using CodeMix = std::vector<std::pair<std::string, double>>;

/// Where a calibration figure comes from: the official document (文号, title, item) or
/// "guotu 设定…", as printed in the sample's sample_calibration table, and the internal research
/// reference (`seed_ref`), which is kept but never written out.
struct Citation {
  std::string source;
  std::string seed_ref;
};

struct LandUseClass {
  std::string id;  ///< cultivated, construction, forest …
  double share = 0;
  CodeMix codes;
  Citation cite;
};

struct UrbanMix {
  std::string czcsxm;
  CodeMix codes;
};

struct Seat {
  std::string county;
  std::string name;
  std::string role;  ///< 核 / 星
  Coord lonlat;
  double urban_km = 0;
  double boundary_km = 0;
  std::string czcsxm;
  bool central_city = false;
};

struct Polyline {
  std::string name;
  std::string code;  ///< 三调 code of a road/railway
  double width_m = 0;
  bool blue_line = false;
  std::vector<Coord> lonlat;
};

struct Lake {
  std::string name;
  Coord lonlat;
  double radius_km = 0;
  double island_km = 0;
  bool blue_line = false;
};

struct BoundaryRiver {
  std::string name;
  std::vector<std::string> counties;
  Coord direction{0, 0};
  double width_m = 0;
  double red_line_km = 0;
  double floodplain_km = 0;
};

struct NaturalPark {
  std::string name, type, level, county;
  Coord lonlat;
  double area_mu = 0;
  double core_share = 0;
};

struct ForestZone {
  std::string name;
  std::vector<std::string> counties;
  double weight = 0;
};

struct CentralArea {
  std::string name, sector, kfqd;
  double rjlsx = 0, gdsx = 0;
};

struct HeightZone {
  std::string name;
  double radius_km = 0, gdsx = 0;
};

/// A historic core protection area (历史文化核心保护区): a disc around an approximate centre.
struct HistoricArea {
  std::string name;
  Coord lonlat;
  double radius_km = 0;
};

struct CityConfig {
  std::filesystem::path file;
  std::string code, name, working_crs;
  int survey_year = 0, later_year = 0;
  std::filesystem::path boundaries, units;
  std::string code_field, name_field;
  std::vector<LandUseClass> land_use;
  std::map<std::string, UrbanMix> urban_mix;  ///< city, town, village
  std::vector<Seat> seats;
  std::vector<std::string> key_towns;
  double town_centre_km = 0, key_town_centre_km = 0;
  BoundaryRiver boundary_river;
  std::vector<Polyline> rivers, roads;
  std::vector<Lake> lakes;
  std::vector<NaturalPark> parks;
  std::vector<ForestZone> forest_zones;
  double central_inner_km = 0, central_outer_km = 0;
  std::vector<CentralArea> central_areas;
  std::vector<HeightZone> height_zones;
  double historic_core_km = 0, green_ring_m = 0;
  /// 水体保护范围: the water bodies (rivers and lakes by name) and the bank beyond the water (m).
  std::vector<std::string> water_protection;
  double water_protection_bank_m = 0;
  /// 历史文化核心保护区 of the central city.
  std::vector<HistoricArea> historic_areas;
  double permanent_farmland_share = 0;
  /// 三区 (CZKJ, NYKJ, STKJ) and 主体功能区 (ZTGNFQ), written when the file has `spaces`: 城镇空间
  /// is 城镇开发边界 grown by urban_margin_m, 生态空间 the 生态保护红线 grown by ecological_margin_m,
  /// 农业空间 the rest of each county; each county's 主体功能 code (layers/codes/ztgnfq.csv).
  bool spaces = false;
  double urban_space_margin_m = 0, ecological_space_margin_m = 0;
  std::string main_function_default;
  std::map<std::string, std::string> main_function;  ///< county code → ZTGNDM
  /// Sources of the other calibration figures (natural_parks, towns, key_towns,
  /// permanent_farmland_share …), from the file's optional `calibration_sources`.
  std::map<std::string, Citation> calibration_sources;
  int project_count = 0;
  std::vector<std::pair<std::string, int>> planted_violations;  ///< rule id → count
  double change_to_construction = 0, change_out = 0, change_in = 0;
  int illegal_in_farmland = 0;
  /// Planted change cases (changes.planted): case id → how many (docs/sample-city.md).
  std::vector<std::pair<std::string, int>> planted_changes;

  /// Loads and checks a city file; errors name the file and line. Relative paths in the file
  /// are resolved against `home` (the directory holding data/).
  static CityConfig load(const std::filesystem::path& file, const std::filesystem::path& home);
  [[nodiscard]] const LandUseClass& land_class(const std::string& id) const;
  /// The source of calibration figure `key`; empty when the file gives none.
  [[nodiscard]] std::string calibration_source(const std::string& key) const;
};

}  // namespace guotu::sample
