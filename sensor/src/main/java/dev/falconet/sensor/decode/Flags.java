package dev.falconet.sensor.decode;

import dev.falconet.fields.Capabilities;
import dev.falconet.fields.OpenFlags;

import static dev.falconet.sensor.decode.FlagTable.e;

/**
 * The flag and enum renderings the rules match on, with libscap's encodings: open flags are
 * converted from the kernel's O_* bits to libscap's PPM_O_* bits (so {@code evt.rawarg.flags}
 * means the same here as in a Falco capture), ptrace requests likewise; socket families and
 * exe flags have the same numbers in both.
 */
public final class Flags {
    private Flags() {}

    // libscap's open flag bits
    // libscap's PPM_O_* encoding is the one the field extractors read (OpenFlags): one definition.
    public static final long PPM_O_RDONLY = OpenFlags.O_RDONLY, PPM_O_WRONLY = OpenFlags.O_WRONLY, PPM_O_RDWR = OpenFlags.O_RDWR,
            PPM_O_CREAT = OpenFlags.O_CREAT, PPM_O_APPEND = OpenFlags.O_APPEND, PPM_O_DSYNC = OpenFlags.O_DSYNC,
            PPM_O_EXCL = OpenFlags.O_EXCL, PPM_O_NONBLOCK = OpenFlags.O_NONBLOCK, PPM_O_SYNC = OpenFlags.O_SYNC,
            PPM_O_TRUNC = OpenFlags.O_TRUNC, PPM_O_DIRECT = OpenFlags.O_DIRECT, PPM_O_DIRECTORY = OpenFlags.O_DIRECTORY,
            PPM_O_LARGEFILE = OpenFlags.O_LARGEFILE, PPM_O_CLOEXEC = OpenFlags.O_CLOEXEC, PPM_O_TMPFILE = OpenFlags.O_TMPFILE,
            PPM_O_F_CREATED = OpenFlags.O_F_CREATED;

    public static final FlagTable OPEN = FlagTable.flags(
            e("O_LARGEFILE", PPM_O_LARGEFILE), e("O_DIRECTORY", PPM_O_DIRECTORY), e("O_DIRECT", PPM_O_DIRECT),
            e("O_TRUNC", PPM_O_TRUNC), e("O_SYNC", PPM_O_SYNC), e("O_NONBLOCK", PPM_O_NONBLOCK),
            e("O_EXCL", PPM_O_EXCL), e("O_DSYNC", PPM_O_DSYNC), e("O_APPEND", PPM_O_APPEND),
            e("O_CREAT", PPM_O_CREAT), e("O_RDWR", PPM_O_RDWR), e("O_WRONLY", PPM_O_WRONLY),
            e("O_RDONLY", PPM_O_RDONLY), e("O_CLOEXEC", PPM_O_CLOEXEC), e("O_NONE", 0),
            e("O_TMPFILE", PPM_O_TMPFILE), e("O_F_CREATED", PPM_O_F_CREATED));

    /** Kernel O_* bits (x86_64) to libscap's PPM_O_* bits. */
    public static long openFlagsToPpm(long f) {
        return OpenFlags.fromKernel(f);
    }

    public static final FlagTable SOCKET_FAMILY = FlagTable.enumeration(
            e("AF_NFC", 39), e("AF_ALG", 38), e("AF_CAIF", 37), e("AF_IEEE802154", 36), e("AF_PHONET", 35),
            e("AF_ISDN", 34), e("AF_RXRPC", 33), e("AF_IUCV", 32), e("AF_BLUETOOTH", 31), e("AF_TIPC", 30),
            e("AF_CAN", 29), e("AF_LLC", 26), e("AF_WANPIPE", 25), e("AF_PPPOX", 24), e("AF_IRDA", 23),
            e("AF_SNA", 22), e("AF_RDS", 21), e("AF_ATMSVC", 20), e("AF_ECONET", 19), e("AF_ASH", 18),
            e("AF_PACKET", 17), e("AF_ROUTE", 16), e("AF_NETLINK", 16), e("AF_KEY", 15), e("AF_SECURITY", 14),
            e("AF_NETBEUI", 13), e("AF_DECnet", 12), e("AF_ROSE", 11), e("AF_INET6", 10), e("AF_X25", 9),
            e("AF_ATMPVC", 8), e("AF_BRIDGE", 7), e("AF_NETROM", 6), e("AF_APPLETALK", 5), e("AF_IPX", 4),
            e("AF_AX25", 3), e("AF_INET", 2), e("AF_LOCAL", 1), e("AF_UNIX", 1), e("AF_UNSPEC", 0));

    public static final FlagTable PTRACE_REQUEST = FlagTable.enumeration(
            e("PTRACE_SINGLEBLOCK", 38), e("PTRACE_SYSEMU_SINGLESTEP", 37), e("PTRACE_SYSEMU", 36),
            e("PTRACE_ARCH_PRCTL", 35), e("PTRACE_SET_THREAD_AREA", 34), e("PTRACE_GET_THREAD_AREA", 33),
            e("PTRACE_OLDSETOPTIONS", 32), e("PTRACE_SETFPXREGS", 31), e("PTRACE_GETFPXREGS", 30),
            e("PTRACE_SETFPREGS", 29), e("PTRACE_GETFPREGS", 28), e("PTRACE_SETREGS", 27), e("PTRACE_GETREGS", 26),
            e("PTRACE_SETSIGMASK", 25), e("PTRACE_GETSIGMASK", 24), e("PTRACE_PEEKSIGINFO", 23),
            e("PTRACE_LISTEN", 22), e("PTRACE_INTERRUPT", 21), e("PTRACE_SEIZE", 20), e("PTRACE_SETREGSET", 19),
            e("PTRACE_GETREGSET", 18), e("PTRACE_SETSIGINFO", 17), e("PTRACE_GETSIGINFO", 16),
            e("PTRACE_GETEVENTMSG", 15), e("PTRACE_SETOPTIONS", 14), e("PTRACE_SYSCALL", 13), e("PTRACE_DETACH", 12),
            e("PTRACE_ATTACH", 11), e("PTRACE_SINGLESTEP", 10), e("PTRACE_KILL", 9), e("PTRACE_CONT", 8),
            e("PTRACE_POKEUSR", 7), e("PTRACE_POKEDATA", 6), e("PTRACE_POKETEXT", 5), e("PTRACE_PEEKUSR", 4),
            e("PTRACE_PEEKDATA", 3), e("PTRACE_PEEKTEXT", 2), e("PTRACE_TRACEME", 1), e("PTRACE_UNKNOWN", 0));

    /** Kernel ptrace request number (x86_64) to libscap's PPM_PTRACE_* value. */
    public static long ptraceToPpm(long req) {
        return switch ((int) req) {
            case 0 -> 1; case 1 -> 2; case 2 -> 3; case 3 -> 4; case 4 -> 5; case 5 -> 6; case 6 -> 7;
            case 7 -> 8; case 8 -> 9; case 9 -> 10; case 12 -> 26; case 13 -> 27; case 14 -> 28; case 15 -> 29;
            case 16 -> 11; case 17 -> 12; case 18 -> 30; case 19 -> 31; case 21 -> 32; case 24 -> 13;
            case 25 -> 33; case 26 -> 34; case 30 -> 35; case 31 -> 36; case 32 -> 37; case 33 -> 38;
            case 0x4200 -> 14; case 0x4201 -> 15; case 0x4202 -> 16; case 0x4203 -> 17; case 0x4204 -> 18;
            case 0x4205 -> 19; case 0x4206 -> 20; case 0x4207 -> 21; case 0x4208 -> 22; case 0x4209 -> 23;
            case 0x420a -> 24; case 0x420b -> 25;
            default -> 0;
        };
    }

    public static final int EXE_WRITABLE = (int) OpenFlags.EXE_WRITABLE, EXE_UPPER_LAYER = (int) OpenFlags.EXE_UPPER_LAYER,
            EXE_FROM_MEMFD = (int) OpenFlags.EXE_FROM_MEMFD, EXE_LOWER_LAYER = (int) OpenFlags.EXE_LOWER_LAYER;

    public static final FlagTable EXE = FlagTable.flags(
            e("EXE_WRITABLE", EXE_WRITABLE), e("EXE_UPPER_LAYER", EXE_UPPER_LAYER),
            e("EXE_FROM_MEMFD", EXE_FROM_MEMFD), e("EXE_LOWER_LAYER", EXE_LOWER_LAYER));

    public static final FlagTable UNLINKAT = FlagTable.flags(e("AT_REMOVEDIR", 0x200));

    public static final FlagTable LINKAT = FlagTable.flags(e("AT_SYMLINK_FOLLOW", 0x400), e("AT_EMPTY_PATH", 0x1000));

    public static final FlagTable RENAMEAT2 = FlagTable.flags(
            e("RENAME_NOREPLACE", 1), e("RENAME_EXCHANGE", 2), e("RENAME_WHITEOUT", 4));

    /** A capability mask as {@code CAP_A CAP_B ...} (libsinsp's rendering of thread.cap_*). */
    public static String capabilities(long mask) {
        return Capabilities.render(mask);
    }

    /** A file mode as libsinsp prints it: octal with a leading 0. */
    public static String mode(long mode) {
        return "0" + Long.toOctalString(mode & 07777);
    }
}
