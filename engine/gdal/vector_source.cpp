#include "gdal/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "gdal/connection.hpp"
#include "gdal/ogr_geometry.hpp"

namespace guotu::gdal {

namespace {

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// GDAL reports through a global handler; keep its last message per thread for our errors,
// and keep it off the terminal (guotu prints its own, better located, messages).
thread_local std::string g_last_gdal_error;

void CPL_STDCALL quiet_handler(CPLErr level, CPLErrorNum, const char* msg) {
  if (level >= CE_Failure && msg != nullptr) g_last_gdal_error = msg;
}

FieldType field_type(const OGRFieldDefn& f) {
  switch (f.GetType()) {
    case OFTString: return FieldType::String;
    case OFTInteger: return FieldType::Integer;
    case OFTInteger64: return FieldType::Integer64;
    case OFTReal: return FieldType::Real;
    case OFTDate: return FieldType::Date;
    case OFTDateTime: return FieldType::DateTime;
    case OFTBinary: return FieldType::Binary;
    default: return FieldType::Other;
  }
}

GeometryKind kind_of(OGRwkbGeometryType t) {
  switch (wkbFlatten(t)) {
    case wkbNone: return GeometryKind::None;
    case wkbPoint: return GeometryKind::Point;
    case wkbMultiPoint: return GeometryKind::MultiPoint;
    case wkbLineString: return GeometryKind::LineString;
    case wkbMultiLineString: return GeometryKind::MultiLineString;
    case wkbPolygon: return GeometryKind::Polygon;
    case wkbMultiPolygon: return GeometryKind::MultiPolygon;
    default: return GeometryKind::Unknown;
  }
}

Crs crs_from_srs(const OGRSpatialReference& in) {
  OGRSpatialReference srs(in);
  Crs c;
  if (const char* n = srs.GetName()) c.name = n;
  c.geographic = srs.IsGeographic() != 0;
  const char* auth = srs.GetAuthorityName(nullptr);
  if (auth == nullptr || !EQUAL(auth, "EPSG")) {
    srs.AutoIdentifyEPSG();
    auth = srs.GetAuthorityName(nullptr);
  }
  if (auth != nullptr && EQUAL(auth, "EPSG")) {
    if (const char* code = srs.GetAuthorityCode(nullptr)) {
      c.epsg = std::atoi(code);
      c.definition = fmt::format("EPSG:{}", *c.epsg);
      return c;
    }
  }
  // Not an EPSG CRS: try to match it against the database (e.g. an ESRI .prj of a zone).
  int matches = 0;
  int* confidences = nullptr;
  OGRSpatialReferenceH* found = srs.FindMatches(nullptr, &matches, &confidences);
  if (found != nullptr && matches > 0 && confidences[0] >= 90) {
    auto* best = OGRSpatialReference::FromHandle(found[0]);
    const char* a = best->GetAuthorityName(nullptr);
    const char* code = best->GetAuthorityCode(nullptr);
    if (a != nullptr && EQUAL(a, "EPSG") && code != nullptr) {
      c.epsg = std::atoi(code);
      c.definition = fmt::format("EPSG:{}", *c.epsg);
    }
  }
  if (found != nullptr) OSRFreeSRSArray(found);
  CPLFree(confidences);
  if (!c.epsg) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, opts);
    c.definition = wkt != nullptr ? wkt : "";
    CPLFree(wkt);
  }
  return c;
}

}  // namespace

void initialize() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(quiet_handler);
    // Shapefiles: honour .cpg; GeoJSON: no size limit on big files.
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
  });
}

Crs crs_from_definition(const std::string& definition) {
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE) {
    throw_bad_input("unknown CRS '" + definition + "'");
  }
  return crs_from_srs(srs);
}

// ---------------------------------------------------------------- Layer

Layer::Layer(OGRLayer* layer, std::string path, std::string assume_crs)
    : layer_(layer), path_(std::move(path)), name_(layer->GetName()), assume_crs_(std::move(assume_crs)) {
  OGRFeatureDefn* defn = layer_->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* f = defn->GetFieldDefn(i);
    FieldDef d;
    d.name = f->GetNameRef();
    d.type = field_type(*f);
    d.width = f->GetWidth();
    d.alias = f->GetAlternativeNameRef();
    d.not_null = f->IsNullable() == 0;
    fields_.push_back(std::move(d));
  }
}

GeometryKind Layer::geometry_kind() const { return kind_of(layer_->GetGeomType()); }

std::int64_t Layer::feature_count() const { return layer_->GetFeatureCount(TRUE); }

std::optional<std::size_t> Layer::field_index(const std::string& name) const {
  for (std::size_t i = 0; i < fields_.size(); ++i)
    if (iequals(fields_[i].name, name)) return i;
  return std::nullopt;
}

std::optional<Crs> Layer::crs() const {
  if (const OGRSpatialReference* srs = layer_->GetSpatialRef()) return crs_from_srs(*srs);
  if (!assume_crs_.empty()) return crs_from_definition(assume_crs_);
  return std::nullopt;
}

Crs Layer::require_crs() const {
  auto c = crs();
  if (!c) {
    throw_bad_input("the layer has no coordinate reference system; give one with --assume-crs EPSG:n",
                    {path_, name_, std::nullopt, std::nullopt});
  }
  return *c;
}

std::optional<Envelope> Layer::extent() const {
  OGREnvelope e;
  if (layer_->GetExtent(&e, TRUE) != OGRERR_NONE) return std::nullopt;
  return Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY};
}

void Layer::read(const ReadOptions& options, const std::function<void(Feature&&)>& visit) const {
  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (!options.target_crs.empty() && geometry_kind() != GeometryKind::None) {
    Crs source = require_crs();
    OGRSpatialReference src, dst;
    src.SetFromUserInput(source.definition.c_str());
    dst.SetFromUserInput(options.target_crs.c_str());
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!src.IsSame(&dst)) {
      transform.reset(OGRCreateCoordinateTransformation(&src, &dst));
      if (!transform) {
        throw_bad_input("cannot transform from " + source.label() + " to " + options.target_crs,
                        {path_, name_, std::nullopt, std::nullopt});
      }
    }
  }
  const std::string filter = driver_filter(options.where);
  if (layer_->SetAttributeFilter(filter.empty() ? nullptr : filter.c_str()) != OGRERR_NONE) {
    throw_bad_input("invalid attribute filter '" + options.where + "': " + g_last_gdal_error,
                    {path_, name_, std::nullopt, std::nullopt});
  }
  // A driver that fails mid-read (a bad filter, a corrupt file) ends the iteration early and
  // says so only through CPLError: check it, or the result would be silently short.
  CPLErrorReset();
  auto& ctx = geos::Context::current();
  const int nfields = static_cast<int>(fields_.size());
  auto convert = [&](OGRFeature& f) {
    Feature out;
    out.fid = f.GetFID();
    out.values.resize(fields_.size());
    for (int i = 0; i < nfields; ++i) {
      if (!f.IsFieldSetAndNotNull(i)) continue;
      switch (fields_[static_cast<std::size_t>(i)].type) {
        case FieldType::Integer:
        case FieldType::Integer64: out.values[static_cast<std::size_t>(i)] = f.GetFieldAsInteger64(i); break;
        case FieldType::Real: out.values[static_cast<std::size_t>(i)] = f.GetFieldAsDouble(i); break;
        default: out.values[static_cast<std::size_t>(i)] = std::string(f.GetFieldAsString(i)); break;
      }
    }
    if (OGRGeometry* g = f.GetGeometryRef()) {
      ErrorContext where{path_, name_, out.fid, std::nullopt};
      if (transform && g->transform(transform.get()) != OGRERR_NONE) {
        throw_bad_input("cannot reproject the geometry to " + options.target_crs + " (coordinates outside the CRS?)",
                        where);
      }
      out.geometry = to_geos(*g, ctx, where);
    }
    return out;
  };
  if (options.within.empty() && !postgres_) {
    layer_->ResetReading();
    for (OGRFeatureUniquePtr f(layer_->GetNextFeature()); f; f.reset(layer_->GetNextFeature())) {
      visit(convert(*f));
      CPLErrorReset();
    }
  } else if (options.within.empty()) {
    // A PostgreSQL table returns rows in storage order, not fid order: results must not depend
    // on that, so the rows are gathered and sorted (memory: the layer's features, as in the
    // windowed read below).
    std::vector<OGRFeatureUniquePtr> found;
    layer_->ResetReading();
    for (OGRFeatureUniquePtr f(layer_->GetNextFeature()); f; f.reset(layer_->GetNextFeature())) found.push_back(std::move(f));
    const bool failed = CPLGetLastErrorType() >= CE_Failure;
    if (!failed) {
      std::stable_sort(found.begin(), found.end(),
                       [](const OGRFeatureUniquePtr& a, const OGRFeatureUniquePtr& b) { return a->GetFID() < b->GetFID(); });
      for (auto& f : found) visit(convert(*f));
    }
  } else {
    // Rectangles are given in the target CRS: take them back to the layer's CRS.
    std::unique_ptr<OGRCoordinateTransformation> back;
    if (transform) back.reset(transform->GetInverse());
    std::vector<OGRFeatureUniquePtr> found;
    std::unordered_set<GIntBig> seen;
    for (const Envelope& e : options.within) {
      double x0 = e.min_x, y0 = e.min_y, x1 = e.max_x, y1 = e.max_y;
      if (back && !back->TransformBounds(e.min_x, e.min_y, e.max_x, e.max_y, &x0, &y0, &x1, &y1, 21)) {
        throw_bad_input("cannot transform a search rectangle to the layer's CRS", {path_, name_, std::nullopt, std::nullopt});
      }
      layer_->SetSpatialFilterRect(x0, y0, x1, y1);
      layer_->ResetReading();
      for (OGRFeatureUniquePtr f(layer_->GetNextFeature()); f; f.reset(layer_->GetNextFeature())) {
        if (seen.insert(f->GetFID()).second) found.push_back(std::move(f));
      }
    }
    layer_->SetSpatialFilter(nullptr);
    std::sort(found.begin(), found.end(), [](const OGRFeatureUniquePtr& a, const OGRFeatureUniquePtr& b) { return a->GetFID() < b->GetFID(); });
    for (auto& f : found) visit(convert(*f));
  }
  const bool failed = CPLGetLastErrorType() >= CE_Failure;
  const std::string why = failed ? CPLGetLastErrorMsg() : "";
  layer_->SetAttributeFilter(nullptr);
  if (failed) throw_bad_input("reading stopped with an error: " + why, {path_, name_, std::nullopt, std::nullopt});
}

std::string Layer::driver_filter(const std::string& where) const {
  if (!postgres_ || where.empty()) return where;
  // The PostgreSQL driver hands the filter to the server as SQL, where an unquoted name is
  // folded to lower case: quote every identifier that names a field, as the table spells it
  // ("GNFQ = '核心保护区'" → "\"GNFQ\" = '核心保护区'"). String literals and quoted names stay.
  std::string out;
  std::size_t i = 0;
  while (i < where.size()) {
    const char c = where[i];
    if (c == '\'' || c == '"') {
      const std::size_t start = i++;
      while (i < where.size()) {
        if (where[i] == c && i + 1 < where.size() && where[i + 1] == c) i += 2;  // '' or "" inside
        else if (where[i++] == c) break;
      }
      out.append(where, start, i - start);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = i;
      while (i < where.size() && (std::isalnum(static_cast<unsigned char>(where[i])) || where[i] == '_')) ++i;
      const std::string word = where.substr(start, i - start);
      const auto idx = field_index(word);
      if (idx) out += '"' + fields_[*idx].name + '"';
      else out += word;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::vector<Feature> Layer::read_all(const ReadOptions& options) const {
  std::vector<Feature> out;
  out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, feature_count())));
  read(options, [&](Feature&& f) { out.push_back(std::move(f)); });
  return out;
}

// ---------------------------------------------------------------- VectorSource

void VectorSource::DatasetCloser::operator()(GDALDataset* ds) const noexcept { GDALClose(ds); }

VectorSource::~VectorSource() = default;
VectorSource::VectorSource(VectorSource&&) noexcept = default;
VectorSource& VectorSource::operator=(VectorSource&&) noexcept = default;

VectorSource VectorSource::open(const std::string& path, const OpenOptions& options) {
  initialize();
  namespace fs = std::filesystem;
  const bool is_pg = is_postgres_target(path);
  if (!is_pg && !fs::exists(path)) throw_bad_input("no such file or directory", {path, {}, {}, {}});

  VectorSource src;
  src.path_ = display_target(path);  // as named in messages: a password never is
  CPLStringList open_options;
  if (!options.encoding.empty()) open_options.SetNameValue("ENCODING", options.encoding.c_str());
  // Tables without geometry (code lists, sidecars) are layers too, as in a GeoPackage.
  if (is_pg) open_options.SetNameValue("LIST_ALL_TABLES", "YES");
  g_last_gdal_error.clear();
  // A database source is one schema (active_schema=, else public): GDAL's PG driver would
  // otherwise list every schema's tables too ("other.dltb"), and a plan is one schema.
  std::string open_path = path;
  if (is_pg && path.rfind("PG:", 0) == 0 && connection_value(path, "schemas").empty() &&
      connection_value(path, "tables").empty()) {
    const std::string schema = connection_value(path, "active_schema");
    open_path += " schemas='" + (schema.empty() ? std::string("public") : schema) + "'";
  }
  src.ds_.reset(GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                  nullptr, open_options.List(), nullptr));
  if (!src.ds_) {
    throw_bad_input("cannot open as a vector source" +
                        (g_last_gdal_error.empty() ? std::string() : ": " + mask_passwords(g_last_gdal_error)),
                    {src.path_, {}, {}, {}});
  }
  for (int i = 0; i < src.ds_->GetLayerCount(); ++i) {
    OGRLayer* l = src.ds_->GetLayer(i);
    // QGIS styles and GDAL bookkeeping tables are not plan layers.
    if (EQUAL(l->GetName(), "layer_styles")) continue;
    src.layers_.push_back(Layer(l, src.path_, options.assume_crs));
    src.layers_.back().postgres_ = std::string(src.ds_->GetDriver()->GetDescription()) == "PostgreSQL";
  }
  // A Shapefile without .cpg is decoded by GDAL's guess (LDID or ISO-8859-1): say so.
  if (options.encoding.empty() && std::string(src.ds_->GetDriver()->GetDescription()) == "ESRI Shapefile") {
    std::vector<fs::path> shps;
    if (fs::is_directory(path)) {
      for (const auto& e : fs::directory_iterator(path))
        if (e.path().extension() == ".shp" || e.path().extension() == ".SHP") shps.push_back(e.path());
    } else {
      shps.emplace_back(path);
    }
    for (const auto& shp : shps) {
      auto cpg = shp;
      cpg.replace_extension(".cpg");
      auto cpg_upper = shp;
      cpg_upper.replace_extension(".CPG");
      if (!fs::exists(cpg) && !fs::exists(cpg_upper)) {
        src.warnings_.push_back(shp.string() +
                                ": no .cpg file; text decoded by GDAL's default. If names look wrong, pass "
                                "--encoding GBK (or the encoding the data was written in)");
      }
    }
  }
  return src;
}

std::string VectorSource::driver() const { return ds_->GetDriver()->GetDescription(); }

const Layer* VectorSource::find_layer(const std::string& name) const {
  for (const auto& l : layers_)
    if (iequals(l.name(), name)) return &l;
  return nullptr;
}

const Layer& VectorSource::require_layer(const std::string& name) const {
  if (const Layer* l = find_layer(name)) return *l;
  std::string names;
  for (const auto& l : layers_) names += (names.empty() ? "" : ", ") + l.name();
  throw_bad_input("no layer named '" + name + "' (layers: " + (names.empty() ? "none" : names) + ")",
                  {path_, {}, {}, {}});
}

}  // namespace guotu::gdal
