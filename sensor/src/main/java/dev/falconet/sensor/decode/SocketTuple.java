package dev.falconet.sensor.decode;

/**
 * A socket's addresses as the kernel holds them (struct sock): family, protocol, and the local
 * and remote address/port. For unix sockets only the family is known.
 */
public record SocketTuple(int family, int protocol, int sockType, String localIp, int localPort,
                          String remoteIp, int remotePort) {
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_ICMP = 1;
    public static final int SOCK_RAW = 3;

    public boolean isInet() {
        return family == SockAddr.AF_INET || family == SockAddr.AF_INET6;
    }

    /** libsinsp's l4 protocol name. */
    public String l4proto() {
        if (sockType == SOCK_RAW) return "raw";
        return switch (protocol) {
            case IPPROTO_TCP -> "tcp";
            case IPPROTO_UDP -> "udp";
            case IPPROTO_ICMP, 58 -> "icmp";
            default -> "unknown";
        };
    }
}
