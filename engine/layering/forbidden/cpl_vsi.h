// Stands in for <cpl_vsi.h> above the adapters (engine/CMakeLists.txt): only engine/gdal/ may use it.
#error "guotu layering: domain and CLI code may not include <cpl_vsi.h>; go through engine/gdal/ (docs/architecture.md)"
