package dev.falconet.scap;

import dev.falconet.capture.CaptureException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bounds-checked little-endian reader over part of a block; reading past the end is a clean error with the byte offset. */
final class Cursor {
    private final BlockInput in;
    private final byte[] b;
    int pos;
    final int end;
    private final String what;

    Cursor(BlockInput in, int start, int end, String what) {
        this.in = in;
        this.b = in.buf();
        this.pos = start;
        this.end = end;
        this.what = what;
    }

    int left() {
        return end - pos;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) throw fail("needs " + n + " bytes, " + (end - pos) + " left");
    }

    CaptureException fail(String message) {
        return in.fail(in.blockOffset + (pos - in.bodyStart) + 8, what + ": " + message);
    }

    int u8() {
        need(1);
        return b[pos++] & 0xff;
    }

    int u16() {
        need(2);
        int v = BlockInput.u16(b, pos);
        pos += 2;
        return v;
    }

    long u32() {
        need(4);
        long v = BlockInput.u32(b, pos);
        pos += 4;
        return v;
    }

    long i64() {
        need(8);
        long v = BlockInput.i64(b, pos);
        pos += 8;
        return v;
    }

    byte[] bytes(int n) {
        need(n);
        byte[] r = new byte[n];
        System.arraycopy(b, pos, r, 0, n);
        pos += n;
        return r;
    }

    void skip(long n) {
        if (n < 0 || n > end - pos) throw fail("cannot skip " + n + " bytes, " + (end - pos) + " left");
        pos += (int) n;
    }

    /** A u16-length-prefixed string (not NUL-terminated on file, but cut at a NUL if there is one). */
    String str16(int max) {
        int n = u16();
        if (n > max) throw fail("string length " + n + " is over the limit " + max);
        need(n);
        String s = text(b, pos, n);
        pos += n;
        return s;
    }

    /** A u16-length-prefixed list of NUL-separated strings (argv, environment, cgroups). */
    List<String> list16(int max) {
        int n = u16();
        if (n > max) throw fail("list length " + n + " is over the limit " + max);
        need(n);
        List<String> out = split(b, pos, n);
        pos += n;
        return out;
    }

    static String text(byte[] b, int off, int n) {
        int e = off;
        int end = off + n;
        while (e < end && b[e] != 0) e++;
        return new String(b, off, e - off, StandardCharsets.UTF_8);
    }

    static List<String> split(byte[] b, int off, int n) {
        List<String> out = new ArrayList<>();
        int start = off, end = off + n;
        for (int i = off; i < end; i++) {
            if (b[i] == 0) {
                out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < end) out.add(new String(b, start, end - start, StandardCharsets.UTF_8));
        return out;
    }
}
