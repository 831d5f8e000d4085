package dev.falconet.sensor.decode;

import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.EventTypes;
import dev.falconet.capture.SyscallArgs;
import dev.falconet.event.FdInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Builds an exit event's parameters in libsinsp's order and names ({@code evt.arg.<name>}) from a
 * decoded syscall exit. Exec events are built by the state stage (their parameters are process
 * state); every other traced syscall is here. Paths are as the process passed them.
 */
public final class EventArgs {
    private EventArgs() {}

    /** The parameters with fd arguments as plain numbers (no fd state at hand). */
    public static List<Arg> of(ProbeRecord.SyscallExit x) {
        return of(x, num -> null);
    }

    /**
     * The parameters, fd arguments rendered as libsinsp (and the event factory, and .scap replay) renders
     * them: {@code <f>/etc/passwd} for an fd {@code fds} knows, the errno name for a failed call.
     *
     * @param fds the process's fd after the call (the closed one for close), or null when unknown
     */
    public static List<Arg> of(ProbeRecord.SyscallExit x, LongFunction<FdInfo> fds) {
        String name = EventTypes.name(x.nr());
        if (name == null) return List.of(res(x));
        List<Arg> a = new ArrayList<>(8);
        switch (name) {
            case "open" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(Arg.path("name", str(x, 0)));
                a.add(openFlags(x.arg(1)));
                a.add(openMode(x.arg(2) & 07777));
                fileId(a, x);
            }
            case "openat" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(dirfd("dirfd", x.arg(0)));
                a.add(Arg.path("name", str(x, 1)));
                a.add(openFlags(x.arg(2)));
                a.add(openMode(x.arg(3) & 07777));
                fileId(a, x);
            }
            case "openat2" -> {
                long[] how = x.openHow() == null ? new long[] {0, 0} : x.openHow();
                a.add(fd("fd", fds, x.res()));
                a.add(dirfd("dirfd", x.arg(0)));
                a.add(Arg.path("name", str(x, 1)));
                a.add(openFlags(how[0]));
                a.add(openMode(how[1] & 07777));
                a.add(Arg.num("resolve", 0));
                fileId(a, x);
            }
            case "creat" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(Arg.path("name", str(x, 0)));
                a.add(openMode(x.arg(1) & 07777));
                fileId(a, x);
            }
            case "socket" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(Arg.flags("domain", x.arg(0), Flags.SOCKET_FAMILY.render(x.arg(0))));
                a.add(Arg.num("type", x.arg(1) & 0xffffffffL));
                a.add(Arg.num("proto", x.arg(2) & 0xffffffffL));
            }
            case "connect" -> {
                a.add(res(x));
                a.add(tuple("tuple", x, true));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(sockaddr("addr", x.sockaddr()[1]));
            }
            case "accept", "accept4" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(tuple("tuple", x, false));
                a.add(Arg.num("queuepct", 0));
                a.add(Arg.num("queuelen", 0));
                a.add(Arg.num("queuemax", 0));
                if (name.equals("accept4")) a.add(Arg.num("flags", x.arg(3)));
            }
            case "bind" -> {
                a.add(res(x));
                a.add(sockaddr("addr", x.sockaddr()[1]));
                a.add(fd("fd", fds, (int) x.arg(0)));
            }
            case "listen" -> {
                a.add(res(x));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(Arg.num("backlog", (int) x.arg(1)));
            }
            case "sendto", "sendmsg" -> {
                a.add(res(x));
                a.add(Arg.bytes("data", new byte[0]));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(Arg.num("size", name.equals("sendto") ? x.arg(2) & 0xffffffffL : Math.max(0, x.res())));
                a.add(tuple("tuple", x, true));
            }
            case "recvfrom" -> {
                a.add(res(x));
                a.add(Arg.bytes("data", new byte[0]));
                a.add(tuple("tuple", x, false));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(Arg.num("size", x.arg(2) & 0xffffffffL));
            }
            case "recvmsg" -> {
                a.add(res(x));
                a.add(Arg.num("size", Math.max(0, x.res())));
                a.add(Arg.bytes("data", new byte[0]));
                a.add(tuple("tuple", x, false));
                a.add(Arg.bytes("msgcontrol", new byte[0]));
                a.add(fd("fd", fds, (int) x.arg(0)));
            }
            case "symlink" -> {
                a.add(res(x));
                a.add(Arg.text("target", str(x, 0)));
                a.add(Arg.path("linkpath", str(x, 1)));
            }
            case "symlinkat" -> {
                a.add(res(x));
                a.add(Arg.text("target", str(x, 0)));
                a.add(dirfd("linkdirfd", x.arg(1)));
                a.add(Arg.path("linkpath", str(x, 2)));
            }
            case "link", "rename" -> {
                a.add(res(x));
                a.add(Arg.path("oldpath", str(x, 0)));
                a.add(Arg.path("newpath", str(x, 1)));
            }
            case "linkat" -> {
                a.add(res(x));
                a.add(dirfd("olddir", x.arg(0)));
                a.add(Arg.path("oldpath", str(x, 1)));
                a.add(dirfd("newdir", x.arg(2)));
                a.add(Arg.path("newpath", str(x, 3)));
                a.add(Arg.flags("flags", x.arg(4), Flags.LINKAT.render(x.arg(4))));
            }
            case "renameat", "renameat2" -> {
                a.add(res(x));
                a.add(dirfd("olddirfd", x.arg(0)));
                a.add(Arg.path("oldpath", str(x, 1)));
                a.add(dirfd("newdirfd", x.arg(2)));
                a.add(Arg.path("newpath", str(x, 3)));
                if (name.equals("renameat2")) a.add(Arg.flags("flags", x.arg(4), Flags.RENAMEAT2.render(x.arg(4))));
            }
            case "unlink", "rmdir" -> {
                a.add(res(x));
                a.add(Arg.path("path", str(x, 0)));
            }
            case "unlinkat" -> {
                a.add(res(x));
                a.add(dirfd("dirfd", x.arg(0)));
                a.add(Arg.path("name", str(x, 1)));
                a.add(Arg.flags("flags", x.arg(2), Flags.UNLINKAT.render(x.arg(2))));
            }
            case "mkdir" -> {
                a.add(res(x));
                a.add(Arg.path("path", str(x, 0)));
                a.add(Arg.num("mode", x.arg(1) & 07777));
            }
            case "mkdirat" -> {
                a.add(res(x));
                a.add(dirfd("dirfd", x.arg(0)));
                a.add(Arg.path("path", str(x, 1)));
                a.add(Arg.num("mode", x.arg(2) & 07777));
            }
            case "chmod" -> {
                a.add(res(x));
                a.add(Arg.path("filename", str(x, 0)));
                a.add(mode(x.arg(1)));
            }
            case "fchmod" -> {
                a.add(res(x));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(mode(x.arg(1)));
            }
            case "fchmodat" -> {
                a.add(res(x));
                a.add(dirfd("dirfd", x.arg(0)));
                a.add(Arg.path("filename", str(x, 1)));
                a.add(mode(x.arg(2)));
            }
            case "dup" -> {
                a.add(fd("res", fds, x.res()));
                a.add(fd("oldfd", fds, (int) x.arg(0)));
            }
            case "dup2", "dup3" -> {
                a.add(fd("res", fds, x.res()));
                a.add(fd("oldfd", fds, (int) x.arg(0)));
                a.add(fd("newfd", fds, (int) x.arg(1)));
                if (name.equals("dup3")) a.add(Arg.flags("flags", x.arg(2), (x.arg(2) & 02000000) != 0 ? "O_CLOEXEC" : ""));
            }
            case "ptrace" -> {
                a.add(res(x));
                a.add(Arg.num("addr", x.arg(2)));
                a.add(Arg.num("data", x.arg(3)));
                a.add(SyscallArgs.ptrace(Flags.ptraceToPpm(x.arg(0))));
                a.add(Arg.num("pid", (int) x.arg(1)));
            }
            case "init_module" -> {
                a.add(res(x));
                a.add(Arg.bytes("img", new byte[0]));
                a.add(Arg.num("length", x.arg(1)));
                a.add(Arg.text("uargs", str(x, 2)));
            }
            case "finit_module" -> {
                a.add(res(x));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(Arg.text("uargs", str(x, 1)));
                a.add(Arg.num("flags", x.arg(2)));
            }
            case "setuid" -> {
                a.add(res(x));
                a.add(Arg.num("uid", (int) x.arg(0)));
            }
            case "setgid" -> {
                a.add(res(x));
                a.add(Arg.num("gid", (int) x.arg(0)));
            }
            case "setns" -> {
                a.add(res(x));
                a.add(fd("fd", fds, (int) x.arg(0)));
                a.add(Arg.num("nstype", x.arg(1)));
            }
            case "unshare", "userfaultfd" -> {
                a.add(res(x));
                a.add(Arg.num("flags", x.arg(0)));
            }
            case "bpf" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(Arg.num("cmd", x.arg(0)));
            }
            case "chdir", "chroot" -> {
                a.add(res(x));
                a.add(Arg.text("path", str(x, 0)));
            }
            case "fchdir", "close" -> {
                a.add(res(x));
                a.add(fd("fd", fds, (int) x.arg(0)));
            }
            case "memfd_create" -> {
                a.add(fd("fd", fds, x.res()));
                a.add(Arg.text("name", str(x, 0)));
                a.add(Arg.num("flags", x.arg(1)));
            }
            case "mount" -> {
                a.add(res(x));
                a.add(Arg.text("dev", str(x, 0)));
                a.add(Arg.path("dir", str(x, 1)));
                a.add(Arg.text("type", str(x, 2)));
                a.add(Arg.num("flags", x.arg(3)));
            }
            case "umount2" -> {
                a.add(res(x));
                a.add(Arg.path("name", str(x, 0)));
                a.add(Arg.num("flags", x.arg(1)));
            }
            case "pipe", "pipe2", "socketpair" -> {
                a.add(res(x));
                int[] p = x.fdPair();
                boolean made = p != null && x.res() >= 0;
                a.add(made ? fd("fd1", fds, p[0]) : Arg.fd("fd1", -1));
                a.add(made ? fd("fd2", fds, p[1]) : Arg.fd("fd2", -1));
            }
            default -> a.add(res(x));
        }
        return a;
    }

    private static Arg res(ProbeRecord.SyscallExit x) {
        return new Arg("res", ArgType.INT, x.res(), Errnos.renderRes(x.res()));
    }

    private static String str(ProbeRecord.SyscallExit x, int i) {
        String s = x.strings()[i];
        return s == null ? "" : s;
    }

    private static Arg dirfd(String name, long raw) {
        return (int) raw == -100 && name.equals("dirfd") ? CWD_DIRFD : SyscallArgs.dirfd(name, (int) raw);
    }

    /** An fd argument: {@code <f>/path} when the state knows it, the errno name when negative (a failed call). */
    private static Arg fd(String name, LongFunction<FdInfo> fds, long num) {
        if (num < 0 && num > -FAILED_FDS.length && name.equals("fd")) {
            Arg a = FAILED_FDS[(int) -num];
            if (a == null) FAILED_FDS[(int) -num] = a = SyscallArgs.fd(name, num, null);
            return a;
        }
        return SyscallArgs.fd(name, num, num < 0 ? null : fds.apply(num));
    }

    private static Arg openFlags(long kernelFlags) {
        long ppm = Flags.openFlagsToPpm(kernelFlags);
        Arg last = lastOpenFlags;
        if (last != null && (long) last.raw() == ppm) return last;
        return lastOpenFlags = Arg.flags("flags", ppm, Flags.OPEN.render(ppm));
    }

    private static Arg mode(long mode) {
        return new Arg("mode", ArgType.FLAGS, mode & 07777, Flags.mode(mode));
    }

    private static void fileId(List<Arg> a, ProbeRecord.SyscallExit x) {
        FileId f = x.file();
        if (f == null) {
            a.add(NO_DEV);
            a.add(NO_INO);
            return;
        }
        Arg dev = lastDev; // one device holds most files: its argument is kept (an Arg is immutable)
        if (dev == null || (long) dev.raw() != f.dev()) lastDev = dev = Arg.num("dev", f.dev());
        a.add(dev);
        a.add(Arg.num("ino", f.ino()));
    }

    // Arguments that repeat, built once (Args are immutable; racing threads at worst build one twice). A failing
    // open, the commonest traced event on a busy machine, then allocates only its list, path and event.
    private static final Arg NO_DEV = Arg.num("dev", 0), NO_INO = Arg.num("ino", 0);
    private static final Arg[] MODES = new Arg[07777 + 1];
    private static final Arg[] FAILED_FDS = new Arg[4096];
    private static final Arg CWD_DIRFD = SyscallArgs.dirfd("dirfd", -100);
    private static volatile Arg lastDev, lastOpenFlags;

    /** An open's mode argument, as {@link SyscallArgs#mode} renders it (octal). */
    private static Arg openMode(long mode) {
        int m = (int) (mode & 07777);
        Arg a = MODES[m];
        if (a == null) MODES[m] = a = SyscallArgs.mode(m);
        return a;
    }

    private static Arg sockaddr(String name, SockAddr s) {
        return new Arg(name, ArgType.SOCKADDR, null, s == null ? "" : s.render());
    }

    /** The tuple as client->server: the local side is the client for outgoing calls. */
    private static Arg tuple(String name, ProbeRecord.SyscallExit x, boolean localIsClient) {
        SocketTuple t = x.tuple();
        if (t == null) return new Arg(name, ArgType.SOCKADDR, null, "");
        if (!t.isInet()) return new Arg(name, ArgType.SOCKADDR, null, unixName(x));
        String local = t.localIp() + ":" + t.localPort();
        String remote = t.remoteIp() + ":" + t.remotePort();
        return new Arg(name, ArgType.SOCKADDR, null, localIsClient ? local + "->" + remote : remote + "->" + local);
    }

    private static String unixName(ProbeRecord.SyscallExit x) {
        for (SockAddr s : x.sockaddr()) if (s != null && s.path() != null) return s.path();
        return "";
    }
}
