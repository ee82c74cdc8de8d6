#!/usr/bin/env bash
# Tests of compare-commits.sh and nightly.sh: argument validation (exit 2, one line, nothing created), and real
# end-to-end runs of one tiny benchmark. Needs benchmarks/target/oktyv-bench.jar (mvn -B -DskipTests package).
#
# Usage: scripts/test/scripts-test.sh [--fast]
#   --fast  skip the compare-commits end-to-end tests: the one that builds HEAD in a temporary worktree (about a
#           minute) and the drift test of two jars over 5 interleaved rounds (4-6 minutes on a loaded machine)
# Environment: OKTYV_JAVA_OPTS and OKTYV_MVN_ARGS are passed on to the scripts, e.g.
#   OKTYV_JAVA_OPTS=-Djmh.ignoreLock=true OKTYV_MVN_ARGS=-o scripts/test/scripts-test.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar="$root/benchmarks/target/oktyv-bench.jar"
fast=false
case "${1:-}" in
    "") ;;
    --fast) fast=true ;;
    *) echo "scripts-test: unknown option: $1 (usage: scripts/test/scripts-test.sh [--fast])" >&2; exit 2 ;;
esac
[[ -f "$jar" ]] || { echo "scripts-test: $jar is missing; build it first (mvn -B -DskipTests package)" >&2; exit 2; }

# One tiny benchmark, few short iterations; two forks because comparisons need at least two per side.
readonly BENCH='dev.oktyv.bench.calibration.BaselineBenchmark.empty$'
readonly -a FAST_RUN=(-wi 1 -i 2 -w 200ms -r 200ms -f 2)

work="$(mktemp -d "${TMPDIR:-/tmp}/oktyv-scripts-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
current=""
start_test() { current="$1"; printf '%s ... ' "$current"; }
pass() { passed=$((passed + 1)); echo "ok"; }
fail() { failed=$((failed + 1)); echo "FAILED: $*"; }

# Runs a script, keeping stdout, stderr and exit code in $work/out, $work/err and $rc.
rc=0
capture() {
    rc=0
    "$@" >"$work/out" 2>"$work/err" || rc=$?
}
# Temporary worktrees of compare-commits.sh (other people may add their own worktrees to this repository meanwhile).
compare_worktrees() { git -C "$root" worktree list --porcelain | grep '^worktree .*/oktyv-compare\.' || true; }
run_count() { find "$1" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }

# --- argument validation: exit 2, exactly one line on stderr naming the problem, nothing created ---------------------
expect_usage_error() {
    local expected="$1"
    shift
    start_test "usage error: $* "
    local results="$work/usage-results"
    rm -rf "$results"
    mkdir -p "$results"
    local before
    before="$(compare_worktrees)"
    capture "$@"
    local lines
    lines="$(wc -l <"$work/err")"
    if [[ $rc -ne 2 ]]; then
        fail "exit code $rc, expected 2; stderr: $(cat "$work/err")"
    elif [[ $lines -ne 1 ]]; then
        fail "expected one line on stderr, got $lines: $(cat "$work/err")"
    elif ! grep -qF -- "$expected" "$work/err"; then
        fail "stderr does not mention '$expected': $(cat "$work/err")"
    elif [[ -s "$work/out" ]]; then
        fail "stdout is not empty: $(cat "$work/out")"
    elif [[ "$(compare_worktrees)" != "$before" ]]; then
        fail "a git worktree was left behind"
    elif [[ "$(run_count "$results")" -ne 0 ]]; then
        fail "a run folder was created"
    else
        pass
    fi
}

cc=scripts/compare-commits.sh
nightly=scripts/nightly.sh
r="$work/usage-results"
expect_usage_error "missing BASE_REF" $cc
expect_usage_error "missing BASE_REF" $cc --quick --results-dir "$r"
expect_usage_error "unknown option: --bogus" $cc HEAD --bogus
expect_usage_error "unknown option: -f" $cc HEAD -f 1
expect_usage_error "ref 'no-such-ref-h9' does not name a commit" $cc no-such-ref-h9 --results-dir "$r"
expect_usage_error "ref 'HEAD~999999' does not name a commit" $cc HEAD 'HEAD~999999' --results-dir "$r"
expect_usage_error "too many refs" $cc HEAD HEAD HEAD
expect_usage_error "option --bench needs a value" $cc HEAD --bench
expect_usage_error "--rounds must be a whole number from 1 to 999, was '0'" $cc HEAD --rounds 0
expect_usage_error "--rounds must be a whole number from 1 to 999, was 'two'" $cc HEAD --rounds=two
expect_usage_error "option --rounds needs a value" $cc HEAD --rounds
expect_usage_error "option --results-dir needs a value" $cc HEAD --results-dir
expect_usage_error "option --out needs a value" $cc HEAD --out --quick
expect_usage_error "folder $work/missing does not exist" $cc HEAD --out "$work/missing/x.md"
expect_usage_error "not as a run option" $cc HEAD --results-dir "$r" -- -f 1 --results-dir /tmp
expect_usage_error "--base-jar and --candidate-jar go together" $cc --base-jar "$jar"
expect_usage_error "exclude each other" $cc HEAD --base-jar "$jar" --candidate-jar "$jar"
expect_usage_error "jar $work/no.jar does not exist" $cc --base-jar "$work/no.jar" --candidate-jar "$jar"
expect_usage_error "option --results-dir needs a value" $nightly --results-dir
expect_usage_error "not as a run argument" $nightly --results-dir "$r" -- -f 1 --results-dir=/tmp
expect_usage_error "NIGHTLY_READINESS_ARGS must not hold --results-dir" env NIGHTLY_READINESS_ARGS=--results-dir=/tmp \
    $nightly --no-build --results-dir "$r"
# A bad run argument is found by `oktyv-bench run` itself, before it creates a run folder; nightly passes its 2 on.
start_test "usage error: nightly.sh with an unknown run option"
capture $nightly --no-build --results-dir "$r" -- -f 1 --no-such-run-option
if [[ $rc -ne 2 ]]; then fail "exit code $rc, expected 2"
elif ! tail -n 1 "$work/err" | grep -q "rejected the run arguments"; then fail "last stderr line: $(tail -n 1 "$work/err")"
elif [[ "$(run_count "$r")" -ne 0 ]]; then fail "a run folder was created"
else pass; fi

for script in $cc $nightly; do
    start_test "$script --help"
    capture "$script" --help
    if [[ $rc -eq 0 ]] && grep -q '^Usage: scripts/' "$work/out" && grep -q '^Exit codes' "$work/out"; then pass
    else fail "exit $rc, stdout: $(head -n 2 "$work/out")"; fi
done

# --- compare-commits.sh end to end: HEAD against HEAD in 3 interleaved rounds, one tiny benchmark -------------------
# An A/A comparison: the same build on both sides, so a `regressed` or `improved` verdict is drift the interleaving
# failed to cancel.
if ! $fast; then
    start_test "compare-commits.sh HEAD HEAD --rounds 3 end to end"
    results="$work/cc-results"
    before_worktrees="$(compare_worktrees)"
    capture $cc HEAD HEAD --quick --rounds 3 --bench "$BENCH" --results-dir "$results" -- "${FAST_RUN[@]}"
    mapfile -t runs < <(find "$results" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
    head_sha="$(git rev-parse --short=10 HEAD)"
    if [[ $rc -ne 0 ]]; then fail "exit code $rc; stderr tail: $(tail -n 5 "$work/err")"
    elif ! grep -Eq '^\| [^|]+ \| BaselineBenchmark\.empty \(avgt\) \| primary \| [0-9.]+ ± [0-9.]+ ns/op \| [0-9.]+ ± [0-9.]+ ns/op \|' "$work/out"
    then fail "no comparison row for BaselineBenchmark.empty in stdout: $(cat "$work/out")"
    elif grep -Eq '^\| [^|]*(regressed|improved)' "$work/out"; then
        fail "an A/A comparison over interleaved rounds called a benchmark regressed or improved: $(cat "$work/out")"
    elif ! grep -q '^samples: baseline 3 runs, 6 forks per benchmark; candidate 3 runs, 6 forks per benchmark$' "$work/out"
    then fail "no samples line for 3 pooled rounds of 2 forks: $(grep samples "$work/out")"
    elif [[ ${#runs[@]} -ne 6 ]]; then fail "expected 6 run folders, found ${#runs[@]}: ${runs[*]}"
    elif [[ "${runs[0]}" != *"-$head_sha" || "${runs[5]}" != *"-$head_sha"* || "${runs[5]}" == *-dirty* ]]; then
        fail "runs are not clean runs of $head_sha: ${runs[*]}"
    elif ! grep -q "round 2 of 3" "$work/err"; then fail "no progress line for round 2"
    elif ! cmp -s "$work/out" "$results/${runs[5]}/compare-${runs[4]}.md"; then
        fail "$results/${runs[5]}/compare-${runs[4]}.md is missing or differs from stdout"
    elif [[ "$(compare_worktrees)" != "$before_worktrees" ]]; then fail "a temporary git worktree was left behind"
    elif tmp_used="$(sed -n 's/.*checking out base [0-9a-f]* into \(.*\)\/base$/\1/p' "$work/err")" &&
        [[ -z "$tmp_used" || -e "$tmp_used" ]]; then
        fail "the temporary folder '$tmp_used' was left behind (or not announced)"
    else pass; fi
fi

# --- drift (issue 16): two separate jars of the same commit, 5 interleaved rounds, three fast benchmarks -------------
# Nothing differs between the sides but the file the jar is run from, so any `regressed` or `improved` verdict is the
# machine's drift (or noise) that interleaving and pooling failed to cancel. The rows are printed for the record.
if ! $fast; then
    start_test "compare-commits.sh --base-jar A --candidate-jar B (same commit) --rounds 5: nothing regressed or improved"
    results="$work/drift-results"
    mkdir -p "$work/build-a" "$work/build-b"
    cp "$jar" "$work/build-a/oktyv-bench.jar"
    cp "$jar" "$work/build-b/oktyv-bench.jar"
    readonly -a DRIFT_BENCH=(--bench 'dev.oktyv.bench.calibration.BaselineBenchmark.(empty|consumeCpu)$'
        --bench 'dev.oktyv.bench.monitoring.MetricsCollectorBenchmark.increment1$')
    drift_start=$SECONDS
    capture $cc --base-jar "$work/build-a/oktyv-bench.jar" --candidate-jar "$work/build-b/oktyv-bench.jar" --rounds 5 \
        "${DRIFT_BENCH[@]}" --results-dir "$results" -- "${FAST_RUN[@]}"
    drift_rows="$(grep -E '^\| [^|]+ \| (BaselineBenchmark\.(empty|consumeCpu)|MetricsCollectorBenchmark\.increment1)[^|]* \| primary \|' "$work/out" || true)"
    if [[ $rc -ne 0 ]]; then fail "exit code $rc; stderr tail: $(tail -n 5 "$work/err")"
    elif [[ "$(grep -c . <<<"$drift_rows")" -ne 3 ]]; then fail "expected 3 comparison rows, got: $(cat "$work/out")"
    elif grep -Eq '^\| [^|]*(regressed|improved)' "$work/out"; then
        fail "two jars of one commit, 5 interleaved rounds: a benchmark was called regressed or improved: $(cat "$work/out")"
    elif ! grep -q '^samples: baseline 5 runs, 10 forks per benchmark; candidate 5 runs, 10 forks per benchmark$' "$work/out"
    then fail "no samples line for 5 pooled rounds of 2 forks: $(grep samples "$work/out")"
    elif [[ "$(run_count "$results")" -ne 10 ]]; then fail "expected 10 run folders, found $(run_count "$results")"
    elif ! grep -q "round 5 of 5" "$work/err"; then fail "no progress line for round 5"
    elif ! grep -q "base $work/build-a/oktyv-bench.jar, candidate $work/build-b/oktyv-bench.jar" "$work/err"; then
        fail "the jars used are not announced: $(head -n 1 "$work/err")"
    else
        pass
        echo "    (drift test: $((SECONDS - drift_start)) s; verdict | benchmark | metric | baseline | candidate | change (CI))"
        sed 's/^/    /' <<<"$drift_rows"
    fi
fi

# --- nightly.sh end to end: twice into a fresh results root, then against a doctored faster baseline ----------------
export NIGHTLY_RUN_ARGS="--quick ${FAST_RUN[*]} $BENCH"
# The shortest readiness verdict that is real: the monitoring phase against the embedded service (seconds).
export NIGHTLY_READINESS_ARGS="--quick --phases monitoring"
results="$work/nightly-results"

start_test "nightly.sh first run (no previous run)"
capture $nightly --no-build --results-dir "$results"
mapfile -t runs < <(find "$results" -mindepth 1 -maxdepth 1 -type d ! -name readiness -printf '%f\n' | sort)
if [[ $rc -ne 0 ]]; then fail "exit code $rc; stderr tail: $(tail -n 5 "$work/err")"
elif [[ ${#runs[@]} -ne 1 ]]; then fail "expected 1 run folder, found ${#runs[@]}"
elif ! grep -q "No previous complete run" "$results/${runs[0]}/nightly-summary.md"; then
    fail "the first summary does not say that there is nothing to compare with"
elif [[ ! -s "$results/${runs[0]}/report.html" || ! -s "$results/history.html" ]]; then
    fail "report.html or history.html is missing"
else pass; fi
first="${runs[0]:-}"

start_test "nightly.sh second run (compares with the first)"
summary_file="$work/step-summary.md"
echo "earlier step" >"$summary_file"
GITHUB_STEP_SUMMARY="$summary_file" capture $nightly --no-build --results-dir "$results"
mapfile -t runs < <(find "$results" -mindepth 1 -maxdepth 1 -type d ! -name readiness -printf '%f\n' | sort)
second="${runs[1]:-}"
if [[ $rc -ne 0 ]]; then fail "exit code $rc; stderr tail: $(tail -n 5 "$work/err")"
elif [[ ${#runs[@]} -ne 2 ]]; then fail "expected 2 run folders, found ${#runs[@]}"
elif [[ ! -s "$results/$second/nightly-summary.md" || ! -s "$results/$second/report.html" ]]; then
    fail "nightly-summary.md or report.html is missing in $second"
elif ! grep -q "previous complete run \`$first\`" "$results/$second/nightly-summary.md"; then
    fail "the summary does not name $first as the baseline"
elif ! grep -Eq '^\| [^|]+ \| BaselineBenchmark\.empty \(avgt\) \| primary \|' "$results/$second/nightly-summary.md"; then
    fail "the summary has no comparison row"
elif ! cmp -s "$work/out" "$results/$second/nightly-summary.md"; then fail "stdout differs from nightly-summary.md"
elif [[ "$(head -n 1 "$summary_file")" != "earlier step" ]] || ! tail -n +2 "$summary_file" | cmp -s - "$work/out"; then
    fail "\$GITHUB_STEP_SUMMARY was not appended to with the summary"
elif ! grep -q '^### Production readiness: ✅ READY' "$work/out" || ! grep -q 'Monitoring: *✅ READY' "$work/out"; then
    fail "the summary has no READY readiness verdict: $(grep -A3 'readiness' "$work/out")"
elif [[ "$(run_count "$results/readiness")" -ne 2 ]]; then
    fail "expected 2 readiness runs in $results/readiness, found $(run_count "$results/readiness")"
else pass; fi

# A NOT READY verdict fails the night: one tiny benchmark held to a per-operation average no JVM can reach (1 fs).
start_test "nightly.sh with a NOT READY verdict exits 1"
printf '{"performanceMaxAverageMillis": 1e-12, "performanceMaxP95Millis": 1e-12}\n' >"$work/impossible-criteria.json"
NIGHTLY_READINESS_ARGS="--quick --phases performance --bench BaselineBenchmark.empty\$ --criteria $work/impossible-criteria.json" \
    capture $nightly --no-build --results-dir "$work/nightly-not-ready"
if [[ $rc -ne 1 ]]; then fail "exit code $rc, expected 1; stderr tail: $(tail -n 5 "$work/err")"
elif ! grep -q '^### Production readiness: ❌ NOT READY' "$work/out"; then fail "no NOT READY heading: $(cat "$work/out")"
elif ! grep -q '^\*\*Result: NOT READY.\*\*' "$work/out"; then fail "no 'Result: NOT READY' line"
else pass; fi

# A baseline run 10^100 times faster than the second run (same forks, scaled): the next run must be a regression.
start_test "nightly.sh against a much faster baseline exits 1"
if ! command -v jq >/dev/null; then
    echo "SKIPPED (needs jq to doctor the baseline)"
else
    fake="29991231T235959Z-0000000000"
    mkdir "$results/$fake"
    jq --arg id "$fake" '.id = $id | .startedAt = "2999-12-31T23:59:59Z" | .endedAt = "2999-12-31T23:59:59.5Z"' \
        "$results/$second/run.json" >"$results/$fake/run.json"
    jq '[.[] | .primaryMetric |= (.score *= 1e-100 | .scoreError *= 1e-100 | .scoreConfidence |= map(. * 1e-100)
            | .scorePercentiles |= map_values(. * 1e-100) | .rawData |= map(map(. * 1e-100)))]' \
        "$results/$second/jmh.json" >"$results/$fake/jmh.json"
    capture $nightly --no-build --results-dir "$results"
    third="$(find "$results" -mindepth 1 -maxdepth 1 -type d ! -name readiness -printf '%f\n' | sort | grep -vxF -e "$first" -e "$second" -e "$fake" || true)"
    if [[ $rc -ne 1 ]]; then fail "exit code $rc, expected 1; stderr tail: $(tail -n 5 "$work/err")"
    elif [[ -z "$third" || ! -s "$results/$third/nightly-summary.md" ]]; then fail "no summary in the third run ($third)"
    elif ! grep -q "previous complete run \`$fake\`" "$results/$third/nightly-summary.md"; then fail "baseline is not $fake"
    elif ! grep -Eq '^\| [^|]*regressed[^|]*\| BaselineBenchmark\.empty \(avgt\) \| primary \|' "$results/$third/nightly-summary.md"; then
        fail "no regressed row: $(grep BaselineBenchmark "$results/$third/nightly-summary.md")"
    elif ! grep -q 'Result: regression' "$results/$third/nightly-summary.md"; then fail "no 'Result: regression' line"
    else pass; fi
fi

# A fork that cannot start (unknown JVM flag) makes the run fail: exit 3, and the summary says so.
start_test "nightly.sh with a failing run exits 3"
results="$work/nightly-failing"
capture $nightly --no-build --results-dir "$results" -- --quick "${FAST_RUN[@]}" --jvm-args=-XX:+NoSuchFlagForScriptsTest \
    "$BENCH"
failed_run="$(find "$results" -mindepth 1 -maxdepth 1 -type d ! -name readiness -printf '%f\n')"
if [[ $rc -ne 3 ]]; then fail "exit code $rc, expected 3; stderr tail: $(tail -n 5 "$work/err")"
elif [[ -z "$failed_run" ]] || ! grep -q '"status": "failed"' "$results/$failed_run/run.json"; then
    fail "no failed run folder ($failed_run)"
elif ! grep -q 'The run failed' "$results/$failed_run/nightly-summary.md"; then fail "the summary does not say the run failed"
elif [[ -e "$results/$failed_run/report.html" ]]; then fail "a report was made of a failed run"
else pass; fi

# Arguments override NIGHTLY_RUN_ARGS; reading 1 MiB per operation allocates about 1 MiB/op, which `analyze` rates
# critical (64 KiB/op), so the job must fail with 1 even without a baseline. Same root as the failed run, which must not
# be taken as a baseline.
start_test "nightly.sh with a critical finding exits 1"
capture $nightly --no-build --results-dir "$results" -- --quick "${FAST_RUN[@]}" -prof gc -p sizeBytes=1048576 \
    'dev.oktyv.bench.files.FileIoBenchmark.read$'
run="$(find "$results" -mindepth 1 -maxdepth 1 -type d ! -name readiness -printf '%f\n' | grep -vxF "$failed_run" || true)"
if [[ $rc -ne 1 ]]; then fail "exit code $rc, expected 1; stderr tail: $(tail -n 5 "$work/err")"
elif [[ -z "$run" || ! -s "$results/$run/nightly-summary.md" ]]; then fail "no nightly-summary.md ($run)"
elif ! grep -q 'FileIoBenchmark.read\$' "$results/$run/run.json"; then fail "the run did not use the command-line arguments"
elif ! grep -q '^| critical | Allocation' "$results/$run/nightly-summary.md"; then fail "no critical allocation finding"
elif ! grep -q 'Result: critical finding' "$results/$run/nightly-summary.md"; then fail "no 'Result: critical finding' line"
elif ! grep -q 'No previous complete run' "$results/$run/nightly-summary.md"; then fail "the failed run was taken as a baseline"
else pass; fi

echo "scripts-test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
