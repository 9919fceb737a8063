"""Small inputs for the bad-input corpus (tests/bad-inputs/cases), written with GDAL's Python
bindings (python3-gdal). In a case's setup:

    python3 - <<'PY'
    import os, sys; sys.path.insert(0, os.environ["LIB"]); from mk import *
    layer("p.gpkg", "XMYD", [{"BSM": "P1", "XMMC": "甲", "XMLX": "居住", "wkt": square(39500000, 4030000, 100)}])
    PY

Coordinates default to EPSG:4527 (CGCS2000 3-degree GK zone 39 with zone prefix), inside 聊城.
"""
import os

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

# A point inside 东昌府区 (sample city and real boundary) in EPSG:4527: easting with the zone prefix, northing.
X0, Y0 = 39_405_000.0, 4_040_000.0

_DRIVERS = {".gpkg": "GPKG", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
            ".csv": "CSV", ".dxf": "DXF", ".fgb": "FlatGeobuf", ".sqlite": "SQLite"}
_TYPES = {str: ogr.OFTString, int: ogr.OFTInteger64, float: ogr.OFTReal}
_GEOMS = {"POINT": ogr.wkbPoint, "LINESTRING": ogr.wkbLineString, "POLYGON": ogr.wkbPolygon,
          "MULTIPOINT": ogr.wkbMultiPoint, "MULTILINESTRING": ogr.wkbMultiLineString,
          "MULTIPOLYGON": ogr.wkbMultiPolygon, "GEOMETRYCOLLECTION": ogr.wkbGeometryCollection}


def square(x=X0, y=Y0, side=100.0):
    """A closed square ring, lower-left corner at (x, y), as WKT."""
    return f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))"


def layer(path, name, features, crs="EPSG:4527", geom=None, fields=None, driver=None, options=None):
    """Writes (or adds to path) one layer. features: dicts of attributes plus an optional 'wkt'
    (None/absent = no geometry). fields: {name: python type}, default inferred from the first
    feature that has the key. geom: a WKT type name ('POLYGON', 'LINESTRING', …) or None for the
    first feature's type."""
    driver = driver or _DRIVERS[os.path.splitext(path)[1].lower()]
    drv = ogr.GetDriverByName(driver)
    ds = ogr.Open(path, update=1) if os.path.exists(path) and driver != "ESRI Shapefile" else None
    if ds is None:
        ds = drv.CreateDataSource(path)
    srs = None
    if crs:
        srs = osr.SpatialReference()
        srs.SetFromUserInput(crs)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if geom is None:
        first = next((f["wkt"] for f in features if f.get("wkt")), None)
        geom = first.split("(")[0].strip().upper() if first else "POLYGON"
    lyr = ds.CreateLayer(name, srs, _GEOMS.get(geom.upper(), ogr.wkbUnknown) if geom else ogr.wkbNone,
                         options=options or [])
    if fields is None:
        fields = {}
        for f in features:
            for k, v in f.items():
                if k != "wkt" and k not in fields and v is not None:
                    fields[k] = type(v)
    for k, t in fields.items():
        lyr.CreateField(ogr.FieldDefn(k, _TYPES.get(t, t) if isinstance(t, type) else t))
    for f in features:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for k, v in f.items():
            if k != "wkt" and v is not None:
                feat.SetField(k, v)
        if f.get("wkt"):
            feat.SetGeometry(ogr.CreateGeometryFromWkt(f["wkt"]))
        lyr.CreateFeature(feat)
    ds = None


def projects(path, wkts, name="XMYD", crs="EPSG:4527", **kwargs):
    """A construction-projects layer (XMYD's required fields) with one project per WKT."""
    feats = [{"BSM": f"P{i + 1}", "XMMC": f"项目{i + 1}", "XMLX": "居住", "wkt": w} for i, w in enumerate(wkts)]
    layer(path, name, feats, crs=crs, **kwargs)


def copy_layers(src, dst, names, where=None, limit=None):
    """Copies some layers of a source (e.g. the sample city) into a new GeoPackage, optionally
    filtered (OGR SQL WHERE) or cut to the first `limit` features: small plans made fast."""
    s = ogr.Open(src)
    d = ogr.Open(dst, update=1) if os.path.exists(dst) else ogr.GetDriverByName("GPKG").CreateDataSource(dst)
    for n in names:
        lyr = s.GetLayerByName(n)
        if where:
            lyr.SetAttributeFilter(where)
        out = d.CreateLayer(n, lyr.GetSpatialRef(), lyr.GetGeomType())
        defn = lyr.GetLayerDefn()
        for i in range(defn.GetFieldCount()):
            out.CreateField(defn.GetFieldDefn(i))
        d.StartTransaction()
        for i, f in enumerate(lyr):
            if limit is not None and i >= limit:
                break
            g = ogr.Feature(out.GetLayerDefn())
            g.SetFrom(f)
            out.CreateFeature(g)
        d.CommitTransaction()
    d = None
