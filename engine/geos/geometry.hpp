// The GEOS adapter: every GEOS handle in guotu is owned by one of these move-only types.
// Domain code includes this header only; geos_c.h stays inside engine/geos.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/coord.hpp"
#include "core/error.hpp"

struct GEOSContextHandle_HS;
struct GEOSGeom_t;
struct GEOSPrepGeom_t;
struct GEOSSTRtree_t;

namespace guotu::geos {

/// A GEOS context. GEOS contexts are not thread-safe, so each thread has its own
/// (Context::current()); a Geometry remembers the context that made it.
class Context {
 public:
  Context();
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  /// The context of the calling thread (created on first use, destroyed at thread exit).
  static Context& current();

  /// The last error or notice GEOS reported on this context.
  [[nodiscard]] const std::string& last_error() const noexcept { return last_error_; }

  GEOSContextHandle_HS* handle() const noexcept { return handle_; }

 private:
  static void on_error(const char* message, void* self);
  GEOSContextHandle_HS* handle_;
  std::string last_error_;
};

using guotu::Coord;
using guotu::Envelope;

/// A GEOS operation that failed on its input: a TopologyException on degenerate or near-coincident
/// edges, coordinates too large to compute with, … An internal error (exit 3) until code that
/// knows which feature the geometry came from names it: wrap the work on one feature in
/// on_feature(), which turns it into a BadInput error naming file, layer and fid.
class Failure : public Error {
 public:
  Failure(std::string operation, std::string message);
  [[nodiscard]] const std::string& operation() const noexcept { return operation_; }
  [[nodiscard]] const std::string& geos_message() const noexcept { return message_; }

 private:
  std::string operation_;
  std::string message_;
};

/// Runs f(); a GEOS Failure inside it becomes a BadInput error naming `where` and, when given,
/// `doing` (e.g. "rule R-CSLX-BUFFER against CSLX fid 7").
template <typename F>
decltype(auto) on_feature(const ErrorContext& where, const std::string& doing, F&& f) {
  try {
    return f();
  } catch (const Failure& e) {
    throw_bad_input("GEOS cannot compute the " + e.operation() + (doing.empty() ? "" : " for " + doing) + ": " +
                        e.geos_message() + " (a degenerate geometry or absurd coordinates: run guotu validate)",
                    where);
  }
}

enum class GeometryType {
  Point,
  LineString,
  LinearRing,
  Polygon,
  MultiPoint,
  MultiLineString,
  MultiPolygon,
  Collection
};

/// Why a geometry is invalid, and where (GEOSisValidDetail).
struct InvalidReason {
  std::string reason;
  Coord location{0, 0};
};

/// A ring of a polygon handed to a visitor: its vertices (closed: first == last).
struct RingView {
  std::span<const Coord> coords;
  std::size_t polygon_index;  ///< which polygon of a multipolygon
  bool is_hole;
};

/// An owned GEOS geometry. Move-only; the destructor frees it on the context that made it.
class Geometry {
 public:
  Geometry() = default;
  Geometry(Context& ctx, GEOSGeom_t* owned) noexcept : ctx_(&ctx), g_(owned) {}
  ~Geometry();
  Geometry(Geometry&& o) noexcept : ctx_(o.ctx_), g_(o.g_) { o.g_ = nullptr; }
  Geometry& operator=(Geometry&& o) noexcept;
  Geometry(const Geometry&) = delete;
  Geometry& operator=(const Geometry&) = delete;

  static Geometry from_wkt(std::string_view wkt, Context& ctx = Context::current());
  static Geometry from_wkb(std::span<const std::uint8_t> wkb, Context& ctx = Context::current());
  /// A polygon from an exterior ring and holes (each ring closed or not; it is closed here).
  static Geometry polygon(std::span<const Coord> shell, const std::vector<std::vector<Coord>>& holes = {},
                          Context& ctx = Context::current());
  static Geometry point(Coord c, Context& ctx = Context::current());
  static Geometry rectangle(const Envelope& e, Context& ctx = Context::current());
  /// A collection (multi-type chosen from the parts); takes ownership of the parts.
  static Geometry collect(std::vector<Geometry> parts, Context& ctx = Context::current());

  [[nodiscard]] explicit operator bool() const noexcept { return g_ != nullptr; }
  [[nodiscard]] Geometry clone() const;
  [[nodiscard]] std::string to_wkt(int decimals = -1) const;
  [[nodiscard]] std::vector<std::uint8_t> to_wkb() const;

  [[nodiscard]] GeometryType type() const;
  [[nodiscard]] bool is_empty() const;
  [[nodiscard]] bool is_polygonal() const;
  [[nodiscard]] std::size_t num_geometries() const;
  [[nodiscard]] std::size_t num_points() const;
  /// Part n of a collection, as a copy.
  [[nodiscard]] Geometry part(std::size_t n) const;
  [[nodiscard]] Envelope envelope() const;
  /// Planar area in the geometry's own units: a diagnostic only; official figures are 椭球面积.
  [[nodiscard]] double planar_area() const;
  [[nodiscard]] double length() const;
  [[nodiscard]] Coord centroid() const;
  /// A point guaranteed to lie inside (for labels and for locating a polygon in a unit).
  [[nodiscard]] Coord interior_point() const;

  [[nodiscard]] bool is_valid() const;
  [[nodiscard]] std::optional<InvalidReason> invalid_reason() const;
  /// GEOS make-valid, "structure" method (keeps area, drops collapsed parts).
  [[nodiscard]] Geometry make_valid() const;

  [[nodiscard]] Geometry intersection(const Geometry& o) const;
  [[nodiscard]] Geometry difference(const Geometry& o) const;
  [[nodiscard]] Geometry union_with(const Geometry& o) const;
  [[nodiscard]] Geometry unary_union() const;
  [[nodiscard]] Geometry buffer(double distance, int quadrant_segments = 8) const;
  /// Only the polygonal parts (overlay can yield lines and points where polygons touch).
  [[nodiscard]] Geometry polygonal_part() const;
  [[nodiscard]] Geometry snapped_to_grid(double grid) const;

  [[nodiscard]] bool intersects(const Geometry& o) const;
  [[nodiscard]] bool contains(const Geometry& o) const;
  [[nodiscard]] bool covers(const Geometry& o) const;
  [[nodiscard]] bool equals_exact(const Geometry& o, double tolerance) const;

  /// Every coordinate passed through f (in place on a copy); used for reprojection and offsets.
  [[nodiscard]] Geometry transformed(const std::function<void(std::span<Coord>)>& f) const;
  /// Visit every polygon ring (shells and holes) of a (multi)polygon.
  void for_each_ring(const std::function<void(const RingView&)>& visit) const;

  // ---- validate additions (guotu validate: coverage, gap and sliver checks) ----
  /// DE-9IM relate against a pattern, e.g. "2********": the interiors share an area.
  [[nodiscard]] bool relate_pattern(const Geometry& o, const std::string& pattern) const;
  /// The boundary (rings of a polygon as lines).
  [[nodiscard]] Geometry boundary() const;
  /// The polygons of a (multi)polygon without their holes (a hole-filled shell set).
  [[nodiscard]] Geometry without_holes() const;
  // ---- end of validate additions ----

  [[nodiscard]] Context& context() const noexcept { return *ctx_; }
  [[nodiscard]] const GEOSGeom_t* raw() const noexcept { return g_; }
  /// Hand the handle over (to another owner inside the adapter).
  GEOSGeom_t* release() noexcept {
    auto* g = g_;
    g_ = nullptr;
    return g;
  }

 private:
  Context* ctx_ = nullptr;
  GEOSGeom_t* g_ = nullptr;
};

/// A prepared geometry for repeated predicates against one geometry (a plan feature
/// tested against many projects). Owns its base geometry.
class PreparedGeometry {
 public:
  explicit PreparedGeometry(Geometry base);
  ~PreparedGeometry();
  PreparedGeometry(PreparedGeometry&& o) noexcept;
  PreparedGeometry& operator=(PreparedGeometry&& o) noexcept;
  PreparedGeometry(const PreparedGeometry&) = delete;
  PreparedGeometry& operator=(const PreparedGeometry&) = delete;

  [[nodiscard]] bool intersects(const Geometry& g) const;
  [[nodiscard]] bool contains(const Geometry& g) const;
  [[nodiscard]] bool covers(const Geometry& g) const;
  /// g lies in the interior, touching no boundary: far cheaper than covers for a large polygon
  /// (no segment intersection beyond the first), the test the overlay core's shortcuts use.
  [[nodiscard]] bool contains_properly(const Geometry& g) const;
  [[nodiscard]] const Geometry& base() const noexcept { return base_; }

 private:
  Geometry base_;
  const GEOSPrepGeom_t* prepared_ = nullptr;
};

}  // namespace guotu::geos
