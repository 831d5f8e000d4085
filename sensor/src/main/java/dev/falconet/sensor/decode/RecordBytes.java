package dev.falconet.sensor.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds ring records byte for byte as the probe writes them (records.h): the fixed header, then 4-byte blob
 * headers (tag, kind, length) with their data 4-byte aligned. The sensor's JIT warm-up feeds such records to
 * its own consumer; the decoder and state tests use them as fixtures.
 */
public final class RecordBytes {
    private final ByteBuffer hdr = ByteBuffer.allocate(RecordLayout.HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteArrayOutputStream blobs = new ByteArrayOutputStream();

    private RecordBytes(int kind, int nr, long ts, long tid, long pid, long res, long[] args) {
        hdr.putLong(RecordLayout.TS, ts).putInt(RecordLayout.TID, (int) tid).putInt(RecordLayout.PID, (int) pid)
                .putShort(RecordLayout.KIND, (short) kind).putShort(RecordLayout.NR, (short) nr)
                .putLong(RecordLayout.RES, res).putInt(RecordLayout.EUID, 0).putInt(RecordLayout.EGID, 0);
        for (int i = 0; i < args.length; i++) hdr.putLong(RecordLayout.ARGS + 8 * i, args[i]);
    }

    /** A record of any kind ({@link RecordLayout#REC_SYSCALL}, {@code REC_FORK}, ...) with its header arguments. */
    public static RecordBytes of(int kind, int nr, long ts, long tid, long pid, long res, long... args) {
        return new RecordBytes(kind, nr, ts, tid, pid, res, args);
    }

    public static RecordBytes syscall(int nr, long ts, long tid, long pid, long res, long... args) {
        return of(RecordLayout.REC_SYSCALL, nr, ts, tid, pid, res, args);
    }

    public static RecordBytes exec(long ts, long tid, long pid) {
        return of(RecordLayout.REC_EXEC, 0, ts, tid, pid, 0);
    }

    public static byte[] fork(long ts, long tid, long pid, long childTid, long childPid) {
        return of(RecordLayout.REC_FORK, 0, ts, tid, pid, 0, childTid, childPid, tid, pid, ts, (childTid - 10) | (childPid - 10) << 32).bytes();
    }

    public static byte[] exit(long ts, long tid, long pid) {
        return of(RecordLayout.REC_EXIT, 0, ts, tid, pid, 0).bytes();
    }

    public RecordBytes blob(int tag, int kind, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.BLOB_HEADER + ((payload.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) tag).put((byte) kind).putShort((short) payload.length).put(payload);
        blobs.writeBytes(b.array());
        return this;
    }

    /** A string as the probe reads it: UTF-8, without its NUL. */
    public RecordBytes str(int tag, int kind, String s) {
        return blob(tag, kind, s.getBytes(StandardCharsets.UTF_8));
    }

    public RecordBytes fileInfo(int tag, long dev, long ino) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.FILE_INFO).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(RecordLayout.F_INO, ino).putInt(RecordLayout.F_DEV, (int) dev);
        return blob(tag, RecordLayout.ARG_FILE_FD, b.array());
    }

    /** An IPv4 stream socket's tuple: local and remote as a.b.c.d / port. */
    public RecordBytes tuple4(int tag, int proto, byte[] laddr, int lport, byte[] raddr, int rport) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.TUPLE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(RecordLayout.T_FAMILY, (short) 2).putShort(RecordLayout.T_PROTO, (short) proto).putShort(RecordLayout.T_TYPE, (short) 1)
                .putShort(RecordLayout.T_LPORT, (short) lport).putShort(RecordLayout.T_RPORT, (short) rport);
        b.put(RecordLayout.T_LADDR, laddr).put(RecordLayout.T_RADDR, raddr);
        return blob(tag, RecordLayout.ARG_TUPLE_FD, b.array());
    }

    /** Exec information with CAP_SYS_ADMIN effective only. */
    public RecordBytes execInfo(int exeFlags, long loginuid, long ppid, String comm) {
        return execInfo(exeFlags, loginuid, ppid, comm, 1L << 21, 0, 0);
    }

    public RecordBytes execInfo(int exeFlags, long loginuid, long ppid, String comm, long capEff, long capPrm, long capInh) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.EXEC_INFO).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RecordLayout.EI_EXE_FLAGS, exeFlags).putInt(RecordLayout.EI_LOGINUID, (int) loginuid)
                .putLong(RecordLayout.EI_EXE_INO, 1234).putInt(RecordLayout.EI_PPID, (int) ppid).putInt(RecordLayout.EI_PATH_COMPLETE, 1)
                .putLong(RecordLayout.EI_CAP_EFF, capEff).putLong(RecordLayout.EI_CAP_PRM, capPrm).putLong(RecordLayout.EI_CAP_INH, capInh);
        byte[] c = comm.getBytes(StandardCharsets.UTF_8);
        b.put(RecordLayout.EI_COMM, c, 0, Math.min(15, c.length));
        return blob(RecordLayout.BLOB_EXEC_INFO, 0, b.array());
    }

    public byte[] bytes() {
        byte[] h = hdr.array();
        byte[] out = new byte[h.length + blobs.size()];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(blobs.toByteArray(), 0, out, h.length, blobs.size());
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(RecordLayout.LEN, out.length);
        return out;
    }
}
