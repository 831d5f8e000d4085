package dev.falconet.sensor.state;

import dev.falconet.event.FdInfo;
import java.util.HashMap;
import java.util.Map;

/** The open file descriptors of one process (threads share it). */
public final class FdTable {
    private final Map<Long, FdInfo> fds = new HashMap<>();

    public FdInfo get(long fd) {
        return fds.get(fd);
    }

    public void put(FdInfo fd) {
        fds.put(fd.num(), fd);
    }

    public FdInfo remove(long fd) {
        return fds.remove(fd);
    }

    public int size() {
        return fds.size();
    }

    /** Removes every fd in [first, last]. */
    public void removeRange(long first, long last) {
        fds.keySet().removeIf(n -> n >= first && n <= last);
    }

    /** A copy, as fork gives the child. */
    public FdTable copy() {
        FdTable t = new FdTable();
        t.fds.putAll(fds);
        return t;
    }
}
