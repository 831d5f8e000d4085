package dev.falconet.sensor.state;

import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.sensor.decode.EventArgs;
import dev.falconet.sensor.decode.Flags;
import dev.falconet.sensor.decode.ProbeRecord;
import dev.falconet.sensor.decode.SockAddr;
import dev.falconet.sensor.decode.SocketTuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The state stage: keeps libsinsp's view of processes up to date from the probe's records
 * (thread table, fd tables, users, containers) and turns each syscall exit into an
 * {@link Event} with its thread and fd filled in: the same model the replay path produces.
 *
 * <p>Fork and exit records change state only; exec records change state and are reported by
 * the execve exit that follows them. Exited threads stay a few seconds (their children's
 * ancestry still reads them), then go.
 */
public final class StateStage {
    private static final long AT_FDCWD = -100;
    private static final long EXITED_GRACE_NANOS = 5_000_000_000L;
    private static final int F_DUPFD = 0, F_DUPFD_CLOEXEC = 1030;
    private static final int PR_SET_NAME = 15;
    private static final int EINPROGRESS = -115;
    private static final int OPENAT = EventTypes.id("openat"), OPENAT2 = EventTypes.id("openat2"), CREAT = EventTypes.id("creat");

    private final ThreadTable threads = new ThreadTable();
    private final Map<Long, FdTable> fdTables = new HashMap<>();
    private final Map<Long, ProbeRecord.ExecRecord> lastExec = new HashMap<>();
    private final ArrayDeque<long[]> exited = new ArrayDeque<>();
    private final ProcScanner proc;
    private final UserDirectory users;
    private final ContainerRegistry containers;
    private final long bootToEpoch;
    private final boolean emitProcexit;
    private IntPredicate wanted = type -> true;
    private long lastFdPid = -1, lastTid = -1;
    private FdTable lastFdTable;
    private ThreadInfo lastThread;
    private long num;

    /**
     * @param emitProcexit also produce {@code procexit} events (when a rule asks for them)
     */
    public StateStage(ProcScanner proc, UserDirectory users, ContainerRegistry containers, long bootToEpoch,
                      boolean emitProcexit) {
        this.proc = proc;
        this.users = users;
        this.containers = containers;
        this.bootToEpoch = bootToEpoch;
        this.emitProcexit = emitProcexit;
    }

    /**
     * Which event types to emit: the state is kept for every record, but an event that nobody reads
     * (no rule for its type, no recording or printing) is not built.
     */
    public void emitOnly(IntPredicate eventTypes) {
        this.wanted = java.util.Objects.requireNonNull(eventTypes, "eventTypes");
    }

    /** Fills the tables from /proc: call once, before the first record. */
    public void bootstrap() {
        proc.bootstrap(threads, fdTables, this::assignContainer);
        lastThread = null;
        fdTablesChanged();
        for (ThreadInfo t : threads.all()) resolveNames(t);
    }

    public ThreadTable threads() {
        return threads;
    }

    /** The fd table of a process (created empty when unknown). */
    public FdTable fds(long pid) {
        // consecutive records mostly come from one process: its table is kept at hand (dropped on every change)
        if (pid == lastFdPid && lastFdTable != null) return lastFdTable;
        FdTable t = fdTables.computeIfAbsent(pid, p -> new FdTable());
        lastFdPid = pid;
        lastFdTable = t;
        return t;
    }

    private void fdTablesChanged() {
        lastFdTable = null;
    }

    /** Applies one record; emits the event it makes, if any. */
    public void accept(ProbeRecord r, Consumer<Event> out) {
        switch (r) {
            case ProbeRecord.ForkRecord f -> onFork(f);
            case ProbeRecord.ExitRecord x -> onExit(x, out);
            case ProbeRecord.ExecRecord e -> onExec(e);
            case ProbeRecord.SyscallExit s -> onSyscall(s, out);
        }
        expire(r.bootTs());
    }

    // ---- process lifecycle ----

    private void onFork(ProbeRecord.ForkRecord f) {
        ThreadInfo parent = thread(f.tid(), f.pid());
        ThreadInfo child = new ThreadInfo(threads, f.childTid()).copyProcessStateFrom(parent);
        child.pid(f.childPid());
        // ids inside the child's pid namespace (1 for a container's first process); not the parent's
        if (f.childVtid() > 0) child.vtid(f.childVtid());
        if (f.childVpid() > 0) child.vpid(f.childVpid());
        boolean isThread = f.childPid() == f.pid();
        child.ptid(isThread ? parent.ptid() : f.tid());
        if (!isThread) {
            child.cloneTs(f.childStartBootTs() + bootToEpoch);
            fdTables.put(f.childPid(), fds(f.pid()).copy());
            fdTablesChanged();
        }
        threads.put(child);
        lastThread = null;
    }

    private void onExit(ProbeRecord.ExitRecord x, Consumer<Event> out) {
        ThreadInfo t = threads.find(x.tid());
        if (t != null && emitProcexit) {
            out.accept(new Event(++num, x.bootTs() + bootToEpoch, EventTypes.PROCEXIT, 0,
                    List.of(Arg.num("status", x.exitCode()), Arg.num("ret", x.exitCode() >> 8 & 0xff),
                            Arg.num("sig", x.exitCode() & 0x7f), Arg.num("core", (x.exitCode() & 0x80) != 0 ? 1 : 0)),
                    t, null, -1));
        }
        exited.addLast(new long[] {x.tid(), x.pid(), x.bootTs() + EXITED_GRACE_NANOS});
    }

    private void expire(long nowBootTs) {
        while (!exited.isEmpty() && exited.peekFirst()[2] <= nowBootTs) {
            long[] e = exited.pollFirst();
            ThreadInfo t = threads.find(e[0]);
            // a tid can be reused by a newer thread: only drop what is still the exited one
            if (t != null && t.pid() == e[1]) threads.remove(e[0]);
            if (e[0] == e[1] && threads.find(e[1]) == null) fdTables.remove(e[1]);
            lastThread = null;
            fdTablesChanged();
        }
    }

    private void onExec(ProbeRecord.ExecRecord e) {
        boolean known = threads.find(e.tid()) != null;
        ThreadInfo t = thread(e.tid(), e.pid());
        ThreadInfo parent = e.ppid() > 0 ? threads.find(e.ppid()) : null;
        if (!known && t.cwd().isEmpty() && parent != null) {
            // born and exec'd before /proc could be read: what fork would have copied comes from the parent
            t.cwd(parent.cwd());
            t.sid(parent.sid());
            fdTables.putIfAbsent(e.pid(), fds(parent.pid()).copy());
            fdTablesChanged();
        }
        t.comm(e.comm().isEmpty() ? truncateComm(PathNames.basename(e.filename())) : e.comm());
        t.exe(e.argv().isEmpty() ? e.filename() : e.argv().get(0));
        t.args(e.argv().size() > 1 ? e.argv().subList(1, e.argv().size()) : List.of());
        String exepath = e.exePath() != null ? e.exePath() : PathNames.resolve(t.cwd(), e.filename());
        t.exepath(exepath);
        t.uid(e.euid()).gid(e.egid());
        t.loginUid(e.loginUid() == 4294967295L ? -1 : e.loginUid());
        t.tty(e.ttyMajor() == 0 && e.ttyMinor() == 0 ? 0 : encodeDev(e.ttyMajor(), e.ttyMinor()));
        t.capEffective(e.capEffective()).capPermitted(e.capPermitted()).capInheritable(e.capInheritable());
        t.exeWritable((e.exeFlags() & Flags.EXE_WRITABLE) != 0);
        t.exeUpperLayer((e.exeFlags() & Flags.EXE_UPPER_LAYER) != 0);
        t.exeLowerLayer((e.exeFlags() & Flags.EXE_LOWER_LAYER) != 0);
        t.exeFromMemfd((e.exeFlags() & Flags.EXE_FROM_MEMFD) != 0);
        t.exeIno(e.exeIno()).exeInoCtime(e.exeCtime()).exeInoMtime(e.exeMtime());
        if (t.ptid() <= 0 && e.ppid() > 0) t.ptid(e.ppid());
        assignContainer(t, e.cgroups());
        resolveNames(t);
        lastExec.put(e.tid(), e);
    }

    /** The kernel's new_encode_dev: how Falco reports proc.tty. */
    static long encodeDev(long major, long minor) {
        return (minor & 0xff) | (major << 8) | ((minor & ~0xffL) << 12);
    }

    private static String truncateComm(String s) {
        return s.length() > 15 ? s.substring(0, 15) : s;
    }

    private void assignContainer(ThreadInfo t, List<String> cgroups) {
        t.container(ContainerRef.fromCgroups(cgroups).map(containers::get).orElse(null));
    }

    private void resolveNames(ThreadInfo t) {
        String root = t.container() == null ? "host" : t.container().fullId();
        t.userName(users.user(root, t.pid(), t.uid()));
        t.groupName(users.group(root, t.pid(), t.gid()));
        t.loginName(t.loginUid() < 0 ? null : users.user(root, t.pid(), t.loginUid()));
    }

    /** The thread, read from /proc (or made empty) when the probe reports it first. */
    private ThreadInfo thread(long tid, long pid) {
        // consecutive records mostly come from one thread (the last one is dropped whenever the table changes)
        if (tid == lastTid && lastThread != null) return lastThread;
        ThreadInfo t = threads.find(tid);
        if (t != null) {
            lastTid = tid;
            lastThread = t;
            return t;
        }
        t = new ThreadInfo(threads, tid);
        ThreadInfo main = pid != tid ? threads.find(pid) : null;
        if (main != null) {
            t.copyProcessStateFrom(main);
        } else {
            ProcScanner.ProcessSnapshot snap = proc.scan(pid, t);
            if (snap != null) {
                assignContainer(t, snap.cgroups());
                fdTables.putIfAbsent(pid, snap.fds());
                fdTablesChanged();
                resolveNames(t);
            }
        }
        t.pid(pid);
        threads.put(t);
        lastThread = null;
        return t;
    }

    // ---- syscalls ----

    private void onSyscall(ProbeRecord.SyscallExit s, Consumer<Event> out) {
        ThreadInfo t = thread(s.tid(), s.pid());
        if (t.container() != null) t.container(containers.current(t.container()));
        if (t.uid() != s.euid() || t.gid() != s.egid()) {
            t.uid(s.euid()).gid(s.egid());
            resolveNames(t);
        }
        String name = EventTypes.name(s.nr());
        if (name == null) return;
        List<Arg> args;
        FdInfo fd = null;
        long res = s.res();
        FdTable table = fds(t.pid());
        boolean emit = wanted.test(s.nr());
        switch (name) {
            case "execve", "execveat" -> {
                if (!emit) {
                    if (res == 0) lastExec.remove(s.tid());
                    return;
                }
                args = execArgs(s, t);
            }
            case "open", "openat", "openat2", "creat" -> {
                fd = openedFile(s, t);
                if (res >= 0) table.put(fd);
                if (!emit) return;
                args = EventArgs.of(s, fdLookup(fd, table));
            }
            default -> {
                fd = updateFds(name, s, t, table);
                if (!emit) return;
                args = EventArgs.of(s, fdLookup(fd, table));
            }
        }
        out.accept(new Event(++num, s.bootTs() + bootToEpoch, s.nr(), res, args, t, fd, -1));
    }

    private List<Arg> execArgs(ProbeRecord.SyscallExit s, ThreadInfo t) {
        ProbeRecord.ExecRecord e = s.res() == 0 ? lastExec.remove(s.tid()) : null;
        List<Arg> a = new ArrayList<>();
        a.add(new Arg("res", ArgType.INT, s.res(), dev.falconet.sensor.decode.Errnos.renderRes(s.res())));
        String filename = e != null ? e.filename() : s.strings()[s.nr() == 59 ? 0 : 1];
        a.add(Arg.path("exe", e != null ? t.exe() : filename == null ? "" : filename));
        a.add(Arg.text("args", String.join(" ", t.args())));
        a.add(Arg.num("tid", t.tid()));
        a.add(Arg.num("pid", t.pid()));
        a.add(Arg.num("ptid", t.ptid()));
        a.add(Arg.path("cwd", t.cwd()));
        a.add(Arg.text("comm", t.comm()));
        a.add(Arg.text("cgroups", e == null ? "" : String.join(" ", e.cgroups())));
        a.add(Arg.num("tty", t.tty()));
        a.add(Arg.num("loginuid", t.loginUid()));
        int flags = e == null ? 0 : e.exeFlags();
        a.add(Arg.flags("flags", flags, Flags.EXE.render(flags)));
        a.add(Arg.flags("cap_inheritable", t.capInheritable(), Flags.capabilities(t.capInheritable())));
        a.add(Arg.flags("cap_permitted", t.capPermitted(), Flags.capabilities(t.capPermitted())));
        a.add(Arg.flags("cap_effective", t.capEffective(), Flags.capabilities(t.capEffective())));
        a.add(Arg.num("exe_ino", t.exeIno()));
        a.add(Arg.num("exe_ino_ctime", t.exeInoCtime()));
        a.add(Arg.num("exe_ino_mtime", t.exeInoMtime()));
        a.add(Arg.num("uid", t.uid()));
        a.add(Arg.path("trusted_exepath", t.exepath()));
        a.add(Arg.num("gid", t.gid()));
        return a;
    }

    /** How the args stage finds the fds an event names: the event's own fd first (a closed one is gone from the table). */
    private static java.util.function.LongFunction<FdInfo> fdLookup(FdInfo eventFd, FdTable table) {
        return n -> eventFd != null && eventFd.num() == n ? eventFd : table.get(n);
    }

    /** The fd an open made (or would have made: failed opens get a temporary entry with the negative result). */
    private FdInfo openedFile(ProbeRecord.SyscallExit s, ThreadInfo t) {
        boolean at = s.nr() == OPENAT || s.nr() == OPENAT2;
        String passed = s.strings()[at ? 1 : 0];
        String raw = passed == null ? "" : passed;
        long dirfd = at ? (int) s.arg(0) : AT_FDCWD;
        String base = dirfd == AT_FDCWD ? t.cwd() : dirName(fds(t.pid()).get(dirfd));
        String resolved = PathNames.resolve(base, raw);
        long ppmFlags;
        if (s.nr() == CREAT) ppmFlags = Flags.PPM_O_CREAT | Flags.PPM_O_WRONLY | Flags.PPM_O_TRUNC;
        else if (s.nr() == OPENAT2) ppmFlags = s.openHow() == null ? 0 : Flags.openFlagsToPpm(s.openHow()[0]);
        else ppmFlags = Flags.openFlagsToPpm(s.arg(at ? 2 : 1));
        FdType type = (ppmFlags & Flags.PPM_O_DIRECTORY) != 0 ? FdType.DIRECTORY : FdType.FILE;
        // libsinsp gives a failed open fd.num = -1 (rules test open_file_failed with it)
        FdInfo fd = FdInfo.file(s.res() >= 0 ? s.res() : -1, type, resolved, raw, ppmFlags);
        return s.file() == null ? fd : fd.withInode(s.file().dev(), s.file().ino());
    }

    private static String dirName(FdInfo dir) {
        return dir == null ? "" : dir.name();
    }

    /** Fd-table changes of every other syscall; returns the fd the event refers to. */
    private FdInfo updateFds(String name, ProbeRecord.SyscallExit s, ThreadInfo t, FdTable table) {
        long res = s.res();
        long fd0 = (int) s.arg(0);
        switch (name) {
            case "socket" -> {
                if (res < 0) return null;
                FdInfo fd = socketFd(res, (int) s.arg(0), (int) s.arg(1));
                table.put(fd);
                return fd;
            }
            case "connect" -> {
                FdInfo cur = table.get(fd0);
                if (res < 0 && res != EINPROGRESS) return cur;
                FdInfo fd = connected(fd0, cur, s.tuple(), s.sockaddr()[1], FdInfo.SocketRole.CLIENT, res == 0);
                table.put(fd);
                return fd;
            }
            case "accept", "accept4" -> {
                if (res < 0) return table.get(fd0);
                FdInfo fd = connected(res, table.get(fd0), s.tuple(), null, FdInfo.SocketRole.SERVER, true);
                table.put(fd);
                return fd;
            }
            case "sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg" -> {
                FdInfo cur = table.get(fd0);
                if (s.tuple() != null && s.tuple().isInet() && (cur == null || cur.name().isEmpty())) {
                    boolean send = name.startsWith("send");
                    SockAddr peer = s.sockaddr()[4];
                    FdInfo fd = connected(fd0, cur, s.tuple(), peer, send ? FdInfo.SocketRole.CLIENT : FdInfo.SocketRole.SERVER, false);
                    table.put(fd);
                    return fd;
                }
                return cur;
            }
            case "close" -> {
                FdInfo fd = table.get(fd0);
                if (res == 0) table.remove(fd0);
                return fd;
            }
            case "close_range" -> {
                if (res == 0 && (s.arg(2) & 4) == 0) table.removeRange(s.arg(0) & 0xffffffffL, s.arg(1) & 0xffffffffL);
                return null;
            }
            case "dup", "dup2", "dup3" -> {
                FdInfo old = table.get(fd0);
                if (res >= 0 && old != null) table.put(old.withNum(res));
                return old;
            }
            case "fcntl" -> {
                FdInfo old = table.get(fd0);
                int cmd = (int) s.arg(1);
                if (res >= 0 && old != null && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)) table.put(old.withNum(res));
                return old;
            }
            case "pipe", "pipe2", "socketpair" -> {
                int[] p = s.fdPair();
                if (res < 0 || p == null) return null;
                FdType type = name.equals("socketpair") ? FdType.UNIX : FdType.PIPE;
                FdInfo a = FdInfo.file(p[0], type, "", "", 0);
                table.put(a);
                table.put(FdInfo.file(p[1], type, "", "", 0));
                return a;
            }
            case "eventfd", "eventfd2" -> { return newFd(table, res, FdType.EVENT, ""); }
            case "signalfd", "signalfd4" -> { return newFd(table, res, FdType.SIGNALFD, ""); }
            case "timerfd_create" -> { return newFd(table, res, FdType.TIMERFD, ""); }
            case "inotify_init", "inotify_init1" -> { return newFd(table, res, FdType.INOTIFY, ""); }
            case "epoll_create", "epoll_create1" -> { return newFd(table, res, FdType.EVENTPOLL, ""); }
            case "userfaultfd" -> { return newFd(table, res, FdType.USERFAULTFD, ""); }
            case "io_uring_setup" -> { return newFd(table, res, FdType.IOURING, ""); }
            case "pidfd_open", "pidfd_getfd" -> { return newFd(table, res, FdType.PIDFD, ""); }
            case "bpf" -> { return res > 0 ? newFd(table, res, FdType.BPF, "") : null; }
            case "memfd_create" -> {
                String n = s.strings()[0] == null ? "" : s.strings()[0];
                return newFd(table, res, FdType.MEMFD, "memfd:" + n);
            }
            case "chdir" -> {
                if (res == 0) t.cwd(PathNames.resolve(t.cwd(), s.strings()[0] == null ? "" : s.strings()[0]));
                shareCwd(t);
                return null;
            }
            case "fchdir" -> {
                FdInfo dir = table.get(fd0);
                if (res == 0 && dir != null && !dir.name().isEmpty()) t.cwd(dir.name());
                shareCwd(t);
                return dir;
            }
            case "prctl" -> {
                if (res == 0 && (int) s.arg(0) == PR_SET_NAME && s.strings()[1] != null) t.comm(truncateComm(s.strings()[1]));
                return null;
            }
            case "setsid" -> {
                if (res > 0) t.sid(res);
                return null;
            }
            case "listen", "bind", "shutdown", "getsockopt", "fchmod", "finit_module", "setns", "read", "write" -> {
                return table.get(fd0);
            }
            default -> {
                return null;
            }
        }
    }

    /** Threads of a process share the working directory. */
    private void shareCwd(ThreadInfo t) {
        ThreadInfo main = t.mainThread();
        if (main != t) main.cwd(t.cwd());
    }

    private static FdInfo newFd(FdTable table, long res, FdType type, String name) {
        if (res < 0) return null;
        FdInfo fd = FdInfo.file(res, type, name, name, 0);
        table.put(fd);
        return fd;
    }

    private static FdInfo socketFd(long num, int domain, int type) {
        FdType t = switch (domain) {
            case SockAddr.AF_INET -> FdType.IPV4;
            case SockAddr.AF_INET6 -> FdType.IPV6;
            case SockAddr.AF_UNIX -> FdType.UNIX;
            case 16 -> FdType.NETLINK;
            default -> FdType.UNKNOWN;
        };
        String l4 = !t.isInet() ? null : switch (type & 0xf) {
            case 1 -> "tcp";
            case 2 -> "udp";
            case 3 -> "raw";
            default -> "unknown";
        };
        return new FdInfo(num, t, "", "", 0, l4, null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
    }

    /** A socket fd with its tuple known: from the kernel tuple, else from the address the call passed. */
    private static FdInfo connected(long num, FdInfo cur, SocketTuple tuple, SockAddr peer, FdInfo.SocketRole role,
                                    boolean isConnected) {
        if (tuple != null && tuple.isInet()) {
            FdType type = tuple.family() == SockAddr.AF_INET6 ? FdType.IPV6 : FdType.IPV4;
            String rip = tuple.remoteIp();
            int rport = tuple.remotePort();
            if ((rport == 0 || rip == null || rip.equals("0.0.0.0")) && peer != null && peer.ip() != null) {
                rip = peer.ip();
                rport = peer.port();
            }
            boolean client = role == FdInfo.SocketRole.CLIENT;
            FdInfo fd = FdInfo.inet(num, type, tuple.l4proto(),
                    client ? tuple.localIp() : rip, client ? tuple.localPort() : rport,
                    client ? rip : tuple.localIp(), client ? rport : tuple.localPort(), role, isConnected);
            return fd.withNameChanged(true);
        }
        if (tuple != null && tuple.family() == SockAddr.AF_UNIX || cur != null && cur.type() == FdType.UNIX) {
            String path = peer != null && peer.path() != null ? peer.path() : cur != null ? cur.name() : "";
            return new FdInfo(num, FdType.UNIX, path, path, 0, null, null, -1, null, -1, role, isConnected, true, 0, 0);
        }
        if (cur != null) return cur.withNum(num);
        return new FdInfo(num, FdType.UNKNOWN, "", "", 0, null, null, -1, null, -1, role, isConnected, false, 0, 0);
    }

    /** The container the thread runs in after enrichment, for the enrich stage. */
    public void refreshContainer(ThreadInfo t, ContainerInfo c) {
        t.container(c);
    }
}
