#!/usr/bin/env bash
# Holds the C++ to the repository's own configs: clang-format (.clang-format) on every C++ file,
# clang-tidy (.clang-tidy, the checks it names, every finding an error) on every translation unit
# of the engine and the CLI. CI runs it; run it before a commit.
# Usage: scripts/lint.sh [BUILD_DIR]   (BUILD_DIR holds compile_commands.json; default build/release)
#        scripts/lint.sh --fix          (reformat in place; clang-tidy is not run)
#        scripts/lint.sh --analyzer [BUILD_DIR]  (clang's static analyzer, clang-analyzer-*: about
#                                       19 CPU-minutes, so outside CI; run it before a release)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' | grep -v '^engine/layering/forbidden/')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
checks=()
if [[ "${1:-}" == "--analyzer" ]]; then
  checks=(-checks='-*,clang-analyzer-*')
  shift
fi
build="${1:-build/release}"

if ((${#checks[@]} == 0)); then
  echo "lint: clang-format on ${#files[@]} files"
  clang-format --dry-run -Werror "${files[@]}"
fi

[[ -f "$build/compile_commands.json" ]] || { echo "lint: no $build/compile_commands.json (configure first)"; exit 2; }
units=$(git ls-files 'engine/*.cpp' 'tools/*.cpp' | wc -l)
echo "lint: clang-tidy on ${units} translation units of engine/ and tools/ (${build})"
# run-clang-tidy runs one clang-tidy per unit of the compile database that matches the regex,
# nproc at a time; .clang-tidy makes every finding an error, so any finding fails the run.
run-clang-tidy -quiet "${checks[@]}" -p "$build" -j "$(nproc)" "^$PWD/(engine|tools)/.*\.cpp\$" >"$build/clang-tidy.log" 2>&1 || {
  grep -E 'warning:|error:' "$build/clang-tidy.log" | sort -u | head -100
  echo "lint: clang-tidy found problems (all of them: $build/clang-tidy.log)"
  exit 1
}
echo "lint: clean"
