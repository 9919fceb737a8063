#!/usr/bin/env bash
# Runs every libFuzzer target for a short time (default 30 s each; FUZZ_SECONDS to change) from
# its seeds: tests/fuzz/seeds/<target>/ (inputs that once crashed guotu, kept as regressions) plus
# the data files guotu ships for that reader. A crash, a leak, a sanitizer report, an input that
# takes over 10 s, or a bad input answered as an internal error fails the run; the input is left
# in $FUZZ_OUT (default build/fuzz/findings) to become a corpus case.
# Usage: tests/fuzz/run_smoke.sh [BUILD_DIR]   (after: cmake --preset fuzz && cmake --build --preset fuzz)
set -uo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$src/build/fuzz}"
seconds="${FUZZ_SECONDS:-30}"
out="${FUZZ_OUT:-$build/findings}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The shipped files each reader is meant for: the best seeds there are.
seeds_for() {
  case "$1" in
    fuzz_check_rules) ls "$src"/data/rules/*.yaml ;;
    fuzz_change_rules) ls "$src"/data/rules/change_*.yaml "$src"/tools/bench/t4_rules.yaml ;;
    fuzz_validate_rules) ls "$src"/data/validate/*.yaml ;;
    fuzz_indicators) ls "$src"/data/indicators/*.yaml ;;
    fuzz_targets) ls "$src"/data/targets/*.yaml "$src"/tests/data/*.yaml ;;
    fuzz_city_config) ls "$src"/data/cities/*/*.yaml ;;
    fuzz_code_list) ls "$src"/layers/codes/*.csv ;;
    fuzz_qgis_style) ls "$src"/layers/styles/*.qml | head -20 ;;
    fuzz_ledger_import)
      # The sample ledger's tables, each behind the byte that names its table.
      mkdir -p "$work/ledger-seeds"
      local i=0
      for t in supplements transfers occupations inout; do
        { printf "\\$(printf '%03o' "$i")"; cat "$src/data/ledger/sample/$t.csv"; } >"$work/ledger-seeds/$t"
        i=$((i + 1))
      done
      ls "$work"/ledger-seeds/* ;;
    fuzz_wkb)
      # WKB of every geometry type (and 3D/measured variants), written by GDAL.
      /usr/bin/python3 - "$work/wkb-seeds" <<'PY'
import os, sys
from osgeo import ogr
d = sys.argv[1]; os.makedirs(d, exist_ok=True)
wkts = ["POINT (1 2)", "LINESTRING (0 0,1 1,2 0)", "POLYGON ((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",
        "MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))", "MULTILINESTRING ((0 0,1 1),(2 2,3 3))",
        "GEOMETRYCOLLECTION (POINT (1 1),POLYGON ((0 0,1 0,1 1,0 0)))", "POLYGON Z ((0 0 1,1 0 1,1 1 1,0 0 1))",
        "POLYGON ((0 0,10 0,0 10,10 10,0 0))", "MULTIPOINT (1 1,2 2)", "POLYGON EMPTY"]
for i, w in enumerate(wkts):
    open(os.path.join(d, f"seed{i}.wkb"), "wb").write(bytes(ogr.CreateGeometryFromWkt(w).ExportToIsoWkb()))
PY
      ls "$work"/wkb-seeds/* ;;
  esac
}

targets=(fuzz_check_rules fuzz_change_rules fuzz_validate_rules fuzz_indicators fuzz_targets fuzz_city_config
         fuzz_code_list fuzz_wkb fuzz_qgis_style fuzz_ledger_import)
passed=0
failed=0
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/$t"
  if [[ ! -x "$bin" ]]; then
    echo "fuzz: $t: not built ($bin)"
    failed=$((failed + 1))
    continue
  fi
  corpus="$work/$t"
  mkdir -p "$corpus"
  [[ -d "$src/tests/fuzz/seeds/$t" ]] && cp "$src/tests/fuzz/seeds/$t"/* "$corpus"/ 2>/dev/null
  while read -r f; do cp "$f" "$corpus/"; done < <(seeds_for "$t")
  dict=()
  [[ -f "$src/tests/fuzz/$t.dict" ]] && dict=(-dict="$src/tests/fuzz/$t.dict")
  log="$out/$t.log"
  if ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
     "$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$out/$t-" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "fuzz: $t: ok, ${runs:-?} inputs in ${seconds} s"
    passed=$((passed + 1))
  else
    echo "fuzz: $t: FAILED (log: $log; the input: $out/$t-*)"
    grep -m5 -E 'ERROR|finding|runtime error|deadly|timeout' "$log" | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
