// Stands in for <gdal_utils.h> above the adapters (engine/CMakeLists.txt): only engine/gdal/ may use it.
#error "guotu layering: domain and CLI code may not include <gdal_utils.h>; go through engine/gdal/ (docs/architecture.md)"
