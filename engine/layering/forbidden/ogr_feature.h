// Stands in for <ogr_feature.h> above the adapters (engine/CMakeLists.txt): only engine/gdal/ may use it.
#error "guotu layering: domain and CLI code may not include <ogr_feature.h>; go through engine/gdal/ (docs/architecture.md)"
