/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The syscall hook: sys_exit turns an interesting syscall into one exit record, taking the
 * arguments from the user registers and reading user memory (paths, socket addresses) only
 * now, when the pages the call used are resident.
 */
#ifndef FALCONET_HOOKS_SYSCALL_H
#define FALCONET_HOOKS_SYSCALL_H

#include "common.h"

static __always_inline u32 put_arg(u8 *buf, u32 off, u32 i, u8 kind, const u64 *args, s64 res,
				   struct task_struct *task)
{
	u64 a = args[i & 7];
	switch (kind) {
	case ARG_STR:
		return put_user_str(buf, off, i, kind, (const void *)a);
	case ARG_SOCKADDR:
		return put_user_bytes(buf, off, i, kind, (const void *)a, i < 5 ? (u32)args[(i + 1) & 7] : 0);
	case ARG_SOCKADDR_LENP: {
		u32 len = 0;
		if (i < 5 && args[(i + 1) & 7])
			bpf_probe_read_user(&len, sizeof(len), (const void *)args[(i + 1) & 7]);
		if (len > 128)
			len = 128;
		return put_user_bytes(buf, off, i, kind, (const void *)a, len);
	}
	case ARG_TUPLE_FD:
		return put_tuple(buf, off, i, task, (s64)a);
	case ARG_TUPLE_RES:
		return put_tuple(buf, off, i, task, res);
	case ARG_INT_PAIR:
		return put_user_bytes(buf, off, i, kind, (const void *)a, 8);
	case ARG_OPEN_HOW:
		return put_user_bytes(buf, off, i, kind, (const void *)a, 16);
	case ARG_FILE_RES:
		return put_file_info(buf, off, i, task, res);
	case ARG_FILE_FD:
		return put_file_info(buf, off, i, task, (s64)a);
	}
	return off;
}

/*
 * One hook per syscall: at exit the six argument registers still hold what the call was given
 * (the kernel writes only the return value), so nothing is kept between enter and exit. The one
 * exception is a successful execve, whose registers belong to the new image: its record takes
 * nothing from them (the exec hook sends the program, SYS_STR_ON_FAILURE skips the strings).
 */
SEC("tp_btf/sys_exit")
int BPF_PROG(falconet_sys_exit, struct pt_regs *regs, long ret)
{
	/* an untraced syscall costs one array lookup */
	u32 nr = (u32)regs->orig_ax;
	if (nr >= MAX_SYSCALLS)
		return 0;
	struct sys_cfg *cfg = bpf_map_lookup_elem(&syscalls, &nr);
	if (!cfg || !(cfg->flags & SYS_ENABLED))
		return 0;
	u64 pid_tgid = bpf_get_current_pid_tgid();
	if ((u32)(pid_tgid >> 32) == self_tgid)
		return 0;
	u8 *buf = scratch_buf();
	if (!buf)
		return 0;
	struct task_struct *task = bpf_get_current_task_btf();
	struct rec_hdr *h = (struct rec_hdr *)buf;
	fill_hdr(h, REC_SYSCALL, (u16)nr, task);
	h->res = ret;
	h->args[0] = regs->di;
	h->args[1] = regs->si;
	h->args[2] = regs->dx;
	h->args[3] = regs->r10;
	h->args[4] = regs->r8;
	h->args[5] = regs->r9;
	u32 off = sizeof(struct rec_hdr);
	bool read_user = !(cfg->flags & SYS_STR_ON_FAILURE) || ret < 0;
	for (u32 i = 0; i < 6; i++) {
		u8 kind = cfg->kind[i];
		if (kind == ARG_NONE)
			continue;
		if (!read_user && (kind == ARG_STR || kind == ARG_SOCKADDR || kind == ARG_SOCKADDR_LENP))
			continue;
		off = put_arg(buf, off, i, kind, h->args, ret, task);
	}
	submit(buf, off);
	return 0;
}

#endif
