// report.html: one self-contained page (inline CSS and SVG, no script, no external request):
// a summary of the city, then per level a choropleth map of every key indicator drawn from the
// real unit polygons (projected from the working CRS to SVG coordinates, simplified), bar
// charts, and a table per indicator with pass/fail badges and the source of every target.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "geos/algorithms.hpp"
#include "report/writers.hpp"

namespace guotu::report {

namespace {

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string colour(std::uint32_t c) {
  return fmt::format("#{:06x}", c);
}

const char* status_class(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::MissingTarget: return "missing";
    default: return "na";
  }
}

std::string badge(Status s) {
  return fmt::format("<span class=\"badge {}\">{}</span>", status_class(s), esc(status_name_zh(s)));
}

constexpr const char* kStyle = R"CSS(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f7f7f5}
header{background:#1f4e79;color:#fff;padding:16px 28px}
header h1{margin:0 0 6px 0;font-size:24px}
header p{margin:2px 0;font-size:13px;opacity:.9}
nav{padding:8px 28px;background:#e8eef5;font-size:14px}
nav a{margin-right:14px;color:#1f4e79}
main{padding:8px 28px 40px 28px}
h2{border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-top:28px}
h3{margin:18px 0 6px 0;font-size:16px}
.counts span{margin-right:10px}
table{border-collapse:collapse;font-size:13px;margin:6px 0 12px 0;background:#fff}
th,td{border:1px solid #ccd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#dde6f0}
td.attr{white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:bold;white-space:nowrap}
.badge.pass{background:#c6efce;color:#006100}
.badge.fail{background:#ffc7ce;color:#9c0006}
.badge.missing{background:#ffeb9c;color:#9c5700}
.badge.na{background:#e4e4e4;color:#555}
.figures{display:flex;flex-wrap:wrap;gap:14px}
figure{margin:0;background:#fff;border:1px solid #ccd;padding:8px}
figcaption{font-size:13px;font-weight:bold;margin-bottom:4px}
.legend{font-size:11px;margin-top:4px}
.legend i{display:inline-block;width:14px;height:10px;border:1px solid #888;margin:0 3px 0 8px;vertical-align:middle}
.src{font-size:11px;color:#555}
.synthetic{background:#b00020;color:#fff;font-weight:bold;font-size:15px;padding:10px 28px;letter-spacing:.5px}
.warn{background:#fff4ce;border:1px solid #e0c060;padding:6px 10px;font-size:13px;margin:8px 0}
details{margin:6px 0}
summary{cursor:pointer;font-weight:bold}
svg text{font-family:inherit}
)CSS";

// Projects working-CRS coordinates into an SVG box (y down), keeping the aspect ratio.
struct Projection {
  Envelope e;
  double scale = 1, width = 0, height = 0, pad = 4;
  Projection(const Envelope& env, double max_w, double max_h) : e(env) {
    scale = std::min((max_w - 2 * pad) / std::max(e.width(), 1e-9), (max_h - 2 * pad) / std::max(e.height(), 1e-9));
    width = e.width() * scale + 2 * pad;
    height = e.height() * scale + 2 * pad;
  }
  [[nodiscard]] double x(double gx) const { return pad + (gx - e.min_x) * scale; }
  [[nodiscard]] double y(double gy) const { return pad + (e.max_y - gy) * scale; }
};

// SVG path data of a (multi)polygon: every ring, evenodd fill for the holes.
std::string path_data(const geos::Geometry& g, const Projection& p) {
  std::string d;
  g.for_each_ring([&](const geos::RingView& r) {
    if (r.coords.size() < 4) return;
    d += fmt::format("M{:.1f} {:.1f}", p.x(r.coords[0].x), p.y(r.coords[0].y));
    for (std::size_t i = 1; i + 1 < r.coords.size(); ++i)
      d += fmt::format("L{:.1f} {:.1f}", p.x(r.coords[i].x), p.y(r.coords[i].y));
    d += "Z";
  });
  return d;
}

struct LevelShapes {
  Envelope env;
  std::vector<std::string> paths;  // per unit, projected
  Projection proj{Envelope{0, 0, 1, 1}, 1, 1};
};

LevelShapes level_shapes(const UnitLevel& level) {
  LevelShapes s;
  std::vector<geos::Geometry> geoms;
  bool first = true;
  for (const auto& u : level.units) {
    geoms.push_back(geos::Geometry::from_wkb(u.wkb));
    const Envelope e = geoms.back().envelope();
    if (first)
      s.env = e, first = false;
    else
      s.env.expand(e);
  }
  s.proj = Projection(s.env, 330, 400);
  const double tolerance = 0.7 / s.proj.scale;  // under a pixel: the map looks exact, the page stays small
  for (const auto& g : geoms) s.paths.push_back(path_data(geos::simplify_preserving_topology(g, tolerance), s.proj));
  return s;
}

std::string map_svg(const ReportResult& r, const UnitLevel& level, const LevelShapes& shapes,
                    const std::vector<const UnitResult*>& rows, std::size_t k) {
  const IndicatorDef& def = r.indicators.indicators()[k];
  std::vector<double> values;
  for (const auto* ur : rows)
    if (ur->outcomes[k].value.value) values.push_back(*ur->outcomes[k].value.value);
  const int dec = display_decimals(def.unit);
  const Classes classes = classify(values, dec);
  std::string svg = fmt::format(
      "<svg class=\"map\" width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.1f} {:.1f}\" "
      "role=\"img\" aria-label=\"{}\">",
      shapes.proj.width, shapes.proj.height, shapes.proj.width, shapes.proj.height, esc(def.name));
  for (const auto* ur : rows) {
    const auto& o = ur->outcomes[k];
    const ReportUnit& u = level.units[ur->unit];
    std::string fill = "#d0d0d0";
    if (o.value.value) {
      const int c = classes.of(*o.value.value);
      const std::size_t idx = classes.count() <= 1 ? 2 : static_cast<std::size_t>(c) * 4 / (classes.count() - 1);
      fill = colour(kClassColours[std::min<std::size_t>(idx, 4)]);
    }
    const std::string stroke = o.status == Status::Fail ? "#9c0006" : "#555";
    svg += fmt::format(
        "<path d=\"{}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"{}\" stroke-width=\"{}\"><title>{} {}: "
        "{}</title></path>",
        shapes.paths[ur->unit], fill, stroke, o.status == Status::Fail ? "1.6" : "0.5", esc(u.code), esc(u.name),
        o.value.value ? esc(display_number(*o.value.value, dec) + " " + unit_symbol(def.unit))
                      : esc(missing_value_text(r, *ur, o)));
  }
  svg += "</svg>";
  std::string legend = "<div class=\"legend\">";
  for (std::size_t i = 0; i < classes.count(); ++i) {
    const std::size_t idx = classes.count() <= 1 ? 2 : i * 4 / (classes.count() - 1);
    legend += fmt::format("<i style=\"background:{}\"></i>{} – {}", colour(kClassColours[idx]),
                          display_number(classes.breaks[i], dec), display_number(classes.breaks[i + 1], dec));
  }
  legend += " " + esc(unit_symbol(def.unit)) + "</div>";
  return fmt::format("<figure style=\"max-width:{:.0f}px\"><figcaption>{}</figcaption>{}{}</figure>", shapes.proj.width,
                     esc(titled_name(def)), svg, legend);
}

std::string bar_chart(const ReportResult& r, const UnitLevel& level, const std::vector<const UnitResult*>& rows,
                      std::size_t k) {
  const IndicatorDef& def = r.indicators.indicators()[k];
  double max = 0;
  std::optional<double> common_target;
  bool same_target = true;
  for (const auto* ur : rows) {
    const auto& o = ur->outcomes[k];
    if (o.value.value) max = std::max(max, *o.value.value);
    const std::optional<double> t = o.target ? o.target->value : std::nullopt;
    if (ur == rows.front())
      common_target = t;
    else if (t != common_target)
      same_target = false;
  }
  if (same_target && common_target) max = std::max(max, *common_target);
  if (max <= 0) max = 1;
  const double label_w = 120, bar_w = 300, row_h = 18, top = 6;
  const double h = top + row_h * static_cast<double>(rows.size()) + 8;
  const int dec = display_decimals(def.unit);
  std::string svg =
      fmt::format("<svg class=\"bars\" width=\"{:.0f}\" height=\"{:.0f}\" role=\"img\" aria-label=\"{}\">",
                  label_w + bar_w + 110, h, esc(def.name));
  double y = top;
  for (const auto* ur : rows) {
    const auto& o = ur->outcomes[k];
    const ReportUnit& u = level.units[ur->unit];
    svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>", label_w - 6,
                       y + 12, esc(u.name));
    if (o.value.value) {
      const double w = std::max(0.0, *o.value.value) / max * bar_w;
      const char* fill = o.status == Status::Pass ? "#4caf50" : o.status == Status::Fail ? "#d9534f" : "#5b8db8";
      svg += fmt::format(
          "<rect x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"><title>{}: {}</title></rect>",
          label_w, y + 2, w, row_h - 4, fill, esc(u.name), esc(display_number(*o.value.value, dec)));
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">{}</text>", label_w + w + 4, y + 12,
                         esc(display_number(*o.value.value, dec)));
    } else {
      svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#777\">{}</text>", label_w, y + 12,
                         esc(missing_value_text(r, *ur, o)));
    }
    y += row_h;
  }
  if (same_target && common_target) {
    const double x = label_w + *common_target / max * bar_w;
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"2\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>", x, x,
        h - 4);
  }
  svg += "</svg>";
  return fmt::format("<figure><figcaption>{}{}</figcaption>{}</figure>", esc(titled_name(def)),
                     same_target && common_target ? esc(" — 虚线为目标 " + display_number(*common_target, dec)) : "",
                     svg);
}

std::string indicator_table(const ReportResult& r, const UnitLevel& level, const std::vector<const UnitResult*>& rows,
                            std::size_t k, const std::string& vintage) {
  const IndicatorDef& def = r.indicators.indicators()[k];
  const int dec = display_decimals(def.unit);
  std::string t = fmt::format(
      "<table class=\"indicator\" "
      "data-indicator=\"{}\"><tr><th>单位代码</th><th>单位名称</th><th>数值（{}）</th><th>目标</th><th>属性</"
      "th><th>状态</th><th>目标来源</th></tr>",
      esc(def.id), esc(unit_symbol(def.unit)));
  for (const auto* ur : rows) {
    const auto& o = ur->outcomes[k];
    const ReportUnit& u = level.units[ur->unit];
    t += fmt::format("<tr><td>{}</td><td>{}</td>", esc(u.code), esc(u.name));
    if (o.value.value)
      t += fmt::format(
          "<td class=\"num\" data-vintage=\"{}\" data-level=\"{}\" data-unit=\"{}\" data-indicator=\"{}\" "
          "data-value=\"{}\">{}</td>",
          esc(vintage), esc(level.name), esc(u.code), esc(def.id), exact_number(*o.value.value),
          display_number(*o.value.value, dec));
    else
      t += fmt::format("<td class=\"num\">{}</td>", esc(missing_value_text(r, *ur, o)));
    t += fmt::format("<td class=\"num\">{}</td><td class=\"attr\">{}</td><td>{}</td><td class=\"src\">{}{}</td></tr>",
                     esc(target_text(o)), o.target ? esc(attribute_name(o.target->attribute)) : "", badge(o.status),
                     esc(target_source(o)),
                     o.target && !o.target->reference.empty() ? "<br>" + esc("参考：" + o.target->reference) : "");
  }
  return t + "</table>";
}

}  // namespace

void write_html(const WriteContext& ctx, const std::filesystem::path& file) {
  const ReportResult& r = ctx.report;
  const auto& defs = r.indicators.indicators();
  std::ostringstream h;
  const std::string city = r.levels.empty() || r.levels[0].units.empty() ? "" : r.levels[0].units[0].name;
  std::string vintages;
  for (const auto& v : r.vintages) vintages += (vintages.empty() ? "" : ", ") + v;
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<title>" << (r.synthetic ? "【示例数据】" : "") << esc(city) << " 国土空间指标报告 " << r.year
    << "</title><style>" << kStyle << "</style></head><body>\n";
  h << "<header><h1>" << esc(city) << " 国土空间指标报告（" << r.year << " 年目标）</h1>"
    << "<p>规划数据库：" << esc(r.plan) << " · 现状图层：" << esc(vintages) << " · 坐标系：" << esc(r.crs)
    << " · 面积：椭球面积（国土调查办发〔2008〕32号）</p>";
  if (auto it = ctx.options.metadata.find("GUOTU_RUN_TIME"); it != ctx.options.metadata.end())
    h << "<p>生成：guotu "
      << esc(ctx.options.metadata.count("GUOTU_VERSION") ? ctx.options.metadata.at("GUOTU_VERSION") : "") << " · "
      << esc(it->second) << "</p>";
  h << "</header>\n";
  if (r.synthetic) h << "<div class=\"synthetic\" role=\"alert\">" << esc(kSyntheticBanner) << "</div>\n";
  h << "<nav><a href=\"#summary\">总览</a>";
  for (std::size_t vi = 0; vi < r.vintages.size(); ++vi)
    for (std::size_t li = 1; li < r.levels.size(); ++li)
      h << "<a href=\"#" << esc(level_key(r, vi, li)) << "\">" << esc(r.levels[li].title)
        << (r.vintages.size() > 1 ? " · " + esc(r.vintages[vi]) : "") << "</a>";
  h << "<a href=\"#definitions\">指标与目标来源</a></nav>\n<main>\n";

  // Summary: counts and the city table.
  const auto counts = r.status_counts();
  h << "<section id=\"summary\"><h2>总览</h2><p class=\"counts\">";
  for (Status s :
       {Status::Pass, Status::Fail, Status::MissingTarget, Status::NoInput, Status::NotComputable, Status::NoData})
    if (counts.count(s)) h << badge(s) << " × " << counts.at(s) << " ";
  h << "</p>";
  for (const auto& w : r.warnings) h << "<div class=\"warn\">" << esc(w) << "</div>";
  for (std::size_t vi = 0; vi < r.vintages.size(); ++vi) {
    for (const auto* ur : results_of(r, vi, 0)) {
      const ReportUnit& u = r.levels[0].units[ur->unit];
      h << "<h3>" << esc(u.name) << "（" << esc(u.code) << "）· " << esc(r.vintages[vi]) << "</h3>";
      h << "<table "
           "class=\"summary\"><tr><th>指标</th><th>数值</th><th>单位</th><th>目标</th><th>属性</th><th>状态</"
           "th><th>目标来源</th></tr>";
      for (const auto& o : ur->outcomes) {
        const int dec = display_decimals(o.indicator->unit);
        h << "<tr><td>" << esc(o.indicator->name) << "</td>";
        if (o.value.value)
          h << "<td class=\"num\" data-vintage=\"" << esc(r.vintages[vi]) << "\" data-level=\"city\" data-unit=\""
            << esc(u.code) << "\" data-indicator=\"" << esc(o.indicator->id) << "\" data-value=\""
            << exact_number(*o.value.value) << "\">" << display_number(*o.value.value, dec) << "</td>";
        else
          h << "<td class=\"num\">" << esc(missing_value_text(r, *ur, o)) << "</td>";
        h << "<td>" << esc(unit_symbol(o.indicator->unit)) << "</td><td class=\"num\">" << esc(target_text(o))
          << "</td><td class=\"attr\">" << (o.target ? esc(attribute_name(o.target->attribute)) : "") << "</td><td>"
          << badge(o.status) << "</td><td class=\"src\">" << esc(target_source(o))
          << (o.target && !o.target->reference.empty() ? "<br>" + esc("参考：" + o.target->reference) : "")
          << "</td></tr>";
      }
      h << "</table>";
    }
  }
  h << "</section>\n";

  // Levels.
  for (std::size_t li = 1; li < r.levels.size(); ++li) {
    const UnitLevel& level = r.levels[li];
    const LevelShapes shapes = level_shapes(level);
    for (std::size_t vi = 0; vi < r.vintages.size(); ++vi) {
      const auto rows = results_of(r, vi, li);
      h << "<section id=\"" << esc(level_key(r, vi, li)) << "\"><h2>" << esc(level.title) << "（" << rows.size()
        << " 个单元，" << esc(r.vintages[vi]) << "）</h2><p class=\"src\">单元图层 " << esc(level.layer)
        << "；图斑归属：" << esc(assignment_name_zh(level.assignment)) << "</p>";
      h << "<div class=\"figures\">";
      for (std::size_t k = 0; k < defs.size(); ++k)
        if (defs[k].map && defs[k].computable) h << map_svg(r, level, shapes, rows, k);
      h << "</div>";
      if (rows.size() <= 40) {
        h << "<div class=\"figures\">";
        for (std::size_t k = 0; k < defs.size(); ++k)
          if (defs[k].map && defs[k].computable) h << bar_chart(r, level, rows, k);
        h << "</div>";
      }
      const bool open = rows.size() <= 40;
      for (std::size_t k = 0; k < defs.size(); ++k) {
        h << "<details" << (open ? " open" : "") << "><summary>" << esc(titled_name(defs[k]))
          << "</summary><p class=\"src\">" << esc(defs[k].definition) << " — " << esc(indicator_source(defs[k]))
          << "</p>" << indicator_table(r, level, rows, k, r.vintages[vi]) << "</details>";
      }
      h << "</section>\n";
    }
  }

  // 三线内现状地类统计, a table per vintage and level.
  if (!r.classes_within_layers.empty()) {
    const std::vector<WithinRow> rows = within_rows(r);
    h << "<section id=\"classes_within\"><h2>" << esc(within_title()) << "</h2><p class=\"src\">" << esc(within_note(r))
      << "</p>";
    for (std::size_t k = 0; k < rows.size();) {
      std::size_t end = k;
      while (end < rows.size() && rows[end].vintage == rows[k].vintage && rows[end].level == rows[k].level) ++end;
      h << "<details" << (end - k <= 60 ? " open" : "") << "><summary>" << esc(rows[k].level_title) << " · "
        << esc(rows[k].vintage) << "（" << (end - k) << " 行）</summary><table><tr>";
      for (const char* t : {"单位代码", "单位名称", "控制线", "地类编码", "地类名称", "面积（平方米）", "面积（亩）"})
        h << "<th>" << t << "</th>";
      h << "</tr>";
      for (; k < end; ++k) {
        const WithinRow& w = rows[k];
        h << "<tr><td>" << esc(w.unit_code) << "</td><td>" << esc(w.unit_name) << "</td><td>" << esc(w.layer_name)
          << "</td><td>" << esc(w.dlbm) << "</td><td>" << esc(w.dlmc) << "</td><td class=\"num\">"
          << display_number(w.area_m2, 2) << "</td><td class=\"num\">" << display_number(w.area_mu, 4) << "</td></tr>";
      }
      h << "</table></details>";
    }
    h << "</section>\n";
  }

  // Definitions and targets with their sources.
  h << "<section "
       "id=\"definitions\"><h2>指标与目标来源</h2><table><tr><th>代码</th><th>指标</th><th>单位</th><th>定义</"
       "th><th>来源</th><th>说明</th></tr>";
  for (const auto& d : defs)
    h << "<tr><td>" << esc(d.id) << "</td><td>" << esc(d.name) << "</td><td>" << esc(unit_symbol(d.unit)) << "</td><td>"
      << esc(d.definition) << "</td><td class=\"src\">" << esc(indicator_source(d)) << "</td><td class=\"src\">"
      << esc(d.note) << "</td></tr>";
  h << "</table><table><tr><th>指标</th><th>年份</th><th>范围</th><th>目标</th><th>属性</th><th>来源</th><th>参考</"
       "th></tr>";
  for (const auto& t : r.targets.all()) {
    const IndicatorDef* d = r.indicators.find(t.indicator);
    h << "<tr><td>" << esc(d ? d->name : t.indicator) << "</td><td>" << (t.year ? std::to_string(*t.year) : "")
      << "</td><td>" << esc(t.unit.empty() ? t.level : t.unit) << "</td><td class=\"num\">"
      << esc(t.value
                 ? comparator_symbol(t.comparator) + " " + display_number(*t.value, d ? display_decimals(d->unit) : 2) +
                       (d ? " " + unit_symbol(d->unit) : "")
                 : std::string("省下达任务（未提供）"))
      << "</td><td>" << esc(attribute_name(t.attribute)) << "</td><td class=\"src\">" << esc(t.source)
      << "</td><td class=\"src\">" << esc(t.reference) << "</td></tr>";
  }
  h << "</table></section>\n</main></body></html>\n";

  std::ofstream out(file, std::ios::binary);
  out << h.str();
  out.close();
  if (!out) throw_internal("cannot write", {file.string(), {}, {}, {}});
}

}  // namespace guotu::report
