#!/usr/bin/env bash
# Start-up of the desktop app to its first frame, as a whole process (bash launcher + JVM + JavaFX), under Xvfb.
#   bench/startup.sh [RUNS]     (default 7; prints each run and the median, in milliseconds)
# Each run: the wall clock is read just before './falconet' is started; the app writes the wall clock of its
# first layout pulse (the first frame handed to the renderer) to a file (-Dfalconet.firstframe) and quits.
# The first, untimed run builds the app if needed and creates the class-data-sharing archive the launcher uses.
# Needs xvfb (Xvfb) and libgtk-3-0. Settings go to a fresh temporary config directory (Lab page first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-7}"
command -v Xvfb >/dev/null || { echo "bench/startup.sh: Xvfb is missing (apt-get install xvfb libgtk-3-0)" >&2; exit 2; }

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"' EXIT
tmp="$(mktemp -d)"
export DISPLAY="$display"
sleep 1

run() {
  local out="$tmp/frame" cfg="$tmp/config-$1"
  rm -f "$out"
  local t0
  t0=$(date +%s%3N)
  FALCONET_JAVA_OPTS="-Dfalconet.firstframe=$out -Dfalconet.exitAfterFirstFrame=true -Dfalconet.config.dir=$cfg" ./falconet >/dev/null 2>"$tmp/err" \
    || { echo "bench/startup.sh: the app failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  [ -s "$out" ] || { echo "bench/startup.sh: no first frame recorded" >&2; cat "$tmp/err" >&2; exit 1; }
  read -r frame cpu < "$out"
  echo "$(( frame - t0 )) $cpu"
}

run warmup >/dev/null
times=()
cpus=()
for i in $(seq "$runs"); do
  read -r ms cpu <<<"$(run "$i")"
  times+=("$ms")
  cpus+=("$cpu")
  echo "run $i: ${ms} ms to first frame (JVM CPU time until then: ${cpu} ms)"
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: $(med "${times[@]}") ms wall, $(med "${cpus[@]}") ms JVM CPU, over ${runs} runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
