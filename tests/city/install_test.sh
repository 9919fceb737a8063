#!/bin/sh
# The installed binary finds its data without the source tree (core/resources.hpp): `cmake
# --install` into a temporary prefix, then the installed guotu run from a folder outside the source
# tree with GUOTU_HOME unset — sample, check and report on the sample — must read every data file
# from <prefix>/share/guotu (the paths its JSON names), and still so when GUOTU_HOME names another
# folder (beside the binary comes first). Prints "ok: installed …" when all holds.
#   usage: install_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$(cd "$2" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" || fail "cmake --install: $(cat "$tmp/install.log")"
bin=$tmp/prefix/bin/guotu
share=$tmp/prefix/share/guotu
[ -x "$bin" ] || fail "no $bin"
# Every data file of the source tree is installed (what the commands read at run time).
for d in data layers; do
  diff -r "$src/$d" "$share/$d" > "$tmp/diff.log" || fail "$share/$d differs from $src/$d: $(head -5 "$tmp/diff.log")"
done

mkdir "$tmp/work" && cd "$tmp/work"
case $(pwd -P) in "$src"*) fail "the work folder is inside the source tree" ;; esac
run() {  # expected-exit command…: the installed guotu, GUOTU_HOME unset
  want=$1; shift
  set +e
  env -u GUOTU_HOME "$bin" "$@" > out.json 2> err.txt
  got=$?
  set -e
  [ "$got" = "$want" ] || fail "guotu $* exited $got, not $want: $(tail -5 err.txt)"
}
# The JSON's data paths (rules, indicator and target files) must all be the installed ones.
installed_paths() {  # JSON keys…
  /usr/bin/python3 - "$share" "$@" <<'PY' || fail "guotu read data outside $share: $(cat paths.txt)"
import json, sys
share, keys = sys.argv[1], sys.argv[2:]
d = json.load(open("out.json"))
paths = []
for k in keys:
    v = d[k]
    paths += v if isinstance(v, list) else [v]
open("paths.txt", "w").write("\n".join(paths))
sys.exit(0 if paths and all(p.startswith(share + "/") for p in paths) else 1)
PY
}

run 0 sample --patches 2000 --out city.gpkg --json
[ -s city.gpkg ] || fail "sample wrote no city.gpkg"
# The sample's planted 禁止 projects make check exit 1 (a complete check that found violations).
run 1 check --city liaocheng --plan city.gpkg --projects city.gpkg --out check.gpkg --json
installed_paths rules_file
grep -q '"禁止": [1-9]' out.json || fail "check found no 禁止 project on the sample"
set +e
env -u GUOTU_HOME "$bin" report --plan city.gpkg --out report --json > out.json 2> err.txt
got=$?
set -e
[ "$got" = 0 ] || [ "$got" = 1 ] || fail "report exited $got: $(tail -5 err.txt)"
[ -s report/report.html ] || fail "report wrote no report.html"
installed_paths indicator_files target_files
# GUOTU_HOME naming another folder does not win over the data beside the binary.
mkdir -p elsewhere/layers
set +e
GUOTU_HOME=$tmp/work/elsewhere "$bin" check --plan city.gpkg --projects city.gpkg --out check2.gpkg --json > out.json 2> err.txt
got=$?
set -e
[ "$got" = 1 ] || fail "check with GUOTU_HOME=elsewhere exited $got: $(tail -5 err.txt)"
installed_paths rules_file
echo "ok: installed to $tmp/prefix; sample, check and report ran in $tmp/work with their data from $share"
