package dev.falconet.fields;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import java.util.List;
import java.util.function.Function;

/** The {@code fd.*} fields: the file descriptor the event opened, used or created. */
final class FdFields extends FieldFamily {
    private static final FdFields FAMILY = new FdFields();

    private FdFields() {}

    private static final String[] TYPE_CHARS = new String[FdType.values().length];
    static {
        for (FdType t : FdType.values()) TYPE_CHARS[t.ordinal()] = String.valueOf(t.typeChar());
    }

    /** Last directory/filename split per extracting thread: rules read both many times for the same fd. */
    private record Split(String name, String directory, String filename) {}

    private static final ThreadLocal<Split[]> SPLITS = ThreadLocal.withInitial(() -> new Split[1]);

    private static Split split(String name) {
        Split[] cache = SPLITS.get();
        Split s = cache[0];
        if (s != null && s.name == name) return s;
        int slash = name.lastIndexOf('/');
        String dir = slash < 0 ? null : slash == 0 ? "/" : name.substring(0, slash);
        s = new Split(name, dir, name.substring(slash + 1));
        cache[0] = s;
        return s;
    }

    static void register(FieldTable t) {
        t.inClass("fd", FAMILY);
        t.add("fd.num", FieldType.INT64, "Number of the file descriptor.");
        t.add("fd.type", FieldType.CHARBUF, "Kind of file descriptor: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf, userfaultfd, io_uring, memfd, pidfd.");
        t.add("fd.typechar", FieldType.CHARBUF, "Kind of file descriptor as one character: f file, d directory, 4 IPv4 socket, 6 IPv6 socket, u unix socket, p pipe, e eventfd, s signalfd, l eventpoll, i inotify, t timerfd, n netlink, b bpf, r io_uring, m memfd, P pidfd, o unknown.");
        t.add("fd.name", FieldType.CHARBUF, "Full name: the absolute path of a file, or the connection tuple (cip:cport->sip:sport) of a socket.");
        t.add("fd.nameraw", FieldType.CHARBUF, "The path as the process passed it, not made absolute (files only).");
        t.add("fd.directory", FieldType.CHARBUF, "Directory of a file (the path itself for a directory fd).");
        t.add("fd.filename", FieldType.CHARBUF, "File name of a file, without its directory.");
        t.add("fd.containername", FieldType.CHARBUF, "Container id and fd name joined by ':'.");
        t.add("fd.containerdirectory", FieldType.CHARBUF, "Container id and fd directory joined by ':'.");
        t.add("fd.uid", FieldType.CHARBUF, "Unique id of the fd: the thread id followed by the fd number.");
        t.add("fd.dev", FieldType.INT32, "Device number (major/minor) of the file's filesystem.");
        t.add("fd.dev.major", FieldType.INT32, "Major device number of the file's filesystem.");
        t.add("fd.dev.minor", FieldType.INT32, "Minor device number of the file's filesystem.");
        t.add("fd.ino", FieldType.INT64, "Inode number of the file.");

        t.add("fd.cip", FieldType.IPADDR, "Client IP address.");
        t.add("fd.sip", FieldType.IPADDR, "Server IP address.");
        t.add("fd.lip", FieldType.IPADDR, "Local IP address (this process's side of the connection).");
        t.add("fd.rip", FieldType.IPADDR, "Remote IP address (the other side of the connection).");
        t.filterOnly("fd.ip", FieldType.IPADDR, Multiplicity.EITHER_ENDPOINT,
                "Matches the client or the server IP address.");
        t.add("fd.cport", FieldType.PORT, "Client port of a TCP/UDP socket.");
        t.add("fd.sport", FieldType.PORT, "Server port of a TCP/UDP socket.");
        t.add("fd.lport", FieldType.PORT, "Local port of a TCP/UDP socket.");
        t.add("fd.rport", FieldType.PORT, "Remote port of a TCP/UDP socket.");
        t.filterOnly("fd.port", FieldType.PORT, Multiplicity.EITHER_ENDPOINT,
                "Matches the client or the server port.");
        t.add("fd.cnet", FieldType.IPNET, "Client IP address, for network (CIDR) matching: fd.cnet = 10.0.0.0/8.");
        t.add("fd.snet", FieldType.IPNET, "Server IP address, for network (CIDR) matching.");
        t.add("fd.lnet", FieldType.IPNET, "Local IP address, for network (CIDR) matching.");
        t.add("fd.rnet", FieldType.IPNET, "Remote IP address, for network (CIDR) matching.");
        t.filterOnly("fd.net", FieldType.IPNET, Multiplicity.EITHER_ENDPOINT,
                "Matches when the client or the server IP address lies in the network.");
        t.add("fd.l4proto", FieldType.CHARBUF, "IP protocol of a socket: tcp, udp, icmp or raw.");
        t.add("fd.sockfamily", FieldType.CHARBUF, "Socket family: ip or unix.");
        t.add("fd.is_server", FieldType.BOOL, "True when this process is the server side of the connection.");
        t.add("fd.connected", FieldType.BOOL, "True when the socket is connected.");
        t.add("fd.name_changed", FieldType.BOOL, "True when this event changed the fd's name (e.g. a UDP socket's tuple on connect or sendto).");
        t.add("fd.cip.name", FieldType.CHARBUF, "Domain name of the client IP address (no DNS tracking here: <NA>).");
        t.add("fd.sip.name", FieldType.CHARBUF, "Domain name of the server IP address (no DNS tracking here: <NA>).");
        t.add("fd.lip.name", FieldType.CHARBUF, "Domain name of the local IP address (no DNS tracking here: <NA>).");
        t.add("fd.rip.name", FieldType.CHARBUF, "Domain name of the remote IP address (no DNS tracking here: <NA>).");
    }

    @Override
    FieldExtractor extractor(String name) {
        return switch (name) {
            case "fd.num" -> fd(f -> f.num());
            case "fd.type" -> fd(f -> f.type().falcoName());
            case "fd.typechar" -> fd(f -> TYPE_CHARS[f.type().ordinal()]);
            case "fd.name" -> fd(FdInfo::name);
            case "fd.nameraw" -> fd(FdInfo::nameRaw);
            case "fd.directory" -> fd(FdFields::directory);
            case "fd.filename" -> fd(FdFields::filename);
            case "fd.containername" -> e -> {
                FdInfo f = e.fd();
                return f == null ? null : containerId(e) + ":" + f.name();
            };
            case "fd.containerdirectory" -> e -> {
                FdInfo f = e.fd();
                String dir = f == null ? null : directory(f);
                return dir == null ? null : containerId(e) + ":" + dir;
            };
            case "fd.uid" -> e -> {
                FdInfo f = e.fd();
                return f == null ? null : Long.toString(e.thread().tid()) + f.num();
            };
            case "fd.dev" -> fd(f -> f.dev() == 0 ? null : (Object) f.dev());
            case "fd.dev.major" -> fd(f -> f.dev() == 0 ? null : (Object) ((f.dev() >>> 20) & 0xfff));
            case "fd.dev.minor" -> fd(f -> f.dev() == 0 ? null : (Object) (f.dev() & 0xfffff));
            case "fd.ino" -> fd(f -> f.ino() == 0 ? null : (Object) f.ino());
            case "fd.cip" -> inet(FdInfo::clientIp);
            case "fd.sip" -> inet(FdInfo::serverIp);
            case "fd.lip" -> inet(FdFields::localIp);
            case "fd.rip" -> inet(FdFields::remoteIp);
            case "fd.ip" -> e -> both(e, FdInfo::clientIp, FdInfo::serverIp);
            case "fd.cport" -> inet(f -> port(f.clientPort()));
            case "fd.sport" -> inet(f -> port(f.serverPort()));
            case "fd.lport" -> inet(f -> f.role() == FdInfo.SocketRole.NONE ? null : port(f.localPort()));
            case "fd.rport" -> inet(f -> f.role() == FdInfo.SocketRole.NONE ? null : port(f.remotePort()));
            case "fd.port" -> e -> both(e, f -> port(f.clientPort()), f -> port(f.serverPort()));
            case "fd.cnet" -> inet(FdInfo::clientIp);
            case "fd.snet" -> inet(FdInfo::serverIp);
            case "fd.lnet" -> inet(FdFields::localIp);
            case "fd.rnet" -> inet(FdFields::remoteIp);
            case "fd.net" -> e -> both(e, FdInfo::clientIp, FdInfo::serverIp);
            case "fd.l4proto" -> fd(FdInfo::l4proto);
            case "fd.sockfamily" -> fd(f -> switch (f.type()) {
                case IPV4, IPV6 -> "ip";
                case UNIX -> "unix";
                default -> null;
            });
            case "fd.is_server" -> fd(f -> f.type().isSocket() ? (Object) (f.role() == FdInfo.SocketRole.SERVER) : null);
            case "fd.connected" -> fd(f -> f.type().isSocket() ? (Object) f.connected() : null);
            case "fd.name_changed" -> fd(FdInfo::nameChanged);
            case "fd.cip.name" -> e -> null;
            case "fd.sip.name" -> e -> null;
            case "fd.lip.name" -> e -> null;
            case "fd.rip.name" -> e -> null;
            default -> throw unknown(name);
        };
    }

    private static FieldExtractor fd(Function<FdInfo, Object> f) {
        return e -> {
            FdInfo fd = e.fd();
            return fd == null ? null : f.apply(fd);
        };
    }

    private static FieldExtractor inet(Function<FdInfo, Object> f) {
        return e -> {
            FdInfo fd = e.fd();
            return fd == null || !fd.type().isInet() ? null : f.apply(fd);
        };
    }

    private static Object both(Event e, Function<FdInfo, Object> client, Function<FdInfo, Object> server) {
        FdInfo fd = e.fd();
        if (fd == null || !fd.type().isInet()) return null;
        Object c = client.apply(fd);
        Object s = server.apply(fd);
        if (c == null) return s == null ? null : List.of(s);
        return s == null ? List.of(c) : List.of(c, s);
    }

    private static Object port(int p) {
        return p < 0 ? null : (Object) (long) p;
    }

    private static Object localIp(FdInfo f) {
        return f.role() == FdInfo.SocketRole.NONE ? null : f.localIp();
    }

    private static Object remoteIp(FdInfo f) {
        return f.role() == FdInfo.SocketRole.NONE ? null : f.remoteIp();
    }

    private static boolean isFile(FdType t) {
        return t == FdType.FILE || t == FdType.FILE_V2 || t == FdType.MEMFD;
    }

    static String directory(FdInfo f) {
        if (f.type() == FdType.DIRECTORY) return f.name();
        if (!isFile(f.type())) return null;
        return split(f.name()).directory();
    }

    static String filename(FdInfo f) {
        if (!isFile(f.type())) return null;
        return split(f.name()).filename();
    }

    private static String containerId(Event e) {
        ContainerInfo c = e.thread().container();
        return c == null ? ContainerFields.HOST : c.id();
    }
}
