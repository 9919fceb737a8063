// UTF-8 validity: text from data files is checked before it reaches JSON, GeoPackages or a
// terminal (nlohmann::json throws on invalid UTF-8).
#pragma once

#include <string>
#include <string_view>

namespace guotu::utf8 {

/// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
[[nodiscard]] bool is_valid(std::string_view s) noexcept;

/// `s` with every ill-formed sequence replaced by U+FFFD (one per maximal invalid subpart).
[[nodiscard]] std::string repaired(std::string_view s);

}  // namespace guotu::utf8
