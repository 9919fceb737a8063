// Probe: a domain file that includes <proj.h>. Must not compile (tests/CMakeLists.txt).
#include <proj.h>
