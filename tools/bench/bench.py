#!/usr/bin/python3
"""Answers, comparison and report of tools/bench/run.sh (issue #13, docs/benchmarks.md).

  bench.py records --dir WORK/N --patches N --machine WORK/machine.json --results results.json
  bench.py docs --results results.json --machine WORK/machine.json --docs docs/benchmarks.md

records: reads WORK/N/timings.tsv (one line per timed step, written by run.sh) and the answers
(guotu's JSON and GeoPackages, the peers' CSV), compares them and replaces the records of size
N in results.json. Each answer is a map key → number:
  T1  (county, layer, DLBM) → m² of patch ∩ union(layer), guotu JSON classes_within level county
  T2  (project BSM, layer) → m² overlap summed over the layer's features (guotu: violations table)
  T3  overlaps: (fid, fid) → m² kept by validate's thresholds; gaps: county → sorted m² of the
      gap parts validate keeps (guotu: COVERAGE_OVERLAP / COVERAGE_GAP findings of the JSON)
  T4  (before DLBM, after DLBM) → m² of the changed pieces of at least 1 m²
Equal means: the same keys, and every value within 1e-6 relative (|a − b| ≤ 1e-6 · max(|a|, |b|),
or ≤ 0.001 m² absolute, where the relative test is noise: a record of a few 1e-4 m² that one side
has and the other drops is the sliver left where a patch grazes a line, computed as 3e-4 m² by
one overlay and as empty by another; the first 100,000-patch run had one such record in 292).
T3 only: guotu measures 椭球面积 and has no --area planar, so guotu against a peer is the same
keys and every area within 1e-3 relative (the ellipsoid/plane scale of EPSG:4527 over Liaocheng
is 0.4–6e-4 on the sample city); the two peers are held to 1e-6 between themselves.
A record's `matches`: guotu — its answer equals PostGIS's (SpatiaLite's when PostGIS has none);
a peer — its answer equals guotu's (its agreement with the other peer is in `note`); the read
floor and the data steps have no answer (null).

docs: rewrites the part of docs/benchmarks.md between <!-- bench:results:begin --> and
<!-- bench:results:end --> (created above the older sections, which are marked historical, the
first time): the table per size, guotu's cost exponent per task (least squares of log seconds on
log patches over the sizes measured) and the issue's targets, met or missed.
"""
import argparse
import csv
import datetime
import json
import math
import os
import sqlite3
import sys

REL = 1e-6
ABS = 1e-3
T3_REL = 1e-3
TASKS = {
    "T1": "三线内现状地类 per county (T1)",
    "T2": "10,000 projects × 3 control lines (T2)",
    "T3": "DLTB overlaps and gaps (T3)",
    "T4": "diff of two vintages (T4)",
    "R": "report --by county --by town (R)",
}
TOOLS = ["guotu", "read_floor", "spatialite", "postgis"]


class NoAnswer(Exception):
    pass


def read_csv(path):
    if not os.path.exists(path):
        raise NoAnswer(f"no output {os.path.basename(path)}")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise NoAnswer(f"no JSON from {os.path.basename(path)} ({e.__class__.__name__})") from e


def keyed(rows, keys, value):
    out = {}
    for r in rows:
        k = tuple(r[c] for c in keys)
        out[k] = out.get(k, 0.0) + float(r[value])
    return out


def compare(a, b, rel=REL):
    """(equal, summary) of two maps key → number."""
    bad = []
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    # a key one side lacks counts as 0 there: tiny pieces (< ABS) one side drops are no difference
    for k in sorted(set(a) | set(b), key=str):
        x, y = a.get(k, 0.0), b.get(k, 0.0)
        if isinstance(x, list) or isinstance(y, list):
            x = x if isinstance(x, list) else []
            y = y if isinstance(y, list) else []
            if len(x) != len(y) or any(abs(p - q) > rel * max(abs(p), abs(q)) + ABS for p, q in zip(x, y)):
                bad.append((k, x, y))
            continue
        if abs(x - y) > rel * max(abs(x), abs(y)) and abs(x - y) > ABS:
            bad.append((k, x, y))
    n = len(set(a) | set(b))
    if not bad:
        return True, f"{n} records equal" if n else "equal: both empty (nothing above the thresholds)"
    k, x, y = max(bad, key=lambda t: abs(_num(t[1]) - _num(t[2])))
    extra = ""
    if only_a or only_b:
        extra = f"; keys only in first {len(only_a)}, only in second {len(only_b)}"
    return False, f"{len(bad)} of {n} records differ{extra}; worst {'/'.join(map(str, k))}: {x} vs {y}"


def _num(v):
    return sum(v) if isinstance(v, list) else v


# --- answers -----------------------------------------------------------------------------------
def guotu_answer(task, d, city):
    if task == "T1":
        j = read_json(os.path.join(d, "guotu_T1.out"))
        if "classes_within" not in j:
            raise NoAnswer("guotu report JSON has no classes_within")
        rows = [r for r in j["classes_within"] if r.get("level") == "county"]
        return {(str(r["unit"]), r["layer"], r["dlbm"]): float(r["area_m2"]) for r in rows}
    if task == "T2":
        path = os.path.join(d, "check_T2.gpkg")
        if not os.path.exists(path):
            raise NoAnswer("guotu check wrote no check_T2.gpkg")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as c:
            return {
                (p, lay): a
                for p, lay, a in c.execute(
                    "SELECT project, plan_layer, sum(area_m2) FROM violations GROUP BY project, plan_layer"
                )
            }
    if task == "T3":
        j = read_json(os.path.join(d, "guotu_T3.out"))
        with sqlite3.connect(f"file:{city}?mode=ro", uri=True) as c:
            county = {fid: code for fid, code in c.execute("SELECT fid, XZQDM FROM XZQ")}
        ov, gaps = {}, {}
        for e in j.get("errors", []):
            if e.get("layer") != "DLTB":
                continue
            if e["check"] == "COVERAGE_OVERLAP":
                k = tuple(sorted((int(e["fid"]), int(e["related_fid"]))))
                ov[k] = ov.get(k, 0.0) + float(e["measure"])
            elif e["check"] == "COVERAGE_GAP":
                gaps.setdefault(county.get(e.get("related_fid"), str(e.get("related_fid"))), []).append(float(e["measure"]))
        return t3_merge(ov, gaps)
    if task == "T4":
        j = read_json(os.path.join(d, "guotu_T4.out"))
        out = {}
        for ch in j.get("changes", []):
            k = (ch["before"], ch["after"])
            out[k] = out.get(k, 0.0) + float(ch["area_m2"])
        return out
    raise NoAnswer("no answer for this task")


def t3_merge(ov, gaps):
    out = {("overlap",) + tuple(map(str, k)): v for k, v in ov.items()}
    for c, areas in gaps.items():
        out[("gap", str(c))] = sorted(areas)
    return out


def peer_answer(task, d, tool):
    p = lambda name: os.path.join(d, f"{tool}_{name}.csv")  # noqa: E731
    if task == "T1":
        return keyed(read_csv(p("t1")), ["county", "layer", "dlbm"], "area_m2")
    if task == "T2":
        return keyed(read_csv(p("t2")), ["project", "layer"], "area_m2")
    if task == "T3":
        ov = {}
        for r in read_csv(p("t3_overlap")):
            if float(r["kept_m2"] or 0) > 0:
                ov[(int(r["a_fid"]), int(r["b_fid"]))] = float(r["kept_m2"])
        gaps = {}
        for r in read_csv(p("t3_gap")):
            if r["kept"].strip().lower() in ("1", "t", "true"):
                gaps.setdefault(r["county"], []).append(float(r["area_m2"]))
        return t3_merge(ov, gaps)
    if task == "T4":
        return keyed(read_csv(p("t4")), ["before_dlbm", "after_dlbm"], "area_m2")
    raise NoAnswer("no answer for this task")


def t3_raw(d, tool):
    """Pairs whose interiors meet at all, and gap parts of any area (before validate's thresholds)."""
    try:
        return len(read_csv(os.path.join(d, f"{tool}_t3_overlap.csv"))), len(read_csv(os.path.join(d, f"{tool}_t3_gap.csv")))
    except NoAnswer:
        return None


# --- records -----------------------------------------------------------------------------------
def read_timings(d):
    rows = []
    with open(os.path.join(d, "timings.tsv"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 8:
                continue
            rows.append(
                dict(task=p[0], tool=p[1], seconds=float(p[2]) if p[2] else None,
                     rss=float(p[3]) if p[3] else None, exit=int(p[4]) if p[4] else None,
                     lb=float(p[5]) if p[5] else None, la=float(p[6]) if p[6] else None, name=p[7])
            )
    return rows


def err_tail(d, name):
    try:
        with open(os.path.join(d, name + ".err"), encoding="utf-8", errors="replace") as f:
            lines = [x.strip() for x in f if x.strip() and not x.startswith("\t")]
        return lines[-1][:200] if lines else ""
    except OSError:
        return ""


def cmd_records(a):
    d, n = a.dir, a.patches
    city = os.path.join(os.path.dirname(d.rstrip("/")), f"city{n}.gpkg")
    rows = read_timings(d)
    groups = {}
    for r in rows:
        groups.setdefault((r["task"], r["tool"]), []).append(r)

    answers, why = {}, {}
    for task in ("T1", "T2", "T3", "T4"):
        for tool in ("guotu", "spatialite", "postgis"):
            if (task, tool) not in groups:
                continue
            try:
                answers[(task, tool)] = guotu_answer(task, d, city) if tool == "guotu" else peer_answer(task, d, tool)
            except NoAnswer as e:
                why[(task, tool)] = str(e)
            except (KeyError, ValueError, sqlite3.Error) as e:
                why[(task, tool)] = f"unreadable answer: {e.__class__.__name__}: {e}"

    def cmp(task, x, y):
        rel = T3_REL if task == "T3" and "guotu" in (x, y) else REL
        if (task, x) not in answers:
            return None, f"{x}: {why.get((task, x), 'no answer')}"
        if (task, y) not in answers:
            return None, f"{y}: {why.get((task, y), 'no answer')}"
        return compare(answers[(task, x)], answers[(task, y)], rel)

    records = []
    for (task, tool), rs in groups.items():
        secs = [r["seconds"] for r in rs]
        rec = {
            "task": task, "patches": n, "tool": tool,
            "seconds": round(sum(secs), 3) if None not in secs else None,
            "peak_rss_mb": max((r["rss"] for r in rs if r["rss"] is not None), default=None),
            "matches": None, "exit": max(r["exit"] for r in rs),
            "load_before": rs[0]["lb"], "load_after": rs[-1]["la"], "steps": [r["name"] for r in rs],
        }
        notes = []
        failed = [r for r in rs if r["exit"] not in (0, 1)] if tool == "guotu" else [r for r in rs if r["exit"] != 0]
        for r in failed:
            notes.append(f"{r['name']} exited {r['exit']}: {err_tail(d, r['name'])}")
        if task in ("T1", "T2", "T3", "T4") and tool != "read_floor":
            if tool == "guotu":
                ref = "postgis" if (task, "postgis") in answers else "spatialite"
                ok, s = cmp(task, "guotu", ref)
                rec["matches"] = bool(ok)
                notes.append(f"vs {ref}: {s}")
            else:
                other = "postgis" if tool == "spatialite" else "spatialite"
                ok, s = cmp(task, tool, "guotu")
                rec["matches"] = bool(ok)
                notes.append(f"vs guotu: {s}")
                ok2, s2 = cmp(task, tool, other)
                rec["agrees_with_" + other] = ok2
                notes.append(f"vs {other}: {s2}")
                if task == "T3":
                    raw = t3_raw(d, tool)
                    if raw:
                        notes.append(f"before thresholds: {raw[0]} pairs with interiors overlapping, {raw[1]} gap parts")
        if tool == "read_floor":
            try:
                j = read_json(os.path.join(d, rs[0]["name"] + ".out"))
                notes.append("read " + ", ".join(f"{x['layer']} {x['features']}" for x in j["layers"]))
            except (NoAnswer, KeyError):
                pass
        if task == "T2" and tool == "guotu":
            notes.append("includes check's DLTB occupancy (压占) and writing the GeoPackage")
        if task == "T3" and tool == "guotu":
            notes.append("validate measures 椭球面积: areas compared within 1e-3")
        rec["note"] = "; ".join(notes)
        records.append(rec)

    order = {t: i for i, t in enumerate(["data", "load", "T1", "T2", "T3", "T4", "R"])}
    records.sort(key=lambda r: (order.get(r["task"], 99), TOOLS.index(r["tool"]) if r["tool"] in TOOLS else 9, r["tool"]))
    try:
        with open(a.results, encoding="utf-8") as f:
            old = json.load(f)
    except (OSError, ValueError):
        old = []
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for r in records:
        r["run"] = stamp
    res = [r for r in old if r.get("patches") != n] + records
    res.sort(key=lambda r: (r["patches"], order.get(r["task"], 99)))
    with open(a.results, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for r in records:
        print(f"{r['task']:4} {r['tool']:12} {r['seconds']!s:>9} s {r['peak_rss_mb']!s:>8} MB  matches={r['matches']}  {r['note']}",
              file=sys.stderr)


# --- docs --------------------------------------------------------------------------------------
BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"


def fmt_s(r):
    if r is None or r.get("seconds") is None:
        return "—"
    s = f"{r['seconds']:.2f} s" if r["seconds"] < 10 else f"{r['seconds']:.1f} s"
    if r.get("peak_rss_mb"):
        s += f", {r['peak_rss_mb']:.0f} MB"
    return s


def cell(r, guotu_ok):
    if r is None:
        return "—"
    if r["exit"] not in ((0, 1) if r["tool"] == "guotu" else (0,)):
        return f"failed (exit {r['exit']}) ✗"
    s = fmt_s(r)
    if r["tool"] in ("spatialite", "postgis"):
        if r["matches"]:
            s += " ✓"
        elif r.get("agrees_with_postgis") or r.get("agrees_with_spatialite"):
            s += " (✗ guotu; = other peer)"
        else:
            s += " (✗)"
    if r["tool"] == "guotu" and r["task"] != "R":
        s += " ✓" if r["matches"] else " ✗"
    return s


def fit(points):
    """Exponent b of seconds = a · patches^b (least squares on logs), or None."""
    pts = [(math.log(n), math.log(s)) for n, s in points if s and s > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def cmd_docs(a):
    with open(a.results, encoding="utf-8") as f:
        res = json.load(f)
    try:
        with open(a.machine, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        m = {}
    by = {(r["task"], r["patches"], r["tool"]): r for r in res}
    sizes = sorted({r["patches"] for r in res})
    runs = sorted({r.get("run", "") for r in res})
    L = [BEGIN, "## Latest run of tools/bench/run.sh (issue #13)", ""]
    L.append("Written by `tools/bench/run.sh` (do not edit by hand: the next run rewrites this section; "
             "the records are in `tools/bench/results.json`).")
    L.append("")
    L.append(f"**Machine.** {m.get('nproc', '?')} cores ({m.get('cpu', '?')}), {m.get('ram_gb', '?')} GB RAM, "
             f"{m.get('os', '?')}; GDAL {m.get('gdal', '?')}, GEOS {m.get('geos', '?')}, PROJ {m.get('proj', '?')}, "
             f"SpatiaLite {m.get('spatialite', '?')} (SQLite {m.get('sqlite', '?')}), PostgreSQL {m.get('postgresql', '?')} "
             f"with PostGIS {postgis_version(a.machine)}; {m.get('guotu', 'guotu')} (`{m.get('guotu_binary', '?')}`; harness at commit {m.get('guotu_commit', '?')}). "
             f"Runs: {', '.join(x for x in runs if x)}.")
    L.append("")
    L.append("```sh")
    L.append(f"tools/bench/run.sh --sizes {','.join(map(str, sizes))}   # as root; installs what it needs")
    L.append("```")
    L.append("")
    L.append("Each cell: wall seconds and peak RSS (`/usr/bin/time -v`); PostGIS: the query alone (psql `\\timing`; "
             "loading is in the `load` row). ✓: the answer equals guotu's `--area planar` answer within 1e-6 relative "
             "per record (T3: guotu measures 椭球面积, so within 1e-3); a peer's time counts only with ✓. "
             "Load: the 1-minute load average before → after guotu's step (the box is shared).")
    L.append("")
    L.append("| job | patches | guotu | read floor | SpatiaLite SQL | PostGIS SQL (query) | load |")
    L.append("|---|---:|---:|---:|---:|---:|---|")
    for task in ["T1", "T2", "T3", "T4", "R"]:
        for n in sizes:
            g = by.get((task, n, "guotu"))
            if not g and not by.get((task, n, "postgis")):
                continue
            load = f"{g['load_before']} → {g['load_after']}" if g and g.get("load_before") is not None else ""
            L.append(f"| {TASKS[task]} | {n:,} | {cell(g, g and g['matches'])} | {fmt_s(by.get((task, n, 'read_floor')))} | "
                     f"{cell(by.get((task, n, 'spatialite')), None)} | {cell(by.get((task, n, 'postgis')), None)} | {load} |")
    for n in sizes:
        s = by.get(("data", n, "guotu"))
        p = by.get(("load", n, "postgis_load"))
        L.append(f"| data: `guotu sample` / PostGIS load (ogr2ogr, GiST, ANALYZE) | {n:,} | {fmt_s(s)} | | | {fmt_s(p)} | |")
    L.append("")
    notes = [(r["task"], r["patches"], r["tool"], r["note"]) for r in res
             if r["tool"] in ("guotu", "spatialite", "postgis") and r.get("note") and r["task"] in TASKS]
    if notes:
        L.append("<details><summary>Comparison notes per record</summary>")
        L.append("")
        for t, n, tool, note in notes:
            L.append(f"- {t} {n:,} {tool}: {note}")
        L.append("")
        L.append("</details>")
        L.append("")
    L.append("**Cost exponent of guotu** (seconds ∝ patches^b, least squares on logs over the sizes measured):")
    L.append("")
    exps = {}
    for task in ["T1", "T2", "T3", "T4", "R"]:
        pts = [(n, by[(task, n, "guotu")]["seconds"]) for n in sizes
               if (task, n, "guotu") in by and by[(task, n, "guotu")]["exit"] in (0, 1)]
        b = fit(pts)
        exps[task] = b
        L.append(f"- {TASKS[task]}: " + (f"b = {b:.2f} over {len(pts)} sizes ({pts[0][0]:,}–{pts[-1][0]:,})" if b is not None
                                         else f"not enough sizes ({len(pts)} measured)"))
    L.append("")
    L.append("**Targets of issue #13** (at 1,000,000 patches unless said; guotu's wall time with its reading and writing):")
    L.append("")
    M = 1000000

    def t(task, tool, n=M):
        r = by.get((task, n, tool))
        return r if r and r.get("seconds") is not None else None

    def ratio_target(task, peer, factor, text):
        g, p = t(task, "guotu"), t(task, peer)
        if not g or not p:
            return f"- {text}: not measured (no {M:,}-patch run)"
        if not g["matches"]:
            return f"- {text}: **missed** (guotu's answer does not equal the peers' yet: {g['note'][:160]})"
        if not p["matches"]:
            return f"- {text}: not judged ({peer}'s answer does not equal guotu's)"
        x = p["seconds"] / g["seconds"]
        return f"- {text}: {'**met**' if x >= factor else '**missed**'} ({peer} {p['seconds']:.1f} s / guotu {g['seconds']:.1f} s = {x:.2f}×)"

    L.append(ratio_target("T1", "spatialite", 3, "T1 at least 3× faster than SpatiaLite"))
    L.append(ratio_target("T2", "spatialite", 1, "T2 faster than SpatiaLite"))
    L.append(ratio_target("T3", "postgis", 2, "T3 at least 2× faster than PostGIS"))
    L.append(ratio_target("T4", "postgis", 2, "T4 at least 2× faster than PostGIS"))
    r = t("R", "guotu")
    L.append("- `report --by county --by town` under 5 s: " + (
        f"{'**met**' if r['seconds'] < 5 and r['exit'] in (0, 1) else '**missed**'} ({r['seconds']:.1f} s)" if r
        else "not measured (no 1,000,000-patch run)"))
    big = [r for r in res if r["patches"] == 2000000 and r["tool"] == "guotu" and r.get("peak_rss_mb")]
    if big:
        peak = max(big, key=lambda r: r["peak_rss_mb"])
        L.append(f"- peak memory under 2 GB at 2,000,000 patches: {'**met**' if peak['peak_rss_mb'] < 2048 else '**missed**'} "
                 f"(largest: {peak['task']} {peak['peak_rss_mb']:.0f} MB)")
    else:
        L.append("- peak memory under 2 GB at 2,000,000 patches: not measured (no 2,000,000-patch run)")
    full = [k for k, b in exps.items() if b is not None]
    if full and len(sizes) >= 2:
        worst = max(full, key=lambda k: exps[k])
        L.append(f"- cost near linear from 100k to 2M (b ≤ 1.15 taken as near linear): "
                 f"{'**met**' if exps[worst] <= 1.15 else '**missed**'} (largest b: {worst} {exps[worst]:.2f}; "
                 f"sizes {sizes[0]:,}–{sizes[-1]:,})")
    else:
        L.append("- cost near linear from 100k to 2M: not measured (one size only)")
    L.append("")
    L.append(END)
    block = "\n".join(L) + "\n"

    with open(a.docs, encoding="utf-8") as f:
        doc = f.read()
    if BEGIN in doc and END in doc:
        i, j = doc.index(BEGIN), doc.index(END) + len(END)
        doc = doc[:i] + block.rstrip("\n") + doc[j:]
    else:
        k = doc.find("\n## ")
        head, rest = (doc[:k + 1], doc[k + 1:]) if k >= 0 else (doc + "\n", "")
        hist = ("# Historical runs\n\nThe sections below are earlier measurements, kept as they were written "
                "(older binaries, other scripts); the table above is the current one.\n\n")
        doc = head + "\n" + block + "\n" + hist + rest
    with open(a.docs, "w", encoding="utf-8") as f:
        f.write(doc)


def postgis_version(machine_path):
    """PostGIS and its GEOS, as run.sh wrote them next to machine.json."""
    p = os.path.join(os.path.dirname(os.path.abspath(machine_path or ".")), "postgis_version.txt")
    try:
        with open(p, encoding="utf-8") as f:
            return f.read().strip().replace("|", " (GEOS ") + ")"
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("records")
    r.add_argument("--dir", required=True)
    r.add_argument("--patches", type=int, required=True)
    r.add_argument("--machine")
    r.add_argument("--results", required=True)
    dd = sub.add_parser("docs")
    dd.add_argument("--results", required=True)
    dd.add_argument("--machine")
    dd.add_argument("--docs", required=True)
    a = ap.parse_args()
    {"records": cmd_records, "docs": cmd_docs}[a.cmd](a)


if __name__ == "__main__":
    main()
