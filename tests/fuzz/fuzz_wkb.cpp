// WKB → GEOS (how every geometry crosses from GDAL into the engine), then the operations every
// command applies to a feature: validity, area, envelope, WKB back.
#include "fuzz_support.hpp"
#include "geos/geometry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  guotu::fuzz::expect_bad_input_only([&] {
    const auto g = guotu::geos::Geometry::from_wkb({data, size});
    (void)g.is_valid();
    (void)g.planar_area();
    (void)g.envelope();
    (void)g.to_wkb();
  });
  return 0;
}
