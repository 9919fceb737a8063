// The SQLite adapter: connections, prepared statements and transactions, all RAII. Only
// parameterised statements: values never become SQL text. sqlite3.h stays in engine/sqlite.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql_value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace guotu::sqlite {

using Value = SqlValue;

/// Thrown for SQLite failures; `constraint()` tells a CHECK/UNIQUE/FOREIGN KEY/trigger refusal
/// (the data's fault) from an I/O or internal failure.
class Failure : public std::runtime_error {
 public:
  Failure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] int code() const noexcept { return code_; }
  [[nodiscard]] bool constraint() const noexcept;
  [[nodiscard]] bool busy() const noexcept;

 private:
  int code_;
};

class Statement;

class Database {
 public:
  struct Options {
    bool create = false;
    bool read_only = false;
    std::chrono::milliseconds busy_timeout{60000};
  };
  /// Opens (or creates) a database file with WAL journaling, foreign keys and a busy timeout.
  Database(const std::string& path, Options options);
  ~Database();
  Database(Database&& o) noexcept;
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs SQL without parameters (schema, pragmas). Several statements allowed.
  void exec(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql);
  [[nodiscard]] std::int64_t last_insert_rowid() const;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  friend class Statement;
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  ~Statement();
  Statement(Statement&& o) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Binds parameters 1..n in order.
  Statement& bind(int index, const Value& v);
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, Value(args)), ...);
    return *this;
  }
  /// Steps once; true when a row is available.
  bool step();
  /// Runs to completion (for INSERT/UPDATE), then resets for reuse.
  void run();
  void reset();
  [[nodiscard]] int columns() const;
  [[nodiscard]] bool is_null(int col) const;
  [[nodiscard]] std::int64_t integer(int col) const;
  [[nodiscard]] double real(int col) const;
  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] std::vector<std::uint8_t> blob(int col) const;
  /// The column's value in its stored type (SQLite's dynamic typing: per row, not per column).
  [[nodiscard]] Value value(int col) const;

 private:
  friend class Database;
  Statement(Database& db, sqlite3_stmt* st) : db_(&db), st_(st) {}
  Database* db_;
  sqlite3_stmt* st_;
};

/// BEGIN IMMEDIATE … COMMIT: the write lock is taken at the start, so concurrent writers queue
/// (busy timeout) instead of failing at commit. Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace guotu::sqlite
