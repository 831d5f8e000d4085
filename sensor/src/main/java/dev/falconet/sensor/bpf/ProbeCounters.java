package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Reads the probe's per-CPU counters (records written, records lost because the ring was full). */
public final class ProbeCounters {
    public static final int RECORDS = 0;
    public static final int RING_DROPS = 1;
    private static final int SLOTS = 2;

    /** One reading, summed over CPUs. */
    public record Snapshot(long records, long ringDrops) {
        public long drops() { return ringDrops; }
    }

    private final Libbpf bpf;
    private final int fd;
    private final int cpus;

    public ProbeCounters(BpfProbe probe) {
        this.bpf = probe.libbpf();
        this.fd = probe.mapFd(BpfProbe.COUNTER_MAP);
        this.cpus = bpf.possibleCpus();
    }

    public Snapshot read() {
        long[] sums = new long[SLOTS];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment key = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment values = a.allocate(8L * cpus, 8);
            for (int slot = 0; slot < SLOTS; slot++) {
                key.set(ValueLayout.JAVA_INT, 0, slot);
                if (!bpf.mapLookup(fd, key, values)) continue;
                for (int c = 0; c < cpus; c++) sums[slot] += values.getAtIndex(ValueLayout.JAVA_LONG, c);
            }
        }
        return new Snapshot(sums[RECORDS], sums[RING_DROPS]);
    }
}
