"""Helpers for the reader-policy cases (docs/reliability.md, "Reading"): raw geometries and
values GDAL's writers would not produce, written into GeoPackages through GDAL's SQL (a
GeoPackage's triggers need GDAL's SQL functions, so the sqlite3 shell cannot update them).

    python3 - <<'PY'
    import os, sys; sys.path.insert(0, os.environ["LIB"]); from mk import *; from reading import *
    projects("p.gpkg", [square()])
    insert_wkb("p.gpkg", "XMYD", polygon_wkb([(X0, Y0), (float("nan"), Y0), (X0 + 100, Y0 + 100)]), BSM="P2")
    PY
"""
import struct

from osgeo import ogr

ogr.UseExceptions()


def sql(path, statement):
    """Runs one SQL statement on a GeoPackage (or any OGR source) through GDAL."""
    ds = ogr.Open(path, update=1)
    rs = ds.ExecuteSQL(statement)
    if rs is not None:
        ds.ReleaseResultSet(rs)
    ds = None


def polygon_wkb(points):
    """ISO WKB (little endian) of a polygon with one ring through `points`, closed here; any
    doubles, NaN and Inf included."""
    ring = list(points) + [points[0]]
    out = struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring))
    for x, y in ring:
        out += struct.pack("<dd", x, y)
    return out


def nested_wkb(inner, depth):
    """`inner` WKB wrapped in `depth` GeometryCollections of one member each."""
    for _ in range(depth):
        inner = struct.pack("<BII", 1, 7, 1) + inner
    return inner


def gpkg_blob(wkb, srs_id=4527, envelope=None):
    """A GeoPackage geometry blob holding `wkb`, with the envelope (minx, maxx, miny, maxy) in its
    header when given (then GDAL's spatial-index triggers need not parse the geometry)."""
    if envelope is None:
        return b"GP\x00\x01" + struct.pack("<i", srs_id) + wkb
    return b"GP\x00\x03" + struct.pack("<i", srs_id) + struct.pack("<dddd", *envelope) + wkb


def insert_wkb(path, layer, wkb, srs_id=4527, geom_column="geom", envelope=None, **attrs):
    """Adds a feature with a raw WKB geometry and text/number attributes to a GeoPackage layer.
    A geometry GDAL cannot parse (nested too deep) needs its `envelope`."""
    cols = list(attrs) + [geom_column]
    vals = []
    for v in attrs.values():
        vals.append(repr(v) if isinstance(v, (int, float)) else "'" + str(v).replace("'", "''") + "'")
    vals.append("X'" + gpkg_blob(wkb, srs_id, envelope).hex() + "'")
    sql(path, f'INSERT INTO "{layer}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({", ".join(vals)})')


def set_srs_id(path, srs_id):
    """Declares every layer of a GeoPackage in srs_id (0 and -1: the undefined geographic /
    Cartesian SRS of the GeoPackage standard)."""
    sql(path, f"UPDATE gpkg_geometry_columns SET srs_id = {srs_id}")
    sql(path, f"UPDATE gpkg_contents SET srs_id = {srs_id}")
