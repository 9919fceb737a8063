// guotu ledger --db FILE|postgresql://… SUBCOMMAND: the farmland balance ledger (thin over engine/ledger).
#include <pwd.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
#include "ledger/import.hpp"

namespace guotu::cli {

namespace {

struct LedgerArgs {
  std::string db, user, out, src, county, at, kind, id, date, reason, name,
      source = "土地整治", project, approval, from, to, supplement, reference, direction, exemption, note, polygon_wkt,
      from_check;
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

int run_balance(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  const std::string at = !a.at.empty() ? a.at : (a.year > 0 ? fmt::format("{}-12-31", a.year) : std::string());
  auto bs = l.balances(at, a.county);
  nlohmann::json counties = nlohmann::json::array();
  ledger::Quantity total_stock, total_drawn;
  std::string human = fmt::format("{:<10} {:>14} {:>14} {:>12} {:>12} {:>14}\n", "county", "补充 亩", "占用 亩",
                                  "调入 亩", "调出 亩", "库存 亩");
  for (const auto& b : bs) {
    counties.push_back({{"county", b.county},
                        {"supplemented", quantity(b.supplemented)},
                        {"drawn", quantity(b.drawn)},
                        {"transferred_in", quantity(b.transferred_in)},
                        {"transferred_out", quantity(b.transferred_out)},
                        {"stock", quantity(b.stock)},
                        {"occupations", b.occupations}});
    total_stock.area_m2 += b.stock.area_m2;
    total_stock.paddy_m2 += b.stock.paddy_m2;
    total_stock.capacity += b.stock.capacity;
    human += fmt::format("{:<10} {:>14.2f} {:>14.2f} {:>12.2f} {:>12.2f} {:>14.2f}\n", b.county,
                         units::to_mu(b.supplemented.area_m2), units::to_mu(b.drawn.area_m2),
                         units::to_mu(b.transferred_in.area_m2), units::to_mu(b.transferred_out.area_m2),
                         units::to_mu(b.stock.area_m2));
  }
  human += fmt::format("库存 (stock) {:.2f} 亩{}", units::to_mu(total_stock.area_m2), at.empty() ? "" : " on " + at);
  nlohmann::json j{{"at", at.empty() ? nlohmann::json(nullptr) : nlohmann::json(at)},
                   {"counties", counties},
                   {"stock", quantity(total_stock)}};
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
  }
  print(a, j, human);
  return 0;
}

int run_report(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  auto dir = std::make_unique<AtomicDirectory>(a.out, a.overwrite);
  AtomicDirectory& out = *dir;
  std::vector<std::string> files;
  for (const char* table : {"supplements", "occupations", "transfers", "inout", "reversals", "audit"}) {
    std::vector<std::string> header;
    auto rows = l.rows(table, header);
    if (header.empty()) continue;
    gdal::write_csv(out.temp_path() / (std::string(table) + ".csv"), header, rows);
    files.push_back(std::string(table) + ".csv");
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : l.balances(a.at, a.county))
    rows.push_back({b.county, fmt::format("{:.2f}", b.supplemented.area_m2), fmt::format("{:.2f}", b.drawn.area_m2),
                    fmt::format("{:.2f}", b.transferred_in.area_m2), fmt::format("{:.2f}", b.transferred_out.area_m2),
                    fmt::format("{:.2f}", b.stock.area_m2), fmt::format("{:.2f}", units::to_mu(b.stock.area_m2)),
                    fmt::format("{:.2f}", b.stock.paddy_m2), fmt::format("{:.2f}", b.stock.capacity),
                    std::to_string(b.occupations)});
  gdal::write_csv(out.temp_path() / "balance.csv",
                  {"county", "supplemented_m2", "drawn_m2", "transferred_in_m2", "transferred_out_m2", "stock_m2",
                   "stock_mu", "stock_paddy_m2", "stock_capacity", "occupations"},
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
  spec.crs = "EPSG:4527";
  using FT = gdal::FieldType;
  spec.fields = {{"ID", FT::String, 40, "项目编号"},         {"XZQDM", FT::String, 12, "县级代码"},
                 {"XMMC", FT::String, 200, "项目名称"},      {"LY", FT::String, 20, "来源"},
                 {"AREA_M2", FT::Real, 0, "面积(平方米)"},   {"AREA_MU", FT::Real, 0, "面积(亩)"},
                 {"PADDY_M2", FT::Real, 0, "水田(平方米)"},  {"GRADE", FT::Integer, 0, "耕地等别"},
                 {"CAPACITY", FT::Real, 0, "产能"},          {"ACCEPTED", FT::String, 10, "验收日期"},
                 {"REMAIN_MU", FT::Real, 0, "剩余指标(亩)"}, {"REVERSED", FT::Integer, 0, "已冲销"}};
  spec.style_qml = layers::result_style("ledger_supplements");
  const auto id = w.create_layer(spec);
  std::size_t n = 0;
  for (const auto& r : l.supplements()) {
    geos::Geometry g;
    if (!r.s.polygon_wkb.empty()) g = geos::Geometry::from_wkb(r.s.polygon_wkb);
    w.add(id,
          {r.s.id, r.s.county, r.s.name, r.s.source, r.s.area_m2, units::to_mu(r.s.area_m2), r.s.paddy_m2,
           static_cast<std::int64_t>(r.s.grade), r.s.capacity.value_or(0), r.s.accepted_on,
           units::to_mu(r.remaining.area_m2), static_cast<std::int64_t>(r.reversed)},
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

// Occupations handed over by `guotu check --occupancy-json`: one per project that takes 耕地.
int run_from_check(ledger::FarmlandLedger& l, const LedgerArgs& a) {
  std::ifstream in(a.from_check);
  if (!in) throw_bad_input("cannot read the occupancy file", {a.from_check, {}, {}, {}});
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw_bad_input(std::string("not JSON: ") + e.what(), {a.from_check, {}, {}, {}});
  }
  if (!j.is_object() || !j.contains("format") || j["format"] != "guotu-occupancy")
    throw_bad_input("not a guotu occupancy file (format)", {a.from_check, {}, {}, {}});
  // The ledger books 椭球面积; an occupancy measured in the plane (check --area planar) is not one.
  if (j.contains("area") && j["area"] != "ellipsoidal")
    throw_bad_input("the occupancy's areas are not 椭球面积 (\"area\": " + j["area"].dump() +
                        "): the ledger books official figures; run guotu check without --area planar",
                    {a.from_check, {}, {}, {}});
  if (!j.contains("occupations") || !j["occupations"].is_array())
    throw_bad_input("'occupations' must be a list", {a.from_check, {}, {}, {}});
  // Every value is read with its type checked: a string area or a null county is an error naming
  // the file and the project, never an exception from the JSON library.
  nlohmann::json added = nlohmann::json::array();
  l.batch([&] {
    std::size_t index = 0;
    for (const auto& o : j["occupations"]) {
      ++index;
      std::string project = fmt::format("occupation #{}", index);
      if (o.is_object() && o.contains("project") && o["project"].is_string())
        project = "project " + o["project"].get<std::string>();
      auto fail = [&](const std::string& why) -> void {
        throw_bad_input(fmt::format("{}: {}", project, why), {a.from_check, {}, {}, {}});
      };
      if (!o.is_object()) fail("an occupation must be a JSON object");
      auto text = [&](const char* key, bool required) {
        if (!o.contains(key) || (!required && o[key].is_null())) return std::string();
        if (!o[key].is_string()) fail(fmt::format("'{}' must be text, not {}", key, o[key].dump()));
        return o[key].get<std::string>();
      };
      auto number = [&](const char* key) {
        if (!o.contains(key)) return 0.0;
        if (!o[key].is_number()) fail(fmt::format("'{}' must be a number, not {}", key, o[key].dump()));
        const double v = o[key].get<double>();
        if (!std::isfinite(v)) fail(fmt::format("'{}' must be finite", key));
        return v;
      };
      const std::string id = text("project", true);
      if (id.empty()) fail("'project' (the project id) is missing");
      const double net = number("cultivated_net_m2");
      const double capacity = number("capacity_std_m2");
      if (net < 0) fail(fmt::format("cultivated_net_m2 {} is negative", net));
      if (net == 0) continue;  // takes no farmland
      const std::string date = !a.date.empty() ? a.date : text("date", false);
      if (date.empty()) throw_bad_input("the occupancy file gives no date: pass --date", {a.from_check, {}, {}, {}});
      std::string county = text("county", false);
      if (county.empty()) county = a.county;
      if (county.empty()) fail("no county (the project has no XZQDM): pass --county");
      ledger::Occupation occ{id, id, county, date, text("approval", false), net, 0, capacity, a.from_supplements};
      try {
        auto draws = l.add_occupation(occ);
        added.push_back({{"id", occ.id}, {"area_m2", net}, {"draws", draws.size()}});
      } catch (const ledger::RuleViolation&) {
        throw;
      } catch (const Error& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        fail(e.what());
      }
    }
  });
  print(a, {{"added", added}}, fmt::format("added {} occupations from {}", added.size(), a.from_check));
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
  cmd->add_option("--wait", a->wait_s,
                  "seconds a write waits for another desk's write to finish (then exit 3, nothing written)")
      ->check(whole_in(1, 3600))
      ->capture_default_str();
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
            .input(a->from_check, "--from-check");
        if (writes == Writes::File) guard.output(a->out, "--out");
        if (writes == Writes::Folder) guard.output_directory(a->out, "--out");
        guard_outputs(guard, a->overwrite);
        ledger::FarmlandLedger l(a->db, a->user.empty() ? os_user() : a->user, std::chrono::seconds(a->wait_s));
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
      "import", "import supplements, occupations, transfers and inout tables (GeoPackage or CSV) in one transaction");
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
  sup->add_option("--polygon-wkt", a->polygon_wkt, "its boundary as WKT in EPSG:4527");
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
                                   std::max(0.0, x.capacity), x.from_supplements});
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

  auto* rv = cmd->add_subcommand("reverse", "a reversing entry: the target stops counting (history is never edited)");
  rv->add_option("--kind", a->kind, "supplement, occupation, transfer, inout")->required();
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
