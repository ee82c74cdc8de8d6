#!/usr/bin/env bash
# File engine SHA-256 vs `openssl dgst -sha256` on the same 256 MiB file, back to back, interleaved.
# Usage: benchmarks/scripts/hash-vs-openssl.sh [rounds=5] [extra JVM flags...]
# The engine runs in a warm JVM (best of 3 hashes per round: a service hashes many files); openssl is one process
# per round. Reports MB/s of wall time and MB per CPU-second (user+sys), best over the rounds, and both ratios
# engine/openssl (target >= 0.8). On a loaded shared machine the CPU-second ratio is the meaningful one.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"; shift || true
jar=benchmarks/target/oktyv-bench.jar
file="$(mktemp /tmp/oktyv-hash-XXXXXX.bin)"
trap 'rm -f "$file"' EXIT
head -c $((256 * 1024 * 1024)) /dev/urandom > "$file"
size=$(stat -c %s "$file")
max() { echo "if ($1 > $2) $1 else $2" | bc -l; }
ssl_wall=0; ssl_cpu=0; java_wall=0; java_cpu=0
for ((r = 1; r <= rounds; r++)); do
  read -r e u s < <( { /usr/bin/time -f '%e %U %S' openssl dgst -sha256 "$file" > /dev/null; } 2>&1 )
  w=$(echo "$size / 1000000 / $e" | bc -l); c=$(echo "$size / 1000000 / ($u + $s)" | bc -l)
  line=$(java "$@" -cp "$jar" dev.oktyv.bench.files.HashThroughputCheck "$file" 3 | grep '^best')
  jw=$(sed -n 's/^best \([0-9.]*\) MB\/s wall.*/\1/p' <<< "$line")
  jc=$(sed -n 's/.*best \([0-9.]*\) MB\/s per cpu-second.*/\1/p' <<< "$line")
  printf 'round %d: openssl %.1f MB/s wall, %.1f MB/cpu-s | engine %.1f MB/s wall, %.1f MB/cpu-s\n' "$r" "$w" "$c" "$jw" "$jc"
  ssl_wall=$(max "$w" "$ssl_wall"); ssl_cpu=$(max "$c" "$ssl_cpu")
  java_wall=$(max "$jw" "$java_wall"); java_cpu=$(max "$jc" "$java_cpu")
done
printf 'best: openssl %.1f MB/s wall, %.1f MB/cpu-s; engine %.1f MB/s wall, %.1f MB/cpu-s; ratio wall %.2f, cpu %.2f (load %s)\n' \
  "$ssl_wall" "$ssl_cpu" "$java_wall" "$java_cpu" "$(echo "$java_wall / $ssl_wall" | bc -l)" \
  "$(echo "$java_cpu / $ssl_cpu" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
