package dev.falconet.sensor.live;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Run in a child JVM by the live tests (the sensor ignores its own process): makes the syscalls
 * no command-line tool here makes, through the C library.
 * <ul>
 *   <li>{@code traceme MARKER}: creates MARKER, then ptrace(PTRACE_TRACEME)</li>
 *   <li>{@code attach PID}: ptrace(PTRACE_ATTACH, PID), then PTRACE_DETACH</li>
 *   <li>{@code memfd-exec BINARY ARG}: copies BINARY into a memfd and executes it (fileless execution)</li>
 * </ul>
 */
public final class SyscallDriver {
    private static final Linker LINKER = Linker.nativeLinker();

    private SyscallDriver() {}

    private static MethodHandle libc(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd);
    }

    public static void main(String[] args) throws Throwable {
        MethodHandle ptrace = libc("ptrace", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        switch (args[0]) {
            case "traceme" -> {
                // Once traced, every signal the JVM raises stops it for its tracer (the parent). The parent is a
                // shell that waits for the marker file and exits soon after, which detaches this process again.
                MethodHandle exit = libc("_exit", FunctionDescriptor.ofVoid(JAVA_INT));
                Files.createFile(Path.of(args[1]));
                long rc = (long) ptrace.invokeExact(0, 0, MemorySegment.NULL, MemorySegment.NULL);
                exit.invokeExact(rc == 0 ? 0 : 1);
            }
            case "attach" -> {
                int pid = Integer.parseInt(args[1]);
                long rc = (long) ptrace.invokeExact(16, pid, MemorySegment.NULL, MemorySegment.NULL);
                Thread.sleep(100);
                long ignored = (long) ptrace.invokeExact(17, pid, MemorySegment.NULL, MemorySegment.NULL);
                System.exit(rc == 0 ? 0 : 1);
            }
            case "memfd-exec" -> {
                MethodHandle memfd = libc("memfd_create", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                MethodHandle write = libc("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
                MethodHandle execve = libc("execve", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
                byte[] image = Files.readAllBytes(Path.of(args[1]));
                try (Arena a = Arena.ofConfined()) {
                    int fd = (int) memfd.invokeExact(a.allocateFrom("program"), 0);
                    MemorySegment buf = a.allocate(image.length);
                    MemorySegment.copy(MemorySegment.ofArray(image), 0, buf, 0, image.length);
                    long off = 0;
                    while (off < image.length) off += (long) write.invokeExact(fd, buf.asSlice(off), image.length - off);
                    MemorySegment argv = a.allocate(ADDRESS, 3);
                    argv.setAtIndex(ADDRESS, 0, a.allocateFrom("program"));
                    argv.setAtIndex(ADDRESS, 1, a.allocateFrom(args[2]));
                    argv.setAtIndex(ADDRESS, 2, MemorySegment.NULL);
                    MemorySegment envp = a.allocate(ADDRESS, 1);
                    int rc = (int) execve.invokeExact(a.allocateFrom("/proc/self/fd/" + fd), argv, envp);
                    System.exit(100 + rc);
                }
            }
            default -> throw new IllegalArgumentException("unknown action " + args[0]);
        }
    }
}
