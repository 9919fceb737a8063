// Stage 2: water and transport corridors, carved into the patches later. Each corridor is
// exclusive of those before it (lakes, the boundary river, rivers, roads), so they never overlap.
#include <algorithm>
#include <cmath>

#include "geos/algorithms.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

geos::Geometry line_of(const std::vector<Coord>& pts) {
  // A LineString through WKT keeps the adapter surface small; these lines have few points.
  std::string wkt = "LINESTRING(";
  for (std::size_t i = 0; i < pts.size(); ++i)
    wkt += (i ? "," : "") + std::to_string(pts[i].x) + " " + std::to_string(pts[i].y);
  return geos::Geometry::from_wkt(wkt + ")");
}

// The stretch of the city's outer boundary, along the given counties, that faces `direction`
// (the Yellow River forms Liaocheng's south-eastern border).
std::vector<Coord> boundary_stretch(const City& city, const BoundaryRiver& br) {
  std::vector<geos::Geometry> mine, others;
  for (const auto& c : city.counties) {
    const bool named = std::find(br.counties.begin(), br.counties.end(), c.code) != br.counties.end();
    (named ? mine : others).push_back(from_wkb(c.geom));
  }
  if (mine.empty()) return {};
  geos::Geometry region = geos::union_all(std::move(mine));
  geos::Geometry rest = geos::union_all(std::move(others));
  const Coord centre = region.centroid();
  const double dn = std::hypot(br.direction.x, br.direction.y);
  const Coord dir{br.direction.x / dn, br.direction.y / dn};
  geos::PreparedGeometry rest_near(rest.buffer(50.0, 2));
  // The longest run of outer-boundary vertices facing the direction.
  std::vector<Coord> best, run;
  region.for_each_ring([&](const geos::RingView& r) {
    if (r.is_hole) return;
    for (const Coord& v : r.coords) {
      const bool facing = (v.x - centre.x) * dir.x + (v.y - centre.y) * dir.y > 0;
      if (facing && !rest_near.intersects(geos::Geometry::point(v))) {
        run.push_back(v);
      } else {
        if (run.size() > best.size()) best = run;
        run.clear();
      }
    }
    if (run.size() > best.size()) best = run;
    run.clear();
  });
  return best;
}

}  // namespace

void build_corridors(City& city) {
  const CityConfig& cfg = city.cfg;
  std::vector<geos::Geometry> taken;
  auto add = [&](std::string name, std::string code, geos::Geometry g, bool blue, double width,
                 std::vector<Coord> line) {
    g = geos::unary_union_on_grid(g, kGrid);
    for (const auto& t : taken)
      if (g.envelope().intersects(t.envelope())) g = geos::difference_on_grid(g, t, kGrid).polygonal_part();
    if (g.is_empty()) return;
    Corridor c{std::move(name), std::move(code), g.to_wkb(), g.envelope(), blue, width, std::move(line)};
    city.corridors.push_back(std::move(c));
    taken.push_back(std::move(g));
  };
  for (const auto& l : cfg.lakes) {
    const Coord c = city.to_local(l.lonlat);
    geos::Geometry water = disc(c, l.radius_km * 1000, 96);
    if (l.island_km > 0) water = geos::difference_on_grid(water, disc(c, l.island_km * 1000, 64), kGrid);
    add(l.name, "1102", std::move(water), l.blue_line, 0, {});
  }
  const std::vector<Coord> stretch = boundary_stretch(city, cfg.boundary_river);
  if (stretch.size() >= 2) {
    geos::Geometry line = line_of(stretch);
    city.boundary_river_line = line.to_wkb();
    add(cfg.boundary_river.name, "1101", line.buffer(cfg.boundary_river.width_m / 2, 4), false,
        cfg.boundary_river.width_m, stretch);
  }
  for (const auto& r : cfg.rivers) {
    std::vector<Coord> pts;
    for (const auto& p : r.lonlat) pts.push_back(city.to_local(p));
    add(r.name, "1101", line_of(pts).buffer(r.width_m / 2, 4), r.blue_line, r.width_m, pts);
  }
  for (const auto& r : cfg.roads) {
    std::vector<Coord> pts;
    for (const auto& p : r.lonlat) pts.push_back(city.to_local(p));
    add(r.name, r.code, line_of(pts).buffer(r.width_m / 2, 2), false, r.width_m, pts);
  }
}

}  // namespace guotu::sample
