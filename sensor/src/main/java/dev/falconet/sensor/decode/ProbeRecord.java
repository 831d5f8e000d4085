package dev.falconet.sensor.decode;

import java.util.List;

/** One ring record, decoded: a syscall exit or a process lifecycle record. Timestamps are boot-time ns. */
public sealed interface ProbeRecord {
    long bootTs();
    long tid();
    long pid();

    /**
     * A syscall exit with the arguments the probe read for it.
     *
     * <p>The arrays are read-only: records without strings or addresses share one empty array.
     *
     * @param args     the six raw arguments
     * @param strings  per argument index: the user string read at exit, or null
     * @param sockaddr per argument index: the socket address read at exit, or null
     * @param tuple    the socket tuple of the fd the call used or returned, or null
     * @param file     device and inode of the fd the call used or returned, or null
     * @param fdPair   the two fds pipe/socketpair wrote, or null
     * @param openHow  openat2's {flags, mode}, or null
     */
    record SyscallExit(long bootTs, long tid, long pid, int nr, long res, long[] args, long euid, long egid,
                       String[] strings, SockAddr[] sockaddr, SocketTuple tuple, FileId file, int[] fdPair,
                       long[] openHow) implements ProbeRecord {
        public long arg(int i) { return args[i]; }
        public String string(int i) { return strings[i]; }
    }

    /**
     * A successful exec, from the scheduler hook (it comes before the execve exit).
     *
     * @param filename        the path as passed to execve
     * @param argv            argv, from the new image's memory
     * @param exePath         the executable's path from its dentries, or null when the walk left the process's root
     * @param cgroups         cgroup paths seen (pids hierarchy, unified hierarchy), "/"-joined
     * @param comm            the task's new comm (at most 15 characters)
     */
    record ExecRecord(long bootTs, long tid, long pid, long euid, long egid, String comm, String filename, List<String> argv,
                      String exePath, List<String> cgroups, int exeFlags, long loginUid, int ttyMajor, int ttyMinor,
                      long exeIno, long exeCtime, long exeMtime, long capEffective, long capPermitted,
                      long capInheritable, long startBootTs, long ppid, long uid, long gid) implements ProbeRecord {
        public ExecRecord {
            argv = List.copyOf(argv);
            cgroups = List.copyOf(cgroups);
        }
    }

    /** A new thread or process; tid/pid are the parent's. */
    record ForkRecord(long bootTs, long tid, long pid, long childTid, long childPid, long childStartBootTs) implements ProbeRecord {}

    /** A thread exited. */
    record ExitRecord(long bootTs, long tid, long pid, long exitCode) implements ProbeRecord {}
}
