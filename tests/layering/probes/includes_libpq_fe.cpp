// Probe: a domain file that includes <libpq-fe.h>. Must not compile (tests/CMakeLists.txt).
#include <libpq-fe.h>
