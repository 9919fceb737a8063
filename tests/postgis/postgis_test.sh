#!/usr/bin/env bash
# PostGIS as source and target, against a real throwaway PostgreSQL + PostGIS cluster.
#
#   tests/postgis/postgis_test.sh GUOTU SAMPLE_DIR
#
# SAMPLE_DIR holds the sample city (city.gpkg, defects.gpkg: the CTest fixture). The plan is
# loaded with ogr2ogr (GDAL's PG driver, independent of guotu): once as is (schema plan,
# defects) and once with ogr2ogr's default laundering, lower-case tables and fields (schema
# plan_lc), as a bureau's own loads often are. Then check, validate (and --fix), report, diff,
# ledger export and sample run from PostGIS into PostGIS, and every result must equal the GeoPackage run's: tables,
# fields, fids, values, geometries, GIST indexes, comments, QGIS styles, and (with QGIS
# installed) QGIS opening each table with its stored style (compare_outputs.py). Last, the
# failure paths: an existing table without --overwrite, a failure mid-run, a killed run and a
# server that does not answer leave the database as it was, exit 2, and no password in output.
#
# Without PostgreSQL/PostGIS (or QGIS) installed it exits 77 (CTest: skipped), unless
# GUOTU_REQUIRE_CLIENTS=1 (CI sets it), when a missing client is a failure.
set -euo pipefail
guotu=$(readlink -f "$1")
sample=$(readlink -f "$2")
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=pg_cluster.sh
source "$here/pg_cluster.sh"

missing() {
  if [[ ${GUOTU_REQUIRE_CLIENTS:-0} == 1 ]]; then
    echo "FAIL: $1 (GUOTU_REQUIRE_CLIENTS=1)" >&2
    exit 1
  fi
  echo "SKIP: $1" >&2
  exit 77
}
pg_cluster_find || missing "PostgreSQL with PostGIS is not installed (apt-get install postgresql postgresql-postgis)"
command -v ogr2ogr > /dev/null || missing "ogr2ogr (gdal-bin) is not installed"
/usr/bin/python3 -c "from osgeo import ogr" 2> /dev/null || missing "python3-gdal is not installed"
qgis=--qgis
if ! /usr/bin/python3 -c "import qgis.core" 2> /dev/null; then
  [[ ${GUOTU_REQUIRE_CLIENTS:-0} == 1 ]] && missing "QGIS (python3-qgis) is not installed"
  echo "note: QGIS is not installed: the PostGIS styles are checked without it" >&2
  qgis=
fi

pg_cluster_start_temp guotu-postgis-test
work=$PG_WORK
conn="host=127.0.0.1 port=$PG_PORT user=postgres dbname=guotu"
pgs() { echo "PG:$conn active_schema=$1"; }
export XDG_RUNTIME_DIR=$work/xdg QT_QPA_PLATFORM=offscreen
mkdir -m 700 "$XDG_RUNTIME_DIR"
failures=0
pass() { echo "ok: $*"; }
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
compare() { # GPKG SCHEMA [options]: both runs' outputs are equal
  local gpkg=$1 schema=$2
  shift 2
  if /usr/bin/python3 "$here/compare_outputs.py" "$gpkg" "$(pgs "$schema")" "$@"; then pass "$schema equals $(basename "$gpkg")"; else fail "$schema differs from $gpkg"; fi
}
run() { # EXPECTED_EXIT LOG command…: runs guotu, which must exit as expected
  local want=$1 log=$2
  shift 2
  local rc=0
  "$guotu" "$@" > "$log" 2>&1 || rc=$?
  if [[ $rc != "$want" ]]; then
    fail "guotu $1 exited $rc, not $want (log: $(tail -3 "$log"))"
    return 1
  fi
}

# -- load the plan with ogr2ogr -------------------------------------------------------------
pg_psql -q -c "CREATE SCHEMA plan; CREATE SCHEMA plan_lc; CREATE SCHEMA defects"
ogr2ogr -f PostgreSQL "$(pgs plan)" "$sample/city.gpkg" -preserve_fid -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=fid
ogr2ogr -f PostgreSQL "$(pgs plan_lc)" "$sample/city.gpkg" -preserve_fid
ogr2ogr -f PostgreSQL "$(pgs defects)" "$sample/defects.gpkg" -preserve_fid -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=fid
n=$(pg_psql -At -c 'SELECT count(*) FROM plan."DLTB"')
[[ $n == "$(pg_psql -At -c 'SELECT count(*) FROM plan_lc.dltb')" && $n -gt 0 ]] && pass "plan loaded ($n DLTB patches)" || fail "plan load"

# -- each command from PostGIS into PostGIS equals the GeoPackage run -------------------------
city=$sample/city.gpkg
# check (exit 1: the sample has violations)
run 1 "$work/check-gpkg.log" check --plan "$city" --projects "$city" --out "$work/check.gpkg"
run 1 "$work/check-pg.log" check --plan "$(pgs plan)" --projects "$(pgs plan)" --out "$(pgs res_check)" && compare "$work/check.gpkg" res_check $qgis
# … from lower-case tables and fields: the same results; plan_layer names the table as found.
run 1 "$work/check-lc.log" check --plan "$(pgs plan_lc)" --projects "$(pgs plan_lc)" --out "$(pgs res_check_lc)" &&
  compare "$work/check.gpkg" res_check_lc --casefold
# Under the sanitizers (the asan test preset sets GUOTU_CLIENT_TESTS=quick) every whole-city run
# costs twenty times as much: there check and validate (both directions of the adapters, lower-case
# names, the failure paths) run, and report, diff, --fix, the ledger and sample, which use the same
# reader and writer, are left to the release build.
quick=0
if [[ ${GUOTU_CLIENT_TESTS:-full} == quick ]]; then
  quick=1
  echo "note: quick (GUOTU_CLIENT_TESTS=quick): report, diff, --fix, ledger, sample and the killed run are checked by the release build"
fi
# validate (the defects city: errors of every kind)
run 1 "$work/validate-gpkg.log" validate "$sample/defects.gpkg" --out "$work/validate.gpkg"
run 1 "$work/validate-pg.log" validate "$(pgs defects)" --out "$(pgs res_validate)" && compare "$work/validate.gpkg" res_validate $qgis
if ((quick == 0)); then
  # report: the sample's GUOTU_SYNTHETIC mark (GeoPackage metadata) does not survive ogr2ogr into
  # PostGIS, so the GeoPackage run reads a copy without it (-nomd), as the tables in PostGIS are.
  ogr2ogr -f GPKG "$work/plan-nomd.gpkg" "$city" -preserve_fid -nomd
  run 0 "$work/report-gpkg.log" report --plan "$work/plan-nomd.gpkg" --out "$work/report"
  run 0 "$work/report-pg.log" report --plan "$(pgs plan)" --out "$(pgs res_report)" && compare "$work/report/report.gpkg" res_report $qgis
  # diff (exit 1: suspected illegal changes)
  run 1 "$work/diff-gpkg.log" diff --before "$city" --after "$city" --after-layer DLTB_LATER --plan "$city" --out "$work/diff.gpkg"
  run 1 "$work/diff-pg.log" diff --before "$(pgs plan)" --after "$(pgs plan)" --after-layer DLTB_LATER --plan "$(pgs plan)" \
    --out "$(pgs res_diff)" && compare "$work/diff.gpkg" res_diff $qgis
  # validate --fix: the repaired copy of the plan
  run 1 "$work/fix-gpkg.log" validate "$sample/defects.gpkg" --fix "$work/fixed.gpkg"
  run 1 "$work/fix-pg.log" validate "$(pgs defects)" --fix "$(pgs res_fixed)" && compare "$work/fixed.gpkg" res_fixed
  # ledger export (the ledger's store is SQLite; its map layer goes to PostGIS)
  run 0 "$work/ledger-init.log" ledger --db "$work/ledger.sqlite" init
  run 0 "$work/ledger-import.log" ledger --db "$work/ledger.sqlite" import "$here/../../data/ledger/sample"
  run 0 "$work/ledger-gpkg.log" ledger --db "$work/ledger.sqlite" export --out "$work/ledger.gpkg"
  run 0 "$work/ledger-pg.log" ledger --db "$work/ledger.sqlite" export --out "$(pgs res_ledger)" && compare "$work/ledger.gpkg" res_ledger $qgis
  # sample: the generator writes the same city into PostGIS
  run 0 "$work/sample-pg.log" sample --out "$(pgs res_sample)" && compare "$city" res_sample
fi

# -- failure paths -------------------------------------------------------------------------
tables() { pg_psql -At -c "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '$1'"; }
before=$(pg_psql -At -c 'SELECT count(*), min(fid), max(fid) FROM res_check.violations')
if run 2 "$work/again.log" check --plan "$city" --projects "$city" --out "$(pgs res_check)"; then
  grep -q "res_check.violations exists; pass --overwrite" "$work/again.log" &&
    [[ $(pg_psql -At -c 'SELECT count(*), min(fid), max(fid) FROM res_check.violations') == "$before" ]] &&
    pass "an existing table is kept without --overwrite (exit 2)" || fail "existing table message or content: $(cat "$work/again.log")"
fi
run 1 "$work/over.log" check --plan "$city" --projects "$city" --out "$(pgs res_check)" --overwrite &&
  compare "$work/check.gpkg" res_check
# A failure after some tables were written (occupancy, the last table, exists): all rolled back.
pg_psql -q -c "CREATE SCHEMA res_fail; CREATE TABLE res_fail.occupancy (x int)"
if run 2 "$work/fail.log" check --plan "$city" --projects "$city" --out "$(pgs res_fail)"; then
  [[ $(tables res_fail) == occupancy ]] && pass "a failed run leaves no table behind (rolled back)" ||
    fail "a failed run left tables: $(tables res_fail)"
fi
# A killed run (SIGKILL while its transaction is open): the server rolls it back.
if ((quick == 0)); then
  "$guotu" sample --out "$(pgs res_killed)" > "$work/killed.log" 2>&1 &
  pid=$!
  # Poll for as long as the run lives (a loaded or sanitized machine takes minutes to generate the
  # city before its transaction opens); the transaction then lasts seconds, the poll 50 ms.
  caught=0
  while kill -0 "$pid" 2> /dev/null; do
    if [[ $(pg_psql -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'guotu' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'") != 0 ]]; then
      caught=1
      break
    fi
    sleep 0.05
  done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if [[ $caught == 1 ]]; then
    sleep 0.5
    [[ -z $(pg_psql -At -c "SELECT 1 FROM pg_namespace WHERE nspname = 'res_killed'") ]] &&
      pass "a killed run leaves nothing (not even its schema)" || fail "a killed run left: $(tables res_killed)"
  else
    fail "the sample run ended before it could be killed in its transaction"
  fi
fi
# No server there: exit 2, before any work, and the password is not printed.
if run 2 "$work/noserver.log" check --plan "$city" --projects "$city" \
  --out "PG:host=127.0.0.1 port=1 dbname=guotu user=postgres password=s3cret-pw active_schema=x"; then
  grep -q "cannot connect to PostgreSQL" "$work/noserver.log" && ! grep -q "s3cret-pw" "$work/noserver.log" &&
    pass "an unreachable server: exit 2, password masked" || fail "unreachable server message: $(cat "$work/noserver.log")"
fi
# No password in what guotu stores either (command line and inputs in the table comments).
! pg_psql -At -c "SELECT obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'res_%'" | grep -q "password=[^*]" &&
  pass "no password in table comments" || fail "a password in table comments"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "postgis: all checks passed"
