#include "ledger/farmland_ledger.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/resources.hpp"
#include "core/units.hpp"
#include "gdal/vector_source.hpp"
#include "sqlite/database.hpp"

namespace guotu::ledger {

namespace {

constexpr double kEps = 1e-6;  // m²: amounts below this are rounding, not quota

const char* const kMigrations[] = {
#include "ledger/schema.sql.inc"
};
constexpr int kSchemaVersion = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0])) - 1;

std::string mu(double m2) { return fmt::format("{:.2f} 亩", units::to_mu(m2)); }

// Grade weights for capacity (data/rules/farmland_grade_weights.csv), read once.
std::map<int, double> load_weights() {
  std::map<int, double> w;
  gdal::VectorSource src = gdal::VectorSource::open(resources::resource("data/rules/farmland_grade_weights.csv").string());
  const auto& layer = src.layer(0);
  const auto gi = layer.field_index("grade"), wi = layer.field_index("weight");
  if (!gi || !wi) throw_bad_input("farmland_grade_weights.csv needs grade and weight columns");
  layer.read({}, [&](gdal::Feature&& f) {
    w[static_cast<int>(gdal::as_number(f.values[*gi]).value_or(0))] = gdal::as_number(f.values[*wi]).value_or(0);
  });
  return w;
}

[[noreturn]] void refuse(const std::string& rule, const std::string& message) { throw RuleViolation(rule, message); }

// Maps SQLite's refusals (CHECK, UNIQUE, FOREIGN KEY, triggers) to input errors naming the entry.
template <typename F>
auto guarded(const std::string& what, F&& f) {
  try {
    return f();
  } catch (const sqlite::Failure& e) {
    if (e.constraint()) throw_bad_input(what + " refused by the ledger's constraints: " + e.what());
    throw_internal(what + ": " + e.what());
  }
}

}  // namespace

struct FarmlandLedger::Impl {
  sqlite::Database db;
  std::string user;
  std::map<int, double> weights;
  bool in_batch = false;

  // Runs f in its own transaction, or inside the batch's.
  template <typename F>
  auto write(F&& f) {
    if (in_batch) return f();
    sqlite::Transaction tx(db);
    auto r = f();
    tx.commit();
    return r;
  }

  Impl(const std::string& path, std::string u) : db(path, {}), user(std::move(u)), weights(load_weights()) {}

  std::int64_t audit(const std::string& action, const std::string& detail) {
    auto st = db.prepare("INSERT INTO audit (user, action, detail) VALUES (?, ?, ?)");
    st.bind_all(user, action, detail).run();
    return db.last_insert_rowid();
  }

  struct Lot {
    std::int64_t id;
    std::string supplement, available_from;
    double area, paddy, capacity, lot_area, lot_capacity;
  };
  // Lots a county owns that were available on `date`, with what remains of them, oldest first.
  std::vector<Lot> lots(const std::string& county, const std::string& date, const std::string& supplement = {}) {
    auto st = db.prepare(
        "SELECT id, supplement_id, available_from, area_m2, paddy_m2, capacity, lot_area_m2, lot_capacity "
        "FROM lot_remaining WHERE county = ? AND available_from <= ? AND (? = '' OR supplement_id = ?) "
        "ORDER BY available_from, id");
    st.bind_all(county, date, supplement, supplement);
    std::vector<Lot> out;
    while (st.step())
      out.push_back({st.integer(0), st.text(1), st.text(2), st.real(3), st.real(4), st.real(5), st.real(6), st.real(7)});
    return out;
  }

  double total_available(const std::string& county, const std::string& date, const char* what) {
    auto st = db.prepare(std::string("SELECT COALESCE(SUM(") + what +
                         "), 0) FROM lot_remaining WHERE county = ? AND available_from <= ?");
    st.bind_all(county, date);
    st.step();
    return st.real(0);
  }

  // Draws `need` from the county's lots (preferred supplements first, then oldest first).
  // Returns the draws; refuses, naming the rule and the numbers, when the stock falls short.
  std::vector<std::pair<Lot, Quantity>> plan_draws(const std::string& county, const std::string& date, Quantity need,
                                                   const std::vector<std::string>& preferred, const std::string& what) {
    std::vector<Lot> candidates;
    for (const auto& s : preferred) {
      auto ls = lots(county, date, s);
      if (ls.empty()) {
        auto st = db.prepare("SELECT accepted_on, county FROM supplements WHERE id = ?");
        st.bind_all(s);
        if (!st.step()) refuse("未知补充耕地项目", "supplement " + s + " is not in the ledger");
        if (st.text(0) > date)
          refuse("先补后占", fmt::format("supplement {} was accepted on {}, after the {} date {}", s, st.text(0), what, date));
        refuse("占补平衡", fmt::format("county {} holds no remaining quota of supplement {} on {}", county, s, date));
      }
      candidates.insert(candidates.end(), ls.begin(), ls.end());
    }
    for (auto& l : lots(county, date))
      if (std::none_of(candidates.begin(), candidates.end(), [&](const Lot& c) { return c.id == l.id; })) candidates.push_back(l);
    std::vector<std::pair<Lot, Quantity>> draws;
    Quantity got;
    for (const auto& lot : candidates) {
      const double short_area = need.area_m2 - got.area_m2, short_cap = need.capacity - got.capacity,
                   short_paddy = need.paddy_m2 - got.paddy_m2;
      if (short_area <= kEps && short_cap <= kEps && short_paddy <= kEps) break;
      if (lot.area <= kEps) continue;
      const double cap_per_m2 = lot.lot_area > 0 ? lot.lot_capacity / lot.lot_area : 0;
      double want = std::max(short_area, 0.0);
      if (short_cap > kEps && cap_per_m2 > 0) want = std::max(want, short_cap / cap_per_m2);
      if (short_paddy > kEps) want = std::max(want, std::min(short_paddy, lot.paddy));
      const double a = std::min(lot.area, want);
      if (a <= kEps) continue;
      Quantity q{a, std::min({lot.paddy, std::max(short_paddy, 0.0), a}), std::min(lot.capacity, a * cap_per_m2)};
      got.area_m2 += q.area_m2;
      got.paddy_m2 += q.paddy_m2;
      got.capacity += q.capacity;
      draws.push_back({lot, q});
    }
    if (need.area_m2 - got.area_m2 > kEps) {
      const double later = total_available(county, "9999-12-31", "area_m2");
      if (later + kEps >= need.area_m2) {
        refuse("先补后占", fmt::format("county {} has {} of quota available on {}, the {} needs {}: the rest comes from "
                                       "supplements accepted after that date",
                                       county, mu(total_available(county, date, "area_m2")), date, what, mu(need.area_m2)));
      }
      refuse("占补平衡 (数量)", fmt::format("county {} has {} of quota available on {}; the {} needs {}", county,
                                         mu(total_available(county, date, "area_m2")), date, what, mu(need.area_m2)));
    }
    if (need.paddy_m2 - got.paddy_m2 > kEps) {
      refuse("占补平衡 (水田)", fmt::format("county {} has {} of 水田 quota available on {}; the {} needs {}", county,
                                         mu(total_available(county, date, "paddy_m2")), date, what, mu(need.paddy_m2)));
    }
    if (need.capacity - got.capacity > kEps) {
      refuse("占补平衡 (产能)", fmt::format("county {} has {:.2f} of capacity available on {}; the {} needs {:.2f} "
                                         "(standard-grade-equivalent m²)",
                                         county, total_available(county, date, "capacity"), date, what, need.capacity));
    }
    return draws;
  }
};

void FarmlandLedger::init(const std::string& path, const std::string& user) {
  sqlite::Database db(path, {.create = true});
  db.exec(kMigrations[0]);
  sqlite::Transaction tx(db);
  auto st = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  st.step();
  const int current = static_cast<int>(st.integer(0));
  st.reset();
  if (current > kSchemaVersion) throw_bad_input(fmt::format("the ledger's schema (v{}) is newer than this guotu (v{})", current, kSchemaVersion), {path, {}, {}, {}});
  for (int v = current + 1; v <= kSchemaVersion; ++v) {
    db.exec(kMigrations[v]);
    auto ins = db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
    ins.bind_all(static_cast<std::int64_t>(v)).run();
    auto a = db.prepare("INSERT INTO audit (user, action, detail) VALUES (?, 'migrate', ?)");
    a.bind_all(user, fmt::format("schema v{}", v)).run();
  }
  tx.commit();
}

FarmlandLedger::FarmlandLedger(const std::string& path, std::string user) {
  if (!std::filesystem::exists(path)) throw_bad_input("no ledger here; create it with `guotu ledger --db FILE init`", {path, {}, {}, {}});
  try {
    impl_ = std::make_unique<Impl>(path, std::move(user));
    auto st = impl_->db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    st.step();
    if (st.integer(0) != kSchemaVersion) {
      throw_bad_input(fmt::format("the ledger's schema is v{}, this guotu uses v{}: run `guotu ledger --db FILE init` to migrate",
                                  st.integer(0), kSchemaVersion),
                      {path, {}, {}, {}});
    }
  } catch (const sqlite::Failure& e) {
    throw_bad_input(std::string("not a guotu ledger: ") + e.what(), {path, {}, {}, {}});
  }
}

FarmlandLedger::~FarmlandLedger() = default;

void FarmlandLedger::batch(const std::function<void()>& f) {
  guarded("import", [&] {
    sqlite::Transaction tx(impl_->db);
    impl_->in_batch = true;
    try {
      f();
    } catch (...) {
      impl_->in_batch = false;
      throw;
    }
    impl_->in_batch = false;
    tx.commit();
    return 0;
  });
}

double FarmlandLedger::capacity_of(double area_m2, int grade) const {
  auto it = impl_->weights.find(grade);
  if (it == impl_->weights.end()) throw_bad_input(fmt::format("no capacity weight for grade {}", grade));
  return area_m2 * it->second;
}

void FarmlandLedger::add_supplement(const Supplement& s) {
  guarded("supplement " + s.id, [&] { return impl_->write([&] {
    const double capacity = s.capacity ? *s.capacity : capacity_of(s.area_m2, s.grade);
    const auto audit = impl_->audit("add-supplement", fmt::format("{} county {} {} accepted {}", s.id, s.county, mu(s.area_m2), s.accepted_on));
    auto st = impl_->db.prepare(
        "INSERT INTO supplements (id, county, name, source, area_m2, paddy_m2, grade, capacity, accepted_on, geom, audit_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind_all(s.id, s.county, s.name, s.source, s.area_m2, s.paddy_m2, static_cast<std::int64_t>(s.grade), capacity, s.accepted_on);
    st.bind(10, s.polygon_wkb.empty() ? sqlite::Value{} : sqlite::Value{s.polygon_wkb});
    st.bind(11, audit);
    st.run();
    auto lot = impl_->db.prepare(
        "INSERT INTO lots (supplement_id, county, available_from, area_m2, paddy_m2, capacity, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    lot.bind_all(s.id, s.county, s.accepted_on, s.area_m2, s.paddy_m2, capacity, audit).run();
    return 0;
  }); });
}

std::vector<std::pair<std::string, Quantity>> FarmlandLedger::add_occupation(const Occupation& o) {
  return guarded("occupation " + o.id, [&] { return impl_->write([&] {
    auto draws = impl_->plan_draws(o.county, o.date, {o.area_m2, o.paddy_m2, o.capacity}, o.from_supplements, "occupation");
    const auto audit = impl_->audit("add-occupation", fmt::format("{} project {} county {} {} on {}", o.id, o.project, o.county, mu(o.area_m2), o.date));
    auto st = impl_->db.prepare(
        "INSERT INTO occupations (id, project, county, date, approval_ref, area_m2, paddy_m2, capacity, audit_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind_all(o.id, o.project, o.county, o.date, o.approval_ref, o.area_m2, o.paddy_m2, o.capacity, audit).run();
    auto d = impl_->db.prepare(
        "INSERT INTO draws (lot_id, date, occupation_id, area_m2, paddy_m2, capacity, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    std::vector<std::pair<std::string, Quantity>> out;
    for (const auto& [lot, q] : draws) {
      d.bind_all(lot.id, o.date, o.id, q.area_m2, q.paddy_m2, q.capacity, audit).run();
      out.push_back({lot.supplement, q});
    }
    return out;
  }); });
}

void FarmlandLedger::transfer(const Transfer& t) {
  guarded("transfer " + t.id, [&] { return impl_->write([&] {
    std::vector<std::string> preferred;
    if (!t.supplement_id.empty()) preferred.push_back(t.supplement_id);
    // A transfer moves area with the capacity and 水田 that come with it.
    auto draws = impl_->plan_draws(t.from_county, t.date, {t.area_m2, 0, 0}, preferred, "transfer");
    const auto audit = impl_->audit("transfer", fmt::format("{} {} from {} to {} on {}", t.id, mu(t.area_m2), t.from_county, t.to_county, t.date));
    auto st = impl_->db.prepare("INSERT INTO transfers (id, date, from_county, to_county, reference, audit_id) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind_all(t.id, t.date, t.from_county, t.to_county, t.reference, audit).run();
    auto d = impl_->db.prepare(
        "INSERT INTO draws (lot_id, date, transfer_id, area_m2, paddy_m2, capacity, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto l = impl_->db.prepare(
        "INSERT INTO lots (supplement_id, county, available_from, area_m2, paddy_m2, capacity, transfer_id, audit_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (auto [lot, q] : draws) {
      // Paddy moves in proportion to the lot's remaining share.
      q.paddy_m2 = lot.area > 0 ? std::min(lot.paddy, lot.paddy * q.area_m2 / lot.area) : 0;
      d.bind_all(lot.id, t.date, t.id, q.area_m2, q.paddy_m2, q.capacity, audit).run();
      l.bind_all(lot.supplement, t.to_county, t.date, q.area_m2, q.paddy_m2, q.capacity, t.id, audit).run();
    }
    return 0;
  }); });
}

void FarmlandLedger::add_inout(const InOut& e) {
  guarded("进出平衡 entry " + e.id, [&] { return impl_->write([&] {
    const auto audit = impl_->audit("add-inout", fmt::format("{} county {} {} {} {}", e.id, e.county, e.year, e.direction, mu(e.area_m2)));
    auto st = impl_->db.prepare(
        "INSERT INTO inout (id, county, year, direction, area_m2, grade, exemption, date, note, audit_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind_all(e.id, e.county, static_cast<std::int64_t>(e.year), e.direction, e.area_m2);
    st.bind(6, e.grade > 0 ? sqlite::Value{static_cast<std::int64_t>(e.grade)} : sqlite::Value{});
    st.bind(7, e.exemption.empty() ? sqlite::Value{} : sqlite::Value{e.exemption});
    st.bind(8, e.date);
    st.bind(9, e.note);
    st.bind(10, audit);
    st.run();
    return 0;
  }); });
}

void FarmlandLedger::reverse(const std::string& kind, const std::string& id, const std::string& date, const std::string& reason) {
  guarded("reversal of " + kind + " " + id, [&] { return impl_->write([&] {
    static const std::map<std::string, std::string> table = {
        {"supplement", "supplements"}, {"occupation", "occupations"}, {"transfer", "transfers"}, {"inout", "inout"}};
    auto it = table.find(kind);
    if (it == table.end()) throw_bad_input("cannot reverse a '" + kind + "' (supplement, occupation, transfer, inout)");
    auto exists = impl_->db.prepare("SELECT 1 FROM " + it->second + " WHERE id = ?");
    exists.bind_all(id);
    if (!exists.step()) throw_bad_input(kind + " " + id + " is not in the ledger");
    // Quota that has been drawn cannot disappear from under its draws: reverse those first.
    if (kind == "supplement" || kind == "transfer") {
      auto used = impl_->db.prepare(
          kind == "supplement"
              ? "SELECT COUNT(*) FROM active_draws d JOIN lots l ON l.id = d.lot_id WHERE l.supplement_id = ? AND l.transfer_id IS NULL"
              : "SELECT COUNT(*) FROM active_draws d JOIN lots l ON l.id = d.lot_id WHERE l.transfer_id = ?");
      used.bind_all(id);
      used.step();
      if (used.integer(0) > 0)
        refuse("冲销顺序", fmt::format("{} {} has {} active draws on its quota: reverse those occupations or transfers first", kind, id, used.integer(0)));
    }
    const auto audit = impl_->audit("reverse", fmt::format("{} {} on {}: {}", kind, id, date, reason));
    auto st = impl_->db.prepare("INSERT INTO reversals (target_kind, target_id, date, reason, audit_id) VALUES (?, ?, ?, ?, ?)");
    st.bind_all(kind, id, date, reason, audit).run();
    return 0;
  }); });
}

std::vector<CountyBalance> FarmlandLedger::balances(const std::string& at, const std::string& county) const {
  const std::string date = at.empty() ? "9999-12-31" : at;
  std::map<std::string, CountyBalance> by;
  auto add = [&](const char* sql, auto apply) {
    auto st = impl_->db.prepare(sql);
    st.bind_all(date, county, county);
    while (st.step()) {
      CountyBalance& b = by[st.text(0)];
      b.county = st.text(0);
      apply(b, Quantity{st.real(1), st.real(2), st.real(3)}, st.integer(4));
    }
  };
  add("SELECT county, SUM(area_m2), SUM(paddy_m2), SUM(capacity), COUNT(*) FROM active_lots "
      "WHERE transfer_id IS NULL AND available_from <= ? AND (? = '' OR county = ?) GROUP BY county",
      [](CountyBalance& b, Quantity q, std::int64_t) { b.supplemented = q; });
  add("SELECT county, SUM(area_m2), SUM(paddy_m2), SUM(capacity), COUNT(*) FROM active_lots "
      "WHERE transfer_id IS NOT NULL AND available_from <= ? AND (? = '' OR county = ?) GROUP BY county",
      [](CountyBalance& b, Quantity q, std::int64_t) { b.transferred_in = q; });
  add("SELECT l.county, SUM(d.area_m2), SUM(d.paddy_m2), SUM(d.capacity), COUNT(DISTINCT d.transfer_id) FROM active_draws d "
      "JOIN active_lots l ON l.id = d.lot_id WHERE d.transfer_id IS NOT NULL AND d.date <= ? AND (? = '' OR l.county = ?) GROUP BY l.county",
      [](CountyBalance& b, Quantity q, std::int64_t) { b.transferred_out = q; });
  add("SELECT l.county, SUM(d.area_m2), SUM(d.paddy_m2), SUM(d.capacity), COUNT(DISTINCT d.occupation_id) FROM active_draws d "
      "JOIN active_lots l ON l.id = d.lot_id WHERE d.occupation_id IS NOT NULL AND d.date <= ? AND (? = '' OR l.county = ?) GROUP BY l.county",
      [](CountyBalance& b, Quantity q, std::int64_t n) {
        b.drawn = q;
        b.occupations = n;
      });
  std::vector<CountyBalance> out;
  for (auto& [c, b] : by) {
    b.stock = {b.supplemented.area_m2 + b.transferred_in.area_m2 - b.transferred_out.area_m2 - b.drawn.area_m2,
               b.supplemented.paddy_m2 + b.transferred_in.paddy_m2 - b.transferred_out.paddy_m2 - b.drawn.paddy_m2,
               b.supplemented.capacity + b.transferred_in.capacity - b.transferred_out.capacity - b.drawn.capacity};
    out.push_back(b);
  }
  return out;
}

PeriodTotals FarmlandLedger::period(const std::string& from, const std::string& to, const std::string& county) const {
  auto st = impl_->db.prepare(
      "SELECT COUNT(DISTINCT d.occupation_id), COALESCE(SUM(d.area_m2), 0), COALESCE(SUM(d.paddy_m2), 0), COALESCE(SUM(d.capacity), 0) "
      "FROM active_draws d JOIN occupations o ON o.id = d.occupation_id "
      "WHERE d.date >= ? AND d.date <= ? AND (? = '' OR o.county = ?)");
  st.bind_all(from, to, county, county);
  st.step();
  return {st.integer(0), {st.real(1), st.real(2), st.real(3)}};
}

std::vector<InOutBalance> FarmlandLedger::inout_balances(int year, const std::string& county) const {
  auto st = impl_->db.prepare(
      "SELECT county, "
      "  COALESCE(SUM(CASE WHEN direction = 'out' THEN area_m2 END), 0), "
      "  COALESCE(SUM(CASE WHEN direction = 'in' THEN area_m2 END), 0), "
      "  COALESCE(SUM(CASE WHEN direction = 'out' AND exemption IS NOT NULL THEN area_m2 END), 0) "
      "FROM inout i WHERE year = ? AND (? = '' OR county = ?) "
      "AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'inout' AND r.target_id = i.id) GROUP BY county");
  st.bind_all(static_cast<std::int64_t>(year), county, county);
  std::vector<InOutBalance> out;
  while (st.step()) {
    InOutBalance b{st.text(0), year, st.real(1), st.real(2), st.real(3), false};
    b.closed = b.in_m2 + kEps >= b.out_m2 - b.exempt_m2;
    out.push_back(b);
  }
  return out;
}

std::vector<std::vector<std::string>> FarmlandLedger::rows(const std::string& table, std::vector<std::string>& header) const {
  static const std::map<std::string, std::string> queries = {
      {"supplements", "SELECT id, county, name, source, area_m2, paddy_m2, grade, capacity, accepted_on FROM supplements ORDER BY accepted_on, id"},
      {"occupations", "SELECT id, project, county, date, approval_ref, area_m2, paddy_m2, capacity FROM occupations ORDER BY date, id"},
      {"transfers", "SELECT t.id, t.date, t.from_county, t.to_county, t.reference, COALESCE(SUM(l.area_m2), 0) FROM transfers t LEFT JOIN lots l ON l.transfer_id = t.id GROUP BY t.id ORDER BY t.date, t.id"},
      {"inout", "SELECT id, county, year, direction, area_m2, grade, exemption, date, note FROM inout ORDER BY year, date, id"},
      {"reversals", "SELECT target_kind, target_id, date, reason FROM reversals ORDER BY id"},
      {"audit", "SELECT id, at, user, action, detail FROM audit ORDER BY id"}};
  auto it = queries.find(table);
  if (it == queries.end()) throw_bad_input("no ledger table '" + table + "'");
  auto st = impl_->db.prepare(it->second);
  header.clear();
  std::vector<std::vector<std::string>> out;
  bool first = true;
  while (st.step()) {
    if (first) {
      static const std::map<std::string, std::vector<std::string>> headers = {
          {"supplements", {"id", "county", "name", "source", "area_m2", "paddy_m2", "grade", "capacity", "accepted_on"}},
          {"occupations", {"id", "project", "county", "date", "approval_ref", "area_m2", "paddy_m2", "capacity"}},
          {"transfers", {"id", "date", "from_county", "to_county", "reference", "area_m2"}},
          {"inout", {"id", "county", "year", "direction", "area_m2", "grade", "exemption", "date", "note"}},
          {"reversals", {"kind", "id", "date", "reason"}},
          {"audit", {"id", "at", "user", "action", "detail"}}};
      header = headers.at(table);
      first = false;
    }
    std::vector<std::string> row;
    for (int c = 0; c < st.columns(); ++c) row.push_back(st.is_null(c) ? "" : st.text(c));
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<FarmlandLedger::SupplementRow> FarmlandLedger::supplements() const {
  auto st = impl_->db.prepare(
      "SELECT s.id, s.county, s.name, s.source, s.area_m2, s.paddy_m2, s.grade, s.capacity, s.accepted_on, s.geom, "
      "  EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'supplement' AND r.target_id = s.id), "
      "  (SELECT COALESCE(SUM(r.area_m2), 0) FROM lot_remaining r WHERE r.supplement_id = s.id), "
      "  (SELECT COALESCE(SUM(r.paddy_m2), 0) FROM lot_remaining r WHERE r.supplement_id = s.id), "
      "  (SELECT COALESCE(SUM(r.capacity), 0) FROM lot_remaining r WHERE r.supplement_id = s.id) "
      "FROM supplements s ORDER BY s.accepted_on, s.id");
  std::vector<SupplementRow> out;
  while (st.step()) {
    SupplementRow r;
    r.s.id = st.text(0);
    r.s.county = st.text(1);
    r.s.name = st.text(2);
    r.s.source = st.text(3);
    r.s.area_m2 = st.real(4);
    r.s.paddy_m2 = st.real(5);
    r.s.grade = static_cast<int>(st.integer(6));
    r.s.capacity = st.real(7);
    r.s.accepted_on = st.text(8);
    if (!st.is_null(9)) r.s.polygon_wkb = st.blob(9);
    r.reversed = st.integer(10) != 0;
    r.remaining = {st.real(11), st.real(12), st.real(13)};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace guotu::ledger
