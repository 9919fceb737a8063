#include "gdal/scoped_config.hpp"

#include <cpl_conv.h>

namespace guotu::gdal {

ScopedConfig::ScopedConfig(const char* key, const char* value) : key_(key) {
  if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old, had_ = true;
  CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfig::~ScopedConfig() {
  CPLSetThreadLocalConfigOption(key_, had_ ? old_.c_str() : nullptr);
}

}  // namespace guotu::gdal
