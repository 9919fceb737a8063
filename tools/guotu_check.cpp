// guotu check --plan PLAN --projects SRC --out CHECK.gpkg: construction projects against the
// plan rules, with their occupancy (thin over engine/check).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "area/measure.hpp"
#include "check/check_output.hpp"
#include "check/checker.hpp"
#include "check/rule_set.hpp"
#include "command.hpp"
#include "core/atomic_output.hpp"
#include "core/error.hpp"
#include "gdal/connection.hpp"

namespace guotu::cli {

namespace {

struct CheckArgs {
  std::string plan;
  std::string projects;
  std::string out;
  std::string rules;
  std::string projects_layer;
  std::string occupancy_json;
  std::string grade_weights;
  std::string encoding;
  std::string assume_crs;
  std::string crs;
  std::string area = "ellipsoidal";
  bool json = false;
  bool overwrite = false;
  bool make_valid = false;
  bool strict = false;
  unsigned jobs = 0;
};

int run(const CheckArgs& args) {
  const std::filesystem::path rules_file =
      args.rules.empty() ? check::RuleSet::default_path() : std::filesystem::path(args.rules);
  // Refuse before any work when an output may not be written or would replace an input.
  guard_outputs(OutputGuard()
                    .input(args.plan, "--plan")
                    .input(args.projects, "--projects")
                    .input(rules_file.string(), "--rules")
                    .input(args.grade_weights, "--grade-weights")
                    .output(args.out, "--out")
                    .output(args.occupancy_json, "--occupancy-json"),
                args.overwrite);

  const check::RuleSet rules = check::RuleSet::load(rules_file);
  check::CheckOptions opts;
  opts.plan = args.plan;
  opts.projects = args.projects;
  opts.projects_layer = args.projects_layer;
  opts.open.encoding = args.encoding;
  opts.open.assume_crs = args.assume_crs;
  opts.working_crs = args.crs;
  opts.area = area::parse_area_mode(args.area);
  opts.jobs = args.jobs;
  opts.make_valid = args.make_valid;
  opts.strict = args.strict;
  opts.grade_weights = args.grade_weights;
  Progress progress("checking", true);
  opts.progress = [&](std::size_t done, std::size_t total) {
    progress.update(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total));
  };
  const check::CheckResult result = check::run_check(rules, opts);
  progress.finish();

  // Every output goes to a temporary and every document is built before anything appears:
  // a failure on the way leaves nothing behind.
  OutputSet outputs;
  if (!args.occupancy_json.empty()) {
    auto occupancy = std::make_unique<AtomicOutput>(args.occupancy_json, args.overwrite);
    const std::string text = json_text(check::occupancy_json(result)) + "\n";
    std::ofstream f(occupancy->temp_path(), std::ios::binary);
    f << text;
    if (!f.flush()) throw_internal("cannot write", {args.occupancy_json, {}, {}, {}});
    outputs.hold(std::move(occupancy));
  }
  check::write_geopackage(result, args.out, args.overwrite, run_metadata(), {}, &outputs);
  const std::string summary = check::human_summary(result);
  const std::string json = args.json ? json_text(check::to_json(result)) + "\n" : std::string();
  outputs.commit();

  fmt::print(stderr, "{}", summary);
  fmt::print(stderr, "wrote {}{}\n", gdal::display_target(args.out),
             args.occupancy_json.empty() ? "" : " and " + args.occupancy_json);
  if (args.json) fmt::print("{}", json);
  // An incomplete check is not a pass: the outputs are written and say what is missing, and
  // the run exits 2 (docs/cli.md, "guotu check").
  std::size_t incomplete = 0;
  for (const auto& p : result.projects) incomplete += p.not_evaluated.empty() ? 0 : 1;
  const std::size_t skipped = result.count(check::Verdict::Skipped);
  if (incomplete > 0 || skipped > 0)
    fmt::print(stderr,
               "guotu: error: 审查不完整：{} 个项目有规则未审查（{} 个判为未完整审查），{} "
               "个项目跳过（列于上方，--json 见 not_evaluated）\n",
               incomplete, result.count(check::Verdict::Incomplete), skipped);
  return finish_with_skipped(result.read_problems, result.exit_code());
}

}  // namespace

void register_check(CLI::App& app, CommandMain& selected) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check construction projects (建设项目用地范围) against the plan rules (生态保护红线, 永久基本农田, "
      "城镇开发边界, control lines, caps) and compute what land they take (压占分析, 占补平衡 need). "
      "Writes violations, projects and occupancy to a styled GeoPackage. Exit 0 when every rule was evaluated on "
      "every project and none is 禁止; 1 when any 禁止 violation exists and the check is complete; 2 on bad input, "
      "and when the check is incomplete (a rule not evaluated on a project: 未完整审查; a project or feature "
      "skipped), after the outputs are written.");
  cmd->add_option("--plan", args->plan,
                  "plan source: GeoPackage, folder of Shapefiles, PG:… (layers by catalogue name)")
      ->required();
  cmd->add_option("--projects", args->projects, "projects source (layer XMYD, or the only layer)")->required();
  cmd->add_option("--out", args->out, "output GeoPackage, or PostGIS: \"PG:dbname=… active_schema=NAME\"")->required();
  cmd->add_option("--rules", args->rules, "rule file (default: the city profile's, files: rules)");
  cmd->add_option("--projects-layer", args->projects_layer, "projects layer name (default XMYD or the only layer)");
  cmd->add_option("--occupancy-json", args->occupancy_json,
                  "also write the occupancy (压占) hand-over JSON for `guotu ledger add-occupation`");
  cmd->add_option("--grade-weights", args->grade_weights,
                  "the bureau's 耕地等别 weight table for the 占补平衡 capacity (CSV grade,weight: every grade 1-15); "
                  "without it the shipped example table is used and every capacity is marked 示例");
  cmd->add_flag("--json", args->json, "print one JSON document on stdout (summary still on stderr)");
  cmd->add_flag("--overwrite", args->overwrite, "replace existing outputs");
  cmd->add_option("--jobs", args->jobs, "worker threads (default: all cores)")->check(jobs_range());
  cmd->add_flag("--make-valid", args->make_valid, "repair invalid project geometries instead of skipping them");
  cmd->add_flag(
      "--strict", args->strict,
      "a rule that cannot be evaluated (its plan layer, a field or the features it selects missing; a project "
      "value it needs empty), or a feature with a value that cannot be used (a coordinate or number that is "
      "not finite, text in a numeric field, a geometry of the wrong type), is an error at once (exit 2, no "
      "output), not a project judged 未完整审查 or a skipped feature");
  add_read_options(cmd, args->encoding, args->assume_crs);
  add_crs_option(cmd, args->crs);
  add_city_option(cmd);
  cmd->add_option("--area", args->area,
                  "the areas of the results: ellipsoidal (椭球面积, default) or planar (投影面积 in the working CRS; "
                  "the ledger refuses such an occupancy file)");
  cmd->callback([args, &selected] { selected = [args] { return run(*args); }; });
}

}  // namespace guotu::cli
