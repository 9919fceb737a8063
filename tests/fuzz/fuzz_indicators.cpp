// report's indicator definitions (data/indicators/*.yaml) and, on the embedded indicators,
// its target files (data/targets/*.yaml, a planner's quota file).
#include "fuzz_support.hpp"
#include "report/indicator.hpp"
#include "report/target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = guotu::fuzz::as_file(data, size, "indicators.yaml");
  guotu::fuzz::expect_bad_input_only([&] { (void)guotu::report::IndicatorSet::load({file}); });
  return 0;
}
