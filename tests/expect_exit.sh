#!/usr/bin/env bash
# Runs a command and passes only when it exits with exactly the expected code, and its output
# matches every pattern given: how every command-line test in tests/CMakeLists.txt states the
# exit-code contract (0 ok, 1 violations / a rule refuses, 2 bad input or usage, 3 internal; 77
# is a skip the real-client scripts use). CTest's PASS_REGULAR_EXPRESSION would ignore the exit
# code and WILL_FAIL accepts any failure, so neither is used.
#
#   expect_exit.sh CODE [--stdout ERE]… [--stderr ERE]… [--not-stderr ERE]… -- COMMAND [ARG]…
#
# Patterns are POSIX extended regular expressions matched against the whole output ('.' also
# matches a newline; ^ and $ anchor at its start and end). The output is echoed for the log.
set -uo pipefail
usage() {
  echo "usage: expect_exit.sh CODE [--stdout ERE]… [--stderr ERE]… [--not-stderr ERE]… -- COMMAND [ARG]…" >&2
  exit 64
}
[[ $# -ge 3 && $1 =~ ^[0-9]+$ ]] || usage
want=$1
shift
stdout_re=() stderr_re=() not_stderr_re=()
while [[ $# -gt 0 && $1 != -- ]]; do
  [[ $# -ge 2 ]] || usage
  case $1 in
    --stdout) stdout_re+=("$2") ;;
    --stderr) stderr_re+=("$2") ;;
    --not-stderr) not_stderr_re+=("$2") ;;
    *) usage ;;
  esac
  shift 2
done
[[ $# -ge 2 && $1 == -- ]] || usage
shift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$@" > "$work/out" 2> "$work/err"
got=$?
out=$(cat "$work/out")
err=$(cat "$work/err")
printf '%s\n' "--- command: $*" "--- exit: $got" "--- stdout:" "$out" "--- stderr:" "$err"

fail=0
if [[ $got -ne $want ]]; then
  echo "FAIL: exit code $got, expected exactly $want" >&2
  fail=1
fi
for re in "${stdout_re[@]}"; do
  [[ $out =~ $re ]] || { echo "FAIL: stdout does not match /$re/" >&2; fail=1; }
done
for re in "${stderr_re[@]}"; do
  [[ $err =~ $re ]] || { echo "FAIL: stderr does not match /$re/" >&2; fail=1; }
done
for re in "${not_stderr_re[@]}"; do
  [[ $err =~ $re ]] && { echo "FAIL: stderr matches /$re/" >&2; fail=1; }
done
exit $fail
