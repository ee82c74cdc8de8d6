#!/usr/bin/env bash
# Benchmarks two commits and compares them: each ref is checked out into a temporary git worktree, built there, and run
# from there (so run.json records that commit, clean), into one shared results root; then `compare` prints Markdown.
# With --base-jar/--candidate-jar it benchmarks two prebuilt jars instead (no checkout, no build). See docs/scripts.md.
set -euo pipefail

PROG=compare-commits.sh
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/common.sh
source "$here/lib/common.sh"

usage() {
    cat <<'EOF'
Usage: scripts/compare-commits.sh BASE_REF [CANDIDATE_REF] [OPTIONS] [-- RUN-OPTIONS...]
       scripts/compare-commits.sh --base-jar JAR --candidate-jar JAR [OPTIONS] [-- RUN-OPTIONS...]

Builds and benchmarks BASE_REF and CANDIDATE_REF (default HEAD) in temporary git worktrees, then prints
`oktyv-bench compare BASE CANDIDATE --format md` and writes it to a file.

  --base-jar JAR         benchmark this prebuilt oktyv-bench.jar as the base instead of building a ref
  --candidate-jar JAR    ... and this one as the candidate (both or neither; not with refs). Both run from the
                         current directory, so their runs record its commit

  --bench REGEX          benchmarks to run (repeatable; default: all, which takes long)
  --quick                use the run preset --quick (-f 1 -wi 1 -i 3 -w 1s -r 1s)
  --rounds N             run the two commits in N alternating rounds (base, candidate, base, …; default 1) and
                         compare the pooled forks, so drift of the machine during the runs lands on both sides
  --results-dir DIR      results root shared by both runs (default: results, relative to the current directory)
  --out FILE             where to write the Markdown (default: <results>/<candidate-run>/compare-<base-run>.md)
  --fail-on-regression   exit 1 when a benchmark regressed
  -- RUN-OPTIONS...      passed to `oktyv-bench run` for both refs, e.g. -- -f 3 -prof gc

Environment: OKTYV_JAVA_OPTS (JVM options before -jar, e.g. -Djmh.ignoreLock=true),
             OKTYV_MVN_ARGS (extra Maven arguments for the builds, e.g. -o).
Exit codes: 0 compared, 1 regression (with --fail-on-regression), 2 usage error or unknown ref,
            3 build, run or compare failed, 130 interrupted.
EOF
}

results_dir=results
out=""
quick=false
rounds=1
fail_on_regression=false
benches=()
refs=()
base_jar=""
candidate_jar=""
run_opts=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h | --help) usage; exit "$EXIT_OK" ;;
        --results-dir) need_value "$@"; results_dir="$2"; shift 2 ;;
        --results-dir=*) results_dir="${1#*=}"; shift ;;
        --bench) need_value "$@"; benches+=("$2"); shift 2 ;;
        --bench=*) benches+=("${1#*=}"); shift ;;
        --out) need_value "$@"; out="$2"; shift 2 ;;
        --out=*) out="${1#*=}"; shift ;;
        --quick) quick=true; shift ;;
        --rounds) need_value "$@"; rounds="$2"; shift 2 ;;
        --rounds=*) rounds="${1#*=}"; shift ;;
        --base-jar) need_value "$@"; base_jar="$2"; shift 2 ;;
        --base-jar=*) base_jar="${1#*=}"; shift ;;
        --candidate-jar) need_value "$@"; candidate_jar="$2"; shift 2 ;;
        --candidate-jar=*) candidate_jar="${1#*=}"; shift ;;
        --fail-on-regression) fail_on_regression=true; shift ;;
        --) shift; run_opts=("$@"); break ;;
        -*) usage_error "unknown option: $1 (run options go after --)" ;;
        *) refs+=("$1"); shift ;;
    esac
done

jars=false
if [[ -n "$base_jar" || -n "$candidate_jar" ]]; then
    [[ -n "$base_jar" && -n "$candidate_jar" ]] || usage_error "--base-jar and --candidate-jar go together; give both"
    [[ ${#refs[@]} -eq 0 ]] || usage_error "refs (${refs[*]}) and --base-jar/--candidate-jar exclude each other"
    for jar in "$base_jar" "$candidate_jar"; do
        [[ -f "$jar" ]] || usage_error "jar $jar does not exist or is not a file"
    done
    base_jar="$(absolute_path "$base_jar")"
    candidate_jar="$(absolute_path "$candidate_jar")"
    jars=true
fi
$jars || [[ ${#refs[@]} -ge 1 ]] || usage_error "missing BASE_REF"
[[ ${#refs[@]} -le 2 ]] || usage_error "too many refs: ${refs[*]} (expected BASE_REF [CANDIDATE_REF]; run options go after --)"
[[ -n "$results_dir" ]] || usage_error "option --results-dir needs a value"
[[ "$rounds" =~ ^[1-9][0-9]{0,2}$ ]] || usage_error "--rounds must be a whole number from 1 to 999, was '$rounds'"
for opt in "${run_opts[@]}"; do
    case "$opt" in
        --results-dir | --results-dir=*) usage_error "give --results-dir before --, not as a run option" ;;
    esac
done
base_ref="${refs[0]:-}"
candidate_ref="${refs[1]:-HEAD}"

results_dir="$(absolute_path "$results_dir")"
if [[ -n "$out" ]]; then
    out="$(absolute_path "$out")"
    [[ -d "$(dirname "$out")" ]] || usage_error "--out $out: folder $(dirname "$out") does not exist"
    [[ ! -d "$out" ]] || usage_error "--out $out is a folder, not a file"
fi

tools=(java)
$jars || tools+=(git mvn)
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
if ! $jars; then
    repo="$(git -C "$here" rev-parse --show-toplevel)" || die "$here is not inside a git checkout"
    resolve() {
        git -C "$repo" rev-parse --verify --quiet "$1^{commit}" ||
            usage_error "ref '$1' does not name a commit in $repo"
    }
    base_sha="$(resolve "$base_ref")"
    candidate_sha="$(resolve "$candidate_ref")"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/oktyv-compare.XXXXXX")"
worktrees=()
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local wt
    for wt in "${worktrees[@]+"${worktrees[@]}"}"; do
        git -C "$repo" worktree remove --force "$wt" >/dev/null 2>&1 || true
    done
    rm -rf "$tmp"
    [[ -z "${repo:-}" ]] || git -C "$repo" worktree prune >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit "$EXIT_INTERRUPTED"' INT
trap 'exit 143' TERM

# Checks out SHA into a new worktree $tmp/NAME and builds the uber-jar there.
checkout_and_build() {
    local sha="$1" name="$2" wt="$tmp/$2"
    say "checking out $name ${sha:0:10} into $wt"
    git -C "$repo" worktree add --detach --quiet "$wt" "$sha" >&2 || die "git worktree add for $name ${sha:0:10} failed"
    worktrees+=("$wt")
    say "building $name ${sha:0:10} (mvn -B -q -DskipTests package ${OKTYV_MVN_ARGS:-})"
    local -a mvn_args=()
    read -r -a mvn_args <<<"${OKTYV_MVN_ARGS:-}"
    (cd "$wt" && mvn -B -q -DskipTests "${mvn_args[@]}" package) >&2 || die "build of $name ${sha:0:10} failed"
    [[ -f "$wt/benchmarks/target/oktyv-bench.jar" ]] ||
        die "build of $name ${sha:0:10} made no benchmarks/target/oktyv-bench.jar (is the commit older than the suite?)"
    # A run records "dirty" when `git status --porcelain` shows anything; the build must leave only ignored files.
    local status
    status="$(git -C "$wt" status --porcelain)"
    [[ -z "$status" ]] || die "the build left $name's checkout dirty, so its run would be marked dirty: ${status//$'\n'/; }"
}

# Runs the selected benchmarks with JAR from inside folder WT; prints the new run id.
run_in() {
    local wt="$1" jar="$2" label="$3"
    local -a args=(run --results-dir "$results_dir")
    if $quick; then args+=(--quick); fi
    args+=("${run_opts[@]}" "${benches[@]}")
    run_folders "$results_dir" >"$tmp/before-$label"
    say "running $label: oktyv-bench ${args[*]}"
    local rc=0
    (cd "$wt" && run_logged "$tmp/run-$label.log" oktyv "$jar" "${args[@]}") || rc=$?
    case "$rc" in
        0) ;;
        "$EXIT_USAGE") usage_error "oktyv-bench run rejected the run options: ${run_opts[*]} ${benches[*]}" ;;
        "$EXIT_INTERRUPTED") exit "$EXIT_INTERRUPTED" ;;
        *) die "the $label run failed with exit code $rc (see its console.log under $results_dir)" ;;
    esac
    run_folders "$results_dir" >"$tmp/after-$label"
    new_run_folder "$tmp/before-$label" "$tmp/after-$label" "$tmp/run-$label.log" || exit "$EXIT_RUNTIME"
}

if $jars; then
    # Prebuilt jars run from the current directory: their runs record its commit (and -dirty if it is dirty).
    say "base $base_jar, candidate $candidate_jar, run from $PWD, results in $results_dir"
    base_wt="$PWD"
    candidate_wt="$PWD"
else
    say "base $base_ref = ${base_sha:0:10}, candidate $candidate_ref = ${candidate_sha:0:10}, results in $results_dir"
    checkout_and_build "$base_sha" base
    base_wt="$tmp/base"
    if [[ "$candidate_sha" == "$base_sha" ]]; then
        say "both refs are commit ${base_sha:0:10}: one build, two runs (an A/A comparison)"
        candidate_wt="$base_wt"
    else
        checkout_and_build "$candidate_sha" candidate
        candidate_wt="$tmp/candidate"
    fi
    base_jar="$base_wt/benchmarks/target/oktyv-bench.jar"
    candidate_jar="$candidate_wt/benchmarks/target/oktyv-bench.jar"
fi

# Alternating rounds: a slow minute of the machine then hits one round of each side, not all of one side.
base_runs=()
candidate_runs=()
for ((round = 1; round <= rounds; round++)); do
    [[ $rounds -eq 1 ]] || say "round $round of $rounds"
    base_run="$(run_in "$base_wt" "$base_jar" "base-$round")"
    say "base run: $base_run"
    base_runs+=("$base_run")
    candidate_run="$(run_in "$candidate_wt" "$candidate_jar" "candidate-$round")"
    say "candidate run: $candidate_run"
    candidate_runs+=("$candidate_run")
done

# The candidate's jar compares (its analysis is the newer one), pooling each side's rounds.
compare_args=(compare "$(IFS=,; echo "${base_runs[*]}")" "$(IFS=,; echo "${candidate_runs[*]}")"
    --results-dir "$results_dir" --format md)
if $fail_on_regression; then compare_args+=(--fail-on regression); fi
compare_rc=0
oktyv "$candidate_jar" "${compare_args[@]}" >"$tmp/compare.md" || compare_rc=$?
[[ $compare_rc -eq 0 || $compare_rc -eq $EXIT_CHECK_FAILED ]] ||
    die "oktyv-bench ${compare_args[*]} failed with exit code $compare_rc"

[[ -n "$out" ]] || out="$results_dir/$candidate_run/compare-$base_run.md"
# Written next to its final name, then renamed: a reader never sees half a file.
cp "$tmp/compare.md" "$out.tmp.$$"
mv -f "$out.tmp.$$" "$out"
cat "$tmp/compare.md"
say "wrote $out"
exit "$compare_rc"
