// Stands in for <boost/geometry/index/rtree.hpp> above the adapters (engine/CMakeLists.txt): only engine/index/ may use it.
#error "guotu layering: domain and CLI code may not include <boost/geometry/index/rtree.hpp>; go through engine/index/ (docs/architecture.md)"
