// Small text helpers shared by every layer.
#pragma once

#include <string>
#include <string_view>

namespace guotu {

/// The text without leading and trailing blanks (space, tab, CR, LF): codes and names as read
/// from attribute tables, where a contractor's trailing space must not make a code unknown.
[[nodiscard]] inline std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace guotu
