#include "validate/line_checks.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "index/envelope_index.hpp"
#include "overlay/overlay.hpp"
#include "validate/slivers.hpp"

namespace guotu::validate {

void find_line_overlaps(const std::vector<const PlanLayer*>& lines, double tolerance_m2, const std::string& working_crs,
                        Severity severity, unsigned jobs, Findings& out) {
  for (std::size_t a = 0; a < lines.size(); ++a) {
    for (std::size_t b = a + 1; b < lines.size(); ++b) {
      const PlanLayer& A = *lines[a];
      const PlanLayer& B = *lines[b];
      std::vector<std::pair<Envelope, std::size_t>> envs;
      for (std::size_t j = 0; j < B.features.size(); ++j) envs.emplace_back(B.features[j].envelope, j);
      const index::EnvelopeIndex idx(envs);
      // Any overlap above the tolerance counts, however thin: the rule is 不交叉不重叠.
      const SliverRule rule{tolerance_m2, 0};
      std::vector<Findings> found(A.features.size());
      overlay::for_each(
          A.features.size(), jobs, area::AreaMode::Ellipsoidal, working_crs, [&](std::size_t i, overlay::Worker& w) {
            std::vector<std::size_t> near;
            idx.query(A.features[i].envelope, near);
            if (near.empty()) return;
            auto& ctx = geos::Context::current();
            const geos::Geometry ga = geos::Geometry::from_wkb(A.features[i].wkb, ctx);
            for (std::size_t j : near) {
              const geos::Geometry gb = geos::Geometry::from_wkb(B.features[j].wkb, ctx);
              if (!ga.relate_pattern(gb, "2********")) continue;
              geos::Geometry inter;
              try {
                inter = ga.intersection(gb);
              } catch (const Error&) {
                inter = ga.snapped_to_grid(0.001).intersection(gb.snapped_to_grid(0.001));
              }
              // Judged as a whole: the tolerance is on the pair's total overlap.
              const geos::Geometry poly = inter.polygonal_part();
              if (poly.is_empty()) continue;
              const double total = w.area_m2(poly);
              if (total <= rule.min_area_m2) continue;
              Finding f;
              f.check = "LINES_OVERLAP";
              f.layer = A.name();
              f.fid = A.features[i].fid;
              f.related_layer = B.name();
              f.related_fid = B.features[j].fid;
              f.severity = severity;
              f.measure = total;
              f.unit = "m2";
              f.location = poly.interior_point();
              f.geometry = poly.to_wkb();
              f.message = fmt::format("{} fid {} overlaps {} fid {} by {:.2f} m² (tolerance {} m²)", A.name(),
                                      A.features[i].fid, B.name(), B.features[j].fid, total, tolerance_m2);
              found[i].push_back(std::move(f));
            }
          });
      for (auto& fs : found)
        out.insert(out.end(), std::make_move_iterator(fs.begin()), std::make_move_iterator(fs.end()));
    }
  }
}

}  // namespace guotu::validate
