package dev.falconet.sensor.decode;

import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/** Textual IPv4/IPv6 addresses from raw bytes in network order. */
public final class Inet {
    private Inet() {}

    public static String ipv4(MemorySegment s, long off) {
        return (s.get(JAVA_BYTE, off) & 0xff) + "." + (s.get(JAVA_BYTE, off + 1) & 0xff) + "."
                + (s.get(JAVA_BYTE, off + 2) & 0xff) + "." + (s.get(JAVA_BYTE, off + 3) & 0xff);
    }

    /** IPv6 in the compressed form libsinsp prints (IPv4-mapped addresses as the plain IPv4). */
    public static String ipv6(MemorySegment s, long off) {
        byte[] b = new byte[16];
        MemorySegment.copy(s, JAVA_BYTE, off, b, 0, 16);
        try {
            InetAddress a = InetAddress.getByAddress(b);
            if (!(a instanceof Inet6Address)) return a.getHostAddress(); // IPv4-mapped
            return compress(a.getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java prints 0:0:0:0:0:0:0:1; the usual form is ::1. */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) j++;
                if (j - i > bestLen) { bestLen = j - i; bestStart = i; }
                i = j;
            } else i++;
        }
        if (bestLen < 2) return full;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) sb.append(i > 0 ? ":" : "").append(parts[i]);
        sb.append("::");
        for (int i = bestStart + bestLen; i < parts.length; i++) sb.append(i > bestStart + bestLen ? ":" : "").append(parts[i]);
        return sb.toString();
    }
}
