#!/usr/bin/env bash
# The whole benchmark run of docs/benchmarks.md (sample, check, validate, PostGIS peers).
#
#   tools/bench/run_check_bench.sh [WORKDIR=/tmp/bench] [PATCHES=1000000] [PROJECTS=10000]
#
# From the repository root, with the release build (build/release/tools/guotu), as root on
# Debian 12 (PostgreSQL runs as the postgres user in a throwaway cluster). Every step's
# `/usr/bin/time -v` output, the machine load before and after (uptime), and the PostGIS log
# go to WORKDIR; a summary is printed at the end. An existing WORKDIR/city1m.gpkg is reused
# only with KEEP_CITY=1.
set -euo pipefail

work=${1:-/tmp/bench}
patches=${2:-1000000}
nproj=${3:-10000}
guotu=${GUOTU:-build/release/tools/guotu}
bench=$(dirname "$(readlink -f "$0")")
mkdir -p "$work"
city=$work/city1m.gpkg
projects=$work/projects10k.gpkg

if ! command -v /usr/lib/postgresql/15/bin/initdb > /dev/null || ! command -v ogr2ogr > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 gdal-bin > /dev/null
fi

step() {  # name command...
  local name=$1; shift
  echo "== $name: $*" >&2
  uptime > "$work/$name.uptime_before"
  local rc=0
  /usr/bin/time -v "$@" > "$work/$name.out" 2> "$work/$name.time" || rc=$?
  uptime > "$work/$name.uptime_after"
  echo "   exit $rc; $(grep -E 'Elapsed \(wall|Maximum resident' "$work/$name.time" | tr -s ' \t' ' ' | paste -sd';')" >&2
}

{ echo "host $(hostname), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"; uname -r
  "$guotu" --version 2>&1 | head -1; } > "$work/machine.txt"

if [[ ${KEEP_CITY:-0} != 1 || ! -s $city ]]; then
  step sample "$guotu" sample --patches "$patches" --out "$city" --overwrite --jobs 2
fi
step make_projects bash "$bench/make_projects.sh" "$city" "$projects" "$nproj"
step check "$guotu" check --plan "$city" --projects "$projects" --out "$work/check.gpkg" --jobs 2 --overwrite \
  --json
step check_overlay "$guotu" check --plan "$city" --projects "$projects" --out "$work/check_overlay.gpkg" \
  --jobs 2 --overwrite --rules "$bench/overlay_rules.yaml" --json
step validate "$guotu" validate "$city" --layer DLTB --jobs 2 --json
step postgis bash "$bench/postgis_compare.sh" "$city" "$projects" "$work"

# guotu's side of the comparison, in the same form as the PostGIS log.
{
  echo "# guotu check_overlay.gpkg: plan_layer, pieces (> 1 m²), projects, 椭球面积 m²"
  ogrinfo -ro -q "$work/check_overlay.gpkg" -sql "SELECT plan_layer, count(*) AS n, count(DISTINCT project) AS p,
      round(sum(area_m2), 1) AS m2 FROM violations GROUP BY plan_layer ORDER BY plan_layer" \
    | sed -n 's/^ *\(plan_layer\|n\|p\|m2\) ([A-Za-z]*) = //p' | paste -d' ' - - - -
  echo "# guotu occupancy: rows (project × DLBM × GDDB), projects, gross 椭球面积 m², 耕地 gross m²"
  ogrinfo -ro -q "$work/check_overlay.gpkg" -sql "SELECT count(*) AS n, count(DISTINCT project) AS p,
      round(sum(gross_m2), 1) AS m2, round(sum(CASE WHEN cultivated = 1 THEN gross_m2 ELSE 0 END), 1) AS c
      FROM occupancy" | sed -n 's/^ *\(n\|p\|m2\|c\) ([A-Za-z]*) = //p' | paste -d' ' - - - -
  echo "# guotu validate DLTB: counts and timings"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print({k:v for k,v in d["counts"].items() if v}); print(d.get("timings_s"))' \
    "$work/validate.out"
} > "$work/guotu_summary.txt" 2>&1 || true
cat "$work/guotu_summary.txt"
grep -E '^(load|VACUUM|Time|forbid |occupancy |overlap_pairs|projects_planar|##)' "$work/postgis.log"
