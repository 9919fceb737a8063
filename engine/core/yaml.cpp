#include "core/yaml.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include "core/numeric.hpp"
#include "core/resources.hpp"

namespace guotu::yaml {

namespace {

std::optional<long> line_of(const YAML::Mark& m) {
  return m.line >= 0 ? std::optional<long>(m.line + 1) : std::nullopt;
}

// Counts the nodes of a document as a walk would see them, every alias expanded, from the parser's
// events (before any node is built): each anchored node's expanded size is recorded when it
// ends, an alias adds that size. Saturating: the count stops at the limit.
class ExpansionCounter : public YAML::EventHandler {
 public:
  explicit ExpansionCounter(const std::string& file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor, 1); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    leaf(mark, anchor, 1);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::uint64_t n = anchor < sizes_.size() ? sizes_[anchor] : 1;
    leaf(mark, YAML::NullAnchor, n);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t size;
  };

  static std::uint64_t add(std::uint64_t a, std::uint64_t b) {
    return a > kMaxExpandedNodes || b > kMaxExpandedNodes ? kMaxExpandedNodes + 1
                                                          : std::min(a + b, kMaxExpandedNodes + 1);
  }

  void count(const YAML::Mark& mark, std::uint64_t n) {
    total_ = add(total_, n);
    if (total_ > kMaxExpandedNodes)
      throw_bad_input(fmt::format("the document expands to more than {} nodes (aliases of aliases: a \"billion "
                                  "laughs\" document?); guotu refuses it",
                                  kMaxExpandedNodes),
                      {file_, {}, {}, line_of(mark)});
  }

  void record(YAML::anchor_t anchor, std::uint64_t size) {
    if (anchor == YAML::NullAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
    sizes_[anchor] = size;
  }

  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::uint64_t n) {
    count(mark, n);
    record(anchor, n);
    if (!open_.empty()) open_.back().size = add(open_.back().size, n);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    count(mark, 1);
    open_.push_back({anchor, 1});
  }

  void close() {
    if (open_.empty()) return;
    const Open done = open_.back();
    open_.pop_back();
    record(done.anchor, done.size);
    if (!open_.empty()) open_.back().size = add(open_.back().size, done.size);
  }

  const std::string& file_;
  std::uint64_t total_ = 0;
  std::vector<std::uint64_t> sizes_;  // by anchor id
  std::vector<Open> open_;
};

std::string shown(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  return node.IsSequence() ? "a list" : "a mapping";
}

}  // namespace

YAML::Node parse(std::string_view text, const std::string& file) {
  const std::string doc(text);
  try {
    {
      std::istringstream in(doc);
      YAML::Parser parser(in);
      ExpansionCounter counter(file);
      parser.HandleNextDocument(counter);  // YAML::Load builds the first document only
    }
    return YAML::Load(doc);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (its message says "bad file").
    throw_bad_input("YAML error: nested deeper than 500 levels", {file, {}, {}, line_of(e.mark)});
  } catch (const YAML::Exception& e) {
    throw_bad_input("YAML error: " + e.msg, {file, {}, {}, line_of(e.mark)});
  }
}

YAML::Node load_file(const std::filesystem::path& file, std::string_view what) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw_bad_input(fmt::format("cannot read the {} file: it is a folder", what), {file.string(), {}, {}, {}});
  std::string text;
  try {
    text = resources::read_file(file);
  } catch (const Error&) {
    throw_bad_input(fmt::format("cannot read the {} file", what), {file.string(), {}, {}, {}});
  }
  return parse(text, file.string());
}

std::optional<long> line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;
  return line_of(node.Mark());
}

void fail(const std::string& file, const YAML::Node& at, const std::string& why) {
  throw_bad_input(why, {file, {}, {}, line_of(at)});
}

double number(const std::string& file, const YAML::Node& node, const std::string& what, double min, double max) {
  double v = 0;
  const bool read = node.IsDefined() && node.IsScalar() && YAML::convert<double>::decode(node, v);
  if (!read || !std::isfinite(v) || v < min || v > max) {
    std::string range;
    if (min > std::numeric_limits<double>::lowest() && max < std::numeric_limits<double>::max())
      range = fmt::format(" from {} to {}", min, max);
    else if (min > std::numeric_limits<double>::lowest())
      range = fmt::format(" of at least {}", min);
    else if (max < std::numeric_limits<double>::max())
      range = fmt::format(" of at most {}", max);
    fail(file, node, fmt::format("'{}' must be a finite number{}, not {}", what, range, shown(node)));
  }
  return v;
}

std::int64_t integer(const std::string& file, const YAML::Node& node, const std::string& what, std::int64_t min,
                     std::int64_t max) {
  double v = 0;
  const bool read = node.IsDefined() && node.IsScalar() && YAML::convert<double>::decode(node, v);
  const auto n = read ? exact_integer<std::int64_t>(v) : std::nullopt;
  if (!n || *n < min || *n > max)
    fail(file, node, fmt::format("'{}' must be a whole number from {} to {}, not {}", what, min, max, shown(node)));
  return *n;
}

bool boolean(const std::string& file, const YAML::Node& node, const std::string& what) {
  bool v = false;
  if (!node.IsDefined() || !node.IsScalar() || !YAML::convert<bool>::decode(node, v))
    fail(file, node, fmt::format("'{}' must be true or false, not {}", what, shown(node)));
  return v;
}

void Reader::only_keys(const YAML::Node& map, std::initializer_list<const char*> known, const std::string& what) const {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(kv.first, fmt::format("unknown key '{}' in {} (known: {})", key, what, list));
    }
  }
}

std::string Reader::string(const YAML::Node& map, const char* key, bool required) const {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) fail(map, std::string("missing key '") + key + "'");
    return {};
  }
  if (!n.IsScalar()) fail(n, std::string("'") + key + "' must be a single value");
  if (required && n.Scalar().empty()) fail(n, std::string("'") + key + "' is empty");
  return n.Scalar();
}

double Reader::number(const YAML::Node& map, const char* key, double fallback, double min, double max) const {
  const YAML::Node n = map[key];
  if (!n) return fallback;
  return yaml::number(file_, n, key, min, max);
}

bool Reader::flag(const YAML::Node& map, const char* key, bool fallback) const {
  const YAML::Node n = map[key];
  if (!n) return fallback;
  return yaml::boolean(file_, n, key);
}

std::vector<std::string> Reader::strings(const YAML::Node& map, const char* key) const {
  const YAML::Node n = map[key];
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) fail(n, std::string("'") + key + "' must be a list");
  for (const auto& item : n) {
    if (!item.IsScalar()) fail(item, std::string("'") + key + "' must list plain values");
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace guotu::yaml
