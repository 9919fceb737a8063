#!/usr/bin/python3
"""The expected-JSON tests (tests/expected/README.md), in the manner of PostGIS's
regress/*_expected: each command runs with --json on the small fixture written by fixture.py,
its document is normalised and compared whole with tests/expected/<command>.json; a difference is
printed as a unified diff.

    run.py GUOTU COMMAND            # compare (exit 0 same, 1 different or wrong exit code)
    run.py GUOTU COMMAND --update   # write the normalised document to <command>.json for review

COMMAND is one of the names in COMMANDS, or `all`. Every run states guotu's exact exit code.

Normalisation (both sides): floats to 10 significant digits (-0.0 as 0.0); the run's folder as
$WORK and the source tree as $SRC in strings; the values of `timings_s` as "<seconds>". Nothing
else is touched: every key, count, code, message and order is compared.
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, HERE)
import fixture  # noqa: E402

LEDGER = [(["ledger", "--db", "ledger.sqlite", "init"], 0), (["ledger", "--db", "ledger.sqlite", "import", "ledger"], 0)]

# name: (setup runs [(args, exit)], the --json run's args, its exit code)
COMMANDS = {
    "info": ([], ["info", "plan.gpkg", "--layer", "XZQ", "--layer", "DLTB", "--json"], 0),
    "validate": ([], ["validate", "plan.gpkg", "--json", "--jobs", "2"], 1),
    # The fixture's plan has 3 of the 12 rules' layers: P1 is 未完整审查, the check incomplete (exit 2).
    "check": ([], ["check", "--plan", "plan.gpkg", "--projects", "projects.gpkg", "--out", "check.gpkg", "--json",
                   "--jobs", "2"], 2),
    # The fixture's plan has no ZRBHD: the rules on 自然保护地 cannot be evaluated (未完整审查, exit 2).
    "diff": ([], ["diff", "--before", "plan.gpkg", "--after", "plan.gpkg", "--plan", "plan.gpkg", "--out", "diff.gpkg",
                  "--json", "--jobs", "2"], 2),
    "report": ([], ["report", "--plan", "plan.gpkg", "--out", "report", "--by", "county", "--by", "town", "--year",
                    "2025", "--indicators", os.path.join(HERE, "report", "indicators.yaml"), "--targets",
                    os.path.join(HERE, "report", "targets.yaml"), "--json", "--jobs", "2"], 0),
    "ledger_balance": (LEDGER, ["ledger", "--db", "ledger.sqlite", "--json", "balance", "--year", "2023"], 0),
    "ledger_report": (LEDGER, ["ledger", "--db", "ledger.sqlite", "--json", "report", "--out", "ledger_report"], 0),
    "qgis": ([(["check", "--plan", "plan.gpkg", "--projects", "projects.gpkg", "--out", "check.gpkg", "--jobs", "2"], 2)],
             ["qgis", "--out", "project.qgs", "check.gpkg", "plan.gpkg", "projects.gpkg", "--json"], 0),
    "sample": ([], ["sample", "--out", "city.gpkg", "--patches", "200", "--seed", "1", "--json", "--jobs", "2"], 0),
}


def normalise(value, work, key=None):
    if isinstance(value, dict):
        if key == "timings_s":
            return {k: "<seconds>" for k in value}
        return {k: normalise(v, work, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, work) for v in value]
    if isinstance(value, float):
        v = float(f"{value:.10g}")
        return 0.0 if v == 0 else v
    if isinstance(value, str):
        return value.replace(work, "$WORK").replace(SRC, "$SRC")
    return value


def text(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def run(guotu, name, update):
    setup, args, want_exit = COMMANDS[name]
    expected_file = os.path.join(HERE, name + ".json")
    with tempfile.TemporaryDirectory(prefix=f"guotu-expected-{name}-") as work:
        work = os.path.realpath(work)
        fixture.main(work)
        for a, code in setup:
            r = subprocess.run([guotu] + a, cwd=work, capture_output=True, text=True)
            if r.returncode != code:
                print(f"FAIL {name}: setup guotu {' '.join(a)} exited {r.returncode}, expected {code}\n{r.stderr}")
                return False
        r = subprocess.run([guotu] + args, cwd=work, capture_output=True, text=True)
        shown = "guotu " + " ".join(args)
        if r.returncode != want_exit:
            print(f"FAIL {name}: {shown} exited {r.returncode}, expected exactly {want_exit}\n{r.stderr[-3000:]}")
            return False
        try:
            got = text(normalise(json.loads(r.stdout), work))
        except json.JSONDecodeError as e:
            print(f"FAIL {name}: {shown} printed no JSON document ({e})\n{r.stdout[:2000]}")
            return False
    if update:
        with open(expected_file, "w", encoding="utf-8") as f:
            f.write(got)
        print(f"wrote {os.path.relpath(expected_file, SRC)}: review it against the fixture (git diff) before committing")
        return True
    if not os.path.exists(expected_file):
        print(f"FAIL {name}: no {os.path.relpath(expected_file, SRC)} (run.py GUOTU {name} --update, then review it)")
        return False
    with open(expected_file, encoding="utf-8") as f:
        want = text(normalise(json.load(f), work))
    if got == want:
        print(f"ok {name}: {shown} (exit {want_exit}) equals {os.path.relpath(expected_file, SRC)}")
        return True
    print(f"FAIL {name}: {shown} differs from {os.path.relpath(expected_file, SRC)}:")
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "got"))
    return False


def main(argv):
    if len(argv) < 3 or (argv[2] not in COMMANDS and argv[2] != "all") or argv[3:] not in ([], ["--update"]):
        print(__doc__)
        print("commands:", " ".join(COMMANDS))
        return 2
    guotu, name, update = os.path.realpath(argv[1]), argv[2], argv[3:] == ["--update"]
    names = list(COMMANDS) if name == "all" else [name]
    ok = [run(guotu, n, update) for n in names]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
