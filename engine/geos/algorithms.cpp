#include "geos/algorithms.hpp"

#include <geos_c.h>

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "geos/owned.hpp"
#include "index/envelope_index.hpp"

namespace guotu::geos {

namespace {

Geometry own(Context& ctx, GEOSGeometry* g, const char* op) {
  if (g == nullptr) throw Failure(op, ctx.last_error().empty() ? "unknown error" : ctx.last_error());
  return {ctx, g};
}

}  // namespace

Geometry intersection_on_grid(const Geometry& a, const Geometry& b, double grid) {
  Context& ctx = a.context();
  return own(ctx, GEOSIntersectionPrec_r(ctx.handle(), a.raw(), b.raw(), grid), "intersectionPrec");
}

Geometry difference_on_grid(const Geometry& a, const Geometry& b, double grid) {
  Context& ctx = a.context();
  return own(ctx, GEOSDifferencePrec_r(ctx.handle(), a.raw(), b.raw(), grid), "differencePrec");
}

Geometry union_on_grid(const Geometry& a, const Geometry& b, double grid) {
  Context& ctx = a.context();
  return own(ctx, GEOSUnionPrec_r(ctx.handle(), a.raw(), b.raw(), grid), "unionPrec");
}

Geometry unary_union_on_grid(const Geometry& a, double grid) {
  Context& ctx = a.context();
  return own(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), a.raw(), grid), "unaryUnionPrec");
}

namespace {
Geometry collection_of(std::vector<Geometry>& parts, Context& ctx) {
  std::vector<GEOSGeometry*> raws;
  raws.reserve(parts.size());
  for (auto& p : parts)
    if (p) raws.push_back(p.release());
  return own(ctx,
             GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raws.data(),
                                         static_cast<unsigned>(raws.size())),
             "createCollection");
}
}  // namespace

Geometry union_all(std::vector<Geometry> parts, Context& ctx) {
  Geometry all = collection_of(parts, ctx);
  return own(ctx, GEOSUnaryUnion_r(ctx.handle(), all.raw()), "unaryUnion");
}

std::vector<Geometry> voronoi_cells(const std::vector<Coord>& sites, const Envelope& clip, Context& ctx) {
  std::vector<Geometry> out(sites.size());
  if (sites.empty()) return out;
  auto* h = ctx.handle();
  GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, reinterpret_cast<const double*>(sites.data()),
                                                         static_cast<unsigned>(sites.size()), 0, 0);
  if (seq == nullptr) throw_internal("GEOS coordinate sequence failed");
  Geometry points = own(ctx, GEOSGeom_createLineString_r(h, seq), "createLineString");
  Geometry env = Geometry::rectangle(clip, ctx);
  Geometry diagram = own(ctx, GEOSVoronoiDiagram_r(h, points.raw(), env.raw(), 0.0, 0), "voronoiDiagram");
  // GEOS returns the cells in its own order: give each cell to the site it contains.
  std::vector<std::pair<Envelope, std::size_t>> items;
  items.reserve(sites.size());
  for (std::size_t i = 0; i < sites.size(); ++i) items.push_back({{sites[i].x, sites[i].y, sites[i].x, sites[i].y}, i});
  index::EnvelopeIndex site_index(items);
  const int n = GEOSGetNumGeometries_r(h, diagram.raw());
  std::vector<std::size_t> hits;
  for (int i = 0; i < n; ++i) {
    Geometry cell = own(ctx, GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, diagram.raw(), i)), "clone");
    site_index.query(cell.envelope(), hits);
    const owned::Prepared prep(GEOSPrepare_r(h, cell.raw()), {h});
    if (!prep) throw Failure("prepare", ctx.last_error());
    for (std::size_t id : hits) {
      if (out[id]) continue;
      Geometry p = Geometry::point(sites[id], ctx);
      if (GEOSPreparedIntersects_r(h, prep.get(), p.raw()) == 1) {
        out[id] = std::move(cell);
        break;
      }
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!out[i]) throw_internal("Voronoi: a site has no cell (duplicate sites?)");
    // Clip to the requested envelope (GEOS extends the diagram to cover it, and beyond).
    out[i] = own(ctx, GEOSClipByRect_r(h, out[i].raw(), clip.min_x, clip.min_y, clip.max_x, clip.max_y), "clipByRect");
  }
  return out;
}

Geometry simplify_preserving_topology(const Geometry& g, double tolerance) {
  Context& ctx = g.context();
  return own(ctx, GEOSTopologyPreserveSimplify_r(ctx.handle(), g.raw(), tolerance), "topologyPreserveSimplify");
}

}  // namespace guotu::geos
