// The overlay core: the one place where guotu joins layers. check, report, diff and validate
// read their layers through FeatureSet::load and meet them through an overlay::Worker; nothing
// else builds an index, caches prepared geometries or runs a pool of its own.
//
// - FeatureSet::load reads a layer once, only the fields asked for and only the features whose
//   envelopes meet the work's rectangles (the source's spatial index: the GeoPackage R-tree,
//   PostGIS's GiST), through the one reader policy (gdal::Layer::read). The reading thread hands
//   WKB in batches to the workers, which build the GEOS geometries in their own contexts, make
//   them what the caller asked (polygonal, valid, buffered), and measure each feature's area once
//   (area::Measure: 椭球面积, or the plane area with --area planar). The features keep fid order;
//   an STR-packed envelope index (index::EnvelopeIndex) is built over them.
// - A Worker is one thread's state: its GEOS context, its Measure, its cache of prepared
//   geometries per set, its candidate buffer. Workers come from overlay::for_each, which is
//   core/parallel.hpp's pool with progress.
// - Worker::intersect meets a subject geometry with a set: a feature wholly inside the subject
//   adds its known area without an intersection, a subject wholly inside a feature adds the
//   subject's known area; only the rest is cut. Worker::area_within gives the area of
//   subject ∩ (union of the set), so that overlapping features count once.
// - SchemaCheck lists, before any geometry is read, every layer and field a run needs and
//   refuses the run once with all that are missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "area/measure.hpp"
#include "core/coord.hpp"
#include "core/parallel.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"

namespace guotu::overlay {

/// What a run does with a layer's geometries when it loads them.
enum class Shape {
  AsRead,  ///< as the reader gives them (validate judges them itself; report's patches)
  /// The polygonal part (unless buffered: lines and points are buffered as they are); an invalid
  /// geometry made valid first (counted in repaired()).
  Valid,
};

struct LoadOptions {
  std::string crs;                  ///< working CRS: every geometry is reprojected into it
  std::vector<std::string> fields;  ///< the attributes kept, in this order (value(i, k)); each must exist
  std::string where;                ///< OGR SQL attribute filter; empty: every feature
  std::vector<Envelope> within;     ///< read only features meeting these rectangles; empty: all
  gdal::GeometryFamily family = gdal::GeometryFamily::Polygon;
  Shape shape = Shape::Valid;
  double buffer_m = 0;  ///< > 0: each geometry replaced by its buffer (after shaping)
  /// Measure every feature's area once (area_m2(i)); the mode and CRS of the measure.
  bool measure = false;
  area::AreaMode area = area::AreaMode::Ellipsoidal;
  /// Read the attributes alone (every feature kept, with an empty WKB): no geometry is decoded.
  bool geometry = true;
  /// Keep features without geometry (null or empty after shaping) as entries with an empty WKB;
  /// by default they are dropped (counted in dropped()).
  bool keep_empty = false;
  unsigned jobs = 0;
  gdal::ReadLog* log = nullptr;  ///< the reader's log (skipped features); null: refuse them
  ProgressFn progress;           ///< features read, of the layer's count (approximate with `within`)
};

/// A layer's features as the workers see them: immutable after load, shared by every thread.
class FeatureSet {
 public:
  FeatureSet() = default;
  static FeatureSet load(const gdal::Layer& layer, const LoadOptions& options);

  [[nodiscard]] std::size_t size() const noexcept { return fid_.size(); }
  [[nodiscard]] bool empty() const noexcept { return fid_.empty(); }
  [[nodiscard]] std::int64_t fid(std::size_t i) const { return fid_[i]; }
  [[nodiscard]] const Envelope& envelope(std::size_t i) const { return envelope_[i]; }
  [[nodiscard]] const std::vector<std::uint8_t>& wkb(std::size_t i) const { return wkb_[i]; }
  /// Area measured at load (LoadOptions::measure); NaN when it was not asked for.
  [[nodiscard]] double area_m2(std::size_t i) const {
    return area_.empty() ? std::numeric_limits<double>::quiet_NaN() : area_[i];
  }
  [[nodiscard]] bool measured() const noexcept { return !area_.empty(); }
  [[nodiscard]] area::AreaMode area_mode() const noexcept { return area_mode_; }
  /// Value of the k-th field of LoadOptions::fields.
  [[nodiscard]] const gdal::FieldValue& value(std::size_t i, std::size_t k) const { return values_[i * nfields_ + k]; }
  [[nodiscard]] std::string text(std::size_t i, std::size_t k) const;  ///< as text, trimmed
  /// Ids of the features whose envelopes meet `e`, ascending (= fid order).
  void query(const Envelope& e, std::vector<std::size_t>& out) const { index_.query(e, out); }
  [[nodiscard]] const index::EnvelopeIndex& index() const noexcept { return index_; }

  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] const std::string& table() const noexcept { return table_; }
  [[nodiscard]] const std::string& crs() const noexcept { return crs_; }
  [[nodiscard]] std::size_t repaired() const noexcept { return repaired_; }  ///< made valid at load
  [[nodiscard]] std::size_t dropped() const noexcept { return dropped_; }    ///< no geometry left
  /// Where feature i is, for an error message.
  [[nodiscard]] ErrorContext where(std::size_t i) const { return {file_, table_, fid_[i], std::nullopt}; }

 private:
  std::string file_, table_, crs_;
  std::size_t nfields_ = 0;
  std::vector<std::int64_t> fid_;
  std::vector<Envelope> envelope_;
  std::vector<std::vector<std::uint8_t>> wkb_;
  std::vector<double> area_;
  std::vector<gdal::FieldValue> values_;  // feature-major
  area::AreaMode area_mode_ = area::AreaMode::Ellipsoidal;
  std::size_t repaired_ = 0, dropped_ = 0;
  index::EnvelopeIndex index_;
};

/// How a subject and a feature meet.
enum class Fit {
  FeatureInside,  ///< the feature lies in the subject's interior: the piece is the feature (its known area)
  SubjectInside,  ///< the subject lies in the feature's interior: the piece is the subject (its known area)
  Partial,        ///< cut: the piece is their intersection
};

/// A subject geometry (a project, a unit, a patch) and what is known of it.
struct Subject {
  const geos::Geometry& geometry;
  Envelope envelope;
  double area_m2 = std::numeric_limits<double>::quiet_NaN();  ///< NaN: measured when needed
  /// Test the features against the prepared subject (one big subject, many small features: a
  /// unit against patches) instead of each prepared feature against the subject (the default:
  /// many subjects against the same features, whose prepared forms the worker caches).
  const geos::PreparedGeometry* prepared = nullptr;
};

/// Where the subject meets one feature, with a polygonal area > 0.
struct Hit {
  std::size_t feature = 0;
  Fit fit = Fit::Partial;
  double area_m2 = 0;
  geos::Geometry piece;  ///< the polygonal intersection, when asked for (else null)
};

/// One thread's overlay state. Made in the thread that uses it (overlay::for_each does).
class Worker {
 public:
  Worker(area::AreaMode mode, const std::string& crs);

  [[nodiscard]] const area::Measure& measure() const noexcept { return *measure_; }
  [[nodiscard]] double area_m2(const geos::Geometry& g) const { return measure_->area_m2(g); }
  /// Feature i of `set` as a geometry (built from its WKB).
  [[nodiscard]] static geos::Geometry geometry(const FeatureSet& set, std::size_t i);
  /// Feature i of `set`, prepared, kept in this worker's cache for the set's life.
  const geos::PreparedGeometry& prepared(const FeatureSet& set, std::size_t i);
  /// Candidates of `set` for an envelope, in this worker's buffer (valid until the next query).
  const std::vector<std::size_t>& candidates(const FeatureSet& set, const Envelope& e);

  /// Every feature of `set` the subject meets with an area, in fid order. pieces: build each
  /// Hit::piece (FeatureInside: the feature, SubjectInside: the subject, Partial: the cut).
  /// wanted: only features it accepts are tested (none given: all).
  void intersect(const Subject& s, const FeatureSet& set, bool pieces, const std::function<void(Hit&&)>& visit,
                 const std::function<bool(std::size_t)>& wanted = {});
  /// Area of subject ∩ (union of the features of `set`): overlapping features count once.
  double area_within(const Subject& s, const FeatureSet& set);
  /// The union of polygonal pieces (one piece: itself).
  [[nodiscard]] static geos::Geometry union_of(std::vector<geos::Geometry> pieces);

 private:
  const area::Measure* measure_;
  std::map<const FeatureSet*, std::vector<std::unique_ptr<geos::PreparedGeometry>>> prepared_;
  std::vector<std::size_t> candidates_;
};

/// f(i, worker) for i in 0…n−1 on `jobs` threads, one Worker each; progress from the caller.
void for_each(std::size_t n, unsigned jobs, area::AreaMode mode, const std::string& crs,
              const std::function<void(std::size_t, Worker&)>& f, const ProgressFn& progress = {});

/// Rectangles to read a layer through for work on these envelopes: the envelopes grown by
/// `margin` and merged where they overlap, so that each region of the source's index is asked
/// once. Empty (read everything) when an envelope is not finite: reading everything cannot miss
/// a feature.
[[nodiscard]] std::vector<Envelope> read_windows(std::vector<Envelope> envelopes, double margin = 0);

/// What a run needs from its sources, gathered before anything is read, and refused at once with
/// everything that is missing ("the plan lacks layer YJJBNT (for --classes-within); DLTB has no
/// field ZLDWDM (for --by county), TBMJ (for measure 耕地面积)").
class SchemaCheck {
 public:
  /// A layer the run needs and did not find under any of its names.
  void missing_layer(const std::string& source, const std::string& layer, const std::string& purpose);
  /// Fields the run needs from a layer; the absent ones are remembered.
  void fields(const gdal::Layer& layer, const std::vector<std::string>& names, const std::string& purpose);
  [[nodiscard]] bool ok() const noexcept { return missing_.empty(); }
  /// Throws one bad-input error listing everything missing (exit 2); nothing when all is there.
  void require() const;

 private:
  struct Missing {
    std::string source, layer, field, purpose;
  };
  std::vector<Missing> missing_;
};

}  // namespace guotu::overlay
