#include "core/conninfo.hpp"

#include <cctype>

namespace guotu {

namespace {
bool space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
}  // namespace

std::vector<std::pair<std::string, std::string>> conninfo_pairs(std::string_view s, std::string* rest) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    if (i >= s.size()) break;
    const std::size_t eq = s.find('=', i);
    if (eq == std::string_view::npos) {
      if (rest != nullptr) *rest = std::string(s.substr(i));
      break;
    }
    std::string key(s.substr(i, eq - i));
    while (!key.empty() && space(key.back())) key.pop_back();
    i = eq + 1;
    while (i < s.size() && space(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '\'') {
      for (++i; i < s.size() && s[i] != '\''; ++i) value += s[i] == '\\' && i + 1 < s.size() ? s[++i] : s[i];
      ++i;
    } else {
      while (i < s.size() && !space(s[i])) value += s[i++];
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::string conninfo_quote(std::string_view v) {
  std::string q = "'";
  for (char ch : v) {
    if (ch == '\'' || ch == '\\') q += '\\';
    q += ch;
  }
  return q + "'";
}

}  // namespace guotu
