// Reading every format guotu accepts; fixtures are built here with GDAL directly.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "gdal/vector_source.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::gdal::OpenOptions;
using guotu::gdal::VectorSource;

namespace {

struct Row {
  std::string name;
  const char* wkt;
};

// Writes a polygon layer with a text field `MC` through GDAL directly.
void write_fixture(const fs::path& path, const char* driver, const char* layer_name, int epsg,
                   const std::vector<Row>& rows, const char* const* layer_options = nullptr) {
  guotu::gdal::initialize();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  ASSERT_NE(drv, nullptr) << driver;
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds) << path;
  OGRSpatialReference srs;
  if (epsg > 0) {
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  OGRLayer* layer =
      ds->CreateLayer(layer_name, epsg > 0 ? &srs : nullptr, wkbPolygon, const_cast<char**>(layer_options));
  ASSERT_NE(layer, nullptr);
  OGRFieldDefn f("MC", OFTString);
  f.SetWidth(50);
  ASSERT_EQ(layer->CreateField(&f), OGRERR_NONE);
  for (const auto& r : rows) {
    OGRFeatureUniquePtr feat(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    feat->SetField("MC", r.name.c_str());
    OGRGeometry* g = nullptr;
    ASSERT_EQ(OGRGeometryFactory::createFromWkt(r.wkt, nullptr, &g), OGRERR_NONE);
    feat->SetGeometryDirectly(g);
    ASSERT_EQ(layer->CreateFeature(feat.get()), OGRERR_NONE);
  }
}

const std::vector<Row> kRows = {{"东昌府区", "POLYGON((115.9 36.4,116.0 36.4,116.0 36.5,115.9 36.4))"},
                                {"茌平区", "POLYGON((116.2 36.5,116.3 36.5,116.3 36.6,116.2 36.5))"}};

std::string first_name(const VectorSource& src) {
  std::string name;
  src.layer(0).read({}, [&](guotu::gdal::Feature&& f) {
    if (name.empty()) name = guotu::gdal::as_text(f.values.at(*src.layer(0).field_index("MC")));
  });
  return name;
}

}  // namespace

TEST(Readers, GeoPackage) {
  guotu::test::TempDir dir;
  write_fixture(dir / "a.gpkg", "GPKG", "XZQ", 4490, kRows);
  auto src = VectorSource::open((dir / "a.gpkg").string());
  ASSERT_EQ(src.layer_count(), 1u);
  EXPECT_EQ(src.layer(0).feature_count(), 2);
  EXPECT_EQ(src.layer(0).require_crs().epsg, 4490);
  EXPECT_EQ(first_name(src), "东昌府区");
  EXPECT_NE(src.find_layer("xzq"), nullptr);  // names are case-insensitive
  EXPECT_THROW((void)src.require_layer("DLTB"), guotu::Error);
}

TEST(Readers, GeoJson) {
  guotu::test::TempDir dir;
  write_fixture(dir / "a.geojson", "GeoJSON", "a", 4490, kRows);
  auto src = VectorSource::open((dir / "a.geojson").string());
  EXPECT_EQ(src.layer(0).feature_count(), 2);
  EXPECT_EQ(first_name(src), "东昌府区");
}

TEST(Readers, ShapefileWithGbkCpgIsDecodedToUtf8) {
  guotu::test::TempDir dir;
  const char* opts[] = {"ENCODING=CP936", nullptr};
  write_fixture(dir / "gbk.shp", "ESRI Shapefile", "gbk", 4527,
                {{"东昌府区", "POLYGON((39500000 4000000,39501000 4000000,39501000 4001000,39500000 4000000))"}}, opts);
  // The DBF really holds GBK bytes: 东 is 0xB6 0xAB in GBK.
  std::ifstream dbf(dir / "gbk.dbf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(dbf)), std::istreambuf_iterator<char>());
  EXPECT_NE(bytes.find("\xB6\xAB"), std::string::npos);
  ASSERT_TRUE(fs::exists(dir / "gbk.cpg"));

  auto src = VectorSource::open((dir / "gbk.shp").string());
  EXPECT_EQ(first_name(src), "东昌府区");
  EXPECT_TRUE(src.warnings().empty());
}

TEST(Readers, ShapefileWithoutCpgUsesEncodingOption) {
  guotu::test::TempDir dir;
  const char* opts[] = {"ENCODING=CP936", nullptr};
  write_fixture(dir / "nocpg.shp", "ESRI Shapefile", "nocpg", 4527,
                {{"茌平区", "POLYGON((39500000 4000000,39501000 4000000,39501000 4001000,39500000 4000000))"}}, opts);
  fs::remove(dir / "nocpg.cpg");
  {
    // Without --encoding, text that is not UTF-8 is read as GB18030 (which GBK is part of), and
    // guotu says so once, naming the file.
    auto src = VectorSource::open((dir / "nocpg.shp").string());
    EXPECT_TRUE(src.warnings().empty());  // no language driver id: nothing to say before reading
    guotu::gdal::ReadLog log;
    guotu::gdal::ReadOptions ro;
    ro.log = &log;
    std::string name;
    src.layer(0).read(ro, [&](guotu::gdal::Feature&& f) { name = guotu::gdal::as_text(f.values.at(0)); });
    EXPECT_EQ(name, "茌平区");
    ASSERT_EQ(log.warnings().size(), 1u);
    EXPECT_NE(log.warnings()[0].find("nocpg.shp"), std::string::npos);
    EXPECT_NE(log.warnings()[0].find("--encoding"), std::string::npos);
  }
  OpenOptions o;
  o.encoding = "GBK";
  auto src = VectorSource::open((dir / "nocpg.shp").string(), o);
  EXPECT_EQ(first_name(src), "茌平区");
}

TEST(Readers, FileGdbReadOnly) {
  guotu::test::TempDir dir;
  write_fixture(dir / "plan.gdb", "OpenFileGDB", "CZKFBJ", 4527,
                {{"中心城区", "POLYGON((39500000 4000000,39501000 4000000,39501000 4001000,39500000 4000000))"}});
  auto src = VectorSource::open((dir / "plan.gdb").string());
  EXPECT_EQ(src.driver(), "OpenFileGDB");
  const auto& layer = src.require_layer("CZKFBJ");
  EXPECT_EQ(layer.feature_count(), 1);
  EXPECT_EQ(layer.require_crs().epsg, 4527);
  EXPECT_EQ(first_name(src), "中心城区");
}

TEST(Readers, LayerWithoutCrsNeedsAssumeCrs) {
  guotu::test::TempDir dir;
  write_fixture(dir / "nocrs.geojson", "GeoJSON", "nocrs", 0, kRows);
  // GeoJSON without a crs member is WGS 84 by definition; a Shapefile without .prj has none.
  write_fixture(dir / "nocrs.shp", "ESRI Shapefile", "nocrs", 0,
                {{"x", "POLYGON((39500000 4000000,39501000 4000000,39501000 4001000,39500000 4000000))"}});
  auto src = VectorSource::open((dir / "nocrs.shp").string(), {"UTF-8", ""});
  try {
    (void)src.layer(0).require_crs();
    FAIL() << "expected an error";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("--assume-crs"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("nocrs"), std::string::npos);
  }
  auto assumed = VectorSource::open((dir / "nocrs.shp").string(), {"UTF-8", "EPSG:4527"});
  EXPECT_EQ(assumed.layer(0).require_crs().epsg, 4527);
}

TEST(Readers, ReprojectsToWorkingCrsInGisOrder) {
  guotu::test::TempDir dir;
  write_fixture(dir / "p.gpkg", "GPKG", "p", 4490, {{"pt", "POLYGON((117.5 35,117.6 35,117.6 35.1,117.5 35))"}});
  auto src = VectorSource::open((dir / "p.gpkg").string());
  auto features = src.layer(0).read_all({"EPSG:4527", ""});
  ASSERT_EQ(features.size(), 1u);
  // 117.5°E 35°N → EPSG:4527 E 39 545 644.2847, N 3 874 707.1372 (dependencies.md §3).
  bool found = false;
  features[0].geometry.for_each_ring([&](const guotu::geos::RingView& r) {
    EXPECT_NEAR(r.coords[0].x, 39545644.2847, 1e-3);
    EXPECT_NEAR(r.coords[0].y, 3874707.1372, 1e-3);
    found = true;
  });
  EXPECT_TRUE(found);
  // Zone 38 data reprojected into zone 39 lands at the same place.
  auto in38 = src.layer(0).read_all({"EPSG:4526", ""});
  write_fixture(dir / "z38.gpkg", "GPKG", "z", 4526, {{"z", in38[0].geometry.to_wkt().c_str()}});
  auto z38 = VectorSource::open((dir / "z38.gpkg").string()).layer(0).read_all({"EPSG:4527", ""});
  z38[0].geometry.for_each_ring([&](const guotu::geos::RingView& r) {
    EXPECT_NEAR(r.coords[0].x, 39545644.2847, 1e-3);
    EXPECT_NEAR(r.coords[0].y, 3874707.1372, 1e-3);
  });
}

TEST(Readers, MissingFileAndGarbage) {
  guotu::test::TempDir dir;
  EXPECT_THROW((void)VectorSource::open((dir / "none.gpkg").string()), guotu::Error);
  std::ofstream(dir / "junk.gpkg") << "not a geopackage";
  try {
    (void)VectorSource::open((dir / "junk.gpkg").string());
    FAIL();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("junk.gpkg"), std::string::npos);
  }
}

TEST(Readers, AttributeFilter) {
  guotu::test::TempDir dir;
  write_fixture(dir / "a.gpkg", "GPKG", "XZQ", 4490, kRows);
  auto src = VectorSource::open((dir / "a.gpkg").string());
  EXPECT_EQ(src.layer(0).read_all({"", "MC = '茌平区'"}).size(), 1u);
  EXPECT_THROW((void)src.layer(0).read_all({"", "NOSUCHFIELD = 1"}), guotu::Error);
  EXPECT_EQ(src.layer(0).read_all().size(), 2u);  // the filter does not stick
}
