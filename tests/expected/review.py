#!/usr/bin/python3
"""The review of the expected documents (tests/expected/*.json), kept as a test: the figures
that matter in each, recomputed from the fixture independently of guotu — geodesic areas with
pyproj (CGCS2000 ellipsoid, vertices taken to EPSG:4490, edges densified), sums of the fixture's
attributes read with OGR SQL, the ledger's arithmetic from its CSVs and the grade weights of
data/rules/farmland_grade_weights.csv, pass/fail from the targets file, the sample city's counts
and areas read back from the file guotu wrote. An expected document regenerated with `run.py
--update` that no longer agrees with the fixture fails here, whatever guotu now prints.

    review.py GUOTU        # exit 0 when every checked figure agrees, 1 otherwise

What is checked, per document, is written next to each block below.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import yaml
from osgeo import ogr, osr
from pyproj import Geod, Transformer

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, HERE)
import fixture  # noqa: E402

ogr.UseExceptions()
osr.UseExceptions()
GEOD = Geod(a=6378137.0, f=1 / 298.257222101)
TO_LONLAT = Transformer.from_crs("EPSG:4527", "EPSG:4490", always_xy=True)
MU = 10000.0 / 15.0
failures = []


def expect(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def near(got, want, rel=1e-7, abs_=1e-6):
    return abs(got - want) <= max(abs_, rel * abs(want))


def load(name):
    with open(os.path.join(HERE, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def ring_area(points, step):
    """Geodesic area (m², unsigned) of a ring of EPSG:4527 points, edges densified to `step` m."""
    lon, lat = [], []
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
        n = max(1, math.ceil(math.hypot(bx - ax, by - ay) / step))
        for k in range(n):
            lo, la = TO_LONLAT.transform(ax + (bx - ax) * k / n, ay + (by - ay) * k / n)
            lon.append(lo)
            lat.append(la)
    area, _ = GEOD.polygon_area_perimeter(lon, lat)
    return abs(area)


def geometry_area(g, step=1.0):
    """Geodesic area of an OGR (multi)polygon in EPSG:4527: shells minus holes."""
    total = 0.0
    polygons = [g] if g.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D) else \
        [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
    for p in polygons:
        for i in range(p.GetGeometryCount()):
            r = p.GetGeometryRef(i)
            pts = [(r.GetX(j), r.GetY(j)) for j in range(r.GetPointCount() - 1)]
            total += ring_area(pts, step) * (1 if i == 0 else -1)
    return total


def rect_area(x0, y0, x1, y1):
    """Geodesic area of a fixture rectangle (metres from the fixture's origin)."""
    return fixture.ellipsoidal_m2(x0, y0, x1, y1)


def sql(path, query):
    ds = ogr.Open(path)
    rs = ds.ExecuteSQL(query, dialect="SQLite")
    rows = [[f.GetField(i) for i in range(f.GetFieldCount())] for f in rs]
    ds.ReleaseResultSet(rs)
    return rows


def weight(grade):
    with open(os.path.join(SRC, "data", "rules", "farmland_grade_weights.csv"), encoding="utf-8") as f:
        return {int(r["grade"]): float(r["weight"]) for r in csv.DictReader(f)}[grade]


def land_classes():
    """class → [(code, include_suffixes)] of the 三调 scheme (layers/codes/land_classes.csv)."""
    out = {}
    with open(os.path.join(SRC, "layers", "codes", "land_classes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["scheme"] == "sandiao":
                out.setdefault(r["class"], []).append((r["code"], r["include_suffixes"] == "yes"))
    return out


def in_class(dlbm, rows):
    """The matching rule of layers/README.md: base code = the first 4 characters (or 09), suffix =
    the rest; a row whose code has a suffix matches that value exactly; otherwise the base must
    start with the row's code, and a suffixed value matches only rows that include suffixes."""
    base, suffix = ("09", dlbm[2:]) if dlbm.startswith("09") else (dlbm[:4], dlbm[4:])
    for code, with_suffixes in rows:
        if len(code) > 4 or not code[-1].isdigit():
            if dlbm == code:
                return True
        elif base.startswith(code) and (not suffix or with_suffixes):
            return True
    return False


def review(guotu, work):
    fixture.main(work)
    plan = os.path.join(work, "plan.gpkg")
    classes = land_classes()

    # info: counts and extent of the fixture; area_m2 = geodesic area of the county rectangle and
    # of the 4 patches; 亩 = m² × 15 / 10000; km² = m² / 1e6; planar diagnostic 400 × 200.
    d = {l["name"]: l for l in load("info")["layers"]}
    expect(d["XZQ"]["feature_count"] == 1 and d["DLTB"]["feature_count"] == 4, "info: feature counts 1 and 4")
    expect(d["DLTB"]["extent"] == [39440000.0, 4030000.0, 39440400.0, 4030200.0], "info: extent of [0,400]×[0,200]")
    county = rect_area(0, 0, 400, 200)
    patches = sum(rect_area(*b) for b in [(0, 0, 100, 100), (100, 0, 200, 100), (0, 100, 200, 200), (200, 0, 400, 200)])
    expect(near(d["XZQ"]["area_m2"], county), f"info: XZQ area_m2 {d['XZQ']['area_m2']} = geodesic {county:.4f}")
    expect(near(d["DLTB"]["area_m2"], patches), f"info: DLTB area_m2 {d['DLTB']['area_m2']} = geodesic {patches:.4f}")
    for l in d.values():
        expect(near(l["area_mu"], l["area_m2"] / MU) and near(l["area_km2"], l["area_m2"] / 1e6), f"info: {l['name']} 亩, km²")
        expect(l["planar_area_diagnostic"] == 80000.0 and l["invalid"] == [], f"info: {l['name']} planar 80000, no invalid")

    # validate: the one defect is STBHHX ∩ YJJBNT = [300,400]×[150,200], located at its centre. The
    # fixture has the three control lines and none of the three spaces (CZKJ, NYKJ, STKJ of
    # data/validate/rules.yaml): whether each line lies in its space cannot be judged, so each
    # missing space is one NOT_CHECKED error naming its line, and SPACES_COVERAGE and
    # LINE_OUTSIDE_SPACE are null (未检查) in counts, never 0.
    v = load("validate")
    vrules = yaml.safe_load(open(os.path.join(SRC, "data", "validate", "rules.yaml"), encoding="utf-8"))
    pairs = {space: line for line, space in vrules["line_in_space"].items()}
    expect(len(v["errors"]) == 4 and v["error_count"] == 4 and v["warning_count"] == 0,
           "validate: four errors, no warning")
    e = v["errors"][0]
    overlap = rect_area(300, 150, 400, 200)
    expect((e["check"], e["layer"], e["fid"], e["related_layer"], e["related_fid"]) == ("LINES_OVERLAP", "STBHHX", 1, "YJJBNT", 1),
           "validate: LINES_OVERLAP STBHHX 1 / YJJBNT 1")
    expect(near(e["measure"], overlap), f"validate: measure {e['measure']} = geodesic {overlap:.4f}")
    expect((e["x"], e["y"]) == (39440350.0, 4030175.0), "validate: located at (350, 175)")
    nc = v["errors"][1:]
    expect([x["layer"] for x in nc] == sorted(vrules["three_spaces"]) and all(x["check"] == "NOT_CHECKED" for x in nc),
           "validate: NOT_CHECKED under each of the three spaces")
    for x in nc:
        expect(f"LINE_OUTSIDE_SPACE ({pairs[x['layer']]} in {x['layer']})" in x["message"]
               and f"the plan has no {x['layer']} layer" in x["message"],
               f"validate: NOT_CHECKED {x['layer']} names {pairs[x['layer']]} and why")
    expect(v["counts"]["SPACES_COVERAGE"] is None and v["counts"]["LINE_OUTSIDE_SPACE"] is None
           and set(v["not_checked"]) == {"SPACES_COVERAGE", "LINE_OUTSIDE_SPACE"},
           "validate: SPACES_COVERAGE and LINE_OUTSIDE_SPACE not checked (null, with a reason)")
    expect(sum(n for n in v["counts"].values() if n is not None) == 4, "validate: counts sum to 4")

    # check: P2 = [320,380]×[160,190] lies inside STBHHX and YJJBNT and outside CZKFBJ: three 禁止
    # pieces of its whole area; P1 = [50,150]×[20,80] passes. Occupancy: P1 takes 50 × 60 of 耕地
    # 0101 (KCXS 0.1, grade 5) and 50 × 60 of 林地; P2 60 × 30 of 旱地 0103 (KCXS 0.05, grade 7);
    # capacity = net 耕地 × weight(grade).
    c = load("check")
    p2 = rect_area(320, 160, 380, 190)
    expect(sorted(x["rule"] for x in c["violations"]) == ["R-CZKFBJ-WITHIN", "R-STBHHX-FORBID", "R-YJJBNT-APPROVAL"]
           and all(x["project"] == "P2" and near(x["area_m2"], p2) for x in c["violations"]),
           f"check: P2's three violations of {p2:.4f} m²")
    # Not evaluated: each rule of data/rules/liaocheng.yaml whose layer (or an alias) the fixture's
    # plan lacks, on each project whose XMLX its `projects` filter accepts (P1 居住, P2 工业).
    # P1 breaks nothing it could be judged on, so it is 未完整审查, never 通过; P2 stays 禁止 (worse
    # wins); the check is incomplete.
    rules = yaml.safe_load(open(os.path.join(SRC, "data", "rules", "liaocheng.yaml"), encoding="utf-8"))["rules"]
    plan_ds = ogr.Open(plan)
    tables = {plan_ds.GetLayer(i).GetName().upper() for i in range(plan_ds.GetLayerCount())}
    plan_ds = None
    names = {}
    for f in os.listdir(os.path.join(SRC, "layers", "catalogue")):
        doc = yaml.safe_load(open(os.path.join(SRC, "layers", "catalogue", f), encoding="utf-8"))
        names[doc["code"]] = {str(a).upper() for a in [doc["code"]] + (doc.get("aliases") or [])}
    missing = [r for r in rules if not (names[r["layer"]] & tables)]
    expect(len(missing) == 9 and len(rules) == 12, f"check: the fixture lacks the layers of {len(missing)} of {len(rules)} rules")

    def accepts(rule, xmlx):
        f = rule.get("projects") or {}
        return (not f.get("in") or xmlx in f["in"]) and xmlx not in (f.get("not_in") or [])

    types = {"P1": "居住", "P2": "工业"}
    for v in c["verdicts"]:
        want = [r["id"] for r in missing if accepts(r, types[v["project"]])]
        expect([n["rule"] for n in v["not_evaluated"]] == want, f"check: {v['project']} not evaluated on {want}")
        layer_of = {r["id"]: r["layer"] for r in missing}
        expect(all("规划数据中没有图层 " + layer_of.get(n["rule"], "?") in n["reason"] for n in v["not_evaluated"]),
               f"check: {v['project']}: each reason names the missing layer, in Chinese")
    expect([(x["project"], x["verdict"]) for x in c["verdicts"]] == [("P1", "未完整审查"), ("P2", "禁止")],
           "check: verdicts P1 未完整审查 (not 通过), P2 禁止")
    expect(sorted(n["rule"] for n in c["not_evaluated"]) == sorted(r["id"] for r in missing)
           and all(n["file"] == "plan.gpkg" and n["fid"] is None for n in c["not_evaluated"]),
           "check: the top-level not_evaluated names each rule once, with the plan file")
    expect(c["complete"] is False and c["verdict_counts"]["未完整审查"] == 1 and c["verdict_counts"]["禁止"] == 1,
           "check: incomplete, verdict counts")
    expect([(o["project"], o["verdict"]) for o in c["occupancy"]] == [("P1", "未完整审查"), ("P2", "禁止")],
           "check: the occupancy hand-over carries the verdicts")
    occ = {o["project"]: o for o in c["occupancy"]}
    gross1, forest1 = rect_area(50, 20, 100, 80), rect_area(100, 20, 150, 80)
    expect(near(occ["P1"]["cultivated_gross_m2"], gross1) and near(occ["P1"]["cultivated_net_m2"], gross1 * 0.9),
           f"check: P1 耕地 gross {gross1:.4f}, net × 0.9")
    expect(near(occ["P1"]["by_class"]["forest"]["area_m2"], forest1), "check: P1 林地")
    expect(near(occ["P1"]["capacity_std_m2"], gross1 * 0.9 * weight(5)), "check: P1 capacity = net × weight(5)")
    expect(near(occ["P2"]["cultivated_net_m2"], p2 * 0.95) and near(occ["P2"]["capacity_std_m2"], p2 * 0.95 * weight(7)),
           "check: P2 net × 0.95, capacity × weight(7)")
    expect(c["projects"] == 2 and c["projects_evaluated"] == 2, "check: 2 projects evaluated")

    # diff: patch 1 (0101 → 0702) is 非农化 inside CZKFBJ (not suspect); the east half of patch 4
    # [300,400]×[0,200] (0103 → 0201) is 进出平衡_出 (and, inside 永久基本农田, 非粮化).
    df = load("diff")
    ch = {x["class"]: x for x in df["changes"]}
    expect(len(df["changes"]) == 2 and set(ch) == {"非农化", "进出平衡_出"}, "diff: two changes")
    expect(near(ch["非农化"]["area_m2"], rect_area(0, 0, 100, 100)) and not ch["非农化"]["suspect"],
           "diff: 非农化 = patch 1's square, not suspect")
    expect(near(ch["进出平衡_出"]["area_m2"], rect_area(300, 0, 400, 200)), "diff: 进出平衡_出 = [300,400]×[0,200]")
    # The orchard lies in 永久基本农田 ([200,400]×[0,200]): 永久基本农田非粮化, 疑似违法 and no credit.
    out = ch["进出平衡_出"]
    expect(out["classes"] == ["进出平衡_出", "永久基本农田非粮化"] and out["suspect"] and out["credit"] == ""
           and out["suspect_layers"] == ["YJJBNT"] and near(out["zones_m2"]["YJJBNT"], rect_area(300, 0, 400, 200)),
           "diff: the orchard in 永久基本农田 is 非粮化, 疑似违法, no credit")
    expect(ch["非农化"]["classes"] == ["非农化", "新增建设用地"] and ch["非农化"]["credit"] == "",
           "diff: patch 1 is 非农化 and 新增建设用地")
    expect(df["counts"]["疑似违法"] == 1 and df["credit_m2"] == {"in": 0.0, "out": 0.0},
           "diff: one 疑似违法, nothing credited")
    # The fixture has no ZRBHD: the rules on it are not evaluated where they apply (patch 1 is new
    # construction), and the run says so (exit 2).
    expect(not df["complete"] and set(df["unevaluated_rules"]) == {"SUS-XZJS-ZRBHD", "CHG-WGKK-ZRBHD-JS"},
           "diff: 未完整审查 without ZRBHD")

    # report: the measures are sums of the fixture's own TBMJ/TBDLMJ (OGR SQL) by ZLDWDM prefix and
    # class, and geodesic areas of YJJBNT/STBHHX inside each unit; the indicators their ratios;
    # pass/fail by the comparators of report/targets.yaml.
    r = load("report")
    units = {u["code"]: u for u in r["units"]}

    plan_ds = ogr.Open(plan)  # kept open while its layer is read
    patches = [(f.GetField("ZLDWDM"), f.GetField("DLBM"), f.GetField("TBMJ"), f.GetField("TBDLMJ"))
               for f in plan_ds.GetLayerByName("DLTB")]
    plan_ds = None

    def measure(prefix, field, cls=None):
        return sum(tbmj if field == "TBMJ" else tbdlmj for zl, dlbm, tbmj, tbdlmj in patches
                   if zl.startswith(prefix) and (cls is None or in_class(dlbm, classes[cls])))

    overlays = {"371500": (rect_area(200, 0, 400, 200), rect_area(300, 150, 400, 200)),
                "371502": (rect_area(200, 0, 400, 200), rect_area(300, 150, 400, 200)),
                "371502001": (0.0, 0.0), "371502002": (rect_area(200, 0, 400, 200), rect_area(300, 150, 400, 200))}
    targets = yaml.safe_load(open(os.path.join(HERE, "report", "targets.yaml"), encoding="utf-8"))["targets"]
    for code, u in units.items():
        prefix = "3715" if code == "371500" else code
        m = {"land_area": measure(prefix, "TBMJ"), "construction": measure(prefix, "TBMJ", "construction"),
             "cultivated": measure(prefix, "TBDLMJ", "cultivated"), "forest": measure(prefix, "TBMJ", "forest")}
        for k, want in m.items():
            expect(near(u["measures_m2"][k], want, 1e-9), f"report {code}: {k} {u['measures_m2'][k]} = Σ {want}")
        yj, st = overlays[code]
        expect(near(u["measures_m2"]["yjjbnt"], yj) and near(u["measures_m2"]["stbhhx"], st), f"report {code}: overlays")
        ind = u["indicators"]
        want_values = {"kfqd_pct": 100 * m["construction"] / m["land_area"], "gd_ha": m["cultivated"] / 1e4,
                       "sl_pct": 100 * m["forest"] / m["land_area"], "yjjbnt_ha": yj / 1e4, "stbhhx_ha": st / 1e4}
        for k, want in want_values.items():
            expect(near(ind[k]["value"], want), f"report {code}: {k} {ind[k]['value']} = {want:.9g}")
        for k, i in ind.items():
            t = [t for t in targets if t["indicator"] == k and (t["level"] == u["level"])]
            if t and "value" in t[0]:
                ok = {">=": i["value"] >= t[0]["value"], "<=": i["value"] <= t[0]["value"]}[t[0]["comparator"]]
                expect(i["pass"] is ok and i["status"] == ("pass" if ok else "fail"), f"report {code}: {k} {i['status']}")
            else:
                expect(i["pass"] is None and i["status"] == "missing target", f"report {code}: {k} missing target")
    expect(r["counts"] == {"fail": 2, "missing target": 16, "pass": 2}, "report: 2 pass, 2 fail, 16 missing")
    # The fixture is written by fixture.py without guotu sample's GUOTU_SYNTHETIC mark: no banner.
    expect(r["synthetic"] is False, "report: a plan without the sample's mark is not called synthetic")

    # ledger balance: from the CSVs. 371502: +100 亩 (20 水田, grade 5), −30 (10 水田) drawn, −10
    # transferred to 371521 (with the lot's 水田 share 10 × 20/100 = 2); 371521: +50 (grade 9),
    # +10 bought, −20 drawn (dated before the transfer, so from its own lot). Capacity = area ×
    # weight(grade) of the lot drawn from, in proportion to the area drawn.
    b = load("ledger_balance")
    cap5, cap9 = 100 * MU * weight(5), 50 * MU * weight(9)
    want = {"371502": {"supplemented": (100, 20, cap5), "drawn": (30, 10, 0.3 * cap5), "transferred_out": (10, 2, 0.1 * cap5),
                       "transferred_in": (0, 0, 0), "stock": (60, 8, 0.6 * cap5)},
            "371521": {"supplemented": (50, 0, cap9), "drawn": (20, 0, 0.4 * cap9), "transferred_out": (0, 0, 0),
                       "transferred_in": (10, 2, 0.1 * cap5), "stock": (40, 2, 0.6 * cap9 + 0.1 * cap5)}}
    for cty in b["counties"]:
        for k, (mu, paddy, cap) in want[cty["county"]].items():
            got = cty[k]
            expect(near(got["area_mu"], mu) and near(got["area_m2"], mu * MU) and near(got["paddy_mu"], paddy)
                   and near(got["capacity"], cap, 1e-7, 1e-3), f"ledger {cty['county']} {k}: {mu} 亩, 水田 {paddy}, 产能 {cap:.3f}")
    expect(near(b["stock"]["area_mu"], 100) and near(b["stock"]["paddy_mu"], 10), "ledger: city stock 150 − 50 = 100 亩, 水田 10")
    expect(b["year"]["occupations"] == 2 and near(b["year"]["drawn"]["area_mu"], 50), "ledger 2023: 2 occupations, 50 亩")
    expect(len(b["inout"]) == 1 and near(b["inout"][0]["out_m2"], 5 * MU) and near(b["inout"][0]["in_m2"], 8 * MU)
           and b["inout"][0]["closed"], "ledger 2023: 进出平衡 371502 out 5 亩, in 8 亩, closed")
    lr = load("ledger_report")
    expect(sorted(lr["files"]) == sorted(["supplements.csv", "occupations.csv", "transfers.csv", "inout.csv", "audit.csv",
                                          "balance.csv"]), "ledger report: the entry tables, audit trail and balances")

    # qgis: every layer of the three files, in its catalogue group (check's results under 检查结果,
    # its occupancy table under 表格), with the features the files hold, paths relative.
    q = load("qgis")
    catalogue = {}
    for f in os.listdir(os.path.join(SRC, "layers", "catalogue")):
        doc = yaml.safe_load(open(os.path.join(SRC, "layers", "catalogue", f), encoding="utf-8"))
        catalogue[doc["code"]] = doc.get("group")
    counts = {n: sql(plan, f"SELECT COUNT(*) FROM {n}")[0][0] for n in ["XZQ", "XZQ_XIANG", "DLTB", "DLTB_LATER", "CZKFBJ",
                                                                        "YJJBNT", "STBHHX"]}
    # not_evaluated: the 9 rules without a layer once for the run, then on each project (as above).
    counts.update({"XMYD": 2, "violations": 3, "projects": 2, "occupancy": 3, "not_evaluated": 9 + 9 + 9})
    for l in q["layers"]:
        group = catalogue.get(l["table"]) or {"violations": "检查结果", "projects": "检查结果", "occupancy": "表格",
                                               "not_evaluated": "表格"}[l["table"]]
        expect(l["group"] == group and l["feature_count"] == counts[l["table"]] and l["source"].startswith("./"),
               f"qgis: {l['table']} in {group}, {counts[l['table']]} features, relative source")
    expect(len(q["layers"]) == len(counts), "qgis: every layer")

    # sample: the file guotu writes holds what its JSON says: feature counts (OGR); the land and
    # each class as Σ TBMJ of the DLTB patches it wrote (classes by the rule of layers/README.md);
    # and those TBMJ are 椭球面积: within 2e-6 of the geodesic areas of the patches (edges densified
    # to 10 m here; guotu measures long edges in 25 m steps, so the two agree to ~1e-6). TBMJ is
    # stored to 0.01 m² and the JSON to 10 significant digits: a class of n patches may differ from
    # Σ TBMJ by n × 0.005 m² plus that rounding.
    s = load("sample")
    city = os.path.join(work, "city.gpkg")
    subprocess.run([guotu, "sample", "--out", city, "--patches", "200", "--seed", "1", "--jobs", "2"], check=True,
                   capture_output=True)
    for name, n in s["feature_counts"].items():
        expect(sql(city, f"SELECT COUNT(*) FROM {name}")[0][0] == n, f"sample: {name} has {n} features")
    by_class = {k: 0.0 for k in s["class_area_m2"]}
    n_class = {k: 0 for k in s["class_area_m2"]}
    land = geodesic = 0.0
    city_ds = ogr.Open(city)
    for f in city_ds.GetLayerByName("DLTB"):
        tbmj = f.GetField("TBMJ")
        land += tbmj
        geodesic += geometry_area(f.GetGeometryRef(), 10.0)
        for k in by_class:
            if in_class(f.GetField("DLBM"), classes[k]):
                by_class[k] += tbmj
                n_class[k] += 1
    city_ds = None
    expect(near(s["land_area_m2"], land, 1e-9), f"sample: land {s['land_area_m2']} = Σ TBMJ {land:.2f}")
    expect(near(land, geodesic, 2e-6), f"sample: Σ TBMJ {land:.0f} ≈ geodesic {geodesic:.0f}")
    for k, want in by_class.items():
        expect(near(s["class_area_m2"][k], want, 1e-9, 0.005 * n_class[k]),
               f"sample: {k} {s['class_area_m2'][k]} = Σ TBMJ {want:.2f} ({n_class[k]} patches)")
    for k, share in s["shares"].items():
        expect(near(share, s["class_area_m2"][k] / s["land_area_m2"], 1e-6), f"sample: share of {k}")
    expect(near(s["natural_parks_wan_mu"], s["natural_parks_m2"] / MU / 1e4), "sample: natural parks in 万亩")
    city_ds = ogr.Open(city)
    parks = sum(geometry_area(f.GetGeometryRef(), 10.0) for f in city_ds.GetLayerByName("ZRBHD"))
    city_ds = None
    expect(near(s["natural_parks_m2"], parks, 1e-4), f"sample: natural parks {s['natural_parks_m2']} ≈ geodesic {parks:.0f}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="guotu-expected-review-") as work:
        review(os.path.realpath(sys.argv[1]), work)
    print(f"{len(failures)} figure(s) disagree" if failures else "every checked figure agrees with the fixture")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
