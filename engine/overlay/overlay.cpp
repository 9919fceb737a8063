#include "overlay/overlay.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/text.hpp"

namespace guotu::overlay {

namespace {

constexpr std::size_t kBatch = 2048;  // features the reader hands over at a time

/// A feature as the reader hands it over, and what a worker makes of it.
struct Raw {
  std::int64_t fid = -1;
  std::vector<std::uint8_t> wkb;
  std::vector<gdal::FieldValue> values;  // the kept fields, in LoadOptions::fields order
};

struct Batch {
  std::vector<Raw> in;
  // out, in the order of `in` (features left out are not there)
  std::vector<std::int64_t> fid;
  std::vector<Envelope> envelope;
  std::vector<std::vector<std::uint8_t>> wkb;
  std::vector<double> area;
  std::vector<gdal::FieldValue> values;
  std::size_t repaired = 0, dropped = 0;
};

constexpr Envelope kNowhere{1, 1, 0, 0};  // meets nothing

void shape_one(Raw& r, Batch& b, const LoadOptions& o, const std::string& file, const std::string& table) {
  const ErrorContext where{file, table, r.fid, std::nullopt};
  auto keep = [&](std::vector<std::uint8_t> wkb, const Envelope& env, double area) {
    b.fid.push_back(r.fid);
    b.envelope.push_back(env);
    b.wkb.push_back(std::move(wkb));
    if (o.measure) b.area.push_back(area);
    for (auto& v : r.values) b.values.push_back(std::move(v));
  };
  if (r.wkb.empty()) {
    if (o.keep_empty || !o.geometry)
      keep({}, kNowhere, 0.0);
    else
      ++b.dropped;
    return;
  }
  geos::Geometry g;
  try {
    g = geos::Geometry::from_wkb(r.wkb);
  } catch (const Error& e) {
    // As the reader refuses a geometry GEOS cannot build: malformed data, named.
    throw_bad_input("unreadable geometry: " + e.reason(), where);
  }
  bool changed = false;
  geos::on_feature(where, o.buffer_m > 0 ? fmt::format("a {} m buffer", o.buffer_m) : std::string(), [&] {
    if (o.shape == Shape::Valid && !g.is_empty()) {
      if (!g.is_polygonal() && o.buffer_m <= 0) {
        g = g.polygonal_part();
        changed = true;
      }
      if (!g.is_empty() && !g.is_valid()) {
        g = g.make_valid();
        if (o.buffer_m <= 0) g = g.polygonal_part();
        ++b.repaired;
        changed = true;
      }
    }
    if (o.buffer_m > 0 && !g.is_empty()) {
      g = g.buffer(o.buffer_m, 16);
      changed = true;
    }
  });
  if (g.is_empty()) {
    if (o.keep_empty)
      keep({}, kNowhere, 0.0);
    else
      ++b.dropped;
    return;
  }
  const double area =
      o.measure ? geos::on_feature(where, "its area", [&] { return area::thread_measure(o.area, o.crs).area_m2(g); })
                : 0.0;
  const Envelope env = g.envelope();
  keep(changed ? g.to_wkb() : std::move(r.wkb), env, area);
}

/// Whether two polygonal pieces share interior. DE-9IM first; pieces cut from touching features
/// can be so nearly degenerate that relate fails (a side location conflict), and then the robust
/// overlay (OverlayNG, with its snapping fallback) decides: an intersection with area.
bool interiors_overlap(const geos::Geometry& a, const geos::Geometry& b) {
  try {
    return a.relate_pattern(b, "2********");
  } catch (const geos::Failure&) {
    // Noise of the overlay along a shared edge is not an overlap: a common area above a
    // billionth of the smaller piece is.
    const geos::Geometry common = a.intersection(b).polygonal_part();
    return !common.is_empty() && common.planar_area() > 1e-9 * std::min(a.planar_area(), b.planar_area());
  }
}

}  // namespace

// ------------------------------------------------------------------------------- FeatureSet

FeatureSet FeatureSet::load(const gdal::Layer& layer, const LoadOptions& o) {
  FeatureSet set;
  set.file_ = layer.source_path();
  set.table_ = layer.name();
  set.crs_ = o.crs;
  set.nfields_ = o.fields.size();
  set.area_mode_ = o.area;
  gdal::ReadOptions ro;
  ro.target_crs = o.crs;
  ro.where = o.where;
  ro.within = o.within;
  ro.geometry = o.family;
  ro.log = o.log;
  ro.wkb = true;
  ro.no_geometry = !o.geometry;
  for (const auto& name : o.fields) {
    const auto i = layer.field_index(name);
    if (!i) throw_bad_input("the layer has no field " + name, {set.file_, set.table_, std::nullopt, std::nullopt});
    ro.fields.push_back(*i);
  }
  if (ro.fields.empty() && !layer.fields().empty()) {
    // No attribute is wanted: convert one (the cheapest: the first) rather than all of them.
    ro.fields.push_back(0);
  }

  // The reader (this thread) fills batches; the workers shape and measure them in their own GEOS
  // contexts. At most `limit` batches wait, so memory stays bounded whatever the layer's size.
  const unsigned workers = worker_count(o.jobs, 1u << 20);
  const std::size_t limit = 2 * static_cast<std::size_t>(workers) + 2;
  std::vector<std::unique_ptr<Batch>> batches;  // in reading order
  std::deque<std::size_t> queue;                // batches waiting for a worker
  std::size_t in_flight = 0;                    // read, not yet shaped
  bool reading_done = false;
  std::mutex m;
  std::condition_variable work_ready, room;
  std::exception_ptr error;
  std::atomic<bool> failed{false};

  auto worker = [&] {
    try {
      for (;;) {
        std::size_t k = 0;
        Batch* b = nullptr;
        {
          std::unique_lock lock(m);
          work_ready.wait(lock, [&] { return !queue.empty() || reading_done || failed; });
          if (failed || queue.empty()) return;
          k = queue.front();
          queue.pop_front();
          b = batches[k].get();
        }
        for (Raw& r : b->in) shape_one(r, *b, o, set.file_, set.table_);
        b->in.clear();
        b->in.shrink_to_fit();
        {
          std::lock_guard lock(m);
          --in_flight;
        }
        room.notify_one();
      }
    } catch (...) {
      {
        std::lock_guard lock(m);
        if (!error) error = std::current_exception();
        failed = true;
      }
      work_ready.notify_all();
      room.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) threads.emplace_back(worker);
  struct Join {
    std::vector<std::thread>& threads;
    std::mutex& m;
    bool& done;
    std::condition_variable& cv;
    ~Join() {
      {
        std::lock_guard lock(m);
        done = true;
      }
      cv.notify_all();
      for (auto& t : threads)
        if (t.joinable()) t.join();
    }
  } join{threads, m, reading_done, work_ready};

  auto current = std::make_unique<Batch>();
  auto hand_over = [&] {
    std::unique_lock lock(m);
    room.wait(lock, [&] { return in_flight < limit || failed; });
    if (failed) return;
    batches.push_back(std::move(current));
    queue.push_back(batches.size() - 1);
    ++in_flight;
    lock.unlock();
    work_ready.notify_one();
    current = std::make_unique<Batch>();
  };
  const std::int64_t total = o.progress ? std::max<std::int64_t>(0, layer.feature_count()) : 0;
  std::size_t read = 0;
  auto last_report = std::chrono::steady_clock::now();
  try {
    layer.read(ro, [&](gdal::Feature&& f) {
      if (failed) throw_internal("stopped");  // a worker failed: its error is the one to report
      Raw r;
      r.fid = f.fid;
      r.wkb = std::move(f.wkb);
      r.values.reserve(set.nfields_);
      for (std::size_t k = 0; k < set.nfields_; ++k) r.values.push_back(std::move(f.values[ro.fields[k]]));
      current->in.push_back(std::move(r));
      if (current->in.size() >= kBatch) hand_over();
      ++read;
      if (o.progress) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report > std::chrono::milliseconds(100)) {
          o.progress(read, static_cast<std::size_t>(std::max<std::int64_t>(total, static_cast<std::int64_t>(read))));
          last_report = now;
        }
      }
    });
    if (!current->in.empty()) hand_over();
  } catch (...) {
    if (!failed) {
      std::lock_guard lock(m);
      failed = true;
    }
    work_ready.notify_all();
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
    throw;
  }
  {
    std::lock_guard lock(m);
    reading_done = true;
  }
  work_ready.notify_all();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  if (o.progress) o.progress(read, read);

  std::size_t n = 0;
  for (const auto& b : batches) n += b->fid.size();
  set.fid_.reserve(n);
  set.envelope_.reserve(n);
  set.wkb_.reserve(n);
  if (o.measure) set.area_.reserve(n);
  set.values_.reserve(n * set.nfields_);
  for (auto& b : batches) {
    set.fid_.insert(set.fid_.end(), b->fid.begin(), b->fid.end());
    set.envelope_.insert(set.envelope_.end(), b->envelope.begin(), b->envelope.end());
    std::move(b->wkb.begin(), b->wkb.end(), std::back_inserter(set.wkb_));
    set.area_.insert(set.area_.end(), b->area.begin(), b->area.end());
    std::move(b->values.begin(), b->values.end(), std::back_inserter(set.values_));
    set.repaired_ += b->repaired;
    set.dropped_ += b->dropped;
    b.reset();
  }
  std::vector<std::pair<Envelope, std::size_t>> items;
  items.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!set.wkb_[i].empty()) items.emplace_back(set.envelope_[i], i);
  set.index_ = index::EnvelopeIndex(items);
  return set;
}

std::string FeatureSet::text(std::size_t i, std::size_t k) const {
  return trim(gdal::as_text(value(i, k)));
}

// ----------------------------------------------------------------------------------- Worker

Worker::Worker(area::AreaMode mode, const std::string& crs) : measure_(&area::thread_measure(mode, crs)) {}

geos::Geometry Worker::geometry(const FeatureSet& set, std::size_t i) {
  return geos::Geometry::from_wkb(set.wkb(i));
}

const geos::PreparedGeometry& Worker::prepared(const FeatureSet& set, std::size_t i) {
  auto& cache = prepared_[&set];
  if (cache.size() != set.size()) cache.resize(set.size());
  if (!cache[i]) cache[i] = std::make_unique<geos::PreparedGeometry>(geometry(set, i));
  return *cache[i];
}

const std::vector<std::size_t>& Worker::candidates(const FeatureSet& set, const Envelope& e) {
  set.query(e, candidates_);
  return candidates_;
}

void Worker::intersect(const Subject& s, const FeatureSet& set, bool pieces, const std::function<void(Hit&&)>& visit,
                       const std::function<bool(std::size_t)>& wanted) {
  std::vector<std::size_t> found;  // own buffer: visit may query again
  set.query(s.envelope, found);
  double subject_area = s.area_m2;
  const bool known_areas = set.measured() && set.area_mode() == measure_->mode();
  for (std::size_t i : found) {
    if (set.wkb(i).empty() || (wanted && !wanted(i))) continue;
    Hit h;
    h.feature = i;
    if (s.prepared != nullptr) {
      geos::Geometry f = geometry(set, i);
      if (!s.prepared->intersects(f)) continue;
      // Wholly inside, off the boundary: its known area. A feature touching the subject's
      // boundary from inside is cut instead (the cut is the feature; only cheaper tests differ).
      if (s.prepared->contains_properly(f)) {
        h.fit = Fit::FeatureInside;
        h.area_m2 = known_areas ? set.area_m2(i) : measure_->area_m2(f);
        if (pieces) h.piece = std::move(f);
      } else {
        geos::Geometry piece = s.geometry.intersection(f).polygonal_part();
        if (piece.is_empty()) continue;
        h.area_m2 = measure_->area_m2(piece);
        if (pieces) h.piece = std::move(piece);
      }
    } else {
      const geos::PreparedGeometry& pf = prepared(set, i);
      if (!pf.intersects(s.geometry)) continue;
      if (pf.contains_properly(s.geometry)) {
        h.fit = Fit::SubjectInside;
        if (std::isnan(subject_area)) subject_area = measure_->area_m2(s.geometry);
        h.area_m2 = subject_area;
        if (pieces) h.piece = s.geometry.clone();
      } else {
        geos::Geometry piece = s.geometry.intersection(pf.base()).polygonal_part();
        if (piece.is_empty()) continue;
        h.area_m2 = measure_->area_m2(piece);
        if (pieces) h.piece = std::move(piece);
      }
    }
    if (!(h.area_m2 > 0)) continue;  // touching only
    visit(std::move(h));
  }
}

double Worker::area_within(const Subject& s, const FeatureSet& set) {
  std::vector<geos::Geometry> pieces;
  std::vector<Envelope> envelopes;
  std::vector<double> areas;
  double sum = 0;
  std::optional<double> whole;
  intersect(s, set, true, [&](Hit&& h) {
    if (h.fit == Fit::SubjectInside) whole = h.area_m2;
    if (whole) return;
    sum += h.area_m2;
    areas.push_back(h.area_m2);
    envelopes.push_back(h.piece.envelope());
    pieces.push_back(std::move(h.piece));
  });
  if (whole) return *whole;
  if (pieces.size() <= 1) return sum;
  // Pieces of features that do not overlap each other add up: their sum is the area, and no
  // union is computed (a county's thousands of pieces). When two of them share interior (the
  // layer's features overlap), the union of the pieces is measured, so that each place counts
  // once. Slivers (pieces below kSliverM2, left where a feature only grazes the subject) stay
  // out of the overlap test and the union and add their own area: GEOS 3.11's union lost
  // 2.04 km² of one county's 永久基本农田 when such a piece of slivers met a large piece (their
  // intersection empty; docs/area.md), and a sliver can change the figure by its area at most.
  constexpr double kSliverM2 = 0.01;
  std::vector<geos::Geometry> solid;
  std::vector<Envelope> solid_envelopes;
  double slivers = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (areas[i] < kSliverM2) {
      slivers += areas[i];
    } else {
      solid.push_back(std::move(pieces[i]));
      solid_envelopes.push_back(envelopes[i]);
    }
  }
  if (solid.size() <= 1) return sum;
  // Candidate pairs: envelopes that meet. A patch meets a handful of pieces (tested pair by pair);
  // a county thousands (through an index of their envelopes).
  bool overlap = false;
  auto test = [&](std::size_t a, std::size_t b) {
    if (!overlap && solid_envelopes[a].intersects(solid_envelopes[b]) && interiors_overlap(solid[a], solid[b]))
      overlap = true;
  };
  if (solid.size() <= 32) {
    for (std::size_t a = 0; a < solid.size() && !overlap; ++a)
      for (std::size_t b = a + 1; b < solid.size() && !overlap; ++b) test(a, b);
  } else {
    std::vector<std::pair<Envelope, std::size_t>> items;
    items.reserve(solid_envelopes.size());
    for (std::size_t i = 0; i < solid_envelopes.size(); ++i) items.emplace_back(solid_envelopes[i], i);
    const index::EnvelopeIndex near(items);
    std::vector<std::size_t> found;
    for (std::size_t a = 0; a < solid.size() && !overlap; ++a) {
      near.query(solid_envelopes[a], found);
      for (std::size_t b : found)
        if (b > a) test(a, b);
    }
  }
  if (!overlap) return sum;
  return measure_->area_m2(union_of(std::move(solid))) + slivers;
}

geos::Geometry Worker::union_of(std::vector<geos::Geometry> pieces) {
  if (pieces.size() == 1) return std::move(pieces.front());
  return geos::Geometry::collect(std::move(pieces)).unary_union().polygonal_part();
}

void for_each(std::size_t n, unsigned jobs, area::AreaMode mode, const std::string& crs,
              const std::function<void(std::size_t, Worker&)>& f, const ProgressFn& progress) {
  parallel_for_state(
      n, jobs, [&] { return Worker(mode, crs); }, [&](std::size_t i, Worker& w) { f(i, w); }, progress);
}

// ------------------------------------------------------------------------------ read_windows

std::vector<Envelope> read_windows(std::vector<Envelope> envelopes, double margin) {
  for (Envelope& e : envelopes) {
    if (!std::isfinite(e.min_x) || !std::isfinite(e.min_y) || !std::isfinite(e.max_x) || !std::isfinite(e.max_y) ||
        !std::isfinite(e.min_x - margin) || !std::isfinite(e.max_x + margin) || !std::isfinite(e.min_y - margin) ||
        !std::isfinite(e.max_y + margin))
      return {};
    e = {e.min_x - margin, e.min_y - margin, e.max_x + margin, e.max_y + margin};
  }
  // Merge overlapping rectangles into their common envelope until none overlap: each region of
  // the source's index is then asked once.
  for (bool merged = true; merged && envelopes.size() > 1;) {
    merged = false;
    std::vector<std::pair<Envelope, std::size_t>> items;
    items.reserve(envelopes.size());
    for (std::size_t i = 0; i < envelopes.size(); ++i) items.emplace_back(envelopes[i], i);
    const index::EnvelopeIndex idx(items);
    std::vector<char> taken(envelopes.size(), 0);
    std::vector<Envelope> out;
    std::vector<std::size_t> near, frontier;
    for (std::size_t i = 0; i < envelopes.size(); ++i) {
      if (taken[i] != 0) continue;
      taken[i] = 1;
      Envelope group = envelopes[i];
      frontier.assign(1, i);
      while (!frontier.empty()) {
        const std::size_t j = frontier.back();
        frontier.pop_back();
        idx.query(envelopes[j], near);
        for (std::size_t k : near) {
          if (taken[k] != 0) continue;
          taken[k] = 1;
          group.expand(envelopes[k]);
          frontier.push_back(k);
          merged = true;
        }
      }
      out.push_back(group);
    }
    envelopes = std::move(out);
  }
  std::sort(envelopes.begin(), envelopes.end(), [](const Envelope& a, const Envelope& b) {
    return std::tie(a.min_y, a.min_x) < std::tie(b.min_y, b.min_x);
  });
  return envelopes;
}

// ------------------------------------------------------------------------------- SchemaCheck

void SchemaCheck::missing_layer(const std::string& source, const std::string& layer, const std::string& purpose) {
  missing_.push_back({source, layer, {}, purpose});
}

void SchemaCheck::fields(const gdal::Layer& layer, const std::vector<std::string>& names, const std::string& purpose) {
  for (const auto& n : names)
    if (!n.empty() && !layer.field_index(n)) missing_.push_back({layer.source_path(), layer.name(), n, purpose});
}

void SchemaCheck::require() const {
  if (missing_.empty()) return;
  // One line per layer: its missing fields (each with what needs it), or the layer itself.
  std::vector<std::string> parts;
  std::set<std::string> said;
  for (const auto& m : missing_) {
    const std::string key = m.source + '\x1f' + m.layer;
    if (said.count(key) != 0) continue;
    said.insert(key);
    if (m.field.empty()) {
      parts.push_back(fmt::format("no layer {} (for {})", m.layer, m.purpose));
      continue;
    }
    std::vector<std::string> fields;
    for (const auto& o : missing_)
      if (o.source == m.source && o.layer == m.layer && !o.field.empty()) {
        const std::string f = fmt::format("{} (for {})", o.field, o.purpose);
        if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
      }
    std::string list;
    for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
    parts.push_back(fmt::format("layer {} has no field {}", m.layer, list));
  }
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  throw_bad_input(fmt::format("the input lacks what this run needs: {}", text),
                  {missing_.front().source, {}, std::nullopt, std::nullopt});
}

}  // namespace guotu::overlay
