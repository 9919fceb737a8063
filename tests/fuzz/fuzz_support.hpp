// What every libFuzzer target shares: the input as a file (the loaders read files, as a user's
// do), and the one contract under test: bad input is a guotu::Error of kind BadInput (exit 2).
// Anything else escaping — another exception type, an internal error, a crash, a hang, a
// sanitizer report — is a finding; the fuzzer stops and writes the input as a crash artifact.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace guotu::fuzz {

/// A file holding `data`, rewritten for each input; named with the extension a loader expects.
inline std::filesystem::path as_file(const std::uint8_t* data, std::size_t size, const std::string& name) {
  static const std::filesystem::path dir = [] {
    const char* t = std::getenv("TMPDIR");
    auto d = std::filesystem::path(t != nullptr ? t : "/tmp") / ("guotu-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return p;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `f`; a BadInput/Usage error is the expected answer to bad input, an internal one is not.
template <typename F>
void expect_bad_input_only(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Internal) {
      std::fprintf(stderr, "finding: bad input answered as an internal error: %s\n", e.what());
      std::abort();
    }
  }
}

}  // namespace guotu::fuzz
