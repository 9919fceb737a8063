#include "layers/admin_units.hpp"

#include <mutex>

#include "core/city.hpp"
#include "core/error.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::layers {

AdminUnits AdminUnits::load(const std::filesystem::path& csv) {
  gdal::VectorSource src = gdal::VectorSource::open(csv.string());
  if (src.layer_count() != 1) throw_bad_input("expected one table", {csv.string(), {}, {}, {}});
  const gdal::Layer& layer = src.layer(0);
  const auto ci = layer.field_index("code"), ni = layer.field_index("name"), li = layer.field_index("level"),
             pi = layer.field_index("parent_code");
  if (!ci || !ni || !li) throw_bad_input("needs columns code,name,level,parent_code", {csv.string(), {}, {}, {}});
  AdminUnits out;
  out.source_ = csv.string();
  long line = 1;
  layer.read({}, [&](gdal::Feature&& f) {
    ++line;
    AdminUnit u{gdal::as_text(f.values[*ci]), gdal::as_text(f.values[*ni]), gdal::as_text(f.values[*li]),
                pi ? gdal::as_text(f.values[*pi]) : std::string()};
    if (u.code.empty() || u.level.empty())
      throw_bad_input("a unit needs a code and a level", {csv.string(), {}, {}, line});
    if (!out.index_.emplace(u.code, out.units_.size()).second)
      throw_bad_input("code " + u.code + " listed twice", {csv.string(), {}, {}, line});
    out.units_.push_back(std::move(u));
  });
  return out;
}

const AdminUnits& AdminUnits::embedded() {
  static std::once_flag once;
  static AdminUnits units;
  std::call_once(once, [] { units = load(city::current().admin_units); });
  return units;
}

const AdminUnit* AdminUnits::find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &units_[it->second];
}

std::vector<const AdminUnit*> AdminUnits::at_level(const std::string& level) const {
  std::vector<const AdminUnit*> out;
  for (const auto& u : units_)
    if (u.level == level) out.push_back(&u);
  return out;
}

}  // namespace guotu::layers
