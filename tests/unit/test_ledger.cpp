// The farmland balance ledger: its rules, append-only history, the sample ledger's published
// totals, concurrent writers and writers killed mid-transaction.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "core/units.hpp"
#include "ledger/farmland_ledger.hpp"
#include "support.hpp"

using namespace guotu::ledger;
namespace fs = std::filesystem;

namespace {

constexpr double kMu = 10000.0 / 15.0;

Supplement supplement(const std::string& id, const std::string& county, double mu, const std::string& accepted, int grade = 6,
                      double paddy_mu = 0) {
  return {id, county, "项目 " + id, "土地整治", mu * kMu, paddy_mu * kMu, grade, std::nullopt, accepted, {}};
}
Occupation occupation(const std::string& id, const std::string& county, double mu, const std::string& date, double paddy_mu = 0,
                      double capacity = 0) {
  return {id, "工程 " + id, county, date, "鲁政土字〔2023〕1号", mu * kMu, paddy_mu * kMu, capacity, {}};
}

// Raw SQL on the ledger file, as an auditor would run it (first column of the first row).
double scalar(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  double v = std::nan("");
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_double(st, 0);
  else ADD_FAILURE() << sqlite3_errmsg(h) << " in " << sql;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}
std::string text(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string v;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

double stock_mu(const FarmlandLedger& l, const std::string& county, const std::string& at = {}) {
  for (const auto& b : l.balances(at, county)) return b.stock.area_m2 / kMu;
  return 0;
}

}  // namespace

TEST(Ledger, SupplementFirstThenOccupy) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
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

TEST(Ledger, PaddyAndCapacityBalance) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
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

TEST(Ledger, TransfersAndReversals) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
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

TEST(Ledger, AppendOnlyAndAudited) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
  FarmlandLedger::init(db, "张三");
  {
    FarmlandLedger l(db, "张三");
    l.add_supplement(supplement("S1", "371502", 10, "2023-01-01"));
  }
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  EXPECT_NE(sqlite3_exec(h, "UPDATE supplements SET area_m2 = 1", nullptr, nullptr, &err), SQLITE_OK);
  sqlite3_free(err);
  EXPECT_NE(sqlite3_exec(h, "DELETE FROM audit", nullptr, nullptr, &err), SQLITE_OK);
  sqlite3_free(err);
  sqlite3_close(h);
  EXPECT_EQ(text(db, "SELECT user FROM audit WHERE action = 'add-supplement'"), "张三");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements s JOIN audit a ON a.id = s.audit_id"), 1);
  // init again is a no-op migration; the schema version is recorded.
  FarmlandLedger::init(db, "张三");
  EXPECT_EQ(scalar(db, "SELECT MAX(version) FROM schema_migrations"), 1);
  EXPECT_EQ(text(db, "PRAGMA journal_mode"), "wal");
}

TEST(Ledger, TextIsStoredVerbatim) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
  FarmlandLedger::init(db, "o'brien; DROP TABLE audit; --");
  FarmlandLedger l(db, "o'brien; DROP TABLE audit; --");
  const std::vector<std::string> names = {"王家庄\"土地整治\"项目", "x'); DELETE FROM supplements; --", "a;b;c", "聊城市东昌府区 ’’ ‘引号’",
                                          "Robert'); DROP TABLE lots;--"};
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
  EXPECT_EQ(text(db, "SELECT DISTINCT user FROM audit"), "o'brien; DROP TABLE audit; --");
}

TEST(Ledger, InOutBalanceClosesOrIsOpen) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
  FarmlandLedger::init(db, "t");
  FarmlandLedger l(db, "t");
  l.add_inout({"A", "371502", "2023-03-01", "", 2023, "out", 10 * kMu, 7, ""});
  l.add_inout({"B", "371502", "2023-09-01", "", 2023, "in", 8 * kMu, 7, ""});
  l.add_inout({"C", "371503", "2023-03-01", "", 2023, "out", 10 * kMu, 7, "灾毁"});  // exempt
  auto b = l.inout_balances(2023);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_FALSE(b[0].closed);  // 371502: 10 out, 8 in
  EXPECT_TRUE(b[1].closed);   // 371503: exempt
  EXPECT_THROW(l.add_inout({"D", "371502", "2024-01-01", "", 2023, "in", kMu, 7, ""}), guotu::Error);  // date not in year
  EXPECT_THROW(l.add_inout({"E", "371502", "2023-01-01", "", 2023, "sideways", kMu, 7, ""}), guotu::Error);
}

TEST(Ledger, SampleLedgerReproducesThe2023Figures) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
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
  EXPECT_NEAR(scalar(db, "SELECT SUM(area_m2) FROM occupations WHERE date LIKE '2023%'") / kMu, 4796.97, 0.005);
  // A second import of the same entries is refused whole (duplicate ids) and changes nothing.
  EXPECT_EQ(guotu::test::run_guotu("ledger --db '" + db + "' import '" + sample + "' 2>/dev/null").exit_code, 2);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), 327);
}

// 8 processes, 10,000 mixed operations on one ledger: no lost update, no double-spent quota,
// final balances equal the sums of the entries.
TEST(Ledger, ConcurrentWritersLoseNothing) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
  FarmlandLedger::init(db, "t");
  const std::vector<std::string> counties = {"371502", "371503", "371521"};
  constexpr int kProcs = 8, kOps = 1250;
  std::vector<pid_t> pids;
  for (int p = 0; p < kProcs; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        FarmlandLedger l(db, "worker" + std::to_string(p));
        std::mt19937 rng(static_cast<unsigned>(p));
        std::ofstream log((dir / ("ok" + std::to_string(p))).string());
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
              l.transfer({"T" + id, "2023-03-01", county, counties[(rng() % 2 + 1 + (&county - &counties[0])) % 3], "", (1 + rng() % 5) * kMu, ""});
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
    std::ifstream in((dir / ("ok" + std::to_string(p))).string());
    std::string kind, id;
    while (in >> kind >> id) ++logged[kind[0]];
  }
  // No lost update: every acknowledged write is in the file.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements"), logged['S']);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM occupations"), logged['O']);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM transfers"), logged['T']);
  EXPECT_GT(logged['O'], 100);
  // No double spending: no lot gives more than it holds.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM lots l WHERE l.area_m2 + 1e-6 < (SELECT COALESCE(SUM(d.area_m2), 0) FROM draws d WHERE d.lot_id = l.id)"), 0);
  // Balances equal the sums of the entries, and none is negative.
  FarmlandLedger l(db, "t");
  for (const auto& b : l.balances()) {
    SCOPED_TRACE(b.county);
    const double supplied = scalar(db, "SELECT COALESCE(SUM(area_m2), 0) FROM supplements WHERE county = '" + b.county + "'");
    const double occupied = scalar(db, "SELECT COALESCE(SUM(area_m2), 0) FROM occupations WHERE county = '" + b.county + "'");
    const double sold = scalar(db, "SELECT COALESCE(SUM(l.area_m2), 0) FROM lots l JOIN transfers t ON t.id = l.transfer_id WHERE t.from_county = '" + b.county + "'");
    const double bought = scalar(db, "SELECT COALESCE(SUM(l.area_m2), 0) FROM lots l JOIN transfers t ON t.id = l.transfer_id WHERE t.to_county = '" + b.county + "'");
    EXPECT_NEAR(b.stock.area_m2, supplied - occupied - sold + bought, 1e-3);
    EXPECT_GE(b.stock.area_m2, -1e-6);
  }
  EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
}

// SIGKILL at random points during writes, 50 times: the file stays intact and holds exactly the
// committed entries (every acknowledged one; none that never started).
TEST(Ledger, SurvivesSigkillDuringWrites) {
  guotu::test::TempDir dir;
  const auto db = (dir / "l.sqlite").string();
  FarmlandLedger::init(db, "t");
  std::mt19937 rng(42);
  std::set<std::string> acknowledged, started;
  for (int round = 0; round < 50; ++round) {
    const auto log_path = dir / ("log" + std::to_string(round));
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
          if (i % 2 == 0) l.add_supplement(supplement("S" + id, "371502", 2, "2023-01-01"));
          else l.add_occupation(occupation("S" + id, "371502", 1, "2023-02-01"));
        } catch (const RuleViolation&) {
        }
        (void)!::write(fd, done.data(), done.size());
      }
    }
    ::usleep(static_cast<useconds_t>(20000 + rng() % 80000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::ifstream in(log_path);
    std::string k, id;
    while (in >> k >> id) (k == "B" ? started : acknowledged).insert("S" + id);
  }
  EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
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
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM supplements s LEFT JOIN audit a ON a.id = s.audit_id WHERE a.id IS NULL"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM audit WHERE action IN ('add-supplement', 'add-occupation')"),
            scalar(db, "SELECT (SELECT COUNT(*) FROM supplements) + (SELECT COUNT(*) FROM occupations)"));
  EXPECT_GE(l.balances().at(0).stock.area_m2, 0);
}

// guotu check hands each project's 耕地 occupancy to the ledger through a file.
TEST(Ledger, TakesOccupationsFromCheck) {
  guotu::test::TempDir dir;
  const auto city = guotu::test::sample_city(false).string();
  const auto occ = (dir / "occ.json").string();
  const auto db = (dir / "l.sqlite").string();
  ASSERT_EQ(guotu::test::run_guotu("check --plan '" + city + "' --projects '" + city + "' --out '" + (dir / "c.gpkg").string() +
                                   "' --occupancy-json '" + occ + "' 2>/dev/null").exit_code, 1);
  std::ifstream in(occ);
  const auto j = nlohmann::json::parse(in);
  std::map<std::string, double> need;  // county → net 耕地 m²
  std::size_t projects = 0;
  for (const auto& o : j["occupations"]) {
    if (o["cultivated_net_m2"].get<double>() <= 0) continue;
    need[o["county"].get<std::string>()] += o["cultivated_net_m2"].get<double>();
    ++projects;
  }
  ASSERT_GT(projects, 0u);
  FarmlandLedger::init(db, "t");
  {
    FarmlandLedger l(db, "t");
    for (const auto& [county, m2] : need) l.add_supplement(supplement("S" + county, county, 2 * m2 / kMu + 10, "2023-01-01", 1));
  }
  auto r = guotu::test::run_guotu("ledger --db '" + db + "' --json add-occupation --from-check '" + occ + "' --date 2024-05-01 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["added"].size(), projects);
  FarmlandLedger l(db, "t");
  for (const auto& b : l.balances()) EXPECT_NEAR(b.drawn.area_m2, need[b.county], 1e-6) << b.county;
  // Without a date the clerk is asked for one; nothing is written.
  const auto db2 = (dir / "l2.sqlite").string();
  FarmlandLedger::init(db2, "t");
  EXPECT_EQ(guotu::test::run_guotu("ledger --db '" + db2 + "' add-occupation --from-check '" + occ + "' 2>/dev/null").exit_code, 2);
  EXPECT_EQ(scalar(db2, "SELECT COUNT(*) FROM occupations"), 0);
}
