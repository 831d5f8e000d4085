package dev.falconet.sensor.pipeline;

import dev.falconet.event.EventTypes;
import dev.falconet.sensor.decode.RecordBytes;
import dev.falconet.sensor.decode.RecordLayout;
import dev.falconet.sensor.decode.SyscallTable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ring records of the JIT warm-up, byte for byte as the probe writes them (records.h). Every round holds what
 * a busy machine sends most: syscalls no rule reads from two threads, failing opens, opens and their close (paths
 * and flags varying). Every eighth round adds every traced syscall once (succeeding in one, failing in the next,
 * with the blobs the probe adds for its argument kinds), so that the compiled code has seen the branches live
 * records take and is not thrown away at the first unusual one (rarely enough that the code only they run is
 * not worth compiling yet); every fourth round a process life (fork, exec, execve exit, exit), a thread the
 * state has not seen yet and one of an unknown process. The records name the sensor's own process (so that
 * /proc lookups find something, as live) and made-up threads; they only ever reach a scratch state stage.
 * Timestamps advance {@link #ROUND_NANOS} per round, so exited threads expire as live.
 */
final class WarmUpRecords {
    /** Made-up thread ids, above any real pid_max (4194304). */
    private static final long OTHER_THREAD = 5_000_001, CHILD = 5_000_002, FIRST_NEW_TID = 5_100_000;
    /** A process id no process has (its /proc directory does not exist). */
    private static final long UNKNOWN_PID = 4_999_999;
    /** Longer than half the state's grace for exited threads: its list of them empties now and then, as live. */
    private static final long ROUND_NANOS = 3_000_000_000L;
    private static final int ROUND_KINDS = 16;
    private static final long FD = 100;
    /** O_RDONLY|O_CLOEXEC, O_WRONLY|O_CREAT|O_TRUNC, O_RDWR|O_APPEND|O_NONBLOCK, O_RDONLY|O_DIRECTORY|O_NOFOLLOW. */
    private static final long[] OPEN_FLAGS = {02000000, 01101, 06002, 0600000};
    private static final String[] PATHS = {"/etc/ld.so.cache", "build/out/../classes/./A.class", "/var/log//syslog",
            "/proc/self/status", "/", "/home/user/.cache/x", "/tmp/dir/", "./x.txt"};
    /** Capability sets: all, none, a container runtime's default, and bits past the last named one. */
    private static final long[] CAPS = {0x1ffffffffffL, 0, 0xa80425fbL, 1L << 45 | 1};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The rounds, used in turn; the segments whose thread id changes every round (a new thread each time). */
    private final List<List<MemorySegment>> rounds = new ArrayList<>();
    private final List<List<MemorySegment>> newThread = new ArrayList<>();
    private long ts = 1_000_000_000L;
    private long nextTid = FIRST_NEW_TID;
    private int round;

    /**
     * @param pid    the process the records name (the sensor's own)
     * @param traced the syscalls the probe traces (the only ones live records can carry)
     */
    WarmUpRecords(Arena arena, long pid, Set<String> traced) {
        for (int k = 0; k < ROUND_KINDS; k++) {
            List<byte[]> r = new ArrayList<>();
            List<byte[]> fresh = new ArrayList<>();
            boolean succeed = k == 0;
            for (String name : k % 8 == 0 ? traced : Set.<String>of()) {
                SyscallTable.Spec spec = SyscallTable.spec(name);
                if (spec != null) r.add(generic(spec, pid, succeed && !name.startsWith("exec")));
            }
            int filler = EventTypes.id(traced.contains("getppid") ? "getppid" : "close");
            for (int i = 0; i < 12; i++) {
                r.add(syscall(filler, pid, pid, filler == EventTypes.id("close") ? -9 : 1, FD + 50).bytes());
                r.add(syscall(filler, OTHER_THREAD, pid, filler == EventTypes.id("close") ? -9 : 1, FD + 50).bytes());
            }
            if (traced.contains("openat")) {
                int openat = EventTypes.id("openat"), close = EventTypes.id("close");
                for (int i = 0; i < 6; i++) { // what the drain benchmark's openat producer makes (peers/sys/sysloop.c)
                    r.add(syscall(openat, pid, pid, -2, -100, 0x7f0000001000L, 0, 0).str(1, RecordLayout.ARG_STR, "/nonexistent/perf/x").bytes());
                }
                // live paths and flags vary: relative and unnormalized paths, every access mode, directories
                r.add(syscall(openat, pid, pid, -13, -100, 0x7f0000001000L, OPEN_FLAGS[k % 4], 0644).str(1, RecordLayout.ARG_STR, PATHS[k % PATHS.length]).bytes());
                for (int i = 0; i < 2; i++) {
                    r.add(syscall(openat, OTHER_THREAD, pid, 3, -100, 0x7f0000001000L, OPEN_FLAGS[(k + i + 1) % 4], 0)
                            .str(1, RecordLayout.ARG_STR, PATHS[(k + i + 1) % PATHS.length]).fileInfo(5, 0x800001, 777 + i).bytes());
                    r.add(syscall(close, OTHER_THREAD, pid, 0, 3).bytes());
                }
            }
            if (k % 4 == 1) {
                r.add(RecordBytes.of(RecordLayout.REC_FORK, 0, 0, pid, pid, 0, CHILD, CHILD, pid, pid, 1, 0).bytes());
                r.add(RecordBytes.of(RecordLayout.REC_EXEC, 0, 0, CHILD, CHILD, 0)
                        .str(RecordLayout.BLOB_FILENAME, 0, "/usr/bin/true")
                        .str(RecordLayout.BLOB_ARGS, 0, "true\0--version\0")
                        .str(RecordLayout.BLOB_EXE_DENTRY, 0, "true").str(RecordLayout.BLOB_EXE_DENTRY, 0, "bin")
                        .str(RecordLayout.BLOB_EXE_DENTRY, 0, "usr")
                        .str(RecordLayout.BLOB_CGROUP2, 0, "session-1.scope").str(RecordLayout.BLOB_CGROUP2, 0, "user.slice")
                        .execInfo(0, -1, pid, "true", CAPS[k / 4], CAPS[k / 4], CAPS[k / 4] & 0xff).bytes());
                r.add(syscall(EventTypes.id("execve"), CHILD, CHILD, 0, 0x7f0000002000L, 0x7f0000003000L, 0x7f0000004000L).bytes());
                r.add(RecordBytes.of(RecordLayout.REC_EXIT, 0, 0, CHILD, CHILD, 0).bytes());
                // a thread of this process not seen yet, and a process whose /proc entry is gone
                fresh.add(syscall(filler, 0, pid, -9, FD + 50).bytes());
                fresh.add(RecordBytes.of(RecordLayout.REC_EXIT, 0, 0, 0, pid, 0).bytes());
                r.add(syscall(filler, UNKNOWN_PID, UNKNOWN_PID, -9, FD + 50).bytes());
                r.add(RecordBytes.of(RecordLayout.REC_EXIT, 0, 0, UNKNOWN_PID, UNKNOWN_PID, 0).bytes());
            }
            List<MemorySegment> segs = new ArrayList<>();
            List<MemorySegment> freshSegs = new ArrayList<>();
            for (byte[] b : r) segs.add(arena.allocate(b.length, 8).copyFrom(MemorySegment.ofArray(b)));
            for (byte[] b : fresh) {
                MemorySegment s = arena.allocate(b.length, 8).copyFrom(MemorySegment.ofArray(b));
                segs.add(s);
                freshSegs.add(s);
            }
            rounds.add(segs);
            newThread.add(freshSegs);
        }
    }

    /** The records of the next round (shared segments, rewritten with this round's timestamp and new thread id). */
    List<MemorySegment> nextRound() {
        ts += ROUND_NANOS;
        List<MemorySegment> r = rounds.get(round);
        for (MemorySegment s : r) s.set(U64, RecordLayout.TS, ts);
        if (!newThread.get(round).isEmpty()) {
            long tid = nextTid++;
            for (MemorySegment s : newThread.get(round)) s.set(U32, RecordLayout.TID, (int) tid);
        }
        round = (round + 1) % rounds.size();
        return r;
    }

    /** One record of a syscall as the probe sends it, its arguments made up from the kinds the probe reads. */
    private static byte[] generic(SyscallTable.Spec spec, long pid, boolean succeed) {
        String name = spec.name();
        long[] args = {FD, 0x7f0000001000L, 0, 0, 0, 0};
        if (name.endsWith("at") || name.endsWith("at2")) args[0] = -100;
        if (name.equals("socket") || name.equals("socketpair")) {
            args[0] = 2;
            args[1] = 1;
        }
        if (name.equals("prctl")) args[0] = 15;
        long res = !succeed ? -2 : returnsFd(name) ? FD + 1 : 0;
        RecordBytes b = syscall(spec.nr(), pid, pid, res, args);
        int[] kinds = spec.kinds();
        for (int i = 0; i < 6; i++) {
            switch (kinds[i]) {
                case RecordLayout.ARG_STR -> {
                    if (!spec.userMemoryOnFailureOnly() || !succeed) b.str(i, RecordLayout.ARG_STR, name.equals("prctl") ? "warm-up" : "/tmp/falconet-warm-up/x");
                }
                case RecordLayout.ARG_SOCKADDR, RecordLayout.ARG_SOCKADDR_LENP -> b.blob(i, kinds[i], sockaddrIn());
                case RecordLayout.ARG_TUPLE_FD, RecordLayout.ARG_TUPLE_RES -> {
                    if (succeed) tuple(b, i);
                }
                case RecordLayout.ARG_INT_PAIR -> {
                    if (succeed) b.blob(i, kinds[i], ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) FD + 2).putInt((int) FD + 3).array());
                }
                case RecordLayout.ARG_OPEN_HOW -> b.blob(i, kinds[i], new byte[16]);
                case RecordLayout.ARG_FILE_RES, RecordLayout.ARG_FILE_FD -> {
                    if (succeed) b.fileInfo(i, 0x800001, 4242);
                }
                default -> { }
            }
        }
        return b.bytes();
    }

    private static boolean returnsFd(String name) {
        return name.startsWith("open") || name.equals("creat") || name.equals("socket") || name.startsWith("accept")
                || name.startsWith("dup") || name.equals("fcntl") || name.startsWith("eventfd") || name.startsWith("signalfd")
                || name.equals("timerfd_create") || name.startsWith("inotify_init") || name.startsWith("epoll_create")
                || name.equals("userfaultfd") || name.equals("io_uring_setup") || name.startsWith("pidfd") || name.equals("bpf")
                || name.equals("memfd_create");
    }

    /** 127.0.0.1:8080 as a struct sockaddr_in. */
    private static byte[] sockaddrIn() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2).order(ByteOrder.BIG_ENDIAN).putShort((short) 8080).put(new byte[] {127, 0, 0, 1});
        return b.array();
    }

    private static RecordBytes syscall(int nr, long tid, long pid, long res, long... args) {
        return RecordBytes.syscall(nr, 0, tid, pid, res, args);
    }

    /** A connected TCP/IPv4 socket, 127.0.0.1:40000 → 127.0.0.1:8080. */
    private static RecordBytes tuple(RecordBytes b, int tag) {
        return b.tuple4(tag, 6, LOOPBACK, 40000, LOOPBACK, 8080);
    }
}
