// Stage 4: the plan layers. 城镇开发边界 around the seats (一核五星); 自然保护地 sized to their
// published areas; 生态保护红线 = the Yellow River corridor and the parks; 永久基本农田 chosen from
// farmland outside both; the central city's five areas, control lines and height zones; the
// three spaces and 主体功能区 per county. The three control lines never overlap each other
// (三线不交叉不重叠) and each lies in its space by construction.
#include <algorithm>
#include <cmath>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/units.hpp"
#include "geos/algorithms.hpp"
#include "index/envelope_index.hpp"
#include "layers/code_list.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

double dist(Coord a, Coord b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

std::string bsm(const std::string& prefix, std::size_t n) {
  std::string s = std::to_string(n);
  return prefix + std::string(s.size() < 8 ? 8 - s.size() : 0, '0') + s;
}

// The farmland code covering most of a set of patches (a 永久基本农田 feature carries one DLBM).
std::string dominant_code(const City& city, const std::vector<std::size_t>& ids) {
  std::map<std::string, double> by_code;
  for (std::size_t i : ids) by_code[city.patches[i].code] += city.patches[i].tbmj;
  std::string best;
  double best_area = -1;
  for (const auto& [code, a] : by_code)
    if (a > best_area) best = code, best_area = a;
  return best;
}

PlanFeature feature(const geos::Geometry& g, std::map<std::string, gdal::FieldValue> values) {
  return {g.to_wkb(), std::move(values)};
}

// A sector of a ring around c between angles a0..a1 (radians), radii r0..r1.
geos::Geometry sector(Coord c, double r0, double r1, double a0, double a1) {
  std::vector<Coord> ring;
  const int n = 48;
  for (int i = 0; i <= n; ++i) {
    const double a = a0 + (a1 - a0) * i / n;
    ring.push_back({c.x + r1 * std::cos(a), c.y + r1 * std::sin(a)});
  }
  for (int i = n; i >= 0; --i) {
    const double a = a0 + (a1 - a0) * i / n;
    ring.push_back({c.x + r0 * std::cos(a), c.y + r0 * std::sin(a)});
  }
  return geos::Geometry::polygon(ring);
}

geos::Geometry line_of(const std::vector<Coord>& pts) {
  std::string wkt = "LINESTRING(";
  for (std::size_t i = 0; i < pts.size(); ++i)
    wkt += (i ? "," : "") + std::to_string(pts[i].x) + " " + std::to_string(pts[i].y);
  return geos::Geometry::from_wkt(wkt + ")");
}

// Bisection on a radius so that shape(r) has the wanted area (shape grows with r).
geos::Geometry sized(double want, double r_hi, const std::function<geos::Geometry(double)>& shape) {
  double lo = 0, hi = r_hi;
  geos::Geometry best = shape(hi);
  if (best.planar_area() < want) return best;
  for (int i = 0; i < 40; ++i) {
    const double mid = 0.5 * (lo + hi);
    geos::Geometry g = shape(mid);
    if (g.planar_area() < want)
      lo = mid;
    else
      hi = mid, best = std::move(g);
    if (std::abs(best.planar_area() - want) < want * 1e-5) break;
  }
  return best;
}

}  // namespace

std::vector<std::pair<std::string, geos::Geometry>> water_protection(const City& city) {
  const CityConfig& cfg = city.cfg;
  std::vector<std::pair<std::string, geos::Geometry>> out;
  if (cfg.water_protection.empty()) return out;
  geos::Geometry land = geos::union_all([&] {
    std::vector<geos::Geometry> v;
    for (const auto& c : city.counties) v.push_back(from_wkb(c.geom));
    return v;
  }());
  std::vector<geos::Geometry> before;
  for (const auto& name : cfg.water_protection) {
    std::vector<geos::Geometry> water;
    for (const auto& corr : city.corridors)
      if (corr.name == name) water.push_back(from_wkb(corr.geom));
    geos::Geometry g = geos::union_all(std::move(water)).buffer(cfg.water_protection_bank_m, 8);
    g = geos::intersection_on_grid(g, land, kGrid).polygonal_part();
    for (const auto& b : before)
      if (g.envelope().intersects(b.envelope())) g = geos::difference_on_grid(g, b, kGrid).polygonal_part();
    if (g.is_empty() || g.planar_area() < 1) continue;
    before.push_back(g.clone());
    out.emplace_back(name, std::move(g));
  }
  return out;
}

void build_plan_layers(City& city) {
  const CityConfig& cfg = city.cfg;
  auto& L = city.layers;
  const Coord o = city.origin;
  area::AreaCalculator area(cfg.working_crs);
  auto mj = [&](const geos::Geometry& g) {
    return area.area_m2(g.transformed([o](std::span<Coord> cs) {
      for (auto& c : cs) c.x += o.x, c.y += o.y;
    }));
  };

  // 行政区: counties and towns.
  for (std::size_t i = 0; i < city.counties.size(); ++i) {
    const auto& c = city.counties[i];
    geos::Geometry g = from_wkb(c.geom);
    L["XZQ"].push_back(feature(g, {{"BSM", bsm(c.code, i + 1)}, {"XZQDM", c.code}, {"XZQMC", c.name}, {"MJ", mj(g)}}));
  }
  for (std::size_t i = 0; i < city.towns.size(); ++i) {
    const auto& t = city.towns[i];
    geos::Geometry g = from_wkb(t.geom);
    L["XZQ_XIANG"].push_back(feature(g, {{"BSM", bsm(t.code, 1)},
                                         {"XZQDM", t.code},
                                         {"XZQMC", t.name},
                                         {"SJXZQDM", city.counties[t.county].code},
                                         {"MJ", mj(g)}}));
  }

  // 城镇开发边界 around each seat.
  std::vector<geos::Geometry> czkfbj;
  for (std::size_t i = 0; i < city.seats.size(); ++i) {
    const auto& s = city.seats[i];
    Rng rng(city.seed, stable_hash("czkfbj" + s.seat->name));
    geos::Geometry g = geos::intersection_on_grid(blob(s.pos, s.seat->boundary_km * 1000, rng),
                                                  from_wkb(city.counties[s.county].geom), kGrid)
                           .polygonal_part();
    const auto& county = city.counties[s.county];
    L["CZKFBJ"].push_back(feature(g, {{"BSM", bsm(county.code, i + 1)},
                                      {"XZQDM", county.code},
                                      {"XZQMC", county.name},
                                      {"GHFQDM", std::string("01")},
                                      {"GHFQMC", std::string("城镇集中建设区")},
                                      {"MJ", mj(g)}}));
    czkfbj.push_back(std::move(g));
  }
  geos::Geometry czk_all = geos::union_all([&] {
    std::vector<geos::Geometry> v;
    for (const auto& g : czkfbj) v.push_back(g.clone());
    return v;
  }());
  geos::Geometry czk_margin = czk_all.buffer(300, 4);

  // 自然保护地: each park sized to its published area, split into 核心保护区 and 一般控制区.
  std::vector<geos::Geometry> parks;
  double parks_total = 0;
  for (std::size_t i = 0; i < cfg.parks.size(); ++i) {
    const auto& p = cfg.parks[i];
    const std::size_t ci = city.county_index(p.county);
    geos::Geometry county = from_wkb(city.counties[ci].geom);
    Coord c = city.to_local(p.lonlat);
    if (!county.contains(geos::Geometry::point(c))) c = county.interior_point();
    std::vector<geos::Geometry> others;
    for (const auto& q : parks) others.push_back(q.clone());
    others.push_back(czk_margin.clone());
    geos::Geometry avoid = geos::union_all(std::move(others));
    const std::uint64_t stream = stable_hash("park" + p.name);
    auto shape = [&](double r) {
      Rng rng(city.seed, stream);
      geos::Geometry g = geos::intersection_on_grid(blob(c, r, rng), county, kGrid).polygonal_part();
      return geos::difference_on_grid(g, avoid, kGrid).polygonal_part();
    };
    const double want = p.area_mu * units::kM2PerMu;
    geos::Geometry park = sized(want, 30000, shape);
    auto core_shape = [&](double r) {
      Rng rng(city.seed, stream);
      return geos::intersection_on_grid(blob(c, r, rng), park, kGrid).polygonal_part();
    };
    geos::Geometry core = sized(want * p.core_share, 30000, core_shape);
    geos::Geometry general = geos::difference_on_grid(park, core, kGrid).polygonal_part();
    const auto& county_code = city.counties[ci].code;
    std::map<std::string, gdal::FieldValue> base{{"ZRBHDMC", p.name}, {"ZRBHDLX", p.type}, {"JB", p.level}};
    auto core_vals = base;
    core_vals["BSM"] = bsm(county_code, 2 * i + 1);
    core_vals["GNFQ"] = std::string("核心保护区");
    core_vals["MJ"] = mj(core);
    auto gen_vals = base;
    gen_vals["BSM"] = bsm(county_code, 2 * i + 2);
    gen_vals["GNFQ"] = std::string("一般控制区");
    gen_vals["MJ"] = mj(general);
    parks_total += std::get<double>(core_vals["MJ"]) + std::get<double>(gen_vals["MJ"]);
    L["ZRBHD"].push_back(feature(core, core_vals));
    L["ZRBHD"].push_back(feature(general, gen_vals));
    parks.push_back(std::move(park));
  }
  city.notes.push_back("natural parks: " + std::to_string(cfg.parks.size()) + ", " +
                       std::to_string(units::to_wan_mu(parks_total)) + " 万亩 (椭球面积)");

  // 生态保护红线: the Yellow River corridor inside the city, and every natural park.
  std::vector<geos::Geometry> red_parts;
  if (!city.boundary_river_line.empty()) {
    geos::Geometry corridor = from_wkb(city.boundary_river_line).buffer(cfg.boundary_river.red_line_km * 1000, 8);
    red_parts.push_back(geos::difference_on_grid(corridor, czk_margin, kGrid).polygonal_part());
  }
  for (const auto& p : parks) red_parts.push_back(p.clone());
  geos::Geometry red = geos::unary_union_on_grid(geos::union_all(std::move(red_parts)), kGrid);
  std::vector<geos::Geometry> red_by_county;
  for (std::size_t ci = 0; ci < city.counties.size(); ++ci) {
    geos::Geometry g = geos::intersection_on_grid(red, from_wkb(city.counties[ci].geom), kGrid).polygonal_part();
    if (g.is_empty() || g.planar_area() < 1) continue;
    const auto& c = city.counties[ci];
    L["STBHHX"].push_back(feature(g, {{"BSM", bsm(c.code, 1)},
                                      {"XJXZQDM", c.code},
                                      {"XJXZQMC", c.name},
                                      {"HXMC", c.name + "生态保护红线"},
                                      {"HXLX", std::string("生物多样性维护")},
                                      {"MJ", mj(g)}}));
    red_by_county.push_back(std::move(g));
  }

  // 永久基本农田: farmland away from the other two lines, best-ranked first, one feature per town.
  {
    std::vector<geos::Geometry> keep_out_parts;
    keep_out_parts.push_back(czk_all.buffer(20, 2));
    for (const auto& g : red_by_county) keep_out_parts.push_back(g.buffer(20, 2));
    geos::PreparedGeometry keep_out(geos::union_all(std::move(keep_out_parts)));
    double farmland = 0;
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t i = 0; i < city.patches.size(); ++i) {
      const Patch& p = city.patches[i];
      if (p.klass != "cultivated") continue;
      farmland += p.tbmj;
      if (keep_out.intersects(from_wkb(p.geom))) continue;
      Rng rng(city.seed, 0xB00F0000ULL + i);
      ranked.push_back({-p.gddb + 2.0 * rng.uniform(), i});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const double goal = cfg.permanent_farmland_share * farmland;
    double acc = 0;
    std::vector<std::vector<std::size_t>> by_town(city.towns.size());
    for (const auto& [score, i] : ranked) {
      if (acc >= goal) break;
      acc += city.patches[i].tbmj;
      city.patches[i].in_yjjbnt = true;
      by_town[city.patches[i].town].push_back(i);
    }
    if (acc < goal * 0.98)
      city.notes.push_back("永久基本农田 below its share: not enough farmland outside the other lines");
    for (std::size_t t = 0; t < city.towns.size(); ++t) {
      if (by_town[t].empty()) continue;
      std::vector<geos::Geometry> parts;
      double grade_area = 0, area_sum = 0;
      for (std::size_t i : by_town[t]) {
        parts.push_back(from_wkb(city.patches[i].geom));
        grade_area += city.patches[i].gddb * city.patches[i].tbmj;
        area_sum += city.patches[i].tbmj;
      }
      geos::Geometry g = clean_polygonal(geos::union_all(std::move(parts)));
      const auto& town = city.towns[t];
      L["YJJBNT"].push_back(feature(g, {{"BSM", bsm(town.code, 1)},
                                        {"XZQDM", town.code},
                                        {"XZQMC", town.name},
                                        {"DLBM", dominant_code(city, by_town[t])},
                                        {"GDDB", round_to<std::int64_t>(grade_area / area_sum).value_or(0)},
                                        {"MJ", mj(g)}}));
    }
  }

  const auto water = water_protection(city);  // 水体保护范围, written below

  // The central city: five areas, height zones, and the four urban control lines.
  const SeatLocal* central = nullptr;
  for (const auto& s : city.seats)
    if (s.seat->central_city) central = &s;
  if (central != nullptr) {
    geos::Geometry county = from_wkb(city.counties[central->county].geom);
    const Coord c = central->pos;
    const double r0 = cfg.central_inner_km * 1000, r1 = cfg.central_outer_km * 1000;
    const double q = std::numbers::pi / 4;
    std::vector<geos::Geometry> zxcq;
    for (std::size_t i = 0; i < cfg.central_areas.size(); ++i) {
      const auto& a = cfg.central_areas[i];
      geos::Geometry g;
      if (a.sector == "centre")
        g = disc(c, r0, 96);
      else if (a.sector == "east")
        g = sector(c, r0, r1, -q, q);
      else if (a.sector == "north")
        g = sector(c, r0, r1, q, 3 * q);
      else if (a.sector == "west")
        g = sector(c, r0, r1, 3 * q, 5 * q);
      else
        g = sector(c, r0, r1, 5 * q, 7 * q);
      g = geos::intersection_on_grid(g, county, kGrid).polygonal_part();
      L["ZXCQ"].push_back(feature(g, {{"BSM", bsm(city.counties[central->county].code, i + 1)},
                                      {"QYMC", a.name},
                                      {"KFQD", a.kfqd},
                                      {"RJLSX", a.rjlsx},
                                      {"GDSX", a.gdsx},
                                      {"MJ", mj(g)}}));
      zxcq.push_back(std::move(g));
    }
    geos::Geometry zxcq_all = geos::union_all(std::move(zxcq));
    const Coord old_city = cfg.lakes.empty() ? c : city.to_local(cfg.lakes.front().lonlat);

    // 高度控制区: concentric zones around the old city.
    double inner = 0;
    for (std::size_t i = 0; i < cfg.height_zones.size(); ++i) {
      const auto& h = cfg.height_zones[i];
      geos::Geometry g = disc(old_city, h.radius_km * 1000, 96);
      if (inner > 0) g = geos::difference_on_grid(g, disc(old_city, inner, 96), kGrid);
      inner = h.radius_km * 1000;
      L["GDKZQ"].push_back(
          feature(g, {{"BSM", bsm("GDKZQ", i + 1)}, {"QYMC", h.name}, {"GDSX", h.gdsx}, {"MJ", mj(g)}}));
    }

    // 蓝线: blue-line rivers and lakes inside the central city (water plus a 15 m bank).
    std::vector<geos::Geometry> blue;
    std::size_t n = 0;
    for (const auto& corr : city.corridors) {
      if (!corr.blue_line) continue;
      geos::Geometry g =
          corr.line.empty() ? from_wkb(corr.geom).buffer(20, 8) : line_of(corr.line).buffer(corr.width_m / 2 + 15, 4);
      g = geos::intersection_on_grid(g, zxcq_all, kGrid).polygonal_part();
      if (g.is_empty()) continue;
      L["CSLX"].push_back(feature(
          g,
          {{"BSM", bsm("CSLX", ++n)}, {"KZXMC", corr.name + "蓝线"}, {"KZXLX", std::string("水体")}, {"MJ", mj(g)}}));
      blue.push_back(std::move(g));
    }
    geos::Geometry blue_all = geos::union_all(std::move(blue));
    // 紫线: the historic core on the island of the old city.
    geos::Geometry purple =
        geos::difference_on_grid(disc(old_city, cfg.historic_core_km * 1000, 96), blue_all, kGrid).polygonal_part();
    L["CSZX"].push_back(feature(purple, {{"BSM", bsm("CSZX", 1)},
                                         {"KZXMC", std::string("古城历史文化街区紫线")},
                                         {"KZXLX", std::string("历史文化街区")},
                                         {"MJ", mj(purple)}}));
    // 绿线: a green ring around the lake and park squares in the central area.
    std::vector<geos::Geometry> taken_parts;
    taken_parts.push_back(blue_all.buffer(150, 4));
    taken_parts.push_back(purple.buffer(150, 4));
    std::size_t g_n = 0;
    for (const auto& l : cfg.lakes) {
      if (!l.blue_line) continue;
      const Coord lc = city.to_local(l.lonlat);
      geos::Geometry ring = geos::difference_on_grid(disc(lc, l.radius_km * 1000 + 20 + cfg.green_ring_m, 96),
                                                     disc(lc, l.radius_km * 1000 + 20, 96), kGrid);
      ring = geos::intersection_on_grid(ring, zxcq_all, kGrid).polygonal_part();
      if (ring.is_empty()) continue;
      L["CSLVX"].push_back(feature(ring, {{"BSM", bsm("CSLVX", ++g_n)},
                                          {"KZXMC", l.name + "环湖绿带"},
                                          {"KZXLX", std::string("公园绿地")},
                                          {"MJ", mj(ring)}}));
      taken_parts.push_back(ring.buffer(150, 4));
    }
    Rng rng(city.seed, stable_hash("urban-lines"));
    geos::PreparedGeometry zx(zxcq_all.clone());
    auto place_squares = [&](const char* layer, int count, double side, const std::string& label,
                             const std::string& kind) {
      int placed = 0;
      for (int attempt = 0; attempt < 5000 && placed < count; ++attempt) {
        const Coord p{rng.uniform(c.x - r1, c.x + r1), rng.uniform(c.y - r1, c.y + r1)};
        geos::Geometry sq = rotated_rect(p, side, side, rng.uniform(0, 1.5));
        if (!zx.contains(sq)) continue;
        geos::Geometry taken = geos::union_all([&] {
          std::vector<geos::Geometry> v;
          for (const auto& t : taken_parts) v.push_back(t.clone());
          return v;
        }());
        if (taken.intersects(sq)) continue;
        ++placed;
        L[layer].push_back(feature(sq, {{"BSM", bsm(layer, L[layer].size() + 1)},
                                        {"KZXMC", label + std::to_string(placed)},
                                        {"KZXLX", kind},
                                        {"MJ", mj(sq)}}));
        taken_parts.push_back(sq.buffer(150, 4));
      }
    };
    place_squares("CSLVX", 4, 220, "街头公园", "公园绿地");
    place_squares("CSHX", 5, 120, "变电站", "供电设施");

    // 历史文化核心保护区: discs around the city file's centres, inside the central city, kept 60 m
    // off the blue, green, yellow and purple lines and the 水体保护范围 (built below, here from the
    // same corridors), so that a project inside one breaks no other urban line.
    std::vector<geos::Geometry> off;
    for (const char* layer : {"CSLX", "CSLVX", "CSHX", "CSZX"})
      for (const auto& f : L[layer]) off.push_back(from_wkb(f.geom));
    for (const auto& [name, g] : water) off.push_back(g.clone());
    geos::Geometry keep_off = geos::union_all(std::move(off)).buffer(60, 4);
    std::size_t h_n = 0;
    for (const auto& h : cfg.historic_areas) {
      geos::Geometry g =
          geos::intersection_on_grid(disc(city.to_local(h.lonlat), h.radius_km * 1000, 64), zxcq_all, kGrid)
              .polygonal_part();
      g = geos::difference_on_grid(g, keep_off, kGrid).polygonal_part();
      if (g.planar_area() < 1) continue;
      L["LSWHBHQ"].push_back(feature(g, {{"BSM", bsm("LSWHBHQ", ++h_n)}, {"MC", h.name}, {"MJ", mj(g)}}));
      keep_off = geos::union_all([&] {
        std::vector<geos::Geometry> v;
        v.push_back(keep_off.clone());
        v.push_back(g.buffer(60, 4));
        return v;
      }());
    }
  }

  // 水体保护范围: the water of the rivers and lakes the city file lists, and its bank, over their
  // whole course in the city (water_protection); one feature per water body.
  {
    std::size_t w_n = 0;
    for (const auto& [name, g] : water)
      L["SZBHFW"].push_back(feature(g, {{"BSM", bsm("SZBHFW", ++w_n)}, {"MC", name + "水体保护范围"}, {"MJ", mj(g)}}));
  }

  // 空间结构: 一核 (核), 五星 (星), 多点 (key towns, 点).
  std::size_t k = 0;
  for (const auto& s : city.seats) {
    const auto& county = city.counties[s.county];
    L["KJJG"].push_back(feature(geos::Geometry::point(s.pos), {{"BSM", bsm("KJJG", ++k)},
                                                               {"JGMC", s.seat->name},
                                                               {"JGLX", s.seat->role},
                                                               {"XZQDM", county.code},
                                                               {"XZQMC", county.name}}));
  }
  for (const auto& t : city.towns) {
    if (!t.key) continue;
    L["KJJG"].push_back(feature(geos::Geometry::point(t.centre), {{"BSM", bsm("KJJG", ++k)},
                                                                  {"JGMC", t.name},
                                                                  {"JGLX", std::string("点")},
                                                                  {"XZQDM", t.code},
                                                                  {"XZQMC", t.name}}));
  }
  // 三区 and 主体功能区 (the city file's `spaces`), per county: 城镇空间 = 城镇开发边界 grown by a
  // margin, 生态空间 = 生态保护红线 grown by a margin less 城镇空间, 农业空间 the rest. 永久基本农田 keeps
  // 20 m off both lines (above), more than either margin, so each line lies in its space and the
  // three tile the county. 主体功能分区: the county with its code from the city file.
  if (cfg.spaces) {
    std::vector<geos::Geometry> urban_parts, red_parts_all;
    for (const auto& f : L["CZKFBJ"]) urban_parts.push_back(from_wkb(f.geom));
    for (const auto& f : L["STBHHX"]) red_parts_all.push_back(from_wkb(f.geom));
    const geos::Geometry urban = geos::union_all(std::move(urban_parts)).buffer(cfg.urban_space_margin_m, 8);
    const geos::Geometry eco = geos::union_all(std::move(red_parts_all)).buffer(cfg.ecological_space_margin_m, 8);
    const auto& functions = layers::CodeList::embedded("ztgnfq");
    for (std::size_t ci = 0; ci < city.counties.size(); ++ci) {
      const auto& c = city.counties[ci];
      const geos::Geometry county = from_wkb(c.geom);
      geos::Geometry cz = geos::intersection_on_grid(urban, county, kGrid).polygonal_part();
      geos::Geometry st = geos::intersection_on_grid(eco, county, kGrid).polygonal_part();
      if (!cz.is_empty() && !st.is_empty()) st = geos::difference_on_grid(st, cz, kGrid).polygonal_part();
      geos::Geometry taken = cz.is_empty()   ? st.clone()
                             : st.is_empty() ? cz.clone()
                                             : geos::union_on_grid(cz, st, kGrid);
      geos::Geometry ny =
          taken.is_empty() ? county.clone() : geos::difference_on_grid(county, taken, kGrid).polygonal_part();
      const std::pair<const char*, geos::Geometry*> spaces[] = {{"CZKJ", &cz}, {"NYKJ", &ny}, {"STKJ", &st}};
      for (const auto& [layer, g] : spaces) {
        if (g->is_empty() || g->planar_area() < 1) continue;
        L[layer].push_back(feature(
            *g, {{"BSM", bsm(c.code, L[layer].size() + 1)}, {"XZQDM", c.code}, {"XZQMC", c.name}, {"MJ", mj(*g)}}));
      }
      const auto it = cfg.main_function.find(c.code);
      const std::string code = it == cfg.main_function.end() ? cfg.main_function_default : it->second;
      L["ZTGNFQ"].push_back(feature(county, {{"BSM", bsm(c.code, 1)},
                                             {"XZQDM", c.code},
                                             {"XZQMC", c.name},
                                             {"ZTGNDM", code},
                                             {"ZTGNMC", functions.name_of(code)},
                                             {"MJ", mj(county)}}));
    }
  }
  (void)dist;
}

}  // namespace guotu::sample
