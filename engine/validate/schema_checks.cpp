#include "validate/schema_checks.hpp"

#include <unordered_map>

#include <fmt/format.h>

namespace guotu::validate {

namespace {

// Types that hold the same values: integer widths, and date vs date-time.
int type_family(gdal::FieldType t) {
  switch (t) {
    case gdal::FieldType::Integer:
    case gdal::FieldType::Integer64: return 1;
    case gdal::FieldType::Date:
    case gdal::FieldType::DateTime: return 2;
    default: return 10 + static_cast<int>(t);
  }
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

}  // namespace

void check_schema(const LayerProfile& layer, const std::vector<gdal::FieldDef>& fields, Findings& out) {
  if (layer.def == nullptr) return;
  for (const auto& spec : layer.def->fields) {
    const gdal::FieldDef* have = nullptr;
    for (const auto& f : fields)
      if (iequals(f.name, spec.name)) have = &f;
    if (have == nullptr) {
      Finding f;
      f.check = "SCHEMA_FIELD_MISSING";
      f.layer = layer.name;
      f.severity = spec.required ? layer.rules->check(f.check).severity : Severity::Warning;
      f.message =
          fmt::format("{} field {} ({}) is missing", spec.required ? "required" : "optional", spec.name, spec.alias);
      out.push_back(std::move(f));
    } else if (type_family(have->type) != type_family(spec.type)) {
      Finding f;
      f.check = "SCHEMA_FIELD_TYPE";
      f.layer = layer.name;
      f.severity = layer.rules->check(f.check).severity;
      f.message = fmt::format("field {} ({}) is {}, the catalogue says {}{}", spec.name, spec.alias,
                              gdal::to_string(have->type), gdal::to_string(spec.type),
                              spec.type == gdal::FieldType::String &&
                                      (have->type == gdal::FieldType::Integer ||
                                       have->type == gdal::FieldType::Integer64 || have->type == gdal::FieldType::Real)
                                  ? " (codes stored as numbers lose their leading zeros)"
                                  : "");
      out.push_back(std::move(f));
    }
  }
}

void check_required_values(const LayerProfile& layer, const std::vector<std::pair<std::string, std::int64_t>>& empty,
                           std::int64_t features, Findings& out) {
  if (features <= 0) return;
  for (const auto& [name, count] : empty) {
    if (count != features) continue;
    const layers::FieldSpec* spec = layer.def != nullptr ? layer.def->field(name) : nullptr;
    Finding f;
    f.check = "SCHEMA_FIELD_EMPTY";
    f.layer = layer.name;
    f.severity = layer.rules->check(f.check).severity;
    f.message =
        fmt::format("required field {}{} is empty in all {} features", name,
                    spec != nullptr && !spec->alias.empty() ? " (" + spec->alias + ")" : std::string(), features);
    out.push_back(std::move(f));
  }
}

void check_duplicate_bsm(const LayerProfile& layer, const std::vector<std::pair<std::string, std::int64_t>>& bsm,
                         const std::function<std::vector<std::uint8_t>(std::int64_t)>& geometry_of, Findings& out) {
  std::unordered_map<std::string, std::int64_t> first;
  first.reserve(bsm.size());
  for (const auto& [value, fid] : bsm) {
    if (value.empty()) continue;  // an empty BSM is a missing value, not a duplicate
    auto [it, inserted] = first.emplace(value, fid);
    if (inserted) continue;
    Finding f;
    f.check = "BSM_DUPLICATE";
    f.layer = layer.name;
    f.fid = fid;
    f.related_fid = it->second;
    f.severity = layer.rules->check(f.check).severity;
    f.message = fmt::format("BSM {} is also used by fid {}", value, it->second);
    f.geometry = geometry_of(fid);
    out.push_back(std::move(f));
  }
}

}  // namespace guotu::validate
