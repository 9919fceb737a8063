#include "gdal/connection.hpp"

#include <cctype>
#include <regex>

namespace guotu::gdal {

bool is_postgres_target(const std::string& target) {
  return target.rfind("PG:", 0) == 0 || target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

std::string mask_passwords(const std::string& text) {
  // key=value form: password=… or password='…'; URI form: scheme://user:password@host
  static const std::regex kv(R"((password\s*=\s*)('([^'\\]|\\.)*'|[^\s'"]+))", std::regex::icase);
  static const std::regex uri(R"((postgres(ql)?://[^:/@\s]+:)[^@\s]*@)", std::regex::icase);
  return std::regex_replace(std::regex_replace(text, kv, "$1***"), uri, "$1***@");
}

std::string display_target(const std::string& target) { return is_postgres_target(target) ? mask_passwords(target) : target; }


std::string connection_value(const std::string& conn, const std::string& key) {
  std::string s = conn.rfind("PG:", 0) == 0 ? conn.substr(3) : conn;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t eq = s.find('=', i);
    if (eq == std::string::npos) break;
    std::string k = s.substr(i, eq - i);
    while (!k.empty() && std::isspace(static_cast<unsigned char>(k.back()))) k.pop_back();
    i = eq + 1;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::string v;
    if (i < s.size() && s[i] == '\'') {
      for (++i; i < s.size() && s[i] != '\''; ++i) v += s[i] == '\\' && i + 1 < s.size() ? s[++i] : s[i];
      ++i;
    } else {
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) v += s[i++];
    }
    if (k == key) return v;
  }
  return {};
}


}  // namespace guotu::gdal
