#!/usr/bin/env bash
# Smoke check of the built jar: `run --quick` on the benchmarks matching REGEX into a fresh results root, then
# check that exactly one complete run folder with a non-empty jmh.json (rawData kept) appeared.
# Usage: scripts/smoke-run.sh REGEX [extra run options...]   e.g. scripts/smoke-run.sh 'BaselineBenchmark.empty$'
set -euo pipefail
cd "$(dirname "$0")/.."

regex="${1:?usage: scripts/smoke-run.sh REGEX [run options...]}"
shift
jar=benchmarks/target/oktyv-bench.jar
[[ -f "$jar" ]] || { echo "smoke: $jar is missing; build it first (mvn -B package)" >&2; exit 1; }

root="$(mktemp -d "${TMPDIR:-/tmp}/oktyv-smoke.XXXXXX")"
trap 'rm -rf "$root"' EXIT

java -jar "$jar" run --quick --results-dir "$root" "$@" "$regex"

mapfile -t runs < <(find "$root" -mindepth 1 -maxdepth 1 -type d)
fail() { echo "smoke: $*" >&2; exit 1; }
[[ ${#runs[@]} -eq 1 ]] || fail "expected 1 run folder under $root, found ${#runs[@]}"
run="${runs[0]}"
grep -q '"status": "complete"' "$run/run.json" || fail "$run/run.json is not complete"
[[ -s "$run/jmh.json" ]] || fail "$run/jmh.json is missing or empty"
grep -q '"rawData"' "$run/jmh.json" || fail "$run/jmh.json has no rawData"
[[ -s "$run/console.log" ]] || fail "$run/console.log is missing or empty"
java -jar "$jar" results --results-dir "$root"
echo "smoke: OK, complete run folder $(basename "$run") with $(grep -c '"benchmark" :' "$run/jmh.json") result(s)"
