// Code lists (layers/codes/*.csv: 三调, 用地用海) and the code parser applied to each code.
#include "fuzz_support.hpp"
#include "layers/code_list.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = guotu::fuzz::as_file(data, size, "codes.csv");
  guotu::fuzz::expect_bad_input_only([&] {
    const auto list = guotu::layers::CodeList::load(file);
    for (const auto& e : list.entries()) {
      (void)guotu::layers::parse_code(e.code);
      (void)list.check(e.code);
      (void)list.name_of(e.code);
    }
  });
  guotu::fuzz::expect_bad_input_only([&] { (void)guotu::layers::LandClasses::load(file); });
  return 0;
}
