# shellcheck shell=bash
# Helpers shared by compare-commits.sh and nightly.sh. Source it; it defines functions only.
# Each script sets PROG (its name for messages) before sourcing.

# Exit codes, the same as the oktyv-bench command line (docs/cli.md).
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly EXIT_OK=0 EXIT_CHECK_FAILED=1 EXIT_USAGE=2 EXIT_RUNTIME=3 EXIT_INTERRUPTED=130

# One-line messages on stderr, so that stdout carries only the Markdown the scripts produce.
say() { printf '%s: %s\n' "${PROG:?}" "$*" >&2; }
usage_error() { say "$* (see $PROG --help)"; exit "$EXIT_USAGE"; }
die() { say "$*"; exit "$EXIT_RUNTIME"; }

# Fails with a usage error unless the option $1 is followed by a value ($2...); call as `need_value "$@"`.
need_value() {
    if [[ $# -lt 2 || -z "$2" || "$2" == --* ]]; then
        usage_error "option $1 needs a value"
    fi
}

# An absolute path for DIR, resolved against the caller's working directory, without requiring it to exist.
absolute_path() {
    case "$1" in
        /*) printf '%s' "$1" ;;
        *) printf '%s/%s' "$PWD" "$1" ;;
    esac
}

# java [OKTYV_JAVA_OPTS...] -jar JAR ARGS...: OKTYV_JAVA_OPTS (whitespace-separated) goes before -jar, e.g.
# -Djmh.ignoreLock=true when the caller accepts sharing the machine with another JMH run.
oktyv() {
    local jar="$1"
    shift
    local -a java_opts=()
    read -r -a java_opts <<<"${OKTYV_JAVA_OPTS:-}"
    java "${java_opts[@]}" -jar "$jar" "$@"
}

# The run folder names directly under a results root, sorted; nothing when the root does not exist yet.
run_folders() {
    [[ -d "$1" ]] || return 0
    find "$1" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort
}

# The run folder that appeared between two listings of run_folders (files holding one name per line).
# A run announces "# oktyv-bench: run <id> into <path>" as its first line; when other runs wrote into the same root
# meanwhile, that announcement (in the log file $3) picks ours among the new folders. Fails unless exactly one fits.
new_run_folder() {
    local before="$1" after="$2" log="$3"
    local -a created=()
    mapfile -t created < <(LC_ALL=C comm -13 "$before" "$after")
    if [[ ${#created[@]} -gt 1 ]]; then
        local announced
        announced="$(sed -n 's/^# oktyv-bench: run \([^ ]*\) into .*/\1/p' "$log" | head -n 1)"
        local id
        for id in "${created[@]}"; do
            if [[ "$id" == "$announced" ]]; then
                created=("$id")
                break
            fi
        done
    fi
    if [[ ${#created[@]} -ne 1 ]]; then
        say "expected the run to create one run folder, found ${#created[@]}: ${created[*]:-none}"
        return 1
    fi
    printf '%s' "${created[0]}"
}

# The id of the newest complete run in a results root per `oktyv-bench results` (newest first), or nothing.
# Columns: ID COMMIT DATE TIME STATUS BENCHMARKS; unreadable folders have "unreadable:" as status.
newest_complete_run() {
    local jar="$1" root="$2"
    [[ -d "$root" ]] || return 0
    local listing
    listing="$(oktyv "$jar" results --results-dir "$root" --limit 1000000)" || return 1
    awk 'NR > 1 && $5 == "complete" { print $1; exit }' <<<"$listing"
}

# Runs a command with stdout+stderr shown on stderr and also copied to a log file; returns the command's exit code.
run_logged() {
    local log="$1"
    shift
    local -a status
    set +e
    "$@" 2>&1 | tee -i "$log" >&2
    status=("${PIPESTATUS[@]}")
    set -e
    return "${status[0]}"
}
