#!/usr/bin/env bash
# Sensor benchmarks, side by side with the peers in ../shared/bench (read its README first):
#   (a) added ns per syscall with the sensor attached and the upstream stable rules loaded,
#       for an untraced syscall (getppid) and a traced one (openat), vs bpftrace and the minimal C sensor;
#   (b) kernel->Java drain rate and drops on 2 getppid producers, vs the minimal C consumer.
# Usage: bench/sensor-bench.sh [OUT=/tmp/falconet-peers] [ROUNDS=5]   (root; results: docs/performance.md)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ../shared beside the repository (searched upwards: worktrees sit deeper)
shared=""
for d in "$repo/.." "$repo/../.." "$repo/../../.."; do [ -d "$d/shared/bench" ] && { shared="$(cd "$d/shared" && pwd)"; break; }; done
peers="$shared/bench"
rules="$shared/falco-upstream/falco_rules.yaml"
OUT="${1:-${TMPDIR:-/tmp}/falconet-peers}"
ROUNDS="${2:-5}"
[ -n "$shared" ] || { echo "sensor-bench: ../shared/bench not found beside the repository" >&2; exit 1; }
[ -f "$rules" ] || { echo "sensor-bench: $rules is missing" >&2; exit 1; }
[ -x "$OUT/sysloop" ] && [ -x "$OUT/rbbench" ] || bash "$peers/peers/rbbench/build.sh" "$OUT"
(cd "$repo" && ./mvnw -q -B -DskipTests package)
ours="$repo/falconet sensor -r $rules --no-stdout"
configs=(rb_drop rb64_openat)
# bpftrace is the upper reference; on kernels without the raw_syscalls tracepoint it cannot attach
if command -v bpftrace >/dev/null && bpftrace -l 'tracepoint:raw_syscalls:sys_enter' 2>/dev/null | grep -q sys_enter; then
  configs=(bpftrace "${configs[@]}")
else
  echo "note: bpftrace cannot attach tracepoint:raw_syscalls:sys_enter here: left out"
fi
echo "== (a) overhead per syscall: ${configs[*]} ours"
N="${N:-2000000}" bash "$peers/peers/sys/overhead.sh" "$OUT" "$ROUNDS" "${configs[@]}" "ours=$ours" || echo "(some configs failed)"
echo "== (b) drain rate: getppid_2p_poll1ms, rbbench vs ours"
bash "$peers/peers/rbbench/throughput.sh" "$OUT" 6 "$ROUNDS" getppid_2p_poll1ms "ours=$ours -e getppid --stats 1s" || echo "(some runs failed)"
echo "== (c) alert latency: 200 sensitive-file reads while the sensor runs"
log="$OUT/latency.log"
$ours --duration 25s > "$log" 2>&1 &
pid=$!
for _ in $(seq 300); do grep -q READY "$log" && break; sleep 0.1; done
for _ in $(seq 200); do cat /etc/shadow > /dev/null; sleep 0.05; done
wait "$pid" || true
grep -E "alert latency|sensor stopped" "$log"
