#include "index/envelope_index.hpp"

#include <algorithm>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace guotu::index {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
using Point = bg::model::d2::point_xy<double>;
using Box = bg::model::box<Point>;
using Value = std::pair<Box, std::size_t>;
Box to_box(const Envelope& e) {
  return {Point(e.min_x, e.min_y), Point(e.max_x, e.max_y)};
}
}  // namespace

struct EnvelopeIndex::Tree {
  using RTree = bgi::rtree<Value, bgi::rstar<16>>;
  RTree rtree;
};

EnvelopeIndex::EnvelopeIndex() : tree_(std::make_shared<const Tree>()) {}

EnvelopeIndex::EnvelopeIndex(const std::vector<std::pair<Envelope, std::size_t>>& items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const auto& [e, id] : items) values.emplace_back(to_box(e), id);
  auto tree = std::make_shared<Tree>();
  tree->rtree = Tree::RTree(values.begin(), values.end());  // packing (STR bulk loading)
  tree_ = std::move(tree);
}

void EnvelopeIndex::query(const Envelope& e, std::vector<std::size_t>& out) const {
  out.clear();
  const auto& t = tree_->rtree;
  for (auto it = t.qbegin(bgi::intersects(to_box(e))); it != t.qend(); ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
}

std::optional<std::size_t> EnvelopeIndex::nearest(double x, double y) const {
  const auto& t = tree_->rtree;
  for (auto it = t.qbegin(bgi::nearest(Point(x, y), 1)); it != t.qend(); ++it) return it->second;
  return std::nullopt;
}

std::size_t EnvelopeIndex::size() const noexcept {
  return tree_->rtree.size();
}

}  // namespace guotu::index
