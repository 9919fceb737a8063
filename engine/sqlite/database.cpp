#include "sqlite/database.hpp"

#include <sqlite3.h>

namespace guotu::sqlite {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw Failure(db != nullptr ? sqlite3_extended_errcode(db) : rc, msg);
}
}  // namespace

bool Failure::constraint() const noexcept {
  return (code_ & 0xff) == SQLITE_CONSTRAINT;
}
bool Failure::busy() const noexcept {
  return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED;
}

Database::Database(const std::string& path, Options options) : path_(path) {
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Failure(rc, "cannot open " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
  sqlite3_extended_result_codes(db_, 1);
  exec("PRAGMA foreign_keys = ON");
  if (!options.read_only) {
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
  }
}

Database::~Database() {
  if (db_ != nullptr) sqlite3_close(db_);
}

Database::Database(Database&& o) noexcept : db_(o.db_), path_(std::move(o.path_)) {
  o.db_ = nullptr;
}

void Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw Failure(sqlite3_extended_errcode(db_), msg);
  }
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "prepare");
  return {*this, st};
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

Statement::~Statement() {
  if (st_ != nullptr) sqlite3_finalize(st_);
}

Statement::Statement(Statement&& o) noexcept : db_(o.db_), st_(o.st_) {
  o.st_ = nullptr;
}

Statement& Statement::bind(int index, const Value& v) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(v))
    rc = sqlite3_bind_null(st_, index);
  else if (const auto* i = std::get_if<std::int64_t>(&v))
    rc = sqlite3_bind_int64(st_, index, *i);
  else if (const auto* d = std::get_if<double>(&v))
    rc = sqlite3_bind_double(st_, index, *d);
  else if (const auto* s = std::get_if<std::string>(&v))
    rc = sqlite3_bind_text(st_, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
  else if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&v))
    rc = sqlite3_bind_blob(st_, index, b->data(), static_cast<int>(b->size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(db_->db_, rc, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int ext = sqlite3_extended_errcode(db_->db_);
  std::string msg = sqlite3_errmsg(db_->db_);
  sqlite3_reset(st_);
  throw Failure(ext, msg);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

int Statement::columns() const {
  return sqlite3_column_count(st_);
}
bool Statement::is_null(int col) const {
  return sqlite3_column_type(st_, col) == SQLITE_NULL;
}
std::int64_t Statement::integer(int col) const {
  return sqlite3_column_int64(st_, col);
}
double Statement::real(int col) const {
  return sqlite3_column_double(st_, col);
}
std::string Statement::text(int col) const {
  const auto* t = sqlite3_column_text(st_, col);
  return t != nullptr
             ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
}

std::vector<std::uint8_t> Statement::blob(int col) const {
  const auto* b = static_cast<const std::uint8_t*>(sqlite3_column_blob(st_, col));
  return b != nullptr ? std::vector<std::uint8_t>(b, b + sqlite3_column_bytes(st_, col)) : std::vector<std::uint8_t>();
}

Value Statement::value(int col) const {
  switch (sqlite3_column_type(st_, col)) {
    case SQLITE_INTEGER: return integer(col);
    case SQLITE_FLOAT: return real(col);
    case SQLITE_TEXT: return text(col);
    case SQLITE_BLOB: return blob(col);
    default: return {};
  }
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
      // Nothing more can be done: SQLite rolls back an unfinished transaction on close.
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace guotu::sqlite
