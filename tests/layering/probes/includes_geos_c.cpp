// Probe: a domain file that includes <geos_c.h>. Must not compile (tests/CMakeLists.txt).
#include <geos_c.h>
