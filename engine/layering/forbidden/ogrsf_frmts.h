// Stands in for <ogrsf_frmts.h> above the adapters (engine/CMakeLists.txt): only engine/gdal/ may use it.
#error "guotu layering: domain and CLI code may not include <ogrsf_frmts.h>; go through engine/gdal/ (docs/architecture.md)"
