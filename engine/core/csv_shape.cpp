#include "core/csv_shape.hpp"

#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/resources.hpp"

namespace guotu {

void require_rectangular_csv(const std::filesystem::path& csv) {
  const std::string text = resources::read_file(csv);
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  long line = 1;           // line the scanner is on
  long record_line = 1;    // line the current record started on
  std::size_t fields = 1;  // fields of the current record so far
  std::size_t header = 0;  // fields of the header (0: not read yet)
  bool quoted = false, empty_record = true;
  auto end_record = [&] {
    if (!empty_record) {
      if (header == 0) {
        header = fields;
      } else if (fields != header) {
        throw_bad_input(fmt::format("this row has {} fields, the header has {} ({})", fields, header,
                                    fields > header ? "an unquoted comma, or a value too many"
                                                    : "values missing: give every column, empty if need be"),
                        {csv.string(), {}, {}, record_line});
      }
    }
    fields = 1;
    empty_record = true;
    record_line = line;
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"')
          ++i;  // an escaped quote
        else
          quoted = false;
      } else if (c == '\n') {
        ++line;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      empty_record = false;
    } else if (c == ',') {
      ++fields;
      empty_record = false;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (c != '\r') {
      empty_record = false;
    }
  }
  if (quoted) throw_bad_input("a quoted field is never closed", {csv.string(), {}, {}, record_line});
  end_record();
}

}  // namespace guotu
