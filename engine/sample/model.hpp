// The in-memory sample city shared by the generator's stages (private to engine/sample).
// Geometries are kept as WKB in local coordinates (working CRS minus `origin`), so that worker
// threads can rebuild them in their own GEOS context and no overlay runs on 3.9e7 m eastings.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include "core/coord.hpp"
#include "core/numeric.hpp"
#include "core/parallel.hpp"
#include "gdal/types.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"
#include "sample/city_config.hpp"

namespace guotu::sample {

using Wkb = std::vector<std::uint8_t>;

/// Grid of the generator's overlays (m): snap rounding keeps shared edges identical.
inline constexpr double kGrid = 1e-5;

inline geos::Geometry from_wkb(const Wkb& w) {
  return geos::Geometry::from_wkb(w);
}

/// A portable deterministic generator (SplitMix64): the same seed gives the same city on every
/// platform and standard library (std:: distributions are implementation-defined).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  Rng(std::uint64_t seed, std::uint64_t stream)
      : state_(seed * 0x9E3779B97F4A7C15ULL + stream * 0xBF58476D1CE4E5B9ULL + 1) {
    next();
  }
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  std::size_t index(std::size_t n) {
    return truncate_to<std::size_t>(uniform() * static_cast<double>(n)).value_or(0) % n;
  }
  double normal() {
    const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  const std::string& pick(const CodeMix& mix) {
    double u = uniform(), acc = 0;
    for (const auto& [code, w] : mix) {
      acc += w;
      if (u < acc) return code;
    }
    return mix.back().first;
  }

 private:
  std::uint64_t state_;
};

/// A stable 64-bit hash of text (FNV-1a), for per-unit random streams.
inline std::uint64_t stable_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

struct County {
  std::string code, name;
  Wkb geom;
  Envelope env;
  double area = 0;  // planar, local
};

struct Town {
  std::string code, name;
  std::size_t county = 0;
  Wkb geom;
  Envelope env;
  Coord centre{0, 0};
  bool street = false, key = false;
  double centre_m = 0;  // built-up radius of its seat (0 for streets inside a city)
};

struct Village {
  std::string code, name;
  std::size_t town = 0;
  Coord pos{0, 0};
};

/// A carved linear or water feature: its polygon, exclusive of earlier corridors.
struct Corridor {
  std::string name, code;  // code: 三调 code of the land it makes
  Wkb geom;
  Envelope env;
  bool blue_line = false;
  double width_m = 0;
  std::vector<Coord> line;  // centre line (local), empty for lakes
};

struct SeatLocal {
  const Seat* seat;
  std::size_t county;
  Coord pos;
};

/// One DLTB patch.
struct Patch {
  Wkb geom;
  Envelope env;
  Coord site{0, 0};
  std::size_t county = 0, town = 0, village = 0;
  std::string code;        // DLBM
  std::string czcsxm;      // 城镇村属性码
  std::string klass;       // generator class: cultivated, construction, forest … or "water"
  int gddb = 0;            // 耕地等别 (farmland only)
  double kcxs = 0;         // 扣除系数 (farmland only)
  double area = 0;         // planar, local (calibration only; TBMJ is the ellipsoidal area)
  bool fixed = false;      // class set by geometry (urban core, corridor), not by allocation
  bool in_yjjbnt = false;  // part of 永久基本农田
  std::string bsm;
  double tbmj = 0;
};

/// A feature of a plan layer to be written: geometry (local WKB) and values by field name.
struct PlanFeature {
  Wkb geom;
  std::map<std::string, gdal::FieldValue> values;
};

struct ExpectedViolation {
  std::string project_bsm, rule_id, plan_layer, note;
};

/// How a sample project was placed: compliant (clean-urban, clean-rural, clean-major) or to break
/// the rules it lists, with or without a 批准文号.
struct SampleProject {
  std::string bsm, placement, pzwh;
  std::vector<std::string> rules;
};

struct Defect {
  std::string check, layer;
  std::int64_t fid = 0;
  std::int64_t other_fid = 0;  // the second feature of a pair (overlaps), 0 if none
  std::string bsm, note;
};

/// One change the generator made (a row of sample_changes): the piece is (before patch ∩ after
/// patch), and its truth under the change classes of docs/change.md (issue 14), from the codes the
/// generator chose and the zones it built.
struct Change {
  std::string bsm_before, bsm_after, code_before, code_after, county, town;
  std::string klass;    // the class by codes alone: 非农化, 进出平衡_出, 进出平衡_进 or 其他变化
  std::string classes;  // every class of the piece, ";"-joined in the order of later.cpp kClasses
  std::string case_id;  // why the generator made it (docs/sample-city.md, "Planted changes")
  std::string suspect_layers;  // STBHHX;YJJBNT;ZRBHD;CZKFBJ (CZKFBJ: outside it)
  std::string credit;          // 进出平衡 credit: in, out or none
  double area_m2 = 0;
  bool partial = false;
  bool suspect = false, approved = false;
  // Where the piece lies (10 m² or more inside; no piece has 0.1-10 m² inside or outside a zone).
  bool in_stbhhx = false, in_yjjbnt = false, in_zrbhd = false, in_zrbhd_core = false, outside_czkfbj = false;
};

struct City;

/// The features of one plan layer the generator built, as geometries with an envelope index.
struct LayerSet {
  std::vector<geos::Geometry> geoms;
  std::vector<std::unique_ptr<geos::PreparedGeometry>> prepared;  // for area_inside
  std::vector<const PlanFeature*> features;
  index::EnvelopeIndex index;

  LayerSet() = default;
  LayerSet(const City& city, const std::string& name, const std::function<bool(const PlanFeature&)>& keep = {});
  [[nodiscard]] bool intersects(const geos::Geometry& g) const;
  /// The one feature that covers g, or -1.
  [[nodiscard]] int covering(const geos::Geometry& g) const;
  [[nodiscard]] double number(std::size_t i, const char* field) const;
  /// Planar area of g inside the layer (the layer's features do not overlap each other).
  [[nodiscard]] double area_inside(const geos::Geometry& g) const;
};

struct City {
  CityConfig cfg;
  std::uint64_t seed = 1;
  Coord origin{0, 0};
  std::vector<County> counties;
  std::vector<Town> towns;
  std::vector<Village> villages;
  std::vector<SeatLocal> seats;
  std::vector<Corridor> corridors;
  Wkb boundary_river_line;  // local, may be empty
  std::vector<Patch> patches;
  std::vector<Patch> later;  // DLTB_LATER
  std::map<std::string, std::vector<PlanFeature>> layers;
  std::vector<ExpectedViolation> expected;
  std::vector<SampleProject> projects;
  std::vector<Defect> defects;
  std::vector<Change> changes;
  std::vector<std::string> notes;
  unsigned jobs = 1;

  [[nodiscard]] Coord to_local(Coord lonlat) const;
  [[nodiscard]] std::size_t county_index(const std::string& code) const;
};

/// A polygonal geometry without the artefacts of unioning many patches: holes and parts below
/// `min_area` (m²) dropped, made valid if it is not.
geos::Geometry clean_polygonal(const geos::Geometry& g, double min_area = 1.0);

/// A closed polygon ring approximating a circle.
geos::Geometry disc(Coord c, double r, int segments = 64);
/// An irregular blob around c with mean radius r (deterministic from rng).
geos::Geometry blob(Coord c, double r, Rng& rng, int segments = 72);
/// A rectangle of w × h metres centred at c, rotated by angle (radians).
geos::Geometry rotated_rect(Coord c, double w, double h, double angle);

// Stages, in order.
void build_admin(City& city);                        // counties, towns, villages, seats
void build_corridors(City& city);                    // rivers, lakes, roads, the boundary river
void build_patches(City& city, std::size_t target);  // DLTB: tessellate, carve, classify, calibrate
void build_plan_layers(City& city);                  // XZQ, CZKFBJ, ZRBHD, STBHHX, YJJBNT, ZXCQ …
void build_projects(City& city);                     // XMYD and the planted violations
void build_later_vintage(City& city);                // DLTB_LATER and the change list
void inject_defects(City& city);                     // --defects
/// The 水体保护范围 (SZBHFW) of the city file's water bodies (local), in the order it lists them:
/// each water body's corridor and its bank, inside the city, exclusive of those before it.
/// Water bodies wholly outside the city are left out.
std::vector<std::pair<std::string, geos::Geometry>> water_protection(const City& city);
/// Recomputes TBMJ (椭球面积) of a patch from its geometry.
void measure(const City& city, Patch& p);

}  // namespace guotu::sample
