package dev.falconet.sensor.bpf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains the probe's BPF ring buffer on one platform thread, reading the kernel's shared pages
 * directly (the protocol of libbpf's {@code ringbuf.c}, without a native call or an upcall per
 * record): the consumer position page (read-write), the producer position page and the data pages
 * (read-only, mapped twice in a row so a record that wraps around is contiguous). Each record starts
 * with an 8-byte header: its length, with a busy bit while the producer is still writing it and a
 * discard bit for records the producer gave up.
 *
 * <p>The probe writes without waking the consumer (BPF_RB_NO_WAKEUP), so there is no wake-up per
 * event: this thread consumes whatever is there, and sleeps {@code idleNanos} when the ring was empty.
 * Each record is handed to the {@link RecordHandler} as a segment valid only during the call.
 */
public final class RingConsumer implements AutoCloseable {
    /** Receives one ring record. It must not keep the segment: its bytes are reused by the producer. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(MemorySegment record);
    }

    private static final long BUSY_BIT = 1L << 31;
    private static final long DISCARD_BIT = 1L << 30;
    private static final int RECORD_HEADER = 8;
    private static final VarHandle POSITION = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle LENGTH = ValueLayout.JAVA_INT.varHandle();

    private final RingMemory memory;
    private final MemorySegment consumerPage;
    private final MemorySegment producerPage;
    private final MemorySegment data;
    private final long mask;
    private final RecordHandler handler;
    private final long idleNanos;
    private volatile boolean running = true;
    private volatile Throwable handlerFailure;
    private long consumed;
    private Runnable periodic;
    private boolean closed;

    /**
     * @param ringBytes the ring's data size (the map's max_entries, a power of two)
     */
    public RingConsumer(int ringFd, long ringBytes, RecordHandler handler, long idleNanos) {
        this(RingMemory.map(ringFd, checkSize(ringBytes)), ringBytes, handler, idleNanos);
    }

    RingConsumer(RingMemory memory, long ringBytes, RecordHandler handler, long idleNanos) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.idleNanos = idleNanos;
        this.memory = memory;
        this.consumerPage = memory.consumerPage();
        this.producerPage = memory.producerPage();
        this.data = memory.data();
        this.mask = ringBytes - 1;
    }

    static long checkSize(long ringBytes) {
        if (Long.bitCount(ringBytes) != 1) throw new IllegalArgumentException("ring size must be a power of two: " + ringBytes);
        return ringBytes;
    }

    public RingConsumer(BpfProbe probe, RecordHandler handler, long idleNanos) {
        this(probe.mapFd(BpfProbe.RING_MAP), probe.ringBytes(), handler, idleNanos);
    }

    /**
     * Consumes the records that were in the ring when called (one pass: under a flood the producer never
     * stops, and a caller that wants to stop must get control back); returns the number of records.
     */
    public int drainOnce() {
        long cons = (long) POSITION.getAcquire(consumerPage, 0L);
        long prod = (long) POSITION.getAcquire(producerPage, 0L);
        int n = 0;
        while (cons < prod) {
            long at = cons & mask;
            long len = Integer.toUnsignedLong((int) LENGTH.getAcquire(data, at));
            // the producer has reserved but not committed this record yet: come back later
            if ((len & BUSY_BIT) != 0) break;
            long size = len & ~(BUSY_BIT | DISCARD_BIT);
            if ((len & DISCARD_BIT) == 0) {
                deliver(data.asSlice(at + RECORD_HEADER, size));
                n++;
            }
            cons += (size + RECORD_HEADER + 7) & ~7L;
            // hand the space back at once: the producer may be waiting for it
            POSITION.setRelease(consumerPage, 0L, cons);
        }
        return n;
    }

    private void deliver(MemorySegment record) {
        try {
            consumed++;
            handler.onRecord(record);
            // under sustained load one drain may never end: run the periodic work from here too
            if ((consumed & 4095) == 0 && periodic != null) periodic.run();
        } catch (RuntimeException | Error t) {
            if (handlerFailure == null) handlerFailure = t;
        }
    }

    /**
     * Runs until {@link #stop()}: drain, sleep when idle, and a last pass over what is left. Call on a platform thread.
     * {@code betweenBatches} runs after every drain, on every idle tick, and every 4096 records within a long
     * drain (stats, drop notices); it must be cheap when it has nothing to do.
     */
    public void run(Runnable betweenBatches) {
        periodic = betweenBatches;
        while (running) {
            int n = drainOnce();
            betweenBatches.run();
            if (n == 0) LockSupport.parkNanos(idleNanos);
        }
        drainOnce();
        betweenBatches.run();
    }

    public void stop() {
        running = false;
    }

    /** Records handed to the handler so far. */
    public long consumed() {
        return consumed;
    }

    /** The first exception a handler threw, or null. */
    public Throwable handlerFailure() {
        return handlerFailure;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        running = false;
        memory.close();
    }
}
