// 耕地占补平衡 / 进出平衡 ledger (FarmlandLedger): supplemented farmland (补充耕地) creates quota,
// construction occupying farmland (建设占用) draws it, counties trade quota (指标交易), and each
// year farmland flowing out to other agricultural use must be balanced by flows in (进出平衡).
//
// Stored in a SQLite file (one file a bureau can back up) or a PostgreSQL schema (one ledger
// for every desk), through ledger/store.hpp: foreign keys, CHECK constraints, versioned schema.
// History is append-only (triggers refuse UPDATE and DELETE); corrections are reversing
// entries. Every write is one transaction with its audit row, writers one at a time.
//
// Quota lives in lots: a supplement creates a lot owned by its county, available from its
// acceptance date; a transfer moves part of a lot into a new lot of the receiving county. An
// occupation draws from lots its county owns that were available on its date (先补后占), never
// more than a lot holds. Hence every county's balances of area, 水田 and capacity stay ≥ 0 at
// every date.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/occupancy.hpp"
#include "core/error.hpp"
#include "ledger/store.hpp"

namespace guotu::ledger {

/// The CRS of supplement boundaries: the working CRS of the city profile (`--city`).
[[nodiscard]] std::string ledger_crs();

/// Amounts a ledger entry moves: area (m²), of which 水田 (m²), and grade-weighted capacity
/// (standard-grade-equivalent m², weights: the bureau's table given with --grade-weights, else
/// the shipped example data/rules/farmland_grade_weights.csv, whose figures are marked 示例).
struct Quantity {
  double area_m2 = 0;
  double paddy_m2 = 0;
  double capacity = 0;
};

struct Supplement {
  std::string id, county, name, source;  ///< source: 土地整治, 高标准农田, 增减挂钩, 工矿废弃地复垦, 其他
  double area_m2 = 0, paddy_m2 = 0;
  int grade = 0;                          ///< 耕地等别 1–15
  std::optional<double> capacity;         ///< default: area × weight(grade)
  std::string accepted_on;                ///< YYYY-MM-DD, 验收日期
  std::vector<std::uint8_t> polygon_wkb;  ///< optional, in ledger_crs()
};

struct Draw {
  std::string supplement_id;  ///< draw from this supplement's quota (empty: first available)
};

struct Occupation {
  std::string id, project, county, date, approval_ref;
  double area_m2 = 0, paddy_m2 = 0, capacity = 0;
  std::vector<std::string> from_supplements;  ///< preferred supplements, in order; empty: oldest first
  /// What the capacity rests on: empty = a figure the clerk gave (给定); "示例" or "权重表 FILE"
  /// when computed with grade weights (check's occupancy: check::GradeWeights::basis()).
  std::string capacity_basis;
};

/// What a capacity figure rests on (supplements.capacity_basis, occupations.capacity_basis).
inline constexpr const char* kCapacityGiven = "给定";         ///< a figure the clerk gave
inline constexpr const char* kCapacityUnrecorded = "未记录";  ///< booked before schema v3

struct Transfer {
  std::string id, date, from_county, to_county, reference;
  double area_m2 = 0;
  std::string supplement_id;  ///< optional: which supplement's quota moves
};

struct InOut {
  std::string id, county, date, note;
  int year = 0;
  std::string direction;  ///< "out" (耕地 → other agricultural use) or "in"
  double area_m2 = 0;
  int grade = 0;          ///< 0 = unknown
  std::string exemption;  ///< 生态退耕, 灾毁, 河湖水面自然扩大, 国家安排; empty = none
};

struct CountyBalance {
  std::string county;
  Quantity supplemented, transferred_in, transferred_out, drawn, stock;
  std::int64_t occupations = 0;
  /// What its capacities rest on (给定, 示例, 权重表 FILE, 未记录), sorted.
  std::vector<std::string> capacity_bases;
  /// Some capacity of the county rests on the shipped example weights (or on a basis booked
  /// before schema v3, not recorded): its capacity figures are printed marked 示例.
  bool capacity_example = false;
};

struct PeriodTotals {
  std::int64_t occupations = 0;  ///< projects that drew quota in the period
  Quantity drawn;
};

struct InOutBalance {
  std::string county;
  int year = 0;
  double out_m2 = 0, in_m2 = 0, exempt_m2 = 0;
  bool closed = false;  ///< in ≥ out − exempt
};

/// 耕地流出整改: how (part of) one outflow — an "out" 进出平衡 entry, farmland turned to other
/// agricultural use — was rectified: 整改恢复 (the land restored to 耕地), 进出平衡 (balanced by
/// 耕地 brought in the same county and year), 调整补划 (永久基本农田 adjusted and made up
/// elsewhere). docs/ledger.md §耕地流出整改.
struct Rectification {
  std::string id, outflow_id, kind, date, reference, note;
  double area_m2 = 0;
};
inline constexpr const char* kRectificationKinds[] = {"整改恢复", "进出平衡", "调整补划"};

/// One county's 耕地流出整改 for the outflows of one year.
struct RectificationBalance {
  std::string county;
  int year = 0;
  double outflow_m2 = 0;  ///< "out" entries of the year, not exempt: what must be rectified
  double restored_m2 = 0, balanced_m2 = 0, redelineated_m2 = 0;  ///< 整改恢复, 进出平衡, 调整补划
  [[nodiscard]] double rectified_m2() const { return restored_m2 + balanced_m2 + redelineated_m2; }
  [[nodiscard]] double open_m2() const { return outflow_m2 - rectified_m2(); }
  /// 整改处置比例: rectified ÷ outflow (1 when nothing flowed out).
  [[nodiscard]] double ratio() const { return outflow_m2 > 0 ? rectified_m2() / outflow_m2 : 1.0; }
};

/// A change set `guotu diff --to-ledger` booked: its identity (change/identity.hpp), where it
/// came from, and the 进出平衡 entries it booked.
struct ChangeSetBooking {
  std::string sha256;  ///< 64 hex digits
  int year = 0;
  std::string before_source, before_layer, after_source, after_layer;
  std::int64_t changes = 0;          ///< change pieces in the set
  std::string booked_at;             ///< UTC, ISO 8601 (set by the ledger)
  std::vector<std::string> entries;  ///< the inout ids booked (set by the ledger)
};

/// A write the ledger's rules refuse: names the rule and the numbers. Exit code 1.
class RuleViolation : public Error {
 public:
  RuleViolation(std::string rule, const std::string& message)
      : Error(ErrorKind::BadInput, rule + ": " + message), rule_(std::move(rule)) {}
  [[nodiscard]] const std::string& rule() const noexcept { return rule_; }

 private:
  std::string rule_;
};

class FarmlandLedger {
 public:
  /// Creates the file (or upgrades its schema). `user` goes into the audit rows.
  static void init(const std::string& path, const std::string& user);
  /// Opens an existing ledger (a SQLite file or a PostgreSQL schema: ledger/store.hpp);
  /// BadInput if it is missing or not a guotu ledger. A write waits at most `wait` for another
  /// writer to finish, then fails (Internal: "the ledger is busy"), having written nothing.
  FarmlandLedger(const std::string& target, std::string user, std::chrono::seconds wait = kDefaultWait);
  ~FarmlandLedger();
  FarmlandLedger(const FarmlandLedger&) = delete;
  FarmlandLedger& operator=(const FarmlandLedger&) = delete;

  // Every write checks its values before any reaches the store (a BadInput error naming the
  // entry, exit 2, nothing written): ids non-empty; counties are county-level codes of
  // data/admin/admin_units.csv; dates real calendar dates YYYY-MM-DD in 1990–2100; areas finite,
  // above 0 and at most 10,000,000 亩 (core/bounds.hpp); 水田 from 0 to the area; capacity
  // finite and ≥ 0; grades 1–15; a boundary a valid, non-empty polygon in ledger_crs().
  void add_supplement(const Supplement& s);
  /// Returns the draws made (supplement id, quantity).
  std::vector<std::pair<std::string, Quantity>> add_occupation(const Occupation& o);
  void transfer(const Transfer& t);
  void add_inout(const InOut& e);
  /// 耕地流出整改 of an outflow. Refused (RuleViolation, exit 1): an exempt outflow (it needs
  /// none), a date before the outflow's, more area than the outflow has left to rectify, and
  /// 进出平衡 beyond the 耕地 the county brought in that year (less what other 进出平衡
  /// rectifications of that year count already). An unknown, reversed or "in" outflow, or a
  /// kind not of kRectificationKinds, is BadInput.
  void add_rectification(const Rectification& r);
  /// Books the 进出平衡 entries of a `guotu diff` change set under its identity, in the current
  /// transaction (a Booking). A change set booked before whose entries are not all reversed is
  /// refused (RuleViolation "重复入账", naming that booking: year, date, entries, sources), before
  /// anything is written.
  void book_change_set(const ChangeSetBooking& set, const std::vector<InOut>& entries);
  /// Every change set booked, oldest first, with its entries.
  [[nodiscard]] std::vector<ChangeSetBooking> change_sets() const;
  /// A reversing entry: the target no longer counts from now on. kind: supplement, occupation,
  /// transfer, inout, rectification.
  void reverse(const std::string& kind, const std::string& id, const std::string& date, const std::string& reason);

  /// Balances per county at a date (inclusive; empty = all time), optionally one county.
  [[nodiscard]] std::vector<CountyBalance> balances(const std::string& at = {}, const std::string& county = {}) const;
  /// Occupations dated within [from, to] and what they drew.
  [[nodiscard]] PeriodTotals period(const std::string& from, const std::string& to,
                                    const std::string& county = {}) const;
  [[nodiscard]] std::vector<InOutBalance> inout_balances(int year, const std::string& county = {}) const;
  /// 耕地流出整改 per county for the outflows of `year` (counties with an outflow or a
  /// rectification), by kind.
  [[nodiscard]] std::vector<RectificationBalance> rectification_balances(int year,
                                                                         const std::string& county = {}) const;
  /// True when some active capacity of the ledger (of `county`, when given) rests on the shipped
  /// example weights or an unrecorded basis: capacity figures printed from it are marked 示例.
  [[nodiscard]] bool capacity_example(const std::string& county = {}) const;
  /// Rows of a table for reports and export, as text (table: supplements, occupations, transfers,
  /// inout, rectifications, change_sets, reversals, audit).
  [[nodiscard]] std::vector<std::vector<std::string>> rows(const std::string& table,
                                                           std::vector<std::string>& header) const;
  /// Supplements with their polygons (WKB) and remaining stock, for export.
  struct SupplementRow {
    Supplement s;
    Quantity remaining;
    bool reversed = false;
    std::string capacity_basis;  ///< 给定, 示例, 权重表 FILE, 未记录
  };
  [[nodiscard]] std::vector<SupplementRow> supplements() const;

  /// Runs several writes as one transaction (an import): all of them or none.
  void batch(const std::function<void()>& f);

  /// A write transaction the caller commits when it is ready: the writes made on the ledger
  /// while it is open are checked (rules, constraints) as they are made, and appear only at
  /// commit(); destroyed without commit(), they are rolled back. `diff --to-ledger` books its
  /// entries in one, commits its outputs, then commits the booking.
  class Booking {
   public:
    explicit Booking(FarmlandLedger& ledger);
    ~Booking();
    Booking(const Booking&) = delete;
    Booking& operator=(const Booking&) = delete;
    void commit();

   private:
    FarmlandLedger& ledger_;
    std::unique_ptr<struct BookingTx> tx_;
  };

  /// The grade weights a supplement's capacity is computed with when none is given: the
  /// bureau's table (`--grade-weights`), by default the shipped example (then marked 示例).
  void use_grade_weights(const check::GradeWeights& weights);
  [[nodiscard]] const check::GradeWeights& grade_weights() const;

  /// Capacity of an area at a grade (weights table).
  [[nodiscard]] double capacity_of(double area_m2, int grade) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace guotu::ledger
