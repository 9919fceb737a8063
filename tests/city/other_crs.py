#!/usr/bin/env python3
"""check, diff and report on the sample city in another CRS give the same answers.

The sample (tests' fixture, in the city profile's working CRS, EPSG:4527 for 聊城: CGCS2000
Gauss-Krüger CM 117°E, scale 1, false easting 39,500 km) is reprojected with GDAL's
VectorTranslate (ogr2ogr) into EPSG:32650 (WGS 84 / UTM 50N: another datum name, scale 0.9996,
false easting 500 km), and each command runs on both: on the copy with `--crs EPSG:32650` (the
city profile's CRS overridden). The verdicts, violations (project, rule, plan feature), change
pieces and classes, and the report's statuses must be the same, and every area the same within
TOLERANCE relative + ABS_M2: areas are 椭球面积, measured on the ellipsoid whatever the plane.
Buffer rules (kind buffer) are the exception the test states: their distance (`buffer_m`) is in
metres of the working CRS's plane, so a plane with another scale draws another zone (0.04 %
wider in UTM here); their violations may differ by BUFFER_TOLERANCE. A planar report of the copy
must differ from the ellipsoidal one (the runs did use the other plane).

Measured on the default sample (20,000 patches): worst relative difference 2e-10 outside buffer
rules (printed on success); buffer-rule violations 0.13–0.4 %. In a CRS whose central meridian is
far from the city (EPSG:4549, CM 120°E, 3.4–4.7° off) the straight edges of one plane are curves in
the other and differences reach 1e-3 (a county's YJJBNT area) and 1.6 % (a thin SZBHFW overlap):
use a working CRS whose zone holds the city.

usage: other_crs.py GUOTU SAMPLE_DIR [CRS]
"""
import json
import os
import subprocess
import sys
import tempfile

from osgeo import gdal, ogr

OTHER = sys.argv[3] if len(sys.argv) > 3 else "EPSG:32650"
TOLERANCE = 1e-8  # relative; the measured worst case is printed
ABS_M2 = 0.01
BUFFER_TOLERANCE = 1e-2

guotu, sample_dir = sys.argv[1], sys.argv[2]
gdal.UseExceptions()
worst = {"rel": 0.0, "what": ""}
failures = []


def run(args, ok=(0, 1)):
    p = subprocess.run([guotu] + args, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit(f"FAIL: guotu {' '.join(args)} exited {p.returncode}\n{p.stderr[-3000:]}")
    return p.returncode, json.loads(p.stdout)


def close(what, a, b, tolerance=TOLERANCE):
    a, b = float(a or 0), float(b or 0)
    d = abs(a - b)
    rel = d / max(abs(a), abs(b)) if max(abs(a), abs(b)) > 0 else 0.0
    if d > ABS_M2 and rel > worst["rel"] and tolerance == TOLERANCE:
        worst.update(rel=rel, what=f"{what}: {a} vs {b}")
    if d > ABS_M2 + tolerance * max(abs(a), abs(b)):
        failures.append(f"{what}: {a} vs {b} (relative {rel:.2e})")


def same(what, a, b):
    if a != b:
        failures.append(f"{what}: {a!r} vs {b!r}")


with tempfile.TemporaryDirectory() as tmp:
    base = os.path.join(sample_dir, "city.gpkg")
    other = os.path.join(tmp, "city_4549.gpkg")
    gdal.VectorTranslate(other, base, format="GPKG", dstSRS=OTHER)
    ds = ogr.Open(other)
    srs = ds.GetLayerByName("DLTB").GetSpatialRef()
    same("the copy's DLTB CRS", f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}", OTHER)
    def first_x(source):
        layer = source.GetLayerByName("DLTB")
        feature = layer.GetNextFeature()
        return feature.GetGeometryRef().Centroid().GetX()

    base_ds = ogr.Open(base)
    x0, x1 = first_x(base_ds), first_x(ds)
    base_ds = None
    if abs(x0 - x1) < 1e5:
        failures.append(f"the copy's eastings ({x1:.0f}) are not another CRS's ({x0:.0f})")
    ds = None

    def o(name):
        return os.path.join(tmp, name)

    # check
    ea, ca = run(["check", "--plan", base, "--projects", base, "--out", o("ca.gpkg"), "--json"])
    eb, cb = run(["check", "--crs", OTHER, "--plan", other, "--projects", other, "--out", o("cb.gpkg"), "--json"])
    same("check exit", ea, eb)
    same("check crs", cb["crs"], OTHER)
    same("check verdict counts", ca["verdict_counts"], cb["verdict_counts"])
    va = {v["fid"]: v for v in ca["verdicts"]}
    vb = {v["fid"]: v for v in cb["verdicts"]}
    same("check projects", sorted(va), sorted(vb))
    for fid in va:
        same(f"project {fid} verdict", va[fid].get("verdict"), vb.get(fid, {}).get("verdict"))
        close(f"project {fid} area", va[fid]["area_m2"], vb.get(fid, {}).get("area_m2"))

    def violations(c):
        out = {}
        for v in c["violations"]:
            k = (v["project_fid"], v["rule"], v["plan_layer"], v.get("plan_fid"))
            out[k] = out.get(k, 0) + v["area_m2"]
        return out

    wa, wb = violations(ca), violations(cb)
    same("check violations (project, rule, plan feature)", sorted(wa, key=str), sorted(wb, key=str))
    buffer_rules = {r["id"] for r in ca["rules"] if r["kind"] == "buffer"}
    for k in wa:
        close(f"violation {k}", wa[k], wb.get(k), BUFFER_TOLERANCE if k[1] in buffer_rules else TOLERANCE)
    oa = {x["fid"]: x for x in ca["occupancy"]}
    ob = {x["fid"]: x for x in cb["occupancy"]}
    for fid in oa:
        for key in ("cultivated_net_m2", "cultivated_gross_m2"):
            close(f"occupancy {fid} {key}", oa[fid].get(key), ob.get(fid, {}).get(key))
    n_check = len(wa)

    # diff (DLTB → DLTB_LATER, zones from the plan)
    ea, da = run(["diff", "--before", base, "--after", base, "--plan", base, "--out", o("da.gpkg"), "--json"])
    eb, db = run(["diff", "--crs", OTHER, "--before", other, "--after", other, "--plan", other,
                  "--out", o("db.gpkg"), "--json"])
    same("diff exit", ea, eb)
    same("diff counts", da["counts"], db["counts"])
    for out, layer in ((o("cb.gpkg"), "violations"), (o("db.gpkg"), "changes")):
        out_ds = ogr.Open(out)
        ref = out_ds.GetLayerByName(layer).GetSpatialRef()
        same(f"{os.path.basename(out)} {layer} CRS", f"{ref.GetAuthorityName(None)}:{ref.GetAuthorityCode(None)}", OTHER)
        out_ds = None
    for cls in da["areas_m2"]:
        close(f"diff class {cls}", da["areas_m2"][cls], db["areas_m2"].get(cls))

    def pieces(d):
        out = {}
        for c in d["changes"]:
            k = (c["before_fid"], c["after_fid"], tuple(c["classes"]), c["suspect"])
            out[k] = out.get(k, 0) + c["area_m2"]
        return out

    pa, pb = pieces(da), pieces(db)
    same("diff pieces (before, after, classes, 疑似违法)", sorted(pa, key=str), sorted(pb, key=str))
    for k in pa:
        close(f"diff piece {k}", pa[k], pb.get(k))
    n_diff = len(pa)

    # report
    ea, ra = run(["report", "--plan", base, "--out", o("ra"), "--json"])
    eb, rb = run(["report", "--crs", OTHER, "--plan", other, "--out", o("rb"), "--json"])
    same("report exit", ea, eb)
    same("report crs", rb["crs"], OTHER)
    same("report counts", ra["counts"], rb["counts"])
    ua = {(u["level"], u["code"], u["vintage"]): u for u in ra["units"]}
    ub = {(u["level"], u["code"], u["vintage"]): u for u in rb["units"]}
    same("report units", sorted(ua), sorted(ub))
    n_values = 0
    for k, u in ua.items():
        v = ub.get(k)
        if v is None:
            continue
        close(f"unit {k} area", u["area_m2"], v["area_m2"])
        for m, x in u["measures_m2"].items():
            close(f"unit {k} measure {m}", x, v["measures_m2"].get(m))
        for i, x in u["indicators"].items():
            same(f"unit {k} {i} status", x["status"], v["indicators"][i]["status"])
            if x["value"] is not None and v["indicators"][i]["value"] is not None:
                close(f"unit {k} {i}", x["value"], v["indicators"][i]["value"])
                n_values += 1

    # The planar areas of the copy are another plane's: they must differ (the runs did use EPSG:4549).
    _, pa_ = run(["report", "--crs", OTHER, "--area", "planar", "--plan", other, "--out", o("rp"), "--json"])
    city_a = [u for u in ra["units"] if u["level"] == pa_["units"][0]["level"]][0]["area_m2"]
    city_p = pa_["units"][0]["area_m2"]
    if abs(city_p - city_a) / city_a < 2e-4:
        failures.append(f"the plane area in {OTHER} ({city_p}) is as the ellipsoidal one ({city_a}): not another CRS")

if failures:
    print(f"FAIL: {len(failures)} differences between the sample and its copy in {OTHER}:")
    for f in failures[:40]:
        print("  " + f)
    sys.exit(1)
print(f"ok: check ({n_check} violations), diff ({n_diff} pieces) and report ({n_values} values) agree in {OTHER}; "
      f"worst relative area difference {worst['rel']:.1e} ({worst['what']}); tolerance {TOLERANCE:g} relative + {ABS_M2} m²")
