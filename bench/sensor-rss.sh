#!/usr/bin/env bash
# Sensor memory: RSS of `falconet sensor` with the upstream stable rules while a busy workload runs
# (processes started and ended, files opened, read and closed, loopback connections, sensitive reads
# that alert), sampled every 30 s; the figure is the RSS at the end. Target: <= 300 MB after 5 minutes.
# Usage: bench/sensor-rss.sh [SECONDS=300]   (root; results: docs/performance.md)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared=""
for d in "$repo/.." "$repo/../.." "$repo/../../.."; do [ -d "$d/shared/falco-upstream" ] && { shared="$(cd "$d/shared" && pwd)"; break; }; done
[ -n "$shared" ] || { echo "sensor-rss: ../shared/falco-upstream not found beside the repository" >&2; exit 1; }
SECS="${1:-300}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$repo" && ./mvnw -q -B -o -DskipTests package >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package)
"$repo/falconet" sensor -r "$shared/falco-upstream/falco_rules.yaml" --stats 30s --duration "$((SECS + 5))s" \
  > "$work/alerts.txt" 2> "$work/sensor.log" &
sensor=$!
for _ in $(seq 600); do grep -q READY "$work/sensor.log" && break; sleep 0.1; done
grep -q READY "$work/sensor.log" || { cat "$work/sensor.log" >&2; exit 1; }
java_pid="$(pgrep -P "$sensor" java || echo "$sensor")"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$java_pid/status"; }
echo "start: RSS $(rss) MB (pid $java_pid)"

# the workload: new processes every few ms, file opens and reads, sockets, and now and then an alert
mkdir -p "$work/files"
for i in $(seq 200); do echo "line $i" > "$work/files/f$i"; done
end=$((SECONDS + SECS))
( while [ $SECONDS -lt $end ]; do for f in "$work"/files/*; do cat "$f" > /dev/null; done; done ) &
( while [ $SECONDS -lt $end ]; do sh -c 'ls /usr/bin > /dev/null; id > /dev/null'; done ) &
( while [ $SECONDS -lt $end ]; do find /usr/lib -maxdepth 2 -name '*.so*' > /dev/null 2>&1; done ) &
( while [ $SECONDS -lt $end ]; do (exec 3<>/dev/tcp/127.0.0.1/1) 2>/dev/null || true; sleep 0.01; done ) &
( while [ $SECONDS -lt $end ]; do cat /etc/shadow > /dev/null; sleep 1; done ) &

while [ $SECONDS -lt $end ]; do
  sleep 30
  echo "t=$((SECS - (end - SECONDS)))s RSS $(rss) MB | $(grep 'falconet stats' "$work/sensor.log" | tail -1 | sed 's/ | totals.*//; s/falconet stats: //')"
done
final="$(rss)"
# how much of it is live Java data: heap in use right after a full collection
jcmd="$(dirname "$(readlink -f "/proc/$java_pid/exe")")/jcmd"
"$jcmd" "$java_pid" GC.run >/dev/null 2>&1 || true
live="$("$jcmd" "$java_pid" GC.heap_info 2>/dev/null | grep -E '^ *(DefNew|Tenured|def new|tenured)' | grep -oE 'used [0-9]+K' \
  | awk '{k += $2} END {if (NR) print int(k / 1024) " MB"}')"
wait "$sensor" || true
echo "live heap after a full GC: ${live:-unknown}"
echo "final: RSS $final MB after ${SECS}s; $(grep -c . "$work/alerts.txt") alerts"
grep -E "sensor stopped|drop" "$work/sensor.log" | tail -3
