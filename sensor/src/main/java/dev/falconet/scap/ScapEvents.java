package dev.falconet.scap;

import dev.falconet.capture.SyscallArgs;
import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;
import dev.falconet.fields.OpenFlags;
import dev.falconet.sensor.decode.Errnos;
import dev.falconet.sensor.decode.Flags;
import dev.falconet.sensor.state.FdTable;
import dev.falconet.sensor.state.PathNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one decoded scap exit event (with the parameters of its enter event, for old captures that
 * split them) into an {@link Event}, and applies the state change libsinsp's parser makes for it:
 * new and closed fds, socket tuples, clone, execve, chdir, credential changes, process exit.
 */
final class ScapEvents {
    private static final long AT_FDCWD = -100;
    private static final long EINPROGRESS = -115;
    private static final long CL_CLONE_FILES = 1, CL_CLONE_THREAD = 1 << 13;
    private static final long PPM_F_DUPFD = 1, PPM_F_DUPFD_CLOEXEC = 26;

    private final ScapState st;

    ScapEvents(ScapState st) {
        this.st = st;
    }

    /** The decoded values of one event: its table entry and one value per parameter (null when empty). */
    record Values(ScapEventTable.Def def, Object[] v) {
        Object get(String name) {
            int i = def.indexOf(name);
            return i < 0 ? null : v[i];
        }
    }

    /** Event-local view over the exit values with the enter values behind them. */
    private record Merged(Values x, Values e) {
        Object get(String name) {
            Object o = x.get(name);
            return o != null || e == null ? o : e.get(name);
        }

        long num(String name, long dflt) {
            return get(name) instanceof Long l ? l : dflt;
        }

        String str(String name) {
            return get(name) instanceof String s ? s : null;
        }

        @SuppressWarnings("unchecked")
        List<String> list(String name) {
            return get(name) instanceof List<?> l ? (List<String>) l : null;
        }
    }

    /** Applies the exit event's state change; returns the event when {@code deliver}, else null (nothing is rendered). */
    Event exit(long num, long ts, int cpu, long tid, int type, Values x, Values enter, boolean deliver) {
        Merged m = new Merged(x, enter);
        ThreadInfo t = st.threads.find(tid);
        String name = x.def().name();
        long res = firstNumber(x);
        FdInfo fd = null;
        switch (name) {
            case "clone", "fork", "vfork", "clone3" -> t = onClone(tid, ts, res, m, t);
            default -> { }
        }
        if (t == null) t = st.thread(tid);
        FdTable table = st.fds(t);
        switch (name) {
            case "open", "openat", "openat2", "creat" -> fd = onOpen(t, table, name, res, m);
            case "close" -> {
                fd = used(table, m.num("fd", -1));
                if (res >= 0 && fd != null) table.remove(fd.num());
            }
            case "socket" -> {
                if (res >= 0) {
                    fd = socketFd(res, m.num("domain", 0), m.num("type", 0));
                    table.put(fd);
                }
            }
            case "connect" -> fd = onConnect(table, res, m);
            case "accept", "accept4" -> fd = onAccept(table, res, m);
            case "bind" -> fd = onBind(table, res, m);
            case "sendto", "sendmsg", "recvfrom", "recvmsg" -> fd = onData(table, name.startsWith("send"), m);
            case "dup", "dup2", "dup3" -> {
                long old = m.num("oldfd", m.num("fd", -1));
                fd = table.get(old);
                if (res >= 0 && fd != null) table.put(fd.withNum(res));
            }
            case "fcntl" -> {
                fd = table.get(m.num("fd", -1));
                long cmd = m.num("cmd", 0);
                if (res >= 0 && fd != null && (cmd == PPM_F_DUPFD || cmd == PPM_F_DUPFD_CLOEXEC)) table.put(fd.withNum(res));
            }
            case "pipe", "pipe2" -> {
                if (res >= 0) {
                    // libsinsp leaves pipe fds unnamed; the event refers to the write end (the last one added)
                    table.put(ScapState.file(m.num("fd1", -1), FdType.PIPE, "", 0));
                    fd = ScapState.file(m.num("fd2", -1), FdType.PIPE, "", 0);
                    table.put(fd);
                }
            }
            case "socketpair" -> {
                if (res >= 0) {
                    table.put(ScapState.unix(m.num("fd1", -1), m.num("source", 0), m.num("peer", 0), ""));
                    table.put(ScapState.unix(m.num("fd2", -1), m.num("peer", 0), m.num("source", 0), ""));
                }
            }
            case "memfd_create" -> {
                if (res >= 0) {
                    fd = ScapState.file(res, FdType.MEMFD, "memfd:" + nz(m.str("name")), 0);
                    table.put(fd);
                }
            }
            case "chdir" -> {
                if (res == 0 && m.str("path") != null) t.cwd(ScapState.resolve(t.cwd(), m.str("path")));
            }
            case "fchdir" -> {
                FdInfo dir = table.get(m.num("fd", -1));
                if (res == 0 && dir != null) t.cwd(dir.name());
                fd = dir;
            }
            case "execve", "execveat" -> {
                if (res == 0) onExec(t, m);
            }
            case "setuid", "setresuid" -> {
                long uid = m.num(name.equals("setuid") ? "uid" : "euid", -1);
                if (res == 0 && uid >= 0 && uid != 0xffffffffL) {
                    t.uid(uid);
                    st.resolveNames(t);
                }
            }
            case "setgid", "setresgid" -> {
                long gid = m.num(name.equals("setgid") ? "gid" : "egid", -1);
                if (res == 0 && gid >= 0 && gid != 0xffffffffL) {
                    t.gid(gid);
                    st.resolveNames(t);
                }
            }
            case "capset" -> {
                if (res == 0) {
                    t.capInheritable(m.num("cap_inheritable", t.capInheritable()));
                    t.capPermitted(m.num("cap_permitted", t.capPermitted()));
                    t.capEffective(m.num("cap_effective", t.capEffective()));
                }
            }
            default -> {
                Object f = m.get("fd");
                if (f instanceof Long l) fd = used(table, l);
            }
        }
        return deliver ? new Event(num, ts, type, res, args(m, table, fd), t, fd, cpu) : null;
    }

    /** procexit: reported, then the thread is gone (its process's fds go with the last thread). */
    Event procexit(long num, long ts, int cpu, long tid, Values v, boolean deliver) {
        ThreadInfo t = st.threads.find(tid);
        Event e = null;
        if (deliver) {
            Merged m = new Merged(v, null);
            e = new Event(num, ts, EventTypes.PROCEXIT, 0, args(m, null, null), t == null ? st.thread(tid) : t, null, cpu);
        }
        if (t != null) {
            st.threads.remove(tid);
            if (t.isMainThread()) st.dropFds(t.pid());
        }
        return e;
    }

    /** The fd an event uses; one missing from the table gets an entry of unknown type, as libsinsp adds it. */
    private static FdInfo used(FdTable table, long num) {
        if (num < 0) return null;
        FdInfo fd = table.get(num);
        if (fd == null) {
            fd = new FdInfo(num, FdType.UNKNOWN, "", "", 0, null, null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
            table.put(fd);
        }
        return fd;
    }

    private static long firstNumber(Values x) {
        ScapEventTable.Param[] ps = x.def().params();
        if (ps.length == 0) return 0;
        ScapEventTable.PType p = ps[0].type();
        boolean resLike = p == ScapEventTable.PType.ERRNO || p == ScapEventTable.PType.FD || p == ScapEventTable.PType.PID;
        return resLike && x.v()[0] instanceof Long l ? l : 0;
    }

    private FdInfo onOpen(ThreadInfo t, FdTable table, String name, long res, Merged m) {
        String raw = nz(m.str("name"));
        long dirfd = m.num("dirfd", AT_FDCWD);
        String base = dirfd == AT_FDCWD ? t.cwd() : dirName(table.get(dirfd));
        String path = ScapState.resolve(base, raw);
        long flags = name.equals("creat") ? OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_TRUNC : m.num("flags", 0);
        FdType type = (flags & OpenFlags.O_DIRECTORY) != 0 ? FdType.DIRECTORY : FdType.FILE;
        // a failed open still names the file (rules match failed opens); its fd number is -1 as in libsinsp
        FdInfo fd = FdInfo.file(res < 0 ? -1 : res, type, path, raw, flags).withInode(m.num("dev", 0), m.num("ino", 0));
        if (res >= 0) table.put(fd);
        return fd;
    }

    private static String dirName(FdInfo dir) {
        return dir == null ? "" : dir.name();
    }

    private FdInfo onConnect(FdTable table, long res, Merged m) {
        long fdNum = m.num("fd", -1);
        FdInfo cur = table.get(fdNum);
        Sock.Tuple tup = m.get("tuple") instanceof Sock.Tuple tt ? tt : null;
        if (tup == null) return cur;
        if (tup.inet()) {
            if (res < 0 && res != EINPROGRESS || tup.dport() == 0) return cur;
            FdInfo fd = FdInfo.inet(fdNum, tup.family() == Sock.AF_INET6 ? FdType.IPV6 : FdType.IPV4,
                    cur == null ? "tcp" : cur.l4proto(), tup.sip(), tup.sport(), tup.dip(), tup.dport(),
                    FdInfo.SocketRole.CLIENT, res == 0).withNameChanged(true);
            table.put(fd);
            return fd;
        }
        if (tup.family() == Sock.AF_UNIX) {
            String name = tup.render();
            FdInfo fd = new FdInfo(fdNum, FdType.UNIX, name, name, 0, null, null, -1, null, -1, FdInfo.SocketRole.CLIENT,
                    res == 0, true, 0, 0);
            if (res >= 0 || res == EINPROGRESS) table.put(fd); // a failed connect shows the peer but leaves the fd as it was
            return fd;
        }
        return cur;
    }

    private FdInfo onAccept(FdTable table, long res, Merged m) {
        if (res < 0) return null;
        Sock.Tuple tup = m.get("tuple") instanceof Sock.Tuple tt ? tt : null;
        FdInfo fd;
        if (tup != null && tup.inet()) {
            fd = FdInfo.inet(res, tup.family() == Sock.AF_INET6 ? FdType.IPV6 : FdType.IPV4, "tcp", tup.sip(), tup.sport(),
                    tup.dip(), tup.dport(), FdInfo.SocketRole.SERVER, true);
        } else if (tup != null && tup.family() == Sock.AF_UNIX) {
            fd = ScapState.unix(res, tup.usrc(), tup.udst(), nz(tup.path()));
        } else {
            fd = new FdInfo(res, FdType.UNKNOWN, "", "", 0, null, null, -1, null, -1, FdInfo.SocketRole.SERVER, true, false, 0, 0);
        }
        table.put(fd);
        return fd;
    }

    private FdInfo onBind(FdTable table, long res, Merged m) {
        long fdNum = m.num("fd", -1);
        FdInfo cur = table.get(fdNum);
        if (res < 0 || !(m.get("addr") instanceof Sock.Addr a)) return cur;
        FdInfo fd;
        if (a.ip() != null) {
            fd = ScapState.server(fdNum, a.family() == Sock.AF_INET6 ? FdType.IPV6 : FdType.IPV4,
                    cur == null ? "tcp" : cur.l4proto(), a.ip(), a.port());
        } else if (a.path() != null) {
            fd = new FdInfo(fdNum, FdType.UNIX, a.path(), a.path(), 0, null, null, -1, null, -1, FdInfo.SocketRole.SERVER, false, false, 0, 0);
        } else {
            return cur;
        }
        table.put(fd);
        return fd;
    }

    /** send/recv on a socket: an unconnected inet socket takes its tuple from the call (UDP). */
    private FdInfo onData(FdTable table, boolean send, Merged m) {
        long fdNum = m.num("fd", -1);
        FdInfo cur = used(table, fdNum);
        Sock.Tuple tup = m.get("tuple") instanceof Sock.Tuple tt ? tt : null;
        if (tup == null || !tup.inet() || tup.dport() == 0 || cur != null && cur.clientIp() != null) return cur;
        FdInfo fd = FdInfo.inet(fdNum, tup.family() == Sock.AF_INET6 ? FdType.IPV6 : FdType.IPV4,
                cur == null || cur.l4proto() == null ? "udp" : cur.l4proto(), tup.sip(), tup.sport(), tup.dip(), tup.dport(),
                send ? FdInfo.SocketRole.CLIENT : FdInfo.SocketRole.SERVER, false).withNameChanged(true);
        table.put(fd);
        return fd;
    }

    private static FdInfo socketFd(long num, long domain, long type) {
        FdType t = switch ((int) domain) {
            case Sock.AF_INET -> FdType.IPV4;
            case Sock.AF_INET6 -> FdType.IPV6;
            case Sock.AF_UNIX -> FdType.UNIX;
            case 16 -> FdType.NETLINK;
            default -> FdType.UNKNOWN;
        };
        String l4 = !t.isInet() ? null : switch ((int) (type & 0xf)) {
            case 1 -> "tcp";
            case 2 -> "udp";
            case 3 -> "raw";
            default -> null;
        };
        return new FdInfo(num, t, "", "", 0, l4, null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
    }

    private ThreadInfo onClone(long tid, long ts, long res, Merged m, ThreadInfo caller) {
        long flags = m.num("flags", 0);
        boolean isThread = (flags & CL_CLONE_THREAD) != 0;
        if (res > 0) {
            if (caller == null) caller = st.thread(tid);
            if (st.threads.find(res) == null) {
                ThreadInfo child = st.newThread(res).copyProcessStateFrom(caller);
                child.pid(isThread ? caller.pid() : res).ptid(isThread ? caller.ptid() : caller.tid()).cloneTs(ts);
                child.vtid(-1).vpid(isThread ? caller.vpid() : -1);
                st.threads.put(child);
                inheritFds(caller, child, isThread, flags);
            }
            return caller;
        }
        if (res == 0) {
            // the child's own event: create it if the parent's event did not, then take what the event says about it
            ThreadInfo child = caller;
            long ptid = m.num("ptid", -1);
            ThreadInfo parent = st.threads.find(ptid);
            if (child == null) {
                child = st.newThread(tid);
                if (parent != null) child.copyProcessStateFrom(parent);
                child.pid(m.num("pid", tid)).ptid(ptid).cloneTs(ts);
                st.threads.put(child);
                if (parent != null) inheritFds(parent, child, isThread, flags);
            }
            if (m.str("exe") != null) child.exe(m.str("exe"));
            if (m.list("args") != null) child.args(m.list("args"));
            String comm = m.str("comm");
            child.comm(comm != null ? comm : truncateComm(PathNames.basename(child.exe())));
            if (child.cwd().isEmpty() && m.str("cwd") != null) child.cwd(m.str("cwd"));
            child.uid(m.num("uid", child.uid())).gid(m.num("gid", child.gid()));
            child.vtid(m.num("vtid", child.vtid())).vpid(m.num("vpid", child.vpid()));
            st.resolveNames(child);
            return child;
        }
        return caller;
    }

    private void inheritFds(ThreadInfo parent, ThreadInfo child, boolean isThread, long flags) {
        if (isThread || child.pid() == parent.pid()) return;
        FdTable pt = st.fds(parent);
        st.setFds(child.pid(), (flags & CL_CLONE_FILES) != 0 ? pt : pt.copy());
    }

    private void onExec(ThreadInfo t, Merged m) {
        long pid = m.num("pid", -1), ptid = m.num("ptid", -1);
        if (pid > 0) t.pid(pid);
        if (ptid > 0) t.ptid(ptid);
        String exe = m.str("exe");
        if (exe != null) t.exe(exe);
        List<String> args = m.list("args");
        if (args != null) t.args(args);
        String comm = m.str("comm");
        t.comm(comm != null && !comm.isEmpty() ? comm : truncateComm(PathNames.basename(t.exe())));
        // exec does not change the working directory: libsinsp ignores the cwd parameter here
        List<String> env = m.list("env");
        if (env != null) t.env(env);
        t.tty(m.num("tty", t.tty()));
        t.vpgid(m.num("vpgid", t.vpgid()));
        long login = m.num("loginuid", Long.MIN_VALUE);
        if (login != Long.MIN_VALUE) t.loginUid(login == 0xffffffffL ? -1 : login);
        t.capInheritable(m.num("cap_inheritable", t.capInheritable()));
        t.capPermitted(m.num("cap_permitted", t.capPermitted()));
        t.capEffective(m.num("cap_effective", t.capEffective()));
        t.exeIno(m.num("exe_ino", 0)).exeInoCtime(m.num("exe_ino_ctime", 0)).exeInoMtime(m.num("exe_ino_mtime", 0));
        long ef = m.num("flags", 0);
        t.exeWritable((ef & OpenFlags.EXE_WRITABLE) != 0).exeUpperLayer((ef & OpenFlags.EXE_UPPER_LAYER) != 0)
                .exeFromMemfd((ef & OpenFlags.EXE_FROM_MEMFD) != 0).exeLowerLayer((ef & OpenFlags.EXE_LOWER_LAYER) != 0);
        t.uid(m.num("uid", t.uid())).gid(m.num("gid", t.gid()));
        String trusted = m.str("trusted_exepath");
        String filename = m.str("filename") != null ? m.str("filename") : m.str("pathname");
        if (trusted != null && !trusted.isEmpty()) t.exepath(trusted);
        else if (filename != null && !filename.isEmpty()) t.exepath(ScapState.resolve(t.cwd(), filename));
        else t.exepath(t.exe().startsWith("/") ? t.exe() : "");
        st.resolveNames(t);
    }

    private static String truncateComm(String s) {
        return s.length() > 15 ? s.substring(0, 15) : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The exit event's parameters (enter values filling the gaps), then enter-only parameters, rendered as libsinsp renders them. */
    private static List<Arg> args(Merged m, FdTable table, FdInfo fd) {
        ScapEventTable.Param[] xp = m.x().def().params();
        List<Arg> out = new ArrayList<>(xp.length + 2);
        for (int i = 0; i < xp.length; i++) {
            Object v = m.x().v()[i];
            if (v == null && m.e() != null) v = m.e().get(xp[i].name());
            Arg a = arg(xp[i], v, table, fd, i);
            if (a != null) out.add(a);
        }
        if (m.e() != null) {
            ScapEventTable.Param[] ep = m.e().def().params();
            for (int i = 0; i < ep.length; i++) {
                if (m.x().def().indexOf(ep[i].name()) >= 0) continue;
                Arg a = arg(ep[i], m.e().v()[i], table, fd, -1);
                if (a != null) out.add(a);
            }
        }
        return out;
    }

    private static Arg arg(ScapEventTable.Param p, Object v, FdTable table, FdInfo fd, int index) {
        if (v == null) return null;
        String n = p.name();
        return switch (p.type()) {
            case ERRNO -> new Arg(n, ArgType.INT, v, Errnos.renderRes((Long) v));
            case FD -> {
                long num = (Long) v;
                if (num == AT_FDCWD && n.contains("dir")) yield SyscallArgs.dirfd(n, num);
                FdInfo f = fd != null && fd.num() == num ? fd : table == null || num < 0 ? null : table.get(num);
                yield SyscallArgs.fd(n, num, f);
            }
            case FLAGS_OPEN, FLAGS16_OPEN -> Arg.flags(n, (Long) v, OpenFlags.render((Long) v));
            case FLAGS_EXE -> Arg.flags(n, (Long) v, OpenFlags.renderExe((Long) v));
            case ENUM_AF -> Arg.flags(n, (Long) v, Flags.SOCKET_FAMILY.render((Long) v));
            case ENUM_PTRACE -> Arg.flags(n, (Long) v, Flags.PTRACE_REQUEST.render((Long) v));
            case MODE -> new Arg(n, ArgType.INT, v, (Long) v == 0 ? "0" : "0" + Long.toOctalString((Long) v));
            case STR -> Arg.text(n, (String) v);
            case PATH -> Arg.path(n, (String) v);
            case LIST -> Arg.text(n, String.join(" ", castList(v)));
            case BYTES -> Arg.bytes(n, (byte[]) v);
            case SOCKADDR -> SyscallArgs.sockaddr(n, ((Sock.Addr) v).render());
            case SOCKTUPLE -> SyscallArgs.sockaddr(n, ((Sock.Tuple) v).render());
            default -> Arg.num(n, (Long) v);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object v) {
        return (List<String>) v;
    }
}
