// Stands in for <geos.h> above the adapters (engine/CMakeLists.txt): only engine/geos/ may use it.
#error "guotu layering: domain and CLI code may not include <geos.h>; go through engine/geos/ (docs/architecture.md)"
