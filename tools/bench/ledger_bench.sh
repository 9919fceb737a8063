#!/usr/bin/env bash
# The ledger's write benchmark (docs/benchmarks.md): 1 and 8 writers on a SQLite file and on a
# PostgreSQL schema of a throwaway but durable cluster (fsync and synchronous_commit on, as a
# bureau's server would run), in one run on one machine.
#
#   tools/bench/ledger_bench.sh [WRITES_PER_WRITER]     (default 500)
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=build/release/tools/guotu_bench_ledger
[[ -x $bench ]] || { echo "build the release preset first (cmake --build --preset release)" >&2; exit 2; }
writes=${1:-500}
# shellcheck source=../../tests/postgis/pg_cluster.sh
source tests/postgis/pg_cluster.sh
PG_DURABLE=1 pg_cluster_start_temp guotu-ledger-bench
work=$PG_WORK
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on), SQLite $(sqlite3 --version | awk '{print $1}') (WAL, synchronous=FULL), disk: $(df -h "$work" | awk 'NR==2 {print $1}')"
for w in 1 8; do
  echo "== SQLite, $w writer(s)"
  "$bench" --db "$work/l$w.sqlite" --writers "$w" --writes "$writes"
  echo "== PostgreSQL, $w writer(s)"
  "$bench" --db "postgresql://postgres@127.0.0.1:$PG_PORT/guotu?schema=bench$w" --writers "$w" --writes "$writes"
done
