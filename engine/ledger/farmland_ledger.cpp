#include "ledger/farmland_ledger.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "check/occupancy.hpp"
#include "core/bounds.hpp"
#include "core/city.hpp"
#include "core/resources.hpp"
#include "core/units.hpp"
#include "core/utf8.hpp"
#include "geos/geometry.hpp"
#include "layers/admin_units.hpp"
#include "ledger/store.hpp"
#include "proj/crs.hpp"

namespace guotu::ledger {

namespace {

constexpr double kEps = 1e-6;  // m²: amounts below this are rounding, not quota

std::string mu(double m2) {
  return fmt::format("{:.2f} 亩", units::to_mu(m2));
}

// ---- Every value is checked here, in C++, before any of it reaches SQL. The schema's CHECK
// constraints stay as a second line; SQLite's date() is no judge of dates (3.40 returns
// 2023-02-30 unchanged) and neither store knows the counties. Bounds: core/bounds.hpp.

[[noreturn]] void bad(const std::string& what, const std::string& why) {
  throw_bad_input(what + ": " + why);
}

// Text stored in the ledger is UTF-8 (PostgreSQL refuses anything else; reports and JSON need it).
void check_text(const std::string& what, const char* field, const std::string& v) {
  if (!utf8::is_valid(v))
    bad(what,
        fmt::format("{} '{}' is not valid UTF-8 text (convert the file to UTF-8 first)", field, utf8::repaired(v)));
}

void check_id(const std::string& what, const char* field, const std::string& v) {
  if (v.empty()) bad(what, fmt::format("{} is empty", field));
  check_text(what, field, v);
}

void check_date(const std::string& what, const char* field, const std::string& d) {
  const bool shape = d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                     std::all_of(d.begin(), d.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!shape) bad(what, fmt::format("{} '{}' is not a date YYYY-MM-DD", field, d));
  const int y = std::stoi(d.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoi(d.substr(5, 2)));
  const auto day = static_cast<unsigned>(std::stoi(d.substr(8, 2)));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
  if (!ymd.ok()) bad(what, fmt::format("{} {} is not a calendar date", field, d));
  if (y < bounds::kMinYear || y > bounds::kMaxYear)
    bad(what, fmt::format("{} {} is outside the years {}–{}", field, d, bounds::kMinYear, bounds::kMaxYear));
}

void check_county(const std::string& what, const char* field, const std::string& code) {
  const auto& units = layers::AdminUnits::embedded();
  const layers::AdminUnit* u = units.find(code);
  if (u != nullptr && u->level == "county") return;
  const auto counties = units.at_level("county");
  std::string hint, valid;
  if (u != nullptr) hint = fmt::format(" ({} is a {}: {})", code, u->level, u->name);
  for (const auto* c : counties) {
    if (c->name == code) hint = fmt::format(" (that is the name of county {})", c->code);
    valid += fmt::format("{}{} {}", valid.empty() ? "" : ", ", c->code, c->name);
  }
  bad(what, fmt::format("{} '{}' is not a county code of {}{}; valid codes: {}", field, code,
                        std::filesystem::path(units.source()).filename().string(), hint, valid));
}

void check_area(const std::string& what, const char* field, double m2) {
  if (std::isfinite(m2) && m2 > 0 && m2 <= bounds::kMaxLedgerAreaM2) return;
  bad(what, fmt::format("{} must be a finite area above 0 and at most {:.0f} 亩, not {} m² ({} 亩)", field,
                        units::to_mu(bounds::kMaxLedgerAreaM2), m2, units::to_mu(m2)));
}

void check_part(const std::string& what, const char* field, double m2, double area_m2) {
  if (std::isfinite(m2) && m2 >= 0 && m2 <= area_m2) return;
  bad(what, fmt::format("{} must be a finite area from 0 to the entry's area ({}), not {} m²", field, mu(area_m2), m2));
}

void check_capacity(const std::string& what, double capacity) {
  if (std::isfinite(capacity) && capacity >= 0 && capacity <= bounds::kMaxLedgerCapacity) return;
  bad(what, fmt::format("capacity must be a finite number from 0 to {:.0f} (standard-grade-equivalent m²), not {}",
                        bounds::kMaxLedgerCapacity, capacity));
}

void check_grade(const std::string& what, int grade, bool optional) {
  if ((grade >= 1 && grade <= 15) || (optional && grade == 0)) return;
  bad(what, fmt::format("grade (耕地等别) must be 1–15{}, not {}", optional ? " (or none)" : "", grade));
}

// A supplement's boundary: a valid, non-empty (multi)polygon in the ledger's CRS.
void check_polygon(const std::string& what, const std::vector<std::uint8_t>& wkb) {
  if (wkb.empty()) return;
  const geos::Geometry g = geos::Geometry::from_wkb(wkb);
  if (g.is_empty()) bad(what, "the boundary is empty");
  if (!g.is_polygonal()) bad(what, fmt::format("the boundary must be a polygon, not {} points", g.num_points()));
  if (auto why = g.invalid_reason())
    bad(what, fmt::format("the boundary is not a valid polygon: {} at {:.3f} {:.3f}", why->reason, why->location.x,
                          why->location.y));
  const Envelope e = g.envelope();
  // The CRS's facts and transform, made once per thread (and again if the run's city changed).
  struct Crs {
    std::string definition;
    proj::CrsFacts facts;
    proj::Transform to_lonlat;
  };
  thread_local std::unique_ptr<Crs> cached;
  const std::string crs = ledger_crs();
  if (!cached || cached->definition != crs)
    cached = std::make_unique<Crs>(Crs{crs, proj::describe_crs(crs), proj::Transform::to_geographic(crs)});
  const proj::CrsFacts& facts = cached->facts;
  const proj::Transform& to_lonlat = cached->to_lonlat;
  constexpr double kMarginDeg = 0.5;
  bool inside = true;
  for (Coord c : {Coord{e.min_x, e.min_y}, Coord{e.max_x, e.max_y}, Coord{e.min_x, e.max_y}, Coord{e.max_x, e.min_y}}) {
    try {
      const Coord ll = to_lonlat.apply(c);
      inside = inside && std::isfinite(ll.x) && std::isfinite(ll.y) && ll.x >= facts.west - kMarginDeg &&
               ll.x <= facts.east + kMarginDeg && ll.y >= facts.south - kMarginDeg && ll.y <= facts.north + kMarginDeg;
    } catch (const Error&) {
      inside = false;
    }
  }
  if (inside) return;
  const bool degrees =
      std::abs(e.min_x) <= 180 && std::abs(e.max_x) <= 180 && std::abs(e.min_y) <= 90 && std::abs(e.max_y) <= 90;
  bad(what, fmt::format("the boundary ({:.3f} {:.3f}, {:.3f} {:.3f}) is not in the ledger's CRS {} ({}){}", e.min_x,
                        e.min_y, e.max_x, e.max_y, crs, facts.name,
                        degrees ? ": these look like longitude/latitude degrees, give projected metres" : ""));
}

[[noreturn]] void refuse(const std::string& rule, const std::string& message) {
  throw RuleViolation(rule, message);
}

// Maps the store's refusals (CHECK, UNIQUE, FOREIGN KEY, triggers, a date that is no date) to
// input errors naming the entry; a writer that waited too long for the lock is told so.
template <typename F>
auto guarded(const std::string& what, F&& f) {
  try {
    return f();
  } catch (const StoreFailure& e) {
    if (e.kind() == StoreFailure::Kind::Constraint)
      throw_bad_input(what + " refused by the ledger's constraints: " + e.what());
    if (e.kind() == StoreFailure::Kind::Busy)
      throw_internal(
          what + ": the ledger is busy (another writer held it longer than the wait, --wait); nothing was written: " +
          e.what());
    throw_internal(what + ": " + e.what());
  }
}

// The current time in UTC, ISO 8601 with milliseconds (schema_migrations.applied_at).
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

int schema_version(Store& s) {
  return static_cast<int>(s.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").at(0).integer(0));
}

// What the active capacities of the ledger (of one county, or of all when `county` is empty)
// rest on: the bases of the supplements whose lots the county holds and of its occupations,
// reversed ones left out.
constexpr const char* kCapacityBasesSql =
    "SELECT s.capacity_basis FROM active_lots l JOIN supplements s ON s.id = l.supplement_id "
    "WHERE (? = '' OR l.county = ?) "
    "UNION SELECT o.capacity_basis FROM occupations o WHERE (? = '' OR o.county = ?) "
    "AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'occupation' AND r.target_id = o.id)";

// A basis whose figures are printed marked 示例: the shipped example weights, or not recorded.
bool is_example_basis(const std::string& basis) {
  return basis == check::kExampleWeights || basis == kCapacityUnrecorded;
}

// Active inout entries and rectifications (not reversed).
constexpr const char* kActiveInout =
    "NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'inout' AND r.target_id = i.id)";
constexpr const char* kActiveRectification =
    "NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'rectification' AND r.target_id = k.id)";

}  // namespace

std::string ledger_crs() {
  return city::current().working_crs;
}

struct FarmlandLedger::Impl {
  std::unique_ptr<Store> db;
  std::string user;
  check::GradeWeights weights;
  bool in_tx = false;  // inside a write (a batch) or read transaction already

  Impl(std::unique_ptr<Store> store, std::string u)
      : db(std::move(store)), user(std::move(u)), weights(check::GradeWeights::embedded()) {}

  std::vector<std::string> capacity_bases(const std::string& county) {
    std::vector<std::string> out;
    for (const Row& r : db->query(kCapacityBasesSql, {county, county, county, county})) out.push_back(r.text(0));
    std::sort(out.begin(), out.end());  // byte order in both stores (PostgreSQL's collation may differ)
    return out;
  }
  bool example_capacity(const std::string& county) {
    const auto bases = capacity_bases(county);
    return std::any_of(bases.begin(), bases.end(), is_example_basis);
  }

  // 进出平衡 of a county and year counted to rectifications already, and brought in.
  double balanced_rectifications(const std::string& county, int year) {
    return db
        ->query(std::string("SELECT COALESCE(SUM(k.area_m2), 0) FROM rectifications k JOIN inout i ON i.id = "
                            "k.outflow_id WHERE k.kind = '进出平衡' AND i.county = ? AND i.year = ? AND ") +
                    kActiveRectification,
                {county, std::int64_t{year}})
        .at(0)
        .real(0);
  }
  double inflow(const std::string& county, int year) {
    return db
        ->query(std::string("SELECT COALESCE(SUM(i.area_m2), 0) FROM inout i WHERE i.direction = 'in' AND i.county "
                            "= ? AND i.year = ? AND ") +
                    kActiveInout,
                {county, std::int64_t{year}})
        .at(0)
        .real(0);
  }

  // Runs f in a transaction of its own, or inside the one already open (a batch).
  template <typename F>
  auto in(Store::Mode mode, F&& f) {
    if (in_tx) return f();
    Store::Transaction tx(*db, mode);
    in_tx = true;
    struct Reset {
      bool& flag;
      ~Reset() { flag = false; }
    } reset{in_tx};
    auto r = f();
    tx.commit();
    return r;
  }
  template <typename F>
  auto write(F&& f) {
    return in(Store::Mode::Write, std::forward<F>(f));
  }

  std::int64_t audit(const std::string& action, const std::string& detail) {
    return db->insert("INSERT INTO audit (clerk, action, detail) VALUES (?, ?, ?)", {user, action, detail});
  }

  struct Lot {
    std::int64_t id;
    std::string supplement, available_from;
    double area, paddy, capacity, lot_area, lot_capacity;
  };
  // Lots a county owns that were available on `date`, with what remains of them, oldest first.
  std::vector<Lot> lots(const std::string& county, const std::string& date, const std::string& supplement = {}) {
    std::vector<Lot> out;
    for (const Row& r :
         db->query("SELECT id, supplement_id, available_from, area_m2, paddy_m2, capacity, lot_area_m2, lot_capacity "
                   "FROM lot_remaining WHERE county = ? AND available_from <= ? AND (? = '' OR supplement_id = ?) "
                   "ORDER BY available_from, id",
                   {county, date, supplement, supplement}))
      out.push_back({r.integer(0), r.text(1), r.text(2), r.real(3), r.real(4), r.real(5), r.real(6), r.real(7)});
    return out;
  }

  double total_available(const std::string& county, const std::string& date, const char* what) {
    return db
        ->query(std::string("SELECT COALESCE(SUM(") + what +
                    "), 0) FROM lot_remaining WHERE county = ? AND available_from <= ?",
                {county, date})
        .at(0)
        .real(0);
  }

  // Draws `need` from the county's lots (preferred supplements first, then oldest first).
  // Returns the draws; refuses, naming the rule and the numbers, when the stock falls short.
  std::vector<std::pair<Lot, Quantity>> plan_draws(const std::string& county, const std::string& date, Quantity need,
                                                   const std::vector<std::string>& preferred, const std::string& what) {
    std::vector<Lot> candidates;
    for (const auto& s : preferred) {
      auto ls = lots(county, date, s);
      if (ls.empty()) {
        const auto found = db->query("SELECT accepted_on, county FROM supplements WHERE id = ?", {s});
        if (found.empty()) refuse("未知补充耕地项目", "supplement " + s + " is not in the ledger");
        if (found[0].text(0) > date)
          refuse("先补后占", fmt::format("supplement {} was accepted on {}, after the {} date {}", s, found[0].text(0),
                                         what, date));
        refuse("占补平衡", fmt::format("county {} holds no remaining quota of supplement {} on {}", county, s, date));
      }
      candidates.insert(candidates.end(), ls.begin(), ls.end());
    }
    for (auto& l : lots(county, date))
      if (std::none_of(candidates.begin(), candidates.end(), [&](const Lot& c) { return c.id == l.id; }))
        candidates.push_back(l);
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
        refuse("先补后占",
               fmt::format("county {} has {} of quota available on {}, the {} needs {}: the rest comes from "
                           "supplements accepted after that date",
                           county, mu(total_available(county, date, "area_m2")), date, what, mu(need.area_m2)));
      }
      refuse("占补平衡 (数量)",
             fmt::format("county {} has {} of quota available on {}; the {} needs {}", county,
                         mu(total_available(county, date, "area_m2")), date, what, mu(need.area_m2)));
    }
    if (need.paddy_m2 - got.paddy_m2 > kEps) {
      refuse("占补平衡 (水田)",
             fmt::format("county {} has {} of 水田 quota available on {}; the {} needs {}", county,
                         mu(total_available(county, date, "paddy_m2")), date, what, mu(need.paddy_m2)));
    }
    if (need.capacity - got.capacity > kEps) {
      refuse("占补平衡 (产能)",
             fmt::format("county {} has {:.2f} of capacity available on {}; the {} needs {:.2f} "
                         "(standard-grade-equivalent m²){}",
                         county, total_available(county, date, "capacity"), date, what, need.capacity,
                         example_capacity(county) ? fmt::format("; capacity {}: part of it rests on the shipped "
                                                                "example grade weights",
                                                                check::kExampleWeights)
                                                  : std::string()));
    }
    return draws;
  }
};

void FarmlandLedger::init(const std::string& target, const std::string& user) {
  check_text("the ledger's user", "user", user);
  const std::unique_ptr<Store> db = open_store(target, true);
  const auto migrations = db->migrations();
  const int latest = static_cast<int>(migrations.size()) - 1;
  guarded("init", [&] {
    Store::Transaction tx(*db, Store::Mode::Migrate);
    db->script(migrations[0]);
    const int current = schema_version(*db);
    if (current > latest)
      throw_bad_input(fmt::format("the ledger's schema (v{}) is newer than this guotu (v{})", current, latest),
                      {db->where(), {}, {}, {}});
    for (int v = current + 1; v <= latest; ++v) {
      db->script(migrations[static_cast<std::size_t>(v)]);
      (void)db->query("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                      {std::int64_t{v}, utc_now()});
    }
    // The audit rows go in once the audit table has its latest shape.
    for (int v = current + 1; v <= latest; ++v)
      (void)db->query("INSERT INTO audit (clerk, action, detail) VALUES (?, 'migrate', ?)",
                      {user, fmt::format("schema v{}", v)});
    tx.commit();
    return 0;
  });
}

FarmlandLedger::FarmlandLedger(const std::string& target, std::string user, std::chrono::seconds wait) {
  check_text("the ledger's user", "user", user);
  std::unique_ptr<Store> db = open_store(target, false, wait);
  const std::string where = db->where();
  const int latest = static_cast<int>(db->migrations().size()) - 1;
  int version = 0;
  try {
    if (!db->has_ledger())
      throw_bad_input("not a guotu ledger (no schema_migrations table); create one with `guotu ledger --db … init`",
                      {where, {}, {}, {}});
    version = schema_version(*db);
  } catch (const StoreFailure& e) {
    throw_bad_input(std::string("not a guotu ledger: ") + e.what(), {where, {}, {}, {}});
  }
  if (version != latest) {
    throw_bad_input(
        fmt::format("the ledger's schema is v{}, this guotu uses v{}: run `guotu ledger --db … init` to migrate",
                    version, latest),
        {where, {}, {}, {}});
  }
  impl_ = std::make_unique<Impl>(std::move(db), std::move(user));
}

FarmlandLedger::~FarmlandLedger() = default;

void FarmlandLedger::batch(const std::function<void()>& f) {
  guarded("import", [&] {
    return impl_->write([&] {
      f();
      return 0;
    });
  });
}

struct BookingTx {
  Store::Transaction tx;
  bool& in_tx;
  BookingTx(Store& s, bool& flag) : tx(s, Store::Mode::Write), in_tx(flag) { in_tx = true; }
  ~BookingTx() { in_tx = false; }
  BookingTx(const BookingTx&) = delete;
  BookingTx& operator=(const BookingTx&) = delete;
};

FarmlandLedger::Booking::Booking(FarmlandLedger& ledger) : ledger_(ledger) {
  if (ledger_.impl_->in_tx) throw_internal("a ledger booking inside another transaction");
  tx_ = guarded("booking", [&] { return std::make_unique<BookingTx>(*ledger_.impl_->db, ledger_.impl_->in_tx); });
}

FarmlandLedger::Booking::~Booking() = default;  // not committed: Store::Transaction rolls back

void FarmlandLedger::Booking::commit() {
  if (!tx_) return;
  guarded("booking", [&] {
    tx_->tx.commit();
    return 0;
  });
  tx_.reset();
}

void FarmlandLedger::use_grade_weights(const check::GradeWeights& weights) {
  impl_->weights = weights;
}

const check::GradeWeights& FarmlandLedger::grade_weights() const {
  return impl_->weights;
}

double FarmlandLedger::capacity_of(double area_m2, int grade) const {
  const auto w = impl_->weights.weight(grade);
  if (!w) throw_bad_input(fmt::format("no capacity weight for grade {} in {}", grade, impl_->weights.source()));
  return area_m2 * *w;
}

void FarmlandLedger::add_supplement(const Supplement& s) {
  const std::string what = "supplement " + utf8::repaired(s.id);
  check_id(what, "id", s.id);
  check_text(what, "name", s.name);
  check_text(what, "source", s.source);
  check_county(what, "county", s.county);
  check_area(what, "area", s.area_m2);
  check_part(what, "paddy (水田)", s.paddy_m2, s.area_m2);
  check_grade(what, s.grade, false);
  if (s.capacity) check_capacity(what, *s.capacity);
  check_date(what, "accepted_on", s.accepted_on);
  check_polygon(what, s.polygon_wkb);
  guarded("supplement " + utf8::repaired(s.id), [&] {
    return impl_->write([&] {
      const double capacity = s.capacity ? *s.capacity : capacity_of(s.area_m2, s.grade);
      const std::string basis = s.capacity ? std::string(kCapacityGiven) : impl_->weights.basis();
      const auto audit = impl_->audit(
          "add-supplement", fmt::format("{} county {} {} accepted {}", s.id, s.county, mu(s.area_m2), s.accepted_on));
      (void)impl_->db->query(
          "INSERT INTO supplements (id, county, name, source, area_m2, paddy_m2, grade, capacity, accepted_on, geom, "
          "audit_id, capacity_basis) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {s.id, s.county, s.name, s.source, s.area_m2, s.paddy_m2, std::int64_t{s.grade}, capacity, s.accepted_on,
           s.polygon_wkb.empty() ? SqlValue{} : SqlValue{s.polygon_wkb}, audit, basis});
      (void)impl_->db->insert(
          "INSERT INTO lots (supplement_id, county, available_from, area_m2, paddy_m2, capacity, audit_id) VALUES (?, "
          "?, ?, ?, ?, ?, ?)",
          {s.id, s.county, s.accepted_on, s.area_m2, s.paddy_m2, capacity, audit});
      return 0;
    });
  });
}

std::vector<std::pair<std::string, Quantity>> FarmlandLedger::add_occupation(const Occupation& o) {
  const std::string what = "occupation " + utf8::repaired(o.id);
  check_id(what, "id", o.id);
  check_text(what, "project", o.project);
  check_text(what, "approval_ref", o.approval_ref);
  for (const auto& from : o.from_supplements) check_text(what, "from supplement", from);
  check_county(what, "county", o.county);
  check_date(what, "date", o.date);
  check_area(what, "area", o.area_m2);
  check_part(what, "paddy (水田)", o.paddy_m2, o.area_m2);
  check_capacity(what, o.capacity);
  check_text(what, "capacity basis", o.capacity_basis);
  return guarded("occupation " + utf8::repaired(o.id), [&] {
    return impl_->write([&] {
      auto draws =
          impl_->plan_draws(o.county, o.date, {o.area_m2, o.paddy_m2, o.capacity}, o.from_supplements, "occupation");
      const auto audit = impl_->audit("add-occupation", fmt::format("{} project {} county {} {} on {}", o.id, o.project,
                                                                    o.county, mu(o.area_m2), o.date));
      (void)impl_->db->query(
          "INSERT INTO occupations (id, project, county, date, approval_ref, area_m2, paddy_m2, capacity, audit_id, "
          "capacity_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {o.id, o.project, o.county, o.date, o.approval_ref, o.area_m2, o.paddy_m2, o.capacity, audit,
           o.capacity_basis.empty() ? std::string(kCapacityGiven) : o.capacity_basis});
      std::vector<std::pair<std::string, Quantity>> out;
      for (const auto& [lot, q] : draws) {
        (void)impl_->db->insert(
            "INSERT INTO draws (lot_id, date, occupation_id, area_m2, paddy_m2, capacity, audit_id) VALUES (?, ?, ?, "
            "?, ?, ?, ?)",
            {lot.id, o.date, o.id, q.area_m2, q.paddy_m2, q.capacity, audit});
        out.push_back({lot.supplement, q});
      }
      return out;
    });
  });
}

void FarmlandLedger::transfer(const Transfer& t) {
  const std::string what = "transfer " + utf8::repaired(t.id);
  check_id(what, "id", t.id);
  check_text(what, "reference", t.reference);
  check_text(what, "supplement", t.supplement_id);
  check_date(what, "date", t.date);
  check_county(what, "from county", t.from_county);
  check_county(what, "to county", t.to_county);
  if (t.from_county == t.to_county)
    bad(what, "a transfer moves quota between two counties, not within " + t.from_county);
  check_area(what, "area", t.area_m2);
  guarded("transfer " + utf8::repaired(t.id), [&] {
    return impl_->write([&] {
      std::vector<std::string> preferred;
      if (!t.supplement_id.empty()) preferred.push_back(t.supplement_id);
      // A transfer moves area with the capacity and 水田 that come with it.
      auto draws = impl_->plan_draws(t.from_county, t.date, {t.area_m2, 0, 0}, preferred, "transfer");
      const auto audit = impl_->audit("transfer", fmt::format("{} {} from {} to {} on {}", t.id, mu(t.area_m2),
                                                              t.from_county, t.to_county, t.date));
      (void)impl_->db->query(
          "INSERT INTO transfers (id, date, from_county, to_county, reference, audit_id) VALUES (?, ?, ?, ?, ?, ?)",
          {t.id, t.date, t.from_county, t.to_county, t.reference, audit});
      for (auto [lot, q] : draws) {
        // Paddy moves in proportion to the lot's remaining share.
        q.paddy_m2 = lot.area > 0 ? std::min(lot.paddy, lot.paddy * q.area_m2 / lot.area) : 0;
        (void)impl_->db->insert(
            "INSERT INTO draws (lot_id, date, transfer_id, area_m2, paddy_m2, capacity, audit_id) VALUES (?, ?, ?, ?, "
            "?, ?, ?)",
            {lot.id, t.date, t.id, q.area_m2, q.paddy_m2, q.capacity, audit});
        (void)impl_->db->insert(
            "INSERT INTO lots (supplement_id, county, available_from, area_m2, paddy_m2, capacity, transfer_id, "
            "audit_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {lot.supplement, t.to_county, t.date, q.area_m2, q.paddy_m2, q.capacity, t.id, audit});
      }
      return 0;
    });
  });
}

void FarmlandLedger::add_inout(const InOut& e) {
  const std::string what = "进出平衡 entry " + utf8::repaired(e.id);
  check_id(what, "id", e.id);
  check_text(what, "note", e.note);
  check_text(what, "exemption", e.exemption);
  check_county(what, "county", e.county);
  check_date(what, "date", e.date);
  if (e.year < bounds::kMinYear || e.year > bounds::kMaxYear || e.date.substr(0, 4) != std::to_string(e.year))
    bad(what, fmt::format("year {} must be the year of its date {}", e.year, e.date));
  if (e.direction != "out" && e.direction != "in") bad(what, "direction must be out or in, not '" + e.direction + "'");
  check_area(what, "area", e.area_m2);
  check_grade(what, e.grade, true);
  guarded("进出平衡 entry " + utf8::repaired(e.id), [&] {
    return impl_->write([&] {
      const auto audit = impl_->audit(
          "add-inout", fmt::format("{} county {} {} {} {}", e.id, e.county, e.year, e.direction, mu(e.area_m2)));
      (void)impl_->db->query(
          "INSERT INTO inout (id, county, year, direction, area_m2, grade, exemption, date, note, audit_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {e.id, e.county, std::int64_t{e.year}, e.direction, e.area_m2,
           e.grade > 0 ? SqlValue{std::int64_t{e.grade}} : SqlValue{},
           e.exemption.empty() ? SqlValue{} : SqlValue{e.exemption}, e.date, e.note, audit});
      return 0;
    });
  });
}

void FarmlandLedger::add_rectification(const Rectification& r) {
  const std::string what = "耕地流出整改 " + utf8::repaired(r.id);
  check_id(what, "id", r.id);
  check_id(what, "outflow", r.outflow_id);
  check_text(what, "reference", r.reference);
  check_text(what, "note", r.note);
  check_date(what, "date", r.date);
  check_area(what, "area", r.area_m2);
  if (std::find(std::begin(kRectificationKinds), std::end(kRectificationKinds), r.kind) ==
      std::end(kRectificationKinds))
    bad(what, fmt::format("kind must be 整改恢复, 进出平衡 or 调整补划, not '{}'", utf8::repaired(r.kind)));
  guarded(what, [&] {
    return impl_->write([&] {
      const auto found = impl_->db->query(
          "SELECT direction, county, year, area_m2, exemption, date FROM inout WHERE id = ?", {r.outflow_id});
      if (found.empty()) bad(what, "outflow " + r.outflow_id + " is not a 进出平衡 entry of the ledger");
      const Row& o = found[0];
      if (o.text(0) != "out")
        bad(what, "entry " + r.outflow_id + " is an inflow (in): only an outflow (out) is rectified");
      if (!impl_->db->query("SELECT 1 FROM reversals WHERE target_kind = 'inout' AND target_id = ?", {r.outflow_id})
               .empty())
        bad(what, "outflow " + r.outflow_id + " was reversed: it no longer counts");
      const std::string county = o.text(1);
      const int year = static_cast<int>(o.integer(2));
      if (!o.is_null(4))
        refuse("耕地流出整改",
               fmt::format("outflow {} is exempt ({}): an exempt flow is not rectified", r.outflow_id, o.text(4)));
      if (r.date < o.text(5))
        refuse("耕地流出整改",
               fmt::format("{} is dated {}, before outflow {} ({})", what, r.date, r.outflow_id, o.text(5)));
      const double done = impl_->db
                              ->query(std::string("SELECT COALESCE(SUM(k.area_m2), 0) FROM rectifications k "
                                                  "WHERE k.outflow_id = ? AND ") +
                                          kActiveRectification,
                                      {r.outflow_id})
                              .at(0)
                              .real(0);
      if (done + r.area_m2 > o.real(3) + kEps)
        refuse("耕地流出整改 (面积)",
               fmt::format("outflow {} is {}, of which {} is rectified already; {} more is more than it has left ({})",
                           r.outflow_id, mu(o.real(3)), mu(done), mu(r.area_m2), mu(o.real(3) - done)));
      if (r.kind == std::string("进出平衡")) {
        const double in = impl_->inflow(county, year), balanced = impl_->balanced_rectifications(county, year);
        if (balanced + r.area_m2 > in + kEps)
          refuse("落实进出平衡",
                 fmt::format("county {} brought {} of 耕地 in during {}, of which {} balances other outflows "
                             "already; {} more needs inflows (进出平衡 entries \"in\") of that county and year",
                             county, mu(in), year, mu(balanced), mu(r.area_m2)));
      }
      const auto audit = impl_->audit("add-rectification", fmt::format("{} outflow {} {} {} on {}", r.id, r.outflow_id,
                                                                       r.kind, mu(r.area_m2), r.date));
      (void)impl_->db->query(
          "INSERT INTO rectifications (id, outflow_id, kind, area_m2, date, reference, note, audit_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {r.id, r.outflow_id, r.kind, r.area_m2, r.date, r.reference, r.note, audit});
      return 0;
    });
  });
}

void FarmlandLedger::book_change_set(const ChangeSetBooking& set, const std::vector<InOut>& entries) {
  const std::string what = "change set " + set.sha256.substr(0, 12);
  const bool hex = set.sha256.size() == 64 && std::all_of(set.sha256.begin(), set.sha256.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  if (!hex) bad(what, "the identity must be 64 lowercase hex digits (SHA-256)");
  if (set.year < bounds::kMinYear || set.year > bounds::kMaxYear)
    bad(what, fmt::format("year {} is outside {}–{}", set.year, bounds::kMinYear, bounds::kMaxYear));
  for (const auto* t : {&set.before_source, &set.before_layer, &set.after_source, &set.after_layer})
    check_text(what, "source", *t);
  guarded(what, [&] {
    return impl_->write([&] {
      // A change set booked before counts while any of its entries does.
      for (const ChangeSetBooking& first : change_sets()) {
        if (first.sha256 != set.sha256) continue;
        std::vector<std::string> active;
        for (const auto& e : first.entries)
          if (impl_->db->query("SELECT 1 FROM reversals WHERE target_kind = 'inout' AND target_id = ?", {e}).empty())
            active.push_back(e);
        if (active.empty() && !first.entries.empty()) continue;
        std::string ids;
        for (const auto& e : first.entries) ids += (ids.empty() ? "" : ", ") + e;
        refuse("重复入账",
               fmt::format("this change set (SHA-256 {}, {} changes) was booked on {} into {}: entries {}, from {} "
                           "({}) → {} ({}). A change set is booked once; to book it into another year, reverse "
                           "those entries first (guotu ledger reverse --kind inout)",
                           set.sha256, first.changes, first.booked_at, first.year, ids.empty() ? "none" : ids,
                           first.before_source, first.before_layer, first.after_source, first.after_layer));
      }
      for (const auto& e : entries) add_inout(e);
      const auto audit = impl_->audit(
          "book-change-set",
          fmt::format("{} into {}: {} changes, {} entries, {} ({}) → {} ({})", set.sha256, set.year, set.changes,
                      entries.size(), set.before_source, set.before_layer, set.after_source, set.after_layer));
      const std::int64_t cs = impl_->db->insert(
          "INSERT INTO change_sets (sha256, year, booked_at, before_source, before_layer, after_source, after_layer, "
          "changes, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {set.sha256, std::int64_t{set.year}, utc_now(), set.before_source, set.before_layer, set.after_source,
           set.after_layer, set.changes, audit});
      for (const auto& e : entries)
        (void)impl_->db->query("INSERT INTO change_set_entries (change_set_id, inout_id) VALUES (?, ?)", {cs, e.id});
      return 0;
    });
  });
}

std::vector<ChangeSetBooking> FarmlandLedger::change_sets() const {
  return guarded("change sets", [&] {
    std::vector<ChangeSetBooking> out;
    for (const Row& r :
         impl_->db->query("SELECT id, sha256, year, booked_at, before_source, before_layer, after_source, after_layer, "
                          "changes FROM change_sets ORDER BY id")) {
      ChangeSetBooking b;
      b.sha256 = r.text(1);
      b.year = static_cast<int>(r.integer(2));
      b.booked_at = r.text(3);
      b.before_source = r.text(4);
      b.before_layer = r.text(5);
      b.after_source = r.text(6);
      b.after_layer = r.text(7);
      b.changes = r.integer(8);
      for (const Row& e : impl_->db->query(
               "SELECT inout_id FROM change_set_entries WHERE change_set_id = ? ORDER BY inout_id", {r.integer(0)}))
        b.entries.push_back(e.text(0));
      out.push_back(std::move(b));
    }
    return out;
  });
}

void FarmlandLedger::reverse(const std::string& kind, const std::string& id, const std::string& date,
                             const std::string& reason) {
  const std::string what = "reversal of " + kind + " " + utf8::repaired(id);
  check_id(what, "id", id);
  check_date(what, "date", date);
  check_id(what, "reason", reason);
  guarded("reversal of " + kind + " " + utf8::repaired(id), [&] {
    return impl_->write([&] {
      static const std::map<std::string, std::string> table = {{"supplement", "supplements"},
                                                               {"occupation", "occupations"},
                                                               {"transfer", "transfers"},
                                                               {"inout", "inout"},
                                                               {"rectification", "rectifications"}};
      auto it = table.find(kind);
      if (it == table.end())
        throw_bad_input("cannot reverse a '" + kind + "' (supplement, occupation, transfer, inout, rectification)");
      if (impl_->db->query("SELECT 1 FROM " + it->second + " WHERE id = ?", {id}).empty())
        throw_bad_input(kind + " " + id + " is not in the ledger");
      // Quota that has been drawn cannot disappear from under its draws: reverse those first.
      if (kind == "supplement" || kind == "transfer") {
        const std::int64_t used =
            impl_->db
                ->query(
                    kind == "supplement"
                        ? "SELECT COUNT(*) FROM active_draws d JOIN lots l ON l.id = d.lot_id WHERE l.supplement_id = "
                          "? AND l.transfer_id IS NULL"
                        : "SELECT COUNT(*) FROM active_draws d JOIN lots l ON l.id = d.lot_id WHERE l.transfer_id = ?",
                    {id})
                .at(0)
                .integer(0);
        if (used > 0)
          refuse("冲销顺序",
                 fmt::format("{} {} has {} active draws on its quota: reverse those occupations or transfers first",
                             kind, id, used));
      }
      // An outflow's rectifications, and the 进出平衡 rectifications an inflow backs, go first.
      if (kind == "inout") {
        const Row e = impl_->db->query("SELECT direction, county, year, area_m2 FROM inout WHERE id = ?", {id}).at(0);
        if (e.text(0) == "out") {
          std::string active;
          for (const Row& k :
               impl_->db->query(std::string("SELECT k.id FROM rectifications k WHERE k.outflow_id = ? AND ") +
                                    kActiveRectification + " ORDER BY k.id",
                                {id}))
            active += (active.empty() ? "" : ", ") + k.text(0);
          if (!active.empty())
            refuse("冲销顺序",
                   fmt::format("outflow {} has active rectifications ({}): reverse those first", id, active));
        } else {
          const int year = static_cast<int>(e.integer(2));
          const double balanced = impl_->balanced_rectifications(e.text(1), year);
          const double left = impl_->inflow(e.text(1), year) - e.real(3);
          if (balanced > left + kEps)
            refuse("冲销顺序", fmt::format("without inflow {} county {} brought {} in during {}, less than the {} its "
                                           "进出平衡 rectifications count: reverse those first",
                                           id, e.text(1), mu(left), year, mu(balanced)));
        }
      }
      const auto audit = impl_->audit("reverse", fmt::format("{} {} on {}: {}", kind, id, date, reason));
      (void)impl_->db->insert(
          "INSERT INTO reversals (target_kind, target_id, date, reason, audit_id) VALUES (?, ?, ?, ?, ?)",
          {kind, id, date, reason, audit});
      return 0;
    });
  });
}

std::vector<CountyBalance> FarmlandLedger::balances(const std::string& at, const std::string& county) const {
  if (!at.empty()) check_date("balances", "the date", at);
  if (!county.empty()) check_county("balances", "county", county);
  const std::string date = at.empty() ? "9999-12-31" : at;
  std::map<std::string, CountyBalance> by;
  auto add = [&](const char* sql, auto apply) {
    for (const Row& r : impl_->db->query(sql, {date, county, county})) {
      CountyBalance& b = by[r.text(0)];
      b.county = r.text(0);
      apply(b, Quantity{r.real(1), r.real(2), r.real(3)}, r.integer(4));
    }
  };
  // One snapshot for the four sums: a writer committing between them cannot skew the stock.
  guarded("balances", [&] {
    return impl_->in(Store::Mode::Read, [&] {
      add("SELECT county, SUM(area_m2), SUM(paddy_m2), SUM(capacity), COUNT(*) FROM active_lots "
          "WHERE transfer_id IS NULL AND available_from <= ? AND (? = '' OR county = ?) GROUP BY county",
          [](CountyBalance& b, Quantity q, std::int64_t) { b.supplemented = q; });
      add("SELECT county, SUM(area_m2), SUM(paddy_m2), SUM(capacity), COUNT(*) FROM active_lots "
          "WHERE transfer_id IS NOT NULL AND available_from <= ? AND (? = '' OR county = ?) GROUP BY county",
          [](CountyBalance& b, Quantity q, std::int64_t) { b.transferred_in = q; });
      add("SELECT l.county, SUM(d.area_m2), SUM(d.paddy_m2), SUM(d.capacity), COUNT(DISTINCT d.transfer_id) FROM "
          "active_draws d "
          "JOIN active_lots l ON l.id = d.lot_id WHERE d.transfer_id IS NOT NULL AND d.date <= ? AND (? = '' OR "
          "l.county = ?) GROUP BY l.county",
          [](CountyBalance& b, Quantity q, std::int64_t) { b.transferred_out = q; });
      add("SELECT l.county, SUM(d.area_m2), SUM(d.paddy_m2), SUM(d.capacity), COUNT(DISTINCT d.occupation_id) FROM "
          "active_draws d "
          "JOIN active_lots l ON l.id = d.lot_id WHERE d.occupation_id IS NOT NULL AND d.date <= ? AND (? = '' OR "
          "l.county = ?) GROUP BY l.county",
          [](CountyBalance& b, Quantity q, std::int64_t n) {
            b.drawn = q;
            b.occupations = n;
          });
      for (auto& [c, b] : by) {
        b.capacity_bases = impl_->capacity_bases(c);
        b.capacity_example = std::any_of(b.capacity_bases.begin(), b.capacity_bases.end(), is_example_basis);
      }
      return 0;
    });
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
  check_date("period", "from", from);
  check_date("period", "to", to);
  if (!county.empty()) check_county("period", "county", county);
  const auto rows = guarded("period", [&] {
    return impl_->db->query(
        "SELECT COUNT(DISTINCT d.occupation_id), COALESCE(SUM(d.area_m2), 0), COALESCE(SUM(d.paddy_m2), 0), "
        "COALESCE(SUM(d.capacity), 0) "
        "FROM active_draws d JOIN occupations o ON o.id = d.occupation_id "
        "WHERE d.date >= ? AND d.date <= ? AND (? = '' OR o.county = ?)",
        {from, to, county, county});
  });
  const Row& r = rows.at(0);
  return {r.integer(0), {r.real(1), r.real(2), r.real(3)}};
}

std::vector<InOutBalance> FarmlandLedger::inout_balances(int year, const std::string& county) const {
  if (year < bounds::kMinYear || year > bounds::kMaxYear)
    bad("进出平衡", fmt::format("year {} is outside {}–{}", year, bounds::kMinYear, bounds::kMaxYear));
  if (!county.empty()) check_county("进出平衡", "county", county);
  const auto rows = guarded("进出平衡", [&] {
    return impl_->db->query(
        "SELECT county, "
        "  COALESCE(SUM(CASE WHEN direction = 'out' THEN area_m2 END), 0), "
        "  COALESCE(SUM(CASE WHEN direction = 'in' THEN area_m2 END), 0), "
        "  COALESCE(SUM(CASE WHEN direction = 'out' AND exemption IS NOT NULL THEN area_m2 END), 0) "
        "FROM inout i WHERE year = ? AND (? = '' OR county = ?) "
        "AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'inout' AND r.target_id = i.id) GROUP BY "
        "county ORDER BY county",
        {std::int64_t{year}, county, county});
  });
  std::vector<InOutBalance> out;
  for (const Row& r : rows) {
    InOutBalance b{r.text(0), year, r.real(1), r.real(2), r.real(3), false};
    b.closed = b.in_m2 + kEps >= b.out_m2 - b.exempt_m2;
    out.push_back(b);
  }
  return out;
}

std::vector<RectificationBalance> FarmlandLedger::rectification_balances(int year, const std::string& county) const {
  if (year < bounds::kMinYear || year > bounds::kMaxYear)
    bad("耕地流出整改", fmt::format("year {} is outside {}–{}", year, bounds::kMinYear, bounds::kMaxYear));
  if (!county.empty()) check_county("耕地流出整改", "county", county);
  std::map<std::string, RectificationBalance> by;
  guarded("耕地流出整改", [&] {
    return impl_->in(Store::Mode::Read, [&] {
      for (const Row& r : impl_->db->query(
               std::string("SELECT i.county, COALESCE(SUM(i.area_m2), 0) FROM inout i WHERE i.direction = 'out' AND "
                           "i.exemption IS NULL AND i.year = ? AND (? = '' OR i.county = ?) AND ") +
                   kActiveInout + " GROUP BY i.county",
               {std::int64_t{year}, county, county})) {
        RectificationBalance& b = by[r.text(0)];
        b.outflow_m2 = r.real(1);
      }
      for (const Row& r : impl_->db->query(
               std::string("SELECT i.county, k.kind, COALESCE(SUM(k.area_m2), 0) FROM rectifications k JOIN inout i "
                           "ON i.id = k.outflow_id WHERE i.year = ? AND (? = '' OR i.county = ?) AND ") +
                   kActiveRectification + " AND " + kActiveInout + " GROUP BY i.county, k.kind",
               {std::int64_t{year}, county, county})) {
        RectificationBalance& b = by[r.text(0)];
        const std::string kind = r.text(1);
        (kind == "整改恢复" ? b.restored_m2 : kind == "进出平衡" ? b.balanced_m2 : b.redelineated_m2) = r.real(2);
      }
      return 0;
    });
  });
  std::vector<RectificationBalance> out;
  for (auto& [c, b] : by) {
    b.county = c;
    b.year = year;
    out.push_back(b);
  }
  return out;
}

bool FarmlandLedger::capacity_example(const std::string& county) const {
  if (!county.empty()) check_county("capacity", "county", county);
  return guarded("capacity", [&] { return impl_->example_capacity(county); });
}

std::vector<std::vector<std::string>> FarmlandLedger::rows(const std::string& table,
                                                           std::vector<std::string>& header) const {
  struct Query {
    const char* sql;
    std::vector<std::string> header;
  };
  static const std::map<std::string, Query> queries = {
      {"supplements",
       {"SELECT id, county, name, source, area_m2, paddy_m2, grade, capacity, capacity_basis, accepted_on FROM "
        "supplements ORDER BY accepted_on, id",
        {"id", "county", "name", "source", "area_m2", "paddy_m2", "grade", "capacity", "capacity_basis",
         "accepted_on"}}},
      {"occupations",
       {"SELECT id, project, county, date, approval_ref, area_m2, paddy_m2, capacity, capacity_basis FROM occupations "
        "ORDER BY date, id",
        {"id", "project", "county", "date", "approval_ref", "area_m2", "paddy_m2", "capacity", "capacity_basis"}}},
      {"transfers",
       {"SELECT t.id, t.date, t.from_county, t.to_county, t.reference, COALESCE(SUM(l.area_m2), 0) FROM transfers t "
        "LEFT JOIN lots l ON l.transfer_id = t.id GROUP BY t.id ORDER BY t.date, t.id",
        {"id", "date", "from_county", "to_county", "reference", "area_m2"}}},
      {"inout",
       {"SELECT id, county, year, direction, area_m2, grade, exemption, date, note FROM inout ORDER BY year, date, id",
        {"id", "county", "year", "direction", "area_m2", "grade", "exemption", "date", "note"}}},
      {"rectifications",
       {"SELECT k.id, i.county, i.year, k.outflow_id, k.kind, k.area_m2, k.date, k.reference, k.note FROM "
        "rectifications k JOIN inout i ON i.id = k.outflow_id ORDER BY i.year, k.date, k.id",
        {"id", "county", "year", "outflow", "kind", "area_m2", "date", "reference", "note"}}},
      {"change_sets",
       {"SELECT c.sha256, c.year, c.booked_at, c.before_source, c.before_layer, c.after_source, c.after_layer, "
        "c.changes, (SELECT COUNT(*) FROM change_set_entries e WHERE e.change_set_id = c.id) FROM change_sets c "
        "ORDER BY c.id",
        {"sha256", "year", "booked_at", "before_source", "before_layer", "after_source", "after_layer", "changes",
         "entries"}}},
      {"reversals",
       {"SELECT target_kind, target_id, date, reason FROM reversals ORDER BY id", {"kind", "id", "date", "reason"}}},
      {"audit",
       {"SELECT id, at, clerk, action, detail FROM audit ORDER BY id", {"id", "at", "user", "action", "detail"}}}};
  auto it = queries.find(table);
  if (it == queries.end()) throw_bad_input("no ledger table '" + table + "'");
  const auto result = guarded(table, [&] { return impl_->db->query(it->second.sql); });
  header.clear();
  if (!result.empty()) header = it->second.header;
  std::vector<std::vector<std::string>> out;
  out.reserve(result.size());
  for (const Row& r : result) {
    std::vector<std::string> row;
    row.reserve(r.size());
    for (std::size_t c = 0; c < r.size(); ++c) row.push_back(r.text(c));
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<FarmlandLedger::SupplementRow> FarmlandLedger::supplements() const {
  const auto rows = guarded("supplements", [&] {
    return impl_->db->query(
        "SELECT s.id, s.county, s.name, s.source, s.area_m2, s.paddy_m2, s.grade, s.capacity, s.accepted_on, s.geom, "
        "  CASE WHEN EXISTS (SELECT 1 FROM reversals r WHERE r.target_kind = 'supplement' AND r.target_id = s.id) THEN "
        "1 ELSE 0 END, "
        "  (SELECT COALESCE(SUM(r.area_m2), 0) FROM lot_remaining r WHERE r.supplement_id = s.id), "
        "  (SELECT COALESCE(SUM(r.paddy_m2), 0) FROM lot_remaining r WHERE r.supplement_id = s.id), "
        "  (SELECT COALESCE(SUM(r.capacity), 0) FROM lot_remaining r WHERE r.supplement_id = s.id), "
        "  s.capacity_basis "
        "FROM supplements s ORDER BY s.accepted_on, s.id");
  });
  std::vector<SupplementRow> out;
  for (const Row& r : rows) {
    SupplementRow row;
    row.s.id = r.text(0);
    row.s.county = r.text(1);
    row.s.name = r.text(2);
    row.s.source = r.text(3);
    row.s.area_m2 = r.real(4);
    row.s.paddy_m2 = r.real(5);
    row.s.grade = static_cast<int>(r.integer(6));
    row.s.capacity = r.real(7);
    row.s.accepted_on = r.text(8);
    if (!r.is_null(9)) row.s.polygon_wkb = r.blob(9);
    row.reversed = r.integer(10) != 0;
    row.remaining = {r.real(11), r.real(12), r.real(13)};
    row.capacity_basis = r.text(14);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace guotu::ledger
