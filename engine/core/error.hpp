// One error type travels from the engine to the CLI, which maps it to an exit code.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace guotu {

/// What went wrong, as far as the caller (and the exit code) is concerned.
enum class ErrorKind {
  BadInput,  ///< the user's data or arguments are wrong: exit 2
  Usage,     ///< command line misuse: exit 2
  Internal,  ///< a bug or an environment failure (disk full, library failure): exit 3
};

/// Where the problem is: every field optional, the message names what is known.
struct ErrorContext {
  std::string file;
  std::string layer;
  std::optional<std::int64_t> fid;
  std::optional<long> line;  ///< line in a rule/config file
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string reason, ErrorContext where = {});

  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }
  [[nodiscard]] const ErrorContext& where() const noexcept { return where_; }
  [[nodiscard]] int exit_code() const noexcept { return kind_ == ErrorKind::Internal ? 3 : 2; }

 private:
  static std::string compose(const std::string& reason, const ErrorContext& where);
  ErrorKind kind_;
  std::string reason_;
  ErrorContext where_;
};

/// Shorthands for the common cases.
[[noreturn]] void throw_bad_input(std::string reason, ErrorContext where = {});
[[noreturn]] void throw_internal(std::string reason, ErrorContext where = {});

}  // namespace guotu
