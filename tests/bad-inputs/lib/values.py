#!/usr/bin/env python3
"""Small inputs for the value-validation cases (issue #15, tests/bad-inputs/cases/*): a tiny plan
and project GeoPackage in EPSG:4527, a billion-laughs YAML, a QML nested a million deep.

  python3 $LIB/values.py plan OUT.gpkg                 # XZQ + STBHHX + DLTB, three small squares
  python3 $LIB/values.py projects OUT.gpkg X Y [SIZE]   # one XMYD project square at X Y
  python3 $LIB/values.py laughs OUT.yaml [PREFIX]       # 9 levels of 10 aliases after PREFIX
  python3 $LIB/values.py deep-qml OUT.gpkg DEPTH        # a layer whose default style nests DEPTH deep
"""
import sqlite3
import sys

from osgeo import ogr, osr

ogr.UseExceptions()

X0, Y0 = 39500000.0, 4030000.0  # inside 聊城 in EPSG:4527


def square(x, y, size):
    return ogr.CreateGeometryFromWkt(
        f"POLYGON (({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))")


def layer(ds, name, fields):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    lyr = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon)
    for f, t in fields:
        lyr.CreateField(ogr.FieldDefn(f, t))
    return lyr


def add(lyr, geom, **values):
    f = ogr.Feature(lyr.GetLayerDefn())
    for k, v in values.items():
        f.SetField(k, v)
    f.SetGeometry(ogr.ForceToMultiPolygon(geom))
    lyr.CreateFeature(f)


def plan(out):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    xzq = layer(ds, "XZQ", [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)])
    add(xzq, square(X0 - 5000, Y0 - 5000, 10000), XZQDM="371502", XZQMC="东昌府区")
    red = layer(ds, "STBHHX", [("BSM", ogr.OFTString)])
    add(red, square(X0, Y0, 1000), BSM="1")
    dltb = layer(ds, "DLTB", [("BSM", ogr.OFTString), ("DLBM", ogr.OFTString), ("DLMC", ogr.OFTString),
                              ("KCXS", ogr.OFTReal), ("GDDB", ogr.OFTInteger)])
    add(dltb, square(X0 - 2000, Y0 - 2000, 4000), BSM="1", DLBM="0103", DLMC="旱地", KCXS=0.05, GDDB=6)


def projects(out, x, y, size=100.0):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    lyr = layer(ds, "XMYD", [("BSM", ogr.OFTString), ("XMMC", ogr.OFTString), ("XMLX", ogr.OFTString),
                             ("XZQDM", ogr.OFTString)])
    add(lyr, square(X0 + 200, Y0 + 200, 100), BSM="P1", XMMC="正常项目", XMLX="工业", XZQDM="371502")
    add(lyr, square(float(x), float(y), float(size)), BSM="P2", XMMC="坐标异常项目", XMLX="工业", XZQDM="371502")


def laughs(out, prefix=""):
    y = prefix + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for c in "bcdefghi":
        p = chr(ord(c) - 1)
        y += f"{c}: &{c} [" + ",".join(["*" + p] * 10) + "]\n"
    open(out, "w").write(y)


def deep_qml(out, depth):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    lyr = layer(ds, "STBHHX", [("BSM", ogr.OFTString)])
    add(lyr, square(X0, Y0, 1000), BSM="1")
    ds = None
    qml = "<qgis>" + "<a>" * depth + "</a>" * depth + "</qgis>"
    db = sqlite3.connect(out)
    db.execute("""CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT,
                  f_table_schema TEXT, f_table_name TEXT, f_geometry_column TEXT, styleName TEXT, styleQML TEXT,
                  styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT, update_time DATETIME)""")
    db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, "
               "styleQML, useAsDefault) VALUES ('', '', 'STBHHX', 'geom', 'deep', ?, 1)", (qml,))
    db.commit()


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"plan": plan, "projects": projects, "laughs": laughs,
     "deep-qml": lambda out, d: deep_qml(out, int(d))}[cmd](*args)
