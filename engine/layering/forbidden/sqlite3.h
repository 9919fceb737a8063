// Stands in for <sqlite3.h> above the adapters (engine/CMakeLists.txt): only engine/sqlite/ may use it.
#error "guotu layering: domain and CLI code may not include <sqlite3.h>; go through engine/sqlite/ (docs/architecture.md)"
