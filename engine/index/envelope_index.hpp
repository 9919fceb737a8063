// A static spatial index over envelopes (Boost.Geometry's R-tree, packed with STR bulk
// loading). Read-only after construction, so any number of threads may query it at once —
// which GEOS's STRtree does not allow. Domain code joins layers through this; the R-tree itself
// lives in envelope_index.cpp (an adapter: Boost.Geometry's headers stay out of the domain).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/coord.hpp"

namespace guotu::index {

class EnvelopeIndex {
 public:
  EnvelopeIndex();
  /// Builds the index over (envelope, id) pairs in one pass (packing).
  explicit EnvelopeIndex(const std::vector<std::pair<Envelope, std::size_t>>& items);

  /// Ids whose envelopes intersect `e`, in ascending order.
  [[nodiscard]] std::vector<std::size_t> query(const Envelope& e) const {
    std::vector<std::size_t> out;
    query(e, out);
    return out;
  }
  /// Same, into a reused buffer (cleared first).
  void query(const Envelope& e, std::vector<std::size_t>& out) const;
  /// The id whose envelope is nearest to (x, y); nullopt when empty.
  [[nodiscard]] std::optional<std::size_t> nearest(double x, double y) const;
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }

 private:
  struct Tree;
  std::shared_ptr<const Tree> tree_;  ///< immutable once built: copies share it
};

}  // namespace guotu::index
