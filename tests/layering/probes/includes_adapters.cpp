// Probe: a domain file that includes the adapters' own headers. Must compile with the domain's
// settings (the control: the refused probes fail for their include, not for the settings).
#include "gdal/vector_source.hpp"
#include "geos/geometry.hpp"
#include "index/envelope_index.hpp"
#include "pg/database.hpp"
#include "proj/crs.hpp"
#include "sqlite/database.hpp"
#include "xlsx/workbook.hpp"
#include "xml/xml.hpp"

int guotu_layering_probe() {
  return 0;
}
