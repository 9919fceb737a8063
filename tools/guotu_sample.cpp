// guotu sample --out CITY.gpkg: generate the synthetic sample city (thin over engine/sample).
#include <cstdint>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/units.hpp"
#include "gdal/connection.hpp"
#include "sample/generator.hpp"

namespace guotu::cli {

namespace {

struct SampleArgs {
  std::string out, sample_file;
  std::size_t patches = 20000;
  std::uint64_t seed = 1;
  bool defects = false, overwrite = false, json = false;
  unsigned jobs = 0;
};

int run(const SampleArgs& a) {
  sample::SampleOptions o;
  o.out = a.out;
  o.city_file = a.sample_file;
  o.patches = a.patches;
  o.seed = a.seed;
  o.defects = a.defects;
  o.overwrite = a.overwrite;
  o.jobs = a.jobs;
  const bool tty = !a.json;
  o.progress = [tty](const std::string& stage) {
    if (tty) fmt::print(stderr, "sample: {}\n", stage);
  };
  const sample::SampleSummary s = sample::generate_sample(o);
  auto share = [&](const char* cls) {
    auto it = s.class_area_m2.find(cls);
    return it == s.class_area_m2.end() || s.land_area_m2 <= 0 ? 0.0 : it->second / s.land_area_m2;
  };
  if (a.json) {
    nlohmann::json j{
        {"out", gdal::display_target(a.out)},
        {"seed", a.seed},
        {"feature_counts", s.feature_counts},
        {"land_area_m2", s.land_area_m2},
        {"class_area_m2", s.class_area_m2},
        {"shares",
         {{"cultivated", share("cultivated")}, {"construction", share("construction")}, {"forest", share("forest")}}},
        {"natural_parks_m2", s.natural_parks_m2},
        {"natural_parks_wan_mu", units::to_wan_mu(s.natural_parks_m2)},
        {"changes", s.changes},
        {"planted_violations", s.planted_violations},
        {"defects", s.defects},
        {"notes", s.notes}};
    fmt::print("{}\n", json_text(j));
  } else {
    fmt::print(stderr, "wrote {} (SYNTHETIC sample city, seed {})\n", gdal::display_target(a.out), a.seed);
    for (const auto& [layer, n] : s.feature_counts) fmt::print(stderr, "  {:<12} {:>9} features\n", layer, n);
    fmt::print(stderr, "  land area (椭球面积)      {:.2f} km²\n", units::to_km2(s.land_area_m2));
    fmt::print(stderr, "  耕地 share               {:.2f} %\n", 100 * share("cultivated"));
    fmt::print(stderr, "  国土开发强度 (建设用地)  {:.2f} %\n", 100 * share("construction"));
    fmt::print(stderr, "  林地 share               {:.2f} %\n", 100 * share("forest"));
    fmt::print(stderr, "  自然保护地               {:.2f} 万亩\n", units::to_wan_mu(s.natural_parks_m2));
    fmt::print(stderr, "  changes to DLTB_LATER    {}\n", s.changes);
    fmt::print(stderr, "  planted violations       {}\n", s.planted_violations);
    if (a.defects) fmt::print(stderr, "  injected defects         {}\n", s.defects);
    for (const auto& n : s.notes) fmt::print(stderr, "  note: {}\n", n);
  }
  return 0;
}

}  // namespace

void register_sample(CLI::App& app, CommandMain& selected) {
  auto a = std::make_shared<SampleArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sample",
      "Generate the SYNTHETIC sample city: real county boundaries and town codes, generated land use "
      "(DLTB and a later vintage DLTB_LATER), control lines, natural parks, the central city's areas, "
      "control lines and sample projects, with ground-truth sidecar tables. Deterministic: the same "
      "seed gives a byte-identical GeoPackage.");
  cmd->add_option("--out", a->out, "GeoPackage to write, or PostGIS PG:…")->required();
  cmd->add_option("--patches", a->patches, "approximate number of DLTB patches (default 20000)")
      ->check(whole_in(1, 10'000'000));
  cmd->add_option("--seed", a->seed, "random seed, 0 to 2^63 − 1 (default 1)")
      ->check(whole_in(0, std::numeric_limits<std::int64_t>::max()));
  cmd->add_flag("--defects", a->defects, "inject the known list of defects (sidecar table sample_defects)");
  add_city_option(cmd);
  cmd->add_option("--sample-file", a->sample_file,
                  "the sample city's description (YAML; default: the city profile's, files: sample)");
  cmd->add_option("--jobs", a->jobs, "worker threads (default: all cores)")->check(jobs_range());
  cmd->add_flag("--overwrite", a->overwrite, "replace an existing output");
  cmd->add_flag("--json", a->json, "print a JSON summary on stdout");
  cmd->callback([a, &selected] { selected = [a] { return run(*a); }; });
}

}  // namespace guotu::cli
