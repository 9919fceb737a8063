// Aggregation (汇总): which 三调 patches and which parts of plan layers fall in each reporting
// unit, and the measures summed over them.
//
// Patches go to counties and towns by the code they carry (ZLDWDM, 19 digits: the first 6 are the
// county, the first 9 the town) — exact, fast, and what statistics offices do. Any other polygon
// layer (ZXCQ, the central city's five areas) is an overlay: a patch cut by a unit's boundary
// contributes its attributes in proportion to the 椭球面积 of the piece inside. Plan layers (YJJBNT,
// STBHHX, ZRBHD, CZKFBJ) are always an overlay: 椭球面积 of (layer ∩ unit), the layer dissolved
// inside the unit so that overlapping features count once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gdal/vector_source.hpp"
#include "report/indicator.hpp"

namespace guotu::report {

/// A reporting unit (统计单元): a city, county, town or a polygon of any layer.
struct ReportUnit {
  std::string code;
  std::string name;
  std::string parent;             ///< parent unit code where known (SJXZQDM of a town)
  std::vector<std::uint8_t> wkb;  ///< polygon in the working CRS
  double area_m2 = 0;             ///< 椭球面积 of the polygon
};

/// How patches were assigned to a level's units.
enum class Assignment { All, CodePrefix, Overlay };
std::string assignment_name(Assignment a);

/// One level of units (city, county, town, or a layer).
struct UnitLevel {
  std::string name;   ///< "city", "county", "town" or the layer name
  std::string title;  ///< 市级, 县级, 乡镇级, or the layer's Chinese name
  std::string layer;  ///< the source layer (XZQ, XZQ_XIANG, ZXCQ …)
  Assignment assignment = Assignment::Overlay;
  std::size_t code_length = 0;  ///< for CodePrefix
  std::vector<ReportUnit> units;
};

/// What a --by argument names: "county", "town", or "LAYER[:CODE_FIELD[:NAME_FIELD]]".
struct LevelRequest {
  std::string name;
  std::string layer;
  std::string code_field;  ///< empty: guessed (XZQDM, BSM, DM, CODE …; else the fid)
  std::string name_field;  ///< empty: guessed (XZQMC, QYMC, MC, NAME …; else the code)
};
LevelRequest parse_level_request(const std::string& by);

/// Reads the units of the requested levels (the city level first, always: the union of the
/// counties of XZQ, code = their common 4-digit prefix + "00"). Unit layers must hold polygons;
/// a level without any unit is a bad-input error. Features the reader cannot trust go to `log`.
std::vector<UnitLevel> load_levels(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                                   const std::string& crs, unsigned jobs, std::vector<std::string>& warnings,
                                   gdal::ReadLog& log);

using Progress = std::function<void(const std::string& stage, std::int64_t done, std::int64_t total)>;

/// Land-use measures of one vintage (a DLTB-like layer) for every unit of every level:
/// result[level][unit] → measure id → m². Patches that fall in no unit of a code-prefix level
/// are counted in `unassigned[level]`.
struct LandUseResult {
  std::vector<std::vector<MeasureValues>> values;
  std::vector<std::size_t> unassigned;
  std::size_t patches = 0;
};
LandUseResult aggregate_land_use(const gdal::Layer& vintage, const std::vector<UnitLevel>& levels,
                                 const IndicatorSet& indicators, const std::string& crs, unsigned jobs,
                                 const Progress& progress, gdal::ReadLog& log);

/// Overlay measures (plan layers ∩ unit) for every unit of every level. A plan layer absent from
/// the source leaves its measures unset (reported as no input) and adds a warning.
std::vector<std::vector<MeasureValues>> aggregate_overlays(const gdal::VectorSource& plan,
                                                           const std::vector<UnitLevel>& levels,
                                                           const IndicatorSet& indicators, const std::string& crs,
                                                           unsigned jobs, const Progress& progress,
                                                           std::vector<std::string>& warnings, gdal::ReadLog& log);

}  // namespace guotu::report
