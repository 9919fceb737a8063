#include "change/change_detector.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/city.hpp"
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
          Names& names, gdal::ReadLog& log, std::vector<std::string>& warnings, const std::string& where = {}) {
  overlay::LoadOptions lo;
  lo.crs = o.working_crs;
  lo.where = where;
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
/// Catalogue codes find their aliases too (layers::find_table: 地类图斑 for DLTB).
const gdal::Layer* pick_layer(const gdal::VectorSource& src, const std::string& wanted, const std::string& fallback,
                              std::string& looked_for) {
  looked_for = !wanted.empty() ? wanted : fallback;
  if (!wanted.empty()) return layers::find_table(src, wanted);
  if (!fallback.empty())
    if (const auto* l = layers::find_table(src, fallback)) return l;
  if (src.layer_count() == 1) return &src.layer(0);
  return nullptr;
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
        if (after_.codes[j] != code) add(i, j, overlay::Worker::geometry(before_.set, i), w, out);
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
      add(i, j, piece, w, out);
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
      add(i, k, piece, w, out);
    }
  }

 private:
  void add(std::size_t i, std::size_t j, const Geometry& piece, overlay::Worker& w, Found& out) const {
    const double m2 = w.area_m2(piece);
    if (m2 < o_.min_area_m2) {
      ++out.slivers;
      out.sliver_m2 += m2;
      return;
    }
    Change c;
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

std::size_t zone_index(const ChangeRules& rules, const std::string& id) {
  for (std::size_t z = 0; z < rules.zones.size(); ++z)
    if (rules.zones[z].id == id) return z;
  throw Error(ErrorKind::Internal, "no zone " + id);
}

/// The rules that match each code pair (the plan not yet looked at), worked out once per pair.
class Matcher {
 public:
  Matcher(const ChangeRules& rules, bool footprints) : rules_(rules), footprints_(footprints) {}
  const std::vector<std::size_t>& operator()(const std::string& before, const std::string& after) {
    auto [it, added] = cache_.try_emplace(before + '\n' + after);
    if (added)
      for (std::size_t k = 0; k < rules_.rules.size(); ++k)
        if (rules_.rules[k].codes_match(before, after, footprints_)) it->second.push_back(k);
    return it->second;
  }

 private:
  const ChangeRules& rules_;
  bool footprints_;
  std::unordered_map<std::string, std::vector<std::size_t>> cache_;
};

/// The second pass, on the pieces alone: the zones the rules name, the approved projects and,
/// for patches without ZLDWDM, the administrative units.
struct PlanSets {
  std::vector<std::optional<Side>> zones;  // aligned with ChangeRules::zones; empty: not read
  std::vector<std::string> unreadable;     // aligned with zones: why a zone could not be read ("" = it was)
  std::optional<Side> approvals;
  int approval_k = -1;                  // PZWH among the approvals' fields; -1: every feature counts
  std::optional<Side> counties, towns;  // XZQ, XZQ_XIANG
};

std::string locate(const Side& units, const Geometry& point, overlay::Worker& w) {
  for (std::size_t i : w.candidates(units.set, point.envelope()))
    if (w.prepared(units.set, i).covers(point)) return units.unit(i);
  return {};
}

/// Area of the piece outside the union of the features of `set` that `wanted` accepts.
double outside_m2(const overlay::Subject& subject, const overlay::FeatureSet& set, overlay::Worker& w,
                  const std::function<bool(std::size_t)>& wanted = {}) {
  std::vector<Geometry> inside;
  bool whole = false;
  w.intersect(
      subject, set, true,
      [&](overlay::Hit&& h) {
        if (h.fit == overlay::Fit::SubjectInside) whole = true;
        if (!whole) inside.push_back(std::move(h.piece));
      },
      wanted);
  if (whole) return 0;
  if (inside.empty()) return subject.area_m2;
  return w.area_m2(subject.geometry.difference(overlay::Worker::union_of(std::move(inside))).polygonal_part());
}

/// At least min_area (and more than nothing): the test every zone and the approvals share.
bool counts(double m2, double min_area_m2) {
  return m2 > 0 && m2 >= min_area_m2;
}

/// Applies the rules to one piece: its zones, its approval, then its classes and flags.
void apply_rules(const ChangeRules& rules, const std::vector<std::size_t>& matched, const PlanSets& plan,
                 const Geometry& piece, double min_area_m2, overlay::Worker& w, Change& c) {
  const overlay::Subject subject{piece, piece.envelope(), c.area_m2};
  std::map<std::string, bool> holds;  // zone condition ("in:Z" / "out:Z") → holds
  bool approval_needed = false;
  for (std::size_t k : matched) {
    const ChangeRule& r = rules.rules[k];
    if (r.approval_clears) approval_needed = true;
    if (r.zone().empty()) continue;
    const std::string key = (r.inside.empty() ? "out:" : "in:") + r.zone();
    if (holds.count(key) != 0) continue;
    const std::size_t z = zone_index(rules, r.zone());
    if (!plan.zones[z]) continue;  // not evaluated: the rule is listed as such below
    const double m2 =
        r.inside.empty() ? outside_m2(subject, plan.zones[z]->set, w) : w.area_within(subject, plan.zones[z]->set);
    c.zone_m2[r.zone()] = m2;
    holds[key] = counts(m2, min_area_m2);
  }
  if (approval_needed && plan.approvals) {
    const Side& a = *plan.approvals;
    const auto k = static_cast<std::size_t>(plan.approval_k);
    const double out = plan.approval_k < 0
                           ? outside_m2(subject, a.set, w)
                           : outside_m2(subject, a.set, w, [&](std::size_t i) { return !a.set.text(i, k).empty(); });
    c.approved = !counts(out, min_area_m2);
  }
  bool any_class = false;
  bool barred = false;
  Balance balance = Balance::None;
  for (std::size_t k : matched) {
    const ChangeRule& r = rules.rules[k];
    if (!r.zone().empty()) {
      const auto it = holds.find((r.inside.empty() ? "out:" : "in:") + r.zone());
      if (it == holds.end()) {
        c.unevaluated_rules.push_back(r.id);
        if (r.bars_credit) barred = true;  // credit only what is known to be lawful
        continue;
      }
      if (!it->second) continue;
    }
    c.rules.push_back(r.id);
    if (!r.cls.empty()) {
      any_class = true;
      if (std::find(c.classes.begin(), c.classes.end(), r.cls) == c.classes.end()) c.classes.push_back(r.cls);
      if (r.bars_credit) barred = true;
      if (balance == Balance::None) balance = r.balance;
    }
    if (r.suspect) {
      if (r.approval_clears && c.approved) {
        c.cleared_rules.push_back(r.id);
      } else {
        c.suspect = true;
        c.suspect_rules.push_back(r.id);
      }
    }
  }
  if (!any_class) {
    c.classes.push_back(rules.fallback()->cls);
    c.rules.push_back(rules.fallback()->id);
  }
  // Classes in the file's order of classes, whatever order the rules holding them came in.
  std::vector<std::string> ordered;
  for (const auto& cls : rules.classes)
    if (std::find(c.classes.begin(), c.classes.end(), cls) != c.classes.end()) ordered.push_back(cls);
  c.classes = std::move(ordered);
  c.cls = c.classes.front();
  c.credit = barred ? Balance::None : balance;
  std::vector<bool> flagged(rules.zones.size(), false);
  for (std::size_t k : matched) {
    const ChangeRule& r = rules.rules[k];
    if (!r.zone().empty() && std::find(c.suspect_rules.begin(), c.suspect_rules.end(), r.id) != c.suspect_rules.end())
      flagged[zone_index(rules, r.zone())] = true;
  }
  for (std::size_t z = 0; z < rules.zones.size(); ++z)
    if (flagged[z]) c.suspect_layers.push_back(rules.zones[z].id);
}

}  // namespace

bool is_construction(const std::string& code) {
  return layers::LandClasses::embedded().contains("construction", "sandiao", code);
}

bool Change::has_class(const std::string& c) const {
  return std::find(classes.begin(), classes.end(), c) != classes.end();
}

std::vector<std::pair<std::string, std::size_t>> DiffResult::counts() const {
  std::vector<std::pair<std::string, std::size_t>> m;
  for (const auto& cls : rules.classes) m.emplace_back(cls, 0);
  for (const auto& c : changes)
    for (const auto& cls : c.classes)
      for (auto& [k, n] : m)
        if (k == cls) ++n;
  return m;
}

std::map<std::string, double> DiffResult::areas() const {
  std::map<std::string, double> m;
  for (const auto& cls : rules.classes) m[cls] = 0.0;
  for (const auto& c : changes)
    for (const auto& cls : c.classes) m[cls] += c.area_m2;
  return m;
}

std::size_t DiffResult::suspect_count() const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const Change& c) { return c.suspect; }));
}

double DiffResult::suspect_m2() const {
  double m2 = 0;
  for (const auto& c : changes)
    if (c.suspect) m2 += c.area_m2;
  return m2;
}

std::size_t DiffResult::approved_count() const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const Change& c) { return c.approved; }));
}

double DiffResult::credit_m2(Balance direction) const {
  double m2 = 0;
  for (const auto& c : changes)
    if (c.credit == direction) m2 += c.area_m2;
  return m2;
}

std::vector<SummaryRow> DiffResult::summary() const {
  std::map<std::tuple<int, std::string, std::size_t>, SummaryRow> rows;  // level, unit, class (file order)
  auto order = [&](const std::string& cls) {
    return static_cast<std::size_t>(std::find(rules.classes.begin(), rules.classes.end(), cls) - rules.classes.begin());
  };
  for (const auto& c : changes) {
    for (int level = 0; level < 2; ++level) {
      const std::string& code = level == 0 ? c.county : c.town;
      for (const auto& cls : c.classes) {
        auto& r = rows[{level, code, order(cls)}];
        r.level = level == 0 ? "county" : "town";
        r.code = code;
        r.cls = cls;
        ++r.count;
        r.area_m2 += c.area_m2;
        if (c.suspect) {
          ++r.suspect_count;
          r.suspect_m2 += c.area_m2;
        }
        if (c.credit != Balance::None) r.credit_m2 += c.area_m2;
      }
    }
  }
  std::vector<SummaryRow> out;
  for (auto& [k, r] : rows) out.push_back(std::move(r));
  return out;
}

DiffResult run_diff(const DiffOptions& options) {
  gdal::initialize();
  DiffOptions o = options;
  if (o.working_crs.empty()) o.working_crs = city::current().working_crs;
  if (!(o.min_area_m2 >= 0)) throw_bad_input("--min-area must be ≥ 0");
  DiffResult res;
  res.working_crs = o.working_crs;
  res.footprints = o.footprints;
  res.min_area_m2 = o.min_area_m2;
  res.area = o.area;
  res.before = gdal::display_target(o.before);  // printed and stored: never a password
  res.after = gdal::display_target(o.after);
  res.plan = gdal::display_target(o.plan);
  // The rules first: a rule file that does not load is refused before any data is opened.
  res.rules =
      ChangeRules::load(o.rules_file.empty() ? ChangeRules::default_path() : std::filesystem::path(o.rules_file));

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
  const gdal::VectorSource* approvals = nullptr;
  std::optional<gdal::VectorSource> approvals_own;
  if (!o.approvals.empty()) {
    if (o.approvals == o.plan && plan != nullptr)
      approvals = plan;
    else if (o.approvals == o.before)
      approvals = &before_src;
    else
      approvals = &approvals_own.emplace(gdal::VectorSource::open(o.approvals, o.open));
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
  // The zones the rules name, in the plan (catalogue names and aliases). A zone whose layer the
  // plan does not hold cannot be tested: the rules naming it are not evaluated where they matter.
  const auto& catalogue = layers::Catalogue::embedded();
  auto find_layer = [&](const gdal::VectorSource& src, const std::string& code) -> const gdal::Layer* {
    (void)catalogue.get(code);  // a code the catalogue does not know is refused
    return layers::find_table(src, code);
  };
  std::vector<const gdal::Layer*> zone_layers(res.rules.zones.size(), nullptr);
  std::vector<std::string> zone_missing(res.rules.zones.size());
  for (std::size_t z = 0; z < res.rules.zones.size(); ++z) {
    const Zone& zone = res.rules.zones[z];
    const auto& def = catalogue.get(zone.layer);
    if (plan == nullptr) {
      zone_missing[z] = fmt::format("no --plan: {} ({}) cannot be tested", zone.id, zone.name_zh);
      continue;
    }
    zone_layers[z] = find_layer(*plan, zone.layer);
    if (zone_layers[z] == nullptr) {
      zone_missing[z] = fmt::format("the plan {} has no layer {} ({}): {} cannot be tested", res.plan, zone.layer,
                                    def.name_zh, zone.id);
      continue;
    }
    if (std::find(res.plan_layers_used.begin(), res.plan_layers_used.end(), zone_layers[z]->name()) ==
        res.plan_layers_used.end())
      res.plan_layers_used.push_back(zone_layers[z]->name());
  }
  // Approved projects: --approvals (its XMYD layer, or its only layer), else the plan's XMYD.
  const gdal::Layer* approval_layer = nullptr;
  if (approvals != nullptr) {
    std::string looked_for;
    approval_layer = pick_layer(*approvals, o.approvals_layer, std::string(), looked_for);
    if (approval_layer == nullptr && o.approvals_layer.empty()) approval_layer = find_layer(*approvals, "XMYD");
    if (approval_layer == nullptr)
      schema.missing_layer(
          gdal::display_target(o.approvals), o.approvals_layer.empty() ? std::string("XMYD") : o.approvals_layer,
          fmt::format("--approvals {}; it has {}", gdal::display_target(o.approvals), layer_names(*approvals)));
    schema.require();
    res.approvals = fmt::format("{} ({})", gdal::display_target(o.approvals), approval_layer->name());
  } else if (plan != nullptr) {
    approval_layer = find_layer(*plan, "XMYD");
    if (approval_layer != nullptr && !approval_layer->field_index("PZWH")) approval_layer = nullptr;
    if (approval_layer != nullptr)
      res.approvals = fmt::format("{} ({}, features with PZWH)", res.plan, approval_layer->name());
  }
  // Administrative units (XZQ, XZQ_XIANG) with their code in XZQDM: for patches without ZLDWDM.
  const gdal::Layer* county_layer = nullptr;
  const gdal::Layer* town_layer = nullptr;
  if (plan != nullptr) {
    for (const char* code : {"XZQ", "XZQ_XIANG"}) {
      const gdal::Layer* l = find_layer(*plan, code);
      if (l != nullptr && l->field_index("XZQDM")) (std::string(code) == "XZQ" ? county_layer : town_layer) = l;
    }
  }
  for (const gdal::Layer* l : {bl, al}) {
    (void)l->require_crs();
    l->require_geometry(gdal::GeometryFamily::Polygon);
  }
  for (const gdal::Layer* l : zone_layers)
    if (l != nullptr) {
      (void)l->require_crs();
      l->require_geometry(gdal::GeometryFamily::Polygon);
    }
  if (approval_layer != nullptr) {
    (void)approval_layer->require_crs();
    approval_layer->require_geometry(gdal::GeometryFamily::Polygon);
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

  // Second pass, on the pieces: the rules (their zones and the approvals), and the units of
  // pieces of patches without ZLDWDM. Each layer is read only where pieces need it.
  Matcher matcher(res.rules, o.footprints);
  std::vector<const std::vector<std::size_t>*> matched(res.changes.size());
  std::vector<bool> zone_wanted(res.rules.zones.size(), false);
  std::vector<std::vector<Envelope>> zone_envelopes(res.rules.zones.size());
  std::vector<Envelope> approval_envelopes, unit_envelopes;
  const bool all_coded =
      std::all_of(before.units.begin(), before.units.end(), [&](std::uint32_t u) { return names.name(u).size() >= 9; });
  const bool units = county_layer != nullptr || town_layer != nullptr;
  if (!all_coded && !units)
    res.warnings.push_back(
        "patches without ZLDWDM and no XZQ / XZQ_XIANG in the plan: their county and town are left empty");
  bool approval_wanted = false;
  for (std::size_t k = 0; k < res.changes.size(); ++k) {
    const Change& c = res.changes[k];
    matched[k] = &matcher(c.before_code, c.after_code);
    bool approval = false;
    std::vector<bool> zones_of_piece(res.rules.zones.size(), false);
    for (std::size_t r : *matched[k]) {
      const ChangeRule& rule = res.rules.rules[r];
      if (rule.approval_clears) approval = true;
      if (!rule.zone().empty()) zones_of_piece[zone_index(res.rules, rule.zone())] = true;
    }
    for (std::size_t z = 0; z < zones_of_piece.size(); ++z)
      if (zones_of_piece[z]) {
        zone_wanted[z] = true;
        zone_envelopes[z].push_back(c.envelope);
      }
    if (approval) {
      approval_wanted = true;
      approval_envelopes.push_back(c.envelope);
    }
    if (units && c.county.empty()) unit_envelopes.push_back(c.envelope);
  }
  PlanSets sets;
  sets.zones.resize(res.rules.zones.size());
  for (std::size_t z = 0; z < res.rules.zones.size(); ++z) {
    if (!zone_wanted[z]) continue;
    if (zone_layers[z] == nullptr) {
      res.warnings.push_back(zone_missing[z]);
      continue;
    }
    const std::vector<Envelope> windows = overlay::read_windows(std::move(zone_envelopes[z]));
    sets.zones[z] = load(*zone_layers[z], {}, o, windows, names, log, res.warnings, res.rules.zones[z].where);
  }
  if (approval_wanted && approval_layer != nullptr) {
    const std::vector<Envelope> windows = overlay::read_windows(std::move(approval_envelopes));
    const bool pzwh = approval_layer->field_index("PZWH").has_value();
    sets.approvals = load(*approval_layer, {false, false, pzwh ? "PZWH" : ""}, o, windows, names, log, res.warnings);
    if (pzwh) sets.approval_k = 0;
    if (pzwh) {
      for (std::size_t i = 0; i < sets.approvals->set.size(); ++i)
        if (!sets.approvals->unit(i).empty()) ++res.approval_count;
    } else {
      res.approval_count = sets.approvals->set.size();
    }
  } else if (approval_wanted) {
    res.warnings.push_back(
        "no approved projects (no --approvals, and the plan has no XMYD with PZWH): new construction that an "
        "approval would clear stays 疑似违法");
  }
  if (!unit_envelopes.empty()) {
    const std::vector<Envelope> windows = overlay::read_windows(std::move(unit_envelopes));
    const Wanted unit{false, false, "XZQDM"};
    if (county_layer != nullptr) sets.counties = load(*county_layer, unit, o, windows, names, log, res.warnings);
    if (town_layer != nullptr) sets.towns = load(*town_layer, unit, o, windows, names, log, res.warnings);
  }
  const gdal::Layer& named = o.footprints ? *al : *bl;
  overlay::for_each(
      res.changes.size(), o.jobs, o.area, o.working_crs,
      [&](std::size_t k, overlay::Worker& w) {
        Change& c = res.changes[k];
        geos::on_feature({named.source_path(), named.name(), o.footprints ? c.after_fid : c.before_fid, {}}, "", [&] {
          const Geometry piece = Geometry::from_wkb(c.wkb);
          if (c.county.empty() && (sets.counties || sets.towns)) {
            // No ZLDWDM: the units the piece's interior point lies in.
            const Geometry at = Geometry::point(piece.interior_point());
            if (sets.counties) c.county = locate(*sets.counties, at, w);
            if (sets.towns) c.town = locate(*sets.towns, at, w);
          }
          apply_rules(res.rules, *matched[k], sets, piece, o.min_area_m2, w, c);
        });
      },
      o.progress ? ProgressFn([&](std::size_t done, std::size_t total) { o.progress(n + done, n + total); })
                 : ProgressFn());
  for (const auto& c : res.changes)
    for (const auto& id : c.unevaluated_rules) {
      if (res.unevaluated.count(id) != 0) continue;
      const ChangeRule* rule = nullptr;
      for (const auto& r : res.rules.rules)
        if (r.id == id) rule = &r;
      if (rule != nullptr) res.unevaluated[id] = zone_missing[zone_index(res.rules, rule->zone())];
    }
  res.read_problems = log.problems();
  for (const auto& w : log.warnings()) res.warnings.push_back(w);
  return res;
}

}  // namespace guotu::change
