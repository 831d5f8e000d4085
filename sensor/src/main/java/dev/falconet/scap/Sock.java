package dev.falconet.scap;

/** Socket addresses as scap stores them in event parameters. */
final class Sock {
    private Sock() {}

    static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;

    /** A sockaddr parameter: family, and an ip/port or a unix path. */
    record Addr(int family, String ip, int port, String path) {
        String render() {
            if (ip != null) return ip + ":" + port;
            return path == null ? "" : path;
        }
    }

    /** A socktuple parameter: source and destination (client and server), or unix endpoints and path. */
    record Tuple(int family, String sip, int sport, String dip, int dport, long usrc, long udst, String path) {
        boolean inet() {
            return family == AF_INET || family == AF_INET6;
        }

        String render() {
            if (inet()) return sip + ":" + sport + "->" + dip + ":" + dport;
            if (family == AF_UNIX) return ScapState.unixName(usrc, udst, path);
            return "";
        }
    }

    static Addr addr(byte[] b, int off, int len) {
        if (len < 1) return null;
        int fam = b[off] & 0xff;
        return switch (fam) {
            case AF_INET -> len < 7 ? new Addr(fam, null, 0, null)
                    : new Addr(fam, ScapState.ipv4(BlockInput.u32(b, off + 1)), BlockInput.u16(b, off + 5), null);
            case AF_INET6 -> len < 19 ? new Addr(fam, null, 0, null)
                    : new Addr(fam, ScapState.ipv6(b, off + 1), BlockInput.u16(b, off + 17), null);
            case AF_UNIX -> new Addr(fam, null, 0, Cursor.text(b, off + 1, len - 1));
            default -> new Addr(fam, null, 0, null);
        };
    }

    static Tuple tuple(byte[] b, int off, int len) {
        if (len < 1) return null;
        int fam = b[off] & 0xff;
        if (fam == AF_INET && len >= 13) {
            return new Tuple(fam, ScapState.ipv4(BlockInput.u32(b, off + 1)), BlockInput.u16(b, off + 5),
                    ScapState.ipv4(BlockInput.u32(b, off + 7)), BlockInput.u16(b, off + 11), 0, 0, null);
        }
        if (fam == AF_INET6 && len >= 37) {
            return new Tuple(fam, ScapState.ipv6(b, off + 1), BlockInput.u16(b, off + 17),
                    ScapState.ipv6(b, off + 19), BlockInput.u16(b, off + 35), 0, 0, null);
        }
        if (fam == AF_UNIX && len >= 17) {
            return new Tuple(fam, null, 0, null, 0, BlockInput.i64(b, off + 1), BlockInput.i64(b, off + 9),
                    Cursor.text(b, off + 17, len - 17));
        }
        return new Tuple(fam, null, 0, null, 0, 0, 0, null);
    }
}
