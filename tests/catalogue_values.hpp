// Attribute values for a layer of the catalogue, by field name: how the tests that write small
// plans and project layers (test_check_cli, test_outputs_cli) fill their features.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "gdal/types.hpp"
#include "layers/catalogue.hpp"

namespace guotu::test {

/// Values for a catalogue layer's fields, by name (a field not named is null).
inline std::vector<gdal::FieldValue> values(const layers::LayerDef& def,
                                            const std::map<std::string, gdal::FieldValue>& v) {
  std::vector<gdal::FieldValue> out;
  for (const auto& f : def.fields) {
    auto it = v.find(f.name);
    out.push_back(it == v.end() ? gdal::FieldValue{} : it->second);
  }
  return out;
}

}  // namespace guotu::test
