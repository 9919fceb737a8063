#include "gdal/output_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "core/error.hpp"
#include "gdal/ogr_geometry.hpp"
#include "gdal/scoped_config.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::gdal {

namespace {

OGRwkbGeometryType ogr_type(GeometryKind k) {
  switch (k) {
    case GeometryKind::None: return wkbNone;
    case GeometryKind::Point: return wkbPoint;
    case GeometryKind::MultiPoint: return wkbMultiPoint;
    case GeometryKind::LineString: return wkbLineString;
    case GeometryKind::MultiLineString: return wkbMultiLineString;
    case GeometryKind::Polygon: return wkbPolygon;
    case GeometryKind::MultiPolygon: return wkbMultiPolygon;
    case GeometryKind::Unknown: return wkbUnknown;
  }
  return wkbUnknown;
}

OGRFieldType ogr_field_type(FieldType t) {
  switch (t) {
    case FieldType::String: return OFTString;
    case FieldType::Integer: return OFTInteger;
    case FieldType::Integer64: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::Date: return OFTDate;
    case FieldType::DateTime: return OFTDateTime;
    case FieldType::Binary: return OFTBinary;
    case FieldType::Other: return OFTString;
  }
  return OFTString;
}

// A PostGIS output written and waiting in its transaction for the run's OutputSet: committed
// there, rolled back when the set discards it.
class PendingTransaction final : public PendingOutput {
 public:
  PendingTransaction(GDALDataset* ds, std::string where) : ds_(ds), where_(std::move(where)) {}
  ~PendingTransaction() override {
    if (!committed_) ds_->RollbackTransaction();
    GDALClose(ds_);
  }
  PendingTransaction(const PendingTransaction&) = delete;
  PendingTransaction& operator=(const PendingTransaction&) = delete;
  [[nodiscard]] std::string target() const override { return where_; }
  void commit() override {
    if (committed_) return;
    CPLErrorReset();
    if (ds_->CommitTransaction() != OGRERR_NONE)
      throw_internal(std::string("cannot commit the transaction: ") + CPLGetLastErrorMsg(), {where_, {}, {}, {}});
    committed_ = true;
  }

 private:
  GDALDataset* ds_;
  std::string where_;
  bool committed_ = false;
};

}  // namespace

std::string current_timestamp() {
  if (const char* fixed = CPLGetConfigOption("OGR_CURRENT_DATE", nullptr)) return fixed;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct OutputWriter::LayerState {
  LayerSpec spec;
  OGRLayer* layer = nullptr;
};

void OutputWriter::DatasetCloser::operator()(GDALDataset* ds) const noexcept {
  GDALClose(ds);
}

namespace {

std::string quote_literal(const std::string& s) {
  if (s.find('\0') != std::string::npos) throw_internal("a NUL character in an SQL literal");
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

GDALDataset* open_postgres(const std::string& target) {
  initialize();
  const char* drivers[] = {"PostgreSQL", nullptr};
  // A postgresql:// URI is handed to the driver as it is (GDAL ≥ 3.1 reads it).
  const std::string conn = target.rfind("PG:", 0) == 0 ? target : "PG:" + target;
  CPLErrorReset();
  auto* ds =
      static_cast<GDALDataset*>(GDALOpenEx(conn.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
  if (ds == nullptr) {
    std::string why = CPLGetLastErrorMsg();
    while (!why.empty() && std::isspace(static_cast<unsigned char>(why.back()))) why.pop_back();
    throw_bad_input("cannot connect to PostgreSQL" + (why.empty() ? std::string() : ": " + why),
                    {display_target(target), {}, {}, {}});
  }
  return ds;
}

// Runs a query that returns one row and one column; empty when there is no row or it is null.
std::optional<std::string> query_value(GDALDataset& ds, const std::string& sql) {
  CPLErrorReset();
  OGRLayer* rs = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (rs == nullptr) return std::nullopt;
  std::optional<std::string> value;
  if (OGRFeatureUniquePtr f{rs->GetNextFeature()}; f && f->GetFieldCount() > 0 && f->IsFieldSetAndNotNull(0)) {
    value = f->GetFieldAsString(0);
  }
  ds.ReleaseResultSet(rs);
  return value;
}

}  // namespace

void check_postgres_target(const std::string& target) {
  std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(open_postgres(target), [](GDALDataset* d) { GDALClose(d); });
  if (!query_value(*ds, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
    throw_bad_input("the database has no PostGIS extension (CREATE EXTENSION postgis)",
                    {display_target(target), {}, {}, {}});
  }
}

OutputWriter::OutputWriter(const std::string& path, WriterOptions options)
    : path_(path), postgres_(is_postgres_target(path)), options_(std::move(options)) {
  initialize();
  timestamp_ = options_.timestamp.empty() ? current_timestamp() : options_.timestamp;
  // Metadata records inputs and the command line: never a database password.
  for (auto& [k, v] : options_.metadata) v = mask_passwords(v);
  if (postgres_) {
    pg_open();
    return;
  }
  output_ = std::make_unique<AtomicOutput>(path, options_.overwrite);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (drv == nullptr) throw_internal("the GDAL GPKG driver is missing");
  // The temporary file needs no rollback journal on disk and no fsync per transaction: if the
  // run fails the file is discarded, and commit() fsyncs it once before the rename.
  // The fixed date must hold for the writer's whole life: GDAL stamps last_change on every sync.
  config_.push_back(std::make_shared<ScopedConfig>("OGR_SQLITE_JOURNAL", "MEMORY"));
  config_.push_back(std::make_shared<ScopedConfig>("OGR_SQLITE_SYNCHRONOUS", "OFF"));
  config_.push_back(std::make_shared<ScopedConfig>("OGR_CURRENT_DATE", timestamp_.c_str()));
  ds_.reset(drv->Create(output_->temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds_) throw_bad_input("cannot create the GeoPackage", {display_target(path_), {}, {}, {}});
}

void OutputWriter::pg_open() {
  ds_.reset(open_postgres(path_));
  if (!query_value(*ds_, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
    throw_bad_input("the database has no PostGIS extension (CREATE EXTENSION postgis)",
                    {display_target(path_), {}, {}, {}});
  }
  schema_ = connection_value(path_, "active_schema");
  if (schema_.empty()) schema_ = "public";
  // One transaction for the whole run: tables, rows, indexes, comments and styles appear
  // together at commit(), or not at all (a failed run rolls back; a killed one is rolled back
  // by the server when the connection drops).
  if (ds_->StartTransaction() != OGRERR_NONE)
    throw_internal("cannot start a transaction", {display_target(path_), {}, {}, {}});
  in_transaction_ = true;
  exec("CREATE SCHEMA IF NOT EXISTS " + quote_ident(schema_));
}

void OutputWriter::exec(const std::string& sql) {
  CPLErrorReset();
  OGRLayer* rs = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (rs != nullptr) ds_->ReleaseResultSet(rs);
  if (CPLGetLastErrorType() >= CE_Failure) {
    std::string why = CPLGetLastErrorMsg();
    while (!why.empty() && std::isspace(static_cast<unsigned char>(why.back()))) why.pop_back();
    throw_internal("PostgreSQL refused a statement: " + why, {display_target(path_), {}, {}, {}});
  }
}

std::string OutputWriter::quote_ident(const std::string& name) const {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string OutputWriter::qualified(const std::string& table) const {
  return quote_ident(schema_) + "." + quote_ident(table);
}

bool OutputWriter::pg_table_exists(const std::string& table) {
  return query_value(*ds_, "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = " + quote_literal(schema_) +
                               " AND tablename = " + quote_literal(table))
      .has_value();
}

OutputWriter::~OutputWriter() {
  // Not committed: roll back (PostGIS), close the dataset before AtomicOutput removes the
  // temporary file (GeoPackage).
  if (postgres_ && ds_ && in_transaction_) ds_->RollbackTransaction();
  ds_.reset();
  // Restore the thread's configuration in reverse order of setting.
  while (!config_.empty()) config_.pop_back();
}

OutputWriter::LayerId OutputWriter::create_layer(const LayerSpec& spec) {
  end_batch();
  CPLStringList opts;
  opts.SetNameValue("FID", "fid");
  opts.SetNameValue("GEOMETRY_NAME", "geom");
  if (postgres_) {
    if (pg_table_exists(spec.name)) {
      if (!options_.overwrite) {
        throw_bad_input("the table " + schema_ + "." + spec.name + " exists; pass --overwrite to replace it",
                        {display_target(path_), spec.name, {}, {}});
      }
      opts.SetNameValue("OVERWRITE", "YES");  // dropped inside the run's transaction
    }
    opts.SetNameValue("SCHEMA", schema_.c_str());
    opts.SetNameValue("LAUNDER", "NO");  // the same table and field names as in the GeoPackage
    opts.SetNameValue("SPATIAL_INDEX", spec.geometry == GeometryKind::None ? "NONE" : "GIST");
    opts.SetNameValue("PRECISION", "NO");  // widths are the GeoPackage's hints, not limits
  } else {
    opts.SetNameValue("SPATIAL_INDEX", spec.geometry == GeometryKind::None ? "NO" : "YES");
    if (!spec.title.empty()) opts.SetNameValue("IDENTIFIER", spec.title.c_str());
    if (!spec.description.empty()) opts.SetNameValue("DESCRIPTION", spec.description.c_str());
  }
  std::unique_ptr<OGRSpatialReference> srs;
  if (spec.geometry != GeometryKind::None) {
    srs = std::make_unique<OGRSpatialReference>();
    if (srs->SetFromUserInput(spec.crs.c_str()) != OGRERR_NONE) {
      throw_internal("unknown CRS '" + spec.crs + "' for output layer " + spec.name);
    }
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  CPLErrorReset();
  OGRLayer* layer = ds_->CreateLayer(spec.name.c_str(), srs.get(), ogr_type(spec.geometry), opts.List());
  if (layer == nullptr) {
    throw_internal("cannot create layer " + spec.name + ": " + CPLGetLastErrorMsg(),
                   {display_target(path_), spec.name, {}, {}});
  }
  for (const auto& f : spec.fields) {
    OGRFieldDefn defn(f.name.c_str(), ogr_field_type(f.type));
    if (f.width > 0 && f.type == FieldType::String) defn.SetWidth(f.width);
    if (!f.alias.empty()) defn.SetAlternativeName(f.alias.c_str());
    if (layer->CreateField(&defn) != OGRERR_NONE) {
      throw_internal("cannot create field " + f.name, {display_target(path_), spec.name, {}, {}});
    }
  }
  if (!postgres_) {
    for (const auto& [k, v] : spec.metadata) layer->SetMetadataItem(k.c_str(), mask_passwords(v).c_str());
  }
  auto state = std::make_unique<LayerState>();
  state->spec = spec;
  for (auto& [k, v] : state->spec.metadata) v = mask_passwords(v);
  state->layer = layer;
  layers_.push_back(std::move(state));
  return layers_.size() - 1;
}

// GeoPackage: batches of options_.transaction_size features. PostGIS: the run's one transaction
// (opened in pg_open) covers everything, so batches are no-ops.
void OutputWriter::begin_batch() {
  if (in_transaction_ || postgres_) return;
  if (ds_->StartTransaction() != OGRERR_NONE)
    throw_internal("cannot start a transaction", {display_target(path_), {}, {}, {}});
  in_transaction_ = true;
  batch_count_ = 0;
}

void OutputWriter::end_batch() {
  if (!in_transaction_ || postgres_) return;
  if (ds_->CommitTransaction() != OGRERR_NONE)
    throw_internal("cannot commit a transaction", {display_target(path_), {}, {}, {}});
  in_transaction_ = false;
}

std::int64_t OutputWriter::add(LayerId id, const std::vector<FieldValue>& values, const geos::Geometry* geometry) {
  LayerState& st = *layers_.at(id);
  begin_batch();
  OGRFeatureUniquePtr f(OGRFeature::CreateFeature(st.layer->GetLayerDefn()));
  const std::size_t n = std::min(values.size(), st.spec.fields.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int idx = static_cast<int>(i);
    const auto& v = values[i];
    if (const auto* s = std::get_if<std::string>(&v))
      f->SetField(idx, s->c_str());
    else if (const auto* iv = std::get_if<std::int64_t>(&v))
      f->SetField(idx, static_cast<GIntBig>(*iv));
    else if (const auto* d = std::get_if<double>(&v))
      f->SetField(idx, *d);
    else
      f->SetFieldNull(idx);
  }
  if (geometry != nullptr && *geometry && st.spec.geometry != GeometryKind::None) {
    f->SetGeometryDirectly(to_ogr(*geometry, st.spec.geometry).release());
  }
  if (st.layer->CreateFeature(f.get()) != OGRERR_NONE) {
    throw_internal("cannot write a feature", {display_target(path_), st.spec.name, {}, {}});
  }
  if (++batch_count_ >= options_.transaction_size) end_batch();
  return f->GetFID();
}

void OutputWriter::write_styles() {
  bool any = false;
  for (const auto& l : layers_) any = any || !l->spec.style_qml.empty() || !l->spec.extra_styles.empty();
  if (!any) return;
  // The exact schema QGIS creates (qgsogrprovidermetadata.cpp, saveStyle).
  CPLStringList opts;
  opts.SetNameValue("FID", "id");
  OGRLayer* styles = ds_->CreateLayer("layer_styles", nullptr, wkbNone, opts.List());
  if (styles == nullptr) throw_internal("cannot create layer_styles", {display_target(path_), {}, {}, {}});
  auto add_field = [&](const char* name, OGRFieldType t, int width, OGRFieldSubType sub = OFSTNone,
                       const char* def = nullptr) {
    OGRFieldDefn d(name, t);
    if (width > 0) d.SetWidth(width);
    d.SetSubType(sub);
    if (def != nullptr) d.SetDefault(def);
    if (styles->CreateField(&d) != OGRERR_NONE) throw_internal(std::string("cannot create layer_styles.") + name);
  };
  add_field("f_table_catalog", OFTString, 256);
  add_field("f_table_schema", OFTString, 256);
  add_field("f_table_name", OFTString, 256);
  add_field("f_geometry_column", OFTString, 256);
  add_field("styleName", OFTString, 30);
  add_field("styleQML", OFTString, 0);
  add_field("styleSLD", OFTString, 0);
  add_field("useAsDefault", OFTInteger, 0, OFSTBoolean);
  add_field("description", OFTString, 0);
  add_field("owner", OFTString, 30);
  add_field("ui", OFTString, 30);
  add_field("update_time", OFTDateTime, 0, OFSTNone, "CURRENT_TIMESTAMP");
  begin_batch();
  auto add_style = [&](const LayerState& l, const std::string& style_name, const std::string& qml, bool is_default) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(styles->GetLayerDefn()));
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", l.spec.name.c_str());
    f->SetField("f_geometry_column", l.spec.geometry == GeometryKind::None ? "" : "geom");
    f->SetField("styleName", style_name.substr(0, 30).c_str());
    f->SetField("styleQML", qml.c_str());
    f->SetField("styleSLD", "");
    f->SetField("useAsDefault", is_default ? 1 : 0);
    f->SetField("description", ("guotu: " + (l.spec.title.empty() ? l.spec.name : l.spec.title)).c_str());
    f->SetField("owner", "");
    f->SetField("ui", "");
    f->SetField("update_time", timestamp_.c_str());
    if (styles->CreateFeature(f.get()) != OGRERR_NONE) throw_internal("cannot write a layer_styles row");
  };
  for (const auto& l : layers_) {
    if (!l->spec.style_qml.empty())
      add_style(*l, l->spec.style_name.empty() ? l->spec.name : l->spec.style_name, l->spec.style_qml, true);
    for (const auto& [name, qml] : l->spec.extra_styles) add_style(*l, name, qml, false);
  }
  end_batch();
}

void OutputWriter::write_field_aliases() {
  std::vector<std::pair<std::string, std::string>> rows;  // (table, column) → title
  std::string values;
  auto quote = [](const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  };
  for (const auto& l : layers_) {
    for (const auto& f : l->spec.fields) {
      if (f.alias.empty()) continue;
      values += (values.empty() ? "" : ",") +
                fmt::format("({},{},{},{})", quote(l->spec.name), quote(f.name), quote(f.name), quote(f.alias));
    }
  }
  if (values.empty()) return;
  // GDAL 3.6 has no API for field aliases in GPKG: write the GeoPackage schema extension
  // (gpkg_data_columns, spec §F.2) whose `title` holds the alias.
  const std::string statements[] = {
      "CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
      "name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, "
      "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), "
      "CONSTRAINT gdc_tn UNIQUE (table_name, name))",
      "INSERT INTO gpkg_data_columns (table_name, column_name, name, title) VALUES " + values,
      "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES "
      "('gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', "
      "'read-write')"};
  for (const auto& sql : statements) {
    CPLErrorReset();
    ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw_internal(std::string("cannot write field aliases: ") + CPLGetLastErrorMsg(),
                     {display_target(path_), {}, {}, {}});
    }
  }
}

void OutputWriter::pg_write_comments() {
  for (const auto& l : layers_) {
    const LayerSpec& spec = l->spec;
    // The table comment: the Chinese title, the description, and (as in gpkg_metadata) the run.
    std::string comment = spec.title.empty() ? spec.name : spec.title;
    if (!spec.description.empty()) comment += "\n" + spec.description;
    for (const auto& [k, v] : spec.metadata) comment += fmt::format("\n{}: {}", k, v);
    for (const auto& [k, v] : options_.metadata) comment += fmt::format("\n{}: {}", k, v);
    exec("COMMENT ON TABLE " + qualified(spec.name) + " IS " + quote_literal(comment));
    for (const auto& f : spec.fields) {
      if (f.alias.empty()) continue;
      exec("COMMENT ON COLUMN " + qualified(spec.name) + "." + quote_ident(f.name) + " IS " + quote_literal(f.alias));
    }
  }
}

void OutputWriter::pg_write_styles() {
  bool any = false;
  for (const auto& l : layers_) any = any || !l->spec.style_qml.empty() || !l->spec.extra_styles.empty();
  if (!any) return;
  // QGIS reads styles from an unqualified `layer_styles`, found through the search path, which
  // is public for a default connection. The schema is the one QGIS creates
  // (qgspostgresprovider.cpp, saveStyle), `type` included (QGIS ≥ 3.10 adds it when missing).
  // `type` stays NULL: QGIS matches "type = <the layer's geometry type> OR type IS NULL", and a
  // layer added from a bare URI asks with "Unknown geometry"; each table has one geometry column.
  exec(
      "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, "
      "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, styleName text, styleQML xml, "
      "styleSLD xml, useAsDefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
      "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)");
  exec("ALTER TABLE public.layer_styles ADD COLUMN IF NOT EXISTS type varchar");
  for (const auto& l : layers_) {
    const LayerSpec& spec = l->spec;
    const std::string where = "f_table_catalog = current_database() AND f_table_schema = " + quote_literal(schema_) +
                              " AND f_table_name = " + quote_literal(spec.name);
    // The styles an earlier guotu run stored for this table go; a planner's own styles stay.
    exec("DELETE FROM public.layer_styles WHERE " + where + " AND description LIKE 'guotu:%'");
    auto add_style = [&](const std::string& style_name, const std::string& qml, bool is_default) {
      if (is_default) exec("UPDATE public.layer_styles SET useAsDefault = false WHERE " + where);
      exec(fmt::format(
          "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
          "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time, type) VALUES "
          "(current_database(), {}, {}, {}, {}, XMLPARSE(DOCUMENT {}), NULL, {}, {}, CURRENT_USER, NULL, "
          "{}::timestamp, NULL)",
          quote_literal(schema_), quote_literal(spec.name), spec.geometry == GeometryKind::None ? "''" : "'geom'",
          quote_literal(style_name), quote_literal(qml), is_default ? "true" : "false",
          quote_literal("guotu: " + (spec.title.empty() ? spec.name : spec.title)), quote_literal(timestamp_)));
    };
    if (!spec.style_qml.empty()) add_style(spec.style_name.empty() ? spec.name : spec.style_name, spec.style_qml, true);
    for (const auto& [name, qml] : spec.extra_styles) add_style(name, qml, false);
  }
}

void OutputWriter::commit() {
  if (postgres_) {
    // Tables whose creation GDAL deferred (no feature written) are created now.
    for (const auto& l : layers_) {
      if (l->layer->SyncToDisk() != OGRERR_NONE) {
        throw_internal("cannot create table " + l->spec.name, {display_target(path_), l->spec.name, {}, {}});
      }
    }
    pg_write_comments();
    pg_write_styles();
    if (options_.outputs != nullptr) {
      options_.outputs->hold(std::make_unique<PendingTransaction>(ds_.release(), display_target(path_)));
      in_transaction_ = false;
      return;
    }
    if (ds_->CommitTransaction() != OGRERR_NONE) {
      throw_internal(std::string("cannot commit the transaction: ") + CPLGetLastErrorMsg(),
                     {display_target(path_), {}, {}, {}});
    }
    in_transaction_ = false;
    ds_.reset();
    return;
  }
  end_batch();
  write_styles();
  write_field_aliases();
  for (const auto& [k, v] : options_.metadata) ds_->SetMetadataItem(k.c_str(), v.c_str());
  {
    CPLErrorReset();
    ds_.reset();  // GDALClose flushes; GDAL 3.6 reports a failure only through CPLGetLastErrorType
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw_internal(std::string("cannot close the GeoPackage: ") + CPLGetLastErrorMsg(),
                     {display_target(path_), {}, {}, {}});
    }
  }
  commit_or_hold(std::move(output_), options_.outputs);
}

}  // namespace guotu::gdal
