#include "validate/fix.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "area/ellipsoidal_area.hpp"
#include "core/error.hpp"
#include "core/output_guard.hpp"
#include "index/envelope_index.hpp"
#include "layers/catalogue.hpp"

namespace guotu::validate {

namespace {

bool polygon_kind(gdal::GeometryKind k) {
  return k == gdal::GeometryKind::Polygon || k == gdal::GeometryKind::MultiPolygon;
}

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

// Merges patches below the sliver area into the neighbour sharing the longest edge.
void merge_slivers(const gdal::Layer& layer, std::vector<gdal::Feature>& features, std::vector<bool>& alive,
                   const FixOptions& options, const gdal::Crs& crs, std::vector<FixChange>& changes) {
  const area::AreaCalculator area(crs.definition);
  std::vector<double> areas(features.size(), 0.0);
  std::vector<std::pair<Envelope, std::size_t>> envs;
  std::vector<std::size_t> slivers;
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (!alive[i] || !features[i].geometry || features[i].geometry.is_empty()) continue;
    areas[i] = area.area_m2(features[i].geometry);
    envs.emplace_back(features[i].geometry.envelope(), i);
    if (areas[i] < options.sliver_max_area_m2) slivers.push_back(i);
  }
  if (slivers.empty()) return;
  const index::EnvelopeIndex idx(envs);
  std::sort(slivers.begin(), slivers.end(), [&](std::size_t a, std::size_t b) { return areas[a] < areas[b]; });
  // Shared edges are measured with a hair of tolerance so T-junction neighbours count too.
  const double eps = crs.geographic ? 1e-8 : 1e-3;
  auto tbmj = layer.field_index("TBMJ"), kcmj = layer.field_index("KCMJ"), kcxs = layer.field_index("KCXS"),
       tbdlmj = layer.field_index("TBDLMJ");
  for (std::size_t s : slivers) {
    if (!alive[s]) continue;
    const geos::Geometry& sg = features[s].geometry;
    const geos::Geometry edge = sg.boundary();
    std::size_t best = s;
    double best_len = 0;
    for (std::size_t c : idx.query(sg.envelope())) {
      if (c == s || !alive[c] || !features[c].geometry) continue;
      const double len = edge.intersection(features[c].geometry.buffer(eps, 2)).length();
      if (len > best_len) {
        best_len = len;
        best = c;
      }
    }
    if (best == s) {
      changes.push_back({layer.name(), features[s].fid, "kept_sliver",
                         fmt::format("{:.2f} m² but no neighbour shares an edge", areas[s])});
      continue;
    }
    geos::Geometry merged = features[best].geometry.union_with(sg).polygonal_part();
    features[best].geometry = std::move(merged);
    alive[s] = false;
    areas[best] = area.area_m2(features[best].geometry);
    auto& v = features[best].values;
    if (tbmj && *tbmj < v.size()) {
      v[*tbmj] = round2(areas[best]);
      const double xs = kcxs && *kcxs < v.size() ? gdal::as_number(v[*kcxs]).value_or(0.0) : 0.0;
      const double k = round2(areas[best] * xs);
      if (kcmj && *kcmj < v.size()) v[*kcmj] = k;
      if (tbdlmj && *tbdlmj < v.size()) v[*tbdlmj] = round2(round2(areas[best]) - k);
    }
    changes.push_back({layer.name(), features[s].fid, "merged",
                       fmt::format("sliver of {:.2f} m² merged into fid {} (shared edge {:.2f}{})", areas[s],
                                   features[best].fid, best_len, crs.geographic ? "°" : " m")});
  }
}

}  // namespace

FixReport write_fixed_copy(const std::string& plan, const std::string& out, const FixOptions& options) {
  // The input is never modified: an output that resolves to it is refused.
  OutputGuard().input(plan, "PLAN").output(out, "--fix").check(options.writer.overwrite);
  gdal::VectorSource src = gdal::VectorSource::open(plan, options.open);
  const layers::Catalogue& catalogue = layers::Catalogue::embedded();
  FixReport report;
  report.output = out;
  gdal::WriterOptions wo = options.writer;
  wo.metadata["repaired_from"] = plan;
  gdal::OutputWriter w(out, wo);
  for (std::size_t li = 0; li < src.layer_count(); ++li) {
    const gdal::Layer& layer = src.layer(li);
    if (layer.name() == "layer_styles") continue;  // the writer writes its own
    const layers::LayerDef* def = catalogue.find(layer.name());
    gdal::LayerSpec spec;
    spec.name = layer.name();
    spec.title = def != nullptr ? def->name_zh : layer.name();
    spec.description = "repaired copy (guotu validate --fix) of " + plan;
    spec.geometry = layer.geometry_kind();
    const auto crs = layer.crs();
    if (spec.geometry != gdal::GeometryKind::None) {
      if (!crs) throw_bad_input("the layer has no CRS; say it with --assume-crs", {plan, layer.name(), {}, {}});
      spec.crs = crs->definition;
    }
    spec.fields = layer.fields();
    if (def != nullptr) spec.style_qml = def->style_qml();
    const auto id = w.create_layer(spec);

    std::vector<gdal::Feature> features = layer.read_all();
    std::vector<bool> alive(features.size(), true);
    for (auto& f : features) {
      if (!f.geometry || f.geometry.is_empty()) continue;
      if (auto why = f.geometry.invalid_reason()) {
        geos::Geometry fixed = f.geometry.make_valid();
        if (polygon_kind(spec.geometry)) fixed = fixed.polygonal_part();
        report.changes.push_back({layer.name(), f.fid, "make_valid", why->reason});
        f.geometry = std::move(fixed);
      }
    }
    if (def != nullptr && crs && polygon_kind(spec.geometry) &&
        std::find(options.sliver_layers.begin(), options.sliver_layers.end(), def->code) !=
            options.sliver_layers.end() &&
        options.sliver_max_area_m2 > 0) {
      merge_slivers(layer, features, alive, options, *crs, report.changes);
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
      if (!alive[i]) continue;
      w.add(id, features[i].values, features[i].geometry ? &features[i].geometry : nullptr);
      ++report.features_written;
    }
    ++report.layers_copied;
  }
  w.commit();
  return report;
}

}  // namespace guotu::validate
