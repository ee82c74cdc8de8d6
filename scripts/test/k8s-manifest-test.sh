#!/usr/bin/env bash
# Validates the manifest of `oktyv-bench load --agents N --emit k8s` against the Kubernetes API schema
# (scripts/k8s/validate-manifest.sh, npm package kubernetes-models), and checks that the validation can fail: each
# deliberately broken copy of the manifest must be refused with a line naming the broken field.
# Needs benchmarks/target/oktyv-bench.jar, node and npm; when npm cannot install the package it says SKIPPED, exit 0.
#
# Usage: scripts/test/k8s-manifest-test.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar="$root/benchmarks/target/oktyv-bench.jar"
validate="$root/scripts/k8s/validate-manifest.sh"
[[ $# -eq 0 ]] || { echo "k8s-manifest-test: no arguments expected, got: $*" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "k8s-manifest-test: $jar is missing; build it first (mvn -B -DskipTests package)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/oktyv-k8s-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok"; }
fail() { failed=$((failed + 1)); echo "FAILED: $*"; }

manifest="$work/fleet.yaml"
java -jar "$jar" load --url http://service:8080/api --rate 400 --duration 5m --agents 4 --emit k8s -o "$manifest" \
    --start-at 2026-12-03T14:00:00Z --image registry.example/oktyv:1 --results-claim shared-results >/dev/null

printf '%s ... ' "the emitted ConfigMap and Indexed Job are valid"
rc=0
"$validate" "$manifest" >"$work/out" 2>"$work/err" || rc=$?
if [[ $rc -eq 3 ]]; then
    echo "SKIPPED: the schema validator is not available: $(tail -n 1 "$work/err")"
    echo "k8s-manifest-test: 0 passed, 0 failed, 1 skipped"
    exit 0
elif [[ $rc -ne 0 ]]; then fail "exit $rc: $(cat "$work/out" "$work/err")"
elif ! grep -q '^valid   .*: ConfigMap/oktyv-load-scenario$' "$work/out" || ! grep -q '^valid   .*: Job/oktyv-load$' "$work/out"; then
    fail "not both objects reported valid: $(cat "$work/out")"
elif ! grep -q '^validate-manifest: 2 of 2 objects valid$' "$work/out"; then fail "no summary line: $(cat "$work/out")"
else pass; fi

# A broken copy (sed EXPR applied to the manifest) must exit 1 with a line containing EXPECTED.
expect_invalid() {
    local what="$1" expr="$2" expected="$3"
    printf '%s ... ' "refused: $what"
    local broken="$work/broken.yaml"
    sed "$expr" "$manifest" >"$broken"
    if cmp -s "$manifest" "$broken"; then fail "the sed expression changed nothing: $expr"; return; fi
    local rc=0
    "$validate" "$broken" >"$work/out" 2>"$work/err" || rc=$?
    if [[ $rc -ne 1 ]]; then fail "exit $rc, expected 1: $(cat "$work/out" "$work/err")"
    elif ! grep -qF -- "$expected" "$work/out"; then fail "no '$expected' in: $(cat "$work/out")"
    else pass; fi
}
expect_invalid "completionMode not one of the enum" 's/completionMode: Indexed/completionMode: Indexd/' \
    '/spec/completionMode must be equal to one of the allowed values'
expect_invalid "parallelism not an integer" 's/parallelism: 4/parallelism: four/' '/spec/parallelism must be integer'
expect_invalid "a container without its required name" 's/- name: agent/- tty: true/' \
    '/spec/template/spec/containers/0 must have required property name'
expect_invalid "a ConfigMap name that is not a string" 's/^  name: oktyv-load-scenario$/  name: [oktyv]/' \
    'ConfigMap/oktyv: /metadata/name must be string'
expect_invalid "a kind without a schema" 's/^kind: Job$/kind: Jobs/' 'no schema here for apiVersion batch/v1, kind Jobs'

printf '%s ... ' "usage error without a file"
rc=0
"$validate" >"$work/out" 2>"$work/err" || rc=$?
if [[ $rc -eq 2 ]] && grep -q "no FILE given" "$work/err"; then pass; else fail "exit $rc: $(cat "$work/err")"; fi

echo "k8s-manifest-test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
