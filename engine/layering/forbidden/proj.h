// Stands in for <proj.h> above the adapters (engine/CMakeLists.txt): only engine/proj/ may use it.
#error "guotu layering: domain and CLI code may not include <proj.h>; go through engine/proj/ (docs/architecture.md)"
