// `guotu diff`: land-use change between two survey vintages (or a vintage and a layer of new
// building footprints / patches), classified for 耕地保护: 非农化 (耕地 → 建设用地), 进出平衡 out
// (耕地 → other agricultural use) and in (other land → 耕地), other changes; new construction
// is tested against the plan (生态保护红线, 永久基本农田, 自然保护地, outside 城镇开发边界) and flagged
// 疑似违法. Method and rules: docs/change.md.
//
// Patches are paired geometrically (a before patch is overlaid with every later patch whose
// envelope meets it and whose code differs), so partial changes (a patch split, the new piece
// under a new BSM) are found as well as whole-patch recodes. Every layer is read and met through
// the overlay core (overlay/overlay.hpp): FeatureSet::load, overlay::Worker, overlay::for_each.
// Areas are 椭球面积 in the working CRS, or the plane area with --area planar.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "area/measure.hpp"
#include "core/coord.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::change {

/// Change classes (the `class` field; Chinese, as the bureau reports them).
inline constexpr const char* kNonAgri = "非农化";  ///< 耕地 → 建设用地
inline constexpr const char* kOut = "进出平衡_出";  ///< 耕地 → 园/林/草/设施农用地/坑塘 … (other 农用地)
inline constexpr const char* kIn = "进出平衡_进";  ///< non-耕地 → 耕地
inline constexpr const char* kOther = "其他变化";  ///< every other code change

/// Plan layers a new construction piece is tested against, in this order.
inline constexpr const char* kSuspectLayers[] = {"STBHHX", "YJJBNT", "ZRBHD", "CZKFBJ"};

struct DiffOptions {
  std::string before;  ///< OGR source of the earlier vintage
  std::string after;   ///< OGR source of the later vintage (or of footprints)
  std::string plan;    ///< OGR source of the plan layers (empty: no 疑似违法 test)
  std::string before_layer = "DLTB";
  std::string after_layer;  ///< empty: DLTB_LATER when before == after, else DLTB, else the only layer
  bool footprints = false;  ///< `after` is building footprints / new patches without codes
  /// Pieces below this area (m², in `area`'s mode) are slivers (edges that moved, land that did
  /// not change) and are dropped. 1 m² by default: docs/change.md §Slivers.
  double min_area_m2 = 1.0;
  /// Every figure of the run (pieces, the sliver threshold, the plan tests): 椭球面积, or the
  /// plane area in the working CRS (投影面积).
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  std::string working_crs = "EPSG:4527";
  gdal::OpenOptions open;
  unsigned jobs = 0;  ///< worker threads; 0 = hardware concurrency
  std::function<void(std::size_t, std::size_t)> progress;
};

struct Change {
  std::string cls;                      ///< kNonAgri, kOut, kIn, kOther
  std::string before_bsm, after_bsm;    ///< after_bsm: the footprint's id in footprint mode
  std::string before_code, after_code;  ///< DLBM; after_code "建筑" for a footprint
  std::int64_t before_fid = -1, after_fid = -1;
  std::string county, town;                  ///< XZQDM (6) and town code (9), from the before patch's ZLDWDM
  double area_m2 = 0;                        ///< area of the piece (DiffResult::area)
  bool new_construction = false;             ///< after is 建设用地 (or a footprint) and before was not
  bool suspect = false;                      ///< 疑似违法: new construction breaking a plan layer
  std::vector<std::string> suspect_layers;   ///< STBHHX, YJJBNT, ZRBHD, CZKFBJ (= outside it)
  std::map<std::string, double> suspect_m2;  ///< layer → area of the piece breaking it
  std::vector<std::uint8_t> wkb;             ///< the piece, working CRS
  Envelope envelope;                         ///< the piece's envelope, working CRS
};

struct SummaryRow {
  std::string level;  ///< "county" or "town"
  std::string code;
  std::string cls;
  std::size_t count = 0;
  double area_m2 = 0;
  std::size_t suspect_count = 0;
  double suspect_m2 = 0;
};

struct DiffResult {
  std::string before, before_layer, after, after_layer, plan, working_crs;
  bool footprints = false;
  double min_area_m2 = 0;
  area::AreaMode area = area::AreaMode::Ellipsoidal;  ///< what every area_m2 is
  std::vector<Change> changes;                        ///< in before-fid order, then after fid
  std::size_t slivers = 0;                            ///< pieces dropped below min_area_m2
  double sliver_m2 = 0;
  std::size_t pairs_overlaid = 0;
  std::vector<std::string> plan_layers_used;  ///< of kSuspectLayers, those the plan holds
  /// Features the reader skipped (a value it cannot trust): left out, so the run exits 2.
  std::vector<gdal::ReadProblem> read_problems;
  std::vector<std::string> warnings;
  unsigned jobs = 1;

  [[nodiscard]] std::map<std::string, std::size_t> counts() const;  ///< class → n (every class listed)
  [[nodiscard]] std::map<std::string, double> areas() const;        ///< class → m²
  [[nodiscard]] std::size_t suspect_count() const;
  [[nodiscard]] std::vector<SummaryRow> summary() const;  ///< per county and per town, per class
};

/// Runs the comparison. Bad input throws guotu::Error before any output: a missing layer or DLBM
/// field (all of them in one message, before any geometry is read), no CRS, a layer that is not
/// polygons, a side without any patch, two layers that do not overlap.
[[nodiscard]] DiffResult run_diff(const DiffOptions& options);

/// Classifies a code change (三调 DLBM codes): kNonAgri, kOut, kIn or kOther; "" when no change.
[[nodiscard]] std::string classify(const std::string& before_code, const std::string& after_code);
/// True when the code is 建设用地 (layers::LandClasses "construction").
[[nodiscard]] bool is_construction(const std::string& code);

}  // namespace guotu::change
