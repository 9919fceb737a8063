// PostgreSQL/PostGIS connection strings as users give them: "PG:host=… dbname=… active_schema=…"
// (libpq key=value, GDAL's PG driver syntax) or a "postgresql://user@host/db" URI.
#pragma once

#include <string>

namespace guotu::gdal {

/// True for a PostgreSQL/PostGIS source or target ("PG:…", "postgresql://…", "postgres://…").
bool is_postgres_target(const std::string& target);

/// `text` with every PostgreSQL password in it (password=…, postgresql://user:…@) masked.
std::string mask_passwords(const std::string& text);

/// The target as safe to print or store: a PostgreSQL password is masked; other paths unchanged.
std::string display_target(const std::string& target);

/// The value of `key` in a key=value connection string ("PG:dbname=x active_schema=y"), with
/// libpq's quoting ('a b', \'); empty when absent.
std::string connection_value(const std::string& conn, const std::string& key);

}  // namespace guotu::gdal
