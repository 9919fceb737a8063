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

#include "area/measure.hpp"
#include "gdal/vector_source.hpp"
#include "overlay/overlay.hpp"
#include "report/indicator.hpp"

namespace guotu::report {

/// A reporting unit (统计单元): a city, county, town or a polygon of any layer.
struct ReportUnit {
  std::string code;
  std::string name;
  std::string parent;             ///< parent unit code where known (SJXZQDM of a town)
  std::vector<std::uint8_t> wkb;  ///< polygon in the working CRS
  double area_m2 = 0;             ///< area of the polygon (椭球面积, or planar with --area planar)
};

/// How patches were assigned to a level's units.
enum class Assignment { All, CodePrefix, Overlay };
std::string assignment_name(Assignment a);
/// The same in Chinese, for people (HTML, GeoPackage descriptions).
std::string assignment_name_zh(Assignment a);

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

using Progress = std::function<void(const std::string& stage, std::int64_t done, std::int64_t total)>;

/// What every aggregation step shares: the working CRS, which area is measured, the pool, the
/// progress and the reader's log.
struct AggregateContext {
  std::string crs;
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  unsigned jobs = 0;
  Progress progress;
  gdal::ReadLog* log = nullptr;
};
/// Every layer and field the requested levels need (their layers; XZQDM, XZQMC of XZQ; the code
/// and name fields a --by names), added to `schema` before anything is read.
void require_level_schema(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                          overlay::SchemaCheck& schema);
/// Every field a land-use vintage needs for these levels and indicators (DLBM; ZLDWDM for county
/// and town, which are assigned by code; the measures' fields; CZCSXM where a measure filters on it).
void require_vintage_schema(const gdal::Layer& vintage, const std::vector<LevelRequest>& requests,
                            const IndicatorSet& indicators, overlay::SchemaCheck& schema);

/// Reads the units of the requested levels (the city level first, always: the union of the
/// counties of XZQ, code = their common 4-digit prefix + "00"). Unit layers must hold polygons;
/// a level without any unit is a bad-input error. Features the reader cannot trust go to the log.
std::vector<UnitLevel> load_levels(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                                   const AggregateContext& ctx);

/// A land-use vintage as the aggregations read it: the patches with the fields they need, their
/// geometries only when a level or --classes-within needs them.
struct Patches {
  std::string layer;
  overlay::FeatureSet set;
  std::size_t dlbm = 0;  ///< field positions in `set`
  std::optional<std::size_t> zldwdm, czcsxm;
  std::vector<std::string> fields;  ///< the set's fields, in order (DLBM, ZLDWDM, CZCSXM, the measures' fields)
};
/// Reads a vintage once. geometry: read and measure the patches (overlay levels, classes within).
Patches load_patches(const gdal::Layer& vintage, const std::vector<UnitLevel>& levels, const IndicatorSet& indicators,
                     bool geometry, const AggregateContext& ctx);

/// Land-use measures of one vintage for every unit of every level:
/// result[level][unit] → measure id → m². Patches that fall in no unit of a code-prefix level
/// are counted in `unassigned[level]`.
struct LandUseResult {
  std::vector<std::vector<MeasureValues>> values;
  std::vector<std::size_t> unassigned;
  std::size_t patches = 0;
};
LandUseResult aggregate_land_use(const Patches& patches, const std::vector<UnitLevel>& levels,
                                 const IndicatorSet& indicators, const AggregateContext& ctx);

/// The plan layers the overlay measures and --classes-within read, each loaded once (valid
/// polygons, measured). A measure's layer that is absent adds a warning (its measures: no input);
/// a --classes-within layer that is absent was refused by the schema check.
using ZoneSets = std::map<std::string, overlay::FeatureSet>;
ZoneSets load_zones(const gdal::VectorSource& plan, const std::vector<std::string>& layers,
                    const AggregateContext& ctx);

/// Overlay measures (plan layers ∩ unit, overlapping features counted once) for every unit of
/// every level. A plan layer absent from `zones` leaves its measures unset (no input).
std::vector<std::vector<MeasureValues>> aggregate_overlays(const ZoneSets& zones, const std::vector<UnitLevel>& levels,
                                                           const IndicatorSet& indicators, const AggregateContext& ctx);

/// 三线内现状地类统计: the area of each land class (DLBM) inside a control line, per unit of every
/// level. Patches go to counties and towns by their code (as for the land-use measures) and are
/// cut by any other level's units; the area is that of patch ∩ (the layer's features), each place
/// counted once.
struct ClassWithin {
  std::size_t vintage = 0;  ///< set by compute_report
  std::size_t level = 0, unit = 0;
  std::string layer;  ///< the control line's layer (YJJBNT, STBHHX, CZKFBJ …)
  std::string dlbm;
  double area_m2 = 0;
};
std::vector<ClassWithin> classes_within(const Patches& patches, const std::vector<UnitLevel>& levels,
                                        const std::vector<std::string>& layers, const ZoneSets& zones,
                                        const AggregateContext& ctx);

}  // namespace guotu::report
