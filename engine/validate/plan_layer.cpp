#include "validate/plan_layer.hpp"

#include <algorithm>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "validate/area_checks.hpp"
#include "validate/code_checks.hpp"
#include "validate/crs_checks.hpp"
#include "validate/geometry_checks.hpp"
#include "validate/parallel.hpp"
#include "validate/schema_checks.hpp"

namespace guotu::validate {

namespace {

// A feature as read, handed to the workers: attributes and the geometry as WKB (the reading
// thread's GEOS geometries stay in the reading thread).
struct RawFeature {
  std::int64_t fid;
  std::vector<gdal::FieldValue> values;
  std::vector<std::uint8_t> wkb;  ///< empty = null geometry
  bool empty = false;
};

struct WorkerOutput {
  Findings findings;
  Findings out_of_area;  // held back until the zone verdict
  std::vector<PlanFeature> features;
  std::vector<double> centre_lons;
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

void process_batch(const LayerProfile& profile, const std::string& working_crs, std::vector<RawFeature>& batch,
                   unsigned jobs, std::vector<WorkerOutput>& outputs) {
  ChunkQueue queue(batch.size(), 256);
  run_workers(jobs, [&](unsigned w) {
    WorkerOutput& out = outputs[w];
    LayerTransforms tf;
    std::optional<area::AreaCalculator> area;
    if (profile.crs) {
      tf.to_working.emplace(profile.crs->definition, working_crs);
      tf.to_geographic.emplace(proj::Transform::to_geographic(profile.crs->definition));
      area.emplace(profile.crs->definition);
    }
    auto& ctx = geos::Context::current();
    while (auto range = queue.next()) {
      for (std::size_t i = range->first; i < range->second; ++i) {
        RawFeature& raw = batch[i];
        const std::size_t first_new = out.findings.size();
        geos::Geometry g;
        if (!raw.wkb.empty()) g = geos::Geometry::from_wkb(raw.wkb, ctx);
        std::optional<double> measured;
        std::optional<geos::Geometry> working;
        bool repaired = false;
        if (profile.kind != gdal::GeometryKind::None) {
          const std::size_t before_geometry = out.findings.size();
          geos::Geometry usable = check_feature_geometry(profile, raw.fid, g, tf, out.findings);
          repaired = usable && out.findings.size() > before_geometry;
          if (usable && profile.crs) {
            const std::size_t before = out.findings.size();
            auto lon = check_crs_area(profile, raw.fid, usable, tf, out.findings);
            if (lon) out.centre_lons.push_back(*lon);
            const bool outside = out.findings.size() > before;
            if (outside) {
              out.out_of_area.push_back(std::move(out.findings.back()));
              out.findings.pop_back();
            }
            if (usable.is_polygonal()) measured = area->area_m2(usable);
            if (!outside) {
              try {
                working = usable.transformed([&](std::span<Coord> c) { tf.to_working->apply(c); });
              } catch (const Error&) {
                working.reset();
              }
            }
          }
        }
        if (profile.def != nullptr) {
          check_codes(profile, raw.fid, raw.values, out.findings);
          // TBMJ is not judged on a repaired geometry: its area is GEOM_INVALID's consequence.
          check_areas(profile, raw.fid, raw.values, repaired ? std::nullopt : measured, out.findings);
        }
        if (working) {
          PlanFeature pf;
          pf.fid = raw.fid;
          pf.envelope = working->envelope();
          pf.wkb = working->to_wkb();
          pf.area_m2 = measured.value_or(0.0);
          pf.repaired = repaired;
          // Attribute findings show the feature itself.
          for (std::size_t k = first_new; k < out.findings.size(); ++k)
            if (out.findings[k].geometry.empty()) out.findings[k].geometry = pf.wkb;
          out.features.push_back(std::move(pf));
        }
      }
    }
  });
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

  const unsigned jobs = std::max(1u, options.jobs);
  std::vector<WorkerOutput> outputs(jobs);
  std::vector<std::pair<std::string, std::int64_t>> bsm;
  std::vector<RawFeature> batch;
  batch.reserve(options.batch_size);
  const std::int64_t total = layer.feature_count();
  std::int64_t done = 0;
  auto flush = [&] {
    process_batch(profile, rules.working_crs, batch, jobs, outputs);
    done += static_cast<std::int64_t>(batch.size());
    batch.clear();
    if (options.progress) options.progress("checking " + profile.name, done, total);
  };
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
  gdal::ReadLog log;
  gdal::ReadOptions ro;
  ro.log = &log;
  layer.read(ro, [&](gdal::Feature&& f) {
    ++pl.features_read;
    RawFeature raw;
    raw.fid = f.fid;
    if (f.geometry) raw.wkb = f.geometry.to_wkb();
    if (profile.bsm && *profile.bsm < f.values.size()) bsm.emplace_back(gdal::as_text(f.values[*profile.bsm]), f.fid);
    for (std::size_t k = 0; k < empty_index.size(); ++k) {
      const std::string v = gdal::as_text(f.values[empty_index[k]]);
      if (v.find_first_not_of(" \t\r\n") == std::string::npos) ++empty[k].second;
    }
    raw.values = std::move(f.values);
    batch.push_back(std::move(raw));
    if (batch.size() >= options.batch_size) flush();
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

  std::vector<double> lons;
  Findings out_of_area;
  for (auto& o : outputs) {
    out.insert(out.end(), std::make_move_iterator(o.findings.begin()), std::make_move_iterator(o.findings.end()));
    out_of_area.insert(out_of_area.end(), std::make_move_iterator(o.out_of_area.begin()),
                       std::make_move_iterator(o.out_of_area.end()));
    pl.features.insert(pl.features.end(), std::make_move_iterator(o.features.begin()),
                       std::make_move_iterator(o.features.end()));
    lons.insert(lons.end(), o.centre_lons.begin(), o.centre_lons.end());
  }
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
