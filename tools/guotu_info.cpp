// guotu info SRC: describe a vector source (thin over engine/info).
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "gdal/read_problems_json.hpp"
#include "info/dataset_info.hpp"

namespace guotu::cli {

namespace {

struct InfoArgs {
  std::string source;
  bool json = false;
  std::string encoding;
  std::string assume_crs;
  std::vector<std::string> layers;
};

nlohmann::json to_json(const info::DatasetInfo& d) {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& l : d.layers) {
    nlohmann::json j;
    j["name"] = l.name;
    j["geometry_type"] = l.geometry_type;
    j["feature_count"] = l.feature_count;
    j["crs"] = l.crs ? nlohmann::json(l.crs->label()) : nlohmann::json(nullptr);
    if (l.crs) j["crs_name"] = l.crs->name;
    if (l.extent) j["extent"] = {l.extent->min_x, l.extent->min_y, l.extent->max_x, l.extent->max_y};
    if (l.area_m2) {
      j["area_m2"] = *l.area_m2;
      j["area_mu"] = units::to_mu(*l.area_m2);
      j["area_km2"] = units::to_km2(*l.area_m2);
      j["area_method"] = "ellipsoidal (椭球面积, 国土调查办发〔2008〕32号)";
      j["planar_area_diagnostic"] = *l.planar_area;
    }
    j["null_geometries"] = l.null_geometries;
    j["empty_geometries"] = l.empty_geometries;
    nlohmann::json inv = nlohmann::json::array();
    for (const auto& i : l.invalid)
      inv.push_back({{"fid", i.fid}, {"reason", i.reason}, {"x", i.location.x}, {"y", i.location.y}});
    j["invalid"] = std::move(inv);
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : l.fields) {
      nlohmann::json fj{{"name", f.name}, {"type", gdal::to_string(f.type)}};
      if (f.width > 0) fj["width"] = f.width;
      if (!f.alias.empty()) fj["alias"] = f.alias;
      fields.push_back(std::move(fj));
    }
    j["fields"] = std::move(fields);
    layers.push_back(std::move(j));
  }
  return {{"source", d.path},
          {"driver", d.driver},
          {"layers", layers},
          {"skipped_features", gdal::skipped_features_json(d.read_problems)},
          {"warnings", d.warnings}};
}

void print_human(const info::DatasetInfo& d) {
  fmt::print("{} ({})\n", d.path, d.driver);
  for (const auto& w : d.warnings) fmt::print("  warning: {}\n", w);
  for (const auto& l : d.layers) {
    fmt::print("\nlayer {}: {} features, {}\n", l.name, l.feature_count, l.geometry_type);
    fmt::print("  CRS: {}\n", l.crs ? fmt::format("{} ({})", l.crs->label(), l.crs->name) : std::string("none"));
    if (l.extent) {
      fmt::print("  extent: ({:.6f}, {:.6f}) - ({:.6f}, {:.6f})\n", l.extent->min_x, l.extent->min_y, l.extent->max_x,
                 l.extent->max_y);
    }
    if (l.area_m2) {
      fmt::print("  椭球面积: {:.2f} m² = {:.4f} km² = {:.2f} 亩 = {:.4f} 万亩\n", *l.area_m2,
                 units::to_km2(*l.area_m2), units::to_mu(*l.area_m2), units::to_wan_mu(*l.area_m2));
    }
    if (l.null_geometries > 0) fmt::print("  null geometries: {}\n", l.null_geometries);
    if (l.empty_geometries > 0) fmt::print("  empty geometries: {}\n", l.empty_geometries);
    if (!l.invalid.empty()) {
      fmt::print("  invalid geometries: {} (measured after make-valid)\n", l.invalid.size());
      for (const auto& i : l.invalid)
        fmt::print("    fid {}: {} at ({:.6f} {:.6f})\n", i.fid, i.reason, i.location.x, i.location.y);
    }
    if (!l.fields.empty()) {
      fmt::print("  fields:");
      for (const auto& f : l.fields) fmt::print(" {}:{}", f.name, gdal::to_string(f.type));
      fmt::print("\n");
    }
  }
}

int run(const InfoArgs& args) {
  namespace fs = std::filesystem;
  info::InfoOptions opts;
  opts.open.encoding = args.encoding;
  opts.open.assume_crs = args.assume_crs;
  opts.layers = args.layers;
  Progress progress("reading", !args.json);
  opts.progress = [&](const std::string&, std::int64_t done, std::int64_t total) { progress.update(done, total); };

  // A plain folder of data files (not a dataset GDAL opens as one, like a FileGDB): each file.
  std::vector<std::string> sources;
  const bool is_dir = fs::is_directory(args.source) && fs::path(args.source).extension() != ".gdb";
  if (is_dir) {
    try {
      (void)gdal::VectorSource::open(args.source, opts.open);  // a folder of Shapefiles opens as one
      sources.push_back(args.source);
    } catch (const Error&) {
      for (const auto& e : fs::directory_iterator(args.source)) {
        const auto ext = e.path().extension().string();
        if (ext == ".geojson" || ext == ".json" || ext == ".gpkg" || ext == ".shp" || ext == ".gdb" || ext == ".fgb")
          sources.push_back(e.path().string());
      }
      std::sort(sources.begin(), sources.end());
      if (sources.empty()) throw_bad_input("no vector data in the directory", {args.source, {}, {}, {}});
    }
  } else {
    sources.push_back(args.source);
  }
  nlohmann::json all = nlohmann::json::array();
  std::vector<gdal::ReadProblem> skipped;
  for (const auto& s : sources) {
    info::DatasetInfo d = info::describe(s, opts);
    skipped.insert(skipped.end(), d.read_problems.begin(), d.read_problems.end());
    progress.finish();
    if (args.json) {
      all.push_back(to_json(d));
    } else {
      print_human(d);
      if (sources.size() > 1) fmt::print("\n");
    }
  }
  if (args.json) fmt::print("{}\n", json_text(all.size() == 1 ? all[0] : nlohmann::json{{"sources", all}}));
  return finish_with_skipped(skipped, 0);
}

}  // namespace

void register_info(CLI::App& app, CommandMain& selected) {
  auto args = std::make_shared<InfoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "info",
      "Describe a vector source: per layer its geometry type, feature count, CRS, extent, total "
      "椭球面积 (m², km², 亩) of polygon layers, and every invalid geometry with fid, reason and place. "
      "Exit 0 when it could be read (info describes; `guotu validate` judges).");
  cmd->add_option("SRC", args->source, "GeoPackage, Shapefile (or a folder of them), GeoJSON, FileGDB, PG:…")
      ->required();
  cmd->add_flag("--json", args->json, "print one JSON document on stdout");
  add_read_options(cmd, args->encoding, args->assume_crs);
  cmd->add_option("--layer", args->layers, "describe only these layers (repeatable)");
  cmd->callback([args, &selected] { selected = [args] { return run(*args); }; });
}

}  // namespace guotu::cli
