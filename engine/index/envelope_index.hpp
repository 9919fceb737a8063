// A static spatial index over envelopes (Boost.Geometry's R-tree, packed with STR bulk
// loading). Read-only after construction, so any number of threads may query it at once —
// which GEOS's STRtree does not allow. Domain code joins layers through this.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "core/coord.hpp"

namespace guotu::index {

class EnvelopeIndex {
 public:
  EnvelopeIndex() = default;
  /// Builds the index over (envelope, id) pairs in one pass (packing).
  explicit EnvelopeIndex(const std::vector<std::pair<Envelope, std::size_t>>& items) {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const auto& [e, id] : items) values.emplace_back(to_box(e), id);
    tree_ = Tree(values.begin(), values.end());
  }

  /// Ids whose envelopes intersect `e`, in ascending order.
  [[nodiscard]] std::vector<std::size_t> query(const Envelope& e) const {
    std::vector<std::size_t> out;
    query(e, out);
    return out;
  }
  /// Same, into a reused buffer (cleared first).
  void query(const Envelope& e, std::vector<std::size_t>& out) const {
    out.clear();
    for (auto it = tree_.qbegin(boost::geometry::index::intersects(to_box(e))); it != tree_.qend(); ++it)
      out.push_back(it->second);
    std::sort(out.begin(), out.end());
  }
  /// The id whose envelope is nearest to (x, y); nullopt when empty.
  [[nodiscard]] std::optional<std::size_t> nearest(double x, double y) const {
    for (auto it = tree_.qbegin(boost::geometry::index::nearest(Point(x, y), 1)); it != tree_.qend(); ++it)
      return it->second;
    return std::nullopt;
  }
  [[nodiscard]] std::size_t size() const noexcept { return tree_.size(); }
  [[nodiscard]] bool empty() const noexcept { return tree_.empty(); }

 private:
  using Point = boost::geometry::model::d2::point_xy<double>;
  using Box = boost::geometry::model::box<Point>;
  using Value = std::pair<Box, std::size_t>;
  using Tree = boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>>;
  static Box to_box(const Envelope& e) { return Box(Point(e.min_x, e.min_y), Point(e.max_x, e.max_y)); }
  Tree tree_;
};

}  // namespace guotu::index
