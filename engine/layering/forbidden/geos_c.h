// Stands in for <geos_c.h> above the adapters (engine/CMakeLists.txt): only engine/geos/ may use it.
#error "guotu layering: domain and CLI code may not include <geos_c.h>; go through engine/geos/ (docs/architecture.md)"
