// diff's change rules (data/rules/change_*.yaml, docs/change.md §The rule file).
#include "change/change_rules.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  guotu::fuzz::expect_bad_input_only(
      [&] { (void)guotu::change::ChangeRules::parse(std::string(guotu::fuzz::as_text(data, size)), "fuzz.yaml"); });
  return 0;
}
