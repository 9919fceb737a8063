// `guotu validate`: quality control of a plan database before it goes to the province
// (成果质量检查). Reads every layer of PLAN, runs the checks of the rule file and returns typed
// findings; the CLI (tools/guotu_validate.cpp) prints them and writes the QA GeoPackage.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gdal/vector_source.hpp"
#include "validate/finding.hpp"
#include "validate/rules.hpp"

namespace guotu::validate {

struct ValidateOptions {
  gdal::OpenOptions open;
  /// Rule file; empty = data/validate/rules.yaml.
  std::string rules_file;
  /// Worker threads; 0 = hardware concurrency.
  unsigned jobs = 0;
  /// Report only these layers (table names or catalogue codes); empty = all.
  std::vector<std::string> layers;
  std::function<void(const std::string& stage, std::int64_t done, std::int64_t total)> progress;
};

struct StageTime {
  std::string stage;
  double seconds = 0;
};

struct ValidationReport {
  std::string source;
  RuleSet rules;
  Findings findings;               ///< sorted: check (catalogue order), layer, fid, related fid, measure
  std::vector<std::string> notes;  ///< informational: unknown layers, skipped checks
  std::vector<StageTime> timings;
  std::vector<std::string> layers_checked;
  /// Checks that did not run at all, with why (未检查): shown as such, never as 0 findings. A
  /// check that could not run where there was something to judge is also a NOT_CHECKED finding.
  std::map<std::string, std::string> not_run;

  /// Findings per check code (every code, 0 included).
  [[nodiscard]] std::map<std::string, std::size_t> counts() const;
  /// True when a finding has severity 错误 (the CLI exits 1).
  [[nodiscard]] bool has_errors() const;
};

ValidationReport validate(const std::string& plan, const ValidateOptions& options = {});

}  // namespace guotu::validate
