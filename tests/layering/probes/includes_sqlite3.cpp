// Probe: a domain file that includes <sqlite3.h>. Must not compile (tests/CMakeLists.txt).
#include <sqlite3.h>
