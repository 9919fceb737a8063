#include "gdal/csv_writer.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "gdal/vector_source.hpp"

namespace guotu::gdal {

void write_csv(const std::filesystem::path& path, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  initialize();
  if (path.extension() != ".csv") throw_internal("a CSV output must end in .csv: " + path.string());
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("CSV");
  if (drv == nullptr) throw_internal("the GDAL CSV driver is missing");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw_internal("cannot create the CSV file", {path.string(), {}, {}, {}});
  CPLStringList opts;
  opts.SetNameValue("WRITE_BOM", "YES");
  opts.SetNameValue("STRING_QUOTING", "IF_NEEDED");
  opts.SetNameValue("LINEFORMAT", "CRLF");
  OGRLayer* layer = ds->CreateLayer(path.stem().c_str(), nullptr, wkbNone, opts.List());
  if (layer == nullptr) throw_internal("cannot create the CSV table", {path.string(), {}, {}, {}});
  for (const auto& h : header) {
    OGRFieldDefn f(h.c_str(), OFTString);
    if (layer->CreateField(&f) != OGRERR_NONE) throw_internal("cannot create CSV column " + h);
  }
  for (const auto& row : rows) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (std::size_t i = 0; i < row.size() && i < header.size(); ++i) f->SetField(static_cast<int>(i), row[i].c_str());
    if (layer->CreateFeature(f.get()) != OGRERR_NONE)
      throw_internal("cannot write a CSV row", {path.string(), {}, {}, {}});
  }
}

}  // namespace guotu::gdal
