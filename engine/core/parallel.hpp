// The one thread pool of guotu: items 0…n−1 over `jobs` threads, each thread with its own state
// (GEOS context, prepared-geometry caches, area calculator: made in the thread that uses it), and
// progress reported from the calling thread. The first exception stops the others from taking
// new items and is rethrown in the caller.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace guotu {

/// (items done, items in all); called from the calling thread, about ten times a second and once
/// at the end.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

/// The worker threads for `jobs` (0: every core) and n items: at least 1, at most n.
[[nodiscard]] inline unsigned worker_count(unsigned jobs, std::size_t n) {
  const unsigned wanted = jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, n)));
}

/// f(i, state) for every i, where state = make_state() is made once in each worker thread.
template <class MakeState, class F>
void parallel_for_state(std::size_t n, unsigned jobs, MakeState&& make_state, F&& f, const ProgressFn& progress = {}) {
  const unsigned threads_wanted = worker_count(jobs, n);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex m;
  auto fail = [&] {
    std::lock_guard lock(m);
    if (!error) error = std::current_exception();
    stop = true;
  };
  auto work = [&] {
    try {
      auto state = make_state();
      for (std::size_t i = next++; i < n && !stop; i = next++) {
        f(i, state);
        ++done;
      }
    } catch (...) {
      fail();
    }
  };
  if (threads_wanted <= 1 && !progress) {
    work();
  } else {
    std::vector<std::thread> threads;
    threads.reserve(threads_wanted);
    for (unsigned t = 0; t < threads_wanted; ++t) threads.emplace_back(work);
    if (progress) {
      while (done < n && !stop) {
        progress(done, n);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    for (auto& th : threads) th.join();
  }
  if (error) std::rethrow_exception(error);
  if (progress) progress(n, n);
}

/// f(i) for every i over `jobs` threads.
template <class F>
void parallel_for(std::size_t n, unsigned jobs, F&& f, const ProgressFn& progress = {}) {
  struct None {};
  parallel_for_state(
      n, jobs, [] { return None{}; }, [&](std::size_t i, None&) { f(i); }, progress);
}

}  // namespace guotu
