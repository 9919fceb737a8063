// 椭球面积 against an independent reference: GeographicLib's geod_polygonarea (PROJ's
// geodesic.h), called directly here, and PROJ's C API for the projections.
#include <geodesic.h>
#include <proj.h>

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "area/ellipsoidal_area.hpp"
#include "core/units.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "support.hpp"

using guotu::Coord;
using guotu::area::AreaCalculator;
using guotu::area::EllipsoidalArea;
using guotu::geos::Geometry;

namespace {

constexpr double kRelTol = 1e-6;

// Geodesic area of a lon/lat (multi)polygon: shells minus holes.
double reference_area(const Geometry& lonlat) {
  geod_geodesic g{};
  geod_init(&g, 6378137.0, 1.0 / 298.257222101);
  double total = 0;
  lonlat.for_each_ring([&](const guotu::geos::RingView& r) {
    std::vector<double> lats, lons;
    for (std::size_t i = 0; i + 1 < r.coords.size(); ++i) {
      lons.push_back(r.coords[i].x);
      lats.push_back(r.coords[i].y);
    }
    double a = 0, p = 0;
    geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(lats.size()), &a, &p);
    total += r.is_hole ? -std::abs(a) : std::abs(a);
  });
  return total;
}

// Projects lon/lat geometry into a CRS with PROJ directly (traditional GIS order).
Geometry project(const Geometry& lonlat, const char* crs) {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4490", crs, nullptr);
  PJ* pj = proj_normalize_for_visualization(ctx, raw);
  auto out = lonlat.transformed([&](std::span<Coord> cs) {
    for (auto& c : cs) {
      PJ_COORD r = proj_trans(pj, PJ_FWD, proj_coord(c.x, c.y, 0, 0));
      c = {r.xy.x, r.xy.y};
    }
  });
  proj_destroy(pj);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  return out;
}

// A square of side `side` metres centred at lon/lat, built in a GK CRS, returned in lon/lat.
Geometry square_lonlat(double lon, double lat, double side, const char* crs) {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4490", crs, nullptr);
  PJ* pj = proj_normalize_for_visualization(ctx, raw);
  PJ_COORD c = proj_trans(pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
  const double h = side / 2;
  std::vector<Coord> ring = {{c.xy.x - h, c.xy.y - h},
                             {c.xy.x + h, c.xy.y - h},
                             {c.xy.x + h, c.xy.y + h},
                             {c.xy.x - h, c.xy.y + h},
                             {c.xy.x - h, c.xy.y - h}};
  for (auto& p : ring) {
    PJ_COORD r = proj_trans(pj, PJ_INV, proj_coord(p.x, p.y, 0, 0));
    p = {r.lp.lam, r.lp.phi};
  }
  proj_destroy(pj);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  return Geometry::polygon(ring);
}

// Real boundaries have a vertex every ~100 m. With edges tens of km long, "straight" means
// different lines to a geodesic (geod_polygonarea) and to the trapezoid method (edges linear in
// longitude and latitude): 0.3° edges differ by ~2e-5. So test shapes are densified to 0.005°.
Geometry densified(const char* wkt) {
  auto g = Geometry::from_wkt(wkt);
  std::vector<Geometry> polys;
  std::vector<Coord> shell;
  std::vector<std::vector<Coord>> holes;
  std::size_t current = 0;
  auto flush = [&] {
    if (!shell.empty()) polys.push_back(Geometry::polygon(shell, holes));
    shell.clear();
    holes.clear();
  };
  g.for_each_ring([&](const guotu::geos::RingView& r) {
    if (!r.is_hole && (r.polygon_index != current || !shell.empty())) flush();
    current = r.polygon_index;
    std::vector<Coord> dense;
    for (std::size_t i = 0; i + 1 < r.coords.size(); ++i) {
      const Coord a = r.coords[i], b = r.coords[i + 1];
      const int n =
          std::max(1, static_cast<int>(std::ceil(std::max(std::abs(b.x - a.x), std::abs(b.y - a.y)) / 0.005)));
      for (int k = 0; k < n; ++k) dense.push_back({a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n});
    }
    dense.push_back(dense.front());
    (r.is_hole ? holes.emplace_back() : shell) = dense;
  });
  flush();
  return polys.size() == 1 ? std::move(polys[0]) : Geometry::collect(std::move(polys));
}

void expect_rel(double got, double want, double tol = kRelTol) {
  EXPECT_LE(std::abs(got - want) / want, tol) << "got " << got << " want " << want;
}

}  // namespace

TEST(EllipsoidalArea, OneSquareKilometreAt115_3E_36_4N) {
  Geometry sq = square_lonlat(115.3, 36.4, 1000.0, "EPSG:4526");
  const double ref = reference_area(sq);
  // In geographic coordinates directly.
  expect_rel(EllipsoidalArea().polygonal(sq), ref);
  // In every CGCS2000 GK form the city's data arrives in: zone 38/39, with and without prefix.
  for (const char* crs : {"EPSG:4526", "EPSG:4527", "EPSG:4547", "EPSG:4548"}) {
    SCOPED_TRACE(crs);
    expect_rel(AreaCalculator(crs).area_m2(project(sq, crs)), ref);
  }
  // Planar GK area is not the official figure: it is off by a few 1e-4 here.
  const double planar = project(sq, "EPSG:4526").planar_area();
  EXPECT_GT(std::abs(planar - ref) / ref, 1e-4);
  // The figure the anchors measured (1,003,701.7 m² for a ~1 km² square) is of this order.
  EXPECT_NEAR(ref, 1.0e6, 5e3);
}

TEST(EllipsoidalArea, PolygonWithHolesAndMultiPolygon) {
  auto poly = densified(
      "POLYGON((115.8 36.2,116.1 36.2,116.1 36.5,115.8 36.5,115.8 36.2),"
      "(115.9 36.3,115.95 36.3,115.95 36.35,115.9 36.35,115.9 36.3),"
      "(116.0 36.4,116.05 36.42,116.02 36.45,116.0 36.4))");
  expect_rel(EllipsoidalArea().polygonal(poly), reference_area(poly));
  expect_rel(AreaCalculator("EPSG:4527").area_m2(project(poly, "EPSG:4527")), reference_area(poly));

  auto multi = densified(
      "MULTIPOLYGON(((115.4 36.0,115.45 36.0,115.45 36.05,115.4 36.0)),"
      "((116.3 36.8,116.4 36.8,116.4 36.9,116.3 36.9,116.3 36.8),(116.32 36.82,116.33 36.82,116.33 36.83,116.32 "
      "36.83,116.32 36.82)))");
  expect_rel(EllipsoidalArea().polygonal(multi), reference_area(multi));
  expect_rel(AreaCalculator("EPSG:4527").area_m2(project(multi, "EPSG:4527")), reference_area(multi));
}

TEST(EllipsoidalArea, PolygonCrossingTheZoneBoundary115_5E) {
  // Densified so that its GK edges and geodesic edges coincide to well under 1e-6.
  std::vector<Coord> ring;
  for (int i = 0; i <= 40; ++i) ring.push_back({115.40 + 0.005 * i, 36.10});
  for (int i = 1; i <= 40; ++i) ring.push_back({115.60, 36.10 + 0.005 * i});
  for (int i = 1; i <= 40; ++i) ring.push_back({115.60 - 0.005 * i, 36.30});
  for (int i = 1; i <= 40; ++i) ring.push_back({115.40, 36.30 - 0.005 * i});
  auto poly = Geometry::polygon(ring);
  const double ref = reference_area(poly);
  expect_rel(EllipsoidalArea().polygonal(poly), ref);
  for (const char* crs : {"EPSG:4526", "EPSG:4527"}) {
    SCOPED_TRACE(crs);
    expect_rel(AreaCalculator(crs).area_m2(project(poly, crs)), ref);
  }
}

TEST(EllipsoidalArea, RealCountyPolygon) {
  guotu::gdal::VectorSource src =
      guotu::gdal::VectorSource::open(guotu::test::data_file("data/admin/liaocheng_counties.geojson").string());
  const auto& layer = src.layer(0);
  int checked = 0;
  layer.read({}, [&](guotu::gdal::Feature&& f) {
    Geometry g = f.geometry.is_valid() ? std::move(f.geometry) : f.geometry.make_valid().polygonal_part();
    SCOPED_TRACE(f.fid);
    const double ref = reference_area(g);
    expect_rel(EllipsoidalArea().polygonal(g), ref);
    expect_rel(AreaCalculator("EPSG:4527").area_m2(project(g, "EPSG:4527")), ref);
    ++checked;
  });
  EXPECT_EQ(checked, 8);
}

TEST(EllipsoidalArea, LongEdgesAreStraightInTheProjection) {
  // A sliver 1 mm wide and 5 km long in EPSG:4527 (near 116.45°E 36°N): one side a single 5 km
  // edge, the other 500 edges of 10 m. Its area is 5 m² in the plane; with the long edge taken
  // as straight in longitude and latitude it weighed 1,192 m². Reference: the same
  // ring with a vertex every 10 m, taken to longitude/latitude by PROJ, GeographicLib's area.
  const double x0 = 39450000, y0 = 3990000, w = 0.001, len = 5000;
  std::vector<Coord> ring{{x0, y0}, {x0 + len, y0}};
  for (int k = 500; k >= 0; --k) ring.push_back({x0 + len * k / 500.0, y0 + w});
  ring.push_back({x0, y0});
  const Geometry sliver = Geometry::polygon(ring);
  std::vector<Coord> dense;
  for (int k = 0; k <= 500; ++k) dense.push_back({x0 + len * k / 500.0, y0});
  for (int k = 500; k >= 0; --k) dense.push_back({x0 + len * k / 500.0, y0 + w});
  dense.push_back({x0, y0});
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4490", "EPSG:4527", nullptr);
  PJ* pj = proj_normalize_for_visualization(ctx, raw);
  for (auto& c : dense) {
    PJ_COORD r = proj_trans(pj, PJ_INV, proj_coord(c.x, c.y, 0, 0));
    c = {r.lp.lam, r.lp.phi};
  }
  proj_destroy(pj);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  const double ref = reference_area(Geometry::polygon(dense));
  EXPECT_NEAR(ref, 5.0, 0.01);
  // Steps of 25 m leave a strip of < 2e-4 m² each: 200 of them, under 0.05 m² in all.
  EXPECT_NEAR(AreaCalculator("EPSG:4527").area_m2(sliver), ref, 0.05);
}

TEST(EllipsoidalArea, PiecesAddUpToTheWhole) {
  // A 6 km × 2 km rectangle of four vertices, cut by a zigzag into two pieces: the pieces'
  // areas add up to the whole's (the union of pieces and the sum of their areas agree).
  const double x0 = 39450000, y0 = 3990000;
  const Geometry whole = Geometry::from_wkt(
      "POLYGON((39450000 3990000,39456000 3990000,39456000 3992000,39450000 3992000,39450000 3990000))");
  std::vector<Coord> cut;  // from west to east across the middle
  for (int k = 0; k <= 60; ++k) cut.push_back({x0 + 100.0 * k, y0 + 1000 + (k % 2 == 0 ? -7.0 : 9.0)});
  std::vector<Coord> south{{x0, y0}, {x0 + 6000, y0}}, north{{x0, y0 + 2000}};
  for (auto it = cut.rbegin(); it != cut.rend(); ++it) south.push_back(*it);
  south.push_back({x0, y0});
  north.insert(north.end(), cut.begin(), cut.end());
  north.push_back({x0 + 6000, y0 + 2000});
  north.push_back({x0, y0 + 2000});
  const AreaCalculator calc("EPSG:4527");
  const double a = calc.area_m2(Geometry::polygon(south)), b = calc.area_m2(Geometry::polygon(north));
  EXPECT_NEAR(Geometry::polygon(south).planar_area() + Geometry::polygon(north).planar_area(), 12e6, 1e-3);
  expect_rel(a + b, calc.area_m2(whole), 1e-9);
}

TEST(EllipsoidalArea, OrientationDoesNotMatter) {
  auto ccw = Geometry::from_wkt("POLYGON((116 36,116.01 36,116.01 36.01,116 36.01,116 36))");
  auto cw = Geometry::from_wkt("POLYGON((116 36,116 36.01,116.01 36.01,116.01 36,116 36))");
  EXPECT_DOUBLE_EQ(EllipsoidalArea().polygonal(ccw), EllipsoidalArea().polygonal(cw));
  EXPECT_GT(EllipsoidalArea().polygonal(ccw), 0);
}

TEST(Units, ChineseAreaUnits) {
  EXPECT_NEAR(guotu::units::to_mu(666.6667), 1.0, 1e-6);
  EXPECT_DOUBLE_EQ(guotu::units::to_hectare(10000.0), 1.0);
  EXPECT_NEAR(guotu::units::to_wan_mu(6666666.667), 1.0, 1e-9);
  EXPECT_DOUBLE_EQ(guotu::units::to_km2(1e6), 1.0);
}
