#include "report/aggregate.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/resources.hpp"
#include "geos/algorithms.hpp"
#include "layers/admin_units.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::report {

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::optional<std::string> first_field(const gdal::Layer& layer, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto i = layer.field_index(n)) return layer.fields()[*i].name;
  return std::nullopt;
}

/// The code and name fields of a unit layer: as given, else the first of the usual names (else
/// the fid and the code).
std::pair<std::optional<std::string>, std::optional<std::string>> unit_fields(const gdal::Layer& layer,
                                                                              const std::string& code_field,
                                                                              const std::string& name_field) {
  std::optional<std::string> code =
      code_field.empty() ? first_field(layer, {"XZQDM", "BSM", "DM", "CODE", "ID"}) : std::optional(code_field);
  std::optional<std::string> name = name_field.empty()
                                        ? first_field(layer, {"XZQMC", "QYMC", "MC", "NAME", "ZRBHDMC", "HXMC"})
                                        : std::optional(name_field);
  return {code, name};
}

overlay::LoadOptions load_options(const AggregateContext& ctx) {
  overlay::LoadOptions lo;
  lo.crs = ctx.crs;
  lo.area = ctx.area;
  lo.jobs = ctx.jobs;
  lo.log = ctx.log;
  return lo;
}

/// Progress of one stage through the context's callback.
ProgressFn stage(const AggregateContext& ctx, const std::string& name) {
  if (!ctx.progress) return {};
  return [&ctx, name](std::size_t done, std::size_t total) {
    ctx.progress(name, static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
  };
}

// Reads a layer's polygons grouped by code (a unit split into several features is one unit).
std::vector<ReportUnit> read_units(const gdal::Layer& layer, const std::string& code_field,
                                   const std::string& name_field, const std::string& parent_field,
                                   const AggregateContext& ctx) {
  const auto [code_f, name_f] = unit_fields(layer, code_field, name_field);
  overlay::LoadOptions lo = load_options(ctx);
  std::optional<std::size_t> ci, ni, pi;
  if (code_f) {
    ci = lo.fields.size();
    lo.fields.push_back(*code_f);
  }
  if (name_f) {
    ni = lo.fields.size();
    lo.fields.push_back(*name_f);
  }
  if (!parent_field.empty() && layer.field_index(parent_field)) {
    pi = lo.fields.size();
    lo.fields.push_back(parent_field);
  }
  lo.shape = overlay::Shape::Valid;  // a unit is an area, whatever the layer holds
  lo.family = gdal::GeometryFamily::Polygon;
  const overlay::FeatureSet set = overlay::FeatureSet::load(layer, lo);

  struct RawUnit {
    std::string code, name, parent;
    std::vector<std::size_t> parts;
  };
  std::vector<RawUnit> raw;
  std::map<std::string, std::size_t> by_code;
  for (std::size_t i = 0; i < set.size(); ++i) {
    std::string code = ci ? gdal::as_text(set.value(i, *ci)) : std::to_string(set.fid(i));
    if (code.empty()) throw_bad_input("a unit has no code", set.where(i));
    auto [it, inserted] = by_code.try_emplace(code, raw.size());
    if (inserted) {
      RawUnit u;
      u.code = code;
      u.name = ni ? gdal::as_text(set.value(i, *ni)) : code;
      if (pi) u.parent = gdal::as_text(set.value(i, *pi));
      raw.push_back(std::move(u));
    }
    raw[it->second].parts.push_back(i);
  }
  std::vector<ReportUnit> out(raw.size());
  overlay::for_each(raw.size(), ctx.jobs, ctx.area, ctx.crs, [&](std::size_t k, overlay::Worker& w) {
    const RawUnit& r = raw[k];
    ReportUnit& u = out[k];
    u.code = r.code;
    u.name = r.name.empty() ? r.code : r.name;
    u.parent = r.parent;
    if (r.parts.size() == 1) {
      u.wkb = set.wkb(r.parts[0]);
      u.area_m2 = set.area_m2(r.parts[0]);
      if (std::isnan(u.area_m2)) u.area_m2 = w.area_m2(geos::Geometry::from_wkb(u.wkb));
      return;
    }
    std::vector<geos::Geometry> parts;
    for (std::size_t i : r.parts) parts.push_back(overlay::Worker::geometry(set, i));
    geos::Geometry g =
        geos::on_feature({layer.source_path(), layer.name(), std::nullopt, std::nullopt},
                         "the union of unit " + r.code + "'s parts", [&] { return geos::union_all(std::move(parts)); });
    u.area_m2 = w.area_m2(g);
    u.wkb = g.to_wkb();
  });
  std::sort(out.begin(), out.end(), [](const ReportUnit& a, const ReportUnit& b) { return a.code < b.code; });
  return out;
}

// A code level when every code is digits of one length (ZLDWDM prefixes), else an overlay.
void choose_assignment(UnitLevel& level) {
  std::set<std::size_t> lengths;
  bool digits = true;
  for (const auto& u : level.units) {
    lengths.insert(u.code.size());
    digits = digits && all_digits(u.code);
  }
  if (digits && lengths.size() == 1 && *lengths.begin() <= 12) {
    level.assignment = Assignment::CodePrefix;
    level.code_length = *lengths.begin();
  } else {
    level.assignment = Assignment::Overlay;
  }
}

std::string city_name(const std::string& prefix) {
  try {
    if (const layers::AdminUnit* u = layers::AdminUnits::embedded().find(prefix)) return u->name;
  } catch (const Error&) {
  }
  return "全市";
}

/// A unit as an overlay subject: its polygon, prepared once (one unit against many features).
class UnitSubject {
 public:
  explicit UnitSubject(const ReportUnit& u)
      : geometry_(geos::Geometry::from_wkb(u.wkb)), prepared_(geometry_.clone()), area_m2_(u.area_m2) {}
  [[nodiscard]] overlay::Subject subject() const { return {geometry_, geometry_.envelope(), area_m2_, &prepared_}; }

 private:
  geos::Geometry geometry_;
  geos::PreparedGeometry prepared_;
  double area_m2_;
};

/// The unit of each patch at a code-prefix level (npos: none), from ZLDWDM.
std::vector<std::size_t> units_by_code(const Patches& p, const UnitLevel& level) {
  std::map<std::string, std::size_t> unit_of;
  for (std::size_t u = 0; u < level.units.size(); ++u) unit_of[level.units[u].code] = u;
  std::vector<std::size_t> out(p.set.size(), std::string::npos);
  if (!p.zldwdm) return out;
  for (std::size_t i = 0; i < p.set.size(); ++i) {
    const std::string code = gdal::as_text(p.set.value(i, *p.zldwdm));
    if (code.size() < level.code_length) continue;
    if (auto it = unit_of.find(code.substr(0, level.code_length)); it != unit_of.end()) out[i] = it->second;
  }
  return out;
}

}  // namespace

std::string assignment_name(Assignment a) {
  switch (a) {
    case Assignment::All: return "all patches";
    case Assignment::CodePrefix: return "ZLDWDM code prefix";
    case Assignment::Overlay: return "overlay (椭球面积 of patch ∩ unit)";
  }
  return "";
}

std::string assignment_name_zh(Assignment a) {
  switch (a) {
    case Assignment::All: return "全部图斑";
    case Assignment::CodePrefix: return "按图斑坐落单位代码（ZLDWDM）前缀";
    case Assignment::Overlay: return "按单元界线切割图斑（相交部分的椭球面积）";
  }
  return "";
}

LevelRequest parse_level_request(const std::string& by) {
  LevelRequest r;
  if (by == "county") return {"county", "XZQ", "XZQDM", "XZQMC"};
  if (by == "town") return {"town", "XZQ_XIANG", "XZQDM", "XZQMC"};
  const auto a = by.find(':');
  r.layer = by.substr(0, a);
  r.name = r.layer;
  if (a != std::string::npos) {
    const auto b = by.find(':', a + 1);
    r.code_field = by.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
    if (b != std::string::npos) r.name_field = by.substr(b + 1);
  }
  if (r.layer.empty()) throw_bad_input("--by needs county, town or a layer name, not '" + by + "'");
  return r;
}

void require_level_schema(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                          overlay::SchemaCheck& schema) {
  const gdal::Layer* xzq = layers::find_table(plan, "XZQ");
  if (xzq == nullptr)
    schema.missing_layer(plan.path(), "XZQ", "the city and its counties");
  else
    schema.fields(*xzq, {"XZQDM"}, "the city and its counties");
  for (const auto& r : requests) {
    if (r.name == "county") continue;  // XZQ, above
    const gdal::Layer* layer = layers::find_table(plan, r.layer);
    if (layer == nullptr) {
      schema.missing_layer(plan.path(), r.layer, "--by " + r.name);
      continue;
    }
    schema.fields(*layer, {r.code_field, r.name_field}, "--by " + r.name);
  }
}

void require_vintage_schema(const gdal::Layer& vintage, const std::vector<LevelRequest>& requests,
                            const IndicatorSet& indicators, overlay::SchemaCheck& schema) {
  schema.fields(vintage, {"DLBM"}, "land classes (地类编码)");
  // Counties and towns take their patches by the code the patches carry.
  if (std::any_of(requests.begin(), requests.end(),
                  [](const LevelRequest& r) { return r.name == "county" || r.name == "town"; }))
    schema.fields(vintage, {"ZLDWDM"}, "assigning patches to counties and towns (坐落单位代码)");
  for (const auto& m : indicators.measures()) {
    if (m.kind != MeasureKind::LandUse) continue;
    schema.fields(vintage, {m.field}, "measure " + m.id);
    if (!m.czcsxm.empty()) schema.fields(vintage, {"CZCSXM"}, "measure " + m.id + " (城镇村属性码)");
  }
}

std::vector<UnitLevel> load_levels(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                                   const AggregateContext& ctx) {
  std::vector<UnitLevel> levels;
  // The city: the union of the counties.
  const gdal::Layer& xzq = layers::require_table(plan, "XZQ");
  std::vector<ReportUnit> counties = read_units(xzq, "XZQDM", "XZQMC", "", ctx);
  if (counties.empty())
    throw_bad_input("XZQ has no counties (no feature with a polygon geometry)", {plan.path(), xzq.name(), {}, {}});
  {
    UnitLevel city;
    city.name = "city";
    city.title = "市级";
    city.layer = "XZQ";
    city.assignment = Assignment::All;
    std::string prefix = counties[0].code.substr(0, std::min<std::size_t>(4, counties[0].code.size()));
    for (const auto& c : counties)
      if (c.code.compare(0, prefix.size(), prefix) != 0) prefix.clear();
    ReportUnit u;
    u.code = prefix.size() == 4 ? prefix + "00" : "city";
    u.name = prefix.size() == 4 ? city_name(prefix) : "全市";
    std::vector<geos::Geometry> parts;
    for (const auto& c : counties) parts.push_back(geos::Geometry::from_wkb(c.wkb));
    geos::Geometry g = geos::on_feature({plan.path(), xzq.name(), std::nullopt, std::nullopt}, "the city's outline",
                                        [&] { return geos::union_all(std::move(parts)); });
    u.area_m2 = area::thread_measure(ctx.area, ctx.crs).area_m2(g);
    u.wkb = g.to_wkb();
    city.units.push_back(std::move(u));
    levels.push_back(std::move(city));
  }
  for (const auto& r : requests) {
    if (std::any_of(levels.begin(), levels.end(), [&](const UnitLevel& l) { return l.name == r.name; })) continue;
    UnitLevel level;
    level.name = r.name;
    level.layer = r.layer;
    const gdal::Layer& layer = layers::require_table(plan, r.layer);
    if (r.name == "county") {
      level.title = "县级";
      level.units = counties;
    } else {
      level.title = r.name == "town" ? "乡镇级" : r.layer;
      if (r.name != "town")
        if (const auto* def = layers::Catalogue::embedded().find(r.layer)) level.title = def->name_zh;
      level.units = read_units(layer, r.code_field, r.name_field, r.name == "town" ? "SJXZQDM" : "", ctx);
    }
    // A level without units would be reported as an empty table, as if it had nothing to say.
    if (level.units.empty())
      throw_bad_input("no reporting unit: the layer has no feature with a polygon geometry (--by " + r.name + ")",
                      {plan.path(), layer.name(), {}, {}});
    // Counties and towns share the survey's code scheme; any other layer is an overlay.
    if (r.name == "county" || r.name == "town")
      choose_assignment(level);
    else
      level.assignment = Assignment::Overlay;
    levels.push_back(std::move(level));
  }
  return levels;
}

Patches load_patches(const gdal::Layer& vintage, const std::vector<UnitLevel>& levels, const IndicatorSet& indicators,
                     bool geometry, const AggregateContext& ctx) {
  const bool need_code = std::any_of(levels.begin(), levels.end(),
                                     [](const UnitLevel& l) { return l.assignment == Assignment::CodePrefix; });
  Patches p;
  p.layer = vintage.name();
  overlay::LoadOptions lo = load_options(ctx);
  lo.family = gdal::GeometryFamily::Polygon;
  lo.shape = overlay::Shape::AsRead;  // patches are judged by validate; the figures take them as they are
  lo.geometry = geometry;
  lo.measure = geometry;
  lo.keep_empty = true;  // a patch without geometry still counts where it is assigned by code
  auto add = [&](const std::string& f) {
    const auto it = std::find(lo.fields.begin(), lo.fields.end(), f);
    if (it != lo.fields.end()) return static_cast<std::size_t>(it - lo.fields.begin());
    lo.fields.push_back(f);
    return lo.fields.size() - 1;
  };
  p.dlbm = add("DLBM");
  if (need_code || vintage.field_index("ZLDWDM")) p.zldwdm = add("ZLDWDM");
  const bool need_czcsxm =
      std::any_of(indicators.measures().begin(), indicators.measures().end(),
                  [](const MeasureDef& m) { return m.kind == MeasureKind::LandUse && !m.czcsxm.empty(); });
  if (need_czcsxm || vintage.field_index("CZCSXM")) p.czcsxm = add("CZCSXM");
  for (const auto& m : indicators.measures())
    if (m.kind == MeasureKind::LandUse) add(m.field);
  p.fields = lo.fields;
  lo.progress = stage(ctx, "reading " + vintage.name());
  p.set = overlay::FeatureSet::load(vintage, lo);
  if (p.set.empty())
    throw_bad_input("no patches: the land-use layer has no feature that can be read",
                    {vintage.source_path(), vintage.name(), {}, {}});
  return p;
}

LandUseResult aggregate_land_use(const Patches& patches, const std::vector<UnitLevel>& levels,
                                 const IndicatorSet& indicators, const AggregateContext& ctx) {
  std::vector<const MeasureDef*> measures;
  for (const auto& m : indicators.measures())
    if (m.kind == MeasureKind::LandUse) measures.push_back(&m);
  const std::size_t nm = measures.size();
  const overlay::FeatureSet& set = patches.set;
  std::vector<std::size_t> field_of(nm);
  for (std::size_t k = 0; k < nm; ++k)
    field_of[k] = static_cast<std::size_t>(std::find(patches.fields.begin(), patches.fields.end(), measures[k]->field) -
                                           patches.fields.begin());

  // Class membership per distinct DLBM value, computed once.
  const auto& classes = layers::LandClasses::embedded();
  std::map<std::string, std::vector<char>> member;
  auto membership = [&](const std::string& code) -> const std::vector<char>& {
    auto it = member.find(code);
    if (it != member.end()) return it->second;
    std::vector<char> m(nm, 0);
    for (std::size_t k = 0; k < nm; ++k) {
      const auto& cls = measures[k]->classes;
      m[k] = cls.empty() || std::any_of(cls.begin(), cls.end(),
                                        [&](const std::string& c) { return classes.contains(c, "sandiao", code); });
    }
    return member.emplace(code, std::move(m)).first->second;
  };

  const std::size_t np = set.size();
  std::vector<double> contrib(np * nm, 0.0);  // patch-major: contrib[p * nm + k], m²
  for (std::size_t p = 0; p < np; ++p) {
    const auto& m = membership(gdal::as_text(set.value(p, patches.dlbm)));
    const std::string cz = patches.czcsxm ? gdal::as_text(set.value(p, *patches.czcsxm)) : std::string();
    for (std::size_t k = 0; k < nm; ++k) {
      if (m[k] == 0) continue;
      const auto& allowed = measures[k]->czcsxm;
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), cz) == allowed.end()) continue;
      const auto x = gdal::as_number(set.value(p, field_of[k]));
      if (!x) throw_bad_input(measures[k]->field + " is not a number", set.where(p));
      contrib[p * nm + k] = *x;
    }
  }

  LandUseResult result;
  result.patches = np;
  result.unassigned.assign(levels.size(), 0);
  result.values.resize(levels.size());
  auto to_values = [&](const std::vector<double>& sums) {
    MeasureValues v;
    for (std::size_t k = 0; k < nm; ++k) v[measures[k]->id] = sums[k];
    return v;
  };
  for (std::size_t li = 0; li < levels.size(); ++li) {
    const UnitLevel& level = levels[li];
    std::vector<std::vector<double>> sums(level.units.size(), std::vector<double>(nm, 0.0));
    if (level.assignment == Assignment::All) {
      for (std::size_t p = 0; p < np; ++p)
        for (std::size_t k = 0; k < nm; ++k) sums[0][k] += contrib[p * nm + k];
    } else if (level.assignment == Assignment::CodePrefix) {
      const std::vector<std::size_t> unit = units_by_code(patches, level);
      for (std::size_t p = 0; p < np; ++p) {
        if (unit[p] == std::string::npos) {
          ++result.unassigned[li];
          continue;
        }
        for (std::size_t k = 0; k < nm; ++k) sums[unit[p]][k] += contrib[p * nm + k];
      }
    } else {
      if (!set.measured())
        throw_internal("an overlay level needs the patches' geometries: load_patches(geometry = true)");
      // A patch cut by a unit's boundary contributes its attributes in proportion to the area
      // of the piece inside; a patch wholly inside adds them whole.
      overlay::for_each(
          level.units.size(), ctx.jobs, ctx.area, ctx.crs,
          [&](std::size_t u, overlay::Worker& w) {
            const UnitSubject unit(level.units[u]);
            const overlay::Subject subject = unit.subject();
            std::vector<double> local(nm, 0.0);
            geos::on_feature({set.file(), set.table(), {}, {}},
                             "the overlay with " + level.name + " unit " + level.units[u].code, [&] {
                               w.intersect(subject, set, false, [&](overlay::Hit&& h) {
                                 double share = 1;
                                 if (h.fit != overlay::Fit::FeatureInside) {
                                   const double whole = set.area_m2(h.feature);
                                   if (!(whole > 0)) return;
                                   share = std::min(1.0, h.area_m2 / whole);
                                 }
                                 for (std::size_t k = 0; k < nm; ++k) local[k] += share * contrib[h.feature * nm + k];
                               });
                             });
            sums[u] = std::move(local);
          },
          stage(ctx, "overlay " + set.table() + " × " + level.name));
    }
    for (auto& s : sums) result.values[li].push_back(to_values(s));
  }
  return result;
}

ZoneSets load_zones(const gdal::VectorSource& plan, const std::vector<std::string>& layers,
                    const AggregateContext& ctx) {
  ZoneSets out;
  for (const auto& name : layers) {
    if (out.count(name) != 0) continue;
    const gdal::Layer* layer = layers::find_table(plan, name);
    if (layer == nullptr) continue;
    overlay::LoadOptions lo = load_options(ctx);
    lo.family = gdal::GeometryFamily::Polygon;
    lo.shape = overlay::Shape::Valid;
    lo.measure = true;
    lo.progress = stage(ctx, "reading " + layer->name());
    out.emplace(name, overlay::FeatureSet::load(*layer, lo));
  }
  return out;
}

std::vector<std::vector<MeasureValues>> aggregate_overlays(const ZoneSets& zones, const std::vector<UnitLevel>& levels,
                                                           const IndicatorSet& indicators,
                                                           const AggregateContext& ctx) {
  std::vector<std::vector<MeasureValues>> out(levels.size());
  for (std::size_t li = 0; li < levels.size(); ++li) out[li].resize(levels[li].units.size());
  // Measures by layer (several measures may read one layer); a layer absent from `zones` leaves
  // its measures unset → "no input".
  std::map<std::string, std::vector<std::string>> by_layer;
  for (const auto& m : indicators.measures())
    if (m.kind == MeasureKind::Overlay && zones.count(m.layer) != 0) by_layer[m.layer].push_back(m.id);
  if (by_layer.empty()) return out;
  std::vector<const overlay::FeatureSet*> sets;
  std::vector<const std::vector<std::string>*> ids;
  for (const auto& [layer, measure_ids] : by_layer) {
    sets.push_back(&zones.at(layer));
    ids.push_back(&measure_ids);
  }
  for (std::size_t li = 0; li < levels.size(); ++li) {
    const UnitLevel& level = levels[li];
    std::vector<std::vector<double>> area(level.units.size(), std::vector<double>(sets.size(), 0.0));
    // Each unit is built and prepared once, and measured against every plan layer.
    overlay::for_each(
        level.units.size(), ctx.jobs, ctx.area, ctx.crs,
        [&](std::size_t u, overlay::Worker& w) {
          const UnitSubject unit(level.units[u]);
          for (std::size_t k = 0; k < sets.size(); ++k)
            area[u][k] = geos::on_feature({sets[k]->file(), sets[k]->table(), {}, {}},
                                          "the overlay with " + level.name + " unit " + level.units[u].code,
                                          [&] { return w.area_within(unit.subject(), *sets[k]); });
        },
        stage(ctx, "overlay plan layers × " + level.name));
    for (std::size_t u = 0; u < level.units.size(); ++u)
      for (std::size_t k = 0; k < sets.size(); ++k)
        for (const auto& id : *ids[k]) out[li][u][id] = area[u][k];
  }
  return out;
}

std::vector<ClassWithin> classes_within(const Patches& patches, const std::vector<UnitLevel>& levels,
                                        const std::vector<std::string>& layers, const ZoneSets& zones,
                                        const AggregateContext& ctx) {
  const overlay::FeatureSet& set = patches.set;
  if (!set.measured()) throw_internal("classes within needs the patches' geometries: load_patches(geometry = true)");
  const std::size_t np = set.size(), nz = layers.size();
  std::vector<const overlay::FeatureSet*> zone(nz);
  for (std::size_t z = 0; z < nz; ++z) {
    const auto it = zones.find(layers[z]);
    if (it == zones.end()) throw_internal("classes within: layer " + layers[z] + " was not loaded");
    zone[z] = &it->second;
  }
  std::vector<std::string> dlbm(np);
  for (std::size_t p = 0; p < np; ++p) dlbm[p] = set.text(p, patches.dlbm);

  // The area of each patch inside each line (each place once, whatever overlaps the line has):
  // inside[p * nz + z]. Each patch is built once for all the lines.
  std::vector<double> inside(np * nz, 0.0);
  overlay::for_each(
      np, ctx.jobs, ctx.area, ctx.crs,
      [&](std::size_t p, overlay::Worker& w) {
        if (set.wkb(p).empty()) return;
        const geos::Geometry patch = overlay::Worker::geometry(set, p);
        const overlay::Subject subject{patch, set.envelope(p), set.area_m2(p), nullptr};
        for (std::size_t z = 0; z < nz; ++z)
          inside[p * nz + z] = geos::on_feature(set.where(p), "its overlay with " + zone[z]->table(),
                                                [&] { return w.area_within(subject, *zone[z]); });
      },
      stage(ctx, "classes within the control lines"));

  // sums[level][unit][z]: DLBM → m²
  using Sums = std::vector<std::vector<std::vector<std::map<std::string, double>>>>;
  Sums sums(levels.size());
  for (std::size_t li = 0; li < levels.size(); ++li) {
    const UnitLevel& level = levels[li];
    auto& at = sums[li];
    at.assign(level.units.size(), std::vector<std::map<std::string, double>>(nz));
    if (level.assignment == Assignment::All || level.assignment == Assignment::CodePrefix) {
      const std::vector<std::size_t> unit =
          level.assignment == Assignment::All ? std::vector<std::size_t>(np, 0) : units_by_code(patches, level);
      for (std::size_t p = 0; p < np; ++p) {
        if (unit[p] == std::string::npos) continue;
        for (std::size_t z = 0; z < nz; ++z)
          if (inside[p * nz + z] > 0) at[unit[p]][z][dlbm[p]] += inside[p * nz + z];
      }
      continue;
    }
    // Units of any other layer cut the patches: the part of each piece inside the unit.
    overlay::for_each(
        level.units.size(), ctx.jobs, ctx.area, ctx.crs,
        [&](std::size_t u, overlay::Worker& w) {
          const UnitSubject unit(level.units[u]);
          std::vector<std::map<std::string, double>> local(nz);
          geos::on_feature({set.file(), set.table(), {}, {}},
                           "classes within the control lines in " + level.name + " unit " + level.units[u].code, [&] {
                             w.intersect(unit.subject(), set, true, [&](overlay::Hit&& h) {
                               const overlay::Subject piece{h.piece, h.piece.envelope(), h.area_m2, nullptr};
                               for (std::size_t z = 0; z < nz; ++z) {
                                 const double whole = inside[h.feature * nz + z];
                                 if (!(whole > 0)) continue;
                                 const double a =
                                     h.fit == overlay::Fit::FeatureInside ? whole : w.area_within(piece, *zone[z]);
                                 if (a > 0) local[z][dlbm[h.feature]] += a;
                               }
                             });
                           });
          at[u] = std::move(local);
        },
        stage(ctx, "classes within the control lines × " + level.name));
  }
  // Level, unit, then the layers in the order asked, then the code.
  std::vector<ClassWithin> out;
  for (std::size_t li = 0; li < levels.size(); ++li)
    for (std::size_t u = 0; u < sums[li].size(); ++u)
      for (std::size_t z = 0; z < nz; ++z)
        for (const auto& [code, a] : sums[li][u][z]) out.push_back({0, li, u, layers[z], code, a});
  return out;
}

}  // namespace guotu::report
