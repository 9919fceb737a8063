# Throwaway PostgreSQL + PostGIS cluster for tests and benchmarks. Source it, then:
#
#   pg_cluster_start DIR    # initdb in DIR/data, start on 127.0.0.1 at a free random port,
#                           # socket in DIR; sets PG_PORT, PG_BIN; database "guotu" with PostGIS;
#                           # fsync off unless PG_DURABLE=1
#   pg_cluster_start_temp P # the same in a new directory /tmp/P.XXXXXX (sets PG_WORK; the cluster
#                           # is in PG_WORK/pg), stopped and removed on exit (an EXIT trap)
#   pg_psql ARGS…           # psql -X -v ON_ERROR_STOP=1 on database guotu as user postgres
#   pg_cluster_stop         # stops the server (call from an EXIT trap); the caller removes DIR
#
# Runs the server as the postgres user when invoked as root (initdb refuses root), else as the
# current user. Trust authentication, 127.0.0.1 only: nothing outside the machine can reach it.
# Needs Debian 12's postgresql-15 and postgresql-15-postgis-3.

# Where Debian installs the server and its extensions; GUOTU_PG_ROOT / GUOTU_PG_SHARE point
# elsewhere (the tests of the skip logic point them at nothing, as on a machine without them).
pg_cluster_find() {
  local v root=${GUOTU_PG_ROOT:-/usr/lib/postgresql} share=${GUOTU_PG_SHARE:-/usr/share/postgresql}
  for v in 17 16 15 14 13; do
    if [[ -x $root/$v/bin/initdb ]]; then
      PG_BIN=$root/$v/bin
      [[ -f $share/$v/extension/postgis.control ]] && return 0
      return 1
    fi
  done
  return 1
}

pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  local dir=$1
  pg_cluster_find || { echo "pg_cluster: PostgreSQL with PostGIS is not installed" >&2; return 1; }
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  PG_DIR=$dir
  pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  local tries=0
  while :; do
    PG_PORT=$((20000 + RANDOM % 40000))
    # A throwaway cluster needs no durability, unless PG_DURABLE=1 (benchmarks of writes).
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [[ ${PG_DURABLE:-0} == 1 ]]; then durability=""; fi
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 $durability" \
      > /dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    if ((tries >= 5)); then
      cat "$dir/server.log" >&2
      return 1
    fi
  done
  pg_as_owner "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE guotu" > /dev/null &&
    pg_psql -q -c "CREATE EXTENSION postgis" > /dev/null
}

pg_cluster_start_temp() {
  PG_WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  chmod 755 "$PG_WORK"
  trap 'pg_cluster_stop; rm -rf "$PG_WORK"' EXIT
  mkdir "$PG_WORK/pg"
  pg_cluster_start "$PG_WORK/pg"
}

pg_psql() {
  "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d guotu "$@"
}

pg_cluster_stop() {
  if [[ -n ${PG_DIR:-} && -d $PG_DIR/data ]]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop > /dev/null 2>&1 || true
  fi
}
