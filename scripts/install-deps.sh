#!/usr/bin/env bash
# Installs guotu's build and test dependencies from Debian 12 packages (clang and its runtime
# build the libFuzzer targets; clang-format and clang-tidy hold the code to the repository's
# configs in CI; chromium and a CJK font
# render the HTML report in its test; QGIS opens every output in the real-client tests, and a
# throwaway PostgreSQL + PostGIS cluster is the source and target of the PostGIS tests). Idempotent: when everything is present it only checks
# (well under a second) and touches nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data
  libboost-dev libsqlite3-dev sqlite3 libpq-dev libexpat1-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libyaml-cpp-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev clang-format clang-tidy
  chromium fonts-wqy-microhei
  qgis python3-qgis python3-gdal python3-pyproj python3-yaml
  postgresql postgis postgresql-postgis
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
