#include "change/change_detector.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "gdal/connection.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"
#include "overlay/overlay.hpp"

namespace guotu::change {

namespace {

using geos::Geometry;

/// Texts many features share (DLBM codes, ZLDWDM / XZQDM unit codes), each kept once: a feature
/// holds its number, and equal texts have equal numbers.
class Names {
 public:
  std::uint32_t id(const std::string& text) {
    const auto [it, added] = ids_.try_emplace(text, static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(text);
    return it->second;
  }
  [[nodiscard]] const std::string& name(std::uint32_t id) const { return names_[id]; }

 private:
  std::vector<std::string> names_{std::string()};
  std::unordered_map<std::string, std::uint32_t> ids_{{std::string(), 0}};
};

/// A layer as diff sees it: the core's features (working CRS, polygonal, valid, STR index) and
/// the attributes diff uses, as text, trimmed.
struct Side {
  overlay::FeatureSet set;
  const Names* names = nullptr;
  int bsm_k = -1;                    // BSM's place among the set's fields; -1: none
  std::vector<std::uint32_t> codes;  // DLBM (empty for footprints and plan layers)
  std::vector<std::uint32_t> units;  // ZLDWDM of a patch, XZQDM of an administrative unit

  /// BSM, else "fid N".
  [[nodiscard]] std::string bsm(std::size_t i) const {
    std::string b = bsm_k >= 0 ? set.text(i, static_cast<std::size_t>(bsm_k)) : std::string();
    return b.empty() ? fmt::format("fid {}", set.fid(i)) : b;
  }
  [[nodiscard]] const std::string& code(std::size_t i) const { return names->name(codes[i]); }
  [[nodiscard]] const std::string& unit(std::size_t i) const { return names->name(units[i]); }
};

/// What a layer is read for: which attributes (each read only when the layer has the field; the
/// schema check has refused a missing DLBM already).
struct Wanted {
  bool bsm = false, code = false;
  std::string unit_field;  ///< ZLDWDM (patches), XZQDM (units), or empty
};

Side load(const gdal::Layer& layer, const Wanted& want, const DiffOptions& o, std::vector<Envelope> within,
          Names& names, gdal::ReadLog& log, std::vector<std::string>& warnings) {
  overlay::LoadOptions lo;
  lo.crs = o.working_crs;
  lo.within = std::move(within);
  lo.family = gdal::GeometryFamily::Polygon;  // patches, footprints and plan layers alike
  lo.shape = overlay::Shape::Valid;
  lo.jobs = o.jobs;
  lo.log = &log;
  int bsm_k = -1, code_k = -1, unit_k = -1;
  auto ask = [&](const std::string& name, int& k) {
    if (name.empty() || !layer.field_index(name)) return;
    k = static_cast<int>(lo.fields.size());
    lo.fields.push_back(name);
  };
  if (want.bsm) ask("BSM", bsm_k);
  if (want.code) ask("DLBM", code_k);
  ask(want.unit_field, unit_k);
  Side side;
  side.set = overlay::FeatureSet::load(layer, lo);
  side.names = &names;
  side.bsm_k = bsm_k;
  const overlay::FeatureSet& set = side.set;
  side.codes.assign(set.size(), 0);
  side.units.assign(set.size(), 0);
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (code_k >= 0) side.codes[i] = names.id(set.text(i, static_cast<std::size_t>(code_k)));
    if (unit_k >= 0) side.units[i] = names.id(set.text(i, static_cast<std::size_t>(unit_k)));
  }
  if (set.repaired() > 0)
    warnings.push_back(fmt::format("layer {}: {} invalid geometries repaired with make-valid (run `guotu validate`)",
                                   layer.name(), set.repaired()));
  if (set.dropped() > 0)
    warnings.push_back(
        fmt::format("layer {}: {} features without a polygon geometry ignored", layer.name(), set.dropped()));
  return side;
}

/// The layer asked for, else `fallback`, else the source's only layer; null when none is there.
const gdal::Layer* pick_layer(const gdal::VectorSource& src, const std::string& wanted, const std::string& fallback,
                              std::string& looked_for) {
  looked_for = !wanted.empty() ? wanted : fallback;
  if (!wanted.empty()) return src.find_layer(wanted);
  if (!fallback.empty())
    if (const auto* l = src.find_layer(fallback)) return l;
  if (src.layer_count() == 1) return &src.layer(0);
  return fallback.empty() ? nullptr : src.find_layer(fallback);
}

std::string layer_names(const gdal::VectorSource& src) {
  std::string names;
  for (std::size_t i = 0; i < src.layer_count(); ++i) names += (names.empty() ? "" : ", ") + src.layer(i).name();
  return names.empty() ? std::string("none") : names;
}

/// What one before patch (vintage mode) or one footprint gave: its changes and what was left out.
struct Found {
  std::vector<Change> changes;
  std::uint32_t slivers = 0, overlaid = 0, on_construction = 0;
  double sliver_m2 = 0;
};

/// The first pass: pairs patches and measures the pieces (the plan is met in the second pass).
class Pairing {
 public:
  Pairing(const DiffOptions& o, const Side& before, const Side& after) : o_(o), before_(before), after_(after) {
    if (o.footprints) return;
    after_by_bsm_.reserve(after.set.size());
    for (std::size_t j = 0; j < after.set.size(); ++j) after_by_bsm_.emplace(after.bsm(j), j);
  }

  /// Vintage mode: every change inside before patch i.
  void vintage(std::size_t i, overlay::Worker& w, Found& out) const {
    const std::uint32_t code = before_.codes[i];
    if (auto it = after_by_bsm_.find(before_.bsm(i)); it != after_by_bsm_.end()) {
      const std::size_t j = it->second;
      if (after_.set.wkb(j) == before_.set.wkb(i)) {
        // Same patch, same shape: it changed as a whole or not at all (the later vintage is a
        // coverage, so no other later patch shares its interior: docs/change.md §Method).
        if (after_.codes[j] != code)
          add(i, j, overlay::Worker::geometry(before_.set, i), classify(before_.code(i), after_.code(j)), w, out);
        return;
      }
    }
    const Geometry bg = overlay::Worker::geometry(before_.set, i);
    for (std::size_t j : w.candidates(after_.set, before_.set.envelope(i))) {
      if (after_.codes[j] == code) continue;
      const Geometry ag = overlay::Worker::geometry(after_.set, j);
      ++out.overlaid;
      if (!bg.intersects(ag)) continue;
      const Geometry piece = bg.intersection(ag).polygonal_part();
      if (piece.is_empty()) continue;  // the patches only touch
      add(i, j, piece, classify(before_.code(i), after_.code(j)), w, out);
    }
  }

  /// Footprint mode: what footprint k was built on.
  void footprint(std::size_t k, overlay::Worker& w, Found& out) const {
    const Geometry fg = overlay::Worker::geometry(after_.set, k);
    for (std::size_t i : w.candidates(before_.set, after_.set.envelope(k))) {
      const std::string& code = before_.code(i);
      const Geometry bg = overlay::Worker::geometry(before_.set, i);
      ++out.overlaid;
      if (!bg.intersects(fg)) continue;
      const Geometry piece = bg.intersection(fg).polygonal_part();
      if (piece.is_empty()) continue;
      if (is_construction(code)) {
        ++out.on_construction;  // built on land that was already 建设用地: no change of class
        continue;
      }
      add(i, k, piece, layers::LandClasses::embedded().contains("cultivated", "sandiao", code) ? kNonAgri : kOther, w,
          out);
    }
  }

 private:
  void add(std::size_t i, std::size_t j, const Geometry& piece, const std::string& cls, overlay::Worker& w,
           Found& out) const {
    const double m2 = w.area_m2(piece);
    if (m2 < o_.min_area_m2) {
      ++out.slivers;
      out.sliver_m2 += m2;
      return;
    }
    Change c;
    c.cls = cls;
    c.before_bsm = before_.bsm(i);
    c.after_bsm = after_.bsm(j);
    c.before_code = before_.code(i);
    c.after_code = o_.footprints ? "建筑" : after_.code(j);
    c.before_fid = before_.set.fid(i);
    c.after_fid = after_.set.fid(j);
    const std::string& zldwdm = before_.unit(i);
    if (zldwdm.size() >= 6) c.county = zldwdm.substr(0, 6);
    if (zldwdm.size() >= 9) c.town = zldwdm.substr(0, 9);
    c.area_m2 = m2;
    c.new_construction = (o_.footprints || is_construction(c.after_code)) && !is_construction(c.before_code);
    c.envelope = piece.envelope();
    c.wkb = piece.to_wkb();
    out.changes.push_back(std::move(c));
  }

  const DiffOptions& o_;
  const Side& before_;
  const Side& after_;
  std::unordered_map<std::string, std::size_t> after_by_bsm_;
};

/// The second pass, on the pieces alone: the plan layers (疑似违法) and, for patches without
/// ZLDWDM, the administrative units.
struct PlanSets {
  std::vector<std::optional<Side>> layers;  // aligned with kSuspectLayers
  std::optional<Side> counties, towns;      // XZQ, XZQ_XIANG
};

std::string locate(const Side& units, const Geometry& point, overlay::Worker& w) {
  for (std::size_t i : w.candidates(units.set, point.envelope()))
    if (w.prepared(units.set, i).covers(point)) return units.unit(i);
  return {};
}

/// 疑似违法: the piece inside STBHHX / YJJBNT / ZRBHD, or outside CZKFBJ, by at least min_area.
void test_plan(const PlanSets& plan, const Geometry& piece, double min_area_m2, overlay::Worker& w, Change& c) {
  const overlay::Subject subject{piece, piece.envelope(), c.area_m2};
  for (std::size_t s = 0; s < plan.layers.size(); ++s) {
    if (!plan.layers[s]) continue;
    const std::string layer = kSuspectLayers[s];
    const overlay::FeatureSet& set = plan.layers[s]->set;
    double m2 = 0;
    if (layer != "CZKFBJ") {
      m2 = w.area_within(subject, set);  // overlapping features of the layer count once
    } else {
      // Outside the boundary: the piece less the union of what it meets.
      std::vector<Geometry> inside;
      bool whole = false;
      w.intersect(subject, set, true, [&](overlay::Hit&& h) {
        if (h.fit == overlay::Fit::SubjectInside) whole = true;
        if (!whole) inside.push_back(std::move(h.piece));
      });
      if (whole)
        m2 = 0;
      else if (inside.empty())
        m2 = c.area_m2;
      else
        m2 = w.area_m2(piece.difference(overlay::Worker::union_of(std::move(inside))).polygonal_part());
    }
    if (m2 > 0 && m2 >= min_area_m2) {
      c.suspect = true;
      c.suspect_layers.push_back(layer);
      c.suspect_m2[layer] = m2;
    }
  }
}

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
  res.area = o.area;
  res.before = gdal::display_target(o.before);  // printed and stored: never a password
  res.after = gdal::display_target(o.after);
  res.plan = gdal::display_target(o.plan);

  const gdal::VectorSource before_src = gdal::VectorSource::open(o.before, o.open);
  std::optional<gdal::VectorSource> after_own;
  const bool same = o.after == o.before;
  if (!same) after_own.emplace(gdal::VectorSource::open(o.after, o.open));
  const gdal::VectorSource& after_src = same ? before_src : *after_own;
  const gdal::VectorSource* plan = nullptr;
  std::optional<gdal::VectorSource> plan_own;
  if (!o.plan.empty()) {
    if (o.plan == o.before)
      plan = &before_src;
    else if (o.plan == o.after)
      plan = &after_src;
    else
      plan = &plan_own.emplace(gdal::VectorSource::open(o.plan, o.open));
  }

  // Schema first: every layer and field the run needs is looked for before any geometry is read,
  // and all that are missing are refused in one message.
  overlay::SchemaCheck schema;
  std::string before_name, after_name;
  const gdal::Layer* bl = pick_layer(before_src, o.before_layer, "DLTB", before_name);
  const gdal::Layer* al = pick_layer(after_src, o.after_layer,
                                     o.footprints ? std::string()
                                     : same       ? "DLTB_LATER"
                                                  : "DLTB",
                                     after_name);
  if (bl == nullptr)
    schema.missing_layer(res.before, before_name,
                         fmt::format("--before {}; it has {}", res.before, layer_names(before_src)));
  if (al == nullptr)
    schema.missing_layer(res.after, after_name.empty() ? "named by --after-layer" : after_name,
                         fmt::format("--after {}; it has {}", res.after, layer_names(after_src)));
  if (bl != nullptr) schema.fields(*bl, {"DLBM"}, "地类编码 of --before " + res.before);
  if (al != nullptr && !o.footprints) schema.fields(*al, {"DLBM"}, "地类编码 of --after " + res.after);
  schema.require();
  if (same && al->name() == bl->name())
    throw_bad_input("--before and --after name the same layer " + bl->name() + " (give --after-layer)",
                    {o.before, bl->name(), {}, {}});
  res.before_layer = bl->name();
  res.after_layer = al->name();
  // The plan's layers are optional: one it does not hold is not tested (a warning says so).
  std::vector<const gdal::Layer*> plan_layers(std::size(kSuspectLayers), nullptr);
  const gdal::Layer* county_layer = nullptr;
  const gdal::Layer* town_layer = nullptr;
  const auto& catalogue = layers::Catalogue::embedded();
  if (plan != nullptr) {
    for (std::size_t s = 0; s < std::size(kSuspectLayers); ++s) {
      const auto& def = catalogue.get(kSuspectLayers[s]);
      for (std::size_t i = 0; i < plan->layer_count() && plan_layers[s] == nullptr; ++i)
        if (def.answers_to(plan->layer(i).name())) plan_layers[s] = &plan->layer(i);
      if (plan_layers[s] == nullptr) {
        res.warnings.push_back(fmt::format("the plan has no {} ({}): new construction not tested against it",
                                           kSuspectLayers[s], def.name_zh));
        continue;
      }
      res.plan_layers_used.push_back(kSuspectLayers[s]);
    }
    // Administrative units (XZQ, XZQ_XIANG) with their code in XZQDM: for patches without ZLDWDM.
    for (const char* code : {"XZQ", "XZQ_XIANG"}) {
      const auto& def = catalogue.get(code);
      for (std::size_t i = 0; i < plan->layer_count(); ++i) {
        if (!def.answers_to(plan->layer(i).name()) || !plan->layer(i).field_index("XZQDM")) continue;
        (std::string(code) == "XZQ" ? county_layer : town_layer) = &plan->layer(i);
        break;
      }
    }
  } else {
    res.warnings.push_back("no --plan: new construction not tested for 疑似违法");
  }
  for (const gdal::Layer* l : {bl, al}) {
    (void)l->require_crs();
    l->require_geometry(gdal::GeometryFamily::Polygon);
  }
  for (const gdal::Layer* l : plan_layers)
    if (l != nullptr) {
      (void)l->require_crs();
      l->require_geometry(gdal::GeometryFamily::Polygon);
    }
  if (!bl->field_index("ZLDWDM"))
    res.warnings.push_back(fmt::format(
        "layer {} has no ZLDWDM (坐落单位代码): county and town from XZQ / XZQ_XIANG of the plan where it has them",
        bl->name()));

  // Features the reader cannot trust are skipped and listed (the run exits 2).
  gdal::ReadLog log;
  Names names;  // codes and unit codes of every layer read
  const Wanted patch{true, true, "ZLDWDM"};
  Side before, after;
  if (!o.footprints) {
    before = load(*bl, patch, o, {}, names, log, res.warnings);
    after = load(*al, {true, true, ""}, o, {}, names, log, res.warnings);
  } else {
    // Footprints are few: the earlier vintage is read only where they are.
    after = load(*al, {true, false, ""}, o, {}, names, log, res.warnings);
    std::vector<Envelope> envelopes;
    envelopes.reserve(after.set.size());
    for (std::size_t k = 0; k < after.set.size(); ++k) envelopes.push_back(after.set.envelope(k));
    const std::vector<Envelope> windows = overlay::read_windows(std::move(envelopes));
    std::vector<std::string> warnings;
    before = load(*bl, patch, o, windows, names, log, warnings);
    if (before.set.empty() && !windows.empty()) {
      // Nothing under the footprints: read it all, to say whether the layer is empty or elsewhere.
      warnings.clear();
      before = load(*bl, patch, o, {}, names, log, warnings);
    }
    res.warnings.insert(res.warnings.end(), warnings.begin(), warnings.end());
  }
  // Nothing to compare is no answer: "0 changes" would read as "nothing changed".
  for (const Side* side : {&before, &after}) {
    if (!side->set.empty()) continue;
    const gdal::Layer& l = side == &before ? *bl : *al;
    const auto skipped = log.problems();
    throw_bad_input(fmt::format("no patch to compare: the layer has no feature with a polygon geometry ({} features{})",
                                l.feature_count(), skipped.empty() ? "" : "; " + gdal::summarize(skipped)),
                    {l.source_path(), l.name(), {}, {}});
  }
  {
    Envelope b = before.set.envelope(0), a = after.set.envelope(0);
    for (std::size_t i = 0; i < before.set.size(); ++i) b.expand(before.set.envelope(i));
    for (std::size_t j = 0; j < after.set.size(); ++j) a.expand(after.set.envelope(j));
    if (!b.intersects(a))
      throw_bad_input(
          fmt::format("the two layers do not overlap ({} lies at x {:.0f}–{:.0f}, y {:.0f}–{:.0f}; {} at x "
                      "{:.0f}–{:.0f}, y {:.0f}–{:.0f} in {}): nothing to compare (a wrong CRS, or another area?)",
                      bl->name(), b.min_x, b.max_x, b.min_y, b.max_y, al->name(), a.min_x, a.max_x, a.min_y, a.max_y,
                      o.working_crs),
          {res.after, al->name(), {}, {}});
  }

  // First pass: the pieces, one before patch (or footprint) per item.
  const Pairing pairing(o, before, after);
  const Side& subjects = o.footprints ? after : before;
  const std::size_t n = subjects.set.size();
  std::vector<Found> found(n);
  res.jobs = worker_count(o.jobs, n);
  overlay::for_each(
      n, o.jobs, o.area, o.working_crs,
      [&](std::size_t i, overlay::Worker& w) {
        // A GEOS failure comes from this patch (or footprint) and what it meets: bad input naming it.
        geos::on_feature(subjects.set.where(i), "", [&] {
          if (o.footprints)
            pairing.footprint(i, w, found[i]);
          else
            pairing.vintage(i, w, found[i]);
        });
      },
      o.progress);
  std::size_t on_construction = 0;
  for (auto& f : found) {
    res.slivers += f.slivers;
    res.sliver_m2 += f.sliver_m2;
    res.pairs_overlaid += f.overlaid;
    on_construction += f.on_construction;
    std::stable_sort(f.changes.begin(), f.changes.end(), [](const Change& a, const Change& b) {
      return std::tie(a.before_fid, a.after_fid) < std::tie(b.before_fid, b.after_fid);
    });
    for (auto& c : f.changes) res.changes.push_back(std::move(c));
    f = Found();
  }
  if (on_construction > 0)
    res.warnings.push_back(fmt::format(
        "{} footprint pieces lie on land already 建设用地 in the earlier vintage: not changes", on_construction));
  if (o.footprints)
    std::stable_sort(res.changes.begin(), res.changes.end(), [](const Change& a, const Change& b) {
      return std::tie(a.before_fid, a.after_fid) < std::tie(b.before_fid, b.after_fid);
    });

  // Second pass, on the pieces: the plan (new construction) and the units (pieces of patches
  // without ZLDWDM). Each plan layer is read only where such pieces are.
  if (plan != nullptr) {
    const bool all_coded = std::all_of(before.units.begin(), before.units.end(),
                                       [&](std::uint32_t u) { return names.name(u).size() >= 9; });
    if (!all_coded && county_layer == nullptr && town_layer == nullptr)
      res.warnings.push_back(
          "patches without ZLDWDM and no XZQ / XZQ_XIANG in the plan: their county and town are left empty");
    const bool any_plan_layer = !res.plan_layers_used.empty();
    const bool units = county_layer != nullptr || town_layer != nullptr;
    std::vector<std::size_t> to_test;
    std::vector<Envelope> plan_envelopes, unit_envelopes;
    for (std::size_t k = 0; k < res.changes.size(); ++k) {
      const Change& c = res.changes[k];
      const bool test = any_plan_layer && c.new_construction;
      const bool locate_it = units && c.county.empty();
      if (!test && !locate_it) continue;
      to_test.push_back(k);
      if (test) plan_envelopes.push_back(c.envelope);
      if (locate_it) unit_envelopes.push_back(c.envelope);
    }
    PlanSets sets;
    sets.layers.resize(std::size(kSuspectLayers));
    if (!plan_envelopes.empty()) {
      const std::vector<Envelope> windows = overlay::read_windows(std::move(plan_envelopes));
      for (std::size_t s = 0; s < plan_layers.size(); ++s)
        if (plan_layers[s] != nullptr) sets.layers[s] = load(*plan_layers[s], {}, o, windows, names, log, res.warnings);
    }
    if (!unit_envelopes.empty()) {
      const std::vector<Envelope> windows = overlay::read_windows(std::move(unit_envelopes));
      const Wanted unit{false, false, "XZQDM"};
      if (county_layer != nullptr) sets.counties = load(*county_layer, unit, o, windows, names, log, res.warnings);
      if (town_layer != nullptr) sets.towns = load(*town_layer, unit, o, windows, names, log, res.warnings);
    }
    const gdal::Layer& named = o.footprints ? *al : *bl;
    overlay::for_each(
        to_test.size(), o.jobs, o.area, o.working_crs,
        [&](std::size_t k, overlay::Worker& w) {
          Change& c = res.changes[to_test[k]];
          geos::on_feature({named.source_path(), named.name(), o.footprints ? c.after_fid : c.before_fid, {}}, "", [&] {
            const Geometry piece = Geometry::from_wkb(c.wkb);
            if (c.county.empty() && (sets.counties || sets.towns)) {
              // No ZLDWDM: the units the piece's interior point lies in.
              const Geometry at = Geometry::point(piece.interior_point());
              if (sets.counties) c.county = locate(*sets.counties, at, w);
              if (sets.towns) c.town = locate(*sets.towns, at, w);
            }
            if (c.new_construction && any_plan_layer) test_plan(sets, piece, o.min_area_m2, w, c);
          });
        },
        o.progress ? ProgressFn([&](std::size_t done, std::size_t total) { o.progress(n + done, n + total); })
                   : ProgressFn());
  }
  res.read_problems = log.problems();
  for (const auto& w : log.warnings()) res.warnings.push_back(w);
  return res;
}

}  // namespace guotu::change
