// --defects: a known list of defects injected into an otherwise clean city, each recorded in
// `sample_defects` with the validate check code that must find it and the feature ids (fids
// are 1-based positions in the written layers). Every other figure stays consistent (TBMJ is
// re-measured after a geometry change), so that each defect is found by exactly one check.
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "geos/algorithms.hpp"
#include "index/envelope_index.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

struct Neighbour {
  std::size_t id;
  double shared;
};

// A patch of at least `min_area` m² (planar) with one neighbour sharing at least 40 m of edge
// inside the same town (so that the edge is not a town or county border).
std::optional<std::pair<std::size_t, std::size_t>> pick_pair(const City& city, const index::EnvelopeIndex& idx,
                                                             Rng& rng, std::vector<bool>& used, double min_area) {
  for (int attempt = 0; attempt < 20000; ++attempt) {
    const std::size_t i = rng.index(city.patches.size());
    const Patch& p = city.patches[i];
    if (used[i] || p.area < min_area || p.fixed) continue;
    geos::Geometry g = from_wkb(p.geom);
    for (std::size_t j : idx.query(p.env)) {
      if (j == i || used[j] || city.patches[j].town != p.town || city.patches[j].area < min_area) continue;
      geos::Geometry h = from_wkb(city.patches[j].geom);
      if (!g.intersects(h)) continue;
      if (g.intersection(h).length() < 40) continue;
      used[i] = used[j] = true;
      return std::make_pair(i, j);
    }
  }
  return std::nullopt;
}

std::int64_t fid(std::size_t index) {
  return static_cast<std::int64_t>(index) + 1;
}

}  // namespace

void inject_defects(City& city) {
  Rng rng(city.seed, stable_hash("defects"));
  std::vector<std::pair<Envelope, std::size_t>> items;
  for (std::size_t i = 0; i < city.patches.size(); ++i) items.push_back({city.patches[i].env, i});
  index::EnvelopeIndex idx(items);
  std::vector<bool> used(city.patches.size(), false);
  auto require = [](bool ok, const char* what) {
    if (!ok) throw_internal(std::string("cannot inject defect: ") + what);
  };

  // Invalid rings: a spike pointing out of the patch (no area changes, so no overlap or gap).
  for (int k = 0; k < 3; ++k) {
    auto pair = pick_pair(city, idx, rng, used, 5000);
    require(pair.has_value(), "spike");
    Patch& p = city.patches[pair->first];
    geos::Geometry g = from_wkb(p.geom);
    std::vector<Coord> shell;
    std::vector<std::vector<Coord>> holes;
    g.for_each_ring([&](const geos::RingView& r) {
      std::vector<Coord> ring(r.coords.begin(), r.coords.end());
      (r.is_hole ? holes.emplace_back() : shell) = ring;
    });
    const Coord a = shell[0], b = shell[1];
    const Coord m{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const Coord spike{m.x + (b.y - a.y) / len * 3.0, m.y - (b.x - a.x) / len * 3.0};
    std::vector<Coord> ring = {a, m, spike, m};
    ring.insert(ring.end(), shell.begin() + 1, shell.end());
    p.geom = geos::Geometry::polygon(ring, holes).to_wkb();
    city.defects.push_back({"GEOM_INVALID", "DLTB", fid(pair->first), 0, p.bsm, "spike of 3 m on the first edge"});
  }
  // Overlaps: a patch reaches 4 m into its neighbour.
  for (int k = 0; k < 3; ++k) {
    auto pair = pick_pair(city, idx, rng, used, 5000);
    require(pair.has_value(), "overlap");
    Patch& p = city.patches[pair->first];
    geos::Geometry q = from_wkb(city.patches[pair->second].geom);
    geos::Geometry piece = geos::intersection_on_grid(q, from_wkb(p.geom).buffer(4, 2), kGrid).polygonal_part();
    p.geom = geos::union_on_grid(from_wkb(p.geom), piece, kGrid).polygonal_part().to_wkb();
    measure(city, p);
    city.defects.push_back({"COVERAGE_OVERLAP", "DLTB", fid(pair->first), fid(pair->second), p.bsm,
                            "reaches 4 m into " + city.patches[pair->second].bsm});
  }
  // Gaps: a patch pulls 5 m back from its neighbour.
  for (int k = 0; k < 3; ++k) {
    auto pair = pick_pair(city, idx, rng, used, 8000);
    require(pair.has_value(), "gap");
    Patch& p = city.patches[pair->first];
    geos::Geometry q = from_wkb(city.patches[pair->second].geom);
    geos::Geometry shrunk = geos::difference_on_grid(from_wkb(p.geom), q.buffer(5, 2), kGrid).polygonal_part();
    if (shrunk.type() != geos::GeometryType::Polygon) {
      --k;
      continue;
    }
    p.geom = shrunk.to_wkb();
    measure(city, p);
    city.defects.push_back({"COVERAGE_GAP", "DLTB", fid(pair->first), fid(pair->second), p.bsm,
                            "5 m gap along the edge with " + city.patches[pair->second].bsm});
  }
  // Duplicate identifiers and bad codes.
  for (int k = 0; k < 2; ++k) {
    auto pair = pick_pair(city, idx, rng, used, 0);
    require(pair.has_value(), "duplicate BSM");
    city.patches[pair->second].bsm = city.patches[pair->first].bsm;
    city.defects.push_back({"BSM_DUPLICATE", "DLTB", fid(pair->second), fid(pair->first),
                            city.patches[pair->second].bsm,
                            "BSM copied from the patch at fid " + std::to_string(fid(pair->first))});
  }
  for (int k = 0; k < 4; ++k) {
    std::size_t i = 0;
    for (int attempt = 0; attempt < 100000; ++attempt) {
      i = rng.index(city.patches.size());
      if (!used[i] && city.patches[i].code == "0102") break;
    }
    used[i] = true;
    Patch& p = city.patches[i];
    const bool lost_zero = k % 2 == 0;
    p.code = lost_zero ? "102" : "0199";
    city.defects.push_back({lost_zero ? "CODE_LOST_ZERO" : "CODE_UNKNOWN", "DLTB", fid(i), 0, p.bsm,
                            lost_zero ? "DLBM 0102 written as the number 102" : "DLBM 0199 is not a 三调 code"});
  }
  // A patch outside the city: a copy moved 20 km south of the city's extent.
  {
    std::size_t i = rng.index(city.patches.size());
    Patch copy = city.patches[i];
    Envelope all = city.counties.front().env;
    for (const auto& c : city.counties) all.expand(c.env);
    const double dy = all.min_y - 20000 - copy.env.min_y;
    copy.geom = from_wkb(copy.geom)
                    .transformed([dy](std::span<Coord> cs) {
                      for (auto& c : cs) c.y += dy;
                    })
                    .to_wkb();
    measure(city, copy);
    std::size_t n = 0;
    for (const auto& p : city.patches)
      if (p.county == copy.county) ++n;
    copy.bsm = city.counties[copy.county].code + "9" +
               std::string(11 - std::min<std::size_t>(11, std::to_string(n).size()), '0') + std::to_string(n);
    copy.in_yjjbnt = false;
    city.patches.push_back(std::move(copy));
    city.defects.push_back({"OUTSIDE_CITY", "DLTB", fid(city.patches.size() - 1), 0, city.patches.back().bsm,
                            "a copy of a patch 20 km south of the city"});
  }
  // 三线 overlap: a 永久基本农田 feature reaches into a 城镇开发边界.
  auto& yj = city.layers["YJJBNT"];
  auto& cz = city.layers["CZKFBJ"];
  for (int k = 0; k < 2 && k < static_cast<int>(cz.size()); ++k) {
    geos::Geometry boundary = from_wkb(cz[static_cast<std::size_t>(k)].geom);
    const Envelope e = boundary.envelope();
    const Coord edge{e.max_x, (e.min_y + e.max_y) / 2};
    // The YJJBNT feature nearest to the boundary's eastern edge.
    std::size_t best = 0;
    double best_d = 1e300;
    for (std::size_t y = 0; y < yj.size(); ++y) {
      const Coord c = from_wkb(yj[y].geom).centroid();
      const double d = std::hypot(c.x - edge.x, c.y - edge.y);
      if (d < best_d) best_d = d, best = y;
    }
    geos::Geometry piece = geos::intersection_on_grid(boundary, disc(edge, 250, 32), kGrid).polygonal_part();
    yj[best].geom = geos::union_on_grid(from_wkb(yj[best].geom), piece, kGrid).polygonal_part().to_wkb();
    city.defects.push_back({"LINES_OVERLAP", "YJJBNT", fid(best), static_cast<std::int64_t>(k) + 1,
                            gdal::as_text(yj[best].values["BSM"]),
                            "永久基本农田 reaches into 城镇开发边界 fid " + std::to_string(k + 1)});
  }
}

}  // namespace guotu::sample
