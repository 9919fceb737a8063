#include "validate/code_checks.hpp"

#include <fmt/format.h>

namespace guotu::validate {

namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

void check_codes(const LayerProfile& layer, std::int64_t fid, const std::vector<gdal::FieldValue>& values,
                 Findings& out) {
  for (const CodeField& cf : layer.code_fields) {
    if (cf.index >= values.size()) continue;
    const std::string raw = gdal::as_text(values[cf.index]);
    const std::string value = trimmed(raw);
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
