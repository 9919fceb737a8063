// The PostgreSQL adapter (libpq): connections, parameterised queries and transactions, all RAII.
// Values are always bound as parameters ($1 … $n), never spliced into SQL text. libpq-fe.h stays
// in engine/pg.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql_value.hpp"

struct pg_conn;
struct pg_result;

namespace guotu::pg {

using Value = SqlValue;

/// A PostgreSQL error, with its SQLSTATE (https://www.postgresql.org/docs/15/errcodes-appendix.html).
class Failure : public std::runtime_error {
 public:
  Failure(std::string sqlstate, const std::string& message)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }
  /// The data's fault: an integrity constraint (class 23: CHECK, UNIQUE, FOREIGN KEY, NOT NULL,
  /// a trigger's refusal) or a data exception (class 22: a date that is no date, a number out of
  /// range).
  [[nodiscard]] bool constraint() const noexcept;
  /// Another session holds what is needed: lock or statement timeout, serialization failure,
  /// deadlock.
  [[nodiscard]] bool busy() const noexcept;
  /// No connection (class 08), or none could be made.
  [[nodiscard]] bool connection() const noexcept;

 private:
  std::string sqlstate_;
};

/// The result of one query: rows of values converted by column type (integers and booleans to
/// int64, floating and numeric to double, bytea to bytes, everything else — text, dates,
/// timestamps — to its text form).
class Result {
 public:
  [[nodiscard]] int rows() const;
  [[nodiscard]] int columns() const;
  [[nodiscard]] std::string column_name(int col) const;
  [[nodiscard]] Value value(int row, int col) const;
  /// Rows affected by an INSERT/UPDATE/DELETE.
  [[nodiscard]] std::int64_t affected() const;

 private:
  friend class Connection;
  struct Clear {
    void operator()(pg_result* r) const noexcept;
  };
  explicit Result(pg_result* r) : r_(r) {}
  std::unique_ptr<pg_result, Clear> r_;
};

class Connection {
 public:
  struct Options {
    std::chrono::seconds connect_timeout{10};  ///< unless the connection string says otherwise
    std::chrono::seconds lock_timeout{60};     ///< how long a statement waits for a lock
  };
  /// Connects with a libpq connection string ("host=… dbname=…") or URI ("postgresql://…").
  /// The session speaks UTF-8, in UTC, with ISO dates. Failure(connection) when it cannot.
  explicit Connection(const std::string& conninfo, Options options);
  explicit Connection(const std::string& conninfo) : Connection(conninfo, Options{}) {}
  ~Connection();
  Connection(Connection&& o) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs SQL without parameters (schema scripts: several statements allowed).
  void exec(std::string_view sql);
  /// Runs one statement with parameters $1 … $n.
  Result query(std::string_view sql, const std::vector<Value>& params = {});
  /// `name` as a quoted SQL identifier ("plan 2023" → "\"plan 2023\"").
  [[nodiscard]] std::string quote_identifier(std::string_view name) const;

 private:
  pg_conn* c_ = nullptr;
};

/// BEGIN … COMMIT; rolls back unless committed. `begin` may name an isolation level
/// ("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").
class Transaction {
 public:
  explicit Transaction(Connection& c, std::string_view begin = "BEGIN");
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& c_;
  bool done_ = false;
};

/// A PostgreSQL target as users write it — "PG:host=… dbname=… active_schema=…" (GDAL's syntax)
/// or "postgresql://user@host:port/db?schema=…" — split into what libpq takes and the schema
/// guotu works in (libpq knows no schema parameter). `schema` is empty when none is given.
struct Target {
  std::string conninfo;
  std::string schema;
};
Target parse_target(const std::string& text);

}  // namespace guotu::pg
