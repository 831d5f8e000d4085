package dev.falconet.scap;

import java.util.ArrayList;
import java.util.List;

/**
 * The scap event ids this reader decodes, with each one's syscall name, direction and parameter
 * list in file order (names and types as libscap's event table defines them; several ids exist for
 * one syscall because parameter lists grew over the years). Ids not listed here are counted and
 * skipped without decoding.
 */
final class ScapEventTable {
    /** Largest event id libscap 0.1.x knew; libscap skips (and does not number) events at or above its limit. */
    static final int MAX_ID = 454;
    static final int GENERIC_E = 0, GENERIC_X = 1;
    static final int PROCEXIT_E = 16, PROCEXIT_1_E = 186;
    static final int CONTAINER_JSON_E = 272, CONTAINER_JSON_2_E = 324;

    /** How a parameter's bytes are laid out and how it is rendered. */
    enum PType {
        I64, U64, I32, U32, U16, U8, FD, PID, ERRNO, UID, MODE, STR, PATH, BYTES, LIST, SOCKADDR, SOCKTUPLE,
        FLAGS_OPEN, FLAGS_EXE, ENUM_AF, ENUM_PTRACE, FLAGS16_OPEN, SYSCALLID, DYN
    }

    record Param(String name, PType type) {}

    /** One event id: the syscall (or libsinsp event) name, whether it is the enter half, its parameters. */
    record Def(int id, String name, boolean enter, Param[] params) {
        int indexOf(String p) {
            // names are interned and callers pass literals: identity first, equals as a fallback
            for (int i = 0; i < params.length; i++) if (params[i].name == p) return i;
            for (int i = 0; i < params.length; i++) if (params[i].name.equals(p)) return i;
            return -1;
        }
    }

    private static final Def[] DEFS = new Def[MAX_ID];

    static Def get(int id) {
        return id >= 0 && id < MAX_ID ? DEFS[id] : null;
    }

    private static void e(int id, String name, String params) {
        def(id, name, true, params);
    }

    private static void x(int id, String name, String params) {
        def(id, name, false, params);
    }

    private static void def(int id, String name, boolean enter, String spec) {
        List<Param> ps = new ArrayList<>();
        for (String tok : spec.trim().split("\\s+")) {
            if (tok.isEmpty()) continue;
            int c = tok.indexOf(':');
            ps.add(new Param(tok.substring(0, c).intern(), PType.valueOf(tok.substring(c + 1))));
        }
        DEFS[id] = new Def(id, name, enter, ps.toArray(Param[]::new));
    }

    private static final String CLONE_OLD = "res:PID exe:STR args:LIST tid:PID pid:PID ptid:PID cwd:STR fdlimit:I64 ";
    private static final String PGFT = "pgft_maj:U64 pgft_min:U64 vm_size:U32 vm_rss:U32 vm_swap:U32 ";
    private static final String EXEC_OLD = "res:ERRNO exe:STR args:LIST tid:PID pid:PID ptid:PID cwd:STR fdlimit:U64 ";
    private static final String EXEC_19 = EXEC_OLD + PGFT + "comm:STR cgroups:LIST env:LIST tty:U32 vpgid:PID loginuid:UID "
            + "flags:FLAGS_EXE cap_inheritable:U64 cap_permitted:U64 cap_effective:U64 exe_ino:U64 exe_ino_ctime:U64 "
            + "exe_ino_mtime:U64 uid:UID trusted_exepath:PATH pgid:PID gid:UID";

    static {
        e(GENERIC_E, "syscall", "ID:SYSCALLID nativeID:U16");
        x(GENERIC_X, "syscall", "ID:SYSCALLID nativeID:U16");
        e(2, "open", "name:PATH flags:FLAGS_OPEN mode:MODE");
        x(3, "open", "fd:FD name:PATH flags:FLAGS_OPEN mode:MODE dev:U32 ino:U64");
        e(4, "close", "fd:FD");
        x(5, "close", "res:ERRNO fd:FD");
        e(12, "execve", "");
        x(13, "execve", EXEC_OLD);
        e(14, "clone", "");
        x(15, "clone", CLONE_OLD + "flags:U32 uid:U32 gid:U32");
        e(PROCEXIT_E, "procexit", "");
        e(18, "socket", "domain:ENUM_AF type:U32 proto:U32");
        x(19, "socket", "fd:FD domain:ENUM_AF type:U32 proto:U32 flags:FLAGS_OPEN");
        e(20, "bind", "fd:FD");
        x(21, "bind", "res:ERRNO addr:SOCKADDR fd:FD");
        e(22, "connect", "fd:FD addr:SOCKADDR");
        x(23, "connect", "res:ERRNO tuple:SOCKTUPLE fd:FD addr:SOCKADDR");
        e(24, "listen", "fd:FD backlog:I32");
        x(25, "listen", "res:ERRNO fd:FD backlog:I32");
        e(26, "accept", "");
        x(27, "accept", "fd:FD tuple:SOCKTUPLE queuepct:U8");
        e(30, "sendto", "fd:FD size:U32 tuple:SOCKTUPLE");
        x(31, "sendto", "res:ERRNO data:BYTES fd:FD size:U32 tuple:SOCKTUPLE");
        e(34, "recvfrom", "fd:FD size:U32");
        x(35, "recvfrom", "res:ERRNO data:BYTES tuple:SOCKTUPLE fd:FD size:U32");
        e(42, "socketpair", "domain:ENUM_AF type:U32 proto:U32");
        x(43, "socketpair", "res:ERRNO fd1:FD fd2:FD source:U64 peer:U64 domain:ENUM_AF type:U32 proto:U32");
        e(48, "sendmsg", "fd:FD size:U32 tuple:SOCKTUPLE");
        x(49, "sendmsg", "res:ERRNO data:BYTES fd:FD size:U32 tuple:SOCKTUPLE");
        e(52, "recvmsg", "fd:FD");
        x(53, "recvmsg", "res:ERRNO size:U32 data:BYTES tuple:SOCKTUPLE msgcontrol:BYTES fd:FD");
        e(56, "accept4", "flags:I32");
        x(57, "accept4", "fd:FD tuple:SOCKTUPLE queuepct:U8");
        e(58, "creat", "name:PATH mode:MODE");
        x(59, "creat", "fd:FD name:PATH mode:MODE dev:U32 ino:U64 creat_flags:U16");
        e(60, "pipe", "");
        x(61, "pipe", "res:ERRNO fd1:FD fd2:FD ino:U64");
        e(94, "chdir", "");
        x(95, "chdir", "res:ERRNO path:STR");
        e(96, "fchdir", "fd:FD");
        x(97, "fchdir", "res:ERRNO fd:FD");
        e(98, "mkdir", "path:PATH mode:MODE");
        x(99, "mkdir", "res:ERRNO");
        e(100, "rmdir", "path:PATH");
        x(101, "rmdir", "res:ERRNO");
        e(102, "openat", "dirfd:FD name:PATH flags:FLAGS_OPEN mode:MODE");
        x(103, "openat", "fd:FD");
        e(104, "link", "oldpath:PATH newpath:PATH");
        x(105, "link", "res:ERRNO");
        e(106, "linkat", "olddir:FD oldpath:PATH newdir:FD newpath:PATH");
        x(107, "linkat", "res:ERRNO");
        e(108, "unlink", "path:PATH");
        x(109, "unlink", "res:ERRNO");
        e(110, "unlinkat", "dirfd:FD name:PATH");
        x(111, "unlinkat", "res:ERRNO");
        e(124, "dup", "fd:FD");
        x(125, "dup", "res:FD");
        e(150, "fcntl", "fd:FD cmd:U8");
        x(151, "fcntl", "res:FD fd:FD cmd:U8 arg:U64");
        e(156, "clone", "");
        x(157, "clone", CLONE_OLD + PGFT + "flags:U32 uid:U32 gid:U32");
        e(168, "ptrace", "request:ENUM_PTRACE pid:PID");
        x(169, "ptrace", "res:ERRNO addr:DYN data:DYN request:ENUM_PTRACE pid:PID");
        e(172, "execve", "");
        x(173, "execve", EXEC_OLD + PGFT + "env:LIST");
        e(174, "rename", "");
        x(175, "rename", "res:ERRNO oldpath:PATH newpath:PATH");
        e(176, "renameat", "");
        x(177, "renameat", "res:ERRNO olddirfd:FD oldpath:PATH newdirfd:FD newpath:PATH");
        e(178, "symlink", "");
        x(179, "symlink", "res:ERRNO target:STR linkpath:PATH");
        e(180, "symlinkat", "");
        x(181, "symlinkat", "res:ERRNO target:STR linkdirfd:FD linkpath:PATH");
        e(182, "fork", "");
        x(183, "fork", CLONE_OLD + PGFT + "flags:U32 uid:U32 gid:U32");
        e(184, "vfork", "");
        x(185, "vfork", CLONE_OLD + PGFT + "flags:U32 uid:U32 gid:U32");
        e(PROCEXIT_1_E, "procexit", "status:ERRNO ret:ERRNO sig:U8 core:U8 reaper_tid:PID");
        e(192, "setresuid", "ruid:UID euid:UID suid:UID");
        x(193, "setresuid", "res:ERRNO ruid:UID euid:UID suid:UID");
        e(194, "setresgid", "rgid:UID egid:UID sgid:UID");
        x(195, "setresgid", "res:ERRNO rgid:UID egid:UID sgid:UID");
        e(198, "setuid", "uid:UID");
        x(199, "setuid", "res:ERRNO uid:UID");
        e(200, "setgid", "gid:UID");
        x(201, "setgid", "res:ERRNO gid:UID");
        e(214, "execve", "");
        x(215, "execve", EXEC_OLD + PGFT + "comm:STR env:LIST");
        e(216, "clone", "");
        x(217, "clone", CLONE_OLD + PGFT + "comm:STR flags:U32 uid:U32 gid:U32");
        e(218, "fork", "");
        x(219, "fork", CLONE_OLD + PGFT + "comm:STR flags:U32 uid:U32 gid:U32");
        e(220, "vfork", "");
        x(221, "vfork", CLONE_OLD + PGFT + "comm:STR flags:U32 uid:U32 gid:U32");
        String clone20 = CLONE_OLD + PGFT + "comm:STR cgroups:LIST flags:U32 uid:U32 gid:U32 vtid:PID vpid:PID pidns_init_start_ts:U64";
        e(222, "clone", "");
        x(223, "clone", clone20);
        e(224, "fork", "");
        x(225, "fork", clone20);
        e(226, "vfork", "");
        x(227, "vfork", clone20);
        e(230, "execve", "");
        x(231, "execve", EXEC_OLD + PGFT + "comm:STR cgroups:LIST env:LIST");
        e(240, "setns", "fd:FD nstype:U32");
        x(241, "setns", "res:ERRNO fd:FD nstype:U32");
        e(246, "accept", "");
        x(247, "accept", "fd:FD tuple:SOCKTUPLE queuepct:U8 queuelen:U32 queuemax:U32");
        e(248, "accept4", "flags:I32");
        x(249, "accept4", "fd:FD tuple:SOCKTUPLE queuepct:U8 queuelen:U32 queuemax:U32");
        e(266, "chroot", "");
        x(267, "chroot", "res:ERRNO path:PATH");
        e(276, "mkdir", "mode:MODE");
        x(277, "mkdir", "res:ERRNO path:PATH mode:MODE");
        e(278, "rmdir", "");
        x(279, "rmdir", "res:ERRNO path:PATH");
        e(282, "execve", "");
        x(283, "execve", EXEC_OLD + PGFT + "comm:STR cgroups:LIST env:LIST tty:I32");
        e(284, "unshare", "flags:U32");
        x(285, "unshare", "res:ERRNO flags:U32");
        e(288, "execve", "filename:PATH");
        x(289, "execve", EXEC_OLD + PGFT + "comm:STR cgroups:LIST env:LIST tty:I32");
        e(292, "execve", "filename:PATH");
        x(293, "execve", EXEC_19 + " filename:PATH");
        e(300, "unlink", "");
        x(301, "unlink", "res:ERRNO path:PATH");
        e(302, "unlinkat", "");
        x(303, "unlinkat", "res:ERRNO dirfd:FD name:PATH flags:U32");
        e(304, "mkdirat", "");
        x(305, "mkdirat", "res:ERRNO dirfd:FD path:PATH mode:MODE");
        e(306, "openat", "dirfd:FD name:PATH flags:FLAGS_OPEN mode:MODE");
        x(307, "openat", "fd:FD dirfd:FD name:PATH flags:FLAGS_OPEN mode:MODE dev:U32 ino:U64");
        e(308, "link", "");
        x(309, "link", "res:ERRNO oldpath:PATH newpath:PATH");
        e(310, "linkat", "");
        x(311, "linkat", "res:ERRNO olddir:FD oldpath:PATH newdir:FD newpath:PATH flags:U32");
        e(312, "fchmodat", "");
        x(313, "fchmodat", "res:ERRNO dirfd:FD filename:PATH mode:MODE");
        e(314, "chmod", "");
        x(315, "chmod", "res:ERRNO filename:PATH mode:MODE");
        e(316, "fchmod", "");
        x(317, "fchmod", "res:ERRNO fd:FD mode:MODE");
        e(318, "renameat2", "");
        x(319, "renameat2", "res:ERRNO olddirfd:FD oldpath:PATH newdirfd:FD newpath:PATH flags:U32");
        e(320, "userfaultfd", "");
        x(321, "userfaultfd", "res:ERRNO flags:U32");
        e(326, "openat2", "dirfd:FD name:PATH flags:FLAGS_OPEN mode:MODE resolve:U32");
        x(327, "openat2", "fd:FD dirfd:FD name:PATH flags:FLAGS_OPEN mode:MODE resolve:U32 dev:U32 ino:U64");
        e(330, "execveat", "dirfd:FD pathname:PATH flags:U32");
        x(331, "execveat", EXEC_19);
        e(334, "clone3", "");
        x(335, "clone3", clone20);
        e(352, "capset", "");
        x(353, "capset", "res:ERRNO cap_inheritable:U64 cap_permitted:U64 cap_effective:U64");
        e(362, "dup2", "fd:FD");
        x(363, "dup2", "res:FD oldfd:FD newfd:FD");
        e(364, "dup3", "fd:FD");
        x(365, "dup3", "res:FD oldfd:FD newfd:FD flags:FLAGS_OPEN");
        e(366, "dup", "fd:FD");
        x(367, "dup", "res:FD oldfd:FD");
        e(368, "bpf", "cmd:I64");
        x(369, "bpf", "fd:FD cmd:I32");
        e(388, "accept4", "flags:I32");
        x(389, "accept4", "fd:FD tuple:SOCKTUPLE queuepct:U8 queuelen:U32 queuemax:U32 flags:I32");
        e(392, "pipe2", "");
        x(393, "pipe2", "res:ERRNO fd1:FD fd2:FD ino:U64 flags:FLAGS_OPEN");
        e(404, "memfd_create", "");
        x(405, "memfd_create", "fd:FD name:STR flags:U32");
        e(410, "init_module", "");
        x(411, "init_module", "res:ERRNO img:BYTES length:U64 uargs:STR");
        e(412, "finit_module", "");
        x(413, "finit_module", "res:ERRNO fd:FD uargs:STR flags:U32");
    }

    private ScapEventTable() {}
}
