#!/usr/bin/env bash
# Validates Kubernetes manifests (`oktyv-bench load --agents N --emit k8s -o FILE`) against the Kubernetes API schema
# with the npm package kubernetes-models (pinned in package.json / package-lock.json beside this script). The packages
# are installed once with `npm ci` into a cache folder, not into the source tree. See docs/fleet.md.
#
# Usage: scripts/k8s/validate-manifest.sh FILE...
# Environment: OKTYV_K8S_VALIDATE_DIR  where the packages go (default ${XDG_CACHE_HOME:-$HOME/.cache}/oktyv/k8s-validate)
# Exit codes: 0 every object valid, 1 an object invalid (one line per object), 2 usage error,
#             3 node/npm missing or the packages could not be installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 1 ]] || { echo "validate-manifest.sh: no FILE given (usage: scripts/k8s/validate-manifest.sh FILE...)" >&2; exit 2; }
for f in "$@"; do
    [[ -f "$f" ]] || { echo "validate-manifest.sh: $f does not exist or is not a file" >&2; exit 2; }
done
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "validate-manifest.sh: $tool is not on the PATH" >&2; exit 3; }
done

dir="${OKTYV_K8S_VALIDATE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oktyv/k8s-validate}"
# Reinstalled whenever the pinned lock file changes, so a stale cache never validates against other versions.
if ! cmp -s "$here/package-lock.json" "$dir/package-lock.json" || [[ ! -d "$dir/node_modules/kubernetes-models" ]]; then
    { mkdir -p "$dir" && cp "$here/package.json" "$here/package-lock.json" "$dir/"; } ||
        { echo "validate-manifest.sh: cannot prepare $dir" >&2; exit 3; }
    echo "validate-manifest.sh: installing kubernetes-models into $dir (npm ci)" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
        { rm -rf "$dir/node_modules"; echo "validate-manifest.sh: npm ci failed in $dir" >&2; exit 3; }
fi
cp "$here/validate-manifest.mjs" "$dir/validate-manifest.mjs"
exec node "$dir/validate-manifest.mjs" "$@"
