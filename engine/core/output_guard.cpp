#include "core/output_guard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fmt/format.h>
#include <sys/stat.h>

#include "core/conninfo.hpp"
#include "core/error.hpp"

namespace guotu {

namespace fs = std::filesystem;

namespace {

// "report/" → "report" (the directory itself, not an empty name inside it).
fs::path without_trailing_separator(fs::path p) {
  while (!p.empty() && p.filename().empty() && p != p.root_path()) p = p.parent_path();
  return p;
}

fs::path parent_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

std::string os_reason(int e) {
  return std::strerror(e);
}

// A path as the operating system resolves it: absolute, symbolic links followed, `.` and `..`
// gone (the part that does not exist yet lexically). Unresolvable (permission, too long): the
// lexical form, which is what the OS would then fail on anyway.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(without_trailing_separator(p), ec);
  if (ec) return without_trailing_separator(p).lexically_normal();
  fs::path r = fs::weakly_canonical(abs, ec);
  if (ec) return abs.lexically_normal();
  return without_trailing_separator(r);
}

struct Inode {
  dev_t dev;
  ino_t ino;
  bool operator==(const Inode&) const = default;
};

std::optional<Inode> inode_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return std::nullopt;
  return Inode{st.st_dev, st.st_ino};
}

bool is_dir(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// `inner` is `outer` or lies under it (both resolved).
bool inside(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The files that make up a Shapefile besides the .shp.
bool shapefile_part(const std::string& ext) {
  static const char* const parts[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".fix"};
  const std::string e = lower(ext);
  return std::any_of(std::begin(parts), std::end(parts), [&](const char* x) { return e == x; });
}

// One file or folder an output must not be.
struct Protected {
  fs::path path;               // resolved
  std::optional<Inode> inode;  // when it exists
  std::string how;             // "" = the input itself, else how it belongs to it
};

struct Database {
  std::string host, port, dbname, schema;
  bool operator==(const Database&) const = default;
};

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Which database and schema a PostgreSQL target names: key=value (GDAL's PG:…) or a URI.
// Local connections (no host, localhost, a socket directory) count as one host; a missing port
// is 5432.
Database database_of(const std::string& target, const std::string& default_schema) {
  Database d;
  auto take = [&](const std::string& key, const std::string& value) {
    if (key == "host" || key == "hostaddr")
      d.host = value;
    else if (key == "port")
      d.port = value;
    else if (key == "dbname")
      d.dbname = value;
    else if (key == "active_schema" || key == "schema")
      d.schema = value;
  };
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) {
    std::string_view rest(target);
    rest.remove_prefix(rest.find("://") + 3);
    const auto q = rest.find('?');
    std::string_view authority_path = rest.substr(0, q);
    std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
    const auto slash = authority_path.find('/');
    std::string_view authority = authority_path.substr(0, slash);
    if (slash != std::string_view::npos) d.dbname = percent_decode(authority_path.substr(slash + 1));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (const auto colon = authority.rfind(':');
        colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
      d.port = std::string(authority.substr(colon + 1));
      authority = authority.substr(0, colon);
    }
    d.host = percent_decode(authority);
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view item = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      const auto eq = item.find('=');
      if (eq == std::string_view::npos) continue;
      take(percent_decode(item.substr(0, eq)), percent_decode(item.substr(eq + 1)));
    }
  } else {
    for (const auto& [k, v] :
         conninfo_pairs(target.rfind("PG:", 0) == 0 ? std::string_view(target).substr(3) : std::string_view(target)))
      take(k, v);
  }
  if (d.host.empty() || d.host == "localhost" || d.host == "127.0.0.1" || d.host == "::1" || d.host[0] == '/')
    d.host = "local";
  if (d.port.empty()) d.port = "5432";
  if (d.schema.empty()) d.schema = default_schema;
  return d;
}

}  // namespace

bool is_postgres_target(const std::string& target) {
  return target.rfind("PG:", 0) == 0 || target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

OutputGuard& OutputGuard::input(const std::string& what, const std::string& option, const std::string& default_schema) {
  if (!what.empty()) inputs_.push_back({what, option, default_schema, false});
  return *this;
}

OutputGuard& OutputGuard::output(const std::string& what, const std::string& option) {
  if (!what.empty()) outputs_.push_back({what, option, "public", false});
  return *this;
}

OutputGuard& OutputGuard::output_directory(const std::string& what, const std::string& option) {
  if (!what.empty()) outputs_.push_back({what, option, "public", true});
  return *this;
}

std::vector<std::string> OutputGuard::database_outputs() const {
  std::vector<std::string> out;
  for (const auto& o : outputs_)
    if (is_postgres_target(o.what)) out.push_back(o.what);
  return out;
}

void OutputGuard::check(bool overwrite) const {
  // Each output can be written at all.
  for (const auto& o : outputs_) {
    if (is_postgres_target(o.what)) continue;
    if (o.directory)
      check_output_directory_writable(o.what, overwrite);
    else
      check_output_writable(o.what, overwrite);
  }

  // What the inputs are made of, resolved once.
  struct Input {
    const Entry* entry;
    std::vector<Protected> parts;  // [0] the input itself
    std::optional<Database> db;
  };
  std::vector<Input> inputs;
  for (const auto& in : inputs_) {
    Input i{&in, {}, {}};
    if (is_postgres_target(in.what)) {
      i.db = database_of(in.what, in.default_schema);
      inputs.push_back(std::move(i));
      continue;
    }
    const fs::path self = resolved(in.what);
    i.parts.push_back({self, inode_of(self), ""});
    std::error_code ec;
    if (is_dir(self)) {
      for (fs::directory_iterator it(self, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) continue;
        i.parts.push_back(
            {resolved(it->path()), inode_of(it->path()), fmt::format("a file of the input folder {}", in.what)});
      }
    } else if (shapefile_part(self.extension().string())) {
      const fs::path dir = self.parent_path();
      const std::string stem = self.stem().string();
      for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p == self || p.stem().string() != stem || !shapefile_part(p.extension().string())) continue;
        i.parts.push_back({resolved(p), inode_of(p), fmt::format("a file of the Shapefile {}", in.what)});
      }
    }
    inputs.push_back(std::move(i));
  }

  struct Output {
    const Entry* entry;
    fs::path path;
    std::optional<Inode> inode;
    std::optional<Database> db;
  };
  std::vector<Output> outputs;
  for (const auto& o : outputs_) {
    if (is_postgres_target(o.what)) {
      outputs.push_back({&o, {}, {}, database_of(o.what, "public")});
      continue;
    }
    const fs::path p = resolved(o.what);
    outputs.push_back({&o, p, inode_of(p), {}});
  }

  // A PostgreSQL target is named by database and schema: its text may hold a password.
  auto shown = [](const Entry& e, const std::optional<Database>& db) {
    return db ? fmt::format("(PostgreSQL database {}, schema {})", db->dbname, db->schema) : e.what;
  };
  auto refuse = [&](const Output& out, const std::string& reason) {
    throw_bad_input(reason, {shown(*out.entry, out.db), {}, {}, {}});
  };
  for (const auto& out : outputs) {
    const Entry& o = *out.entry;
    for (const auto& in : inputs) {
      const Entry& e = *in.entry;
      if (out.db || in.db) {
        if (out.db && in.db && *out.db == *in.db)
          refuse(out, fmt::format("{} is the schema {} of the input {} {}: its tables would be replaced; an input is "
                                  "never written over: choose another schema (active_schema=…)",
                                  o.option, out.db->schema, e.option, shown(e, in.db)));
        continue;
      }
      if (o.directory) {
        for (const auto& part : in.parts) {
          if (!inside(part.path, out.path)) continue;
          const bool same = part.path == out.path;
          refuse(out,
                 fmt::format("{} {} {} the input {} {}: the folder is replaced whole, which would delete the input; "
                             "choose another folder",
                             o.option, o.what, same ? "is" : "holds", e.option, e.what));
        }
        continue;
      }
      for (const auto& part : in.parts) {
        std::string how;
        if (part.path == out.path)
          how = "the same file";
        else if (part.inode && out.inode && *part.inode == *out.inode)
          how = "the same file through a hard link";
        else
          continue;
        if (!part.how.empty()) how += ", " + part.how;
        refuse(out,
               fmt::format("{} resolves to the input {} {} ({}); an input is never written over: choose another output",
                           o.option, e.option, e.what, how));
      }
    }
    // Two outputs of one run that are one file (or one inside the other's folder).
    for (auto other_it = outputs.begin() + (&out - outputs.data()) + 1; other_it != outputs.end(); ++other_it) {
      const Output& other = *other_it;
      const Entry& p = *other.entry;
      bool clash = false;
      if (out.db || other.db)
        clash = out.db && other.db && *out.db == *other.db;
      else
        clash = out.path == other.path || (out.inode && other.inode && *out.inode == *other.inode) ||
                (o.directory && inside(other.path, out.path)) || (p.directory && inside(out.path, other.path));
      if (clash)
        refuse(out, fmt::format("{} {} and {} {} are the same {}; one output would replace the other: choose two "
                                "different outputs",
                                o.option, shown(o, out.db), p.option, shown(p, other.db), out.db ? "schema" : "file"));
    }
  }
}

namespace {

// The output's folder exists, is a folder and can be written in; the name fits.
void check_parent(const fs::path& target, const char* what) {
  const fs::path dir = parent_of(target);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    const int e = errno;
    if (e == ENOENT)
      throw_bad_input(fmt::format("the {} directory does not exist ({})", what, dir.string()),
                      {target.string(), {}, {}, {}});
    if (e == ENOTDIR)
      throw_bad_input(
          fmt::format("the {} directory {} is not a directory: a part of the path is a file", what, dir.string()),
          {target.string(), {}, {}, {}});
    throw_bad_input(fmt::format("cannot reach the {} directory {}: {}", what, dir.string(), os_reason(e)),
                    {target.string(), {}, {}, {}});
  }
  if (!S_ISDIR(st.st_mode))
    throw_bad_input(fmt::format("the {} directory {} is not a directory", what, dir.string()),
                    {target.string(), {}, {}, {}});
  const long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  const std::size_t name_len = target.filename().string().size();
  if (name_max > 0 && name_len > static_cast<std::size_t>(name_max))
    throw_bad_input(fmt::format("the file name is too long ({} bytes; this file system allows {}): {}", name_len,
                                name_max, os_reason(ENAMETOOLONG)),
                    {target.string(), {}, {}, {}});
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw_bad_input(fmt::format("cannot write in the {} directory {}: {}", what, dir.string(), os_reason(errno)),
                    {target.string(), {}, {}, {}});
}

// lstat the target: nullopt when it does not exist; other failures are bad input naming why.
std::optional<struct stat> existing(const fs::path& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0) {
    struct stat followed {};
    if (S_ISLNK(st.st_mode) && ::stat(target.c_str(), &followed) == 0) return followed;
    return st;
  }
  const int e = errno;
  if (e == ENOENT) return std::nullopt;
  throw_bad_input(fmt::format("cannot use the output path: {}", os_reason(e)), {target.string(), {}, {}, {}});
}

}  // namespace

void check_output_writable(const fs::path& target, bool overwrite) {
  if (target.empty()) throw_bad_input("no output file given");
  check_parent(target, "output");
  if (const auto st = existing(target)) {
    if (!overwrite) throw_bad_input("the output exists; pass --overwrite to replace it", {target.string(), {}, {}, {}});
    if (S_ISDIR(st->st_mode)) throw_bad_input("the output is a directory", {target.string(), {}, {}, {}});
  }
}

void check_output_directory_writable(const fs::path& dir_in, bool overwrite) {
  const fs::path dir = without_trailing_separator(dir_in);
  if (dir.empty()) throw_bad_input("no output directory given");
  check_parent(dir, "output's parent");
  if (const auto st = existing(dir)) {
    if (!overwrite) throw_bad_input("the output exists; pass --overwrite to replace it", {dir.string(), {}, {}, {}});
    if (!S_ISDIR(st->st_mode)) throw_bad_input("the output exists and is not a directory", {dir.string(), {}, {}, {}});
  }
}

}  // namespace guotu
