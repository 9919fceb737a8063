// Work sharing for the checks: N workers pull chunks of an index range. Each worker runs its
// body once, in its own thread, so whatever GEOS state it makes (Context::current(), parsed
// geometries, AreaCalculator) is created, used and destroyed in that thread. Workers share
// only immutable inputs (WKB, EnvelopeIndex). The first exception is rethrown to the caller.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace guotu::validate {

/// Hands out [begin, end) chunks of 0..n to workers.
class ChunkQueue {
 public:
  ChunkQueue(std::size_t n, std::size_t grain) : n_(n), grain_(std::max<std::size_t>(grain, 1)) {}
  std::optional<std::pair<std::size_t, std::size_t>> next() {
    const std::size_t b = next_.fetch_add(grain_);
    if (b >= n_) return std::nullopt;
    return std::make_pair(b, std::min(n_, b + grain_));
  }

 private:
  std::size_t n_;
  std::size_t grain_;
  std::atomic<std::size_t> next_{0};
};

/// Runs body(worker) on `jobs` threads (the caller's thread is worker 0) and waits.
inline void run_workers(unsigned jobs, const std::function<void(unsigned)>& body) {
  jobs = std::max(1u, jobs);
  std::exception_ptr first;
  std::mutex m;
  auto guarded = [&](unsigned w) {
    try {
      body(w);
    } catch (...) {
      std::lock_guard lock(m);
      if (!first) first = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned w = 1; w < jobs; ++w) threads.emplace_back(guarded, w);
  guarded(0);
  for (auto& t : threads) t.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace guotu::validate
