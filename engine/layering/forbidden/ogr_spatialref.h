// Stands in for <ogr_spatialref.h> above the adapters (engine/CMakeLists.txt): only engine/gdal/ may use it.
#error "guotu layering: domain and CLI code may not include <ogr_spatialref.h>; go through engine/gdal/ (docs/architecture.md)"
