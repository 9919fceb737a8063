#include "validate/plan_layer.hpp"

#include <algorithm>

#include "area/measure.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "validate/area_checks.hpp"
#include "validate/code_checks.hpp"
#include "validate/crs_checks.hpp"
#include "validate/geometry_checks.hpp"
#include "validate/schema_checks.hpp"

namespace guotu::validate {

namespace {

constexpr std::size_t kBatch = 20000;  // features read, then checked on the pool, at a time

// What the per-feature checks make of one feature (one slot per feature, filled by the worker
// that checks it).
struct Checked {
  Findings findings;
  std::optional<Finding> out_of_area;  // held back until the zone verdict
  std::optional<double> centre_lon;
  std::optional<PlanFeature> feature;
};

// One worker's state for a layer's per-feature checks (made in the worker's thread).
struct CheckState {
  CheckState(const LayerProfile& profile, const std::string& working_crs) {
    if (!profile.crs) return;
    tf.to_working.emplace(profile.crs->definition, working_crs);
    tf.to_geographic.emplace(proj::Transform::to_geographic(profile.crs->definition));
    // 椭球面积 of the geometry as delivered, in its own CRS.
    area = &area::thread_measure(area::AreaMode::Ellipsoidal, profile.crs->definition);
  }
  LayerTransforms tf;
  const area::Measure* area = nullptr;
};

LayerProfile make_profile(const gdal::Layer& layer, const layers::LayerDef* def, const RuleSet& rules) {
  LayerProfile p;
  p.name = layer.name();
  p.def = def;
  p.kind = layer.geometry_kind();
  p.rules = &rules;
  p.crs = layer.crs();
  if (p.crs) p.facts = proj::describe_crs(p.crs->definition);
  if (def != nullptr) {
    for (const auto& spec : def->fields) {
      if (spec.codelist.empty()) continue;
      if (auto i = layer.field_index(spec.name))
        p.code_fields.push_back({*i, spec.name, &layers::CodeList::embedded(spec.codelist), spec.required});
    }
    p.bsm = layer.field_index("BSM");
    if (def->field("TBMJ") != nullptr) {
      p.tbmj = layer.field_index("TBMJ");
      p.kcmj = layer.field_index("KCMJ");
      p.tbdlmj = layer.field_index("TBDLMJ");
    }
  }
  return p;
}

// A feature as the reader hands it over: its values and its geometry as WKB (empty: none), built
// by the worker that checks it, in its own GEOS context.
struct RawFeature {
  std::int64_t fid = -1;
  std::vector<gdal::FieldValue> values;
  std::vector<std::uint8_t> wkb;
};

void check_one(const LayerProfile& profile, const gdal::Layer& layer, const RawFeature& raw, CheckState& st,
               Checked& out) {
  const std::int64_t fid = raw.fid;
  geos::Geometry g;
  if (!raw.wkb.empty()) {
    try {
      g = geos::Geometry::from_wkb(raw.wkb);
    } catch (const Error& e) {
      // As the reader refuses a geometry GEOS cannot build: malformed data, named.
      throw_bad_input("unreadable geometry: " + e.reason(), {layer.source_path(), layer.name(), fid, std::nullopt});
    }
  }
  std::optional<double> measured;
  std::optional<geos::Geometry> working;
  bool repaired = false;
  if (profile.kind != gdal::GeometryKind::None) {
    const std::size_t before_geometry = out.findings.size();
    geos::Geometry usable = check_feature_geometry(profile, fid, g, st.tf, out.findings);
    repaired = usable && out.findings.size() > before_geometry;
    if (usable && profile.crs) {
      const std::size_t before = out.findings.size();
      out.centre_lon = check_crs_area(profile, fid, usable, st.tf, out.findings);
      const bool outside = out.findings.size() > before;
      if (outside) {
        out.out_of_area = std::move(out.findings.back());
        out.findings.pop_back();
      }
      if (usable.is_polygonal()) measured = st.area->area_m2(usable);
      if (!outside) {
        try {
          working = usable.transformed([&](std::span<Coord> c) { st.tf.to_working->apply(c); });
        } catch (const Error&) {
          working.reset();
        }
      }
    }
  }
  if (profile.def != nullptr) {
    check_codes(profile, fid, raw.values, out.findings);
    // TBMJ is not judged on a repaired geometry: its area is GEOM_INVALID's consequence.
    check_areas(profile, fid, raw.values, repaired ? std::nullopt : measured, out.findings);
  }
  if (working) {
    PlanFeature pf;
    pf.fid = fid;
    pf.envelope = working->envelope();
    pf.wkb = working->to_wkb();
    pf.area_m2 = measured.value_or(0.0);
    pf.repaired = repaired;
    // Attribute findings show the feature itself.
    for (auto& f : out.findings)
      if (f.geometry.empty()) f.geometry = pf.wkb;
    out.feature = std::move(pf);
  }
}

}  // namespace

const PlanFeature* PlanLayer::find(std::int64_t fid) const {
  auto it = std::lower_bound(features.begin(), features.end(), fid,
                             [](const PlanFeature& f, std::int64_t id) { return f.fid < id; });
  return it != features.end() && it->fid == fid ? &*it : nullptr;
}

PlanLayer load_plan_layer(const gdal::Layer& layer, const layers::LayerDef* def, const RuleSet& rules,
                          const LoadOptions& options, Findings& out) {
  PlanLayer pl;
  pl.profile = make_profile(layer, def, rules);
  const LayerProfile& profile = pl.profile;
  check_layer_crs(profile, out);
  check_schema(profile, layer.fields(), out);

  // Required fields judged for emptiness here (coded ones are CODE_UNKNOWN's).
  std::vector<std::pair<std::string, std::int64_t>> empty;
  std::vector<std::size_t> empty_index;
  if (def != nullptr) {
    for (const auto& spec : def->fields) {
      if (!spec.required || !spec.codelist.empty()) continue;
      if (auto i = layer.field_index(spec.name)) {
        empty.emplace_back(spec.name, 0);
        empty_index.push_back(*i);
      }
    }
  }

  std::vector<double> lons;
  Findings out_of_area;
  std::vector<Checked> checked;
  std::vector<std::pair<std::string, std::int64_t>> bsm;  // (value, fid) in read order

  // Every feature as delivered, in batches: in the layer's own CRS (GEOM_INVALID's place is given
  // there, the area of use and the 椭球面积 are judged from it), invalid, null and empty ones
  // included, with every field (the reader judges each value: a number that is not finite in any
  // field is VALUE_INVALID). Each batch is checked on the one pool (core/parallel.hpp) and let go,
  // so memory holds one batch of features as read, never the layer.
  //
  // Not overlay::FeatureSet::load: it keeps every feature of the layer with every field until the
  // load ends (29 DLTB fields: ~1.3 KB a patch, 163 → 411 MB peak on 200,000 patches), and it
  // hands a null and an empty geometry over alike (GEOM_EMPTY says which).
  std::vector<RawFeature> batch;
  batch.reserve(kBatch);
  const std::int64_t total = layer.feature_count();
  std::int64_t done = 0;
  auto flush = [&] {
    checked.assign(batch.size(), {});
    parallel_for_state(
        batch.size(), options.jobs, [&] { return CheckState(profile, rules.working_crs); },
        [&](std::size_t k, CheckState& st) { check_one(profile, layer, batch[k], st, checked[k]); });
    for (auto& c : checked) {
      out.insert(out.end(), std::make_move_iterator(c.findings.begin()), std::make_move_iterator(c.findings.end()));
      if (c.out_of_area) out_of_area.push_back(std::move(*c.out_of_area));
      if (c.centre_lon) lons.push_back(*c.centre_lon);
      if (c.feature) pl.features.push_back(std::move(*c.feature));
    }
    checked.clear();
    done += static_cast<std::int64_t>(batch.size());
    batch.clear();
    if (options.progress) options.progress("checking " + profile.name, done, total);
  };
  gdal::ReadLog log;
  gdal::ReadOptions ro;
  ro.log = &log;
  ro.wkb = true;  // GEOS builds each geometry in the worker that checks it
  layer.read(ro, [&](gdal::Feature&& f) {
    ++pl.features_read;
    if (profile.bsm) bsm.emplace_back(gdal::as_text(f.values[*profile.bsm]), f.fid);
    for (std::size_t k = 0; k < empty_index.size(); ++k) {
      const std::string v = gdal::as_text(f.values[empty_index[k]]);
      if (v.find_first_not_of(" \t\r\n") == std::string::npos) ++empty[k].second;
    }
    batch.push_back({f.fid, std::move(f.values), std::move(f.wkb)});
    if (batch.size() >= kBatch) flush();
  });
  if (!batch.empty()) flush();
  for (const auto& p : log.problems()) {
    ++pl.features_read;
    Finding f;
    f.check = "VALUE_INVALID";
    f.layer = profile.name;
    f.fid = p.where.fid;
    f.severity = rules.check(f.check).severity;
    f.message = p.reason;
    out.push_back(std::move(f));
  }
  pl.warnings = log.warnings();

  std::sort(pl.features.begin(), pl.features.end(),
            [](const PlanFeature& a, const PlanFeature& b) { return a.fid < b.fid; });
  // A layer in the wrong zone is one finding, not one per feature.
  if (!check_zone(profile, std::move(lons), out))
    out.insert(out.end(), std::make_move_iterator(out_of_area.begin()), std::make_move_iterator(out_of_area.end()));
  check_required_values(profile, empty, pl.features_read - static_cast<std::int64_t>(log.problems().size()), out);
  if (profile.def != nullptr && profile.bsm) {
    check_duplicate_bsm(
        profile, bsm,
        [&](std::int64_t fid) {
          const PlanFeature* f = pl.find(fid);
          return f != nullptr ? f->wkb : std::vector<std::uint8_t>{};
        },
        out);
  }
  return pl;
}

}  // namespace guotu::validate
