#!/usr/bin/env bash
# Builds guotu (release preset) and runs the main job on the embedded default data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
build/release/tools/guotu info data/admin
