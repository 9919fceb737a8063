#include "sample/city_config.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "core/bounds.hpp"
#include "core/error.hpp"
#include "core/yaml.hpp"
#include "layers/code_list.hpp"

namespace guotu::sample {

namespace fs = std::filesystem;

namespace {

// Ranges of the city file's numbers: finite, and within what a city description can mean.
constexpr double kShare[] = {0.0, 1.0};
constexpr double kKm[] = {0.0, 1000.0};        // distances and radii in a city
constexpr double kWidthM[] = {0.0, 10'000.0};  // rivers, roads, corridors
constexpr double kLon[] = {-180.0, 180.0};
constexpr double kLat[] = {-90.0, 90.0};
constexpr double kWeight[] = {0.0, 1e9};  // relative weights
constexpr double kAreaMu[] = {0.0, 1e8};
constexpr double kCap[] = {0.0, 10'000.0};     // 容积率, 高度 (m)
constexpr std::int64_t kMaxCount = 1'000'000;  // projects, planted cases

struct Reader {
  fs::path file;

  [[noreturn]] void fail(const YAML::Node& n, const std::string& why) const { yaml::fail(file.string(), n, why); }
  YAML::Node need(const YAML::Node& map, const char* key) const {
    YAML::Node n = map[key];
    if (!n) fail(map, std::string("missing key '") + key + "'");
    return n;
  }
  std::string str(const YAML::Node& map, const char* key) const { return need(map, key).as<std::string>(); }
  std::string str_or(const YAML::Node& map, const char* key, const std::string& def) const {
    return map[key] ? map[key].as<std::string>() : def;
  }
  double num(const YAML::Node& map, const char* key, const double (&range)[2]) const {
    return yaml::number(file.string(), need(map, key), key, range[0], range[1]);
  }
  double num_or(const YAML::Node& map, const char* key, double def, const double (&range)[2]) const {
    return map[key] ? num(map, key, range) : def;
  }
  int whole(const YAML::Node& map, const char* key, std::int64_t min, std::int64_t max) const {
    return static_cast<int>(yaml::integer(file.string(), need(map, key), key, min, max));
  }
  bool flag(const YAML::Node& map, const char* key) const {
    return map[key] && yaml::boolean(file.string(), map[key], key);
  }
  Coord lonlat(const YAML::Node& map) const { return {num(map, "lon", kLon), num(map, "lat", kLat)}; }
  std::vector<std::string> strings(const YAML::Node& seq) const {
    std::vector<std::string> out;
    for (const auto& s : seq) out.push_back(s.as<std::string>());
    return out;
  }
  CodeMix mix(const YAML::Node& map) const {
    CodeMix out;
    double total = 0;
    for (const auto& kv : map) {
      const std::string code = kv.first.as<std::string>();
      out.emplace_back(code, yaml::number(file.string(), kv.second, "weight of " + code, kWeight[0], kWeight[1]));
      total += out.back().second;
    }
    if (out.empty() || total <= 0) fail(map, "a code mix needs positive weights");
    for (auto& [code, w] : out) w /= total;
    return out;
  }
  std::vector<Coord> points(const YAML::Node& seq) const {
    std::vector<Coord> out;
    for (const auto& p : seq) {
      if (!p.IsSequence() || p.size() != 2) fail(p, "a point is [lon, lat]");
      out.push_back({yaml::number(file.string(), p[0], "lon", kLon[0], kLon[1]),
                     yaml::number(file.string(), p[1], "lat", kLat[0], kLat[1])});
    }
    if (out.size() < 2) fail(seq, "a line needs at least two points");
    return out;
  }
};

}  // namespace

CityConfig CityConfig::load(const fs::path& file, const fs::path& home) {
  Reader r{file};
  const YAML::Node root = yaml::load_file(file, "city");
  CityConfig c;
  c.file = file;
  try {
    const YAML::Node city = r.need(root, "city");
    c.code = r.str(city, "code");
    c.name = r.str(city, "name");
    c.working_crs = r.str(city, "working_crs");
    c.survey_year = r.whole(city, "survey_year", bounds::kMinYear, bounds::kMaxYear);
    c.later_year = r.whole(city, "later_year", bounds::kMinYear, bounds::kMaxYear);
    const YAML::Node admin = r.need(root, "admin");
    c.boundaries = home / r.str(admin, "boundaries");
    c.units = home / r.str(admin, "units");
    c.code_field = r.str(admin, "code_field");
    c.name_field = r.str(admin, "name_field");
    for (const auto& kv : r.need(root, "land_use")) {
      LandUseClass lc;
      lc.id = kv.first.as<std::string>();
      lc.share = r.num(kv.second, "share", kShare);
      if (kv.second["codes"]) lc.codes = r.mix(kv.second["codes"]);
      lc.cite = {r.str_or(kv.second, "source", ""), r.str_or(kv.second, "seed_ref", "")};
      c.land_use.push_back(std::move(lc));
    }
    double total = 0;
    for (const auto& lc : c.land_use) total += lc.share;
    if (total > 1.0) r.fail(root["land_use"], "land-use shares add up to more than 1");
    for (const auto& kv : r.need(root, "urban_mix")) {
      c.urban_mix[kv.first.as<std::string>()] = UrbanMix{r.str(kv.second, "czcsxm"), r.mix(r.need(kv.second, "codes"))};
    }
    for (const char* k : {"city", "town", "village"})
      if (!c.urban_mix.count(k)) r.fail(root["urban_mix"], std::string("urban_mix needs '") + k + "'");
    for (const auto& s : r.need(root, "seats")) {
      c.seats.push_back({r.str(s, "county"), r.str(s, "name"), r.str(s, "role"), r.lonlat(s), r.num(s, "urban_km", kKm),
                         r.num(s, "boundary_km", kKm), r.str(s, "czcsxm"), r.flag(s, "central_city")});
    }
    c.key_towns = r.strings(r.need(root, "key_towns"));
    c.town_centre_km = r.num(root, "town_centre_km", kKm);
    c.key_town_centre_km = r.num(root, "key_town_centre_km", kKm);
    const YAML::Node br = r.need(root, "boundary_river");
    c.boundary_river.name = r.str(br, "name");
    c.boundary_river.counties = r.strings(r.need(br, "counties"));
    const YAML::Node dir = r.need(br, "direction");
    if (!dir.IsSequence() || dir.size() != 2) r.fail(dir, "direction is [dx, dy]");
    c.boundary_river.direction = {yaml::number(file.string(), dir[0], "direction", -1e3, 1e3),
                                  yaml::number(file.string(), dir[1], "direction", -1e3, 1e3)};
    c.boundary_river.width_m = r.num(br, "width_m", kWidthM);
    c.boundary_river.red_line_km = r.num(br, "red_line_km", kKm);
    c.boundary_river.floodplain_km = r.num(br, "floodplain_km", kKm);
    for (const auto& rv : r.need(root, "rivers")) {
      c.rivers.push_back({r.str(rv, "name"), "1101", r.num(rv, "width_m", kWidthM), r.flag(rv, "blue_line"),
                          r.points(r.need(rv, "points"))});
    }
    for (const auto& rd : r.need(root, "roads")) {
      c.roads.push_back(
          {r.str(rd, "name"), r.str(rd, "code"), r.num(rd, "width_m", kWidthM), false, r.points(r.need(rd, "points"))});
    }
    for (const auto& l : r.need(root, "lakes")) {
      c.lakes.push_back({r.str(l, "name"), r.lonlat(l), r.num(l, "radius_km", kKm), r.num_or(l, "island_km", 0, kKm),
                         r.flag(l, "blue_line")});
    }
    for (const auto& p : r.need(root, "natural_parks")) {
      c.parks.push_back({r.str(p, "name"), r.str(p, "type"), r.str(p, "level"), r.str(p, "county"), r.lonlat(p),
                         r.num(p, "area_mu", kAreaMu), r.num(p, "core_share", kShare)});
    }
    for (const auto& z : r.need(root, "forest_zones")) {
      c.forest_zones.push_back({r.str(z, "name"), r.strings(r.need(z, "counties")), r.num(z, "weight", kWeight)});
    }
    const YAML::Node cc = r.need(root, "central_city");
    c.central_inner_km = r.num(cc, "inner_km", kKm);
    c.central_outer_km = r.num(cc, "outer_km", kKm);
    for (const auto& a : r.need(cc, "areas")) {
      c.central_areas.push_back(
          {r.str(a, "name"), r.str(a, "sector"), r.str(a, "kfqd"), r.num(a, "rjlsx", kCap), r.num(a, "gdsx", kCap)});
      const std::string& sec = c.central_areas.back().sector;
      if (sec != "centre" && sec != "east" && sec != "south" && sec != "west" && sec != "north")
        r.fail(a["sector"], "sector must be centre, east, south, west or north");
    }
    for (const auto& h : r.need(cc, "height_zones"))
      c.height_zones.push_back({r.str(h, "name"), r.num(h, "radius_km", kKm), r.num(h, "gdsx", kCap)});
    c.historic_core_km = r.num(cc, "historic_core_km", kKm);
    c.green_ring_m = r.num(cc, "green_ring_m", kWidthM);
    // Optional: a city without them has no SZBHFW or LSWHBHQ, and check cannot evaluate the rules on them.
    if (const YAML::Node wp = cc["water_protection"]) {
      c.water_protection = r.strings(r.need(wp, "water"));
      c.water_protection_bank_m = r.num(wp, "bank_m", kWidthM);
      for (const auto& name : c.water_protection) {
        const bool known =
            std::any_of(c.rivers.begin(), c.rivers.end(), [&](const Polyline& p) { return p.name == name; }) ||
            std::any_of(c.lakes.begin(), c.lakes.end(), [&](const Lake& l) { return l.name == name; });
        if (!known) r.fail(wp["water"], "water_protection names '" + name + "', which is no river or lake of the file");
      }
    }
    if (const YAML::Node ha = cc["historic_areas"])
      for (const auto& h : ha) c.historic_areas.push_back({r.str(h, "name"), r.lonlat(h), r.num(h, "radius_km", kKm)});
    c.permanent_farmland_share = r.num(root, "permanent_farmland_share", kShare);
    if (const YAML::Node sp = root["spaces"]) {
      c.spaces = true;
      // Below the 20 m that 永久基本农田 keeps off the other two lines: the spaces stay apart.
      constexpr double kMargin[] = {0.0, 15.0};
      c.urban_space_margin_m = r.num(sp, "urban_margin_m", kMargin);
      c.ecological_space_margin_m = r.num(sp, "ecological_margin_m", kMargin);
      const YAML::Node mf = r.need(sp, "main_function");
      c.main_function_default = r.str(mf, "default");
      if (const YAML::Node by = mf["counties"]) {
        if (!by.IsMap()) r.fail(by, "main_function.counties is a mapping: county code → ZTGNDM");
        for (const auto& kv : by) c.main_function[kv.first.as<std::string>()] = kv.second.as<std::string>();
      }
      const auto& list = layers::CodeList::embedded("ztgnfq");
      if (list.check(c.main_function_default) != layers::CodeProblem::None)
        r.fail(mf["default"],
               "'" + c.main_function_default + "' is no 主体功能 a county may carry (layers/codes/ztgnfq.csv)");
      for (const auto& [county, code] : c.main_function)
        if (list.check(code) != layers::CodeProblem::None)
          r.fail(mf["counties"], "'" + code + "' is no 主体功能 a county may carry (layers/codes/ztgnfq.csv)");
    }
    if (const YAML::Node cs = root["calibration_sources"]) {
      if (!cs.IsMap()) r.fail(cs, "calibration_sources is a mapping: figure → {source, seed_ref}");
      for (const auto& kv : cs) {
        if (!kv.second.IsMap()) r.fail(kv.second, "a calibration source is a mapping {source, seed_ref}");
        c.calibration_sources[kv.first.as<std::string>()] = {r.str(kv.second, "source"),
                                                             r.str_or(kv.second, "seed_ref", "")};
      }
    }
    const YAML::Node pr = r.need(root, "projects");
    c.project_count = r.whole(pr, "count", 0, kMaxCount);
    for (const auto& kv : r.need(pr, "violations")) {
      const std::string rule = kv.first.as<std::string>();
      c.planted_violations.emplace_back(rule,
                                        static_cast<int>(yaml::integer(file.string(), kv.second, rule, 0, kMaxCount)));
    }
    const YAML::Node ch = r.need(root, "changes");
    c.change_to_construction = r.num(ch, "to_construction_share", kShare);
    c.illegal_in_farmland = r.whole(ch, "illegal_in_farmland", 0, kMaxCount);
    c.change_out = r.num(ch, "out_share", kShare);
    c.change_in = r.num(ch, "in_share", kShare);
    if (const YAML::Node planted = ch["planted"]) {
      if (!planted.IsMap()) r.fail(planted, "changes.planted is a mapping: case → count");
      for (const auto& kv : planted) {
        const std::string id = kv.first.as<std::string>();
        c.planted_changes.emplace_back(id, static_cast<int>(yaml::integer(file.string(), kv.second, id, 0, kMaxCount)));
      }
    }
  } catch (const YAML::Exception& e) {
    throw_bad_input("YAML error: " + e.msg,
                    {file.string(), {}, {}, e.mark.line >= 0 ? std::optional<long>(e.mark.line + 1) : std::nullopt});
  }
  if (c.seats.empty()) r.fail(root, "a city needs at least one seat");
  // The generator needs these two classes: their lookups throw, naming the file, when missing.
  (void)c.land_class("cultivated");
  (void)c.land_class("construction");
  return c;
}

std::string CityConfig::calibration_source(const std::string& key) const {
  const auto it = calibration_sources.find(key);
  return it == calibration_sources.end() ? std::string() : it->second.source;
}

const LandUseClass& CityConfig::land_class(const std::string& id) const {
  for (const auto& lc : land_use)
    if (lc.id == id) return lc;
  throw_bad_input("the city file has no land_use class '" + id + "'", {file.string(), {}, {}, {}});
}

}  // namespace guotu::sample
