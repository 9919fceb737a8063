#include "report/aggregate.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/resources.hpp"
#include "geos/algorithms.hpp"
#include "index/envelope_index.hpp"
#include "layers/admin_units.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::report {

namespace {

// One AreaCalculator per thread and CRS (it owns a PROJ transform). Kept for the thread's life,
// so a reference handed out stays valid when another CRS is asked for later.
const area::AreaCalculator& calculator(const std::string& crs) {
  thread_local std::map<std::string, std::unique_ptr<area::AreaCalculator>> by_crs;
  auto& calc = by_crs[crs];
  if (!calc) calc = std::make_unique<area::AreaCalculator>(crs);
  return *calc;
}

bool all_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::optional<std::size_t> first_field(const gdal::Layer& layer, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto i = layer.field_index(n)) return i;
  return std::nullopt;
}

std::size_t require_field(const gdal::Layer& layer, const std::string& name) {
  auto i = layer.field_index(name);
  if (!i) throw_bad_input("the layer has no field " + name, {layer.source_path(), layer.name(), {}, {}});
  return *i;
}

geos::Geometry polygonal(geos::Geometry g) {
  if (!g) return g;
  if (!g.is_valid()) g = g.make_valid();
  return g.polygonal_part();
}

struct RawUnit {
  std::string code, name, parent;
  std::vector<geos::Geometry> parts;
};

// Reads a layer's polygons grouped by code (a unit split into several features is one unit).
std::vector<ReportUnit> read_units(const gdal::Layer& layer, const std::string& code_field,
                                   const std::string& name_field, const std::string& parent_field,
                                   const std::string& crs, gdal::ReadLog& log) {
  std::optional<std::size_t> ci, ni, pi;
  if (!code_field.empty())
    ci = require_field(layer, code_field);
  else
    ci = first_field(layer, {"XZQDM", "BSM", "DM", "CODE", "ID"});
  if (!name_field.empty())
    ni = require_field(layer, name_field);
  else
    ni = first_field(layer, {"XZQMC", "QYMC", "MC", "NAME", "ZRBHDMC", "HXMC"});
  if (!parent_field.empty()) pi = layer.field_index(parent_field);
  std::vector<RawUnit> raw;
  std::map<std::string, std::size_t> by_code;
  gdal::ReadOptions ro;
  ro.target_crs = crs;
  ro.geometry = gdal::GeometryFamily::Polygon;  // a unit is an area, whatever the layer
  ro.log = &log;
  layer.read(ro, [&](gdal::Feature&& f) {
    if (!f.geometry || f.geometry.is_empty()) return;
    std::string code = ci ? gdal::as_text(f.values[*ci]) : std::to_string(f.fid);
    if (code.empty()) throw_bad_input("a unit has no code", {layer.source_path(), layer.name(), f.fid, {}});
    auto [it, inserted] = by_code.try_emplace(code, raw.size());
    if (inserted) {
      RawUnit u;
      u.code = code;
      u.name = ni ? gdal::as_text(f.values[*ni]) : code;
      if (pi) u.parent = gdal::as_text(f.values[*pi]);
      raw.push_back(std::move(u));
    }
    raw[it->second].parts.push_back(polygonal(std::move(f.geometry)));
  });
  std::erase_if(raw, [](RawUnit& r) {
    std::erase_if(r.parts, [](const geos::Geometry& g) { return !g || g.is_empty(); });
    return r.parts.empty();
  });
  const auto& calc = calculator(crs);
  std::vector<ReportUnit> out;
  for (auto& r : raw) {
    geos::Geometry g = r.parts.size() == 1 ? std::move(r.parts[0]) : geos::union_all(std::move(r.parts));
    ReportUnit u;
    u.code = r.code;
    u.name = r.name.empty() ? r.code : r.name;
    u.parent = r.parent;
    u.area_m2 = calc.area_m2(g);
    u.wkb = g.to_wkb();
    out.push_back(std::move(u));
  }
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

std::unique_ptr<index::EnvelopeIndex> envelope_index(const std::vector<Envelope>& envs) {
  std::vector<std::pair<Envelope, std::size_t>> items;
  items.reserve(envs.size());
  for (std::size_t i = 0; i < envs.size(); ++i) items.emplace_back(envs[i], i);
  return std::make_unique<index::EnvelopeIndex>(items);
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

std::vector<UnitLevel> load_levels(const gdal::VectorSource& plan, const std::vector<LevelRequest>& requests,
                                   const std::string& crs, unsigned jobs, std::vector<std::string>& warnings,
                                   gdal::ReadLog& log) {
  (void)jobs;
  (void)warnings;
  std::vector<UnitLevel> levels;
  // The city: the union of the counties.
  const gdal::Layer& xzq = plan.require_layer("XZQ");
  std::vector<ReportUnit> counties = read_units(xzq, "XZQDM", "XZQMC", "", crs, log);
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
    geos::Geometry g = geos::union_all(std::move(parts));
    u.area_m2 = calculator(crs).area_m2(g);
    u.wkb = g.to_wkb();
    city.units.push_back(std::move(u));
    levels.push_back(std::move(city));
  }
  for (const auto& r : requests) {
    if (std::any_of(levels.begin(), levels.end(), [&](const UnitLevel& l) { return l.name == r.name; })) continue;
    UnitLevel level;
    level.name = r.name;
    level.layer = r.layer;
    const gdal::Layer& layer = plan.require_layer(r.layer);
    if (r.name == "county") {
      level.title = "县级";
      level.units = counties;
    } else {
      level.title = r.name == "town" ? "乡镇级" : r.layer;
      if (r.name != "town")
        if (const auto* def = layers::Catalogue::embedded().find(r.layer)) level.title = def->name_zh;
      level.units = read_units(layer, r.code_field, r.name_field, r.name == "town" ? "SJXZQDM" : "", crs, log);
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

LandUseResult aggregate_land_use(const gdal::Layer& vintage, const std::vector<UnitLevel>& levels,
                                 const IndicatorSet& indicators, const std::string& crs, unsigned jobs,
                                 const Progress& progress, gdal::ReadLog& log) {
  std::vector<const MeasureDef*> measures;
  for (const auto& m : indicators.measures())
    if (m.kind == MeasureKind::LandUse) measures.push_back(&m);
  const std::size_t nm = measures.size();
  const bool need_geometry =
      std::any_of(levels.begin(), levels.end(), [](const UnitLevel& l) { return l.assignment == Assignment::Overlay; });
  const bool need_code = std::any_of(levels.begin(), levels.end(),
                                     [](const UnitLevel& l) { return l.assignment == Assignment::CodePrefix; });

  const std::size_t dlbm = require_field(vintage, "DLBM");
  const std::optional<std::size_t> zldwdm =
      need_code ? std::optional(require_field(vintage, "ZLDWDM")) : vintage.field_index("ZLDWDM");
  const std::optional<std::size_t> czcsxm = vintage.field_index("CZCSXM");
  std::vector<std::size_t> field_of(nm);
  for (std::size_t k = 0; k < nm; ++k) {
    field_of[k] = require_field(vintage, measures[k]->field);
    if (!measures[k]->czcsxm.empty() && !czcsxm)
      throw_bad_input("measure '" + measures[k]->id + "' needs the field CZCSXM (城镇村属性码)",
                      {vintage.source_path(), vintage.name(), {}, {}});
  }

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

  std::vector<std::string> codes;
  std::vector<double> contrib;  // patch-major: contrib[p * nm + k], m²
  std::vector<std::vector<std::uint8_t>> wkbs;
  std::vector<Envelope> envs;
  const std::int64_t total = vintage.feature_count();
  std::int64_t done = 0;
  gdal::ReadOptions ro;
  ro.target_crs = crs;
  ro.geometry = gdal::GeometryFamily::Polygon;
  ro.log = &log;
  vintage.read(ro, [&](gdal::Feature&& f) {
    const std::string code = gdal::as_text(f.values[dlbm]);
    const auto& m = membership(code);
    const std::string cz = czcsxm ? gdal::as_text(f.values[*czcsxm]) : std::string();
    for (std::size_t k = 0; k < nm; ++k) {
      double v = 0;
      if (m[k]) {
        const auto& allowed = measures[k]->czcsxm;
        if (allowed.empty() || std::find(allowed.begin(), allowed.end(), cz) != allowed.end()) {
          const auto x = gdal::as_number(f.values[field_of[k]]);
          if (!x)
            throw_bad_input(measures[k]->field + " is not a number",
                            {vintage.source_path(), vintage.name(), f.fid, {}});
          v = *x;
        }
      }
      contrib.push_back(v);
    }
    codes.push_back(zldwdm ? gdal::as_text(f.values[*zldwdm]) : std::string());
    if (need_geometry) {
      if (f.geometry) {
        envs.push_back(f.geometry.envelope());
        wkbs.push_back(f.geometry.to_wkb());
      } else {
        envs.push_back(Envelope{1, 1, 0, 0});  // intersects nothing
        wkbs.emplace_back();
      }
    }
    if (progress && (++done % 2000 == 0 || done == total)) progress("reading " + vintage.name(), done, total);
  });
  const std::size_t np = codes.size();
  if (np == 0)
    throw_bad_input("no patches: the land-use layer has no feature that can be read",
                    {vintage.source_path(), vintage.name(), {}, {}});

  LandUseResult result;
  result.patches = np;
  result.unassigned.assign(levels.size(), 0);
  result.values.resize(levels.size());
  auto to_values = [&](const std::vector<double>& sums) {
    MeasureValues v;
    for (std::size_t k = 0; k < nm; ++k) v[measures[k]->id] = sums[k];
    return v;
  };
  std::unique_ptr<index::EnvelopeIndex> patch_index;
  for (std::size_t li = 0; li < levels.size(); ++li) {
    const UnitLevel& level = levels[li];
    std::vector<std::vector<double>> sums(level.units.size(), std::vector<double>(nm, 0.0));
    if (level.assignment == Assignment::All) {
      for (std::size_t p = 0; p < np; ++p)
        for (std::size_t k = 0; k < nm; ++k) sums[0][k] += contrib[p * nm + k];
    } else if (level.assignment == Assignment::CodePrefix) {
      std::map<std::string, std::size_t> unit_of;
      for (std::size_t u = 0; u < level.units.size(); ++u) unit_of[level.units[u].code] = u;
      for (std::size_t p = 0; p < np; ++p) {
        auto it =
            codes[p].size() >= level.code_length ? unit_of.find(codes[p].substr(0, level.code_length)) : unit_of.end();
        if (it == unit_of.end()) {
          ++result.unassigned[li];
          continue;
        }
        for (std::size_t k = 0; k < nm; ++k) sums[it->second][k] += contrib[p * nm + k];
      }
    } else {
      if (!patch_index) patch_index = envelope_index(envs);
      std::mutex m;
      std::size_t finished = 0;
      parallel_for(level.units.size(), jobs, [&](std::size_t u) {
        const auto& calc = calculator(crs);
        geos::PreparedGeometry unit(geos::Geometry::from_wkb(level.units[u].wkb));
        std::vector<double> local(nm, 0.0);
        // A GEOS failure comes from the data (a patch or the unit): bad input naming the layer and unit.
        geos::on_feature({vintage.source_path(), vintage.name(), {}, {}},
                         "the overlay with " + level.name + " unit " + level.units[u].code, [&] {
                           for (std::size_t p : patch_index->query(unit.base().envelope())) {
                             if (wkbs[p].empty()) continue;
                             const geos::Geometry patch = geos::Geometry::from_wkb(wkbs[p]);
                             double share = 0;
                             if (unit.covers(patch)) {
                               share = 1;
                             } else if (unit.intersects(patch)) {
                               const double whole = calc.area_m2(patch);
                               if (whole <= 0) continue;
                               share = std::min(1.0, calc.area_m2(unit.base().intersection(patch)) / whole);
                             }
                             if (share <= 0) continue;
                             for (std::size_t k = 0; k < nm; ++k) local[k] += share * contrib[p * nm + k];
                           }
                         });
        std::lock_guard lock(m);
        sums[u] = std::move(local);
        if (progress)
          progress("overlay " + vintage.name() + " × " + level.name, static_cast<std::int64_t>(++finished),
                   static_cast<std::int64_t>(level.units.size()));
      });
    }
    for (auto& s : sums) result.values[li].push_back(to_values(s));
  }
  return result;
}

std::vector<std::vector<MeasureValues>> aggregate_overlays(const gdal::VectorSource& plan,
                                                           const std::vector<UnitLevel>& levels,
                                                           const IndicatorSet& indicators, const std::string& crs,
                                                           unsigned jobs, const Progress& progress,
                                                           std::vector<std::string>& warnings, gdal::ReadLog& log) {
  std::vector<std::vector<MeasureValues>> out(levels.size());
  for (std::size_t li = 0; li < levels.size(); ++li) out[li].resize(levels[li].units.size());
  // Measures by layer (several measures may read one layer).
  std::map<std::string, std::vector<std::string>> by_layer;
  for (const auto& m : indicators.measures())
    if (m.kind == MeasureKind::Overlay) by_layer[m.layer].push_back(m.id);
  for (const auto& [layer_name, ids] : by_layer) {
    const gdal::Layer* layer = plan.find_layer(layer_name);
    if (layer == nullptr) {
      warnings.push_back("plan layer " + layer_name + " is absent: its indicators are reported as no input");
      continue;  // measures stay unset → "no input"
    }
    std::vector<std::vector<std::uint8_t>> wkbs;
    std::vector<Envelope> envs;
    gdal::ReadOptions ro;
    ro.target_crs = crs;
    ro.geometry = gdal::GeometryFamily::Polygon;
    ro.log = &log;
    layer->read(ro, [&](gdal::Feature&& f) {
      geos::Geometry g = polygonal(std::move(f.geometry));
      if (!g || g.is_empty()) return;
      envs.push_back(g.envelope());
      wkbs.push_back(g.to_wkb());
    });
    const auto idx = envelope_index(envs);
    for (std::size_t li = 0; li < levels.size(); ++li) {
      const UnitLevel& level = levels[li];
      std::vector<double> area(level.units.size(), 0.0);
      std::mutex m;
      std::size_t finished = 0;
      // Named here: a lambda may not capture a structured binding (clang before 16).
      const std::string overlay_label = "overlay " + layer_name + " × " + level.name;
      parallel_for(level.units.size(), jobs, [&](std::size_t u) {
        const auto& calc = calculator(crs);
        geos::PreparedGeometry unit(geos::Geometry::from_wkb(level.units[u].wkb));
        std::vector<geos::Geometry> pieces;
        for (std::size_t i : idx->query(unit.base().envelope())) {
          geos::Geometry g = geos::Geometry::from_wkb(wkbs[i]);
          if (unit.covers(g))
            pieces.push_back(std::move(g));
          else if (unit.intersects(g)) {
            geos::Geometry piece = unit.base().intersection(g).polygonal_part();
            if (piece && !piece.is_empty()) pieces.push_back(std::move(piece));
          }
        }
        double a = 0;
        if (pieces.size() == 1)
          a = calc.area_m2(pieces[0]);
        else if (!pieces.empty())
          a = calc.area_m2(geos::union_all(std::move(pieces)));  // overlaps count once
        std::lock_guard lock(m);
        area[u] = a;
        if (progress)
          progress(overlay_label, static_cast<std::int64_t>(++finished), static_cast<std::int64_t>(level.units.size()));
      });
      for (std::size_t u = 0; u < level.units.size(); ++u)
        for (const auto& id : ids) out[li][u][id] = area[u];
    }
  }
  return out;
}

}  // namespace guotu::report
