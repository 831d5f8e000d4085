#!/bin/bash
# build-oracle.sh [OUT]: compile sinsp_oracle (per-event libsinsp matches and field values) to OUT/sinsp_oracle,
# against the libsinsp the peer harness uses (run ../shared/bench/peers/libsinsp/build.sh OUT first: it installs it).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); OUT=${1:-${TMPDIR:-/tmp}/falconet-peers}; mkdir -p "$OUT"
I=/usr/include/falcosecurity-libs
[ -d "$I" ] || { echo "build-oracle.sh: $I missing; run ../shared/bench/peers/libsinsp/build.sh first" >&2; exit 1; }
# -DHAS_CAPTURE must match how Debian built libsinsp (class layouts)
g++ -O2 -std=c++17 -DHAS_CAPTURE -o "$OUT/sinsp_oracle" "$HERE/sinsp_oracle.cpp" \
  -I$I/userspace/libsinsp -I$I/userspace/libscap -I$I/userspace/common -I$I/userspace -I$I/driver -I$I \
  -I/usr/include/jsoncpp -lsinsp -lscap
echo "built $OUT/sinsp_oracle"
