package dev.falconet.sensor.pipeline;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Sets the nice value of the calling thread (Linux keeps one per thread): the consumer thread runs
 * ahead of ordinary work so that a busy machine does not fill the ring buffer, as auditd's
 * {@code priority_boost} does for the audit daemon. Lowering the value needs root (CAP_SYS_NICE).
 */
final class ThreadNice {
    private static final int PRIO_PROCESS = 0;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETTID = LINKER.downcallHandle(LINKER.defaultLookup().find("gettid").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle SETPRIORITY = LINKER.downcallHandle(LINKER.defaultLookup().find("setpriority").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));

    private ThreadNice() {}

    /** Sets the calling thread's nice value; returns false when the kernel refused. */
    static boolean set(int nice) {
        try {
            int tid = (int) GETTID.invokeExact();
            return (int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, nice) == 0;
        } catch (Throwable t) {
            return false;
        }
    }
}
