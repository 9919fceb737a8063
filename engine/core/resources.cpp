#include "core/resources.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace guotu::resources {

namespace fs = std::filesystem;

namespace {
bool is_home(const fs::path& p) {
  return fs::is_directory(p / "layers");
}

fs::path find_home() {
  std::string looked;
  // 1. Beside the binary: <prefix>/bin/guotu → <prefix>/share/guotu.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "guotu";
    if (is_home(installed)) return installed;
    looked = installed.string();
  }
  // 2. GUOTU_HOME: set, it must hold the data (a wrong setting is never passed over silently).
  if (const char* env = std::getenv("GUOTU_HOME"); env != nullptr && *env != '\0') {
    if (!is_home(env)) throw_bad_input("GUOTU_HOME does not hold a layers/ directory", {env, {}, {}, {}});
    return env;
  }
  // 3. The source tree of a build-tree binary.
#ifdef GUOTU_DEFAULT_HOME
  if (is_home(GUOTU_DEFAULT_HOME)) return GUOTU_DEFAULT_HOME;
  looked += std::string(looked.empty() ? "" : ", ") + GUOTU_DEFAULT_HOME;
#endif
  throw_bad_input("cannot find guotu's data (layers/, data/): not in " + looked +
                  "; install guotu (cmake --install) or set GUOTU_HOME");
}
}  // namespace

fs::path home() {
  static const fs::path h = find_home();
  return h;
}

fs::path resource(const std::string& relative) {
  fs::path p = home() / relative;
  if (!fs::exists(p)) throw_bad_input("missing resource file", {p.string(), {}, {}, {}});
  return p;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_bad_input("cannot read the file", {path.string(), {}, {}, {}});
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string read_resource(const std::string& relative) {
  return read_file(resource(relative));
}

}  // namespace guotu::resources
