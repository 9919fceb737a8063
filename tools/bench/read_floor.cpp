// guotu_bench_read: the "read floor" peer of tools/bench/run.sh (docs/benchmarks.md): reads
// whole layers through guotu's own reader (gdal::VectorSource / Layer::read: OGR feature by
// feature, reprojection into the working CRS, the reader policy's value checks, a GEOS
// geometry per feature) and does nothing else. It is the cost every guotu command pays before
// its first overlay, so a command's time minus this floor is what its joins cost.
//
//   guotu_bench_read [--crs EPSG:4527] FILE:LAYER [FILE:LAYER ...]
//
// Prints one JSON line: per layer the features read, their summed planar area (a checksum
// that the geometries were really built, in the working CRS's units) and the seconds taken.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bench_main.hpp"
#include "core/city.hpp"
#include "core/error.hpp"
#include "gdal/vector_source.hpp"

static int run(int argc, char** argv) {
  using namespace guotu;
  CLI::App app{"read layers through guotu's reader into GEOS geometries (benchmark read floor)"};
  std::vector<std::string> inputs;
  std::string crs;
  app.add_option("inputs", inputs, "FILE:LAYER to read (repeatable)")->required();
  app.add_option(
      "--crs", crs,
      "working CRS the geometries are reprojected into, as guotu's commands do (default: the city profile's)");
  CLI11_PARSE(app, argc, argv);
  if (crs.empty()) crs = city::current().working_crs;
  gdal::initialize();
  std::string out = "{\"layers\":[";
  const auto t_all = std::chrono::steady_clock::now();
  std::int64_t total = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto colon = inputs[i].rfind(':');
    if (colon == std::string::npos) throw_bad_input("expected FILE:LAYER", {inputs[i], {}, {}, {}});
    const std::string file = inputs[i].substr(0, colon), name = inputs[i].substr(colon + 1);
    const auto t0 = std::chrono::steady_clock::now();
    const auto source = gdal::VectorSource::open(file);
    const gdal::Layer& layer = source.require_layer(name);
    gdal::ReadOptions ro;
    ro.target_crs = crs;
    ro.geometry = gdal::GeometryFamily::Polygon;
    std::int64_t n = 0;
    double planar = 0.0;
    layer.read(ro, [&](gdal::Feature&& f) {
      ++n;
      if (f.geometry && !f.geometry.is_empty()) planar += f.geometry.planar_area();
    });
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    total += n;
    out += fmt::format("{}{{\"layer\":\"{}\",\"features\":{},\"planar_m2\":{:.3f},\"seconds\":{:.3f}}}", i ? "," : "",
                       name, n, planar, s);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_all).count();
  out += fmt::format("],\"features\":{},\"seconds\":{:.3f}}}\n", total, s);
  std::fputs(out.c_str(), stdout);
  return 0;
}

int main(int argc, char** argv) {
  return guotu::bench::main("guotu_bench_read", argc, argv, run);
}
