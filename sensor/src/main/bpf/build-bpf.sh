#!/usr/bin/env bash
# Compiles the eBPF probe into OUT_DIR/falconet.bpf.o (run by Maven in generate-resources).
# Without clang the build goes on without the probe; `falconet sensor` then says what to install.
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build-bpf.sh OUT_DIR}"
mkdir -p "$out"
if ! command -v clang >/dev/null 2>&1 || [ ! -f /usr/include/bpf/bpf_helpers.h ]; then
  echo "[falconet] clang or libbpf headers missing: building without the eBPF probe (apt-get install clang libbpf-dev llvm)" >&2
  rm -f "$out/falconet.bpf.o"
  exit 0
fi
obj="$out/falconet.bpf.o"
# rebuild only when a source is newer than the object
if [ -f "$obj" ] && [ -z "$(find "$src" -newer "$obj" -type f \( -name '*.c' -o -name '*.h' \) -print -quit)" ]; then
  exit 0
fi
clang -O2 -g -Wall -Werror -target bpf -D__TARGET_ARCH_x86 -I"$src" -c "$src/falconet.bpf.c" -o "$obj.tmp"
# drop DWARF, keep BTF (CO-RE needs it)
if command -v llvm-strip >/dev/null 2>&1; then llvm-strip -g "$obj.tmp"; fi
mv "$obj.tmp" "$obj"
