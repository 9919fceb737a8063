// Adapter-internal (included by engine/geos/*.cpp only): a std::unique_ptr for every GEOS object
// the adapter creates besides geometries (Geometry owns those), so that no error path between a
// create and its destroy can leak one.
#pragma once

#include <geos_c.h>

#include <memory>

namespace guotu::geos::owned {

/// Calls the GEOS destroy function `Destroy(handle, p)` of the object's type.
template <auto Destroy>
struct Destroyer {
  GEOSContextHandle_t handle;
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p != nullptr) Destroy(handle, p);
  }
};

template <typename T, auto Destroy>
using Owned = std::unique_ptr<T, Destroyer<Destroy>>;

using WktReader = Owned<GEOSWKTReader, GEOSWKTReader_destroy_r>;
using WkbReader = Owned<GEOSWKBReader, GEOSWKBReader_destroy_r>;
using WktWriter = Owned<GEOSWKTWriter, GEOSWKTWriter_destroy_r>;
using WkbWriter = Owned<GEOSWKBWriter, GEOSWKBWriter_destroy_r>;
using MakeValidParams = Owned<GEOSMakeValidParams, GEOSMakeValidParams_destroy_r>;
using Prepared = Owned<const GEOSPreparedGeometry, GEOSPreparedGeom_destroy_r>;
using CoordSeq = Owned<GEOSCoordSequence, GEOSCoordSeq_destroy_r>;
/// A raw geometry not yet handed to a Geometry or to a GEOS constructor that takes ownership.
using RawGeometry = Owned<GEOSGeometry, GEOSGeom_destroy_r>;
/// A buffer GEOS allocated (WKT text, WKB bytes, a validity reason).
using Buffer = Owned<void, GEOSFree_r>;

}  // namespace guotu::geos::owned
