package dev.falconet.event;

import java.util.List;
import java.util.Objects;

/**
 * What the engine knows about one thread (and its process) when an event happens: the state
 * libsinsp keeps in its thread table. The live sensor and the capture reader maintain these in
 * a {@link ThreadTable}; ancestry is followed through {@link #parent()}, which looks the parent up
 * in that table, as libsinsp does.
 *
 * <p>Mutable on purpose: state tracking updates a thread in place on exec, chdir, setuid and the like.
 */
public final class ThreadInfo {
    private final ThreadTable table;
    private final long tid;
    private long pid;
    private long ptid = -1;
    private long vtid = -1;
    private long vpid = -1;
    private long sid = -1;
    private long vpgid = -1;
    private String comm = "";
    private String exe = "";
    private String exepath = "";
    private List<String> args = List.of();
    private List<String> env = List.of();
    private String cwd = "";
    private long tty;
    private long uid = -1;
    private long gid = -1;
    private long loginUid = -1;
    private String userName;
    private String groupName;
    private String loginName;
    private long capEffective;
    private long capPermitted;
    private long capInheritable;
    private boolean exeUpperLayer;
    private boolean exeLowerLayer;
    private boolean exeFromMemfd;
    private boolean exeWritable;
    private long exeIno;
    private long exeInoCtime;
    private long exeInoMtime;
    /** Process start (clone time), epoch nanoseconds; 0 when unknown. */
    private long cloneTs;
    private ContainerInfo container;
    /**
     * The parent found by the last lookup: valid while our ptid is unchanged and it is still the
     * table's entry for that tid; a failed lookup (null) is valid while the table's membership is unchanged.
     */
    private ThreadInfo cachedParent;
    private int cachedParentVersion = -1;
    private long cachedParentTid;
    /** Set while this object is not the table's entry for its tid (removed or replaced). */
    boolean detached;

    public ThreadInfo(ThreadTable table, long tid) {
        this.table = Objects.requireNonNull(table, "table");
        this.tid = tid;
        this.pid = tid;
    }

    /** The parent thread (through {@code ptid}), or null when unknown. */
    public ThreadInfo parent() {
        if (ptid <= 0 || ptid == tid) return null;
        ThreadInfo p = cachedParent;
        // new threads elsewhere in the table (every exec) do not invalidate a parent that is still there
        if (p != null && !p.detached && cachedParentTid == ptid) return p;
        int v = table.version();
        if (p != null || v != cachedParentVersion || cachedParentTid != ptid) {
            cachedParent = table.find(ptid);
            cachedParentVersion = v;
            cachedParentTid = ptid;
        }
        return cachedParent;
    }

    /** The main thread of this thread's process (itself when it is the main thread or the main thread is unknown). */
    public ThreadInfo mainThread() {
        if (pid == tid) return this;
        ThreadInfo main = table.find(pid);
        return main == null ? this : main;
    }

    /**
     * The Nth ancestor of this thread's process: 0 is the process itself, 1 its parent, and so on,
     * walking main threads through the parent links. Null when the chain breaks before N.
     */
    public ThreadInfo ancestor(int n) {
        ThreadInfo t = mainThread();
        for (int i = 0; i < n && t != null; i++) {
            ThreadInfo p = t.parent();
            t = p == null ? null : p.mainThread();
        }
        return t;
    }

    public boolean isMainThread() { return pid == tid; }

    public ThreadTable table() { return table; }
    public long tid() { return tid; }
    public long pid() { return pid; }
    public ThreadInfo pid(long v) { pid = v; return this; }
    public long ptid() { return ptid; }
    public ThreadInfo ptid(long v) { ptid = v; return this; }
    public long vtid() { return vtid; }
    public ThreadInfo vtid(long v) { vtid = v; return this; }
    public long vpid() { return vpid; }
    public ThreadInfo vpid(long v) { vpid = v; return this; }
    public long sid() { return sid; }
    public ThreadInfo sid(long v) { sid = v; return this; }
    public long vpgid() { return vpgid; }
    public ThreadInfo vpgid(long v) { vpgid = v; return this; }
    /** The kernel's comm: the process name, at most 15 characters. */
    public String comm() { return comm; }
    public ThreadInfo comm(String v) { comm = Objects.requireNonNull(v); return this; }
    /** argv[0]. */
    public String exe() { return exe; }
    public ThreadInfo exe(String v) { exe = Objects.requireNonNull(v); return this; }
    /** Full path of the executable. */
    public String exepath() { return exepath; }
    public ThreadInfo exepath(String v) { exepath = Objects.requireNonNull(v); return this; }
    /** argv[1..]. */
    public List<String> args() { return args; }
    public ThreadInfo args(List<String> v) { args = List.copyOf(v); return this; }
    public List<String> env() { return env; }
    public ThreadInfo env(List<String> v) { env = List.copyOf(v); return this; }
    public String cwd() { return cwd; }
    public ThreadInfo cwd(String v) { cwd = Objects.requireNonNull(v); return this; }
    /** Controlling terminal device number; 0 without a terminal. */
    public long tty() { return tty; }
    public ThreadInfo tty(long v) { tty = v; return this; }
    public long uid() { return uid; }
    public ThreadInfo uid(long v) { uid = v; return this; }
    public long gid() { return gid; }
    public ThreadInfo gid(long v) { gid = v; return this; }
    /** Audit login uid; -1 when unset (the kernel's 4294967295). */
    public long loginUid() { return loginUid; }
    public ThreadInfo loginUid(long v) { loginUid = v; return this; }
    /** User name resolved inside the process's own root; null when unknown. */
    public String userName() { return userName; }
    public ThreadInfo userName(String v) { userName = v; return this; }
    public String groupName() { return groupName; }
    public ThreadInfo groupName(String v) { groupName = v; return this; }
    public String loginName() { return loginName; }
    public ThreadInfo loginName(String v) { loginName = v; return this; }
    public long capEffective() { return capEffective; }
    public ThreadInfo capEffective(long v) { capEffective = v; return this; }
    public long capPermitted() { return capPermitted; }
    public ThreadInfo capPermitted(long v) { capPermitted = v; return this; }
    public long capInheritable() { return capInheritable; }
    public ThreadInfo capInheritable(long v) { capInheritable = v; return this; }
    /** The executable lives on an overlayfs upper layer (was written after the container started). */
    public boolean exeUpperLayer() { return exeUpperLayer; }
    public ThreadInfo exeUpperLayer(boolean v) { exeUpperLayer = v; return this; }
    public boolean exeLowerLayer() { return exeLowerLayer; }
    public ThreadInfo exeLowerLayer(boolean v) { exeLowerLayer = v; return this; }
    public boolean exeFromMemfd() { return exeFromMemfd; }
    public ThreadInfo exeFromMemfd(boolean v) { exeFromMemfd = v; return this; }
    public boolean exeWritable() { return exeWritable; }
    public ThreadInfo exeWritable(boolean v) { exeWritable = v; return this; }
    public long exeIno() { return exeIno; }
    public ThreadInfo exeIno(long v) { exeIno = v; return this; }
    /** Executable inode ctime, epoch nanoseconds; 0 when unknown. */
    public long exeInoCtime() { return exeInoCtime; }
    public ThreadInfo exeInoCtime(long v) { exeInoCtime = v; return this; }
    public long exeInoMtime() { return exeInoMtime; }
    public ThreadInfo exeInoMtime(long v) { exeInoMtime = v; return this; }
    public long cloneTs() { return cloneTs; }
    public ThreadInfo cloneTs(long v) { cloneTs = v; return this; }
    /** The container this thread runs in; null on the host. */
    public ContainerInfo container() { return container; }
    public ThreadInfo container(ContainerInfo v) { container = v; return this; }

    /** Copies every piece of process state (not tid) from another thread, as clone() does. */
    public ThreadInfo copyProcessStateFrom(ThreadInfo o) {
        pid = o.pid; ptid = o.ptid; vtid = o.vtid; vpid = o.vpid; sid = o.sid; vpgid = o.vpgid;
        comm = o.comm; exe = o.exe; exepath = o.exepath; args = o.args; env = o.env; cwd = o.cwd; tty = o.tty;
        uid = o.uid; gid = o.gid; loginUid = o.loginUid; userName = o.userName; groupName = o.groupName;
        loginName = o.loginName; capEffective = o.capEffective; capPermitted = o.capPermitted;
        capInheritable = o.capInheritable; exeUpperLayer = o.exeUpperLayer; exeLowerLayer = o.exeLowerLayer;
        exeFromMemfd = o.exeFromMemfd; exeWritable = o.exeWritable; exeIno = o.exeIno;
        exeInoCtime = o.exeInoCtime; exeInoMtime = o.exeInoMtime; cloneTs = o.cloneTs; container = o.container;
        return this;
    }

    @Override
    public String toString() {
        return "ThreadInfo[tid=" + tid + ", pid=" + pid + ", ptid=" + ptid + ", comm=" + comm + "]";
    }
}
