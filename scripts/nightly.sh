#!/usr/bin/env bash
# The nightly job: build, run the suite with profiling, then analyze, report, history and a comparison with the previous
# complete run, then the production-readiness verdict; summarised in <run>/nightly-summary.md (and
# $GITHUB_STEP_SUMMARY). See docs/scripts.md.
set -euo pipefail

PROG=nightly.sh
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/common.sh
source "$here/lib/common.sh"

usage() {
    cat <<'EOF'
Usage: scripts/nightly.sh [--results-dir DIR] [--no-build] [--no-readiness] [--] [RUN-ARGS...]

Builds benchmarks/target/oktyv-bench.jar from this checkout, runs `oktyv-bench run RUN-ARGS` (default: the whole
suite with the suite's default preset, -prof gc and --profile jfr), then `analyze`, `report --compare <previous
complete run>`, `history --format html` and `compare <previous> <new> --format md --fail-on regression`, then
`readiness $NIGHTLY_READINESS_ARGS` into <results>/readiness/. The Markdown summary is printed, written to
<run>/nightly-summary.md and appended to $GITHUB_STEP_SUMMARY when that is set.

  --results-dir DIR   results root (default: $NIGHTLY_RESULTS_DIR, else results; relative to the current directory)
  --no-build          use the jar that is already built
  --no-readiness      skip the readiness verdict
  RUN-ARGS            options and regexes for `oktyv-bench run` (see docs/cli.md); when none are given,
                      $NIGHTLY_RUN_ARGS (whitespace-separated, no quoting) is used

Environment: NIGHTLY_RUN_ARGS, NIGHTLY_READINESS_ARGS (default: none, the full readiness run),
             NIGHTLY_RESULTS_DIR, GITHUB_STEP_SUMMARY,
             OKTYV_JAVA_OPTS (JVM options before -jar), OKTYV_MVN_ARGS (extra Maven arguments, e.g. -o).
Exit codes: 0 no regression, no critical finding and READY, 1 a regression, a critical finding or NOT READY,
            2 usage error (also bad RUN-ARGS), 3 build failed, run failed, or a later step failed, 130 interrupted.
EOF
}

results_dir="${NIGHTLY_RESULTS_DIR:-results}"
build=true
readiness=true
run_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h | --help) usage; exit "$EXIT_OK" ;;
        --results-dir) need_value "$@"; results_dir="$2"; shift 2 ;;
        --results-dir=*) results_dir="${1#*=}"; shift ;;
        --no-build) build=false; shift ;;
        --no-readiness) readiness=false; shift ;;
        --) shift; run_args+=("$@"); break ;;
        *) run_args+=("$1"); shift ;;
    esac
done
if [[ ${#run_args[@]} -eq 0 && -n "${NIGHTLY_RUN_ARGS:-}" ]]; then
    read -r -a run_args <<<"$NIGHTLY_RUN_ARGS"
fi
if [[ ${#run_args[@]} -eq 0 ]]; then
    # The whole suite, profiled: allocation per operation (gc) and a JFR recording per fork, so that a regression
    # found tomorrow has tonight's flame graphs to be diffed against.
    run_args=(-prof gc --profile jfr)
fi
readiness_args=()
read -r -a readiness_args <<<"${NIGHTLY_READINESS_ARGS:-}"
for arg in "${readiness_args[@]}"; do
    case "$arg" in
        --results-dir | --results-dir=*) usage_error "NIGHTLY_READINESS_ARGS must not hold --results-dir (readiness writes into <results>/readiness)" ;;
    esac
done
for arg in "${run_args[@]}"; do
    case "$arg" in
        --results-dir | --results-dir=*) usage_error "give --results-dir to nightly.sh before --, not as a run argument" ;;
    esac
done
[[ -n "$results_dir" ]] || usage_error "option --results-dir needs a value"
results_dir="$(absolute_path "$results_dir")"

for tool in git java; do
    command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
repo="$(git -C "$here" rev-parse --show-toplevel)" || die "$here is not inside a git checkout"
# run.json records the commit of the checkout containing the current directory: run from this checkout's root.
cd "$repo"
jar="$repo/benchmarks/target/oktyv-bench.jar"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oktyv-nightly.XXXXXX")"
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit "$EXIT_INTERRUPTED"' INT
trap 'exit 143' TERM

if $build; then
    command -v mvn >/dev/null || die "mvn is not on the PATH"
    say "building $jar (mvn -B -q -DskipTests package ${OKTYV_MVN_ARGS:-})"
    mvn_args=()
    read -r -a mvn_args <<<"${OKTYV_MVN_ARGS:-}"
    mvn -B -q -DskipTests "${mvn_args[@]}" package >&2 || die "the build failed"
fi
[[ -f "$jar" ]] || die "$jar is missing; build it (mvn -B -DskipTests package) or drop --no-build"

# Taken before the run, so the baseline is the newest complete run that existed when this one started.
previous="$(newest_complete_run "$jar" "$results_dir")" || die "could not list the runs in $results_dir"

run_folders "$results_dir" >"$tmp/before"
say "running: oktyv-bench run --results-dir $results_dir ${run_args[*]}"
run_rc=0
run_logged "$tmp/run.log" oktyv "$jar" run --results-dir "$results_dir" "${run_args[@]}" || run_rc=$?
case "$run_rc" in
    0 | "$EXIT_RUNTIME") ;;
    "$EXIT_USAGE") usage_error "oktyv-bench run rejected the run arguments: ${run_args[*]}" ;;
    "$EXIT_INTERRUPTED") exit "$EXIT_INTERRUPTED" ;;
    *) die "oktyv-bench run ended with exit code $run_rc" ;;
esac
run_folders "$results_dir" >"$tmp/after"
run_id="$(new_run_folder "$tmp/before" "$tmp/after" "$tmp/run.log")" || exit "$EXIT_RUNTIME"
run_dir="$results_dir/$run_id"
say "new run: $run_id"

summary="$tmp/summary.md"
regression=false
critical=false
not_ready=false
step_failed=()

# Runs one follow-up step, keeping its stdout in $tmp/$1.out; exit codes 0 and 1 (a check failed) are results,
# anything else marks the step as failed without stopping the others.
step() {
    local name="$1"
    shift
    local rc=0
    oktyv "$jar" "$@" >"$tmp/$name.out" || rc=$?
    if [[ $rc -ne 0 && $rc -ne $EXIT_CHECK_FAILED ]]; then
        say "$name failed with exit code $rc: oktyv-bench $*"
        step_failed+=("$name (exit $rc)")
    fi
    return "$rc"
}

{
    echo "## Nightly benchmarks: run \`$run_id\`"
    echo
} >"$summary"

if [[ $run_rc -ne 0 ]]; then
    {
        echo "**The run failed** (\`oktyv-bench run\` exit code $run_rc): see \`$run_dir/console.log\`."
        echo "No analysis, report or comparison was made."
    } >>"$summary"
else
    if [[ -n "$previous" ]]; then
        echo "Compared with the previous complete run \`$previous\`." >>"$summary"
    else
        echo "No previous complete run in \`$results_dir\`: nothing to compare with yet (this run becomes the baseline)." >>"$summary"
        say "no previous complete run in $results_dir: report without comparison"
    fi
    echo >>"$summary"

    if [[ -n "$previous" ]]; then
        compare_rc=0
        step compare compare "$previous" "$run_id" --results-dir "$results_dir" --format md --fail-on regression ||
            compare_rc=$?
        if [[ $compare_rc -eq $EXIT_CHECK_FAILED ]]; then regression=true; fi
        if [[ $compare_rc -eq 0 || $compare_rc -eq $EXIT_CHECK_FAILED ]]; then
            { cat "$tmp/compare.out"; echo; } >>"$summary"
        fi
    fi

    analyze_rc=0
    step analyze analyze "$run_id" --results-dir "$results_dir" --format md --fail-on critical || analyze_rc=$?
    if [[ $analyze_rc -eq $EXIT_CHECK_FAILED ]]; then critical=true; fi
    if [[ $analyze_rc -eq 0 || $analyze_rc -eq $EXIT_CHECK_FAILED ]]; then
        if $critical; then
            { echo "### Findings (a critical one among them)"; echo; cat "$tmp/analyze.out"; echo; } >>"$summary"
        else
            # Folded: with nothing critical, the rule table is reference material, not news.
            {
                echo "<details><summary>Findings (no critical one)</summary>"
                echo
                cat "$tmp/analyze.out"
                echo
                echo "</details>"
                echo
            } >>"$summary"
        fi
    fi

    report_args=(report "$run_id" --results-dir "$results_dir")
    if [[ -n "$previous" ]]; then report_args+=(--compare "$previous"); fi
    if step report "${report_args[@]}"; then
        echo "Report: \`$run_dir/report.html\` (and \`report.md\`)." >>"$summary"
    fi
    if step history history --results-dir "$results_dir" --format html -o "$results_dir/history.html"; then
        echo "History: \`$results_dir/history.html\`." >>"$summary"
    fi
fi

# Readiness runs whatever the benchmarks did: its verdict stands on its own evidence. Its run folders live in a root of
# their own (a folder the results store does not list), so a readiness run is never taken as a benchmark baseline.
if $readiness; then
    readiness_root="$results_dir/readiness"
    say "readiness: oktyv-bench readiness --results-dir $readiness_root ${readiness_args[*]}"
    readiness_rc=0
    step readiness readiness --results-dir "$readiness_root" "${readiness_args[@]}" || readiness_rc=$?
    if [[ $readiness_rc -eq $EXIT_CHECK_FAILED ]]; then not_ready=true; fi
    if [[ $readiness_rc -eq 0 || $readiness_rc -eq $EXIT_CHECK_FAILED ]]; then
        {
            echo
            echo "### Production readiness: $($not_ready && echo "❌ NOT READY" || echo "✅ READY")"
            echo
            echo '```text'
            # The verdict block the command ends with: per-phase status, then the failing criteria.
            sed -n '/OVERALL PRODUCTION READINESS ASSESSMENT/,$p' "$tmp/readiness.out" | grep -v '^=*$' |
                grep -v 'OVERALL PRODUCTION READINESS ASSESSMENT' || true
            echo '```'
            echo
            echo "Readiness runs: \`$readiness_root\` (\`production-hardening-results.json\` in each)."
        } >>"$summary"
    fi
fi

if [[ ${#step_failed[@]} -gt 0 ]]; then
    { echo; echo "**Steps that failed:** ${step_failed[*]}."; } >>"$summary"
fi
if $regression; then { echo; echo "**Result: regression.**"; } >>"$summary"; fi
if $critical; then { echo; echo "**Result: critical finding.**"; } >>"$summary"; fi
if $not_ready; then { echo; echo "**Result: NOT READY.**"; } >>"$summary"; fi

if [[ -d "$run_dir" ]]; then
    # Renamed into place from the same folder: a reader never sees half a summary.
    cp "$summary" "$run_dir/.nightly-summary.md.tmp"
    mv -f "$run_dir/.nightly-summary.md.tmp" "$run_dir/nightly-summary.md"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
    cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi
cat "$summary"
say "wrote $run_dir/nightly-summary.md"

if [[ $run_rc -ne 0 || ${#step_failed[@]} -gt 0 ]]; then exit "$EXIT_RUNTIME"; fi
if $regression || $critical || $not_ready; then exit "$EXIT_CHECK_FAILED"; fi
exit "$EXIT_OK"
