package dev.falconet.fields;

import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The {@code proc.*}, {@code thread.*}, {@code user.*} and {@code group.*} fields: state of the calling thread and its ancestors. */
final class ProcessFields {
    private ProcessFields() {}

    /** Ancestor walks stop here, in case a broken table has a parent loop. */
    static final int MAX_ANCESTORS = 256;

    static void register(FieldTable t) {
        t.inClass("process");
        t.add("proc.name", FieldType.CHARBUF, "Process name as the kernel keeps it (comm, at most 15 characters).",
                e -> e.thread().comm());
        t.add("proc.pname", FieldType.CHARBUF, "Name (comm) of the parent process.", parent(ThreadInfo::comm));
        ancestor(t, "proc.aname", FieldType.CHARBUF, "name (comm)", ThreadInfo::comm);
        t.add("proc.exe", FieldType.CHARBUF, "First command-line argument (argv[0]): usually the executable as it was invoked.",
                e -> e.thread().exe());
        t.add("proc.pexe", FieldType.CHARBUF, "argv[0] of the parent process.", parent(ThreadInfo::exe));
        ancestor(t, "proc.aexe", FieldType.CHARBUF, "argv[0]", ThreadInfo::exe);
        t.add("proc.exepath", FieldType.CHARBUF, "Full path of the executable file, symlinks resolved.", e -> e.thread().exepath());
        t.add("proc.pexepath", FieldType.CHARBUF, "Full executable path of the parent process.", parent(ThreadInfo::exepath));
        ancestor(t, "proc.aexepath", FieldType.CHARBUF, "full executable path", ThreadInfo::exepath);
        t.add("proc.args", FieldType.CHARBUF, "Command-line arguments after argv[0], joined with spaces.", e -> ProcessText.args(e.thread()));
        ancestor(t, "proc.aargs", FieldType.CHARBUF, "arguments (proc.args)", ProcessText::args);
        t.add("proc.cmdline", FieldType.CHARBUF, "Process name followed by its arguments (proc.name + ' ' + proc.args).",
                e -> ProcessText.cmdline(e.thread()));
        t.add("proc.pcmdline", FieldType.CHARBUF, "Command line (proc.cmdline) of the parent process.", parent(ProcessText::cmdline));
        ancestor(t, "proc.acmdline", FieldType.CHARBUF, "command line (proc.cmdline)", ProcessText::cmdline);
        t.add("proc.exeline", FieldType.CHARBUF, "argv[0] followed by the arguments (proc.exe + ' ' + proc.args).",
                e -> ProcessText.exeline(e.thread()));
        t.add("proc.cmdnargs", FieldType.UINT64, "Number of command-line arguments (without argv[0]).",
                e -> (long) e.thread().args().size());
        t.add("proc.cmdlenargs", FieldType.UINT64, "Total length of the command-line arguments, not counting separators.", e -> {
            long n = 0;
            for (String a : e.thread().args()) n += a.length();
            return n;
        });
        t.withArg("proc.env", FieldType.CHARBUF, ArgKind.KEY_OR_NONE, false,
                "Environment of the process as NAME=value pairs separated by spaces; proc.env[NAME] gives one variable's value.",
                (def, arg, ctx) -> BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE,
                        arg == null ? e -> String.join(" ", e.thread().env()) : e -> envValue(e.thread(), arg))));
        t.withArg("proc.aenv", FieldType.CHARBUF, ArgKind.INDEX_OR_KEY_OR_NONE, false,
                "Environment of an ancestor: proc.aenv[N] for the Nth ancestor, proc.aenv[NAME] for the first value of NAME from the parent up; without argument in a condition, matches any ancestor's environment.",
                ProcessFields::bindAenv);
        t.add("proc.cwd", FieldType.CHARBUF, "Current working directory of the process, ending with '/' as libsinsp keeps it (/dev/shm/).",
                e -> ProcessText.cwd(e.thread().mainThread()));
        t.add("proc.tty", FieldType.UINT32, "Controlling terminal device number; 0 without a terminal.", e -> e.thread().tty());
        t.add("proc.pid", FieldType.INT64, "Process id.", e -> e.thread().pid());
        t.add("proc.ppid", FieldType.INT64, "Process id of the parent.", e -> nonNegative(e.thread().mainThread().ptid()));
        ancestor(t, "proc.apid", FieldType.INT64, "process id", th -> th.pid());
        t.add("proc.vpid", FieldType.INT64, "Process id as seen inside the process's own PID namespace.", e -> nonNegative(e.thread().vpid()));
        t.add("proc.pvpid", FieldType.INT64, "Parent's process id as seen inside its PID namespace.", e -> {
            ThreadInfo p = e.thread().ancestor(1);
            return p == null ? null : nonNegative(p.vpid());
        });
        t.add("proc.sid", FieldType.INT64, "Session id of the process.", e -> nonNegative(e.thread().sid()));
        t.add("proc.sname", FieldType.CHARBUF, "Name of the session leader: the process whose pid is proc.sid, or the eldest ancestor in the same session.",
                e -> value(sessionLeader(e.thread()), ThreadInfo::comm));
        t.add("proc.sid.exe", FieldType.CHARBUF, "argv[0] of the session leader.", e -> value(sessionLeader(e.thread()), ThreadInfo::exe));
        t.add("proc.sid.exepath", FieldType.CHARBUF, "Executable path of the session leader.",
                e -> value(sessionLeader(e.thread()), ThreadInfo::exepath));
        t.add("proc.is_sid_leader", FieldType.BOOL, "True when the process leads its session (proc.sid = proc.vpid).", e -> {
            ThreadInfo m = e.thread().mainThread();
            return m.sid() < 0 || m.vpid() < 0 ? null : (Object) (m.sid() == m.vpid());
        });
        t.add("proc.vpgid", FieldType.INT64, "Process group id, as seen inside the process's PID namespace.",
                e -> nonNegative(e.thread().mainThread().vpgid()));
        t.add("proc.vpgid.name", FieldType.CHARBUF, "Name of the process group leader.", e -> value(groupLeader(e.thread()), ThreadInfo::comm));
        t.add("proc.vpgid.exe", FieldType.CHARBUF, "argv[0] of the process group leader.", e -> value(groupLeader(e.thread()), ThreadInfo::exe));
        t.add("proc.vpgid.exepath", FieldType.CHARBUF, "Executable path of the process group leader.",
                e -> value(groupLeader(e.thread()), ThreadInfo::exepath));
        t.add("proc.is_vpgid_leader", FieldType.BOOL,
                "True when the process leads its process group (proc.vpgid = proc.vpid): typically a command typed at a shell rather than one started by a script.",
                e -> {
                    ThreadInfo m = e.thread().mainThread();
                    return m.vpgid() < 0 || m.vpid() < 0 ? null : (Object) (m.vpgid() == m.vpid());
                });
        t.add("proc.duration", FieldType.RELTIME, "Nanoseconds since the process started.", e -> {
            long start = e.thread().mainThread().cloneTs();
            return start <= 0 ? null : (Object) (e.ts() - start);
        });
        t.add("proc.ppid.duration", FieldType.RELTIME, "Nanoseconds since the parent process started.", e -> {
            ThreadInfo p = e.thread().ancestor(1);
            return p == null || p.cloneTs() <= 0 ? null : (Object) (e.ts() - p.cloneTs());
        });
        t.add("proc.pid.ts", FieldType.RELTIME, "Start time of the process, nanoseconds since the epoch.",
                e -> positive(e.thread().mainThread().cloneTs()));
        t.add("proc.ppid.ts", FieldType.RELTIME, "Start time of the parent process, nanoseconds since the epoch.", e -> {
            ThreadInfo p = e.thread().ancestor(1);
            return p == null ? null : positive(p.cloneTs());
        });
        t.add("proc.is_exe_writable", FieldType.BOOL, "True when the executable file is writable by the user that runs it.",
                e -> e.thread().exeWritable());
        t.add("proc.is_exe_upper_layer", FieldType.BOOL,
                "True when the executable lives on the upper (writable) layer of an overlay filesystem: it was added or changed after the container started.",
                e -> e.thread().exeUpperLayer());
        t.add("proc.is_exe_lower_layer", FieldType.BOOL, "True when the executable lives on a lower (image) layer of an overlay filesystem.",
                e -> e.thread().exeLowerLayer());
        t.add("proc.is_exe_from_memfd", FieldType.BOOL,
                "True when the executable is an anonymous in-memory file (memfd_create) run through its file descriptor.",
                e -> e.thread().exeFromMemfd());
        t.add("proc.exe_ino", FieldType.INT64, "Inode number of the executable file.", e -> positive(e.thread().exeIno()));
        t.add("proc.exe_ino.ctime", FieldType.ABSTIME, "Last status change time (ctime) of the executable's inode, nanoseconds since the epoch.",
                e -> positive(e.thread().exeInoCtime()));
        t.add("proc.exe_ino.mtime", FieldType.ABSTIME, "Last modification time (mtime) of the executable's inode, nanoseconds since the epoch.",
                e -> positive(e.thread().exeInoMtime()));
        t.add("proc.exe_ino.ctime_duration_proc_start", FieldType.ABSTIME,
                "Nanoseconds between the last status change of the executable and the start of this process: small values mean a freshly written binary.",
                e -> {
                    ThreadInfo m = e.thread().mainThread();
                    long ctime = e.thread().exeInoCtime();
                    long start = m.cloneTs();
                    return ctime <= 0 || start <= 0 ? null : (Object) (start - ctime);
                });

        t.add("thread.tid", FieldType.INT64, "Id of the thread that made the call.", e -> e.thread().tid());
        t.add("thread.vtid", FieldType.INT64, "Thread id as seen inside its PID namespace.", e -> nonNegative(e.thread().vtid()));
        t.add("thread.ismain", FieldType.BOOL, "True when the thread is the main thread of its process.", e -> e.thread().isMainThread());
        t.add("thread.cap_effective", FieldType.CHARBUF, "Effective capability set, as CAP_* names separated by spaces.",
                e -> Capabilities.render(e.thread().capEffective()));
        t.add("thread.cap_permitted", FieldType.CHARBUF, "Permitted capability set, as CAP_* names separated by spaces.",
                e -> Capabilities.render(e.thread().capPermitted()));
        t.add("thread.cap_inheritable", FieldType.CHARBUF, "Inheritable capability set, as CAP_* names separated by spaces.",
                e -> Capabilities.render(e.thread().capInheritable()));

        t.inClass("user");
        t.add("user.uid", FieldType.UINT32, "User id.", e -> nonNegative(e.thread().uid()));
        t.add("user.name", FieldType.CHARBUF, "User name, looked up in the process's own root (the container's /etc/passwd).",
                e -> e.thread().userName());
        t.add("user.loginuid", FieldType.INT64, "Audit login user id (auid): the user who logged in; -1 when unset, e.g. for system services.",
                e -> e.thread().loginUid());
        t.add("user.loginname", FieldType.CHARBUF, "Name of the audit login user.", e -> e.thread().loginName());
        t.inClass("group");
        t.add("group.gid", FieldType.UINT32, "Group id.", e -> nonNegative(e.thread().gid()));
        t.add("group.name", FieldType.CHARBUF, "Group name.", e -> e.thread().groupName());
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
    private static void ancestor(FieldTable t, String name, FieldType type, String what, Function<ThreadInfo, Object> f) {
        String desc = "The " + what + " of an ancestor: " + name + "[1] is the parent, " + name + "[2] the grandparent, "
                + name + "[0] the process itself. Without index, a condition matches when any ancestor from the parent up matches.";
        t.withArg(name, type, ArgKind.INDEX_OR_NONE, false, desc, (def, arg, ctx) -> {
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
        });
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
