#include "validate/validator.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "core/error.hpp"
#include "layers/catalogue.hpp"
#include "validate/coverage_checks.hpp"
#include "validate/line_checks.hpp"
#include "validate/plan_layer.hpp"

namespace guotu::validate {

namespace {

class Stopwatch {
 public:
  explicit Stopwatch(std::vector<StageTime>& out) : out_(out) {}
  void lap(const std::string& stage) {
    const auto now = std::chrono::steady_clock::now();
    out_.push_back({stage, std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }

 private:
  std::vector<StageTime>& out_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

std::vector<FeatureRef> refs(const PlanLayer& l) {
  std::vector<FeatureRef> out;
  out.reserve(l.features.size());
  for (const auto& f : l.features) out.push_back({&f, &l.profile.name});
  return out;
}

void sort_findings(Findings& fs) {
  const auto& codes = check_codes();
  auto rank = [&](const std::string& c) { return std::find(codes.begin(), codes.end(), c) - codes.begin(); };
  std::sort(fs.begin(), fs.end(), [&](const Finding& a, const Finding& b) {
    auto key = [&](const Finding& f) {
      return std::make_tuple(rank(f.check), f.layer, f.fid.value_or(-1), f.related_layer, f.related_fid.value_or(-1),
                             f.location ? f.location->x : 0.0, f.location ? f.location->y : 0.0, f.measure, f.message);
    };
    return key(a) < key(b);
  });
}

}  // namespace

std::map<std::string, std::size_t> ValidationReport::counts() const {
  std::map<std::string, std::size_t> c;
  for (const auto& code : check_codes()) c[code] = 0;
  for (const auto& f : findings) ++c[f.check];
  return c;
}

bool ValidationReport::has_errors() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

ValidationReport validate(const std::string& plan, const ValidateOptions& options) {
  ValidationReport report;
  report.source = plan;
  report.rules = RuleSet::load(options.rules_file);
  const RuleSet& rules = report.rules;
  const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  Stopwatch clock(report.timings);

  gdal::VectorSource src = gdal::VectorSource::open(plan, options.open);
  for (const auto& w : src.warnings()) report.notes.push_back(w);
  const layers::Catalogue& catalogue = layers::Catalogue::embedded();

  // Which tables are checked (selected) and which are read as references (the city, gap
  // units, the mask, the other control lines and spaces).
  std::set<std::string> selected;  // table names
  for (const auto& name : options.layers) selected.insert(layers::require_table(src, name).name());
  auto is_selected = [&](const std::string& table) { return selected.empty() || selected.count(table) > 0; };

  struct Candidate {
    const gdal::Layer* layer;
    const layers::LayerDef* def;
  };
  std::vector<Candidate> candidates;
  std::map<std::string, const gdal::Layer*> by_code;  // catalogue code → table
  for (std::size_t i = 0; i < src.layer_count(); ++i) {
    const gdal::Layer& l = src.layer(i);
    const layers::LayerDef* def = catalogue.find(l.name());
    if (def == nullptr) {
      if (l.geometry_kind() == gdal::GeometryKind::None) {
        if (is_selected(l.name()))
          report.notes.push_back(
              fmt::format("table {}: not in the layer catalogue and without geometry: ignored", l.name()));
        continue;
      }
      if (is_selected(l.name()))
        report.notes.push_back(
            fmt::format("layer {}: not in the layer catalogue: only geometry and CRS checks", l.name()));
    } else {
      if (by_code.count(def->code) > 0) {
        report.notes.push_back(fmt::format("layer {}: a second table for {} ({}): ignored", l.name(), def->code,
                                           by_code[def->code]->name()));
        continue;
      }
      by_code[def->code] = &l;
      if (l.geometry_kind() == gdal::GeometryKind::None) {
        report.notes.push_back(
            fmt::format("table {}: catalogue layer {} has no geometry column: attributes only", l.name(), def->code));
      }
    }
    candidates.push_back({&l, def});
  }
  std::set<std::string> needed_codes;  // references of selected layers
  auto any_selected_code = [&](const std::vector<std::string>& codes) {
    return std::any_of(codes.begin(), codes.end(), [&](const std::string& c) {
      if (by_code.count(c) != 0) return is_selected(by_code[c]->name());
      const gdal::Layer* l = src.find_layer(c);
      return l != nullptr && is_selected(l->name());
    });
  };
  needed_codes.insert(rules.city_layer);
  for (const auto& [cov, unit] : rules.gap_units) needed_codes.insert(unit);
  if (!rules.allowed_gap_layer.empty()) needed_codes.insert(rules.allowed_gap_layer);
  if (any_selected_code(rules.control_lines))
    needed_codes.insert(rules.control_lines.begin(), rules.control_lines.end());
  // The three spaces are read when one of them is judged, or a control line that must lie in one.
  std::vector<std::string> lines_in_spaces;
  for (const auto& [line, space] : rules.line_in_space) lines_in_spaces.push_back(line);
  const bool spaces_judged = any_selected_code(rules.three_spaces);
  const bool lines_judged = any_selected_code(lines_in_spaces);
  if (spaces_judged || lines_judged) needed_codes.insert(rules.three_spaces.begin(), rules.three_spaces.end());

  Findings findings;
  std::vector<std::unique_ptr<PlanLayer>> loaded;
  std::map<std::string, PlanLayer*> loaded_by_code;
  std::int64_t features_checked = 0;
  LoadOptions lo;
  lo.jobs = jobs;
  lo.progress = options.progress;
  for (const auto& c : candidates) {
    // References are named by catalogue code, or by table name for layers outside the
    // catalogue (an allowed-gap mask, the three spaces).
    const std::string key = c.def != nullptr ? c.def->code : c.layer->name();
    const bool wanted = is_selected(c.layer->name()) || needed_codes.count(key) > 0;
    if (!wanted) continue;
    auto pl = std::make_unique<PlanLayer>(load_plan_layer(*c.layer, c.def, rules, lo, findings));
    for (const auto& w : pl->warnings) report.notes.push_back(w);
    if (is_selected(c.layer->name())) {
      report.layers_checked.push_back(c.layer->name());
      features_checked += pl->features_read;
    }
    loaded_by_code.emplace(key, pl.get());
    loaded.push_back(std::move(pl));
  }
  clock.lap("read + per-feature checks");
  // Nothing read is nothing judged: not a pass.
  if (features_checked == 0) {
    throw_bad_input(report.layers_checked.empty() ? "nothing to check: the source has no layer guotu can judge"
                                                  : "nothing to check: the layers checked have no features",
                    {src.path(), {}, {}, {}});
  }

  // A check that cannot run is a finding (NOT_CHECKED, the rule file's severity), never a pass.
  auto not_checked = [&](const std::string& layer, std::string message) {
    Finding f;
    f.check = "NOT_CHECKED";
    f.layer = layer;
    f.severity = rules.check(f.check).severity;
    f.message = std::move(message);
    findings.push_back(std::move(f));
  };
  // Why a reference layer cannot serve: absent from the plan, or without features.
  auto why_unusable = [&](const std::string& code) {
    auto it = loaded_by_code.find(code);
    if (it != loaded_by_code.end())
      return fmt::format("the {} layer {} has no feature that can be used", code, it->second->name());
    if (catalogue.find(code) == nullptr && src.find_layer(code) == nullptr)
      return fmt::format("{} names neither a layer of the catalogue nor a table of the plan (rule file {})", code,
                         rules.path.empty() ? std::string("data/validate/rules.yaml") : rules.path);
    return fmt::format("the plan has no {} layer", code);
  };

  auto get = [&](const std::string& code) -> const PlanLayer* {
    auto it = loaded_by_code.find(code);
    return it == loaded_by_code.end() || it->second->features.empty() ? nullptr : it->second;
  };
  auto job_for = [&](const std::string& code) {
    CoverageJob j;
    j.check = code;
    j.working_crs = rules.working_crs;
    j.severity = rules.check(code).severity;
    j.jobs = jobs;
    if (rules.check(code).thresholds.count("min_area_m2") != 0) {
      j.rule.min_area_m2 = rules.threshold(code, "min_area_m2");
      j.rule.min_width_m = rules.threshold(code, "min_width_m");
    }
    return j;
  };

  // The city (市域): its counties' union with the holes filled (OUTSIDE_CITY), and as it is (the
  // land the three spaces must cover: a hole between counties is no gap of the spaces).
  std::vector<std::uint8_t> city, city_land;
  if (const PlanLayer* c = get(rules.city_layer)) {
    city = filled_union(refs(*c), jobs);
    if (spaces_judged) city_land = filled_union(refs(*c), jobs, false);
  } else {
    // Only a loss when there is something to judge against the city.
    const bool judged = std::any_of(loaded.begin(), loaded.end(), [&](const auto& pl) {
      return pl->profile.def != nullptr && pl->profile.def->code != rules.city_layer && !pl->features.empty() &&
             is_selected(pl->name());
    });
    const std::string why = why_unusable(rules.city_layer) + " (city_layer of the rule file)";
    if (judged)
      not_checked(rules.city_layer, "OUTSIDE_CITY and SPACES_COVERAGE not checked: " + why);
    else
      report.notes.push_back(
          fmt::format("no {} layer: OUTSIDE_CITY and SPACES_COVERAGE were not checked", rules.city_layer));
    report.not_run["OUTSIDE_CITY"] = why;
    report.not_run["SPACES_COVERAGE"] = why;
  }
  std::vector<FeatureRef> mask;
  if (!rules.allowed_gap_layer.empty()) {
    if (const PlanLayer* m = get(rules.allowed_gap_layer))
      mask = refs(*m);
    else
      report.notes.push_back(
          fmt::format("allowed-gap layer {} is absent: no gaps are excused", rules.allowed_gap_layer));
  }
  clock.lap("city boundary");

  // Coverage layers: overlaps, then gaps inside their units.
  for (const auto& pl : loaded) {
    const layers::LayerDef* def = pl->profile.def;
    if (def == nullptr || !def->coverage || pl->features.empty() || !is_selected(pl->name())) continue;
    const std::vector<FeatureRef> items = refs(*pl);
    find_overlaps(items, job_for("COVERAGE_OVERLAP"), findings);
    clock.lap("overlaps " + pl->name());
    auto it = rules.gap_units.find(def->code);
    const std::string unit = it == rules.gap_units.end() ? "holes" : it->second;
    if (unit == "none") continue;
    std::vector<FeatureRef> units;
    std::vector<std::unique_ptr<PlanFeature>> synthetic;
    static const std::string kOwnBoundary = "outer boundary";
    const std::string* unit_label = &kOwnBoundary;
    if (unit == "holes") {
      auto f = std::make_unique<PlanFeature>();
      f->wkb = filled_union(items, jobs);
      auto& ctx = geos::Context::current();
      f->envelope = geos::Geometry::from_wkb(f->wkb, ctx).envelope();
      units.push_back({f.get(), unit_label});
      synthetic.push_back(std::move(f));
    } else if (const PlanLayer* u = get(unit)) {
      units = refs(*u);
    } else {
      not_checked(pl->name(), fmt::format("COVERAGE_GAP not checked: gaps are looked for inside each {} unit, and {}",
                                          unit, why_unusable(unit)));
      continue;
    }
    const auto skipped = find_gaps(items, units, mask, pl->name(), job_for("COVERAGE_GAP"), findings);
    for (auto fid : skipped)
      report.notes.push_back(
          fmt::format("{}: no feature reaches {} fid {}: no gaps looked for there", pl->name(), unit, fid));
    clock.lap("gaps " + pl->name());
  }

  // Features outside the city.
  if (!city.empty()) {
    for (const auto& pl : loaded) {
      const layers::LayerDef* def = pl->profile.def;
      if (def == nullptr || def->code == rules.city_layer || pl->features.empty() || !is_selected(pl->name())) continue;
      find_outside(*pl, city, job_for("OUTSIDE_CITY"), findings);
    }
    clock.lap("outside city");
  }

  // 三线不交叉不重叠.
  std::vector<const PlanLayer*> lines;
  for (const auto& code : rules.control_lines)
    if (const PlanLayer* l = get(code)) lines.push_back(l);
  if (lines.size() >= 2 && any_selected_code(rules.control_lines)) {
    find_line_overlaps(lines, rules.threshold("LINES_OVERLAP", "tolerance_m2"), rules.working_crs,
                       rules.check("LINES_OVERLAP").severity, jobs, findings);
    clock.lap("control lines");
  }

  // 三区: the three spaces are one coverage of the city, and each control line lies in its space.
  // A space missing where a space or a control line is to be judged is NOT_CHECKED, filed under
  // the missing space with the checks it stops; a plan with neither has them 未检查.
  std::vector<FeatureRef> spaces;
  std::vector<std::string> missing_spaces;
  for (const auto& code : rules.three_spaces) {
    if (const PlanLayer* l = get(code)) {
      auto r = refs(*l);
      spaces.insert(spaces.end(), r.begin(), r.end());
    } else {
      missing_spaces.push_back(code);
    }
  }
  std::string missing_list;
  for (const auto& c : missing_spaces) missing_list += (missing_list.empty() ? "" : ", ") + c;
  if (!spaces_judged && !lines_judged) {
    std::string all;
    for (const auto& c : rules.three_spaces) all += (all.empty() ? "" : ", ") + c;
    const std::string why = selected.empty()
                                ? fmt::format("the plan has no space layer ({}) and no control line to judge", all)
                                : fmt::format("--layer selects no space layer ({}) and no control line", all);
    report.not_run.emplace("SPACES_COVERAGE", why);
    report.not_run.emplace("LINE_OUTSIDE_SPACE", why);
    report.notes.push_back("SPACES_COVERAGE and LINE_OUTSIDE_SPACE not checked (未检查): " + why);
  } else {
    for (const auto& code : missing_spaces) {
      std::string stopped = "SPACES_COVERAGE";
      for (const auto& [line, space] : rules.line_in_space)
        if (space == code && get(line) != nullptr && any_selected_code({line}))
          stopped += fmt::format(" and LINE_OUTSIDE_SPACE ({} in {})", line, code);
      not_checked(code, fmt::format("{} not checked: {} (three_spaces of the rule file)", stopped, why_unusable(code)));
    }
    if (!missing_spaces.empty()) report.not_run.emplace("SPACES_COVERAGE", "missing or empty: " + missing_list);
  }
  if (missing_spaces.empty() && !city.empty() && spaces_judged) {
    const CoverageJob j = job_for("SPACES_COVERAGE");
    find_overlaps(spaces, j, findings);
    PlanFeature city_feature;  // no feature of the plan: fid −1, so a gap names the layer, not a fid
    city_feature.fid = -1;
    city_feature.wkb = city_land;
    city_feature.envelope = geos::Geometry::from_wkb(city_land, geos::Context::current()).envelope();
    find_gaps(spaces, {{&city_feature, &rules.city_layer}}, {}, *spaces.front().layer, j, findings);
    clock.lap("three spaces");
  }
  bool lines_checked = false;
  for (const auto& [line_code, space_code] : rules.line_in_space) {
    const PlanLayer* line = get(line_code);
    const PlanLayer* space = get(space_code);
    if (line == nullptr || space == nullptr || !is_selected(line->name())) continue;
    find_outside_space(*line, *space, job_for("LINE_OUTSIDE_SPACE"), findings);
    lines_checked = true;
  }
  if (lines_checked) {
    clock.lap("control lines in their spaces");
  } else if (report.not_run.count("LINE_OUTSIDE_SPACE") == 0) {
    report.not_run["LINE_OUTSIDE_SPACE"] =
        missing_spaces.empty() ? "the plan has no control line of line_in_space with features"
                               : "no control line has its space (missing or empty: " + missing_list + ")";
  }

  // Only the selected layers' findings (a reference layer is read, not judged).
  if (!selected.empty()) {
    std::erase_if(findings, [&](const Finding& f) {
      // NOT_CHECKED names the reference layer that failed a selected one: it stays.
      return f.check != "NOT_CHECKED" && !is_selected(f.layer) &&
             (f.related_layer.empty() || !is_selected(f.related_layer));
    });
  }
  sort_findings(findings);
  report.findings = std::move(findings);
  return report;
}

}  // namespace guotu::validate
