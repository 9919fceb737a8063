#!/usr/bin/env bash
# The benchmark of issue #13 (docs/benchmarks.md): guotu against the SQL a planner could type
# instead, on sample cities of several sizes, from one command on a fresh Debian 12 machine.
#
#   tools/bench/run.sh [--sizes 100000,1000000,2000000] [--work DIR] [--keep] [--projects 10000]
#                      [--tasks T1,T2,T3,T4,R] [--no-install] [--no-docs]
#
# Run as root from anywhere (PostgreSQL runs as the postgres user in a throwaway cluster).
# GUOTU (default build/release/tools/guotu of this repository) and GUOTU_READ (default
# build/release/tools/guotu_bench_read) name the binaries; when the defaults are missing they
# are built with the release preset (after scripts/install-deps.sh when there is no cmake).
# Copy the binaries elsewhere first if a rebuild could swap them mid-run.
#
# What it does, and why:
#  0. Installs by Debian package name what the peers need when it is missing (postgresql-15,
#     postgresql-15-postgis-3, gdal-bin, libsqlite3-mod-spatialite, sqlite3, python3-gdal, time)
#     and records the machine (nproc, RAM, CPU, GDAL/GEOS/PROJ/SpatiaLite/PostgreSQL/PostGIS
#     versions, guotu's commit) in WORK/machine.json, so a table never loses its context.
#  Then per size N of --sizes, in WORK/N/:
#  1. The data: `guotu sample --patches N --jobs 2` (WORK/cityN.gpkg; reused with --keep) and
#     10,000 projects from make_projects.sh (fixed seed, so every tool sees the same projects).
#  2. guotu's jobs, each under /usr/bin/time -v (wall, peak RSS) with the load (uptime) before
#     and after; guotu's time is the whole command, its reading and writing included:
#       T1 report --by county --classes-within YJJBNT,STBHHX,CZKFBJ --area planar --json
#       T2 check --projects --rules tools/bench/t2_rules.yaml --area planar (OUT.gpkg violations)
#          (check also computes the DLTB occupancy 压占 when the plan has DLTB: it is part of
#          what a `check` run costs, so it stays in guotu's time, as the issue defines the job)
#       T3 validate CITY --layer DLTB --jobs 2 --json (overlaps and gaps; 椭球面积, no planar)
#       T4 diff --before CITY --after CITY (DLTB → DLTB_LATER) --area planar --json
#       R  report --by county --by town (the issue's target "under 5 s at 1M"; no peer)
#  3. The read floor: tools/bench/read_floor.cpp reads each job's input layers through guotu's
#     own reader into GEOS geometries and nothing else: the least any guotu command pays.
#  4. SpatiaLite: each tools/bench/sql/spatialite/*.sql in `sqlite3 CITY.gpkg` (mod_spatialite,
#     GPKG amphibious mode, joins through the GeoPackage R-trees), whole process timed.
#     (T1 in both peers first cuts the control lines into pieces of ≤ 256 vertices with their
#     own index: joined whole, the large polygons made the SQL 1.4–3× slower; sql/README.md.)
#  5. PostGIS: a throwaway cluster (tools/bench/pg_cluster.sh), the layers loaded with ogr2ogr
#     (GiST), VACUUM ANALYZE; each tools/bench/sql/postgis/*.sql materialises its answer in an
#     UNLOGGED table, timed by psql's \timing alone (query time, not loading); rows copied out.
#  6. tools/bench/bench.py compares the answers (per record, 1e-6 relative; see its header) and
#     appends the records to tools/bench/results.json (replacing earlier ones of the same size),
#     then rewrites the results section of docs/benchmarks.md (between its markers): the table,
#     guotu's fitted cost exponent per task (log-log least squares over the sizes) and the
#     issue's targets, met or missed.
set -euo pipefail

bench=$(dirname "$(readlink -f "$0")")
repo=$(cd "$bench/../.." && pwd)
sizes=100000,1000000,2000000
work=/tmp/guotu-bench
keep=0
nproj=10000
tasks=T1,T2,T3,T4,R
install=1
docs=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --projects) nproj=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --no-install) install=0; shift ;;
    --no-docs) docs=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "$0: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
done
has_task() { [[ ,$tasks, == *,$1,* ]]; }

# --- 0. packages and machine ---------------------------------------------------------------
if [[ $install == 1 ]]; then
  need=()
  [[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql-15)
  [[ -d /usr/share/postgresql/15/extension ]] && ls /usr/share/postgresql/15/extension/postgis.control > /dev/null 2>&1 \
    || need+=(postgresql-15-postgis-3)
  command -v ogr2ogr > /dev/null || need+=(gdal-bin)
  command -v sqlite3 > /dev/null || need+=(sqlite3)
  [[ -e /usr/lib/x86_64-linux-gnu/mod_spatialite.so || -n $(find /usr/lib -name 'mod_spatialite.so' -print -quit) ]] \
    || need+=(libsqlite3-mod-spatialite)
  /usr/bin/python3 -c 'import osgeo' 2> /dev/null || need+=(python3-gdal)
  [[ -x /usr/bin/time ]] || need+=(time)
  if [[ ${#need[@]} -gt 0 ]]; then
    echo "== installing ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" > /dev/null
  fi
fi

guotu=${GUOTU:-$repo/build/release/tools/guotu}
reader=${GUOTU_READ:-$repo/build/release/tools/guotu_bench_read}
if [[ ! -x $guotu || ! -x $reader ]]; then
  if [[ -z ${GUOTU:-} && -z ${GUOTU_READ:-} ]]; then
    echo "== building guotu and guotu_bench_read (release preset)" >&2
    # a fresh machine has no compiler: the project's own dependency list (scripts/install-deps.sh)
    command -v cmake > /dev/null || bash "$repo/scripts/install-deps.sh"
    (cd "$repo" && cmake --preset release > /dev/null && cmake --build --preset release --target guotu guotu_bench_read)
  fi
  [[ -x $guotu ]] || { echo "$0: no guotu at $guotu (set GUOTU)" >&2; exit 2; }
  [[ -x $reader ]] || { echo "$0: no read-floor tool at $reader (set GUOTU_READ)" >&2; exit 2; }
fi
guotu=$(readlink -f "$guotu")
reader=$(readlink -f "$reader")
# guotu's layer catalogue and rule data: this repository's, also for a binary copied elsewhere
export GUOTU_HOME=${GUOTU_HOME:-$repo}

mkdir -p "$work"
work=$(readlink -f "$work")
load1() { cut -d' ' -f1 /proc/loadavg; }

machine_json() {
  local spl pg_version
  spl=$(sqlite3 :memory: ".load mod_spatialite" "SELECT spatialite_version() || '|' || geos_version() || '|' || proj_version();" 2> /dev/null || echo '||')
  pg_version=$(/usr/lib/postgresql/15/bin/postgres --version 2> /dev/null | awk '{print $3}')
  /usr/bin/python3 - "$spl" "$pg_version" "$guotu" "$repo" > "$work/machine.json" << 'PY'
import json, os, platform, re, subprocess, sys
from osgeo import gdal
spl, pgv, guotu, repo = sys.argv[1:5]
def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return ""
cpu = ""
for line in open("/proc/cpuinfo", encoding="utf-8"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
s = spl.split("|") + ["", "", ""]
print(json.dumps({
    "host": platform.node(), "kernel": platform.release(), "nproc": os.cpu_count(),
    "ram_gb": round(mem_kb / 1024 / 1024, 1), "cpu": cpu,
    "os": run("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"),
    "gdal": gdal.__version__, "geos": s[1], "proj": s[2], "spatialite": s[0],
    "sqlite": run("sqlite3", "--version").split(" ")[0], "postgresql": pgv,
    "guotu": run(guotu, "--version"), "guotu_binary": guotu,
    "guotu_commit": run("git", "-C", repo, "rev-parse", "--short", "HEAD"),
}, ensure_ascii=False, indent=1))
PY
}
machine_json
echo "== machine: $(tr -d '\n' < "$work/machine.json" | tr -s ' ')" >&2

# --- helpers ----------------------------------------------------------------------------------
# Every timed step appends one line to N/timings.tsv:
#   task tool seconds peak_rss_mb exit load_before load_after note
# step TASK TOOL NAME command...: runs command under /usr/bin/time -v (a shell function: wall
# time only); stdout → NAME.out, stderr → NAME.err, time's report → NAME.time.
step() {
  local task=$1 tool=$2 name=$3; shift 3
  local lb la rc=0 secs rss
  echo "== $task $tool: $*" >&2
  lb=$(load1)
  if declare -F "$1" > /dev/null; then  # a shell function (the PostGIS load): wall time only
    local t0
    t0=$(date +%s.%N)
    "$@" > "$d/$name.out" 2> "$d/$name.err" || rc=$?
    secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
    rss=
  else
    /usr/bin/time -v -o "$d/$name.time" "$@" > "$d/$name.out" 2> "$d/$name.err" || rc=$?
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$d/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$d/$name.time")
  fi
  la=$(load1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$task" "$tool" "${secs:-}" "${rss:-}" "$rc" "$lb" "$la" "$name" >> "$d/timings.tsv"
  echo "   exit $rc, ${secs:-?} s, ${rss:-?} MB (load $lb → $la)" >&2
}

# SpatiaLite: one sqlite3 process per SQL file; rows as CSV in N/spatialite_FILE.csv.
spatialite_run() {  # task file...
  local task=$1; shift
  local f base
  for f in "$@"; do
    base=$(basename "$f" .sql)
    {
      echo ".bail on"
      echo ".output /dev/null"
      echo ".load mod_spatialite"
      echo "SELECT EnableGpkgAmphibiousMode();"
      echo "ATTACH '$projects' AS prj;"
      echo ".headers on"
      echo ".mode csv"
      echo ".output $d/spatialite_$base.csv"
      cat "$f"
      echo ";"
    } > "$d/spatialite_$base.sqlite"
    step "$task" spatialite "spatialite_$base" sqlite3 "$city" ".read $d/spatialite_$base.sqlite"
  done
}

# PostGIS: each SQL file runs in one psql session; its last statement materialises the answer
# in the UNLOGGED table :"res" (res_FILE). The time is the sum of psql's \timing of every
# statement of the file (preparatory ones, as T1's subdivision, included); rows → CSV.
postgis_run() {  # task file...
  local task=$1; shift
  local f base lb la ms rc
  for f in "$@"; do
    base=$(basename "$f" .sql)
    echo "== $task postgis: $base" >&2
    lb=$(load1)
    rc=0
    {
      echo "SET client_min_messages = warning;"
      echo "DROP TABLE IF EXISTS res_$base;"
      printf '%s\n' '\timing on'
      cat "$f"
    } | pg_psql -q -v res="res_$base" -f - > "$d/postgis_$base.out" 2> "$d/postgis_$base.err" || rc=$?
    la=$(load1)
    ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$d/postgis_$base.out" | awk '{ s += $1 } END { if (NR) printf "%.3f", s }')
    # psql runs as the postgres user: the rows come out on stdout, written by this (root) shell
    pg_psql -q -c "\\copy res_$base TO STDOUT WITH (FORMAT csv, HEADER)" > "$d/postgis_$base.csv" 2>> "$d/postgis_$base.err" || rc=$?
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$task" postgis \
      "$(awk -v m="${ms:-}" 'BEGIN { if (m != "") printf "%.3f", m / 1000 }')" "" "$rc" "$lb" "$la" "postgis_$base" >> "$d/timings.tsv"
    echo "   exit $rc, ${ms:-?} ms (load $lb → $la)" >&2
  done
}

# shellcheck source=tools/bench/pg_cluster.sh
source "$bench/pg_cluster.sh"

IFS=, read -r -a size_list <<< "$sizes"
for n in "${size_list[@]}"; do
  d=$work/$n
  mkdir -p "$d"
  : > "$d/timings.tsv"
  city=$work/city$n.gpkg
  projects=$work/projects$n.gpkg
  echo "=== $n patches, in $d" >&2

  # --- 1. data ------------------------------------------------------------------------------
  if [[ $keep == 1 && -s $city ]]; then
    echo "== reusing $city" >&2
  else
    step data guotu sample "$guotu" sample --patches "$n" --out "$city" --overwrite --jobs 2
  fi
  if [[ ! ($keep == 1 && -s $projects) ]]; then
    step data make_projects make_projects bash "$bench/make_projects.sh" "$city" "$projects" "$nproj"
  fi

  # --- 2. guotu -----------------------------------------------------------------------------
  if has_task T1; then
    step T1 guotu guotu_T1 "$guotu" report --plan "$city" --out "$d/report_T1" --overwrite --by county \
      --classes-within YJJBNT,STBHHX,CZKFBJ --area planar --jobs 2 --json
  fi
  if has_task T2; then
    step T2 guotu guotu_T2 "$guotu" check --plan "$city" --projects "$projects" --out "$d/check_T2.gpkg" \
      --overwrite --rules "$bench/t2_rules.yaml" --area planar --jobs 2 --json
  fi
  if has_task T3; then
    step T3 guotu guotu_T3 "$guotu" validate "$city" --layer DLTB --jobs 2 --json
  fi
  if has_task T4; then
    step T4 guotu guotu_T4 "$guotu" diff --before "$city" --after "$city" --out "$d/diff_T4.gpkg" --overwrite \
      --rules "$bench/t4_rules.yaml" \
      --area planar --jobs 2 --json
  fi
  if has_task R; then
    step R guotu guotu_R "$guotu" report --plan "$city" --out "$d/report_R" --overwrite --by county --by town \
      --jobs 2 --json
  fi

  # --- 3. read floor ------------------------------------------------------------------------
  has_task T1 && step T1 read_floor read_T1 "$reader" "$city:XZQ" "$city:DLTB" "$city:YJJBNT" "$city:STBHHX" "$city:CZKFBJ"
  has_task T2 && step T2 read_floor read_T2 "$reader" "$projects:XMYD" "$city:YJJBNT" "$city:STBHHX" "$city:CZKFBJ"
  has_task T3 && step T3 read_floor read_T3 "$reader" "$city:XZQ" "$city:DLTB"
  has_task T4 && step T4 read_floor read_T4 "$reader" "$city:DLTB" "$city:DLTB_LATER"

  # --- 4. SpatiaLite ------------------------------------------------------------------------
  sl=$bench/sql/spatialite
  has_task T1 && spatialite_run T1 "$sl/t1.sql"
  has_task T2 && spatialite_run T2 "$sl/t2.sql"
  has_task T3 && spatialite_run T3 "$sl/t3_overlap.sql" "$sl/t3_gap.sql"
  has_task T4 && spatialite_run T4 "$sl/t4.sql"

  # --- 5. PostGIS ---------------------------------------------------------------------------
  if has_task T1 || has_task T2 || has_task T3 || has_task T4; then
    bench_pg_start
    echo "== PostGIS: cluster on 127.0.0.1:$PG_PORT; loading" >&2
    step load postgis_load pg_load_city bench_pg_load "$city" XZQ DLTB DLTB_LATER YJJBNT STBHHX CZKFBJ
    step load postgis_load pg_load_projects bench_pg_load "$projects" XMYD -- -nln xmyd
    step load postgis_load pg_analyze pg_psql -c "VACUUM ANALYZE"
    pg_psql -At -c "SELECT postgis_lib_version(), postgis_geos_version()" > "$work/postgis_version.txt"
    pg=$bench/sql/postgis
    has_task T1 && postgis_run T1 "$pg/t1.sql"
    has_task T2 && postgis_run T2 "$pg/t2.sql"
    has_task T3 && postgis_run T3 "$pg/t3_overlap.sql" "$pg/t3_gap.sql"
    has_task T4 && postgis_run T4 "$pg/t4.sql"
    bench_pg_stop
  fi

  # --- 6. compare and record ----------------------------------------------------------------
  /usr/bin/python3 "$bench/bench.py" records --dir "$d" --patches "$n" --machine "$work/machine.json" \
    --results "$bench/results.json"
done

if [[ $docs == 1 ]]; then
  /usr/bin/python3 "$bench/bench.py" docs --results "$bench/results.json" --machine "$work/machine.json" \
    --docs "$repo/docs/benchmarks.md"
fi
echo "== done: $bench/results.json${docs:+, docs/benchmarks.md}" >&2
