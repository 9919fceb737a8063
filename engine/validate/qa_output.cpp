#include "validate/qa_output.hpp"

#include <cmath>

#include "layers/catalogue.hpp"

namespace guotu::validate {

namespace {

std::vector<gdal::FieldDef> error_fields() {
  using gdal::FieldType;
  return {
      {"check_code", FieldType::String, 32, "检查项代码", true},
      {"name_zh", FieldType::String, 60, "检查项", false},
      {"severity", FieldType::String, 4, "严重程度", false},
      {"layer", FieldType::String, 64, "图层", false},
      {"src_fid", FieldType::Integer64, 0, "要素号 (fid in the layer)", false},
      {"related_layer", FieldType::String, 64, "相关图层", false},
      {"related_fid", FieldType::Integer64, 0, "相关要素号", false},
      {"measure", FieldType::Real, 0, "量值", false},
      {"unit", FieldType::String, 8, "单位", false},
      {"message", FieldType::String, 0, "说明", false},
  };
}

std::vector<gdal::FieldValue> error_values(const ValidationReport& r, const Finding& f) {
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? gdal::FieldValue(*v) : gdal::FieldValue(); };
  return {f.check,
          r.rules.check(f.check).name_zh,
          std::string(to_zh(f.severity)),
          f.layer,
          opt(f.fid),
          f.related_layer.empty() ? gdal::FieldValue() : gdal::FieldValue(f.related_layer),
          opt(f.related_fid),
          f.unit.empty() ? gdal::FieldValue() : gdal::FieldValue(f.measure),
          f.unit.empty() ? gdal::FieldValue() : gdal::FieldValue(f.unit),
          f.message};
}

}  // namespace

void write_qa_gpkg(const ValidationReport& report, const std::string& path, const gdal::WriterOptions& options) {
  gdal::OutputWriter w(path, options);
  const std::string crs = report.rules.working_crs;
  std::map<std::string, std::string> meta{{"source", report.source}, {"rules", report.rules.path}};

  gdal::LayerSpec errors;
  errors.name = "errors";
  errors.title = "质检错误";
  errors.description =
      "guotu validate: overlaps, gaps and offending features (polygons); layer-level findings without geometry";
  errors.geometry = gdal::GeometryKind::MultiPolygon;
  errors.crs = crs;
  errors.fields = error_fields();
  errors.style_qml = layers::result_style("errors");
  errors.metadata = meta;
  const auto errors_id = w.create_layer(errors);

  gdal::LayerSpec points = errors;
  points.name = "error_points";
  points.title = "质检错误点";
  points.description = "guotu validate: invalid-geometry locations and findings on point or line features";
  points.geometry = gdal::GeometryKind::Point;
  points.style_qml = layers::result_style("error_points");
  const auto points_id = w.create_layer(points);

  gdal::LayerSpec summary;
  summary.name = "summary";
  summary.title = "质检汇总";
  summary.description = "guotu validate: one row per check of the rule file";
  summary.geometry = gdal::GeometryKind::None;
  summary.fields = {
      {"check_code", gdal::FieldType::String, 32, "检查项代码", true},
      {"name_zh", gdal::FieldType::String, 60, "检查项", false},
      {"name_en", gdal::FieldType::String, 80, "Check", false},
      {"severity", gdal::FieldType::String, 4, "严重程度", false},
      {"count", gdal::FieldType::Integer64, 0, "数量", false},
      {"errors", gdal::FieldType::Integer64, 0, "错误数", false},
      {"total_measure", gdal::FieldType::Real, 0, "量值合计", false},
      {"unit", gdal::FieldType::String, 8, "单位", false},
      {"method", gdal::FieldType::String, 0, "方法", false},
      {"status", gdal::FieldType::String, 0, "检查状态", false},
  };
  summary.metadata = meta;
  const auto summary_id = w.create_layer(summary);

  auto& ctx = geos::Context::current();
  for (const Finding& f : report.findings) {
    const auto values = error_values(report, f);
    if (f.geometry.empty()) {
      if (f.location) {
        const geos::Geometry p = geos::Geometry::point(*f.location, ctx);
        w.add(points_id, values, &p);
      } else {
        w.add(errors_id, values, nullptr);
      }
      continue;
    }
    const geos::Geometry g = geos::Geometry::from_wkb(f.geometry, ctx);
    if (g.is_polygonal()) {
      w.add(errors_id, values, &g);
    } else if (g.type() == geos::GeometryType::Point) {
      w.add(points_id, values, &g);
    } else {
      const geos::Geometry p = geos::Geometry::point(f.location ? *f.location : g.interior_point(), ctx);
      w.add(points_id, values, &p);
    }
  }

  for (const CheckDef& c : report.rules.checks()) {
    std::int64_t n = 0, errs = 0;
    double total = 0;
    std::string unit;
    for (const Finding& f : report.findings) {
      if (f.check != c.code) continue;
      ++n;
      if (f.severity == Severity::Error) ++errs;
      total += std::abs(f.measure);
      if (!f.unit.empty()) unit = f.unit;
    }
    // A check that did not run has no count (NULL, never 0) and says why.
    const auto nr = report.not_run.find(c.code);
    const bool ran = nr == report.not_run.end();
    w.add(
        summary_id,
        {c.code, c.name_zh, c.name_en, std::string(to_zh(c.severity)), ran ? gdal::FieldValue(n) : gdal::FieldValue(),
         ran ? gdal::FieldValue(errs) : gdal::FieldValue(), unit.empty() ? gdal::FieldValue() : gdal::FieldValue(total),
         unit.empty() ? gdal::FieldValue() : gdal::FieldValue(unit), c.method,
         ran ? std::string("已检查") : "未检查：" + nr->second});
  }
  w.commit();
}

}  // namespace guotu::validate
