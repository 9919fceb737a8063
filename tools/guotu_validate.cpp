// guotu validate PLAN: quality-check a plan database (thin over engine/validate).
#include <filesystem>
#include <iterator>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/atomic_output.hpp"
#include "core/bounds.hpp"
#include "core/error.hpp"
#include "validate/fix.hpp"
#include "validate/qa_output.hpp"
#include "validate/validator.hpp"

namespace guotu::cli {

namespace {

struct ValidateArgs {
  std::string plan;
  std::string out;
  std::string rules;
  bool json = false;
  bool overwrite = false;
  unsigned jobs = 0;
  std::string fix;
  double sliver_area = -1;
  std::vector<std::string> layers;
  std::string encoding;
  std::string assume_crs;
};

nlohmann::json opt_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const validate::ValidationReport& r, const validate::FixReport* fix) {
  nlohmann::json errors = nlohmann::json::array();
  std::size_t n_err = 0, n_warn = 0;
  for (const auto& f : r.findings) {
    const auto& def = r.rules.check(f.check);
    nlohmann::json j{{"check", f.check},       {"name", def.name_en},
                     {"name_zh", def.name_zh}, {"severity", validate::to_en(f.severity)},
                     {"layer", f.layer},       {"fid", opt_json(f.fid)},
                     {"measure", f.measure},   {"unit", f.unit},
                     {"message", f.message}};
    if (f.related_fid) j["related_fid"] = *f.related_fid;
    if (!f.related_layer.empty()) j["related_layer"] = f.related_layer;
    if (f.location) {
      j["x"] = f.location->x;
      j["y"] = f.location->y;
    }
    (f.severity == validate::Severity::Error ? n_err : n_warn)++;
    errors.push_back(std::move(j));
  }
  nlohmann::json counts = nlohmann::json::object();
  // A check that did not run is null (未检查), never 0; not_checked says why.
  nlohmann::json not_checked = nlohmann::json::object();
  for (const auto& [code, n] : r.counts())
    counts[code] = r.not_run.count(code) != 0 ? nlohmann::json(nullptr) : nlohmann::json(n);
  for (const auto& [code, why] : r.not_run) not_checked[code] = why;
  nlohmann::json timings = nlohmann::json::object();
  for (const auto& t : r.timings) timings[t.stage] = t.seconds;
  nlohmann::json j{{"source", r.source},         {"rules", r.rules.path}, {"working_crs", r.rules.working_crs},
                   {"layers", r.layers_checked}, {"errors", errors},      {"counts", counts},
                   {"not_checked", not_checked}, {"error_count", n_err},  {"warning_count", n_warn},
                   {"notes", r.notes},           {"timings_s", timings}};
  if (fix != nullptr) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : fix->changes)
      changes.push_back({{"layer", c.layer}, {"fid", c.fid}, {"action", c.action}, {"detail", c.detail}});
    j["fix"] = {{"output", fix->output},
                {"layers", fix->layers_copied},
                {"features", fix->features_written},
                {"changes", changes}};
  }
  return j;
}

// The human report, built whole before any output appears.
std::string human(const validate::ValidationReport& r, const validate::FixReport* fix) {
  std::string text;
  auto to = std::back_inserter(text);
  fmt::format_to(to, "{}: {} layers checked against {}\n", r.source, r.layers_checked.size(), r.rules.path);
  for (const auto& n : r.notes) fmt::format_to(to, "  note: {}\n", n);
  const auto counts = r.counts();
  fmt::format_to(to, "\n{:<22} {:>8}  {}\n", "check", "count", "name");
  for (const auto& c : r.rules.checks()) {
    const auto nr = r.not_run.find(c.code);
    const std::string n = nr == r.not_run.end() ? std::to_string(counts.at(c.code)) : std::string("未检查");
    fmt::format_to(to, "{:<22} {:>8}  {} ({}){}\n", c.code, n, c.name_zh, validate::to_zh(c.severity),
                   nr == r.not_run.end() ? std::string() : "：" + nr->second);
  }
  constexpr std::size_t kShown = 20;
  std::map<std::string, std::size_t> shown;
  if (!r.findings.empty()) fmt::format_to(to, "\n");
  for (const auto& f : r.findings) {
    if (shown[f.check]++ >= kShown) continue;
    fmt::format_to(to, "{} {} {}{}: {}\n", validate::to_zh(f.severity), f.check, f.layer,
                   f.fid ? fmt::format(" fid {}", *f.fid) : std::string(), f.message);
  }
  for (const auto& [code, n] : shown)
    if (n > kShown)
      fmt::format_to(to, "… and {} more {} (all of them are in the QA GeoPackage and --json)\n", n - kShown, code);
  if (fix != nullptr) {
    fmt::format_to(to, "\nrepaired copy: {} ({} layers, {} features, {} changes)\n", fix->output, fix->layers_copied,
                   fix->features_written, fix->changes.size());
    std::size_t k = 0;
    for (const auto& c : fix->changes)
      if (k++ < kShown) fmt::format_to(to, "  {} fid {}: {} ({})\n", c.layer, c.fid, c.action, c.detail);
  }
  fmt::format_to(to, "\ntimings:");
  for (const auto& t : r.timings) fmt::format_to(to, " {} {:.2f}s;", t.stage, t.seconds);
  fmt::format_to(to, "\n");
  return text;
}

int run(const ValidateArgs& args) {
  // Refuse before any work: outputs that exist, an output naming the input or the other output.
  guard_outputs(OutputGuard()
                    .input(args.plan, "PLAN")
                    .input(args.rules, "--rules")
                    .output(args.out, "--out")
                    .output(args.fix, "--fix"),
                args.overwrite);
  validate::ValidateOptions opts;
  opts.open.encoding = args.encoding;
  opts.open.assume_crs = args.assume_crs;
  opts.rules_file = args.rules;
  opts.jobs = args.jobs;
  opts.layers = args.layers;
  Progress progress("validate", true);
  opts.progress = [&](const std::string&, std::int64_t done, std::int64_t total) { progress.update(done, total); };
  const validate::ValidationReport report = validate::validate(args.plan, opts);
  progress.finish();

  // Both outputs go to temporaries and every document is built before either appears.
  OutputSet outputs;
  std::optional<validate::FixReport> fix;
  if (!args.fix.empty()) {
    validate::FixOptions fo;
    fo.open = opts.open;
    fo.writer.overwrite = args.overwrite;
    fo.writer.metadata = run_metadata();
    fo.writer.outputs = &outputs;
    fo.sliver_max_area_m2 = args.sliver_area >= 0 ? args.sliver_area : report.rules.fix_sliver_max_area_m2;
    fix = validate::write_fixed_copy(args.plan, args.fix, fo);
  }
  if (!args.out.empty()) {
    gdal::WriterOptions wo;
    wo.overwrite = args.overwrite;
    wo.metadata = run_metadata();
    wo.outputs = &outputs;
    validate::write_qa_gpkg(report, args.out, wo);
  }
  const std::string text = human(report, fix ? &*fix : nullptr);
  const std::string json = args.json ? json_text(to_json(report, fix ? &*fix : nullptr)) + "\n" : std::string();
  outputs.commit();
  if (args.json) {
    fmt::print("{}", json);
    fmt::print(stderr, "{}", text);
  } else {
    fmt::print("{}", text);
  }
  return report.has_errors() ? 1 : 0;
}

}  // namespace

void register_validate(CLI::App& app, CommandMain& selected) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Quality-check a plan database before filing (成果质量检查): geometry, CRS and zone, schema against the "
      "layer catalogue, codes (三调 / 用地用海), coverage overlaps and gaps, features outside the city, "
      "三线不交叉不重叠, TBMJ against 椭球面积, the three spaces. Checks, severities and thresholds come from "
      "the rule file (default data/validate/rules.yaml). Exit 0 no errors (warnings allowed), 1 errors found, "
      "2 bad input.");
  cmd->add_option("PLAN", args->plan, "plan database: GeoPackage, folder of Shapefiles, GeoJSON, FileGDB, PG:…")
      ->required();
  cmd->add_option("--out", args->out,
                  "QA GeoPackage to write (errors, error_points, summary; styled), or PostGIS PG:…");
  cmd->add_option("--rules", args->rules,
                  "rule file (YAML; default: the city profile's, files: validate_rules; it names the working CRS)");
  cmd->add_flag("--json", args->json, "print one JSON document on stdout (errors[], counts)");
  cmd->add_flag("--overwrite", args->overwrite, "replace existing outputs");
  cmd->add_option("--jobs", args->jobs, "worker threads (default: all cores)")->check(jobs_range());
  cmd->add_option("--fix", args->fix, "also write a repaired copy of PLAN here (make-valid, DLTB slivers merged)");
  cmd->add_option("--sliver-area", args->sliver_area,
                  "with --fix: DLTB patches below this many m² are merged (default: rule file)")
      ->check(finite_in(0, bounds::kMaxSliverM2));
  cmd->add_option("--layer", args->layers, "check only these layers (table name or catalogue code; repeatable)");
  add_read_options(cmd, args->encoding, args->assume_crs);
  add_city_option(cmd);
  cmd->callback([args, &selected] { selected = [args] { return run(*args); }; });
}

}  // namespace guotu::cli
