// check's rule files (data/rules/*.yaml, docs/rules.md).
#include "check/rule_set.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  guotu::fuzz::expect_bad_input_only(
      [&] { (void)guotu::check::RuleSet::parse(std::string(guotu::fuzz::as_text(data, size)), "fuzz.yaml"); });
  return 0;
}
