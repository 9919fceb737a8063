#!/usr/bin/env bash
# PostGIS peer for the `guotu check` and `guotu validate` benchmarks (docs/benchmarks.md).
#
#   tools/bench/postgis_compare.sh CITY.gpkg PROJECTS.gpkg OUTDIR [--skip-overlap]
#
# Starts a throwaway PostgreSQL 15 + PostGIS 3 cluster (tools/bench/pg_cluster.sh over
# tests/postgis/pg_cluster.sh: a temp dir, 127.0.0.1 only, random port, trust auth), loads
# the plan layers and the projects with
# ogr2ogr (PG driver, GIST index on every geometry), ANALYZEs, then times in SQL alone:
#   1. forbid: each project × each feature of STBHHX, ZRBHD (GNFQ='核心保护区'), CSZX, CSLVX,
#      YJJBNT that it intersects: ST_Area(ST_Intersection) (planar, EPSG:4527 metres);
#   2. occupancy: project × DLTB: SUM(ST_Area(ST_Intersection)) grouped by project and DLBM;
#   3. overlap: DLTB self-join, pairs with ST_Intersects && ST_Relate(a, b, '2********')
#      (interiors overlap: the candidates guotu validate's COVERAGE_OVERLAP examines), with
#      the overlap's planar area, so pairs >= 1 m² can be compared with guotu's findings.
# '+ 0' keeps the fid order test out of the indexes: with a plain 'a.fid < b.fid' PostgreSQL 15
# plans a BitmapAnd of the GIST probe with a primary-key range of ~N/2 rows per outer row
# (quadratic; a first run was cancelled after 31 min).
# Each query materialises its result in an UNLOGGED table (the time includes writing it);
# the timings (psql \timing) and result summaries go to OUTDIR/postgis.log. The cluster is
# stopped and its directory deleted on exit, whatever happens.
#
# Needs (Debian 12): postgresql-15 postgresql-15-postgis-3 gdal-bin; run as root (the
# cluster runs as the postgres user). Server settings for 2 cores / 24 GB: pg_cluster.sh.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 CITY.gpkg PROJECTS.gpkg OUTDIR [--skip-overlap]" >&2
  exit 2
fi
city=$(readlink -f "$1")
projects=$(readlink -f "$2")
outdir=$3
skip_overlap=${4:-}
mkdir -p "$outdir"
log=$(readlink -f "$outdir")/postgis.log
: > "$log"

bench=$(dirname "$(readlink -f "$0")")
# shellcheck source=tools/bench/pg_cluster.sh
source "$bench/pg_cluster.sh"

say() { echo "$*" | tee -a "$log" >&2; }
ts() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

say "# postgis_compare $(date -u +%FT%TZ) on $(hostname), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_pg_start
say "# PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $PG_DIR"
psql_() { pg_psql -q "$@"; }
say "# PostGIS $(psql_ -At -c 'SELECT postgis_lib_version()'), GEOS $(psql_ -At -c 'SELECT postgis_geos_version()')"

# Load: ogr2ogr COPY, geometry column geom, GIST index made by the driver after the copy.
t0=$(ts)
bench_pg_load "$city" DLTB STBHHX ZRBHD CSZX CSLVX YJJBNT XZQ
t1=$(ts)
bench_pg_load "$projects" XMYD -- -nln xmyd
t2=$(ts)
psql_ -c "VACUUM ANALYZE"
t3=$(ts)
say "load plan layers (ogr2ogr, incl. GIST): $(secs "$t0" "$t1") s"
say "load projects (ogr2ogr, incl. GIST): $(secs "$t1" "$t2") s"
say "VACUUM ANALYZE: $(secs "$t2" "$t3") s"
psql_ -At -F ' ' -c "SELECT relname, reltuples::bigint FROM pg_class WHERE relname IN
  ('dltb','stbhhx','zrbhd','cszx','cslvx','yjjbnt','xzq','xmyd') ORDER BY relname" | sed 's/^/rows /' | tee -a "$log" >&2

run_timed() {  # name sql
  local name=$1 sql=$2
  say "## $name"
  psql_ -c '\timing on' -c "$sql" 2>&1 | tee -a "$log" >&2
}

run_timed "forbid (project × STBHHX, ZRBHD core, CSZX, CSLVX, YJJBNT)" "
CREATE UNLOGGED TABLE pg_forbid AS
SELECT p.bsm, 'STBHHX' AS layer, s.fid AS plan_fid, ST_Area(ST_Intersection(p.geom, s.geom)) AS area_m2
  FROM xmyd p JOIN stbhhx s ON ST_Intersects(p.geom, s.geom)
UNION ALL
SELECT p.bsm, 'ZRBHD', s.fid, ST_Area(ST_Intersection(p.geom, s.geom))
  FROM xmyd p JOIN zrbhd s ON ST_Intersects(p.geom, s.geom) WHERE s.gnfq = '核心保护区'
UNION ALL
SELECT p.bsm, 'CSZX', s.fid, ST_Area(ST_Intersection(p.geom, s.geom))
  FROM xmyd p JOIN cszx s ON ST_Intersects(p.geom, s.geom)
UNION ALL
SELECT p.bsm, 'CSLVX', s.fid, ST_Area(ST_Intersection(p.geom, s.geom))
  FROM xmyd p JOIN cslvx s ON ST_Intersects(p.geom, s.geom)
UNION ALL
SELECT p.bsm, 'YJJBNT', s.fid, ST_Area(ST_Intersection(p.geom, s.geom))
  FROM xmyd p JOIN yjjbnt s ON ST_Intersects(p.geom, s.geom);"
say "forbid result: layer, pairs intersecting, pieces > 1 m², projects with a piece > 1 m², planar m² of pieces > 1 m²"
psql_ -At -F ' ' -c "SELECT layer, count(*), count(*) FILTER (WHERE area_m2 > 1),
  count(DISTINCT bsm) FILTER (WHERE area_m2 > 1), round(sum(area_m2) FILTER (WHERE area_m2 > 1)::numeric, 1)
  FROM pg_forbid GROUP BY layer ORDER BY layer" | sed 's/^/forbid /' | tee -a "$log" >&2

run_timed "occupancy (project × DLTB, grouped by project and DLBM)" "
CREATE UNLOGGED TABLE pg_occupancy AS
SELECT p.bsm, d.dlbm, sum(ST_Area(ST_Intersection(p.geom, d.geom))) AS area_m2, count(*) AS pieces
  FROM xmyd p JOIN dltb d ON ST_Intersects(p.geom, d.geom)
 GROUP BY p.bsm, d.dlbm;"
say "occupancy result: rows (project × DLBM), projects, patch pieces, planar m²"
psql_ -At -F ' ' -c "SELECT count(*), count(DISTINCT bsm), sum(pieces), round(sum(area_m2)::numeric, 1)
  FROM pg_occupancy" | sed 's/^/occupancy /' | tee -a "$log" >&2
psql_ -At -F ' ' -c "SELECT round(sum(ST_Area(geom))::numeric, 1) FROM xmyd" | sed 's/^/projects_planar_m2 /' | tee -a "$log" >&2
psql_ -At -F ' ' -c "SELECT round(sum(area_m2)::numeric, 1) FROM pg_occupancy WHERE dlbm IN ('0101','0102','0103')" \
  | sed 's/^/occupancy_cultivated_gross_m2 /' | tee -a "$log" >&2

if [[ $skip_overlap != --skip-overlap ]]; then
  run_timed "overlap (DLTB self-join, ST_Intersects && ST_Relate '2********')" "
CREATE UNLOGGED TABLE pg_overlap AS
SELECT a.fid AS a_fid, b.fid AS b_fid, ST_Area(ST_Intersection(a.geom, b.geom)) AS area_m2
  FROM dltb a JOIN dltb b ON ST_Intersects(a.geom, b.geom) AND a.fid + 0 < b.fid + 0
 WHERE ST_Relate(a.geom, b.geom, '2********');"
  say "overlap result: pairs whose interiors meet (2********), of them with overlap >= 1 m² (planar), max overlap m²"
  psql_ -At -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE area_m2 >= 1), max(area_m2) FROM pg_overlap" \
    | sed 's/^/overlap_pairs /' | tee -a "$log" >&2
fi
say "# done $(date -u +%FT%TZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
