#!/bin/bash
# make-golden.sh [OUT]: regenerate the libsinsp reference values the .scap reader tests compare with
# (sensor/src/test/resources/dev/falconet/scap/golden/<capture>.tsv): per event, libsinsp's evt.num, direction
# and field values, from sinsp_oracle (build-oracle.sh OUT first). Captures from ../shared/captures/scap.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); OUT=${1:-${TMPDIR:-/tmp}/falconet-peers}
CAPS=; d=$(cd "$HERE/../.." && pwd)
while [ "$d" != / ]; do d=$(dirname "$d"); [ -d "$d/shared/captures/scap" ] && { CAPS=$d/shared/captures/scap; break; }; done
[ -n "$CAPS" ] || { echo "make-golden.sh: no shared/captures/scap above the repository" >&2; exit 1; }
DEST=$HERE/../../sensor/src/test/resources/dev/falconet/scap/golden; mkdir -p "$DEST"
FIELDS=evt.type,proc.name,proc.exe,proc.args,proc.pid,fd.name,fd.typechar,fd.num,evt.res
for f in "$CAPS"/*.scap; do
  n=$(basename "$f" .scap)
  # exit events only (Falco 0.42+ has no enter events); libsinsp 0.1.1 cannot open curl_google_comments
  if "$OUT/sinsp_oracle" "$f" - fields "$FIELDS" > "$DEST/$n.tmp" 2>/dev/null; then
    awk -F'\t' '$2 == "<" || $3 == "procexit"' "$DEST/$n.tmp" > "$DEST/$n.tsv"
  fi
  rm -f "$DEST/$n.tmp"
done
ls -la "$DEST"
