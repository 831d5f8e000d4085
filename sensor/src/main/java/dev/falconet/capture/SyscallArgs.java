package dev.falconet.capture;

import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.FdInfo;
import dev.falconet.fields.Errno;
import dev.falconet.fields.OpenFlags;
import dev.falconet.sensor.decode.Flags;

/**
 * Builds syscall parameters with libsinsp's names, types and text renderings, for the event
 * factory and for the live sensor's decoder: fds as {@code <f>/etc/passwd}, errors as
 * {@code ENOENT}, open flags as {@code O_RDONLY|O_CLOEXEC}, socket domains as {@code AF_INET},
 * ptrace requests as {@code PTRACE_ATTACH}.
 */
public final class SyscallArgs {
    private SyscallArgs() {}

    /** {@code AT_FDCWD}: "relative to the current directory" in *at() syscalls. */
    public static final long AT_FDCWD = -100;

    public static final long AF_UNIX = 1;
    public static final long AF_INET = 2;
    public static final long AF_INET6 = 10;
    public static final long AF_NETLINK = 16;
    public static final long AF_PACKET = 17;
    public static final long SOCK_STREAM = 1;
    public static final long SOCK_DGRAM = 2;
    public static final long SOCK_RAW = 3;

    // ptrace requests in libscap's PPM_PTRACE_* numbering, as a Falco capture and the live sensor carry them
    // (evt.rawarg.request); the kernel's numbers differ (PTRACE_ATTACH is 16 there, 11 here)
    public static final long PTRACE_TRACEME = 1;
    public static final long PTRACE_PEEKTEXT = 2;
    public static final long PTRACE_PEEKDATA = 3;
    public static final long PTRACE_POKETEXT = 5;
    public static final long PTRACE_POKEDATA = 6;
    public static final long PTRACE_CONT = 8;
    public static final long PTRACE_ATTACH = 11;
    public static final long PTRACE_DETACH = 12;
    public static final long PTRACE_SEIZE = 20;
    public static final long PTRACE_SETREGS = 27;

    private static final String[] FAMILIES = new String[46];
    static {
        FAMILIES[0] = "AF_UNSPEC";
        FAMILIES[1] = "AF_UNIX";
        FAMILIES[2] = "AF_INET";
        FAMILIES[3] = "AF_AX25";
        FAMILIES[4] = "AF_IPX";
        FAMILIES[5] = "AF_APPLETALK";
        FAMILIES[6] = "AF_NETROM";
        FAMILIES[7] = "AF_BRIDGE";
        FAMILIES[8] = "AF_ATMPVC";
        FAMILIES[9] = "AF_X25";
        FAMILIES[10] = "AF_INET6";
        FAMILIES[11] = "AF_ROSE";
        FAMILIES[12] = "AF_DECnet";
        FAMILIES[13] = "AF_NETBEUI";
        FAMILIES[14] = "AF_SECURITY";
        FAMILIES[15] = "AF_KEY";
        FAMILIES[16] = "AF_NETLINK";
        FAMILIES[17] = "AF_PACKET";
        FAMILIES[18] = "AF_ASH";
        FAMILIES[19] = "AF_ECONET";
        FAMILIES[20] = "AF_ATMSVC";
        FAMILIES[21] = "AF_RDS";
        FAMILIES[22] = "AF_SNA";
        FAMILIES[23] = "AF_IRDA";
        FAMILIES[24] = "AF_PPPOX";
        FAMILIES[25] = "AF_WANPIPE";
        FAMILIES[26] = "AF_LLC";
        FAMILIES[29] = "AF_CAN";
        FAMILIES[30] = "AF_TIPC";
        FAMILIES[31] = "AF_BLUETOOTH";
        FAMILIES[32] = "AF_IUCV";
        FAMILIES[33] = "AF_RXRPC";
        FAMILIES[34] = "AF_ISDN";
        FAMILIES[35] = "AF_PHONET";
        FAMILIES[36] = "AF_IEEE802154";
        FAMILIES[37] = "AF_CAIF";
        FAMILIES[38] = "AF_ALG";
        FAMILIES[39] = "AF_NFC";
        FAMILIES[40] = "AF_VSOCK";
        FAMILIES[44] = "AF_XDP";
    }

    /** A socket family name ({@code 17 -> AF_PACKET}). */
    public static String family(long domain) {
        return domain >= 0 && domain < FAMILIES.length && FAMILIES[(int) domain] != null ? FAMILIES[(int) domain] : Long.toString(domain);
    }

    /** A ptrace request name from its libscap number ({@code 11 -> PTRACE_ATTACH}). */
    public static String ptraceRequest(long request) {
        return Flags.PTRACE_REQUEST.render(request);
    }

    /** A return value: the number, or for errors the errno name ({@code -2 -> ENOENT}). */
    public static Arg res(long res) {
        return errnoArg("res", res);
    }

    /** A parameter that is an fd or an error: {@code 3} shown as {@code <f>/etc/passwd}, {@code -2} as {@code ENOENT}. */
    public static Arg fd(String name, long num, FdInfo fd) {
        if (num < 0) return errnoArg(name, num);
        String rendered = fd == null ? Long.toString(num) : "<" + fdTag(fd) + ">" + fd.name();
        return new Arg(name, ArgType.FD, num, rendered);
    }

    /** libsinsp's fd tag: the type character, plus t/u for TCP/UDP sockets ({@code 4t}). */
    private static String fdTag(FdInfo fd) {
        String c = String.valueOf(fd.type().typeChar());
        if (fd.type().isInet() && fd.l4proto() != null && !fd.l4proto().isEmpty()) c += fd.l4proto().charAt(0);
        return c;
    }

    /** A directory fd of an *at() call: {@code AT_FDCWD} or a number. */
    public static Arg dirfd(String name, long dirfd) {
        return dirfd == AT_FDCWD ? Arg.flags(name, AT_FDCWD, "AT_FDCWD") : new Arg(name, ArgType.FD, dirfd, Long.toString(dirfd));
    }

    public static Arg openFlags(long flags) {
        return Arg.flags("flags", flags, OpenFlags.render(flags));
    }

    /** A file mode, shown in octal as libsinsp does ({@code 0644}). */
    public static Arg mode(long mode) {
        return new Arg("mode", ArgType.INT, mode, mode == 0 ? "0" : "0" + Long.toOctalString(mode));
    }

    public static Arg domain(long domain) {
        return Arg.flags("domain", domain, family(domain));
    }

    public static Arg ptrace(long request) {
        return Arg.flags("request", request, ptraceRequest(request));
    }

    /** A socket address or tuple as text ({@code 10.0.0.5:43210->10.96.0.1:443}). */
    public static Arg sockaddr(String name, String text) {
        return new Arg(name, ArgType.SOCKADDR, text, text);
    }

    private static Arg errnoArg(String name, long value) {
        return value < 0 ? Arg.flags(name, value, Errno.name(-value)) : Arg.num(name, value);
    }
}
