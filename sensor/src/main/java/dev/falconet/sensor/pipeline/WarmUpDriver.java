package dev.falconet.sensor.pipeline;

import dev.falconet.sensor.bpf.RingConsumer;
import dev.falconet.sensor.bpf.SyntheticRing;
import java.lang.foreign.MemorySegment;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The producer side of the JIT warm-up, on its own thread as the kernel is: writes rounds of made-up records
 * into the synthetic ring while the consumer drains it, and stops the consumer once the JIT compiler has
 * finished nothing for {@link #QUIET_NANOS} (after at least {@link #MIN_RECORDS} records), or when the budget
 * runs out.
 */
final class WarmUpDriver implements Runnable {
    static final long MIN_RECORDS = 200_000;
    static final long QUIET_NANOS = 150_000_000L;
    private static final long CHECK_NANOS = 10_000_000L;
    private static final long BUSY_WAIT_NANOS = 50_000_000L;

    private final SyntheticRing ring;
    private final WarmUpRecords records;
    private final RingConsumer consumer;
    private final long start;
    private final long budgetNanos;
    private volatile long written;
    private volatile boolean settled;

    WarmUpDriver(SyntheticRing ring, WarmUpRecords records, RingConsumer consumer, long start, long budgetNanos) {
        this.ring = ring;
        this.records = records;
        this.consumer = consumer;
        this.start = start;
        this.budgetNanos = budgetNanos;
    }

    @Override
    public void run() {
        try {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
            long compileMillis = timed ? jit.getTotalCompilationTime() : 0;
            long lastCheck = start, quietSince = start, n = 0, rounds = 0;
            while (true) {
                var round = records.nextRound();
                // as live: one record skipped by the producer, and now and then the last one still being written when
                // the reader gets there (this waits for the reader to catch up, and the reader then idles a moment:
                // not every round)
                boolean busy = ++rounds % 16 == 0;
                offer(round.get(0), SyntheticRing.DISCARDED);
                int last = round.size() - 1;
                for (int i = 0; i < last; i++) offer(round.get(i), SyntheticRing.COMMITTED);
                offer(round.get(last), busy ? SyntheticRing.BUSY : SyntheticRing.COMMITTED);
                for (long until = System.nanoTime() + BUSY_WAIT_NANOS; busy && !ring.readerAtBusy() && System.nanoTime() < until; )
                    Thread.onSpinWait();
                n += round.size();
                written = n;
                long now = System.nanoTime();
                if (now - start >= budgetNanos) break;
                if (now - lastCheck < CHECK_NANOS) continue;
                lastCheck = now;
                long c = timed ? jit.getTotalCompilationTime() : compileMillis;
                if (c != compileMillis) {
                    compileMillis = c;
                    quietSince = now;
                } else if (n >= MIN_RECORDS && now - quietSince >= QUIET_NANOS) {
                    settled = true;
                    break;
                }
            }
        } finally {
            consumer.stop();
        }
    }

    private void offer(MemorySegment record, int state) {
        while (!ring.offer(record, state)) LockSupport.parkNanos(20_000);
    }

    long records() {
        return written;
    }

    boolean settled() {
        return settled;
    }
}
