#include "validate/coverage_checks.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/parallel.hpp"
#include "index/envelope_index.hpp"
#include "overlay/overlay.hpp"

namespace guotu::validate {

namespace {

// Features per tile of a gap check: big enough that tile edges are rare, small enough that a
// union stays quick and small.
constexpr double kFeaturesPerTile = 2000.0;

// f(i, worker, findings) for i in 0…n−1 on the one pool (overlay::for_each: a Worker per thread,
// whose Measure gives the 椭球面积 in the working CRS); the findings gathered in item order.
void each(std::size_t n, const CoverageJob& job, Findings& out,
          const std::function<void(std::size_t, overlay::Worker&, Findings&)>& f) {
  std::vector<Findings> found(n);
  overlay::for_each(n, job.jobs, area::AreaMode::Ellipsoidal, job.working_crs,
                    [&](std::size_t i, overlay::Worker& w) { f(i, w, found[i]); });
  for (auto& fs : found) out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
}

index::EnvelopeIndex build_index(const std::vector<FeatureRef>& items) {
  std::vector<std::pair<Envelope, std::size_t>> envs;
  envs.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) envs.emplace_back(items[i].feature->envelope, i);
  return index::EnvelopeIndex(envs);
}

geos::Geometry parse(const FeatureRef& r, geos::Context& ctx) {
  return geos::Geometry::from_wkb(r.feature->wkb, ctx);
}

// Union of polygons, retried on a 1 mm grid when the overlay fails on nearly coincident edges.
geos::Geometry robust_union(std::vector<geos::Geometry> parts, geos::Context& ctx) {
  if (parts.empty()) return geos::Geometry::from_wkt("POLYGON EMPTY", ctx);
  std::vector<geos::Geometry> copies;
  copies.reserve(parts.size());
  for (const auto& p : parts) copies.push_back(p.clone());
  try {
    return geos::Geometry::collect(std::move(parts), ctx).unary_union();
  } catch (const Error&) {
    for (auto& c : copies) c = c.snapped_to_grid(0.001);
    return geos::Geometry::collect(std::move(copies), ctx).unary_union();
  }
}

geos::Geometry robust_difference(const geos::Geometry& a, const geos::Geometry& b) {
  try {
    return a.difference(b);
  } catch (const Error&) {
    return a.snapped_to_grid(0.001).difference(b.snapped_to_grid(0.001));
  }
}

geos::Geometry robust_intersection(const geos::Geometry& a, const geos::Geometry& b) {
  try {
    return a.intersection(b);
  } catch (const Error&) {
    return a.snapped_to_grid(0.001).intersection(b.snapped_to_grid(0.001));
  }
}

bool within(const Envelope& inner, const Envelope& outer) {
  return inner.min_x >= outer.min_x && inner.max_x <= outer.max_x && inner.min_y >= outer.min_y &&
         inner.max_y <= outer.max_y;
}

Finding piece_finding(const CoverageJob& job, const std::string& layer, SignificantPart& p) {
  Finding f;
  f.check = job.check;
  f.layer = layer;
  f.severity = job.severity;
  f.measure = p.area_m2;
  f.unit = "m2";
  f.location = p.geometry.interior_point();
  f.geometry = p.geometry.to_wkb();
  return f;
}

}  // namespace

void find_overlaps(const std::vector<FeatureRef>& items, const CoverageJob& job, Findings& out) {
  const index::EnvelopeIndex idx = build_index(items);
  each(items.size(), job, out, [&](std::size_t i, overlay::Worker& w, Findings& local) {
    std::vector<std::size_t> near;
    idx.query(items[i].feature->envelope, near);
    if (near.size() < 2) return;
    auto& ctx = geos::Context::current();
    std::optional<geos::Geometry> gi;
    for (std::size_t j : near) {
      if (j <= i) continue;
      if (!gi) gi = parse(items[i], ctx);
      const geos::Geometry gj = parse(items[j], ctx);
      if (!gi->relate_pattern(gj, "2********")) continue;
      auto parts = significant_parts(robust_intersection(*gi, gj), job.rule, w.measure());
      if (parts.empty()) continue;
      SignificantPart all = merge_parts(std::move(parts), ctx);
      Finding f = piece_finding(job, *items[i].layer, all);
      f.fid = items[i].feature->fid;
      f.related_fid = items[j].feature->fid;
      if (*items[j].layer != *items[i].layer) f.related_layer = *items[j].layer;
      f.message = fmt::format("{} fid {} and {} fid {} overlap by {:.2f} m²", *items[i].layer, items[i].feature->fid,
                              *items[j].layer, items[j].feature->fid, all.area_m2);
      local.push_back(std::move(f));
    }
  });
}

std::vector<std::int64_t> find_gaps(const std::vector<FeatureRef>& items, const std::vector<FeatureRef>& units,
                                    const std::vector<FeatureRef>& mask, const std::string& layer_name,
                                    const CoverageJob& job, Findings& out) {
  const index::EnvelopeIndex idx = build_index(items);
  const index::EnvelopeIndex mask_idx = build_index(mask);
  // Where a feature was delivered invalid, make-valid may leave a hole (a bow-tie keeps only
  // its two triangles): a gap there is GEOM_INVALID's consequence, reported once, as that.
  std::vector<FeatureRef> repaired;
  for (const auto& r : items)
    if (r.feature->repaired) repaired.push_back(r);
  const index::EnvelopeIndex repaired_idx = build_index(repaired);

  struct Tile {
    std::size_t unit;
    Envelope rect;
    bool tiled;  // the unit is cut into several tiles
  };
  std::vector<Tile> tiles;
  std::vector<std::int64_t> skipped;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const Envelope e = units[u].feature->envelope;
    const std::size_t n = idx.query(e).size();
    if (n == 0) {
      skipped.push_back(units[u].feature->fid);
      continue;
    }
    const auto k =
        clamp_to<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n) / kFeaturesPerTile)), 1, 4096).value_or(1);
    const double w = e.width() / static_cast<double>(k), h = e.height() / static_cast<double>(k);
    for (std::size_t ix = 0; ix < k; ++ix) {
      for (std::size_t iy = 0; iy < k; ++iy) {
        Envelope r{e.min_x + w * static_cast<double>(ix), e.min_y + h * static_cast<double>(iy),
                   ix + 1 == k ? e.max_x : e.min_x + w * static_cast<double>(ix + 1),
                   iy + 1 == k ? e.max_y : e.min_y + h * static_cast<double>(iy + 1)};
        tiles.push_back({u, r, k > 1});
      }
    }
  }

  // Judges one gap piece: minus the allowed-gap mask, then the sliver rule.
  auto judge = [&](const geos::Geometry& piece, std::size_t unit, const area::Measure& area, geos::Context& ctx,
                   Findings& local) {
    if (!repaired.empty()) {
      const Envelope pe = piece.envelope();
      for (std::size_t id : repaired_idx.query(pe)) {
        Envelope e = repaired[id].feature->envelope;
        const double m = job.rule.min_width_m + 0.01;
        e.min_x -= m;
        e.min_y -= m;
        e.max_x += m;
        e.max_y += m;
        if (within(pe, e)) return;
      }
    }
    geos::Geometry rest = piece.clone();
    if (!mask.empty()) {
      std::vector<geos::Geometry> ms;
      for (std::size_t id : mask_idx.query(piece.envelope())) ms.push_back(parse(mask[id], ctx));
      if (!ms.empty()) rest = robust_difference(rest, robust_union(std::move(ms), ctx));
    }
    for (auto& p : significant_parts(rest, job.rule, area)) {
      Finding f = piece_finding(job, layer_name, p);
      f.related_layer = *units[unit].layer;
      if (units[unit].feature->fid >= 0) {
        f.related_fid = units[unit].feature->fid;
        f.message = fmt::format("gap of {:.2f} m² in {} inside {} fid {}", p.area_m2, layer_name, *units[unit].layer,
                                units[unit].feature->fid);
      } else {  // a unit made by the run (the city: the union of a layer's units), not a feature
        f.message = fmt::format("gap of {:.2f} m² in {} inside the whole of {} (市域)", p.area_m2, layer_name,
                                *units[unit].layer);
      }
      local.push_back(std::move(f));
    }
  };

  // Per tile: its findings, and the pieces touching an inner tile edge (judged whole, below).
  std::vector<std::vector<std::vector<std::uint8_t>>> tile_cut(tiles.size());
  each(tiles.size(), job, out, [&](std::size_t ti, overlay::Worker& w, Findings& local) {
    auto& ctx = geos::Context::current();
    const Tile& t = tiles[ti];
    const Envelope& ue = units[t.unit].feature->envelope;
    const geos::Geometry rect = geos::Geometry::rectangle(t.rect, ctx);
    geos::Geometry region = parse(units[t.unit], ctx);
    if (t.tiled) region = robust_intersection(region, rect).polygonal_part();
    if (region.is_empty()) return;
    std::vector<std::size_t> near;
    idx.query(t.rect, near);
    std::vector<geos::Geometry> parts;
    parts.reserve(near.size());
    for (std::size_t id : near) {
      geos::Geometry g = parse(items[id], ctx);
      if (t.tiled && !within(items[id].feature->envelope, t.rect)) g = robust_intersection(g, rect).polygonal_part();
      if (!g.is_empty()) parts.push_back(std::move(g));
    }
    const geos::Geometry covered = robust_union(std::move(parts), ctx);
    const geos::Geometry gaps = robust_difference(region, covered).polygonal_part();
    const std::size_t n = gaps.type() == geos::GeometryType::Polygon ? 1 : gaps.num_geometries();
    const double eps = 1e-6;
    for (std::size_t i = 0; i < n; ++i) {
      geos::Geometry piece = gaps.type() == geos::GeometryType::Polygon ? gaps.clone() : gaps.part(i);
      if (piece.is_empty()) continue;
      const Envelope pe = piece.envelope();
      // A piece on an inner tile edge may continue in the next tile: judge it whole, later.
      const bool on_inner_edge = t.tiled && ((pe.min_x <= t.rect.min_x + eps && t.rect.min_x > ue.min_x + eps) ||
                                             (pe.max_x >= t.rect.max_x - eps && t.rect.max_x < ue.max_x - eps) ||
                                             (pe.min_y <= t.rect.min_y + eps && t.rect.min_y > ue.min_y + eps) ||
                                             (pe.max_y >= t.rect.max_y - eps && t.rect.max_y < ue.max_y - eps));
      if (on_inner_edge) {
        tile_cut[ti].push_back(piece.to_wkb());
      } else {
        judge(piece, t.unit, w.measure(), ctx, local);
      }
    }
  });

  // Pieces cut by tile edges, merged per unit and judged whole.
  std::map<std::size_t, std::vector<std::vector<std::uint8_t>>> cut;  // unit → its cut pieces
  for (std::size_t ti = 0; ti < tiles.size(); ++ti)
    for (auto& p : tile_cut[ti]) cut[tiles[ti].unit].push_back(std::move(p));
  tile_cut = {};
  std::vector<std::pair<std::size_t, std::vector<std::vector<std::uint8_t>>*>> groups;
  for (auto& [u, pieces] : cut) groups.emplace_back(u, &pieces);
  each(groups.size(), job, out, [&](std::size_t gi, overlay::Worker& w, Findings& local) {
    auto& ctx = geos::Context::current();
    auto& [u, pieces] = groups[gi];
    std::vector<geos::Geometry> gs;
    for (const auto& wkb : *pieces) gs.push_back(geos::Geometry::from_wkb(wkb, ctx));
    const geos::Geometry merged = robust_union(std::move(gs), ctx).polygonal_part();
    const std::size_t n = merged.type() == geos::GeometryType::Polygon ? 1 : merged.num_geometries();
    for (std::size_t i = 0; i < n; ++i) {
      geos::Geometry piece = merged.type() == geos::GeometryType::Polygon ? merged.clone() : merged.part(i);
      if (!piece.is_empty()) judge(piece, u, w.measure(), ctx, local);
    }
  });
  return skipped;
}

std::vector<std::uint8_t> filled_union(const std::vector<FeatureRef>& items, unsigned jobs, bool fill_holes) {
  // Union in spatially sorted chunks on the workers, then the chunks' union on one.
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Envelope& ea = items[a].feature->envelope;
    const Envelope& eb = items[b].feature->envelope;
    return std::make_pair(std::floor(ea.min_y / 1000.0), ea.min_x) <
           std::make_pair(std::floor(eb.min_y / 1000.0), eb.min_x);
  });
  const std::size_t chunk = 4000;
  const std::size_t nchunks = (order.size() + chunk - 1) / chunk;
  std::vector<std::vector<std::uint8_t>> partial(nchunks);
  parallel_for(nchunks, jobs, [&](std::size_t c) {
    auto& ctx = geos::Context::current();
    std::vector<geos::Geometry> gs;
    for (std::size_t k = c * chunk; k < std::min(order.size(), (c + 1) * chunk); ++k)
      gs.push_back(parse(items[order[k]], ctx));
    partial[c] = robust_union(std::move(gs), ctx).to_wkb();
  });
  auto& ctx = geos::Context::current();
  std::vector<geos::Geometry> gs;
  for (const auto& w : partial) gs.push_back(geos::Geometry::from_wkb(w, ctx));
  const geos::Geometry all = robust_union(std::move(gs), ctx).polygonal_part();
  return fill_holes ? all.without_holes().to_wkb() : all.to_wkb();
}

void find_outside(const PlanLayer& layer, const std::vector<std::uint8_t>& city_wkb, const CoverageJob& job,
                  Findings& out) {
  // Each thread prepares the city once (a GEOS geometry belongs to the thread that made it).
  struct State {
    State(const CoverageJob& job, const std::vector<std::uint8_t>& city_wkb)
        : worker(area::AreaMode::Ellipsoidal, job.working_crs), city(geos::Geometry::from_wkb(city_wkb)) {}
    overlay::Worker worker;
    geos::PreparedGeometry city;
  };
  std::vector<Findings> found(layer.features.size());
  parallel_for_state(
      layer.features.size(), job.jobs, [&] { return State(job, city_wkb); },
      [&](std::size_t i, State& st) {
        auto& ctx = geos::Context::current();
        const PlanFeature& pf = layer.features[i];
        const geos::Geometry g = geos::Geometry::from_wkb(pf.wkb, ctx);
        if (st.city.covers(g)) return;
        Finding f;
        f.check = job.check;
        f.layer = layer.name();
        f.fid = pf.fid;
        f.severity = job.severity;
        if (g.is_polygonal()) {
          Envelope e = pf.envelope;
          e.min_x -= 1;
          e.min_y -= 1;
          e.max_x += 1;
          e.max_y += 1;
          const geos::Geometry near_city = robust_intersection(st.city.base(), geos::Geometry::rectangle(e, ctx));
          auto parts = significant_parts(robust_difference(g, near_city), job.rule, st.worker.measure());
          if (parts.empty()) return;
          const SignificantPart merged = merge_parts(std::move(parts), ctx);
          const geos::Geometry& outside = merged.geometry;
          const double total = merged.area_m2;
          f.measure = total;
          f.unit = "m2";
          f.location = outside.interior_point();
          f.geometry = outside.to_wkb();
          f.message = fmt::format("{:.2f} m² of {} fid {} lies outside the city", total, layer.name(), pf.fid);
        } else {
          f.location = g.interior_point();
          f.geometry = pf.wkb;
          f.message = fmt::format("{} fid {} lies outside the city", layer.name(), pf.fid);
        }
        found[i].push_back(std::move(f));
      });
  for (auto& fs : found) out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
}

void find_outside_space(const PlanLayer& line, const PlanLayer& space, const CoverageJob& job, Findings& out) {
  std::vector<std::pair<Envelope, std::size_t>> envs;
  envs.reserve(space.features.size());
  for (std::size_t j = 0; j < space.features.size(); ++j) envs.emplace_back(space.features[j].envelope, j);
  const index::EnvelopeIndex idx(envs);
  // Each thread prepares the space features it meets once (a GEOS geometry belongs to the
  // thread that made it); a space is a few large features, a control line many small ones.
  struct State {
    explicit State(const CoverageJob& job) : worker(area::AreaMode::Ellipsoidal, job.working_crs) {}
    overlay::Worker worker;
    std::map<std::size_t, geos::PreparedGeometry> prepared;
    const geos::PreparedGeometry& get(const PlanLayer& space, std::size_t j) {
      auto it = prepared.find(j);
      if (it == prepared.end())
        it = prepared.emplace(j, geos::PreparedGeometry(geos::Geometry::from_wkb(space.features[j].wkb))).first;
      return it->second;
    }
  };
  std::vector<Findings> found(line.features.size());
  parallel_for_state(
      line.features.size(), job.jobs, [&] { return State(job); },
      [&](std::size_t i, State& st) {
        auto& ctx = geos::Context::current();
        const PlanFeature& pf = line.features[i];
        const geos::Geometry g = geos::Geometry::from_wkb(pf.wkb, ctx);
        if (!g.is_polygonal() || g.is_empty()) return;
        std::vector<std::size_t> near;
        idx.query(pf.envelope, near);
        for (std::size_t j : near)
          if (st.get(space, j).covers(g)) return;  // wholly in one space feature: the usual case
        // The space near the feature (clipped to its envelope grown by 1 m), then what is left.
        Envelope e = pf.envelope;
        e.min_x -= 1;
        e.min_y -= 1;
        e.max_x += 1;
        e.max_y += 1;
        const geos::Geometry rect = geos::Geometry::rectangle(e, ctx);
        std::vector<geos::Geometry> pieces;
        for (std::size_t j : near) {
          geos::Geometry piece = robust_intersection(st.get(space, j).base(), rect).polygonal_part();
          if (!piece.is_empty()) pieces.push_back(std::move(piece));
        }
        const geos::Geometry rest = robust_difference(g, robust_union(std::move(pieces), ctx));
        auto parts = significant_parts(rest, job.rule, st.worker.measure());
        if (parts.empty()) return;
        const SignificantPart merged = merge_parts(std::move(parts), ctx);
        const geos::Geometry& outside = merged.geometry;
        const double total = merged.area_m2;
        const double whole = st.worker.area_m2(g);
        Finding f;
        f.check = job.check;
        f.layer = line.name();
        f.fid = pf.fid;
        f.related_layer = space.name();
        f.severity = job.severity;
        f.measure = total;
        f.unit = "m2";
        f.location = outside.interior_point();
        f.geometry = outside.to_wkb();
        f.message = fmt::format("{:.2f} m² of {} fid {} ({:.2f} % of its {:.2f} m²) lies outside {}", total,
                                line.name(), pf.fid, whole > 0 ? 100.0 * total / whole : 0.0, whole, space.name());
        found[i].push_back(std::move(f));
      });
  for (auto& fs : found) out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
}

}  // namespace guotu::validate
