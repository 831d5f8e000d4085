/* SPDX-License-Identifier: GPL-2.0 */
/* Maps and helpers shared by the hook families. */
#ifndef FALCONET_COMMON_H
#define FALCONET_COMMON_H

#include "kernel_types.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "records.h"

#define MAX_SYSCALLS 512
#define SCRATCH_SIZE 32768
/* a blob may start at or below this offset; the largest blob (4 KiB + header) still fits */
#define SCRATCH_LIMIT 16383
#define MAX_STR 4096
#define MAX_NAME 256
#define OVERLAYFS_SUPER_MAGIC 0x794c7630
#define SB_RDONLY 1
#define S_IMMUTABLE 8
#define CAP_DAC_OVERRIDE 1

/* the Java consumer's process: its own syscalls are not traced */
const volatile u32 self_tgid = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 * 1024 * 1024); /* resized by the loader (--ring-size) */
} events SEC(".maps");

/* which syscalls to trace and how to read their arguments; filled by user space */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, u32);
	__type(value, struct sys_cfg);
} syscalls SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, u8[SCRATCH_SIZE]);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, CNT_MAX);
	__type(key, u32);
	__type(value, u64);
} counters SEC(".maps");

static __always_inline void count(u32 slot)
{
	u64 *c = bpf_map_lookup_elem(&counters, &slot);
	if (c)
		*c += 1;
}

static __always_inline u8 *scratch_buf(void)
{
	u32 zero = 0;
	return bpf_map_lookup_elem(&scratch, &zero);
}

/* off, bounded for the verifier (clang may otherwise test one register and index with another) */
static __always_inline u64 bounded(u32 off)
{
	u64 o = off;
	asm volatile("%0 &= 16383" : "+r"(o));
	return o;
}

static __always_inline void fill_hdr(struct rec_hdr *h, u16 kind, u16 nr, struct task_struct *task)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	h->ts = bpf_ktime_get_boot_ns();
	h->tid = (u32)pid_tgid;
	h->pid = pid_tgid >> 32;
	h->kind = kind;
	h->nr = nr;
	h->len = 0;
	h->res = 0;
	/* task is a BTF pointer: plain loads (checked by the verifier) instead of probe reads */
	const struct cred *cred = task->cred;
	h->euid = cred->euid.val;
	h->egid = cred->egid.val;
}

/* Ends a blob written at off with a payload of len bytes; returns the next blob's offset. */
static __always_inline u32 close_blob(u8 *buf, u32 off, u8 tag, u8 kind, long len)
{
	if (len < 0)
		len = 0;
	if (off > SCRATCH_LIMIT)
		return off;
	struct blob_hdr *b = (struct blob_hdr *)&buf[bounded(off)];
	b->tag = tag;
	b->kind = kind;
	b->len = (u16)len;
	return off + sizeof(struct blob_hdr) + (((u32)len + 3) & ~3u);
}

static __always_inline u32 put_user_str(u8 *buf, u32 off, u8 tag, u8 kind, const void *ptr)
{
	if (off > SCRATCH_LIMIT)
		return off;
	long n = bpf_probe_read_user_str(&buf[bounded(off) + sizeof(struct blob_hdr)], MAX_STR, ptr);
	return close_blob(buf, off, tag, kind, n > 0 ? n - 1 : 0);
}

static __always_inline u32 put_kernel_str(u8 *buf, u32 off, u8 tag, u8 kind, const void *ptr, u32 max)
{
	if (off > SCRATCH_LIMIT)
		return off;
	long n = bpf_probe_read_kernel_str(&buf[bounded(off) + sizeof(struct blob_hdr)], max & (MAX_STR - 1), ptr);
	return close_blob(buf, off, tag, kind, n > 0 ? n - 1 : 0);
}

static __always_inline u32 put_user_bytes(u8 *buf, u32 off, u8 tag, u8 kind, const void *ptr, u32 len)
{
	if (off > SCRATCH_LIMIT)
		return off;
	if (len > MAX_STR - 1)
		len = MAX_STR - 1;
	u64 n = len;
	/* keep the verifier's bound on n: clang would otherwise reuse the unmasked register */
	asm volatile("%0 &= 4095" : "+r"(n));
	if (n == 0 || bpf_probe_read_user(&buf[bounded(off) + sizeof(struct blob_hdr)], n, ptr) < 0)
		len = 0;
	return close_blob(buf, off, tag, kind, len);
}

static __always_inline struct file *fd_file(struct task_struct *task, s64 fd)
{
	if (fd < 0)
		return 0;
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt || (u64)fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *f = 0;
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

static __always_inline u32 put_tuple(u8 *buf, u32 off, u8 tag, struct task_struct *task, s64 fd)
{
	if (off > SCRATCH_LIMIT)
		return off;
	struct file *f = fd_file(task, fd);
	if (!f)
		return off;
	struct socket *sock = BPF_CORE_READ(f, private_data);
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : 0;
	if (!sk)
		return off;
	struct tuple_info *t = (struct tuple_info *)&buf[bounded(off) + sizeof(struct blob_hdr)];
	__builtin_memset(t, 0, sizeof(*t));
	t->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	t->proto = BPF_CORE_READ(sk, sk_protocol);
	t->type = BPF_CORE_READ(sk, sk_type);
	t->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	t->rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (t->family == 2) {
		u32 l = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		u32 r = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__builtin_memcpy(t->laddr, &l, 4);
		__builtin_memcpy(t->raddr, &r, 4);
	} else if (t->family == 10) {
		BPF_CORE_READ_INTO(&t->laddr, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&t->raddr, sk, __sk_common.skc_v6_daddr);
	}
	return close_blob(buf, off, tag, ARG_TUPLE_FD, sizeof(*t));
}

static __always_inline u32 put_file_info(u8 *buf, u32 off, u8 tag, struct task_struct *task, s64 fd)
{
	if (off > SCRATCH_LIMIT)
		return off;
	struct file *f = fd_file(task, fd);
	if (!f)
		return off;
	struct file_info *fi = (struct file_info *)&buf[bounded(off) + sizeof(struct blob_hdr)];
	struct inode *ino = BPF_CORE_READ(f, f_inode);
	fi->ino = BPF_CORE_READ(ino, i_ino);
	fi->dev = BPF_CORE_READ(ino, i_sb, s_dev);
	fi->flags = BPF_CORE_READ(f, f_flags);
	return close_blob(buf, off, tag, ARG_FILE_FD, sizeof(*fi));
}

/* Sends the record built in the scratch buffer; counts a drop when the ring is full. */
static __always_inline void submit(u8 *buf, u32 len)
{
	struct rec_hdr *h = (struct rec_hdr *)buf;
	if (len > SCRATCH_SIZE - 1)
		len = SCRATCH_SIZE - 1;
	h->len = len;
	u64 n = len;
	asm volatile("%0 &= 32767" : "+r"(n));
	if (bpf_ringbuf_output(&events, buf, n, BPF_RB_NO_WAKEUP) < 0)
		count(CNT_RB_DROPS);
	else
		count(CNT_RECORDS);
}

#endif
