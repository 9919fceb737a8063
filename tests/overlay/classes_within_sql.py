#!/usr/bin/python3
"""guotu report --classes-within against an independent computation with GDAL/OGR.

    classes_within_sql.py GUOTU SAMPLE_DIR

Runs `guotu report --by county --classes-within YJJBNT,STBHHX,CZKFBJ --area planar --json` on the
sample city, and computes the same table here without guotu: OGR reads the layers, each control
line's features are matched to the DLTB patches through OGR's spatial filter (the GeoPackage's
R-tree), each patch's pieces (patch ∩ feature, OGR's Intersection) are unioned when a patch meets
several features (so that overlapping features count once), and the plane areas are summed per
county (the first 6 digits of ZLDWDM), layer and DLBM. Every record must agree within 1e-6
relative (1e-4 m² absolute for slivers), in both directions; and the 椭球面积 run must be within
the plane/ellipsoid scale of this area for this part of zone 39 (0.9990…1.0).
"""
import json
import os
import subprocess
import sys
import tempfile

from osgeo import gdal, ogr

ogr.UseExceptions()
# A piece that is a line (patches touching a line) has no area: OGR says so for each one.
gdal.PushErrorHandler("CPLQuietErrorHandler")
LAYERS = ["YJJBNT", "STBHHX", "CZKFBJ"]


def reference(city):
    ds = ogr.Open(city)
    dltb = ds.GetLayerByName("DLTB")
    patch_info = {}
    for f in dltb:
        patch_info[f.GetFID()] = (f.GetField("ZLDWDM")[:6], f.GetField("DLBM").strip())
    out = {}
    for name in LAYERS:
        layer = ds.GetLayerByName(name)
        pieces = {}  # patch fid → pieces
        for zf in layer:
            zone = zf.GetGeometryRef()
            if zone is None or zone.IsEmpty():
                continue
            zone = zone.Clone()
            if not zone.IsValid():
                zone = zone.MakeValid()
            dltb.SetSpatialFilter(zone)
            for pf in dltb:
                patch = pf.GetGeometryRef()
                if patch is None or not patch.Intersects(zone):
                    continue
                piece = patch.Intersection(zone)
                if piece is not None and piece.GetArea() > 0:
                    pieces.setdefault(pf.GetFID(), []).append(piece)
            dltb.SetSpatialFilter(None)
        for fid, ps in pieces.items():
            if len(ps) == 1:
                area = ps[0].GetArea()
            else:
                u = ps[0]
                for p in ps[1:]:
                    u = u.Union(p)
                area = u.GetArea()
            county, dlbm = patch_info[fid]
            key = (county, name, dlbm)
            out[key] = out.get(key, 0.0) + area
    return out


def run(guotu, city, out, area):
    r = subprocess.run([guotu, "report", "--plan", city, "--out", out, "--overwrite", "--by", "county",
                        "--classes-within", ",".join(LAYERS), "--area", area, "--json", "--jobs", "2"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: guotu report exited {r.returncode}: {r.stderr[-2000:]}")
    doc = json.loads(r.stdout)
    if doc.get("area") != area:
        sys.exit(f"FAIL: the JSON says area {doc.get('area')!r}, not {area!r}")
    got = {}
    for c in doc["classes_within"]:
        if c["level"] == "county":
            got[(c["unit"], c["layer"], c["dlbm"])] = c["area_m2"]
    if not os.path.exists(os.path.join(out, "classes_within.csv")):
        sys.exit("FAIL: no classes_within.csv")
    return got


def main():
    guotu, sample = sys.argv[1], sys.argv[2]
    city = os.path.join(sample, "city.gpkg")
    with tempfile.TemporaryDirectory() as tmp:
        planar = run(guotu, city, os.path.join(tmp, "planar"), "planar")
        ellipsoidal = run(guotu, city, os.path.join(tmp, "ell"), "ellipsoidal")
    ref = reference(city)
    bad = []
    for key in sorted(set(ref) | set(planar)):
        a, b = ref.get(key, 0.0), planar.get(key, 0.0)
        if abs(a - b) > max(1e-6 * abs(a), 1e-4):
            bad.append(f"{key}: OGR {a!r} guotu {b!r}")
    if len(ref) < 20:
        bad.append(f"only {len(ref)} records: the sample city is not what this test expects")
    for key, b in planar.items():
        e = ellipsoidal.get(key)
        if b > 1 and (e is None or not 0.9990 <= e / b <= 1.0):
            bad.append(f"{key}: 椭球面积 {e!r} against plane {b!r}")
    if bad:
        print(f"FAIL: {len(bad)} of {len(ref)} records differ:", *bad[:20], sep="\n  ")
        sys.exit(1)
    total = sum(ref.values())
    print(f"ok classes within: {len(ref)} records (county × layer × DLBM), {total:.1f} m² in all, "
          f"guotu --area planar within 1e-6 of OGR")


if __name__ == "__main__":
    main()
