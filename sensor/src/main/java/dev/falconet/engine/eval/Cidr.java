package dev.falconet.engine.eval;

import java.net.InetAddress;

/** An IP network ({@code 10.0.0.0/8}, {@code ::1/128}) or a single address, matched byte-wise. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '.' && Character.digit(c, 16) < 0) return null;
        }
        try {
            return InetAddress.ofLiteral(text).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
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
