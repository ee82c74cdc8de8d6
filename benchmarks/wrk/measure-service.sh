#!/usr/bin/env bash
# Measures the Oktyv service with wrk on loopback: GET /health at maximum rate, then paced at about half of
# that, reading the service's own p99 from /metrics after each phase. Bounded: two phases of DURATION each.
# Usage: benchmarks/wrk/measure-service.sh [duration=20s] [connections=32] [paced-connections=8] [delay-ms=1]
set -euo pipefail
DURATION=${1:-20s}
CONNS=${2:-32}
PACED_CONNS=${3:-8}
DELAY_MS=${4:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../target/oktyv-bench.jar"
command -v wrk >/dev/null || { echo "wrk not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build first: mvn -B -pl benchmarks -am package -DskipTests" >&2; exit 2; }
OUT=$(mktemp)
java -jar "$JAR" serve --duration 10m >"$OUT" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 100); do grep -q '^Routes:' "$OUT" && break; sleep 0.2; done
URL=$(sed -n 's/^Oktyv service listening on //p' "$OUT")
TOKEN=$(sed -n 's/^Bearer token (shown once): //p' "$OUT")
[ -n "$URL" ] || { echo "service did not start:" >&2; cat "$OUT" >&2; exit 3; }
p99() { # the service's own p99 for GET /health 2xx, in ms, since the service started
  curl -s -H "Authorization: Bearer $TOKEN" "$URL/metrics" \
    | awk 'index($0, "oktyv_http_request_duration_seconds{route=\"GET /health\",status=\"2xx\",quantile=\"0.99\"}") == 1 {printf "%.3f ms", $NF*1000}'
}
echo "== warm-up (5s)"; wrk -t2 -c"$CONNS" -d5s "$URL/health" >/dev/null
echo "== max rate: wrk -t2 -c$CONNS -d$DURATION --latency $URL/health   (load: $(uptime | sed 's/.*load average: //'))"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$URL/health"
echo "   service-side p99 since start: $(p99)"
echo "== paced: WRK_DELAY_MS=$DELAY_MS wrk -t1 -c$PACED_CONNS -d$DURATION --latency -s paced.lua   (load: $(uptime | sed 's/.*load average: //'))"
# A fresh service, so its p99 covers the paced phase only.
kill $PID; wait $PID 2>/dev/null || true
java -jar "$JAR" serve --duration 10m >"$OUT" 2>&1 &
PID=$!
for _ in $(seq 1 100); do grep -q '^Routes:' "$OUT" && break; sleep 0.2; done
URL=$(sed -n 's/^Oktyv service listening on //p' "$OUT")
TOKEN=$(sed -n 's/^Bearer token (shown once): //p' "$OUT")
wrk -t2 -c"$PACED_CONNS" -d5s -s "$HERE/paced.lua" "$URL/health" >/dev/null
WRK_DELAY_MS=$DELAY_MS wrk -t1 -c"$PACED_CONNS" -d"$DURATION" --latency -s "$HERE/paced.lua" "$URL/health"
echo "   service-side p99 (warm-up + paced phase): $(p99)"
