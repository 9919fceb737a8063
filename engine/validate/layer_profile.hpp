// What the per-feature checks need to know about a layer, resolved once before its features
// are read: the catalogue definition, the CRS and its facts, and where the checked fields are.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gdal/types.hpp"
#include "layers/catalogue.hpp"
#include "layers/code_list.hpp"
#include "proj/crs.hpp"
#include "validate/rules.hpp"

namespace guotu::validate {

/// A coded field (DLBM, KCDLBM, YDYHFLDM) and the code list its values must be in.
struct CodeField {
  std::size_t index;
  std::string name;
  const layers::CodeList* list;
  bool required;
};

struct LayerProfile {
  std::string name;                       ///< table name in the source
  const layers::LayerDef* def = nullptr;  ///< nullptr: not in the catalogue (only generic checks)
  gdal::GeometryKind kind = gdal::GeometryKind::Unknown;
  std::optional<gdal::Crs> crs;  ///< nullopt: CRS_MISSING, no spatial checks
  proj::CrsFacts facts;
  const RuleSet* rules = nullptr;
  std::vector<CodeField> code_fields;
  std::optional<std::size_t> bsm, tbmj, kcmj, tbdlmj;

  [[nodiscard]] bool expects_polygons() const {
    return def != nullptr &&
           (def->geometry == gdal::GeometryKind::Polygon || def->geometry == gdal::GeometryKind::MultiPolygon);
  }
  [[nodiscard]] bool expects_points() const {
    return def != nullptr &&
           (def->geometry == gdal::GeometryKind::Point || def->geometry == gdal::GeometryKind::MultiPoint);
  }
};

}  // namespace guotu::validate
