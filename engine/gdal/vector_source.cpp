#include "gdal/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <iconv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "gdal/connection.hpp"
#include "gdal/ogr_geometry.hpp"
#include "gdal/scoped_config.hpp"

namespace guotu::gdal {

namespace {

// Memory GDAL allocated (CPLMalloc'd strings and arrays, arrays of SRS handles): owned until
// freed by GDAL's own function, on every path.
struct CplFreeDeleter {
  void operator()(void* p) const noexcept { CPLFree(p); }
};
template <typename T>
using CplBuffer = std::unique_ptr<T, CplFreeDeleter>;
struct SrsArrayDeleter {
  void operator()(OGRSpatialReferenceH* p) const noexcept { OSRFreeSRSArray(p); }
};
using SrsArray = std::unique_ptr<OGRSpatialReferenceH, SrsArrayDeleter>;

}  // namespace

namespace {

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// GDAL reports through a global handler; keep its last message per thread for our errors,
// and keep it off the terminal (guotu prints its own, better located, messages).
thread_local std::string g_last_gdal_error;
// The failures raised since reset_errors(), first ones first (the first is the most specific:
// "Too many recursion levels" comes before "Unable to read geometry").
thread_local std::vector<std::string> g_failures;

void CPL_STDCALL quiet_handler(CPLErr level, CPLErrorNum, const char* msg) {
  if (level >= CE_Failure && msg != nullptr) {
    g_last_gdal_error = msg;
    if (g_failures.size() < 8 && std::find(g_failures.begin(), g_failures.end(), msg) == g_failures.end())
      g_failures.emplace_back(msg);
  }
}

void reset_errors() {
  CPLErrorReset();
  g_failures.clear();
}

bool gdal_failed() {
  return CPLGetLastErrorType() >= CE_Failure;
}

std::string failure_text() {
  std::string out;
  for (const auto& m : g_failures) out += (out.empty() ? "" : "; ") + m;
  return out.empty() ? std::string(CPLGetLastErrorMsg()) : out;
}

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quoted_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

/// The first coordinate of `g` that is not finite, or outside ±180/±90 (geographic) or ±1e9
/// (projected), as a reason; nullopt when every one is plausible.
class CoordinateCheck {
 public:
  explicit CoordinateCheck(bool geographic) : geographic_(geographic) {}

  [[nodiscard]] std::optional<std::string> problem(const OGRGeometry& g) const {
    if (const auto* p = dynamic_cast<const OGRPoint*>(&g))
      return p->IsEmpty() ? std::nullopt : point(p->getX(), p->getY());
    if (const auto* c = dynamic_cast<const OGRSimpleCurve*>(&g)) {
      for (int i = 0; i < c->getNumPoints(); ++i)
        if (auto why = point(c->getX(i), c->getY(i))) return why;
      return std::nullopt;
    }
    if (const auto* cc = dynamic_cast<const OGRCompoundCurve*>(&g)) {
      for (int i = 0; i < cc->getNumCurves(); ++i)
        if (auto why = problem(*cc->getCurve(i))) return why;
      return std::nullopt;
    }
    if (const auto* poly = dynamic_cast<const OGRCurvePolygon*>(&g)) {
      if (const OGRCurve* ring = poly->getExteriorRingCurve())
        if (auto why = problem(*ring)) return why;
      for (int i = 0; i < poly->getNumInteriorRings(); ++i)
        if (auto why = problem(*poly->getInteriorRingCurve(i))) return why;
      return std::nullopt;
    }
    if (const auto* gc = dynamic_cast<const OGRGeometryCollection*>(&g)) {
      for (int i = 0; i < gc->getNumGeometries(); ++i)
        if (auto why = problem(*gc->getGeometryRef(i))) return why;
      return std::nullopt;
    }
    if (const auto* ps = dynamic_cast<const OGRPolyhedralSurface*>(&g)) {
      for (int i = 0; i < ps->getNumGeometries(); ++i)
        if (auto why = problem(*ps->getGeometryRef(i))) return why;
      return std::nullopt;
    }
    return std::nullopt;
  }

 private:
  [[nodiscard]] std::optional<std::string> point(double x, double y) const {
    if (!std::isfinite(x) || !std::isfinite(y)) return fmt::format("coordinate ({}, {}) is not a finite number", x, y);
    if (geographic_) {
      if (std::abs(x) > 180 + 1e-9 || std::abs(y) > 90 + 1e-9)
        return fmt::format(
            "coordinate ({}, {}) is outside ±180° longitude / ±90° latitude of the layer's geographic "
            "CRS (longitude and latitude swapped?)",
            x, y);
    } else if (std::abs(x) > kMaxProjected || std::abs(y) > kMaxProjected) {
      return fmt::format("coordinate ({}, {}) is beyond ±1e9 m, not a coordinate of a projected CRS", x, y);
    }
    return std::nullopt;
  }
  static constexpr double kMaxProjected = 1e9;
  bool geographic_;
};

/// Why a geometry is not of `family` ("a LINESTRING where a polygon layer is needed"), or nullopt.
std::optional<std::string> family_problem(const OGRGeometry& g, GeometryFamily family) {
  if (family == GeometryFamily::Any || g.IsEmpty()) return std::nullopt;
  const OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
  bool ok = false;
  switch (family) {
    case GeometryFamily::Polygon:
      ok = t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
      break;
    case GeometryFamily::Line:
      ok = t == wkbLineString || t == wkbMultiLineString || t == wkbCircularString || t == wkbCompoundCurve ||
           t == wkbMultiCurve;
      break;
    case GeometryFamily::Point: ok = t == wkbPoint || t == wkbMultiPoint; break;
    case GeometryFamily::Any: ok = true; break;
  }
  if (ok) return std::nullopt;
  return fmt::format("a {} where {} is needed", g.getGeometryName(), describe(family));
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
  int* raw_confidences = nullptr;
  const SrsArray found(srs.FindMatches(nullptr, &matches, &raw_confidences));
  const CplBuffer<int> confidences(raw_confidences);
  if (found && matches > 0 && confidences && confidences.get()[0] >= 90) {
    auto* best = OGRSpatialReference::FromHandle(found.get()[0]);
    const char* a = best->GetAuthorityName(nullptr);
    const char* code = best->GetAuthorityCode(nullptr);
    if (a != nullptr && EQUAL(a, "EPSG") && code != nullptr) {
      c.epsg = std::atoi(code);
      c.definition = fmt::format("EPSG:{}", *c.epsg);
    }
  }
  if (!c.epsg) {
    char* raw_wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&raw_wkt, opts);
    const CplBuffer<char> wkt(raw_wkt);
    c.definition = wkt ? wkt.get() : "";
  }
  return c;
}

}  // namespace

// ---------------------------------------------------------------- ReadLog

std::string ReadProblem::message() const {
  return Error(ErrorKind::BadInput, reason, where).what();
}

void ReadLog::problem(const ReadProblem& p) {
  if (refuse_) throw_bad_input(p.reason, p.where);
  std::lock_guard lock(mutex_);
  auto key = std::make_tuple(p.where.file, p.where.layer, p.where.fid.value_or(-1), p.reason);
  problems_.try_emplace(std::move(key), p);
}

void ReadLog::warn(const std::string& text) {
  std::lock_guard lock(mutex_);
  if (warned_.insert(text).second) warnings_.push_back(text);
}

std::vector<ReadProblem> ReadLog::problems() const {
  std::lock_guard lock(mutex_);
  std::vector<ReadProblem> out;
  out.reserve(problems_.size());
  for (const auto& [key, p] : problems_) out.push_back(p);
  return out;
}

std::vector<std::string> ReadLog::warnings() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

bool ReadLog::has_problems() const {
  std::lock_guard lock(mutex_);
  return !problems_.empty();
}

std::string summarize(const std::vector<ReadProblem>& problems, std::size_t limit) {
  std::string out = fmt::format("{} feature{} skipped", problems.size(), problems.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < problems.size() && i < limit; ++i) out += (i == 0 ? ": " : "; ") + problems[i].message();
  if (problems.size() > limit) out += fmt::format("; and {} more", problems.size() - limit);
  return out;
}

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

Layer::Layer(GDALDataset* ds, OGRLayer* layer, std::string path, std::string assume_crs)
    : ds_(ds), layer_(layer), path_(std::move(path)), name_(layer->GetName()), assume_crs_(std::move(assume_crs)) {
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

GeometryKind Layer::geometry_kind() const {
  return kind_of(layer_->GetGeomType());
}

std::int64_t Layer::feature_count() const {
  return layer_->GetFeatureCount(TRUE);
}

std::optional<std::size_t> Layer::field_index(const std::string& name) const {
  for (std::size_t i = 0; i < fields_.size(); ++i)
    if (iequals(fields_[i].name, name)) return i;
  return std::nullopt;
}

std::optional<Crs> Layer::crs() const {
  if (const OGRSpatialReference* srs = layer_->GetSpatialRef(); srs != nullptr && !undefined_srs_)
    return crs_from_srs(*srs);
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

void Layer::require_geometry(GeometryFamily family) const {
  const GeometryKind kind = geometry_kind();
  const GeometryFamily has = family_of(kind);
  if (family == GeometryFamily::Any || has == GeometryFamily::Any || has == family) return;
  throw_bad_input(fmt::format("the layer holds {}; {} is needed", to_string(kind), describe(family)),
                  {path_, name_, std::nullopt, std::nullopt});
}

const std::map<std::int64_t, std::string>& Layer::text_in_numbers() const {
  if (text_in_numbers_) return *text_in_numbers_;
  text_in_numbers_.emplace();
  if (!sqlite_) return *text_in_numbers_;
  std::vector<std::string> numeric;
  for (const auto& f : fields_)
    if (f.type == FieldType::Real || f.type == FieldType::Integer || f.type == FieldType::Integer64)
      numeric.push_back(f.name);
  if (numeric.empty()) return *text_in_numbers_;
  const char* fid_column = layer_->GetFIDColumn();
  std::string sql = "SELECT " + quoted_identifier(fid_column != nullptr && *fid_column != '\0' ? fid_column : "rowid");
  std::string where;
  for (const auto& n : numeric) {
    sql += ", typeof(" + quoted_identifier(n) + "), CAST(" + quoted_identifier(n) + " AS TEXT)";
    where += (where.empty() ? "" : " OR ") + ("typeof(" + quoted_identifier(n) + ") IN ('text', 'blob')");
  }
  sql += " FROM " + quoted_identifier(name_) + " WHERE " + where;
  reset_errors();
  OGRLayer* rs = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (rs == nullptr) {
    if (gdal_failed())
      throw_bad_input("cannot read the layer: " + failure_text(), {path_, name_, std::nullopt, std::nullopt});
    return *text_in_numbers_;
  }
  // GDAL takes the table's primary key as the result's fid rather than as a field.
  const int first = rs->GetLayerDefn()->GetFieldCount() == static_cast<int>(2 * numeric.size()) ? 0 : 1;
  for (OGRFeatureUniquePtr f(rs->GetNextFeature()); f; f.reset(rs->GetNextFeature())) {
    const std::int64_t fid = first == 0 ? f->GetFID() : f->GetFieldAsInteger64(0);
    for (std::size_t k = 0; k < numeric.size(); ++k) {
      const std::string type = f->GetFieldAsString(static_cast<int>(first + 2 * k));
      if (type != "text" && type != "blob") continue;
      std::string value = f->GetFieldAsString(static_cast<int>(first + 1 + 2 * k));
      if (!utf8::is_valid(value)) value = utf8::repaired(value);
      if (value.size() > 40) value = value.substr(0, 40) + "…";
      text_in_numbers_->try_emplace(
          fid, fmt::format("{} holds {} '{}' in a numeric column (it would be read as 0)", numeric[k], type, value));
      break;
    }
  }
  const bool failed = gdal_failed();
  const std::string why = failed ? failure_text() : "";
  ds_->ReleaseResultSet(rs);
  if (failed) throw_bad_input("cannot read the layer: " + why, {path_, name_, std::nullopt, std::nullopt});
  return *text_in_numbers_;
}

void Layer::read(const ReadOptions& options, const std::function<void(Feature&&)>& visit) const {
  require_geometry(options.geometry);
  std::unique_ptr<OGRCoordinateTransformation> transform;
  // Coordinates are judged in the layer's CRS (degrees or metres) and again after reprojection.
  bool source_geographic = false, target_geographic = false;
  if (const OGRSpatialReference* srs = layer_->GetSpatialRef(); srs != nullptr && !undefined_srs_) {
    source_geographic = srs->IsGeographic() != 0;
  } else if (!assume_crs_.empty()) {
    OGRSpatialReference assumed;
    source_geographic = assumed.SetFromUserInput(assume_crs_.c_str()) == OGRERR_NONE && assumed.IsGeographic() != 0;
  }
  if (!options.target_crs.empty() && geometry_kind() != GeometryKind::None) {
    Crs source = require_crs();
    OGRSpatialReference src, dst;
    src.SetFromUserInput(source.definition.c_str());
    dst.SetFromUserInput(options.target_crs.c_str());
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target_geographic = dst.IsGeographic() != 0;
    if (!src.IsSame(&dst)) {
      transform.reset(OGRCreateCoordinateTransformation(&src, &dst));
      if (!transform) {
        throw_bad_input("cannot transform from " + source.label() + " to " + options.target_crs,
                        {path_, name_, std::nullopt, std::nullopt});
      }
    }
  }
  const CoordinateCheck source_check(source_geographic);
  const CoordinateCheck target_check(target_geographic);
  const auto& text_numbers = text_in_numbers();
  const std::string filter = driver_filter(options.where);
  if (layer_->SetAttributeFilter(filter.empty() ? nullptr : filter.c_str()) != OGRERR_NONE) {
    throw_bad_input("invalid attribute filter '" + options.where + "': " + g_last_gdal_error,
                    {path_, name_, std::nullopt, std::nullopt});
  }
  // The filters are the layer's state: cleared however the read ends.
  struct ClearFilters {
    OGRLayer* layer;
    ~ClearFilters() {
      layer->SetAttributeFilter(nullptr);
      layer->SetSpatialFilter(nullptr);
      layer->SetIgnoredFields(nullptr);
    }
  } clear_filters{layer_};
  // The fields a read does not need are not fetched at all (the driver skips their columns).
  // Not with an attribute filter: a driver that evaluates the filter itself needs every field.
  const bool no_geometry = options.no_geometry && options.within.empty();
  {
    std::vector<const char*> ignored;
    if (!options.fields.empty() && options.where.empty())
      for (std::size_t i = 0; i < fields_.size(); ++i)
        if (std::find(options.fields.begin(), options.fields.end(), i) == options.fields.end())
          ignored.push_back(fields_[i].name.c_str());
    if (no_geometry) ignored.push_back("OGR_GEOMETRY");
    if (!ignored.empty()) {
      ignored.push_back(nullptr);
      layer_->SetIgnoredFields(ignored.data());
    }
  }

  // A driver that fails mid-read (a truncated Shapefile, a corrupt GeoPackage page) says so only
  // through CPLError, feature by feature: each failure is an error naming the feature, or the
  // last good one when the driver cannot say which it was.
  std::int64_t last_fid = -1;
  auto next = [&]() {
    reset_errors();
    OGRFeatureUniquePtr f(layer_->GetNextFeature());
    if (gdal_failed()) {
      const std::string why = failure_text();
      if (f) throw_bad_input("cannot read the feature: " + why, {path_, name_, f->GetFID(), std::nullopt});
      throw_bad_input((last_fid >= 0 ? fmt::format("reading stopped after fid {}: ", last_fid)
                                     : std::string("reading stopped before the first feature: ")) +
                          why,
                      {path_, name_, std::nullopt, std::nullopt});
    }
    if (f) last_fid = f->GetFID();
    return f;
  };

  bool warned_text = false;
  auto text = [&](const OGRFeature& f, int i) {
    std::string s = f.GetFieldAsString(i);
    if (utf8::is_valid(s)) return s;
    const std::string field = fields_[static_cast<std::size_t>(i)].name;
    if (detect_gb18030_) {
      const CplBuffer<char> decoded(CPLRecode(s.c_str(), "GB18030", CPL_ENC_UTF8));
      std::string out = decoded ? decoded.get() : "";
      if (utf8::is_valid(out)) {
        if (!warned_text && options.log != nullptr)
          options.log->warn(
              fmt::format("{}: text that is not UTF-8 (first in layer {}, fid {}, field {}) decoded as "
                          "GB18030 (GBK): the Shapefile has no .cpg; pass --encoding if names look wrong",
                          path_, name_, f.GetFID(), field));
        warned_text = true;
        return out;
      }
    }
    if (!warned_text && options.log != nullptr)
      options.log->warn(
          fmt::format("{}, layer {}: text that is not valid UTF-8 (first at fid {}, field {}): the invalid "
                      "bytes are replaced with U+FFFD; pass --encoding with the data's encoding",
                      path_, name_, f.GetFID(), field));
    warned_text = true;
    return utf8::repaired(s);
  };

  auto& ctx = geos::Context::current();
  for (std::size_t i : options.fields)
    if (i >= fields_.size()) throw_internal(fmt::format("field index {} beyond layer {}'s fields", i, name_));
  // Only the fields asked for are converted (and judged: a non-finite value in a field the run
  // does not read is not a reason to skip the feature).
  const int nconverted = static_cast<int>(options.fields.empty() ? fields_.size() : options.fields.size());
  // The feature as guotu sees it, or nullopt when it goes to the log (or throws without one).
  auto convert = [&](OGRFeature& f) -> std::optional<Feature> {
    Feature out;
    out.fid = f.GetFID();
    ErrorContext where{path_, name_, out.fid, std::nullopt};
    auto problem = [&](std::string reason) -> std::optional<Feature> {
      if (options.log == nullptr) throw_bad_input(std::move(reason), where);
      options.log->problem({where, std::move(reason)});
      return std::nullopt;
    };
    if (auto it = text_numbers.find(out.fid); it != text_numbers.end()) return problem(it->second);
    out.values.resize(fields_.size());
    for (int j = 0; j < nconverted; ++j) {
      const int i = options.fields.empty() ? j : static_cast<int>(options.fields[static_cast<std::size_t>(j)]);
      if (!f.IsFieldSetAndNotNull(i)) continue;
      const auto k = static_cast<std::size_t>(i);
      switch (fields_[k].type) {
        case FieldType::Integer:
        case FieldType::Integer64: out.values[k] = f.GetFieldAsInteger64(i); break;
        case FieldType::Real: {
          const double d = f.GetFieldAsDouble(i);
          if (!std::isfinite(d)) return problem(fmt::format("{} = {}: not a finite number", fields_[k].name, d));
          out.values[k] = d;
          break;
        }
        default: out.values[k] = text(f, i); break;
      }
    }
    if (OGRGeometry* g = no_geometry ? nullptr : f.GetGeometryRef()) {
      if (auto why = family_problem(*g, options.geometry)) return problem(*why);
      if (auto why = source_check.problem(*g)) return problem(*why);
      if (transform) {
        if (g->transform(transform.get()) != OGRERR_NONE)
          return problem("cannot reproject the geometry to " + options.target_crs + " (coordinates outside the CRS?)");
        if (auto why = target_check.problem(*g))
          return problem("after reprojection to " + options.target_crs + ": " + *why);
      }
      // A geometry GEOS cannot build at all (an unclosed ring, collections nested too deep) is
      // malformed data, not a doubtful value: refused like a read error.
      if (options.wkb)
        out.wkb = to_wkb(*g, where);
      else
        out.geometry = to_geos(*g, ctx, where);
    }
    return out;
  };
  auto deliver = [&](OGRFeature& f) {
    if (auto out = convert(f)) visit(std::move(*out));
  };

  if (options.within.empty() && !postgres_) {
    layer_->ResetReading();
    for (OGRFeatureUniquePtr f = next(); f; f = next()) deliver(*f);
  } else if (options.within.empty()) {
    // A PostgreSQL table returns rows in storage order, not fid order: results must not depend
    // on that, so the rows are gathered and sorted (memory: the layer's features, as in the
    // windowed read below).
    std::vector<OGRFeatureUniquePtr> found;
    layer_->ResetReading();
    for (OGRFeatureUniquePtr f = next(); f; f = next()) found.push_back(std::move(f));
    std::stable_sort(found.begin(), found.end(), [](const OGRFeatureUniquePtr& a, const OGRFeatureUniquePtr& b) {
      return a->GetFID() < b->GetFID();
    });
    for (auto& f : found) deliver(*f);
  } else {
    // Rectangles are given in the target CRS: take them back to the layer's CRS.
    std::unique_ptr<OGRCoordinateTransformation> back;
    if (transform) back.reset(transform->GetInverse());
    std::vector<OGRFeatureUniquePtr> found;
    std::unordered_set<GIntBig> seen;
    for (const Envelope& e : options.within) {
      double x0 = e.min_x, y0 = e.min_y, x1 = e.max_x, y1 = e.max_y;
      if (back && !back->TransformBounds(e.min_x, e.min_y, e.max_x, e.max_y, &x0, &y0, &x1, &y1, 21)) {
        throw_bad_input("cannot transform a search rectangle to the layer's CRS",
                        {path_, name_, std::nullopt, std::nullopt});
      }
      layer_->SetSpatialFilterRect(x0, y0, x1, y1);
      layer_->ResetReading();
      last_fid = -1;
      for (OGRFeatureUniquePtr f = next(); f; f = next()) {
        if (seen.insert(f->GetFID()).second) found.push_back(std::move(f));
      }
    }
    layer_->SetSpatialFilter(nullptr);
    std::sort(found.begin(), found.end(),
              [](const OGRFeatureUniquePtr& a, const OGRFeatureUniquePtr& b) { return a->GetFID() < b->GetFID(); });
    for (auto& f : found) deliver(*f);
  }
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
        if (where[i] == c && i + 1 < where.size() && where[i + 1] == c)
          i += 2;  // '' or "" inside
        else if (where[i++] == c)
          break;
      }
      out.append(where, start, i - start);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = i;
      while (i < where.size() && (std::isalnum(static_cast<unsigned char>(where[i])) || where[i] == '_')) ++i;
      const std::string word = where.substr(start, i - start);
      const auto idx = field_index(word);
      if (idx)
        out += '"' + fields_[*idx].name + '"';
      else
        out += word;
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

void VectorSource::DatasetCloser::operator()(GDALDataset* ds) const noexcept {
  GDALClose(ds);
}

VectorSource::~VectorSource() = default;
VectorSource::VectorSource(VectorSource&&) noexcept = default;
VectorSource& VectorSource::operator=(VectorSource&&) noexcept = default;

namespace {

void require_known_encoding(const std::string& encoding) {
  if (encoding.empty()) return;
  // GDAL decodes through iconv (CPLRecode): a name iconv does not know would be ignored with a
  // warning and the text passed on undecoded.
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr): iconv's own failure value
    throw_bad_input("unknown text encoding '" + encoding +
                    "' (--encoding): give one iconv knows, e.g. GBK, GB18030, "
                    "CP936, UTF-8 (`iconv -l` lists them)");
  }
  iconv_close(cd);
}

}  // namespace

VectorSource VectorSource::open(const std::string& path, const OpenOptions& options) {
  initialize();
  namespace fs = std::filesystem;
  require_known_encoding(options.encoding);
  const bool is_pg = is_postgres_target(path);
  if (!is_pg && !fs::exists(path)) throw_bad_input("no such file or directory", {path, {}, {}, {}});

  VectorSource src;
  src.path_ = display_target(path);  // as named in messages: a password never is
  CPLStringList open_options;
  if (!options.encoding.empty()) open_options.SetNameValue("ENCODING", options.encoding.c_str());
  // Tables without geometry (code lists, sidecars) are layers too, as in a GeoPackage.
  if (is_pg) open_options.SetNameValue("LIST_ALL_TABLES", "YES");
  std::vector<std::unique_ptr<ScopedConfig>> table_config;
  if (options.table_as_text) {
    // CSV: open options; the spreadsheet drivers read these only as configuration.
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") open_options.SetNameValue("HEADERS", "YES");
    for (const char* key : {"OGR_XLSX_HEADERS", "OGR_ODS_HEADERS"})
      table_config.push_back(std::make_unique<ScopedConfig>(key, "FORCE"));
    for (const char* key : {"OGR_XLSX_FIELD_TYPES", "OGR_ODS_FIELD_TYPES"})
      table_config.push_back(std::make_unique<ScopedConfig>(key, "STRING"));
  }
  g_last_gdal_error.clear();
  // A database source is one schema (active_schema=, else public): GDAL's PG driver would
  // otherwise list every schema's tables too ("other.dltb"), and a plan is one schema.
  std::string open_path = path;
  if (is_pg && path.rfind("PG:", 0) == 0 && connection_value(path, "schemas").empty() &&
      connection_value(path, "tables").empty()) {
    const std::string schema = connection_value(path, "active_schema");
    open_path += " schemas='" + (schema.empty() ? std::string("public") : schema) + "'";
  }
  src.ds_.reset(GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
                                  open_options.List(), nullptr));
  if (!src.ds_) {
    throw_bad_input("cannot open as a vector source" +
                        (g_last_gdal_error.empty() ? std::string() : ": " + mask_passwords(g_last_gdal_error)),
                    {src.path_, {}, {}, {}});
  }
  const std::string driver = src.ds_->GetDriver()->GetDescription();
  for (int i = 0; i < src.ds_->GetLayerCount(); ++i) {
    OGRLayer* l = src.ds_->GetLayer(i);
    // QGIS styles and GDAL bookkeeping tables are not plan layers.
    if (EQUAL(l->GetName(), "layer_styles")) continue;
    src.layers_.push_back(Layer(src.ds_.get(), l, src.path_, options.assume_crs));
    Layer& layer = src.layers_.back();
    layer.postgres_ = driver == "PostgreSQL";
    layer.sqlite_ = driver == "GPKG" || driver == "SQLite";
    if (driver == "GPKG" && l->GetSpatialRef() != nullptr) {
      // srs_id 0 and -1 are GeoPackage's "undefined geographic / Cartesian SRS": no CRS at all.
      const std::string sql = "SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(" +
                              quoted_literal(layer.name_) + ")";
      if (OGRLayer* rs = src.ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
        if (OGRFeatureUniquePtr f(rs->GetNextFeature()); f) {
          const auto srs_id = f->GetFieldAsInteger64(0);
          layer.undefined_srs_ = srs_id == 0 || srs_id == -1;
        }
        src.ds_->ReleaseResultSet(rs);
      }
      reset_errors();
    }
  }
  if (driver == "ESRI Shapefile") {
    std::vector<fs::path> shps;
    if (fs::is_directory(path)) {
      for (const auto& e : fs::directory_iterator(path))
        if (e.path().extension() == ".shp" || e.path().extension() == ".SHP") shps.push_back(e.path());
    } else if (const auto ext = fs::path(path).extension(); ext == ".shp" || ext == ".SHP") {
      shps.emplace_back(path);  // (not a .zip or /vsi… path: those hold their parts inside)
    }
    auto sibling = [](fs::path p, const char* lower, const char* upper) {
      auto q = p;
      return fs::exists(p.replace_extension(lower)) || fs::exists(q.replace_extension(upper));
    };
    for (const auto& shp : shps) {
      // GDAL opens a .shp without its .dbf as geometry alone: every attribute would read as missing.
      if (!sibling(shp, ".dbf", ".DBF"))
        throw_bad_input("the Shapefile has no .dbf beside it: its attributes are missing (copy the .dbf too)",
                        {shp.string(), {}, {}, {}});
      // Without .cpg GDAL decodes the DBF by its language driver id (byte 29) when it has one
      // (say so: a wrong one gives readable nonsense), else not at all: text that is not UTF-8
      // is then read as GB18030, what Chinese desktop GIS writes, with a warning when it happens.
      if (options.encoding.empty() && !sibling(shp, ".cpg", ".CPG")) {
        auto dbf = shp;
        if (!fs::exists(dbf.replace_extension(".dbf"))) dbf.replace_extension(".DBF");
        std::ifstream in(dbf, std::ios::binary);
        char header[30] = {};
        const int ldid = in.read(header, sizeof header) ? static_cast<unsigned char>(header[29]) : 0;
        if (ldid == 0) {
          for (auto& layer : src.layers_)
            if (iequals(layer.name_, shp.stem().string())) layer.detect_gb18030_ = true;
        } else {
          src.warnings_.push_back(
              fmt::format("{}: no .cpg file; text is decoded by the DBF's language driver id {}. If "
                          "names look wrong, pass --encoding GBK (or the encoding the data was "
                          "written in)",
                          shp.string(), ldid));
        }
      }
    }
  }
  return src;
}

std::string VectorSource::driver() const {
  return ds_->GetDriver()->GetDescription();
}

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
