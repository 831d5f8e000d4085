/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The record layout the probes write into the ring buffer; RecordLayout.java mirrors it.
 * All numbers are little endian. A record is a fixed header followed by blobs; each blob
 * starts with a 4-byte blob header (tag, kind, length) and is padded to 4 bytes.
 */
#ifndef FALCONET_RECORDS_H
#define FALCONET_RECORDS_H

/* record kinds */
#define REC_SYSCALL 1   /* a syscall exit: nr, res, the six raw arguments, blobs per argument */
#define REC_EXEC 2      /* sched_process_exec: the new program and its process state */
#define REC_FORK 3      /* sched_process_fork: args[0..3] = child tid, child pid, parent tid, parent pid */
#define REC_EXIT 4      /* sched_process_exit: res = exit code */

struct rec_hdr {
	u64 ts;         /* bpf_ktime_get_boot_ns() */
	u32 tid;
	u32 pid;
	u16 kind;
	u16 nr;         /* syscall number (REC_SYSCALL, REC_EXEC) */
	u32 len;        /* whole record, header included */
	s64 res;
	u64 args[6];
	u32 euid;
	u32 egid;
};

struct blob_hdr {
	u8 tag;         /* argument index for syscall blobs, a BLOB_* tag otherwise */
	u8 kind;        /* ARG_* kind the blob was read as */
	u16 len;        /* payload length, without this header and the padding */
};

/* per-argument kinds, set by user space in the syscall table */
#define ARG_NONE 0
#define ARG_STR 1           /* NUL-terminated user string (a path) */
#define ARG_SOCKADDR 2      /* user sockaddr, length in the next argument */
#define ARG_SOCKADDR_LENP 3 /* user sockaddr, length behind a user pointer in the next argument */
#define ARG_TUPLE_FD 4      /* the socket tuple of the fd in this argument */
#define ARG_TUPLE_RES 5     /* the socket tuple of the fd the syscall returned */
#define ARG_INT_PAIR 6      /* two ints behind a user pointer (pipe, socketpair) */
#define ARG_OPEN_HOW 7      /* struct open_how behind a user pointer: flags, mode */
#define ARG_FILE_RES 8      /* dev and inode of the file the returned fd names */
#define ARG_FILE_FD 9       /* dev and inode of the file the fd in this argument names */

/* syscall table flags */
#define SYS_ENABLED 1
#define SYS_STR_ON_FAILURE 2 /* read user memory only when the call failed (execve: the old image is gone) */

struct sys_cfg {
	u8 flags;
	u8 pad;
	u8 kind[6];
};

/* tags of exec blobs */
#define BLOB_FILENAME 100
#define BLOB_ARGS 101       /* argv as the kernel keeps it: NUL-separated */
#define BLOB_EXE_DENTRY 102 /* one path component of the executable, leaf first */
#define BLOB_CGROUP 103     /* one component of the pids cgroup path, leaf first */
#define BLOB_CGROUP2 104    /* one component of the unified cgroup path, leaf first */
#define BLOB_EXEC_INFO 105  /* struct exec_info */

#define EXE_WRITABLE 1
#define EXE_UPPER_LAYER 2
#define EXE_FROM_MEMFD 4
#define EXE_LOWER_LAYER 8

struct exec_info {
	u32 exe_flags;
	u32 loginuid;
	u32 tty_major;
	u32 tty_minor;
	u64 exe_ino;
	u64 exe_ctime;
	u64 exe_mtime;
	u64 cap_effective;
	u64 cap_permitted;
	u64 cap_inheritable;
	u64 start_boottime;
	u32 ppid;
	u32 uid;
	u32 gid;
	u32 exe_path_complete; /* the dentry walk reached the process's root */
	char comm[16];
};

struct tuple_info {
	u16 family;
	u16 proto;
	u16 type;
	u16 lport;
	u16 rport;
	u16 pad;
	u8 laddr[16];
	u8 raddr[16];
};

struct file_info {
	u64 ino;
	u32 dev;
	u32 flags;
};

/* counters: a per-CPU array, one slot each */
#define CNT_RECORDS 0     /* records written */
#define CNT_RB_DROPS 1    /* records lost: ring buffer full */
#define CNT_MAX 2



_Static_assert(sizeof(struct rec_hdr) == 88, "RecordLayout.HEADER");
_Static_assert(sizeof(struct exec_info) == 104, "RecordLayout.EXEC_INFO");
_Static_assert(sizeof(struct tuple_info) == 44, "RecordLayout.TUPLE");
_Static_assert(sizeof(struct file_info) == 16, "RecordLayout.FILE_INFO");

#endif
