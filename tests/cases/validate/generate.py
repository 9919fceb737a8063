# Writes the validate cases next to this script (python3 tests/cases/validate/generate.py). Every case is a small plan
# near 116.45°E 36.04°N in EPSG:4527 (zone 39, CM 117°E): x = 39450000 + dx, y = 3990000 + dy.
# The geometries are written as the C++ tests they replace built them (rect: 6 decimals, poly:
# 9 decimals, trailing zeros dropped), so every case reads the same doubles. Every expected
# finding is derived by hand below (the comment next to it says how); none is copied from a run.

import os

HERE = os.path.dirname(os.path.abspath(__file__))
X0, Y0 = 39450000.0, 3990000.0


def num(v, decimals):
    s = f"{v:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def rect(x, y, w, h):
    """A w × h rectangle from (x, y), metres from the origin."""
    p = [(X0 + x, Y0 + y), (X0 + x + w, Y0 + y), (X0 + x + w, Y0 + y + h), (X0 + x, Y0 + y + h), (X0 + x, Y0 + y)]
    return "POLYGON((" + ", ".join(f"{num(a, 6)} {num(b, 6)}" for a, b in p) + "))"


def poly(pts):
    """A polygon from relative coordinates (closed here)."""
    p = [(X0 + a, Y0 + b) for a, b in pts + [pts[0]]]
    return "POLYGON((" + ", ".join(f"{num(a, 9)} {num(b, 9)}" for a, b in p) + "))"


ZLDWDM = "3715021000000000000"


def patch(wkt, bsm, dlbm="0101", kcxs=0, **override):
    """A DLTB patch whose areas are right: TBMJ = the reference 椭球面积 (`auto`), KCMJ = TBMJ × KCXS,
    TBDLMJ = TBMJ − KCMJ."""
    f = {"BSM": f'"{bsm}"', "DLBM": f'"{dlbm}"', "DLMC": "水田", "ZLDWDM": f'"{ZLDWDM}"', "TBMJ": "auto",
         "KCXS": str(kcxs), "KCMJ": "auto", "TBDLMJ": "auto"}
    for k, v in override.items():
        if v is None:
            f.pop(k, None)
        else:
            f[k] = v
    if wkt:
        f["wkt"] = f'"{wkt}"'
    return "{" + ", ".join(f"{k}: {v}" for k, v in f.items()) + "}"


def county(wkt, code, **override):
    f = {"BSM": f"X{code}", "XZQDM": f'"{code}"', "XZQMC": f"县{code}"}
    f.update(override)
    f["wkt"] = f'"{wkt}"'
    return "{" + ", ".join(f"{k}: {v}" for k, v in f.items()) + "}"


def feat(wkt, **values):
    f = dict(values)
    if wkt:
        f["wkt"] = f'"{wkt}"'
    return "{" + ", ".join(f"{k}: {v}" for k, v in f.items()) + "}"


def clean_xzq():
    return [county(rect(0, 0, 200, 100), "371502")]


def clean_dltb():
    return [patch(rect(0, 0, 100, 100), "1"), patch(rect(100, 0, 100, 100), "2", "0103", 0.1)]


def layer_yaml(name, layer):
    """layer: a list of feature lines, or a dict of options with 'features'."""
    if isinstance(layer, list):
        if not layer:
            return [f"  {name}: []"]
        return [f"  {name}:"] + [f"    - {f}" for f in layer]
    out = [f"  {name}:"]
    for k, v in layer.items():
        if k == "features":
            continue
        out.append(f"    {k}: {v}")
    fs = layer.get("features", [])
    out += ["    features:" + ("" if fs else " []")] + [f"      - {f}" for f in fs]
    return out


def case(name, description, plan, findings=(), exit_code=None, error=None, notes=(), options=None, rules_edit=(),
         fmt=None, comments=(), not_checked=None):
    out = ["# Written by generate.py (edit it and rerun). EPSG:4527: x = 39450000 + dx, y = 3990000 + dy.",
           "description: >", "  " + description]
    for c in comments:
        out.append("# " + c)
    if fmt:
        out.append(f"format: {fmt}")
    if rules_edit:
        out.append("rules_edit:")
        out += [f'  - {{from: "{a}", to: "{b}"}}' for a, b in rules_edit]
    if options:
        out.append(f"options: {options}")
    out.append("plan:")
    for k, v in plan.items():
        out += layer_yaml(k, v)
    out.append("expect:")
    if error:
        out.append(f'  error: "{error}"')
    else:
        out.append(f"  exit_code: {exit_code}")
        if findings:
            out.append("  findings:")
            for f in findings:
                if isinstance(f, tuple):  # (comment, finding)
                    out.append(f"    # {f[0]}")
                    f = f[1]
                out.append(f"    - {f}")
        else:
            out.append("  findings: []")
        if notes:
            out.append("  notes: [" + ", ".join(notes) + "]")
        if not_checked is not None:
            out.append("  not_checked: [" + ", ".join(not_checked) + "]")
    open(os.path.join(HERE, name + ".yaml"), "w", encoding="utf-8").write("\n".join(out) + "\n")


def x(dx):
    return num(X0 + dx, 6)


def y(dy):
    return num(Y0 + dy, 6)


# The cases about control lines alone (LINES_OVERLAP, a stray red-line feature) switch off
# the pairing of lines and spaces: a plan with the lines and without the spaces is NOT_CHECKED
# (spaces_absent_lines_not_checked).
NO_PAIRS = [("line_in_space:\\n  STBHHX: STKJ\\n  YJJBNT: NYKJ\\n  CZKFBJ: CZKJ", "line_in_space: {}")]


# ------------------------------------------------------------------------- the clean base

case("clean_city", "One county 200 m × 100 m covered exactly by two DLTB patches whose areas are right: no finding.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb()}, exit_code=0)

# ------------------------------------------------------------------------------- geometry

case("geom_invalid_bow_tie",
     "A bow-tie patch: the ring crosses itself at (50, 50). One defect, one finding: make-valid keeps "
     "the two triangles, and neither the hole that leaves nor the TBMJ of the repaired patch is "
     "reported again.",
     {"XZQ": clean_xzq(),
      "DLTB": [patch(poly([(0, 0), (100, 100), (100, 0), (0, 100)]), "1", TBMJ="0", KCMJ="0", TBDLMJ="0"),
               clean_dltb()[1]]},
     [("the crossing of (0,0)–(100,100) and (100,0)–(0,100) is (50, 50)",
       f'{{check: GEOM_INVALID, layer: DLTB, fid: 1, severity: error, message: Self-intersection, '
       f'x: "{x(50)} ± 1e-6", y: "{y(50)} ± 1e-6"}}')],
     exit_code=1,
     comments=["The bow-tie's TBMJ is 0: the signed areas of its two triangles cancel (a shoelace sum)."])

case("geom_empty_null", "A third DLTB patch with a null geometry: GEOM_EMPTY for fid 3, nothing else.",
     {"XZQ": clean_xzq(),
      "DLTB": clean_dltb() + [patch("", "3", TBMJ="1.0", KCMJ="0.0", TBDLMJ="1.0")]},
     ["{check: GEOM_EMPTY, layer: DLTB, fid: 3, severity: error}"], exit_code=1)

case("geom_type_polygon_in_point_layer",
     "A KJJG (structure points) layer that accepts any geometry holds a point (fine) and a polygon: "
     "GEOM_TYPE for the polygon, fid 2.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "KJJG": {"geometry": "Unknown",
               "features": [feat(f"POINT({num(X0 + 50, 6)} {num(Y0 + 50, 6)})", BSM="K1", JGMC="中心城区", JGLX="核"),
                            feat(rect(10, 10, 20, 20), BSM="K2", JGMC="某镇", JGLX="点")]}},
     ["{check: GEOM_TYPE, layer: KJJG, fid: 2}"], exit_code=1)

case("value_invalid_inf_tbmj",
     "Patch 2's TBMJ is infinite: VALUE_INVALID (fid 2, «TBMJ = inf») and the patch takes no part in "
     "the other checks: its TBMJ is not compared, and its place is a COVERAGE_GAP of DLTB inside the "
     "county (docs/validate.md).",
     {"XZQ": clean_xzq(),
      "DLTB": [clean_dltb()[0], patch(rect(100, 0, 100, 100), "2", "0103", 0.1, TBMJ=".inf")]},
     ["{check: VALUE_INVALID, layer: DLTB, fid: 2, severity: error, message: TBMJ = inf}",
      ("the gap is patch 2's square [100, 200] × [0, 100]: 100 m × 100 m at k ≈ 1.0000308, "
       "reference 椭球面积 9999.39 m² (geod_polygonarea)",
       f'{{check: COVERAGE_GAP, layer: DLTB, fid: null, related_layer: XZQ, related_fid: 1, measure: "9999.39 ± 1", '
       f'x: [{x(100)}, {x(200)}], y: [{y(0)}, {y(100)}]}}')],
     exit_code=1)

case("required_field_empty_in_whole_layer",
     "ZLDWDM (a required field) is empty in every DLTB patch: one layer-level SCHEMA_FIELD_EMPTY.",
     {"XZQ": clean_xzq(),
      "DLTB": [patch(rect(0, 0, 100, 100), "1", ZLDWDM=None),
               patch(rect(100, 0, 100, 100), "2", "0103", 0.1, ZLDWDM=None)]},
     ['{check: SCHEMA_FIELD_EMPTY, layer: DLTB, fid: null, message: "ZLDWDM (坐落单位代码) is empty in all 2 features"}'],
     exit_code=1)

case("required_field_filled_in_one_patch",
     "ZLDWDM filled in one patch of two: not a layer-wide omission, no finding.",
     {"XZQ": clean_xzq(),
      "DLTB": [clean_dltb()[0], patch(rect(100, 0, 100, 100), "2", "0103", 0.1, ZLDWDM=None)]},
     exit_code=0)

case("checks_not_run_empty_xzq",
     "The city layer XZQ is delivered empty: the checks that need it are NOT_CHECKED (an error), not "
     "passed: OUTSIDE_CITY and SPACES_COVERAGE (the city), and COVERAGE_GAP (DLTB inside XZQ).",
     {"XZQ": [], "DLTB": clean_dltb()},
     ['{check: NOT_CHECKED, layer: DLTB, fid: null, severity: error, message: "COVERAGE_GAP not checked"}',
      '{check: NOT_CHECKED, layer: XZQ, fid: null, severity: error, '
      'message: "OUTSIDE_CITY and SPACES_COVERAGE not checked: the XZQ layer XZQ has no feature"}'],
     exit_code=1)

case("checks_not_run_city_layer_nosuch",
     "A rule file whose city_layer names no layer of the plan: one NOT_CHECKED naming it.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb()},
     ['{check: NOT_CHECKED, layer: NOSUCH, fid: null, severity: error, message: "NOSUCH names neither"}'],
     exit_code=1, rules_edit=[("city_layer: XZQ", "city_layer: NOSUCH")])

case("nothing_to_check", "Every layer empty: nothing at all to judge is not a pass but bad input (exit 2).",
     {"XZQ": [], "DLTB": []}, error="nothing to check")

case("geom_out_of_crs_area",
     "One STBHHX feature 600 km east of the central meridian (about 123.6°E, far outside zone 39, "
     "115.5–118.5°E): GEOM_OUT_OF_CRS_AREA for it alone; one stray feature does not condemn the layer "
     "(no CRS_ZONE_MISMATCH), and it is not measured again (no OUTSIDE_CITY).",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "STBHHX": [feat(rect(10, 10, 50, 50), BSM="S1"), feat(rect(70, 10, 20, 20), BSM="S3"),
                 feat(rect(110, 10, 20, 20), BSM="S4"),
                 feat(f"POLYGON(({x(650000)} {y(0)},{x(650100)} {y(0)},{x(650100)} {y(100)},{x(650000)} {y(0)}))",
                      BSM="S2")]},
     ["{check: GEOM_OUT_OF_CRS_AREA, layer: STBHHX, fid: 4}"], exit_code=1, rules_edit=NO_PAIRS)

# -------------------------------------------------------------------------------------- CRS

case("crs_missing", "A Shapefile without .prj: CRS_MISSING.",
     {"nocrs": {"crs": "none", "fields": "[]", "features": [feat(rect(0, 0, 10, 10))]}},
     ["{check: CRS_MISSING, layer: nocrs, fid: null, severity: error}"], exit_code=1, fmt="ESRI Shapefile")

case("crs_missing_assumed", "The same Shapefile with --assume-crs EPSG:4527: nothing to report.",
     {"nocrs": {"crs": "none", "fields": "[]", "features": [feat(rect(0, 0, 10, 10))]}},
     exit_code=0, fmt="ESRI Shapefile", options="{assume_crs: EPSG:4527}")


def transformed_rect(src, dst, x0, y0, x1, y1):
    """The rectangle's corners taken from src to dst by PROJ (pyproj), as a polygon."""
    from pyproj import Transformer
    t = Transformer.from_crs(src, dst, always_xy=True)
    p = [t.transform(a, b) for a, b in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]
    return "POLYGON((" + ", ".join(f"{num(a, 6)} {num(b, 6)}" for a, b in p) + "))"


case("crs_not_cgcs2000",
     "The county delivered in WGS 84 / UTM 50N (EPSG:32650, its corners taken there by PROJ): "
     "CRS_NOT_CGCS2000, and nothing else.",
     {"XZQ": {"crs": "EPSG:32650",
              "features": [county(transformed_rect("EPSG:4527", "EPSG:32650", X0, Y0, X0 + 200, Y0 + 100), "371502")]}},
     ["{check: CRS_NOT_CGCS2000, layer: XZQ, fid: null}"], exit_code=1)


def at(lon, lat):
    """A 1000 m square whose south-west corner is (lon, lat) taken to EPSG:4527 by PROJ."""
    from pyproj import Transformer
    cx, cy = Transformer.from_crs("EPSG:4490", "EPSG:4527", always_xy=True).transform(lon, lat)
    return f"POLYGON(({cx!r} {cy!r},{cx + 1000!r} {cy!r},{cx + 1000!r} {cy + 1000!r},{cx!r} {cy + 1000!r},{cx!r} {cy!r}))"


case("crs_zone_mismatch",
     "Counties at 113.0°E and 113.1°E (zone 38 territory) declared in EPSG:4527 (zone 39, CM 117°E): "
     "4° off, beyond the zone's 1.5° half-width plus the 0.5° margin. One CRS_ZONE_MISMATCH for the "
     "layer, measuring the median longitude of the envelope centres (113.006° and 113.106°: 113.056°) "
     "from the central meridian, 117 − 113.056 = 3.94°; not one GEOM_OUT_OF_CRS_AREA per feature.",
     {"XZQ": [county(at(113.0, 36.0), "410001"), county(at(113.1, 36.0), "410002")]},
     ['{check: CRS_ZONE_MISMATCH, layer: XZQ, fid: null, measure: "3.95 ± 0.1", unit: deg}'], exit_code=1)

case("crs_zone_within_tolerance",
     "A county at 115.3°E in EPSG:4527: 1.7° from the central meridian, inside 1.5° + 0.5° "
     "(Liaocheng's western strip is delivered in zone 39): nothing to report.",
     {"XZQ": [county(at(115.3, 36.4), "371522")]}, exit_code=0)

# --------------------------------------------------------------------- schema, BSM, codes

case("schema_field_missing_and_wrong_type",
     "DLTB without the required TBMJ (an error) and the optional BZ (a warning), with DLBM stored as "
     "a number: SCHEMA_FIELD_MISSING twice, SCHEMA_FIELD_TYPE for DLBM, and the numbers 101 named as "
     "lost leading zeros (CODE_LOST_ZERO, 0101) in both patches.",
     {"XZQ": clean_xzq(),
      "DLTB": {"drop_fields": "[TBMJ, BZ]", "field_types": "{DLBM: Integer}",
               "features": [patch(rect(0, 0, 100, 100), "1", DLBM="101", TBMJ=None),
                            patch(rect(100, 0, 100, 100), "2", "0103", 0.1, DLBM="101", TBMJ=None)]}},
     ["{check: SCHEMA_FIELD_MISSING, layer: DLTB, fid: null, severity: error, message: TBMJ}",
      "{check: SCHEMA_FIELD_MISSING, layer: DLTB, fid: null, severity: warning, message: BZ}",
      "{check: SCHEMA_FIELD_TYPE, layer: DLTB, fid: null, message: DLBM}",
      "{check: CODE_LOST_ZERO, layer: DLTB, fid: 1, message: \"0101\"}",
      "{check: CODE_LOST_ZERO, layer: DLTB, fid: 2, message: \"0101\"}"],
     exit_code=1)

case("bsm_duplicate", "Patch 2 has patch 1's BSM: BSM_DUPLICATE for fid 2, naming fid 1, with its geometry.",
     {"XZQ": clean_xzq(), "DLTB": [clean_dltb()[0], patch(rect(100, 0, 100, 100), "1", "0103", 0.1)]},
     ["{check: BSM_DUPLICATE, layer: DLTB, fid: 2, related_fid: 1, geometry: true}"], exit_code=1)

case("codes_unknown_and_lost_leading_zero",
     "Four patches over the county: 101 (a lost leading zero of 0101), 9999 (unknown), 0201K (the K "
     "suffix is allowed for 园地) and 0305K (not allowed for 灌木林地).",
     {"XZQ": clean_xzq(),
      "DLTB": [patch(rect(0, 0, 50, 100), "1", "101"), patch(rect(50, 0, 50, 100), "2", "9999"),
               patch(rect(100, 0, 50, 100), "3", "0201K"), patch(rect(150, 0, 50, 100), "4", "0305K")]},
     ['{check: CODE_LOST_ZERO, layer: DLTB, fid: 1, message: "0101"}',
      "{check: CODE_UNKNOWN, layer: DLTB, fid: 2}",
      "{check: CODE_UNKNOWN, layer: DLTB, fid: 4}"],
     exit_code=1)

# ------------------------------------------------------------------------------- coverage

case("coverage_overlap_above_threshold",
     "Patch 1 reaches 10 m into patch 2: COVERAGE_OVERLAP of 10 × 100 = 1000 m² between fid 1 and 2.",
     {"XZQ": clean_xzq(), "DLTB": [patch(rect(0, 0, 110, 100), "1"), clean_dltb()[1]]},
     ['{check: COVERAGE_OVERLAP, layer: DLTB, fid: 1, related_fid: 2, measure: "1000 ± 1"}'], exit_code=1)

case("coverage_overlap_below_threshold",
     "Patch 1 reaches 1 cm into patch 2 (1 m², thinner than 0.1 m): not an overlap to report.",
     {"XZQ": clean_xzq(), "DLTB": [patch(rect(0, 0, 100.01, 100), "1"), clean_dltb()[1]]}, exit_code=0)

case("coverage_gap",
     "A 5 m wide gap between the patches: COVERAGE_GAP of 5 × 100 = 500 m² in the county (XZQ fid 1), "
     "located inside the gap.",
     {"XZQ": clean_xzq(), "DLTB": [patch(rect(0, 0, 95, 100), "1"), clean_dltb()[1]]},
     [f'{{check: COVERAGE_GAP, layer: DLTB, fid: null, related_layer: XZQ, related_fid: 1, measure: "500 ± 1", '
      f'x: [{x(95)}, {x(100)}], y: [{y(0)}, {y(100)}]}}'],
     exit_code=1)

case("coverage_gap_thinner_than_min_width",
     "A 0.5 m sliver gap (50 m², above the area threshold) is thinner than the 1 m minimum width: not reported.",
     {"XZQ": clean_xzq(), "DLTB": [patch(rect(0, 0, 99.5, 100), "1"), clean_dltb()[1]]}, exit_code=0)

MASK = {"fields": "[]", "features": [feat(rect(94, -1, 7, 102))]}
GAP5 = [patch(rect(0, 0, 95, 100), "1"), clean_dltb()[1]]
case("allowed_gap_mask_not_named",
     "A mask layer YXFX over the 5 m gap, not named by the rule file: the gap is still reported (500 m²); "
     "the mask, outside the catalogue, is not judged.",
     {"XZQ": clean_xzq(), "DLTB": GAP5, "YXFX": MASK},
     ['{check: COVERAGE_GAP, layer: DLTB, fid: null, related_layer: XZQ, related_fid: 1, measure: "500 ± 1"}'],
     exit_code=1)

case("allowed_gap_mask",
     "The rule file names YXFX as allowed_gap_layer: the gap it covers is not reported.",
     {"XZQ": clean_xzq(), "DLTB": GAP5, "YXFX": MASK}, exit_code=0,
     rules_edit=[('allowed_gap_layer: \\"\\"', "allowed_gap_layer: YXFX")])

case("allowed_gap_mask_partial",
     "A mask over the lower half of the gap only (y −1 … 50): the rest is reported, measured: 5 × 50 = 250 m².",
     {"XZQ": clean_xzq(), "DLTB": GAP5, "YXFX": {"fields": "[]", "features": [feat(rect(94, -1, 7, 51))]}},
     [f'{{check: COVERAGE_GAP, layer: DLTB, fid: null, related_layer: XZQ, related_fid: 1, measure: "250 ± 1", '
      f'y: [{y(50)}, {y(100)}]}}'],
     exit_code=1, rules_edit=[('allowed_gap_layer: \\"\\"', "allowed_gap_layer: YXFX")])


def on_border(yy):
    return (100.0 + 30.0 * yy / 100.0, yy)


A, B = 100.0 / 3, 200.0 / 3
case("t_junctions_along_county_borders",
     "Two counties meeting on a slanted border (100,0)–(130,100). The western county's patches meet it "
     "at y = 50, the eastern county's at y = 33.3 and 66.7: vertices computed on the line in floating "
     "point, so they lie a hair off it (T-junctions). Neither overlaps nor gaps are reported.",
     {"XZQ": [county(poly([(0, 0), (100, 0), (130, 100), (0, 100)]), "371502"),
              county(poly([(100, 0), (200, 0), (200, 100), (130, 100)]), "371521")],
      "DLTB": [patch(poly([(0, 0), (100, 0), on_border(50), (0, 50)]), "1"),
               patch(poly([(0, 50), on_border(50), (130, 100), (0, 100)]), "2"),
               patch(poly([(100, 0), (200, 0), (200, A), on_border(A)]), "3"),
               patch(poly([on_border(A), (200, A), (200, B), on_border(B)]), "4"),
               patch(poly([on_border(B), (200, B), (200, 100), (130, 100)]), "5")]},
     exit_code=0)

case("gaps_between_counties_are_not_dltb_gaps",
     "Two counties 3 m apart (generalised boundaries), each covered by its own patch: no DLTB gap.",
     {"XZQ": [county(rect(0, 0, 100, 100), "371502"), county(rect(103, 0, 97, 100), "371521")],
      "DLTB": [patch(rect(0, 0, 100, 100), "1"), patch(rect(103, 0, 97, 100), "2")]},
     exit_code=0)

case("outside_the_city",
     "A 自然保护地 reaching 30 m past the county's eastern edge (x 180–230 vs 200): OUTSIDE_CITY for "
     "fid 2, 30 × 50 = 1500 m²; Z1 inside is fine.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "ZRBHD": [feat(rect(10, 10, 50, 50), BSM="Z1", ZRBHDMC="某湿地公园"),
                feat(rect(180, 10, 50, 50), BSM="Z2", ZRBHDMC="某森林公园")]},
     ['{check: OUTSIDE_CITY, layer: ZRBHD, fid: 2, measure: "1500 ± 2"}'], exit_code=1)

# -------------------------------------------------------------------------- control lines


case("control_lines_overlap",
     "三线不交叉不重叠: 生态保护红线 [0,50]², 永久基本农田 [40,90]² (10 × 10 = 100 m² with it) and "
     "城镇开发边界 [49.5,99.5] × [0,39.5] (0.5 × 39.5 = 19.75 m² with the red line; it only touches the "
     "farmland square's corner region outside it). Sorted by layer: the STBHHX pairs.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "STBHHX": [feat(rect(0, 0, 50, 50), BSM="S1")],
      "YJJBNT": [feat(rect(40, 40, 50, 50), BSM="N1")],
      "CZKFBJ": [feat(rect(49.5, 0, 50, 39.5), BSM="C1")]},
     ['{check: LINES_OVERLAP, layer: STBHHX, fid: 1, related_layer: CZKFBJ, related_fid: 1, measure: "19.75 ± 0.1"}',
      '{check: LINES_OVERLAP, layer: STBHHX, fid: 1, related_layer: YJJBNT, related_fid: 1, measure: "100 ± 0.5"}'],
     exit_code=1, rules_edit=NO_PAIRS)

case("control_lines_below_tolerance",
     "The same lines overlapping by 0.5 × 0.5 = 0.25 m² (below the tolerance) and touching only: no finding.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "STBHHX": [feat(rect(0, 0, 50, 50), BSM="S1")],
      "YJJBNT": [feat(rect(49.5, 49.5, 50, 50), BSM="N1")],
      "CZKFBJ": [feat(rect(50, 0, 50, 39.5), BSM="C1")]},
     exit_code=0, rules_edit=NO_PAIRS)

# ---------------------------------------------------------------------------------- areas

# The reference 椭球面积 of patch 1's 100 m square (x 0–100): 9999.3854 m² (PROJ to CGCS2000,
# geod_polygonarea, edges densified to 1 m); of patch 2's: 9999.3879 m² → TBMJ 9999.39, KCMJ 999.94.
case("tbmj_planar_area",
     "Patch 1's TBMJ is 0.05 % too big, as a planar Gauss-Krüger area is in western Liaocheng: "
     "10004.39 = round(9999.3854 × 1.0005, 2) (TBDLMJ likewise, KCXS 0). AREA_TBMJ_MISMATCH of "
     "10004.39 − 9999.3854 = 5.0046 m².",
     {"XZQ": clean_xzq(),
      "DLTB": [patch(rect(0, 0, 100, 100), "1", TBMJ="10004.39", TBDLMJ="10004.39"), clean_dltb()[1]]},
     ['{check: AREA_TBMJ_MISMATCH, layer: DLTB, fid: 1, measure: "5.0046 ± 0.01", unit: m2}'], exit_code=1)

case("tbmj_within_tolerance",
     "TBMJ 0.005 % over (9999.89 vs 9999.3854: 0.50 m²) is inside max(0.1 m², 1e-4 × 10,000 m²): no finding.",
     {"XZQ": clean_xzq(),
      "DLTB": [patch(rect(0, 0, 100, 100), "1", TBMJ="9999.89", TBDLMJ="9999.89"), clean_dltb()[1]]},
     exit_code=0)

case("tbdlmj_without_deduction",
     "Patch 2 (KCXS 0.1) with TBDLMJ = TBMJ: the 田坎 deduction KCMJ = 999.94 was forgotten. "
     "AREA_TBDLMJ_MISMATCH of 999.94; its TBMJ is right.",
     {"XZQ": clean_xzq(),
      "DLTB": [clean_dltb()[0], patch(rect(100, 0, 100, 100), "2", "0103", 0.1, TBDLMJ="9999.39")]},
     ['{check: AREA_TBDLMJ_MISMATCH, layer: DLTB, fid: 2, measure: "999.94 ± 0.02"}'], exit_code=1)

# --------------------------------------------------------------------------- three spaces

def SPACE(wkt, bsm="K1"):
    """A space layer (catalogue CZKJ / NYKJ / STKJ) of one feature."""
    return [feat(wkt, BSM=bsm)]


case("three_spaces_cover_the_city",
     "城镇空间 x 0–60, 农业空间 60–140, 生态空间 140–200: the county exactly once, no finding.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), "CZKJ": SPACE(rect(0, 0, 60, 100)),
      "NYKJ": SPACE(rect(60, 0, 80, 100)), "STKJ": SPACE(rect(140, 0, 60, 100))},
     exit_code=0)

case("three_spaces_overlap_and_gap",
     "农业空间 moved to x 50–130: it overlaps 城镇空间 by 10 × 100 = 1000 m² and leaves a 10 m gap "
     "before 生态空间 (x 130–140), 1000 m²: two SPACES_COVERAGE findings.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), "CZKJ": SPACE(rect(0, 0, 60, 100)),
      "NYKJ": SPACE(rect(50, 0, 80, 100)), "STKJ": SPACE(rect(140, 0, 60, 100))},
     ['{check: SPACES_COVERAGE, layer: CZKJ, fid: 1, related_layer: NYKJ, related_fid: 1, measure: "1000 ± 1"}',
      ("the gap, filed under the first space layer; its unit is the city (the union of XZQ), not a feature",
       f'{{check: SPACES_COVERAGE, layer: CZKJ, fid: null, related_layer: XZQ, related_fid: null, '
       f'measure: "1000 ± 1", message: "inside the whole of XZQ (市域)", x: [{x(130)}, {x(140)}]}}')],
     exit_code=1)

# The reference 椭球面积 of a rectangle here, independently of guotu: its corners (edges densified
# to 1 m) to CGCS2000 lon/lat with PROJ, the area with pyproj's Geod on the CGCS2000 ellipsoid.
def ellipsoidal(x, y, w, h):
    from pyproj import Geod, Transformer
    t = Transformer.from_crs("EPSG:4527", "EPSG:4490", always_xy=True)
    pts = []
    for (ax, ay), (bx, by) in zip([(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
                                  [(x + w, y), (x + w, y + h), (x, y + h), (x, y)]):
        n = max(1, int(max(abs(bx - ax), abs(by - ay))))
        pts += [(ax + (bx - ax) * i / n, ay + (by - ay) * i / n) for i in range(n)]
    lon, lat = zip(*[t.transform(X0 + a, Y0 + b) for a, b in pts])
    area, _ = Geod(a=6378137.0, f=1 / 298.257222101).polygon_area_perimeter(lon, lat)
    return abs(area)


SPACES = {"CZKJ": SPACE(rect(0, 0, 60, 100)), "NYKJ": SPACE(rect(60, 0, 80, 100)),
          "STKJ": SPACE(rect(140, 0, 60, 100))}
case("lines_in_their_spaces",
     "城镇空间 x 0–60, 农业空间 60–140, 生态空间 140–200 and the three lines each inside its own: 城镇开发边界 "
     "[5,55]×[10,90], 永久基本农田 [70,130]×[10,90], 生态保护红线 [150,195]×[10,90]; the 永久基本农田 and the "
     "red line touch their spaces' edges nowhere, the 城镇开发边界 shares none: no finding.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), **SPACES,
      "CZKFBJ": [feat(rect(5, 10, 50, 80), BSM="C1")],
      "YJJBNT": [feat(rect(70, 10, 60, 80), BSM="N1")],
      "STBHHX": [feat(rect(150, 10, 45, 80), BSM="S1")]},
     exit_code=0, not_checked=[])

case("line_outside_its_space",
     "永久基本农田 [50,110]×[10,90] reaches 10 m into 城镇空间 (x 50–60: 10 × 80 m) and 生态保护红线 "
     f"[120,190]×[10,60] 20 m into 农业空间 (x 120–140: 20 × 50 m): two LINE_OUTSIDE_SPACE findings of "
     f"{ellipsoidal(50, 10, 10, 80):.2f} and {ellipsoidal(120, 10, 20, 50):.2f} m² (椭球面积 of those rectangles, "
     "pyproj Geod); the lines do not overlap each other.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), **SPACES,
      "CZKFBJ": [feat(rect(5, 10, 40, 80), BSM="C1")],
      "YJJBNT": [feat(rect(50, 10, 60, 80), BSM="N1")],
      "STBHHX": [feat(rect(120, 10, 70, 50), BSM="S1")]},
     [f'{{check: LINE_OUTSIDE_SPACE, layer: STBHHX, fid: 1, related_layer: STKJ, '
      f'measure: "{ellipsoidal(120, 10, 20, 50):.4f} ± 0.01", unit: m2, x: [{x(120)}, {x(140)}], '
      f'message: ["lies outside STKJ", "% of its"]}}',
      f'{{check: LINE_OUTSIDE_SPACE, layer: YJJBNT, fid: 1, related_layer: NYKJ, '
      f'measure: "{ellipsoidal(50, 10, 10, 80):.4f} ± 0.01", unit: m2, x: [{x(50)}, {x(60)}]}}'],
     exit_code=1, not_checked=[])

case("line_outside_its_space_below_threshold",
     "永久基本农田 [59.5,130]×[10,90] reaches 0.5 m into 城镇空间 (0.5 × 80 = 40 m², thinner than min_width_m 1) and "
     "生态保护红线 [139.99,190]×[10,60] 0.01 m into 农业空间 (0.5 m²): digitising noise, no finding.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), **SPACES,
      "CZKFBJ": [feat(rect(5, 10, 40, 80), BSM="C1")],
      "YJJBNT": [feat(rect(59.5, 10, 70.5, 80), BSM="N1")],
      "STBHHX": [feat(rect(139.99, 10, 50.01, 50), BSM="S1")]},
     exit_code=0)

case("spaces_absent_lines_not_checked",
     "The three lines, and no space layer at all: whether each lies in its space cannot be judged, nor whether "
     "the spaces cover the city. NOT_CHECKED (an error) under each missing space, naming what it stops; "
     "SPACES_COVERAGE and LINE_OUTSIDE_SPACE are 未检查 (not checked), never 0.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(),
      "CZKFBJ": [feat(rect(5, 10, 40, 80), BSM="C1")],
      "YJJBNT": [feat(rect(70, 10, 60, 80), BSM="N1")],
      "STBHHX": [feat(rect(150, 10, 45, 80), BSM="S1")]},
     ['{check: NOT_CHECKED, layer: CZKJ, fid: null, severity: error, '
      'message: "SPACES_COVERAGE and LINE_OUTSIDE_SPACE (CZKFBJ in CZKJ) not checked: the plan has no CZKJ layer"}',
      '{check: NOT_CHECKED, layer: NYKJ, fid: null, severity: error, '
      'message: "SPACES_COVERAGE and LINE_OUTSIDE_SPACE (YJJBNT in NYKJ) not checked: the plan has no NYKJ layer"}',
      '{check: NOT_CHECKED, layer: STKJ, fid: null, severity: error, '
      'message: "SPACES_COVERAGE and LINE_OUTSIDE_SPACE (STBHHX in STKJ) not checked: the plan has no STKJ layer"}'],
     exit_code=1, not_checked=["SPACES_COVERAGE", "LINE_OUTSIDE_SPACE"])

case("one_space_absent",
     "城镇空间 and 农业空间 delivered, 生态空间 not, no control line: the spaces cannot be judged as a "
     "coverage (the missing one would be reported as a gap): NOT_CHECKED under STKJ, SPACES_COVERAGE 未检查.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb(), "CZKJ": SPACES["CZKJ"], "NYKJ": SPACES["NYKJ"]},
     ['{check: NOT_CHECKED, layer: STKJ, fid: null, severity: error, '
      'message: "SPACES_COVERAGE not checked: the plan has no STKJ layer"}'],
     exit_code=1, not_checked=["SPACES_COVERAGE", "LINE_OUTSIDE_SPACE"])

case("spaces_and_lines_absent",
     "A plan with neither the spaces nor the control lines (the counties and DLTB only): nothing to judge for "
     "三区, so no finding, but SPACES_COVERAGE and LINE_OUTSIDE_SPACE are 未检查, with a note, not 0.",
     {"XZQ": clean_xzq(), "DLTB": clean_dltb()},
     exit_code=0, not_checked=["SPACES_COVERAGE", "LINE_OUTSIDE_SPACE"],
     notes=['"SPACES_COVERAGE and LINE_OUTSIDE_SPACE not checked (未检查)"'])

# ---------------------------------------------------------------------- layers and tables

SIDECAR = {"geometry": "None", "fields": "[{name: check, type: String, width: 32}]",
           "features": ["{check: GEOM_INVALID}"]}
SELECTION = {"XZQ": [county(rect(0, 0, 200, 100), "371502", BSM='""')],
             "DLTB": [patch(rect(0, 0, 100, 100), "1", "9999"), clean_dltb()[1]],
             "sample_defects": SIDECAR}
case("layer_selection",
     "--layer XZQ: DLTB's unknown code 9999 is not judged; XZQ's one feature has an empty BSM, so the "
     "required field is empty in the whole layer.",
     SELECTION,
     ["{check: SCHEMA_FIELD_EMPTY, layer: XZQ, fid: null, message: BSM}"], exit_code=1,
     options="{layers: [XZQ]}")

case("unknown_tables_not_judged",
     "The same plan, every layer: CODE_UNKNOWN for DLTB's 9999 and the empty XZQ BSM; the sidecar table "
     "sample_defects (outside the catalogue) is not judged, and a note says it was ignored.",
     SELECTION,
     ["{check: SCHEMA_FIELD_EMPTY, layer: XZQ, fid: null, message: BSM}",
      "{check: CODE_UNKNOWN, layer: DLTB, fid: 1, message: \"9999\"}"],
     exit_code=1, notes=["sample_defects"])
