// guotu diff --before SRC --after SRC --plan PLAN --out DIFF.gpkg: land-use change between two
// vintages (or a vintage and building footprints), classified for 耕地保护, with 疑似违法 new
// construction flagged against the plan (thin over engine/change).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "area/measure.hpp"
#include "change/change_detector.hpp"
#include "change/change_output.hpp"
#include "change/identity.hpp"
#include "command.hpp"
#include "core/atomic_output.hpp"
#include "core/bounds.hpp"
#include "core/error.hpp"
#include "gdal/connection.hpp"
#include "ledger/farmland_ledger.hpp"

namespace guotu::cli {

namespace {

struct DiffArgs {
  std::string before, after, plan, out, before_layer = "DLTB", after_layer, ledger, user, encoding, assume_crs;
  std::string rules, approvals, approvals_layer, crs;
  std::string area = "ellipsoidal";
  bool footprints = false, json = false, overwrite = false;
  double min_area = 1.0;
  int year = 0;
  unsigned jobs = 0;
};

/// The rules not evaluated, by reason: "the plan … has no layer STBHHX …: rules A, B; …".
std::string unevaluated_text(const change::DiffResult& r) {
  std::map<std::string, std::string> by_reason;
  for (const auto& [id, why] : r.unevaluated) by_reason[why] += (by_reason[why].empty() ? "" : ", ") + id;
  std::string s;
  for (const auto& [why, ids] : by_reason) s += fmt::format("{}{} (rules {})", s.empty() ? "" : "; ", why, ids);
  return s;
}

int run(const DiffArgs& a) {
  const area::AreaMode mode = area::parse_area_mode(a.area);  // a wrong word is refused before anything is read
  guard_outputs(OutputGuard()
                    .input(a.before, "--before")
                    .input(a.after, "--after")
                    .input(a.plan, "--plan")
                    .input(a.rules, "--rules")
                    .input(a.approvals, "--approvals")
                    .input(a.ledger, "--to-ledger", std::string(ledger::kDefaultPostgresSchema))
                    .output(a.out, "--out"),
                a.overwrite);
  if (!a.ledger.empty() && a.year == 0) throw_bad_input("--to-ledger needs --year (the year the flows are booked in)");
  // The ledger books official figures (椭球面积): plane areas never reach it.
  if (!a.ledger.empty() && mode == area::AreaMode::Planar)
    throw_bad_input("--to-ledger books 椭球面积; with --area planar the flows would be plane areas: drop one of them");
  // The ledger is opened first (file or PostgreSQL schema): a missing one is refused before
  // the long comparison, not after it.
  std::optional<ledger::FarmlandLedger> book;
  if (!a.ledger.empty()) {
    std::string user = a.user;
    if (user.empty()) {
      const char* u = std::getenv("USER");
      user = u != nullptr && *u != '\0' ? u : "guotu";
    }
    book.emplace(a.ledger, user);
  }
  change::DiffOptions o;
  o.before = a.before;
  o.after = a.after;
  o.plan = a.plan;
  o.rules_file = a.rules;
  o.approvals = a.approvals;
  o.approvals_layer = a.approvals_layer;
  o.before_layer = a.before_layer;
  o.after_layer = a.after_layer;
  o.footprints = a.footprints;
  o.min_area_m2 = a.min_area;
  o.area = mode;
  o.jobs = a.jobs;
  o.open.encoding = a.encoding;
  o.open.assume_crs = a.assume_crs;
  o.working_crs = a.crs;
  Progress progress("comparing", true);
  o.progress = [&](std::size_t done, std::size_t total) {
    progress.update(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
  };
  const change::DiffResult r = change::run_diff(o);
  progress.finish();
  // Flows computed without some patches, or without some rules, are not booked.
  if (book && !r.read_problems.empty())
    throw_bad_input("nothing is booked in the ledger: " + gdal::summarize(r.read_problems) +
                    " (fix them, or run without --to-ledger)");
  if (book && !r.unevaluated.empty())
    throw_bad_input(
        fmt::format("nothing is booked in the ledger: {} change rules could not be evaluated ({}), so a "
                    "piece booked as 进出平衡 credit might be 违规开垦 or 非粮化 (give a --plan with every "
                    "zone, or run without --to-ledger)",
                    r.unevaluated.size(), unevaluated_text(r)));

  // The output goes to a temporary and every document is built first; then the ledger entries
  // are booked in a transaction that checks them (a year already booked is refused here, and
  // nothing appears); then the output appears; then the booking is committed.
  OutputSet outputs;
  change::write_geopackage(r, a.out, a.overwrite, run_metadata(), {}, &outputs);
  const std::string summary = change::human_summary(r);
  const std::string json = a.json ? json_text(change::to_json(r)) + "\n" : std::string();
  std::optional<ledger::FarmlandLedger::Booking> booking;
  std::size_t booked = 0;
  std::string identity;
  if (book) {
    // The change set is booked under its identity: the same changes a second time (into this
    // year or another) are refused, naming the first booking, before anything is written.
    const auto entries = change::inout_entries(r, a.year);
    identity = change::change_set_identity(r.changes, r.before_layer, r.after_layer);
    ledger::ChangeSetBooking set;
    set.sha256 = identity;
    set.year = a.year;
    set.before_source = gdal::display_target(r.before);
    set.before_layer = r.before_layer;
    set.after_source = gdal::display_target(r.after);
    set.after_layer = r.after_layer;
    set.changes = static_cast<std::int64_t>(r.changes.size());
    booking.emplace(*book);
    book->book_change_set(set, entries);
    booked = entries.size();
  }
  outputs.commit();
  if (booking) {
    try {
      booking->commit();
    } catch (const Error& e) {
      throw Error(
          e.kind(),
          fmt::format("{} is written, but nothing was booked in the ledger: {} (run `guotu ledger … add-inout`, "
                      "or diff again with --overwrite)",
                      gdal::display_target(a.out), e.reason()),
          {gdal::display_target(a.ledger), {}, {}, {}});
    }
    fmt::print(stderr,
               "recorded {} 进出平衡 entries (one per county and direction) for {} in {}, change set SHA-256 {}\n",
               booked, a.year, gdal::display_target(a.ledger), identity);
  }
  fmt::print(stderr, "{}", summary);
  fmt::print(stderr, "wrote {}\n", gdal::display_target(a.out));
  if (a.json) fmt::print("{}", json);
  const int code = finish_with_skipped(r.read_problems, r.suspect_count() > 0 ? 1 : 0);
  if (r.unevaluated.empty()) return code;
  // 未完整审查: the classes of some pieces may be incomplete; never a clean exit.
  fmt::print(stderr,
             "guotu: error: 未完整审查: {} change rules could not be evaluated on the pieces they apply to: {}\n",
             r.unevaluated.size(), unevaluated_text(r));
  return 2;
}

}  // namespace

void register_diff(CLI::App& app, CommandMain& selected) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare a later land-use vintage (or a layer of building footprints / new patches) with an earlier one: every "
      "piece whose class changed, with every class the change rules give it (非农化, 新增建设用地, 进出平衡 out and "
      "in, 违规开垦, 永久基本农田非粮化, 林地减少, 其他变化) and 疑似违法 where a rule flags it (new construction "
      "inside 生态保护红线/永久基本农田/自然保护地 or outside 城镇开发边界, unless an approved project covers it). "
      "Writes a styled GeoPackage (changes, summary). Exit 1 when anything is 疑似违法, 0 otherwise, 2 on bad input "
      "or when a rule could not be evaluated (未完整审查).");
  cmd->add_option("--before", args->before, "earlier vintage (any OGR source)")->required();
  cmd->add_option("--after", args->after, "later vintage, or footprints with --footprints (any OGR source)")
      ->required();
  cmd->add_option("--plan", args->plan,
                  "plan source with the zones the change rules test (STBHHX, YJJBNT, ZRBHD, CZKFBJ: catalogue names) "
                  "and XMYD (projects with PZWH count as approved)");
  cmd->add_option(
      "--rules", args->rules,
      "change rules (YAML: classes, 疑似违法 flags, zones; default: the city profile's, files: change_rules)");
  cmd->add_option("--approvals", args->approvals,
                  "approved projects (批准的项目用地范围; any OGR source): new construction wholly inside one is 已批, "
                  "not 疑似违法 (default: the plan's XMYD features with PZWH)");
  cmd->add_option("--approvals-layer", args->approvals_layer, "layer of --approvals (default XMYD, or its only layer)");
  cmd->add_option("--out", args->out, "output GeoPackage, or PostGIS: \"PG:dbname=… active_schema=NAME\"")->required();
  cmd->add_option("--before-layer", args->before_layer, "layer of the earlier vintage (default DLTB)");
  cmd->add_option("--after-layer", args->after_layer,
                  "layer of the later vintage (default DLTB_LATER when --after is the --before file, else DLTB or the "
                  "only layer)");
  cmd->add_flag("--footprints", args->footprints,
                "--after holds building footprints / new patches without codes: report what each was built on");
  cmd->add_option("--min-area", args->min_area,
                  "drop pieces below this area in m² (of the --area kind) as slivers (edges that moved, land that "
                  "did not change); default 1")
      ->check(finite_in(0, bounds::kMaxSliverM2));
  cmd->add_option("--area", args->area,
                  "area of the figures: ellipsoidal (椭球面积, default) or planar (投影面积 in the working CRS)");
  cmd->add_option("--to-ledger", args->ledger,
                  "record the 进出平衡 flows in this ledger (one entry per county and direction)");
  cmd->add_option("--year", args->year, "year the 进出平衡 flows are booked in (with --to-ledger)")
      ->check(year_range());
  cmd->add_option("--user", args->user, "who writes to the ledger (audit); default the OS user");
  cmd->add_option("--jobs", args->jobs, "worker threads (default: all cores)")->check(jobs_range());
  cmd->add_flag("--overwrite", args->overwrite, "replace an existing output");
  cmd->add_flag("--json", args->json, "print one JSON document on stdout (summary still on stderr)");
  add_read_options(cmd, args->encoding, args->assume_crs);
  add_crs_option(cmd, args->crs);
  add_city_option(cmd);
  cmd->callback([args, &selected] { selected = [args] { return run(*args); }; });
}

}  // namespace guotu::cli
