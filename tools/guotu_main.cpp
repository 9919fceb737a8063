// guotu: the command-line front end. Each subcommand lives in its own guotu_<name>.cpp and
// is a thin layer over the engine library; this file parses, dispatches and maps errors to
// exit codes: 0 passed, 1 violations/errors found, 2 bad input or usage, 3 internal failure.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace guotu;
  cli::set_command_line(argc, argv);
  CLI::App app{
      "guotu (国土): check projects against the territorial plan, quality-check plan databases,\n"
      "compute land indicators, keep the farmland balance ledger, find land-use change and open it all in QGIS.\n"
      "Areas are ellipsoidal (椭球面积) unless stated. Exit codes: 0 passed, 1 violations found,\n"
      "2 bad input or usage, 3 internal failure.",
      "guotu"};
  app.set_version_flag("--version", fmt::format("guotu {}", kVersion));
  app.require_subcommand(1);
  cli::CommandMain selected;
  cli::register_info(app, selected);
  cli::register_sample(app, selected);
  cli::register_ledger(app, selected);
  cli::register_validate(app, selected);
  cli::register_check(app, selected);
  cli::register_report(app, selected);
  cli::register_diff(app, selected);
  cli::register_qgis(app, selected);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Every error in one format: guotu's prefix, the subcommand, then what to do.
    std::string where = "guotu";
    for (const CLI::App* sub : app.get_subcommands()) where += " " + sub->get_name();
    if (argc > 1 && argv[1][0] != '-' && app.get_subcommands().empty()) {
      fmt::print(stderr, "guotu: error: unknown command '{}'; the commands are listed by guotu --help\n", argv[1]);
    } else {
      fmt::print(stderr, "guotu: error: {}: {}; see {} --help\n", where, e.what(), where);
    }
    return 2;
  }
  try {
    if (!selected) return 2;
    cli::select_city();
    return selected();
  } catch (const Error& e) {
    fmt::print(stderr, "guotu: error: {}\n", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "guotu: internal error: {}\n", e.what());
    return 3;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Nothing escapes main: whatever run() lets through (an exception that is not a
  // std::exception, or one thrown while reporting another) is an internal failure, exit 3.
  try {
    return run(argc, argv);
  } catch (...) {
    std::fputs("guotu: internal error: an unexpected exception\n", stderr);
    return 3;
  }
}
