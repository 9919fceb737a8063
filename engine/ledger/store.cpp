// The ledger's two stores: a SQLite file (engine/sqlite) and a PostgreSQL schema (engine/pg).
#include "ledger/store.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
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

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, bool create, std::chrono::seconds wait) : where_(path), db_(open(path, create, wait)) {}

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
    if (!create && !std::filesystem::exists(path))
      throw_bad_input("no ledger here; create it with `guotu ledger --db FILE init`", {path, {}, {}, {}});
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
      : where_(gdal::mask_passwords(target)), target_(pg::parse_target(target)), c_(connect(target_.conninfo, where_, wait)) {
    if (target_.schema.empty()) target_.schema = kDefaultPostgresSchema;
    pg_guard([&] {
      if (create) {
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
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
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
