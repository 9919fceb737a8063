// Where the ledger is kept: a SQLite file (one file a bureau can back up) or a schema in the
// bureau's PostgreSQL (shared by every clerk's desk). FarmlandLedger speaks to either through
// this interface: statements with `?` placeholders in the SQL both databases share, rows of
// values, and transactions that serialise writers.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql_value.hpp"

namespace guotu::ledger {

/// How long a write waits for the ledger's lock by default.
inline constexpr std::chrono::seconds kDefaultWait{60};

/// One row of a query's result.
class Row {
 public:
  explicit Row(std::vector<SqlValue> values) : v_(std::move(values)) {}
  [[nodiscard]] std::size_t size() const noexcept { return v_.size(); }
  [[nodiscard]] bool is_null(std::size_t i) const;
  [[nodiscard]] std::int64_t integer(std::size_t i) const;  ///< 0 for NULL
  [[nodiscard]] double real(std::size_t i) const;           ///< 0 for NULL
  /// Text as both stores print it: integers in decimal, doubles as SQLite writes them (%.15g,
  /// with ".0" on whole numbers), NULL as "".
  [[nodiscard]] std::string text(std::size_t i) const;
  [[nodiscard]] std::vector<std::uint8_t> blob(std::size_t i) const;

 private:
  std::vector<SqlValue> v_;
};

/// A store's failure, classified: the data's fault (a constraint), another writer holding the
/// ledger too long (busy), or anything else.
class StoreFailure : public std::runtime_error {
 public:
  enum class Kind { Constraint, Busy, Other };
  StoreFailure(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

class Store {
 public:
  enum class Mode {
    Write,    ///< one writer at a time, queued (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory lock)
    Read,     ///< a consistent snapshot for several queries
    Migrate,  ///< schema changes, serialised against every writer
  };

  virtual ~Store() = default;
  /// Where the ledger is, safe to print (passwords masked).
  [[nodiscard]] virtual const std::string& where() const noexcept = 0;
  /// The schema versions, in order: [0] creates schema_migrations, [v] makes version v.
  [[nodiscard]] virtual std::span<const char* const> migrations() const noexcept = 0;
  /// True when the store holds a guotu ledger (its schema_migrations table).
  [[nodiscard]] virtual bool has_ledger() = 0;
  /// Runs a script of several statements without parameters (schema migrations).
  virtual void script(std::string_view sql) = 0;
  /// Runs one statement; `?` marks each parameter in order.
  virtual std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  /// Runs an INSERT into a table with an integer `id` key and returns the new row's id.
  virtual std::int64_t insert(std::string_view sql, const std::vector<SqlValue>& params) = 0;

  /// A transaction: commit() or it rolls back when it goes out of scope.
  class Transaction {
   public:
    Transaction(Store& s, Mode m) : s_(s) { s_.begin(m); }
    ~Transaction() {
      if (!done_) s_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
      s_.commit();
      done_ = true;
    }

   private:
    Store& s_;
    bool done_ = false;
  };

 protected:
  virtual void begin(Mode m) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

/// Opens the ledger's store: "postgresql://…" / "postgres://…" / "PG:…" is a PostgreSQL schema
/// (schema=…, default guotu_ledger), anything else a SQLite file. With `create` the file or
/// schema is made when missing; without it, BadInput when there is none. A statement waits
/// at most `wait` for a lock another writer holds, then fails (StoreFailure::Kind::Busy).
std::unique_ptr<Store> open_store(const std::string& target, bool create, std::chrono::seconds wait = kDefaultWait);

/// The schema a PostgreSQL ledger lives in when the target names none.
inline constexpr std::string_view kDefaultPostgresSchema = "guotu_ledger";

}  // namespace guotu::ledger
