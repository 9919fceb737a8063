#include "core/city.hpp"

#include <algorithm>
#include <limits>
#include <list>
#include <mutex>

#include "core/error.hpp"
#include "core/resources.hpp"
#include "core/yaml.hpp"

namespace guotu::city {

namespace fs = std::filesystem;

namespace {

fs::path cities_dir() {
  return resources::home() / "data" / "cities";
}

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

/// A path under guotu's data folder that must exist, named in the profile at `map[key]`.
fs::path data_path(const yaml::Reader& r, const YAML::Node& map, const char* key, bool required) {
  const std::string rel = r.string(map, key, required);
  if (rel.empty()) return {};
  if (fs::path(rel).is_absolute())
    r.fail(map[key], std::string("'") + key + "' must be relative to guotu's data folder");
  fs::path p = resources::home() / rel;
  if (!fs::exists(p)) r.fail(map[key], std::string("'") + key + "': no such file or folder " + p.string());
  return p;
}

std::vector<fs::path> data_paths(const yaml::Reader& r, const YAML::Node& map, const char* key) {
  std::vector<fs::path> out;
  const auto list = r.strings(map, key);
  if (list.empty()) r.fail(map, std::string("'") + key + "' must name at least one file");
  for (const auto& rel : list) {
    const fs::path p = resources::home() / rel;
    if (fs::path(rel).is_absolute() || !fs::exists(p))
      r.fail(map[key], std::string("'") + key + "': no such file " + p.string() + " (relative to guotu's data folder)");
    out.push_back(p);
  }
  return out;
}

std::mutex g_mutex;
std::list<Profile> g_loaded;  // never shrinks: references handed out stay valid
const Profile* g_current = nullptr;

}  // namespace

std::vector<std::string> known() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cities_dir(), ec))
    if (e.is_directory() && fs::is_regular_file(e.path() / "profile.yaml")) ids.push_back(e.path().filename().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string default_id() {
  const fs::path file = cities_dir() / "cities.yaml";
  const yaml::Reader r(file.string());
  const YAML::Node root = yaml::load_file(file, "city list");
  if (!root.IsMap()) r.fail(root, "must be a mapping with the key 'default'");
  r.only_keys(root, {"default"}, "the city list");
  return r.string(root, "default", true);
}

Profile load(const std::string& id_in) {
  const std::string id = id_in.empty() ? default_id() : id_in;
  const auto ids = known();
  if (std::find(ids.begin(), ids.end(), id) == ids.end())
    throw Error(ErrorKind::Usage, "unknown city '" + id + "' (--city): the known cities are " + joined(ids) +
                                      " (folders of " + cities_dir().string() + " with a profile.yaml)");
  return load_file(cities_dir() / id / "profile.yaml", id);
}

Profile load_file(const fs::path& file, const std::string& id) {
  const yaml::Reader r(file.string());
  const YAML::Node root = yaml::load_file(file, "city profile");
  if (!root.IsMap()) r.fail(root, "a city profile must be a mapping");
  r.only_keys(root, {"name", "code", "working_crs", "admin", "layer_names", "files", "sample_targets"},
              "the city profile");
  Profile p;
  p.id = id;
  p.file = file;
  p.name = r.string(root, "name", true);
  p.code = r.string(root, "code", true);

  const YAML::Node crs = root["working_crs"];
  if (!crs || !crs.IsMap()) r.fail(crs ? crs : root, "'working_crs' must be a mapping with crs and source");
  r.only_keys(crs, {"crs", "source"}, "working_crs");
  p.working_crs = r.string(crs, "crs", true);
  p.working_crs_source = r.string(crs, "source", true);

  const YAML::Node admin = root["admin"];
  if (!admin || !admin.IsMap()) r.fail(admin ? admin : root, "'admin' must be a mapping (boundaries, units, source)");
  r.only_keys(admin, {"boundaries", "units", "source"}, "admin");
  p.admin_boundaries = data_path(r, admin, "boundaries", true);
  p.admin_units = data_path(r, admin, "units", true);
  p.admin_source = r.string(admin, "source", true);

  if (const YAML::Node names = root["layer_names"]) {
    if (!names.IsMap()) r.fail(names, "'layer_names' must map catalogue codes to table names");
    for (const auto& kv : names) {
      const std::string code = kv.first.Scalar();
      p.layer_names[code] = r.strings(names, code.c_str());
      if (p.layer_names[code].empty()) r.fail(kv.second, "'" + code + "' names no table");
    }
  }

  const YAML::Node files = root["files"];
  if (!files || !files.IsMap()) r.fail(files ? files : root, "'files' must be a mapping");
  r.only_keys(files,
              {"rules", "change_rules", "ledger_rules", "validate_rules", "indicators", "targets", "sample", "styles"},
              "files");
  p.rules = data_path(r, files, "rules", true);
  p.change_rules = data_path(r, files, "change_rules", true);
  p.ledger_rules = data_path(r, files, "ledger_rules", true);
  p.validate_rules = data_path(r, files, "validate_rules", true);
  p.indicators = data_paths(r, files, "indicators");
  p.targets = data_paths(r, files, "targets");
  p.sample = data_path(r, files, "sample", false);
  p.styles = data_path(r, files, "styles", true);
  if (!fs::is_directory(p.styles)) r.fail(files["styles"], "'styles' must be a folder of QGIS styles");

  if (const YAML::Node st = root["sample_targets"]) {
    if (!st.IsMap()) r.fail(st, "'sample_targets' must be a mapping (file, patches, seed)");
    r.only_keys(st, {"file", "patches", "seed"}, "sample_targets");
    p.sample_targets.file = data_path(r, st, "file", true);
    p.sample_targets.patches = yaml::integer(file.string(), st["patches"], "sample_targets.patches", 1, 100000000);
    p.sample_targets.seed =
        yaml::integer(file.string(), st["seed"], "sample_targets.seed", 0, std::numeric_limits<std::int64_t>::max());
  }
  return p;
}

void select(const std::string& id) {
  Profile p = load(id);
  const std::lock_guard lock(g_mutex);
  g_current = &g_loaded.emplace_back(std::move(p));
}

const Profile& current() {
  const std::lock_guard lock(g_mutex);
  if (g_current == nullptr) g_current = &g_loaded.emplace_back(load(""));
  return *g_current;
}

}  // namespace guotu::city
