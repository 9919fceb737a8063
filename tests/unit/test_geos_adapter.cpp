#include <thread>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "geos/geometry.hpp"

using guotu::geos::Geometry;
using guotu::geos::GeometryType;
using guotu::geos::PreparedGeometry;

TEST(GeosAdapter, WktRoundTripAndType) {
  auto g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  EXPECT_EQ(g.type(), GeometryType::Polygon);
  EXPECT_DOUBLE_EQ(g.planar_area(), 100.0);
  auto back = Geometry::from_wkt(g.to_wkt());
  EXPECT_TRUE(back.equals_exact(g, 0.0));
  auto wkb = g.to_wkb();
  auto from_wkb = Geometry::from_wkb(wkb);
  EXPECT_TRUE(from_wkb.equals_exact(g, 0.0));
}

TEST(GeosAdapter, BadWktIsBadInput) {
  try {
    (void)Geometry::from_wkt("POLYGON((0 0, 1 1");
    FAIL() << "expected an error";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.kind(), guotu::ErrorKind::BadInput);
  }
}

// A concave polygon with a hole against a band: the exact answer is hand-computed.
TEST(GeosAdapter, OverlayAreaHandComputed) {
  // 100x100 square with a 20x20 hole at (40,40); the band y in [30, 60] covers 100*30 = 3000
  // minus the part of the hole inside the band: x 40..60, y 40..60 → 20*20 = 400. So 2600.
  auto a = Geometry::from_wkt("POLYGON((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))");
  auto band = Geometry::from_wkt("POLYGON((-10 30,110 30,110 60,-10 60,-10 30))");
  EXPECT_NEAR(a.intersection(band).planar_area(), 2600.0, 1e-9);
  EXPECT_NEAR(a.difference(band).planar_area(), 9600.0 - 2600.0, 1e-9);
  // The same at zone-prefixed coordinates (≈3.9e7 m eastings) stays exact on this input.
  auto shift = [](std::span<guotu::Coord> cs) {
    for (auto& c : cs) c.x += 39500000.0, c.y += 3870000.0;
  };
  EXPECT_NEAR(a.transformed(shift).intersection(band.transformed(shift)).planar_area(), 2600.0, 1e-6);
}

// A GEOS operation that fails on its input (a NaN coordinate: TopologyException) is a
// geos::Failure, internal until on_feature() names the feature: then it is bad input (exit 2)
// naming file, layer and fid, and what was being computed.
TEST(GeosAdapter, FailuresOnAFeatureAreBadInputNamingIt) {
  using guotu::geos::Geometry;
  const Geometry square = Geometry::from_wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
  const Geometry nan = Geometry::from_wkt("POLYGON ((0 0, NaN 0, 10 10, 0 10, 0 0))");
  try {
    (void)square.intersection(nan);
    ADD_FAILURE() << "GEOS computed an intersection with a NaN coordinate";
  } catch (const guotu::geos::Failure& e) {
    EXPECT_EQ(e.kind(), guotu::ErrorKind::Internal);
    EXPECT_NE(e.geos_message().find("TopologyException"), std::string::npos) << e.what();
  }
  try {
    guotu::geos::on_feature({"p.gpkg", "XMYD", 7, {}}, "rule R-A against STBHHX",
                            [&] { (void)square.intersection(nan); });
    ADD_FAILURE() << "no error";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.kind(), guotu::ErrorKind::BadInput);
    const std::string what = e.what();
    EXPECT_NE(what.find("p.gpkg, layer XMYD, fid 7: GEOS cannot compute the intersection for rule R-A against STBHHX: "
                        "TopologyException"),
              std::string::npos)
        << what;
  }
}

TEST(GeosAdapter, InvalidReasonHasLocation) {
  auto bowtie = Geometry::from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))");
  auto why = bowtie.invalid_reason();
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->reason.find("Self-intersection"), std::string::npos) << why->reason;
  EXPECT_NEAR(why->location.x, 5.0, 1e-9);
  EXPECT_NEAR(why->location.y, 5.0, 1e-9);
  auto fixed = bowtie.make_valid();
  EXPECT_TRUE(fixed.is_valid());
  EXPECT_NEAR(fixed.planar_area(), 50.0, 1e-9);
  EXPECT_FALSE(Geometry::from_wkt("POINT(1 2)").invalid_reason().has_value());
}

TEST(GeosAdapter, Prepared) {
  PreparedGeometry zone(Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"));
  EXPECT_TRUE(zone.contains(Geometry::from_wkt("POINT(5 5)")));
  EXPECT_FALSE(zone.intersects(Geometry::from_wkt("POINT(15 5)")));
  EXPECT_TRUE(zone.covers(Geometry::from_wkt("LINESTRING(0 0,10 0)")));
}

// A ring GEOS refuses after the shell was built: an error, and (under ASan's leak check) the
// shell and the rings made before it are freed, not leaked.
TEST(GeosAdapter, PolygonErrorPathFreesItsRings) {
  const std::vector<guotu::Coord> shell{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  const std::vector<std::vector<guotu::Coord>> holes{{{1, 1}, {2, 1}, {2, 2}}, {{3, 3}}};  // 1 point: refused
  EXPECT_THROW((void)Geometry::polygon(shell, holes), guotu::Error);
  EXPECT_NEAR(Geometry::polygon(shell, {holes[0]}).planar_area(), 99.5, 1e-9);
}

TEST(GeosAdapter, RingsAndCollect) {
  auto mp =
      Geometry::from_wkt("MULTIPOLYGON(((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 2,1 1)),((10 10,11 10,11 11,10 10)))");
  int shells = 0, holes = 0;
  mp.for_each_ring([&](const guotu::geos::RingView& r) { (r.is_hole ? holes : shells)++; });
  EXPECT_EQ(shells, 2);
  EXPECT_EQ(holes, 1);
  std::vector<Geometry> parts;
  parts.push_back(mp.part(0));
  parts.push_back(mp.part(1));
  auto again = Geometry::collect(std::move(parts));
  EXPECT_EQ(again.type(), GeometryType::MultiPolygon);
  EXPECT_DOUBLE_EQ(again.planar_area(), mp.planar_area());
  auto touching = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))")
                      .intersection(Geometry::from_wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))"));
  EXPECT_TRUE(touching.polygonal_part().is_empty());
}

// Each thread works on its own GEOS context.
TEST(GeosAdapter, ContextPerThread) {
  std::vector<double> areas(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &areas] {
      double sum = 0;
      for (int i = 0; i < 200; ++i) {
        auto a = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
        auto b = Geometry::from_wkt("POLYGON((5 5,15 5,15 15,5 15,5 5))");
        sum += a.intersection(b).planar_area();
      }
      areas[static_cast<std::size_t>(t)] = sum;
    });
  }
  for (auto& th : threads) th.join();
  for (double a : areas) EXPECT_DOUBLE_EQ(a, 200 * 25.0);
}

#include "index/envelope_index.hpp"

TEST(EnvelopeIndex, QueriesAndThreads) {
  std::vector<std::pair<guotu::Envelope, std::size_t>> items;
  for (std::size_t i = 0; i < 10000; ++i) {
    const double x = static_cast<double>(i % 100) * 10, y = static_cast<double>(i / 100) * 10;
    items.push_back({{x, y, x + 5, y + 5}, i});
  }
  guotu::index::EnvelopeIndex idx(items);
  EXPECT_EQ(idx.size(), 10000u);
  EXPECT_EQ(idx.query({12, 12, 24, 24}), (std::vector<std::size_t>{101, 102, 201, 202}));
  std::vector<std::thread> ts;
  std::vector<std::size_t> counts(2);
  for (std::size_t t = 0; t < 2; ++t)
    ts.emplace_back([&, t] {
      for (int k = 0; k < 1000; ++k) counts[t] += idx.query({0, 0, 1000, 1000}).size();
    });
  for (auto& th : ts) th.join();
  EXPECT_EQ(counts[0], 1000u * 10000u);
  EXPECT_EQ(counts[1], 1000u * 10000u);
}
