// The features a run's reads skipped, as every command's --json lists them
// (`skipped_features[]`: file, layer, fid, reason).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "gdal/vector_source.hpp"

namespace guotu::gdal {

[[nodiscard]] inline nlohmann::json skipped_features_json(const std::vector<ReadProblem>& problems) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& p : problems)
    a.push_back(
        {{"file", p.where.file}, {"layer", p.where.layer}, {"fid", p.where.fid.value_or(-1)}, {"reason", p.reason}});
  return a;
}

}  // namespace guotu::gdal
