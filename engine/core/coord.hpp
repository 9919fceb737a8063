// Plain coordinate and envelope types shared by every adapter (no library types here).
#pragma once

#include <algorithm>

namespace guotu {

struct Coord {
  double x;
  double y;
};

struct Envelope {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  [[nodiscard]] bool intersects(const Envelope& o) const noexcept {
    return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
  }
  [[nodiscard]] double width() const noexcept { return max_x - min_x; }
  [[nodiscard]] double height() const noexcept { return max_y - min_y; }
  void expand(const Envelope& o) noexcept {
    min_x = std::min(min_x, o.min_x);
    min_y = std::min(min_y, o.min_y);
    max_x = std::max(max_x, o.max_x);
    max_y = std::max(max_y, o.max_y);
  }
};

}  // namespace guotu
