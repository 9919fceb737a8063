// A GDAL configuration option set for the current thread while this object lives (the old value,
// or none, comes back when it goes). For options a driver reads only as configuration (the XLSX
// driver's header and field-type choices, the SQLite journal while writing a GeoPackage).
#pragma once

#include <string>

namespace guotu::gdal {

class ScopedConfig {
 public:
  ScopedConfig(const char* key, const char* value);
  ~ScopedConfig();
  ScopedConfig(const ScopedConfig&) = delete;
  ScopedConfig& operator=(const ScopedConfig&) = delete;
  ScopedConfig(ScopedConfig&&) = delete;
  ScopedConfig& operator=(ScopedConfig&&) = delete;

 private:
  const char* key_;
  std::string old_;
  bool had_ = false;
};

}  // namespace guotu::gdal
