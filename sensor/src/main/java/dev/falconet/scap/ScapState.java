package dev.falconet.scap;

import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.sensor.decode.Inet;
import dev.falconet.sensor.state.FdTable;
import dev.falconet.sensor.state.PathNames;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * libsinsp's process and fd state for a scap replay: the thread table and per-process fd tables,
 * filled from the capture's process/fd/user lists and then kept current by {@link ScapEvents}.
 * Threads of one process share the fd table of their process (keyed by pid).
 */
final class ScapState {
    final ThreadTable threads = new ThreadTable();
    private final Map<Long, FdTable> fds = new HashMap<>();
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();

    ThreadInfo newThread(long tid) {
        return new ThreadInfo(threads, tid);
    }

    void addThread(ThreadInfo t) {
        threads.put(t);
        resolveNames(t);
    }

    /** The fd table of the thread's process. */
    FdTable fds(ThreadInfo t) {
        return fds.computeIfAbsent(t.pid(), p -> new FdTable());
    }

    FdTable fdsOfPid(long pid) {
        return fds.get(pid);
    }

    void setFds(long pid, FdTable table) {
        fds.put(pid, table);
    }

    void dropFds(long pid) {
        fds.remove(pid);
    }

    void addFd(long tid, FdInfo fd) {
        ThreadInfo t = threads.find(tid);
        long pid = t == null ? tid : t.pid();
        fds.computeIfAbsent(pid, p -> new FdTable()).put(fd);
    }

    void addUser(long uid, String name) {
        users.put(uid, name);
        for (ThreadInfo t : threads.all()) if (t.uid() == uid || t.loginUid() == uid) resolveNames(t);
    }

    void addGroup(long gid, String name) {
        groups.put(gid, name);
        for (ThreadInfo t : threads.all()) if (t.gid() == gid) resolveNames(t);
    }

    /** User, group and login names from the capture's user list (null when the list does not have them). */
    void resolveNames(ThreadInfo t) {
        t.userName(users.get(t.uid()));
        t.groupName(groups.get(t.gid()));
        t.loginName(t.loginUid() < 0 ? null : users.get(t.loginUid()));
    }

    /** The thread, created empty (as libsinsp does for a thread missing from the process list) when unknown. */
    ThreadInfo thread(long tid) {
        ThreadInfo t = threads.find(tid);
        if (t == null) {
            t = new ThreadInfo(threads, tid);
            threads.put(t);
        }
        return t;
    }

    // ---- fd constructors (libsinsp's fd names) ----

    static FdInfo file(long num, FdType type, String name, long flags) {
        return FdInfo.file(num, type, name, name, flags);
    }

    /** A connected inet socket from a tuple as the capture gives it: source is the client. */
    static FdInfo inet(long num, FdType type, String l4, String sip, int sport, String dip, int dport) {
        return FdInfo.inet(num, type, l4, sip, sport, dip, dport, FdInfo.SocketRole.CLIENT, true);
    }

    /** A listening (server) inet socket: named {@code ip:port}. */
    static FdInfo server(long num, FdType type, String l4, String ip, int port) {
        String name = ip + ":" + port;
        return new FdInfo(num, type, name, name, 0, l4, null, -1, ip, port, FdInfo.SocketRole.SERVER, false, false, 0, 0);
    }

    static FdInfo unix(long num, long src, long dst, String path) {
        String name = unixName(src, dst, path);
        return new FdInfo(num, FdType.UNIX, name, name, 0, null, null, -1, null, -1, FdInfo.SocketRole.NONE, false, false, 0, 0);
    }

    static String unixName(long src, long dst, String path) {
        return Long.toHexString(src) + "->" + Long.toHexString(dst) + " " + path;
    }

    static String ipv4(long leValue) {
        return (leValue & 0xff) + "." + (leValue >> 8 & 0xff) + "." + (leValue >> 16 & 0xff) + "." + (leValue >> 24 & 0xff);
    }

    static String ipv6(byte[] b, int off) {
        return Inet.ipv6(MemorySegment.ofArray(b), off);
    }

    /** libsinsp joins a relative path to the directory it is relative to. */
    static String resolve(String base, String path) {
        if (path.isEmpty()) return path;
        if (path.charAt(0) == '/' && path.indexOf("/.") < 0 && path.indexOf("//") < 0) return path;
        return PathNames.resolve(base, path);
    }

    static List<String> tail(List<String> argv) {
        return argv.size() <= 1 ? List.of() : argv.subList(1, argv.size());
    }
}
