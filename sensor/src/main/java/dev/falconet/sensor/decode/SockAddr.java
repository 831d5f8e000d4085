package dev.falconet.sensor.decode;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * A socket address as a process passed it (struct sockaddr_in, _in6, _un).
 *
 * @param family AF_* number
 * @param ip     textual address for inet families, null otherwise
 * @param port   port for inet families, -1 otherwise
 * @param path   unix socket path ("@name" for the abstract namespace), null otherwise
 */
public record SockAddr(int family, String ip, int port, String path) {
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    /** Decodes {@code len} bytes of a sockaddr; null when too short to carry a family. */
    public static SockAddr decode(MemorySegment s, long off, int len) {
        if (len < 2) return null;
        int family = Short.toUnsignedInt(s.get(JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), off));
        return switch (family) {
            case AF_INET -> len < 8 ? new SockAddr(family, null, -1, null)
                    : new SockAddr(family, Inet.ipv4(s, off + 4), port(s, off + 2), null);
            case AF_INET6 -> len < 24 ? new SockAddr(family, null, -1, null)
                    : new SockAddr(family, Inet.ipv6(s, off + 8), port(s, off + 2), null);
            case AF_UNIX -> new SockAddr(family, null, -1, unixPath(s, off + 2, len - 2));
            default -> new SockAddr(family, null, -1, null);
        };
    }

    private static int port(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), off));
    }

    private static String unixPath(MemorySegment s, long off, int len) {
        if (len <= 0) return "";
        boolean abstractNs = s.get(JAVA_BYTE, off) == 0;
        int start = abstractNs ? 1 : 0;
        int end = start;
        while (end < len && s.get(JAVA_BYTE, off + end) != 0) end++;
        byte[] b = new byte[end - start];
        MemorySegment.copy(s, JAVA_BYTE, off + start, b, 0, b.length);
        String p = new String(b, StandardCharsets.UTF_8);
        return abstractNs ? "@" + p : p;
    }

    /** {@code ip:port} for inet, the path for unix. */
    public String render() {
        if (ip != null) return (family == AF_INET6 ? ip : ip) + ":" + port;
        if (path != null) return path;
        return "";
    }
}
