// A city's sample profile (data/cities/<city>/sample.yaml), relative paths resolved against the
// real data home.
#include "core/resources.hpp"
#include "fuzz_support.hpp"
#include "sample/city_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = guotu::fuzz::as_file(data, size, "sample.yaml");
  guotu::fuzz::expect_bad_input_only([&] { (void)guotu::sample::CityConfig::load(file, guotu::resources::home()); });
  return 0;
}
