package dev.falconet.sensor.decode;

import dev.falconet.event.EventTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.falconet.sensor.decode.RecordLayout.ARG_FILE_FD;
import static dev.falconet.sensor.decode.RecordLayout.ARG_FILE_RES;
import static dev.falconet.sensor.decode.RecordLayout.ARG_INT_PAIR;
import static dev.falconet.sensor.decode.RecordLayout.ARG_NONE;
import static dev.falconet.sensor.decode.RecordLayout.ARG_OPEN_HOW;
import static dev.falconet.sensor.decode.RecordLayout.ARG_SOCKADDR;
import static dev.falconet.sensor.decode.RecordLayout.ARG_SOCKADDR_LENP;
import static dev.falconet.sensor.decode.RecordLayout.ARG_STR;
import static dev.falconet.sensor.decode.RecordLayout.ARG_TUPLE_FD;
import static dev.falconet.sensor.decode.RecordLayout.ARG_TUPLE_RES;

/**
 * The syscalls the probe can trace and how it reads each one's arguments at exit (x86_64
 * argument positions). A syscall not listed here is never traced. {@link #STATE_SET} is what the
 * state stage needs whatever the rules say; {@link #RULE_EVENTS} what the upstream rule files name.
 */
public final class SyscallTable {
    /** How the probe reads one syscall: a kind per argument slot, and flags. */
    public record Spec(String name, int nr, int[] kinds, boolean userMemoryOnFailureOnly) {}

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    private static void def(String name, int... kinds) {
        add(name, false, kinds);
    }

    private static void add(String name, boolean onFailure, int... kinds) {
        int nr = EventTypes.id(name);
        if (nr < 0 || nr >= EventTypes.FIRST_NON_SYSCALL) throw new IllegalStateException("unknown syscall " + name);
        int[] k = new int[6];
        System.arraycopy(kinds, 0, k, 0, kinds.length);
        SPECS.put(name, new Spec(name, nr, k, onFailure));
    }

    static {
        final int N = ARG_NONE, S = ARG_STR;
        // files: the fd's dev/inode read through the returned fd in an unused slot
        def("open", S, N, N, N, N, ARG_FILE_RES);
        def("openat", N, S, N, N, N, ARG_FILE_RES);
        def("openat2", N, S, ARG_OPEN_HOW, N, N, ARG_FILE_RES);
        def("creat", S, N, N, N, N, ARG_FILE_RES);
        // the old image's memory is gone after a successful exec: its strings come from the exec hook
        add("execve", true, S);
        add("execveat", true, N, S);
        def("symlink", S, S);
        def("symlinkat", S, N, S);
        def("link", S, S);
        def("linkat", N, S, N, S);
        def("unlink", S);
        def("unlinkat", N, S);
        def("rename", S, S);
        def("renameat", N, S, N, S);
        def("renameat2", N, S, N, S);
        def("mkdir", S);
        def("mkdirat", N, S);
        def("rmdir", S);
        def("chmod", S);
        def("fchmod", ARG_FILE_FD);
        def("fchmodat", N, S);
        def("chdir", S);
        def("fchdir");
        def("chroot", S);
        def("mount", S, S, S);
        def("umount2", S);
        def("memfd_create", S);
        def("init_module", N, N, S);
        def("finit_module", N, S);
        // sockets
        def("socket");
        def("socketpair", N, N, N, ARG_INT_PAIR);
        def("connect", ARG_TUPLE_FD, ARG_SOCKADDR);
        def("bind", ARG_TUPLE_FD, ARG_SOCKADDR);
        def("listen");
        def("accept", N, N, N, N, N, ARG_TUPLE_RES);
        def("accept4", N, N, N, N, N, ARG_TUPLE_RES);
        def("sendto", ARG_TUPLE_FD, N, N, N, ARG_SOCKADDR);
        def("sendmsg", ARG_TUPLE_FD);
        def("sendmmsg", ARG_TUPLE_FD);
        def("recvfrom", ARG_TUPLE_FD, N, N, N, ARG_SOCKADDR_LENP);
        def("recvmsg", ARG_TUPLE_FD);
        def("recvmmsg", ARG_TUPLE_FD);
        def("shutdown");
        def("getsockopt");
        // fds
        def("close");
        def("close_range");
        def("dup");
        def("dup2");
        def("dup3");
        def("fcntl");
        def("pipe", ARG_INT_PAIR);
        def("pipe2", ARG_INT_PAIR);
        def("eventfd");
        def("eventfd2");
        def("signalfd");
        def("signalfd4");
        def("timerfd_create");
        def("inotify_init");
        def("inotify_init1");
        def("epoll_create");
        def("epoll_create1");
        def("userfaultfd");
        def("io_uring_setup");
        def("pidfd_open");
        def("pidfd_getfd");
        def("bpf");
        // no arguments, no rule uses it: benchmarks trace it (-e getppid) to measure the pipeline alone
        def("getppid");
        // PR_SET_NAME passes the new comm as a string in the second argument
        def("prctl", N, S);
        // credentials, namespaces, process
        for (String s : List.of("setuid", "setgid", "setresuid", "setresgid", "setreuid", "setregid", "capset",
                "setns", "unshare", "ptrace", "setsid", "clone", "clone3", "fork", "vfork"))
            def(s);
    }

    /** Events the state stage always needs (besides fork/exec/exit, which have their own hooks). */
    public static final Set<String> STATE_SET = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "execve", "execveat", "prctl", "setsid", "chdir", "fchdir", "chroot",
            "setuid", "setgid", "setresuid", "setresgid", "setreuid", "setregid", "capset",
            "open", "openat", "openat2", "creat", "close", "close_range", "dup", "dup2", "dup3",
            "pipe", "pipe2", "eventfd", "eventfd2", "signalfd", "signalfd4", "timerfd_create",
            "inotify_init", "inotify_init1", "epoll_create", "epoll_create1", "memfd_create", "userfaultfd",
            "io_uring_setup", "pidfd_open", "pidfd_getfd", "fcntl", "socket", "socketpair", "bind", "connect",
            "accept", "accept4", "shutdown", "getsockopt", "sendto", "sendmsg", "sendmmsg", "recvfrom",
            "recvmsg", "recvmmsg", "mount", "umount2")));

    /** Every event type the four upstream rule files name (Part D of the language reference). */
    public static final Set<String> RULE_EVENTS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "execve", "execveat", "open", "openat", "openat2", "connect", "sendto", "sendmsg", "socket",
            "symlink", "symlinkat", "link", "linkat", "dup", "dup2", "dup3", "init_module", "finit_module",
            "ptrace", "accept", "accept4", "listen", "recvfrom", "recvmsg", "creat", "chmod", "fchmod",
            "fchmodat", "mkdir", "mkdirat", "rename", "renameat", "renameat2", "rmdir", "unlink", "unlinkat",
            "setns", "unshare", "setuid", "bpf", "userfaultfd")));

    private SyscallTable() {}

    /** The spec of a syscall name, or null when the probe cannot trace it. */
    public static Spec spec(String name) {
        return SPECS.get(name);
    }

    public static Spec spec(int nr) {
        String name = EventTypes.name(nr);
        return name == null ? null : SPECS.get(name);
    }

    public static Set<String> traceable() {
        return Collections.unmodifiableSet(SPECS.keySet());
    }

    /**
     * The syscalls to enable: the state set plus the requested events that can be traced.
     * Names that cannot be traced (not syscalls, or not in this table) are returned in {@code skipped}.
     */
    public static Set<String> selection(Set<String> requested, Set<String> skipped) {
        Set<String> out = new LinkedHashSet<>(STATE_SET);
        for (String r : requested) {
            if (SPECS.containsKey(r)) out.add(r);
            else skipped.add(r);
        }
        return out;
    }
}
