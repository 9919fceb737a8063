#include "layers/code_list.hpp"

#include <algorithm>
#include <charconv>
#include <mutex>

#include "core/error.hpp"
#include "core/resources.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::layers {

namespace fs = std::filesystem;

namespace {

// Reads a CSV through GDAL's CSV driver (every column as text) into rows of name → value.
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& csv) {
  gdal::VectorSource src = gdal::VectorSource::open(csv.string());
  if (src.layer_count() != 1) throw_bad_input("expected one table", {csv.string(), {}, {}, {}});
  const gdal::Layer& layer = src.layer(0);
  std::vector<std::map<std::string, std::string>> rows;
  layer.read({}, [&](gdal::Feature&& f) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < layer.fields().size(); ++i) row[layer.fields()[i].name] = gdal::as_text(f.values[i]);
    rows.push_back(std::move(row));
  });
  return rows;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

ParsedCode parse_code(const std::string& code) {
  // 三调 base codes are 4 characters (0101, 05H1, 08H2) or the leaf "09"; 用地用海 codes are
  // 2, 4 or 6 digits. What follows the base is the suffix (K, A …).
  // A letter inside the base (05H1, 08H2) is followed by a digit; trailing letters are the suffix.
  std::size_t base_len = code.size();
  while (base_len > 0 && std::isalpha(static_cast<unsigned char>(code[base_len - 1]))) --base_len;
  if (base_len < 2) return {code, ""};
  return {code.substr(0, base_len), code.substr(base_len)};
}

CodeList CodeList::load(const fs::path& csv) {
  CodeList list;
  std::int64_t record = 0;
  for (auto& row : read_csv(csv)) {
    ++record;  // GDAL's CSV fid: the data record's number (1 = the first after the header)
    CodeEntry e;
    e.code = row["code"];
    if (e.code.empty()) throw_bad_input("a row without a code", {csv.string(), {}, record, {}});
    e.name = row["name"];
    if (const std::string& level = row["level"]; !level.empty()) {
      const char* end = level.data() + level.size();
      const auto [at, ec] = std::from_chars(level.data(), end, e.level);
      if (ec != std::errc() || at != end || e.level < 0)
        throw_bad_input("code " + e.code + ": level '" + level + "' is not a whole number ≥ 0",
                        {csv.string(), {}, record, {}});
    }
    e.parent = row["parent"];
    e.suffixes = split(row["suffixes"], '|');
    e.verified = row["verified"];
    list.index_[e.code] = list.entries_.size();
    list.entries_.push_back(std::move(e));
  }
  return list;
}

const CodeList& CodeList::embedded(const std::string& name) {
  static std::mutex m;
  static std::map<std::string, CodeList> lists;
  std::lock_guard lock(m);
  auto it = lists.find(name);
  if (it == lists.end()) {
    it = lists.emplace(name, load(resources::resource("layers/codes/" + name + ".csv"))).first;
  }
  return it->second;
}

const CodeEntry* CodeList::find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &entries_[it->second];
}

CodeProblem CodeList::check(const std::string& value) const {
  if (value.empty()) return CodeProblem::Empty;
  if (const CodeEntry* e = find(value)) {
    // A level-1 group with children is not a value a patch may carry (except leaves like 09).
    const bool has_children =
        std::any_of(entries_.begin(), entries_.end(), [&](const CodeEntry& c) { return c.parent == e->code; });
    return has_children && e->level == 1 ? CodeProblem::GroupNotLeaf : CodeProblem::None;
  }
  const ParsedCode p = parse_code(value);
  if (!p.suffix.empty()) {
    if (const CodeEntry* e = find(p.base)) {
      return std::find(e->suffixes.begin(), e->suffixes.end(), p.suffix) != e->suffixes.end()
                 ? CodeProblem::None
                 : CodeProblem::SuffixNotAllowed;
    }
  }
  // "101" for "0101": a code that lost its leading zero (read as a number somewhere upstream).
  if (find("0" + value) != nullptr) return CodeProblem::LostLeadingZero;
  return CodeProblem::Unknown;
}

std::string CodeList::name_of(const std::string& value) const {
  if (const CodeEntry* e = find(value)) return e->name;
  if (const CodeEntry* e = find(parse_code(value).base)) return e->name;
  return {};
}

LandClasses LandClasses::load(const fs::path& csv) {
  LandClasses lc;
  for (auto& row : read_csv(csv)) {
    Row r;
    r.cls = row["class"];
    r.cls_zh = row["class_zh"];
    r.scheme = row["scheme"];
    r.code = row["code"];
    r.include_suffixes = row["include_suffixes"] == "yes";
    if (r.cls.empty() || r.scheme.empty() || r.code.empty())
      throw_bad_input("incomplete row", {csv.string(), {}, {}, {}});
    lc.rows_.push_back(std::move(r));
  }
  return lc;
}

const LandClasses& LandClasses::embedded() {
  static std::once_flag once;
  static LandClasses lc;
  std::call_once(once, [] { lc = load(resources::resource("layers/codes/land_classes.csv")); });
  return lc;
}

bool LandClasses::contains(const std::string& cls, const std::string& scheme, const std::string& value) const {
  const ParsedCode p = parse_code(value);
  bool known = false;
  for (const auto& r : rows_) {
    if (r.cls != cls) continue;
    known = true;
    if (r.scheme != scheme) continue;
    if (!parse_code(r.code).suffix.empty()) {
      if (value == r.code) return true;  // a row for a suffixed code matches exactly
      continue;
    }
    if (p.base.rfind(r.code, 0) != 0) continue;
    if (!p.suffix.empty() && !r.include_suffixes) continue;
    return true;
  }
  if (!known) throw_bad_input("unknown land class '" + cls + "'");
  return false;
}

std::vector<std::string> LandClasses::classes() const {
  std::vector<std::string> out;
  for (const auto& r : rows_)
    if (std::find(out.begin(), out.end(), r.cls) == out.end()) out.push_back(r.cls);
  return out;
}

std::string LandClasses::chinese_name(const std::string& cls) const {
  for (const auto& r : rows_)
    if (r.cls == cls) return r.cls_zh;
  return {};
}

}  // namespace guotu::layers
