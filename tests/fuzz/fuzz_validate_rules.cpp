// validate's rule file (data/validate/rules.yaml, docs/validate.md).
#include "fuzz_support.hpp"
#include "validate/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = guotu::fuzz::as_file(data, size, "rules.yaml");
  guotu::fuzz::expect_bad_input_only([&] { (void)guotu::validate::RuleSet::load(file); });
  return 0;
}
