// Stage 5: sample construction projects (XMYD). Most are compliant by construction (placed
// with margins away from every restricted layer, under every cap); a configured number break
// exactly one known rule each (a project in a 核心保护区 also lies in the 生态保护红线, so it
// breaks both), and the generator lists every planted violation in `sample_expected_violations`.
#include <algorithm>
#include <cmath>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "geos/algorithms.hpp"
#include "index/envelope_index.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

std::string seq(const char* prefix, std::size_t n, int width) {
  std::string s = std::to_string(n);
  return prefix + std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

}  // namespace

LayerSet::LayerSet(const City& city, const std::string& name, const std::function<bool(const PlanFeature&)>& keep) {
  std::vector<std::pair<Envelope, std::size_t>> items;
  auto it = city.layers.find(name);
  if (it == city.layers.end()) return;
  for (const auto& f : it->second) {
    if (keep && !keep(f)) continue;
    geos::Geometry g = from_wkb(f.geom);
    if (g.is_empty()) continue;
    items.push_back({g.envelope(), geoms.size()});
    prepared.push_back(std::make_unique<geos::PreparedGeometry>(g.clone()));
    geoms.push_back(std::move(g));
    features.push_back(&f);
  }
  index = index::EnvelopeIndex(items);
}

bool LayerSet::intersects(const geos::Geometry& g) const {
  for (std::size_t i : index.query(g.envelope()))
    if (geoms[i].intersects(g)) return true;
  return false;
}

int LayerSet::covering(const geos::Geometry& g) const {
  for (std::size_t i : index.query(g.envelope()))
    if (geoms[i].covers(g)) return static_cast<int>(i);
  return -1;
}

double LayerSet::number(std::size_t i, const char* field) const {
  return gdal::as_number(features[i]->values.at(field)).value_or(0);
}

double LayerSet::area_inside(const geos::Geometry& g) const {
  double a = 0;
  for (std::size_t i : index.query(g.envelope())) {
    if (!prepared[i]->intersects(g)) continue;
    a += prepared[i]->contains_properly(g) ? g.planar_area() : g.intersection(geoms[i]).polygonal_part().planar_area();
  }
  return a;
}

void build_projects(City& city) {
  const CityConfig& cfg = city.cfg;
  LayerSet czk(city, "CZKFBJ"), red(city, "STBHHX"), parks(city, "ZRBHD");
  LayerSet cores(city, "ZRBHD",
                 [](const PlanFeature& f) { return gdal::as_text(f.values.at("GNFQ")) == "核心保护区"; });
  LayerSet farmland(city, "YJJBNT"), blue(city, "CSLX"), green(city, "CSLVX"), purple(city, "CSZX"),
      yellow(city, "CSHX");
  LayerSet zxcq(city, "ZXCQ"), heights(city, "GDKZQ"), counties(city, "XZQ");
  LayerSet water(city, "SZBHFW"), historic(city, "LSWHBHQ");
  const SeatLocal* central = nullptr;
  for (const auto& s : city.seats)
    if (s.seat->central_city) central = &s;
  int central_czk = -1;
  if (central != nullptr)
    for (std::size_t i = 0; i < czk.geoms.size(); ++i)
      if (czk.geoms[i].contains(geos::Geometry::point(central->pos))) central_czk = static_cast<int>(i);
  // The lowest FAR cap among the central areas: the low-to-medium intensity area.
  int low_area = -1;
  for (std::size_t i = 0; i < zxcq.geoms.size(); ++i)
    if (low_area < 0 || zxcq.number(i, "RJLSX") < zxcq.number(static_cast<std::size_t>(low_area), "RJLSX"))
      low_area = static_cast<int>(i);

  // The centre lines of the listed rivers (local), for the water-body cases.
  std::vector<std::vector<Coord>> water_lines;
  for (const auto& name : cfg.water_protection)
    for (const auto& corr : city.corridors)
      if (corr.name == name && corr.line.size() >= 2) water_lines.push_back(corr.line);

  Rng rng(city.seed, stable_hash("projects"));
  std::vector<geos::Geometry> placed;
  area::AreaCalculator area(cfg.working_crs);
  const Coord o = city.origin;

  struct Spec {
    std::string kind;  // clean-urban, clean-rural, clean-major, or a rule id
    std::string type;
  };
  std::vector<Spec> specs, last;
  int planted = 0;
  for (const auto& [rule, count] : cfg.planted_violations) {
    // The water-body and historic-area cases go last: their layers came later, and placing them
    // after the others leaves every earlier project of a seed where it was.
    auto& to = rule == "R-SZBHFW-FORBID" || rule == "R-LSWHBHQ-FORBID" ? last : specs;
    for (int i = 0; i < count; ++i) to.push_back({rule, ""});
    planted += count;
  }
  const int extra_clean = 14;
  for (int i = 0; i < 10; ++i) specs.push_back({"clean-rural", "基础设施"});
  for (int i = 0; i < 4; ++i) specs.push_back({"clean-major", "重大项目"});
  for (int i = 0; i < cfg.project_count - planted - extra_clean; ++i) specs.push_back({"clean-urban", ""});
  specs.insert(specs.end(), last.begin(), last.end());

  auto clear_of = [&](const geos::Geometry& g, const LayerSet& l, double margin) {
    return !l.intersects(g.buffer(margin, 2));
  };
  auto apart = [&](const geos::Geometry& g) {
    geos::Geometry b = g.buffer(20, 2);
    return std::none_of(placed.begin(), placed.end(), [&](const geos::Geometry& p) { return p.intersects(b); });
  };
  // Central-city caps for a project: FAR and height limits of the zones it lies in (or -1 when
  // it straddles zones, which compliant projects must not do).
  struct Caps {
    bool ok = true;
    double far = 3.0, height = 80;
  };
  auto caps_for = [&](const geos::Geometry& g) {
    Caps c;
    geos::Geometry b = g.buffer(20, 2);
    if (zxcq.intersects(b)) {
      const int z = zxcq.covering(b);
      if (z < 0) return Caps{false, 0, 0};
      c.far = zxcq.number(static_cast<std::size_t>(z), "RJLSX");
      c.height = std::min(c.height, zxcq.number(static_cast<std::size_t>(z), "GDSX"));
    }
    if (heights.intersects(b)) {
      const int h = heights.covering(b);
      if (h < 0) return Caps{false, 0, 0};
      c.height = std::min(c.height, heights.number(static_cast<std::size_t>(h), "GDSX"));
    }
    return c;
  };
  auto urban_clean = [&](const geos::Geometry& g) {
    return clear_of(g, blue, 60) && clear_of(g, green, 60) && clear_of(g, purple, 60) && clear_of(g, yellow, 60) &&
           clear_of(g, red, 20) && clear_of(g, parks, 20) && clear_of(g, farmland, 20) && clear_of(g, water, 20) &&
           clear_of(g, historic, 60);
  };
  auto rural_clean = [&](const geos::Geometry& g) {
    return clear_of(g, czk, 50) && clear_of(g, red, 20) && clear_of(g, parks, 20) && clear_of(g, farmland, 20) &&
           clear_of(g, zxcq, 50) && clear_of(g, heights, 50) && clear_of(g, blue, 60) && clear_of(g, green, 60) &&
           clear_of(g, purple, 60) && clear_of(g, yellow, 60) && clear_of(g, water, 20) && clear_of(g, historic, 60);
  };
  // Clear of the two layers that came later, for the kinds placed by their own tests.
  auto clear_of_later = [&](const geos::Geometry& g, double water_margin) {
    return clear_of(g, water, water_margin) && clear_of(g, historic, 60);
  };
  auto point_in = [&](const geos::Geometry& region) {
    const Envelope e = region.envelope();
    return Coord{rng.uniform(e.min_x, e.max_x), rng.uniform(e.min_y, e.max_y)};
  };

  std::size_t n = 0;
  for (const auto& spec : specs) {
    bool done = false;
    for (int attempt = 0; attempt < 40000 && !done; ++attempt) {
      const double w = rng.uniform(60, 220), h = rng.uniform(60, 220), angle = rng.uniform(0, 3.1416);
      std::map<std::string, gdal::FieldValue> v;
      std::vector<std::string> rules;
      geos::Geometry g;
      Caps caps;
      std::string type = spec.type;
      const std::string& k = spec.kind;
      auto urban_type = [&] {
        static const char* const types[] = {"居住", "商业", "工业", "仓储", "公共管理与公共服务"};
        return std::string(types[rng.index(5)]);
      };
      if (k == "clean-urban" || k == "R-CSLX-BUFFER" || k == "R-CSLVX-FORBID" || k == "R-CSZX-FORBID" ||
          k == "R-GDKZQ-HEIGHT" || k == "R-ZXCQ-FAR" || k == "R-LSWHBHQ-FORBID") {
        const bool in_central = k != "clean-urban" || rng.uniform() < 0.5;
        const std::size_t zi =
            in_central && central_czk >= 0 ? static_cast<std::size_t>(central_czk) : rng.index(czk.geoms.size());
        Coord p = point_in(czk.geoms[zi]);
        if (k == "R-CSZX-FORBID" && !purple.geoms.empty())
          p = purple.geoms[0].interior_point(), p.x += rng.uniform(-200, 200), p.y += rng.uniform(-200, 200);
        if (k == "R-CSLVX-FORBID" && green.geoms.size() > 1) {
          const auto& sq = green.geoms[1 + rng.index(green.geoms.size() - 1)];
          p = sq.centroid();
          p.x += rng.uniform(-150, 150), p.y += rng.uniform(-150, 150);
        }
        if (k == "R-ZXCQ-FAR" && low_area >= 0) p = point_in(zxcq.geoms[static_cast<std::size_t>(low_area)]);
        if (k == "R-LSWHBHQ-FORBID") {
          if (historic.geoms.empty()) break;
          p = historic.geoms[rng.index(historic.geoms.size())].interior_point();
          p.x += rng.uniform(-150, 150), p.y += rng.uniform(-150, 150);
        }
        const bool small = k == "R-CSZX-FORBID" || k == "R-LSWHBHQ-FORBID";
        g = rotated_rect(p, small ? w / 2 : w, small ? h / 2 : h, angle);
        if (!czk.geoms[zi].covers(g.buffer(20, 2)) || !apart(g)) continue;
        caps = caps_for(g);
        if (!caps.ok) continue;
        type = urban_type();
        // A historic-area case is a house or a shop: no reader should wonder whether it is a
        // public service the rule lets in.
        if (k == "R-LSWHBHQ-FORBID") type = rng.uniform() < 0.5 ? "居住" : "商业";
        const bool near_blue = blue.intersects(g.buffer(25, 2)) && !blue.intersects(g.buffer(5, 2));
        if (k == "R-CSLX-BUFFER") {
          // The 水体保护范围 lies inside the blue line (a narrower bank): 5 m off the blue line is
          // 10 m off it.
          if (!near_blue || !clear_of(g, green, 60) || !clear_of(g, purple, 60) || !clear_of(g, yellow, 60) ||
              !clear_of(g, red, 20) || !clear_of(g, parks, 20) || !clear_of(g, farmland, 20) || !clear_of_later(g, 5))
            continue;
        } else if (k == "R-CSLVX-FORBID") {
          if (!green.intersects(g) || !clear_of(g, blue, 60) || !clear_of(g, purple, 60) || !clear_of(g, yellow, 60) ||
              !clear_of(g, red, 20) || !clear_of(g, parks, 20) || !clear_of(g, farmland, 20) || !clear_of_later(g, 20))
            continue;
          // A meaningful overlap, well above any sliver tolerance.
          double overlap = 0;
          for (const auto& s : green.geoms) overlap += geos::intersection_on_grid(g, s, kGrid).planar_area();
          if (overlap < 500) continue;
        } else if (k == "R-CSZX-FORBID") {
          if (purple.covering(g) < 0 || !clear_of(g, blue, 60) || !clear_of(g, green, 60) || !clear_of(g, yellow, 60) ||
              !clear_of_later(g, 20))
            continue;
        } else if (k == "R-LSWHBHQ-FORBID") {
          if (historic.covering(g) < 0 || !clear_of(g, blue, 60) || !clear_of(g, green, 60) ||
              !clear_of(g, purple, 60) || !clear_of(g, yellow, 60) || !clear_of(g, red, 20) ||
              !clear_of(g, parks, 20) || !clear_of(g, farmland, 20) || !clear_of(g, water, 20))
            continue;
        } else if (!urban_clean(g)) {
          continue;
        }
        const bool ok_far = k != "R-ZXCQ-FAR" || (low_area >= 0 && zxcq.covering(g.buffer(20, 2)) == low_area);
        const bool ok_height = k != "R-GDKZQ-HEIGHT" || heights.covering(g.buffer(20, 2)) >= 0;
        if (!ok_far || !ok_height) continue;
        const double far = k == "R-ZXCQ-FAR" ? caps.far + rng.uniform(0.5, 1.5) : rng.uniform(0.6, caps.far - 0.1);
        const double height =
            k == "R-GDKZQ-HEIGHT" ? caps.height + rng.uniform(8, 40) : rng.uniform(9, caps.height - 2);
        v["RJL"] = std::round(far * 100) / 100;
        v["JZGD"] = std::round(height * 10) / 10;
        if (k != "clean-urban") rules.push_back(k);
      } else if (k == "clean-rural" || k == "R-CZKFBJ-WITHIN") {
        const Village& vil = city.villages[rng.index(city.villages.size())];
        if (city.towns[vil.town].street) continue;
        g = rotated_rect({vil.pos.x + rng.uniform(-150, 150), vil.pos.y + rng.uniform(-150, 150)}, w / 2, h / 2, angle);
        if (!rural_clean(g) || !apart(g) || counties.covering(g) < 0) continue;
        if (k == "R-CZKFBJ-WITHIN") {
          type = "居住";
          rules.push_back(k);
        }
        v["RJL"] = std::round(rng.uniform(0.5, 1.2) * 100) / 100;
        v["JZGD"] = std::round(rng.uniform(6, 15) * 10) / 10;
      } else if (k == "clean-major" || k == "R-YJJBNT-APPROVAL") {
        const auto& f = farmland.geoms[rng.index(farmland.geoms.size())];
        g = rotated_rect(point_in(f), w, h, angle);
        if (!f.covers(g.buffer(20, 2)) || !apart(g)) continue;
        if (!clear_of(g, red, 20) || !clear_of(g, parks, 20) || !clear_of(g, czk, 50) || !clear_of(g, zxcq, 50) ||
            !clear_of(g, heights, 50) || !clear_of_later(g, 20))
          continue;
        if (k == "clean-major") {
          v["PZWH"] = "鲁政土字〔" + std::to_string(cfg.survey_year) + "〕" + std::to_string(100 + n) + "号";
        } else {
          static const char* const types[] = {"基础设施", "畜禽养殖", "水产养殖"};
          type = types[rng.index(3)];
          // Livestock and aquaculture facilities are refused even with an approval reference.
          if (type != "基础设施" && rng.uniform() < 0.5)
            v["PZWH"] = "聊自然资字〔" + std::to_string(cfg.survey_year) + "〕" + std::to_string(n) + "号";
          rules.push_back(k);
        }
        v["RJL"] = std::round(rng.uniform(0.3, 1.0) * 100) / 100;
        v["JZGD"] = std::round(rng.uniform(6, 20) * 10) / 10;
      } else if (k == "R-STBHHX-FORBID" || k == "R-ZRBHD-CORE-FORBID") {
        const LayerSet& inside = k == "R-STBHHX-FORBID" ? red : cores;
        if (inside.geoms.empty()) break;
        const auto& f = inside.geoms[rng.index(inside.geoms.size())];
        g = rotated_rect(point_in(f), w, h, angle);
        if (!f.covers(g.buffer(20, 2)) || !apart(g)) continue;
        if (k == "R-STBHHX-FORBID" && !clear_of(g, parks, 20)) continue;
        if (!clear_of(g, czk, 50) || !clear_of(g, farmland, 20) || !clear_of(g, zxcq, 50) ||
            !clear_of(g, heights, 50) || !clear_of_later(g, 20))
          continue;
        type = "基础设施";
        rules.push_back(k);
        if (k == "R-ZRBHD-CORE-FORBID") rules.push_back("R-STBHHX-FORBID");
        v["RJL"] = std::round(rng.uniform(0.2, 0.8) * 100) / 100;
        v["JZGD"] = std::round(rng.uniform(5, 15) * 10) / 10;
      } else if (k == "R-SZBHFW-FORBID") {
        // Across the bank of a listed river, outside the central city (no blue line there to
        // break as well): a building inside a 城镇开发边界, or an infrastructure project outside one
        // (neither 水利 nor 环保, the works the rule lets in).
        if (water_lines.empty()) break;
        const auto& line = water_lines[rng.index(water_lines.size())];
        const std::size_t s = rng.index(line.size() - 1);
        const double t = rng.uniform();
        const Coord a = line[s], b = line[s + 1];
        const double len = std::max(std::hypot(b.x - a.x, b.y - a.y), 1e-9);
        const double off = rng.uniform(-80, 80);
        const Coord p{a.x + t * (b.x - a.x) - off * (b.y - a.y) / len, a.y + t * (b.y - a.y) + off * (b.x - a.x) / len};
        g = rotated_rect(p, w, h, angle);
        if (water.area_inside(g) < 500 || !apart(g) || counties.covering(g) < 0) continue;
        if (!clear_of(g, blue, 60) || !clear_of(g, green, 60) || !clear_of(g, purple, 60) || !clear_of(g, yellow, 60) ||
            !clear_of(g, red, 20) || !clear_of(g, parks, 20) || !clear_of(g, farmland, 20) || !clear_of(g, zxcq, 50) ||
            !clear_of(g, heights, 50) || !clear_of(g, historic, 60))
          continue;
        if (czk.covering(g.buffer(20, 2)) >= 0) {
          static const char* const types[] = {"居住", "商业", "工业", "仓储"};
          type = types[rng.index(4)];
        } else if (clear_of(g, czk, 50)) {
          type = "基础设施";
        } else {
          continue;
        }
        rules.push_back(k);
        v["RJL"] = std::round(rng.uniform(0.5, 1.5) * 100) / 100;
        v["JZGD"] = std::round(rng.uniform(6, 24) * 10) / 10;
      } else {
        throw_bad_input("no generator for planted rule '" + k + "'", {cfg.file.string(), {}, {}, {}});
      }
      ++n;
      const std::string id = seq("XM", n, 6);
      const int county = counties.covering(g);
      v["BSM"] = id;
      v["XMMC"] = type + "项目" + std::to_string(n);
      v["XMLX"] = type;
      v["JSDW"] = "示例建设单位" + std::to_string(1 + n % 37);
      v["XZQDM"] = county >= 0 ? gdal::as_text(counties.features[static_cast<std::size_t>(county)]->values.at("XZQDM"))
                               : std::string();
      v["MJ"] = area.area_m2(g.transformed([o](std::span<Coord> cs) {
        for (auto& c : cs) c.x += o.x, c.y += o.y;
      }));
      for (const auto& r : rules) {
        static const std::map<std::string, std::string> layer_of = {
            {"R-STBHHX-FORBID", "STBHHX"}, {"R-ZRBHD-CORE-FORBID", "ZRBHD"}, {"R-YJJBNT-APPROVAL", "YJJBNT"},
            {"R-CZKFBJ-WITHIN", "CZKFBJ"}, {"R-CSLX-BUFFER", "CSLX"},        {"R-CSLVX-FORBID", "CSLVX"},
            {"R-CSZX-FORBID", "CSZX"},     {"R-GDKZQ-HEIGHT", "GDKZQ"},      {"R-ZXCQ-FAR", "ZXCQ"},
            {"R-SZBHFW-FORBID", "SZBHFW"}, {"R-LSWHBHQ-FORBID", "LSWHBHQ"}};
        auto it = layer_of.find(r);
        city.expected.push_back({id, r, it == layer_of.end() ? "" : it->second, "planted by guotu sample"});
      }
      auto pzwh = v.find("PZWH");
      city.projects.push_back(
          {id, spec.kind, pzwh == v.end() ? std::string() : gdal::as_text(pzwh->second), std::move(rules)});
      city.layers["XMYD"].push_back({g.to_wkb(), std::move(v)});
      placed.push_back(std::move(g));
      done = true;
    }
    if (!done) throw_internal("cannot place a sample project of kind " + spec.kind + " (is the city too small?)");
  }
}

}  // namespace guotu::sample
