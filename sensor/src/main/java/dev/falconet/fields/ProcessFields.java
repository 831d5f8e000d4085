package dev.falconet.fields;

import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The {@code proc.*}, {@code thread.*}, {@code user.*} and {@code group.*} fields: state of the calling thread and its ancestors. */
final class ProcessFields extends FieldFamily {
    private static final ProcessFields FAMILY = new ProcessFields();

    private ProcessFields() {}

    /** Ancestor walks stop here, in case a broken table has a parent loop. */
    static final int MAX_ANCESTORS = 256;

    static void register(FieldTable t) {
        t.inClass("process", FAMILY);
        t.add("proc.name", FieldType.CHARBUF, "Process name as the kernel keeps it (comm, at most 15 characters).");
        t.add("proc.pname", FieldType.CHARBUF, "Name (comm) of the parent process.");
        ancestor(t, "proc.aname", FieldType.CHARBUF, "name (comm)");
        t.add("proc.exe", FieldType.CHARBUF, "First command-line argument (argv[0]): usually the executable as it was invoked.");
        t.add("proc.pexe", FieldType.CHARBUF, "argv[0] of the parent process.");
        ancestor(t, "proc.aexe", FieldType.CHARBUF, "argv[0]");
        t.add("proc.exepath", FieldType.CHARBUF, "Full path of the executable file, symlinks resolved.");
        t.add("proc.pexepath", FieldType.CHARBUF, "Full executable path of the parent process.");
        ancestor(t, "proc.aexepath", FieldType.CHARBUF, "full executable path");
        t.add("proc.args", FieldType.CHARBUF, "Command-line arguments after argv[0], joined with spaces.");
        ancestor(t, "proc.aargs", FieldType.CHARBUF, "arguments (proc.args)");
        t.add("proc.cmdline", FieldType.CHARBUF, "Process name followed by its arguments (proc.name + ' ' + proc.args).");
        t.add("proc.pcmdline", FieldType.CHARBUF, "Command line (proc.cmdline) of the parent process.");
        ancestor(t, "proc.acmdline", FieldType.CHARBUF, "command line (proc.cmdline)");
        t.add("proc.exeline", FieldType.CHARBUF, "argv[0] followed by the arguments (proc.exe + ' ' + proc.args).");
        t.add("proc.cmdnargs", FieldType.UINT64, "Number of command-line arguments (without argv[0]).");
        t.add("proc.cmdlenargs", FieldType.UINT64, "Total length of the command-line arguments, not counting separators.");
        t.withArg("proc.env", FieldType.CHARBUF, ArgKind.KEY_OR_NONE, false,
                "Environment of the process as NAME=value pairs separated by spaces; proc.env[NAME] gives one variable's value.");
        t.withArg("proc.aenv", FieldType.CHARBUF, ArgKind.INDEX_OR_KEY_OR_NONE, false,
                "Environment of an ancestor: proc.aenv[N] for the Nth ancestor, proc.aenv[NAME] for the first value of NAME from the parent up; without argument in a condition, matches any ancestor's environment.");
        t.add("proc.cwd", FieldType.CHARBUF, "Current working directory of the process, ending with '/' as libsinsp keeps it (/dev/shm/).");
        t.add("proc.tty", FieldType.UINT32, "Controlling terminal device number; 0 without a terminal.");
        t.add("proc.pid", FieldType.INT64, "Process id.");
        t.add("proc.ppid", FieldType.INT64, "Process id of the parent.");
        ancestor(t, "proc.apid", FieldType.INT64, "process id");
        t.add("proc.vpid", FieldType.INT64, "Process id as seen inside the process's own PID namespace.");
        t.add("proc.pvpid", FieldType.INT64, "Parent's process id as seen inside its PID namespace.");
        t.add("proc.sid", FieldType.INT64, "Session id of the process.");
        t.add("proc.sname", FieldType.CHARBUF, "Name of the session leader: the process whose pid is proc.sid, or the eldest ancestor in the same session.");
        t.add("proc.sid.exe", FieldType.CHARBUF, "argv[0] of the session leader.");
        t.add("proc.sid.exepath", FieldType.CHARBUF, "Executable path of the session leader.");
        t.add("proc.is_sid_leader", FieldType.BOOL, "True when the process leads its session (proc.sid = proc.vpid).");
        t.add("proc.vpgid", FieldType.INT64, "Process group id, as seen inside the process's PID namespace.");
        t.add("proc.vpgid.name", FieldType.CHARBUF, "Name of the process group leader.");
        t.add("proc.vpgid.exe", FieldType.CHARBUF, "argv[0] of the process group leader.");
        t.add("proc.vpgid.exepath", FieldType.CHARBUF, "Executable path of the process group leader.");
        t.add("proc.is_vpgid_leader", FieldType.BOOL,
                "True when the process leads its process group (proc.vpgid = proc.vpid): typically a command typed at a shell rather than one started by a script.");
        t.add("proc.duration", FieldType.RELTIME, "Nanoseconds since the process started.");
        t.add("proc.ppid.duration", FieldType.RELTIME, "Nanoseconds since the parent process started.");
        t.add("proc.pid.ts", FieldType.RELTIME, "Start time of the process, nanoseconds since the epoch.");
        t.add("proc.ppid.ts", FieldType.RELTIME, "Start time of the parent process, nanoseconds since the epoch.");
        t.add("proc.is_exe_writable", FieldType.BOOL, "True when the executable file is writable by the user that runs it.");
        t.add("proc.is_exe_upper_layer", FieldType.BOOL,
                "True when the executable lives on the upper (writable) layer of an overlay filesystem: it was added or changed after the container started.");
        t.add("proc.is_exe_lower_layer", FieldType.BOOL, "True when the executable lives on a lower (image) layer of an overlay filesystem.");
        t.add("proc.is_exe_from_memfd", FieldType.BOOL,
                "True when the executable is an anonymous in-memory file (memfd_create) run through its file descriptor.");
        t.add("proc.exe_ino", FieldType.INT64, "Inode number of the executable file.");
        t.add("proc.exe_ino.ctime", FieldType.ABSTIME, "Last status change time (ctime) of the executable's inode, nanoseconds since the epoch.");
        t.add("proc.exe_ino.mtime", FieldType.ABSTIME, "Last modification time (mtime) of the executable's inode, nanoseconds since the epoch.");
        t.add("proc.exe_ino.ctime_duration_proc_start", FieldType.ABSTIME,
                "Nanoseconds between the last status change of the executable and the start of this process: small values mean a freshly written binary.");

        t.add("thread.tid", FieldType.INT64, "Id of the thread that made the call.");
        t.add("thread.vtid", FieldType.INT64, "Thread id as seen inside its PID namespace.");
        t.add("thread.ismain", FieldType.BOOL, "True when the thread is the main thread of its process.");
        t.add("thread.cap_effective", FieldType.CHARBUF, "Effective capability set, as CAP_* names separated by spaces.");
        t.add("thread.cap_permitted", FieldType.CHARBUF, "Permitted capability set, as CAP_* names separated by spaces.");
        t.add("thread.cap_inheritable", FieldType.CHARBUF, "Inheritable capability set, as CAP_* names separated by spaces.");

        t.inClass("user", FAMILY);
        t.add("user.uid", FieldType.UINT32, "User id.");
        t.add("user.name", FieldType.CHARBUF, "User name, looked up in the process's own root (the container's /etc/passwd).");
        t.add("user.loginuid", FieldType.INT64, "Audit login user id (auid): the user who logged in; -1 when unset, e.g. for system services.");
        t.add("user.loginname", FieldType.CHARBUF, "Name of the audit login user.");
        t.inClass("group", FAMILY);
        t.add("group.gid", FieldType.UINT32, "Group id.");
        t.add("group.name", FieldType.CHARBUF, "Group name.");
    }

    @Override
    FieldExtractor extractor(String name) {
        return switch (name) {
            case "proc.name" -> e -> e.thread().comm();
            case "proc.pname" -> parent(ThreadInfo::comm);
            case "proc.exe" -> e -> e.thread().exe();
            case "proc.pexe" -> parent(ThreadInfo::exe);
            case "proc.exepath" -> e -> e.thread().exepath();
            case "proc.pexepath" -> parent(ThreadInfo::exepath);
            case "proc.args" -> e -> ProcessText.args(e.thread());
            case "proc.cmdline" -> e -> ProcessText.cmdline(e.thread());
            case "proc.pcmdline" -> parent(ProcessText::cmdline);
            case "proc.exeline" -> e -> ProcessText.exeline(e.thread());
            case "proc.cmdnargs" -> e -> (long) e.thread().args().size();
            case "proc.cmdlenargs" -> e -> {
                long n = 0;
                for (String a : e.thread().args()) n += a.length();
                return n;
            };
            case "proc.cwd" -> e -> ProcessText.cwd(e.thread().mainThread());
            case "proc.tty" -> e -> e.thread().tty();
            case "proc.pid" -> e -> e.thread().pid();
            case "proc.ppid" -> e -> nonNegative(e.thread().mainThread().ptid());
            case "proc.vpid" -> e -> nonNegative(e.thread().vpid());
            case "proc.pvpid" -> e -> {
                ThreadInfo p = e.thread().ancestor(1);
                return p == null ? null : nonNegative(p.vpid());
            };
            case "proc.sid" -> e -> nonNegative(e.thread().sid());
            case "proc.sname" -> e -> value(sessionLeader(e.thread()), ThreadInfo::comm);
            case "proc.sid.exe" -> e -> value(sessionLeader(e.thread()), ThreadInfo::exe);
            case "proc.sid.exepath" -> e -> value(sessionLeader(e.thread()), ThreadInfo::exepath);
            case "proc.is_sid_leader" -> e -> {
                ThreadInfo m = e.thread().mainThread();
                return m.sid() < 0 || m.vpid() < 0 ? null : (Object) (m.sid() == m.vpid());
            };
            case "proc.vpgid" -> e -> nonNegative(e.thread().mainThread().vpgid());
            case "proc.vpgid.name" -> e -> value(groupLeader(e.thread()), ThreadInfo::comm);
            case "proc.vpgid.exe" -> e -> value(groupLeader(e.thread()), ThreadInfo::exe);
            case "proc.vpgid.exepath" -> e -> value(groupLeader(e.thread()), ThreadInfo::exepath);
            case "proc.is_vpgid_leader" -> e -> {
                ThreadInfo m = e.thread().mainThread();
                return m.vpgid() < 0 || m.vpid() < 0 ? null : (Object) (m.vpgid() == m.vpid());
            };
            case "proc.duration" -> e -> {
                long start = e.thread().mainThread().cloneTs();
                return start <= 0 ? null : (Object) (e.ts() - start);
            };
            case "proc.ppid.duration" -> e -> {
                ThreadInfo p = e.thread().ancestor(1);
                return p == null || p.cloneTs() <= 0 ? null : (Object) (e.ts() - p.cloneTs());
            };
            case "proc.pid.ts" -> e -> positive(e.thread().mainThread().cloneTs());
            case "proc.ppid.ts" -> e -> {
                ThreadInfo p = e.thread().ancestor(1);
                return p == null ? null : positive(p.cloneTs());
            };
            case "proc.is_exe_writable" -> e -> e.thread().exeWritable();
            case "proc.is_exe_upper_layer" -> e -> e.thread().exeUpperLayer();
            case "proc.is_exe_lower_layer" -> e -> e.thread().exeLowerLayer();
            case "proc.is_exe_from_memfd" -> e -> e.thread().exeFromMemfd();
            case "proc.exe_ino" -> e -> positive(e.thread().exeIno());
            case "proc.exe_ino.ctime" -> e -> positive(e.thread().exeInoCtime());
            case "proc.exe_ino.mtime" -> e -> positive(e.thread().exeInoMtime());
            case "proc.exe_ino.ctime_duration_proc_start" -> e -> {
                ThreadInfo m = e.thread().mainThread();
                long ctime = e.thread().exeInoCtime();
                long start = m.cloneTs();
                return ctime <= 0 || start <= 0 ? null : (Object) (start - ctime);
            };
            case "thread.tid" -> e -> e.thread().tid();
            case "thread.vtid" -> e -> nonNegative(e.thread().vtid());
            case "thread.ismain" -> e -> e.thread().isMainThread();
            case "thread.cap_effective" -> e -> Capabilities.render(e.thread().capEffective());
            case "thread.cap_permitted" -> e -> Capabilities.render(e.thread().capPermitted());
            case "thread.cap_inheritable" -> e -> Capabilities.render(e.thread().capInheritable());
            case "user.uid" -> e -> nonNegative(e.thread().uid());
            case "user.name" -> e -> e.thread().userName();
            case "user.loginuid" -> e -> e.thread().loginUid();
            case "user.loginname" -> e -> e.thread().loginName();
            case "group.gid" -> e -> nonNegative(e.thread().gid());
            case "group.name" -> e -> e.thread().groupName();
            default -> throw unknown(name);
        };
    }

    @Override
    public BindResult bind(FieldDef def, String arg, UseContext ctx) {
        return switch (def.name()) {
            case "proc.aname" -> bindAncestor(def, arg, ctx, ThreadInfo::comm);
            case "proc.aexe" -> bindAncestor(def, arg, ctx, ThreadInfo::exe);
            case "proc.aexepath" -> bindAncestor(def, arg, ctx, ThreadInfo::exepath);
            case "proc.aargs" -> bindAncestor(def, arg, ctx, ProcessText::args);
            case "proc.acmdline" -> bindAncestor(def, arg, ctx, ProcessText::cmdline);
            case "proc.apid" -> bindAncestor(def, arg, ctx, th -> th.pid());
            case "proc.env" -> FieldTable.bound(def, arg,
                    arg == null ? e -> String.join(" ", e.thread().env()) : e -> envValue(e.thread(), arg));
            case "proc.aenv" -> bindAenv(def, arg, ctx);
            default -> throw unknown(def.name());
        };
    }

    private static Object nonNegative(long v) {
        return v < 0 ? null : (Object) v;
    }

    private static Object positive(long v) {
        return v <= 0 ? null : (Object) v;
    }

    private static Object value(ThreadInfo t, Function<ThreadInfo, Object> f) {
        return t == null ? null : f.apply(t);
    }

    private static FieldExtractor parent(Function<ThreadInfo, Object> f) {
        return e -> {
            ThreadInfo p = e.thread().ancestor(1);
            return p == null ? null : f.apply(p);
        };
    }

    /**
     * An ancestor family: {@code name[N]} is the Nth ancestor (0 = the process itself); without index,
     * any ancestor from the parent up in a condition, and the values joined by spaces (parent first) in an output.
     */
    private static void ancestor(FieldTable t, String name, FieldType type, String what) {
        String desc = "The " + what + " of an ancestor: " + name + "[1] is the parent, " + name + "[2] the grandparent, "
                + name + "[0] the process itself. Without index, a condition matches when any ancestor from the parent up matches.";
        t.withArg(name, type, ArgKind.INDEX_OR_NONE, false, desc);
    }

    /** Binds a use of an ancestor field ({@link #ancestor(FieldTable, String, FieldType, String)}) reading {@code f} of each ancestor. */
    private static BindResult bindAncestor(FieldDef def, String arg, UseContext ctx, Function<ThreadInfo, Object> f) {
        FieldType type = def.type();
        if (arg != null) {
            int n = Integer.parseInt(arg);
            FieldExtractor ex = e -> {
                ThreadInfo a = e.thread().ancestor(n);
                return a == null ? null : f.apply(a);
            };
            return BindResult.ok(new BoundField(def, arg, type, Multiplicity.SINGLE, ex));
        }
        if (ctx == UseContext.CONDITION) {
            return BindResult.ok(new BoundField(def, null, type, Multiplicity.ANY_ANCESTOR, e -> ancestors(e, f)));
        }
        if (type.isNumeric()) {
            // proc.apid without index prints the process's own pid, like libsinsp
            return BindResult.ok(new BoundField(def, null, type, Multiplicity.SINGLE, e -> f.apply(e.thread().mainThread())));
        }
        return BindResult.ok(new BoundField(def, null, FieldType.CHARBUF, Multiplicity.SINGLE, e -> {
            List<Object> values = ancestors(e, f);
            if (values.isEmpty()) return null;
            StringBuilder sb = new StringBuilder();
            for (Object v : values) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(v);
            }
            return sb.toString();
        }));
    }

    /** Values of every ancestor from the parent up (main threads through parent links). */
    static List<Object> ancestors(Event e, Function<ThreadInfo, Object> f) {
        List<Object> out = new ArrayList<>(8);
        ThreadInfo cur = e.thread().mainThread();
        for (int i = 0; i < MAX_ANCESTORS; i++) {
            ThreadInfo p = cur.parent();
            if (p == null) break;
            p = p.mainThread();
            if (p == cur) break;
            out.add(f.apply(p));
            cur = p;
        }
        return out;
    }

    private static BindResult bindAenv(FieldDef def, String arg, UseContext ctx) {
        Function<ThreadInfo, Object> env = th -> String.join(" ", th.env());
        if (arg == null) {
            if (ctx == UseContext.CONDITION) {
                return BindResult.ok(new BoundField(def, null, FieldType.CHARBUF, Multiplicity.ANY_ANCESTOR, e -> ancestors(e, env)));
            }
            return BindResult.ok(new BoundField(def, null, FieldType.CHARBUF, Multiplicity.SINGLE, e -> env.apply(e.thread())));
        }
        if (EventFields.isDigits(arg)) {
            int n = Integer.parseInt(arg);
            return BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE, e -> {
                ThreadInfo a = e.thread().ancestor(n);
                return a == null ? null : env.apply(a);
            }));
        }
        return BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE, e -> {
            // first value of the variable from the parent up, at most 20 levels (libsinsp's limit)
            for (int i = 1; i <= 20; i++) {
                ThreadInfo a = e.thread().ancestor(i);
                if (a == null) return null;
                String v = envValue(a, arg);
                if (v != null) return v;
            }
            return null;
        }));
    }

    static String envValue(ThreadInfo t, String name) {
        int n = name.length();
        for (String kv : t.env()) {
            if (kv.length() > n && kv.charAt(n) == '=' && kv.startsWith(name)) return kv.substring(n + 1);
        }
        return null;
    }

    /** The process with pid = sid, or the eldest ancestor still in the same session. */
    private static ThreadInfo sessionLeader(ThreadInfo t) {
        ThreadInfo m = t.mainThread();
        long sid = m.sid();
        if (sid < 0) return null;
        return leader(m, sid, true);
    }

    private static ThreadInfo groupLeader(ThreadInfo t) {
        ThreadInfo m = t.mainThread();
        long pgid = m.vpgid();
        if (pgid < 0) return null;
        return leader(m, pgid, false);
    }

    private static ThreadInfo leader(ThreadInfo m, long id, boolean session) {
        ThreadInfo best = m;
        ThreadInfo cur = m;
        for (int i = 0; i < MAX_ANCESTORS; i++) {
            if (cur.vpid() == id || cur.pid() == id) return cur;
            ThreadInfo p = cur.parent();
            if (p == null) break;
            p = p.mainThread();
            if (p == cur || (session ? p.sid() : p.vpgid()) != id) break;
            best = p;
            cur = p;
        }
        return best;
    }
}
