// Administrative units (data/admin/admin_units.csv): codes, names, levels (city, county, town,
// village) and parents of the cities guotu ships. Codes are text. Used wherever a code given by
// a user must be a real unit (the ledger's counties) or needs its name (report).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace guotu::layers {

struct AdminUnit {
  std::string code;
  std::string name;
  std::string level;  ///< city, county, town, village
  std::string parent;
};

class AdminUnits {
 public:
  /// Loads a CSV with columns code,name,level,parent; BadInput naming the file and line when a
  /// row lacks a code or a level, or a code appears twice.
  static AdminUnits load(const std::filesystem::path& csv);
  /// data/admin/admin_units.csv, loaded once.
  static const AdminUnits& embedded();

  [[nodiscard]] const AdminUnit* find(const std::string& code) const;
  /// Units of one level, in file order.
  [[nodiscard]] std::vector<const AdminUnit*> at_level(const std::string& level) const;
  /// Where the units were read from (for messages).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

 private:
  std::vector<AdminUnit> units_;
  std::map<std::string, std::size_t> index_;
  std::string source_;
};

}  // namespace guotu::layers
