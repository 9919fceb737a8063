// guotu qgis --out PROJECT.qgs GPKG…: a QGIS project over guotu's GeoPackages, every layer
// styled, grouped and with a relative data source (thin over engine/qgis).
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "qgis/project.hpp"

namespace guotu::cli {

namespace {

struct QgisArgs {
  std::string out;
  std::vector<std::string> inputs;
  bool overwrite = false, json = false, no_tables = false;
};

int run(const QgisArgs& a) {
  std::vector<std::filesystem::path> inputs(a.inputs.begin(), a.inputs.end());
  qgis::ProjectOptions options;
  options.include_tables = !a.no_tables;
  OutputSet outputs;  // the project appears once every message below is built
  options.outputs = &outputs;
  const qgis::Project p = qgis::write_project(a.out, inputs, a.overwrite, options);
  std::string text;
  auto to = std::back_inserter(text);
  for (const auto& w : p.warnings) fmt::format_to(to, "warning: {}\n", w);
  std::size_t styled = 0;
  for (const auto& l : p.layers) styled += l.style_qml.empty() ? 0 : 1;
  fmt::format_to(to, "{} layers ({} styled) in {} groups, CRS {}\n", p.layers.size(), styled, p.group_order.size(),
                 p.crs);
  for (const auto& g : p.group_order) {
    std::string names;
    for (const auto& l : p.layers)
      if (l.group == g) names += (names.empty() ? "" : ", ") + l.title;
    fmt::format_to(to, "  {}: {}\n", g, names);
  }
  fmt::format_to(to, "wrote {}\n", a.out);
  std::string json;
  if (a.json) {
    nlohmann::json j;
    j["project"] = a.out;
    j["crs"] = p.crs;
    if (p.extent) j["extent"] = {p.extent->min_x, p.extent->min_y, p.extent->max_x, p.extent->max_y};
    j["groups"] = p.group_order;
    j["layers"] = nlohmann::json::array();
    for (const auto& l : p.layers) {
      j["layers"].push_back({{"id", l.id},
                             {"title", l.title},
                             {"table", l.table},
                             {"source", l.datasource},
                             {"group", l.group},
                             {"feature_count", l.feature_count},
                             {"style", l.style_name},
                             {"visible", l.visible}});
    }
    j["warnings"] = p.warnings;
    json = json_text(j) + "\n";
  }
  outputs.commit();
  fmt::print(stderr, "{}", text);
  fmt::print("{}", json);
  return 0;
}

}  // namespace

void register_qgis(CLI::App& app, CommandMain& selected) {
  auto args = std::make_shared<QgisArgs>();
  CLI::App* cmd = app.add_subcommand(
      "qgis",
      "Write a QGIS project (.qgs) holding every layer of the given GeoPackages (outputs of sample, check, validate, "
      "report, diff, ledger export): Chinese layer names, each layer's default style from layer_styles, groups "
      "(检查结果, 变更, 项目, 控制线, 三区三线, 自然保护地, 现状用地, 行政区 …; layers/qgis_project.yaml and the "
      "catalogue's group:), data sources relative to the project file. Exit 0, or 2 on bad input.");
  cmd->add_option("--out", args->out, "the project file to write (.qgs)")->required();
  cmd->add_option("GPKG", args->inputs, "GeoPackages to add (one or more)")->required();
  cmd->add_flag("--no-tables", args->no_tables,
                "leave out attribute tables (summaries, indicators); default: group 表格");
  cmd->add_flag("--overwrite", args->overwrite, "replace an existing project file");
  add_city_option(cmd);
  cmd->add_flag("--json", args->json, "print one JSON document on stdout (summary still on stderr)");
  cmd->callback([args, &selected] { selected = [args] { return run(*args); }; });
}

}  // namespace guotu::cli
