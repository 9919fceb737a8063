// `guotu validate --fix OUT.gpkg`: a repaired copy of the plan. Every layer is copied; invalid
// geometries are made valid (GEOS make-valid, structure method, polygonal part kept for
// polygon layers); DLTB patches below the sliver area are merged into the neighbour with the
// longest shared edge (its TBMJ/KCMJ/TBDLMJ recomputed). The input is only read; the output
// is written atomically.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gdal/output_writer.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::validate {

struct FixOptions {
  gdal::OpenOptions open;
  gdal::WriterOptions writer;
  double sliver_max_area_m2 = 10.0;
  /// Catalogue codes of the layers whose slivers are merged.
  std::vector<std::string> sliver_layers{"DLTB", "DLTB_LATER"};
};

struct FixChange {
  std::string layer;
  std::int64_t fid;    ///< fid in the input
  std::string action;  ///< "make_valid", "merged", "dropped", "kept_sliver"
  std::string detail;
};

struct FixReport {
  std::string output;
  std::vector<FixChange> changes;
  std::size_t layers_copied = 0;
  std::size_t features_written = 0;
};

FixReport write_fixed_copy(const std::string& plan, const std::string& out, const FixOptions& options);

}  // namespace guotu::validate
