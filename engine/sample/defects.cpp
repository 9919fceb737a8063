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

void require_layers(bool missing) {
  if (missing) throw_internal("cannot inject 三区 defects: the city has no 农业空间, 城镇空间 or 生态保护红线");
}

// 三区: a gap between the spaces (a hole in 农业空间), an overlap (城镇空间 takes a disc of 农业空间)
// and a control line outside its space (a disc of 生态保护红线 drawn in 农业空间). Each disc lies
// inside one 农业空间 feature, clear of 永久基本农田, the projects and the other discs, so that each
// is found by its one check.
void inject_space_defects(City& city, Rng& rng) {
  auto& ny = city.layers["NYKJ"];
  auto& cz = city.layers["CZKJ"];
  auto& st = city.layers["STBHHX"];
  require_layers(ny.empty() || cz.empty() || st.empty());
  std::vector<geos::Geometry> avoid;
  for (const char* layer : {"YJJBNT", "XMYD"})
    for (const auto& f : city.layers[layer]) avoid.push_back(from_wkb(f.geom));
  std::vector<std::pair<Envelope, std::size_t>> envs;
  for (std::size_t i = 0; i < avoid.size(); ++i) envs.emplace_back(avoid[i].envelope(), i);
  std::vector<std::unique_ptr<geos::PreparedGeometry>> spaces;
  for (const auto& f : ny) spaces.push_back(std::make_unique<geos::PreparedGeometry>(from_wkb(f.geom)));
  // A disc of radius r inside 农业空间 feature n, 5 m clear of everything to avoid; its centre is a
  // patch's site (not in 永久基本农田).
  auto place = [&](double r) -> std::pair<std::size_t, geos::Geometry> {
    const index::EnvelopeIndex idx(envs);
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const Patch& p = city.patches[rng.index(city.patches.size())];
      if (p.in_yjjbnt) continue;
      geos::Geometry d = disc(p.site, r, 32);
      const geos::Geometry margin = disc(p.site, r + 5, 32);
      bool clear = true;
      for (std::size_t a : idx.query(margin.envelope()))
        if (avoid[a].intersects(margin)) clear = false;
      if (!clear) continue;
      for (std::size_t n = 0; n < ny.size(); ++n) {
        if (!spaces[n]->contains(margin)) continue;
        envs.emplace_back(margin.envelope(), avoid.size());
        avoid.push_back(margin.clone());
        return {n, std::move(d)};
      }
    }
    throw_internal("cannot inject defect: no room in 农业空间");
  };
  auto county_of = [&](const PlanFeature& f) { return gdal::as_text(f.values.at("XZQDM")); };
  {  // gap: a hole of 15 m radius in 农业空间
    auto [n, d] = place(15);
    ny[n].geom = geos::difference_on_grid(from_wkb(ny[n].geom), d, kGrid).polygonal_part().to_wkb();
    city.defects.push_back({"SPACES_COVERAGE", "NYKJ", fid(n), 0, gdal::as_text(ny[n].values["BSM"]),
                            "a hole of 15 m radius in 农业空间: a gap between the three spaces"});
  }
  {  // overlap: 城镇空间 of the same county takes a disc of 30 m radius inside 农业空间
    auto [n, d] = place(30);
    std::size_t c = 0;
    while (c < cz.size() && county_of(cz[c]) != county_of(ny[n])) ++c;
    if (c == cz.size()) throw_internal("cannot inject defect: a county without 城镇空间");
    cz[c].geom = geos::union_on_grid(from_wkb(cz[c].geom), d, kGrid).polygonal_part().to_wkb();
    city.defects.push_back({"SPACES_COVERAGE", "CZKJ", fid(c), fid(n), gdal::as_text(cz[c].values["BSM"]),
                            "城镇空间 takes a disc of 30 m radius inside 农业空间 fid " + std::to_string(fid(n))});
  }
  {  // line outside its space: a disc of 40 m radius of 生态保护红线 drawn in 农业空间
    auto [n, d] = place(40);
    std::size_t s = 0;
    while (s < st.size() && gdal::as_text(st[s].values.at("XJXZQDM")) != county_of(ny[n])) ++s;
    if (s == st.size()) s = 0;  // a county without a red line: the first one takes the disc
    st[s].geom = geos::union_on_grid(from_wkb(st[s].geom), d, kGrid).polygonal_part().to_wkb();
    city.defects.push_back({"LINE_OUTSIDE_SPACE", "STBHHX", fid(s), 0, gdal::as_text(st[s].values["BSM"]),
                            "a disc of 40 m radius of 生态保护红线 drawn in 农业空间 fid " + std::to_string(fid(n))});
  }
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
    // The same piece lies in 城镇空间, outside 农业空间: one finding per feature.
    if (city.cfg.spaces && std::none_of(city.defects.begin(), city.defects.end(), [&](const Defect& d) {
          return d.check == "LINE_OUTSIDE_SPACE" && d.layer == "YJJBNT" && d.fid == fid(best);
        }))
      city.defects.push_back({"LINE_OUTSIDE_SPACE", "YJJBNT", fid(best), 0, gdal::as_text(yj[best].values["BSM"]),
                              "the piece in 城镇开发边界 lies in 城镇空间, outside 农业空间"});
  }
  if (city.cfg.spaces) inject_space_defects(city, rng);
}

}  // namespace guotu::sample
