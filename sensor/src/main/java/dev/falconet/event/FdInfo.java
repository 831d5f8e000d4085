package dev.falconet.event;

import java.util.Objects;

/**
 * State of one file descriptor, as libsinsp keeps it in a thread's fd table: what it names,
 * and for inet sockets the connection tuple with the roles (client/server) resolved.
 *
 * <p>Immutable: state tracking replaces the entry when an fd changes (connect, rename of the name ...).
 *
 * @param num         the fd number
 * @param type        its kind
 * @param name        {@code fd.name}: the full path, or for inet sockets {@code cip:cport->sip:sport}
 * @param nameRaw     {@code fd.nameraw}: the path as the process passed it (not resolved)
 * @param openFlags   open flags for files (raw O_* bits), 0 otherwise
 * @param l4proto     {@code tcp}, {@code udp}, {@code icmp}, {@code raw} for inet sockets; null otherwise
 * @param clientIp    client address (textual), null when not a connected inet socket
 * @param clientPort  client port, -1 when unknown
 * @param serverIp    server address (textual)
 * @param serverPort  server port, -1 when unknown
 * @param role        whether this process is the client or the server side of the connection
 * @param connected   {@code fd.connected}
 * @param nameChanged {@code fd.name_changed}: the name was updated by this event (e.g. by connect)
 * @param dev         device number of a file, 0 when unknown
 * @param ino         inode of a file, 0 when unknown
 */
public record FdInfo(long num, FdType type, String name, String nameRaw, long openFlags,
                     String l4proto, String clientIp, int clientPort, String serverIp, int serverPort,
                     SocketRole role, boolean connected, boolean nameChanged, long dev, long ino) {

    public enum SocketRole { NONE, CLIENT, SERVER }

    public FdInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (nameRaw == null) nameRaw = name;
    }

    /** A regular file or directory. */
    public static FdInfo file(long num, FdType type, String name, String nameRaw, long openFlags) {
        return new FdInfo(num, type, name, nameRaw, openFlags, null, null, -1, null, -1, SocketRole.NONE, false, false, 0, 0);
    }

    /** A connected (or bound) inet socket. */
    public static FdInfo inet(long num, FdType type, String l4proto, String clientIp, int clientPort,
                              String serverIp, int serverPort, SocketRole role, boolean connected) {
        String name = clientIp == null ? "" : tupleName(type, clientIp, clientPort, serverIp, serverPort);
        return new FdInfo(num, type, name, name, 0, l4proto, clientIp, clientPort, serverIp, serverPort, role, connected, false, 0, 0);
    }

    /** libsinsp's socket fd name: {@code 1.2.3.4:5->6.7.8.9:80}, IPv6 addresses in brackets-less form. */
    public static String tupleName(FdType type, String cip, int cport, String sip, int sport) {
        return cip + ":" + cport + "->" + sip + ":" + sport;
    }

    public FdInfo withNameChanged(boolean changed) {
        return new FdInfo(num, type, name, nameRaw, openFlags, l4proto, clientIp, clientPort, serverIp, serverPort, role, connected, changed, dev, ino);
    }

    public FdInfo withNum(long newNum) {
        return new FdInfo(newNum, type, name, nameRaw, openFlags, l4proto, clientIp, clientPort, serverIp, serverPort, role, connected, nameChanged, dev, ino);
    }

    public FdInfo withInode(long newDev, long newIno) {
        return new FdInfo(num, type, name, nameRaw, openFlags, l4proto, clientIp, clientPort, serverIp, serverPort, role, connected, nameChanged, newDev, newIno);
    }

    /** Local side address: the client when this process is the client, the server otherwise. */
    public String localIp() { return role == SocketRole.CLIENT ? clientIp : serverIp; }
    public int localPort() { return role == SocketRole.CLIENT ? clientPort : serverPort; }
    public String remoteIp() { return role == SocketRole.CLIENT ? serverIp : clientIp; }
    public int remotePort() { return role == SocketRole.CLIENT ? serverPort : clientPort; }
}
