#include "proj/crs.hpp"

#include <proj.h>

#include <cmath>
#include <vector>

#include "core/error.hpp"

namespace guotu::proj {

namespace {

struct ContextDeleter {
  void operator()(PJ_CONTEXT* c) const noexcept { proj_context_destroy(c); }
};
struct PjDeleter {
  void operator()(PJ* p) const noexcept { proj_destroy(p); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string last_error(PJ_CONTEXT* ctx) {
  int e = proj_context_errno(ctx);
  const char* s = proj_context_errno_string(ctx, e);
  return s != nullptr ? s : "unknown PROJ error";
}

PjPtr create_crs(PJ_CONTEXT* ctx, const std::string& def) {
  PjPtr crs(proj_create(ctx, def.c_str()));
  if (!crs) throw_bad_input("unknown or invalid CRS '" + def.substr(0, 80) + "': " + last_error(ctx));
  return crs;
}

}  // namespace

struct Transform::Impl {
  ContextPtr ctx;
  PjPtr pj;
  Ellipsoid target{Ellipsoid::cgcs2000()};
};

Transform::Transform(const std::string& source_crs, const std::string& target_crs) : impl_(std::make_unique<Impl>()) {
  impl_->ctx.reset(proj_context_create());
  auto* ctx = impl_->ctx.get();
  PjPtr src = create_crs(ctx, source_crs);
  PjPtr dst = create_crs(ctx, target_crs);
  if (source_crs == target_crs || proj_is_equivalent_to(src.get(), dst.get(), PJ_COMP_EQUIVALENT) != 0) {
    identity_ = true;
  }
  PjPtr raw(proj_create_crs_to_crs_from_pj(ctx, src.get(), dst.get(), nullptr, nullptr));
  if (!raw) throw_bad_input("no transform from '" + source_crs + "' to '" + target_crs + "': " + last_error(ctx));
  impl_->pj.reset(proj_normalize_for_visualization(ctx, raw.get()));
  if (!impl_->pj) throw_internal("proj_normalize_for_visualization failed: " + last_error(ctx));
  PjPtr ell(proj_get_ellipsoid(ctx, dst.get()));
  if (ell) {
    double a = 0, b = 0, inv_f = 0;
    int computed = 0;
    proj_ellipsoid_get_parameters(ctx, ell.get(), &a, &b, &computed, &inv_f);
    if (a > 0 && inv_f > 0) impl_->target = Ellipsoid{a, inv_f};
  }
}

Transform Transform::to_geographic(const std::string& source_crs) {
  ContextPtr ctx(proj_context_create());
  PjPtr src = create_crs(ctx.get(), source_crs);
  PjPtr geodetic(proj_crs_get_geodetic_crs(ctx.get(), src.get()));
  if (!geodetic) throw_bad_input("CRS '" + source_crs.substr(0, 80) + "' has no geodetic datum");
  const char* wkt = proj_as_wkt(ctx.get(), geodetic.get(), PJ_WKT2_2019, nullptr);
  if (wkt == nullptr) throw_internal("proj_as_wkt failed: " + last_error(ctx.get()));
  return Transform(source_crs, std::string(wkt));
}

Transform::~Transform() = default;
Transform::Transform(Transform&& o) noexcept = default;
Transform& Transform::operator=(Transform&& o) noexcept = default;

void Transform::apply(std::span<Coord> coords) const {
  if (identity_ || coords.empty()) return;
  auto* pj = impl_->pj.get();
  std::size_t n = proj_trans_generic(pj, PJ_FWD, &coords[0].x, sizeof(Coord), coords.size(), &coords[0].y,
                                     sizeof(Coord), coords.size(), nullptr, 0, 0, nullptr, 0, 0);
  if (n != coords.size()) throw_bad_input("coordinate transform failed: " + last_error(impl_->ctx.get()));
  for (const auto& c : coords) {
    if (!std::isfinite(c.x) || !std::isfinite(c.y)) {
      throw_bad_input("coordinate transform produced a non-finite value (point outside the CRS's domain?)");
    }
  }
}

Coord Transform::apply(Coord c) const {
  apply(std::span<Coord>(&c, 1));
  return c;
}

Ellipsoid Transform::target_ellipsoid() const {
  return impl_->target;
}

CrsFacts describe_crs(const std::string& crs) {
  ContextPtr ctx(proj_context_create());
  PjPtr pj = create_crs(ctx.get(), crs);
  CrsFacts f;
  PJ_TYPE t = proj_get_type(pj.get());
  f.geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  f.projected = t == PJ_TYPE_PROJECTED_CRS;
  if (const char* n = proj_get_name(pj.get())) f.name = n;
  const char* area_name = nullptr;
  proj_get_area_of_use(ctx.get(), pj.get(), &f.west, &f.south, &f.east, &f.north, &area_name);
  PjPtr datum(proj_crs_get_datum(ctx.get(), pj.get()));
  if (datum) {
    if (const char* n = proj_get_name(datum.get())) f.datum = n;
  }
  if (const char* auth = proj_get_id_auth_name(pj.get(), 0)) {
    if (const char* code = proj_get_id_code(pj.get(), 0)) f.authority_id = std::string(auth) + ":" + code;
  }
  const char* const wkt_options[] = {"MULTILINE=NO", nullptr};
  if (const char* wkt = proj_as_wkt(ctx.get(), pj.get(), PJ_WKT2_2019, wkt_options)) f.wkt = wkt;
  if (const char* p4 = proj_as_proj_string(ctx.get(), pj.get(), PJ_PROJ_4, nullptr)) f.proj4 = p4;
  PjPtr ellipsoid(proj_get_ellipsoid(ctx.get(), pj.get()));
  if (ellipsoid) {
    const char* auth = proj_get_id_auth_name(ellipsoid.get(), 0);
    const char* code = proj_get_id_code(ellipsoid.get(), 0);
    if (auth != nullptr && code != nullptr) {
      f.ellipsoid_id = std::string(auth) + ":" + code;
    } else if (const char* n = proj_get_name(ellipsoid.get())) {
      f.ellipsoid_id = n;
    }
  }
  if (f.projected) {
    PjPtr conv(proj_crs_get_coordoperation(ctx.get(), pj.get()));
    if (conv) {
      int count = proj_coordoperation_get_param_count(ctx.get(), conv.get());
      for (int i = 0; i < count; ++i) {
        const char* name = nullptr;
        double value = 0;
        const char* unit_name = nullptr;
        double conv_factor = 0;
        proj_coordoperation_get_param(ctx.get(), conv.get(), i, &name, nullptr, nullptr, &value, nullptr, &conv_factor,
                                      &unit_name, nullptr, nullptr, nullptr);
        if (name != nullptr && std::string(name) == "Longitude of natural origin") {
          f.central_meridian = value;
          f.has_central_meridian = true;
        }
      }
    }
  }
  return f;
}

}  // namespace guotu::proj
