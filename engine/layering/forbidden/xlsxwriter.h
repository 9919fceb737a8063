// Stands in for <xlsxwriter.h> above the adapters (engine/CMakeLists.txt): only engine/xlsx/ may use it.
#error "guotu layering: domain and CLI code may not include <xlsxwriter.h>; go through engine/xlsx/ (docs/architecture.md)"
