// Probe: a domain file that includes <xlsxwriter.h>. Must not compile (tests/CMakeLists.txt).
#include <xlsxwriter.h>
