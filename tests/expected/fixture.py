"""The small fixture of the expected-JSON tests (tests/expected/README.md), written with GDAL's
Python bindings and pyproj, independently of guotu:

    /usr/bin/python3 fixture.py DIR      # writes DIR/plan.gpkg, DIR/projects.gpkg, DIR/ledger/*.csv

EPSG:4527, x = 39440000 + dx, y = 4030000 + dy (≈116.33°E 36.40°N, in 东昌府区). All rectangles:

    y 200 ┌──────────────────┬─────────────────┬─────────┐
          │ DLTB 3  0702     │ DLTB 4  0103    │ STBHHX  │ 150…200
      100 ├────────┬─────────┤ (旱地, KCXS .05, │ (x 300… │
          │ DLTB 1 │ DLTB 2  │  GDDB 7; town   │   400)  │
          │ 0101   │ 0301    │  371502002)     │         │
        0 └────────┴─────────┴─────────────────┴─────────┘
          0       100       200                300      400
    county 371502 = [0,400]×[0,200]; towns 371502001 = x 0…200, 371502002 = x 200…400
    CZKFBJ = [0,200]×[0,200]; YJJBNT = [200,400]×[0,200]; STBHHX = [300,400]×[150,200]
    DLTB_LATER: patch 1 built on (0702), patch 4's east half [300,400]×[0,200] an orchard (0201, BSM 5)
    projects: P1 居住 [50,150]×[20,80] (on 耕地 1 and 林地 2, inside CZKFBJ);
              P2 工业 [320,380]×[160,190] (inside STBHHX and YJJBNT, outside CZKFBJ)

Every attribute the layer catalogue (layers/catalogue/*.yaml) defines exists with its type; the
required ones are filled. TBMJ is the 椭球面积 by pyproj's Geod (CGCS2000 ellipsoid) on vertices
taken to EPSG:4490 with edges densified to 1 m, rounded to 0.01 m²; KCMJ = TBMJ × KCXS; TBDLMJ =
TBMJ − KCMJ.
"""
import math
import os
import sys

import yaml
from pyproj import Geod, Transformer

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRC, "tests", "bad-inputs", "lib"))
from mk import layer  # noqa: E402  (tests/bad-inputs/lib/mk.py: OGR writer)

X0, Y0 = 39440000.0, 4030000.0
_to_lonlat = Transformer.from_crs("EPSG:4527", "EPSG:4490", always_xy=True)
_geod = Geod(a=6378137.0, f=1 / 298.257222101)


def rect(x0, y0, x1, y1):
    p = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return "MULTIPOLYGON(((" + ",".join(f"{X0 + x:.0f} {Y0 + y:.0f}" for x, y in p) + ")))"


def ellipsoidal_m2(x0, y0, x1, y1):
    """The 椭球面积 of a rectangle (m²): geodesic polygon area of its densified boundary."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    lon, lat = [], []
    for i, (ax, ay) in enumerate(corners):
        bx, by = corners[(i + 1) % 4]
        n = max(1, math.ceil(math.hypot(bx - ax, by - ay)))
        for k in range(n):
            lo, la = _to_lonlat.transform(X0 + ax + (bx - ax) * k / n, Y0 + ay + (by - ay) * k / n)
            lon.append(lo)
            lat.append(la)
    area, _ = _geod.polygon_area_perimeter(lon, lat)
    return abs(area)


def catalogue_fields(code):
    types = {"String": str, "Real": float, "Integer": int, "Integer64": int}
    doc = yaml.safe_load(open(os.path.join(SRC, "layers", "catalogue", code + ".yaml"), encoding="utf-8"))
    return {f["name"]: types[f["type"]] for f in doc["fields"]}


def write(path, code, features):
    layer(path, code, features, fields=catalogue_fields(code), geom="MULTIPOLYGON")


TOWN1, TOWN2 = "3715020010000000000", "3715020020000000000"  # ZLDWDM: 19 digits, town = first 9
NAMES = {"0101": "水田", "0103": "旱地", "0201": "果园", "0301": "乔木林地", "0702": "城镇住宅用地"}


def patch(bsm, dlbm, box, zldwdm, kcxs=0.0, gddb=None):
    tbmj = round(ellipsoidal_m2(*box), 2)
    kcmj = round(tbmj * kcxs, 2)
    f = {"BSM": bsm, "DLBM": dlbm, "DLMC": NAMES[dlbm], "ZLDWDM": zldwdm, "TBMJ": tbmj, "KCXS": kcxs,
         "KCMJ": kcmj, "TBDLMJ": round(tbmj - kcmj, 2), "wkt": rect(*box)}
    if gddb is not None:
        f["GDDB"] = gddb
    return f


def main(out):
    os.makedirs(os.path.join(out, "ledger"), exist_ok=True)
    plan = os.path.join(out, "plan.gpkg")
    for p in (plan, os.path.join(out, "projects.gpkg")):
        if os.path.exists(p):
            os.remove(p)
    write(plan, "XZQ", [{"BSM": "X1", "XZQDM": "371502", "XZQMC": "东昌府区", "wkt": rect(0, 0, 400, 200)}])
    write(plan, "XZQ_XIANG", [
        {"BSM": "T1", "XZQDM": "371502001", "XZQMC": "古楼街道", "SJXZQDM": "371502", "wkt": rect(0, 0, 200, 200)},
        {"BSM": "T2", "XZQDM": "371502002", "XZQMC": "柳园街道", "SJXZQDM": "371502", "wkt": rect(200, 0, 400, 200)}])
    write(plan, "DLTB", [
        patch("1", "0101", (0, 0, 100, 100), TOWN1, 0.1, 5),
        patch("2", "0301", (100, 0, 200, 100), TOWN1),
        patch("3", "0702", (0, 100, 200, 200), TOWN1),
        patch("4", "0103", (200, 0, 400, 200), TOWN2, 0.05, 7)])
    write(plan, "DLTB_LATER", [
        patch("1", "0702", (0, 0, 100, 100), TOWN1),
        patch("2", "0301", (100, 0, 200, 100), TOWN1),
        patch("3", "0702", (0, 100, 200, 200), TOWN1),
        patch("4", "0103", (200, 0, 300, 200), TOWN2, 0.05, 7),
        patch("5", "0201", (300, 0, 400, 200), TOWN2)])
    write(plan, "CZKFBJ", [{"BSM": "C1", "wkt": rect(0, 0, 200, 200)}])
    write(plan, "YJJBNT", [{"BSM": "N1", "DLBM": "0103", "GDDB": 7, "wkt": rect(200, 0, 400, 200)}])
    write(plan, "STBHHX", [{"BSM": "S1", "HXMC": "徒骇河生态红线", "wkt": rect(300, 150, 400, 200)}])
    write(os.path.join(out, "projects.gpkg"), "XMYD", [
        {"BSM": "P1", "XMMC": "古楼安置房", "XMLX": "居住", "XZQDM": "371502", "wkt": rect(50, 20, 150, 80)},
        {"BSM": "P2", "XMMC": "柳园仓储", "XMLX": "工业", "XZQDM": "371502", "wkt": rect(320, 160, 380, 190)}])

    # The ledger: two supplements, two occupations, one transfer, a 进出平衡 year (2023).
    tables = {
        "supplements.csv": ["id,county,name,source,area_mu,paddy_mu,grade,accepted_on",
                            "BC1,371502,甲村土地整治项目,土地整治,100.0,20.0,5,2022-03-01",
                            "BC2,371521,乙村高标准农田项目,高标准农田,50.0,0,9,2022-06-01"],
        "occupations.csv": ["id,project,county,date,approval_ref,area_mu,paddy_mu,capacity",
                            "ZY1,古楼安置房,371502,2023-02-01,鲁政土字〔2023〕1号,30.0,10.0,0",
                            "ZY2,柳园仓储,371521,2023-05-01,鲁政土字〔2023〕2号,20.0,0,0"],
        "transfers.csv": ["id,date,from_county,to_county,area_mu,reference",
                          "JY1,2023-08-01,371502,371521,10.0,聊自然资指标交易〔2023〕1号"],
        "inout.csv": ["id,county,year,direction,area_mu,grade,exemption,date,note",
                      "JC1,371502,2023,out,5.0,7,,2023-04-01,耕地转为园地",
                      "JC2,371502,2023,in,8.0,7,,2023-10-01,园地恢复为耕地"],
    }
    for name, rows in tables.items():
        with open(os.path.join(out, "ledger", name), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
