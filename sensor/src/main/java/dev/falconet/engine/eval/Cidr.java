package dev.falconet.engine.eval;

/** An IP network ({@code 10.0.0.0/8}, {@code ::1/128}) or a single address, matched byte-wise. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    /** For an IPv4 network: its address and mask as 32-bit values (the evaluation fast path). */
    private final long bits4;
    private final long mask4;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        long b = 0;
        if (network.length == 4) for (byte x : network) b = b << 8 | (x & 0xff);
        this.bits4 = b;
        this.mask4 = network.length == 4 && prefix > 0 ? (0xffffffffL << (32 - prefix)) & 0xffffffffL : 0;
    }

    /** Parses an address or CIDR; null when it is neither. No DNS lookups. */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        byte[] addr = address(slash < 0 ? t : t.substring(0, slash));
        if (addr == null) return null;
        int prefix = addr.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > addr.length * 8) return null;
        }
        return new Cidr(addr, prefix);
    }

    /** The bytes of a literal IPv4 or IPv6 address; null when the text is not one. */
    public static byte[] address(String text) {
        if (text.isEmpty()) return null;
        if (text.indexOf(':') < 0) return ipv4(text);
        return ipv6(text);
    }

    /**
     * IPv6 text ({@code 2001:db8::1}, {@code ::ffff:1.2.3.4}) without exceptions or allocation beyond
     * the result: field values are parsed on every evaluation of {@code fd.net}/{@code fd.ip} checks.
     */
    private static byte[] ipv6(String s) {
        byte[] out = new byte[16];
        int n = s.length();
        int gap = -1;
        int o = 0;
        int i = 0;
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            gap = 0;
            i = 2;
        } else if (n > 0 && s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            int start = i;
            int v = 0;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) v = v * 16 + Character.digit(s.charAt(i++), 16);
            if (i < n && s.charAt(i) == '.') {
                byte[] v4 = ipv4(s.substring(start));
                if (v4 == null || o + 4 > 16) return null;
                System.arraycopy(v4, 0, out, o, 4);
                o += 4;
                i = n;
                break;
            }
            if (i == start || o + 2 > 16) return null;
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
            if (i == n) break;
            if (s.charAt(i) != ':') return null;
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) return null;
                gap = o;
                i++;
            } else if (i == n) {
                return null;
            }
        }
        if (gap >= 0) {
            int tail = o - gap;
            if (o == 16) return null;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            for (int k = gap; k < 16 - tail; k++) out[k] = 0;
        } else if (o != 16) {
            return null;
        }
        return out;
    }

    /** Dotted-quad IPv4 without allocation beyond the result (this is on the evaluation hot path). */
    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return null;
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /**
     * A dotted-quad IPv4 address as an unsigned 32-bit value, or -1 when the text is not one (the
     * same syntax as {@link #address}); no allocation: field values are parsed on every evaluation.
     */
    public static long ipv4Bits(String s) {
        long bits = 0;
        int part = 0;
        int value = -1;
        for (int i = 0, n = s.length(); i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return -1;
                bits = bits << 8 | value;
                part++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) return -1;
            } else {
                return -1;
            }
        }
        return part == 4 ? bits : -1;
    }

    /** Whether an IPv4 address given by {@link #ipv4Bits} lies in this network (never for an IPv6 network). */
    public boolean containsIpv4(long bits) {
        return network.length == 4 && ((bits ^ bits4) & mask4) == 0;
    }

    public boolean contains(String address) {
        byte[] a = address(address);
        return a != null && contains(a);
    }

    public boolean contains(byte[] a) {
        if (a.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }
}
