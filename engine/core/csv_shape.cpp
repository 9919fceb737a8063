#include "core/csv_shape.hpp"

#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/resources.hpp"

namespace guotu {

std::vector<CsvRecord> read_csv(const std::filesystem::path& csv) {
  const std::string text = resources::read_file(csv);
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  std::vector<CsvRecord> records;
  long line = 1;  // line the scanner is on
  CsvRecord record{1, {std::string()}};
  bool quoted = false, empty_record = true;
  auto end_record = [&] {
    if (!empty_record) {
      if (!records.empty() && record.fields.size() != records.front().fields.size()) {
        const std::size_t fields = record.fields.size(), header = records.front().fields.size();
        throw_bad_input(fmt::format("this row has {} fields, the header has {} ({})", fields, header,
                                    fields > header ? "an unquoted comma, or a value too many"
                                                    : "values missing: give every column, empty if need be"),
                        {csv.string(), {}, {}, record.line});
      }
      records.push_back(std::move(record));
    }
    record = CsvRecord{line, {std::string()}};
    empty_record = true;
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          record.fields.back() += '"';  // an escaped quote
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      empty_record = false;
    } else if (c == ',') {
      record.fields.emplace_back();
      empty_record = false;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (c != '\r') {
      record.fields.back() += c;
      empty_record = false;
    }
  }
  if (quoted) throw_bad_input("a quoted field is never closed", {csv.string(), {}, {}, record.line});
  end_record();
  return records;
}

void require_rectangular_csv(const std::filesystem::path& csv) {
  (void)read_csv(csv);
}

}  // namespace guotu
