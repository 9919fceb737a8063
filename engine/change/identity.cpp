#include "change/identity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/numeric.hpp"
#include "gdal/sha256.hpp"

namespace guotu::change {

namespace {

// A value as one field of a line: nothing inside it can pass for a separator.
std::string field(const std::string& v) {
  std::string out;
  out.reserve(v.size());
  for (const char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

// m² to 0.01 m², written exactly from the whole number of hundredths (no -0.00, no float text).
std::string area(double m2) {
  const auto cents = round_to<std::int64_t>(m2 * 100.0);
  if (!cents) throw_internal(fmt::format("a change's area {} m² cannot be written to 0.01 m²", m2));
  const std::int64_t c = *cents;
  return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", std::llabs(c) / 100, std::llabs(c) % 100);
}

}  // namespace

std::string canonical_text(const std::vector<Change>& changes, const std::string& before_layer,
                           const std::string& after_layer) {
  std::vector<std::string> lines;
  lines.reserve(changes.size());
  for (const Change& c : changes)
    lines.push_back(fmt::format("{}\t{}\t{}\t{}\t{}\n", field(c.before_bsm), field(c.after_bsm), field(c.before_code),
                                field(c.after_code), area(c.area_m2)));
  std::sort(lines.begin(), lines.end());
  std::string text = "guotu change set v1\n" + field(before_layer) + "\t" + field(after_layer) + "\n";
  for (const auto& l : lines) text += l;
  return text;
}

std::string change_set_identity(const std::vector<Change>& changes, const std::string& before_layer,
                                const std::string& after_layer) {
  return gdal::sha256_hex(canonical_text(changes, before_layer, after_layer));
}

}  // namespace guotu::change
