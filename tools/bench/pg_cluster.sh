# shellcheck shell=bash
# A throwaway PostgreSQL 15 + PostGIS 3 cluster for the benchmark peers (sourced by
# postgis_compare.sh and run.sh; not run on its own).
#
#   source tools/bench/pg_cluster.sh
#   pg_cluster_start            # sets PG_PORT, PG_DIR, PG_CONN; database "bench" with postgis
#   pg_psql -c 'SELECT 1'       # psql on it (as the postgres user, ON_ERROR_STOP)
#   pg_cluster_stop             # stops the server and deletes its directory (idempotent)
#
# The cluster lives in a temp dir owned by the postgres user, listens on 127.0.0.1 only on a
# free random port, trusts local connections, and has no durability (fsync off): it exists for
# one benchmark run. Server settings are tuned for the 2-core / 24 GB benchmark box (override
# with PG_SETTINGS). The caller must stop it on exit (trap pg_cluster_stop EXIT).
# Needs (Debian 12, as root): postgresql-15 postgresql-15-postgis-3.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_SETTINGS=${PG_SETTINGS:-"-c shared_buffers=4GB -c work_mem=256MB -c maintenance_work_mem=2GB \
 -c effective_cache_size=16GB -c max_parallel_workers_per_gather=2 -c max_worker_processes=4 \
 -c max_parallel_workers=2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
 -c max_wal_size=8GB -c jit=off"}
PG_DIR=
PG_PORT=
PG_CONN=

pg_as() { runuser -u postgres -- "$@"; }

pg_cluster_start() {
  [[ -x $PG_BIN/initdb ]] || { echo "pg_cluster: $PG_BIN/initdb missing: apt-get install postgresql-15 postgresql-15-postgis-3" >&2; return 2; }
  PG_DIR=$(mktemp -d /tmp/guotu-pg.XXXXXX)
  chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  PG_PORT=$((20000 + RANDOM % 40000))
  while ss -ltn 2>/dev/null | grep -q ":$PG_PORT "; do PG_PORT=$((20000 + RANDOM % 40000)); done
  pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$PG_DIR/initdb.log"
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 $PG_SETTINGS" > /dev/null
  pg_as psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE bench" > /dev/null
  pg_psql -c "CREATE EXTENSION postgis" > /dev/null
  PG_CONN="PG:host=127.0.0.1 port=$PG_PORT user=postgres dbname=bench"
}

pg_psql() { pg_as psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench "$@"; }

pg_cluster_stop() {
  [[ -n $PG_DIR && -d $PG_DIR ]] || return 0
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop > /dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

# Loads layers of a GeoPackage with ogr2ogr (COPY; geometry column geom, fid column fid, GiST
# index made by the driver after the copy, names laundered to lower case, multi-polygons).
#   pg_load FILE LAYER... [-- extra ogr2ogr options]
pg_load() {
  local file=$1; shift
  local layers=() extra=()
  while [[ $# -gt 0 && $1 != -- ]]; do layers+=("$1"); shift; done
  [[ ${1:-} == -- ]] && { shift; extra=("$@"); }
  ogr2ogr -f PostgreSQL "$PG_CONN" "$file" "${layers[@]}" \
    -lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=GIST -lco LAUNDER=YES \
    -nlt PROMOTE_TO_MULTI --config PG_USE_COPY YES "${extra[@]}"
}
