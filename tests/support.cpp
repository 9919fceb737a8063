// The build's paths, compiled into this file alone (see support.hpp).
#include "support.hpp"

namespace guotu::test {

std::filesystem::path source_dir() {
  return GUOTU_TEST_SOURCE_DIR;
}
std::filesystem::path guotu_binary() {
  return GUOTU_BINARY;
}
std::filesystem::path sample_dir() {
  return GUOTU_TEST_SAMPLE_DIR;
}

}  // namespace guotu::test
