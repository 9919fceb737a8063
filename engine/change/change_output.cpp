#include "change/change_output.hpp"

#include <cctype>

#include <fmt/format.h>

#include "area/measure.hpp"
#include "core/units.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/read_problems_json.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::change {

namespace {

using gdal::FieldType;
using gdal::FieldValue;

FieldValue text(const std::string& s) {
  return s.empty() ? FieldValue{} : FieldValue{s};
}
FieldValue integer(std::int64_t v) {
  return FieldValue{v};
}
FieldValue real(double v) {
  return FieldValue{v};
}

std::string joined(const std::vector<std::string>& v, const char* sep = ",") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

struct ZoneColumn {
  std::string zone, field, title;
};

/// in_<zone>_m2 for a zone the rules test inside, outside_<zone>_m2 for one tested outside.
std::vector<ZoneColumn> zone_columns_of(const ChangeRules& rules) {
  std::vector<ZoneColumn> out;
  for (const auto& z : rules.zones) {
    bool in = false, outside = false;
    for (const auto& r : rules.rules) {
      in = in || r.inside == z.id;
      outside = outside || r.outside == z.id;
    }
    if (!in && !outside) continue;
    std::string lower = z.id;
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.push_back({z.id, (in ? "in_" : "outside_") + lower + "_m2",
                   (in ? "在" + z.name_zh + "内" : z.name_zh + "外") + std::string("(平方米)")});
  }
  return out;
}

std::string code_name(const std::string& code) {
  if (code == "建筑") return "建筑物/新增图斑";
  return layers::CodeList::embedded("sandiao").name_of(code);
}

}  // namespace

void write_geopackage(const DiffResult& r, const std::string& path, bool overwrite,
                      const std::map<std::string, std::string>& metadata, const std::string& timestamp,
                      OutputSet* outputs) {
  gdal::WriterOptions wo;
  wo.outputs = outputs;
  wo.overwrite = overwrite;
  wo.metadata = metadata;
  wo.metadata["GUOTU_BEFORE"] = r.before + " (layer " + r.before_layer + ")";
  wo.metadata["GUOTU_AFTER"] = r.after + " (layer " + r.after_layer + ")" + (r.footprints ? " footprints" : "");
  wo.metadata["GUOTU_PLAN"] = r.plan;
  wo.metadata["GUOTU_MIN_AREA_M2"] = fmt::format("{}", r.min_area_m2);
  wo.metadata["GUOTU_AREA"] = area::to_string(r.area);
  wo.metadata["GUOTU_AREA_METHOD"] = r.area == area::AreaMode::Planar
                                         ? fmt::format("投影面积 (plane area in {}, --area planar)", r.working_crs)
                                         : std::string("椭球面积 (国土调查办发〔2008〕32号), CGCS2000");
  wo.timestamp = timestamp;
  gdal::OutputWriter w(path, wo);

  gdal::LayerSpec cs;
  cs.name = "changes";
  cs.title = "地类变化图斑";
  const std::string kind = area::name_zh(r.area);  // 椭球面积 or 投影面积: what every area is
  cs.description = fmt::format(
      "Pieces whose land-use class changed between the vintages, classified (非农化, 进出平衡, 其他) with "
      "疑似违法 new construction flagged (guotu diff); areas are {}",
      r.area == area::AreaMode::Planar ? fmt::format("投影面积 (plane area in {})", r.working_crs) : kind);
  cs.geometry = gdal::GeometryKind::MultiPolygon;
  cs.crs = r.working_crs;
  cs.fields = {{"class", FieldType::String, 0, "变化类型", false},
               {"classes", FieldType::String, 0, "全部变化类型", false},
               {"rules", FieldType::String, 0, "成立的规则", false},
               {"suspect", FieldType::Integer, 0, "疑似违法", false},
               {"suspect_layers", FieldType::String, 0, "违反图层", false},
               {"suspect_rules", FieldType::String, 0, "疑似违法规则", false},
               {"approved", FieldType::Integer, 0, "已批", false},
               {"credit", FieldType::String, 0, "计入进出平衡", false},
               {"before_code", FieldType::String, 0, "前地类编码", false},
               {"before_name", FieldType::String, 0, "前地类名称", false},
               {"after_code", FieldType::String, 0, "后地类编码", false},
               {"after_name", FieldType::String, 0, "后地类名称", false},
               {"before_bsm", FieldType::String, 0, "前时相标识码", false},
               {"after_bsm", FieldType::String, 0, "后时相标识码", false},
               {"before_fid", FieldType::Integer64, 0, "前时相要素号", false},
               {"after_fid", FieldType::Integer64, 0, "后时相要素号", false},
               {"county", FieldType::String, 0, "县级代码", false},
               {"town", FieldType::String, 0, "乡级代码", false},
               {"area_m2", FieldType::Real, 0, kind + "(平方米)", false},
               {"area_mu", FieldType::Real, 0, kind + "(亩)", false},
               {"new_construction", FieldType::Integer, 0, "新增建设", false},
               {"unevaluated_rules", FieldType::String, 0, "未能评价的规则", false}};
  // One column per zone the rules test: the piece's area inside it (outside it, for CZKFBJ).
  const std::vector<ZoneColumn> zone_columns = zone_columns_of(r.rules);
  for (const auto& z : zone_columns) cs.fields.push_back({z.field, FieldType::Real, 0, z.title, false});
  cs.style_qml = layers::result_style("changes");
  const auto cl = w.create_layer(cs);

  gdal::LayerSpec ss;
  ss.name = "summary";
  ss.title = "地类变化汇总";
  ss.description = fmt::format("Changes per county and town and class (guotu diff); areas are {}", kind);
  ss.geometry = gdal::GeometryKind::None;
  ss.fields = {{"level", FieldType::String, 0, "级别", false},
               {"code", FieldType::String, 0, "行政区代码", false},
               {"class", FieldType::String, 0, "变化类型", false},
               {"count", FieldType::Integer64, 0, "图斑数", false},
               {"area_m2", FieldType::Real, 0, kind + "(平方米)", false},
               {"area_mu", FieldType::Real, 0, kind + "(亩)", false},
               {"suspect_count", FieldType::Integer64, 0, "疑似违法图斑数", false},
               {"suspect_m2", FieldType::Real, 0, "疑似违法面积(平方米)", false},
               {"credit_m2", FieldType::Real, 0, "计入进出平衡面积(平方米)", false}};
  const auto sl = w.create_layer(ss);

  for (const auto& c : r.changes) {
    const geos::Geometry g = geos::Geometry::from_wkb(c.wkb);
    std::vector<FieldValue> row = {text(c.cls),
                                   text(joined(c.classes, ";")),
                                   text(joined(c.rules, ";")),
                                   integer(c.suspect ? 1 : 0),
                                   text(joined(c.suspect_layers, ",")),
                                   text(joined(c.suspect_rules, ";")),
                                   integer(c.approved ? 1 : 0),
                                   text(to_string(c.credit)),
                                   text(c.before_code),
                                   text(code_name(c.before_code)),
                                   text(c.after_code),
                                   text(code_name(c.after_code)),
                                   text(c.before_bsm),
                                   text(c.after_bsm),
                                   integer(c.before_fid),
                                   integer(c.after_fid),
                                   text(c.county),
                                   text(c.town),
                                   real(c.area_m2),
                                   real(units::to_mu(c.area_m2)),
                                   integer(c.new_construction ? 1 : 0),
                                   text(joined(c.unevaluated_rules, ";"))};
    for (const auto& z : zone_columns) {
      const auto it = c.zone_m2.find(z.zone);
      row.push_back(it == c.zone_m2.end() ? FieldValue{} : real(it->second));
    }
    w.add(cl, row, &g);
  }
  for (const auto& s : r.summary())
    w.add(sl, {text(s.level), text(s.code), text(s.cls), integer(static_cast<std::int64_t>(s.count)), real(s.area_m2),
               real(units::to_mu(s.area_m2)), integer(static_cast<std::int64_t>(s.suspect_count)), real(s.suspect_m2),
               real(s.credit_m2)});
  w.commit();
}

nlohmann::json to_json(const DiffResult& r) {
  using nlohmann::json;
  json j;
  j["before"] = {{"source", r.before}, {"layer", r.before_layer}};
  j["after"] = {{"source", r.after}, {"layer", r.after_layer}, {"footprints", r.footprints}};
  j["plan"] = r.plan;
  j["min_area_m2"] = r.min_area_m2;
  j["area"] = area::to_string(r.area);
  json changes = json::array();
  for (const auto& c : r.changes) {
    json zones = json::object(), sm = json::object();
    for (const auto& [k, v] : c.zone_m2) zones[k] = v;
    for (const auto& layer : c.suspect_layers)
      if (auto it = c.zone_m2.find(layer); it != c.zone_m2.end()) sm[layer] = it->second;
    changes.push_back({{"class", c.cls},
                       {"classes", c.classes},
                       {"rules", c.rules},
                       {"before", c.before_code},
                       {"after", c.after_code},
                       {"area_m2", c.area_m2},
                       {"unit_code", c.town.empty() ? c.county : c.town},
                       {"county", c.county},
                       {"town", c.town},
                       {"before_bsm", c.before_bsm},
                       {"after_bsm", c.after_bsm},
                       {"before_fid", c.before_fid},
                       {"after_fid", c.after_fid},
                       {"new_construction", c.new_construction},
                       {"suspect", c.suspect},
                       {"suspect_rules", c.suspect_rules},
                       {"suspect_layers", c.suspect_layers},
                       {"suspect_m2", std::move(sm)},
                       {"approved", c.approved},
                       {"cleared_rules", c.cleared_rules},
                       {"credit", to_string(c.credit)},
                       {"zones_m2", std::move(zones)},
                       {"unevaluated_rules", c.unevaluated_rules}});
  }
  j["changes"] = std::move(changes);
  json counts = json::object(), areas = json::object();
  for (const auto& [k, v] : r.counts()) counts[k] = v;
  counts["疑似违法"] = r.suspect_count();
  counts["已批"] = r.approved_count();
  for (const auto& [k, v] : r.areas()) areas[k] = v;
  areas["疑似违法"] = r.suspect_m2();
  j["counts"] = std::move(counts);
  j["areas_m2"] = std::move(areas);
  j["credit_m2"] = {{"out", r.credit_m2(Balance::Out)}, {"in", r.credit_m2(Balance::In)}};
  j["rules"] = r.rules.file;
  j["approvals"] = r.approvals;
  j["approval_count"] = r.approval_count;
  json unevaluated = json::object();
  for (const auto& [id, why] : r.unevaluated) unevaluated[id] = why;
  j["unevaluated_rules"] = std::move(unevaluated);
  j["complete"] = r.unevaluated.empty();
  j["slivers_dropped"] = r.slivers;
  j["sliver_m2"] = r.sliver_m2;
  j["plan_layers"] = r.plan_layers_used;
  json summary = json::array();
  for (const auto& s : r.summary())
    summary.push_back({{"level", s.level},
                       {"code", s.code},
                       {"class", s.cls},
                       {"count", s.count},
                       {"area_m2", s.area_m2},
                       {"suspect_count", s.suspect_count},
                       {"suspect_m2", s.suspect_m2},
                       {"credit_m2", s.credit_m2}});
  j["summary"] = std::move(summary);
  j["skipped_features"] = gdal::skipped_features_json(r.read_problems);
  j["warnings"] = r.warnings;
  return j;
}

std::string human_summary(const DiffResult& r) {
  std::string s = fmt::format("{} ({}) → {} ({}){}\n", r.before, r.before_layer, r.after, r.after_layer,
                              r.footprints ? " [footprints]" : "");
  const auto areas = r.areas();
  s += "  (a piece counts in each class it carries)\n";
  for (const auto& [cls, n] : r.counts())
    s += fmt::format("  {:<16} {:>7} pieces {:>14.2f} m² {:>12.2f} 亩\n", cls, n, areas.at(cls),
                     units::to_mu(areas.at(cls)));
  s += fmt::format("  疑似违法         {:>7} pieces {:>14.2f} m² {:>12.2f} 亩 (zones tested: {})\n", r.suspect_count(),
                   r.suspect_m2(), units::to_mu(r.suspect_m2()),
                   r.plan_layers_used.empty() ? std::string("none") : joined(r.plan_layers_used));
  s += fmt::format("  已批             {:>7} pieces wholly inside an approved project (approvals: {})\n",
                   r.approved_count(), r.approvals.empty() ? std::string("none") : r.approvals);
  s += fmt::format("  进出平衡 credit: out {:.2f} 亩, in {:.2f} 亩 (违规开垦 and 非粮化 pieces are no credit)\n",
                   units::to_mu(r.credit_m2(Balance::Out)), units::to_mu(r.credit_m2(Balance::In)));
  if (r.area == area::AreaMode::Planar)
    s += fmt::format("  areas: 投影面积 (plane area in {}, --area planar), not 椭球面积\n", r.working_crs);
  s += fmt::format("  slivers below {} m² dropped: {} ({:.3f} m² in all)\n", r.min_area_m2, r.slivers, r.sliver_m2);
  s += fmt::format("  rules: {}\n", r.rules.file);
  for (const auto& w : r.warnings) s += "warning: " + w + "\n";
  return s;
}

std::vector<ledger::InOut> inout_entries(const DiffResult& r, int year) {
  std::map<std::pair<std::string, std::string>, double> sums;
  for (const auto& c : r.changes) {
    if (c.credit != Balance::None) sums[{c.county, to_string(c.credit)}] += c.area_m2;
  }
  std::vector<ledger::InOut> out;
  for (const auto& [k, m2] : sums) {
    ledger::InOut e;
    e.county = k.first.empty() ? "unknown" : k.first;
    e.id = fmt::format("diff-{}-{}-{}", year, e.county, k.second);
    e.year = year;
    e.date = fmt::format("{}-12-31", year);
    e.direction = k.second;
    e.area_m2 = m2;
    e.note = fmt::format("guotu diff {} ({}) → {} ({})", r.before, r.before_layer, r.after, r.after_layer);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace guotu::change
