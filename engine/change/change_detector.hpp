// `guotu diff`: land-use change between two survey vintages (or a vintage and a layer of new
// building footprints / patches), each changed piece classified by the change rules
// (data/rules/change_<city>.yaml, change_rules.hpp): 非农化, 新增建设用地, 进出平衡 out and in,
// 违规开垦, 永久基本农田非粮化, 林地减少 … with the plan zones they name (生态保护红线, 永久基本农田,
// 自然保护地, outside 城镇开发边界) and 疑似违法 flags that an approved project (已批) may clear.
// Method and rules: docs/change.md.
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
#include "change/change_rules.hpp"
#include "core/coord.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::change {

struct DiffOptions {
  std::string before;  ///< OGR source of the earlier vintage
  std::string after;   ///< OGR source of the later vintage (or of footprints)
  std::string plan;    ///< OGR source of the plan layers (empty: no zone is tested)
  /// Change rules (YAML); empty: ChangeRules::default_path(), the city profile's.
  std::string rules_file;
  /// Approved projects (批准的项目用地范围): an OGR source whose XMYD layer (or only layer) holds
  /// them, those with a PZWH (批准文号) when the layer has that field. Empty: the plan's XMYD
  /// features with a PZWH, when the plan has them.
  std::string approvals;
  std::string approvals_layer;  ///< layer of `approvals`; empty: XMYD, else its only layer
  std::string before_layer = "DLTB";
  std::string after_layer;  ///< empty: DLTB_LATER when before == after, else DLTB, else the only layer
  bool footprints = false;  ///< `after` is building footprints / new patches without codes
  /// Pieces below this area (m², in `area`'s mode) are slivers (edges that moved, land that did
  /// not change) and are dropped. 1 m² by default: docs/change.md §Slivers.
  double min_area_m2 = 1.0;
  /// Every figure of the run (pieces, the sliver threshold, the plan tests): 椭球面积, or the
  /// plane area in the working CRS (投影面积).
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  std::string working_crs;  ///< empty: the city profile's (core/city.hpp)
  gdal::OpenOptions open;
  unsigned jobs = 0;  ///< worker threads; 0 = hardware concurrency
  std::function<void(std::size_t, std::size_t)> progress;
};

struct Change {
  std::string cls;                      ///< the first of `classes` (the map's class)
  std::vector<std::string> classes;     ///< every class whose rule holds, in the rule file's order
  std::vector<std::string> rules;       ///< ids of every rule that holds (classes and flags)
  std::string before_bsm, after_bsm;    ///< after_bsm: the footprint's id in footprint mode
  std::string before_code, after_code;  ///< DLBM; after_code "建筑" for a footprint
  std::int64_t before_fid = -1, after_fid = -1;
  std::string county, town;                 ///< XZQDM (6) and town code (9), from the before patch's ZLDWDM
  double area_m2 = 0;                       ///< area of the piece (DiffResult::area)
  bool new_construction = false;            ///< after is 建设用地 (or a footprint) and before was not
  bool suspect = false;                     ///< 疑似违法: a suspect rule holds that no approval clears
  std::vector<std::string> suspect_rules;   ///< ids of those rules
  std::vector<std::string> suspect_layers;  ///< their zones, in the file's zone order (CZKFBJ = outside it)
  bool approved = false;                    ///< 已批: wholly inside an approved project (within --min-area)
  std::vector<std::string> cleared_rules;   ///< suspect rules the approval cleared
  Balance credit = Balance::None;           ///< the 进出平衡 flow the piece books (none when a rule bars credit)
  /// Zone id → the piece's area inside it (outside it, for a zone a rule tests with `outside`),
  /// for every zone a rule matching the piece's codes names.
  std::map<std::string, double> zone_m2;
  /// Rules matching the piece's codes that could not be evaluated (their zone's layer is not in
  /// the plan): the piece's classes may be incomplete.
  std::vector<std::string> unevaluated_rules;
  std::vector<std::uint8_t> wkb;  ///< the piece, working CRS
  Envelope envelope;              ///< the piece's envelope, working CRS

  [[nodiscard]] bool has_class(const std::string& c) const;
};

struct SummaryRow {
  std::string level;  ///< "county" or "town"
  std::string code;
  std::string cls;
  std::size_t count = 0;
  double area_m2 = 0;
  std::size_t suspect_count = 0;
  double suspect_m2 = 0;
  double credit_m2 = 0;  ///< of area_m2, what is 进出平衡 credit (booked by --to-ledger)
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
  ChangeRules rules;                          ///< the rules the run applied
  std::string approvals;                      ///< where approvals came from ("" = none)
  std::size_t approval_count = 0;             ///< approved projects read (near new construction)
  std::vector<std::string> plan_layers_used;  ///< plan layers of the rules' zones the plan holds
  /// Rules that matched some piece's codes but could not be evaluated (id → why): the run's
  /// classes are incomplete (未完整审查), and it exits 2.
  std::map<std::string, std::string> unevaluated;
  /// Features the reader skipped (a value it cannot trust): left out, so the run exits 2.
  std::vector<gdal::ReadProblem> read_problems;
  std::vector<std::string> warnings;
  unsigned jobs = 1;

  /// class → pieces carrying it (every class of the rules, in their order); a piece of several
  /// classes counts in each.
  [[nodiscard]] std::vector<std::pair<std::string, std::size_t>> counts() const;
  [[nodiscard]] std::map<std::string, double> areas() const;  ///< class → m²
  [[nodiscard]] std::size_t suspect_count() const;
  [[nodiscard]] double suspect_m2() const;
  [[nodiscard]] std::size_t approved_count() const;
  [[nodiscard]] double credit_m2(Balance direction) const;
  [[nodiscard]] std::vector<SummaryRow> summary() const;  ///< per county and per town, per class
};

/// Runs the comparison. Bad input throws guotu::Error before any output: a rule file that does not
/// load, a missing layer or DLBM field (all of them in one message, before any geometry is read),
/// no CRS, a layer that is not polygons, a side without any patch, two layers that do not overlap.
[[nodiscard]] DiffResult run_diff(const DiffOptions& options);

/// True when the code is 建设用地 (layers::LandClasses "construction").
[[nodiscard]] bool is_construction(const std::string& code);

}  // namespace guotu::change
