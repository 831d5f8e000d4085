package dev.falconet.fields;

import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import java.util.List;
import java.util.Set;

/** The {@code evt.*} and {@code syscall.*} fields: what the event itself carries. */
final class EventFields extends FieldFamily {
    private static final EventFields FAMILY = new EventFields();

    private EventFields() {}

    private static final int OPEN = EventTypes.id("open");
    private static final int OPENAT = EventTypes.id("openat");
    private static final int OPENAT2 = EventTypes.id("openat2");
    private static final int OPEN_BY_HANDLE_AT = EventTypes.id("open_by_handle_at");
    private static final int CREAT = EventTypes.id("creat");
    private static final long EXEC_BITS = 0111;

    /** Parameters whose raw value is a number, so {@code evt.rawarg.X} compares numerically. */
    private static final Set<String> NUMERIC_ARGS = Set.of("res", "fd", "dirfd", "olddirfd", "newdirfd", "linkdirfd",
            "olddir", "newdir", "oldfd", "newfd", "pid", "tid", "ptid", "vpid", "vtid", "pgid", "vpgid", "sid", "uid",
            "gid", "euid", "egid", "ruid", "rgid", "suid", "sgid", "loginuid", "flags", "mode", "size", "length",
            "request", "domain", "type", "proto", "backlog", "sig", "cmd", "dev", "ino", "addr", "fdlimit", "tty",
            "exe_ino", "exe_ino_ctime", "exe_ino_mtime", "cap_inheritable", "cap_permitted", "cap_effective", "resolve",
            "how", "whence", "offset", "pos", "count", "nstype", "clone_flags");

    static void register(FieldTable t) {
        t.inClass("evt", FAMILY);
        t.add("evt.num", FieldType.UINT64, "Sequence number of the event; the first event is 1.");
        t.add("evt.time", FieldType.CHARBUF, "Event time of day in local time, with nanoseconds (13:53:31.726060287).");
        t.add("evt.time.s", FieldType.CHARBUF, "Event time of day in local time, whole seconds.");
        t.add("evt.time.iso8601", FieldType.CHARBUF, "Event time in ISO 8601, UTC, with nanoseconds (2026-01-15T10:53:31.726060287Z).");
        t.add("evt.datetime", FieldType.CHARBUF, "Event date and local time with nanoseconds.");
        t.add("evt.datetime.s", FieldType.CHARBUF, "Event date and local time, whole seconds.");
        t.add("evt.rawtime", FieldType.ABSTIME, "Event time as nanoseconds since the epoch.");
        t.add("evt.rawtime.s", FieldType.ABSTIME, "Whole seconds part of the event time since the epoch.");
        t.add("evt.rawtime.ns", FieldType.ABSTIME, "Nanoseconds part of the event time.");
        t.add("evt.hostname", FieldType.CHARBUF, "Name of the host the engine runs on (FALCO_HOSTNAME overrides it).");
        t.add("evt.source", FieldType.CHARBUF, "Event source; always syscall here.");
        t.add("evt.is_async", FieldType.BOOL, "True for asynchronous (non-syscall) events such as container notifications.");
        t.add("evt.type", FieldType.CHARBUF, "Event name, e.g. open or execve.");
        t.add("syscall.type", FieldType.CHARBUF, "System call name; not set for events that are not syscalls (procexit, container ...).");
        t.deprecated("evt.dir", FieldType.CHARBUF, "Event direction. Deprecated: only exit events exist since Falco 0.42, so it is always '<'.");
        t.add("evt.cpu", FieldType.INT16, "Number of the CPU the event happened on.");
        t.add("evt.args", FieldType.CHARBUF, "Every parameter of the event in one string: name=value(resolved) separated by spaces.");
        t.add("evt.info", FieldType.CHARBUF, "Same as evt.args for syscall events.");
        t.withArg("evt.arg", FieldType.CHARBUF, ArgKind.INDEX_OR_KEY, false,
                "One parameter as text, by name (evt.arg.flags) or by position (evt.arg[0]); flags, fds and errors are shown resolved (O_RDONLY, <f>/etc/passwd, ENOENT).");
        t.withArg("evt.rawarg", FieldType.CHARBUF, ArgKind.KEY, false,
                "One parameter by name as its raw typed value (evt.rawarg.res, evt.rawarg.flags): numbers compare as numbers.");
        t.add("evt.buffer", FieldType.BYTEBUF, "The data buffer of I/O events (read, write, sendto, recvfrom ...).");
        t.add("evt.buflen", FieldType.UINT64, "Length of the data buffer of I/O events.");
        t.add("evt.res", FieldType.CHARBUF, "Return value as text: SUCCESS, or the error name such as ENOENT or EPERM.");
        t.add("evt.rawres", FieldType.INT64, "Return value as a number (e.g. -2 or a new fd).");
        t.add("evt.failed", FieldType.BOOL, "True when the syscall returned an error.");
        t.add("evt.count", FieldType.UINT32, "Always 1; handy for counting events.");
        t.add("evt.is_open_read", FieldType.BOOL, "True for open/openat/openat2/open_by_handle_at events that open the file for reading.");
        t.add("evt.is_open_write", FieldType.BOOL, "True for open/openat/openat2/open_by_handle_at events that open the file for writing.");
        t.add("evt.is_open_exec", FieldType.BOOL, "True for open-like and creat events that create a file with an execute permission bit.");
        t.add("evt.is_open_create", FieldType.BOOL, "True for open-like events that created the file.");
    }

    @Override
    FieldExtractor extractor(String name) {
        return switch (name) {
            case "evt.num" -> e -> e.num();
            case "evt.time" -> e -> EventTime.time(e.ts());
            case "evt.time.s" -> e -> EventTime.timeSeconds(e.ts());
            case "evt.time.iso8601" -> e -> EventTime.iso8601(e.ts());
            case "evt.datetime" -> e -> EventTime.dateTime(e.ts());
            case "evt.datetime.s" -> e -> EventTime.dateTimeSeconds(e.ts());
            case "evt.rawtime" -> e -> e.ts();
            case "evt.rawtime.s" -> e -> Math.floorDiv(e.ts(), 1_000_000_000L);
            case "evt.rawtime.ns" -> e -> Math.floorMod(e.ts(), 1_000_000_000L);
            case "evt.hostname" -> e -> Hostname.get();
            case "evt.source" -> e -> "syscall";
            case "evt.is_async" -> e -> e.type() >= EventTypes.FIRST_NON_SYSCALL && e.type() != EventTypes.PROCEXIT;
            case "evt.type" -> Event::typeName;
            case "syscall.type" -> e -> e.type() < EventTypes.FIRST_NON_SYSCALL ? e.typeName() : null;
            case "evt.dir" -> e -> "<";
            case "evt.cpu" -> e -> e.cpu() < 0 ? null : (Object) (long) e.cpu();
            case "evt.args" -> EventFields::args;
            case "evt.info" -> EventFields::args;
            case "evt.buffer" -> EventFields::buffer;
            case "evt.buflen" -> e -> {
                byte[] b = buffer(e);
                return b == null ? null : (Object) (long) b.length;
            };
            case "evt.res" -> e -> isSyscall(e) ? Errno.result(e.res()) : null;
            case "evt.rawres" -> e -> isSyscall(e) ? (Object) e.res() : null;
            case "evt.failed" -> e -> isSyscall(e) ? (Object) (e.res() < 0) : null;
            case "evt.count" -> e -> 1L;
            case "evt.is_open_read" -> e -> isOpen(e) && OpenFlags.isRead(flags(e));
            case "evt.is_open_write" -> e -> isOpen(e) && OpenFlags.isWrite(flags(e));
            case "evt.is_open_exec" -> EventFields::isOpenExec;
            case "evt.is_open_create" -> e -> isOpen(e) && (flags(e) & OpenFlags.O_F_CREATED) != 0;
            case "fs.path.name" -> e -> pathArg(e, PATH_ARGS, true);
            case "fs.path.nameraw" -> e -> pathArg(e, PATH_ARGS, false);
            case "fs.path.source" -> e -> pathArg(e, SOURCE_ARGS, true);
            case "fs.path.sourceraw" -> e -> pathArg(e, SOURCE_ARGS, false);
            case "fs.path.target" -> e -> pathArg(e, TARGET_ARGS, true);
            case "fs.path.targetraw" -> e -> pathArg(e, TARGET_ARGS, false);
            default -> throw unknown(name);
        };
    }

    @Override
    public BindResult bind(FieldDef def, String arg, UseContext ctx) {
        return switch (def.name()) {
            case "evt.arg" -> bindArg(def, arg, ctx);
            case "evt.rawarg" -> bindRawArg(def, arg, ctx);
            default -> throw unknown(def.name());
        };
    }

    private static final String[] PATH_ARGS = {"name", "path", "pathname", "filename"};
    private static final String[] SOURCE_ARGS = {"oldpath", "target"};
    private static final String[] TARGET_ARGS = {"newpath", "linkpath"};

    static void registerPaths(FieldTable t) {
        t.inClass("fs.path", FAMILY);
        t.add("fs.path.name", FieldType.CHARBUF, "For events on one filesystem path (open, mkdir, unlink, chmod ...): the path, made absolute.");
        t.add("fs.path.nameraw", FieldType.CHARBUF, "For events on one filesystem path: the path as the process passed it.");
        t.add("fs.path.source", FieldType.CHARBUF, "For events with a source and a target path (rename, link, symlink): the source, made absolute.");
        t.add("fs.path.sourceraw", FieldType.CHARBUF, "For events with a source and a target path: the source as the process passed it.");
        t.add("fs.path.target", FieldType.CHARBUF, "For events with a source and a target path (rename, link, symlink): the target, made absolute.");
        t.add("fs.path.targetraw", FieldType.CHARBUF, "For events with a source and a target path: the target as the process passed it.");
    }

    private static Object pathArg(Event e, String[] names, boolean resolved) {
        if (!isSyscall(e)) return null;
        for (String n : names) {
            Arg a = e.arg(n);
            if (a != null && (a.type() == ArgType.FSPATH || a.type() == ArgType.CHARBUF)) {
                return resolved || !(a.raw() instanceof String raw) ? a.rendered() : raw;
            }
        }
        return null;
    }

    static boolean isSyscall(Event e) {
        return e.type() < EventTypes.FIRST_NON_SYSCALL;
    }

    private static boolean isOpen(Event e) {
        int t = e.type();
        return t == OPENAT || t == OPEN || t == OPENAT2 || t == OPEN_BY_HANDLE_AT;
    }

    private static long flags(Event e) {
        // the flags parameter's place in open (2) and openat/openat2 (3) exits: found without a name search
        Arg a = e.arg(e.type() == OPEN ? 2 : 3);
        if (a == null || !a.name().equals("flags")) a = e.arg("flags");
        Long v = a == null ? null : a.rawLong();
        return v == null ? 0 : v;
    }

    private static boolean isOpenExec(Event e) {
        boolean creat = e.type() == CREAT;
        if (!creat && !(isOpen(e) && (flags(e) & OpenFlags.O_CREAT) != 0)) return false;
        Arg mode = e.arg("mode");
        Long m = mode == null ? null : mode.rawLong();
        return m != null && (m & EXEC_BITS) != 0;
    }

    private static byte[] buffer(Event e) {
        Arg a = e.arg("data");
        return a != null && a.raw() instanceof byte[] b ? b : null;
    }

    /** libsinsp's evt.args: {@code name=value} with the resolved text in parentheses when it differs. */
    static String args(Event e) {
        List<Arg> args = e.args();
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0, n = args.size(); i < n; i++) {
            Arg a = args.get(i);
            if (i > 0) sb.append(' ');
            sb.append(a.name()).append('=');
            String value = valueText(a);
            sb.append(value);
            // libsinsp adds "(resolved)" only when there is a resolved text
            if (!a.rendered().isEmpty() && !value.equals(a.rendered()) && (a.type() == ArgType.FD || a.type() == ArgType.FLAGS)) {
                sb.append('(').append(a.rendered()).append(')');
            }
        }
        return sb.toString();
    }

    /** The unresolved text of a parameter: the number for fds and flags, the rendering otherwise. */
    private static String valueText(Arg a) {
        if ((a.type() == ArgType.FD || a.type() == ArgType.FLAGS) && a.raw() instanceof Long l) return Long.toString(l);
        return a.rendered();
    }

    /**
     * {@code evt.arg.X} as libsinsp extracts it: the resolved text when there is one, otherwise the
     * plain value, so flags with no bit set read {@code 0} (an execve's {@code exe_flags=0}), not "".
     */
    static String argText(Arg a) {
        String resolved = a.rendered();
        return resolved.isEmpty() ? valueText(a) : resolved;
    }

    private static BindResult bindArg(FieldDef def, String arg, UseContext ctx) {
        FieldExtractor ex;
        if (isDigits(arg)) {
            int index = Integer.parseInt(arg);
            ex = e -> {
                Arg a = e.arg(index);
                return a == null ? null : argText(a);
            };
        } else {
            ex = e -> {
                Arg a = e.arg(arg);
                return a == null ? null : argText(a);
            };
        }
        return BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE, ex));
    }

    private static BindResult bindRawArg(FieldDef def, String arg, UseContext ctx) {
        boolean numeric = NUMERIC_ARGS.contains(arg);
        FieldExtractor ex = numeric
                ? e -> {
                    Arg a = e.arg(arg);
                    return a == null ? null : a.rawLong();
                }
                : e -> {
                    Arg a = e.arg(arg);
                    if (a == null) return null;
                    Object raw = a.raw();
                    if (raw instanceof String || raw instanceof byte[]) return raw instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) : raw;
                    return raw == null ? a.rendered() : raw.toString();
                };
        return BindResult.ok(new BoundField(def, arg, numeric ? FieldType.INT64 : FieldType.CHARBUF, Multiplicity.SINGLE, ex));
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
