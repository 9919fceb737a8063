// libpq's keyword/value connection strings ("host=10.1.2.3 dbname='gtkj 2024'"), as GDAL's
// "PG:" sources and guotu's ledger targets spell them: split into pairs, and quoted back.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guotu {

/// The key=value pairs of a connection string, in order, values unquoted (quoted values may
/// hold spaces, and a backslash escapes the next character). Text that is not key=value
/// ends the list; `rest` (when given) receives it.
std::vector<std::pair<std::string, std::string>> conninfo_pairs(std::string_view text, std::string* rest = nullptr);

/// A value quoted for a connection string: 'value', with \ and ' escaped.
std::string conninfo_quote(std::string_view value);

}  // namespace guotu
