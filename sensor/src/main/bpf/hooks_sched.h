/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Process lifecycle hooks (tp_btf): exec sends the new program with the process state the
 * rules read (exe flags, exe inode times, loginuid, tty, capabilities, cgroups); fork and exit
 * keep the user-space thread table in step with the kernel.
 */
#ifndef FALCONET_HOOKS_SCHED_H
#define FALCONET_HOOKS_SCHED_H

#include "common.h"

#define MAX_PATH_DEPTH 24
#define MAX_CGROUP_DEPTH 8

static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(kn->__parent))
		return BPF_CORE_READ(kn, __parent);
	struct kernfs_node___pre615 *old = (void *)kn;
	return BPF_CORE_READ(old, parent);
}

struct walk_ctx {
	u8 *buf;
	u32 off;
	u8 tag;
	u32 complete;
	struct kernfs_node *kn;
	struct dentry *dentry;
	struct dentry *root;
	struct dentry *mnt_root;
	bool exe_mnt_is_root;
};

/* one step up a cgroup path (bpf_loop callback: keeps the verifier's work independent of the depth) */
static long cgroup_step(u32 i, void *data)
{
	struct walk_ctx *w = data;
	struct kernfs_node *kn = w->kn;
	if (!kn)
		return 1;
	struct kernfs_node *parent = kn_parent(kn);
	if (!parent)
		return 1; /* the root's name is "/" */
	w->off = put_kernel_str(w->buf, w->off, w->tag, 0, BPF_CORE_READ(kn, name), MAX_NAME);
	w->kn = parent;
	return 0;
}

static __always_inline u32 put_cgroup_path(u8 *buf, u32 off, u8 tag, struct cgroup *cg)
{
	struct walk_ctx w = {.buf = buf, .off = off, .tag = tag, .kn = cg ? BPF_CORE_READ(cg, kn) : 0};
	bpf_loop(MAX_CGROUP_DEPTH, cgroup_step, &w, 0);
	return w.off;
}

/* one step up the executable's path, leaf first, until the process's root or a mount root */
static long dentry_step(u32 i, void *data)
{
	struct walk_ctx *w = data;
	struct dentry *dentry = w->dentry;
	if (!dentry)
		return 1;
	if (dentry == w->root) {
		w->complete = 1;
		return 1;
	}
	struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
	if (dentry == w->mnt_root || parent == dentry) {
		/* a mount root: the path is complete only when this mount is the process's root */
		w->complete = w->exe_mnt_is_root;
		return 1;
	}
	w->off = put_kernel_str(w->buf, w->off, BLOB_EXE_DENTRY, 0, BPF_CORE_READ(dentry, d_name.name), MAX_NAME);
	w->dentry = parent;
	return 0;
}

/* Whether the inode is writable by the task, as the kernel's permission check would decide. */
static __always_inline bool exe_writable(struct inode *inode, const struct cred *cred)
{
	unsigned short mode = BPF_CORE_READ(inode, i_mode);
	unsigned long s_flags = BPF_CORE_READ(inode, i_sb, s_flags);
	if (s_flags & SB_RDONLY)
		return false;
	if (BPF_CORE_READ(inode, i_flags) & S_IMMUTABLE)
		return false;
	u32 fsuid = BPF_CORE_READ(cred, fsuid.val);
	u32 fsgid = BPF_CORE_READ(cred, fsgid.val);
	if (fsuid == BPF_CORE_READ(inode, i_uid.val)) {
		if (mode & 0200)
			return true;
	} else if (fsgid == BPF_CORE_READ(inode, i_gid.val)) {
		if (mode & 0020)
			return true;
	} else if (mode & 0002) {
		return true;
	}
	u64 caps = BPF_CORE_READ(cred, cap_effective.val);
	return (caps >> CAP_DAC_OVERRIDE) & 1;
}

/* Upper or lower overlayfs layer: an overlay inode is followed in struct ovl_inode by its upper dentry. */
static __always_inline u32 overlay_layer(struct file *exe)
{
	struct dentry *dentry = BPF_CORE_READ(exe, f_path.dentry);
	if (BPF_CORE_READ(dentry, d_sb, s_magic) != OVERLAYFS_SUPER_MAGIC)
		return 0;
	struct inode *vfs_inode = BPF_CORE_READ(dentry, d_inode);
	u32 inode_size = bpf_core_type_size(struct inode);
	struct dentry *upper = 0;
	bpf_probe_read_kernel(&upper, sizeof(upper), (char *)vfs_inode + inode_size);
	if (upper && BPF_CORE_READ(upper, d_inode))
		return EXE_UPPER_LAYER;
	return EXE_LOWER_LAYER;
}

static __always_inline void inode_times(struct inode *inode, struct exec_info *info)
{
	if (bpf_core_field_exists(inode->i_ctime_sec)) {
		/* since 6.13 the top bit of i_ctime_nsec is a flag (multigrain timestamps), not time */
		info->exe_ctime = BPF_CORE_READ(inode, i_ctime_sec) * 1000000000ULL + (BPF_CORE_READ(inode, i_ctime_nsec) & 0x3fffffff);
		info->exe_mtime = BPF_CORE_READ(inode, i_mtime_sec) * 1000000000ULL + BPF_CORE_READ(inode, i_mtime_nsec);
		return;
	}
	struct inode___66 *i66 = (void *)inode;
	if (bpf_core_field_exists(i66->__i_ctime)) {
		info->exe_ctime = BPF_CORE_READ(i66, __i_ctime.tv_sec) * 1000000000ULL + BPF_CORE_READ(i66, __i_ctime.tv_nsec);
		info->exe_mtime = BPF_CORE_READ(i66, i_mtime.tv_sec) * 1000000000ULL + BPF_CORE_READ(i66, i_mtime.tv_nsec);
		return;
	}
	struct inode___pre66 *old = (void *)inode;
	info->exe_ctime = BPF_CORE_READ(old, i_ctime.tv_sec) * 1000000000ULL + BPF_CORE_READ(old, i_ctime.tv_nsec);
	info->exe_mtime = BPF_CORE_READ(old, i_mtime.tv_sec) * 1000000000ULL + BPF_CORE_READ(old, i_mtime.tv_nsec);
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(falconet_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	if ((u32)p->tgid == self_tgid)
		return 0;
	u8 *buf = scratch_buf();
	if (!buf)
		return 0;
	struct rec_hdr *h = (struct rec_hdr *)buf;
	fill_hdr(h, REC_EXEC, 0, p);
	u32 off = sizeof(struct rec_hdr);
	off = put_kernel_str(buf, off, BLOB_FILENAME, 0, BPF_CORE_READ(bprm, filename), MAX_STR);

	struct mm_struct *mm = BPF_CORE_READ(p, mm);
	unsigned long arg_start = BPF_CORE_READ(mm, arg_start);
	unsigned long arg_end = BPF_CORE_READ(mm, arg_end);
	off = put_user_bytes(buf, off, BLOB_ARGS, 0, (const void *)arg_start, (u32)(arg_end - arg_start));

	struct file *exe = BPF_CORE_READ(mm, exe_file);
	struct dentry *dentry = BPF_CORE_READ(exe, f_path.dentry);
	struct vfsmount *exe_mnt = BPF_CORE_READ(exe, f_path.mnt);
	struct dentry *mnt_root = BPF_CORE_READ(exe_mnt, mnt_root);
	struct walk_ctx w = {.buf = buf, .off = off, .dentry = dentry, .mnt_root = mnt_root,
			     .root = BPF_CORE_READ(p, fs, root.dentry)};
	w.exe_mnt_is_root = w.root == mnt_root || BPF_CORE_READ(p, fs, root.mnt) == exe_mnt;
	bpf_loop(MAX_PATH_DEPTH, dentry_step, &w, 0);
	off = w.off;
	u32 complete = w.complete;

	struct css_set *cgroups = BPF_CORE_READ(p, cgroups);
	int pids_id = bpf_core_enum_value(enum cgroup_subsys_id, pids_cgrp_id);
	struct cgroup_subsys_state *css = 0;
	if (pids_id >= 0 && pids_id < 12)
		css = BPF_CORE_READ(cgroups, subsys[pids_id]);
	off = put_cgroup_path(buf, off, BLOB_CGROUP, css ? BPF_CORE_READ(css, cgroup) : 0);
	off = put_cgroup_path(buf, off, BLOB_CGROUP2, BPF_CORE_READ(cgroups, dfl_cgrp));

	if (off > SCRATCH_LIMIT)
		return 0;
	struct exec_info *info = (struct exec_info *)&buf[bounded(off) + sizeof(struct blob_hdr)];
	__builtin_memset(info, 0, sizeof(*info));
	const struct cred *cred = BPF_CORE_READ(p, cred);
	struct inode *inode = BPF_CORE_READ(exe, f_inode);
	u32 flags = 0;
	if (inode && exe_writable(inode, cred))
		flags |= EXE_WRITABLE;
	if (exe)
		flags |= overlay_layer(exe);
	const unsigned char *leaf = BPF_CORE_READ(exe, f_path.dentry, d_name.name);
	char prefix[6] = {};
	bpf_probe_read_kernel(prefix, sizeof(prefix), leaf);
	if (prefix[0] == 'm' && prefix[1] == 'e' && prefix[2] == 'm' && prefix[3] == 'f' && prefix[4] == 'd' && prefix[5] == ':')
		flags |= EXE_FROM_MEMFD;
	info->exe_flags = flags;
	info->exe_ino = BPF_CORE_READ(inode, i_ino);
	inode_times(inode, info);
	info->loginuid = BPF_CORE_READ(p, loginuid.val);
	struct tty_struct *tty = BPF_CORE_READ(p, signal, tty);
	if (tty) {
		info->tty_major = BPF_CORE_READ(tty, driver, major);
		info->tty_minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
	}
	info->cap_effective = BPF_CORE_READ(cred, cap_effective.val);
	info->cap_permitted = BPF_CORE_READ(cred, cap_permitted.val);
	info->cap_inheritable = BPF_CORE_READ(cred, cap_inheritable.val);
	info->start_boottime = BPF_CORE_READ(p, group_leader, start_boottime);
	info->ppid = BPF_CORE_READ(p, real_parent, tgid);
	info->uid = BPF_CORE_READ(cred, uid.val);
	info->gid = BPF_CORE_READ(cred, gid.val);
	info->exe_path_complete = complete;
	BPF_CORE_READ_STR_INTO(&info->comm, p, comm);
	off = close_blob(buf, off, BLOB_EXEC_INFO, 0, sizeof(*info));
	submit(buf, off);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(falconet_fork, struct task_struct *parent, struct task_struct *child)
{
	/* the sensor's own forks are reported: its children (podman inspect, tests) need a parent */
	struct rec_hdr h = {};
	fill_hdr(&h, REC_FORK, 0, parent);
	h.args[0] = (u32)child->pid;
	h.args[1] = (u32)child->tgid;
	h.args[2] = (u32)parent->pid;
	h.args[3] = (u32)parent->tgid;
	h.args[4] = child->start_boottime;
	h.len = sizeof(h);
	if (bpf_ringbuf_output(&events, &h, sizeof(h), BPF_RB_NO_WAKEUP) < 0)
		count(CNT_RB_DROPS);
	else
		count(CNT_RECORDS);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(falconet_exit, struct task_struct *p)
{
	if ((u32)p->tgid == self_tgid)
		return 0;
	struct rec_hdr h = {};
	fill_hdr(&h, REC_EXIT, 0, p);
	h.res = p->exit_code;
	h.len = sizeof(h);
	if (bpf_ringbuf_output(&events, &h, sizeof(h), BPF_RB_NO_WAKEUP) < 0)
		count(CNT_RB_DROPS);
	else
		count(CNT_RECORDS);
	return 0;
}

#endif
