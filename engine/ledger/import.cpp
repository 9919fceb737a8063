#include "ledger/import.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "core/csv_shape.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/units.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::ledger {

namespace {

// Reads the columns of one table's rows (all text columns welcome).
struct Rows {
  const gdal::Layer* layer;
  [[nodiscard]] std::string get(const gdal::Feature& f, const char* name) const {
    auto i = layer->field_index(name);
    return i ? gdal::as_text(f.values[*i]) : std::string();
  }
  [[nodiscard]] double num(const gdal::Feature& f, const char* name) const {
    auto i = layer->field_index(name);
    if (!i || gdal::is_null(f.values[*i]) || gdal::as_text(f.values[*i]).empty()) return 0;
    const auto v = gdal::as_number(f.values[*i]);
    if (!v) throw_bad_input(fmt::format("column {}: '{}' is not a number", name, gdal::as_text(f.values[*i])));
    return *v;
  }
  [[nodiscard]] int whole(const gdal::Feature& f, const char* name) const {
    const double v = num(f, name);
    const auto n = exact_integer<int>(v);
    if (!n) throw_bad_input(fmt::format("column {}: {} is not a whole number", name, get(f, name)));
    return *n;
  }
  // An area given in m² or in 亩 (one of the two columns, not both).
  [[nodiscard]] double area(const gdal::Feature& f, const char* m2, const char* mu) const {
    if (has(m2) && has(mu)) throw_bad_input(fmt::format("give {} or {}, not both columns", m2, mu));
    return has(m2) ? num(f, m2) : num(f, mu) * units::kM2PerMu;
  }
  [[nodiscard]] bool has(const char* name) const { return layer->field_index(name).has_value(); }
};

// A CSV table must have whole rows (GDAL drops extra fields and blanks missing ones silently).
void require_whole_rows(const std::string& src, std::string_view kind) {
  namespace fs = std::filesystem;
  fs::path csv;
  if (fs::is_directory(src))
    csv = fs::path(src) / (std::string(kind) + ".csv");
  else if (fs::path(src).extension() == ".csv" || fs::path(src).extension() == ".CSV")
    csv = src;
  if (!csv.empty() && fs::is_regular_file(csv)) require_rectangular_csv(csv);
}

void book(FarmlandLedger& l, std::string_view kind, const Rows& r, const gdal::Feature& f) {
  if (kind == "supplements") {
    Supplement s{r.get(f, "id"),
                 r.get(f, "county"),
                 r.get(f, "name"),
                 r.get(f, "source"),
                 r.area(f, "area_m2", "area_mu"),
                 r.area(f, "paddy_m2", "paddy_mu"),
                 r.whole(f, "grade"),
                 std::nullopt,
                 r.get(f, "accepted_on"),
                 {}};
    if (r.has("capacity") && !r.get(f, "capacity").empty()) s.capacity = r.num(f, "capacity");
    if (f.geometry) s.polygon_wkb = f.geometry.to_wkb();
    l.add_supplement(s);
  } else if (kind == "occupations") {
    Occupation o{r.get(f, "id"),
                 r.get(f, "project"),
                 r.get(f, "county"),
                 r.get(f, "date"),
                 r.get(f, "approval_ref"),
                 r.area(f, "area_m2", "area_mu"),
                 r.area(f, "paddy_m2", "paddy_mu"),
                 r.num(f, "capacity"),
                 {},
                 kCapacityGiven};
    if (!r.get(f, "from_supplement").empty()) o.from_supplements.push_back(r.get(f, "from_supplement"));
    l.add_occupation(o);
  } else if (kind == "transfers") {
    l.transfer({r.get(f, "id"), r.get(f, "date"), r.get(f, "from_county"), r.get(f, "to_county"), r.get(f, "reference"),
                r.area(f, "area_m2", "area_mu"), r.get(f, "supplement")});
  } else if (kind == "rectifications") {
    l.add_rectification({r.get(f, "id"), r.get(f, "outflow"), r.get(f, "kind"), r.get(f, "date"), r.get(f, "reference"),
                         r.get(f, "note"), r.area(f, "area_m2", "area_mu")});
  } else {
    l.add_inout({r.get(f, "id"), r.get(f, "county"), r.get(f, "date"), r.get(f, "note"), r.whole(f, "year"),
                 r.get(f, "direction"), r.area(f, "area_m2", "area_mu"), r.whole(f, "grade"), r.get(f, "exemption")});
  }
}

}  // namespace

std::map<std::string, int> import_tables(FarmlandLedger& ledger, const std::string& src_path) {
  gdal::VectorSource src = gdal::VectorSource::open(src_path);
  std::map<std::string, int> counts;
  // Supplements first, then the dated entries in date order.
  ledger.batch([&] {
    for (std::string_view kind : {"supplements", "transfers", "occupations", "inout", "rectifications"}) {
      const gdal::Layer* layer = src.find_layer(std::string(kind));
      if (layer == nullptr && src.layer_count() == 1 && std::filesystem::path(src_path).stem() == kind)
        layer = &src.layer(0);
      if (layer == nullptr) continue;
      require_whole_rows(src_path, kind);
      const Rows r{layer};
      auto features = layer->read_all({layer->geometry_kind() == gdal::GeometryKind::None ? "" : ledger_crs(), ""});
      const char* key = kind == "supplements" ? "accepted_on" : "date";
      std::stable_sort(features.begin(), features.end(),
                       [&](const gdal::Feature& x, const gdal::Feature& y) { return r.get(x, key) < r.get(y, key); });
      for (const auto& f : features) {
        try {
          book(ledger, kind, r, f);
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::Internal) throw;
          throw_bad_input(std::string(e.what()) + " (nothing was imported)", {src_path, layer->name(), f.fid, {}});
        }
        ++counts[std::string(kind)];
      }
    }
  });
  return counts;
}

}  // namespace guotu::ledger
