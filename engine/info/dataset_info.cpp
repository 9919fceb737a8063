#include "info/dataset_info.hpp"

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"

namespace guotu::info {

namespace {

bool polygonal(const std::string& type) {
  return type == "Polygon" || type == "MultiPolygon";
}

LayerInfo describe_layer(const gdal::Layer& layer, const InfoOptions& options, gdal::ReadLog& log) {
  LayerInfo out;
  out.name = layer.name();
  out.geometry_type = gdal::to_string(layer.geometry_kind());
  out.feature_count = layer.feature_count();
  out.crs = layer.crs();
  out.extent = layer.extent();
  out.fields = layer.fields();
  if (layer.geometry_kind() == gdal::GeometryKind::None) return out;

  // A polygon layer's area needs a CRS: without one (and no --assume-crs) that is an error.
  std::optional<area::AreaCalculator> area;
  const gdal::Crs crs = layer.require_crs();
  area.emplace(crs.definition);

  double total = 0, planar = 0;
  bool any_polygon = false;
  std::int64_t done = 0;
  gdal::ReadOptions ro;
  ro.log = &log;
  layer.read(ro, [&](gdal::Feature&& f) {
    ++done;
    if (options.progress) options.progress(out.name, done, out.feature_count);
    if (!f.geometry) {
      ++out.null_geometries;
      return;
    }
    if (f.geometry.is_empty()) {
      ++out.empty_geometries;
      return;
    }
    const geos::Geometry* measured = &f.geometry;
    geos::Geometry repaired;
    if (auto why = f.geometry.invalid_reason()) {
      out.invalid.push_back({f.fid, why->reason, why->location});
      if (f.geometry.is_polygonal()) {
        repaired = f.geometry.make_valid().polygonal_part();
        measured = &repaired;
      }
    }
    if (measured->is_polygonal()) {
      any_polygon = true;
      total += area->area_m2(*measured);
      planar += measured->planar_area();
    }
  });
  if (any_polygon || polygonal(out.geometry_type)) {
    out.area_m2 = total;
    out.planar_area = planar;
  }
  return out;
}

}  // namespace

DatasetInfo describe(const std::string& source, const InfoOptions& options) {
  gdal::VectorSource src = gdal::VectorSource::open(source, options.open);
  DatasetInfo info;
  info.path = src.path();  // a database password masked
  info.driver = src.driver();
  info.warnings = src.warnings();
  gdal::ReadLog log;
  if (options.layers.empty()) {
    for (std::size_t i = 0; i < src.layer_count(); ++i)
      info.layers.push_back(describe_layer(src.layer(i), options, log));
  } else {
    for (const auto& name : options.layers)
      info.layers.push_back(describe_layer(src.require_layer(name), options, log));
  }
  info.read_problems = log.problems();
  for (const auto& w : log.warnings()) info.warnings.push_back(w);
  return info;
}

}  // namespace guotu::info
