package dev.falconet.sensor.bpf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A ring buffer with the kernel's layout in ordinary native memory, written from Java: records go in as
 * {@code bpf_ringbuf_submit} leaves them (8-byte header with the length, data 8-byte aligned) and a
 * {@link RingConsumer} reads them with the very code that drains the probe's ring. The sensor's JIT warm-up
 * uses it ({@code SensorPipeline.warmUp}). One writer thread and one reader thread.
 */
public final class SyntheticRing implements AutoCloseable {
    private static final VarHandle POSITION = ValueLayout.JAVA_LONG.varHandle();
    private static final int RECORD_HEADER = 8;

    private final RingMemory memory;
    private final long ringBytes;
    private final long mask;
    private long produced;
    /** A record left with its busy bit set (at {@link #BUSY}) until the next offer: -1 when none. */
    private long busyAt = -1, busyPosition;
    private int busyLength;

    /** How {@link #offer(MemorySegment, int)} leaves a record: ready, still being written, or discarded. */
    public static final int COMMITTED = 0, BUSY = 1, DISCARDED = 2;
    private static final int BUSY_BIT = 1 << 31, DISCARD_BIT = 1 << 30;

    /** @param ringBytes the data size, a power of two */
    public SyntheticRing(long ringBytes) {
        this.ringBytes = RingConsumer.checkSize(ringBytes);
        this.mask = ringBytes - 1;
        this.memory = RingMemory.allocate(ringBytes);
    }

    /** Appends one record, committed; false (nothing written) while the reader has not freed enough room. */
    public boolean offer(MemorySegment record) {
        return offer(record, COMMITTED);
    }

    /**
     * Appends one record as a producer can leave it: {@link #COMMITTED}, {@link #BUSY} (reserved but not committed
     * yet: the reader stops there until the next offer commits it) or {@link #DISCARDED} (the reader skips it);
     * false (nothing written) while the reader has not freed enough room.
     */
    public boolean offer(MemorySegment record, int state) {
        MemorySegment data = memory.data();
        if (busyAt >= 0) {
            data.set(ValueLayout.JAVA_INT, busyAt, busyLength);
            busyAt = -1;
        }
        long size = record.byteSize();
        long total = (size + RECORD_HEADER + 7) & ~7L;
        long consumed = (long) POSITION.getAcquire(memory.consumerPage(), 0L);
        if (produced + total - consumed > ringBytes) return false;
        long at = produced & mask;
        MemorySegment.copy(record, 0, data, at + RECORD_HEADER, size);
        // the length word last (the position's release store below publishes both)
        data.set(ValueLayout.JAVA_INT, at + 4, 0);
        int length = (int) size | (state == DISCARDED ? DISCARD_BIT : 0);
        if (state == BUSY) {
            busyAt = at;
            busyPosition = produced;
            busyLength = length;
            length |= BUSY_BIT;
        }
        data.set(ValueLayout.JAVA_INT, at, length);
        produced += total;
        POSITION.setRelease(memory.producerPage(), 0L, produced);
        return true;
    }

    /** Whether the reader has reached the record left busy (and stopped there). */
    public boolean readerAtBusy() {
        return busyAt >= 0 && (long) POSITION.getAcquire(memory.consumerPage(), 0L) >= busyPosition;
    }

    /** A consumer of this ring (closing it, or this ring, frees the memory). */
    public RingConsumer consumer(RingConsumer.RecordHandler handler, long idleNanos) {
        return new RingConsumer(memory, ringBytes, handler, idleNanos);
    }

    @Override
    public void close() {
        memory.close();
    }
}
