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
        boolean v4 = text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) return null;
        if (v4 && text.chars().filter(c -> c == '.').count() != 3) return null;
        try {
            return InetAddress.ofLiteral(text).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
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
