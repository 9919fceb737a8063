#!/usr/bin/python3
"""Renders the screenshots of docs/qgis.md with QGIS headless, from the project `guotu qgis`
writes over the sample city: nothing is drawn by hand, every layer shows its stored style.

  /usr/bin/python3 scripts/render_screenshots.py [--guotu build/release/tools/guotu] [--out docs/img]

Runs guotu sample / check / diff / report / qgis in a temporary directory, reads the project
with QgsProject and renders PNGs with QgsMapRendererParallelJob:
  qgis-overview.png  the whole project as it opens (groups' default visibility)
  qgis-check.png     guotu check: violations (hatched red) and verdicts over the plan layers
  qgis-diff.png      guotu diff: change patches, 疑似违法 in red, over the plan layers
  qgis-report.png    guotu report: 国土开发强度 per town (graduated) under the county outlines
Needs Debian's python3-qgis; QT_QPA_PLATFORM=offscreen is set here.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args, ok=(0,)):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode not in ok:
        sys.exit(f"{' '.join(args)} exited {r.returncode}:\n{r.stderr[-2000:]}")


def busiest_view(gpkg, table, weight, half_w, ratio=720 / 1000):
    """Centre of the map window (±half_w × ±half_w·ratio metres) holding the most weight
    (an SQL expression per feature), tried around every feature, from the R-tree."""
    db = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    rows = db.execute(f'SELECT (r.minx + r.maxx) / 2, (r.miny + r.maxy) / 2, {weight} FROM "{table}" t '
                      f'JOIN "rtree_{table}_geom" r ON r.id = t.fid').fetchall()
    half_h = half_w * ratio

    def inside(cx, cy):
        return [(x, y, w) for x, y, w in rows if abs(x - cx) <= half_w * 0.8 and abs(y - cy) <= half_h * 0.8]

    best = max(((x, y) for x, y, _ in rows), key=lambda c: (sum(w for *_, w in inside(*c)), c))
    pts = inside(*best)
    return sum(x for x, _, _ in pts) / len(pts), sum(y for _, y, _ in pts) / len(pts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--guotu", default=os.path.join(ROOT, "build/release/tools/guotu"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs/img"))
    a = ap.parse_args()
    xdg = tempfile.mkdtemp(prefix="guotu-xdg-")
    os.chmod(xdg, 0o700)
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": xdg})
    work = tempfile.mkdtemp(prefix="guotu-shots-")
    try:
        render(a.guotu, os.path.abspath(a.out), work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(xdg, ignore_errors=True)


def render(guotu, out_dir, work):
    from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    w = lambda n: os.path.join(work, n)  # noqa: E731
    run([guotu, "sample", "--out", w("city.gpkg")])
    run([guotu, "check", "--plan", w("city.gpkg"), "--projects", w("city.gpkg"), "--out", w("check.gpkg")], (0, 1))
    run([guotu, "diff", "--before", w("city.gpkg"), "--after", w("city.gpkg"), "--plan", w("city.gpkg"),
         "--out", w("diff.gpkg")], (0, 1))
    run([guotu, "report", "--plan", w("city.gpkg"), "--out", w("report"), "--by", "county", "--by", "town"], (0, 1))
    qgs = w("guotu.qgs")
    run([guotu, "qgis", "--out", qgs, w("check.gpkg"), w("diff.gpkg"), w("report/report.gpkg"), w("city.gpkg")])

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(qgs):
        sys.exit(f"QGIS cannot read {qgs}")
    by_table = {}
    for layer in project.mapLayers().values():
        by_table[layer.source().split("|layername=")[1].split("|")[0]] = layer
    os.makedirs(out_dir, exist_ok=True)

    def shot(name, tables, extent, title, size=(1000, 720)):
        settings = QgsMapSettings()
        settings.setOutputSize(QSize(*size))
        settings.setOutputDpi(96)
        settings.setBackgroundColor(QColor(255, 255, 255))
        settings.setDestinationCrs(project.crs())
        settings.setTransformContext(project.transformContext())
        settings.setLayers([by_table[t] for t in tables])  # top first, as QGIS draws them
        settings.setExtent(extent)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(0, 0, image.width(), 34, QColor(255, 255, 255, 220))
        p.setPen(QColor(20, 20, 20))
        p.setFont(QFont("WenQuanYi Micro Hei", 13))
        p.drawText(10, 0, image.width() - 20, 34, Qt.AlignVCenter | Qt.AlignLeft, title)
        p.end()
        path = os.path.join(out_dir, name)
        image.save(path, "PNG")
        if os.path.getsize(path) > 300 * 1024:  # the docs keep images small: 8-bit palette then
            image.convertToFormat(QImage.Format_Indexed8, Qt.ThresholdDither | Qt.AvoidDither).save(path, "PNG")
        print(f"{path}: {os.path.getsize(path) // 1024} KB")

    def around(x, y, half_w, ratio=720 / 1000):
        return QgsRectangle(x - half_w, y - half_w * ratio, x + half_w, y + half_w * ratio)

    # The whole project as guotu qgis lays it out: the layers ticked in the tree, in its draw order.
    root = project.layerTreeRoot()
    visible = [l for l in root.layerOrder() if root.findLayer(l.id()).isVisible() and l.isSpatial()]
    ids = [by_table[t].id() for t in by_table]
    tables_of = {by_table[t].id(): t for t in by_table}
    assert all(l.id() in ids for l in visible)
    shot("qgis-overview.png", [tables_of[l.id()] for l in visible], project.viewSettings().defaultViewExtent(),
         "guotu qgis：样例城市工程（默认可见图层）")

    plan = ["XZQ_XIANG", "CSLX", "CSLVX", "CSHX", "CSZX", "CZKFBJ", "STBHHX", "YJJBNT", "ZRBHD"]
    x, y = busiest_view(w("check.gpkg"), "violations", "1", 3500)
    shot("qgis-check.png", ["violations", "projects"] + plan, around(x, y, 3500),
         "guotu check：违规图斑（红色斜线）与项目审查结论，叠加三区三线、控制线")
    x, y = busiest_view(w("diff.gpkg"), "changes", "1 + 2 * suspect", 6000)
    shot("qgis-diff.png", ["changes"] + plan, around(x, y, 6000),
         "guotu diff：地类变化图斑，疑似违法为红色，叠加永久基本农田、生态保护红线、开发边界")
    shot("qgis-report.png", ["XZQ", "units_town"], project.viewSettings().defaultViewExtent(),
         "guotu report：乡镇国土开发强度（%，分级设色）")
    project.clear()


if __name__ == "__main__":
    main()
