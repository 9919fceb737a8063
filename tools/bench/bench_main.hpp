// The main() of the benchmark tools (tools/bench/*.cpp): a bad-input error is said in one line
// with the tool's name and its exit code (2); anything else is an internal failure (3).
#pragma once

#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "core/error.hpp"

namespace guotu::bench {

template <class Run>
int main(const char* name, int argc, char** argv, Run run) {
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    fmt::print(stderr, "{}: {}\n", name, e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: {}\n", name, e.what());
  } catch (...) {
    fmt::print(stderr, "{}: an unexpected exception\n", name);
  }
  return 3;
}

}  // namespace guotu::bench
