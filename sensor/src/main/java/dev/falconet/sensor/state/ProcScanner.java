package dev.falconet.sensor.state;

import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads processes from /proc: at start for every process (the bootstrap), later for a thread
 * the probe reports before it was seen. Fills the thread (stat, status, cmdline, exe, cwd,
 * loginuid, cgroups) and the process's fd table. A process that vanished mid-read is skipped.
 */
public final class ProcScanner {
    /** Clock ticks per second for /proc/PID/stat start times (USER_HZ, 100 on Linux). */
    private static final long USER_HZ = 100;

    private final Path proc;
    private final long bootToEpoch;

    /** @param bootToEpoch epoch ns minus boot-time ns, to turn start ticks into epoch time */
    public ProcScanner(Path proc, long bootToEpoch) {
        this.proc = proc;
        this.bootToEpoch = bootToEpoch;
    }

    /** What a scan of one process found: its main thread's data, the other tids, cgroup paths and fds. */
    public record ProcessSnapshot(long pid, List<Long> tids, List<String> cgroups, FdTable fds) {}

    /** Every process's pid. */
    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) out.add(Long.parseLong(n));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Fills {@code t} (the main thread of pid) from /proc and returns the rest of the snapshot,
     * or null when the process is gone.
     */
    public ProcessSnapshot scan(long pid, ThreadInfo t) {
        Path dir = proc.resolve(Long.toString(pid));
        String stat = read(dir.resolve("stat"));
        if (stat == null) return null;
        int close = stat.lastIndexOf(')');
        int open = stat.indexOf('(');
        if (close < 0 || open < 0) return null;
        t.comm(stat.substring(open + 1, close));
        String[] f = stat.substring(close + 2).split(" ");
        // f[0]=state f[1]=ppid f[2]=pgrp f[3]=session f[4]=tty_nr ... f[19]=starttime
        t.pid(pid);
        t.ptid(parseLong(f, 1));
        t.sid(parseLong(f, 3));
        t.tty(parseLong(f, 4));
        long startTicks = parseLong(f, 19);
        if (startTicks > 0) t.cloneTs(startTicks * (1_000_000_000L / USER_HZ) + bootToEpoch);
        String status = read(dir.resolve("status"));
        if (status != null) {
            for (String line : status.split("\n")) {
                if (line.startsWith("Uid:")) t.uid(field(line, 2));
                else if (line.startsWith("Gid:")) t.gid(field(line, 2));
                else if (line.startsWith("CapEff:")) t.capEffective(hex(line));
                else if (line.startsWith("CapPrm:")) t.capPermitted(hex(line));
                else if (line.startsWith("CapInh:")) t.capInheritable(hex(line));
                else if (line.startsWith("NSpid:")) t.vpid(lastField(line)).vtid(lastField(line));
                else if (line.startsWith("NSpgid:")) t.vpgid(lastField(line));
            }
        }
        String cmdline = read(dir.resolve("cmdline"));
        List<String> argv = cmdline == null || cmdline.isEmpty() ? List.of() : split(cmdline);
        String exepath = link(dir.resolve("exe"));
        if (exepath != null && exepath.endsWith(" (deleted)")) exepath = exepath.substring(0, exepath.length() - 10);
        t.exepath(exepath == null ? "" : exepath);
        t.exe(argv.isEmpty() ? t.comm() : argv.get(0));
        t.args(argv.size() > 1 ? argv.subList(1, argv.size()) : List.of());
        String cwd = link(dir.resolve("cwd"));
        t.cwd(cwd == null ? "" : cwd);
        String login = read(dir.resolve("loginuid"));
        if (login != null) {
            long l = parseLong(new String[] {login.strip()}, 0);
            t.loginUid(l == 4294967295L ? -1 : l);
        }
        List<String> cgroups = new ArrayList<>();
        String cg = read(dir.resolve("cgroup"));
        if (cg != null) {
            for (String line : cg.split("\n")) {
                int i = line.indexOf(':', line.indexOf(':') + 1);
                if (i > 0) cgroups.add(line.substring(i + 1));
            }
        }
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path p : ds) tids.add(Long.parseLong(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            tids.add(pid);
        }
        return new ProcessSnapshot(pid, tids, cgroups, fds(dir));
    }

    private FdTable fds(Path dir) {
        FdTable table = new FdTable();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path p : ds) {
                long num;
                try {
                    num = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                String target = link(p);
                if (target != null) table.put(fdFromLink(num, target));
            }
        } catch (IOException | RuntimeException e) {
            // process gone or fds not readable: an empty table
        }
        return table;
    }

    /** An fd from its /proc/PID/fd link text. */
    static FdInfo fdFromLink(long num, String target) {
        if (target.startsWith("/memfd:")) return FdInfo.file(num, FdType.MEMFD, target.substring(1).replace(" (deleted)", ""), null, 0);
        if (target.startsWith("/")) return FdInfo.file(num, FdType.FILE, target, target, 0);
        FdType type;
        if (target.startsWith("socket:")) type = FdType.UNKNOWN;
        else if (target.startsWith("pipe:")) type = FdType.PIPE;
        else if (target.contains("[eventfd]")) type = FdType.EVENT;
        else if (target.contains("[eventpoll]")) type = FdType.EVENTPOLL;
        else if (target.contains("inotify")) type = FdType.INOTIFY;
        else if (target.contains("[signalfd]")) type = FdType.SIGNALFD;
        else if (target.contains("[timerfd]")) type = FdType.TIMERFD;
        else if (target.contains("bpf")) type = FdType.BPF;
        else if (target.contains("[pidfd]")) type = FdType.PIDFD;
        else if (target.contains("[io_uring]")) type = FdType.IOURING;
        else if (target.contains("[userfaultfd]")) type = FdType.USERFAULTFD;
        else type = FdType.UNKNOWN;
        return FdInfo.file(num, type, "", "", 0);
    }

    static List<String> split(String nulSeparated) {
        String s = nulSeparated.endsWith("\0") ? nulSeparated.substring(0, nulSeparated.length() - 1) : nulSeparated;
        return Arrays.asList(s.split("\0", -1));
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String link(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parseLong(String[] f, int i) {
        try {
            return i < f.length ? Long.parseLong(f[i]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The Nth whitespace-separated value of a status line (1 = first after the key). */
    private static long field(String line, int n) {
        String[] f = line.trim().split("\\s+");
        return parseLong(f, n);
    }

    private static long lastField(String line) {
        String[] f = line.trim().split("\\s+");
        return parseLong(f, f.length - 1);
    }

    private static long hex(String line) {
        String[] f = line.trim().split("\\s+");
        try {
            return Long.parseUnsignedLong(f[1], 16);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Makes the thread table and fd tables from every process in /proc. */
    public void bootstrap(ThreadTable threads, java.util.Map<Long, FdTable> fdTables,
                          java.util.function.BiConsumer<ThreadInfo, List<String>> onContainerCgroups) {
        for (long pid : pids()) {
            ThreadInfo main = new ThreadInfo(threads, pid);
            ProcessSnapshot snap = scan(pid, main);
            if (snap == null) continue;
            threads.put(main);
            onContainerCgroups.accept(main, snap.cgroups());
            fdTables.put(pid, snap.fds());
            for (long tid : snap.tids()) {
                if (tid == pid) continue;
                ThreadInfo t = new ThreadInfo(threads, tid).copyProcessStateFrom(main);
                threads.put(t);
            }
        }
    }
}
