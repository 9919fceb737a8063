// The GeoPackage writer: atomicity, metadata, QGIS layer_styles. The files are inspected with
// plain SQLite, independently of GDAL.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "core/error.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/vector_source.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using guotu::gdal::FieldDef;
using guotu::gdal::FieldType;
using guotu::gdal::GeometryKind;
using guotu::gdal::LayerSpec;
using guotu::gdal::OutputWriter;
using guotu::gdal::WriterOptions;
using guotu::geos::Geometry;

namespace {

LayerSpec parcels_spec() {
  LayerSpec s;
  s.name = "CZKFBJ";
  s.title = "城镇开发边界";
  s.description = "测试图层 (synthetic)";
  s.geometry = GeometryKind::MultiPolygon;
  s.crs = "EPSG:4527";
  s.fields = {{"BSM", FieldType::String, 18, "标识码", false}, {"MJ", FieldType::Real, 0, "面积", false}};
  s.style_qml = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version=\"3.22.16\"></qgis>";
  return s;
}

void write_sample(const fs::path& path, bool overwrite, std::size_t n = 3, const std::string& timestamp = "") {
  WriterOptions o;
  o.overwrite = overwrite;
  o.metadata = {{"GUOTU_COMMAND", "guotu test"}};
  o.timestamp = timestamp;
  OutputWriter w(path.string(), o);
  auto id = w.create_layer(parcels_spec());
  for (std::size_t i = 0; i < n; ++i) {
    const double x = 39500000.0 + static_cast<double>(i) * 100.0;
    auto g = Geometry::rectangle({x, 4000000.0, x + 50.0, 4000050.0});
    w.add(id, {std::string("BSM") + std::to_string(i), 2500.0}, &g);
  }
  w.commit();
}

// The first column of every row of a query, read with plain SQLite.
std::vector<std::string> sql(const fs::path& db, const std::string& query) {
  std::vector<std::string> out;
  for (auto& row : guotu::test::sqlite_rows(db, query)) out.push_back(row.at(0));
  return out;
}

using guotu::test::hidden_files;
using guotu::test::read_file;

}  // namespace

TEST(OutputWriter, WritesAValidStyledGeoPackage) {
  guotu::test::TempDir dir;
  const fs::path out = dir / "out.gpkg";
  write_sample(out, false);
  EXPECT_EQ(sql(out, "PRAGMA application_id"), std::vector<std::string>{"1196444487"});
  EXPECT_EQ(sql(out, "SELECT identifier FROM gpkg_contents WHERE table_name='CZKFBJ'"),
            std::vector<std::string>{"城镇开发边界"});
  EXPECT_EQ(sql(out, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name='CZKFBJ'"),
            std::vector<std::string>{"4527"});
  EXPECT_EQ(sql(out, "SELECT count(*) FROM CZKFBJ"), std::vector<std::string>{"3"});
  EXPECT_EQ(sql(out, "SELECT count(*) FROM rtree_CZKFBJ_geom"), std::vector<std::string>{"3"});
  EXPECT_EQ(sql(out, "SELECT extension_name FROM gpkg_extensions WHERE table_name='CZKFBJ'"),
            std::vector<std::string>{"gpkg_rtree_index"});
  // QGIS's own layer_styles schema, with the row QGIS looks up (f_table_schema '', useAsDefault).
  auto cols = sql(out, "SELECT name FROM pragma_table_info('layer_styles') ORDER BY cid");
  EXPECT_EQ(cols, (std::vector<std::string>{"id", "f_table_catalog", "f_table_schema", "f_table_name",
                                            "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault",
                                            "description", "owner", "ui", "update_time"}));
  EXPECT_EQ(sql(out,
                "SELECT f_table_name || '|' || f_geometry_column || '|' || useAsDefault || '|' || f_table_schema "
                "FROM layer_styles"),
            std::vector<std::string>{"CZKFBJ|geom|1|"});
  EXPECT_EQ(sql(out, "SELECT data_type FROM gpkg_contents WHERE table_name='layer_styles'"),
            std::vector<std::string>{"attributes"});
  // Run metadata.
  auto md = sql(out, "SELECT metadata FROM gpkg_metadata");
  ASSERT_FALSE(md.empty());
  EXPECT_NE(md[0].find("GUOTU_COMMAND"), std::string::npos);
  // And GDAL reads it back (through the guotu reader, which skips layer_styles).
  auto src = guotu::gdal::VectorSource::open(out.string());
  EXPECT_EQ(src.layer_count(), 1u);
  EXPECT_EQ(src.layer(0).geometry_kind(), GeometryKind::MultiPolygon);
  // Chinese field aliases: the GeoPackage schema extension (gpkg_data_columns).
  EXPECT_EQ(sql(out, "SELECT title FROM gpkg_data_columns WHERE table_name='CZKFBJ' AND column_name='BSM'"),
            std::vector<std::string>{"标识码"});
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(OutputWriter, RefusesToOverwriteWithoutPermission) {
  guotu::test::TempDir dir;
  const fs::path out = dir / "out.gpkg";
  write_sample(out, false, 2);
  const std::string before = read_file(out);
  try {
    write_sample(out, false, 5);
    FAIL() << "expected an error";
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    EXPECT_NE(std::string(e.what()).find("--overwrite"), std::string::npos);
  }
  EXPECT_TRUE(read_file(out) == before) << "the old output changed";
  write_sample(out, true, 5);
  EXPECT_EQ(sql(out, "SELECT count(*) FROM CZKFBJ"), std::vector<std::string>{"5"});
}

TEST(OutputWriter, AFailedRunLeavesNothingAndKeepsTheOldOutput) {
  guotu::test::TempDir dir;
  const fs::path out = dir / "out.gpkg";
  write_sample(out, false, 2);
  const std::string before = read_file(out);
  try {
    OutputWriter w(out.string(), WriterOptions{true, {}, 100000, ""});
    auto id = w.create_layer(parcels_spec());
    auto g = Geometry::rectangle({0, 0, 1, 1});
    w.add(id, {std::string("x"), 1.0}, &g);
    throw std::runtime_error("simulated failure mid-run");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(read_file(out) == before) << "the old output changed";
  EXPECT_TRUE(hidden_files(dir.path()).empty());
  // A run that fails before any output on a new path leaves no file at all.
  try {
    OutputWriter w((dir / "new.gpkg").string(), WriterOptions{});
    (void)w.create_layer(parcels_spec());
    throw std::runtime_error("simulated");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(fs::exists(dir / "new.gpkg"));
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(OutputWriter, KilledChildLeavesNoFileAndOldOutputSurvives) {
  guotu::test::TempDir dir;
  const fs::path existing = dir / "existing.gpkg";
  write_sample(existing, false, 2);
  const std::string before = read_file(existing);

  for (const fs::path& target : {dir / "fresh.gpkg", existing}) {
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(ready[0]);
      try {
        OutputWriter w(target.string(), WriterOptions{true, {}, 50, ""});
        auto id = w.create_layer(parcels_spec());
        for (std::size_t i = 0;; ++i) {
          const double x = 39500000.0 + static_cast<double>(i % 1000) * 10.0;
          auto g = Geometry::rectangle({x, 4000000.0, x + 5.0, 4000005.0});
          w.add(id, {std::string("B"), 1.0}, &g);
          if (i == 200) (void)!::write(ready[1], "x", 1);
        }
      } catch (...) {
      }
      ::_exit(0);
    }
    ::close(ready[1]);
    char c = 0;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);  // the child is mid-write
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    if (target == existing) {
      EXPECT_TRUE(read_file(existing) == before) << "the old output must survive";
    } else {
      EXPECT_FALSE(fs::exists(target)) << "no partial file at the target";
    }
  }
  // The killed runs' hidden temporaries are removed by the next run in that directory.
  EXPECT_FALSE(hidden_files(dir.path()).empty());
  write_sample(dir / "fresh.gpkg", false, 1);
  write_sample(existing, true, 1);
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(OutputWriter, SigtermRemovesTheTemporary) {
  guotu::test::TempDir dir;
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    OutputWriter w((dir / "t.gpkg").string(), WriterOptions{});
    auto id = w.create_layer(parcels_spec());
    auto g = Geometry::rectangle({0, 0, 1, 1});
    w.add(id, {std::string("B"), 1.0}, &g);
    (void)!::write(ready[1], "x", 1);
    for (;;) ::pause();
  }
  ::close(ready[1]);
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ::close(ready[0]);
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_FALSE(fs::exists(dir / "t.gpkg"));
  EXPECT_TRUE(hidden_files(dir.path()).empty());
}

TEST(OutputWriter, FixedTimestampGivesByteIdenticalFiles) {
  guotu::test::TempDir dir;
  write_sample(dir / "a.gpkg", false, 10, "2024-01-01T00:00:00Z");
  write_sample(dir / "b.gpkg", false, 10, "2024-01-01T00:00:00Z");
  EXPECT_TRUE(read_file(dir / "a.gpkg") == read_file(dir / "b.gpkg")) << "files differ";
  EXPECT_EQ(sql(dir / "a.gpkg", "SELECT last_change FROM gpkg_contents WHERE table_name='CZKFBJ'"),
            std::vector<std::string>{"2024-01-01T00:00:00Z"});
}

TEST(OutputWriter, MissingDirectoryIsBadInput) {
  try {
    write_sample("/nonexistent-dir/x.gpkg", false);
    FAIL();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
  }
}
