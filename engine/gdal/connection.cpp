#include "gdal/connection.hpp"

#include <regex>

#include "core/conninfo.hpp"
#include "core/output_guard.hpp"

namespace guotu::gdal {

bool is_postgres_target(const std::string& target) {
  return guotu::is_postgres_target(target);
}

std::string mask_passwords(const std::string& text) {
  // key=value form: password=… or password='…'; URI form: scheme://user:password@host
  static const std::regex kv(R"((password\s*=\s*)('([^'\\]|\\.)*'|[^\s'"]+))", std::regex::icase);
  static const std::regex uri(R"((postgres(ql)?://[^:/@\s]+:)[^@\s]*@)", std::regex::icase);
  return std::regex_replace(std::regex_replace(text, kv, "$1***"), uri, "$1***@");
}

std::string display_target(const std::string& target) {
  return is_postgres_target(target) ? mask_passwords(target) : target;
}

std::string connection_value(const std::string& conn, const std::string& key) {
  for (const auto& [k, v] :
       conninfo_pairs(conn.rfind("PG:", 0) == 0 ? std::string_view(conn).substr(3) : std::string_view(conn)))
    if (k == key) return v;
  return {};
}

}  // namespace guotu::gdal
