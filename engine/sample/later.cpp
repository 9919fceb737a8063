// Stage 6: a later survey vintage (DLTB_LATER) with realistic change, and the list of every
// change made (sample_changes): farmland built on around towns (非农化), some of it inside
// 永久基本农田 (疑似违法); farmland turned to orchards, forest, ponds or facilities (进出平衡 out);
// unused land reclaimed to farmland (in). Some changes take only part of a patch.
#include <algorithm>
#include <cmath>

#include "area/ellipsoidal_area.hpp"
#include "core/numeric.hpp"
#include "geos/algorithms.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {
double dist(Coord a, Coord b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}
}  // namespace

void measure(const City& city, Patch& p) {
  thread_local std::unique_ptr<area::AreaCalculator> calc;
  thread_local std::string crs;
  if (!calc || crs != city.cfg.working_crs) {
    calc = std::make_unique<area::AreaCalculator>(city.cfg.working_crs);
    crs = city.cfg.working_crs;
  }
  const Coord o = city.origin;
  p.tbmj = calc->area_m2(from_wkb(p.geom).transformed([o](std::span<Coord> cs) {
    for (auto& c : cs) c.x += o.x, c.y += o.y;
  }));
  p.area = from_wkb(p.geom).planar_area();
  p.env = from_wkb(p.geom).envelope();
}

void build_later_vintage(City& city) {
  const CityConfig& cfg = city.cfg;
  city.later = city.patches;
  std::vector<std::size_t> seq(city.counties.size(), 0);
  for (const auto& p : city.patches) {
    const std::size_t n = std::stoull(p.bsm.substr(city.counties[p.county].code.size()));
    seq[p.county] = std::max(seq[p.county], n);
  }
  auto new_bsm = [&](std::size_t county) {
    std::string s = std::to_string(++seq[county]);
    return city.counties[county].code + std::string(s.size() < 12 ? 12 - s.size() : 0, '0') + s;
  };
  double farmland = 0;
  for (const auto& p : city.patches)
    if (p.klass == "cultivated") farmland += p.tbmj;

  std::vector<bool> changed(city.patches.size(), false);
  const UrbanMix& town_mix = cfg.urban_mix.at("town");
  auto record = [&](std::size_t i, const Patch& after, const std::string& klass, double area, bool partial) {
    const Patch& before = city.patches[i];
    city.changes.push_back({before.bsm, after.bsm, before.code, after.code, klass, city.counties[before.county].code,
                            city.towns[before.town].code, area, partial, before.in_yjjbnt});
  };

  // 非农化: farmland closest to the seats and town centres, plus some deep inside 永久基本农田.
  std::vector<std::pair<double, std::size_t>> near, inside;
  for (std::size_t i = 0; i < city.patches.size(); ++i) {
    const Patch& p = city.patches[i];
    if (p.klass != "cultivated" || p.area < 2000) continue;
    Rng rng(city.seed, 0x0C4A0000ULL + i);
    double d = 1e18;
    for (const auto& s : city.seats) d = std::min(d, dist(p.site, s.pos) - s.seat->urban_km * 1000);
    for (const auto& t : city.towns)
      if (t.centre_m > 0) d = std::min(d, dist(p.site, t.centre) - t.centre_m);
    (p.in_yjjbnt ? inside : near).push_back({d + 300 * rng.uniform(), i});
  }
  std::sort(near.begin(), near.end());
  std::sort(inside.begin(), inside.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<std::size_t> to_build;
  double acc = 0;
  for (const auto& [d, i] : near) {
    if (acc >= cfg.change_to_construction * farmland) break;
    to_build.push_back(i);
    acc += city.patches[i].tbmj;
  }
  for (int k = 0; k < cfg.illegal_in_farmland && k < static_cast<int>(inside.size()); ++k)
    to_build.push_back(inside[static_cast<std::size_t>(k)].second);
  std::sort(to_build.begin(), to_build.end());
  std::vector<Patch> extra;
  for (std::size_t i : to_build) {
    changed[i] = true;
    Rng rng(city.seed, 0xB1D00000ULL + i);
    Patch& later = city.later[i];
    const std::string code = rng.pick(town_mix.codes);
    if (rng.uniform() < 0.5) {
      // Part of the patch: split it by a line through its centre; the new piece is a new patch.
      geos::Geometry g = from_wkb(later.geom);
      const Coord c = g.centroid();
      const double a = rng.uniform(0, 3.1416), big = 1e5;
      const double ca = std::cos(a), sa = std::sin(a);
      std::vector<Coord> half = {{c.x - big * ca, c.y - big * sa},
                                 {c.x + big * ca, c.y + big * sa},
                                 {c.x + big * ca - big * sa, c.y + big * sa + big * ca},
                                 {c.x - big * ca - big * sa, c.y - big * sa + big * ca}};
      geos::Geometry side = geos::Geometry::polygon(half);
      geos::Geometry built = geos::intersection_on_grid(g, side, kGrid).polygonal_part();
      geos::Geometry kept = geos::difference_on_grid(g, side, kGrid).polygonal_part();
      if (built.type() == geos::GeometryType::Polygon && kept.type() == geos::GeometryType::Polygon &&
          !built.is_empty() && !kept.is_empty()) {
        later.geom = kept.to_wkb();
        measure(city, later);
        Patch piece = city.patches[i];
        piece.geom = built.to_wkb();
        measure(city, piece);
        piece.bsm = new_bsm(piece.county);
        piece.code = code;
        piece.klass = "construction";
        piece.czcsxm = town_mix.czcsxm;
        piece.gddb = 0;
        piece.kcxs = 0;
        piece.site = built.interior_point();
        record(i, piece, "非农化", piece.tbmj, true);
        extra.push_back(std::move(piece));
        continue;
      }
    }
    later.code = code;
    later.klass = "construction";
    later.czcsxm = town_mix.czcsxm;
    later.gddb = 0;
    later.kcxs = 0;
    record(i, later, "非农化", later.tbmj, false);
  }

  // 进出平衡: out (farmland to other agricultural use) and in (reclaimed to farmland).
  static const CodeMix out_mix = {{"0201", 0.35}, {"0301", 0.3}, {"1104", 0.2}, {"1202", 0.15}};
  std::vector<std::pair<double, std::size_t>> out_rank, in_rank;
  for (std::size_t i = 0; i < city.patches.size(); ++i) {
    if (changed[i]) continue;
    const Patch& p = city.patches[i];
    Rng rng(city.seed, 0x10070000ULL + i);
    if (p.klass == "cultivated") out_rank.push_back({rng.uniform(), i});
    if (p.klass == "sand" || p.klass == "grass" || p.klass == "floodplain") in_rank.push_back({rng.uniform(), i});
  }
  std::sort(out_rank.begin(), out_rank.end());
  std::sort(in_rank.begin(), in_rank.end());
  acc = 0;
  for (const auto& [r, i] : out_rank) {
    if (acc >= cfg.change_out * farmland) break;
    Rng rng(city.seed, 0x0A770000ULL + i);
    Patch& later = city.later[i];
    later.code = rng.pick(out_mix);
    later.klass = "other-agricultural";
    later.gddb = 0;
    later.kcxs = 0;
    acc += later.tbmj;
    changed[i] = true;
    record(i, later, "进出平衡_出", later.tbmj, false);
  }
  const std::size_t n_in =
      clamp_to<std::size_t>(std::round(cfg.change_in * static_cast<double>(in_rank.size())), 0, in_rank.size())
          .value_or(0);
  for (std::size_t k = 0; k < n_in; ++k) {
    const std::size_t i = in_rank[k].second;
    Patch& later = city.later[i];
    later.code = "0103";
    later.klass = "cultivated";
    later.gddb = 9;
    later.kcxs = 0.03;
    changed[i] = true;
    record(i, later, "进出平衡_进", later.tbmj, false);
  }
  for (auto& p : extra) city.later.push_back(std::move(p));
}

}  // namespace guotu::sample
