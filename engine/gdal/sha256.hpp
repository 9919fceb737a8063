// SHA-256 through GDAL's own implementation (CPL_SHA256): the one digest guotu computes, for the
// identity of a change set booked in the ledger (change/identity.hpp).
#pragma once

#include <string>
#include <string_view>

namespace guotu::gdal {

/// The SHA-256 digest of the bytes, as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace guotu::gdal
