#include "pg/database.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "core/conninfo.hpp"

namespace guotu::pg {

namespace {

// Built-in type OIDs (src/include/catalog/pg_type.dat; fixed since PostgreSQL 7, and not in the
// client headers).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

std::string sqlstate_of(const PGresult* r) {
  const char* s = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  return s != nullptr ? s : "";
}

std::string trimmed(const char* msg) {
  std::string s = msg != nullptr ? msg : "";
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

// The message of a failed result: primary text, with detail and hint when the server gave them.
std::string message_of(const PGresult* r, pg_conn* c) {
  if (r == nullptr) return trimmed(PQerrorMessage(c));
  std::string m = trimmed(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY));
  if (m.empty()) m = trimmed(PQresultErrorMessage(r));
  if (const char* d = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL)) m += " (" + trimmed(d) + ")";
  if (const char* h = PQresultErrorField(r, PG_DIAG_MESSAGE_HINT)) m += "; hint: " + trimmed(h);
  return m;
}

void ignore_notice(void* /*arg*/, const char* /*message*/) {}

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

bool Failure::constraint() const noexcept {
  return sqlstate_.rfind("23", 0) == 0 || sqlstate_.rfind("22", 0) == 0;
}
bool Failure::busy() const noexcept {
  return sqlstate_ == "55P03" || sqlstate_ == "40001" || sqlstate_ == "40P01" || sqlstate_ == "57014";
}
bool Failure::connection() const noexcept {
  return sqlstate_.empty() || sqlstate_.rfind("08", 0) == 0;
}

void Result::Clear::operator()(pg_result* r) const noexcept {
  PQclear(r);
}

int Result::rows() const {
  return PQntuples(r_.get());
}
int Result::columns() const {
  return PQnfields(r_.get());
}
std::string Result::column_name(int col) const {
  return PQfname(r_.get(), col);
}

std::int64_t Result::affected() const {
  const char* n = PQcmdTuples(r_.get());
  std::int64_t v = 0;
  if (n != nullptr) std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}

Value Result::value(int row, int col) const {
  pg_result* r = r_.get();
  if (PQgetisnull(r, row, col) != 0) return {};
  const char* s = PQgetvalue(r, row, col);
  const auto len = static_cast<std::size_t>(PQgetlength(r, row, col));
  switch (PQftype(r, col)) {
    case kBool: return static_cast<std::int64_t>(s[0] == 't' ? 1 : 0);
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: {
      std::int64_t v = 0;
      std::from_chars(s, s + len, v);
      return v;
    }
    case kFloat4:
    case kFloat8:
    case kNumeric: {
      // from_chars reads PostgreSQL's "NaN", "Infinity" and "-Infinity" too, whatever the locale.
      double v = 0;
      std::from_chars(s, s + len, v);
      return v;
    }
    case kBytea: {
      std::size_t n = 0;
      unsigned char* b = PQunescapeBytea(reinterpret_cast<const unsigned char*>(s), &n);
      if (b == nullptr) throw Failure("53200", "out of memory decoding bytea");
      std::vector<std::uint8_t> out(b, b + n);
      PQfreemem(b);
      return out;
    }
    default: return std::string(s, len);
  }
}

Connection::Connection(const std::string& conninfo, Options options) {
  // Later keywords win (libpq processes them in order), so the defaults go before the
  // user's string (expanded from "dbname"), the fallback application name after it.
  const std::string timeout = std::to_string(options.connect_timeout.count());
  const char* keys[] = {"connect_timeout", "dbname", "fallback_application_name", "client_encoding", nullptr};
  const char* values[] = {timeout.c_str(), conninfo.c_str(), "guotu", "UTF8", nullptr};
  c_ = PQconnectdbParams(keys, values, 1);
  if (c_ == nullptr) throw Failure("", "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(c_) != CONNECTION_OK) {
    std::string msg = trimmed(PQerrorMessage(c_));
    PQfinish(c_);
    c_ = nullptr;
    throw Failure("", "cannot connect to PostgreSQL: " + msg);
  }
  PQsetNoticeProcessor(c_, ignore_notice, nullptr);
  exec(fmt::format(
      "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET lock_timeout = '{}s'; SET extra_float_digits = 3",
      options.lock_timeout.count()));
}

Connection::~Connection() {
  if (c_ != nullptr) PQfinish(c_);
}

Connection::Connection(Connection&& o) noexcept : c_(o.c_) {
  o.c_ = nullptr;
}

void Connection::exec(std::string_view sql) {
  const std::string s(sql);
  std::unique_ptr<pg_result, Result::Clear> r(PQexec(c_, s.c_str()));
  const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw Failure(sqlstate_of(r.get()), message_of(r.get(), c_));
}

Result Connection::query(std::string_view sql, const std::vector<Value>& params) {
  const std::string s(sql);
  std::vector<std::string> text(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
  std::vector<Oid> types(params.size(), 0);  // 0: the server infers the type from the context
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      text[i] = std::to_string(*n);
      types[i] = kInt8;
    } else if (const auto* d = std::get_if<double>(&v)) {
      text[i] = fmt::format("{}", *d);  // shortest text that reads back as the same double
      types[i] = kFloat8;
    } else if (const auto* t = std::get_if<std::string>(&v)) {
      text[i] = *t;
    } else if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&v)) {
      values[i] = reinterpret_cast<const char*>(b->data());
      lengths[i] = static_cast<int>(b->size());
      formats[i] = 1;
      types[i] = kBytea;
      continue;
    } else {
      continue;  // NULL
    }
    values[i] = text[i].c_str();
  }
  pg_result* raw = PQexecParams(c_, s.c_str(), static_cast<int>(params.size()), types.data(), values.data(),
                                lengths.data(), formats.data(), 0);
  Result r(raw);
  const auto status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw Failure(sqlstate_of(raw), message_of(raw, c_));
  return r;
}

std::string Connection::quote_identifier(std::string_view name) const {
  char* q = PQescapeIdentifier(c_, name.data(), name.size());
  if (q == nullptr) throw Failure("22000", trimmed(PQerrorMessage(c_)));
  std::string out(q);
  PQfreemem(q);
  return out;
}

Transaction::Transaction(Connection& c, std::string_view begin) : c_(c) {
  c_.exec(begin);
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      c_.exec("ROLLBACK");
    } catch (...) {
      // A broken connection: the server rolls the transaction back when the session ends.
    }
  }
}

void Transaction::commit() {
  c_.exec("COMMIT");
  done_ = true;
}

Target parse_target(const std::string& text) {
  Target t;
  const bool uri = text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
  if (uri) {
    const auto q = text.find('?');
    t.conninfo = text.substr(0, q);
    if (q == std::string::npos) return t;
    std::string kept;
    std::string_view rest(text);
    rest.remove_prefix(q + 1);
    while (!rest.empty()) {
      const auto amp = rest.find('&');
      const std::string_view item = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      const auto eq = item.find('=');
      const std::string key = percent_decode(item.substr(0, eq));
      if (key == "schema" || key == "active_schema") {
        t.schema = eq == std::string_view::npos ? "" : percent_decode(item.substr(eq + 1));
        continue;
      }
      if (item.empty()) continue;
      kept += (kept.empty() ? "" : "&") + std::string(item);
    }
    if (!kept.empty()) t.conninfo += "?" + kept;
    return t;
  }
  // key=value form (GDAL's "PG:" prefix optional); text that is not key=value goes to libpq as
  // it is, which names the problem.
  std::string rest;
  for (const auto& [key, value] :
       conninfo_pairs(text.rfind("PG:", 0) == 0 ? std::string_view(text).substr(3) : std::string_view(text), &rest)) {
    if (key == "active_schema" || key == "schema") {
      t.schema = value;
      continue;
    }
    t.conninfo += (t.conninfo.empty() ? "" : " ") + key + "=" + conninfo_quote(value);
  }
  if (!rest.empty()) t.conninfo += (t.conninfo.empty() ? "" : " ") + rest;
  return t;
}

}  // namespace guotu::pg
