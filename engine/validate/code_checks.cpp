#include "validate/code_checks.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace guotu::validate {

void check_codes(const LayerProfile& layer, std::int64_t fid, const std::vector<gdal::FieldValue>& values,
                 Findings& out) {
  for (const CodeField& cf : layer.code_fields) {
    if (cf.index >= values.size()) continue;
    const std::string raw = gdal::as_text(values[cf.index]);
    const std::string value = trim(raw);
    if (value.empty() && !cf.required) continue;
    const layers::CodeProblem p = cf.list->check(value);
    if (p == layers::CodeProblem::None) continue;
    Finding f;
    f.layer = layer.name;
    f.fid = fid;
    if (p == layers::CodeProblem::LostLeadingZero) {
      f.check = "CODE_LOST_ZERO";
      f.message = fmt::format("{} = '{}' lost its leading zero: '0{}' ({})", cf.name, value, value,
                              cf.list->name_of("0" + value));
    } else {
      f.check = "CODE_UNKNOWN";
      const char* why = p == layers::CodeProblem::Empty              ? "is empty"
                        : p == layers::CodeProblem::SuffixNotAllowed ? "has a suffix the code list does not allow"
                        : p == layers::CodeProblem::GroupNotLeaf     ? "is a group, not a value a feature may carry"
                                                                     : "is not in the code list";
      f.message = fmt::format("{} = '{}' {}", cf.name, raw, why);
    }
    f.severity = layer.rules->check(f.check).severity;
    out.push_back(std::move(f));
  }
}

}  // namespace guotu::validate
