// Probe: a domain file that includes <gdal_priv.h>. Must not compile (tests/CMakeLists.txt).
#include <gdal_priv.h>
