package dev.falconet.scap;

import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;


/**
 * The state blocks at the head of a scap file: process lists (every layout, V1 to V9), fd lists
 * (V1, V2) and user/group lists (V1, V2). Each entry is applied to the {@link ScapState} as it is read.
 */
final class HeaderLists {
    static final int PL_V1 = 0x202, PL_V1_INT = 0x8000ABCD, PL_V2 = 0x207, PL_V2_INT = 0x8013ABCD, PL_V3 = 0x209,
            PL_V3_INT = 0x8014ABCD, PL_V4 = 0x210, PL_V5 = 0x211, PL_V6 = 0x212, PL_V7 = 0x213, PL_V8 = 0x214, PL_V9 = 0x215;
    static final int FDL = 0x203, FDL_INT = 0x8001ABCD, FDL_V2 = 0x218;
    static final int UL = 0x206, UL_INT = 0x8012ABCD, UL_V2 = 0x220;
    private static final int MAX_PATH = 1024, MAX_ARGS = 4096 * 4, MAX_ENV = 65535, MAX_CGROUPS = 65535;

    private HeaderLists() {}

    /** Version 1..9 of a process list block type, 0 when it is not one. */
    static int processListVersion(int type) {
        return switch (type) {
            case PL_V1, PL_V1_INT -> 1;
            case PL_V2, PL_V2_INT -> 2;
            case PL_V3, PL_V3_INT -> 3;
            case PL_V4 -> 4;
            case PL_V5 -> 5;
            case PL_V6 -> 6;
            case PL_V7 -> 7;
            case PL_V8 -> 8;
            case PL_V9 -> 9;
            default -> 0;
        };
    }

    static void readProcessList(BlockInput in, int version, ScapState state) {
        Cursor c = new Cursor(in, in.bodyStart, in.bodyStart + in.bodyLength(), "process list");
        while (c.left() >= 4) {
            long subLen = version == 9 ? c.u32() : 0;
            int entryStart = c.pos - (version == 9 ? 4 : 0);
            long tid = c.i64();
            ThreadInfo t = state.newThread(tid);
            t.pid(c.i64());
            t.ptid(c.i64());
            if (version >= 6) t.sid(c.i64());
            if (version >= 8) t.vpgid(c.i64());
            t.comm(c.str16(MAX_PATH));
            t.exe(c.str16(MAX_PATH));
            if (version >= 7) t.exepath(c.str16(MAX_PATH));
            t.args(c.list16(MAX_ARGS));
            t.cwd(c.str16(MAX_PATH));
            c.i64(); // fdlimit
            c.u32(); // flags
            t.uid(c.u32()).gid(c.u32());
            if (version >= 2) {
                c.skip(4 + 4 + 4 + 8 + 8); // vmsize, vmrss, vmswap, pfmajor, pfminor
                if (version >= 3) t.env(c.list16(MAX_ENV));
                if (version >= 4) {
                    t.vtid(c.i64()).vpid(c.i64());
                    c.list16(MAX_CGROUPS);
                    if (version >= 5) c.str16(MAX_PATH); // root
                }
            }
            if (subLen > 0) readExtensions(c, t, entryStart, subLen);
            state.addThread(t);
        }
    }

    /** Fields appended to V9 entries over the years; present when the entry's length says so. */
    private static void readExtensions(Cursor c, ThreadInfo t, int entryStart, long subLen) {
        long end = entryStart + subLen;
        if (end > c.end) throw c.fail("entry length " + subLen + " runs past the block");
        // libs 0.10 inserted pidns_init_start_ts and tty before loginuid; older writers have at most 29 bytes here
        if (end - c.pos > 29) {
            if (c.pos + 8 <= end) c.i64();
            if (c.pos + 4 <= end) t.tty(c.u32());
        }
        if (c.pos + 4 <= end) {
            long login = c.u32();
            t.loginUid(login == 0xffffffffL ? -1 : login);
        }
        if (c.pos + 1 <= end) t.exeWritable(c.u8() != 0);
        if (c.pos + 8 <= end) t.capInheritable(c.i64());
        if (c.pos + 8 <= end) t.capPermitted(c.i64());
        if (c.pos + 8 <= end) t.capEffective(c.i64());
        if (c.pos + 1 <= end) t.exeUpperLayer(c.u8() != 0);
        if (c.pos + 8 <= end) t.exeIno(c.i64());
        if (c.pos + 8 <= end) t.exeInoCtime(c.i64());
        if (c.pos + 8 <= end) t.exeInoMtime(c.i64());
        if (c.pos + 1 <= end) t.exeFromMemfd(c.u8() != 0);
        if (c.pos + 1 <= end) t.exeLowerLayer(c.u8() != 0);
        if (c.pos > end) throw c.fail("entry is longer than its length " + subLen);
        c.pos = (int) end;
    }

    static void readFdList(BlockInput in, boolean v2, ScapState state) {
        Cursor c = new Cursor(in, in.bodyStart, in.bodyStart + in.bodyLength(), "fd list");
        long tid = c.i64();
        while (c.left() >= 4) {
            int entryStart = c.pos;
            long subLen = v2 ? c.u32() : 0;
            long fd = c.i64();
            c.i64(); // ino
            int type = c.u8();
            FdInfo info = switch (type) {
                case 3 -> { // IPv4 connected socket
                    String sip = ipv4(c), dip = ipv4(c);
                    int sport = c.u16(), dport = c.u16();
                    String l4 = l4(c.u8());
                    yield ScapState.inet(fd, FdType.IPV4, l4, sip, sport, dip, dport);
                }
                case 5 -> { // IPv4 server socket
                    String ip = ipv4(c);
                    int port = c.u16();
                    String l4 = l4(c.u8());
                    yield ScapState.server(fd, FdType.IPV4, l4, ip, port);
                }
                case 4 -> {
                    String sip = ipv6(c), dip = ipv6(c);
                    int sport = c.u16(), dport = c.u16();
                    String l4 = l4(c.u8());
                    yield ScapState.inet(fd, FdType.IPV6, l4, sip, sport, dip, dport);
                }
                case 6 -> {
                    String ip = ipv6(c);
                    int port = c.u16();
                    String l4 = l4(c.u8());
                    yield ScapState.server(fd, FdType.IPV6, l4, ip, port);
                }
                case 8 -> {
                    long src = c.i64(), dst = c.i64();
                    String path = c.str16(MAX_PATH);
                    yield ScapState.unix(fd, src, dst, path);
                }
                case 16 -> {
                    long flags = c.u32();
                    String name = c.str16(MAX_PATH);
                    if (v2 && subLen >= (c.pos - entryStart) + 4) c.u32(); // dev
                    yield ScapState.file(fd, FdType.FILE, name, flags);
                }
                default -> ScapState.file(fd, fdType(type), c.str16(MAX_PATH), 0);
            };
            if (subLen > 0) {
                long end = entryStart + subLen;
                if (end > c.end || c.pos > end) throw c.fail("fd entry length " + subLen + " does not match its content");
                c.pos = (int) end;
            }
            state.addFd(tid, info);
        }
    }

    private static FdType fdType(int scapType) {
        return switch (scapType) {
            case 1 -> FdType.FILE;
            case 2 -> FdType.DIRECTORY;
            case 7 -> FdType.PIPE;
            case 9 -> FdType.EVENT;
            case 11 -> FdType.SIGNALFD;
            case 12 -> FdType.EVENTPOLL;
            case 13 -> FdType.INOTIFY;
            case 14 -> FdType.TIMERFD;
            case 15 -> FdType.NETLINK;
            case 17 -> FdType.BPF;
            case 18 -> FdType.USERFAULTFD;
            case 19 -> FdType.IOURING;
            case 20 -> FdType.MEMFD;
            case 21 -> FdType.PIDFD;
            default -> FdType.UNKNOWN;
        };
    }

    static String l4(int proto) {
        return switch (proto) {
            case 1 -> "tcp";
            case 2 -> "udp";
            case 3 -> "icmp";
            case 4 -> "raw";
            default -> null;
        };
    }

    private static String ipv4(Cursor c) {
        return ScapState.ipv4(c.u32());
    }

    private static String ipv6(Cursor c) {
        return ScapState.ipv6(c.bytes(16), 0);
    }

    static void readUserList(BlockInput in, boolean v2, ScapState state) {
        Cursor c = new Cursor(in, in.bodyStart, in.bodyStart + in.bodyLength(), "user list");
        while (c.left() >= 4) {
            long subLen = v2 ? c.u32() : 0;
            int entryStart = c.pos - (v2 ? 4 : 0);
            int kind = c.u8();
            if (kind == 0) {
                long uid = c.u32();
                c.u32(); // gid
                String name = c.str16(255);
                c.str16(255); // home
                c.str16(255); // shell
                state.addUser(uid, name);
            } else {
                long gid = c.u32();
                state.addGroup(gid, c.str16(255));
            }
            if (subLen > 0) {
                long end = entryStart + subLen;
                if (end > c.end || c.pos > end) throw c.fail("entry length " + subLen + " does not match its content");
                c.pos = (int) end;
            }
        }
    }

}
