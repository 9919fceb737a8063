// guotu_bench_ledger: write throughput and latency of the farmland ledger in either store.
// W processes (fork) each make N writes on one ledger — a supplement, then occupations drawing
// on it, in turn — as clerks at W desks would; each write is one transaction through
// FarmlandLedger, rules and audit included. Prints writes/s and the latency percentiles, and
// checks afterwards that nothing was lost or spent twice.
//
//   guotu_bench_ledger --db bench.sqlite --writers 8 --writes 500
//   guotu_bench_ledger --db 'postgresql://postgres@127.0.0.1:5432/guotu?schema=bench' --writers 8 --writes 500
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/wait.h>

#include "bench_main.hpp"
#include "core/error.hpp"
#include "ledger/farmland_ledger.hpp"

namespace {

using guotu::ledger::FarmlandLedger;
constexpr double kMu = 10000.0 / 15.0;

// One writer: returns each write's latency in microseconds.
std::vector<double> writer(const std::string& db, int w, int writes) {
  FarmlandLedger l(db, fmt::format("desk{}", w));
  std::vector<double> lat;
  lat.reserve(static_cast<std::size_t>(writes));
  // Four real counties of 聊城 (the ledger refuses codes that are not in data/admin/admin_units.csv).
  static const char* const kCounties[] = {"371502", "371503", "371521", "371522"};
  const std::string county = kCounties[w % 4];
  for (int i = 0; i < writes; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string id = fmt::format("{}-{}", w, i);
    if (i % 4 == 0) {
      l.add_supplement({"S" + id, county, "补充 " + id, "土地整治", 40 * kMu, 0, 6, std::nullopt, "2023-01-01", {}});
    } else {
      l.add_occupation(
          {"O" + id, "项目 " + id, county, "2023-06-01", "", 10 * kMu, 0, 0, {}, guotu::ledger::kCapacityGiven});
    }
    lat.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  return lat;
}

}  // namespace

static int run(int argc, char** argv) {
  CLI::App app{"write throughput of the guotu farmland ledger (SQLite file or PostgreSQL schema)"};
  std::string db;
  int writers = 8, writes = 500;
  bool keep = false;
  app.add_option("--db", db, "ledger target: a new SQLite file, or postgresql://…?schema=NEW_SCHEMA")->required();
  app.add_option("--writers", writers, "concurrent writer processes")->check(CLI::Range(1, 64));
  app.add_option("--writes", writes, "writes per writer (one supplement, then three occupations, in turn)")
      ->check(CLI::Range(1, 1000000));
  app.add_flag("--keep", keep, "keep an existing ledger (default: the target must be new)");
  CLI11_PARSE(app, argc, argv);
  if (!keep && db.rfind("postgres", 0) != 0 && std::filesystem::exists(db)) {
    fmt::print(stderr, "{} exists; the benchmark wants a new ledger (or --keep)\n", db);
    return 2;
  }
  FarmlandLedger::init(db, "bench");
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("guotu-ledger-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<pid_t> pids;
  for (int w = 0; w < writers; ++w) {
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      int code = 0;
      try {
        const auto lat = writer(db, w, writes);
        std::ofstream out(dir / fmt::format("w{}", w));
        for (double v : lat) out << v << "\n";
      } catch (const std::exception& e) {
        std::fprintf(stderr, "writer %d: %s\n", w, e.what());
        code = 1;
      }
      ::_exit(code);
    }
    pids.push_back(pid);
  }
  int failed = 0;
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::vector<double> lat;
  for (int w = 0; w < writers; ++w) {
    std::ifstream in(dir / fmt::format("w{}", w));
    for (double v = 0; in >> v;) lat.push_back(v);
  }
  std::filesystem::remove_all(dir);
  std::sort(lat.begin(), lat.end());
  auto pct = [&](double p) {
    return lat.empty() ? 0.0 : lat[static_cast<std::size_t>(p * static_cast<double>(lat.size() - 1))] / 1000.0;
  };
  // Every write is there and no county's stock is below zero.
  FarmlandLedger l(db, "bench");
  std::vector<std::string> header;
  const auto supplements = l.rows("supplements", header).size(), occupations = l.rows("occupations", header).size();
  double min_stock = 0;
  for (const auto& b : l.balances()) min_stock = std::min(min_stock, b.stock.area_m2);
  fmt::print(
      "writers {} × writes {}: {} writes in {:.2f} s = {:.0f} writes/s; latency p50 {:.2f} ms, p95 {:.2f} ms, p99 "
      "{:.2f} ms, max {:.2f} ms\n",
      writers, writes, lat.size(), seconds, static_cast<double>(lat.size()) / seconds, pct(0.5), pct(0.95), pct(0.99),
      pct(1.0));
  fmt::print("ledger holds {} supplements and {} occupations (expected {}); lowest stock {:.3f} m²\n", supplements,
             occupations, lat.size(), min_stock);
  const bool ok = failed == 0 && supplements + occupations == lat.size() && min_stock >= -1e-6;
  return ok ? 0 : 1;
}

int main(int argc, char** argv) {
  return guotu::bench::main("guotu_bench_ledger", argc, argv, run);
}
