#!/usr/bin/python3
"""guotu's outputs in the real client: QGIS (PyQGIS 3.22 and qgis_process).

Runs guotu sample/check/validate/report/diff/ledger export and `guotu qgis` into a temporary
directory, then, in QGIS:
  1. every layer of every output GeoPackage opens (ogr provider), is valid, has as many
     features as SQLite counts, and the style QGIS applies on load is the stored useAsDefault
     QML (renderer type, classification attribute, class count, symbol colours; the QML is
     parsed here with ElementTree, not by guotu);
  2. the project written by `guotu qgis` reads (QgsProject.read): every layer valid, its data
     source relative and resolving, its group the one the data files name (catalogue group:,
     layers/qgis_project.yaml), the project CRS the layers' CRS;
  3. qgis_process native:intersection of the YJJBNT violations with YJJBNT: the summed
     ellipsoidal area (QgsDistanceArea, CGCS2000) matches guotu's area_m2 of those rows.

Usage: test_qgis_client.py GUOTU_BINARY SOURCE_DIR [SAMPLE_DIR]
Exit 77 (skipped) when PyQGIS or qgis_process is missing, unless GUOTU_REQUIRE_CLIENTS=1.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
REQUIRED = os.environ.get("GUOTU_REQUIRE_CLIENTS") == "1"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def missing(what):
    if REQUIRED:
        print(f"FAIL: {what} (GUOTU_REQUIRE_CLIENTS=1)")
        sys.exit(1)
    print(f"SKIP: {what}")
    sys.exit(SKIP)


try:
    import yaml
except ImportError as e:
    missing(f"python3-yaml is not importable by {sys.executable} ({e})")
try:
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject,
                           QgsRenderContext, QgsVectorLayer)
except ImportError as e:
    missing(f"PyQGIS is not importable by {sys.executable} ({e})")
if not os.access(QGIS_PROCESS, os.X_OK):
    missing(f"{QGIS_PROCESS} not found")

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("  FAIL:", message)
    return ok


def run(args, ok_codes=(0,), **kw):
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode not in ok_codes:
        print(r.stdout[-3000:], r.stderr[-3000:])
        raise SystemExit(f"FAIL: {' '.join(map(str, args))} exited {r.returncode}")
    return r


# ------------------------------------------------------------------------------------------
# Independent readers: SQLite and ElementTree

def gpkg_layers(path):
    """(table, identifier, data_type, srs_id) of every table QGIS should open."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(
            "SELECT c.table_name, c.identifier, c.data_type, g.srs_id FROM gpkg_contents c "
            "LEFT JOIN gpkg_geometry_columns g USING (table_name) WHERE c.table_name != 'layer_styles' "
            "ORDER BY c.table_name").fetchall()


def sql_count(path, table):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def stored_default_qml(path, table):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        has = db.execute("SELECT 1 FROM sqlite_master WHERE name='layer_styles'").fetchone()
        if not has:
            return None
        row = db.execute("SELECT styleQML FROM layer_styles WHERE f_table_name=? AND useAsDefault=1",
                         (table,)).fetchall()
        if len(row) > 1:
            failures.append(f"{path}: {table} has {len(row)} useAsDefault styles")
        return row[0][0] if row else None


def norm_colour(text):
    parts = [p.strip() for p in str(text).split(",")]
    return tuple(int(float(p)) for p in parts[:4]) if len(parts) >= 3 else None


def symbol_layer_colours(symbol, where):
    """Colours of every symbol layer of an ElementTree <symbol>, nested sub-symbols included.
    QGIS 3.22 reads the <Option type="Map"> of a layer; older versions read the <prop> twins:
    the two must agree."""
    out = set()
    for layer in symbol.iter("layer"):
        opts = {o.get("name"): o.get("value") for o in layer.findall("Option/Option")}
        props = {p.get("k"): p.get("v") for p in layer.findall("prop")}
        for k in set(opts) & set(props):
            check(opts[k] == props[k], f"{where}: {layer.get('class')} {k}: Option {opts[k]} != prop {props[k]}")
        values = opts or props
        for k in ("color", "line_color", "outline_color"):
            c = norm_colour(values.get(k) or "")
            if c:
                out.add((k, c))
    return out


def qml_colours(renderer, where):
    """Colours of the symbols a <renderer-v2> actually uses (not <source-symbol>, not unused ones)."""
    symbols = {s.get("name"): s for s in renderer.findall("symbols/symbol")}
    t = renderer.get("type")
    if t == "categorizedSymbol":
        used = [c.get("symbol") for c in renderer.findall("categories/category")]
    elif t == "graduatedSymbol":
        used = [r.get("symbol") for r in renderer.findall("ranges/range")]
    elif t == "RuleRenderer":
        used = [r.get("symbol") for r in renderer.iter("rule") if r.get("symbol") is not None]
    else:
        used = list(symbols)
    out = set()
    for name in used:
        if check(name in symbols, f"{where}: the style uses symbol {name}, which it does not define"):
            out |= symbol_layer_colours(symbols[name], where)
    return out


def qgis_symbols(renderer, keep):
    """The renderer's symbols; `keep` holds the category/range copies that own them."""
    t = renderer.type()
    if t == "singleSymbol":
        return [renderer.symbol()]
    if t == "categorizedSymbol":
        keep.extend(renderer.categories())
        return [c.symbol() for c in keep]
    if t == "graduatedSymbol":
        keep.extend(renderer.ranges())
        return [r.symbol() for r in keep]
    if t == "RuleRenderer":
        out = []
        stack = [renderer.rootRule()]
        while stack:
            rule = stack.pop()
            if rule.symbol() is not None:
                out.append(rule.symbol())
            stack.extend(rule.children())
        return out
    return renderer.symbols(QgsRenderContext())


def qgis_colours(renderer):
    out = set()

    def walk(symbol):
        for i in range(symbol.symbolLayerCount()):
            sl = symbol.symbolLayer(i)
            props = sl.properties()
            for k in ("color", "line_color", "outline_color"):
                if props.get(k):
                    c = norm_colour(props[k])
                    if c:
                        out.add((k, c))
            if sl.subSymbol() is not None:
                walk(sl.subSymbol())

    keep = []
    for s in qgis_symbols(renderer, keep):
        walk(s)
    return out


def compare_style(layer, qml, where):
    root = ET.fromstring(qml)
    renderer = root.find("renderer-v2")
    if not check(renderer is not None, f"{where}: stored QML has no renderer-v2"):
        return
    r = layer.renderer()
    if not check(r is not None, f"{where}: QGIS applied no renderer"):
        return
    check(r.type() == renderer.get("type"), f"{where}: renderer {r.type()} != stored {renderer.get('type')}")
    if renderer.get("type") in ("categorizedSymbol", "graduatedSymbol"):
        check(r.classAttribute() == renderer.get("attr"),
              f"{where}: classified on {r.classAttribute()} != stored {renderer.get('attr')}")
    if renderer.get("type") == "graduatedSymbol":
        stored = [(float(x.get("lower")), float(x.get("upper"))) for x in renderer.find("ranges")]
        got = [(x.lowerValue(), x.upperValue()) for x in r.ranges()]
        check(stored == got, f"{where}: class bounds {got} != stored {stored}")
    if renderer.get("type") == "categorizedSymbol":
        stored = sorted(x.get("value") for x in renderer.find("categories"))
        got = sorted(str(c.value()) for c in r.categories())
        check(stored == got, f"{where}: categories {got} != stored {stored}")
    if renderer.get("type") == "RuleRenderer":
        stored = sorted(x.get("filter") or "" for x in renderer.iter("rule"))
        got = []
        stack = list(r.rootRule().children())
        while stack:
            rule = stack.pop()
            got.append(rule.filterExpression() or "")
            stack.extend(rule.children())
        check(stored == sorted(got), f"{where}: rules differ from the stored style")
    sc, qc = qml_colours(renderer, where), qgis_colours(r)
    check(sc == qc, f"{where}: symbol colours {sorted(qc)} != stored {sorted(sc)}")
    labels_stored = root.get("labelsEnabled") == "1"
    check(layer.labelsEnabled() == labels_stored, f"{where}: labels enabled {layer.labelsEnabled()} != stored")


# ------------------------------------------------------------------------------------------
# Sensible symbology (issue #9): what a planner expects to see, stated here independently of
# layers/styles, and checked on the renderer QGIS applied.

HATCHES = {"b_diagonal", "f_diagonal", "diagonal_x", "cross", "horizontal", "vertical"}
SYMBOL_TYPE = {0: "marker", 1: "line", 2: "fill"}  # QgsWkbTypes.GeometryType → QgsSymbol type


def is_red(c):
    return c.red() >= 180 and c.green() <= 60 and c.blue() <= 60


def is_yellow_green(c):
    return c.red() >= 120 and c.green() >= 180 and c.blue() <= 140 and c.green() >= c.red()


def fill_layers(symbol):
    return [symbol.symbolLayer(i) for i in range(symbol.symbolLayerCount())]


def check_sensible(layer, table, where):
    r = layer.renderer()
    keep = []
    symbols = qgis_symbols(r, keep)
    want = SYMBOL_TYPE.get(int(layer.geometryType()))
    kinds = {("marker", "line", "fill")[int(s.type())] for s in symbols}
    check(kinds == {want}, f"{where}: {sorted(kinds)} symbols on a {want} layer")
    colours = [sl.color() for s in symbols for sl in fill_layers(s)]
    strokes = [sl.strokeColor() for s in symbols for sl in fill_layers(s) if hasattr(sl, "strokeColor")]
    if table == "STBHHX":
        check(any(is_red(c) for c in colours + strokes), f"{where}: 生态保护红线 is not drawn red")
    if table == "YJJBNT":
        check(any(is_yellow_green(c) for c in colours), f"{where}: 永久基本农田 is not yellow-green")
    if table == "violations":
        check(any(sl.properties().get("style") in HATCHES and is_red(sl.color()) for s in symbols
                  for sl in fill_layers(s)), f"{where}: violations are not hatched red")
    if table == "changes":
        suspect = [rule for rule in r.rootRule().children() if "疑似违法" in rule.label()] \
            if r.type() == "RuleRenderer" else []
        check(bool(suspect) and all(any(is_red(sl.color()) for sl in fill_layers(rule.symbol())) for rule in suspect),
              f"{where}: suspected-illegal changes (疑似违法) are not red")
    if table.startswith("units_"):
        check(r.type() == "graduatedSymbol", f"{where}: indicator choropleth is {r.type()}, not graduated")
    if table in ("DLTB", "DLTB_LATER"):
        farmland = [rule for rule in r.rootRule().children() if "'01%'" in rule.filterExpression()]
        check(bool(farmland) and all(c.red() > 200 and c.green() > 200 and c.blue() < 150
                                     for rule in farmland for c in [rule.symbol().color()]),
              f"{where}: 耕地 (DLBM 01) is not yellow")


def check_every_unit_coloured(layer, where):
    """A graduated style (the report's choropleths) gives every feature that has a value a symbol:
    class bounds that leave the smallest or largest value outside would leave that unit white."""
    r = layer.renderer()
    if r is None or r.type() != "graduatedSymbol":
        return 0
    attr = r.classAttribute()
    ctx = QgsRenderContext()
    r.startRender(ctx, layer.fields())
    valued, blank = 0, []
    try:
        for f in layer.getFeatures():
            v = f[attr]
            if v is None or (hasattr(v, "isNull") and v.isNull()):
                continue
            valued += 1
            if not r.symbolsForFeature(f, ctx):
                blank.append(f"{f.attribute('unit_name')} ({v})")
    finally:
        r.stopRender(ctx)
    check(not blank, f"{where}: {len(blank)} of {valued} units uncoloured by {attr}: {blank[:5]}")
    return valued


# ------------------------------------------------------------------------------------------

def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    guotu, source = sys.argv[1], sys.argv[2]
    sample_dir = sys.argv[3] if len(sys.argv) > 3 else None
    work = tempfile.mkdtemp(prefix="guotu-qgis-")
    xdg = tempfile.mkdtemp(prefix="guotu-xdg-")
    os.chmod(xdg, 0o700)
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": xdg})
    try:
        return run_all(guotu, source, sample_dir, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(xdg, ignore_errors=True)


def run_all(guotu, source, sample_dir, work):
    out = os.path.join(work, "out")
    os.makedirs(out)
    city = os.path.join(sample_dir, "city.gpkg") if sample_dir else ""
    defects = os.path.join(sample_dir, "defects.gpkg") if sample_dir else ""
    if not (city and os.path.exists(city)):
        city = os.path.join(work, "city.gpkg")
        run([guotu, "sample", "--out", city])
    if not (defects and os.path.exists(defects)):
        defects = os.path.join(work, "defects.gpkg")
        run([guotu, "sample", "--defects", "--out", defects])
    o = lambda name: os.path.join(out, name)  # noqa: E731
    run([guotu, "check", "--plan", city, "--projects", city, "--out", o("check.gpkg")], ok_codes=(0, 1))
    run([guotu, "validate", defects, "--out", o("qa.gpkg")], ok_codes=(0, 1))
    run([guotu, "report", "--plan", city, "--out", o("report")], ok_codes=(0, 1))
    run([guotu, "diff", "--before", city, "--after", city, "--plan", city, "--out", o("diff.gpkg")], ok_codes=(0, 1))
    run([guotu, "ledger", "--db", o("ledger.sqlite"), "init"])
    run([guotu, "ledger", "--db", o("ledger.sqlite"), "import", os.path.join(source, "data/ledger/sample")])
    run([guotu, "ledger", "--db", o("ledger.sqlite"), "export", "--out", o("ledger.gpkg")])
    outputs = [o("check.gpkg"), o("qa.gpkg"), o("report/report.gpkg"), o("diff.gpkg"), o("ledger.gpkg"), city]
    project_dir = os.path.join(work, "project")
    os.makedirs(project_dir)
    qgs = os.path.join(project_dir, "guotu.qgs")
    run([guotu, "qgis", "--out", qgs] + outputs)

    app = QgsApplication([], False)
    app.initQgis()
    try:
        layers_checked = check_layers(outputs)
        check_project(qgs, outputs, source)
        check_intersection(o("check.gpkg"), city, work)
    finally:
        QgsProject.instance().clear()
    print(f"{layers_checked} layers opened in QGIS")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("all QGIS checks passed")
    return 0


def check_layers(outputs):
    n = 0
    spatial_styled = 0
    choropleths = 0
    for path in outputs:
        for table, identifier, data_type, srs_id in gpkg_layers(path):
            where = f"{os.path.basename(path)}:{table}"
            layer = QgsVectorLayer(f"{path}|layername={table}", identifier or table, "ogr")
            n += 1
            if not check(layer.isValid(), f"{where}: not valid in QGIS"):
                continue
            check(layer.featureCount() == sql_count(path, table),
                  f"{where}: QGIS counts {layer.featureCount()}, SQLite {sql_count(path, table)}")
            if data_type != "features":
                continue
            check(layer.crs().authid() == f"EPSG:{srs_id}", f"{where}: CRS {layer.crs().authid()} != EPSG:{srs_id}")
            qml = stored_default_qml(path, table)
            if not check(qml is not None, f"{where}: no default style in layer_styles"):
                continue
            compare_style(layer, qml, where)
            check_sensible(layer, table, where)
            if check_every_unit_coloured(layer, where):
                choropleths += 1
            spatial_styled += 1
        if os.path.basename(path) == "report.gpkg":
            # Every style stored in the report is the default of its own layer (a layer per
            # indicator): none is left for "load style from database".
            with sqlite3.connect(path) as db:
                stray = db.execute("SELECT f_table_name, styleName FROM layer_styles WHERE useAsDefault != 1").fetchall()
            check(not stray, f"{path}: styles QGIS does not apply by default: {stray[:5]}")
    print(f"  {n} layers valid with matching counts; {spatial_styled} spatial layers show their stored default style; "
          f"{choropleths} choropleths colour every unit")
    # The sample's 12 indicators with values (no input tables given) × 3 levels, and units_*.
    check(choropleths >= 39, f"only {choropleths} choropleths checked (12 indicators × 3 levels and 3 units_ layers)")
    check(spatial_styled >= 20, f"only {spatial_styled} styled spatial layers checked")
    return n


def expected_groups(source):
    layout = yaml.safe_load(open(os.path.join(source, "layers/qgis_project.yaml"), encoding="utf-8"))
    catalogue = {}
    cat_dir = os.path.join(source, "layers/catalogue")
    for f in os.listdir(cat_dir):
        d = yaml.safe_load(open(os.path.join(cat_dir, f), encoding="utf-8"))
        for name in [d["code"]] + list(d.get("aliases") or []):
            catalogue[name.upper()] = d.get("group") or "其他"

    def group_of(table, spatial):
        if not spatial:
            return layout["table_group"]
        if table.upper() in catalogue:
            return catalogue[table.upper()]
        for r in layout["results"]:
            t = r["table"]
            if (t.endswith("*") and table.startswith(t[:-1])) or t == table:
                return r["group"]
        return "其他"

    return group_of, [g["name"] for g in layout["groups"]]


def check_project(qgs, outputs, source):
    project = QgsProject.instance()
    check(project.read(qgs), f"QgsProject.read({qgs}) failed")
    # Relative paths: the file itself says so, and every source is relative.
    tree = ET.parse(qgs).getroot()
    check(tree.findtext("properties/Paths/Absolute") == "false", "project paths are not relative")
    for ds in tree.iter("datasource"):
        check(ds.text.startswith("./") or ds.text.startswith("../"), f"data source {ds.text} is not relative")
    group_of, group_order = expected_groups(source)
    expected = {}
    for path in outputs:
        for table, identifier, data_type, srs_id in gpkg_layers(path):
            expected[(os.path.realpath(path), table)] = (identifier, group_of(table, data_type == "features"), srs_id)
    layers = list(project.mapLayers().values())
    check(len(layers) == len(expected), f"project has {len(layers)} layers, the GeoPackages {len(expected)}")
    root = project.layerTreeRoot()
    seen_groups = []
    srs_ids = set()
    for layer in layers:
        src = layer.source()
        path, _, rest = src.partition("|layername=")
        table = rest.split("|")[0]
        key = (os.path.realpath(path), table)
        where = f"project layer {layer.name()} ({src})"
        check(layer.isValid(), f"{where}: not valid")
        if not check(key in expected, f"{where}: source does not resolve to an output table"):
            continue
        identifier, group, srs_id = expected[key]
        check(os.path.exists(path), f"{where}: file does not exist")
        check(layer.name().startswith(identifier), f"{where}: name is not the title {identifier}")
        node = root.findLayer(layer.id())
        parent = node.parent().name() if node is not None and node.parent() is not None else None
        check(parent == group, f"{where}: in group {parent}, the data says {group}")
        if parent not in seen_groups:
            seen_groups.append(parent)
        if srs_id is not None:
            srs_ids.add(srs_id)
            check(layer.crs().authid() == f"EPSG:{srs_id}", f"{where}: CRS {layer.crs().authid()}")
    # Groups appear in the layout's order.
    top = [c.name() for c in root.children()]
    check(top == [g for g in group_order if g in top], f"group order {top} is not the layout's {group_order}")
    want_crs = f"EPSG:{srs_ids.pop()}" if len(srs_ids) == 1 else "EPSG:4490"
    check(project.crs().authid() == want_crs, f"project CRS {project.crs().authid()} != {want_crs}")
    # The initial view covers every layer.
    view = project.viewSettings().defaultViewExtent()
    check(not view.isEmpty(), "no default view extent")
    for layer in layers:
        if layer.isSpatial() and layer.featureCount() > 0:
            e = layer.extent()
            ok = view.xMinimum() <= e.xMinimum() + 1e-6 and view.xMaximum() >= e.xMaximum() - 1e-6 and \
                view.yMinimum() <= e.yMinimum() + 1e-6 and view.yMaximum() >= e.yMaximum() - 1e-6
            check(ok, f"default view {view.toString()} does not hold {layer.name()} {e.toString()}")
    # The project shows the stored styles too.
    for layer in layers:
        if not layer.isSpatial():
            continue
        path, _, rest = layer.source().partition("|layername=")
        qml = stored_default_qml(path, rest.split("|")[0])
        if qml:
            compare_style(layer, qml, f"project layer {layer.name()}")
    print(f"  project: {len(layers)} layers, groups {top}, CRS {project.crs().authid()}")


def check_intersection(check_gpkg, city, work):
    """qgis_process native:intersection of the YJJBNT violation pieces with YJJBNT."""
    result = os.path.join(work, "intersection.gpkg")
    args = [QGIS_PROCESS, "run", "native:intersection", "--",
            f"INPUT={check_gpkg}|layername=violations|subset=\"plan_layer\" = 'YJJBNT'",
            f"OVERLAY={city}|layername=YJJBNT", f"OUTPUT={result}"]
    r = run(args)
    out = QgsVectorLayer(result, "intersection", "ogr")
    if not check(out.isValid(), f"qgis_process output {result} does not open: {r.stdout[-500:]}"):
        return
    da = QgsDistanceArea()
    da.setSourceCrs(out.crs(), QgsProject.instance().transformContext())
    check(da.setEllipsoid("EPSG:1024"), "QGIS does not know the CGCS2000 ellipsoid EPSG:1024")
    qgis_area = sum(da.measureArea(f.geometry()) for f in out.getFeatures())
    planar = sum(f.geometry().area() for f in out.getFeatures())
    with sqlite3.connect(f"file:{check_gpkg}?mode=ro", uri=True) as db:
        guotu_area, rows = db.execute(
            "SELECT sum(area_m2), count(*) FROM violations WHERE plan_layer = 'YJJBNT'").fetchone()
    check(rows > 0, "the check run found no YJJBNT violations to compare")
    check(out.featureCount() >= rows, f"intersection has {out.featureCount()} pieces, violations {rows}")
    rel = abs(qgis_area - guotu_area) / guotu_area
    rel_planar = abs(planar - guotu_area) / guotu_area
    print(f"  intersection: {out.featureCount()} pieces; QGIS ellipsoidal {qgis_area:.3f} m², guotu {guotu_area:.3f} m² "
          f"(relative difference {rel:.2e}); planar {planar:.3f} m² ({rel_planar:.2e})")
    # Tolerance 2e-5 relative: the 32号 trapezoid method and an ellipsoidal polygon area differ
    # by up to ~1e-5 on km-long edges (docs/area.md; on these 100 m pieces it is ~1e-10), while
    # taking planar Gauss-Krüger areas instead is off by 3e-4 - 6e-4 here: the test tells them apart.
    check(rel < 2e-5, f"areas differ by {rel:.2e} relative (tolerance 2e-5)")
    check(rel_planar > 2e-5, "planar and ellipsoidal areas agree: the comparison cannot tell them apart")


if __name__ == "__main__":
    sys.exit(main())
