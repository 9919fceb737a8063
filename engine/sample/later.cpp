// Stage 6: a later survey vintage (DLTB_LATER) in which every change is deliberate, and the list
// of them with their truth (sample_changes, docs/sample-city.md "Planted changes").
//
// Ordinary change: farmland built on around the towns (非农化), a few patches deep inside 永久基本
// 农田 (疑似违法); farmland outside 永久基本农田 and the red line turned to orchards, forest, ponds or
// facilities (进出平衡_出) and sand or grass outside the red line reclaimed (进出平衡_进), both lawful
// 进出平衡 credit. Planted cases (the city file's changes.planted): each class and flag of the
// change rules (docs/change.md) a few times: 违规开垦 of wetland, inside 生态保护红线 and inside a
// 核心保护区; 永久基本农田非粮化; 新增建设用地 on other land inside and outside 城镇开发边界; 林地减少;
// construction inside approved projects (已批); changes of no class (其他变化).
//
// The truth of a piece comes from what the generator did: the codes it chose, and where the piece
// lies in the zones it built in stages 4 and 5 (its planar area inside each, by GEOS). A piece is
// inside a zone from kSure m² and outside below kNone m²; the generator uses no piece with an
// area in between inside or outside any zone (the change rules' threshold is 1 m² of 椭球面积), so
// no truth hangs on rounding or on the area method.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "geos/algorithms.hpp"
#include "layers/code_list.hpp"
#include "sample/model.hpp"

namespace guotu::sample {

namespace {

constexpr double kNone = 0.1;  // m² (planar): less than this inside a zone is not inside it
constexpr double kSure = 10;   // m²: this much or more is inside it

/// The change classes in the order sample_changes lists them (docs/change.md, issue 14).
constexpr std::array<const char*, 8> kClasses = {"非农化",   "新增建设用地",       "进出平衡_出", "进出平衡_进",
                                                 "违规开垦", "永久基本农田非粮化", "林地减少",    "其他变化"};

double dist(Coord a, Coord b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

/// Where a piece lies: its planar area (m²), and how much of it lies inside each zone, outside
/// 城镇开发边界, and outside every approved project (XMYD with a 批准文号).
struct Where {
  double area = 0, red = 0, yjjbnt = 0, parks = 0, core = 0, outside_czk = 0, unapproved = 0;

  /// No figure in the band where the truth would hang on rounding.
  [[nodiscard]] bool clear() const {
    const double all[] = {red, yjjbnt, parks, core, outside_czk, unapproved};
    return std::none_of(std::begin(all), std::end(all), [](double v) { return v >= kNone && v < kSure; });
  }
  [[nodiscard]] bool in_red() const { return red >= kSure; }
  [[nodiscard]] bool in_parks() const { return parks >= kSure; }
  [[nodiscard]] bool wholly_in_yjjbnt() const { return area - yjjbnt < kNone; }
  [[nodiscard]] bool wholly_in_czk() const { return outside_czk < kNone; }
  [[nodiscard]] bool clear_of_czk() const { return area - outside_czk < kNone; }
};

/// The zones of the plan the generator built (stages 4 and 5).
struct Zones {
  LayerSet red, yjjbnt, parks, cores, czk, approved;

  explicit Zones(const City& city)
      : red(city, "STBHHX"),
        yjjbnt(city, "YJJBNT"),
        parks(city, "ZRBHD"),
        cores(city, "ZRBHD", [](const PlanFeature& f) { return gdal::as_text(f.values.at("GNFQ")) == "核心保护区"; }),
        czk(city, "CZKFBJ"),
        approved(city, "XMYD", [](const PlanFeature& f) {
          auto it = f.values.find("PZWH");
          return it != f.values.end() && !gdal::as_text(it->second).empty();
        }) {}

  [[nodiscard]] Where of(const geos::Geometry& g) const {
    Where w;
    w.area = g.planar_area();
    w.red = red.area_inside(g);
    w.yjjbnt = yjjbnt.area_inside(g);
    w.parks = parks.area_inside(g);
    w.core = cores.area_inside(g);
    w.outside_czk = std::max(0.0, w.area - czk.area_inside(g));
    w.unapproved = std::max(0.0, w.area - approved.area_inside(g));
    return w;
  }
};

/// The truth of one change under the change rules (docs/change.md; the contract of issue 14):
/// every class whose conditions hold, 疑似违法 and the plan layers behind it, 已批, 进出平衡 credit.
/// Land classes are those of layers/codes/land_classes.csv.
void judge(Change& c, const Where& w) {
  const auto& lc = layers::LandClasses::embedded();
  auto is = [&](const char* cls, const std::string& code) { return lc.contains(cls, "sandiao", code); };
  const std::string& b = c.code_before;
  const std::string& a = c.code_after;
  c.in_stbhhx = w.in_red();
  c.in_yjjbnt = w.yjjbnt >= kSure;
  c.in_zrbhd = w.in_parks();
  c.in_zrbhd_core = w.core >= kSure;
  c.outside_czkfbj = w.outside_czk >= kSure;
  const bool cultivated_b = is("cultivated", b), cultivated_a = is("cultivated", a);
  const bool construction_b = is("construction", b), construction_a = is("construction", a);
  const bool new_construction = !construction_b && construction_a;
  const bool to_cultivated = !cultivated_b && cultivated_a;
  c.approved = new_construction && w.unapproved < kNone;
  std::array<bool, kClasses.size()> has{};
  has[0] = cultivated_b && construction_a;
  has[1] = new_construction;
  has[2] = cultivated_b && !cultivated_a && is("agricultural", a);
  has[3] = to_cultivated;
  has[4] = (is("wetland", b) && (cultivated_a || construction_a)) ||
           ((to_cultivated || new_construction) && (c.in_stbhhx || c.in_zrbhd_core));
  has[5] =
      cultivated_b && c.in_yjjbnt && (is("garden", a) || is("forest", a) || a.rfind("1104", 0) == 0 || a == "1202");
  has[6] = is("forest", b) && !is("forest", a);
  has[7] = std::none_of(has.begin(), has.begin() + 7, [](bool x) { return x; });
  c.classes.clear();
  for (std::size_t k = 0; k < kClasses.size(); ++k)
    if (has[k]) c.classes += (c.classes.empty() ? "" : ";") + std::string(kClasses[k]);
  c.klass = has[0] ? "非农化" : has[2] ? "进出平衡_出" : has[3] ? "进出平衡_进" : "其他变化";
  // The plan layers that make the piece 疑似违法. An approval clears the new-construction tests of
  // 永久基本农田, the general zone of 自然保护地 and 城镇开发边界, never the red line or a core zone.
  const bool cleared = c.approved;
  std::vector<std::string> layers;
  if (c.in_stbhhx && (new_construction || to_cultivated)) layers.push_back("STBHHX");
  if ((new_construction && c.in_yjjbnt && !cleared) || has[5]) layers.push_back("YJJBNT");
  if ((new_construction && c.in_zrbhd && (!cleared || c.in_zrbhd_core)) || (to_cultivated && c.in_zrbhd_core))
    layers.push_back("ZRBHD");
  if (new_construction && c.outside_czkfbj && !cleared) layers.push_back("CZKFBJ");
  c.suspect_layers.clear();
  for (const auto& l : layers) c.suspect_layers += (c.suspect_layers.empty() ? "" : ";") + l;
  c.suspect = has[4] || has[5] || !layers.empty();
  c.credit = has[4] || has[5] ? "none" : has[2] ? "out" : has[3] ? "in" : "none";
}

}  // namespace

void measure(const City& city, Patch& p) {
  thread_local std::unique_ptr<area::AreaCalculator> calc;
  thread_local std::string crs;
  if (!calc || crs != city.cfg.working_crs) {
    calc = std::make_unique<area::AreaCalculator>(city.cfg.working_crs);
    crs = city.cfg.working_crs;
  }
  const Coord o = city.origin;
  p.tbmj = calc->area_m2(from_wkb(p.geom).transformed([o](std::span<Coord> cs) {
    for (auto& c : cs) c.x += o.x, c.y += o.y;
  }));
  p.area = from_wkb(p.geom).planar_area();
  p.env = from_wkb(p.geom).envelope();
}

void build_later_vintage(City& city) {
  const CityConfig& cfg = city.cfg;
  const auto& lc = layers::LandClasses::embedded();
  auto is = [&](const char* cls, const std::string& code) { return lc.contains(cls, "sandiao", code); };
  city.later = city.patches;
  std::vector<std::size_t> seq(city.counties.size(), 0);
  for (const auto& p : city.patches) {
    const std::size_t n = std::stoull(p.bsm.substr(city.counties[p.county].code.size()));
    seq[p.county] = std::max(seq[p.county], n);
  }
  auto new_bsm = [&](std::size_t county) {
    std::string s = std::to_string(++seq[county]);
    return city.counties[county].code + std::string(s.size() < 12 ? 12 - s.size() : 0, '0') + s;
  };
  double farmland = 0;
  for (const auto& p : city.patches)
    if (p.klass == "cultivated") farmland += p.tbmj;

  const Zones zones(city);
  std::vector<bool> changed(city.patches.size(), false);
  std::vector<Patch> extra;
  const UrbanMix& town_mix = cfg.urban_mix.at("town");
  const UrbanMix& village_mix = cfg.urban_mix.at("village");
  auto where = [&](std::size_t i) { return zones.of(from_wkb(city.patches[i].geom)); };
  auto record = [&](std::size_t i, const Patch& after, const std::string& case_id, bool partial, const Where& w) {
    const Patch& before = city.patches[i];
    Change c;
    c.bsm_before = before.bsm;
    c.bsm_after = after.bsm;
    c.code_before = before.code;
    c.code_after = after.code;
    c.county = city.counties[before.county].code;
    c.town = city.towns[before.town].code;
    c.case_id = case_id;
    c.area_m2 = after.tbmj;
    c.partial = partial;
    judge(c, w);
    city.changes.push_back(std::move(c));
  };
  // The land a patch becomes: its code, generator class and the attributes that go with them.
  auto become = [&](Patch& p, const std::string& code, const std::string& czcsxm) {
    p.code = code;
    p.czcsxm = czcsxm;
    if (is("cultivated", code)) {
      p.klass = "cultivated";
      p.gddb = 9;
      p.kcxs = 0.03;
    } else {
      p.klass = is("construction", code) ? "construction" : "other";
      p.gddb = 0;
      p.kcxs = 0;
    }
  };
  // A whole patch recoded.
  auto recode = [&](std::size_t i, const std::string& code, const std::string& czcsxm, const std::string& case_id,
                    const Where& w) {
    changed[i] = true;
    become(city.later[i], code, czcsxm);
    record(i, city.later[i], case_id, false, w);
  };
  // Part of a patch recoded: `piece` (a polygon inside it) becomes a new patch; the rest keeps the
  // patch's BSM and code (its largest part; any other part is a new patch of the same code).
  auto carve = [&](std::size_t i, geos::Geometry piece, geos::Geometry rest, const std::string& code,
                   const std::string& czcsxm, const std::string& case_id, const Where& w) {
    changed[i] = true;
    Patch& later = city.later[i];
    std::size_t largest = 0;
    for (std::size_t k = 1; k < rest.num_geometries(); ++k)
      if (rest.part(k).planar_area() > rest.part(largest).planar_area()) largest = k;
    for (std::size_t k = 0; k < rest.num_geometries(); ++k) {
      geos::Geometry part = rest.num_geometries() == 1 ? rest.clone() : rest.part(k);
      if (k == largest) {
        later.geom = part.to_wkb();
        measure(city, later);
        continue;
      }
      Patch p = city.patches[i];
      p.geom = part.to_wkb();
      measure(city, p);
      p.bsm = new_bsm(p.county);
      p.site = part.interior_point();
      extra.push_back(std::move(p));
    }
    Patch p = city.patches[i];
    p.geom = piece.to_wkb();
    measure(city, p);
    p.bsm = new_bsm(p.county);
    p.site = piece.interior_point();
    become(p, code, czcsxm);
    record(i, p, case_id, true, w);
    extra.push_back(std::move(p));
  };
  // Candidates in a random order of their own (one stream per case), the preferred ones first.
  auto shuffled = [&](const std::string& stream, const std::function<bool(const Patch&)>& keep,
                      const std::function<bool(const Patch&)>& prefer = {}) {
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t i = 0; i < city.patches.size(); ++i) {
      if (changed[i] || !keep(city.patches[i])) continue;
      Rng rng(city.seed, stable_hash(stream) + i);
      ranked.push_back({rng.uniform() + (prefer && !prefer(city.patches[i]) ? 1.0 : 0.0), i});
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::size_t> out;
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
  };

  // 已批: construction inside approved projects that break no rule (XMYD with a 批准文号 on
  // 永久基本农田, outside 城镇开发边界): each farmland patch under one gives up the piece under it.
  int approved_projects = 0;
  auto planted_count = [&](const std::string& id) {
    for (const auto& [k, n] : cfg.planted_changes)
      if (k == id) return n;
    return 0;
  };
  {
    std::vector<std::pair<Envelope, std::size_t>> items;
    for (std::size_t i = 0; i < city.patches.size(); ++i) items.push_back({city.patches[i].env, i});
    const index::EnvelopeIndex patch_index(items);
    std::set<std::string> breaking;
    for (const auto& e : city.expected) breaking.insert(e.project_bsm);
    const int want = planted_count("approved_construction");
    for (std::size_t f = 0; f < zones.approved.geoms.size() && approved_projects < want; ++f) {
      const PlanFeature& project = *zones.approved.features[f];
      if (breaking.count(gdal::as_text(project.values.at("BSM")))) continue;
      const geos::Geometry& site = zones.approved.geoms[f];
      bool built = false;
      for (std::size_t i : patch_index.query(site.envelope())) {
        if (changed[i] || city.patches[i].klass != "cultivated") continue;
        geos::Geometry g = from_wkb(city.patches[i].geom);
        if (!g.intersects(site)) continue;
        geos::Geometry piece = geos::intersection_on_grid(g, site, kGrid).polygonal_part();
        geos::Geometry rest = geos::difference_on_grid(g, site, kGrid).polygonal_part();
        if (piece.type() != geos::GeometryType::Polygon || piece.planar_area() < 200 || rest.is_empty()) continue;
        const Where w = zones.of(piece);
        if (!w.clear() || w.unapproved >= kNone || w.in_red() || w.in_parks()) continue;
        Rng rng(city.seed, 0xA9900000ULL + i);
        carve(i, std::move(piece), std::move(rest), rng.pick(town_mix.codes), "", "approved_construction", w);
        built = true;
      }
      approved_projects += built ? 1 : 0;
    }
    if (approved_projects < want)
      city.notes.push_back("approved construction planted in " + std::to_string(approved_projects) + " of " +
                           std::to_string(want) + " projects (too few approved projects on farmland)");
  }

  // The planted cases: whole patches chosen for what they are and where they lie.
  for (const auto& [case_id, count] : cfg.planted_changes) {
    if (case_id == "approved_construction") continue;
    std::function<bool(const Patch&)> keep, prefer;
    std::function<bool(const Where&)> fits;
    std::function<std::pair<std::string, std::string>(const Patch&, int, Rng&)> to;  // code, CZCSXM
    auto town_code = [&](const Patch&, int, Rng& rng) { return std::pair{rng.pick(town_mix.codes), town_mix.czcsxm}; };
    auto farmland_code = [](const Patch&, int, Rng&) { return std::pair{std::string("0103"), std::string()}; };
    // Not construction, not wetland, not farmland, not forest, not water or a corridor.
    auto other_land = [&](const Patch& p) {
      return !p.fixed && (p.klass == "garden" || p.klass == "pond" || p.klass == "facility" || p.klass == "grass" ||
                          p.klass == "sand");
    };
    auto in_red_only = [](const Where& w) { return w.red >= 0.5 * w.area && w.parks < kNone; };
    if (case_id == "wetland_to_farmland") {
      keep = [&](const Patch& p) { return is("wetland", p.code); };
      fits = [](const Where&) { return true; };
      to = farmland_code;
    } else if (case_id == "wetland_to_construction") {
      keep = [&](const Patch& p) { return is("wetland", p.code); };
      fits = [](const Where&) { return true; };
      to = town_code;
    } else if (case_id == "red_line_to_farmland") {
      keep = [&](const Patch& p) { return other_land(p) || p.klass == "forest"; };
      fits = in_red_only;
      to = farmland_code;
    } else if (case_id == "red_line_to_construction") {
      keep = [&](const Patch& p) { return other_land(p) || p.klass == "forest" || p.klass == "cultivated"; };
      fits = in_red_only;
      to = town_code;
    } else if (case_id == "core_zone") {
      keep = [&](const Patch& p) { return other_land(p) || p.klass == "forest" || p.klass == "cultivated"; };
      prefer = [](const Patch& p) { return p.klass != "cultivated"; };  // reclaimed as well as built on
      fits = [](const Where& w) { return w.core >= 0.5 * w.area; };
      to = [&](const Patch& p, int k, Rng& rng) {
        return p.klass == "cultivated" || k % 2 == 1 ? town_code(p, k, rng) : farmland_code(p, k, rng);
      };
    } else if (case_id == "non_grain") {
      keep = [](const Patch& p) { return p.klass == "cultivated" && p.in_yjjbnt; };
      fits = [](const Where& w) { return w.wholly_in_yjjbnt(); };
      to = [](const Patch&, int k, Rng&) {
        static const char* const codes[] = {"0201", "0301", "1104", "1202"};
        return std::pair{std::string(codes[k % 4]), std::string()};
      };
    } else if (case_id == "construction_in_boundary") {
      // Little but built-up land and forest is left inside the boundary: forest when need be.
      keep = [&](const Patch& p) { return other_land(p) || (!p.fixed && p.klass == "forest"); };
      prefer = other_land;
      fits = [](const Where& w) { return w.wholly_in_czk() && w.red < kNone; };
      to = town_code;
    } else if (case_id == "construction_outside_boundary") {
      keep = other_land;
      fits = [](const Where& w) { return w.clear_of_czk() && w.red < kNone && w.parks < kNone; };
      to = [&](const Patch&, int, Rng& rng) { return std::pair{rng.pick(village_mix.codes), village_mix.czcsxm}; };
    } else if (case_id == "forest_loss") {
      keep = [](const Patch& p) { return p.klass == "forest"; };
      fits = [](const Where& w) { return w.red < kNone && w.parks < kNone; };
      to = [&](const Patch& p, int k, Rng& rng) {
        static const char* const codes[] = {"0103", "", "0201", "1104"};
        return k % 4 == 1 ? town_code(p, k, rng) : std::pair{std::string(codes[k % 4]), std::string()};
      };
    } else if (case_id == "other_change") {
      static const std::map<std::string, std::string> within = {{"0301", "0307"}, {"0307", "0301"},  {"0201", "0204"},
                                                                {"0204", "0201"}, {"1104", "1104A"}, {"1104A", "1104"}};
      keep = [&](const Patch& p) { return !p.fixed && within.count(p.code) > 0; };
      fits = [](const Where& w) { return w.red < kNone && w.parks < kNone; };
      to = [&](const Patch& p, int, Rng&) { return std::pair{within.at(p.code), p.czcsxm}; };
    } else {
      throw_bad_input("no generator for planted change case '" + case_id + "'", {cfg.file.string(), {}, {}, {}});
    }
    int n = 0;
    for (std::size_t i : shuffled("planted-change" + case_id, keep, prefer)) {
      if (n >= count) break;
      const Where w = where(i);
      if (!w.clear() || !fits(w)) continue;
      Rng rng(city.seed, stable_hash("planted-code" + case_id) + i);
      const auto [code, czcsxm] = to(city.patches[i], n, rng);
      recode(i, code, czcsxm, case_id, w);
      ++n;
    }
    if (n < count)
      city.notes.push_back("planted change " + case_id + ": " + std::to_string(n) + " of " + std::to_string(count) +
                           " (the city has too few such patches)");
  }

  // 非农化: farmland closest to the seats and town centres, plus some deep inside 永久基本农田;
  // none inside the red line (that would be 违规开垦, which only the planted cases make).
  std::vector<std::pair<double, std::size_t>> near, inside;
  for (std::size_t i = 0; i < city.patches.size(); ++i) {
    const Patch& p = city.patches[i];
    if (changed[i] || p.klass != "cultivated" || p.area < 2000) continue;
    Rng rng(city.seed, 0x0C4A0000ULL + i);
    double d = 1e18;
    for (const auto& s : city.seats) d = std::min(d, dist(p.site, s.pos) - s.seat->urban_km * 1000);
    for (const auto& t : city.towns)
      if (t.centre_m > 0) d = std::min(d, dist(p.site, t.centre) - t.centre_m);
    (p.in_yjjbnt ? inside : near).push_back({d + 300 * rng.uniform(), i});
  }
  std::sort(near.begin(), near.end());
  std::sort(inside.begin(), inside.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  auto lawful_ground = [](const Where& w) { return w.clear() && !w.in_red() && !w.in_parks(); };
  std::vector<std::pair<std::size_t, Where>> to_build;
  double acc = 0;
  for (const auto& [d, i] : near) {
    if (acc >= cfg.change_to_construction * farmland) break;
    Where w = where(i);
    if (!lawful_ground(w)) continue;
    to_build.push_back({i, w});
    acc += city.patches[i].tbmj;
  }
  int deep = 0;
  for (const auto& [d, i] : inside) {
    if (deep >= cfg.illegal_in_farmland) break;
    Where w = where(i);
    if (!lawful_ground(w) || !w.wholly_in_yjjbnt()) continue;
    to_build.push_back({i, w});
    ++deep;
  }
  std::sort(to_build.begin(), to_build.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [i, w] : to_build) {
    Rng rng(city.seed, 0xB1D00000ULL + i);
    const std::string code = rng.pick(town_mix.codes);
    if (rng.uniform() < 0.5) {
      // Part of the patch: split it by a line through its centre; the new piece is a new patch.
      geos::Geometry g = from_wkb(city.patches[i].geom);
      const Coord c = g.centroid();
      const double a = rng.uniform(0, 3.1416), big = 1e5;
      const double ca = std::cos(a), sa = std::sin(a);
      std::vector<Coord> half = {{c.x - big * ca, c.y - big * sa},
                                 {c.x + big * ca, c.y + big * sa},
                                 {c.x + big * ca - big * sa, c.y + big * sa + big * ca},
                                 {c.x - big * ca - big * sa, c.y - big * sa + big * ca}};
      geos::Geometry side = geos::Geometry::polygon(half);
      geos::Geometry built = geos::intersection_on_grid(g, side, kGrid).polygonal_part();
      geos::Geometry kept = geos::difference_on_grid(g, side, kGrid).polygonal_part();
      if (built.type() == geos::GeometryType::Polygon && kept.type() == geos::GeometryType::Polygon &&
          !built.is_empty() && !kept.is_empty()) {
        const Where piece = zones.of(built);
        if (lawful_ground(piece)) {
          carve(i, std::move(built), std::move(kept), code, town_mix.czcsxm,
                city.patches[i].in_yjjbnt ? "nonfarm_in_yjjbnt" : "nonfarm_near_town", piece);
          continue;
        }
      }
    }
    recode(i, code, town_mix.czcsxm, city.patches[i].in_yjjbnt ? "nonfarm_in_yjjbnt" : "nonfarm_near_town", w);
  }

  // 进出平衡, lawful credit: out (farmland outside 永久基本农田 and the red line to other agricultural
  // use) and in (sand and grass outside the red line reclaimed to farmland).
  static const CodeMix out_mix = {{"0201", 0.35}, {"0301", 0.3}, {"1104", 0.2}, {"1202", 0.15}};
  acc = 0;
  for (std::size_t i : shuffled("inout-out", [](const Patch& p) { return p.klass == "cultivated" && !p.in_yjjbnt; })) {
    if (acc >= cfg.change_out * farmland) break;
    const Where w = where(i);
    if (!w.clear() || w.yjjbnt >= kNone || w.red >= kNone || w.parks >= kNone) continue;
    Rng rng(city.seed, 0x0A770000ULL + i);
    acc += city.patches[i].tbmj;
    recode(i, rng.pick(out_mix), "", "inout_out", w);
  }
  std::vector<std::pair<std::size_t, Where>> reclaimable;
  for (std::size_t i : shuffled("inout-in", [](const Patch& p) { return p.klass == "sand" || p.klass == "grass"; })) {
    const Where w = where(i);
    if (w.clear() && w.red < kNone && w.parks < kNone) reclaimable.push_back({i, w});
  }
  const std::size_t n_in =
      clamp_to<std::size_t>(std::round(cfg.change_in * static_cast<double>(reclaimable.size())), 0, reclaimable.size())
          .value_or(0);
  for (std::size_t k = 0; k < n_in; ++k) recode(reclaimable[k].first, "0103", "", "inout_in", reclaimable[k].second);
  for (auto& p : extra) city.later.push_back(std::move(p));
}

}  // namespace guotu::sample
