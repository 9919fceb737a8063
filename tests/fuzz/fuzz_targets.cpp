// report's target files (data/targets/*.yaml, or a planner's quota file) on the embedded indicators.
#include "core/resources.hpp"
#include "fuzz_support.hpp"
#include "report/indicator.hpp"
#include "report/target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto indicators =
      guotu::report::IndicatorSet::load({guotu::resources::resource("data/indicators/liaocheng.yaml")});
  const auto file = guotu::fuzz::as_file(data, size, "targets.yaml");
  guotu::fuzz::expect_bad_input_only([&] { (void)guotu::report::TargetSet::load({file}, indicators); });
  return 0;
}
