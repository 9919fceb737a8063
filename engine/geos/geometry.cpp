#include "geos/geometry.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "geos/owned.hpp"

namespace guotu::geos {

namespace {

[[noreturn]] void fail(const Context& ctx, const char* op) {
  throw Failure(op, ctx.last_error().empty() ? "unknown error" : ctx.last_error());
}

GEOSGeometry* check(const Context& ctx, GEOSGeometry* g, const char* op) {
  if (g == nullptr) fail(ctx, op);
  return g;
}

char check_predicate(const Context& ctx, char r, const char* op) {
  if (r == 2) fail(ctx, op);
  return r;
}

}  // namespace

Failure::Failure(std::string operation, std::string message)
    : Error(ErrorKind::Internal, "GEOS " + operation + " failed: " + message),
      operation_(std::move(operation)),
      message_(std::move(message)) {}

// ---------------------------------------------------------------- Context

Context::Context() : handle_(GEOS_init_r()) {
  if (handle_ == nullptr) throw_internal("GEOS_init_r failed");
  GEOSContext_setErrorMessageHandler_r(handle_, &Context::on_error, this);
}

Context::~Context() {
  GEOS_finish_r(handle_);
}

Context& Context::current() {
  thread_local Context ctx;
  return ctx;
}

void Context::on_error(const char* message, void* self) {
  static_cast<Context*>(self)->last_error_ = message != nullptr ? message : "";
}

// ---------------------------------------------------------------- Geometry

Geometry::~Geometry() {
  if (g_ != nullptr) GEOSGeom_destroy_r(ctx_->handle(), g_);
}

Geometry& Geometry::operator=(Geometry&& o) noexcept {
  if (this != &o) {
    if (g_ != nullptr) GEOSGeom_destroy_r(ctx_->handle(), g_);
    ctx_ = o.ctx_;
    g_ = o.g_;
    o.g_ = nullptr;
  }
  return *this;
}

Geometry Geometry::from_wkt(std::string_view wkt, Context& ctx) {
  auto* h = ctx.handle();
  const owned::WktReader r(GEOSWKTReader_create_r(h), {h});
  if (!r) fail(ctx, "WKTReader_create");
  std::string text(wkt);
  GEOSGeometry* g = GEOSWKTReader_read_r(h, r.get(), text.c_str());
  if (g == nullptr) throw_bad_input("cannot parse WKT: " + ctx.last_error());
  return {ctx, g};
}

Geometry Geometry::from_wkb(std::span<const std::uint8_t> wkb, Context& ctx) {
  auto* h = ctx.handle();
  const owned::WkbReader r(GEOSWKBReader_create_r(h), {h});
  if (!r) fail(ctx, "WKBReader_create");
  GEOSGeometry* g = GEOSWKBReader_read_r(h, r.get(), wkb.data(), wkb.size());
  if (g == nullptr) throw_bad_input("cannot parse WKB: " + ctx.last_error());
  return {ctx, g};
}

namespace {
owned::RawGeometry make_ring(Context& ctx, std::span<const Coord> pts) {
  auto* h = ctx.handle();
  std::vector<Coord> closed(pts.begin(), pts.end());
  if (closed.empty() || closed.front().x != closed.back().x || closed.front().y != closed.back().y) {
    if (!closed.empty()) closed.push_back(closed.front());
  }
  auto* seq = GEOSCoordSeq_copyFromBuffer_r(h, reinterpret_cast<const double*>(closed.data()),
                                            static_cast<unsigned>(closed.size()), 0, 0);
  if (seq == nullptr) fail(ctx, "CoordSeq");
  // createLinearRing takes the sequence whether or not it succeeds.
  return {check(ctx, GEOSGeom_createLinearRing_r(h, seq), "createLinearRing"), {h}};
}
}  // namespace

Geometry Geometry::polygon(std::span<const Coord> shell, const std::vector<std::vector<Coord>>& holes, Context& ctx) {
  auto* h = ctx.handle();
  // The rings stay owned here until createPolygon takes them (it does whether or not it succeeds).
  owned::RawGeometry s = make_ring(ctx, shell);
  std::vector<owned::RawGeometry> owned_holes;
  owned_holes.reserve(holes.size());
  for (const auto& hole : holes) owned_holes.push_back(make_ring(ctx, hole));
  std::vector<GEOSGeometry*> hs;
  hs.reserve(owned_holes.size());
  for (auto& hole : owned_holes) hs.push_back(hole.release());
  return {ctx, check(ctx, GEOSGeom_createPolygon_r(h, s.release(), hs.data(), static_cast<unsigned>(hs.size())),
                     "createPolygon")};
}

Geometry Geometry::point(Coord c, Context& ctx) {
  return {ctx, check(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), c.x, c.y), "createPoint")};
}

Geometry Geometry::rectangle(const Envelope& e, Context& ctx) {
  return {ctx,
          check(ctx, GEOSGeom_createRectangle_r(ctx.handle(), e.min_x, e.min_y, e.max_x, e.max_y), "createRectangle")};
}

Geometry Geometry::collect(std::vector<Geometry> parts, Context& ctx) {
  auto* h = ctx.handle();
  int type = GEOS_GEOMETRYCOLLECTION;
  bool all_poly = !parts.empty(), all_line = !parts.empty(), all_point = !parts.empty();
  std::vector<GEOSGeometry*> raw;
  for (auto& p : parts) {
    if (!p) continue;
    auto t = p.type();
    all_poly = all_poly && (t == GeometryType::Polygon);
    all_line = all_line && (t == GeometryType::LineString);
    all_point = all_point && (t == GeometryType::Point);
  }
  if (all_poly)
    type = GEOS_MULTIPOLYGON;
  else if (all_line)
    type = GEOS_MULTILINESTRING;
  else if (all_point)
    type = GEOS_MULTIPOINT;
  for (auto& p : parts)
    if (p) raw.push_back(p.release());
  return {ctx, check(ctx, GEOSGeom_createCollection_r(h, type, raw.data(), static_cast<unsigned>(raw.size())),
                     "createCollection")};
}

Geometry Geometry::clone() const {
  return {*ctx_, check(*ctx_, GEOSGeom_clone_r(ctx_->handle(), g_), "clone")};
}

std::string Geometry::to_wkt(int decimals) const {
  auto* h = ctx_->handle();
  const owned::WktWriter w(GEOSWKTWriter_create_r(h), {h});
  if (!w) fail(*ctx_, "WKTWriter_create");
  GEOSWKTWriter_setTrim_r(h, w.get(), 1);
  if (decimals >= 0) GEOSWKTWriter_setRoundingPrecision_r(h, w.get(), decimals);
  const owned::Buffer s(GEOSWKTWriter_write_r(h, w.get(), g_), {h});
  if (!s) fail(*ctx_, "WKTWriter");
  return {static_cast<const char*>(s.get())};
}

std::vector<std::uint8_t> Geometry::to_wkb() const {
  auto* h = ctx_->handle();
  const owned::WkbWriter w(GEOSWKBWriter_create_r(h), {h});
  if (!w) fail(*ctx_, "WKBWriter_create");
  GEOSWKBWriter_setByteOrder_r(h, w.get(), GEOS_WKB_NDR);
  std::size_t size = 0;
  const owned::Buffer buf(GEOSWKBWriter_write_r(h, w.get(), g_, &size), {h});
  if (!buf) fail(*ctx_, "WKBWriter");
  const auto* bytes = static_cast<const std::uint8_t*>(buf.get());
  return {bytes, bytes + size};
}

GeometryType Geometry::type() const {
  switch (GEOSGeomTypeId_r(ctx_->handle(), g_)) {
    case GEOS_POINT: return GeometryType::Point;
    case GEOS_LINESTRING: return GeometryType::LineString;
    case GEOS_LINEARRING: return GeometryType::LinearRing;
    case GEOS_POLYGON: return GeometryType::Polygon;
    case GEOS_MULTIPOINT: return GeometryType::MultiPoint;
    case GEOS_MULTILINESTRING: return GeometryType::MultiLineString;
    case GEOS_MULTIPOLYGON: return GeometryType::MultiPolygon;
    default: return GeometryType::Collection;
  }
}

bool Geometry::is_empty() const {
  return check_predicate(*ctx_, GEOSisEmpty_r(ctx_->handle(), g_), "isEmpty") == 1;
}

bool Geometry::is_polygonal() const {
  auto t = type();
  return t == GeometryType::Polygon || t == GeometryType::MultiPolygon;
}

std::size_t Geometry::num_geometries() const {
  int n = GEOSGetNumGeometries_r(ctx_->handle(), g_);
  if (n < 0) fail(*ctx_, "getNumGeometries");
  return static_cast<std::size_t>(n);
}

std::size_t Geometry::num_points() const {
  int n = GEOSGetNumCoordinates_r(ctx_->handle(), g_);
  if (n < 0) fail(*ctx_, "getNumCoordinates");
  return static_cast<std::size_t>(n);
}

Geometry Geometry::part(std::size_t n) const {
  const GEOSGeometry* p = GEOSGetGeometryN_r(ctx_->handle(), g_, static_cast<int>(n));
  if (p == nullptr) fail(*ctx_, "getGeometryN");
  return {*ctx_, check(*ctx_, GEOSGeom_clone_r(ctx_->handle(), p), "clone")};
}

Envelope Geometry::envelope() const {
  Envelope e;
  if (is_empty()) return e;
  if (GEOSGeom_getExtent_r(ctx_->handle(), g_, &e.min_x, &e.min_y, &e.max_x, &e.max_y) == 0) fail(*ctx_, "getExtent");
  return e;
}

double Geometry::planar_area() const {
  double a = 0;
  if (GEOSArea_r(ctx_->handle(), g_, &a) == 0) fail(*ctx_, "area");
  return a;
}

double Geometry::length() const {
  double l = 0;
  if (GEOSLength_r(ctx_->handle(), g_, &l) == 0) fail(*ctx_, "length");
  return l;
}

namespace {
Coord point_xy(Context& ctx, GEOSGeometry* p) {
  Geometry owned(ctx, p);
  Coord c{0, 0};
  if (GEOSGeomGetX_r(ctx.handle(), p, &c.x) == 0 || GEOSGeomGetY_r(ctx.handle(), p, &c.y) == 0) fail(ctx, "getXY");
  return c;
}
}  // namespace

Coord Geometry::centroid() const {
  return point_xy(*ctx_, check(*ctx_, GEOSGetCentroid_r(ctx_->handle(), g_), "centroid"));
}

Coord Geometry::interior_point() const {
  return point_xy(*ctx_, check(*ctx_, GEOSPointOnSurface_r(ctx_->handle(), g_), "pointOnSurface"));
}

bool Geometry::is_valid() const {
  return check_predicate(*ctx_, GEOSisValid_r(ctx_->handle(), g_), "isValid") == 1;
}

std::optional<InvalidReason> Geometry::invalid_reason() const {
  auto* h = ctx_->handle();
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  char r = GEOSisValidDetail_r(h, g_, 0, &reason, &location);
  if (r == 2) fail(*ctx_, "isValidDetail");
  const owned::Buffer owned_reason(reason, {h});
  owned::RawGeometry owned_location(location, {h});
  if (r == 1) return std::nullopt;
  InvalidReason out;
  out.reason = reason != nullptr ? reason : "invalid";
  if (location != nullptr) {
    const Geometry loc(*ctx_, owned_location.release());
    if (!loc.is_empty()) {
      GEOSGeomGetX_r(h, location, &out.location.x);
      GEOSGeomGetY_r(h, location, &out.location.y);
    }
  }
  return out;
}

Geometry Geometry::make_valid() const {
  auto* h = ctx_->handle();
  const owned::MakeValidParams p(GEOSMakeValidParams_create_r(h), {h});
  if (!p) fail(*ctx_, "MakeValidParams_create");
  GEOSMakeValidParams_setMethod_r(h, p.get(), GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(h, p.get(), 0);
  return {*ctx_, check(*ctx_, GEOSMakeValidWithParams_r(h, g_, p.get()), "makeValid")};
}

Geometry Geometry::intersection(const Geometry& o) const {
  return {*ctx_, check(*ctx_, GEOSIntersection_r(ctx_->handle(), g_, o.g_), "intersection")};
}
Geometry Geometry::difference(const Geometry& o) const {
  return {*ctx_, check(*ctx_, GEOSDifference_r(ctx_->handle(), g_, o.g_), "difference")};
}
Geometry Geometry::union_with(const Geometry& o) const {
  return {*ctx_, check(*ctx_, GEOSUnion_r(ctx_->handle(), g_, o.g_), "union")};
}
Geometry Geometry::unary_union() const {
  return {*ctx_, check(*ctx_, GEOSUnaryUnion_r(ctx_->handle(), g_), "unaryUnion")};
}
Geometry Geometry::buffer(double distance, int quadrant_segments) const {
  return {*ctx_, check(*ctx_, GEOSBuffer_r(ctx_->handle(), g_, distance, quadrant_segments), "buffer")};
}
Geometry Geometry::snapped_to_grid(double grid) const {
  return {*ctx_, check(*ctx_, GEOSGeom_setPrecision_r(ctx_->handle(), g_, grid, 0), "setPrecision")};
}

Geometry Geometry::polygonal_part() const {
  auto t = type();
  if (t == GeometryType::Polygon || t == GeometryType::MultiPolygon) return clone();
  std::vector<Geometry> polys;
  if (t == GeometryType::Collection) {
    for (std::size_t i = 0; i < num_geometries(); ++i) {
      Geometry p = part(i);
      if (p.type() == GeometryType::Polygon) {
        polys.push_back(std::move(p));
      } else if (p.type() == GeometryType::MultiPolygon) {
        for (std::size_t j = 0; j < p.num_geometries(); ++j) polys.push_back(p.part(j));
      }
    }
  }
  if (polys.empty()) {
    return {*ctx_, check(*ctx_, GEOSGeom_createEmptyPolygon_r(ctx_->handle()), "createEmptyPolygon")};
  }
  return collect(std::move(polys), *ctx_);
}

bool Geometry::intersects(const Geometry& o) const {
  return check_predicate(*ctx_, GEOSIntersects_r(ctx_->handle(), g_, o.g_), "intersects") == 1;
}
bool Geometry::contains(const Geometry& o) const {
  return check_predicate(*ctx_, GEOSContains_r(ctx_->handle(), g_, o.g_), "contains") == 1;
}
bool Geometry::covers(const Geometry& o) const {
  return check_predicate(*ctx_, GEOSCovers_r(ctx_->handle(), g_, o.g_), "covers") == 1;
}
bool Geometry::equals_exact(const Geometry& o, double tolerance) const {
  return check_predicate(*ctx_, GEOSEqualsExact_r(ctx_->handle(), g_, o.g_, tolerance), "equalsExact") == 1;
}

namespace {
struct TransformState {
  const std::function<void(std::span<Coord>)>* f;
};

int transform_one(double* x, double* y, void* userdata) {
  Coord c{*x, *y};
  (*static_cast<TransformState*>(userdata)->f)(std::span<Coord>(&c, 1));
  *x = c.x;
  *y = c.y;
  return 1;
}

// Walks a geometry tree and visits each ring's coordinate sequence.
void visit_rings(Context& ctx, const GEOSGeometry* g, std::size_t& polygon_index,
                 const std::function<void(const RingView&)>& visit, std::vector<Coord>& buffer) {
  auto* h = ctx.handle();
  int t = GEOSGeomTypeId_r(h, g);
  auto emit = [&](const GEOSGeometry* ring, bool hole) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &n) == 0) fail(ctx, "getCoordSeq");
    buffer.resize(n);
    if (n > 0 && GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double*>(buffer.data()), 0, 0) == 0)
      fail(ctx, "copyToBuffer");
    visit(RingView{std::span<const Coord>(buffer.data(), n), polygon_index, hole});
  };
  if (t == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g) == 1) return;
    emit(GEOSGetExteriorRing_r(h, g), false);
    int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) emit(GEOSGetInteriorRingN_r(h, g, i), true);
    ++polygon_index;
  } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) visit_rings(ctx, GEOSGetGeometryN_r(h, g, i), polygon_index, visit, buffer);
  }
}
}  // namespace

Geometry Geometry::transformed(const std::function<void(std::span<Coord>)>& f) const {
  TransformState state{&f};
  return {*ctx_, check(*ctx_, GEOSGeom_transformXY_r(ctx_->handle(), g_, &transform_one, &state), "transformXY")};
}

void Geometry::for_each_ring(const std::function<void(const RingView&)>& visit) const {
  std::size_t polygon_index = 0;
  std::vector<Coord> buffer;
  visit_rings(*ctx_, g_, polygon_index, visit, buffer);
}

// ---------------------------------------------------------------- PreparedGeometry

PreparedGeometry::PreparedGeometry(Geometry base) : base_(std::move(base)) {
  prepared_ = GEOSPrepare_r(base_.context().handle(), base_.raw());
  if (prepared_ == nullptr) fail(base_.context(), "prepare");
}

PreparedGeometry::~PreparedGeometry() {
  if (prepared_ != nullptr) GEOSPreparedGeom_destroy_r(base_.context().handle(), prepared_);
}

PreparedGeometry::PreparedGeometry(PreparedGeometry&& o) noexcept : base_(std::move(o.base_)), prepared_(o.prepared_) {
  o.prepared_ = nullptr;
}

PreparedGeometry& PreparedGeometry::operator=(PreparedGeometry&& o) noexcept {
  if (this != &o) {
    if (prepared_ != nullptr) GEOSPreparedGeom_destroy_r(base_.context().handle(), prepared_);
    base_ = std::move(o.base_);
    prepared_ = o.prepared_;
    o.prepared_ = nullptr;
  }
  return *this;
}

bool PreparedGeometry::intersects(const Geometry& g) const {
  auto& ctx = base_.context();
  return check_predicate(ctx, GEOSPreparedIntersects_r(ctx.handle(), prepared_, g.raw()), "preparedIntersects") == 1;
}
bool PreparedGeometry::contains(const Geometry& g) const {
  auto& ctx = base_.context();
  return check_predicate(ctx, GEOSPreparedContains_r(ctx.handle(), prepared_, g.raw()), "preparedContains") == 1;
}
bool PreparedGeometry::contains_properly(const Geometry& g) const {
  auto& ctx = base_.context();
  return check_predicate(ctx, GEOSPreparedContainsProperly_r(ctx.handle(), prepared_, g.raw()),
                         "preparedContainsProperly") == 1;
}

bool PreparedGeometry::covers(const Geometry& g) const {
  auto& ctx = base_.context();
  return check_predicate(ctx, GEOSPreparedCovers_r(ctx.handle(), prepared_, g.raw()), "preparedCovers") == 1;
}

}  // namespace guotu::geos

// ---------------------------------------------------------------- validate additions
// (guotu validate: coverage overlap/gap checks and the --fix sliver merge)

namespace guotu::geos {

bool Geometry::relate_pattern(const Geometry& o, const std::string& pattern) const {
  return check_predicate(*ctx_, GEOSRelatePattern_r(ctx_->handle(), g_, o.g_, pattern.c_str()), "relatePattern") == 1;
}

Geometry Geometry::boundary() const {
  return {*ctx_, check(*ctx_, GEOSBoundary_r(ctx_->handle(), g_), "boundary")};
}

Geometry Geometry::without_holes() const {
  auto* h = ctx_->handle();
  std::vector<GEOSGeometry*> shells;
  auto take = [&](const GEOSGeometry* poly) {
    const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, poly);
    if (ring == nullptr) fail(*ctx_, "getExteriorRing");
    GEOSGeometry* copy = check(*ctx_, GEOSGeom_clone_r(h, ring), "clone");
    shells.push_back(check(*ctx_, GEOSGeom_createPolygon_r(h, copy, nullptr, 0), "createPolygon"));
  };
  const int type = GEOSGeomTypeId_r(h, g_);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g_) == 0) take(g_);
  } else if (type == GEOS_MULTIPOLYGON) {
    const int n = GEOSGetNumGeometries_r(h, g_);
    for (int i = 0; i < n; ++i) {
      const GEOSGeometry* p = GEOSGetGeometryN_r(h, g_, i);
      if (GEOSisEmpty_r(h, p) == 0) take(p);
    }
  } else {
    return clone();
  }
  if (shells.empty()) return {*ctx_, check(*ctx_, GEOSGeom_createEmptyPolygon_r(h), "createEmptyPolygon")};
  return {*ctx_,
          check(*ctx_,
                GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, shells.data(), static_cast<unsigned>(shells.size())),
                "createCollection")};
}

}  // namespace guotu::geos
