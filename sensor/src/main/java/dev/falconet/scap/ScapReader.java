package dev.falconet.scap;

import dev.falconet.capture.CaptureException;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.ThreadTable;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Falco/sysdig {@code .scap} capture (plain or gzip) as a stream of {@link Event}s, the way
 * Falco 0.42+ sees them: one event per syscall exit, with the parameters of the enter event merged
 * in for old captures that record both halves. Process and fd state comes from the capture's header
 * lists and is kept current from the events (clone, execve, open, connect, close ...), so fields
 * resolve as in libsinsp.
 *
 * <p>Event numbers ({@code evt.num}) count every event libsinsp returns for the file, enter events
 * and per-thread CPU samples included, so they match {@code sysdig -r}. Events whose type no
 * consumer wants and that do not change state are counted and skipped without decoding.
 *
 * <p>Every problem (not a scap file, truncated, a corrupt length, an unknown block) is a
 * {@link CaptureException} naming the file and the byte offset.
 */
public final class ScapReader implements Closeable {
    /** Block type of the section header: the first 4 bytes of every scap file. */
    public static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int SHB_MAGIC = 0x1A2B3C4D;
    private static final int MI = 0x201, MI_INT = 0x8002ABCD;
    private static final int IL = 0x205, IL_INT = 0x8011ABCD, IL_V2 = 0x219;
    private static final int EV = 0x204, EV_INT = 0x8010ABCD, EV_V2 = 0x216, EV_V2_LARGE = 0x221;
    private static final int EVF = 0x208, EVF_V2 = 0x217, EVF_V2_LARGE = 0x222;
    /** Syscall event ids whose exit changes process or fd state: decoded even when no rule wants them. */
    private static final boolean[] STATE = new boolean[ScapEventTable.MAX_ID];
    /** Our event type id for each scap id (-1: none). */
    private static final int[] TYPE = new int[ScapEventTable.MAX_ID];

    static {
        java.util.Set<String> state = java.util.Set.of("open", "openat", "openat2", "creat", "close", "socket", "connect",
                "accept", "accept4", "bind", "sendto", "sendmsg", "recvfrom", "recvmsg", "dup", "dup2", "dup3", "fcntl", "pipe",
                "pipe2", "socketpair", "memfd_create", "chdir", "fchdir", "execve", "execveat", "clone", "fork", "vfork",
                "clone3", "setuid", "setgid", "setresuid", "setresgid", "capset", "procexit");
        for (int id = 0; id < ScapEventTable.MAX_ID; id++) {
            ScapEventTable.Def d = ScapEventTable.get(id);
            String n = d != null ? d.name() : ScapEventNames.name(id);
            TYPE[id] = n == null ? -1 : EventTypes.id(n);
            STATE[id] = d != null && state.contains(d.name());
        }
    }

    private final BlockInput in;
    private final String name;
    private final IntPredicate wanted;
    private final ScapState state = new ScapState();
    private final ScapEvents events = new ScapEvents(state);
    private final Map<Long, ScapEvents.Values> pendingEnter = new HashMap<>();
    private long num;
    private long returned;
    private long delivered;
    private Event pushback;

    /**
     * @param stream the capture bytes (gzip is detected and unpacked)
     * @param name   what error messages call the input
     * @param wanted which event types (our ids, {@link EventTypes}) to deliver; others only update state
     */
    public ScapReader(InputStream stream, String name, IntPredicate wanted) {
        this.name = name;
        this.wanted = wanted;
        this.in = new BlockInput(unpack(stream, name), name);
        readSectionHeader();
    }

    /** Opens a capture file and delivers every event type. */
    public static ScapReader open(Path file) {
        return open(file, t -> true);
    }

    public static ScapReader open(Path file, IntPredicate wanted) {
        try {
            return new ScapReader(Files.newInputStream(file), file.toString(), wanted);
        } catch (IOException e) {
            throw new CaptureException("cannot read capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when the file starts like a scap capture (section header block, possibly gzip-compressed). */
    public static boolean isScap(Path file) {
        try (InputStream s = unpack(Files.newInputStream(file), file.toString())) {
            byte[] b = s.readNBytes(4);
            return b.length == 4 && BlockInput.i32(b, 0) == SECTION_HEADER;
        } catch (IOException | CaptureException e) {
            return false;
        }
    }

    private static InputStream unpack(InputStream raw, String name) {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        try {
            b.mark(2);
            int m0 = b.read(), m1 = b.read();
            b.reset();
            if (m0 == 0x1f && m1 == 0x8b) return new GZIPInputStream(b, 1 << 16);
            return b;
        } catch (IOException e) {
            throw new CaptureException(name + ": at byte 0: cannot read: " + e.getMessage(), e);
        }
    }

    private void readSectionHeader() {
        int first = in.peekInt();
        if (first != SECTION_HEADER) {
            throw in.fail(0, String.format("not a scap capture: starts with 0x%08x, a scap file starts with the section header block 0x0a0d0d0a", first));
        }
        if (!in.next()) throw new CaptureException(name + ": at byte 0: empty file; not a scap capture");
        if (in.type != SECTION_HEADER) {
            throw in.fail(0, String.format("not a scap capture: first block type is 0x%08x, a scap file starts with the section header 0x0a0d0d0a", in.type));
        }
        checkSection();
    }

    private void checkSection() {
        if (in.bodyLength() < 16) throw in.fail(in.blockOffset, "section header block too short (" + in.length + " bytes)");
        int magic = BlockInput.i32(in.buf(), in.bodyStart);
        if (magic != SHB_MAGIC) {
            throw in.fail(in.blockOffset + 8, String.format("wrong byte-order magic 0x%08x in the section header (expected 0x1a2b3c4d)", magic));
        }
        int major = BlockInput.u16(in.buf(), in.bodyStart + 4);
        if (major > 1) throw in.fail(in.blockOffset + 12, "scap format version " + major + ".x is newer than this reader (1.x)");
    }

    /** Events libsinsp would have returned so far (enter halves and CPU samples included). */
    public long scapEvents() {
        return returned;
    }

    /** Events this reader has delivered so far. */
    public long delivered() {
        return delivered;
    }

    /** The thread table built so far. */
    public ThreadTable threads() {
        return state.threads;
    }

    /** The next event, or null at the end of the capture. */
    public Event next() {
        if (pushback != null) {
            Event e = pushback;
            pushback = null;
            delivered++;
            return e;
        }
        while (in.next()) {
            int t = in.type;
            Event e = switch (t) {
                case EV, EV_INT -> event(2, false);
                case EV_V2, EV_V2_LARGE -> event(2, true);
                case EVF -> event(6, false);
                case EVF_V2, EVF_V2_LARGE -> event(6, true);
                default -> {
                    headerBlock(t);
                    yield null;
                }
            };
            if (e != null) {
                delivered++;
                return e;
            }
        }
        return null;
    }

    /** Reads to the end, counting: for benchmarks and tests. */
    public long skipAll() {
        long n = 0;
        while (next() != null) n++;
        return n;
    }

    private void headerBlock(int t) {
        int plv = HeaderLists.processListVersion(t);
        if (plv > 0) {
            HeaderLists.readProcessList(in, plv, state);
            return;
        }
        switch (t) {
            case HeaderLists.FDL, HeaderLists.FDL_INT -> HeaderLists.readFdList(in, false, state);
            case HeaderLists.FDL_V2 -> HeaderLists.readFdList(in, true, state);
            case HeaderLists.UL, HeaderLists.UL_INT -> HeaderLists.readUserList(in, false, state);
            case HeaderLists.UL_V2 -> HeaderLists.readUserList(in, true, state);
            case MI, MI_INT, IL, IL_INT, IL_V2 -> { } // machine and interface info: no fields read them
            case SECTION_HEADER -> checkSection();
            default -> throw in.fail(in.blockOffset, String.format("unknown block type 0x%08x (length %d)", t, in.length));
        }
    }

    /** One event block: header at body+skip; v2 layouts carry nparams in the header. */
    private Event event(int skip, boolean v2) {
        byte[] b = in.buf();
        int body = in.bodyStart;
        int avail = in.bodyLength() - skip;
        int h = body + skip;
        int hdrLen = v2 ? 26 : 22;
        if (avail < hdrLen) throw in.fail(in.blockOffset, "event block of " + in.length + " bytes is too short for an event header");
        long ts = BlockInput.i64(b, h);
        long tid = BlockInput.i64(b, h + 8);
        long len = BlockInput.u32(b, h + 16);
        int id = BlockInput.u16(b, h + 20);
        if (id >= ScapEventTable.MAX_ID) return null; // libscap skips event ids it does not know: not numbered
        if (id == ScapEventTable.CONTAINER_JSON_E || id == ScapEventTable.CONTAINER_JSON_2_E) {
            num++; // libsinsp numbers container metadata but consumes it instead of returning it
            return null;
        }
        if (len < hdrLen || len > avail) {
            throw in.fail(in.blockOffset + 8 + skip + 16, "event length " + len + " does not fit its block (" + avail + " bytes available)");
        }
        long evNum = ++num;
        returned++;
        ScapEventTable.Def d = ScapEventTable.get(id);
        if (d == null) return undecoded(id, evNum, ts, tid);
        int type;
        if (id == ScapEventTable.GENERIC_E || id == ScapEventTable.GENERIC_X) {
            type = -2; // resolved from the nativeID parameter below
        } else {
            type = TYPE[id];
            boolean procexit = id == ScapEventTable.PROCEXIT_E || id == ScapEventTable.PROCEXIT_1_E;
            boolean want = type >= 0 && wanted.test(type);
            if (!want && !STATE[id]) return null;
            if (d.enter() && !procexit && d.params().length == 0) return null;
        }
        int cpu = BlockInput.u16(b, body);
        ScapEvents.Values v = new ScapEvents.Values(d, decode(d, b, h, (int) len, v2, hdrLen));
        if (d.enter()) {
            if (id == ScapEventTable.PROCEXIT_E || id == ScapEventTable.PROCEXIT_1_E) {
                return events.procexit(evNum, ts, cpu, tid, v, wanted.test(EventTypes.PROCEXIT));
            }
            pendingEnter.put(tid, v);
            return null;
        }
        ScapEvents.Values enter = pendingEnter.remove(tid);
        if (enter != null && !enter.def().name().equals(d.name())) enter = null;
        if (type == -2) {
            Object nat = v.get("nativeID");
            if (nat == null && enter != null) nat = enter.get("nativeID");
            type = nat instanceof Long l && l < EventTypes.FIRST_NON_SYSCALL && EventTypes.name(l.intValue()) != null ? l.intValue() : -1;
            if (type < 0 || !wanted.test(type)) return null;
            return new Event(evNum, ts, type, 0, java.util.List.of(), state.thread(tid), null, cpu);
        }
        boolean deliver = type >= 0 && wanted.test(type);
        return events.exit(evNum, ts, cpu, tid, type < 0 ? EventTypes.id("syscall") : type, v, enter, deliver);
    }

    /**
     * An event this reader does not decode: exit events of a wanted type are delivered with their
     * type, thread and fd-less, without parameters; enter events only end a pending enter of the thread.
     */
    private Event undecoded(int id, long evNum, long ts, long tid) {
        int type = TYPE[id];
        if ((id & 1) == 0 || type < 0 || !wanted.test(type)) return null;
        return new Event(evNum, ts, type, firstParamAsResult(), java.util.List.of(), state.thread(tid), null, BlockInput.u16(in.buf(), in.bodyStart));
    }

    /** The first parameter when it is 8 bytes wide: the return value of nearly every exit event. */
    private long firstParamAsResult() {
        byte[] b = in.buf();
        int skip = in.type == EVF || in.type == EVF_V2 || in.type == EVF_V2_LARGE ? 6 : 2;
        boolean v2 = in.type != EV && in.type != EV_INT && in.type != EVF;
        int h = in.bodyStart + skip;
        int hdrLen = v2 ? 26 : 22;
        long len = BlockInput.u32(b, h + 16);
        if (len < hdrLen + 10) return 0;
        long np = v2 ? BlockInput.u32(b, h + 22) : 1;
        if (np < 1 || hdrLen + 2 * np + 8 > len) return 0;
        if (BlockInput.u16(b, h + hdrLen) != 8) return 0;
        if (!v2) return 0; // v1 events: the parameter count is not stored, the values' start is not known without the table
        return BlockInput.i64(b, h + hdrLen + 2 * (int) np);
    }

    /** Decodes the parameters of an event at h (header start) of length len. */
    private Object[] decode(ScapEventTable.Def d, byte[] b, int h, int len, boolean v2, int hdrLen) {
        int n;
        if (v2) {
            long np = BlockInput.u32(b, h + 22);
            if (np > 64 || hdrLen + np * 2 > len) throw in.fail(in.blockOffset, "event nparams " + np + " does not fit its length " + len);
            n = (int) np;
        } else {
            n = oldParamCount(d, b, h, len, hdrLen);
        }
        int lens = h + hdrLen;
        int off = lens + 2 * n;
        int end = h + len;
        Object[] vals = new Object[d.params().length];
        for (int i = 0; i < n; i++) {
            int pl = BlockInput.u16(b, lens + 2 * i);
            if (off + pl > end) throw in.fail(in.blockOffset, "parameter " + i + " of " + d.name() + " (" + pl + " bytes) runs past the event");
            if (i < vals.length && pl > 0) vals[i] = value(d.params()[i].type(), b, off, pl);
            off += pl;
        }
        return vals;
    }

    /** Old (v1) events do not store nparams: the count whose lengths add up to the event length, as libscap finds it. */
    private int oldParamCount(ScapEventTable.Def d, byte[] b, int h, int len, int hdrLen) {
        // the table's count first, fewer (older writers), then a few more (a newer writer than the table)
        int max = d.params().length;
        for (int k = 0; k <= max + 8; k++) {
            int n = k <= max ? max - k : k;
            int valStart = hdrLen + 2 * n;
            if (valStart > len) continue;
            long sum = valStart;
            for (int i = 0; i < n; i++) sum += BlockInput.u16(b, h + hdrLen + 2 * i);
            if (sum == len) return n;
        }
        throw in.fail(in.blockOffset, "corrupt event " + d.name() + ": no parameter count matches its length " + len);
    }

    private static Object value(ScapEventTable.PType t, byte[] b, int off, int len) {
        return switch (t) {
            // a parameter shorter than its type is treated as absent (Object casts keep null from being unboxed)
            case I64, U64, FD, PID, ERRNO -> len >= 8 ? (Object) BlockInput.i64(b, off) : len >= 4 ? (Object) (long) BlockInput.i32(b, off) : null;
            case I32 -> len >= 4 ? (Object) (long) BlockInput.i32(b, off) : null;
            case U32, UID, MODE, FLAGS_OPEN, FLAGS_EXE, ENUM_AF -> len >= 4 ? (Object) BlockInput.u32(b, off) : null;
            case U16, SYSCALLID, ENUM_PTRACE, FLAGS16_OPEN -> len >= 2 ? (Object) (long) BlockInput.u16(b, off) : null;
            case U8 -> (Object) (long) (b[off] & 0xff);
            case DYN -> len >= 9 ? (Object) BlockInput.i64(b, off + 1) : null;
            case STR, PATH -> Cursor.text(b, off, len);
            case LIST -> Cursor.split(b, off, len);
            case BYTES -> java.util.Arrays.copyOfRange(b, off, off + len);
            case SOCKADDR -> Sock.addr(b, off, len);
            case SOCKTUPLE -> Sock.tuple(b, off, len);
        };
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CaptureException("cannot close capture " + name + ": " + e.getMessage(), e);
        }
    }
}
