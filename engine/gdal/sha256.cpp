#include "gdal/sha256.hpp"

#include <cpl_port.h>

#include <cstddef>

// cpl_sha256.h is not among the headers Debian's libgdal-dev installs, though libgdal exports its
// functions (C linkage, CPL_DLL); this is its declaration of CPL_SHA256, as in GDAL's port/.
CPL_C_START
void CPL_DLL CPL_SHA256(const void* data, size_t len, GByte hash[32]);
CPL_C_END

namespace guotu::gdal {

std::string sha256_hex(std::string_view bytes) {
  GByte hash[32];
  CPL_SHA256(bytes.data(), bytes.size(), hash);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const GByte b : hash) {
    out += kHex[b >> 4];
    out += kHex[b & 0x0f];
  }
  return out;
}

}  // namespace guotu::gdal
