#include "core/error.hpp"

#include <fmt/format.h>

namespace guotu {

Error::Error(ErrorKind kind, std::string reason, ErrorContext where)
    : std::runtime_error(compose(reason, where)), kind_(kind), reason_(std::move(reason)), where_(std::move(where)) {}

std::string Error::compose(const std::string& reason, const ErrorContext& where) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line) out += fmt::format(":{}", *where.line);
  }
  if (!where.layer.empty()) out += fmt::format("{}layer {}", out.empty() ? "" : ", ", where.layer);
  if (where.fid) out += fmt::format("{}fid {}", out.empty() ? "" : ", ", *where.fid);
  if (!out.empty()) out += ": ";
  out += reason;
  return out;
}

void throw_bad_input(std::string reason, ErrorContext where) {
  throw Error(ErrorKind::BadInput, std::move(reason), std::move(where));
}

void throw_internal(std::string reason, ErrorContext where) {
  throw Error(ErrorKind::Internal, std::move(reason), std::move(where));
}

}  // namespace guotu
