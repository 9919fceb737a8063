// A minimal work-sharing loop: items 0…n−1 over `jobs` threads; the first exception stops the
// others from taking new items and is rethrown. GEOS state made inside f stays in its thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace guotu {

template <class F>
void parallel_for(std::size_t n, unsigned jobs, F&& f) {
  const unsigned threads_wanted =
      static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), std::max<std::size_t>(n, 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex m;
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        f(i);
      } catch (...) {
        std::lock_guard lock(m);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  if (threads_wanted <= 1) {
    work();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < threads_wanted; ++t) threads.emplace_back(work);
    for (auto& th : threads) th.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace guotu
