package dev.falconet.sensor.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds ring records byte for byte as the probe writes them (records.h), for decoder fixtures. */
public final class RecordBytes {
    private final ByteBuffer hdr = ByteBuffer.allocate(RecordLayout.HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteArrayOutputStream blobs = new ByteArrayOutputStream();

    private RecordBytes(int kind, int nr, long ts, long tid, long pid, long res, long[] args, long euid, long egid) {
        hdr.putLong(RecordLayout.TS, ts).putInt(RecordLayout.TID, (int) tid).putInt(RecordLayout.PID, (int) pid)
                .putShort(RecordLayout.KIND, (short) kind).putShort(RecordLayout.NR, (short) nr)
                .putLong(RecordLayout.RES, res).putInt(RecordLayout.EUID, (int) euid).putInt(RecordLayout.EGID, (int) egid);
        for (int i = 0; i < args.length; i++) hdr.putLong(RecordLayout.ARGS + 8 * i, args[i]);
    }

    public static RecordBytes syscall(int nr, long ts, long tid, long pid, long res, long... args) {
        return new RecordBytes(RecordLayout.REC_SYSCALL, nr, ts, tid, pid, res, args, 0, 0);
    }

    public static RecordBytes exec(long ts, long tid, long pid) {
        return new RecordBytes(RecordLayout.REC_EXEC, 0, ts, tid, pid, 0, new long[0], 0, 0);
    }

    public static byte[] fork(long ts, long tid, long pid, long childTid, long childPid) {
        return new RecordBytes(RecordLayout.REC_FORK, 0, ts, tid, pid, 0, new long[] {childTid, childPid, tid, pid, ts, (childTid - 10) | (childPid - 10) << 32}, 0, 0).bytes();
    }

    public static byte[] exit(long ts, long tid, long pid) {
        return new RecordBytes(RecordLayout.REC_EXIT, 0, ts, tid, pid, 0, new long[0], 0, 0).bytes();
    }

    public RecordBytes blob(int tag, int kind, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + ((payload.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) tag).put((byte) kind).putShort((short) payload.length).put(payload);
        blobs.writeBytes(b.array());
        return this;
    }

    public RecordBytes str(int tag, int kind, String s) {
        return blob(tag, kind, s.getBytes(StandardCharsets.UTF_8));
    }

    public RecordBytes fileInfo(int tag, long dev, long ino) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.FILE_INFO).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(ino).putInt((int) dev).putInt(0);
        return blob(tag, RecordLayout.ARG_FILE_FD, b.array());
    }

    /** An IPv4 tuple: local and remote as a.b.c.d / port. */
    public RecordBytes tuple4(int tag, int proto, byte[] laddr, int lport, byte[] raddr, int rport) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.TUPLE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2).putShort((short) proto).putShort((short) 1).putShort((short) lport).putShort((short) rport).putShort((short) 0);
        b.put(RecordLayout.T_LADDR, laddr).put(RecordLayout.T_RADDR, raddr);
        return blob(tag, RecordLayout.ARG_TUPLE_FD, b.array());
    }

    public RecordBytes execInfo(int exeFlags, long loginuid, long ppid, String comm) {
        ByteBuffer b = ByteBuffer.allocate(RecordLayout.EXEC_INFO).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RecordLayout.EI_EXE_FLAGS, exeFlags).putInt(RecordLayout.EI_LOGINUID, (int) loginuid)
                .putLong(RecordLayout.EI_EXE_INO, 1234).putLong(RecordLayout.EI_CAP_EFF, 1L << 21)
                .putInt(RecordLayout.EI_PPID, (int) ppid).putInt(RecordLayout.EI_PATH_COMPLETE, 1);
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
