// A value bound to or read from an SQL statement, the same for every database adapter
// (engine/sqlite, engine/pg): NULL, integer, double, text (UTF-8) or bytes.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace guotu {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, std::vector<std::uint8_t>>;

}  // namespace guotu
