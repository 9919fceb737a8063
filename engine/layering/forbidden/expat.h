// Stands in for <expat.h> above the adapters (engine/CMakeLists.txt): only engine/xml/ may use it.
#error "guotu layering: domain and CLI code may not include <expat.h>; go through engine/xml/ (docs/architecture.md)"
