#!/bin/bash
# scap-vs-libsinsp.sh [OUT] [ROUNDS=5]: Falconet's .scap replay against the libsinsp peer, side by side in one run,
# on the same bytes: OUT/big.scap (libs curl_google.scap x1400 = 2,150,400 events), the rule subset libsinsp compiles
# (OUT/rules.tsv), from scap bytes to match decision (read, parse, state, rules), one thread, Falco-style event-type
# index with first match. Rounds interleave peer and ours; the summary is the median of the per-round ratios.
# Also runs ours with every upstream rule (OUT/rules_all.tsv, which libsinsp cannot compile) for the all-rules figure.
# Builds what is missing with ../shared/bench (apt-get for libsinsp: needs root). Both figures use process CPU time.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/.." && pwd)
OUT=${1:-${TMPDIR:-/tmp}/falconet-peers}; ROUNDS=${2:-5}; mkdir -p "$OUT"
SHARED=; d=$REPO; while [ "$d" != / ]; do d=$(dirname "$d"); [ -d "$d/shared/bench" ] && { SHARED=$d/shared; break; }; done
[ -n "$SHARED" ] || { echo "scap-vs-libsinsp.sh: no shared/bench above $REPO" >&2; exit 1; }
[ -x "$OUT/sinsp_bench" ] || "$SHARED/bench/peers/libsinsp/build.sh" "$OUT"
[ -s "$OUT/rules.tsv" ] || "$SHARED/bench/peers/libsinsp/make_rules.sh" "$SHARED/falco-upstream" "$OUT"
[ -s "$OUT/big.scap" ] || "$SHARED/bench/scap/make-big.sh" "$OUT"
python3 "$HERE/scap/tsv-to-rules.py" "$OUT/rules.tsv" > "$OUT/rules.yaml"
python3 "$HERE/scap/tsv-to-rules.py" "$OUT/rules_all.tsv" > "$OUT/rules_all.yaml"
"$REPO/falconet" --version > /dev/null   # builds the jar once, outside the timed runs
# one replay thread: the serial collector keeps GC on that thread too (process CPU time is what both sides report)
JOPTS=${FALCONET_JAVA_OPTS:--XX:+UseSerialGC}
echo "ours: JVM options $JOPTS, one warm-up pass then 2 timed passes per round; peer: one pass per round"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $OUT/big.scap ($(stat -c %s "$OUT/big.scap") bytes); rules: $(wc -l < "$OUT/rules.tsv") (libsinsp subset), $(wc -l < "$OUT/rules_all.tsv") (all)"
printf '%-6s %14s %14s %7s %14s %9s %9s\n' round peer_ev_s ours_ev_s ratio ours_all_ev_s peer_evals ours_evals
: > "$OUT/scap-vs-libsinsp.rounds"
for r in $(seq "$ROUNDS"); do
  peer=$("$OUT/sinsp_bench" "$OUT/big.scap" "$OUT/rules.tsv" index)
  ours=$(FALCONET_JAVA_OPTS=$JOPTS "$REPO/falconet" replay -r "$OUT/rules.yaml" -e "$OUT/big.scap" --bench --bench-passes 2)
  all=$(FALCONET_JAVA_OPTS=$JOPTS "$REPO/falconet" replay -r "$OUT/rules_all.yaml" -e "$OUT/big.scap" --bench --bench-passes 2)
  pe=$(grep -oE 'ev_per_s=[0-9.]+' <<< "$peer" | cut -d= -f2); pv=$(grep -oE 'rule_evals_per_ev=[0-9.]+' <<< "$peer" | cut -d= -f2)
  oe=$(grep -oE 'events_per_s=[0-9.]+' <<< "$ours" | cut -d= -f2); ov=$(grep -oE 'rule_evals_per_event=[0-9.]+' <<< "$ours" | cut -d= -f2)
  ae=$(grep -oE 'events_per_s=[0-9.]+' <<< "$all" | cut -d= -f2)
  pn=$(grep -oE ' events=[0-9]+' <<< "$peer" | cut -d= -f2); on=$(grep -oE '^events=[0-9]+' <<< "$ours" | cut -d= -f2)
  [ "$((pn * 2))" = "$on" ] || echo "warning: event counts differ: peer $pn per pass, ours $on over 2 passes"
  ratio=$(python3 -c "print(f'{$oe/$pe:.2f}')")
  printf '%-6s %14.0f %14.0f %7s %14.0f %9s %9s\n' "$r" "$pe" "$oe" "$ratio" "$ae" "$pv" "$ov"
  echo "$pe $oe $ae" >> "$OUT/scap-vs-libsinsp.rounds"
done
python3 - "$OUT/scap-vs-libsinsp.rounds" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
ratios = [o / p for p, o, a in rows]
print(f"paired median ours/peer = {statistics.median(ratios):.2f}x (min {min(ratios):.2f}, max {max(ratios):.2f}, {len(rows)} rounds); "
      f"median peer {statistics.median(r[0] for r in rows):.0f} ev/s, ours {statistics.median(r[1] for r in rows):.0f} ev/s, "
      f"ours all rules {statistics.median(r[2] for r in rows):.0f} ev/s")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
