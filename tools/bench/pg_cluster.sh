# shellcheck shell=bash
# The PostGIS peer's cluster for the benchmarks (sourced by postgis_compare.sh and run.sh): the
# project's throwaway cluster (tests/postgis/pg_cluster.sh: a temp dir, the server as the
# postgres user when run as root, 127.0.0.1 only on a free random port, trust auth, fsync off)
# with server settings tuned for the 2-core / 24 GB benchmark box, and the ogr2ogr load.
#
#   source tools/bench/pg_cluster.sh
#   bench_pg_start          # sets PG_PORT, PG_WORK, PG_CONN; database "guotu" with postgis
#   pg_psql -c 'SELECT 1'   # psql on it (ON_ERROR_STOP)
#   bench_pg_load FILE LAYER... [-- more ogr2ogr options]
#   bench_pg_stop           # stops the server and deletes its directory (idempotent)
#
# bench_pg_start leaves an EXIT trap that stops and deletes the cluster whatever happens.
# Needs (Debian 12, as root): postgresql-15 postgresql-15-postgis-3, gdal-bin.

# shellcheck source=tests/postgis/pg_cluster.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/postgis/pg_cluster.sh"

# Settings for the benchmark box (override with BENCH_PG_SETTINGS="name=value ..."):
# a throwaway cluster, so memory for speed and 2 parallel workers, as a tuned server would run.
BENCH_PG_SETTINGS=${BENCH_PG_SETTINGS:-"shared_buffers=4GB work_mem=256MB maintenance_work_mem=2GB \
effective_cache_size=16GB max_parallel_workers_per_gather=2 max_worker_processes=4 \
max_parallel_workers=2 max_wal_size=8GB jit=off"}
PG_CONN=

bench_pg_start() {
  pg_cluster_start_temp guotu-bench-pg
  local kv
  for kv in $BENCH_PG_SETTINGS; do
    pg_psql -q -c "ALTER SYSTEM SET ${kv%%=*} = '${kv#*=}'" > /dev/null
  done
  # shared_buffers needs a restart; pg_ctl restart keeps the options the server was started with
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 restart > /dev/null
  PG_CONN="PG:host=127.0.0.1 port=$PG_PORT user=postgres dbname=guotu"
}

bench_pg_stop() {
  pg_cluster_stop
  if [[ -n ${PG_WORK:-} && -d $PG_WORK ]]; then rm -rf "$PG_WORK"; fi
  PG_DIR=
  PG_WORK=
}

# ogr2ogr COPY; geometry column geom, fid column fid, GiST index made by the driver after the
# copy, names laundered to lower case, multi-polygons.
bench_pg_load() {
  local file=$1
  shift
  local layers=() extra=()
  while [[ $# -gt 0 && $1 != -- ]]; do
    layers+=("$1")
    shift
  done
  if [[ ${1:-} == -- ]]; then
    shift
    extra=("$@")
  fi
  ogr2ogr -f PostgreSQL "$PG_CONN" "$file" "${layers[@]}" \
    -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST -lco LAUNDER=YES \
    -nlt PROMOTE_TO_MULTI --config PG_USE_COPY YES "${extra[@]}"
}
