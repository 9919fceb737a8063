// Stage 3: the DLTB coverage. Each county is tessellated into Voronoi cells whose density
// follows settlement (small patches in towns, large fields), cut by the town partition and
// the corridors with snap-rounded overlay (so neighbours share edges exactly), then classified:
// geometry fixes urban cores and corridors; the rest is allocated to land classes by ranked
// scores until each class reaches its calibrated share of the land, farmland taking the rest.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "geos/algorithms.hpp"
#include "index/envelope_index.hpp"
#include "layers/code_list.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

double dist(Coord a, Coord b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

std::string fmt_seq(std::size_t n) {
  std::string s = std::to_string(n);
  return std::string(s.size() < 12 ? 12 - s.size() : 0, '0') + s;
}

/// A smooth random field in [0, 1]: Gaussian bumps sampled on a 1 km grid, bilinear between.
class NoiseField {
 public:
  NoiseField(const Envelope& env, Rng rng, int bumps, double min_sigma, double max_sigma) : env_(env) {
    nx_ = clamp_to<int>(env.width() / kStep, 0, 100'000).value_or(0) + 2;
    ny_ = clamp_to<int>(env.height() / kStep, 0, 100'000).value_or(0) + 2;
    grid_.assign(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), 0.0);
    struct Bump {
      Coord c;
      double s, w;
    };
    std::vector<Bump> bs;
    for (int i = 0; i < bumps; ++i)
      bs.push_back({{rng.uniform(env.min_x, env.max_x), rng.uniform(env.min_y, env.max_y)},
                    rng.uniform(min_sigma, max_sigma),
                    rng.uniform(0.3, 1.0)});
    double lo = 1e300, hi = -1e300;
    for (int j = 0; j < ny_; ++j) {
      for (int i = 0; i < nx_; ++i) {
        const Coord p{env.min_x + i * kStep, env.min_y + j * kStep};
        double v = 0;
        for (const auto& b : bs) {
          const double d2 = (p.x - b.c.x) * (p.x - b.c.x) + (p.y - b.c.y) * (p.y - b.c.y);
          if (d2 < 9 * b.s * b.s) v += b.w * std::exp(-d2 / (2 * b.s * b.s));
        }
        grid_[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(i)] = v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
    for (auto& v : grid_) v = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  }
  double at(Coord p) const {
    const double fx = std::clamp((p.x - env_.min_x) / kStep, 0.0, nx_ - 1.001);
    const double fy = std::clamp((p.y - env_.min_y) / kStep, 0.0, ny_ - 1.001);
    const int i = truncate_to<int>(fx).value_or(0), j = truncate_to<int>(fy).value_or(0);
    const double tx = fx - i, ty = fy - j;
    auto g = [&](int a, int b) {
      return grid_[static_cast<std::size_t>(b) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(a)];
    };
    return (1 - tx) * (1 - ty) * g(i, j) + tx * (1 - ty) * g(i + 1, j) + (1 - tx) * ty * g(i, j + 1) +
           tx * ty * g(i + 1, j + 1);
  }

 private:
  static constexpr double kStep = 1000.0;
  Envelope env_;
  int nx_ = 0, ny_ = 0;
  std::vector<double> grid_;
};

struct Settlements {
  index::EnvelopeIndex villages;         // rural villages
  std::vector<std::size_t> village_ids;  // index → City::villages
  index::EnvelopeIndex town_centres;
  std::vector<std::size_t> town_ids;
  double village_r = 400;

  double village_distance(const City& city, Coord p, std::size_t* which = nullptr) const {
    auto id = villages.nearest(p.x, p.y);
    if (!id) return 1e18;
    const std::size_t v = village_ids[*id];
    if (which) *which = v;
    return dist(p, city.villages[v].pos);
  }
};

// Which seat's built-up core a point lies in (irregular edge), or -1.
int urban_seat(const City& city, Coord p) {
  for (std::size_t i = 0; i < city.seats.size(); ++i) {
    const auto& s = city.seats[i];
    const double a = std::atan2(p.y - s.pos.y, p.x - s.pos.x);
    const double r =
        s.seat->urban_km * 1000 * (1 + 0.12 * std::sin(3 * a + static_cast<double>(i)) + 0.06 * std::sin(7 * a));
    if (dist(p, s.pos) < r) return static_cast<int>(i);
  }
  return -1;
}

int town_centre(const City& city, const Settlements& st, Coord p) {
  for (std::size_t id : st.town_centres.query({p.x - 1500, p.y - 1500, p.x + 1500, p.y + 1500})) {
    const Town& t = city.towns[st.town_ids[id]];
    if (dist(p, t.centre) < t.centre_m) return static_cast<int>(st.town_ids[id]);
  }
  return -1;
}

double density(const City& city, const Settlements& st, Coord p) {
  double d = 1.0;
  if (urban_seat(city, p) >= 0)
    d += 5.0;
  else if (town_centre(city, st, p) >= 0)
    d += 4.0;
  else if (st.village_distance(city, p) < 1.3 * st.village_r)
    d += 2.0;
  return d;
}
constexpr double kMaxDensity = 6.0;

// Tessellates one county into classified patches (runs in a worker thread: WKB in, WKB out).
std::vector<Patch> county_patches(const City& city, const Settlements& st, std::size_t ci, std::size_t n_sites) {
  const County& county = city.counties[ci];
  geos::Geometry cg = from_wkb(county.geom);
  geos::PreparedGeometry cprep(cg.clone());
  Rng rng(city.seed, stable_hash("patches" + county.code));
  std::vector<Coord> sites;
  sites.reserve(n_sites);
  while (sites.size() < n_sites) {
    const Coord p{rng.uniform(county.env.min_x, county.env.max_x), rng.uniform(county.env.min_y, county.env.max_y)};
    if (rng.uniform() * kMaxDensity > density(city, st, p)) continue;
    if (!cprep.contains(geos::Geometry::point(p))) continue;
    sites.push_back(p);
  }
  const Envelope clip{county.env.min_x - 1000, county.env.min_y - 1000, county.env.max_x + 1000,
                      county.env.max_y + 1000};
  std::vector<geos::Geometry> cells = geos::voronoi_cells(sites, clip);

  // Towns of this county and corridors near it, in this thread's context.
  std::vector<std::size_t> town_ids;
  std::vector<std::unique_ptr<geos::PreparedGeometry>> towns;
  std::vector<std::pair<Envelope, std::size_t>> town_items;
  for (std::size_t t = 0; t < city.towns.size(); ++t) {
    if (city.towns[t].county != ci) continue;
    town_items.push_back({city.towns[t].env, town_ids.size()});
    town_ids.push_back(t);
    towns.push_back(std::make_unique<geos::PreparedGeometry>(from_wkb(city.towns[t].geom)));
  }
  index::EnvelopeIndex town_index(town_items);
  std::vector<std::size_t> corr_ids;
  std::vector<std::unique_ptr<geos::PreparedGeometry>> corridors;
  std::vector<std::pair<Envelope, std::size_t>> corr_items;
  for (std::size_t k = 0; k < city.corridors.size(); ++k) {
    if (!city.corridors[k].env.intersects(county.env)) continue;
    corr_items.push_back({city.corridors[k].env, corr_ids.size()});
    corr_ids.push_back(k);
    corridors.push_back(std::make_unique<geos::PreparedGeometry>(from_wkb(city.corridors[k].geom)));
  }
  index::EnvelopeIndex corr_index(corr_items);

  std::vector<Patch> out;
  std::vector<std::size_t> hits, chits;
  auto emit = [&](const geos::Geometry& g, std::size_t town, Coord site, const Corridor* corridor) {
    for (std::size_t k = 0; k < g.num_geometries(); ++k) {
      geos::Geometry part = g.num_geometries() == 1 && g.type() == geos::GeometryType::Polygon ? g.clone() : g.part(k);
      if (part.is_empty() || part.type() != geos::GeometryType::Polygon) continue;
      Patch p;
      p.area = part.planar_area();
      if (p.area <= 0) continue;
      p.env = part.envelope();
      p.county = ci;
      p.town = town;
      p.site = g.num_geometries() == 1 ? site : part.interior_point();
      if (corridor) {
        p.fixed = true;
        p.code = corridor->code;
        p.klass = corridor->code == "1101" || corridor->code == "1102" ? "water" : "construction";
        p.site = part.interior_point();
      }
      p.geom = part.to_wkb();
      out.push_back(std::move(p));
    }
  };
  for (std::size_t i = 0; i < cells.size(); ++i) {
    geos::Geometry cell = cells[i].snapped_to_grid(kGrid);
    town_index.query(cell.envelope(), hits);
    for (std::size_t ti : hits) {
      geos::Geometry piece = towns[ti]->contains(cell)
                                 ? cell.clone()
                                 : geos::intersection_on_grid(cell, towns[ti]->base(), kGrid).polygonal_part();
      if (piece.is_empty()) continue;
      corr_index.query(piece.envelope(), chits);
      geos::Geometry rest = piece.clone();
      for (std::size_t k : chits) {
        if (!corridors[k]->intersects(rest)) continue;
        geos::Geometry inside = geos::intersection_on_grid(rest, corridors[k]->base(), kGrid).polygonal_part();
        if (inside.is_empty()) continue;
        emit(inside, town_ids[ti], sites[i], &city.corridors[corr_ids[k]]);
        rest = geos::difference_on_grid(rest, corridors[k]->base(), kGrid).polygonal_part();
        if (rest.is_empty()) break;
      }
      if (!rest.is_empty()) emit(rest, town_ids[ti], sites[i], nullptr);
    }
  }
  return out;
}

}  // namespace

void build_patches(City& city, std::size_t target) {
  const CityConfig& cfg = city.cfg;
  Settlements st;
  std::vector<std::pair<Envelope, std::size_t>> vitems, titems;
  for (std::size_t v = 0; v < city.villages.size(); ++v) {
    if (city.towns[city.villages[v].town].street) continue;
    const Coord p = city.villages[v].pos;
    vitems.push_back({{p.x, p.y, p.x, p.y}, st.village_ids.size()});
    st.village_ids.push_back(v);
  }
  for (std::size_t t = 0; t < city.towns.size(); ++t) {
    if (city.towns[t].centre_m <= 0) continue;
    const Coord p = city.towns[t].centre;
    titems.push_back({{p.x, p.y, p.x, p.y}, st.town_ids.size()});
    st.town_ids.push_back(t);
  }
  st.villages = index::EnvelopeIndex(vitems);
  st.town_centres = index::EnvelopeIndex(titems);

  // Village size from the construction target: what the cores and corridors do not supply.
  double land = 0;
  for (const auto& c : city.counties) land += c.area;
  double fixed_urban = 0;
  for (const auto& s : city.seats) fixed_urban += std::numbers::pi * std::pow(s.seat->urban_km * 1000, 2);
  for (const auto& t : city.towns) fixed_urban += std::numbers::pi * t.centre_m * t.centre_m;
  const double village_need = std::max(0.0, cfg.land_class("construction").share * land - fixed_urban);
  st.village_r = std::clamp(
      std::sqrt(village_need / (std::max<std::size_t>(1, st.village_ids.size()) * std::numbers::pi)), 150.0, 900.0);

  // Sites per county in proportion to ∫density (estimated on a fixed sample).
  std::vector<double> weight(city.counties.size());
  for (std::size_t ci = 0; ci < city.counties.size(); ++ci) {
    const County& c = city.counties[ci];
    Rng rng(city.seed, stable_hash("weight" + c.code));
    double sum = 0;
    const int n = 4000;
    for (int i = 0; i < n; ++i)
      sum += density(city, st, {rng.uniform(c.env.min_x, c.env.max_x), rng.uniform(c.env.min_y, c.env.max_y)});
    weight[ci] = c.area * sum / n;
  }
  double wsum = 0;
  for (double w : weight) wsum += w;
  // Town borders and corridors cut cells into extra pieces, about 47·√cells of them (measured
  // from 3,000 to 1,000,000 patches): solve cells + 47·√cells = target.
  const double root = (-47.0 + std::sqrt(47.0 * 47.0 + 4.0 * static_cast<double>(target))) / 2.0;
  const double cells_total = std::max(100.0, root * root);
  std::vector<std::vector<Patch>> per_county(city.counties.size());
  parallel_for(city.counties.size(), city.jobs, [&](std::size_t ci) {
    const auto n = clamp_to<std::size_t>(std::round(cells_total * weight[ci] / wsum), 8, 100'000'000).value_or(8);
    per_county[ci] = county_patches(city, st, ci, n);
  });
  for (auto& v : per_county)
    for (auto& p : v) city.patches.push_back(std::move(p));
  per_county.clear();

  // Geometry fixes the built-up cores.
  const UrbanMix& city_mix = cfg.urban_mix.at("city");
  const UrbanMix& town_mix = cfg.urban_mix.at("town");
  const UrbanMix& village_mix = cfg.urban_mix.at("village");
  for (std::size_t i = 0; i < city.patches.size(); ++i) {
    Patch& p = city.patches[i];
    if (p.fixed) continue;
    Rng rng(city.seed, 0x5EED0000ULL + i);
    if (int s = urban_seat(city, p.site); s >= 0) {
      const UrbanMix& mix =
          city.seats[static_cast<std::size_t>(s)].seat->czcsxm == city_mix.czcsxm ? city_mix : town_mix;
      p.fixed = true;
      p.klass = "construction";
      p.code = rng.pick(mix.codes);
      p.czcsxm = city.seats[static_cast<std::size_t>(s)].seat->czcsxm;
    } else if (town_centre(city, st, p.site) >= 0) {
      p.fixed = true;
      p.klass = "construction";
      p.code = rng.pick(town_mix.codes);
      p.czcsxm = town_mix.czcsxm;
    }
  }

  // Allocation of the free patches, class by class, by rank of a class-specific score.
  Envelope cenv = city.counties.front().env;
  for (const auto& c : city.counties) cenv.expand(c.env);
  NoiseField forest_noise(cenv, Rng(city.seed, 11), 220, 2000, 7000);
  NoiseField garden_noise(cenv, Rng(city.seed, 12), 300, 1000, 4000);
  NoiseField pond_noise(cenv, Rng(city.seed, 13), 400, 500, 2000);
  NoiseField grade_noise(cenv, Rng(city.seed, 14), 120, 5000, 15000);
  NoiseField kc_noise(cenv, Rng(city.seed, 15), 120, 5000, 15000);
  // Nearest vertex of the boundary river's centre line (kept as points for a cheap distance).
  std::vector<Coord> river_pts;
  for (const auto& c : city.corridors)
    if (c.name == cfg.boundary_river.name) river_pts = c.line;
  auto boundary_distance = [&](Coord p) {
    double best = 1e18;
    for (std::size_t i = 0; i + 1 < river_pts.size(); i += 1) best = std::min(best, dist(p, river_pts[i]));
    return best;
  };
  auto in_zone = [&](std::size_t county) {
    double w = 0;
    for (const auto& z : cfg.forest_zones)
      if (std::find(z.counties.begin(), z.counties.end(), city.counties[county].code) != z.counties.end())
        w = std::max(w, z.weight);
    return w;
  };

  double total = 0;
  std::map<std::string, double> fixed_area;
  for (const auto& p : city.patches) {
    total += p.area;
    if (p.fixed) fixed_area[p.klass] += p.area;
  }
  std::vector<std::size_t> free_ids;
  for (std::size_t i = 0; i < city.patches.size(); ++i)
    if (!city.patches[i].fixed) free_ids.push_back(i);
  std::vector<bool> taken(city.patches.size(), false);
  const std::vector<std::string> order = {"construction", "forest",   "garden", "pond", "canal",
                                          "rural_road",   "facility", "grass",  "sand", "floodplain"};
  for (const auto& cls : order) {
    const LandUseClass* lc = nullptr;
    for (const auto& l : cfg.land_use)
      if (l.id == cls) lc = &l;
    if (lc == nullptr) continue;
    const double goal = lc->share * total - fixed_area[cls];
    if (goal <= 0) continue;
    std::vector<std::pair<double, std::size_t>> ranked;
    ranked.reserve(free_ids.size());
    for (std::size_t i : free_ids) {
      if (taken[i]) continue;
      const Patch& p = city.patches[i];
      Rng rng(city.seed, stable_hash(cls) + i);
      double score = 0;
      if (cls == "construction")
        score = -st.village_distance(city, p.site);
      else if (cls == "forest")
        score =
            forest_noise.at(p.site) + 0.25 * in_zone(p.county) + 0.3 * std::exp(-boundary_distance(p.site) / 3000.0);
      else if (cls == "garden")
        score = garden_noise.at(p.site);
      else if (cls == "pond")
        score = pond_noise.at(p.site) + 0.5 * rng.uniform();
      else if (cls == "facility")
        score = -st.village_distance(city, p.site) / 1000.0 + rng.uniform();
      else if (cls == "sand")
        score = in_zone(p.county) * (1 - forest_noise.at(p.site)) + 0.2 * rng.uniform();
      else if (cls == "floodplain")
        score = -boundary_distance(p.site);
      else
        score = rng.uniform();
      ranked.push_back({score, i});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // Forest and orchards are in every county, more in the forestry zones (weight 1 + zone
    // weight): each county gets its part of the goal. Other classes are allocated city-wide.
    const bool by_county = cls == "forest" || cls == "garden";
    std::vector<double> county_goal(city.counties.size(), goal), county_acc(city.counties.size(), 0);
    if (by_county) {
      double wsum_c = 0;
      for (std::size_t c = 0; c < city.counties.size(); ++c) wsum_c += city.counties[c].area * (1 + in_zone(c));
      for (std::size_t c = 0; c < city.counties.size(); ++c)
        county_goal[c] = goal * city.counties[c].area * (1 + in_zone(c)) / wsum_c;
    }
    double acc = 0;
    for (const auto& [score, i] : ranked) {
      Patch& p = city.patches[i];
      double& cacc = by_county ? county_acc[p.county] : acc;
      const double cgoal = by_county ? county_goal[p.county] : goal;
      if (cacc + p.area / 2 > cgoal) continue;  // would overshoot: smaller patches further down may fit
      cacc += p.area;
      taken[i] = true;
      Rng rng(city.seed, 0xC0DE0000ULL + i);
      p.klass = cls;
      if (cls == "construction") {
        p.code = rng.pick(village_mix.codes);
        p.czcsxm = village_mix.czcsxm;
      } else {
        p.code = rng.pick(lc->codes);
      }
    }
  }
  const LandUseClass& cultivated = cfg.land_class("cultivated");
  for (std::size_t i : free_ids) {
    if (taken[i]) continue;
    Patch& p = city.patches[i];
    Rng rng(city.seed, 0xFA4D0000ULL + i);
    p.klass = "cultivated";
    p.code = rng.pick(cultivated.codes);
  }
  // Farmland quality (等别 1-15, lower is better; 聊城's plain lands sit around 5-9) and the
  // 田坎 deduction coefficient (plains: a few per cent).
  for (auto& p : city.patches) {
    if (p.klass != "cultivated") continue;
    p.gddb = std::clamp(round_to<int>(4.5 + 5.0 * grade_noise.at(p.site)).value_or(8), 1, 15);
    p.kcxs = std::round((0.01 + 0.05 * kc_noise.at(p.site)) * 100.0) / 100.0;
  }

  // Identifiers, locations and 椭球面积.
  std::vector<std::size_t> seq(city.counties.size(), 0);
  std::vector<std::vector<std::size_t>> town_villages(city.towns.size());
  for (std::size_t v = 0; v < city.villages.size(); ++v) town_villages[city.villages[v].town].push_back(v);
  for (auto& p : city.patches) {
    p.bsm = city.counties[p.county].code + fmt_seq(++seq[p.county]);
    const auto& vs = town_villages[p.town];
    double best = 1e300;
    p.village = vs.empty() ? 0 : vs.front();
    for (std::size_t v : vs) {
      const double d = dist(p.site, city.villages[v].pos);
      if (d < best) best = d, p.village = v;
    }
  }
  const Coord o = city.origin;
  parallel_for((city.patches.size() + 4095) / 4096, city.jobs, [&](std::size_t block) {
    area::AreaCalculator area(cfg.working_crs);
    const std::size_t end = std::min(city.patches.size(), (block + 1) * 4096);
    for (std::size_t i = block * 4096; i < end; ++i) {
      geos::Geometry g = from_wkb(city.patches[i].geom).transformed([o](std::span<Coord> cs) {
        for (auto& c : cs) c.x += o.x, c.y += o.y;
      });
      city.patches[i].tbmj = area.area_m2(g);
    }
  });
}

}  // namespace guotu::sample
