#!/usr/bin/env bash
# Sensor benchmarks, side by side with the peers in ../shared/bench (read its README first):
#   (a) added ns per syscall with the sensor attached and the upstream stable rules loaded,
#       for an untraced syscall (getppid) and a traced one (openat), vs bpftrace and the minimal C sensor;
#   (b) kernel->Java drain rate and drops, vs the minimal C consumer: 2 getppid producers (a syscall no rule
#       reads: decoded, state kept, no event built) and 1 failing-openat producer (every record an event the
#       rules evaluate);
#   (c) latency from the kernel timestamp to the alert object, in steady state (3 s after READY).
# Usage: bench/sensor-bench.sh [OUT=/tmp/falconet-peers] [ROUNDS=3]   (root; ~7 min with 3 rounds;
#   results: docs/performance.md; the RSS figure is bench/sensor-rss.sh, 5 min). PARTS=b runs (b) only (default abc).
# (b) ends with one VERDICT line per scenario: ours' rate, its paired ratio to the C consumer and the drops over
# every whole run (from READY, the first seconds included); for getppid_2p_poll1ms, whether the target is met.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# ../shared beside the repository (searched upwards: worktrees sit deeper)
shared=""
for d in "$repo/.." "$repo/../.." "$repo/../../.."; do [ -d "$d/shared/bench" ] && { shared="$(cd "$d/shared" && pwd)"; break; }; done
peers="$shared/bench"
rules="$shared/falco-upstream/falco_rules.yaml"
OUT="${1:-${TMPDIR:-/tmp}/falconet-peers}"
ROUNDS="${2:-3}"
PARTS="${PARTS:-abc}"
[ -n "$shared" ] || { echo "sensor-bench: ../shared/bench not found beside the repository" >&2; exit 1; }
[ -f "$rules" ] || { echo "sensor-bench: $rules is missing" >&2; exit 1; }
[ -x "$OUT/sysloop" ] && [ -x "$OUT/rbbench" ] || bash "$peers/peers/rbbench/build.sh" "$OUT"
(cd "$repo" && ./mvnw -q -B -DskipTests package)
ours="$repo/falconet sensor -r $rules --no-stdout"
configs=(rb_drop rb64_openat)
# bpftrace is the upper reference. It reads tracepoint formats from tracefs, which a fresh VM may not have
# mounted (then it reports no raw_syscalls tracepoint): mount it when missing (root; our sensor needs none)
if [ ! -e /sys/kernel/tracing/available_events ] && [ -d /sys/kernel/tracing ]; then
  mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null && echo "note: mounted tracefs on /sys/kernel/tracing for bpftrace"
fi
# on kernels without the raw_syscalls tracepoint bpftrace cannot attach
if command -v bpftrace >/dev/null && bpftrace -l 'tracepoint:raw_syscalls:sys_enter' 2>/dev/null | grep -q sys_enter; then
  configs=(bpftrace "${configs[@]}")
else
  echo "note: bpftrace cannot attach tracepoint:raw_syscalls:sys_enter here: left out"
fi
uptime
if [[ $PARTS == *a* ]]; then
  echo "== (a) overhead per syscall: ${configs[*]} ours"
  N="${N:-2000000}" bash "$peers/peers/sys/overhead.sh" "$OUT" "$ROUNDS" "${configs[@]}" "ours=$ours" || echo "(some configs failed)"
fi
echo "== (b) drain rate: rbbench vs ours, paired per round (ours: median of its 1-s --stats ticks after the first two;"
echo "   whole run = every record from READY to the end, the first seconds included: what the zero-drop target counts)"
summarize_ours() { # OUT-file of one run of ours, the C consumer's drained/s of the same round: one line, key=value
  python3 - "$1" "$2" <<'PY'
import re, statistics as st, sys
f = open(sys.argv[1]).read()
ticks = [(float(c), int(d), float(ns)) for c, d, ns in re.findall(
    r'captured (\d+) ev/s, evaluated \d+ ev/s, dropped (\d+) .*?consumer CPU \d+% \((\d+) ns/event\)', f)][2:]
end = re.search(r'stopped after ([\d.]+) s: (\d+) records captured .*?, (\d+) dropped', f)
warm = re.search(r'JIT warm-up: (\d+) made-up records in (\d+) ms \(consumer CPU (\d+) ms, JIT compiling (\d+) ms\)', f)
if not ticks or not end: sys.exit("no stats lines")
rate = st.median(t[0] for t in ticks)
cap, drop = int(end[2]), int(end[3])
c = float(sys.argv[2]) if sys.argv[2] else 0
print(f"drained/s={rate:.0f} ratio_to_C={rate / c if c else float('nan'):.2f} cons_cpu_ns/ev={st.median(t[2] for t in ticks):.0f}"
      f" whole_run_drop%={100 * drop / max(1, cap + drop):.2f} whole_run_dropped={drop}"
      + (f" warm_up_ms={warm[2]} warm_up_cpu_ms={warm[3]} warm_up_jit_ms={warm[4]}" if warm else ""))
PY
}
verdict() { # the summary lines of one scenario: medians over rounds, and the target where there is one
  python3 - "$1" "$2" <<'PY'
import re, statistics as st, sys
rows = [dict(kv.split('=') for kv in l.split()[2:]) for l in open(sys.argv[1]) if l.startswith('ours@')]
if not rows: sys.exit(f"{sys.argv[2]}: no runs of ours")
rate = [float(r['drained/s']) for r in rows]; ratio = [float(r['ratio_to_C']) for r in rows]
drops = [int(r['whole_run_dropped']) for r in rows]; pct = [float(r['whole_run_drop%']) for r in rows]
line = (f"VERDICT {sys.argv[2]}: ours {st.median(rate):.0f} ev/s median ({min(rate):.0f}-{max(rate):.0f}),"
        f" {st.median(ratio):.2f}x the C consumer (paired median, {min(ratio):.2f}-{max(ratio):.2f}),"
        f" whole-run drops {sum(drops)} in {len(rows)} runs (max {max(pct):.2f}%)")
if sys.argv[2].startswith('getppid_2p'):
    ok = st.median(rate) >= 1.5e6 and st.median(ratio) >= 0.6 and sum(drops) == 0
    line += f"; target (>= 1.5 M/s, >= 0.6x C, zero drops over every whole run): {'MET' if ok else 'NOT MET'}"
print(line)
PY
}
for scenario in getppid_2p_poll1ms openat_1p_poll1ms; do
  [[ $PARTS == *b* ]] || break
  syscall="${scenario%%_*}"
  rows="$OUT/ours_rows_$scenario.txt"; : > "$rows"
  c_rate=""
  bash "$peers/peers/rbbench/throughput.sh" "$OUT" 6 "$ROUNDS" "$scenario" "ours=$ours -e $syscall --stats 1s" \
    | while IFS= read -r line; do
        echo "$line"
        case "$line" in
          "$scenario "*) c_rate="$(sed -n 's/.*drained\/s= *\([0-9]*\).*/\1/p' <<<"$line")" ;;
          ours@*) echo "ours@$scenario (stats) $(summarize_ours "$OUT/mine_ours_$scenario.out" "$c_rate")" | tee -a "$rows" ;;
        esac
      done || echo "(some runs failed)"
  verdict "$rows" "$scenario" || true
done
[[ $PARTS == *c* ]] || { uptime; exit 0; }
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
