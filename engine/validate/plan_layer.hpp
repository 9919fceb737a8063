// One layer of the plan as validate keeps it in memory after reading: per feature only its
// fid, envelope, 椭球面积 and geometry as WKB in the working CRS (repaired when invalid), so a
// million-patch DLTB fits and any thread can rebuild the geometries it needs. Reading streams the
// layer through the one reader (gdal::Layer::read) in batches, each checked on the one pool
// (core/parallel.hpp) and let go: the per-feature checks (geometry, codes, areas), then the
// layer-level ones (schema, CRS, zone, duplicate BSM).
//
// Neither end is an overlay::FeatureSet. Reading: FeatureSet::load would keep every feature as
// read with every field (which the reader must judge) until the load ends, and it hands null and
// empty geometries over alike. The spatial checks: they need the features shaped by validate's
// own rules (in the working CRS, repaired as GEOM_INVALID says, without wrong types or features
// outside the CRS's area), and the core cannot make a FeatureSet from features in memory.
// PlanLayer is that shaped copy; the checks index it with index::EnvelopeIndex.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/coord.hpp"
#include "gdal/vector_source.hpp"
#include "validate/finding.hpp"
#include "validate/layer_profile.hpp"

namespace guotu::validate {

struct PlanFeature {
  std::int64_t fid = -1;
  Envelope envelope;              ///< working CRS
  std::vector<std::uint8_t> wkb;  ///< working CRS, valid
  double area_m2 = 0;             ///< 椭球面积 (0 for points)
  bool repaired = false;          ///< made valid here: the delivered geometry is GEOM_INVALID
};

struct PlanLayer {
  LayerProfile profile;
  /// Features fit for the spatial checks, in fid order. Empty when the layer has no CRS.
  std::vector<PlanFeature> features;
  /// Features read, those the reader skipped (VALUE_INVALID) included.
  std::int64_t features_read = 0;
  /// The reader's warnings (text decoded from another encoding).
  std::vector<std::string> warnings;
  [[nodiscard]] const std::string& name() const noexcept { return profile.name; }
  [[nodiscard]] const PlanFeature* find(std::int64_t fid) const;
};

struct LoadOptions {
  unsigned jobs = 1;
  std::function<void(const std::string& stage, std::int64_t done, std::int64_t total)> progress;
};

/// Reads a layer, runs its per-feature and layer-level checks into `out`. A feature the reader
/// cannot use (a coordinate or number that is not finite, text in a numeric field) is a
/// VALUE_INVALID finding and takes no part in the other checks.
PlanLayer load_plan_layer(const gdal::Layer& layer, const layers::LayerDef* def, const RuleSet& rules,
                          const LoadOptions& options, Findings& out);

}  // namespace guotu::validate
