#!/usr/bin/env bash
# The ledger's tests against PostgreSQL: starts a throwaway cluster (pg_cluster.sh) and runs the
# PostgreSQL instances of the ledger tests (gtest filter PostgreSQL/*) with
# GUOTU_TEST_POSTGRESQL pointing at it.
#
#   tests/postgis/ledger_pg_test.sh GUOTU_TESTS_BINARY
#
# Without PostgreSQL installed it exits 77 (CTest: skipped), unless GUOTU_REQUIRE_CLIENTS=1 (CI
# sets it), when that is a failure. It fails when no test ran.
set -euo pipefail
tests=$(readlink -f "$1")
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=pg_cluster.sh
source "$here/pg_cluster.sh"

if ! pg_cluster_find; then
  if [[ ${GUOTU_REQUIRE_CLIENTS:-0} == 1 ]]; then
    echo "FAIL: PostgreSQL is not installed (GUOTU_REQUIRE_CLIENTS=1)" >&2
    exit 1
  fi
  echo "SKIP: PostgreSQL is not installed (apt-get install postgresql postgresql-postgis)" >&2
  exit 77
fi

pg_cluster_start_temp guotu-ledger-pg
work=$PG_WORK
export GUOTU_TEST_POSTGRESQL="postgresql://postgres@127.0.0.1:$PG_PORT/guotu"
echo "ledger_postgresql: server on 127.0.0.1:$PG_PORT"

"$tests" --gtest_filter='PostgreSQL/*' --gtest_brief=0 2>&1 | tee "$work/gtest.log"
rc=${PIPESTATUS[0]}
if [[ $rc != 0 ]]; then exit "$rc"; fi
# A run that ran nothing (a renamed suite, a filter that matches no test) is no pass.
ran=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) tests\?\.$/\1/p' "$work/gtest.log")
skipped=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) tests\?,.*$/\1/p' "$work/gtest.log")
if [[ -z $ran || $ran -lt 10 || -n $skipped ]]; then
  echo "FAIL: expected the PostgreSQL ledger tests to run and pass (passed: ${ran:-none}, skipped: ${skipped:-0})" >&2
  exit 1
fi
echo "ledger_postgresql: $ran tests passed"
