// Probe: a domain file that includes <boost/geometry.hpp>. Must not compile (tests/CMakeLists.txt).
#include <boost/geometry.hpp>
