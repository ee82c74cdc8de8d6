#!/usr/bin/env bash
# Measures the Oktyv service with wrk on loopback: GET /health at maximum rate, then paced at about half of
# that, reading the service's own p99 from /metrics after each phase. Bounded: each phase lasts DURATION.
#
# wrk has no fixed-rate mode, so the half-rate phase paces with paced.lua (each connection waits DELAY_MS between
# requests) and picks the connection count from a 5 s calibration run: conns = 8 * (max/2) / rate(8 conns).
# Usage: benchmarks/wrk/measure-service.sh [duration=20s] [connections=32] [delay-ms=1]
set -euo pipefail
DURATION=${1:-20s}
CONNS=${2:-32}
DELAY_MS=${3:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${OKTYV_JAR:-"$HERE/../target/oktyv-bench.jar"}
command -v wrk >/dev/null || { echo "wrk not installed (Debian: apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build first: mvn -B -pl benchmarks -am package -DskipTests" >&2; exit 2; }
OUT=$(mktemp)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -f "$OUT"' EXIT

start_service() { # a fresh service per phase, so its since-start p99 covers that phase (and its warm-up)
  [ -n "$PID" ] && { kill $PID; wait $PID 2>/dev/null || true; }
  java -jar "$JAR" serve --duration 10m >"$OUT" 2>&1 &
  PID=$!
  for _ in $(seq 1 150); do grep -q '^Routes:' "$OUT" && break; sleep 0.2; done
  URL=$(sed -n 's/^Oktyv service listening on //p' "$OUT")
  TOKEN=$(sed -n 's/^Bearer token (shown once): //p' "$OUT")
  [ -n "$URL" ] || { echo "service did not start:" >&2; cat "$OUT" >&2; exit 3; }
}
p99() { # the service's own p99 for GET /health 2xx, since the service started
  curl -s -H "Authorization: Bearer $TOKEN" "$URL/metrics" | awk 'index($0, "oktyv_http_request_duration_seconds{route=\"GET /health\",status=\"2xx\",quantile=\"0.99\"}") == 1 {printf "%.3f ms", $NF*1000}'
}
load() { uptime | sed 's/.*load average: //'; }
rate() { awk '/^Requests\/sec:/ {printf "%d", $2}'; }

start_service
wrk -t2 -c"$CONNS" -d5s "$URL/health" >/dev/null   # warm-up
echo "== max rate: wrk -t2 -c$CONNS -d$DURATION --latency /health    (load before: $(load))"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$URL/health" | tee "$OUT.max"
echo "   load after: $(load); service-side p99 since start: $(p99)"
MAX=$(rate < "$OUT.max"); rm -f "$OUT.max"

start_service
CAL=$(WRK_DELAY_MS=$DELAY_MS wrk -t1 -c8 -d5s -s "$HERE/paced.lua" "$URL/health" | rate)  # also the warm-up
PACED=$(( (8 * MAX / 2 + CAL - 1) / (CAL > 0 ? CAL : 1) )); [ "$PACED" -ge 1 ] || PACED=1; [ "$PACED" -le 64 ] || PACED=64
echo "== paced at ~half of $MAX req/s: WRK_DELAY_MS=$DELAY_MS wrk -t1 -c$PACED -d$DURATION --latency -s paced.lua /health    (calibration: 8 conns -> $CAL req/s; load before: $(load))"
WRK_DELAY_MS=$DELAY_MS wrk -t1 -c"$PACED" -d"$DURATION" --latency -s "$HERE/paced.lua" "$URL/health"
echo "   load after: $(load); service-side p99 (calibration + paced phase): $(p99)"
