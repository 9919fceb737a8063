// The reader policy (docs/reliability.md): GDAL errors are bad input naming the fid; values the
// reader cannot trust are reported per feature and skipped (or refused); wrong geometry types
// are refused; text that is not UTF-8 is decoded or repaired, never passed on.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "fixtures.hpp"
#include "gdal/vector_source.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::gdal::Feature;
using guotu::gdal::GeometryFamily;
using guotu::gdal::OpenOptions;
using guotu::gdal::ReadLog;
using guotu::gdal::ReadOptions;
using guotu::gdal::VectorSource;

namespace {

struct Row {
  const char* wkt;         // nullptr: no geometry
  double value = 1.0;      // the REAL field V
  std::string text = "x";  // the text field MC (bytes as given)
};

// A layer with a REAL field V and a text field MC, written through GDAL directly.
void write_layer(const fs::path& path, const char* driver, int epsg, OGRwkbGeometryType type,
                 const std::vector<Row>& rows, const char* const* layer_options = nullptr) {
  guotu::gdal::initialize();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  ASSERT_NE(drv, nullptr);
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer(path.stem().c_str(), &srs, type, const_cast<char**>(layer_options));
  ASSERT_NE(layer, nullptr);
  OGRFieldDefn v("V", OFTReal);
  ASSERT_EQ(layer->CreateField(&v), OGRERR_NONE);
  OGRFieldDefn mc("MC", OFTString);
  mc.SetWidth(50);
  ASSERT_EQ(layer->CreateField(&mc), OGRERR_NONE);
  for (const auto& r : rows) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("V", r.value);
    f->SetField("MC", r.text.c_str());
    if (r.wkt != nullptr) {
      OGRGeometry* g = nullptr;
      ASSERT_EQ(OGRGeometryFactory::createFromWkt(r.wkt, nullptr, &g), OGRERR_NONE) << r.wkt;
      f->SetGeometryDirectly(g);
    }
    ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
  }
}

// Runs SQL on a GeoPackage through GDAL (its triggers need GDAL's SQL functions).
void execute(const fs::path& gpkg, const std::string& sql) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  ASSERT_TRUE(ds);
  OGRLayer* rs = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (rs != nullptr) ds->ReleaseResultSet(rs);
}

std::string square(double x, double y) {
  return "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x + 100) + " " +
         std::to_string(y) + "," + std::to_string(x + 100) + " " + std::to_string(y + 100) + "," + std::to_string(x) +
         " " + std::to_string(y) + "))";
}

std::vector<std::int64_t> fids(const guotu::gdal::Layer& layer, ReadOptions o) {
  std::vector<std::int64_t> out;
  layer.read(o, [&](Feature&& f) { out.push_back(f.fid); });
  return out;
}

using guotu::test::contains;
using guotu::test::error_of;

}  // namespace

TEST(ReaderPolicy, Utf8ValidityAndRepair) {
  using namespace guotu::utf8;
  EXPECT_TRUE(is_valid("东昌府区 abc"));
  EXPECT_TRUE(is_valid(""));
  EXPECT_FALSE(is_valid("\xB6\xAB"));      // 东 in GBK
  EXPECT_FALSE(is_valid("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(is_valid("\xE4\xB8"));      // truncated 中
  EXPECT_EQ(repaired("a\xB6\xAB"
                     "b"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repaired("\xE4\xB8"), "\xEF\xBF\xBD");
  EXPECT_EQ(repaired("中"), "中");
  EXPECT_TRUE(is_valid(repaired("\xFF\xFE\x80\xC2")));
}

TEST(ReaderPolicy, TruncatedShapefileIsAnErrorNamingTheFid) {
  guotu::test::TempDir dir;
  std::vector<Row> rows;
  for (int i = 0; i < 100; ++i) rows.push_back({nullptr});
  std::vector<std::string> wkts;
  for (int i = 0; i < 100; ++i) wkts.push_back(square(39500000 + i * 200, 4000000));
  for (int i = 0; i < 100; ++i) rows[static_cast<std::size_t>(i)].wkt = wkts[static_cast<std::size_t>(i)].c_str();
  write_layer(dir / "p.shp", "ESRI Shapefile", 4527, wkbPolygon, rows);
  // Each record (a ring of 4 points) is 8 + 112 bytes after the 100-byte header: cut inside
  // record 41 (fid 40).
  fs::resize_file(dir / "p.shp", 100 + 40 * 120 + 50);
  auto src = VectorSource::open((dir / "p.shp").string());
  ReadLog log;  // a read error is never logged and skipped: it stops the run
  ReadOptions o;
  o.log = &log;
  const auto e = error_of([&] { (void)fids(src.layer(0), o); });
  EXPECT_EQ(e.exit_code(), 2);
  EXPECT_EQ(e.where().fid, 40);
  EXPECT_TRUE(contains(e.what(), "p.shp")) << e.what();
  EXPECT_TRUE(contains(e.reason(), "fread")) << e.what();
}

TEST(ReaderPolicy, NonFiniteRealIsReportedAndSkipped) {
  guotu::test::TempDir dir;
  const std::string a = square(39500000, 4000000), b = square(39500200, 4000000), c = square(39500400, 4000000);
  write_layer(dir / "t.gpkg", "GPKG", 4527, wkbPolygon,
              {{a.c_str(), 1.5},
               {b.c_str(), std::numeric_limits<double>::infinity()},
               {c.c_str(), -std::numeric_limits<double>::infinity()}});
  auto src = VectorSource::open((dir / "t.gpkg").string());
  ReadLog log;
  ReadOptions o;
  o.log = &log;
  EXPECT_EQ(fids(src.layer(0), o), (std::vector<std::int64_t>{1}));
  const auto problems = log.problems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where.fid, 2);
  EXPECT_TRUE(contains(problems[0].reason, "V = inf: not a finite number")) << problems[0].reason;
  EXPECT_TRUE(contains(problems[0].message(), "t.gpkg, layer t, fid 2")) << problems[0].message();
  EXPECT_EQ(problems[1].where.fid, 3);
  // Read again (a layer read twice in one run): each problem is listed once.
  (void)fids(src.layer(0), o);
  EXPECT_EQ(log.problems().size(), 2u);
  // Without a log, or with a refusing one (--strict), the first is an error naming the fid.
  EXPECT_EQ(error_of([&] { (void)fids(src.layer(0), {}); }).where().fid, 2);
  ReadLog strict(true);
  o.log = &strict;
  EXPECT_EQ(error_of([&] { (void)fids(src.layer(0), o); }).where().fid, 2);
}

TEST(ReaderPolicy, TextInARealColumnIsNotReadAsZero) {
  guotu::test::TempDir dir;
  const std::string a = square(39500000, 4000000), b = square(39500200, 4000000);
  write_layer(dir / "t.gpkg", "GPKG", 4527, wkbPolygon, {{a.c_str(), 1.5}, {b.c_str(), 2.5}});
  execute(dir / "t.gpkg", "UPDATE t SET V = 'abc' WHERE fid = 2");
  auto src = VectorSource::open((dir / "t.gpkg").string());
  ReadLog log;
  ReadOptions o;
  o.log = &log;
  EXPECT_EQ(fids(src.layer(0), o), (std::vector<std::int64_t>{1}));
  ASSERT_EQ(log.problems().size(), 1u);
  EXPECT_EQ(log.problems()[0].where.fid, 2);
  EXPECT_TRUE(contains(log.problems()[0].reason, "V holds text 'abc'")) << log.problems()[0].reason;
}

TEST(ReaderPolicy, CoordinatesNotFiniteOrOutOfRange) {
  guotu::test::TempDir dir;
  const std::string ok = square(39500000, 4000000), far = square(1e25, 4000000);
  write_layer(dir / "p.gpkg", "GPKG", 4527, wkbPolygon, {{ok.c_str()}, {far.c_str()}});
  execute(dir / "p.gpkg", "INSERT INTO p (V, MC) VALUES (1, 'nan')");
  {
    // A NaN vertex: GDAL writes it as it is.
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "p.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    OGRLayer* l = ds->GetLayer(0);
    OGRFeatureUniquePtr f(l->GetFeature(3));
    ASSERT_TRUE(f);
    OGRPolygon poly;
    OGRLinearRing ring;
    ring.addPoint(39500000, 4000000);
    ring.addPoint(std::nan(""), 4000000);
    ring.addPoint(39500100, 4000100);
    ring.addPoint(39500000, 4000000);
    poly.addRing(&ring);
    f->SetGeometry(&poly);
    ASSERT_EQ(l->SetFeature(f.get()), OGRERR_NONE);
  }
  auto src = VectorSource::open((dir / "p.gpkg").string());
  ReadLog log;
  ReadOptions o("EPSG:4527");
  o.log = &log;
  EXPECT_EQ(fids(src.layer(0), o), (std::vector<std::int64_t>{1}));
  const auto problems = log.problems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where.fid, 2);
  EXPECT_TRUE(contains(problems[0].reason, "beyond ±1e9 m")) << problems[0].reason;
  EXPECT_EQ(problems[1].where.fid, 3);
  EXPECT_TRUE(contains(problems[1].reason, "not a finite number")) << problems[1].reason;

  // Longitude and latitude swapped in a geographic layer: a latitude of 116°.
  write_layer(dir / "g.gpkg", "GPKG", 4490, wkbPolygon,
              {{"POLYGON((115.9 36.4,116.0 36.4,116.0 36.5,115.9 36.4))"},
               {"POLYGON((36.4 115.9,36.4 116.0,36.5 116.0,36.4 115.9))"}});
  auto geo = VectorSource::open((dir / "g.gpkg").string());
  ReadLog glog;
  ReadOptions go;
  go.log = &glog;
  EXPECT_EQ(fids(geo.layer(0), go), (std::vector<std::int64_t>{1}));
  ASSERT_EQ(glog.problems().size(), 1u);
  EXPECT_TRUE(contains(glog.problems()[0].reason, "swapped")) << glog.problems()[0].reason;
}

TEST(ReaderPolicy, WrongGeometryTypes) {
  guotu::test::TempDir dir;
  write_layer(dir / "lines.gpkg", "GPKG", 4527, wkbLineString, {{"LINESTRING(39500000 4000000,39500100 4000100)"}});
  auto lines = VectorSource::open((dir / "lines.gpkg").string());
  ReadOptions o;
  o.geometry = GeometryFamily::Polygon;
  const auto e = error_of([&] { (void)fids(lines.layer(0), o); });
  EXPECT_EQ(e.exit_code(), 2);
  EXPECT_TRUE(contains(e.what(), "layer lines: the layer holds LineString; a polygon layer is needed")) << e.what();
  EXPECT_NO_THROW((void)fids(lines.layer(0), {}));  // no requirement: any geometry

  // A layer of mixed types: each feature of the wrong type is a problem.
  const std::string a = square(39500000, 4000000);
  write_layer(dir / "mixed.gpkg", "GPKG", 4527, wkbUnknown,
              {{a.c_str()}, {"POINT(39500000 4000000)"}, {"GEOMETRYCOLLECTION(POINT(39500000 4000000))"}});
  auto mixed = VectorSource::open((dir / "mixed.gpkg").string());
  ReadLog log;
  o.log = &log;
  EXPECT_EQ(fids(mixed.layer(0), o), (std::vector<std::int64_t>{1}));
  ASSERT_EQ(log.problems().size(), 2u);
  EXPECT_TRUE(contains(log.problems()[0].reason, "a POINT where a polygon layer is needed"))
      << log.problems()[0].reason;
}

TEST(ReaderPolicy, DeeplyNestedCollectionIsBadInputNamingTheFid) {
  guotu::test::TempDir dir;
  const std::string a = square(39500000, 4000000);
  write_layer(dir / "n.gpkg", "GPKG", 4527, wkbUnknown, {{a.c_str()}});
  // 50 nested GeometryCollections around a polygon, as a GeoPackage blob.
  std::string wkb;
  auto u32 = [&](std::uint32_t v) { wkb.append(reinterpret_cast<const char*>(&v), 4); };
  for (int i = 0; i < 50; ++i) {
    wkb += '\x01';
    u32(7);
    u32(1);
  }
  OGRGeometry* g = nullptr;
  ASSERT_EQ(OGRGeometryFactory::createFromWkt(a.c_str(), nullptr, &g), OGRERR_NONE);
  std::string inner(static_cast<std::size_t>(g->WkbSize()), '\0');
  g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(inner.data()));
  OGRGeometryFactory::destroyGeometry(g);
  wkb += inner;
  std::string blob = "GP";
  blob += '\0';
  blob += '\x01';
  std::int32_t srs = 4527;
  blob.append(reinterpret_cast<const char*>(&srs), 4);
  blob += wkb;
  std::string hex;
  for (unsigned char c : blob) hex += fmt::format("{:02X}", c);
  execute(dir / "n.gpkg", "INSERT INTO n (V, MC, geom) VALUES (1, 'deep', X'" + hex + "')");
  auto src = VectorSource::open((dir / "n.gpkg").string());
  ReadLog log;
  ReadOptions o;
  o.log = &log;
  const auto e = error_of([&] { (void)fids(src.layer(0), o); });
  EXPECT_EQ(e.exit_code(), 2);
  EXPECT_EQ(e.where().fid, 2);
  EXPECT_TRUE(contains(e.reason(), "recursion")) << e.what();
}

TEST(ReaderPolicy, GbkShapefileWithoutCpgIsDecodedAsGb18030) {
  guotu::test::TempDir dir;
  const char* opts[] = {"ENCODING=CP936", nullptr};
  const std::string a = square(39500000, 4000000);
  write_layer(dir / "gbk.shp", "ESRI Shapefile", 4527, wkbPolygon, {{a.c_str(), 1, "茌平区"}}, opts);
  fs::remove(dir / "gbk.cpg");
  auto src = VectorSource::open((dir / "gbk.shp").string());
  ReadLog log;
  ReadOptions o;
  o.log = &log;
  std::string name;
  src.layer(0).read(o, [&](Feature&& f) { name = guotu::gdal::as_text(f.values[1]); });
  EXPECT_EQ(name, "茌平区");
  ASSERT_EQ(log.warnings().size(), 1u);
  EXPECT_TRUE(contains(log.warnings()[0], "gbk.shp")) << log.warnings()[0];
  EXPECT_TRUE(contains(log.warnings()[0], "GB18030")) << log.warnings()[0];
}

TEST(ReaderPolicy, InvalidUtf8IsReplacedAndWarned) {
  guotu::test::TempDir dir;
  // A .cpg that says UTF-8 over GBK bytes: nothing to detect, the bytes are replaced.
  const char* opts[] = {"ENCODING=CP936", nullptr};
  const std::string a = square(39500000, 4000000);
  write_layer(dir / "bad.shp", "ESRI Shapefile", 4527, wkbPolygon, {{a.c_str(), 1, "东"}}, opts);
  std::ofstream(dir / "bad.cpg") << "UTF-8";
  auto src = VectorSource::open((dir / "bad.shp").string());
  ReadLog log;
  ReadOptions o;
  o.log = &log;
  std::string name;
  src.layer(0).read(o, [&](Feature&& f) { name = guotu::gdal::as_text(f.values[1]); });
  EXPECT_TRUE(guotu::utf8::is_valid(name));
  EXPECT_TRUE(contains(name, "\xEF\xBF\xBD"));
  ASSERT_EQ(log.warnings().size(), 1u);
  EXPECT_TRUE(contains(log.warnings()[0], "U+FFFD")) << log.warnings()[0];
}

TEST(ReaderPolicy, UnknownEncodingIsRefused) {
  guotu::test::TempDir dir;
  const std::string a = square(39500000, 4000000);
  write_layer(dir / "e.shp", "ESRI Shapefile", 4527, wkbPolygon, {{a.c_str()}});
  for (const char* enc : {"NOT-AN-ENCODING", "GB2312X"}) {
    const auto e = error_of([&] { (void)VectorSource::open((dir / "e.shp").string(), {enc, ""}); });
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_TRUE(contains(e.what(), enc)) << e.what();
  }
  EXPECT_NO_THROW((void)VectorSource::open((dir / "e.shp").string(), {"GBK", ""}));
}

TEST(ReaderPolicy, GeoPackageUndefinedSrsIsNoCrs) {
  guotu::test::TempDir dir;
  const std::string a = square(39500000, 4000000);
  for (int srs_id : {0, -1}) {
    const fs::path file = dir / ("u" + std::to_string(srs_id + 1) + ".gpkg");
    write_layer(file, "GPKG", 4527, wkbPolygon, {{a.c_str()}});
    execute(file, "UPDATE gpkg_geometry_columns SET srs_id = " + std::to_string(srs_id));
    execute(file, "UPDATE gpkg_contents SET srs_id = " + std::to_string(srs_id));
    auto src = VectorSource::open(file.string());
    EXPECT_FALSE(src.layer(0).crs().has_value()) << srs_id;
    EXPECT_TRUE(contains(error_of([&] { (void)src.layer(0).require_crs(); }).what(), "--assume-crs"));
    auto assumed = VectorSource::open(file.string(), {"", "EPSG:4527"});
    EXPECT_EQ(assumed.layer(0).require_crs().epsg, 4527) << srs_id;
    EXPECT_EQ(assumed.layer(0).read_all({"EPSG:4527", ""}).size(), 1u);
  }
}
