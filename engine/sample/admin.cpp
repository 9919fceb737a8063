// Stage 1: the administrative frame. Counties are real (repaired with make-valid); towns are a
// synthetic partition of each county carrying the real codes and names; villages are points.
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "gdal/vector_source.hpp"
#include "geos/algorithms.hpp"
#include "proj/crs.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

double dist(Coord a, Coord b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// A uniformly random point inside a polygon (rejection in its envelope).
Coord random_point_in(const geos::PreparedGeometry& poly, const Envelope& env, Rng& rng,
                      const std::function<bool(Coord)>& accept = {}) {
  for (int attempt = 0; attempt < 100000; ++attempt) {
    Coord p{rng.uniform(env.min_x, env.max_x), rng.uniform(env.min_y, env.max_y)};
    if (poly.contains(geos::Geometry::point(p)) && (!accept || accept(p))) return p;
  }
  throw_internal("cannot place a point inside a polygon");
}

}  // namespace

Coord City::to_local(Coord lonlat) const {
  thread_local std::unique_ptr<proj::Transform> t;
  thread_local std::string crs;
  if (!t || crs != cfg.working_crs) {
    t = std::make_unique<proj::Transform>("EPSG:4490", cfg.working_crs);
    crs = cfg.working_crs;
  }
  Coord c = t->apply(lonlat);
  return {c.x - origin.x, c.y - origin.y};
}

std::size_t City::county_index(const std::string& code) const {
  for (std::size_t i = 0; i < counties.size(); ++i)
    if (counties[i].code == code) return i;
  throw_bad_input("the city file names county '" + code + "', which the boundaries do not have",
                  {cfg.file.string(), {}, {}, {}});
}

geos::Geometry clean_polygonal(const geos::Geometry& in, double min_area) {
  geos::Geometry g = in.is_valid() ? in.polygonal_part() : in.make_valid().polygonal_part();
  std::vector<geos::Geometry> polys;
  std::vector<Coord> shell;
  std::vector<std::vector<Coord>> holes;
  std::size_t current = static_cast<std::size_t>(-1);
  auto flush = [&] {
    if (shell.size() >= 4) {
      geos::Geometry p = geos::Geometry::polygon(shell, holes);
      if (p.planar_area() >= min_area) polys.push_back(std::move(p));
    }
    shell.clear();
    holes.clear();
  };
  g.for_each_ring([&](const geos::RingView& r) {
    if (!r.is_hole) {
      if (current != static_cast<std::size_t>(-1)) flush();
      current = r.polygon_index;
      shell.assign(r.coords.begin(), r.coords.end());
      return;
    }
    geos::Geometry h = geos::Geometry::polygon(r.coords);
    if (r.coords.size() >= 4 && h.planar_area() >= min_area) holes.emplace_back(r.coords.begin(), r.coords.end());
  });
  flush();
  geos::Geometry out = polys.size() == 1 ? std::move(polys.front()) : geos::Geometry::collect(std::move(polys));
  return out.is_valid() ? std::move(out) : out.make_valid().polygonal_part();
}

geos::Geometry disc(Coord c, double r, int segments) {
  std::vector<Coord> ring;
  for (int i = 0; i < segments; ++i) {
    const double a = 2 * std::numbers::pi * i / segments;
    ring.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return geos::Geometry::polygon(ring);
}

geos::Geometry blob(Coord c, double r, Rng& rng, int segments) {
  const double p1 = rng.uniform(0, 6.283), p2 = rng.uniform(0, 6.283), p3 = rng.uniform(0, 6.283);
  const double a1 = rng.uniform(0.08, 0.2), a2 = rng.uniform(0.05, 0.12), a3 = rng.uniform(0.02, 0.06);
  std::vector<Coord> ring;
  for (int i = 0; i < segments; ++i) {
    const double a = 2 * std::numbers::pi * i / segments;
    const double k = 1 + a1 * std::sin(2 * a + p1) + a2 * std::sin(3 * a + p2) + a3 * std::sin(7 * a + p3);
    ring.push_back({c.x + r * k * std::cos(a), c.y + r * k * std::sin(a)});
  }
  return geos::Geometry::polygon(ring);
}

geos::Geometry rotated_rect(Coord c, double w, double h, double angle) {
  const double ca = std::cos(angle), sa = std::sin(angle);
  std::vector<Coord> ring;
  for (auto [dx, dy] : {std::pair{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}}) {
    ring.push_back({c.x + dx * ca - dy * sa, c.y + dx * sa + dy * ca});
  }
  return geos::Geometry::polygon(ring);
}

void build_admin(City& city) {
  const CityConfig& cfg = city.cfg;
  // Counties: real boundaries, reprojected into the working CRS.
  gdal::VectorSource src = gdal::VectorSource::open(cfg.boundaries.string());
  if (src.layer_count() < 1) throw_bad_input("no layer", {cfg.boundaries.string(), {}, {}, {}});
  const gdal::Layer& layer = src.layer(0);
  const auto code_i = layer.field_index(cfg.code_field);
  const auto name_i = layer.field_index(cfg.name_field);
  if (!code_i || !name_i) throw_bad_input("missing code/name field", {cfg.boundaries.string(), layer.name(), {}, {}});
  std::vector<gdal::Feature> features = layer.read_all({cfg.working_crs, ""});
  std::sort(features.begin(), features.end(), [&](const gdal::Feature& a, const gdal::Feature& b) {
    return gdal::as_text(a.values[*code_i]) < gdal::as_text(b.values[*code_i]);
  });
  Envelope all{};
  bool first = true;
  for (const auto& f : features) {
    const Envelope e = f.geometry.envelope();
    if (first)
      all = e, first = false;
    else
      all.expand(e);
  }
  // The local origin: whole kilometres below the city's south-west corner.
  city.origin = {std::floor(all.min_x / 1000.0) * 1000.0, std::floor(all.min_y / 1000.0) * 1000.0};
  const Coord o = city.origin;
  auto shift = [o](std::span<Coord> cs) {
    for (auto& c : cs) c.x -= o.x, c.y -= o.y;
  };
  std::vector<geos::Geometry> done;
  std::size_t repaired = 0;
  for (auto& f : features) {
    geos::Geometry g = f.geometry.transformed(shift);
    if (!g.is_valid()) {
      g = g.make_valid().polygonal_part();
      ++repaired;
    }
    g = geos::unary_union_on_grid(g, kGrid);
    // Neighbouring generalised boundaries may overlap a little: each county keeps what the
    // counties before it have not taken, so the counties form a partition.
    for (const auto& prev : done)
      if (g.envelope().intersects(prev.envelope())) g = geos::difference_on_grid(g, prev, kGrid).polygonal_part();
    County c;
    c.code = gdal::as_text(f.values[*code_i]);
    c.name = gdal::as_text(f.values[*name_i]);
    c.env = g.envelope();
    c.area = g.planar_area();
    c.geom = g.to_wkb();
    done.push_back(std::move(g));
    city.counties.push_back(std::move(c));
  }
  city.notes.push_back(
      "county boundaries: " + std::to_string(repaired) + " of " + std::to_string(features.size()) +
      " invalid polygons repaired with make-valid; overlaps between neighbours given to the lower code");

  // Seats of the 一核五星.
  for (const auto& s : cfg.seats) {
    const std::size_t ci = city.county_index(s.county);
    Coord p = city.to_local(s.lonlat);
    geos::Geometry county = from_wkb(city.counties[ci].geom);
    if (!county.contains(geos::Geometry::point(p))) p = county.interior_point();
    city.seats.push_back({&s, ci, p});
  }

  // Towns: the real 乡镇/街道 of each county, as a Voronoi partition with relaxed seeds.
  gdal::VectorSource units = gdal::VectorSource::open(cfg.units.string());
  const gdal::Layer& ul = units.layer(0);
  const auto uc = ul.field_index("code"), un = ul.field_index("name"), ulev = ul.field_index("level"),
             up = ul.field_index("parent_code");
  if (!uc || !un || !ulev || !up)
    throw_bad_input("admin units need code,name,level,parent_code", {cfg.units.string(), {}, {}, {}});
  struct Unit {
    std::string code, name, level, parent;
  };
  std::vector<Unit> all_units;
  ul.read({}, [&](gdal::Feature&& f) {
    all_units.push_back({gdal::as_text(f.values[*uc]), gdal::as_text(f.values[*un]), gdal::as_text(f.values[*ulev]),
                         gdal::as_text(f.values[*up])});
  });
  for (std::size_t ci = 0; ci < city.counties.size(); ++ci) {
    const County& county = city.counties[ci];
    std::vector<const Unit*> units_here;
    for (const auto& u : all_units)
      if (u.level == "town" && u.parent == county.code) units_here.push_back(&u);
    std::sort(units_here.begin(), units_here.end(), [](const Unit* a, const Unit* b) { return a->code < b->code; });
    if (units_here.empty()) throw_bad_input("no towns for county " + county.code, {cfg.units.string(), {}, {}, {}});
    geos::Geometry cg = from_wkb(county.geom);
    geos::PreparedGeometry prepared(cg.clone());
    Rng rng(city.seed, stable_hash("towns" + county.code));
    Coord seat = cg.interior_point();
    double seat_r = 2500;
    for (const auto& s : city.seats)
      if (s.county == ci) seat = s.pos, seat_r = s.seat->urban_km * 1000;
    std::vector<Coord> sites;
    std::vector<bool> is_street;
    for (const Unit* u : units_here) {
      const bool street = ends_with(u->name, "街道");
      is_street.push_back(street);
      if (street) {
        sites.push_back(random_point_in(prepared, {seat.x - seat_r, seat.y - seat_r, seat.x + seat_r, seat.y + seat_r},
                                        rng, [&](Coord p) { return dist(p, seat) < seat_r * 0.9; }));
      } else {
        sites.push_back(
            random_point_in(prepared, county.env, rng, [&](Coord p) { return dist(p, seat) > seat_r * 1.3; }));
      }
    }
    const Envelope clip{county.env.min_x - 1000, county.env.min_y - 1000, county.env.max_x + 1000,
                        county.env.max_y + 1000};
    std::vector<geos::Geometry> cells;
    for (int iteration = 0; iteration < 4; ++iteration) {
      cells = geos::voronoi_cells(sites, clip);
      for (std::size_t i = 0; i < cells.size(); ++i) {
        cells[i] = geos::intersection_on_grid(cells[i].snapped_to_grid(kGrid), cg, kGrid).polygonal_part();
        if (iteration < 3 && !is_street[i] && !cells[i].is_empty()) {
          // Lloyd relaxation: towns of similar size, but never into the city.
          Coord c = cells[i].centroid();
          if (prepared.contains(geos::Geometry::point(c)) && dist(c, seat) > seat_r * 1.3) sites[i] = c;
        }
      }
    }
    for (std::size_t i = 0; i < units_here.size(); ++i) {
      if (cells[i].is_empty()) throw_internal("town " + units_here[i]->code + " got no area");
      Town t;
      t.code = units_here[i]->code;
      t.name = units_here[i]->name;
      t.county = ci;
      t.street = is_street[i];
      t.key = std::find(cfg.key_towns.begin(), cfg.key_towns.end(), t.name) != cfg.key_towns.end();
      t.centre = sites[i];
      t.centre_m = t.street ? 0 : (t.key ? cfg.key_town_centre_km : cfg.town_centre_km) * 1000;
      t.env = cells[i].envelope();
      t.geom = cells[i].to_wkb();
      city.towns.push_back(std::move(t));
    }
  }
  for (const auto& name : cfg.key_towns) {
    if (std::none_of(city.towns.begin(), city.towns.end(), [&](const Town& t) { return t.name == name; }))
      throw_bad_input("key town '" + name + "' is not among the towns of the city", {cfg.file.string(), {}, {}, {}});
  }

  // Villages and communities: real codes; rural ones get a position (a settlement).
  std::map<std::string, std::size_t> town_index;
  for (std::size_t i = 0; i < city.towns.size(); ++i) town_index[city.towns[i].code] = i;
  std::vector<const Unit*> villages;
  for (const auto& u : all_units)
    if (u.level == "village" && town_index.count(u.parent)) villages.push_back(&u);
  std::sort(villages.begin(), villages.end(), [](const Unit* a, const Unit* b) { return a->code < b->code; });
  std::vector<std::unique_ptr<geos::PreparedGeometry>> town_prep(city.towns.size());
  for (const Unit* u : villages) {
    const std::size_t ti = town_index[u->parent];
    const Town& t = city.towns[ti];
    if (!town_prep[ti]) town_prep[ti] = std::make_unique<geos::PreparedGeometry>(from_wkb(t.geom));
    Rng rng(city.seed, stable_hash("village" + u->code));
    Coord pos = t.centre;
    if (!t.street) {
      const Coord seat = [&] {
        for (const auto& s : city.seats)
          if (s.county == t.county) return s.pos;
        return Coord{1e18, 1e18};
      }();
      double seat_r = 0;
      for (const auto& s : city.seats)
        if (s.county == t.county) seat_r = s.seat->urban_km * 1000;
      pos = random_point_in(*town_prep[ti], t.env, rng, [&](Coord p) {
        return dist(p, t.centre) > t.centre_m + 400 && dist(p, seat) > seat_r + 400;
      });
    }
    city.villages.push_back({u->code, u->name, ti, pos});
  }
}

}  // namespace guotu::sample
