#include "gdal/csv_writer.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <string>

#include "core/error.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::gdal {

namespace {

void write_table(const std::string& path, const std::string& layer_name, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("CSV");
  if (drv == nullptr) throw_internal("the GDAL CSV driver is missing");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw_internal("cannot create the CSV file", {path, {}, {}, {}});
  CPLStringList opts;
  opts.SetNameValue("WRITE_BOM", "YES");
  opts.SetNameValue("STRING_QUOTING", "IF_NEEDED");
  opts.SetNameValue("LINEFORMAT", "CRLF");
  OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), nullptr, wkbNone, opts.List());
  if (layer == nullptr) throw_internal("cannot create the CSV table", {path, {}, {}, {}});
  for (const auto& h : header) {
    OGRFieldDefn f(h.c_str(), OFTString);
    if (layer->CreateField(&f) != OGRERR_NONE) throw_internal("cannot create CSV column " + h);
  }
  for (const auto& row : rows) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (std::size_t i = 0; i < row.size() && i < header.size(); ++i) f->SetField(static_cast<int>(i), row[i].c_str());
    if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw_internal("cannot write a CSV row", {path, {}, {}, {}});
  }
}

}  // namespace

void write_csv(const std::filesystem::path& path, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  initialize();
  if (path.extension() != ".csv") throw_internal("a CSV output must end in .csv: " + path.string());
  write_table(path.string(), path.stem().string(), header, rows);
}

std::string csv_bytes(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  initialize();
  static std::atomic<unsigned long> counter{0};
  const std::string path = "/vsimem/guotu-csv-" + std::to_string(counter++) + ".csv";
  write_table(path, "table", header, rows);  // the dataset is closed (flushed) when it returns
  vsi_l_offset size = 0;
  GByte* data = VSIGetMemFileBuffer(path.c_str(), &size, FALSE);
  if (data == nullptr) throw_internal("the CSV driver wrote nothing");
  std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  VSIUnlink(path.c_str());
  return bytes;
}

}  // namespace guotu::gdal
