// guotu ledger --db FILE|postgresql://… SUBCOMMAND: the farmland balance ledger (thin over engine/ledger).
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/occupancy.hpp"
#include "command.hpp"
#include "core/atomic_output.hpp"
#include "core/bounds.hpp"
#include "core/csv_shape.hpp"
#include "core/error.hpp"
#include "core/numeric.hpp"
#include "core/resources.hpp"
#include "core/units.hpp"
#include "gdal/connection.hpp"
#include "gdal/csv_writer.hpp"
#include "gdal/output_writer.hpp"
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "layers/catalogue.hpp"
#include "ledger/farmland_ledger.hpp"
#include "ledger/from_check.hpp"
#include "ledger/import.hpp"

namespace guotu::cli {

namespace {

struct LedgerArgs {
  std::string db, user, out, src, county, at, kind, id, date, reason, name,
      source = "土地整治", project, approval, from, to, supplement, reference, direction, exemption, note, polygon_wkt,
      from_check, grade_weights, outflow;
  double area_mu = 0, area_m2 = 0, paddy_mu = 0, paddy_m2 = 0, capacity = -1;
  int grade = 0, year = 0, wait_s = static_cast<int>(ledger::kDefaultWait.count());
  std::vector<std::string> from_supplements;
  bool json = false, overwrite = false;
};

std::string os_user() {
  if (const char* u = std::getenv("USER"); u != nullptr && *u != '\0') return u;
  if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
  return "unknown";
}

double area_of(double m2, double mu) {
  return m2 > 0 ? m2 : mu * units::kM2PerMu;
}

nlohmann::json quantity(const ledger::Quantity& q) {
  return {{"area_m2", q.area_m2},
          {"area_mu", units::to_mu(q.area_m2)},
          {"paddy_m2", q.paddy_m2},
          {"paddy_mu", units::to_mu(q.paddy_m2)},
          {"capacity", q.capacity}};
}

// What a command prints, built whole (JSON dumped) before anything of the run appears.
struct Message {
  bool json;
  std::string text;
};
Message render(const LedgerArgs& a, const nlohmann::json& j, const std::string& human) {
  return a.json ? Message{true, json_text(j) + "\n"} : Message{false, human + "\n"};
}
void emit(const Message& m) {
  fmt::print(m.json ? stdout : stderr, "{}", m.text);
}

void print(const LedgerArgs& a, const nlohmann::json& j, const std::string& human) {
  emit(render(a, j, human));
}

int run_import(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  const auto counts = ledger::import_tables(l, a.src);
  nlohmann::json j{{"imported", counts}};
  std::string human = "imported:";
  for (const auto& [k, n] : counts) human += fmt::format(" {} {}", n, k);
  print(a, j, human);
  return 0;
}

// A capacity figure as printed: marked 示例 when it rests on the shipped example grade weights.
std::string capacity_text(double capacity, bool example) {
  return example ? fmt::format("{:.2f}（{}）", capacity, check::kExampleWeights) : fmt::format("{:.2f}", capacity);
}

constexpr const char* kExampleNote =
    "产能标「示例」者按随附的示例等别权重（data/rules/farmland_grade_weights.csv）计算，不是本局的权重表；"
    "正式数字请用 --grade-weights FILE 录入补充耕地，或在导入表中给出 capacity";

int run_balance(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  const std::string at = !a.at.empty() ? a.at : (a.year > 0 ? fmt::format("{}-12-31", a.year) : std::string());
  auto bs = l.balances(at, a.county);
  nlohmann::json counties = nlohmann::json::array();
  ledger::Quantity total_stock, total_drawn;
  bool any_example = false;
  std::string human = fmt::format("{:<10} {:>14} {:>14} {:>12} {:>12} {:>14} {:>22}\n", "county", "补充 亩", "占用 亩",
                                  "调入 亩", "调出 亩", "库存 亩", "库存产能 m²");
  for (const auto& b : bs) {
    counties.push_back({{"county", b.county},
                        {"supplemented", quantity(b.supplemented)},
                        {"drawn", quantity(b.drawn)},
                        {"transferred_in", quantity(b.transferred_in)},
                        {"transferred_out", quantity(b.transferred_out)},
                        {"stock", quantity(b.stock)},
                        {"occupations", b.occupations},
                        {"capacity_bases", b.capacity_bases},
                        {"capacity_example", b.capacity_example}});
    any_example = any_example || b.capacity_example;
    total_stock.area_m2 += b.stock.area_m2;
    total_stock.paddy_m2 += b.stock.paddy_m2;
    total_stock.capacity += b.stock.capacity;
    human += fmt::format("{:<10} {:>14.2f} {:>14.2f} {:>12.2f} {:>12.2f} {:>14.2f} {:>22}\n", b.county,
                         units::to_mu(b.supplemented.area_m2), units::to_mu(b.drawn.area_m2),
                         units::to_mu(b.transferred_in.area_m2), units::to_mu(b.transferred_out.area_m2),
                         units::to_mu(b.stock.area_m2), capacity_text(b.stock.capacity, b.capacity_example));
  }
  human += fmt::format("库存 (stock) {:.2f} 亩{}, 产能 {} m²", units::to_mu(total_stock.area_m2),
                       at.empty() ? "" : " on " + at, capacity_text(total_stock.capacity, any_example));
  nlohmann::json j{{"at", at.empty() ? nlohmann::json(nullptr) : nlohmann::json(at)},
                   {"counties", counties},
                   {"stock", quantity(total_stock)},
                   {"capacity_example", any_example}};
  if (a.year > 0) {
    auto p = l.period(fmt::format("{}-01-01", a.year), fmt::format("{}-12-31", a.year), a.county);
    j["year"] = {{"year", a.year}, {"occupations", p.occupations}, {"drawn", quantity(p.drawn)}};
    human += fmt::format("\n{}: {} projects drew {:.2f} 亩 of balance quota", a.year, p.occupations,
                         units::to_mu(p.drawn.area_m2));
    nlohmann::json io = nlohmann::json::array();
    for (const auto& b : l.inout_balances(a.year, a.county)) {
      io.push_back({{"county", b.county},
                    {"out_m2", b.out_m2},
                    {"in_m2", b.in_m2},
                    {"exempt_m2", b.exempt_m2},
                    {"closed", b.closed}});
      human += fmt::format("\n进出平衡 {} {}: out {:.2f} 亩 (exempt {:.2f}), in {:.2f} 亩 — {}", b.county, a.year,
                           units::to_mu(b.out_m2), units::to_mu(b.exempt_m2), units::to_mu(b.in_m2),
                           b.closed ? "closed" : "OPEN");
    }
    j["inout"] = io;
    // 耕地流出整改 of the year's outflows: each kind, what is left, the ratio.
    nlohmann::json rect = nlohmann::json::array();
    const auto rectification = l.rectification_balances(a.year, a.county);
    ledger::RectificationBalance all;
    for (const auto& b : rectification) {
      all.outflow_m2 += b.outflow_m2;
      all.restored_m2 += b.restored_m2;
      all.balanced_m2 += b.balanced_m2;
      all.redelineated_m2 += b.redelineated_m2;
    }
    for (const auto& b : rectification) {
      rect.push_back({{"county", b.county},
                      {"outflow_m2", b.outflow_m2},
                      {"restored_m2", b.restored_m2},
                      {"balanced_m2", b.balanced_m2},
                      {"redelineated_m2", b.redelineated_m2},
                      {"rectified_m2", b.rectified_m2()},
                      {"open_m2", b.open_m2()},
                      {"ratio", b.ratio()}});
      human += fmt::format(
          "\n耕地流出整改 {} {}: 流出 {:.2f} 亩, 整改恢复 {:.2f}, 进出平衡 {:.2f}, 调整补划 {:.2f}, 未整改 {:.2f} 亩 — "
          "整改处置比例 {:.1f}%",
          b.county, a.year, units::to_mu(b.outflow_m2), units::to_mu(b.restored_m2), units::to_mu(b.balanced_m2),
          units::to_mu(b.redelineated_m2), units::to_mu(b.open_m2()), 100 * b.ratio());
    }
    j["rectification"] = rect;
    if (!rectification.empty()) {
      j["rectification_total"] = {{"outflow_m2", all.outflow_m2},
                                  {"restored_m2", all.restored_m2},
                                  {"balanced_m2", all.balanced_m2},
                                  {"redelineated_m2", all.redelineated_m2},
                                  {"rectified_m2", all.rectified_m2()},
                                  {"open_m2", all.open_m2()},
                                  {"ratio", all.ratio()}};
      human += fmt::format(
          "\n耕地流出整改 {} 合计: 流出 {:.2f} 亩, 整改 {:.2f} 亩 (整改恢复 {:.2f}, 进出平衡 {:.2f}, 调整补划 {:.2f}) "
          "— "
          "整改处置比例 {:.1f}%",
          a.year, units::to_mu(all.outflow_m2), units::to_mu(all.rectified_m2()), units::to_mu(all.restored_m2),
          units::to_mu(all.balanced_m2), units::to_mu(all.redelineated_m2), 100 * all.ratio());
    }
  }
  if (any_example) human += std::string("\n") + kExampleNote;
  print(a, j, human);
  return 0;
}

int run_report(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  auto dir = std::make_unique<AtomicDirectory>(a.out, a.overwrite);
  AtomicDirectory& out = *dir;
  std::vector<std::string> files;
  // A capacity column's title says 示例 when a figure in it rests on the shipped example weights.
  const std::string example_mark = std::string("（") + check::kExampleWeights + "）";
  auto is_example = [](const std::string& basis) {
    return basis == check::kExampleWeights || basis == ledger::kCapacityUnrecorded;
  };
  for (const char* table :
       {"supplements", "occupations", "transfers", "inout", "rectifications", "change_sets", "reversals", "audit"}) {
    std::vector<std::string> header;
    auto rows = l.rows(table, header);
    if (header.empty()) continue;
    const auto basis = std::find(header.begin(), header.end(), "capacity_basis");
    if (basis != header.end()) {
      const auto col = static_cast<std::size_t>(basis - header.begin());
      if (std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return is_example(r[col]); }))
        *std::find(header.begin(), header.end(), "capacity") += example_mark;
    }
    gdal::write_csv(out.temp_path() / (std::string(table) + ".csv"), header, rows);
    files.push_back(std::string(table) + ".csv");
  }
  std::vector<std::vector<std::string>> rows;
  bool any_example = false;
  for (const auto& b : l.balances(a.at, a.county)) {
    std::string bases;
    for (const auto& x : b.capacity_bases) bases += (bases.empty() ? "" : ";") + x;
    any_example = any_example || b.capacity_example;
    rows.push_back({b.county, fmt::format("{:.2f}", b.supplemented.area_m2), fmt::format("{:.2f}", b.drawn.area_m2),
                    fmt::format("{:.2f}", b.transferred_in.area_m2), fmt::format("{:.2f}", b.transferred_out.area_m2),
                    fmt::format("{:.2f}", b.stock.area_m2), fmt::format("{:.2f}", units::to_mu(b.stock.area_m2)),
                    fmt::format("{:.2f}", b.stock.paddy_m2), fmt::format("{:.2f}", b.stock.capacity), bases,
                    std::to_string(b.occupations)});
  }
  gdal::write_csv(out.temp_path() / "balance.csv",
                  {"county", "supplemented_m2", "drawn_m2", "transferred_in_m2", "transferred_out_m2", "stock_m2",
                   "stock_mu", "stock_paddy_m2", any_example ? "stock_capacity" + example_mark : "stock_capacity",
                   "capacity_bases", "occupations"},
                  rows);
  files.push_back("balance.csv");
  const Message m = render(a, {{"out", a.out}, {"files", files}},
                           fmt::format("wrote {} ({} files, UTF-8 with BOM)", a.out, files.size()));
  OutputSet outputs;
  outputs.hold(std::move(dir));
  outputs.commit();
  emit(m);
  return 0;
}

int run_export(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  OutputSet outputs;
  gdal::WriterOptions wo;
  wo.overwrite = a.overwrite;
  wo.metadata = run_metadata();
  wo.outputs = &outputs;
  gdal::OutputWriter w(a.out, wo);
  gdal::LayerSpec spec;
  spec.name = "ledger_supplements";
  spec.title = "补充耕地项目 (占补平衡台账)";
  spec.description = "Supplement projects of the farmland balance ledger with their remaining quota";
  spec.geometry = gdal::GeometryKind::MultiPolygon;
  spec.crs = ledger::ledger_crs();
  using FT = gdal::FieldType;
  spec.fields = {{"ID", FT::String, 40, "项目编号"},         {"XZQDM", FT::String, 12, "县级代码"},
                 {"XMMC", FT::String, 200, "项目名称"},      {"LY", FT::String, 20, "来源"},
                 {"AREA_M2", FT::Real, 0, "面积(平方米)"},   {"AREA_MU", FT::Real, 0, "面积(亩)"},
                 {"PADDY_M2", FT::Real, 0, "水田(平方米)"},  {"GRADE", FT::Integer, 0, "耕地等别"},
                 {"CAPACITY", FT::Real, 0, "产能"},          {"ACCEPTED", FT::String, 10, "验收日期"},
                 {"REMAIN_MU", FT::Real, 0, "剩余指标(亩)"}, {"REVERSED", FT::Integer, 0, "已冲销"}};
  spec.fields.push_back({"CAPACITY_BASIS", FT::String, 40, "产能依据"});
  const auto supplements = l.supplements();
  // The capacity's title says 示例 when a figure rests on the shipped example weights.
  if (std::any_of(supplements.begin(), supplements.end(), [](const auto& r) {
        return r.capacity_basis == check::kExampleWeights || r.capacity_basis == ledger::kCapacityUnrecorded;
      })) {
    spec.fields[8].alias = std::string("产能（") + check::kExampleWeights + "）";
    spec.description += "; capacities marked 示例 rest on the shipped example grade weights, not the bureau's table";
  }
  spec.style_qml = layers::result_style("ledger_supplements");
  const auto id = w.create_layer(spec);
  std::size_t n = 0;
  for (const auto& r : supplements) {
    geos::Geometry g;
    if (!r.s.polygon_wkb.empty()) g = geos::Geometry::from_wkb(r.s.polygon_wkb);
    w.add(id,
          {r.s.id, r.s.county, r.s.name, r.s.source, r.s.area_m2, units::to_mu(r.s.area_m2), r.s.paddy_m2,
           static_cast<std::int64_t>(r.s.grade), r.s.capacity.value_or(0), r.s.accepted_on,
           units::to_mu(r.remaining.area_m2), static_cast<std::int64_t>(r.reversed), r.capacity_basis},
          g ? &g : nullptr);
    ++n;
  }
  w.commit();
  const Message m = render(a, {{"out", gdal::display_target(a.out)}, {"supplements", n}},
                           fmt::format("wrote {} ({} supplements)", gdal::display_target(a.out), n));
  outputs.commit();
  emit(m);
  return 0;
}

// Occupations handed over by `guotu check --occupancy-json`: one per project that takes 耕地,
// booked only when every one of them is lawful (engine/ledger/from_check.hpp): otherwise each
// refused project is named with its verdict and why, exit 1, nothing booked.
int run_from_check(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  const ledger::OccupancyHandover h = ledger::read_occupancy(a.from_check, {a.date, a.county, a.from_supplements});
  // Capacities computed with another table than the one the ledger was given are not mixed in.
  if (!a.grade_weights.empty() && h.weights != l.grade_weights().weights())
    throw_bad_input(fmt::format("the occupancy's capacities were computed with other grade weights ({}) than "
                                "--grade-weights {}: run guotu check --grade-weights {} again",
                                h.capacity_basis, a.grade_weights, a.grade_weights),
                    {a.from_check, {}, {}, {}});
  const ledger::Judgement judgement = ledger::judge(h, ledger::BookingRules::embedded());
  if (!judgement.lawful()) {
    const std::string text = ledger::describe(judgement, h);
    fmt::print(stderr, "guotu: refused: 合法占用: {}", text);
    if (a.json) {
      nlohmann::json projects = nlohmann::json::array();
      for (const auto& r : judgement.refused)
        projects.push_back({{"project", r.project}, {"name", r.name}, {"verdict", r.verdict}, {"reasons", r.reasons}});
      fmt::print("{}\n", json_text(nlohmann::json{{"refused", true},
                                                  {"rule", "合法占用"},
                                                  {"file", a.from_check},
                                                  {"taking_cultivated", h.taking.size()},
                                                  {"projects", projects},
                                                  {"grounds", judgement.grounds},
                                                  {"booked", 0}}));
    }
    return 1;
  }
  nlohmann::json added = nlohmann::json::array();
  l.batch([&] {
    for (const auto& p : h.taking) {
      try {
        auto draws = l.add_occupation(p.occupation);
        added.push_back({{"id", p.occupation.id}, {"area_m2", p.occupation.area_m2}, {"draws", draws.size()}});
      } catch (const ledger::RuleViolation&) {
        throw;
      } catch (const Error& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        throw_bad_input(fmt::format("project {}: {}", p.occupation.project, e.what()), {a.from_check, {}, {}, {}});
      }
    }
  });
  print(a, {{"added", added}, {"capacity_basis", h.capacity_basis}},
        fmt::format("added {} occupations from {} (capacity: {})", added.size(), a.from_check, h.capacity_basis));
  return 0;
}

}  // namespace

// --area-mu or --area-m2: exactly one of them (at most one when `optional`), finite, in range.
void area_options(CLI::App* cmd, LedgerArgs& a, bool optional = false) {
  CLI::Option_group* g = cmd->add_option_group("area", "the entry's area: --area-mu or --area-m2");
  g->add_option("--area-mu", a.area_mu, "area in 亩")->check(finite_in(0, units::to_mu(bounds::kMaxLedgerAreaM2)));
  g->add_option("--area-m2", a.area_m2, "area in m²")->check(finite_in(0, bounds::kMaxLedgerAreaM2));
  if (optional)
    g->require_option(0, 1);
  else
    g->require_option(1);
}

void register_ledger(CLI::App& app, CommandMain& selected) {
  auto a = std::make_shared<LedgerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ledger",
      "The farmland balance ledger (耕地占补平衡 and 进出平衡) in a SQLite file or a PostgreSQL schema: supplements "
      "create quota, "
      "occupations draw it (先补后占, never below zero), counties trade it, 进出平衡 closes per year. "
      "Append-only: corrections are reversing entries. A write that breaks a rule is refused (exit 1).");
  cmd->add_option("--db", a->db,
                  "the ledger: a SQLite file, or a PostgreSQL schema shared by every desk: "
                  "postgresql://USER@HOST:PORT/DB?schema=NAME (or PG:\"host=… dbname=… active_schema=NAME\"); "
                  "default schema guotu_ledger, password from ~/.pgpass or PGPASSWORD")
      ->required();
  cmd->add_option("--user", a->user, "who writes (audit); default the OS user");
  add_city_option(cmd);
  cmd->add_option("--wait", a->wait_s,
                  "seconds a write waits for another desk's write to finish (then exit 3, nothing written)")
      ->check(whole_in(1, 3600))
      ->capture_default_str();
  cmd->add_option("--grade-weights", a->grade_weights,
                  "the bureau's 耕地等别 weight table (CSV grade,weight: every grade 1-15) for capacities the ledger "
                  "computes (a supplement without --capacity); without it the shipped example table is used and "
                  "those capacities are marked 示例");
  cmd->add_flag("--json", a->json, "print JSON on stdout");
  cmd->require_subcommand(1);
  // What a subcommand writes besides the ledger: nothing, a file (export) or a folder (report).
  enum class Writes { Nothing, File, Folder };
  auto with_ledger = [a, &selected](const std::function<int(ledger::FarmlandLedger&, const LedgerArgs&)>& f,
                                    Writes writes = Writes::Nothing) {
    return [a, &selected, f, writes] {
      selected = [a, f, writes] {
        // Before the ledger is opened: no output may be the ledger, the ledger's folder or a file read.
        OutputGuard guard;
        guard.input(a->db, "--db", std::string(ledger::kDefaultPostgresSchema))
            .input(a->src, "SRC")
            .input(a->from_check, "--from-check")
            .input(a->grade_weights, "--grade-weights");
        if (writes == Writes::File) guard.output(a->out, "--out");
        if (writes == Writes::Folder) guard.output_directory(a->out, "--out");
        guard_outputs(guard, a->overwrite);
        // A bad weight table is refused before the ledger is opened.
        const check::GradeWeights weights = check::GradeWeights::chosen(a->grade_weights);
        ledger::FarmlandLedger l(a->db, a->user.empty() ? os_user() : a->user, std::chrono::seconds(a->wait_s));
        l.use_grade_weights(weights);
        try {
          return f(l, *a);
        } catch (const ledger::RuleViolation& e) {
          fmt::print(stderr, "guotu: refused: {}\n", e.what());
          if (a->json)
            fmt::print("{}\n", json_text(nlohmann::json{{"refused", true}, {"rule", e.rule()}, {"message", e.what()}}));
          return 1;
        }
      };
    };
  };

  cmd->add_subcommand("init", "create the ledger (file or PostgreSQL schema), or migrate it to this version's schema")
      ->callback([a, &selected] {
        selected = [a] {
          ledger::FarmlandLedger::init(a->db, a->user.empty() ? os_user() : a->user);
          const std::string where = gdal::display_target(a->db);
          print(*a, {{"db", where}, {"initialised", true}}, "ledger ready: " + where);
          return 0;
        };
      });
  auto* imp = cmd->add_subcommand(
      "import",
      "import supplements, occupations, transfers, inout and rectifications tables (GeoPackage or CSV) in one "
      "transaction");
  imp->add_option("SRC", a->src,
                  "GeoPackage with tables supplements/occupations/transfers/inout, or one CSV named after its table")
      ->required();
  imp->callback(with_ledger(run_import));

  auto* sup = cmd->add_subcommand("add-supplement", "add a supplemented-farmland project (补充耕地项目)");
  sup->add_option("--id", a->id, "the supplement's id (项目编号), unique in the ledger")->required();
  sup->add_option("--county", a->county, "county code (XZQDM)")->required();
  sup->add_option("--name", a->name, "project name (补充耕地项目名称)");
  sup->add_option("--source", a->source, "土地整治, 高标准农田, 增减挂钩, 工矿废弃地复垦, 其他");
  area_options(sup, *a);
  sup->add_option("--paddy-mu", a->paddy_mu, "of which 水田")
      ->check(finite_in(0, units::to_mu(bounds::kMaxLedgerAreaM2)));
  sup->add_option("--grade", a->grade, "耕地等别 1-15")->required()->check(whole_in(1, 15));
  sup->add_option("--capacity", a->capacity, "产能 (standard-grade-equivalent m²); default area × grade weight")
      ->check(finite_in(0, bounds::kMaxLedgerCapacity));
  sup->add_option("--accepted", a->date, "acceptance date YYYY-MM-DD")->required();
  sup->add_option("--polygon-wkt", a->polygon_wkt,
                  "its boundary as WKT in the ledger's CRS (the city profile's working_crs)");
  sup->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    ledger::Supplement s{x.id,
                         x.county,
                         x.name,
                         x.source,
                         area_of(x.area_m2, x.area_mu),
                         area_of(x.paddy_m2, x.paddy_mu),
                         x.grade,
                         x.capacity >= 0 ? std::optional<double>(x.capacity) : std::nullopt,
                         x.date,
                         {}};
    if (!x.polygon_wkt.empty()) s.polygon_wkb = geos::Geometry::from_wkt(x.polygon_wkt).to_wkb();
    l.add_supplement(s);
    print(x, {{"added", x.id}}, "added supplement " + x.id);
    return 0;
  }));

  auto* occ = cmd->add_subcommand("add-occupation", "record construction occupying farmland (建设占用), drawing quota");
  occ->add_option("--id", a->id, "the occupation's id, unique in the ledger (not with --from-check)");
  occ->add_option("--project", a->project, "the construction project (项目名称)");
  occ->add_option("--county", a->county, "county code (XZQDM) whose quota it draws");
  occ->add_option("--date", a->date, "occupation (approval) date YYYY-MM-DD");
  occ->add_option("--approval", a->approval, "approval reference (批准文号)");
  area_options(occ, *a, true);
  occ->add_option("--paddy-mu", a->paddy_mu, "of which 水田, in 亩")
      ->check(finite_in(0, units::to_mu(bounds::kMaxLedgerAreaM2)));
  occ->add_option("--capacity", a->capacity, "产能 needed (standard-grade-equivalent m²)")
      ->check(finite_in(0, bounds::kMaxLedgerCapacity));
  occ->add_option("--from", a->from_supplements, "draw from these supplements first (repeatable)");
  occ->add_option("--from-check", a->from_check, "occupations from `guotu check --occupancy-json FILE`");
  occ->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    if (!x.from_check.empty()) return run_from_check(l, x);
    if (x.id.empty() || x.county.empty() || x.date.empty())
      throw_bad_input("add-occupation needs --id, --county and --date (or --from-check)");
    if (x.area_m2 == 0 && x.area_mu == 0) throw_bad_input("add-occupation needs its area: --area-mu or --area-m2");
    auto draws = l.add_occupation({x.id, x.project.empty() ? x.id : x.project, x.county, x.date, x.approval,
                                   area_of(x.area_m2, x.area_mu), area_of(x.paddy_m2, x.paddy_mu),
                                   std::max(0.0, x.capacity), x.from_supplements, ledger::kCapacityGiven});
    nlohmann::json d = nlohmann::json::array();
    std::string human = "added occupation " + x.id + ", drawing:";
    for (const auto& [s, q] : draws) {
      d.push_back({{"supplement", s}, {"quantity", quantity(q)}});
      human += fmt::format(" {} {:.2f} 亩;", s, units::to_mu(q.area_m2));
    }
    print(x, {{"added", x.id}, {"draws", d}}, human);
    return 0;
  }));

  auto* tr = cmd->add_subcommand("transfer", "move quota between counties (指标交易)");
  tr->add_option("--id", a->id, "the transfer's id, unique in the ledger")->required();
  tr->add_option("--date", a->date, "transfer date YYYY-MM-DD")->required();
  tr->add_option("--from", a->from, "selling county")->required();
  tr->add_option("--to", a->to, "buying county")->required();
  area_options(tr, *a);
  tr->add_option("--supplement", a->supplement, "which supplement's quota (default: oldest first)");
  tr->add_option("--reference", a->reference, "contract or approval reference");
  tr->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    l.transfer({x.id, x.date, x.from, x.to, x.reference, area_of(x.area_m2, x.area_mu), x.supplement});
    print(x, {{"added", x.id}}, "recorded transfer " + x.id);
    return 0;
  }));

  auto* io =
      cmd->add_subcommand("add-inout", "record a 进出平衡 flow: farmland out to other agricultural use, or back in");
  io->add_option("--id", a->id, "the entry's id, unique in the ledger")->required();
  io->add_option("--county", a->county, "county code (XZQDM)")->required();
  io->add_option("--year", a->year, "the 进出平衡 year the flow counts in (its date's year)")
      ->required()
      ->check(year_range());
  io->add_option("--direction", a->direction, "out or in")->required();
  area_options(io, *a);
  io->add_option("--grade", a->grade, "耕地等别 1-15")->check(whole_in(1, 15));
  io->add_option("--exemption", a->exemption, "生态退耕, 灾毁, 河湖水面自然扩大, 国家安排");
  io->add_option("--date", a->date, "date of the flow YYYY-MM-DD")->required();
  io->add_option("--note", a->note, "what changed (e.g. 耕地转为园地)");
  io->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    l.add_inout(
        {x.id, x.county, x.date, x.note, x.year, x.direction, area_of(x.area_m2, x.area_mu), x.grade, x.exemption});
    print(x, {{"added", x.id}}, "recorded 进出平衡 entry " + x.id);
    return 0;
  }));

  auto* rc = cmd->add_subcommand(
      "add-rectification",
      "record the 耕地流出整改 of an outflow (a 进出平衡 \"out\" entry): 整改恢复, 进出平衡 or 调整补划");
  rc->add_option("--id", a->id, "the rectification's id, unique in the ledger")->required();
  rc->add_option("--outflow", a->outflow, "the id of the outflow (an add-inout --direction out entry)")->required();
  rc->add_option("--kind", a->kind,
                 "整改恢复 (restored to 耕地), 进出平衡 (balanced by 耕地 brought in that year) or "
                 "调整补划 (永久基本农田 adjusted and made up elsewhere)")
      ->required();
  area_options(rc, *a);
  rc->add_option("--date", a->date, "date of the rectification YYYY-MM-DD")->required();
  rc->add_option("--reference", a->reference, "the document or acceptance that records it");
  rc->add_option("--note", a->note, "what was done");
  rc->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    l.add_rectification({x.id, x.outflow, x.kind, x.date, x.reference, x.note, area_of(x.area_m2, x.area_mu)});
    print(x, {{"added", x.id}}, "recorded 耕地流出整改 " + x.id + " (" + x.kind + ") of outflow " + x.outflow);
    return 0;
  }));

  auto* rv = cmd->add_subcommand("reverse", "a reversing entry: the target stops counting (history is never edited)");
  rv->add_option("--kind", a->kind, "supplement, occupation, transfer, inout, rectification")->required();
  rv->add_option("--id", a->id, "the id of the entry to reverse")->required();
  rv->add_option("--date", a->date, "from this date YYYY-MM-DD the entry no longer counts")->required();
  rv->add_option("--reason", a->reason, "why (kept in the audit trail)")->required();
  rv->callback(with_ledger([](ledger::FarmlandLedger& l, const LedgerArgs& x) {
    l.reverse(x.kind, x.id, x.date, x.reason);
    print(x, {{"reversed", x.id}}, "reversed " + x.kind + " " + x.id);
    return 0;
  }));

  auto* bal = cmd->add_subcommand("balance", "balances per county: supplemented, drawn, transferred, stock");
  bal->add_option("--county", a->county, "one county code (default: every county)");
  bal->add_option("--at", a->at, "as of this date (inclusive)");
  bal->add_option("--year", a->year, "also the year's occupations and 进出平衡 (stock as of 31 Dec)")
      ->check(year_range());
  bal->callback(with_ledger(run_balance));

  auto* rep =
      cmd->add_subcommand("report", "CSV tables (UTF-8 with BOM) of every entry, the balances and the audit trail");
  rep->add_option("--out", a->out, "directory to write")->required();
  rep->add_option("--at", a->at, "balances as of this date YYYY-MM-DD (inclusive; default: all entries)");
  rep->add_flag("--overwrite", a->overwrite, "replace the folder's report files if they exist");
  rep->callback(with_ledger(run_report, Writes::Folder));

  auto* exp = cmd->add_subcommand("export", "supplement polygons with their remaining quota as a styled GeoPackage");
  exp->add_option("--out", a->out, "GeoPackage to write, or PostGIS PG:…")->required();
  exp->add_flag("--overwrite", a->overwrite, "replace the output if it exists");
  exp->callback(with_ledger(run_export, Writes::File));
}

}  // namespace guotu::cli
