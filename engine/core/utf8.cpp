#include "core/utf8.hpp"

#include <cstddef>

namespace guotu::utf8 {

namespace {

// What a lead byte announces (Unicode 15, table 3-7): the sequence's length, and the range the
// second byte must fall in; n = 0 when c cannot start a multi-byte sequence.
struct Lead {
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
};

Lead lead_of(unsigned char c) noexcept {
  Lead l;
  if (c >= 0xC2 && c <= 0xDF) {
    l.n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    l.n = 3;
    if (c == 0xE0) l.lo = 0xA0;
    if (c == 0xED) l.hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    l.n = 4;
    if (c == 0xF0) l.lo = 0x90;
    if (c == 0xF4) l.hi = 0x8F;
  }
  return l;
}

// Length of the well-formed sequence starting at s[i], or 0 when it is ill-formed
// (Unicode 15, table 3-7).
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  const auto [n, lo, hi] = lead_of(c);
  if (n == 0) return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

// Length of the maximal subpart of an ill-formed sequence at s[i] (Unicode 15 §3.9, U+FFFD
// substitution of maximal subparts): the lead byte and the continuation bytes that could still
// have completed it; at least 1.
std::size_t maximal_subpart(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  const auto [n, lo, hi] = lead_of(c);
  if (n == 0) return 1;
  std::size_t k = 1;
  for (; k < n && i + k < s.size(); ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
  }
  return k;
}

}  // namespace

bool is_valid(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repaired(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    if (n > 0) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    out += "\xEF\xBF\xBD";  // U+FFFD
    i += maximal_subpart(s, i);
  }
  return out;
}

}  // namespace guotu::utf8
