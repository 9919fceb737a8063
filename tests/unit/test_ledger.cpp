// The farmland balance ledger: its rules, append-only history, the sample ledger's published
// totals, concurrent writers and writers killed mid-transaction.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <sys/wait.h>

#include "check/occupancy.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "fixtures.hpp"
#include "gdal/output_writer.hpp"
#include "geos/geometry.hpp"
#include "layers/admin_units.hpp"
#include "ledger/farmland_ledger.hpp"
#include "ledger/from_check.hpp"
#include "pg/database.hpp"
#include "support.hpp"

using namespace guotu::ledger;
namespace fs = std::filesystem;

namespace {

constexpr double kMu = 10000.0 / 15.0;

Supplement supplement(const std::string& id, const std::string& county, double mu, const std::string& accepted,
                      int grade = 6, double paddy_mu = 0) {
  return {id, county, "项目 " + id, "土地整治", mu * kMu, paddy_mu * kMu, grade, std::nullopt, accepted, {}};
}
Occupation occupation(const std::string& id, const std::string& county, double mu, const std::string& date,
                      double paddy_mu = 0, double capacity = 0) {
  return {id,       "工程 " + id,   county,   date, "鲁政土字〔2023〕1号",
          mu * kMu, paddy_mu * kMu, capacity, {},   kCapacityGiven};
}

// The ledger in one of its two stores, and an auditor's raw SQL on it: sqlite3 on the file or
// libpq on the schema, not guotu's adapters. The PostgreSQL instances run where
// GUOTU_TEST_POSTGRESQL names a server ("postgresql://postgres@127.0.0.1:PORT/guotu"): CTest's
// ledger_postgresql test starts a throwaway cluster for them (tests/postgis/ledger_pg_test.sh).
class LedgerStore : public ::testing::TestWithParam<std::string> {
 protected:
  [[nodiscard]] bool pg() const { return GetParam() == "postgresql"; }

  void SetUp() override {
    if (const char* b = std::getenv("GUOTU_TEST_POSTGRESQL")) base_ = b;
    if (pg() && base_.empty()) {
      GUOTU_CLIENT_MISSING("GUOTU_TEST_POSTGRESQL names no PostgreSQL server (CTest runs these as ledger_postgresql)");
    }
  }
  void TearDown() override {
    for (const auto& schema : schemas_)
      (void)raw(base_, "", "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE", nullptr);
  }

  /// A target for a new, empty ledger: a file in the test's directory, or a fresh schema.
  std::string fresh(const std::string& name) {
    if (!pg()) return (dir_ / (name + ".sqlite")).string();
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string schema = "t_" + std::string(info->name()) + "_" + name + "_" + std::to_string(::getpid());
    std::transform(schema.begin(), schema.end(), schema.begin(),
                   [](unsigned char c) { return std::isalnum(c) ? std::tolower(c) : '_'; });
    schemas_.push_back(schema);
    (void)raw(base_, "", "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE", nullptr);
    return base_ + "?schema=" + schema;
  }

  /// First column of the first row of `sql` on the ledger, as an auditor would run it.
  double scalar(const std::string& db, const std::string& sql) {
    std::string v;
    if (!query(db, sql, &v)) return std::nan("");
    return std::strtod(v.c_str(), nullptr);
  }
  std::string text(const std::string& db, const std::string& sql) {
    std::string v;
    (void)query(db, sql, &v);
    return v;
  }
  /// Runs a statement; false (with the database's message in `error`) when it is refused.
  bool exec(const std::string& db, const std::string& sql, std::string* error = nullptr) {
    if (!is_postgres(db)) {
      sqlite3* h = nullptr;
      sqlite3_open(db.c_str(), &h);
      char* err = nullptr;
      const bool ok = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK;
      if (error != nullptr && err != nullptr) *error = err;
      sqlite3_free(err);
      sqlite3_close(h);
      return ok;
    }
    return raw(conninfo_of(db), schema_of(db), sql, nullptr, error);
  }

  const guotu::test::TempDir& dir() const { return dir_; }
  const std::string& base() const { return base_; }

  // The connection part of a "postgresql://…?schema=…" target.
  static std::string conninfo_of(const std::string& db) { return db.substr(0, db.find('?')); }
  static std::string schema_of(const std::string& db) {
    const auto q = db.find("?schema=");
    return q == std::string::npos ? std::string() : db.substr(q + 8);
  }

 private:
  static bool is_postgres(const std::string& db) { return db.rfind("postgresql://", 0) == 0; }

  bool query(const std::string& db, const std::string& sql, std::string* first) {
    if (!is_postgres(db)) {
      sqlite3* h = nullptr;
      sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
      sqlite3_stmt* st = nullptr;
      bool ok = false;
      if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const auto* t = sqlite3_column_text(st, 0);
        *first = t != nullptr ? reinterpret_cast<const char*>(t) : "";
        ok = true;
      } else {
        ADD_FAILURE() << sqlite3_errmsg(h) << " in " << sql;
      }
      sqlite3_finalize(st);
      sqlite3_close(h);
      return ok;
    }
    std::string error;
    const bool ok = raw(conninfo_of(db), schema_of(db), sql, first, &error);
    if (!ok) ADD_FAILURE() << error << " in " << sql;
    return ok;
  }

  // libpq on `conninfo`, in `schema` (when given): runs sql, the first value of its first row
  // into `first`.
  static bool raw(const std::string& conninfo, const std::string& schema, const std::string& sql, std::string* first,
                  std::string* error = nullptr) {
    std::unique_ptr<PGconn, void (*)(PGconn*)> c(PQconnectdb(conninfo.c_str()), PQfinish);
    if (PQstatus(c.get()) != CONNECTION_OK) {
      if (error != nullptr) *error = PQerrorMessage(c.get());
      return false;
    }
    PQsetNoticeProcessor(
        c.get(), [](void*, const char*) {}, nullptr);
    if (!schema.empty()) PQclear(PQexec(c.get(), ("SET search_path TO \"" + schema + "\"").c_str()));
    std::unique_ptr<PGresult, void (*)(PGresult*)> r(PQexec(c.get(), sql.c_str()), PQclear);
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      if (error != nullptr) *error = PQresultErrorMessage(r.get());
      return false;
    }
    if (first != nullptr) {
      if (status != PGRES_TUPLES_OK || PQntuples(r.get()) == 0) return false;
      *first = PQgetvalue(r.get(), 0, 0);
    }
    return true;
  }

  guotu::test::TempDir dir_;
  std::string base_;
  std::vector<std::string> schemas_;
};

double stock_mu(const FarmlandLedger& l, const std::string& county, const std::string& at = {}) {
  for (const auto& b : l.balances(at, county)) return b.stock.area_m2 / kMu;
  return 0;
}

}  // namespace

TEST_P(LedgerStore, SupplementFirstThenOccupy) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "tester");
  FarmlandLedger l(db, "tester");
  l.add_supplement(supplement("S1", "371502", 100, "2023-03-01"));
  // 先补后占: an occupation before the supplement's acceptance cannot draw on it.
  try {
    l.add_occupation(occupation("O0", "371502", 10, "2023-02-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "先补后占") << e.what();
    EXPECT_NE(std::string(e.what()).find("10.00 亩"), std::string::npos) << e.what();
  }
  auto draws = l.add_occupation(occupation("O1", "371502", 60, "2023-04-01"));
  ASSERT_EQ(draws.size(), 1u);
  EXPECT_NEAR(draws[0].second.area_m2, 60 * kMu, 1e-6);
  EXPECT_NEAR(stock_mu(l, "371502"), 40, 1e-9);
  EXPECT_NEAR(stock_mu(l, "371502", "2023-03-15"), 100, 1e-9);  // balances as of a date
  // Never more than the stock: the message names the rule and the numbers.
  try {
    l.add_occupation(occupation("O2", "371502", 50, "2023-05-01"));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "占补平衡 (数量)");
    EXPECT_NE(std::string(e.what()).find("40.00 亩"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("50.00 亩"), std::string::npos) << e.what();
  }
  // Another county's quota is not this county's.
  EXPECT_THROW(l.add_occupation(occupation("O3", "371503", 1, "2023-05-01")), RuleViolation);
  // A refused write leaves nothing behind.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM draws"), 1);
}

TEST_P(LedgerStore, PaddyAndCapacityBalance) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "tester");
  FarmlandLedger l(db, "tester");
  l.add_supplement(supplement("S1", "371502", 100, "2023-01-01", 10, 5));  // grade 10: weight 6/15
  // 水田 occupied needs 水田 supplied.
  try {
    l.add_occupation(occupation("O1", "371502", 10, "2023-02-01", 8));
    FAIL();
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "占补平衡 (水田)") << e.what();
  }
  // Capacity: 10 亩 of grade-3 land (weight 13/15) needs more than 10 亩 of grade-10 supply.
  const double need = 10 * kMu * 13.0 / 15.0;
  auto draws = l.add_occupation(occupation("O2", "371502", 10, "2023-02-01", 0, need));
  double area = 0, cap = 0;
  for (const auto& [s, q] : draws) area += q.area_m2, cap += q.capacity;
  EXPECT_NEAR(cap, need, 1e-6);
  EXPECT_NEAR(area / kMu, 10 * 13.0 / 6.0, 1e-6);  // more area, equal quality
  EXPECT_THROW(l.add_occupation(occupation("O3", "371502", 1, "2023-03-01", 0, 1e9)), RuleViolation);
}

TEST_P(LedgerStore, TransfersAndReversals) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "tester");
  FarmlandLedger l(db, "tester");
  l.add_supplement(supplement("S1", "371502", 100, "2023-01-01"));
  l.transfer({"T1", "2023-06-01", "371502", "371503", "交易1号", 30 * kMu, ""});
  EXPECT_NEAR(stock_mu(l, "371502"), 70, 1e-9);
  EXPECT_NEAR(stock_mu(l, "371503"), 30, 1e-9);
  // The buyer may use it from the transfer date on, not before.
  EXPECT_THROW(l.add_occupation(occupation("O0", "371503", 10, "2023-05-01")), RuleViolation);
  l.add_occupation(occupation("O1", "371503", 25, "2023-07-01"));
  EXPECT_NEAR(stock_mu(l, "371503"), 5, 1e-9);
  // Quota that was drawn cannot be reversed away from under its draws …
  EXPECT_THROW(l.reverse("transfer", "T1", "2023-08-01", "录入错误"), RuleViolation);
  EXPECT_THROW(l.reverse("supplement", "S1", "2023-08-01", "录入错误"), RuleViolation);
  // … but reversing the occupation first works, and the stock comes back.
  l.reverse("occupation", "O1", "2023-08-01", "项目撤销");
  EXPECT_NEAR(stock_mu(l, "371503"), 30, 1e-9);
  l.reverse("transfer", "T1", "2023-08-01", "交易撤销");
  EXPECT_NEAR(stock_mu(l, "371502"), 100, 1e-9);
  // History is kept: the reversed rows are all still there.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM reversals"), 2);
  EXPECT_THROW(l.reverse("occupation", "O1", "2023-09-01", "twice"), guotu::Error);
}

TEST_P(LedgerStore, AppendOnlyAndAudited) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "张三");
  {
    FarmlandLedger l(db, "张三");
    l.add_supplement(supplement("S1", "371502", 10, "2023-01-01"));
  }
  // Even the database's owner cannot edit history: the triggers refuse, naming the rule.
  for (const char* sql : {"UPDATE supplements SET area_m2 = 1", "DELETE FROM audit", "UPDATE lots SET area_m2 = 1e9",
                          "DELETE FROM lots"}) {
    std::string error;
    EXPECT_FALSE(exec(db, sql, &error)) << sql;
    if (std::string(sql).rfind("UPDATE supplements", 0) == 0) {
      EXPECT_NE(error.find("append-only"), std::string::npos) << error;
    }
  }
  if (pg()) {
    EXPECT_FALSE(exec(db, "TRUNCATE audit CASCADE")) << "TRUNCATE is refused too";
  }
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), 1);
  EXPECT_EQ(text(db, "SELECT clerk FROM audit WHERE action = 'add-supplement'"), "张三");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements s JOIN audit a ON a.id = s.audit_id"), 1);
  // init again is a no-op migration; the schema version is recorded.
  FarmlandLedger::init(db, "张三");
  EXPECT_EQ(scalar(db, "SELECT MAX(version) FROM schema_migrations"), 3);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM audit WHERE action = 'migrate'"), 3);
  if (pg()) {
    // The database role that wrote each row, beside the clerk guotu was told.
    EXPECT_EQ(text(db, "SELECT DISTINCT db_role FROM audit"), "postgres");
  } else {
    EXPECT_EQ(text(db, "PRAGMA journal_mode"), "wal");
  }
}

TEST_P(LedgerStore, TextIsStoredVerbatim) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "o'brien; DROP TABLE audit; --");
  FarmlandLedger l(db, "o'brien; DROP TABLE audit; --");
  const std::vector<std::string> names = {"王家庄\"土地整治\"项目", "x'); DELETE FROM supplements; --", "a;b;c",
                                          "聊城市东昌府区 ’’ ‘引号’", "Robert'); DROP TABLE lots;--"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    Supplement s = supplement(names[i], "371502", 1, "2023-01-01");
    s.name = names[i];
    l.add_supplement(s);
  }
  std::vector<std::string> header;
  auto rows = l.rows("supplements", header);
  ASSERT_EQ(rows.size(), names.size());
  std::set<std::string> ids, stored_names;
  for (const auto& r : rows) ids.insert(r[0]), stored_names.insert(r[2]);
  EXPECT_EQ(ids, std::set<std::string>(names.begin(), names.end()));
  EXPECT_EQ(stored_names, std::set<std::string>(names.begin(), names.end()));
  EXPECT_EQ(text(db, "SELECT DISTINCT clerk FROM audit"), "o'brien; DROP TABLE audit; --");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), static_cast<double>(names.size()));
}

TEST_P(LedgerStore, InOutBalanceClosesOrIsOpen) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  l.add_inout({"A", "371502", "2023-03-01", "", 2023, "out", 10 * kMu, 7, ""});
  l.add_inout({"B", "371502", "2023-09-01", "", 2023, "in", 8 * kMu, 7, ""});
  l.add_inout({"C", "371503", "2023-03-01", "", 2023, "out", 10 * kMu, 7, "灾毁"});  // exempt
  auto b = l.inout_balances(2023);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_FALSE(b[0].closed);  // 371502: 10 out, 8 in
  EXPECT_TRUE(b[1].closed);   // 371503: exempt
  EXPECT_THROW(l.add_inout({"D", "371502", "2024-01-01", "", 2023, "in", kMu, 7, ""}),
               guotu::Error);  // date not in year
  EXPECT_THROW(l.add_inout({"E", "371502", "2023-01-01", "", 2023, "sideways", kMu, 7, ""}), guotu::Error);
}

// Every value is checked in C++ before it reaches SQL (issue #15): infinite, huge, negative and
// zero areas, dates that are no calendar dates (SQLite's date() passes 2023-02-30), counties
// that are not county codes, boundaries that are empty, points, invalid or in degrees. Each is a
// BadInput error naming the entry and the value, and nothing is written.
TEST_P(LedgerStore, RefusesBadValuesBeforeSql) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  l.add_supplement(supplement("S0", "371502", 100, "2023-01-01"));
  const double audit_rows = scalar(db, "SELECT COUNT(*) FROM audit");
  auto refused = [&](const std::function<void()>& write, const std::string& expect) {
    try {
      write();
      ADD_FAILURE() << "accepted; expected: " << expect;
    } catch (const RuleViolation& e) {
      ADD_FAILURE() << "a rule violation (exit 1) instead of bad input: " << e.what();
    } catch (const guotu::Error& e) {
      EXPECT_EQ(e.kind(), guotu::ErrorKind::BadInput) << e.what();
      EXPECT_NE(std::string(e.what()).find(expect), std::string::npos) << e.what();
    }
  };
  auto with = [](Supplement s, const std::function<void(Supplement&)>& change) {
    change(s);
    return s;
  };
  const Supplement ok = supplement("S1", "371502", 10, "2023-01-01");
  const double inf = std::numeric_limits<double>::infinity();
  // Areas: finite, above 0, at most 10,000,000 亩.
  for (double bad : {inf, -inf, std::nan(""), 1e308, -10 * kMu, 0.0, 1.1e7 * kMu}) {
    refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.area_m2 = bad; })); },
            "supplement S1: area must be a finite area above 0");
    refused(
        [&] {
          Occupation o = occupation("O2", "371502", 1, "2023-02-01");
          o.area_m2 = bad;
          l.add_occupation(o);
        },
        "occupation O2: area must be");
    refused([&] { l.transfer({"T1", "2023-06-01", "371502", "371503", "", bad, ""}); }, "transfer T1: area must be");
    refused(
        [&] {
          l.add_inout({"I1", "371502", "2023-03-01", "", 2023, "out", bad, 7, ""});
        },
        "进出平衡 entry I1: area must be");
  }
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.paddy_m2 = s.area_m2 * 2; })); },
          "paddy (水田) must be a finite area from 0");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.paddy_m2 = -1; })); }, "paddy (水田) must be");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.capacity = -5; })); },
          "capacity must be a finite number");
  refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.capacity = inf; })); },
          "capacity must be a finite number");
  refused([&] { l.add_occupation(occupation("O3", "371502", 1, "2023-02-01", 0, -1)); }, "capacity must be");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.grade = 16; })); }, "grade (耕地等别) must be 1–15");
  // Dates: real calendar dates, checked in C++.
  for (const char* bad :
       {"2023-02-30", "2023-13-01", "2023-2-1", "", "1989-12-31", "2023-02-29", "2023/01/01", "２０２３-01-01"})
    refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.accepted_on = bad; })); }, "accepted_on");
  l.add_supplement(with(ok, [](Supplement& s) {
    s.id = "S-leap";
    s.accepted_on = "2024-02-29";
  }));  // a leap day is a date
  refused([&] { l.add_occupation(occupation("O4", "371502", 1, "2023-02-30")); },
          "date 2023-02-30 is not a calendar date");
  refused(
      [&] {
        l.transfer({"T2", "2023-04-31", "371502", "371503", "", kMu, ""});
      },
      "date 2023-04-31 is not a calendar date");
  refused([&] { l.reverse("supplement", "S0", "2023-02-30", "x"); }, "date 2023-02-30 is not a calendar date");
  refused([&] { (void)l.balances("2023-02-30"); }, "not a calendar date");
  // Counties: county-level codes of data/admin/admin_units.csv, the valid ones named.
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.county = "999999"; })); },
          "county '999999' is not a county code of admin_units.csv; valid codes: ");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.county = "999999"; })); }, "371502 东昌府区");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.county = "东昌府区"; })); },
          "(that is the name of county 371502)");
  refused([&] { l.add_supplement(with(ok, [](Supplement& s) { s.county = "3715"; })); }, "(3715 is a city: 聊城市)");
  refused([&] { l.transfer({"T3", "2023-06-01", "371502", "999999", "", kMu, ""}); }, "to county '999999'");
  refused([&] { l.transfer({"T4", "2023-06-01", "371502", "371502", "", kMu, ""}); }, "between two counties");
  refused(
      [&] {
        l.add_inout({"I2", "东昌府区", "2023-03-01", "", 2023, "out", kMu, 7, ""});
      },
      "that is the name of county 371502");
  refused(
      [&] {
        l.add_inout({"I3", "371502", "2023-03-01", "", 99999, "out", kMu, 7, ""});
      },
      "year 99999 must be the year of its date");
  // Boundaries: valid, non-empty polygons in EPSG:4527.
  auto wkb = [](const std::string& wkt) { return guotu::geos::Geometry::from_wkt(wkt).to_wkb(); };
  refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.polygon_wkb = wkb("POLYGON EMPTY"); })); },
          "the boundary is empty");
  refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.polygon_wkb = wkb("POINT (39500000 4030000)"); })); },
          "the boundary must be a polygon");
  refused(
      [&] {
        l.add_supplement(with(ok, [&](Supplement& s) {
          s.polygon_wkb = wkb("POLYGON ((115.9 36.4, 116.0 36.4, 116.0 36.5, 115.9 36.5, 115.9 36.4))");
        }));
      },
      "these look like longitude/latitude degrees");
  refused(
      [&] {
        l.add_supplement(with(ok, [&](Supplement& s) {
          s.polygon_wkb = wkb(
              "POLYGON ((39500000 4030000, 39500100 4030100, 39500100 4030000, 39500000 4030100, 39500000 4030000))");
        }));
      },
      "the boundary is not a valid polygon: Self-intersection");
  refused(
      [&] {
        l.add_supplement(with(
            ok, [&](Supplement& s) { s.polygon_wkb = wkb("POLYGON ((1e25 0, 1e25 1, 1.0000001e25 1, 1e25 0))"); }));
      },
      "is not in the ledger's CRS EPSG:4527");
  // Text: UTF-8 only (a GBK id from a terminal in another locale would be stored as bytes that
  // PostgreSQL refuses and JSON cannot carry); the message shows it with U+FFFD.
  const std::string gbk = "\xB2\xE2\xCA\xD4";  // 测试 in GBK
  refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.id = gbk; })); },
          "supplement \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD: id '");
  refused([&] { l.add_supplement(with(ok, [&](Supplement& s) { s.name = gbk; })); }, "is not valid UTF-8 text");
  refused(
      [&] {
        Occupation o = occupation("O5", "371502", 1, "2023-02-01");
        o.approval_ref = gbk;
        l.add_occupation(o);
      },
      "approval_ref '");
  refused([&] { l.transfer({"T5", "2023-06-01", "371502", "371503", gbk, kMu, ""}); }, "reference '");
  refused([&] { l.add_inout({"I4", "371502", "2023-03-01", gbk, 2023, "out", kMu, 7, ""}); }, "note '");
  refused([&] { l.reverse("supplement", "S0", "2023-03-01", gbk); }, "reason '");
  refused([&] { FarmlandLedger other(db, gbk); }, "the ledger's user: user '");
  // Nothing of all that reached the store.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM audit"), audit_rows + 1);  // + S-leap
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM transfers"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM inout"), 0);
  EXPECT_NEAR(stock_mu(l, "371502"), 110, 1e-9);
  // A valid boundary in EPSG:4527 is accepted.
  l.add_supplement(with(ok, [&](Supplement& s) {
    s.id = "S-poly";
    s.polygon_wkb =
        wkb("POLYGON ((39500000 4030000, 39500100 4030000, 39500100 4030100, 39500000 4030100, 39500000 4030000))");
  }));
}

TEST_P(LedgerStore, SampleLedgerReproducesThe2023Figures) {
  const auto db = fresh("l");
  const auto sample = guotu::test::data_file("data/ledger/sample").string();
  ASSERT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' init 2>/dev/null").exit_code, 0);
  ASSERT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' import '" + sample + "' 2>/dev/null").exit_code, 0);
  auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json balance --year 2023 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  // seed001_002.md FL-04 (seeds/001 L135): 177 projects, 4,796.97 亩 drawn; 8,312.7 亩 in stock.
  EXPECT_EQ(j["year"]["occupations"], 177);
  EXPECT_NEAR(j["year"]["drawn"]["area_mu"].get<double>(), 4796.97, 0.005);
  EXPECT_NEAR(j["stock"]["area_mu"].get<double>(), 8312.70, 0.005);
  // Independently, by SQL on the entries themselves.
  EXPECT_NEAR(
      scalar(db, "SELECT SUM(area_m2) FROM occupations WHERE date >= '2023-01-01' AND date <= '2023-12-31'") / kMu,
      4796.97, 0.005);
  // A second import of the same entries is refused whole (duplicate ids) and changes nothing.
  EXPECT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' import '" + sample + "' 2>/dev/null").exit_code, 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 327);
}

// Another desk holding the ledger longer than --wait: the write gives up with exit 3, says the
// ledger is busy, and writes nothing; once the other desk is done, the same write goes in.
TEST_P(LedgerStore, BusyLedgerIsReportedAfterTheWait) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  const std::string add =
      "ledger --db '" + db +
      "' --wait 1 add-supplement --id S2 --county 371502 --area-mu 5 --grade 6 --accepted 2023-01-01";
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> file(nullptr, sqlite3_close);
  std::unique_ptr<PGconn, void (*)(PGconn*)> server(nullptr, PQfinish);
  if (pg()) {
    // A long transaction that holds the audit table, as a stuck client would.
    server.reset(PQconnectdb(conninfo_of(db).c_str()));
    ASSERT_EQ(PQstatus(server.get()), CONNECTION_OK);
    const std::string sql = "BEGIN; LOCK TABLE \"" + schema_of(db) + "\".audit IN ACCESS EXCLUSIVE MODE";
    PQclear(PQexec(server.get(), sql.c_str()));
  } else {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    file.reset(h);
    ASSERT_EQ(sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = guotu::test::run_guotu(add + " 2>&1");
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("the ledger is busy"), std::string::npos) << r.out;
  EXPECT_GE(waited, 0.9);
  EXPECT_LT(waited, 30);
  // The other desk finishes.
  if (pg())
    PQclear(PQexec(server.get(), "ROLLBACK"));
  else
    sqlite3_exec(file.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), 0) << "a write that gave up left nothing";
  EXPECT_EQ(guotu::test::run_guotu(add + " 2>/dev/null").exit_code, 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), 1);
}

// 8 processes, 10,000 mixed operations on one ledger: no lost update, no double-spent quota,
// final balances equal the sums of the entries.
TEST_P(LedgerStore, ConcurrentWritersLoseNothing) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  const std::vector<std::string> counties = {"371502", "371503", "371521"};
  // 10,000 operations in all; 2,000 under the sanitizers, where each costs ten times as much and
  // the contention (the point) is the same.
#if defined(__SANITIZE_ADDRESS__)
  constexpr int kProcs = 8, kOps = 250;
#else
  constexpr int kProcs = 8, kOps = 1250;
#endif
  std::vector<pid_t> pids;
  for (int p = 0; p < kProcs; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        FarmlandLedger l(db, "worker" + std::to_string(p));
        std::mt19937 rng(static_cast<unsigned>(p));
        std::ofstream log((dir() / ("ok" + std::to_string(p))).string());
        for (int i = 0; i < kOps; ++i) {
          const std::string id = std::to_string(p) + "-" + std::to_string(i);
          const std::string& county = counties[rng() % counties.size()];
          const int op = static_cast<int>(rng() % 10);
          try {
            if (op < 3) {
              l.add_supplement(supplement("S" + id, county, 1 + rng() % 20, "2023-01-01"));
              log << "S " << id << "\n";
            } else if (op < 8) {
              l.add_occupation(occupation("O" + id, county, 1 + rng() % 10, "2023-06-01"));
              log << "O " << id << "\n";
            } else if (op < 9) {
              l.transfer({"T" + id, "2023-03-01", county, counties[(rng() % 2 + 1 + (&county - &counties[0])) % 3], "",
                          (1 + rng() % 5) * kMu, ""});
              log << "T " << id << "\n";
            } else {
              (void)l.balances();
            }
          } catch (const RuleViolation&) {
            // Refused for lack of stock: a correct outcome, nothing written.
          }
        }
        log.flush();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "worker %d: %s\n", p, e.what());
        code = 1;
      }
      ::_exit(code);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::map<char, int> logged;
  for (int p = 0; p < kProcs; ++p) {
    std::ifstream in((dir() / ("ok" + std::to_string(p))).string());
    std::string kind, id;
    while (in >> kind >> id) ++logged[kind[0]];
  }
  // No lost update: every acknowledged write is in the file.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), logged['S']);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), logged['O']);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM transfers"), logged['T']);
  EXPECT_GT(logged['O'], 100);
  // No double spending: no lot gives more than it holds.
  EXPECT_EQ(scalar(db,
                   "SELECT COUNT(*) FROM lots l WHERE l.area_m2 + 1e-6 < (SELECT COALESCE(SUM(d.area_m2), 0) FROM "
                   "draws d WHERE d.lot_id = l.id)"),
            0);
  // Balances equal the sums of the entries, and none is negative.
  FarmlandLedger l(db, "t");
  for (const auto& b : l.balances()) {
    SCOPED_TRACE(b.county);
    const double supplied =
        scalar(db, "SELECT COALESCE(SUM(area_m2), 0) FROM supplements WHERE county = '" + b.county + "'");
    const double occupied =
        scalar(db, "SELECT COALESCE(SUM(area_m2), 0) FROM occupations WHERE county = '" + b.county + "'");
    const double sold = scalar(db,
                               "SELECT COALESCE(SUM(l.area_m2), 0) FROM lots l JOIN transfers t ON t.id = "
                               "l.transfer_id WHERE t.from_county = '" +
                                   b.county + "'");
    const double bought = scalar(db,
                                 "SELECT COALESCE(SUM(l.area_m2), 0) FROM lots l JOIN transfers t ON t.id = "
                                 "l.transfer_id WHERE t.to_county = '" +
                                     b.county + "'");
    EXPECT_NEAR(b.stock.area_m2, supplied - occupied - sold + bought, 1e-3);
    EXPECT_GE(b.stock.area_m2, -1e-6);
  }
  if (!pg()) {
    EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
  }
}

// SIGKILL at random points during writes, 50 times: the ledger stays intact and holds exactly the
// committed entries (every acknowledged one; none that never started).
TEST_P(LedgerStore, SurvivesSigkillDuringWrites) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  // The data files a ledger reads once per process (grade weights, the counties), read here
  // before the forks: each child's 20–100 ms go to writes, not to reading CSV files.
  (void)guotu::check::GradeWeights::embedded();
  (void)guotu::layers::AdminUnits::embedded();
  std::mt19937 rng(42);
  std::set<std::string> acknowledged, started;
  for (int round = 0; round < 50; ++round) {
    const auto log_path = dir() / ("log" + std::to_string(round));
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      FarmlandLedger l(db, "killer");
      for (int i = 0;; ++i) {
        const std::string id = std::to_string(round) + "-" + std::to_string(i);
        const std::string begin = "B " + id + "\n", done = "D " + id + "\n";
        (void)!::write(fd, begin.data(), begin.size());
        try {
          if (i % 2 == 0)
            l.add_supplement(supplement("S" + id, "371502", 2, "2023-01-01"));
          else
            l.add_occupation(occupation("S" + id, "371502", 1, "2023-02-01"));
        } catch (const RuleViolation&) {
        }
        (void)!::write(fd, done.data(), done.size());
      }
    }
    // Kill at a random moment after the child's second acknowledged write, not at a fixed time
    // after the fork: on a loaded or sanitized machine connecting alone can take 100 ms.
    for (int waited_ms = 0; waited_ms < 60000; ++waited_ms) {
      std::ifstream probe(log_path);
      std::string k, id;
      int done = 0;
      while (probe >> k >> id) done += k == "D" ? 1 : 0;
      if (done >= 2) break;
      ::usleep(1000);
    }
    ::usleep(static_cast<useconds_t>(rng() % 50000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::ifstream in(log_path);
    std::string k, id;
    while (in >> k >> id) (k == "B" ? started : acknowledged).insert("S" + id);
  }
  if (!pg()) {
    EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
  }
  FarmlandLedger l(db, "t");
  std::vector<std::string> h;
  std::set<std::string> in_db;
  for (const auto& r : l.rows("supplements", h)) in_db.insert(r[0]);
  for (const auto& r : l.rows("occupations", h)) in_db.insert(r[0]);
  EXPECT_GT(acknowledged.size(), 50u);
  for (const auto& id : in_db) EXPECT_TRUE(started.count(id)) << id << " was never written";
  // Acknowledged writes are all there (an acknowledged occupation may have been refused: then it
  // is not in the file — so compare supplements, which the rules never refuse here).
  for (const auto& id : acknowledged) {
    const bool supplement_id = std::stoi(id.substr(id.find('-') + 1)) % 2 == 0;
    if (supplement_id) {
      EXPECT_TRUE(in_db.count(id)) << id << " acknowledged but lost";
    }
  }
  // Every entry has its audit row: entry and audit are one transaction.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements s LEFT JOIN audit a ON a.id = s.audit_id WHERE a.id IS NULL"),
            0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM audit WHERE action IN ('add-supplement', 'add-occupation')"),
            scalar(db, "SELECT (SELECT COUNT(*) FROM supplements) + (SELECT COUNT(*) FROM occupations)"));
  EXPECT_GE(l.balances().at(0).stock.area_m2, 0);
}

// guotu check hands each project's 耕地 occupancy to the ledger through a file; the ledger books
// it only when every project is lawful. On the sample city some projects are 禁止 and many have
// no approval number (PZWH): the file is refused, naming each of them, and nothing is booked.
// Which projects must be refused is worked out here from check's GeoPackage (the projects
// table: verdict, approval, 耕地 taken), not from the ledger's answer.
TEST_P(LedgerStore, TakesOnlyLawfulOccupationsFromCheck) {
  const auto city = guotu::test::sample_city(false).string();
  const auto occ = (dir() / "occ.json").string(), gpkg = (dir() / "c.gpkg").string();
  const auto db = fresh("l");
  ASSERT_EQ(guotu::test::run_guotu("check --plan '" + city + "' --projects '" + city + "' --out '" + gpkg +
                                   "' --occupancy-json '" + occ + "' 2>/dev/null")
                .exit_code,
            1);  // complete: the sample city holds every rule's layer
  std::set<std::string> unlawful, lawful;
  std::map<std::string, double> lawful_need;  // county → net 耕地 m² of the lawful projects
  for (const auto& row : guotu::test::sqlite_rows(
           gpkg,
           "SELECT project, verdict, COALESCE(approval, ''), county, cultivated_net_m2 FROM projects "
           "WHERE cultivated_net_m2 > 0")) {
    const bool ok = (row[1] == "通过" || row[1] == "提示") && !row[2].empty();
    (ok ? lawful : unlawful).insert(row[0]);
    if (ok) lawful_need[row[3]] += std::stod(row[4]);
  }
  ASSERT_FALSE(unlawful.empty());
  ASSERT_FALSE(lawful.empty());
  std::map<std::string, double> need;  // county → every project's net 耕地, for the supplements
  for (const auto& row : guotu::test::sqlite_rows(
           gpkg, "SELECT county, SUM(cultivated_net_m2) FROM projects WHERE cultivated_net_m2 > 0 GROUP BY county"))
    need[row[0]] = std::stod(row[1]);
  FarmlandLedger::init(db, "t");
  {
    FarmlandLedger l(db, "t");
    for (const auto& [county, m2] : need)
      l.add_supplement(supplement("S" + county, county, 2 * m2 / kMu + 10, "2023-01-01", 1));
  }
  const auto count_before = scalar(db, "SELECT COUNT(*) FROM audit");
  const std::string file_before = pg() ? std::string() : guotu::test::read_file(db);
  auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json add-occupation --from-check '" + occ +
                                  "' --date 2024-05-01 2>" + guotu::test::shell_quote(dir() / "err.txt"));
  ASSERT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("rule"), "合法占用");
  EXPECT_EQ(j.at("booked"), 0);
  std::set<std::string> refused;
  for (const auto& p : j.at("projects")) {
    refused.insert(p.at("project").get<std::string>());
    ASSERT_FALSE(p.at("reasons").empty());
    if (p.at("verdict") == "禁止") {
      EXPECT_NE(p.at("reasons")[0].get<std::string>().find("审查结论为禁止"), std::string::npos);
      EXPECT_NE(p.at("reasons")[0].get<std::string>().find("R-"), std::string::npos);  // the rule behind it
    }
  }
  EXPECT_EQ(refused, unlawful);
  EXPECT_EQ(j.at("taking_cultivated").get<std::size_t>(), lawful.size() + unlawful.size());
  // The message names each refused project; the grounds cite the documents.
  const std::string err = guotu::test::read_file(dir() / "err.txt");
  for (const auto& p : unlawful) EXPECT_NE(err.find("  " + p + "（"), std::string::npos) << p;
  EXPECT_NE(err.find("批准文号: 聊政办字〔2022〕10号"), std::string::npos) << err;
  // Nothing written: no entry, no audit row; the SQLite file byte-identical.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM audit"), count_before);
  if (!pg()) {
    EXPECT_TRUE(guotu::test::read_file(db) == file_before) << "the refused run changed the ledger file";
  }

  // The lawful projects alone are booked, each drawing its net 耕地 in its county.
  auto all = nlohmann::json::parse(guotu::test::read_file(occ));
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& o : all["occupations"])
    if (!unlawful.count(o["project"].get<std::string>())) kept.push_back(o);
  all["occupations"] = kept;
  const auto lawful_file = dir() / "lawful.json";
  guotu::test::write_file(lawful_file, all.dump());
  r = guotu::test::run_guotu("ledger --db '" + db + "' --json add-occupation --from-check '" + lawful_file.string() +
                             "' --date 2024-05-01 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"].size(), lawful.size());
  EXPECT_EQ(nlohmann::json::parse(r.out)["capacity_basis"], "示例");
  FarmlandLedger l(db, "t");
  for (const auto& b : l.balances()) {
    EXPECT_NEAR(b.drawn.area_m2, lawful_need[b.county], 1e-6) << b.county;
    if (b.drawn.area_m2 > 0) {
      EXPECT_TRUE(b.capacity_example) << b.county;
    }
  }
  EXPECT_EQ(text(db, "SELECT DISTINCT capacity_basis FROM occupations"), "示例");
  // Without a date the clerk is asked for one; nothing is written.
  const auto db2 = fresh("l2");
  FarmlandLedger::init(db2, "t");
  EXPECT_EQ(guotu::test::run_guotu("ledger --db '" + db2 + "' add-occupation --from-check '" + lawful_file.string() +
                                   "' 2>/dev/null")
                .exit_code,
            2);
  EXPECT_EQ(scalar(db2, "SELECT COUNT(*) FROM occupations"), 0);
  // A ledger given the bureau's weights does not take capacities computed with other weights.
  std::string weights = "grade,weight\n";
  for (int g = 1; g <= 15; ++g) weights += std::to_string(g) + ",0.5\n";
  guotu::test::write_file(dir() / "bureau.csv", weights);
  const auto mixed = guotu::test::run_guotu(
      "ledger --db '" + db2 + "' --grade-weights " + guotu::test::shell_quote(dir() / "bureau.csv") +
      " add-occupation --from-check '" + lawful_file.string() + "' --date 2024-05-01 2>&1");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.out.find("other grade weights (示例)"), std::string::npos) << mixed.out;
  EXPECT_EQ(scalar(db2, "SELECT COUNT(*) FROM occupations"), 0);
}

// Every verdict of check, judged by the booking rules (data/rules/ledger/liaocheng.yaml): only
// 通过 and 提示 with an approval number are booked; each refusal says why and which rule stands
// behind it.
TEST(LedgerFromCheck, JudgesEveryVerdict) {
  guotu::test::TempDir dir;
  const auto file = dir / "occ.json";
  guotu::test::write_file(file, R"({"format": "guotu-occupancy", "version": 2, "area": "ellipsoidal",
    "capacity_basis": "权重表 w.csv",
    "rules": {"R-N": {"name_zh": "提示规则", "severity": "提示", "source": "x"},
              "R-Q": {"name_zh": "需批规则", "severity": "需审批", "source": "某文件 第3条"}},
    "rules_not_evaluated": [{"rule": "R-CZKFBJ-WITHIN", "name_zh": "城镇建设须位于城镇开发边界内", "layer": "CZKFBJ",
                             "reason": "the plan has no layer CZKFBJ"}],
    "occupations": [
     {"project": "A", "county": "371502", "verdict": "通过", "approval": "鲁1", "violations": [],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "B", "county": "371502", "verdict": "提示", "approval": " 鲁2 ", "violations": [
        {"rule": "R-N", "name_zh": "提示规则", "severity": "提示", "area_m2": 5}],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "C", "county": "371502", "verdict": "需审批", "approval": "鲁3", "violations": [
        {"rule": "R-Q", "name_zh": "需批规则", "severity": "需审批", "area_m2": 7.5}],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "D", "county": "371502", "verdict": "未完整审查", "approval": "鲁4", "violations": [],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "E", "county": "371502", "verdict": "跳过", "approval": "鲁5", "violations": [],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "F", "county": "371502", "verdict": "通过", "approval": "  ", "violations": [],
      "cultivated_net_m2": 100, "capacity_std_m2": 60},
     {"project": "G", "county": "371502", "verdict": "禁止", "approval": "", "violations": [],
      "cultivated_net_m2": 0, "capacity_std_m2": 0}]})");
  const OccupancyHandover h = read_occupancy(file.string(), {"2024-05-01", "", {}});
  EXPECT_EQ(h.listed, 7u);
  ASSERT_EQ(h.taking.size(), 6u);  // G takes no 耕地: nothing to book, nothing to refuse
  EXPECT_EQ(h.taking[1].occupation.approval_ref, "鲁2");
  EXPECT_EQ(h.taking[0].occupation.capacity_basis, "权重表 w.csv");
  const Judgement j = judge(h, BookingRules::embedded());
  ASSERT_EQ(j.refused.size(), 4u);
  EXPECT_EQ(j.refused[0].project, "C");
  EXPECT_EQ(j.refused[0].reasons,
            std::vector<std::string>{"审查结论为需审批，项目缺少规则要求的批准：R-Q 需批规则 7.50 m²"});
  EXPECT_EQ(j.refused[1].project, "D");
  ASSERT_EQ(j.refused[1].reasons.size(), 1u);
  EXPECT_NE(j.refused[1].reasons[0].find("R-CZKFBJ-WITHIN 城镇建设须位于城镇开发边界内（未评价：the plan has no layer "
                                         "CZKFBJ）"),
            std::string::npos)
      << j.refused[1].reasons[0];
  EXPECT_EQ(j.refused[2].project, "E");
  EXPECT_EQ(j.refused[2].reasons, std::vector<std::string>{"审查结论不是通过或提示"});
  EXPECT_EQ(j.refused[3].project, "F");
  EXPECT_EQ(j.refused[3].reasons, std::vector<std::string>{"没有批准文号（PZWH），建设用地占用耕地须经依法批准"});
  // The grounds: the refused verdicts' rules, each rule behind a verdict, and the approval's document.
  EXPECT_EQ(j.grounds.at("R-Q"), "某文件 第3条");
  EXPECT_EQ(j.grounds.at("批准文号").rfind("聊政办字〔2022〕10号", 0), 0u);
  EXPECT_EQ(j.grounds.at("未完整审查").rfind("guotu 设定", 0), 0u);
  EXPECT_TRUE(j.grounds.count("其他结论"));
  const std::string text = describe(j, h);
  EXPECT_NE(text.find("4 of the 6 projects"), std::string::npos) << text;
  EXPECT_NE(text.find("  C: 需审批 — "), std::string::npos) << text;
  // A file without a verdict on a project is refused as bad input (exit 2).
  guotu::test::write_file(file, R"({"format": "guotu-occupancy", "version": 2, "occupations": [
     {"project": "A", "county": "371502", "approval": "鲁1", "cultivated_net_m2": 100}]})");
  const guotu::Error e = guotu::test::error_of([&] { (void)read_occupancy(file.string(), {"2024-05-01", "", {}}); });
  EXPECT_EQ(e.exit_code(), 2);
  EXPECT_NE(std::string(e.what()).find("project A: 'verdict' is missing"), std::string::npos) << e.what();
}

// 耕地流出整改: an outflow (a 进出平衡 "out" entry) is rectified by 整改恢复, 进出平衡 or 调整补划;
// the balance reports each kind, what is left and the ratio. Figures by hand: 10 亩 out, 8 亩 in.
TEST_P(LedgerStore, RectifiesOutflowsByTheThreeKinds) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  l.add_inout({"OUT", "371502", "2023-03-01", "", 2023, "out", 10 * kMu, 7, ""});
  l.add_inout({"IN", "371502", "2023-09-01", "", 2023, "in", 8 * kMu, 7, ""});
  l.add_inout({"EX", "371502", "2023-03-01", "", 2023, "out", 3 * kMu, 7, "灾毁"});
  l.add_rectification({"R1", "OUT", "进出平衡", "2023-10-01", "验收1", "", 4 * kMu});
  l.add_rectification({"R2", "OUT", "整改恢复", "2023-10-02", "验收2", "", 3 * kMu});
  l.add_rectification({"R3", "OUT", "调整补划", "2023-10-03", "", "补划到乙村", 2 * kMu});
  auto rb = l.rectification_balances(2023);
  ASSERT_EQ(rb.size(), 1u);
  EXPECT_NEAR(rb[0].outflow_m2 / kMu, 10, 1e-9);  // the exempt 3 亩 need no rectification
  EXPECT_NEAR(rb[0].balanced_m2 / kMu, 4, 1e-9);
  EXPECT_NEAR(rb[0].restored_m2 / kMu, 3, 1e-9);
  EXPECT_NEAR(rb[0].redelineated_m2 / kMu, 2, 1e-9);
  EXPECT_NEAR(rb[0].open_m2() / kMu, 1, 1e-9);
  EXPECT_NEAR(rb[0].ratio(), 0.9, 1e-12);
  auto rule_of = [&](const Rectification& r) {
    try {
      l.add_rectification(r);
    } catch (const RuleViolation& e) {
      return e.rule();
    }
    return std::string("booked");
  };
  // More than the outflow has left (1 亩).
  EXPECT_EQ(rule_of({"X1", "OUT", "整改恢复", "2023-11-01", "", "", 1.5 * kMu}), "耕地流出整改 (面积)");
  // 进出平衡 needs inflows: 8 亩 in, 4 亩 counted already; then the outflow's last 亩 is fine …
  EXPECT_EQ(rule_of({"X2", "OUT", "进出平衡", "2023-11-01", "", "", 1 * kMu}), "booked");
  // … but a second outflow cannot be balanced by more than the 3 亩 of inflow left.
  l.add_inout({"OUT2", "371502", "2023-05-01", "", 2023, "out", 6 * kMu, 7, ""});
  EXPECT_EQ(rule_of({"X3", "OUT2", "进出平衡", "2023-11-01", "", "", 3.5 * kMu}), "落实进出平衡");
  EXPECT_EQ(rule_of({"X4", "OUT2", "进出平衡", "2023-11-01", "", "", 3 * kMu}), "booked");
  // An exempt outflow is not rectified; a rectification before its outflow is refused.
  EXPECT_EQ(rule_of({"X5", "EX", "整改恢复", "2023-11-01", "", "", 1 * kMu}), "耕地流出整改");
  EXPECT_EQ(rule_of({"X6", "OUT2", "整改恢复", "2023-04-30", "", "", 1 * kMu}), "耕地流出整改");
  // Bad values (exit 2): an inflow, an unknown entry, an unknown kind.
  for (const Rectification& r : {Rectification{"Y1", "IN", "整改恢复", "2023-11-01", "", "", kMu},
                                 Rectification{"Y2", "NONE", "整改恢复", "2023-11-01", "", "", kMu},
                                 Rectification{"Y3", "OUT2", "整改", "2023-11-01", "", "", kMu}}) {
    const guotu::Error e = guotu::test::error_of([&] { l.add_rectification(r); });
    EXPECT_EQ(e.exit_code(), 2) << e.what();
  }
  // Reversal order: an outflow with rectifications, and an inflow its 进出平衡 rectifications
  // need, are reversed only after them.
  EXPECT_THROW(l.reverse("inout", "OUT", "2023-12-01", "录入错误"), RuleViolation);
  EXPECT_THROW(l.reverse("inout", "IN", "2023-12-01", "录入错误"), RuleViolation);
  l.reverse("rectification", "X4", "2023-12-01", "录入错误");
  l.reverse("rectification", "X2", "2023-12-01", "录入错误");
  l.reverse("rectification", "R1", "2023-12-01", "录入错误");
  l.reverse("inout", "IN", "2023-12-01", "录入错误");  // no 进出平衡 rectification left on it
  rb = l.rectification_balances(2023);
  EXPECT_NEAR(rb[0].outflow_m2 / kMu, 16, 1e-9);
  EXPECT_NEAR(rb[0].balanced_m2, 0, 1e-9);
  EXPECT_NEAR(rb[0].rectified_m2() / kMu, 5, 1e-9);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM rectifications"), 5);  // history kept
  // The balance command reports them (JSON), with the city total.
  const auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json balance --year 2023 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.at("rectification").size(), 1u);
  EXPECT_NEAR(j["rectification"][0].at("restored_m2").get<double>() / kMu, 3, 1e-9);
  EXPECT_NEAR(j["rectification"][0].at("redelineated_m2").get<double>() / kMu, 2, 1e-9);
  EXPECT_NEAR(j.at("rectification_total").at("ratio").get<double>(), 5.0 / 16.0, 1e-12);
}

// A change set booked by diff --to-ledger cannot be booked again, into any year, until the
// entries of its first booking are reversed; the refusal names that booking.
TEST_P(LedgerStore, BooksAChangeSetOnce) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  const std::string sha(64, 'a');
  ChangeSetBooking set;
  set.sha256 = sha;
  set.year = 2023;
  set.before_source = "city.gpkg";
  set.before_layer = "DLTB";
  set.after_source = "city.gpkg";
  set.after_layer = "DLTB_LATER";
  set.changes = 12;
  const std::vector<InOut> y2023 = {{"d-2023-out", "371502", "2023-12-31", "", 2023, "out", 5 * kMu, 0, ""},
                                    {"d-2023-in", "371502", "2023-12-31", "", 2023, "in", 2 * kMu, 0, ""}};
  {
    FarmlandLedger::Booking b(l);
    l.book_change_set(set, y2023);
    b.commit();
  }
  ChangeSetBooking again = set;
  again.year = 2024;
  const std::vector<InOut> y2024 = {{"d-2024-out", "371502", "2024-12-31", "", 2024, "out", 5 * kMu, 0, ""}};
  try {
    FarmlandLedger::Booking b(l);
    l.book_change_set(again, y2024);
    FAIL() << "booked twice";
  } catch (const RuleViolation& e) {
    EXPECT_EQ(e.rule(), "重复入账");
    const std::string m = e.what();
    for (const char* part :
         {"into 2023", "entries d-2023-in, d-2023-out", "city.gpkg (DLTB) → city.gpkg (DLTB_LATER)", "12 changes"})
      EXPECT_NE(m.find(part), std::string::npos) << part << " in " << m;
  }
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM inout"), 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM change_sets"), 1);
  // Another change set books; the first, once its entries are reversed, books into 2024.
  ChangeSetBooking other = set;
  other.sha256 = std::string(64, 'b');
  l.book_change_set(other, {});
  l.reverse("inout", "d-2023-out", "2024-01-05", "记错年份");
  EXPECT_THROW(l.book_change_set(again, y2024), RuleViolation);  // one entry still counts
  l.reverse("inout", "d-2023-in", "2024-01-05", "记错年份");
  l.book_change_set(again, y2024);
  const auto sets = l.change_sets();
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[2].year, 2024);
  EXPECT_EQ(sets[2].entries, std::vector<std::string>{"d-2024-out"});
  EXPECT_EQ(sets[0].entries, (std::vector<std::string>{"d-2023-in", "d-2023-out"}));
  // The identity is 64 hex digits.
  ChangeSetBooking bad = set;
  bad.sha256 = "abc";
  EXPECT_EQ(guotu::test::error_of([&] { l.book_change_set(bad, {}); }).exit_code(), 2);
}

// What each capacity rests on is recorded, and figures resting on the shipped example weights
// are marked 示例 wherever they are printed. Figures by hand: 100 亩 of grade 7 is 60 亩 of
// capacity with the example ((16 − 7) / 15), 40 亩 with a bureau table weighing grade 7 at 0.4.
TEST_P(LedgerStore, RecordsWhatEachCapacityRestsOn) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  std::string weights = "grade,weight\n";
  for (int g = 1; g <= 15; ++g) weights += std::to_string(g) + "," + (g == 7 ? "0.4" : "0.5") + "\n";
  guotu::test::write_file(dir() / "bureau.csv", weights);
  {
    FarmlandLedger l(db, "t");
    l.use_grade_weights(guotu::check::GradeWeights::chosen((dir() / "bureau.csv").string()));
    l.add_supplement(supplement("B", "371502", 100, "2023-01-01", 7));
    Supplement given = supplement("G", "371503", 100, "2023-01-01", 7);
    given.capacity = 12345;
    l.add_supplement(given);
    EXPECT_FALSE(l.capacity_example());
  }
  EXPECT_NEAR(scalar(db, "SELECT capacity FROM supplements WHERE id = 'B'") / kMu, 40, 1e-9);
  EXPECT_EQ(text(db, "SELECT capacity_basis FROM supplements WHERE id = 'B'"), "权重表 bureau.csv");
  EXPECT_EQ(text(db, "SELECT capacity_basis FROM supplements WHERE id = 'G'"), "给定");
  // The same through the CLI without --grade-weights: the example, marked.
  ASSERT_EQ(guotu::test::run_guotu("ledger --db '" + db +
                                   "' add-supplement --id E --county 371502 --area-mu 100 --grade 7 "
                                   "--accepted 2023-02-01 2>/dev/null")
                .exit_code,
            0);
  EXPECT_NEAR(scalar(db, "SELECT capacity FROM supplements WHERE id = 'E'") / kMu, 60, 1e-6);
  EXPECT_EQ(text(db, "SELECT capacity_basis FROM supplements WHERE id = 'E'"), "示例");
  auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json balance 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("capacity_example").get<bool>());
  for (const auto& c : j.at("counties")) {
    const bool example = c.at("county") == "371502";
    EXPECT_EQ(c.at("capacity_example").get<bool>(), example) << c.dump();
    EXPECT_EQ(c.at("capacity_bases"),
              example ? nlohmann::json({"权重表 bureau.csv", "示例"}) : nlohmann::json({"给定"}));
  }
  // The human balance and the report's CSV titles say 示例.
  r = guotu::test::run_guotu("ledger --db '" + db + "' balance 2>&1");
  EXPECT_NE(r.out.find("（示例）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("随附的示例等别权重"), std::string::npos) << r.out;
  const auto out = dir() / "report";
  ASSERT_EQ(
      guotu::test::run_guotu("ledger --db '" + db + "' report --out '" + out.string() + "' 2>/dev/null").exit_code, 0);
  EXPECT_NE(guotu::test::read_file(out / "balance.csv").find("stock_capacity（示例）"), std::string::npos);
  EXPECT_NE(guotu::test::read_file(out / "supplements.csv").find("capacity（示例）"), std::string::npos);
  // Once the example's supplement is reversed, nothing printed rests on it.
  {
    FarmlandLedger l(db, "t");
    l.reverse("supplement", "E", "2023-03-01", "录入错误");
    EXPECT_FALSE(l.capacity_example());
  }
  r = guotu::test::run_guotu("ledger --db '" + db + "' balance 2>&1");
  EXPECT_EQ(r.out.find("示例"), std::string::npos) << r.out;
}

// ---- PostgreSQL only ----------------------------------------------------------------------

class LedgerPostgres : public LedgerStore {};

namespace {
// a and b equal, numbers to 1e-12 relative: the stores may add a column's values up in another
// order.
void expect_near_json(const nlohmann::json& a, const nlohmann::json& b, const std::string& path = "") {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>(), y = b.get<double>();
    EXPECT_LE(std::abs(x - y), 1e-12 * std::max({1.0, std::abs(x), std::abs(y)})) << path << ": " << x << " vs " << y;
  } else if (a.is_object() && b.is_object()) {
    EXPECT_EQ(a.size(), b.size()) << path;
    for (const auto& [k, v] : a.items()) {
      if (b.contains(k))
        expect_near_json(v, b[k], path + "." + k);
      else
        ADD_FAILURE() << path << "." << k << " missing";
    }
  } else if (a.is_array() && b.is_array()) {
    ASSERT_EQ(a.size(), b.size()) << path;
    for (std::size_t i = 0; i < a.size(); ++i) expect_near_json(a[i], b[i], path + "[" + std::to_string(i) + "]");
  } else {
    EXPECT_EQ(a, b) << path;
  }
}

// Every file of a `guotu ledger report` directory but the audit trail (its times and clerks differ).
std::map<std::string, std::string> report_files(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() == "audit.csv") continue;
    std::ifstream in(e.path(), std::ios::binary);
    out[e.path().filename().string()] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return out;
}
}  // namespace

// The same entries give the same figures and the same tables, to the byte, in either store.
TEST_P(LedgerPostgres, SameTablesAndFiguresAsSQLite) {
  const auto sample = guotu::test::data_file("data/ledger/sample").string();
  const std::string file = (dir() / "l.sqlite").string(), schema = fresh("l");
  std::map<std::string, std::string> reports[2], balances[2];
  int i = 0;
  for (const std::string& db : {file, schema}) {
    SCOPED_TRACE(db);
    ASSERT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' --user 录入员 init 2>/dev/null").exit_code, 0);
    ASSERT_EQ(
        guotu::test::run_guotu("ledger --db '" + db + "' --user 录入员 import '" + sample + "' 2>/dev/null").exit_code,
        0);
    const auto out = dir() / ("report" + std::to_string(i));
    ASSERT_EQ(
        guotu::test::run_guotu("ledger --db '" + db + "' report --out '" + out.string() + "' 2>/dev/null").exit_code,
        0);
    reports[i] = report_files(out);
    for (const char* at : {"2022-12-31", "2023-06-30", ""}) {
      auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json balance --year 2023" +
                                      (*at ? std::string(" --at ") + at : "") + " 2>/dev/null");
      ASSERT_EQ(r.exit_code, 0);
      balances[i][at] = r.out;
    }
    ++i;
  }
  // supplements, occupations, transfers, inout, rectifications and balance (the sample has no
  // reversals and no change sets).
  ASSERT_EQ(reports[0].size(), 6u);
  ASSERT_TRUE(reports[0].count("balance.csv"));
  EXPECT_EQ(reports[0], reports[1]);
  for (const auto& [at, j] : balances[0]) {
    SCOPED_TRACE("balance --at " + at);
    expect_near_json(nlohmann::json::parse(j), nlohmann::json::parse(balances[1][at]));
  }
  // The audit trail has one row per entry in both.
  EXPECT_EQ(scalar(schema, "SELECT COUNT(*) FROM audit"), scalar(file, "SELECT COUNT(*) FROM audit"));
}

// A clerk's role needs only SELECT and INSERT on the ledger's tables (docs/ledger.md); the
// audit rows name that role, and the role cannot change history.
TEST_P(LedgerPostgres, ClerkWithSelectAndInsertOnly) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "admin");
  const std::string schema = schema_of(db);
  const std::string role = "clerk_" + std::to_string(::getpid());
  ASSERT_TRUE(exec(db, "DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA \"" +
                           schema + "\" TO " + role + "; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA \"" + schema +
                           "\" TO " + role));
  // The same server and database, logged in as the clerk.
  std::string as_clerk = db;
  as_clerk.replace(as_clerk.find("postgres@"), 9, role + "@");
  {
    FarmlandLedger l(as_clerk, "李四");
    l.add_supplement(supplement("S1", "371502", 100, "2023-03-01"));
    l.add_occupation(occupation("O1", "371502", 60, "2023-04-01"));
    EXPECT_THROW(l.add_occupation(occupation("O2", "371502", 60, "2023-04-02")), RuleViolation);
    l.reverse("occupation", "O1", "2023-05-01", "撤销");
    EXPECT_NEAR(stock_mu(l, "371502"), 100, 1e-9);
  }
  EXPECT_EQ(text(db, "SELECT string_agg(DISTINCT db_role, ',') FROM audit WHERE action <> 'migrate'"), role);
  EXPECT_EQ(text(db, "SELECT string_agg(DISTINCT clerk, ',') FROM audit WHERE action <> 'migrate'"), "李四");
  std::string error;
  EXPECT_FALSE(exec(as_clerk, "UPDATE supplements SET area_m2 = 1", &error));
  EXPECT_NE(error.find("permission denied"), std::string::npos) << error;
  EXPECT_TRUE(exec(db, "DROP OWNED BY " + role + "; DROP ROLE " + role));
}

// Two ledgers in two schemas of one database are two ledgers: one's quota is not the other's.
TEST_P(LedgerPostgres, LedgersInOtherSchemasAreIndependent) {
  const auto a = fresh("a"), b = fresh("b");
  FarmlandLedger::init(a, "t");
  FarmlandLedger::init(b, "t");
  FarmlandLedger la(a, "t"), lb(b, "t");
  la.add_supplement(supplement("S1", "371502", 100, "2023-01-01"));
  EXPECT_THROW(lb.add_occupation(occupation("O1", "371502", 1, "2023-02-01")), RuleViolation);
  EXPECT_NEAR(stock_mu(la, "371502"), 100, 1e-9);
  EXPECT_TRUE(lb.balances().empty());
  // A target without a ledger is refused, naming it; init makes one.
  const auto none = fresh("none");
  const auto r = guotu::test::run_guotu("ledger --db '" + none + "' balance 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no ledger here"), std::string::npos) << r.out;
}

// guotu diff books the vintages' 进出平衡 flows into a PostgreSQL ledger as into a file.
TEST_P(LedgerPostgres, DiffBooksTheInOutFlows) {
  const auto city = guotu::test::sample_city(false).string();
  const std::string file = (dir() / "l.sqlite").string(), schema = fresh("l");
  std::vector<InOutBalance> got[2];
  int i = 0;
  for (const std::string& db : {file, schema}) {
    SCOPED_TRACE(db);
    FarmlandLedger::init(db, "t");
    const auto out = dir() / ("diff" + std::to_string(i) + ".gpkg");
    ASSERT_EQ(guotu::test::run_guotu("diff --before '" + city + "' --after '" + city + "' --plan '" + city +
                                     "' --out '" + out.string() + "' --to-ledger '" + db + "' --year 2023 2>/dev/null")
                  .exit_code,
              1);  // booked; the sample's 疑似违法 pieces make it 1
    got[i] = FarmlandLedger(db, "t").inout_balances(2023);
    ++i;
  }
  ASSERT_FALSE(got[0].empty());
  ASSERT_EQ(got[0].size(), got[1].size());
  for (std::size_t k = 0; k < got[0].size(); ++k) {
    EXPECT_EQ(got[0][k].county, got[1][k].county);
    EXPECT_DOUBLE_EQ(got[0][k].out_m2, got[1][k].out_m2);
    EXPECT_DOUBLE_EQ(got[0][k].in_m2, got[1][k].in_m2);
  }
  // Booked twice: refused, and no output written. A schema with no ledger: refused before the diff.
  const auto again = dir() / "again.gpkg";
  EXPECT_EQ(guotu::test::run_guotu("diff --before '" + city + "' --after '" + city + "' --plan '" + city + "' --out '" +
                                   again.string() + "' --to-ledger '" + schema + "' --year 2023 2>/dev/null")
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(again));
  const auto r = guotu::test::run_guotu("diff --before '" + city + "' --after '" + city + "' --out '" + again.string() +
                                        "' --to-ledger '" + fresh("none") + "' --year 2023 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("no ledger here"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(again));
}

// ---- What the ledger opens ------------------------------------------------------------------

namespace {

// A file's bytes and modification time: what "untouched" means.
struct Snapshot {
  std::string bytes;
  std::int64_t mtime_ns = 0;
  bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  Snapshot s{{std::istreambuf_iterator<char>(f), {}}, 0};
  struct stat st {};
  if (::stat(p.c_str(), &st) == 0) s.mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  return s;
}

// The exit code and message of a ledger call that must be refused as bad input.
std::string refused(const std::function<void()>& f) {
  try {
    f();
  } catch (const guotu::Error& e) {
    EXPECT_EQ(e.exit_code(), 2) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected a refusal";
  return {};
}

}  // namespace

// A GeoPackage, a text file or an SQLite file with other tables is no ledger: reads and init
// refuse it without changing a byte of it (nor its mtime: no WAL switch, no tables added).
TEST(LedgerFile, OpensOnlyALedgerAndNeverChangesWhatItRefuses) {
  guotu::test::TempDir dir;
  const fs::path gpkg = dir / "plan.gpkg";
  {
    guotu::gdal::OutputWriter w(gpkg.string(), {});
    guotu::gdal::LayerSpec spec;
    spec.name = "DLTB";
    spec.crs = "EPSG:4527";
    spec.fields = {{"DLBM", guotu::gdal::FieldType::String, 5, "地类编码", false}};
    auto g = guotu::geos::Geometry::rectangle({39440000, 4030000, 39440100, 4030100});
    w.add(w.create_layer(spec), {std::string("0101")}, &g);
    w.commit();
  }
  const fs::path text = dir / "notes.sqlite";
  {
    std::ofstream f(text);
    f << "not a database\n";
  }
  const fs::path other = dir / "other.sqlite";
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE parcels (id INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(h);
  }
  for (const auto& [file, why] : std::vector<std::pair<fs::path, std::string>>{
           {gpkg, "a GeoPackage"}, {text, "not a SQLite database"}, {other, "other tables (parcels)"}}) {
    SCOPED_TRACE(file.string());
    const Snapshot before = snapshot(file);
    std::string msg = refused([&] { FarmlandLedger(file.string(), "t"); });
    EXPECT_NE(msg.find(why), std::string::npos) << msg;
    EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
    msg = refused([&] { FarmlandLedger::init(file.string(), "t"); });
    EXPECT_NE(msg.find(why), std::string::npos) << msg;
    const auto r = guotu::test::run_guotu("ledger --db '" + file.string() + "' balance 2>&1");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("not a guotu ledger"), std::string::npos) << r.out;
    EXPECT_TRUE(snapshot(file) == before) << "the refused file changed";
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));
    EXPECT_FALSE(fs::exists(file.string() + "-shm"));
  }
}

// A zero-byte file stays zero bytes when a read is refused on it; init makes it a ledger.
TEST(LedgerFile, AnEmptyFileIsNoLedgerUntilInit) {
  guotu::test::TempDir dir;
  const fs::path empty = dir / "empty.sqlite";
  std::ofstream(empty).close();
  const std::string msg = refused([&] { FarmlandLedger(empty.string(), "t"); });
  EXPECT_NE(msg.find("empty"), std::string::npos) << msg;
  EXPECT_NE(msg.find("init"), std::string::npos) << msg;
  const auto r = guotu::test::run_guotu("ledger --db '" + empty.string() +
                                        "' add-supplement --id S1 --county 371502 "
                                        "--area-mu 10 --grade 6 --accepted 2024-01-01 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(fs::file_size(empty), 0u);
  FarmlandLedger::init(empty.string(), "t");
  FarmlandLedger l(empty.string(), "t");
  l.add_supplement(supplement("S1", "371502", 10, "2024-01-01"));
  EXPECT_NEAR(stock_mu(l, "371502"), 10, 1e-6);
  FarmlandLedger::init(empty.string(), "t");  // a ledger again: nothing to migrate
}

// init makes a ledger only in a new or empty schema: never beside a plan's tables; a read of a
// schema that is no ledger creates nothing.
TEST_P(LedgerPostgres, InitRefusesASchemaWithOtherTables) {
  const std::string db = fresh("plan");
  ASSERT_TRUE(exec(conninfo_of(db), "CREATE SCHEMA \"" + schema_of(db) + "\"; CREATE TABLE \"" + schema_of(db) +
                                        "\".dltb (id integer)"));
  std::string msg = refused([&] { FarmlandLedger::init(db, "t"); });
  EXPECT_NE(msg.find("other tables (dltb)"), std::string::npos) << msg;
  msg = refused([&] { FarmlandLedger(db, "t"); });
  EXPECT_NE(msg.find("not a guotu ledger"), std::string::npos) << msg;
  EXPECT_EQ(scalar(conninfo_of(db), "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema_of(db) + "'"), 1);
  // A schema that does not exist is not created by a read.
  const std::string none = fresh("none");
  (void)refused([&] { FarmlandLedger(none, "t"); });
  EXPECT_EQ(scalar(conninfo_of(none), "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema_of(none) + "'"),
            0);
}

// A booking's writes are checked as they are made and appear only when it is committed.
TEST_P(LedgerStore, ABookingAppearsOnlyWhenCommitted) {
  const auto db = fresh("l");
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  const InOut e{"io1", "371502", "2023-12-31", "", 2023, "out", 10 * kMu, 6, ""};
  {
    FarmlandLedger::Booking b(l);
    l.add_inout(e);
  }  // not committed: rolled back
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM inout"), 0);
  {
    FarmlandLedger::Booking b(l);
    l.add_inout(e);
    EXPECT_THROW(l.add_inout(e), guotu::Error);  // the same id again: refused inside the booking
  }
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM inout"), 0);
  {
    FarmlandLedger::Booking b(l);
    l.add_inout(e);
    b.commit();
  }
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM inout"), 1);
}

INSTANTIATE_TEST_SUITE_P(PostgreSQL, LedgerPostgres, ::testing::Values("postgresql"),
                         [](const auto& i) { return i.param; });

// ---- Upgrading an existing ledger ----------------------------------------------------------

// A v1 SQLite ledger (audit.user) is migrated in place by init: its entries and audit trail stay,
// the clerks' names move to audit.clerk, and the ledger opens again.
TEST(LedgerMigration, V1FileIsMigratedInPlace) {
  guotu::test::TempDir dir;
  const auto db = (dir / "v1.sqlite").string();
  // The v0 and v1 scripts exactly as shipped, from the schema file itself.
  std::ifstream in(guotu::test::data_file("engine/ledger/schema_sqlite.sql.inc"));
  const std::string inc((std::istreambuf_iterator<char>(in)), {});
  std::vector<std::string> versions;
  for (std::size_t at = inc.find("R\"SQL("); at != std::string::npos; at = inc.find("R\"SQL(", at)) {
    const std::size_t end = inc.find(")SQL\"", at);
    versions.push_back(inc.substr(at + 6, end - at - 6));
    at = end;
  }
  ASSERT_GE(versions.size(), 3u);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  const std::string v1 =
      versions[0] + versions[1] +
      "INSERT INTO schema_migrations VALUES (1, '2025-01-01T00:00:00.000Z');"
      "INSERT INTO audit (user, action, detail) VALUES ('王五', 'add-supplement', 'S1');"
      "INSERT INTO supplements VALUES ('S1', '371502', '老项目', '土地整治', 66666.67, 0, 6, 40000, '2024-03-01', "
      "NULL, 1);"
      "INSERT INTO lots (supplement_id, county, available_from, area_m2, paddy_m2, capacity, audit_id) "
      "VALUES ('S1', '371502', '2024-03-01', 66666.67, 0, 40000, 1);";
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(h, v1.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_close(h);
  // This guotu refuses to write into it until it is migrated …
  EXPECT_THROW(FarmlandLedger(db, "t"), guotu::Error);
  // … and init migrates it.
  ASSERT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' --user 管理员 init 2>/dev/null").exit_code, 0);
  FarmlandLedger l(db, "赵六");
  EXPECT_NEAR(stock_mu(l, "371502"), 100, 1e-3);
  l.add_occupation(occupation("O1", "371502", 10, "2024-05-01"));
  std::vector<std::string> header;
  const auto audit = l.rows("audit", header);
  ASSERT_EQ(audit.size(), 4u);  // the v1 entry, the migrations to v2 and v3, the new occupation
  EXPECT_EQ(audit[0][2], "王五");
  EXPECT_EQ(audit[1][2], "管理员");
  EXPECT_EQ(audit[1][4], "schema v2");
  EXPECT_EQ(audit[2][4], "schema v3");
  EXPECT_EQ(audit[3][2], "赵六");
  // v3: the old supplement's capacity basis was not recorded, so its capacity is printed 示例;
  // the new tables are there and a rectification can be reversed.
  EXPECT_TRUE(l.capacity_example("371502"));
  l.add_inout({"OUT", "371502", "2024-03-01", "", 2024, "out", 10 * kMu, 7, ""});
  l.add_rectification({"R1", "OUT", "整改恢复", "2024-06-01", "", "", 4 * kMu});
  l.reverse("rectification", "R1", "2024-07-01", "录入错误");
  EXPECT_TRUE(l.change_sets().empty());
  // Migrated history is still append-only.
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(h, "UPDATE audit SET clerk = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(h);
}

// ---- PostgreSQL targets, no server needed ---------------------------------------------------

TEST(LedgerTarget, PostgresTargetsAreSplitIntoConnectionAndSchema) {
  using guotu::pg::parse_target;
  auto t = parse_target("postgresql://clerk:s3cret@10.1.2.3:5433/gtkj?schema=ledger2024&sslmode=require");
  EXPECT_EQ(t.conninfo, "postgresql://clerk:s3cret@10.1.2.3:5433/gtkj?sslmode=require");
  EXPECT_EQ(t.schema, "ledger2024");
  t = parse_target("postgres://db.example/gtkj");
  EXPECT_EQ(t.conninfo, "postgres://db.example/gtkj");
  EXPECT_EQ(t.schema, "");
  t = parse_target("postgresql:///gtkj?active_schema=%E5%8F%B0%E8%B4%A6");  // percent-encoded 台账
  EXPECT_EQ(t.conninfo, "postgresql:///gtkj");
  EXPECT_EQ(t.schema, "台账");
  t = parse_target("PG:host=10.1.2.3 dbname='gtkj 2024' password='a b\\'c' active_schema=ledger");
  EXPECT_EQ(t.conninfo, "host='10.1.2.3' dbname='gtkj 2024' password='a b\\'c'");
  EXPECT_EQ(t.schema, "ledger");
}

TEST(LedgerTarget, UnreachableServerIsBadInputAndHidesThePassword) {
  const auto r =
      guotu::test::run_guotu("ledger --db 'postgresql://clerk:s3cret-pw@127.0.0.1:1/gtkj?schema=l' balance 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot connect to PostgreSQL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("clerk:***@127.0.0.1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("s3cret-pw"), std::string::npos) << r.out;
  const auto i =
      guotu::test::run_guotu("ledger --db 'PG:host=127.0.0.1 port=1 dbname=gtkj password=s3cret-pw' init 2>&1");
  EXPECT_EQ(i.exit_code, 2) << i.out;
  EXPECT_EQ(i.out.find("s3cret-pw"), std::string::npos) << i.out;
}

INSTANTIATE_TEST_SUITE_P(SQLite, LedgerStore, ::testing::Values("sqlite"), [](const auto& i) { return i.param; });
INSTANTIATE_TEST_SUITE_P(PostgreSQL, LedgerStore, ::testing::Values("postgresql"),
                         [](const auto& i) { return i.param; });
