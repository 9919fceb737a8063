// guotu_bench_coverage: writes a synthetic DLTB coverage for the validate benchmark: a
// jittered grid of N patches (every interior vertex moved at random, shared exactly by the
// four patches around it, so the coverage is exact) in EPSG:4527 near 116.5°E 36°N, cut into
// U×U county units (XZQ) whose borders are straight lines the patches meet with their own
// vertices. TBMJ is the 椭球面积, so a clean run reports nothing. --defects removes one
// patch (a gap) and grows another (overlaps) so the run must find exactly those.
//
//   guotu_bench_coverage --out bench.gpkg --patches 1000000 --units 2
//   /usr/bin/time -v guotu validate bench.gpkg --layer DLTB --json > /dev/null
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "area/ellipsoidal_area.hpp"
#include "bench_main.hpp"
#include "core/error.hpp"
#include "gdal/output_writer.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"

static int run(int argc, char** argv) {
  using namespace guotu;
  CLI::App app{"synthetic jittered-grid DLTB coverage for the guotu validate benchmark"};
  std::string out;
  std::int64_t patches = 10000;
  int units = 2;
  double cell = 30.0;
  unsigned seed = 1;
  bool defects = false, overwrite = false;
  app.add_option("--out", out, "GeoPackage to write")->required();
  app.add_option("--patches", patches, "number of patches (rounded to a square grid)");
  app.add_option("--units", units, "county units per side");
  app.add_option("--cell", cell, "cell size in metres");
  app.add_option("--seed", seed, "random seed");
  app.add_flag("--defects", defects, "remove one patch (gap) and grow one (overlap)");
  app.add_flag("--overwrite", overwrite, "replace OUT");
  CLI11_PARSE(app, argc, argv);
  const auto n = static_cast<std::int64_t>(std::ceil(std::sqrt(static_cast<double>(patches))));
  const std::int64_t per_unit = std::max<std::int64_t>(1, n / units);
  const double x0 = 39450000.0, y0 = 4000000.0;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> jit(-0.3 * cell, 0.3 * cell);
  // Vertex (i, j); lines on unit borders (and the outer edge) stay straight.
  std::vector<Coord> v(static_cast<std::size_t>((n + 1) * (n + 1)));
  for (std::int64_t j = 0; j <= n; ++j) {
    for (std::int64_t i = 0; i <= n; ++i) {
      const bool fixed_x = i % per_unit == 0 || i == n;
      const bool fixed_y = j % per_unit == 0 || j == n;
      const double dx = jit(rng), dy = jit(rng);
      v[static_cast<std::size_t>(j * (n + 1) + i)] = {x0 + static_cast<double>(i) * cell + (fixed_x ? 0 : dx),
                                                      y0 + static_cast<double>(j) * cell + (fixed_y ? 0 : dy)};
    }
  }
  auto at = [&](std::int64_t i, std::int64_t j) { return v[static_cast<std::size_t>(j * (n + 1) + i)]; };

  gdal::WriterOptions wo;
  wo.overwrite = overwrite;
  wo.metadata["synthetic"] =
      fmt::format("guotu_bench_coverage n={} units={} cell={} seed={} defects={}", n * n, units, cell, seed, defects);
  gdal::OutputWriter w(out, wo);
  const auto& cat = layers::Catalogue::embedded();
  const layers::LayerDef& xzq_def = cat.get("XZQ");
  const layers::LayerDef& dltb_def = cat.get("DLTB");
  const auto xzq = w.create_layer(xzq_def.to_spec("EPSG:4527", "synthetic units"));
  const auto dltb = w.create_layer(dltb_def.to_spec("EPSG:4527", "synthetic jittered-grid coverage"));
  const area::AreaCalculator area("EPSG:4527");

  const std::int64_t nu = (n + per_unit - 1) / per_unit;
  for (std::int64_t uy = 0; uy < nu; ++uy) {
    for (std::int64_t ux = 0; ux < nu; ++ux) {
      const std::int64_t i0 = ux * per_unit, j0 = uy * per_unit;
      const std::int64_t i1 = std::min(n, i0 + per_unit), j1 = std::min(n, j0 + per_unit);
      const Coord ring[] = {at(i0, j0), at(i1, j0), at(i1, j1), at(i0, j1)};
      const geos::Geometry g = geos::Geometry::polygon(ring);
      std::vector<gdal::FieldValue> vals(xzq_def.fields.size());
      vals[xzq_def.field_index("BSM")] = fmt::format("U{}", uy * nu + ux);
      vals[xzq_def.field_index("XZQDM")] = fmt::format("3715{:02d}", uy * nu + ux + 1);
      vals[xzq_def.field_index("XZQMC")] = fmt::format("单元{}", uy * nu + ux + 1);
      w.add(xzq, vals, &g);
    }
  }
  const std::int64_t gap_at = n / 3 * n + n / 3, grow_at = 2 * n / 3 * n + 2 * n / 3;
  static const char* const kCodes[][2] = {
      {"0101", "水田"}, {"0103", "旱地"}, {"0301", "乔木林地"}, {"0702", "农村宅基地"}, {"1006", "农村道路"}};
  std::uniform_int_distribution<int> pick(0, 4);
  for (std::int64_t j = 0; j < n; ++j) {
    for (std::int64_t i = 0; i < n; ++i) {
      const std::int64_t k = j * n + i;
      if (defects && k == gap_at) continue;
      const Coord ring[] = {at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)};
      geos::Geometry g = geos::Geometry::polygon(ring);
      if (defects && k == grow_at) g = g.buffer(cell / 3, 2);
      const double a = std::round(area.area_m2(g) * 100.0) / 100.0;
      const int c = pick(rng);
      std::vector<gdal::FieldValue> vals(dltb_def.fields.size());
      vals[dltb_def.field_index("BSM")] = fmt::format("{:018d}", k + 1);
      vals[dltb_def.field_index("DLBM")] = std::string(kCodes[c][0]);
      vals[dltb_def.field_index("DLMC")] = std::string(kCodes[c][1]);
      vals[dltb_def.field_index("ZLDWDM")] = std::string("3715000000000000000");
      vals[dltb_def.field_index("TBMJ")] = a;
      vals[dltb_def.field_index("KCXS")] = 0.0;
      vals[dltb_def.field_index("KCMJ")] = 0.0;
      vals[dltb_def.field_index("TBDLMJ")] = a;
      w.add(dltb, vals, &g);
    }
  }
  w.commit();
  fmt::print(stderr, "{}: {} patches in {} units{}\n", out, n * n - (defects ? 1 : 0), nu * nu,
             defects ? fmt::format(" (gap: patch {} removed; overlap: patch {} grown by {} m)", gap_at + 1, grow_at + 1,
                                   cell / 3)
                     : "");
  return 0;
}

int main(int argc, char** argv) {
  return guotu::bench::main("guotu_bench_coverage", argc, argv, run);
}
