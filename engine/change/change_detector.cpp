#include "change/change_detector.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "gdal/connection.hpp"
#include "geos/algorithms.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"

namespace guotu::change {

namespace {

using geos::Geometry;
using geos::PreparedGeometry;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// A patch (or footprint, or plan feature) as the workers see it.
struct Item {
  std::int64_t fid = -1;
  std::string bsm, code, zldwdm;
  std::vector<std::uint8_t> wkb;
  Envelope env{};
};

struct ItemSet {
  std::string source;  // file or connection (display form), for errors
  std::string table;
  std::vector<Item> items;
  index::EnvelopeIndex index;
};

/// Reads a polygon layer into WKB (working CRS) with its envelope index. `codes`: DLBM is required.
ItemSet read_items(const gdal::Layer& layer, bool codes, const DiffOptions& o, gdal::ReadLog& log,
                   std::vector<std::string>& warnings) {
  ItemSet set;
  set.source = layer.source_path();
  set.table = layer.name();
  const auto bsm_i = layer.field_index("BSM");
  const auto dlbm_i = layer.field_index("DLBM");
  // Administrative units (XZQ, XZQ_XIANG) carry their code in XZQDM; kept where patches keep ZLDWDM.
  const auto zl_i = codes ? layer.field_index("ZLDWDM") : layer.field_index("XZQDM");
  if (codes && !dlbm_i) throw_bad_input("no field DLBM (地类编码)", {layer.source_path(), layer.name(), {}, {}});
  if (codes && !zl_i)
    warnings.push_back(fmt::format(
        "layer {} has no ZLDWDM (坐落单位代码): county and town from XZQ / XZQ_XIANG of the plan where it has them",
        layer.name()));
  (void)layer.require_crs();
  std::size_t repaired = 0, dropped = 0;
  std::vector<std::pair<Envelope, std::size_t>> envs;
  gdal::ReadOptions ro;
  ro.target_crs = o.working_crs;
  ro.geometry = gdal::GeometryFamily::Polygon;  // patches, footprints and plan layers alike
  ro.log = &log;
  layer.read(ro, [&](gdal::Feature&& f) {
    if (!f.geometry || f.geometry.is_empty()) {
      ++dropped;
      return;
    }
    Geometry g = std::move(f.geometry);
    if (!g.is_polygonal()) g = g.polygonal_part();
    if (!g.is_empty() && !g.is_valid()) {
      g = g.make_valid().polygonal_part();
      ++repaired;
    }
    if (g.is_empty()) {
      ++dropped;
      return;
    }
    Item it;
    it.fid = f.fid;
    if (bsm_i) it.bsm = trim(gdal::as_text(f.values[*bsm_i]));
    if (it.bsm.empty()) it.bsm = fmt::format("fid {}", f.fid);
    if (dlbm_i) it.code = trim(gdal::as_text(f.values[*dlbm_i]));
    if (zl_i) it.zldwdm = trim(gdal::as_text(f.values[*zl_i]));
    it.env = g.envelope();
    it.wkb = g.to_wkb();
    envs.emplace_back(it.env, set.items.size());
    set.items.push_back(std::move(it));
  });
  if (repaired > 0)
    warnings.push_back(fmt::format("layer {}: {} invalid geometries repaired with make-valid (run `guotu validate`)",
                                   layer.name(), repaired));
  if (dropped > 0)
    warnings.push_back(fmt::format("layer {}: {} features without a polygon geometry ignored", layer.name(), dropped));
  set.index = index::EnvelopeIndex(envs);
  return set;
}

const gdal::Layer& pick_layer(const gdal::VectorSource& src, const std::string& wanted, const std::string& fallback) {
  if (!wanted.empty()) return src.require_layer(wanted);
  if (!fallback.empty())
    if (const auto* l = src.find_layer(fallback)) return *l;
  if (src.layer_count() == 1) return src.layer(0);
  return src.require_layer(fallback);
}

struct Shared {
  const DiffOptions* o = nullptr;
  const ItemSet* before = nullptr;
  const ItemSet* after = nullptr;
  std::unordered_map<std::string, std::size_t> after_by_bsm;
  std::vector<std::optional<ItemSet>> plan;  // aligned with kSuspectLayers
  std::optional<ItemSet> counties, towns;    // XZQ, XZQ_XIANG: for patches without ZLDWDM
};

class Worker {
 public:
  explicit Worker(const Shared& s) : s_(s), area_(s.o->working_crs), cache_(s.plan.size() + 2) {}

  std::size_t slivers = 0;
  double sliver_m2 = 0;
  std::size_t overlaid = 0;
  std::size_t on_construction = 0;

  /// Vintage mode: every change inside before patch i.
  void vintage(std::size_t i, std::vector<Change>& out) {
    const Item& b = s_.before->items[i];
    if (auto it = s_.after_by_bsm.find(b.bsm); it != s_.after_by_bsm.end()) {
      const Item& a = s_.after->items[it->second];
      if (a.wkb == b.wkb) {
        // Same patch, same shape: it changed as a whole or not at all (the later vintage is a
        // coverage, so no other later patch shares its interior: docs/change.md §Method).
        if (a.code != b.code) add(b, a, Geometry::from_wkb(b.wkb), classify(b.code, a.code), out);
        return;
      }
    }
    const Geometry bg = Geometry::from_wkb(b.wkb);
    s_.after->index.query(b.env, candidates_);
    for (std::size_t j : candidates_) {
      const Item& a = s_.after->items[j];
      if (a.code == b.code) continue;
      const Geometry ag = Geometry::from_wkb(a.wkb);
      ++overlaid;
      if (!bg.intersects(ag)) continue;
      Geometry piece = bg.intersection(ag).polygonal_part();
      if (piece.is_empty()) continue;  // the patches only touch
      add(b, a, std::move(piece), classify(b.code, a.code), out);
    }
  }

  /// Footprint mode: what footprint k was built on.
  void footprint(std::size_t k, std::vector<Change>& out) {
    const Item& f = s_.after->items[k];
    const Geometry fg = Geometry::from_wkb(f.wkb);
    s_.before->index.query(f.env, candidates_);
    for (std::size_t i : candidates_) {
      const Item& b = s_.before->items[i];
      const Geometry bg = Geometry::from_wkb(b.wkb);
      ++overlaid;
      if (!bg.intersects(fg)) continue;
      Geometry piece = bg.intersection(fg).polygonal_part();
      if (piece.is_empty()) continue;
      if (is_construction(b.code)) {
        ++on_construction;  // built on land that was already 建设用地: no change of class
        continue;
      }
      Item a = f;
      a.code = "建筑";
      add(b, a, std::move(piece),
          layers::LandClasses::embedded().contains("cultivated", "sandiao", b.code) ? kNonAgri : kOther, out);
    }
  }

 private:
  void add(const Item& b, const Item& a, Geometry piece, const std::string& cls, std::vector<Change>& out) {
    const double m2 = area_.area_m2(piece);
    if (m2 < s_.o->min_area_m2) {
      ++slivers;
      sliver_m2 += m2;
      return;
    }
    Change c;
    c.cls = cls;
    c.before_bsm = b.bsm;
    c.after_bsm = a.bsm;
    c.before_code = b.code;
    c.after_code = a.code;
    c.before_fid = b.fid;
    c.after_fid = a.fid;
    if (b.zldwdm.size() >= 6) c.county = b.zldwdm.substr(0, 6);
    if (b.zldwdm.size() >= 9) c.town = b.zldwdm.substr(0, 9);
    if (c.county.empty() && (s_.counties || s_.towns)) {
      // No ZLDWDM: the units the piece's interior point lies in.
      const Geometry at = Geometry::point(piece.interior_point());
      if (s_.counties) c.county = locate(*s_.counties, s_.plan.size(), at);
      if (s_.towns) c.town = locate(*s_.towns, s_.plan.size() + 1, at);
    }
    c.area_m2 = m2;
    c.new_construction = (s_.o->footprints || is_construction(a.code)) && !is_construction(b.code);
    if (c.new_construction) test_plan(piece, c);
    c.wkb = piece.to_wkb();
    out.push_back(std::move(c));
  }

  const ItemSet& set_at(std::size_t set) const {
    if (set < s_.plan.size()) return *s_.plan[set];
    return set == s_.plan.size() ? *s_.counties : *s_.towns;
  }

  const PreparedGeometry& prepared(std::size_t set, std::size_t i) {
    auto& c = cache_[set];
    if (c.empty()) c.resize(set_at(set).items.size());
    if (!c[i]) c[i] = std::make_unique<PreparedGeometry>(Geometry::from_wkb(set_at(set).items[i].wkb));
    return *c[i];
  }

  std::string locate(const ItemSet& units, std::size_t set, const Geometry& point) {
    units.index.query(point.envelope(), plan_candidates_);
    for (std::size_t i : plan_candidates_)
      if (prepared(set, i).covers(point)) return units.items[i].zldwdm;
    return {};
  }

  /// 疑似违法: the piece inside STBHHX / YJJBNT / ZRBHD, or outside CZKFBJ, by at least min_area.
  void test_plan(const Geometry& piece, Change& c) {
    const Envelope env = piece.envelope();
    for (std::size_t s = 0; s < s_.plan.size(); ++s) {
      if (!s_.plan[s]) continue;
      const std::string layer = kSuspectLayers[s];
      const bool outside = layer == "CZKFBJ";
      std::vector<Geometry> hits;
      s_.plan[s]->index.query(env, plan_candidates_);
      for (std::size_t i : plan_candidates_) {
        const PreparedGeometry& pg = prepared(s, i);
        if (!pg.intersects(piece)) continue;
        Geometry part = pg.covers(piece) ? piece.clone() : piece.intersection(pg.base()).polygonal_part();
        if (!part.is_empty()) hits.push_back(std::move(part));
      }
      Geometry inside;
      if (hits.size() == 1)
        inside = std::move(hits.front());
      else if (hits.size() > 1)
        inside = geos::union_all(std::move(hits)).polygonal_part();
      double m2 = 0;
      if (outside) {
        if (!inside)
          m2 = c.area_m2;
        else
          m2 = area_.area_m2(piece.difference(inside).polygonal_part());
      } else if (inside) {
        m2 = area_.area_m2(inside);
      }
      if (m2 > 0 && m2 >= s_.o->min_area_m2) {
        c.suspect = true;
        c.suspect_layers.push_back(layer);
        c.suspect_m2[layer] = m2;
      }
    }
  }

  const Shared& s_;
  area::AreaCalculator area_;
  std::vector<std::vector<std::unique_ptr<PreparedGeometry>>> cache_;
  std::vector<std::size_t> candidates_, plan_candidates_;
};

}  // namespace

bool is_construction(const std::string& code) {
  return layers::LandClasses::embedded().contains("construction", "sandiao", code);
}

std::string classify(const std::string& before_code, const std::string& after_code) {
  if (before_code == after_code) return {};
  const auto& lc = layers::LandClasses::embedded();
  const bool was = lc.contains("cultivated", "sandiao", before_code);
  const bool is = lc.contains("cultivated", "sandiao", after_code);
  if (was && !is && lc.contains("construction", "sandiao", after_code)) return kNonAgri;
  if (was && !is && lc.contains("agricultural", "sandiao", after_code)) return kOut;
  if (!was && is) return kIn;
  return kOther;
}

std::map<std::string, std::size_t> DiffResult::counts() const {
  std::map<std::string, std::size_t> m{{kNonAgri, 0}, {kOut, 0}, {kIn, 0}, {kOther, 0}};
  for (const auto& c : changes) ++m[c.cls];
  return m;
}

std::map<std::string, double> DiffResult::areas() const {
  std::map<std::string, double> m{{kNonAgri, 0.0}, {kOut, 0.0}, {kIn, 0.0}, {kOther, 0.0}};
  for (const auto& c : changes) m[c.cls] += c.area_m2;
  return m;
}

std::size_t DiffResult::suspect_count() const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const Change& c) { return c.suspect; }));
}

std::vector<SummaryRow> DiffResult::summary() const {
  std::map<std::tuple<int, std::string, std::string>, SummaryRow> rows;
  for (const auto& c : changes) {
    for (int level = 0; level < 2; ++level) {
      const std::string& code = level == 0 ? c.county : c.town;
      auto& r = rows[{level, code, c.cls}];
      r.level = level == 0 ? "county" : "town";
      r.code = code;
      r.cls = c.cls;
      ++r.count;
      r.area_m2 += c.area_m2;
      if (c.suspect) {
        ++r.suspect_count;
        r.suspect_m2 += c.area_m2;
      }
    }
  }
  std::vector<SummaryRow> out;
  for (auto& [k, r] : rows) out.push_back(std::move(r));
  return out;
}

DiffResult run_diff(const DiffOptions& o) {
  gdal::initialize();
  if (!(o.min_area_m2 >= 0)) throw_bad_input("--min-area must be ≥ 0");
  DiffResult res;
  res.working_crs = o.working_crs;
  res.footprints = o.footprints;
  res.min_area_m2 = o.min_area_m2;
  res.before = gdal::display_target(o.before);  // printed and stored: never a password
  res.after = gdal::display_target(o.after);
  res.plan = gdal::display_target(o.plan);

  const gdal::VectorSource before_src = gdal::VectorSource::open(o.before, o.open);
  const gdal::Layer& bl = pick_layer(before_src, o.before_layer, "DLTB");
  std::optional<gdal::VectorSource> after_own;
  const bool same = o.after == o.before;
  if (!same) after_own.emplace(gdal::VectorSource::open(o.after, o.open));
  const gdal::VectorSource& after_src = same ? before_src : *after_own;
  const gdal::Layer& al = pick_layer(after_src, o.after_layer,
                                     o.footprints ? std::string()
                                     : same       ? "DLTB_LATER"
                                                  : "DLTB");
  if (same && al.name() == bl.name())
    throw_bad_input("--before and --after name the same layer " + bl.name() + " (give --after-layer)",
                    {o.before, bl.name(), {}, {}});
  res.before_layer = bl.name();
  res.after_layer = al.name();

  // Features the reader cannot trust are skipped and listed (the run exits 2).
  gdal::ReadLog log;
  const ItemSet before = read_items(bl, true, o, log, res.warnings);
  const ItemSet after = read_items(al, !o.footprints, o, log, res.warnings);
  // Nothing to compare is no answer: "0 changes" would read as "nothing changed".
  for (const auto* side : {&before, &after}) {
    if (!side->items.empty()) continue;
    const gdal::Layer& l = side == &before ? bl : al;
    const auto skipped = log.problems();
    throw_bad_input(fmt::format("no patch to compare: the layer has no feature with a polygon geometry ({} features{})",
                                l.feature_count(), skipped.empty() ? "" : "; " + gdal::summarize(skipped)),
                    {l.source_path(), l.name(), {}, {}});
  }
  {
    Envelope b = before.items.front().env, a = after.items.front().env;
    for (const auto& it : before.items) b.expand(it.env);
    for (const auto& it : after.items) a.expand(it.env);
    if (!b.intersects(a))
      throw_bad_input(
          fmt::format("the two layers do not overlap ({} lies at x {:.0f}–{:.0f}, y {:.0f}–{:.0f}; {} at x "
                      "{:.0f}–{:.0f}, y {:.0f}–{:.0f} in {}): nothing to compare (a wrong CRS, or another area?)",
                      bl.name(), b.min_x, b.max_x, b.min_y, b.max_y, al.name(), a.min_x, a.max_x, a.min_y, a.max_y,
                      o.working_crs),
          {res.after, al.name(), {}, {}});
  }

  Shared shared;
  shared.o = &o;
  shared.before = &before;
  shared.after = &after;
  if (!o.footprints) {
    shared.after_by_bsm.reserve(after.items.size());
    for (std::size_t j = 0; j < after.items.size(); ++j) shared.after_by_bsm.emplace(after.items[j].bsm, j);
  }
  shared.plan.resize(std::size(kSuspectLayers));
  std::optional<gdal::VectorSource> plan_own;
  if (!o.plan.empty()) {
    const gdal::VectorSource* plan = nullptr;
    if (o.plan == o.before)
      plan = &before_src;
    else if (o.plan == o.after)
      plan = &after_src;
    else
      plan = &plan_own.emplace(gdal::VectorSource::open(o.plan, o.open));
    const auto& catalogue = layers::Catalogue::embedded();
    for (std::size_t s = 0; s < std::size(kSuspectLayers); ++s) {
      const auto& def = catalogue.get(kSuspectLayers[s]);
      const gdal::Layer* found = nullptr;
      for (std::size_t i = 0; i < plan->layer_count() && !found; ++i)
        if (def.answers_to(plan->layer(i).name())) found = &plan->layer(i);
      if (!found) {
        res.warnings.push_back(fmt::format("the plan has no {} ({}): new construction not tested against it",
                                           kSuspectLayers[s], def.name_zh));
        continue;
      }
      shared.plan[s] = read_items(*found, false, o, log, res.warnings);
      res.plan_layers_used.push_back(kSuspectLayers[s]);
    }
    const bool all_coded =
        std::all_of(before.items.begin(), before.items.end(), [](const Item& it) { return it.zldwdm.size() >= 9; });
    if (!all_coded) {
      for (const char* code : {"XZQ", "XZQ_XIANG"}) {
        const auto& def = catalogue.get(code);
        for (std::size_t i = 0; i < plan->layer_count(); ++i) {
          if (!def.answers_to(plan->layer(i).name()) || !plan->layer(i).field_index("XZQDM")) continue;
          (std::string(code) == "XZQ" ? shared.counties : shared.towns) =
              read_items(plan->layer(i), false, o, log, res.warnings);
          break;
        }
      }
      if (!shared.counties && !shared.towns)
        res.warnings.push_back(
            "patches without ZLDWDM and no XZQ / XZQ_XIANG in the plan: their county and town are left empty");
    }
  } else {
    res.warnings.push_back("no --plan: new construction not tested for 疑似违法");
  }

  const std::size_t n = o.footprints ? after.items.size() : before.items.size();
  std::vector<std::vector<Change>> found(n);
  unsigned jobs = o.jobs != 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, n / 64 + 1)));
  res.jobs = jobs;
  constexpr std::size_t kChunk = 256;
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::exception_ptr error;
  auto work = [&] {
    try {
      Worker w(shared);
      for (std::size_t start = next.fetch_add(kChunk); start < n && !stop; start = next.fetch_add(kChunk)) {
        const std::size_t end = std::min(n, start + kChunk);
        for (std::size_t i = start; i < end; ++i) {
          // A GEOS failure comes from this patch (or footprint) and what it meets: bad input naming it.
          const ItemSet& set = o.footprints ? after : before;
          geos::on_feature({set.source, set.table, set.items[i].fid, {}}, "", [&] {
            if (o.footprints)
              w.footprint(i, found[i]);
            else
              w.vintage(i, found[i]);
          });
        }
        done += end - start;
      }
      std::lock_guard<std::mutex> lock(mutex);
      res.slivers += w.slivers;
      res.sliver_m2 += w.sliver_m2;
      res.pairs_overlaid += w.overlaid;
      if (w.on_construction > 0)
        res.warnings.push_back(fmt::format(
            "{} footprint pieces lie on land already 建设用地 in the earlier vintage: not changes", w.on_construction));
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  if (o.progress) {
    while (done < n && !stop) {
      o.progress(done, n);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  if (o.progress) o.progress(n, n);

  for (auto& per : found) {
    std::stable_sort(per.begin(), per.end(), [](const Change& a, const Change& b) {
      return std::tie(a.before_fid, a.after_fid) < std::tie(b.before_fid, b.after_fid);
    });
    for (auto& c : per) res.changes.push_back(std::move(c));
  }
  if (o.footprints)
    std::stable_sort(res.changes.begin(), res.changes.end(), [](const Change& a, const Change& b) {
      return std::tie(a.before_fid, a.after_fid) < std::tie(b.before_fid, b.after_fid);
    });
  res.read_problems = log.problems();
  for (const auto& w : log.warnings()) res.warnings.push_back(w);
  return res;
}

}  // namespace guotu::change
