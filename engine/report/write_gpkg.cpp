// report.gpkg: the long indicator table; per level the unit polygons with every indicator joined,
// and a layer per computable indicator whose default QGIS style is its choropleth (class breaks
// from the data, outer bounds rounded outward so that every unit is coloured).
#include <algorithm>
#include <regex>
#include <string_view>

#include <fmt/format.h>

#include "area/measure.hpp"
#include "core/resources.hpp"
#include "gdal/output_writer.hpp"
#include "report/writers.hpp"

namespace guotu::report {

namespace {

// The shipped choropleth template with this indicator's field, class breaks and colours.
std::string choropleth_qml(const std::string& tmpl, const std::string& field, const Classes& classes, ValueUnit unit) {
  std::string qml = std::regex_replace(tmpl, std::regex("attr=\"value\""), "attr=\"" + field + "\"");
  qml = std::regex_replace(qml, std::regex("<!-- placeholder[^>]*-->\n?"), "");
  std::string ranges = "<ranges>\n";
  const int dec = display_decimals(unit);
  for (std::size_t i = 0; i < classes.count(); ++i) {
    // Five symbols in the template: spread fewer classes over the ramp.
    const std::size_t sym = classes.count() == 1 ? 2 : i * 4 / (classes.count() - 1);
    // Bounds as the shortest text that reads back as the same double: never rounded inward.
    ranges += fmt::format("<range render=\"true\" lower=\"{}\" upper=\"{}\" label=\"{} – {} {}\" symbol=\"{}\"/>\n",
                          exact_number(classes.breaks[i]), exact_number(classes.breaks[i + 1]),
                          display_number(classes.breaks[i], dec), display_number(classes.breaks[i + 1], dec),
                          unit_symbol(unit), sym);
  }
  ranges += "</ranges>";
  const auto a = qml.find("<ranges>"), b = qml.find("</ranges>");
  if (a != std::string::npos && b != std::string::npos) qml.replace(a, b + 9 - a, ranges);
  qml = std::regex_replace(qml, std::regex("classificationMethod id=\"EqualInterval\""),
                           "classificationMethod id=\"Quantile\"");
  // The template's five symbols carry the colours of kClassColours (the HTML maps use the same).
  return qml;
}

}  // namespace

void write_gpkg(const WriteContext& ctx, const std::filesystem::path& file) {
  const ReportResult& r = ctx.report;
  gdal::WriterOptions wo;
  // A file is written into a fresh temporary directory; a database's tables are replaced only
  // with --overwrite.
  wo.overwrite = gdal::is_postgres_target(file.string()) && ctx.options.overwrite;
  wo.metadata = ctx.options.metadata;
  wo.metadata["GUOTU_REPORT_PLAN"] = r.plan;
  wo.metadata["GUOTU_REPORT_YEAR"] = std::to_string(r.year);
  if (r.synthetic) wo.metadata["GUOTU_SYNTHETIC"] = std::string("yes: ") + kSyntheticBanner;
  const std::string mark = r.synthetic ? "【示例数据】" : "";
  wo.timestamp = ctx.options.timestamp;
  // A file goes into the report's temporary directory, which appears as a whole; database
  // tables appear with the run's other outputs.
  if (gdal::is_postgres_target(file.string())) wo.outputs = ctx.options.outputs;
  gdal::OutputWriter w(file.string(), wo);

  using gdal::FieldType;
  gdal::LayerSpec table;
  table.name = "indicators";
  table.title = mark + "国土空间指标";
  table.description = fmt::format("{}各单元、各现状图层的国土空间指标及其{}年目标的判定（guotu report）",
                                  r.synthetic ? std::string(kSyntheticBanner) : std::string(), r.year);
  table.geometry = gdal::GeometryKind::None;
  table.fields = {{"vintage", FieldType::String, 0, "数据年份图层"},
                  {"level", FieldType::String, 0, "层级"},
                  {"unit_code", FieldType::String, 0, "单位代码"},
                  {"unit_name", FieldType::String, 0, "单位名称"},
                  {"indicator", FieldType::String, 0, "指标代码"},
                  {"indicator_name", FieldType::String, 0, "指标名称"},
                  {"value", FieldType::Real, 0, "数值"},
                  {"unit", FieldType::String, 0, "单位"},
                  {"comparator", FieldType::String, 0, "比较"},
                  {"target", FieldType::Real, 0, "目标值"},
                  {"target_kind", FieldType::String, 0, "目标类型"},
                  {"attribute", FieldType::String, 0, "指标属性"},
                  {"status", FieldType::String, 0, "状态"},
                  {"target_source", FieldType::String, 0, "目标来源"},
                  {"target_reference", FieldType::String, 0, "目标参考"},
                  {"indicator_source", FieldType::String, 0, "指标来源"},
                  {"note", FieldType::String, 0, "说明"}};
  const auto tid = w.create_layer(table);
  for (const auto& ur : r.results) {
    const ReportUnit& u = r.unit_of(ur);
    for (const auto& o : ur.outcomes) {
      const Target* t = o.target ? &*o.target : nullptr;
      std::vector<gdal::FieldValue> v{
          r.vintages[ur.vintage],
          r.levels[ur.level].name,
          u.code,
          u.name,
          o.indicator->id,
          o.indicator->name,
          o.value.value ? gdal::FieldValue(*o.value.value) : gdal::FieldValue(),
          unit_symbol(o.indicator->unit),
          t ? gdal::FieldValue(comparator_symbol(t->comparator)) : gdal::FieldValue(),
          t && t->value ? gdal::FieldValue(*t->value) : gdal::FieldValue(),
          t ? gdal::FieldValue(target_kind_text(*t)) : gdal::FieldValue(),
          t ? gdal::FieldValue(attribute_name(t->attribute)) : gdal::FieldValue(),
          status_name_zh(o.status),
          t ? gdal::FieldValue(target_source(o)) : gdal::FieldValue(),
          t ? gdal::FieldValue(t->reference) : gdal::FieldValue(),
          indicator_source(*o.indicator),
          o.value.value ? (o.indicator->note.empty() ? gdal::FieldValue() : gdal::FieldValue(o.indicator->note))
                        : gdal::FieldValue(missing_value_text(r, ur, o))};
      w.add(tid, v);
    }
  }

  const std::string tmpl = resources::read_resource("layers/styles/indicator_choropleth.qml");
  const auto& defs = r.indicators.indicators();
  for (std::size_t vi = 0; vi < r.vintages.size(); ++vi) {
    for (std::size_t li = 0; li < r.levels.size(); ++li) {
      const UnitLevel& level = r.levels[li];
      const auto rows = results_of(r, vi, li);
      // The units with every indicator joined; its default style is the first key indicator.
      gdal::LayerSpec spec;
      spec.name = "units_" + level_key(r, vi, li);
      spec.title = fmt::format("{}{}指标（{}，{}）", mark, level.title, r.vintages[vi], r.year);
      spec.description = fmt::format("{}{}各单元及其指标（{}）；图斑归属：{}", mark, level.title, r.vintages[vi],
                                     assignment_name_zh(level.assignment));
      spec.crs = r.crs;
      spec.geometry = gdal::GeometryKind::MultiPolygon;
      spec.fields = {{"unit_code", FieldType::String, 0, "单位代码"},
                     {"unit_name", FieldType::String, 0, "单位名称"},
                     {"parent_code", FieldType::String, 0, "上级代码"},
                     {"area_m2", FieldType::Real, 0, "单元椭球面积（平方米）"}};
      for (const auto& d : defs) {
        spec.fields.push_back({d.id, FieldType::Real, 0, titled_name(d)});
        spec.fields.push_back({d.id + "_status", FieldType::String, 0, d.name + " 状态"});
      }
      // Each computable indicator's choropleth, classes from this level's values.
      std::vector<std::string> qmls(defs.size());
      for (std::size_t k = 0; k < defs.size(); ++k) {
        if (!defs[k].computable) continue;
        std::vector<double> values;
        for (const auto* ur : rows)
          if (ur->outcomes[k].value.value) values.push_back(*ur->outcomes[k].value.value);
        qmls[k] = choropleth_qml(tmpl, defs[k].id, classify(values, display_decimals(defs[k].unit)), defs[k].unit);
        if (spec.style_qml.empty() && defs[k].map) {
          spec.style_qml = qmls[k];
          spec.style_name = defs[k].id;
        }
      }
      const auto lid = w.create_layer(spec);
      for (const auto* ur : rows) {
        const ReportUnit& u = level.units[ur->unit];
        std::vector<gdal::FieldValue> v{u.code, u.name,
                                        u.parent.empty() ? gdal::FieldValue() : gdal::FieldValue(u.parent), u.area_m2};
        for (const auto& o : ur->outcomes) {
          v.push_back(o.value.value ? gdal::FieldValue(*o.value.value) : gdal::FieldValue());
          v.push_back(status_name_zh(o.status));
        }
        const geos::Geometry g = geos::Geometry::from_wkb(u.wkb);
        w.add(lid, v, &g);
      }
      // A layer per computable indicator, its choropleth the layer's default style: QGIS shows
      // it when the layer is added, without "load style from database".
      // An indicator without a value in this level (an input not given) has no classes: no layer.
      for (std::size_t k = 0; k < defs.size(); ++k) {
        if (!defs[k].computable ||
            std::none_of(rows.begin(), rows.end(), [&](const UnitResult* ur) { return ur->outcomes[k].value.value; }))
          continue;
        const IndicatorDef& d = defs[k];
        gdal::LayerSpec one;
        one.name = spec.name + "_" + d.id;
        one.title = fmt::format("{}{} {}（{}，{}）", mark, level.title, titled_name(d), r.vintages[vi], r.year);
        one.description =
            fmt::format("{}{}各单元的{}（{}）：{}", mark, level.title, titled_name(d), r.vintages[vi], d.definition);
        one.crs = r.crs;
        one.geometry = gdal::GeometryKind::MultiPolygon;
        one.fields = {{"unit_code", FieldType::String, 0, "单位代码"}, {"unit_name", FieldType::String, 0, "单位名称"},
                      {d.id, FieldType::Real, 0, titled_name(d)},      {"comparator", FieldType::String, 0, "比较"},
                      {"target", FieldType::Real, 0, "目标值"},        {"status", FieldType::String, 0, "状态"}};
        one.style_qml = qmls[k];
        one.style_name = d.id;
        const auto oid = w.create_layer(one);
        for (const auto* ur : rows) {
          const ReportUnit& u = level.units[ur->unit];
          const Outcome& o = ur->outcomes[k];
          const Target* t = o.target ? &*o.target : nullptr;
          std::vector<gdal::FieldValue> v{u.code,
                                          u.name,
                                          o.value.value ? gdal::FieldValue(*o.value.value) : gdal::FieldValue(),
                                          t ? gdal::FieldValue(comparator_symbol(t->comparator)) : gdal::FieldValue(),
                                          t && t->value ? gdal::FieldValue(*t->value) : gdal::FieldValue(),
                                          status_name_zh(o.status)};
          const geos::Geometry g = geos::Geometry::from_wkb(u.wkb);
          w.add(oid, v, &g);
        }
      }
    }
  }
  // 三线内现状地类统计: an attribute table.
  if (!r.classes_within_layers.empty()) {
    gdal::LayerSpec within;
    within.name = "classes_within";
    within.title = within_title();
    within.description = within_note(r);
    within.geometry = gdal::GeometryKind::None;
    for (const auto& [field, title] : kWithinColumns) {
      const bool number = std::string_view(field) == "area_m2" || std::string_view(field) == "area_mu";
      within.fields.push_back({field, number ? FieldType::Real : FieldType::String, 0, title});
    }
    const auto wid = w.create_layer(within);
    const std::string kind = area::name_zh(r.area);
    for (const auto& row : within_rows(r)) {
      std::vector<gdal::FieldValue> v;
      v.reserve(kWithinColumns.size());
      for (const std::string* t : {&row.vintage, &row.level, &row.unit_code, &row.unit_name, &row.layer,
                                   &row.layer_name, &row.dlbm, &row.dlmc})
        v.emplace_back(*t);
      v.emplace_back(row.area_m2);
      v.emplace_back(row.area_mu);
      v.emplace_back(kind);
      w.add(wid, v);
    }
  }
  w.commit();
}

}  // namespace guotu::report
