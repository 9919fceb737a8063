// The ledger's two stores: a SQLite file (engine/sqlite) and a PostgreSQL schema (engine/pg).
#include "ledger/store.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/numeric.hpp"
#include "gdal/connection.hpp"
#include "pg/database.hpp"
#include "sqlite/database.hpp"

namespace guotu::ledger {

namespace {

const char* const kSqliteMigrations[] = {
#include "ledger/schema_sqlite.sql.inc"
};
const char* const kPostgresMigrations[] = {
#include "ledger/schema_postgresql.sql.inc"
};
static_assert(std::size(kSqliteMigrations) == std::size(kPostgresMigrations), "both stores carry every schema version");

// ---- SQLite -------------------------------------------------------------------------------

template <typename F>
auto sqlite_guard(F&& f) {
  try {
    return f();
  } catch (const sqlite::Failure& e) {
    throw StoreFailure(e.constraint() ? StoreFailure::Kind::Constraint
                       : e.busy()     ? StoreFailure::Kind::Busy
                                      : StoreFailure::Kind::Other,
                       e.what());
  }
}

// What a file named as the ledger is, found without changing it: its header is read as bytes,
// and only a SQLite file that is no GeoPackage is opened, read-only, to list its tables.
enum class FileKind { Missing, Directory, Empty, NotSqlite, GeoPackage, EmptySqlite, OtherSqlite, Ledger };

struct Inspection {
  FileKind kind;
  std::string detail;
};

Inspection inspect(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    throw_bad_input("cannot read the ledger: " + ec.message(), {path, {}, {}, {}});
  if (!fs::exists(st)) return {FileKind::Missing, {}};
  if (fs::is_directory(st)) return {FileKind::Directory, {}};
  const auto size = fs::file_size(path, ec);
  if (ec) throw_bad_input("cannot read the ledger: " + ec.message(), {path, {}, {}, {}});
  if (size == 0) return {FileKind::Empty, {}};
  std::array<unsigned char, 100> header{};
  {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw_bad_input("cannot read the ledger", {path, {}, {}, {}});
    f.read(reinterpret_cast<char*>(header.data()), header.size());
    if (f.gcount() < static_cast<std::streamsize>(header.size())) return {FileKind::NotSqlite, {}};
  }
  static constexpr char kMagic[] = "SQLite format 3";  // with its NUL: 16 bytes
  if (std::memcmp(header.data(), kMagic, sizeof kMagic) != 0) return {FileKind::NotSqlite, {}};
  const std::uint32_t application_id = (std::uint32_t{header[68]} << 24) | (std::uint32_t{header[69]} << 16) |
                                       (std::uint32_t{header[70]} << 8) | std::uint32_t{header[71]};
  if (application_id == 0x47504B47 || application_id == 0x47503130 || application_id == 0x47503131)  // GPKG, GP10, GP11
    return {FileKind::GeoPackage, {}};
  std::vector<std::string> tables;
  try {
    sqlite::Database db(path, {.read_only = true});
    auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (q.step()) tables.push_back(q.text(0));
  } catch (const sqlite::Failure& e) {
    return {FileKind::NotSqlite, e.what()};
  }
  auto has = [&](const char* t) { return std::find(tables.begin(), tables.end(), t) != tables.end(); };
  if (has("schema_migrations") && has("audit") && has("supplements")) return {FileKind::Ledger, {}};
  if (tables.empty()) return {FileKind::EmptySqlite, {}};
  if (has("gpkg_contents")) return {FileKind::GeoPackage, {}};
  std::string names;
  for (std::size_t i = 0; i < tables.size() && i < 5; ++i) names += (i ? ", " : "") + tables[i];
  if (tables.size() > 5) names += ", …";
  return {FileKind::OtherSqlite, names};
}

// Opens only a guotu ledger, or (init) a file that is none yet: missing, empty (zero bytes or a
// SQLite database without tables). Anything else is refused, untouched.
void admit(const std::string& path, bool create) {
  const Inspection what = inspect(path);
  const ErrorContext where{path, {}, {}, {}};
  const std::string untouched = "; the file was not changed";
  switch (what.kind) {
    case FileKind::Ledger: return;
    case FileKind::Missing:
      if (create) return;
      throw_bad_input("no ledger here; create it with `guotu ledger --db FILE init`", where);
    case FileKind::Empty:
      if (create) return;
      throw_bad_input(
          "an empty file, not a guotu ledger; create the ledger with `guotu ledger --db FILE init`" + untouched, where);
    case FileKind::EmptySqlite:
      if (create) return;
      throw_bad_input(
          "an empty SQLite database, not a guotu ledger; create the ledger with `guotu ledger --db FILE init`" +
              untouched,
          where);
    case FileKind::Directory: throw_bad_input("a directory, not a guotu ledger (the ledger is one SQLite file)", where);
    case FileKind::NotSqlite:
      throw_bad_input("not a guotu ledger: not a SQLite database" +
                          (what.detail.empty() ? "" : " (" + what.detail + ")") + untouched,
                      where);
    case FileKind::GeoPackage:
      throw_bad_input("not a guotu ledger: a GeoPackage" + untouched +
                          "; the ledger is a file of its own (`guotu ledger --db NEW.sqlite init`)",
                      where);
    case FileKind::OtherSqlite:
      throw_bad_input("not a guotu ledger: a SQLite database with other tables (" + what.detail + ")" + untouched +
                          (create ? "; init makes a ledger only in a new or empty file" : ""),
                      where);
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, bool create, std::chrono::seconds wait)
      : where_(path), db_(open(path, create, wait)) {}

  [[nodiscard]] const std::string& where() const noexcept override { return where_; }
  [[nodiscard]] std::span<const char* const> migrations() const noexcept override { return kSqliteMigrations; }

  bool has_ledger() override {
    return !query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", {}).empty();
  }

  void script(std::string_view sql) override {
    sqlite_guard([&] {
      db_.exec(sql);
      return 0;
    });
  }

  std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params) override {
    return sqlite_guard([&] {
      auto st = db_.prepare(sql);
      for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i + 1), params[i]);
      std::vector<Row> rows;
      while (st.step()) {
        std::vector<SqlValue> v;
        v.reserve(static_cast<std::size_t>(st.columns()));
        for (int c = 0; c < st.columns(); ++c) v.push_back(st.value(c));
        rows.emplace_back(std::move(v));
      }
      return rows;
    });
  }

  std::int64_t insert(std::string_view sql, const std::vector<SqlValue>& params) override {
    (void)query(sql, params);
    return db_.last_insert_rowid();
  }

 protected:
  void begin(Mode m) override { script(m == Mode::Read ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE"); }
  void commit() override { script("COMMIT"); }
  void rollback() noexcept override {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
      // SQLite rolls back an unfinished transaction when the connection closes.
    }
  }

 private:
  static sqlite::Database open(const std::string& path, bool create, std::chrono::seconds wait) {
    admit(path, create);  // before anything is opened for writing
    try {
      return sqlite::Database(path, {.create = create, .busy_timeout = wait});
    } catch (const sqlite::Failure& e) {
      throw_bad_input(std::string("cannot open the ledger: ") + e.what(), {path, {}, {}, {}});
    }
  }

  std::string where_;
  sqlite::Database db_;
};

// ---- PostgreSQL ---------------------------------------------------------------------------

template <typename F>
auto pg_guard(F&& f) {
  try {
    return f();
  } catch (const pg::Failure& e) {
    throw StoreFailure(e.constraint() ? StoreFailure::Kind::Constraint
                       : e.busy()     ? StoreFailure::Kind::Busy
                                      : StoreFailure::Kind::Other,
                       fmt::format("{} [SQLSTATE {}]", e.what(), e.sqlstate()));
  }
}

// `?` placeholders as $1 … $n, outside quoted strings and identifiers.
std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote != 0) {
      if (ch == quote) quote = 0;
      out += ch;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      out += ch;
    } else if (ch == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += ch;
    }
  }
  return out;
}

// The advisory-lock key of a ledger: FNV-1a of its schema name (advisory locks are per database).
std::int64_t lock_key(const std::string& schema) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char ch : "guotu ledger " + schema) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(h);
}

class PostgresStore final : public Store {
 public:
  PostgresStore(const std::string& target, bool create, std::chrono::seconds wait)
      : where_(gdal::mask_passwords(target)),
        target_(pg::parse_target(target)),
        c_(connect(target_.conninfo, where_, wait)) {
    if (target_.schema.empty()) target_.schema = kDefaultPostgresSchema;
    pg_guard([&] {
      if (create) {
        refuse_foreign_schema();
        c_.exec("CREATE SCHEMA IF NOT EXISTS " + c_.quote_identifier(target_.schema));
      } else if (c_.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", {target_.schema}).rows() == 0) {
        throw_bad_input(
            fmt::format("no ledger here (no schema {}); create it with `guotu ledger --db … init`", target_.schema),
            {where_, {}, {}, {}});
      }
      // Every statement then names the ledger's tables unqualified.
      (void)c_.query("SELECT set_config('search_path', $1, false)", {c_.quote_identifier(target_.schema)});
      return 0;
    });
  }

  [[nodiscard]] const std::string& where() const noexcept override { return where_; }
  [[nodiscard]] std::span<const char* const> migrations() const noexcept override { return kPostgresMigrations; }

  bool has_ledger() override {
    return !query("SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = 'schema_migrations'", {target_.schema})
                .empty();
  }

  void script(std::string_view sql) override {
    pg_guard([&] {
      c_.exec(sql);
      return 0;
    });
  }

  std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params) override {
    return pg_guard([&] {
      const pg::Result r = c_.query(numbered_placeholders(sql), params);
      std::vector<Row> rows;
      rows.reserve(static_cast<std::size_t>(r.rows()));
      for (int i = 0; i < r.rows(); ++i) {
        std::vector<SqlValue> v;
        v.reserve(static_cast<std::size_t>(r.columns()));
        for (int c = 0; c < r.columns(); ++c) v.push_back(r.value(i, c));
        rows.emplace_back(std::move(v));
      }
      return rows;
    });
  }

  std::int64_t insert(std::string_view sql, const std::vector<SqlValue>& params) override {
    auto rows = query(std::string(sql) + " RETURNING id", params);
    if (rows.size() != 1) throw StoreFailure(StoreFailure::Kind::Other, "INSERT … RETURNING id gave no row");
    return rows[0].integer(0);
  }

 protected:
  void begin(Mode m) override {
    if (m == Mode::Read) {
      script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      return;
    }
    // Writers queue on one lock per ledger, as on SQLite's write lock: each then sees every
    // entry committed before it (READ COMMITTED takes a new snapshot per statement), so no
    // two can spend the same quota. An advisory lock needs no table privilege beyond the
    // clerk's SELECT and INSERT; lock_timeout bounds the wait.
    script("BEGIN ISOLATION LEVEL READ COMMITTED");
    (void)query("SELECT pg_advisory_xact_lock(?)", {lock_key(target_.schema)});
  }
  void commit() override { script("COMMIT"); }
  void rollback() noexcept override {
    try {
      c_.exec("ROLLBACK");
    } catch (...) {
      // A broken connection: the server rolls the transaction back when the session ends.
    }
  }

 private:
  // init makes a ledger only in a new schema, an empty one, or a ledger's: never adds its
  // tables beside a plan's or anyone else's.
  void refuse_foreign_schema() {
    const pg::Result r = c_.query(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname",
        {target_.schema});
    std::vector<std::string> tables;
    for (int i = 0; i < r.rows(); ++i) tables.push_back(std::get<std::string>(r.value(i, 0)));
    auto has = [&](const char* t) { return std::find(tables.begin(), tables.end(), t) != tables.end(); };
    if (tables.empty() || (has("schema_migrations") && has("audit") && has("supplements"))) return;
    std::string names;
    for (std::size_t i = 0; i < tables.size() && i < 5; ++i) names += (i ? ", " : "") + tables[i];
    if (tables.size() > 5) names += ", …";
    throw_bad_input(fmt::format("not a guotu ledger: the schema {} holds other tables ({}); nothing was changed; init "
                                "makes a ledger only in a new or empty schema (?schema=NAME)",
                                target_.schema, names),
                    {where_, {}, {}, {}});
  }

  static pg::Connection connect(const std::string& conninfo, const std::string& where, std::chrono::seconds wait) {
    try {
      return pg::Connection(conninfo, {.lock_timeout = wait});
    } catch (const pg::Failure& e) {
      throw_bad_input(gdal::mask_passwords(e.what()), {where, {}, {}, {}});
    }
  }

  std::string where_;
  pg::Target target_;
  pg::Connection c_;
};

}  // namespace

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::monostate>(v_.at(i));
}

std::int64_t Row::integer(std::size_t i) const {
  const SqlValue& v = v_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) {
    if (const auto n = truncate_to<std::int64_t>(*d)) return *n;
    throw_internal(fmt::format("the ledger holds {} where an integer belongs (column {})", *d, i + 1));
  }
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

double Row::real(std::size_t i) const {
  const SqlValue& v = v_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stod(*s);
  return 0;
}

std::string Row::text(std::size_t i) const {
  const SqlValue& v = v_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    // SQLite's text of a REAL ("%!.15g"): 15 significant digits, whole numbers with ".0".
    std::string s = fmt::format("{:.15g}", *d);
    if (s.find_first_of(".ein") == std::string::npos)
      s += ".0";
    else if (const auto e = s.find('e'); e != std::string::npos && s.find('.') == std::string::npos)
      s.insert(e, ".0");
    return s;
  }
  if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&v)) return {b->begin(), b->end()};
  return {};
}

std::vector<std::uint8_t> Row::blob(std::size_t i) const {
  const SqlValue& v = v_.at(i);
  if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&v)) return *b;
  if (const auto* s = std::get_if<std::string>(&v)) return {s->begin(), s->end()};
  return {};
}

std::unique_ptr<Store> open_store(const std::string& target, bool create, std::chrono::seconds wait) {
  if (gdal::is_postgres_target(target)) return std::make_unique<PostgresStore>(target, create, wait);
  return std::make_unique<SqliteStore>(target, create, wait);
}

}  // namespace guotu::ledger
