// Stands in for <libpq-fe.h> above the adapters (engine/CMakeLists.txt): only engine/pg/ may use it.
#error "guotu layering: domain and CLI code may not include <libpq-fe.h>; go through engine/pg/ (docs/architecture.md)"
