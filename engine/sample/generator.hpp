// `guotu sample`: a deterministic synthetic city inside real county boundaries, calibrated to
// the city's published figures, at any scale. Every layer says it is synthetic.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace guotu::sample {

struct SampleOptions {
  std::string out;                  ///< GeoPackage to write
  std::filesystem::path city_file;  ///< default: the city profile's sample description
  std::size_t patches = 20000;      ///< approximate number of DLTB patches
  std::uint64_t seed = 1;
  bool defects = false;  ///< inject the known list of defects
  bool overwrite = false;
  unsigned jobs = 0;  ///< worker threads (0 = all cores)
  std::map<std::string, std::string> metadata;
  std::function<void(const std::string& stage)> progress;
};

struct SampleSummary {
  std::map<std::string, std::size_t> feature_counts;  ///< layer → features
  double land_area_m2 = 0;                            ///< 椭球面积 of all DLTB patches
  std::map<std::string, double> class_area_m2;        ///< land class → 椭球面积 (TBMJ)
  double cultivated_net_m2 = 0;                       ///< Σ TBDLMJ of 耕地
  double natural_parks_m2 = 0;
  std::size_t defects = 0;
  std::size_t changes = 0;
  std::size_t planted_violations = 0;
  std::vector<std::string> notes;  ///< what was repaired or adjusted (make-valid of boundaries …)
};

SampleSummary generate_sample(const SampleOptions& options);

}  // namespace guotu::sample
