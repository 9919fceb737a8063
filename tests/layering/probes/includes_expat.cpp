// Probe: a domain file that includes <expat.h>. Must not compile (tests/CMakeLists.txt).
#include <expat.h>
