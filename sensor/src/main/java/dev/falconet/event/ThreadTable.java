package dev.falconet.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The thread table: every known thread by tid. The live sensor fills it from /proc and from
 * fork/exec/exit events; the capture reader fills it from the capture's process records.
 * Not thread-safe: one pipeline owns it.
 */
public final class ThreadTable {
    private final Map<Long, ThreadInfo> threads = new HashMap<>();
    /** Bumped on every change of membership, so threads can cache their parent lookups. */
    private int version;

    public ThreadInfo find(long tid) {
        return threads.get(tid);
    }

    /** The thread with this tid, created empty when unknown. */
    public ThreadInfo getOrCreate(long tid) {
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            t = new ThreadInfo(this, tid);
            threads.put(tid, t);
            version++;
        }
        return t;
    }

    public ThreadInfo put(ThreadInfo t) {
        if (t.table() != this) throw new IllegalArgumentException("thread belongs to another table");
        ThreadInfo old = threads.put(t.tid(), t);
        if (old != null && old != t) old.detached = true;
        t.detached = false;
        version++;
        return t;
    }

    public ThreadInfo remove(long tid) {
        ThreadInfo t = threads.remove(tid);
        if (t != null) {
            t.detached = true;
            version++;
        }
        return t;
    }

    /** Changes whenever a thread is added or removed. */
    int version() {
        return version;
    }

    public Collection<ThreadInfo> all() {
        return threads.values();
    }

    public int size() {
        return threads.size();
    }
}
