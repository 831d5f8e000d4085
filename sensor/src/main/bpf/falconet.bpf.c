// SPDX-License-Identifier: GPL-2.0
/*
 * The Falconet probe: one BPF object with two hook families (hooks_syscall.h, hooks_sched.h)
 * sharing one ring buffer and the maps in common.h. Built by build-bpf.sh during the Maven build.
 */
#include "common.h"
#include "hooks_syscall.h"
#include "hooks_sched.h"

char LICENSE[] SEC("license") = "GPL";
