package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Instant;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.ADDRESS;

/** CLOCK_BOOTTIME (what bpf_ktime_get_boot_ns reads) and the euid, through the C library. */
public final class NativeClock {
    private static final int CLOCK_BOOTTIME = 7;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle CLOCK_GETTIME = LINKER.downcallHandle(
            LINKER.defaultLookup().find("clock_gettime").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle GETEUID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("geteuid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));

    private NativeClock() {}

    public static long bootTimeNanos() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ts = a.allocate(16, 8);
            int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_BOOTTIME, ts);
            if (rc != 0) throw new IllegalStateException("clock_gettime(CLOCK_BOOTTIME) failed");
            return ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Epoch nanoseconds minus boot-time nanoseconds, now: add it to a probe timestamp. */
    public static long bootToEpochOffset() {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 3; i++) {
            long b0 = bootTimeNanos();
            Instant now = Instant.now();
            long b1 = bootTimeNanos();
            if (b1 - b0 < best) {
                best = b1 - b0;
                offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (b0 + (b1 - b0) / 2);
            }
        }
        return offset;
    }

    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
