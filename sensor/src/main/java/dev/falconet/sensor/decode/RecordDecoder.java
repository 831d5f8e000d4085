package dev.falconet.sensor.decode;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.falconet.sensor.decode.RecordLayout.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The decode stage: one ring record (the bytes the probe wrote, see records.h) to a typed
 * {@link ProbeRecord}. Stateless; malformed records (truncated, unknown kind) give a
 * {@link MalformedRecordException} naming what is wrong.
 */
public final class RecordDecoder {

    /** A record that does not follow the layout. */
    public static final class MalformedRecordException extends RuntimeException {
        public MalformedRecordException(String message) {
            super(message);
        }
    }

    private static final String[] NO_STRINGS = new String[6];
    private static final SockAddr[] NO_ADDRS = new SockAddr[6];

    public ProbeRecord decode(MemorySegment r) {
        long size = r.byteSize();
        if (size < HEADER) throw new MalformedRecordException("record of " + size + " bytes, shorter than the header");
        long len = Integer.toUnsignedLong(r.get(U32, LEN));
        if (len > size || len < HEADER) throw new MalformedRecordException("record length " + len + " but " + size + " bytes");
        int kind = Short.toUnsignedInt(r.get(U16, KIND));
        long ts = r.get(U64, TS);
        long tid = Integer.toUnsignedLong(r.get(U32, TID));
        long pid = Integer.toUnsignedLong(r.get(U32, PID));
        return switch (kind) {
            case REC_SYSCALL -> syscall(r, len, ts, tid, pid);
            case REC_EXEC -> exec(r, len, ts, tid, pid);
            case REC_FORK -> new ProbeRecord.ForkRecord(ts, tid, pid, arg(r, 0), arg(r, 1), r.get(U64, ARGS + 32));
            case REC_EXIT -> new ProbeRecord.ExitRecord(ts, tid, pid, r.get(U64, RES));
            default -> throw new MalformedRecordException("unknown record kind " + kind);
        };
    }

    private static long arg(MemorySegment r, int i) {
        return r.get(U64, ARGS + 8L * i);
    }

    private static long uid(MemorySegment r, long off) {
        return Integer.toUnsignedLong(r.get(U32, off));
    }

    private ProbeRecord syscall(MemorySegment r, long len, long ts, long tid, long pid) {
        int nr = Short.toUnsignedInt(r.get(U16, NR));
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) args[i] = arg(r, i);
        // most records carry no string or address: they share one empty (never written) array each
        String[] strings = NO_STRINGS;
        SockAddr[] addrs = NO_ADDRS;
        SocketTuple tuple = null;
        FileId file = null;
        int[] pair = null;
        long[] how = null;
        long off = HEADER;
        while (off + BLOB_HEADER <= len) {
            int tag = Byte.toUnsignedInt(r.get(JAVA_BYTE, off + BLOB_TAG));
            int bkind = Byte.toUnsignedInt(r.get(JAVA_BYTE, off + BLOB_KIND));
            int blen = Short.toUnsignedInt(r.get(U16, off + BLOB_LEN));
            long data = off + BLOB_HEADER;
            if (data + blen > len) throw new MalformedRecordException("blob of " + blen + " bytes at " + off + " past the record end " + len);
            if (tag > 5) throw new MalformedRecordException("syscall blob for argument " + tag);
            switch (bkind) {
                case ARG_STR -> {
                    if (strings == NO_STRINGS) strings = new String[6];
                    strings[tag] = string(r, data, blen);
                }
                case ARG_SOCKADDR, ARG_SOCKADDR_LENP -> {
                    if (addrs == NO_ADDRS) addrs = new SockAddr[6];
                    addrs[tag] = SockAddr.decode(r, data, blen);
                }
                case ARG_TUPLE_FD -> tuple = blen >= TUPLE ? tuple(r, data) : null;
                case ARG_INT_PAIR -> pair = blen >= 8 ? new int[] {r.get(U32, data), r.get(U32, data + 4)} : null;
                case ARG_OPEN_HOW -> how = blen >= 16 ? new long[] {r.get(U64, data), r.get(U64, data + 8)} : null;
                case ARG_FILE_FD -> file = blen >= FILE_INFO ? new FileId(Integer.toUnsignedLong(r.get(U32, data + F_DEV)),
                        r.get(U64, data + F_INO), Integer.toUnsignedLong(r.get(U32, data + F_FLAGS))) : null;
                default -> throw new MalformedRecordException("unknown blob kind " + bkind);
            }
            off = data + ((blen + 3) & ~3L);
        }
        return new ProbeRecord.SyscallExit(ts, tid, pid, nr, r.get(U64, RES), args, uid(r, EUID), uid(r, EGID),
                strings, addrs, tuple, file, pair, how);
    }

    static SocketTuple tuple(MemorySegment r, long d) {
        int family = Short.toUnsignedInt(r.get(U16, d + T_FAMILY));
        int proto = Short.toUnsignedInt(r.get(U16, d + T_PROTO));
        int type = Short.toUnsignedInt(r.get(U16, d + T_TYPE));
        int lport = Short.toUnsignedInt(r.get(U16, d + T_LPORT));
        int rport = Short.toUnsignedInt(r.get(U16, d + T_RPORT));
        String l = null, rem = null;
        if (family == SockAddr.AF_INET) {
            l = Inet.ipv4(r, d + T_LADDR);
            rem = Inet.ipv4(r, d + T_RADDR);
        } else if (family == SockAddr.AF_INET6) {
            l = Inet.ipv6(r, d + T_LADDR);
            rem = Inet.ipv6(r, d + T_RADDR);
        }
        return new SocketTuple(family, proto, type, l, lport, rem, rport);
    }

    private ProbeRecord exec(MemorySegment r, long len, long ts, long tid, long pid) {
        String filename = "";
        List<String> argv = List.of();
        List<String> exeParts = new ArrayList<>();
        List<String> cg1 = new ArrayList<>();
        List<String> cg2 = new ArrayList<>();
        long info = -1;
        long off = HEADER;
        while (off + BLOB_HEADER <= len) {
            int tag = Byte.toUnsignedInt(r.get(JAVA_BYTE, off + BLOB_TAG));
            int blen = Short.toUnsignedInt(r.get(U16, off + BLOB_LEN));
            long data = off + BLOB_HEADER;
            if (data + blen > len) throw new MalformedRecordException("exec blob of " + blen + " bytes at " + off + " past the record end " + len);
            switch (tag) {
                case BLOB_FILENAME -> filename = string(r, data, blen);
                case BLOB_ARGS -> argv = nulSeparated(r, data, blen);
                case BLOB_EXE_DENTRY -> exeParts.add(string(r, data, blen));
                case BLOB_CGROUP -> cg1.add(string(r, data, blen));
                case BLOB_CGROUP2 -> cg2.add(string(r, data, blen));
                case BLOB_EXEC_INFO -> {
                    if (blen < EXEC_INFO) throw new MalformedRecordException("exec info of " + blen + " bytes");
                    info = data;
                }
                default -> throw new MalformedRecordException("unknown exec blob tag " + tag);
            }
            off = data + ((blen + 3) & ~3L);
        }
        if (info < 0) throw new MalformedRecordException("exec record without exec info");
        boolean complete = r.get(U32, info + EI_PATH_COMPLETE) != 0;
        String exePath = complete && !exeParts.isEmpty() ? joinLeafFirst(exeParts) : null;
        return new ProbeRecord.ExecRecord(ts, tid, pid, uid(r, EUID), uid(r, EGID), string(r, info + EI_COMM, 16),
                filename, argv, exePath,
                List.of(joinLeafFirst(cg1), joinLeafFirst(cg2)),
                r.get(U32, info + EI_EXE_FLAGS), uid(r, info + EI_LOGINUID),
                r.get(U32, info + EI_TTY_MAJOR), r.get(U32, info + EI_TTY_MINOR),
                r.get(U64, info + EI_EXE_INO), r.get(U64, info + EI_CTIME), r.get(U64, info + EI_MTIME),
                r.get(U64, info + EI_CAP_EFF), r.get(U64, info + EI_CAP_PRM), r.get(U64, info + EI_CAP_INH),
                r.get(U64, info + EI_START), uid(r, info + EI_PPID), uid(r, info + EI_UID), uid(r, info + EI_GID));
    }

    /** Components collected leaf first, joined as an absolute path. */
    static String joinLeafFirst(List<String> parts) {
        if (parts.isEmpty()) return "/";
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) sb.append('/').append(parts.get(i));
        return sb.toString();
    }

    static String string(MemorySegment r, long off, int len) {
        int n = 0;
        while (n < len && r.get(JAVA_BYTE, off + n) != 0) n++;
        byte[] b = new byte[n];
        MemorySegment.copy(r, JAVA_BYTE, off, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    static List<String> nulSeparated(MemorySegment r, long off, int len) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i == len || r.get(JAVA_BYTE, off + i) == 0) {
                if (i > start || (i < len)) {
                    byte[] b = new byte[i - start];
                    MemorySegment.copy(r, JAVA_BYTE, off + start, b, 0, b.length);
                    if (i < len || b.length > 0) out.add(new String(b, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
