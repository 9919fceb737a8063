// The overlay core (engine/overlay): loading, the known-area shortcuts, overlapping features
// counted once, the schema check. Figures are derived by hand (rectangles) or computed with
// GDAL/OGR directly (none of it guotu code).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <functional>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "overlay/overlay.hpp"
#include "support.hpp"

namespace {

using guotu::Envelope;
using guotu::area::AreaMode;
using guotu::overlay::FeatureSet;
using guotu::overlay::LoadOptions;
using guotu::overlay::Subject;
using guotu::overlay::Worker;

constexpr double X0 = 39450000, Y0 = 3990000;

/// A layer of rectangles (x0, y0, x1, y1 in metres from the origin) with a BSM each.
std::filesystem::path rectangles(const guotu::test::TempDir& dir, const std::string& code,
                                 const std::vector<std::array<double, 4>>& rects) {
  auto layer = guotu::test::catalogue_layer(code);
  const guotu::test::Origin o{X0, Y0};
  int n = 0;
  for (const auto& r : rects)
    layer.features.push_back({o.rect(r[0], r[1], r[2], r[3]).to_wkt(), {{"BSM", std::to_string(++n)}}});
  const auto path = dir / (code + ".gpkg");
  guotu::test::write_gpkg(path, {layer});
  return path;
}

FeatureSet load(const std::filesystem::path& path, const std::string& layer, AreaMode mode = AreaMode::Planar) {
  const auto src = guotu::gdal::VectorSource::open(path.string());
  LoadOptions lo;
  lo.crs = "EPSG:4527";
  lo.fields = {"BSM"};
  lo.measure = true;
  lo.area = mode;
  lo.jobs = 2;
  return FeatureSet::load(src.require_layer(layer), lo);
}

/// Polygonal area of an OGR geometry, collections included (OGR's own GetArea, part by part).
double ogr_area(const OGRGeometry& g) {
  const auto t = wkbFlatten(g.getGeometryType());
  if (t == wkbPolygon) return g.toPolygon()->get_Area();
  if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
    double a = 0;
    for (const OGRGeometry* p : *g.toGeometryCollection()) a += ogr_area(*p);
    return a;
  }
  return 0;
}

}  // namespace

TEST(OverlayCore, LoadsOnceWithFieldsFidsAndKnownAreas) {
  guotu::test::TempDir dir;
  const auto path = rectangles(dir, "YJJBNT", {{0, 0, 100, 50}, {200, 0, 230, 30}});
  const FeatureSet set = load(path, "YJJBNT");
  ASSERT_EQ(set.size(), 2u);
  EXPECT_EQ(set.fid(0), 1);
  EXPECT_EQ(set.text(1, 0), "2");
  EXPECT_NEAR(set.area_m2(0), 5000.0, 1e-6);  // 100 m × 50 m in the plane
  EXPECT_NEAR(set.area_m2(1), 900.0, 1e-6);
  std::vector<std::size_t> hits;
  set.query({X0 + 150, Y0, X0 + 250, Y0 + 10}, hits);
  EXPECT_EQ(hits, std::vector<std::size_t>{1});
  // 椭球面积 is smaller than the plane area here (zone 39, 0.55° west of the central meridian).
  const FeatureSet ell = load(path, "YJJBNT", AreaMode::Ellipsoidal);
  EXPECT_LT(ell.area_m2(0), 5000.0);
  EXPECT_GT(ell.area_m2(0), 4990.0);
}

TEST(OverlayCore, IntersectGivesWholeFeaturesWholeSubjectsAndCuts) {
  guotu::test::TempDir dir;
  // Feature 1 lies inside the subject, feature 2 is cut by it (half of it inside), feature 3
  // only touches it along an edge.
  const auto path = rectangles(dir, "YJJBNT", {{10, 10, 20, 20}, {90, 0, 110, 10}, {100, 50, 120, 60}});
  const FeatureSet set = load(path, "YJJBNT");
  Worker w(AreaMode::Planar, "EPSG:4527");
  const guotu::test::Origin o{X0, Y0};
  const auto subject = o.rect(0, 0, 100, 100);
  const guotu::geos::PreparedGeometry prepared(subject.clone());
  std::vector<std::pair<std::size_t, double>> got;
  std::vector<guotu::overlay::Fit> fits;
  w.intersect(Subject{subject, subject.envelope(), 10000.0, &prepared}, set, true, [&](guotu::overlay::Hit&& h) {
    got.emplace_back(h.feature, h.area_m2);
    fits.push_back(h.fit);
    EXPECT_NEAR(h.piece.planar_area(), h.area_m2, 1e-6);
  });
  ASSERT_EQ(got.size(), 2u);  // the one touching along an edge has no area: not a hit
  EXPECT_EQ(got[0].first, 0u);
  EXPECT_NEAR(got[0].second, 100.0, 1e-9);
  EXPECT_EQ(fits[0], guotu::overlay::Fit::FeatureInside);
  EXPECT_EQ(got[1].first, 1u);
  EXPECT_NEAR(got[1].second, 100.0, 1e-9);  // 10 m × 10 m of the 20 m × 10 m feature
  EXPECT_EQ(fits[1], guotu::overlay::Fit::Partial);
  // A small subject inside feature 1: its own known area, without a cut.
  const auto small = o.rect(12, 12, 14, 14);
  w.intersect(Subject{small, small.envelope(), 4.0, nullptr}, set, false, [&](guotu::overlay::Hit&& h) {
    EXPECT_EQ(h.fit, guotu::overlay::Fit::SubjectInside);
    EXPECT_DOUBLE_EQ(h.area_m2, 4.0);
  });
}

TEST(OverlayCore, OverlappingFeaturesCountOnce) {
  guotu::test::TempDir dir;
  // Two 100 m squares overlapping by 50 m × 100 m, and a third apart: 15,000 + 2,500 m².
  const auto path = rectangles(dir, "YJJBNT", {{0, 0, 100, 100}, {50, 0, 150, 100}, {300, 0, 350, 50}});
  const FeatureSet set = load(path, "YJJBNT");
  Worker w(AreaMode::Planar, "EPSG:4527");
  const guotu::test::Origin o{X0, Y0};
  const auto subject = o.rect(-10, -10, 400, 200);
  const guotu::geos::PreparedGeometry prepared(subject.clone());
  EXPECT_NEAR(w.area_within(Subject{subject, subject.envelope(), NAN, &prepared}, set), 17500.0, 1e-6);
  // Adjacent features (sharing an edge) add up without a union.
  const auto adjacent = rectangles(dir, "STBHHX", {{0, 0, 100, 100}, {100, 0, 200, 100}});
  const FeatureSet two = load(adjacent, "STBHHX");
  EXPECT_NEAR(w.area_within(Subject{subject, subject.envelope(), NAN, &prepared}, two), 20000.0, 1e-6);
}

// GEOS 3.11's union lost 2.04 km² of one county's 永久基本农田 (sample city of 100,000 patches,
// county 371522; the fixture holds the county and the 37 YJJBNT features near it): the county
// cuts feature 98 into slivers and feature 58 into one large piece; the two do not overlap (OGR:
// 0.002 m² in common), yet with the county's other pieces their union came out 2,035,681 m²
// smaller than the area they cover. The area within must be what OGR measures piece by piece,
// less what the pieces share (a few m² where features graze each other).
TEST(OverlayCore, SliversDoNotLoseAreaInAUnion) {
  const auto path = guotu::test::data_file("tests/data/overlay/union_loses_area.gpkg");
  const auto src = guotu::gdal::VectorSource::open(path.string());
  LoadOptions lo;
  lo.crs = "EPSG:4527";
  lo.measure = true;
  lo.area = AreaMode::Planar;
  lo.jobs = 2;
  const FeatureSet county = FeatureSet::load(src.require_layer("XZQ"), lo);
  const FeatureSet yjjbnt = FeatureSet::load(src.require_layer("YJJBNT"), lo);
  ASSERT_EQ(county.size(), 1u);
  ASSERT_EQ(yjjbnt.size(), 37u);
  Worker w(AreaMode::Planar, "EPSG:4527");
  const auto unit = Worker::geometry(county, 0);
  const guotu::geos::PreparedGeometry prepared(unit.clone());
  const double got = w.area_within(Subject{unit, unit.envelope(), county.area_m2(0), &prepared}, yjjbnt);

  // OGR: each piece (feature ∩ county), their sum, and what pairs of them share.
  guotu::gdal::initialize();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  const OGRFeatureUniquePtr county_feature(ds->GetLayerByName("XZQ")->GetNextFeature());
  ASSERT_TRUE(county_feature);
  const std::unique_ptr<OGRGeometry> c(county_feature->GetGeometryRef()->clone());
  std::vector<std::unique_ptr<OGRGeometry>> pieces;
  double sum = 0;
  for (auto& f : *ds->GetLayerByName("YJJBNT")) {
    std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->clone());
    if (!g->IsValid()) g.reset(g->MakeValid());
    std::unique_ptr<OGRGeometry> piece(g->Intersection(c.get()));
    if (!piece) continue;
    sum += ogr_area(*piece);
    pieces.push_back(std::move(piece));
  }
  double shared = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i)
    for (std::size_t j = i + 1; j < pieces.size(); ++j)
      if (pieces[i]->Intersects(pieces[j].get())) {
        std::unique_ptr<OGRGeometry> common(pieces[i]->Intersection(pieces[j].get()));
        if (common) shared += ogr_area(*common);
      }
  EXPECT_GT(sum, 5e8);
  EXPECT_LT(shared, 100.0);
  EXPECT_NEAR(got, sum, shared + 1e-6 * sum) << "guotu " << got << ", OGR: pieces " << sum << ", shared " << shared;
}

TEST(OverlayCore, SchemaCheckListsEverythingMissingAtOnce) {
  guotu::test::TempDir dir;
  const auto path = rectangles(dir, "YJJBNT", {{0, 0, 10, 10}});
  const auto src = guotu::gdal::VectorSource::open(path.string());
  guotu::overlay::SchemaCheck schema;
  schema.fields(src.require_layer("YJJBNT"), {"BSM", "NOSUCH", "ALSO_MISSING"}, "a test");
  schema.missing_layer(path.string(), "STBHHX", "--classes-within");
  EXPECT_FALSE(schema.ok());
  const guotu::Error e = guotu::test::error_of([&] { schema.require(); });
  EXPECT_EQ(e.kind(), guotu::ErrorKind::BadInput);
  const std::string why = e.reason();
  EXPECT_NE(why.find("layer YJJBNT has no field NOSUCH (for a test), ALSO_MISSING (for a test)"), std::string::npos)
      << why;
  EXPECT_NE(why.find("no layer STBHHX (for --classes-within)"), std::string::npos) << why;
  EXPECT_EQ(why.find("BSM"), std::string::npos) << why;
  guotu::overlay::SchemaCheck fine;
  fine.fields(src.require_layer("YJJBNT"), {"BSM"}, "a test");
  EXPECT_TRUE(fine.ok());
  EXPECT_NO_THROW(fine.require());
}
