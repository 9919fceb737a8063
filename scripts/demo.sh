#!/usr/bin/env bash
# Builds guotu (release preset), generates the sample city once (out/liaocheng.gpkg), and runs
# the main job on it: every sample project checked against the plan rules (guotu check).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
guotu=build/release/tools/guotu
mkdir -p out
if [[ ! -f out/liaocheng.gpkg ]]; then
  "$guotu" sample --out out/liaocheng.gpkg
fi
# Exit 1 means "ran and found violations" — the sample city has planted ones.
set +e
"$guotu" check --plan out/liaocheng.gpkg --projects out/liaocheng.gpkg --out out/check.gpkg --overwrite \
  --occupancy-json out/occupancy.json
rc=$?
set -e
if [[ $rc -gt 1 ]]; then exit "$rc"; fi
echo "demo: results in out/check.gpkg (open it in QGIS) and out/occupancy.json"
