#include "sample/generator.hpp"

#include <thread>

#include "core/city.hpp"
#include "core/error.hpp"
#include "core/output_guard.hpp"
#include "core/resources.hpp"
#include "layers/code_list.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

void write_city(const City& city, const SampleOptions& options, SampleSummary& summary);

SampleSummary generate_sample(const SampleOptions& options) {
  if (options.out.empty()) throw_bad_input("no output file given (--out)");
  if (options.patches < 100 || options.patches > 50'000'000)
    throw_bad_input("--patches must be between 100 and 50,000,000");
  const auto home = resources::home();
  const auto city_file = options.city_file.empty() ? city::current().sample : options.city_file;
  if (city_file.empty())
    throw_bad_input("the city profile gives no sample description (files: sample)",
                    {city::current().file.string(), {}, {}, {}});
  OutputGuard().input(city_file.string(), "--sample-file").output(options.out, "--out").check(options.overwrite);
  City city;
  city.cfg = CityConfig::load(city_file, home);
  city.seed = options.seed;
  city.jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  auto stage = [&](const char* s) {
    if (options.progress) options.progress(s);
  };
  stage("admin units");
  build_admin(city);
  stage("corridors");
  build_corridors(city);
  stage("land-use patches");
  build_patches(city, options.patches);
  stage("plan layers");
  build_plan_layers(city);
  stage("projects");
  build_projects(city);
  stage("later vintage");
  build_later_vintage(city);
  if (options.defects) {
    stage("defects");
    inject_defects(city);
  }
  SampleSummary summary;
  const auto& classes = layers::LandClasses::embedded();
  for (const auto& p : city.patches) {
    summary.land_area_m2 += p.tbmj;
    for (const char* cls : {"cultivated", "construction", "forest", "garden", "wetland", "water", "agricultural"})
      if (classes.contains(cls, "sandiao", p.code)) summary.class_area_m2[cls] += p.tbmj;
    if (classes.contains("cultivated", "sandiao", p.code)) summary.cultivated_net_m2 += p.tbmj * (1 - p.kcxs);
  }
  for (const auto& f : city.layers["ZRBHD"]) summary.natural_parks_m2 += gdal::as_number(f.values.at("MJ")).value_or(0);
  summary.notes = city.notes;
  write_city(city, options, summary);
  return summary;
}

}  // namespace guotu::sample
