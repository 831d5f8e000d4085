package dev.falconet.scap;

import dev.falconet.capture.CaptureException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The block layer of a scap file: reads whole blocks (header, body, trailing length) from a stream
 * into one reusable buffer and checks their framing. A block's length is checked against a limit
 * before any memory is reserved for it, so a corrupt length field gives an error, not an
 * out-of-memory. Offsets in errors are byte offsets in the (decompressed) scap stream.
 */
final class BlockInput {
    /** No block may be larger than this (the largest process list block seen in practice is a few MB). */
    static final int MAX_BLOCK = 64 << 20;
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final String name;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Stream offset of buf[0]. */
    private long base;
    private boolean eof;

    /** The current block: type, total length, and where its body starts in {@link #buf()}. */
    int type;
    int length;
    int bodyStart;
    long blockOffset;

    BlockInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    byte[] buf() {
        return buf;
    }

    /**
     * Reads the next block. Returns false at a clean end of file (no byte left); a partial block is an error.
     */
    boolean next() {
        if (!fill(8)) {
            if (limit - pos == 0) return false;
            throw fail(base + pos, "truncated block header: " + (limit - pos) + " of 8 bytes");
        }
        int t = i32(buf, pos);
        long len = u32(buf, pos + 4);
        long at = base + pos;
        if (len < 12) throw fail(at, "block length " + len + " is smaller than the 12-byte minimum");
        if (len > MAX_BLOCK) {
            throw fail(at, String.format("block length %d (type 0x%x) is over the %d MiB limit: corrupt length field", len, t, MAX_BLOCK >> 20));
        }
        if (!fill((int) len)) {
            throw fail(at, String.format("truncated block (type 0x%x): %d of %d bytes present", t, limit - pos, len));
        }
        int trailer = i32(buf, pos + (int) len - 4);
        if (trailer != (int) len) {
            throw fail(at, String.format("block length %d (type 0x%x) does not match its trailing length %d", len, t, Integer.toUnsignedLong(trailer)));
        }
        type = t;
        length = (int) len;
        bodyStart = pos + 8;
        blockOffset = at;
        pos += (int) len;
        return true;
    }

    /** The next 4 bytes without consuming them (the file's magic); a file shorter than that is an error. */
    int peekInt() {
        if (!fill(4)) {
            if (limit - pos == 0) throw fail(base + pos, "empty file; not a scap capture");
            throw fail(base + pos, "only " + (limit - pos) + " bytes; not a scap capture");
        }
        return i32(buf, pos);
    }

    /** Body length of the current block (without header and trailer). */
    int bodyLength() {
        return length - 12;
    }

    /** Makes at least n bytes available from pos; false when the stream ends first. */
    private boolean fill(int n) {
        if (limit - pos >= n) return true;
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        try {
            while (limit < n) {
                if (limit == buf.length) {
                    // grow only as data arrives: a corrupt length never reserves memory the stream does not back
                    byte[] bigger = new byte[(int) Math.min(n, 2L * buf.length)];
                    System.arraycopy(buf, 0, bigger, 0, limit);
                    buf = bigger;
                }
                int r = in.read(buf, limit, Math.min(buf.length - limit, Math.max(n - limit, 1 << 20)));
                if (r < 0) {
                    eof = true;
                    return false;
                }
                limit += r;
            }
        } catch (IOException e) {
            throw new CaptureException(name + ": at byte " + (base + limit) + ": cannot read: " + e.getMessage(), e);
        }
        return true;
    }

    void close() throws IOException {
        in.close();
    }

    CaptureException fail(long offset, String message) {
        return new CaptureException(name + ": at byte " + offset + ": " + message);
    }

    static int i16(byte[] b, int off) {
        return (short) I16.get(b, off);
    }

    static int u16(byte[] b, int off) {
        return Short.toUnsignedInt((short) I16.get(b, off));
    }

    static int i32(byte[] b, int off) {
        return (int) I32.get(b, off);
    }

    static long u32(byte[] b, int off) {
        return Integer.toUnsignedLong((int) I32.get(b, off));
    }

    static long i64(byte[] b, int off) {
        return (long) I64.get(b, off);
    }
}
