#!/usr/bin/env bash
# Sensor benchmarks, side by side with the peers in ../shared/bench (read its README first):
#   (a) added ns per syscall with the sensor attached and the upstream stable rules loaded,
#       for an untraced syscall (getppid) and a traced one (openat), vs bpftrace and the minimal C sensor;
#   (b) kernel->Java drain rate and drops, vs the minimal C consumer: 2 getppid producers (a syscall no rule
#       reads: decoded, state kept, no event built) and 1 failing-openat producer (every record an event the
#       rules evaluate);
#   (c) latency from the kernel timestamp to the alert object, in steady state (3 s after READY).
# Usage: bench/sensor-bench.sh [OUT=/tmp/falconet-peers] [ROUNDS=3]   (root; ~7 min with 3 rounds;
#   results: docs/performance.md; the RSS figure is bench/sensor-rss.sh, 5 min)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ../shared beside the repository (searched upwards: worktrees sit deeper)
shared=""
for d in "$repo/.." "$repo/../.." "$repo/../../.."; do [ -d "$d/shared/bench" ] && { shared="$(cd "$d/shared" && pwd)"; break; }; done
peers="$shared/bench"
rules="$shared/falco-upstream/falco_rules.yaml"
OUT="${1:-${TMPDIR:-/tmp}/falconet-peers}"
ROUNDS="${2:-3}"
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
uptime
echo "== (a) overhead per syscall: ${configs[*]} ours"
N="${N:-2000000}" bash "$peers/peers/sys/overhead.sh" "$OUT" "$ROUNDS" "${configs[@]}" "ours=$ours" || echo "(some configs failed)"
echo "== (b) drain rate: rbbench vs ours (ours: median of the 1-s --stats ticks after the first two)"
summarize_ours() { # the --stats lines of one run: median captured/s, drops, consumer CPU per event
  python3 - "$1" <<'PY'
import re, statistics as st, sys
ticks = [(float(c), int(d), float(ns)) for c, d, ns in re.findall(
    r'captured (\d+) ev/s, evaluated \d+ ev/s, dropped (\d+) .*?consumer CPU \d+% \((\d+) ns/event\)', open(sys.argv[1]).read())][2:]
if not ticks: sys.exit("no stats lines")
cap = sum(t[0] for t in ticks); drop = sum(t[1] for t in ticks)
print(f"drained/s={st.median(t[0] for t in ticks):.0f} drop%={100 * drop / max(1, cap + drop):.2f}"
      f" cons_cpu_ns/ev={st.median(t[2] for t in ticks):.0f}")
PY
}
for scenario in getppid_2p_poll1ms openat_1p_poll1ms; do
  syscall="${scenario%%_*}"
  bash "$peers/peers/rbbench/throughput.sh" "$OUT" 6 "$ROUNDS" "$scenario" "ours=$ours -e $syscall --stats 1s" \
    | while IFS= read -r line; do
        echo "$line"
        case "$line" in ours@*) echo "ours@$scenario (stats) $(summarize_ours "$OUT/mine_ours_$scenario.out")" ;; esac
      done || echo "(some runs failed)"
done
echo "== (c) alert latency: 200 sensitive-file reads while the sensor runs (from 3 s after READY)"
log="$OUT/latency.log"
$ours --duration 40s > "$log" 2>&1 &
pid=$!
for _ in $(seq 300); do grep -q READY "$log" && break; sleep 0.1; done
sleep 3
for _ in $(seq 200); do cat /etc/shadow > /dev/null; sleep 0.05; done
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true
grep -E "alert latency|sensor stopped" "$log"
uptime
